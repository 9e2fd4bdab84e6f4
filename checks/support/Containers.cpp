//===--- Containers.cpp - container families and what invalidates them ---===//

#include "support/Containers.h"
#include "support/NameList.h"
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

/// What a family's elements and keys are.
enum Traits : unsigned {
  Seq = 0,        ///< a sequence: no keys
  Set = 1,        ///< the elements are keys
  Map = 2,        ///< key/value pairs
  Multi = 4,      ///< a key may occur several times
  NoKeyErase = 8, ///< erase takes an iterator only (Qt: remove(key))
};

struct Family {
  const char *Name;
  ContainerKind Kind;
  unsigned Traits;
  // Where the family departs from its kind's rules.
  compat::Optional<Rules> Own = {};
};

// The built-in table, one line per family: adding a family here teaches it
// to every check. Sources: the C++ standard's [container.reqmts] and each
// library's documentation of iterator invalidation.
const Family BuiltIn[] = {
    {"std::map", K::Node, Map},
    {"std::multimap", K::Node, Map | Multi},
    {"std::set", K::Node, Set},
    {"std::multiset", K::Node, Set | Multi},
    {"std::list", K::Node, Seq},
    {"std::forward_list", K::Node, Seq},
    {"boost::container::map", K::Node, Map},
    {"boost::container::multimap", K::Node, Map | Multi},
    {"boost::container::set", K::Node, Set},
    {"boost::container::multiset", K::Node, Set | Multi},
    {"boost::container::list", K::Node, Seq},
    {"boost::container::slist", K::Node, Seq},
    {"boost::container::stable_vector", K::Node, Seq},
    // Qt 5's QMap is a skip list of nodes, Qt 6's wraps a std::map.
    {"QMap", K::Node, Map | NoKeyErase},
    {"QMultiMap", K::Node, Map | Multi | NoKeyErase},
    {"QLinkedList", K::Node, Seq},
    // Abseil's B-trees move elements between nodes on every change.
    {"absl::btree_map", K::Node, Map, Rules{I::All, I::All}},
    {"absl::btree_multimap", K::Node, Map | Multi, Rules{I::All, I::All}},
    {"absl::btree_set", K::Node, Set, Rules{I::All, I::All}},
    {"absl::btree_multiset", K::Node, Set | Multi, Rules{I::All, I::All}},

    {"std::unordered_map", K::Hashed, Map},
    {"std::unordered_multimap", K::Hashed, Map | Multi},
    {"std::unordered_set", K::Hashed, Set},
    {"std::unordered_multiset", K::Hashed, Set | Multi},
    {"absl::node_hash_map", K::Hashed, Map},
    {"absl::node_hash_set", K::Hashed, Set},
    {"boost::unordered_map", K::Hashed, Map},
    {"boost::unordered_multimap", K::Hashed, Map | Multi},
    {"boost::unordered_set", K::Hashed, Set},
    {"boost::unordered_multiset", K::Hashed, Set | Multi},
    {"boost::unordered_node_map", K::Hashed, Map},
    {"boost::unordered_node_set", K::Hashed, Set},
    {"llvm::StringMap", K::Hashed, Map},
    {"llvm::StringSet", K::Hashed, Set},
    // Open addressing: a rehash moves the elements themselves.
    {"absl::flat_hash_map", K::Hashed, Map, Rules{I::Erased, I::All}},
    {"absl::flat_hash_set", K::Hashed, Set, Rules{I::Erased, I::All}},
    {"boost::unordered_flat_map", K::Hashed, Map, Rules{I::Erased, I::All}},
    {"boost::unordered_flat_set", K::Hashed, Set, Rules{I::Erased, I::All}},
    {"llvm::DenseMap", K::Hashed, Map, Rules{I::Erased, I::All}},
    {"llvm::SmallDenseMap", K::Hashed, Map, Rules{I::Erased, I::All}},
    {"llvm::DenseSet", K::Hashed, Set, Rules{I::Erased, I::All}},
    {"llvm::SmallDenseSet", K::Hashed, Set, Rules{I::Erased, I::All}},
    {"QHash", K::Hashed, Map | NoKeyErase, Rules{I::Erased, I::All}},
    {"QMultiHash", K::Hashed, Map | Multi | NoKeyErase,
     Rules{I::Erased, I::All}},
    {"QSet", K::Hashed, Set | NoKeyErase, Rules{I::Erased, I::All}},

    {"std::vector", K::Contiguous, Seq},
    {"std::basic_string", K::Contiguous, Seq},
    // An erase inside a deque, not at an end, invalidates every element.
    {"std::deque", K::Contiguous, Seq, Rules{I::All, I::All}},
    {"absl::InlinedVector", K::Contiguous, Seq},
    {"boost::container::vector", K::Contiguous, Seq},
    {"boost::container::small_vector", K::Contiguous, Seq},
    {"boost::container::static_vector", K::Contiguous, Seq},
    {"boost::container::devector", K::Contiguous, Seq},
    {"boost::container::deque", K::Contiguous, Seq, Rules{I::All, I::All}},
    {"boost::container::flat_map", K::Contiguous, Map},
    {"boost::container::flat_multimap", K::Contiguous, Map | Multi},
    {"boost::container::flat_set", K::Contiguous, Set},
    {"boost::container::flat_multiset", K::Contiguous, Set | Multi},
    {"llvm::SmallVector", K::Contiguous, Seq},
    {"llvm::SmallVectorImpl", K::Contiguous, Seq},
    {"QVector", K::Contiguous, Seq},
    {"QList", K::Contiguous, Seq},
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
    "shrink_to_fit",    "append",    "prepend",      "insertMulti",
    "operator+="};

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
  if (!D || D->getDeclName().isEmpty())
    return "";
  const std::string Leaf = D->getNameAsString();
  llvm::SmallVector<llvm::StringRef, 4> Parts{Leaf};
  for (const DeclContext *C = D->getDeclContext(); C; C = C->getParent()) {
    const auto *Namespace = dyn_cast<NamespaceDecl>(C);
    if (C->isInlineNamespace() || isa<TranslationUnitDecl>(C) ||
        isa<LinkageSpecDecl>(C) ||
        (Namespace && Namespace->isAnonymousNamespace()))
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

bool isListedDecl(const NamedDecl *D, const std::vector<std::string> &Listed) {
  return D && isListedName(qualifiedNameOf(D), Listed);
}

ContainerTable::ContainerTable() {
  for (const Family &F : BuiltIn) {
    const Rules R = F.Own ? *F.Own : rulesOf(F.Kind);
    const bool Keyed = F.Traits & (Set | Map);
    const bool ByKey = Keyed && !(F.Traits & NoKeyErase);
    Entries.push_back({{F.Name, F.Kind, bool(F.Traits & Map), ByKey,
                        Keyed ? (ByKey ? "erase" : "remove") : "",
                        bool(F.Traits & Multi), R.OnErase, R.OnInsert},
                       ""});
  }
}

void ContainerTable::add(ContainerKind Kind,
                         llvm::ArrayRef<std::string> Names) {
  const Rules R = rulesOf(Kind);
  for (llvm::StringRef Name : Names) {
    const bool ManyPerKey =
        lastPart(Name).lower().find("multi") != std::string::npos;
    // IsMap is read from the class itself (its mapped_type).
    Entries.push_back({{Name.str(), Kind, false, false, "", ManyPerKey,
                        R.OnErase, R.OnInsert},
                       Name.str()});
  }
}

void ContainerTable::addListed(llvm::ArrayRef<std::string> Names) {
  for (const std::string &Name : Names) {
    llvm::StringRef Qualified(Name);
    if (Qualified.consume_front("::") && find(Qualified))
      continue;
    add(kindFromName(lastPart(Qualified)), Name);
  }
}

compat::Optional<ContainerInfo>
ContainerTable::find(llvm::StringRef Name) const {
  if (Name.empty())
    return {};
  // User entries come last and win over the built-in ones.
  for (const Entry &E : llvm::reverse(Entries))
    if (E.Listed.empty() ? E.Info.Family == Name
                         : matchesListedName(Name, E.Listed)) {
      ContainerInfo Info = E.Info;
      Info.Family = Name.str();
      return Info;
    }
  return {};
}

compat::Optional<ContainerInfo>
ContainerTable::classifyOne(const CXXRecordDecl *R) const {
  const NamedDecl *Named = R;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(R))
    Named = Spec->getSpecializedTemplate();
  compat::Optional<ContainerInfo> Info = find(qualifiedNameOf(Named));
  if (Info)
    Info->IsMap = Info->IsMap || declares(R, "mapped_type");
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
  return Template ? find(qualifiedNameOf(Template))
                  : compat::Optional<ContainerInfo>();
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

const CXXRecordDecl *recordOrTemplateOf(QualType Type) {
  if (Type.isNull())
    return nullptr;
  Type = Type.getNonReferenceType();
  if (Type->isPointerType())
    Type = Type->getPointeeType();
  if (const CXXRecordDecl *Record = Type->getAsCXXRecordDecl())
    return Record;
  const auto *Spec = Type->getAs<TemplateSpecializationType>();
  const TemplateDecl *Template =
      Spec ? Spec->getTemplateName().getAsTemplateDecl() : nullptr;
  return Template
             ? dyn_cast_or_null<CXXRecordDecl>(Template->getTemplatedDecl())
             : nullptr;
}

bool ContainerTable::isContainerLike(const CXXRecordDecl *Record) const {
  if (!Record)
    return false;
  if (classify(Record))
    return true;
  // A dependent base is looked at through its primary template.
  std::vector<const CXXRecordDecl *> Work{Record};
  for (unsigned Seen = 0; Seen < Work.size() && Seen < 64; ++Seen) {
    const CXXRecordDecl *R = Work[Seen]->getDefinition();
    if (!R)
      continue;
    for (const char *Name : {"size", "empty"})
      if (!R->lookup(&R->getASTContext().Idents.get(Name)).empty())
        return true;
    for (const CXXBaseSpecifier &Base : R->bases())
      if (const CXXRecordDecl *B = recordOrTemplateOf(Base.getType()))
        Work.push_back(B);
  }
  return false;
}

std::vector<std::string> ContainerTable::qualifiedNames(
    llvm::function_ref<bool(const ContainerInfo &)> Keep) const {
  std::vector<std::string> Names;
  for (const Entry &E : Entries)
    if (!Keep || Keep(E.Info))
      Names.push_back(E.Listed.empty() ? "::" + E.Info.Family : E.Listed);
  return Names;
}

ContainerKind kindFromName(llvm::StringRef Name) {
  const std::string Lower = Name.lower();
  const auto Has = [&](const char *Part) {
    return Lower.find(Part) != std::string::npos;
  };
  if (Has("hash") || Has("unordered"))
    return K::Hashed;
  if (Has("vector") || Has("flat") || Has("deque") || Has("string"))
    return K::Contiguous;
  return K::Node;
}

static std::string
familyList(llvm::function_ref<bool(const ContainerInfo &)> Keep) {
  return llvm::join(ContainerTable().qualifiedNames(Keep), ";");
}

std::string keyedFamilyList() {
  return familyList(
      [](const ContainerInfo &I) { return !I.KeyRemoval.empty(); });
}

std::string mapFamilyList() {
  return familyList([](const ContainerInfo &I) { return I.IsMap; });
}

bool isRemoval(llvm::StringRef Method) { return isOneOf(Method, Removals); }

bool isInsertion(llvm::StringRef Method) { return isOneOf(Method, Insertions); }

bool mayInvalidate(llvm::StringRef Method) {
  return isRemoval(Method) || isOneOf(Method, Clears) ||
         isOneOf(Method, Insertions) || Method == "swap" ||
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
  return mayInvalidate(Camel) || isOneOf(Camel, {"merge", "splice", "replace"});
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
  if (isOneOf(Method, Clears))
    return I::All;
  if (Method == "swap")
    return Info.Family == "std::basic_string" ? I::All : I::None;
  if (isOneOf(Method, Insertions) || (Method == "operator[]" && Info.IsMap))
    return Info.OnInsert;
  return I::None;
}

} // namespace clang::tidy::safedelete
