//===--- UnlockedEraseModel.cpp - safedelete ------------------------------===//
//
// The lock model of one translation unit, built in onEndOfTranslationUnit
// from the facts the matchers recorded:
//   1. guards and lock calls become acquire/release events, each with the
//      stretch of source it covers (a guard: to the end of its scope; a
//      release: to the end of its own block, so a conditional unlock never
//      counts; a bare lock(): to the end of the function, so a conditional
//      lock always does),
//   2. only the code after each acquisition, up to its release, is walked
//      to learn which containers are used with which mutex held,
//   3. every erase is decided once: held if the last event before it that
//      covers it acquires a guarding mutex.
//
//===----------------------------------------------------------------------===//

#include "UnlockedEraseModel.h"
#include "support/ExprIdentity.h"
#include "support/NameList.h"
#include "support/SourceText.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Regex.h"
#include <algorithm>

using namespace clang::ast_matchers;

namespace clang::tidy::safedelete::unlocked {

static bool insertsOnSubscript(const CXXOperatorCallExpr *Subscript) {
  const auto *Method =
      dyn_cast_or_null<CXXMethodDecl>(Subscript->getDirectCallee());
  return !Method || (!Method->isConst() && hasMappedType(Method->getParent()));
}

/// A function that only its own class hierarchy or its own file can call: a
/// private or protected non-virtual method, or a function with internal
/// linkage.
static bool isHelper(const FunctionDecl &Fn) {
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&Fn))
    return (Method->getAccess() == AS_private ||
            Method->getAccess() == AS_protected) &&
           !Method->isVirtual();
  return !Fn.isExternallyVisible();
}

/// A function whose calls in the translation unit say what it may assume
/// on entry: a helper, or a non-virtual method of any access (a public
/// method every call of which holds the lock follows the convention "call
/// with the mutex held"; a virtual one may be reached through a base).
bool hasKnownCalls(const FunctionDecl &Fn) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Fn);
  return isHelper(Fn) || (Method && !Method->isVirtual());
}

/// Whether \p Fn makes, replaces or ends the value of its object: a
/// constructor, a destructor, a copy or move assignment. Nobody else may
/// use the object meanwhile; that is the caller's business.
static bool buildsOrDestroysThis(const FunctionDecl &Fn) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Fn);
  return Method &&
         (isa<CXXConstructorDecl>(Method) || isa<CXXDestructorDecl>(Method) ||
          Method->isCopyAssignmentOperator() ||
          Method->isMoveAssignmentOperator());
}

/// The member of `*this` whose thread \p E is: `t_`, `*t_`, `t_->`, or
/// the loop variable of a range-for over `workers_` (followed through the
/// variables the range-for declares).
const FieldDecl *threadMember(const Expr *E, unsigned Depth) {
  if (!E || Depth > 8)
    return nullptr;
  E = E->IgnoreImplicit()->IgnoreParenImpCasts();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts())
               ? dyn_cast<FieldDecl>(Member->getMemberDecl())
               : nullptr;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    return Op->getNumArgs() >= 1 ? threadMember(Op->getArg(0), Depth + 1)
                                 : nullptr;
  if (const auto *Unary = dyn_cast<UnaryOperator>(E))
    return threadMember(Unary->getSubExpr(), Depth + 1);
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E))
    return threadMember(Call->getImplicitObjectArgument(), Depth + 1);
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->isLocalVarDecl() && Var->getInit()
             ? threadMember(Var->getInit(), Depth + 1)
             : nullptr;
}

using locks::Hold;

/// The acquisitions a guard's constructor declares of its own parameters
/// (`MutexLock(Mutex *mu) ACQUIRE(mu)`).
static llvm::SmallVector<locks::LockEffect, 2>
acquiredParameters(const FunctionDecl *Ctor) {
  llvm::SmallVector<locks::LockEffect, 2> Effects =
      locks::declaredEffects(Ctor);
  llvm::erase_if(Effects, [](const locks::LockEffect &L) {
    return L.Op != locks::LockOp::Acquire || L.Param < 0;
  });
  return Effects;
}

static const ValueDecl *canonical(const ValueDecl *D) {
  return cast<ValueDecl>(D->getCanonicalDecl());
}

bool isThisBase(const Expr *Base) {
  return !Base || isa<CXXThisExpr>(Base->IgnoreParenImpCasts());
}

/// Whether two objects of mutexes or containers are the same; a null one is
/// `this` (an implicit member access in a template).
static bool sameBase(const Expr *A, const Expr *B) {
  if (!A || !B)
    return isThisBase(A) && isThisBase(B);
  return isSameAccess(A, B);
}

static Lockable resolveMutex(const Expr *E, unsigned Hops = 0);

/// The mutex an accessor marked LOCK_RETURNED returns (`GetMutex()`,
/// `peer.QueueMutex()`), as seen from its caller.
static Lockable returnedMutex(const CallExpr *Call, unsigned Hops) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  const auto *Returned =
      Callee && Hops < 3 ? Callee->getAttr<LockReturnedAttr>() : nullptr;
  if (!Returned)
    return {};
  // A parameter of the accessor (bitcoin's `MaybeCheckNotHeld(cs)`
  // returns its argument): the argument of the call.
  const auto *Ref =
      dyn_cast<DeclRefExpr>(Returned->getArg()->IgnoreParenImpCasts());
  if (const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr)
    return Param->getFunctionScopeIndex() < Call->getNumArgs() &&
                   !isa<CXXOperatorCallExpr>(Call)
               ? resolveMutex(Call->getArg(Param->getFunctionScopeIndex()),
                              Hops + 1)
               : Lockable();
  Lockable L = resolveMutex(Returned->getArg(), Hops + 1);
  // A member of the accessor's object: of the object it is called on.
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    if (isa_and_nonnull<FieldDecl>(L.Decl) && isThisBase(L.Base))
      L.Base = Member->getImplicitObjectArgument();
  return L;
}

/// The mutex \p E names (`mu_`, `&mu_`, `*mu_`, `other.mu_`, `g_mu`, a
/// local pointer or reference initialised with one of these, what a
/// LOCK_RETURNED accessor returns).
static Lockable resolveMutex(const Expr *E, unsigned Hops) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    const auto *Unary = dyn_cast<UnaryOperator>(E);
    if (!Unary ||
        (Unary->getOpcode() != UO_AddrOf && Unary->getOpcode() != UO_Deref))
      break;
    E = Unary->getSubExpr();
  }
  if (!E)
    return {};
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return returnedMutex(Call, Hops);
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    const auto *Decl = dyn_cast<ValueDecl>(Member->getMemberDecl());
    if (isa<FieldDecl>(Decl))
      return {canonical(Decl), Member->getBase()};
    if (const auto *Var = dyn_cast<VarDecl>(Decl))
      return {canonical(Var), nullptr};
    return {};
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl())) {
      if (Var->isLocalVarDecl() && Var->getInit() && Hops < 3 &&
          (Var->getType()->isPointerType() ||
           Var->getType()->isReferenceType()))
        if (const Lockable Target = resolveMutex(Var->getInit(), Hops + 1);
            Target.Decl)
          return Target;
      return {canonical(Var), nullptr};
    }
  return {};
}

static Container
resolveContainer(const Expr *E,
                 llvm::function_ref<bool(const VarDecl *)> StaysBound) {
  for (int Hops = 0; E && Hops < 3; ++Hops) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Deref = dyn_cast<UnaryOperator>(E);
        Deref && Deref->getOpcode() == UO_Deref)
      E = Deref->getSubExpr()->IgnoreParenImpCasts(); // (*p).clear()
    if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl()))
        return {canonical(Field), Member->getBase()};
      if (const auto *Var = dyn_cast<VarDecl>(Member->getMemberDecl()))
        return {canonical(Var), nullptr};
      return {};
    }
    const auto *Ref = dyn_cast<DeclRefExpr>(E);
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (!Var)
      return {};
    if (Var->hasGlobalStorage())
      return {canonical(Var), nullptr};
    if (!Var->getInit())
      return {};
    // auto &m = m_; m.erase(k);
    if (Var->getType()->isReferenceType()) {
      E = Var->getInit();
      continue;
    }
    // auto *p = &m_; p->erase(k);
    const auto *Address =
        dyn_cast<UnaryOperator>(Var->getInit()->IgnoreParenImpCasts());
    if (!Var->getType()->isPointerType() || !Address ||
        Address->getOpcode() != UO_AddrOf || !StaysBound(Var))
      return {};
    E = Address->getSubExpr();
  }
  return {};
}

/// The class or class template that the type of a guard names, also when
/// it is dependent (`std::lock_guard<Mutex>`, `std::scoped_lock` to be
/// deduced in a template).
const NamedDecl *guardClass(QualType T) {
  if (T.isNull())
    return nullptr;
  if (const CXXRecordDecl *Record = T->getAsCXXRecordDecl())
    return Record;
  if (const auto *Spec = T->getAs<TemplateSpecializationType>())
    return Spec->getTemplateName().getAsTemplateDecl();
  if (const auto *Deduced = dyn_cast_or_null<DeducedTemplateSpecializationType>(
          T->getContainedDeducedType()))
    return Deduced->getTemplateName().getAsTemplateDecl();
  return nullptr;
}

/// The object and the name of the method that \p E calls (`obj.name(...)`),
/// also on a dependent object; an empty name otherwise.
static StringRef calledMethod(const Expr *E, const Expr *&Object,
                              bool &Dependent) {
  Dependent = false;
  if (const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (!Method || !Method->getIdentifier())
      return {};
    Object = Member->getImplicitObjectArgument()->IgnoreParenImpCasts();
    return Method->getName();
  }
  const auto *Call = dyn_cast_or_null<CallExpr>(E);
  const auto *Callee =
      Call ? dyn_cast<CXXDependentScopeMemberExpr>(Call->getCallee()) : nullptr;
  if (!Callee || Callee->isImplicitAccess() ||
      !Callee->getMember().getAsIdentifierInfo())
    return {};
  Dependent = true;
  Object = Callee->getBase()->IgnoreParenImpCasts();
  return Callee->getMember().getAsIdentifierInfo()->getName();
}

/// The statement \p S evaluates, without implicit nodes and a `(void)`.
static const Expr *asExpr(const Stmt *S) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!E)
    return nullptr;
  E = E->IgnoreImplicit()->IgnoreParens();
  if (const auto *Cast = dyn_cast<CStyleCastExpr>(E))
    if (Cast->getTypeAsWritten()->isVoidType())
      E = Cast->getSubExpr()->IgnoreImplicit()->IgnoreParens();
  return E;
}

void LockModel::build() {
  std::sort(F.Functions.begin(), F.Functions.end(),
            [](const FunctionRec &A, const FunctionRec &B) {
              return A.Begin.File < B.Begin.File ||
                     (A.Begin.File == B.Begin.File &&
                      A.Begin.Offset < B.Begin.Offset);
            });
  for (FunctionRec &Fn : F.Functions)
    Fn.OtherThread = Fn.Lambda && F.ThreadLambdas.count(Fn.Lambda);
  for (const auto &G : F.Guards)
    addGuard(G);
  for (const CallExpr *Call : F.LockCalls)
    addLockCall(Call);
}

const FunctionRec *LockModel::functionAt(Pos P) const {
  // The innermost function containing P is the one that begins last.
  auto It = std::upper_bound(F.Functions.begin(), F.Functions.end(), P,
                             [](Pos P, const FunctionRec &R) {
                               return P.File < R.Begin.File ||
                                      (P.File == R.Begin.File &&
                                       P.Offset < R.Begin.Offset);
                             });
  while (It != F.Functions.begin()) {
    --It;
    if (It->Begin.File != P.File)
      return nullptr;
    if (within(P, It->Begin, It->End))
      return &*It;
  }
  return nullptr;
}

/// How a guard variable is built: by a constructor that takes mutexes (not
/// a copy or a move), with its arguments; in a template with a dependent
/// guard type, the expressions in parentheses or braces.
namespace {
struct GuardConstruction {
  bool Constructed = false;
  llvm::ArrayRef<const Expr *> Args;
  /// What a scoped_lockable constructor declares it acquires.
  llvm::SmallVector<locks::LockEffect, 2> Declared;
};
} // namespace

static GuardConstruction constructionOf(const VarDecl *Var) {
  GuardConstruction Built;
  const Expr *Init = Var->getInit();
  if (!Init)
    return Built;
  Init = Init->IgnoreImplicit();
  if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Init))
    Init = Cast->getSubExpr()->IgnoreImplicit();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    Built.Constructed = Ctor && !Ctor->isCopyOrMoveConstructor();
    Built.Args = {Construct->getArgs(), Construct->getNumArgs()};
    Built.Declared = acquiredParameters(Ctor);
  } else if (const auto *List = dyn_cast<ParenListExpr>(Init)) {
    Built.Constructed = true;
    Built.Args = {const_cast<ParenListExpr *>(List)->getExprs(),
                  List->getNumExprs()};
  } else if (const auto *List = dyn_cast<InitListExpr>(Init);
             List && Var->getType()->isDependentType()) {
    Built.Constructed = true;
    Built.Args = {List->getInits(), List->getNumInits()};
  }
  return Built;
}

void LockModel::addGuard(const Facts::Guard &G) {
  const VarDecl *Var = G.Var;
  Pos End = isa<CompoundStmt>(G.Scope)
                ? pos(cast<CompoundStmt>(G.Scope)->getRBracLoc())
                : pos(G.Scope->getEndLoc());
  const Pos At = pos(G.Decl->getEndLoc());
  const Expr *Init = Var->getInit();
  const GuardConstruction Built = constructionOf(Var);
  const llvm::ArrayRef<const Expr *> Args = Built.Args;
  const auto &Declared = Built.Declared;
  // A scoped_lockable guard's constructor says which arguments it locks,
  // and how.
  const bool Shared =
      G.Shared || llvm::any_of(Declared, [](const locks::LockEffect &L) {
        return L.Shared;
      });
  auto &Info = GuardInfo[Var];
  Info.second = {Shared, End};
  Event E;
  E.Kind = Shared ? Hold::Shared : Hold::Exclusive;
  E.At = At;
  E.Reach = End;
  E.Guard = Var;
  E.Loc = Var->getLocation();
  if (!Built.Constructed) {
    // auto lock = acquire(); std::unique_lock<M> l = std::move(other);
    // hold whatever they were given.
    if (Init) {
      E.Wildcard = true;
      Events.push_back(E);
    }
    return;
  }
  bool Deferred = false;
  llvm::SmallVector<Lockable, 2> Locks;
  bool Unknown = false;
  const bool AllMutexes = locks::locksEveryArgument(guardClass(Var->getType()));
  for (unsigned I = 0; I < Args.size(); ++I) {
    const Expr *Arg = Args[I];
    if (isa<CXXDefaultArgExpr>(Arg))
      break;
    if (const CXXRecordDecl *Tag = recordOrTemplateOf(Arg->getType());
        Tag && Tag->getIdentifier() &&
        Tag->getName().find("lock_t") != StringRef::npos) {
      Deferred |= Tag->getName() == "defer_lock_t";
      continue;
    }
    if (Declared.empty()
            ? I > 0 && !AllMutexes
            : llvm::none_of(Declared, [&](const locks::LockEffect &L) {
                return L.Param == int(I);
              }))
      continue;
    const Lockable L = resolveMutex(Arg);
    if (L.Decl)
      Locks.push_back(L);
    else
      Unknown = true;
  }
  Info.first = Locks;
  if (Deferred)
    return;
  record(E,
         Unknown ? llvm::ArrayRef<Lockable>() : llvm::ArrayRef<Lockable>(Locks),
         !Args.empty(), G.Scope, G.Decl, Var);
}

/// Adds \p E once for each of \p Locks and learns, in \p LearnScope (when
/// given), what each guards after \p After; with no lock known, adds it once
/// as a wildcard when \p WildcardIfUnknown.
void LockModel::record(Event E, llvm::ArrayRef<Lockable> Locks,
                       bool WildcardIfUnknown, const Stmt *LearnScope,
                       const Stmt *After, const VarDecl *GuardVar) {
  if (Locks.empty()) {
    if (WildcardIfUnknown) {
      E.Wildcard = true;
      Events.push_back(E);
    }
    return;
  }
  for (const Lockable &L : Locks) {
    E.Lock = L;
    Events.push_back(E);
    if (LearnScope)
      learnFrom(LearnScope, After, L, GuardVar);
  }
}

/// What a lock call does: the effects its callee declares, else the
/// conventional meaning of its name for the object it is called on.
static llvm::SmallVector<locks::LockEffect, 2>
lockEffectsOf(const CallExpr *Call, StringRef Name) {
  llvm::SmallVector<locks::LockEffect, 2> Effects =
      locks::declaredEffects(Call->getDirectCallee());
  locks::LockEffect Conventional;
  if (Effects.empty() &&
      locks::conventionalEffect(Name, Conventional.Op, Conventional.Shared))
    Effects.push_back(Conventional);
  return Effects;
}

void LockModel::addLockCall(const CallExpr *Call) {
  const Expr *Object = nullptr;
  bool Dependent = false;
  const StringRef Name = calledMethod(Call, Object, Dependent);
  const auto Effects = lockEffectsOf(Call, Name);
  if (!Effects.empty()) {
    for (const locks::LockEffect &Effect : Effects)
      addLockEffect(Call, Effect, Object, Dependent);
    return;
  }
  if (!Name.empty() || isa<CXXDependentScopeMemberExpr>(Call->getCallee()))
    return;
  // std::lock(a, b), std::try_lock(a, b)
  const CompoundStmt *Block = F.Blocks.lookup(Call);
  Event E;
  E.At = pos(Call->getEndLoc());
  E.Loc = Call->getBeginLoc();
  E.Reach = functionEnd(E.At);
  for (const Expr *Arg : Call->arguments()) {
    E.Lock = resolveMutex(Arg);
    E.Wildcard = !E.Lock.Decl;
    Events.push_back(E);
    if (Block && E.Lock.Decl)
      learnFrom(Block, Call, E.Lock, nullptr);
  }
}

/// The mutex a declared effect of \p Call names: an argument of the call,
/// or a member of the object the method is called on, or a global.
static Lockable namedMutex(const CallExpr *Call,
                           const locks::LockEffect &Effect,
                           const Expr *Object) {
  if (Effect.Param >= 0)
    return unsigned(Effect.Param) < Call->getNumArgs()
               ? resolveMutex(Call->getArg(Effect.Param))
               : Lockable();
  Lockable L = resolveMutex(Effect.Mutex);
  if (L.Decl && isa<FieldDecl>(L.Decl) && isa<CXXMemberCallExpr>(Call))
    L.Base = Object;
  return L;
}

void LockModel::addLockEffect(const CallExpr *Call,
                              const locks::LockEffect &Effect,
                              const Expr *Object, bool Dependent) {
  const CompoundStmt *Block = F.Blocks.lookup(Call);
  const Pos At = pos(Call->getEndLoc());
  const bool Release = Effect.Op == locks::LockOp::Release;
  Event E;
  E.At = At;
  E.Loc = Call->getBeginLoc();
  E.Acquire = !Release;
  E.Kind = Effect.Shared ? Hold::Shared : Hold::Exclusive;
  if (Release && !Block)
    return; // an unlock that may not run is ignored
  // An assertion holds from the call on and teaches nothing.
  const Stmt *LearnIn = Effect.Op == locks::LockOp::Acquire ? Block : nullptr;
  if (Effect.Mutex) {
    const Lockable L = namedMutex(Call, Effect, Object);
    E.Reach = Release ? pos(Block->getRBracLoc()) : functionEnd(At);
    record(E, L.Decl ? llvm::ArrayRef<Lockable>(L) : llvm::ArrayRef<Lockable>(),
           !Release, LearnIn, Call, nullptr);
    return;
  }
  if (!Object)
    return;
  const auto *Ref = dyn_cast<DeclRefExpr>(Object);
  const auto *GuardVar = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  auto Info = GuardVar ? GuardInfo.find(GuardVar) : GuardInfo.end();
  // In a template, a dependent object counts when it is a guard seen here or
  // its type is a template parameter (`Mutex mu_;`), never a class template
  // specialization whose lock() may mean something else
  // (`std::weak_ptr<T>`). Such a lock teaches nothing about what it guards.
  if (Dependent && Info == GuardInfo.end()) {
    QualType T = Object->getType().getNonReferenceType();
    if (T->isPointerType())
      T = T->getPointeeType();
    if (!isa<TemplateTypeParmType>(T.getCanonicalType()) &&
        !isa<DependentNameType>(T.getCanonicalType()))
      return;
    LearnIn = nullptr;
  }
  llvm::SmallVector<Lockable, 2> Locks;
  if (Info != GuardInfo.end()) {
    // lk.unlock(); ... lk.lock();
    Locks = Info->second.first;
    E.Kind = Info->second.second.first ? Hold::Shared : Hold::Exclusive;
    E.Reach = Release ? pos(Block->getRBracLoc()) : Info->second.second.second;
  } else {
    const Lockable L = resolveMutex(Object);
    if (L.Decl)
      Locks.push_back(L);
    E.Reach = Release ? pos(Block->getRBracLoc()) : functionEnd(At);
    GuardVar = nullptr;
  }
  record(E, Locks, !Release, Release ? nullptr : LearnIn, Call, GuardVar);
}

bool LockModel::releases(const Stmt *S, const Lockable &L,
                         const VarDecl *GuardVar) const {
  const auto *Call = dyn_cast_or_null<CallExpr>(asExpr(S));
  if (!Call)
    return false;
  const Expr *Object = nullptr;
  bool Dependent = false;
  const StringRef Name = calledMethod(Call, Object, Dependent);
  for (const locks::LockEffect &Effect : lockEffectsOf(Call, Name)) {
    if (Effect.Op != locks::LockOp::Release)
      continue;
    if (Effect.Mutex) {
      const Lockable Released = namedMutex(Call, Effect, Object);
      if (Released.Decl == L.Decl && sameBase(Released.Base, L.Base))
        return true;
      continue;
    }
    if (!Object)
      continue;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Object))
      if (GuardVar && Ref->getDecl() == GuardVar)
        return true;
    const Lockable Released = resolveMutex(Object);
    if (Released.Decl == L.Decl && sameBase(Released.Base, L.Base))
      return true;
  }
  return false;
}

/// Records the containers used after \p After in \p Scope until a
/// statement of that scope releases \p L.
void LockModel::learnFrom(const Stmt *Scope, const Stmt *After,
                          const Lockable &L, const VarDecl *GuardVar) {
  if (!Infer)
    return;
  bool Started = false;
  for (const Stmt *Child : Scope->children()) {
    if (!Child)
      continue;
    if (!Started) {
      Started = Child == After;
      // A guard in an if/for/switch init covers every other part.
      if (!isa<CompoundStmt>(Scope) && Child != After)
        noteAccesses(Child, L);
      continue;
    }
    if (isa<CompoundStmt>(Scope) && releases(Child, L, GuardVar))
      return;
    noteAccesses(Child, L);
  }
}

void LockModel::noteAccesses(const Stmt *S, const Lockable &L) {
  if (!S || isa<LambdaExpr>(S))
    return; // a lambda may run later, without the lock
  // The double-buffer idiom hands the contents of a shared container, under
  // the lock, to one that only the consuming thread uses: `tmp_.swap(q_)`,
  // `std::swap(tmp_, q_)`, `tmp_ = std::move(q_)`. Neither side of a swap
  // nor the receiving side of an assignment is evidence.
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    const Expr *Object = nullptr;
    bool Dependent = false;
    const FunctionDecl *Callee = Call->getDirectCallee();
    const StringRef Name = calledMethod(Call, Object, Dependent);
    if (Name == "swap" ||
        (Callee && !isa<CXXMethodDecl>(Callee) && Callee->getIdentifier() &&
         Callee->getName() == "swap"))
      return;
    if (const auto *Assign = dyn_cast<CXXOperatorCallExpr>(Call);
        Assign && Assign->getOperator() == OO_Equal &&
        Assign->getNumArgs() == 2) {
      noteAccesses(Assign->getArg(1), L);
      return;
    }
    if (changesElements(Name))
      Modified.insert(Object);
    if (const auto *Subscript = dyn_cast<CXXOperatorCallExpr>(Call);
        Subscript && Subscript->getOperator() == OO_Subscript &&
        insertsOnSubscript(Subscript))
      Modified.insert(Subscript->getArg(0)->IgnoreParenImpCasts());
  }
  // m_[k] in a template, on a dependent type: maybe a map.
  if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(S))
    Modified.insert(Subscript->getLHS()->IgnoreParenImpCasts());
  const ValueDecl *Container = nullptr;
  if (const auto *Member = dyn_cast<MemberExpr>(S)) {
    const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
    const auto *MutexField = dyn_cast<FieldDecl>(L.Decl);
    if (Field && MutexField) {
      if (Field->getParent()->getCanonicalDecl() ==
              MutexField->getParent()->getCanonicalDecl() &&
          sameBase(Member->getBase(), L.Base))
        Container = Field;
    } else if (!MutexField) {
      // A mutex with static storage guards variables, and the members of the
      // object whose methods take it: a field of another object read under
      // it (`block.vtx` under cs_main) says nothing about this one's.
      if ((Field && isThisBase(Member->getBase())) ||
          isa<VarDecl>(Member->getMemberDecl()))
        Container = cast<ValueDecl>(Member->getMemberDecl());
    }
  } else if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (Var && Var->hasGlobalStorage() && !isa<FieldDecl>(L.Decl) &&
        canonical(Var) != L.Decl)
      Container = Var;
  }
  if (Container && canonical(Container) != L.Decl)
    noteAccess(Container, S, L);
  for (const Stmt *Child : S->children())
    noteAccesses(Child, L);
}

/// Records that \p Container is used at \p S with \p L held; the first
/// strong use stands as the evidence.
void LockModel::noteAccess(const ValueDecl *Container, const Stmt *S,
                           const Lockable &L) {
  const bool Modifies = Modified.count(cast<Expr>(S));
  const bool Strong = Modifies || threadAt(pos(S->getBeginLoc())) != nullptr;
  if (Modifies)
    LockedModifications[canonical(Container)].push_back({S, L.Decl});
  auto &List = Guarded[canonical(Container)];
  auto *Known = llvm::find_if(
      List, [&](const Evidence &Ev) { return Ev.Mutex == L.Decl; });
  if (Known == List.end()) {
    List.push_back({L.Decl, S->getBeginLoc(), false, Strong, {}});
    Known = &List.back();
  } else if (Strong && !Known->Strong) {
    Known->Loc = S->getBeginLoc();
    Known->Strong = true;
  }
  const FunctionRec *Fn = functionAt(pos(S->getBeginLoc()));
  if (Fn && !llvm::is_contained(Known->UsedIn, Fn))
    Known->UsedIn.push_back(Fn);
}

bool LockModel::oneLockModifies(const ValueDecl *C) const {
  const auto Found = LockedModifications.find(C);
  if (Found == LockedModifications.end())
    return true;
  const auto &Sites = Found->second;
  return llvm::any_of(Sites, [&](const auto &Candidate) {
    return llvm::all_of(Sites, [&](const auto &Site) {
      return llvm::any_of(Sites, [&](const auto &Held) {
        return Held.first == Site.first && Held.second == Candidate.second;
      });
    });
  });
}

/// The innermost lambda around \p P that runs on another thread, if any.
const FunctionRec *LockModel::threadAt(Pos P) const {
  if (F.ThreadLambdas.empty())
    return nullptr;
  const FunctionRec *Found = nullptr;
  for (const FunctionRec &Fn : F.Functions)
    if (Fn.OtherThread && within(P, Fn.Begin, Fn.End))
      Found = &Fn; // sorted by begin: the last one is the innermost
  return Found;
}

Hold LockModel::heldAt(Pos P, const ValueDecl *Mutex, const Expr *Base,
                       const Event **Last) const {
  // The body of a lambda run by another thread sees only its own locks.
  const FunctionRec *Thread = threadAt(P);
  const Event *Found = nullptr;
  for (const Event &E : Events) {
    if (Thread && !within(E.At, Thread->Begin, Thread->End))
      continue;
    if (!E.Wildcard && (E.Lock.Decl != Mutex || (isa<FieldDecl>(Mutex) &&
                                                 !sameBase(E.Lock.Base, Base))))
      continue;
    if (!before(E.At, P) || !within(P, E.At, E.Reach))
      continue;
    if (!Found || Found->At.Offset <= E.At.Offset)
      Found = &E;
  }
  if (Last)
    *Last = Found;
  if (!Found || !Found->Acquire)
    return Hold::None;
  return Found->Wildcard ? Hold::Exclusive : Found->Kind;
}

bool LockModel::heldOnOtherObject(Pos P, const ValueDecl *Mutex) const {
  // An acquisition that covers P, of an object whose mutex is not
  // released again before it (`l.unlock()`, `r.mu.unlock()`).
  return llvm::any_of(Events, [&](const Event &E) {
    return E.Acquire && E.Lock.Decl == Mutex && before(E.At, P) &&
           within(P, E.At, E.Reach) &&
           heldAt(P, Mutex, E.Lock.Base) != Hold::None;
  });
}

bool LockModel::anyAcquireIn(const FunctionRec *Fn,
                             const ValueDecl *Mutex) const {
  return llvm::any_of(Events, [&](const Event &E) {
    return E.Acquire && (E.Wildcard || E.Lock.Decl == Mutex) &&
           within(E.At, Fn->Begin, Fn->End);
  });
}

/// Whether \p P in \p Fn comes before every thread \p Fn starts, and one
/// starts after it: the code there runs while no thread of the object does.
bool LockModel::beforeThreadStart(Pos P, const FunctionRec *Fn) const {
  bool Later = false;
  for (const Pos &T : F.ThreadStarts) {
    if (functionAt(T) != Fn)
      continue;
    if (before(T, P))
      return false;
    Later = true;
  }
  return Later;
}

/// Whether \p P in \p Fn runs before the threads start: in the starting
/// function itself (`Start()`), or in a helper that only such code calls
/// (`Load()` called first thing in `Start()`).
bool LockModel::runsBeforeThreads(Pos P, const FunctionRec *Fn) const {
  if (F.ThreadStarts.empty())
    return false;
  if (beforeThreadStart(P, Fn))
    return true;
  if (!Fn->Fn || !isHelper(*Fn->Fn))
    return false;
  const FunctionDecl *Key = Fn->Fn->getCanonicalDecl();
  bool Called = false;
  for (const HelperCall &Call : F.HelperCalls) {
    if (Call.Callee != Key)
      continue;
    const FunctionRec *Caller = functionAt(Call.At);
    if (!Caller || Caller == Fn || !beforeThreadStart(Call.At, Caller))
      return false;
    Called = true;
  }
  return Called;
}

/// Whether \p Type holds threads of \p Classes: a thread, or a pointer,
/// smart pointer or container of them.
static bool holdsThreads(QualType Type, llvm::ArrayRef<std::string> Classes,
                         unsigned Depth = 0) {
  if (Type.isNull() || Depth > 2)
    return false;
  Type = Type.getNonReferenceType();
  if (Type->isPointerType())
    return holdsThreads(Type->getPointeeType(), Classes, Depth + 1);
  const auto *Record = Type->getAsCXXRecordDecl();
  if (!Record)
    return false;
  if (isListedDecl(Record, Classes))
    return true;
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record);
  return Spec && llvm::any_of(
                     Spec->getTemplateArgs().asArray(),
                     [&](const TemplateArgument &Arg) {
                       return Arg.getKind() == TemplateArgument::Type &&
                              holdsThreads(Arg.getAsType(), Classes, Depth + 1);
                     });
}

/// The thread members of \p Record and of its bases (`ThreadClasses`).
static void threadMembers(const CXXRecordDecl *Record,
                          llvm::ArrayRef<std::string> Classes,
                          llvm::SmallVectorImpl<const FieldDecl *> &Out,
                          unsigned Depth = 0) {
  Record = Record ? Record->getDefinition() : nullptr;
  if (!Record || Depth > 4)
    return;
  for (const FieldDecl *Field : Record->fields())
    if (holdsThreads(Field->getType(), Classes))
      Out.push_back(Field);
  for (const CXXBaseSpecifier &Base : Record->bases())
    threadMembers(Base.getType()->getAsCXXRecordDecl(), Classes, Out,
                  Depth + 1);
}

/// Whether \p Call, a call on `*this`, joins \p Thread (null: any thread
/// member): the callee is one of `ThreadJoinFunctions` of the class that
/// declares the thread or of a class derived from it, or its body in this
/// translation unit joins it (`Stop() { StopThread(); ... }`).
bool LockModel::callJoins(const HelperCall &Call,
                          const FieldDecl *Thread) const {
  if (!isThisBase(Call.Object))
    return false;
  const auto *Method = dyn_cast<CXXMethodDecl>(Call.Callee);
  if (Method && isListedDecl(Method, F.ThreadJoinFunctions)) {
    const auto *Owner =
        Thread ? dyn_cast<CXXRecordDecl>(Thread->getParent()) : nullptr;
    return !Thread || (Owner && (Method->getParent() == Owner ||
                                 Method->getParent()->isDerivedFrom(Owner)));
  }
  return llvm::any_of(F.Joins, [&](const Facts::Join &J) {
    const FunctionRec *In = functionAt(J.At);
    return (!Thread || J.Thread == Thread) && In && In->Fn &&
           In->Fn->getCanonicalDecl() == Call.Callee;
  });
}

/// Whether \p Thread (null: any thread member) is joined in \p Fn before
/// \p P (anywhere in \p Fn when \p P is null): `t_.join()` there, or a
/// call that joins it (callJoins).
bool LockModel::joinsIn(const FunctionRec *Fn, const FieldDecl *Thread,
                        const Pos *P) const {
  const auto Earlier = [&](Pos At) {
    return functionAt(At) == Fn && (!P || before(At, *P));
  };
  return llvm::any_of(F.Joins,
                      [&](const Facts::Join &J) {
                        return (!Thread || J.Thread == Thread) && Earlier(J.At);
                      }) ||
         llvm::any_of(F.HelperCalls, [&](const HelperCall &Call) {
           return Earlier(Call.At) && callJoins(Call, Thread);
         });
}

/// Whether every use of the container with its mutex held (\p Guards) is
/// in code only the object itself runs: a lambda, a member function that is
/// not public, or one that joins the object's threads (its own teardown). A
/// public one may be called by another component that is still running
/// (`VisitLeaseSets` from a web console).
bool LockModel::usedOnlyByTheObject(llvm::ArrayRef<Evidence> Guards) const {
  return llvm::all_of(Guards, [&](const Evidence &G) {
    return !G.UsedIn.empty() &&
           llvm::all_of(G.UsedIn, [&](const FunctionRec *U) {
             return !U->Fn ||
                    (isa<CXXMethodDecl>(U->Fn) &&
                     (U->Fn->getAccess() != AS_public || joinsIn(U, nullptr)));
           });
  });
}

/// Whether \p P in the member function \p Fn comes after a join of every
/// thread member of its class and of its bases (`Stop()` after
/// `worker_.join()` or after a call that joins them), and the container is
/// used under its mutex only by the object's own code (\p Guards): no
/// other thread touches it any more. An object with no thread member, or
/// one left unjoined, proves nothing.
bool LockModel::runsAfterJoins(Pos P, const FunctionRec *Fn,
                               llvm::ArrayRef<Evidence> Guards) const {
  const auto *Method = Fn->Fn ? dyn_cast<CXXMethodDecl>(Fn->Fn) : nullptr;
  if (!Method || (F.Joins.empty() && F.ThreadJoinFunctions.empty()) ||
      !usedOnlyByTheObject(Guards))
    return false;
  llvm::SmallVector<const FieldDecl *, 4> Threads;
  threadMembers(Method->getParent(), F.ThreadClasses, Threads);
  return !Threads.empty() &&
         llvm::all_of(Threads, [&](const FieldDecl *Thread) {
           return joinsIn(Fn, Thread, &P);
         });
}

/// Whether \p Named, an object an attribute of \p Fn names, is \p Base:
/// a parameter named in the attribute of another declaration of \p Fn is
/// the parameter at its place (`void f(Node &node) REQUIRES(node.mu);` in a
/// header, `void f(Node &n) {...}` here).
static bool sameObjectIn(const FunctionDecl *Fn, const Expr *Named,
                         const Expr *Base) {
  const auto *NamedRef =
      Named ? dyn_cast<DeclRefExpr>(Named->IgnoreParenImpCasts()) : nullptr;
  const auto *BaseRef =
      Base ? dyn_cast<DeclRefExpr>(Base->IgnoreParenImpCasts()) : nullptr;
  const auto *NamedParam =
      NamedRef ? dyn_cast<ParmVarDecl>(NamedRef->getDecl()) : nullptr;
  const auto *BaseParam =
      BaseRef ? dyn_cast<ParmVarDecl>(BaseRef->getDecl()) : nullptr;
  if (NamedParam && BaseParam)
    return BaseParam->getDeclContext() == Fn &&
           NamedParam->getFunctionScopeIndex() ==
               BaseParam->getFunctionScopeIndex();
  return sameBase(Named, Base);
}

/// The hold the attributes of \p Fn require on entry for \p Mutex of the
/// object \p Base (null: `this`, or a mutex with static storage):
/// `REQUIRES(mu_)`, `REQUIRES_SHARED(node.mu)`, `REQUIRES(GetMutex())`.
static Hold requiredHold(const FunctionDecl *Fn, const ValueDecl *Mutex,
                         const Expr *Base) {
  Hold Required = Hold::None;
  for (const auto *Attr : Fn->specific_attrs<RequiresCapabilityAttr>())
    for (const Expr *Arg : Attr->args()) {
      const Lockable L = resolveMutex(Arg);
      if (L.Decl == Mutex &&
          (!isa<FieldDecl>(Mutex) || sameObjectIn(Fn, L.Base, Base)))
        Required = std::max(Required,
                            Attr->isShared() ? Hold::Shared : Hold::Exclusive);
    }
  return Required;
}

/// What the function \p Fn may assume about \p Mutex (a member of `*this`,
/// or a mutex with static storage) when it starts.
Hold LockModel::entryHold(const FunctionRec *Fn, const ValueDecl *Mutex,
                          const HelperCall **Unheld) {
  if (!Fn || !Fn->Fn)
    return Hold::None;
  const FunctionDecl *Decl = Fn->Fn;
  if (buildsOrDestroysThis(*Decl))
    return Hold::Exclusive;
  if (const Hold Required = requiredHold(Decl, Mutex, nullptr);
      Required != Hold::None)
    return Required;
  if (LockedPattern && Decl->getIdentifier() &&
      LockedPattern->match(Decl->getName()))
    return Hold::Exclusive;

  const FunctionDecl *Key = Decl->getCanonicalDecl();
  const bool Helper = isHelper(*Decl);
  if (!hasKnownCalls(*Decl))
    return Hold::None;
  if (InProgress.count(Key))
    return Hold::Exclusive; // recursion: decided by the other call sites
  InProgress.insert(Key);
  Hold Result = Hold::Exclusive;
  bool Called = false;
  for (const HelperCall &Call : F.HelperCalls) {
    if (Call.Callee != Key)
      continue;
    Called = true;
    Hold AtCall = Hold::None;
    if (!isa<FieldDecl>(Mutex) || isa<CXXMethodDecl>(Key)) {
      AtCall =
          heldAt(Call.At, Mutex, isa<FieldDecl>(Mutex) ? Call.Object : nullptr);
      // A public method called from a constructor or destructor shows no
      // convention: those run alone, other callers need not.
      const FunctionRec *Caller = functionAt(Call.At);
      if (AtCall != Hold::Exclusive &&
          (!isa<FieldDecl>(Mutex) || isThisBase(Call.Object)) &&
          (Helper || !Caller || !Caller->Fn ||
           !buildsOrDestroysThis(*Caller->Fn)))
        AtCall = std::max(AtCall, entryHold(Caller, Mutex, nullptr));
    }
    if (AtCall < Result) {
      Result = AtCall;
      if (Unheld)
        *Unheld = &Call;
    }
  }
  InProgress.erase(Key);
  // A helper never called here is called from elsewhere, under rules we
  // cannot see; a public method called nowhere here shows no convention.
  if (!Called)
    return Helper ? Hold::Exclusive : Hold::None;
  return Result;
}

bool UnlockedEraseFinder::heldByACaller(const FunctionRec *Fn,
                                        const ValueDecl *Mutex) const {
  if (!Fn->Fn)
    return false; // a lambda: its callers are not known
  const FunctionDecl *Key = Fn->Fn->getCanonicalDecl();
  return llvm::any_of(A.F.HelperCalls, [&](const HelperCall &Call) {
    return Call.Callee == Key &&
           A.heldAt(Call.At, Mutex,
                    isa<FieldDecl>(Mutex) ? Call.Object : nullptr) !=
               Hold::None;
  });
}

/// A local pointer whose every use in its function dereferences it: it is
/// never reseated, nor handed anywhere that could reseat it.
bool UnlockedEraseFinder::pointsOnlyThere(const VarDecl *Pointer) const {
  const FunctionRec *Owner = A.functionAt(A.pos(Pointer->getLocation()));
  if (!Owner)
    return false;
  const auto Use = ignoringParenImpCasts(declRefExpr(to(equalsNode(Pointer))));
  const auto Uses = [&](const auto &Matcher) {
    return match(findAll(expr(Matcher).bind("use")), *Owner->Body, A.Ctx)
        .size();
  };
  return Uses(declRefExpr(to(equalsNode(Pointer)))) ==
         Uses(expr(anyOf(
             memberExpr(isArrow(), hasObjectExpression(Use)),
             cxxDependentScopeMemberExpr(isArrow(), hasObjectExpression(Use)),
             unaryOperator(hasOperatorName("*"), hasUnaryOperand(Use)))));
}

/// Whether the class of the field \p Container declares, with GUARDED_BY or
/// PT_GUARDED_BY on its fields, what its mutexes guard: then it says so of
/// every container it shares, and an unannotated one is guarded by none,
/// whatever critical sections it sits in (bitcoin's m_nodes_disconnected
/// beside m_nodes, setBlockIndexCandidates in Chainstate).
static bool annotatesGuards(const ValueDecl *Container) {
  const auto *Field = dyn_cast<FieldDecl>(Container);
  return Field &&
         llvm::any_of(Field->getParent()->fields(), [](const FieldDecl *F) {
           return F->hasAttr<GuardedByAttr>() || F->hasAttr<PtGuardedByAttr>();
         });
}

/// Which mutexes guard \p C, erased in \p Fn, and where that shows.
/// GUARDED_BY says which mutex guards it; other locks held around its uses
/// guard something else. Without it, a mutex guards it when it is modified
/// with the mutex held, used with it held on another thread, or in \p Fn
/// itself: reads under a lock taken for another member elsewhere are no
/// evidence.
llvm::SmallVector<Evidence, 2>
UnlockedEraseFinder::guardsOf(const Container &C, const FunctionRec *Fn) const {
  llvm::SmallVector<Evidence, 2> Guards;
  for (const auto *Attr : C.Decl->specific_attrs<GuardedByAttr>())
    if (const ValueDecl *Mutex = resolveMutex(Attr->getArg()).Decl)
      Guards.push_back({Mutex, Attr->getLocation(), true, true, {}});
  if (Guards.empty()) {
    for (const Evidence &Ev : A.Guarded.lookup(C.Decl))
      if ((Ev.Strong || llvm::is_contained(Ev.UsedIn, Fn)) &&
          !annotatesGuards(C.Decl) &&
          llvm::none_of(Guards,
                        [&](const Evidence &G) { return G.Mutex == Ev.Mutex; }))
        Guards.push_back(Ev);
    // Modified under several mutexes, no one of them held at every place:
    // none is its lock (Cockatrice's card maps, filled, pruned and cleared
    // under three). Nested locks around all of them are fine.
    if (!A.oneLockModifies(C.Decl))
      Guards.clear();
  }
  // A member mutex guards only members of its own object.
  llvm::erase_if(Guards, [&](const Evidence &G) {
    return isa<FieldDecl>(G.Mutex) && !isa<FieldDecl>(C.Decl);
  });
  return Guards;
}

/// The member of `*this` that \p Call fills, if it adds elements to one:
/// `c_.insert(x)`, `c_.emplace_back(x)`, `m_[k] = v`.
static const ValueDecl *filledMember(const Expr *Call) {
  const Expr *Object = nullptr;
  bool Dependent = false;
  if (const auto *Subscript = dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (Subscript->getOperator() != OO_Subscript ||
        !insertsOnSubscript(Subscript))
      return nullptr;
    Object = Subscript->getArg(0)->IgnoreParenImpCasts();
  } else if (!isInsertion(calledMethod(Call, Object, Dependent))) {
    return nullptr;
  }
  const auto *Member = dyn_cast_or_null<MemberExpr>(Object);
  return Member && isThisBase(Member->getBase()) ? Member->getMemberDecl()
                                                 : nullptr;
}

/// How many functions fill the member \p C without \p G's mutex: member
/// functions that neither build the object nor run before its threads, at
/// a place where the mutex is not held and, for one called in the
/// translation unit, not held by its callers either.
unsigned UnlockedEraseFinder::unguardedFillers(const Container &C,
                                               const Evidence &G) {
  const auto Cached = FillerCounts.find({C.Decl, G.Mutex});
  if (Cached != FillerCounts.end())
    return Cached->second;
  const auto Unguarded = [&](const FillCall &Fill) {
    const FunctionRec &Fn = *Fill.Fn;
    const Pos P = A.pos(Fill.Call->getExprLoc());
    const FunctionDecl *Key = Fn.Fn->getCanonicalDecl();
    const bool Called = llvm::any_of(
        A.F.HelperCalls, [&](const HelperCall &H) { return H.Callee == Key; });
    const HelperCall *Caller = nullptr;
    return !buildsOrDestroysThis(*Fn.Fn) && !A.runsBeforeThreads(P, &Fn) &&
           A.heldAt(P, G.Mutex, nullptr) == Hold::None &&
           (!Called || A.entryHold(&Fn, G.Mutex, &Caller) == Hold::None);
  };
  llvm::SmallPtrSet<const FunctionRec *, 4> Fillers;
  for (const FillCall &Fill : fillsOf(C.Decl))
    if (!Fillers.count(Fill.Fn) && Unguarded(Fill))
      Fillers.insert(Fill.Fn);
  return FillerCounts[{C.Decl, G.Mutex}] = Fillers.size();
}

/// The calls in the functions of the translation unit (not in the lambdas
/// inside them, which are functions of their own) that fill \p Member:
/// one walk of every body, at the first question.
llvm::ArrayRef<UnlockedEraseFinder::FillCall>
UnlockedEraseFinder::fillsOf(const ValueDecl *Member) {
  if (!FillsCollected) {
    FillsCollected = true;
    const auto Walk = [&](const Stmt *S, const FunctionRec &Fn,
                          const auto &Self) -> void {
      if (!S || isa<LambdaExpr>(S))
        return;
      if (const auto *Call = dyn_cast<CallExpr>(S))
        if (const ValueDecl *Filled = filledMember(Call))
          Fills[Filled].push_back({Call, &Fn});
      for (const Stmt *Child : S->children())
        Self(Child, Fn, Self);
    };
    for (const FunctionRec &Fn : A.F.Functions)
      if (Fn.Fn)
        Walk(Fn.Body, Fn, Walk);
  }
  const auto Found = Fills.find(Member);
  if (Found == Fills.end())
    return {};
  return Found->second;
}

/// Sets in \p F the strongest hold at the erase of any of \p Guards, and
/// the evidence, event and unlocked call behind it.
void UnlockedEraseFinder::strongestHold(Finding &F,
                                        llvm::ArrayRef<Evidence> Guards) {
  const Pos P = A.pos(F.Erase->Call->getExprLoc());
  F.Why = Guards.front();
  for (const Evidence &G : Guards) {
    const bool Member = isa<FieldDecl>(G.Mutex);
    const Event *Last = nullptr;
    Hold H = A.heldAt(P, G.Mutex, Member ? F.C.Base : nullptr, &Last);
    const HelperCall *Caller = nullptr;
    // What the function holds on entry lasts until it releases the mutex.
    const bool Released = Last && !Last->Acquire && !Last->Wildcard;
    if (H != Hold::Exclusive && !Released && (!Member || isThisBase(F.C.Base)))
      H = std::max(H, A.entryHold(F.Fn, G.Mutex, &Caller));
    else if (H != Hold::Exclusive && !Released && F.Fn && F.Fn->Fn)
      H = std::max(H, requiredHold(F.Fn->Fn, G.Mutex, F.C.Base));
    if (H > F.Held || (H == F.Held && !F.Unheld && Caller)) {
      F.Held = H;
      F.Why = G;
      F.Via = Last;
      F.Unheld = Caller;
    }
  }
}

/// Whether \p Base names a local object held by value (`tx` in
/// `tx.vout`), which no other thread can reach.
static bool isLocalObject(const Expr *Base) {
  const auto *Ref =
      Base ? dyn_cast<DeclRefExpr>(Base->IgnoreParenImpCasts()) : nullptr;
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->isLocalVarDecl() && !Var->isStaticLocal() &&
         !Var->getType()->isReferenceType() && !Var->getType()->isPointerType();
}

/// Whether the author of \p Fn wrote that \p Mutex is held where \p At
/// is, in a comment naming it above a declaration of \p Fn or in its body
/// up to the end of the line of \p At: `// REQUIRES: mutex_ held`
/// (leveldb), `m_.erase(k); // mu_ held by the caller`, `// No need to lock
/// gamesLock ... ~Server_Game ... locks both mutexes` (Cockatrice): the
/// comment names the mutex and says it is held or locked. A TODO or FIXME
/// says the opposite.
static bool documentedHeld(const FunctionDecl &Fn, SourceLocation At,
                           const ValueDecl &Mutex, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  const auto Says = [&](StringRef Comment) {
    if (!hasWord(Comment, Mutex.getName()) || hasWord(Comment, "TODO") ||
        hasWord(Comment, "FIXME"))
      return false;
    const std::string Lower = Comment.lower();
    return llvm::any_of(
        std::initializer_list<StringRef>{"held", "hold", "holds", "holding",
                                         "lock", "locks", "locked", "acquired",
                                         "owns", "requires"},
        [&](StringRef Word) { return hasWord(Lower, Word); });
  };
  if (llvm::any_of(Fn.redecls(), [&](const FunctionDecl *D) {
        return Says(commentAbove(D->getOuterLocStart(), SM));
      }))
    return true;
  const SourceLocation Line = SM.getExpansionLoc(At);
  const SourceLocation NextLine = SM.translateLineCol(
      SM.getFileID(Line), SM.getExpansionLineNumber(Line) + 1, 1);
  return Fn.getBody() &&
         llvm::any_of(commentsBetween(Fn.getBody()->getBeginLoc(), NextLine, SM,
                                      Ctx.getLangOpts()),
                      Says);
}

compat::Optional<Finding> UnlockedEraseFinder::decide(const EraseRec &Erase) {
  Finding F;
  F.Erase = &Erase;
  F.C = resolveContainer(Erase.Object, [this](const VarDecl *Pointer) {
    return pointsOnlyThere(Pointer);
  });
  if (!F.C.Decl || !Seen.insert({Erase.Call, F.C.Decl}).second)
    return {};
  const CXXRecordDecl *Type = recordOrTemplateOf(F.C.Decl->getType());
  if (!Containers.isContainerLike(Type) || isStringLike(Type) ||
      isListedDecl(Type, ThreadSafe))
    return {};
  const Pos P = A.pos(Erase.Call->getExprLoc());
  F.Fn = A.functionAt(P);
  if (!F.Fn || (F.Fn->Fn && buildsOrDestroysThis(*F.Fn->Fn)))
    return {};
  const llvm::SmallVector<Evidence, 2> Guards = guardsOf(F.C, F.Fn);
  if (Guards.empty())
    return {};
  if (F.C.Base && !isSideEffectFreeAccess(F.C.Base))
    return {}; // cannot tell which object
  if (isLocalObject(F.C.Base))
    return {}; // a member of a local object: shared with nobody
  F.OnlyGuard = Guards.size() == 1;
  strongestHold(F, Guards);
  if (F.Held == Hold::Exclusive)
    return {};
  if (F.Held == Hold::None) {
    if (!F.Fn->Fn && !F.Fn->OtherThread)
      return {}; // a lambda: when it runs is unknown
    if (F.Fn->Fn && F.Why.Mutex->getIdentifier() &&
        documentedHeld(*F.Fn->Fn, Erase.Call->getExprLoc(), *F.Why.Mutex,
                       A.Ctx))
      return {}; // its author says the caller holds it
    if (A.runsBeforeThreads(P, F.Fn))
      return {}; // no other thread of the object runs yet
    if (A.runsAfterJoins(P, F.Fn, Guards))
      return {}; // no other thread of the object runs any more
    // Our own lock while erasing another object's container: that object
    // may well be this one.
    if (!isThisBase(F.C.Base) && llvm::any_of(Guards, [&](const Evidence &G) {
          return isa<FieldDecl>(G.Mutex) && A.heldOnOtherObject(P, G.Mutex);
        }))
      return {};
  }
  // A class that fills the container without the mutex in as many functions
  // as it uses it with the mutex held keeps no lock discipline a removal
  // could break: the mutex serializes that code (Cockatrice's card sets,
  // inserted by addSet and getSet and cleared under clearDatabaseMutex).
  // Asked last: it walks every function of the translation unit.
  if (isa<FieldDecl>(F.C.Decl) && llvm::all_of(Guards, [&](const Evidence &G) {
        return !G.Declared && unguardedFillers(F.C, G) >= G.UsedIn.size();
      }))
    return {};
  return F;
}

std::pair<Pos, Pos> span(const SourceManager &SM, SourceRange R) {
  const std::pair<FileID, unsigned> B =
      SM.getDecomposedExpansionLoc(R.getBegin());
  const std::pair<FileID, unsigned> E =
      SM.getDecomposedExpansionLoc(R.getEnd());
  return {Pos{B.first, B.second}, Pos{E.first, E.second}};
}

bool isMethodNameIn(StringRef Name, const std::vector<std::string> &Patterns) {
  return llvm::any_of(Patterns, [&](const std::string &P) {
    const StringRef Pattern(P);
    if (Pattern.back() == '*')
      return Name.substr(0, Pattern.size() - 1) == Pattern.drop_back();
    return Name == Pattern;
  });
}

namespace {

/// The helper \p Call calls and the object it is called on (null for a free
/// function or `this`); none when it calls no helper. In a template with
/// dependent arguments, only a name that denotes one function counts.
compat::Optional<std::pair<const FunctionDecl *, const Expr *>>
helperCallOf(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  const Expr *Object = nullptr;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    Object = Member->getImplicitObjectArgument();
  } else if (const auto *Unresolved =
                 dyn_cast<UnresolvedMemberExpr>(Call->getCallee())) {
    if (Unresolved->getNumDecls() != 1)
      return {};
    Callee = (*Unresolved->decls_begin())->getAsFunction();
    if (!Unresolved->isImplicitAccess())
      Object = Unresolved->getBase();
  }
  if (!Callee || !hasKnownCalls(*Callee))
    return {};
  return std::make_pair(Callee->getCanonicalDecl(), Object);
}

/// Whether \p Class, the guardClass of \p T, makes \p T the type of a lock
/// guard: a class of \p Guards (also a dependent one) or a class declared
/// `scoped_lockable`; guardType and isDependentGuardIn in one test, for the
/// variables of every block, where the unqualified name rejects most of
/// them.
bool isGuardClass(const NamedDecl *Class, QualType T,
                  const std::vector<std::string> &Guards) {
  if (!Class)
    return false;
  if (!T->isDependentType() &&
      locks::isAnnotatedGuard(dyn_cast<CXXRecordDecl>(Class)))
    return true;
  return Class->getIdentifier() && isLastPartListed(Class->getName(), Guards) &&
         isListedDecl(Class, Guards);
}

} // namespace

/// One of the functions walked, never one of a system header.
void FactCollector::recordHelperCall(const CallExpr *Call) {
  const auto Helper = helperCallOf(Call);
  const SourceManager &SM = F->Ctx->getSourceManager();
  if (Helper && !SM.isInSystemHeader(Helper->first->getLocation()))
    F->HelperCalls.push_back({Helper->first, Helper->second,
                              span(SM, Call->getSourceRange()).first,
                              Call->getBeginLoc()});
}

void FactCollector::enterFunction(const FunctionDecl *Fn) {
  const auto [B, E] =
      span(F->Ctx->getSourceManager(), Fn->getBody()->getSourceRange());
  F->Functions.push_back({Fn, B, E, Fn->getBody()});
}

void FactCollector::enterLambda(const LambdaExpr *Lambda) {
  const auto [B, E] =
      span(F->Ctx->getSourceManager(), Lambda->getBody()->getSourceRange());
  F->Functions.push_back({nullptr, B, E, Lambda->getBody(), Lambda});
}

void FactCollector::visitStatement(const Stmt *S) {
  if (const auto *Block = dyn_cast<CompoundStmt>(S))
    return recordBlock(Block);
  // A guard in the init-statement of an if, switch or for lives as long as
  // that statement.
  const Stmt *Init = nullptr;
  if (const auto *If = dyn_cast<IfStmt>(S))
    Init = If->getInit();
  else if (const auto *Switch = dyn_cast<SwitchStmt>(S))
    Init = Switch->getInit();
  else if (const auto *For = dyn_cast<ForStmt>(S))
    Init = For->getInit();
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(Init))
    return recordGuards(DS, S);
  const auto *Call = dyn_cast<CallExpr>(S);
  // A call the code spells, not an implicit conversion.
  if (!Call || Call->IgnoreUnlessSpelledInSource() != Call)
    return;
  recordHelperCall(Call);
  recordErase(Call);
}

void FactCollector::recordGuards(const DeclStmt *DS, const Stmt *Scope) {
  for (const Decl *D : DS->decls())
    if (const auto *Var = dyn_cast<VarDecl>(D)) {
      const NamedDecl *Class = guardClass(Var->getType());
      if (isGuardClass(Class, Var->getType(), Words.AllGuardTypes))
        F->Guards.push_back(
            {Var, DS, Scope, isListedDecl(Class, Words.SharedLockGuardTypes)});
    }
}

void FactCollector::recordBlock(const CompoundStmt *Block) {
  for (const Stmt *Child : Block->body()) {
    if (const auto *DS = dyn_cast<DeclStmt>(Child))
      recordGuards(DS, Block);
    else if (const auto *E = dyn_cast<Expr>(Child))
      if (const auto *Call =
              dyn_cast<CallExpr>(E->IgnoreUnlessSpelledInSource()))
        F->Blocks[Call] = Block;
  }
}

/// An erase-family call is one that EraseMethods names.
void FactCollector::recordErase(const CallExpr *Call) {
  auto Add = [&](const Expr *Object, std::string Op) {
    if (Object)
      F->Erases.push_back({Call, Object, std::move(Op)});
  };
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (!Method || !Method->getIdentifier() ||
        !isMethodNameIn(Method->getName(), Words.EraseMethodNames))
      return;
    const std::string Op = Method->getName().str();
    Add(Member->getImplicitObjectArgument(), Op);
    if ((Op == "swap" || Op == "merge") && Member->getNumArgs() == 1)
      Add(Member->getArg(0), Op);
  } else if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (Words.EraseByAssignment && Operator->getOperator() == OO_Equal)
      Add(Operator->getArg(0), "operator=");
  } else if (const auto *Dependent =
                 dyn_cast<CXXDependentScopeMemberExpr>(Call->getCallee())) {
    const std::string Op = Dependent->getMember().getAsString();
    if (!Dependent->isImplicitAccess() &&
        isMethodNameIn(Op, Words.EraseMethodNames))
      Add(Dependent->getBase(), Op);
  } else if (const FunctionDecl *Fn = Call->getDirectCallee()) {
    if (!Fn->getIdentifier() ||
        !isLastPartListed(Fn->getName(), Words.EraseFunctionNames) ||
        !isListedDecl(Fn, Words.EraseFunctionNames))
      return;
    const std::string Op = Fn->getQualifiedNameAsString();
    if (Call->getNumArgs() >= 1)
      Add(Call->getArg(0), Op);
    if (Fn->getName() == "swap" && Call->getNumArgs() == 2)
      Add(Call->getArg(1), Op);
  }
}

} // namespace clang::tidy::safedelete::unlocked
