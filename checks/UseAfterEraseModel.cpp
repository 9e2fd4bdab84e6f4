//===--- UseAfterEraseModel.cpp - safedelete ------------------------------===//
//
// A walk of each body collects the invalidating calls (sites) and the
// local variables that refer into a container (handles);
// ErasedHandleFinder decides which handles a site invalidates and, on the
// body's flow, which uses come after.
//
//===----------------------------------------------------------------------===//

#include "UseAfterEraseModel.h"
#include "support/ExprIdentity.h"
#include "support/Flow.h"
#include "support/MemberCall.h"
#include "support/NameList.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::safedelete::use_after_erase {
namespace {

/// What one walk of a function body finds.
struct BodyFacts {
  std::vector<Site> Sites;
  std::vector<Handle> Handles;
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<const DeclRefExpr *, 4>>
      Refs;
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<const Stmt *, 2>> Kills;
  /// Assigned, or the `.second` of a pair read: not reads of an iterator.
  llvm::SmallPtrSet<const DeclRefExpr *, 8> NotReads;
  llvm::SmallPtrSet<const ValueDecl *, 8> Moved; // stepped, or may be
  bool HasGoto = false;
};

/// The handle of \p Facts that \p Var is, or null.
const Handle *handleIn(const BodyFacts &Facts, const ValueDecl *Var) {
  for (const Handle &H : Facts.Handles)
    if (Var && H.Var == Var)
      return &H;
  return nullptr;
}

/// Whether \p Type is a pointer or a class named like an iterator.
bool isIteratorLike(QualType Type) {
  if (Type->isPointerType())
    return true;
  const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
  return Record && Record->getIdentifier() &&
         Record->getName().lower().find("iterator") != std::string::npos;
}

/// Whether \p Type is a `std::pair`.
bool isPair(QualType Type) {
  const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
  return Record && Record->getIdentifier() && Record->getName() == "pair";
}

/// Whether \p Type is a pair of an iterator and something else, as
/// insertions return: not an element of a map.
bool isIteratorPair(QualType Type) {
  const auto *Pair = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Type->getAsCXXRecordDecl());
  if (!Pair || !isPair(Type) || Pair->getTemplateArgs().size() != 2)
    return false;
  const TemplateArgument &First = Pair->getTemplateArgs()[0];
  return First.getKind() == TemplateArgument::Type &&
         isIteratorLike(First.getAsType());
}

/// The reference to a local pair whose \p Field \p E reads (`r.first`),
/// or null.
const DeclRefExpr *pairOf(const Expr *E, StringRef Field) {
  const auto *Member = dyn_cast_or_null<MemberExpr>(E ? ignoreCopies(E) : E);
  if (!Member || Member->isArrow() ||
      !Member->getMemberDecl()->getIdentifier() ||
      Member->getMemberDecl()->getName() != Field)
    return nullptr;
  const auto *Ref = dyn_cast<DeclRefExpr>(ignoreCopies(Member->getBase()));
  return Ref && refDecl(Ref) && isIteratorPair(Ref->getType()) ? Ref : nullptr;
}

/// The variable \p E names as an iterator: `it`, or the pair `r` of
/// `r.first` (an insertion's result kept whole).
const ValueDecl *iteratorDecl(const Expr *E) {
  if (const DeclRefExpr *Pair = pairOf(E, "first"))
    return Pair->getDecl();
  return refDecl(E);
}

/// The parts of a loop that say what it walks: its condition, or the
/// range of a range-based for. A `for` that steps an iterator beside an
/// index (`i < n; ++i, ++it`) walks the index.
llvm::SmallVector<const Stmt *, 3> loopHeader(const Stmt *Loop) {
  const LoopParts Parts = loopParts(Loop);
  if (!Parts.Body)
    return {};
  return {Parts.Range ? Parts.Range : Parts.Condition};
}

/// Whether \p Type may be an iterator of \p Record: what one of its
/// `begin()` or `cbegin()` (or a base's) returns; any iterator-like type
/// when the class has no `begin`.
bool isIteratorOf(const CXXRecordDecl *Record, QualType Type) {
  const QualType Wanted = Type.getCanonicalType().getUnqualifiedType();
  bool HasBegin = false, Returns = false;
  const auto Look = [&](const CXXRecordDecl *R) {
    for (const CXXMethodDecl *M : R->methods())
      if (M->getIdentifier() &&
          (M->getName() == "begin" || M->getName() == "cbegin")) {
        HasBegin = true;
        Returns = Returns ||
                  M->getReturnType().getCanonicalType().getUnqualifiedType() ==
                      Wanted;
      }
    return true;
  };
  Look(Record);
  Record->forallBases(Look);
  return Returns || !HasBegin;
}

/// Whether the first argument of a removal or an insertion is a position
/// rather than a key or a value: erase by key returns a count or a bool,
/// and a position has one of the container's iterator types (a pointer
/// key, `m.emplace(user, v)`, is not one).
bool isPositionArgument(const CallExpr *Call) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
  const CXXMethodDecl *Callee = Member ? Member->getMethodDecl() : nullptr;
  if (!Callee || Callee->getNumParams() == 0)
    return false;
  const QualType Result = Callee->getReturnType();
  if (Result->isIntegralOrEnumerationType() || Result->isBooleanType())
    return false;
  const QualType Param =
      Callee->getParamDecl(0)->getType().getNonReferenceType();
  return isIteratorLike(Param) && isIteratorOf(Callee->getParent(), Param);
}

/// An element access on a container: `c[k]`, `c.at(k)`, `*c.find(k)`,
/// `c.front()`, `*it`, `it->second`, and members of those. Sets the
/// container (or the iterator read through) and the key.
struct ElementAccess {
  const Expr *Object = nullptr;
  bool Arrow = false;
  const Expr *Key = nullptr;
  const ValueDecl *From = nullptr;
  ElementPosition Position = {};
};

/// `X + N` or `X - N` with a literal N: X, and N in \p Offset (negative for
/// `-`); else \p E itself.
const Expr *withoutOffset(const Expr *E, int64_t &Offset) {
  E = ignoreCopies(E);
  Offset = 0;
  const Expr *Left = nullptr, *Right = nullptr;
  bool Minus = false;
  if (const auto *Binary = dyn_cast<BinaryOperator>(E)) {
    Left = Binary->getLHS();
    Right = Binary->getRHS();
    Minus = Binary->getOpcode() == BO_Sub;
    if (!Minus && Binary->getOpcode() != BO_Add)
      return E;
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getNumArgs() != 2 ||
        (Op->getOperator() != OO_Plus && Op->getOperator() != OO_Minus))
      return E;
    Left = Op->getArg(0);
    Right = Op->getArg(1);
    Minus = Op->getOperator() == OO_Minus;
  } else {
    return E;
  }
  const auto *N = dyn_cast<IntegerLiteral>(Right->IgnoreParenImpCasts());
  if (!N || N->getValue().getActiveBits() > 32)
    return E;
  const auto Value = static_cast<int64_t>(N->getValue().getZExtValue());
  Offset = Minus ? -Value : Value;
  return ignoreCopies(Left);
}

/// The position of \p Call, a `begin()` or `end()` of a container, moved
/// by \p Offset: `c.begin() + 2`, `c.end() - 1` (the last element).
ElementPosition positionFrom(const MemberCall &Call, int64_t Offset) {
  if (Call.numArgs() != 0)
    return {};
  if ((Call.name() == "begin" || Call.name() == "cbegin") && Offset >= 0)
    return ElementPosition::front(static_cast<uint64_t>(Offset));
  if ((Call.name() == "end" || Call.name() == "cend") && Offset == -1)
    return ElementPosition::back();
  return {};
}

/// The position the index \p Index names: a literal from the front.
ElementPosition indexPosition(const Expr *Index) {
  const auto *N = dyn_cast<IntegerLiteral>(Index->IgnoreParenImpCasts());
  return N && N->getValue().getActiveBits() <= 32
             ? ElementPosition::front(N->getValue().getZExtValue())
             : ElementPosition();
}

compat::Optional<ElementAccess> iteratorFrom(const Expr *E, bool WholePair);

/// The site \p Call is, if it invalidates something in a known container.
compat::Optional<Site> siteOf(const CallExpr *Call,
                              const ContainerTable &Table) {
  Site S;
  S.Call = Call;
  if (const MemberCall Member = MemberCall::resolved(Call)) {
    S.Object = Member.object();
    S.Arrow = Member.isArrow();
    S.Method = Member.name();
    S.NameLoc = Member.nameLoc();
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (Op->getNumArgs() != 2 ||
        (Op->getOperator() != OO_Equal && Op->getOperator() != OO_Subscript))
      return {};
    S.Object = Op->getArg(0);
    S.Method = Op->getOperator() == OO_Equal ? "operator=" : "operator[]";
    S.NameLoc = Op->getOperatorLoc();
  } else {
    return {};
  }
  if (!mayInvalidate(S.Method))
    return {};
  // The object as declared, not the base class the member is found in.
  const auto Info = Table.classify(S.Object->IgnoreParenImpCasts()->getType());
  if (!Info)
    return {};
  S.Info = *Info;
  S.Effect = invalidationOf(S.Info, S.Method);
  if (S.Effect == Invalidation::None)
    return {};
  if (isRemoval(S.Method) && isa<CXXMemberCallExpr>(Call) &&
      Call->getNumArgs() >= 1) {
    if (isPositionArgument(Call)) {
      S.Position = iteratorDecl(Call->getArg(0));
      S.ErasesOne = Call->getNumArgs() == 1;
      if (const auto At = iteratorFrom(Call->getArg(0), false))
        S.ErasedAt = At->Position;
    } else if (isSideEffectFreeAccess(Call->getArg(0))) {
      S.Key = Call->getArg(0);
    }
  } else if (isOneOf(S.Method, {"insert", "emplace", "emplace_hint"}) &&
             isa<CXXMemberCallExpr>(Call) && Call->getNumArgs() >= 2 &&
             isPositionArgument(Call)) {
    // v.insert(it, x) on a container it may reallocate: `it` is one of its
    // iterators, wherever it came from. Only the members whose first
    // argument is a position: `s.append(p, n)` reads from `p`.
    S.Position = iteratorDecl(Call->getArg(0));
  } else if (S.Method == "pop_back" || S.Method == "pop_front") {
    S.ErasesOne = true;
    S.ErasedAt = S.Method == "pop_back" ? ElementPosition::back()
                                        : ElementPosition::front(0);
  }
  return S;
}

/// The container access \p E makes to produce an iterator: `c.find(k)`,
/// `c.begin()`, `c.insert(v).first`; with \p WholePair, also the pair that
/// `c.insert(v)` returns (for structured bindings). Not `end()`: node
/// containers keep it valid through erase and clear.
/// Whether \p Call may return an iterator (or a pair holding one): not a
/// number or its own container, as a string's find, and its insert and
/// erase by position, do (ZNC's Template.cpp keeps `line.find("?>")`
/// across `line = ...`).
bool mayReturnIterator(const MemberCall &Call) {
  const QualType Result = Call.call()->getType().getNonReferenceType();
  if (Result->isIntegralOrEnumerationType())
    return false;
  const CXXRecordDecl *Returned = Result->getAsCXXRecordDecl();
  const CXXRecordDecl *Object =
      Call.object()->getType()->getPointeeCXXRecordDecl();
  if (!Object)
    Object = Call.object()->getType()->getAsCXXRecordDecl();
  return !Returned || !Object ||
         Returned->getCanonicalDecl() != Object->getCanonicalDecl();
}

compat::Optional<ElementAccess> iteratorFrom(const Expr *E, bool WholePair) {
  if (!E)
    return {};
  int64_t Offset = 0;
  E = withoutOffset(E, Offset);
  if (Offset != 0) {
    // c.begin() + 2, c.end() - 1: a position in a contiguous container.
    const MemberCall Call = MemberCall::resolved(E);
    const ElementPosition At =
        Call ? positionFrom(Call, Offset) : ElementPosition();
    if (At.From == ElementPosition::Unknown)
      return {};
    return ElementAccess{Call.object(), Call.isArrow(), nullptr, nullptr, At};
  }
  bool First = false;
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    if (!Member->isArrow() && Member->getMemberDecl()->getIdentifier() &&
        Member->getMemberDecl()->getName() == "first") {
      E = ignoreCopies(Member->getBase());
      First = true;
    }
  const MemberCall Call = MemberCall::resolved(E);
  if (!Call)
    return {};
  static const char *const Producers[] = {
      "begin",        "cbegin",           "find",        "lower_bound",
      "upper_bound",  "insert",           "emplace",     "try_emplace",
      "emplace_hint", "insert_or_assign", "equal_range", "erase"};
  if (!llvm::is_contained(Producers, Call.name()))
    return {};
  const bool Pair = isPair(Call.call()->getType());
  if ((Pair && !First && !WholePair) || !mayReturnIterator(Call))
    return {};
  ElementAccess Access{Call.object(), Call.isArrow(), nullptr, nullptr,
                       positionFrom(Call, 0)};
  // The methods whose iterator stands on the element with their key.
  if ((Call.name() == "find" || Call.name() == "try_emplace" ||
       Call.name() == "insert_or_assign") &&
      Call.numArgs() >= 1 && isSideEffectFreeAccess(Call.arg(0)))
    Access.Key = Call.arg(0);
  return Access;
}

compat::Optional<ElementAccess> elementOf(const Expr *E);

/// `*X` or `X->m` where X is an iterator: a variable or a container call.
compat::Optional<ElementAccess> throughIterator(const Expr *Iter) {
  if (const ValueDecl *Var = iteratorDecl(Iter)) {
    ElementAccess Access;
    Access.From = Var;
    return Access;
  }
  return iteratorFrom(Iter, false);
}

compat::Optional<ElementAccess> elementOf(const Expr *E) {
  E = ignoreCopies(E);
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    const Expr *Base = ignoreCopies(Member->getBase());
    if (!Member->isArrow())
      return elementOf(Base);
    if (const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(Base))
      if (Arrow->getOperator() == OO_Arrow)
        return throughIterator(Arrow->getArg(0));
    return Base->getType()->isPointerType() ? throughIterator(Base)
                                            : compat::Optional<ElementAccess>();
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() == OO_Star && Op->getNumArgs() == 1)
      return throughIterator(Op->getArg(0));
    if (Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2)
      return ElementAccess{Op->getArg(0), false,
                           isSideEffectFreeAccess(Op->getArg(1)) ? Op->getArg(1)
                                                                 : nullptr,
                           nullptr, indexPosition(Op->getArg(1))};
    return {};
  }
  if (const auto *Deref = dyn_cast<UnaryOperator>(E))
    if (Deref->getOpcode() == UO_Deref)
      return throughIterator(Deref->getSubExpr());
  // A conversion (string to string_view) views the object itself.
  if (const auto *Conversion = dyn_cast<CXXMemberCallExpr>(E))
    if (isa_and_nonnull<CXXConversionDecl>(Conversion->getMethodDecl()))
      return elementOf(Conversion->getImplicitObjectArgument());
  const MemberCall Call = MemberCall::resolved(E);
  if (!Call)
    return {};
  if (Call.name() == "at" && Call.numArgs() == 1)
    return ElementAccess{Call.object(), Call.isArrow(),
                         isSideEffectFreeAccess(Call.arg(0)) ? Call.arg(0)
                                                             : nullptr,
                         nullptr, indexPosition(Call.arg(0))};
  if ((Call.name() == "front" || Call.name() == "back") && Call.numArgs() == 0)
    return ElementAccess{Call.object(), Call.isArrow(), nullptr, nullptr,
                         Call.name() == "front" ? ElementPosition::front(0)
                                                : ElementPosition::back()};
  return {};
}

bool isView(QualType Type) {
  const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
  if (!Record)
    return false;
  const NamedDecl *Named = Record;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record))
    Named = Spec->getSpecializedTemplate();
  const std::string Name = qualifiedNameOf(Named);
  return Name == "std::basic_string_view" || Name == "std::span";
}

/// The handle the local \p Var is, initialised with \p Init.
compat::Optional<Handle> handleOf(const ValueDecl *Var, const Expr *Init,
                                  const ContainerTable &Table) {
  if (!Init)
    return {};
  const QualType Type = Var->getType();
  Handle H;
  H.Var = Var;
  compat::Optional<ElementAccess> Access;
  if (Type->isReferenceType()) {
    H.Kind = HandleKind::Reference;
    Access = elementOf(Init);
  } else if (Type->isPointerType()) {
    H.Kind = HandleKind::Pointer;
    const auto *AddrOf = dyn_cast<UnaryOperator>(ignoreCopies(Init));
    if (AddrOf && AddrOf->getOpcode() == UO_AddrOf)
      Access = elementOf(AddrOf->getSubExpr());
    else if (const auto Iter = iteratorFrom(Init, false))
      if (Table.kindOf(Iter->Object->IgnoreParenImpCasts()->getType()) ==
          ContainerKind::Contiguous)
        Access = Iter; // a vector's iterator may be a pointer
  } else if (isView(Type)) {
    H.Kind = HandleKind::View;
    Access = elementOf(Init);
  } else {
    // An iterator, or the pair an insertion returns (`r.first`).
    H.Kind = HandleKind::Iterator;
    Access = iteratorFrom(Init, /*WholePair=*/isIteratorPair(Type));
  }
  if (!Access)
    return {};
  H.Object = Access->Object;
  H.Arrow = Access->Arrow;
  H.Key = Access->Key;
  H.From = Access->From;
  H.Position = Access->Position;
  if (!H.From && (!H.Object || !Table.isContainer(
                                   H.Object->IgnoreParenImpCasts()->getType())))
    return {};
  return H;
}

/// Walks one function body (not the lambdas in it: they have bodies of
/// their own) and collects its sites, handles, references and kills.
class BodyWalker {
public:
  BodyWalker(const ContainerTable &Table, BodyFacts &Facts)
      : Table(Table), Facts(Facts) {}

  void visit(const Stmt *S) {
    if (!S || isa<LambdaExpr>(S) || isUnevaluated(S))
      return;
    if (isa<GotoStmt>(S) || isa<IndirectGotoStmt>(S))
      Facts.HasGoto = true;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
      Facts.Refs[Ref->getDecl()].push_back(Ref);
    } else if (const auto *Member = dyn_cast<MemberExpr>(S)) {
      if (const DeclRefExpr *Pair = pairOf(Member, "second"))
        Facts.NotReads.insert(Pair); // an insertion's bool, not its iterator
    } else if (const auto *Declaration = dyn_cast<DeclStmt>(S)) {
      visitDecl(Declaration);
    } else if (const auto *Call = dyn_cast<CallExpr>(S)) {
      visitCall(Call);
    }
    if (const auto *Assign = dyn_cast<BinaryOperator>(S))
      if (Assign->getOpcode() == BO_Assign)
        kill(Assign->getLHS(), S);
    noteSteps(S);
    if (const auto *Block = dyn_cast<CompoundStmt>(S))
      return visitBlock(Block);
    const bool Loop = !loopHeader(S).empty();
    if (Loop)
      Loops.push_back(S);
    for (const Stmt *Child : S->children())
      visit(Child);
    if (Loop)
      Loops.pop_back();
  }

private:
  static bool isUnevaluated(const Stmt *S) {
    if (isa<UnaryExprOrTypeTraitExpr>(S) || isa<CXXNoexceptExpr>(S))
      return true;
    const auto *TypeId = dyn_cast<CXXTypeidExpr>(S);
    return TypeId && !TypeId->isPotentiallyEvaluated();
  }

  /// Records the variables \p S may move to another element: `++it`,
  /// `it += 2`, `&it`, `std::advance(it, 2)` and other calls that take them
  /// by non-const reference.
  void noteSteps(const Stmt *S) {
    const auto Step = [&](const Expr *E) {
      if (const ValueDecl *Var = iteratorDecl(E))
        Facts.Moved.insert(Var);
    };
    if (const auto *Unary = dyn_cast<UnaryOperator>(S)) {
      if (Unary->isIncrementDecrementOp() || Unary->getOpcode() == UO_AddrOf)
        Step(Unary->getSubExpr());
    } else if (const auto *Compound = dyn_cast<CompoundAssignOperator>(S)) {
      Step(Compound->getLHS());
    } else if (const auto *Call = dyn_cast<CallExpr>(S)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      const unsigned Skip = isa<CXXOperatorCallExpr>(Call) &&
                                    isa_and_nonnull<CXXMethodDecl>(Callee)
                                ? 1
                                : 0;
      for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
        const QualType Param =
            Callee && I >= Skip && I - Skip < Callee->getNumParams()
                ? Callee->getParamDecl(I - Skip)->getType()
                : QualType();
        const bool Object = I < Skip && !cast<CXXMethodDecl>(Callee)->isConst();
        if (Object || Param.isNull() ||
            (Param->isReferenceType() &&
             !Param.getNonReferenceType().isConstQualified()))
          Step(Call->getArg(I));
      }
    }
  }

  /// Records that \p By assigns \p Target: a variable, or the iterator of
  /// a pair (`r.first = ...`).
  void kill(const Expr *Target, const Stmt *By) {
    const DeclRefExpr *Ref = pairOf(Target, "first");
    if (!Ref)
      Ref = dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts());
    if (!Ref)
      return;
    Facts.Kills[Ref->getDecl()].push_back(By);
    Facts.NotReads.insert(Ref);
  }

  void visitBlock(const CompoundStmt *Block) {
    const Stmt *Saved = Statement, *SavedNext = Next;
    for (auto I = Block->body_begin(), E = Block->body_end(); I != E; ++I) {
      Statement = *I;
      Next = std::next(I) != E ? *std::next(I) : nullptr;
      visit(*I);
    }
    Statement = Saved;
    Next = SavedNext;
  }

  void visitDecl(const DeclStmt *Declaration) {
    for (const Decl *D : Declaration->decls()) {
      const auto *Var = dyn_cast<VarDecl>(D);
      if (!Var || !Var->hasLocalStorage())
        continue;
      Facts.Kills[Var].push_back(Declaration);
      if (const auto *Bindings = dyn_cast<DecompositionDecl>(Var)) {
        // Each binding is new at its declaration (in a loop, every time).
        for (const BindingDecl *Binding : Bindings->bindings())
          Facts.Kills[Binding].push_back(Declaration);
        // auto [it, inserted] = c.insert(v): the first binding.
        const auto Access = iteratorFrom(Var->getInit(), /*WholePair=*/true);
        if (!Access || Bindings->bindings().empty())
          continue;
        const BindingDecl *First = Bindings->bindings().front();
        Facts.Handles.push_back({First, HandleKind::Iterator, Access->Object,
                                 Access->Arrow, Access->Key, nullptr});
        continue;
      }
      if (auto H = handleOf(Var, Var->getInit(), Table))
        Facts.Handles.push_back(withHolder(*H));
      else if (auto Alias = referenceAlias(Var))
        Facts.Handles.push_back(*Alias);
    }
  }

  const Handle *handleFor(const ValueDecl *Var) const {
    return handleIn(Facts, Var);
  }

  /// \p H, with the reference to an element that holds its container.
  Handle withHolder(Handle H) const {
    const Handle *Holder = handleFor(refDecl(H.Object));
    if (Holder && Holder->Kind == HandleKind::Reference)
      H.Within = Holder->Var;
    return H;
  }

  /// A reference \p Var bound to a reference handle (`auto &&r = v;`, the
  /// range of a range-for over `v`): the same handle under its name.
  compat::Optional<Handle> referenceAlias(const VarDecl *Var) const {
    const Handle *Bound = handleFor(refDecl(Var->getInit()));
    if (!Var->getType()->isReferenceType() || !Bound ||
        Bound->Kind != HandleKind::Reference)
      return {};
    Handle Alias = *Bound;
    Alias.Var = Var;
    return Alias;
  }

  void visitCall(const CallExpr *Call) {
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call))
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
        kill(Op->getArg(0), Op);
    auto S = siteOf(Call, Table);
    if (!S)
      return;
    S->InLoop = !Loops.empty();
    const ValueDecl *Root = accessRoot(S->Object);
    for (const Stmt *Loop : Loops)
      if (!walksElementOf(Loop, *S) &&
          llvm::any_of(loopHeader(Loop), [&](const Stmt *Part) {
            return mentions(Part, Root) || mentions(Part, S->Position) ||
                   mentionsHandleOf(Part, *S);
          }))
        S->OwnLoops.push_back(Loop);
    if (Statement && isa<Expr>(Statement) &&
        cast<Expr>(Statement)->IgnoreImplicit()->IgnoreParens() == Call)
      S->Next = Next;
    Facts.Sites.push_back(*S);
  }

  /// Whether \p Loop is a range-for over a member of one element of the
  /// container of \p S (`it->second`, `c[k]`), not over the container.
  static bool walksElementOf(const Stmt *Loop, const Site &S) {
    const auto *Range = dyn_cast<CXXForRangeStmt>(Loop);
    if (!Range)
      return false;
    const auto Access = elementOf(Range->getRangeInit());
    return Access && ((S.Position && Access->From == S.Position) ||
                      (Access->Object && Access->Arrow == S.Arrow &&
                       isSameAccess(Access->Object, S.Object)));
  }

  /// Whether \p Part names an iterator or reference into the container of
  /// \p S (`it != end` of a loop over it).
  bool mentionsHandleOf(const Stmt *Part, const Site &S) const {
    return llvm::any_of(Facts.Handles, [&](const Handle &H) {
      return H.Object && H.Arrow == S.Arrow &&
             isSameAccess(H.Object, S.Object) && mentions(Part, H.Var);
    });
  }

  const ContainerTable &Table;
  BodyFacts &Facts;
  llvm::SmallVector<const Stmt *, 4> Loops;
  const Stmt *Statement = nullptr; // the block statement being walked
  const Stmt *Next = nullptr;      // and the one after it
};

/// Whether \p S declares \p Var.
bool declares(const Stmt *S, const ValueDecl *Var) {
  const auto *Declaration = dyn_cast_or_null<DeclStmt>(S);
  return Declaration && llvm::any_of(Declaration->decls(),
                                     [&](const Decl *D) { return D == Var; });
}

/// Whether \p Loop steps with \p Var: its header declares or tests it.
bool walksWith(const Stmt *Loop, const ValueDecl *Var) {
  if (!Var)
    return false;
  if (const auto *For = dyn_cast<ForStmt>(Loop))
    if (declares(For->getInit(), Var))
      return true;
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop))
    if (Range->getLoopVariable() == Var || declares(Range->getBeginStmt(), Var))
      return true;
  return llvm::any_of(loopHeader(Loop),
                      [&](const Stmt *Part) { return mentions(Part, Var); });
}

/// Whether \p H is the iterator, or read through the iterator, of a loop
/// over the container \p S modifies: safedelete-erase-during-iteration's.
/// Other handles, taken before such a loop or inside its body, are ours.
bool ownedByLoop(const Site &S, const Handle &H) {
  return llvm::any_of(S.OwnLoops, [&](const Stmt *Loop) {
    return walksWith(Loop, H.Var) || walksWith(Loop, H.From);
  });
}

/// Whether \p Target, inside \p From, lies in a branch of an `if` taken
/// only when the iterator \p H equals the end of its own container: the
/// `else` of `it != c.end()`, the `then` of `it == c.end()`.
bool inEndBranch(const Stmt *From, const Stmt *Target, const Handle &H) {
  while (From && From != Target) {
    if (const auto *If = dyn_cast<IfStmt>(From)) {
      const EndComparison C = endComparison(If->getCond());
      const Stmt *Branch = C.Equal ? If->getThen() : If->getElse();
      if (C.Iterator && Branch &&
          C.Iterator->getCanonicalDecl() == H.Var->getCanonicalDecl() &&
          C.Arrow == H.Arrow && isSameAccess(C.Container, H.Object) &&
          isWithin(Branch, Target))
        return true;
    }
    const Stmt *Inner = nullptr;
    for (const Stmt *Child : From->children())
      if (Child && isWithin(Child, Target)) {
        Inner = Child;
        break;
      }
    From = Inner;
  }
  return false;
}

/// Decides which handles each site invalidates and which of their uses
/// some path reaches first after it.
class ErasedHandleFinder {
public:
  ErasedHandleFinder(const BodyFacts &Facts, FlowCache &Flows, const Stmt *Body,
                     ASTContext &Context)
      : Facts(Facts), Flows(Flows), Body(Body), Context(Context) {}

  /// The handles \p S leaves dangling: the iterator it erases, and those
  /// of the body's handles it invalidates.
  std::vector<Handle> invalidated(const Site &S) const {
    std::vector<Handle> Found;
    if (S.Position && !handleFor(S.Position))
      Found.push_back({S.Position, HandleKind::Iterator});
    for (const Handle &H : Facts.Handles)
      if (invalidates(S, H))
        Found.push_back(H);
    return Found;
  }

  /// Whether \p S leaves \p H dangling.
  bool invalidates(const Site &S, const Handle &H) const {
    if (H.Var == S.Position)
      return true;
    if (const Handle *Holder = H.Within ? handleFor(H.Within) : nullptr)
      if (invalidates(S, *Holder))
        return true;
    const Handle *Origin = H.From ? handleFor(H.From) : nullptr;
    if (H.From && H.From == S.Position)
      return true;
    const Handle &Base = Origin ? *Origin : H;
    if (!Base.Object || Base.Arrow != S.Arrow ||
        !isSameAccess(Base.Object, S.Object))
      return false;
    // Where the iterator is known to be past the end it holds no element to
    // lose, and the end of a node or hashed container is a sentinel that
    // insertions and erasures leave in place (i2pd's SSU2Session.cpp:1907
    // inserts there and erases through `it` only when it was found).
    if (!Origin && H.Kind == HandleKind::Iterator &&
        S.Info.Kind != ContainerKind::Contiguous &&
        inEndBranch(Body, S.Call, H))
      return false;
    switch (S.Effect) {
    case Invalidation::All:
      return true;
    case Invalidation::Iterators:
      return H.Kind == HandleKind::Iterator;
    case Invalidation::Erased:
    case Invalidation::ErasedAndAfter:
      if (S.Info.Kind == ContainerKind::Contiguous)
        return erasureReaches(S.Effect, erasedAt(S), S.ErasesOne,
                              H.Position.From != ElementPosition::Unknown
                                  ? positionOf(H)
                                  : positionOf(Base));
      return S.Key && erasesElementOf(S.Key, H, Base);
    case Invalidation::None:
      return false;
    }
    return false;
  }

  /// Whether a use of \p H may follow \p S: one after it in the source,
  /// or any when a loop or a goto may lead back. Only then is the flow of
  /// the body built.
  bool mayBeUsedAfter(const Site &S, const Handle &H) const {
    const auto Refs = Facts.Refs.find(H.Var);
    if (Refs == Facts.Refs.end())
      return false;
    if (S.InLoop || Facts.HasGoto)
      return true;
    return llvm::any_of(Refs->second, [&](const DeclRefExpr *Ref) {
      return writtenAfter(S, Ref);
    });
  }

  /// Whether every use of \p H that may follow \p S lies in \p Within: no
  /// loop or goto leads back, and none is written after it.
  bool usedAfterOnlyIn(const Site &S, const Handle &H,
                       const Stmt *Within) const {
    if (S.InLoop || Facts.HasGoto || !Within)
      return false;
    return llvm::all_of(Facts.Refs.lookup(H.Var), [&](const DeclRefExpr *Ref) {
      return !writtenAfter(S, Ref) || isWithin(Within, Ref);
    });
  }

  /// The first uses of \p H after \p S on each path.
  std::vector<const DeclRefExpr *> usesAfter(const Site &S,
                                             const Handle &H) const {
    llvm::SmallVector<const Stmt *, 8> Uses;
    for (const DeclRefExpr *Ref : Facts.Refs.lookup(H.Var))
      if (!Facts.NotReads.count(Ref))
        Uses.push_back(Ref);
    std::vector<const DeclRefExpr *> Found;
    const FunctionFlow *Flow = Flows.flowOf(Body, Context);
    if (!Flow)
      return Found;
    for (const Stmt *Use :
         Flow->firstUsesAfter(S.Call, Uses, Facts.Kills.lookup(H.Var)))
      Found.push_back(cast<DeclRefExpr>(Use));
    return Found;
  }

private:
  /// Whether \p Ref is written after the call of \p S.
  bool writtenAfter(const Site &S, const DeclRefExpr *Ref) const {
    return Context.getSourceManager().isBeforeInTranslationUnit(
        S.Call->getEndLoc(), Ref->getBeginLoc());
  }

  /// Where \p S starts removing: its own argument's position, or that of
  /// the handle it erases.
  ElementPosition erasedAt(const Site &S) const {
    const Handle *Erased = S.Position ? handleFor(S.Position) : nullptr;
    return Erased ? positionOf(*Erased) : S.ErasedAt;
  }

  /// Where \p H stands, unless it may move (`++it`, `p = q`).
  ElementPosition positionOf(const Handle &H) const {
    if (H.Kind != HandleKind::Reference &&
        (Facts.Moved.count(H.Var) || Facts.Kills.lookup(H.Var).size() > 1))
      return {};
    return H.Position;
  }

  const Handle *handleFor(const ValueDecl *Var) const {
    return handleIn(Facts, Var);
  }

  /// Whether erasing \p Key removes the element \p H refers to (through
  /// \p Base, the iterator it was read from, or itself).
  static bool erasesElementOf(const Expr *Key, const Handle &H,
                              const Handle &Base) {
    if ((H.Key && isSameAccess(Key, H.Key)) ||
        (Base.Key && isSameAccess(Key, Base.Key)))
      return true;
    // s.erase(*it), m.erase(it->first): the element `it` stands on.
    const ValueDecl *Iter =
        Base.Kind == HandleKind::Iterator ? Base.Var : nullptr;
    const auto Access = elementOf(Key);
    return Iter && Access && Access->From == Iter;
  }

  const BodyFacts &Facts;
  FlowCache &Flows;
  const Stmt *Body;
  ASTContext &Context;
};

} // namespace

const ValueDecl *refDecl(const Expr *E) {
  const ValueDecl *Named = referencedDecl(E);
  return isa_and_nonnull<VarDecl, BindingDecl>(Named) ? Named : nullptr;
}

std::string handleName(const ValueDecl *Var) {
  return (Var->getName() + (isIteratorPair(Var->getType().getNonReferenceType())
                                ? ".first"
                                : ""))
      .str();
}

std::vector<Finding> findUsesAfterErase(const Stmt *Body,
                                        const ContainerTable &Containers,
                                        FlowCache &Flows, ASTContext &Context) {
  BodyFacts Facts;
  BodyWalker(Containers, Facts).visit(Body);
  const ErasedHandleFinder Finder(Facts, Flows, Body, Context);
  llvm::SmallPtrSet<const DeclRefExpr *, 4> Reported;
  std::vector<Finding> Found;
  for (const Site &S : Facts.Sites) {
    if (S.Call->getBeginLoc().isMacroID())
      continue;
    for (const Handle &H : Finder.invalidated(S)) {
      if (ownedByLoop(S, H) || !Finder.mayBeUsedAfter(S, H))
        continue;
      for (const DeclRefExpr *Use : Finder.usesAfter(S, H))
        if (Reported.insert(Use).second)
          Found.push_back({S, H, Use, Finder.usedAfterOnlyIn(S, H, S.Next)});
    }
  }
  return Found;
}

} // namespace clang::tidy::safedelete::use_after_erase
