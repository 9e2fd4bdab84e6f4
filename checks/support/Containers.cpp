//===--- Containers.cpp - container families and what invalidates them ---===//

#include "support/Containers.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::safedelete {
namespace {

using K = ContainerKind;
using I = Invalidation;

/// The rules a kind has unless its family says otherwise.
struct Rules {
  Invalidation OnErase;
  Invalidation OnInsert;
};

Rules rulesOf(ContainerKind Kind) {
  switch (Kind) {
  case K::Node:
    return {I::Erased, I::None};
  case K::Hashed:
    return {I::Erased, I::Iterators};
  case K::Contiguous:
    return {I::ErasedAndAfter, I::All};
  }
  return {I::Erased, I::None};
}

struct Family {
  const char *Name;
  ContainerKind Kind;
  bool IsMap;
  // Where the family departs from its kind's rules.
  compat::Optional<Rules> Own = {};
};

// The built-in table. Sources: the C++ standard's [container.reqmts] and
// each library's documentation of iterator invalidation.
const Family BuiltIn[] = {
    {"std::map", K::Node, true},
    {"std::multimap", K::Node, true},
    {"std::set", K::Node, false},
    {"std::multiset", K::Node, false},
    {"std::list", K::Node, false},
    {"std::forward_list", K::Node, false},
    {"boost::container::map", K::Node, true},
    {"boost::container::multimap", K::Node, true},
    {"boost::container::set", K::Node, false},
    {"boost::container::multiset", K::Node, false},
    {"boost::container::list", K::Node, false},
    {"boost::container::slist", K::Node, false},
    {"boost::container::stable_vector", K::Node, false},
    // Qt 5's QMap is a skip list of nodes, Qt 6's wraps a std::map.
    {"QMap", K::Node, true},
    {"QMultiMap", K::Node, true},
    {"QLinkedList", K::Node, false},
    // Abseil's B-trees move elements between nodes on every change.
    {"absl::btree_map", K::Node, true, Rules{I::All, I::All}},
    {"absl::btree_multimap", K::Node, true, Rules{I::All, I::All}},
    {"absl::btree_set", K::Node, false, Rules{I::All, I::All}},
    {"absl::btree_multiset", K::Node, false, Rules{I::All, I::All}},

    {"std::unordered_map", K::Hashed, true},
    {"std::unordered_multimap", K::Hashed, true},
    {"std::unordered_set", K::Hashed, false},
    {"std::unordered_multiset", K::Hashed, false},
    {"absl::node_hash_map", K::Hashed, true},
    {"absl::node_hash_set", K::Hashed, false},
    {"boost::unordered_map", K::Hashed, true},
    {"boost::unordered_multimap", K::Hashed, true},
    {"boost::unordered_set", K::Hashed, false},
    {"boost::unordered_multiset", K::Hashed, false},
    {"boost::unordered_node_map", K::Hashed, true},
    {"boost::unordered_node_set", K::Hashed, false},
    {"llvm::StringMap", K::Hashed, true},
    {"llvm::StringSet", K::Hashed, false},
    // Open addressing: a rehash moves the elements themselves.
    {"absl::flat_hash_map", K::Hashed, true, Rules{I::Erased, I::All}},
    {"absl::flat_hash_set", K::Hashed, false, Rules{I::Erased, I::All}},
    {"boost::unordered_flat_map", K::Hashed, true, Rules{I::Erased, I::All}},
    {"boost::unordered_flat_set", K::Hashed, false, Rules{I::Erased, I::All}},
    {"llvm::DenseMap", K::Hashed, true, Rules{I::Erased, I::All}},
    {"llvm::SmallDenseMap", K::Hashed, true, Rules{I::Erased, I::All}},
    {"llvm::DenseSet", K::Hashed, false, Rules{I::Erased, I::All}},
    {"llvm::SmallDenseSet", K::Hashed, false, Rules{I::Erased, I::All}},
    {"QHash", K::Hashed, true, Rules{I::Erased, I::All}},
    {"QMultiHash", K::Hashed, true, Rules{I::Erased, I::All}},
    {"QSet", K::Hashed, false, Rules{I::Erased, I::All}},

    {"std::vector", K::Contiguous, false},
    {"std::basic_string", K::Contiguous, false},
    // An erase inside a deque, not at an end, invalidates every element.
    {"std::deque", K::Contiguous, false, Rules{I::All, I::All}},
    {"absl::InlinedVector", K::Contiguous, false},
    {"boost::container::vector", K::Contiguous, false},
    {"boost::container::small_vector", K::Contiguous, false},
    {"boost::container::static_vector", K::Contiguous, false},
    {"boost::container::devector", K::Contiguous, false},
    {"boost::container::deque", K::Contiguous, false, Rules{I::All, I::All}},
    {"boost::container::flat_map", K::Contiguous, true},
    {"boost::container::flat_multimap", K::Contiguous, true},
    {"boost::container::flat_set", K::Contiguous, false},
    {"boost::container::flat_multiset", K::Contiguous, false},
    {"llvm::SmallVector", K::Contiguous, false},
    {"llvm::SmallVectorImpl", K::Contiguous, false},
    {"QVector", K::Contiguous, false},
    {"QList", K::Contiguous, false},
};

const char *const Removals[] = {
    "erase",     "extract",     "erase_after", "remove",   "take",
    "pop_back",  "pop_front",   "takeFirst",   "takeLast", "removeOne",
    "removeAll", "removeFirst", "removeLast"};
const char *const Clears[] = {"clear", "assign", "operator="};
const char *const Insertions[] = {
    "insert",           "emplace",   "emplace_hint", "try_emplace",
    "insert_or_assign", "push_back", "emplace_back", "push_front",
    "emplace_front",    "resize",    "reserve",      "rehash",
    "shrink_to_fit",    "append",    "prepend",      "insertMulti"};

bool named(llvm::ArrayRef<const char *> List, llvm::StringRef Name) {
  return llvm::any_of(List, [&](const char *N) { return Name == N; });
}

/// Whether \p Record or one of its bases declares \p Member.
bool declares(const CXXRecordDecl *Record, llvm::StringRef Member) {
  const auto Has = [&](const CXXRecordDecl *R) {
    return !R->lookup(&R->getASTContext().Idents.get(Member)).empty();
  };
  if (Has(Record))
    return true;
  return Record->hasDefinition() &&
         !Record->forallBases([&](const CXXRecordDecl *B) { return !Has(B); });
}

} // namespace

std::string qualifiedNameOf(const NamedDecl *D) {
  if (!D || !D->getIdentifier())
    return "";
  llvm::SmallVector<llvm::StringRef, 4> Parts{D->getName()};
  for (const DeclContext *C = D->getDeclContext(); C; C = C->getParent()) {
    if (C->isInlineNamespace() || isa<TranslationUnitDecl>(C) ||
        isa<LinkageSpecDecl>(C))
      continue;
    const auto *Named = dyn_cast<NamedDecl>(C);
    if (!Named || !Named->getIdentifier() ||
        !(isa<NamespaceDecl>(C) || isa<RecordDecl>(C)))
      return "";
    Parts.push_back(Named->getName());
  }
  std::string Result;
  for (llvm::StringRef Part : llvm::reverse(Parts)) {
    if (!Result.empty())
      Result += "::";
    Result += Part.str();
  }
  return Result;
}

ContainerTable::ContainerTable() {
  for (const Family &F : BuiltIn) {
    const Rules R = F.Own ? *F.Own : rulesOf(F.Kind);
    Entries.push_back({F.Name, F.Kind, F.IsMap, R.OnErase, R.OnInsert});
  }
}

void ContainerTable::add(ContainerKind Kind,
                         llvm::ArrayRef<std::string> Names) {
  const Rules R = rulesOf(Kind);
  for (llvm::StringRef Name : Names) {
    Name.consume_front("::");
    // IsMap is read from the class itself (its mapped_type).
    Entries.push_back({Name.str(), Kind, false, R.OnErase, R.OnInsert});
  }
}

const ContainerInfo *ContainerTable::find(llvm::StringRef Name) const {
  // User entries come last and win over the built-in ones.
  for (const ContainerInfo &E : llvm::reverse(Entries))
    if (E.Family == Name)
      return &E;
  return nullptr;
}

compat::Optional<ContainerInfo>
ContainerTable::classifyOne(const CXXRecordDecl *R) const {
  const NamedDecl *Named = R;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(R))
    Named = Spec->getSpecializedTemplate();
  const ContainerInfo *E = find(qualifiedNameOf(Named));
  if (!E)
    return {};
  ContainerInfo Info = *E;
  Info.IsMap = Info.IsMap || declares(R, "mapped_type");
  return Info;
}

compat::Optional<ContainerInfo>
ContainerTable::classify(const CXXRecordDecl *Record) const {
  if (!Record)
    return {};
  if (auto Info = classifyOne(Record))
    return Info;
  compat::Optional<ContainerInfo> Found;
  if (Record->hasDefinition())
    Record->forallBases([&](const CXXRecordDecl *Base) {
      Found = classifyOne(Base);
      return !Found;
    });
  return Found;
}

compat::Optional<ContainerInfo> ContainerTable::classify(QualType Type) const {
  if (Type.isNull())
    return {};
  Type = Type.getNonReferenceType();
  if (Type->isPointerType())
    Type = Type->getPointeeType();
  if (const CXXRecordDecl *Record = Type->getAsCXXRecordDecl())
    return classify(Record);
  // A dependent `std::map<K, V>` in a template: the template is known.
  const auto *Spec = Type->getAs<TemplateSpecializationType>();
  const TemplateDecl *Template =
      Spec ? Spec->getTemplateName().getAsTemplateDecl() : nullptr;
  if (const ContainerInfo *E =
          Template ? find(qualifiedNameOf(Template)) : nullptr)
    return *E;
  return {};
}

compat::Optional<ContainerKind> ContainerTable::kindOf(QualType Type) const {
  if (const auto Info = classify(Type))
    return Info->Kind;
  return {};
}

bool ContainerTable::isMap(QualType Type) const {
  const auto Info = classify(Type);
  return Info && Info->IsMap;
}

std::vector<std::string> ContainerTable::qualifiedNames() const {
  std::vector<std::string> Names;
  for (const ContainerInfo &E : Entries)
    Names.push_back("::" + E.Family);
  return Names;
}

bool isRemoval(llvm::StringRef Method) { return named(Removals, Method); }

bool mayInvalidate(llvm::StringRef Method) {
  return isRemoval(Method) || named(Clears, Method) ||
         named(Insertions, Method) || Method == "swap" ||
         Method == "operator[]";
}

bool changesElements(llvm::StringRef Method) {
  if (Method.empty())
    return false;
  const std::string Lower = Method.lower();
  const std::string Camel =
      llvm::toLower(Method[0]) + Method.drop_front().str();
  for (const llvm::StringRef Prefix :
       {"insert", "emplace", "push", "pop", "erase", "remove", "take"})
    if (llvm::StringRef(Lower).substr(0, Prefix.size()) == Prefix)
      return true;
  return mayInvalidate(Camel) || named({"merge", "splice", "replace"}, Camel);
}

bool hasMappedType(const CXXRecordDecl *Record) {
  return Record && declares(Record, "mapped_type");
}

bool isStringLike(const CXXRecordDecl *Record) {
  Record = Record ? Record->getDefinition() : nullptr;
  if (!Record)
    return false;
  for (const NamedDecl *Found :
       Record->lookup(&Record->getASTContext().Idents.get("value_type"))) {
    const auto *Type = dyn_cast<TypedefNameDecl>(Found);
    if (!Type)
      continue;
    const QualType Element = Type->getUnderlyingType().getCanonicalType();
    if (Element->isAnyCharacterType())
      return true;
    const CXXRecordDecl *Class = Element->getAsCXXRecordDecl();
    return Class && Class->getIdentifier() &&
           Class->getName().take_back(4) == "Char";
  }
  return false;
}

bool erasureReaches(Invalidation Effect, ElementPosition Erased, bool One,
                    ElementPosition Held) {
  using P = ElementPosition;
  switch (Effect) {
  case I::None:
  case I::Iterators:
    return false;
  case I::All:
    return true;
  case I::Erased:
    if (Erased.From == P::Unknown || Erased.From != Held.From || !One)
      return false;
    return Erased.From == P::Back || Erased.Offset == Held.Offset;
  case I::ErasedAndAfter:
    if (Held.From == P::Back)
      return One;
    return Erased.From == P::Front && Held.From == P::Front &&
           Held.Offset >= Erased.Offset;
  }
  return false;
}

Invalidation invalidationOf(const ContainerInfo &Info, llvm::StringRef Method) {
  if ((Method == "pop_back" || Method == "pop_front") &&
      Info.Kind == K::Contiguous)
    return I::Erased;
  if (isRemoval(Method))
    return Info.OnErase;
  if (named(Clears, Method))
    return I::All;
  if (Method == "swap")
    return Info.Family == "std::basic_string" ? I::All : I::None;
  if (named(Insertions, Method) || (Method == "operator[]" && Info.IsMap))
    return Info.OnInsert;
  return I::None;
}

} // namespace clang::tidy::safedelete
