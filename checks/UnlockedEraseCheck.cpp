//===--- UnlockedEraseCheck.cpp - safedelete ------------------------------===//
//
// The check never walks whole function bodies. Matchers anchored on rare
// nodes (guard declarations, lock/unlock calls, erase-family calls, function
// definitions, calls of private helpers) record facts with their positions;
// onEndOfTranslationUnit then
//   1. turns guards and lock calls into acquire/release events, each with
//      the stretch of source it covers (a guard: to the end of its scope; a
//      release: to the end of its own block, so a conditional unlock never
//      counts; a bare lock(): to the end of the function, so a conditional
//      lock always does),
//   2. walks only the code after each acquisition, up to its release, to
//      learn which containers are used with which mutex held,
//   3. decides every erase once: held if the last event before it that
//      covers it acquires a guarding mutex.
//
//===----------------------------------------------------------------------===//

#include "UnlockedEraseCheck.h"
#include "support/CheckOptions.h"
#include "support/Containers.h"
#include "support/ExprIdentity.h"
#include "support/FixIt.h"
#include "support/Locks.h"
#include "support/MatcherSet.h"
#include "support/NameList.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Regex.h"
#include <algorithm>

using namespace clang::ast_matchers;

namespace clang::tidy::safedelete {
namespace {

constexpr char DefaultEraseMethods[] =
    "erase;clear;extract;pop*;remove*;swap;merge;operator=;"
    "::std::erase;::std::erase_if;::std::swap";
constexpr char DefaultLockedFunctionPattern[] = "(Locked|_locked|NoLock)$";
constexpr char DefaultThreadSafeContainerTypes[] =
    "::tbb::concurrent_hash_map;::tbb::concurrent_unordered_map;"
    "::tbb::concurrent_unordered_set;::tbb::concurrent_queue;"
    "::tbb::concurrent_bounded_queue;::tbb::concurrent_vector;"
    "::folly::ConcurrentHashMap;::folly::AtomicHashMap;::folly::Synchronized;"
    "::boost::concurrent_flat_map;::boost::concurrent_flat_set;"
    "::concurrency::concurrent_unordered_map;::concurrency::concurrent_vector";
constexpr char DefaultThreadStartFunctions[] =
    "::std::async;submit;enqueue;detach_task;submit_task;push_task;"
    "::boost::asio::post;::asio::post;QThreadPool::start";
constexpr char DefaultThreadClasses[] =
    "::std::thread;::std::jthread;::boost::thread";

// Bind ids.
constexpr char FunctionId[] = "function";
constexpr char LambdaId[] = "lambda";
constexpr char ThreadLambdaId[] = "thread-lambda";
constexpr char ThreadStartId[] = "thread-start";
constexpr char GuardDeclId[] = "guard-decl";
constexpr char ScopeId[] = "scope";
constexpr char LockCallId[] = "lock-call";
constexpr char EraseId[] = "erase";
constexpr char HelperCallId[] = "helper-call";
constexpr char JoinId[] = "join";

/// Whether \p Subscript, a call of `operator[]`, may insert: one not
/// resolved yet, or a non-const one of a map.
bool insertsOnSubscript(const CXXOperatorCallExpr *Subscript) {
  const auto *Method =
      dyn_cast_or_null<CXXMethodDecl>(Subscript->getDirectCallee());
  return !Method || (!Method->isConst() && hasMappedType(Method->getParent()));
}

/// A method whose identifier is listed in \p Names.
AST_MATCHER_P(NamedDecl, hasIdentifierIn, const llvm::StringSet<> *, Names) {
  return Node.getIdentifier() && Names->count(Node.getName());
}

/// A method whose identifier is one of \p Patterns; an entry ending in `*`
/// is a prefix.
bool isMethodNameIn(StringRef Name, const std::vector<std::string> &Patterns) {
  return llvm::any_of(Patterns, [&](const std::string &P) {
    const StringRef Pattern(P);
    if (Pattern.back() == '*')
      return Name.substr(0, Pattern.size() - 1) == Pattern.drop_back();
    return Name == Pattern;
  });
}

AST_MATCHER_P(NamedDecl, hasMethodNameIn, std::vector<std::string>, Patterns) {
  return Node.getIdentifier() && isMethodNameIn(Node.getName(), Patterns);
}

/// A function that only its own class hierarchy or its own file can call: a
/// private or protected non-virtual method, or a function with internal
/// linkage.
bool isHelper(const FunctionDecl &Fn) {
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

AST_MATCHER(FunctionDecl, hasKnownCallsFunction) { return hasKnownCalls(Node); }

/// Whether \p Fn makes, replaces or ends the value of its object: a
/// constructor, a destructor, a copy or move assignment. Nobody else may
/// use the object meanwhile; that is the caller's business.
bool buildsOrDestroysThis(const FunctionDecl &Fn) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Fn);
  return Method &&
         (isa<CXXConstructorDecl>(Method) || isa<CXXDestructorDecl>(Method) ||
          Method->isCopyAssignmentOperator() ||
          Method->isMoveAssignmentOperator());
}

/// The member of `*this` whose thread \p E is: `t_`, `*t_`, `t_->`, or
/// the loop variable of a range-for over `workers_` (followed through the
/// variables the range-for declares).
const FieldDecl *threadMember(const Expr *E, unsigned Depth = 0) {
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

/// A variable of a lambda's own closure type initialised with that lambda:
/// no other lambda can be assigned to it. (The closure class is implicit,
/// which the matchers skip in the traversal mode of the check.)
AST_MATCHER_P(VarDecl, holdsItsOwnLambda,
              ast_matchers::internal::Matcher<LambdaExpr>, Inner) {
  const auto *Lambda = dyn_cast_or_null<LambdaExpr>(
      Node.getInit() ? Node.getInit()->IgnoreUnlessSpelledInSource() : nullptr);
  return Lambda &&
         Node.getType()->getAsCXXRecordDecl() == Lambda->getLambdaClass() &&
         Inner.matches(*Lambda, Finder, Builder);
}

/// A function declared to acquire, release or assert a lock.
AST_MATCHER(FunctionDecl, declaresLockEffects) {
  return Node.hasAttrs() && !locks::declaredEffects(&Node).empty();
}

/// A class declared a mutex (`capability`, `lockable`), or derived from one.
AST_MATCHER(CXXRecordDecl, isAnnotatedMutex) {
  return locks::isAnnotatedMutex(&Node);
}

/// A class declared a guard (`scoped_lockable`).
AST_MATCHER(CXXRecordDecl, isAnnotatedGuard) {
  return locks::isAnnotatedGuard(&Node);
}

using locks::Hold;

/// The acquisitions a guard's constructor declares of its own parameters
/// (`MutexLock(Mutex *mu) ACQUIRE(mu)`).
llvm::SmallVector<locks::LockEffect, 2>
acquiredParameters(const FunctionDecl *Ctor) {
  llvm::SmallVector<locks::LockEffect, 2> Effects =
      locks::declaredEffects(Ctor);
  llvm::erase_if(Effects, [](const locks::LockEffect &L) {
    return L.Op != locks::LockOp::Acquire || L.Param < 0;
  });
  return Effects;
}

/// A position in the translation unit: the file offset a location expands
/// to. Everything compared is spelled in one function, so one file.
struct Pos {
  FileID File;
  unsigned Offset = 0;
};

bool before(Pos A, Pos B) { return A.File == B.File && A.Offset < B.Offset; }
bool within(Pos P, Pos Begin, Pos End) {
  return P.File == Begin.File && P.File == End.File &&
         Begin.Offset <= P.Offset && P.Offset <= End.Offset;
}

/// A mutex as code names it: the variable or member, and for a member the
/// object it belongs to (null for variables). Decl is null when unknown.
struct Lockable {
  const ValueDecl *Decl = nullptr;
  const Expr *Base = nullptr;
};

const ValueDecl *canonical(const ValueDecl *D) {
  return cast<ValueDecl>(D->getCanonicalDecl());
}

bool isThisBase(const Expr *Base) {
  return !Base || isa<CXXThisExpr>(Base->IgnoreParenImpCasts());
}

/// Whether two objects of mutexes or containers are the same; a null one is
/// `this` (an implicit member access in a template).
bool sameBase(const Expr *A, const Expr *B) {
  if (!A || !B)
    return isThisBase(A) && isThisBase(B);
  return isSameAccess(A, B);
}

Lockable resolveMutex(const Expr *E, unsigned Hops = 0);

/// The mutex an accessor marked LOCK_RETURNED returns (`GetMutex()`,
/// `peer.QueueMutex()`), as seen from its caller.
Lockable returnedMutex(const CallExpr *Call, unsigned Hops) {
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
Lockable resolveMutex(const Expr *E, unsigned Hops) {
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

/// The container an erase-family call modifies, as a field of an object or
/// a variable with static storage; a local reference bound to one stands
/// for it, and so does a local pointer to one for which \p StaysBound holds.
struct Container {
  const ValueDecl *Decl = nullptr;
  const Expr *Base = nullptr;
};

Container
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

/// A guard type whose class \p Names lists, when the type is dependent (the
/// record matchers see the others).
AST_MATCHER_P(QualType, isDependentGuardIn, std::vector<std::string>, Names) {
  if (!Node->isDependentType())
    return false;
  const NamedDecl *Class = guardClass(Node);
  return Class && isListedName(qualifiedNameOf(Class), Names);
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
         isListedName(qualifiedNameOf(Class), Guards);
}

/// A call `obj.name(...)` in a template where `obj` is dependent.
AST_MATCHER_P(CXXDependentScopeMemberExpr, dependentMemberIn,
              const llvm::StringSet<> *, Names) {
  const IdentifierInfo *Id = Node.getMember().getAsIdentifierInfo();
  return !Node.isImplicitAccess() && Id && Names->count(Id->getName());
}

/// The object and the name of the method that \p E calls (`obj.name(...)`),
/// also on a dependent object; an empty name otherwise.
StringRef calledMethod(const Expr *E, const Expr *&Object, bool &Dependent) {
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
const Expr *asExpr(const Stmt *S) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!E)
    return nullptr;
  E = E->IgnoreImplicit()->IgnoreParens();
  if (const auto *Cast = dyn_cast<CStyleCastExpr>(E))
    if (Cast->getTypeAsWritten()->isVoidType())
      E = Cast->getSubExpr()->IgnoreImplicit()->IgnoreParens();
  return E;
}

struct Event {
  bool Acquire = true;
  Hold Kind = Hold::Exclusive;
  Lockable Lock;
  bool Wildcard = false; // a lock of a mutex the check cannot name
  Pos At, Reach;         // covers the positions after At up to Reach
  const VarDecl *Guard = nullptr;
  SourceLocation Loc;
};

struct FunctionRec {
  const FunctionDecl *Fn = nullptr; // null for a lambda
  Pos Begin, End;
  const Stmt *Body = nullptr;
  const LambdaExpr *Lambda = nullptr;
  bool OtherThread = false; // a lambda that a new thread or a pool runs
};

struct EraseRec {
  const Expr *Call = nullptr;
  const Expr *Object = nullptr;
  std::string Op;
};

struct HelperCall {
  const FunctionDecl *Callee = nullptr;
  const Expr *Object = nullptr; // null for a free function
  Pos At;
  SourceLocation Loc;
};

struct Evidence {
  const ValueDecl *Mutex = nullptr;
  SourceLocation Loc;
  bool Declared = false; // GUARDED_BY rather than seen held
  // Seen modified with the mutex held, or used with it held on another
  // thread: a read under a lock taken for another member is not enough.
  bool Strong = false;
  // The functions where it is used with the mutex held: a read there counts
  // for an erase in the same function.
  llvm::SmallVector<const FunctionRec *, 2> UsedIn;
};

} // namespace

struct UnlockedEraseCheck::Facts {
  ASTContext *Ctx = nullptr;
  struct Guard {
    const VarDecl *Var;
    const DeclStmt *Decl;
    const Stmt *Scope;
    bool Shared;
  };
  std::vector<Guard> Guards;
  std::vector<const CallExpr *> LockCalls;
  /// The block of each call that is a statement of a block.
  llvm::DenseMap<const Stmt *, const CompoundStmt *> Blocks;
  std::vector<EraseRec> Erases;
  std::vector<FunctionRec> Functions;
  llvm::SmallPtrSet<const LambdaExpr *, 4> ThreadLambdas;
  std::vector<HelperCall> HelperCalls;
  std::vector<Pos> ThreadStarts; // thread objects constructed to run code
  /// `t_.join()` on a thread member of `*this`, directly or through the
  /// loop variable of a range-for over it (`for (auto &w : workers_)`).
  struct Join {
    const FieldDecl *Thread;
    Pos At;
  };
  std::vector<Join> Joins;
  /// The ThreadClasses option, for the thread members of a class.
  std::vector<std::string> ThreadClasses;
};

namespace {

/// The decisions of one translation unit.
class Analysis {
public:
  Analysis(UnlockedEraseCheck::Facts &F, bool Infer,
           const llvm::Regex *LockedPattern)
      : F(F), Ctx(*F.Ctx), SM(Ctx.getSourceManager()), Infer(Infer),
        LockedPattern(LockedPattern) {}

  Pos pos(SourceLocation Loc) const {
    const std::pair<FileID, unsigned> D = SM.getDecomposedExpansionLoc(Loc);
    return {D.first, D.second};
  }

  void build();
  Hold heldAt(Pos P, const ValueDecl *Mutex, const Expr *Base,
              const Event **Last = nullptr) const;
  const FunctionRec *functionAt(Pos P) const;
  const FunctionRec *threadAt(Pos P) const;
  Hold entryHold(const FunctionRec *Fn, const ValueDecl *Mutex,
                 const HelperCall **Unheld);
  bool heldOnOtherObject(Pos P, const ValueDecl *Mutex) const;
  bool anyAcquireIn(const FunctionRec *Fn, const ValueDecl *Mutex) const;
  bool runsBeforeThreads(Pos P, const FunctionRec *Fn) const;
  bool runsAfterJoins(Pos P, const FunctionRec *Fn,
                      llvm::ArrayRef<Evidence> Guards) const;
  bool usedOnlyByTheObject(llvm::ArrayRef<Evidence> Guards) const;
  bool beforeThreadStart(Pos P, const FunctionRec *Fn) const;

  UnlockedEraseCheck::Facts &F;
  ASTContext &Ctx;
  const SourceManager &SM;
  const bool Infer;
  const llvm::Regex *LockedPattern;
  std::vector<Event> Events;
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<Evidence, 2>> Guarded;
  /// Per container, its modifications under a lock and the mutex held there
  /// (one entry per mutex held).
  llvm::DenseMap<
      const ValueDecl *,
      llvm::SmallVector<std::pair<const Stmt *, const ValueDecl *>, 4>>
      LockedModifications;
  /// Whether one mutex is held at every locked modification of \p C.
  bool oneLockModifies(const ValueDecl *C) const;

private:
  void addGuard(const UnlockedEraseCheck::Facts::Guard &G);
  void addLockCall(const CallExpr *Call);
  void addLockEffect(const CallExpr *Call, const locks::LockEffect &Effect,
                     const Expr *Object, bool Dependent);
  void learnFrom(const Stmt *Scope, const Stmt *After, const Lockable &L,
                 const VarDecl *GuardVar);
  void record(Event E, llvm::ArrayRef<Lockable> Locks, bool WildcardIfUnknown,
              const Stmt *LearnScope, const Stmt *After,
              const VarDecl *GuardVar);
  void noteAccesses(const Stmt *S, const Lockable &L);
  void noteAccess(const ValueDecl *Container, const Stmt *S, const Lockable &L);
  bool releases(const Stmt *S, const Lockable &L,
                const VarDecl *GuardVar) const;
  Pos functionEnd(Pos P) const {
    const FunctionRec *Fn = functionAt(P);
    return Fn ? Fn->End : P;
  }

  llvm::DenseMap<const VarDecl *, std::pair<llvm::SmallVector<Lockable, 2>,
                                            std::pair<bool, Pos>>>
      GuardInfo; // locks, shared, end of scope
  llvm::DenseMap<const FunctionDecl *, Hold> EntryMemo;
  llvm::SmallPtrSet<const FunctionDecl *, 4> InProgress;
  std::vector<size_t> Order; // Functions sorted by begin
  // Containers used as the object of a modifying call, under some lock.
  llvm::SmallPtrSet<const Expr *, 16> Modified;
};

void Analysis::build() {
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

const FunctionRec *Analysis::functionAt(Pos P) const {
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
struct GuardConstruction {
  bool Constructed = false;
  llvm::ArrayRef<const Expr *> Args;
  /// What a scoped_lockable constructor declares it acquires.
  llvm::SmallVector<locks::LockEffect, 2> Declared;
};

GuardConstruction constructionOf(const VarDecl *Var) {
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

void Analysis::addGuard(const UnlockedEraseCheck::Facts::Guard &G) {
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
void Analysis::record(Event E, llvm::ArrayRef<Lockable> Locks,
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
llvm::SmallVector<locks::LockEffect, 2> lockEffectsOf(const CallExpr *Call,
                                                      StringRef Name) {
  llvm::SmallVector<locks::LockEffect, 2> Effects =
      locks::declaredEffects(Call->getDirectCallee());
  locks::LockEffect Conventional;
  if (Effects.empty() &&
      locks::conventionalEffect(Name, Conventional.Op, Conventional.Shared))
    Effects.push_back(Conventional);
  return Effects;
}

void Analysis::addLockCall(const CallExpr *Call) {
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
Lockable namedMutex(const CallExpr *Call, const locks::LockEffect &Effect,
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

void Analysis::addLockEffect(const CallExpr *Call,
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

bool Analysis::releases(const Stmt *S, const Lockable &L,
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
void Analysis::learnFrom(const Stmt *Scope, const Stmt *After,
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

void Analysis::noteAccesses(const Stmt *S, const Lockable &L) {
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
void Analysis::noteAccess(const ValueDecl *Container, const Stmt *S,
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

bool Analysis::oneLockModifies(const ValueDecl *C) const {
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
const FunctionRec *Analysis::threadAt(Pos P) const {
  if (F.ThreadLambdas.empty())
    return nullptr;
  const FunctionRec *Found = nullptr;
  for (const FunctionRec &Fn : F.Functions)
    if (Fn.OtherThread && within(P, Fn.Begin, Fn.End))
      Found = &Fn; // sorted by begin: the last one is the innermost
  return Found;
}

Hold Analysis::heldAt(Pos P, const ValueDecl *Mutex, const Expr *Base,
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

bool Analysis::heldOnOtherObject(Pos P, const ValueDecl *Mutex) const {
  return llvm::any_of(Events, [&](const Event &E) {
    return E.Acquire && E.Lock.Decl == Mutex && before(E.At, P) &&
           within(P, E.At, E.Reach);
  });
}

bool Analysis::anyAcquireIn(const FunctionRec *Fn,
                            const ValueDecl *Mutex) const {
  return llvm::any_of(Events, [&](const Event &E) {
    return E.Acquire && (E.Wildcard || E.Lock.Decl == Mutex) &&
           within(E.At, Fn->Begin, Fn->End);
  });
}

/// Whether \p P in \p Fn comes before every thread \p Fn starts, and one
/// starts after it: the code there runs while no thread of the object does.
bool Analysis::beforeThreadStart(Pos P, const FunctionRec *Fn) const {
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
bool Analysis::runsBeforeThreads(Pos P, const FunctionRec *Fn) const {
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
bool holdsThreads(QualType Type, llvm::ArrayRef<std::string> Classes,
                  unsigned Depth = 0) {
  if (Type.isNull() || Depth > 2)
    return false;
  Type = Type.getNonReferenceType();
  if (Type->isPointerType())
    return holdsThreads(Type->getPointeeType(), Classes, Depth + 1);
  const auto *Record = Type->getAsCXXRecordDecl();
  if (!Record)
    return false;
  if (isListedName(qualifiedNameOf(Record), Classes))
    return true;
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record);
  return Spec && llvm::any_of(
                     Spec->getTemplateArgs().asArray(),
                     [&](const TemplateArgument &Arg) {
                       return Arg.getKind() == TemplateArgument::Type &&
                              holdsThreads(Arg.getAsType(), Classes, Depth + 1);
                     });
}

/// Whether every use of the container with its mutex held (\p Guards) is
/// in code only the object itself runs: a lambda, a member function that is
/// not public, or one that joins the object's threads (its own teardown). A
/// public one may be called by another component that is still running
/// (`VisitLeaseSets` from a web console).
bool Analysis::usedOnlyByTheObject(llvm::ArrayRef<Evidence> Guards) const {
  const auto Joins = [&](const FunctionRec *U) {
    return llvm::any_of(F.Joins, [&](const UnlockedEraseCheck::Facts::Join &J) {
      return functionAt(J.At) == U;
    });
  };
  return llvm::all_of(Guards, [&](const Evidence &G) {
    return !G.UsedIn.empty() &&
           llvm::all_of(G.UsedIn, [&](const FunctionRec *U) {
             return !U->Fn || (isa<CXXMethodDecl>(U->Fn) &&
                               (U->Fn->getAccess() != AS_public || Joins(U)));
           });
  });
}

/// Whether \p P in the member function \p Fn comes after a join of every
/// thread member of its class (`Stop()` after `worker_.join()`), and the
/// container is used under its mutex only by the object's own code
/// (\p Guards): no other thread touches it any more. An object with no
/// thread member, or one left unjoined, proves nothing.
bool Analysis::runsAfterJoins(Pos P, const FunctionRec *Fn,
                              llvm::ArrayRef<Evidence> Guards) const {
  const auto *Method = Fn->Fn ? dyn_cast<CXXMethodDecl>(Fn->Fn) : nullptr;
  if (!Method || F.Joins.empty() || !usedOnlyByTheObject(Guards))
    return false;
  bool Any = false;
  for (const FieldDecl *Field : Method->getParent()->fields()) {
    if (!holdsThreads(Field->getType(), F.ThreadClasses))
      continue;
    Any = true;
    if (!llvm::any_of(F.Joins, [&](const UnlockedEraseCheck::Facts::Join &J) {
          return J.Thread == Field && functionAt(J.At) == Fn && before(J.At, P);
        }))
      return false;
  }
  return Any;
}

/// Whether \p Named, an object an attribute of \p Fn names, is \p Base:
/// a parameter named in the attribute of another declaration of \p Fn is
/// the parameter at its place (`void f(Node &node) REQUIRES(node.mu);` in a
/// header, `void f(Node &n) {...}` here).
bool sameObjectIn(const FunctionDecl *Fn, const Expr *Named, const Expr *Base) {
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
Hold requiredHold(const FunctionDecl *Fn, const ValueDecl *Mutex,
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
Hold Analysis::entryHold(const FunctionRec *Fn, const ValueDecl *Mutex,
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

} // namespace

UnlockedEraseCheck::UnlockedEraseCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      RawMutexTypes(Options.get("MutexTypes", locks::DefaultMutexTypes)),
      RawLockGuardTypes(
          Options.get("LockGuardTypes", locks::DefaultLockGuardTypes)),
      RawSharedLockGuardTypes(Options.get("SharedLockGuardTypes",
                                          locks::DefaultSharedLockGuardTypes)),
      RawEraseMethods(Options.get("EraseMethods", DefaultEraseMethods)),
      RawLockedFunctionPattern(
          Options.get("LockedFunctionPattern", DefaultLockedFunctionPattern)),
      RawThreadSafeContainerTypes(Options.get("ThreadSafeContainerTypes",
                                              DefaultThreadSafeContainerTypes)),
      RawThreadStartFunctions(
          Options.get("ThreadStartFunctions", DefaultThreadStartFunctions)),
      RawThreadClasses(Options.get("ThreadClasses", DefaultThreadClasses)),
      InferFromUsage(
          boolOption(Context, Options, Name, "InferFromUsage", true)),
      Inserter(compat::makeIncludeInserter(
          Options.getLocalOrGlobal("IncludeStyle",
                                   utils::IncludeSorter::IS_LLVM),
          *Context)) {
  MutexTypes = classListOption(Context, Name, "MutexTypes", RawMutexTypes,
                               "::std::mutex");
  LockGuardTypes = classListOption(Context, Name, "LockGuardTypes",
                                   RawLockGuardTypes, "::std::lock_guard");
  SharedLockGuardTypes =
      classListOption(Context, Name, "SharedLockGuardTypes",
                      RawSharedLockGuardTypes, "::std::shared_lock");
  ThreadSafeContainerTypes = classListOption(
      Context, Name, "ThreadSafeContainerTypes", RawThreadSafeContainerTypes,
      "::tbb::concurrent_hash_map");
  ThreadClasses = classListOption(Context, Name, "ThreadClasses",
                                  RawThreadClasses, "::std::thread");
  for (std::string &Start : nameListOption(
           Context, Name, "ThreadStartFunctions", RawThreadStartFunctions,
           "a function name such as '::std::async', a method name such as "
           "'Pool::submit' or 'submit'"))
    (StringRef(Start).contains("::") ? ThreadStartFunctions
                                     : ThreadStartMethods)
        .push_back(std::move(Start));
  llvm::SmallVector<StringRef, 16> Entries;
  StringRef(RawEraseMethods).split(Entries, ';', -1, false);
  for (StringRef Entry : Entries) {
    Entry = Entry.trim();
    if (Entry.empty())
      continue;
    if (Entry == "operator=") {
      EraseByAssignment = true;
    } else if (Entry.find("::") != StringRef::npos && isQualifiedName(Entry)) {
      EraseFunctionNames.push_back(Entry.str());
    } else if (isQualifiedName(Entry.substr(
                   0, Entry.size() - (Entry.back() == '*' ? 1 : 0)))) {
      EraseMethodNames.push_back(Entry.str());
    } else {
      configurationDiag("invalid entry '%0' in option 'EraseMethods' of %1: "
                        "expected a method name, a prefix ending in '*', "
                        "'operator=' or a qualified function name; the entry "
                        "is ignored")
          << Entry << Name;
    }
  }
  std::string Error;
  if (!llvm::Regex(RawLockedFunctionPattern).isValid(Error))
    configurationDiag("invalid regular expression '%0' in option "
                      "'LockedFunctionPattern' of %1 (%2); no function "
                      "name is taken to mean the lock is held")
        << RawLockedFunctionPattern << Name << Error;
}

UnlockedEraseCheck::~UnlockedEraseCheck() = default;

void UnlockedEraseCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "MutexTypes", RawMutexTypes);
  Options.store(Opts, "LockGuardTypes", RawLockGuardTypes);
  Options.store(Opts, "SharedLockGuardTypes", RawSharedLockGuardTypes);
  Options.store(Opts, "EraseMethods", RawEraseMethods);
  Options.store(Opts, "LockedFunctionPattern", RawLockedFunctionPattern);
  Options.store(Opts, "ThreadSafeContainerTypes", RawThreadSafeContainerTypes);
  Options.store(Opts, "ThreadStartFunctions", RawThreadStartFunctions);
  Options.store(Opts, "ThreadClasses", RawThreadClasses);
  compat::storeBool(Options, Opts, "InferFromUsage", InferFromUsage);
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
}

void UnlockedEraseCheck::registerPPCallbacks(const SourceManager &,
                                             Preprocessor *PP, Preprocessor *) {
  Inserter.registerPreprocessor(PP);
}

namespace {

std::vector<StringRef> refs(const std::vector<std::string> &Names) {
  return std::vector<StringRef>(Names.begin(), Names.end());
}

/// A type that names a class \p Record matches, through sugar.
template <typename RecordMatcher> auto desugared(const RecordMatcher &Record) {
  return qualType(
      hasUnqualifiedDesugaredType(recordType(hasDeclaration(Record))));
}

/// The type of a lock guard: a class of \p Guards or one declared
/// `scoped_lockable`.
auto guardType(const std::vector<std::string> &Guards) {
  return desugared(
      cxxRecordDecl(anyOf(hasAnyName(refs(Guards)), isAnnotatedGuard())));
}

/// A declaration statement of a lock guard, also of a dependent type.
auto guardDecl(const std::vector<std::string> &Guards) {
  return declStmt(has(varDecl(hasType(
      qualType(anyOf(guardType(Guards), isDependentGuardIn(Guards)))))));
}

/// lock()/unlock() on a mutex (of \p MutexTypes or annotated) or on a guard
/// (of \p Guards or annotated), and std::lock(a, b).
auto lockCall(const std::vector<std::string> &MutexTypes,
              const std::vector<std::string> &Guards) {
  static const llvm::StringSet<> LockMethods = [] {
    llvm::StringSet<> All;
    for (const StringRef Name : locks::conventionalLockMethods())
      All.insert(Name);
    return All;
  }();
  const auto MutexType = desugared(cxxRecordDecl(anyOf(
      isSameOrDerivedFrom(hasAnyName(refs(MutexTypes))), isAnnotatedMutex())));
  const auto GuardType = guardType(Guards);
  return expr(
      anyOf(cxxMemberCallExpr(
                callee(cxxMethodDecl(hasIdentifierIn(&LockMethods))),
                on(expr(anyOf(hasType(MutexType), hasType(pointsTo(MutexType)),
                              hasType(GuardType))))),
            callExpr(callee(
                cxxDependentScopeMemberExpr(dependentMemberIn(&LockMethods)))),
            callExpr(callee(
                functionDecl(anyOf(hasAnyName("::std::lock", "::std::try_lock"),
                                   declaresLockEffects()))))));
}

/// An argument that is a lambda run on another thread: written in the call
/// or held in a local variable.
auto threadLambdaArgument() {
  const auto ClosureVar =
      varDecl(hasAutomaticStorageDuration(),
              holdsItsOwnLambda(lambdaExpr().bind(ThreadLambdaId)));
  const auto ClosureRef = declRefExpr(to(ClosureVar));
  return hasAnyArgument(
      expr(anyOf(lambdaExpr().bind(ThreadLambdaId), ClosureRef,
                 callExpr(callee(functionDecl(hasName("::std::move"))),
                          hasArgument(0, ClosureRef)))));
}

} // namespace

MatcherList UnlockedEraseCheck::eraseForms() const {
  MatcherList Forms;
  if (!EraseMethodNames.empty()) {
    Forms.push_back(cxxMemberCallExpr(
        callee(cxxMethodDecl(hasMethodNameIn(EraseMethodNames)))));
    Forms.push_back(callExpr(callee(cxxDependentScopeMemberExpr())));
  }
  if (EraseByAssignment)
    Forms.push_back(cxxOperatorCallExpr(hasOverloadedOperatorName("=")));
  if (!EraseFunctionNames.empty())
    Forms.push_back(
        callExpr(callee(functionDecl(hasAnyName(refs(EraseFunctionNames)))),
                 unless(cxxMemberCallExpr())));
  return Forms;
}

MatcherList UnlockedEraseCheck::threadStartForms() const {
  MatcherList Forms;
  if (!ThreadStartFunctions.empty())
    Forms.push_back(functionDecl(hasAnyName(refs(ThreadStartFunctions))));
  if (!ThreadStartMethods.empty())
    Forms.push_back(cxxMethodDecl(hasAnyName(refs(ThreadStartMethods))));
  return Forms;
}

void UnlockedEraseCheck::registerMatchers(MatchFinder *Finder) {
  TU = std::make_unique<Facts>();
  const auto NotSystem = unless(isExpansionInSystemHeader());
  AllGuardTypes = LockGuardTypes;
  AllGuardTypes.insert(AllGuardTypes.end(), SharedLockGuardTypes.begin(),
                       SharedLockGuardTypes.end());
  const auto GuardDecl = guardDecl(AllGuardTypes);
  const auto LockCall = lockCall(MutexTypes, AllGuardTypes);
  const MatcherList EraseForms = eraseForms();
  const auto EraseCall = expr(anyOfForms<Expr>(EraseForms));

  // Every block: check() reads the guards it declares and which calls are
  // its statements (the lock and erase calls among them are known from the
  // call matcher below, which tests each call once). A loop in check(), not
  // a forEach: the matcher's memoization cost more than the test.
  Finder->addMatcher(compoundStmt(NotSystem).bind(ScopeId), this);
  // A guard in the init-statement of an if, switch or for lives as long as
  // that statement.
  Finder->addMatcher(
      ifStmt(hasInitStatement(GuardDecl.bind(GuardDeclId)), NotSystem)
          .bind(ScopeId),
      this);
  Finder->addMatcher(
      switchStmt(hasInitStatement(GuardDecl.bind(GuardDeclId)), NotSystem)
          .bind(ScopeId),
      this);
  Finder->addMatcher(
      forStmt(hasLoopInit(GuardDecl.bind(GuardDeclId)), NotSystem)
          .bind(ScopeId),
      this);

  Finder->addMatcher(
      functionDecl(NotSystem, isDefinition(), hasBody(stmt())).bind(FunctionId),
      this);
  Finder->addMatcher(lambdaExpr(NotSystem).bind(LambdaId), this);
  // A thread object constructed with a function starts a thread.
  if (!ThreadClasses.empty())
    Finder->addMatcher(
        cxxConstructExpr(NotSystem,
                         hasDeclaration(cxxConstructorDecl(
                             ofClass(hasAnyName(refs(ThreadClasses))))),
                         hasArgument(0, expr()),
                         optionally(threadLambdaArgument()))
            .bind(ThreadStartId),
        this);
  // Every call of interest is found by one matcher: each registered matcher
  // costs a dispatch on every call of the translation unit, system headers
  // included, and the system-header test rejects most of them first.
  MatcherList CallForms = {LockCall.bind(LockCallId)};
  if (!ThreadClasses.empty())
    CallForms.push_back(callExpr(callee(cxxMethodDecl(
                                     hasName("join"),
                                     ofClass(hasAnyName(refs(ThreadClasses))))))
                            .bind(JoinId));
  const MatcherList StartForms = threadStartForms();
  // std::launch::deferred runs the function in get(), on the caller's thread.
  const auto Deferred =
      declRefExpr(to(enumConstantDecl(hasName("::std::launch::deferred"))));
  if (!StartForms.empty())
    CallForms.push_back(
        callExpr(callee(functionDecl(anyOfForms<Decl>(StartForms))),
                 threadLambdaArgument(), unless(hasArgument(0, Deferred))));
  CallForms.push_back(
      callExpr(callee(expr(anyOf(
                   unresolvedMemberExpr(),
                   declRefExpr(to(functionDecl(hasKnownCallsFunction()))),
                   memberExpr(member(functionDecl(hasKnownCallsFunction())))))))
          .bind(HelperCallId));
  if (!EraseForms.empty())
    CallForms.push_back(EraseCall.bind(EraseId));
  Finder->addMatcher(callExpr(NotSystem, eachOfForms<CallExpr>(CallForms)),
                     this);
}

void UnlockedEraseCheck::check(const MatchFinder::MatchResult &Result) {
  Facts &Facts = *TU;
  Facts.Ctx = Result.Context;
  const SourceManager &SM = *Result.SourceManager;
  const auto &Nodes = Result.Nodes;
  const auto Range = [&](SourceRange R) {
    const std::pair<FileID, unsigned> B =
        SM.getDecomposedExpansionLoc(R.getBegin());
    const std::pair<FileID, unsigned> E =
        SM.getDecomposedExpansionLoc(R.getEnd());
    return std::make_pair(Pos{B.first, B.second}, Pos{E.first, E.second});
  };

  if (const auto *Fn = Nodes.getNodeAs<FunctionDecl>(FunctionId)) {
    const auto [B, E] = Range(Fn->getBody()->getSourceRange());
    Facts.Functions.push_back({Fn, B, E, Fn->getBody()});
    return;
  }
  if (const auto *Start = Nodes.getNodeAs<CXXConstructExpr>(ThreadStartId))
    Facts.ThreadStarts.push_back(Range(Start->getSourceRange()).first);
  if (const auto *Lambda = Nodes.getNodeAs<LambdaExpr>(ThreadLambdaId))
    Facts.ThreadLambdas.insert(Lambda);
  if (Nodes.getNodeAs<Expr>(ThreadStartId) ||
      Nodes.getNodeAs<LambdaExpr>(ThreadLambdaId))
    return;
  if (const auto *Lambda = Nodes.getNodeAs<LambdaExpr>(LambdaId)) {
    const auto [B, E] = Range(Lambda->getBody()->getSourceRange());
    Facts.Functions.push_back({nullptr, B, E, Lambda->getBody(), Lambda});
    return;
  }
  if (const auto *Join = Nodes.getNodeAs<CallExpr>(JoinId)) {
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Join);
    if (const FieldDecl *Thread =
            Member ? threadMember(Member->getImplicitObjectArgument())
                   : nullptr)
      Facts.Joins.push_back({Thread, Range(Join->getSourceRange()).first});
    return;
  }
  if (const auto *Call = Nodes.getNodeAs<CallExpr>(HelperCallId)) {
    if (const auto Helper = helperCallOf(Call))
      Facts.HelperCalls.push_back({Helper->first, Helper->second,
                                   Range(Call->getSourceRange()).first,
                                   Call->getBeginLoc()});
    return;
  }
  if (const auto *Scope = Nodes.getNodeAs<Stmt>(ScopeId)) {
    if (const auto *DS = Nodes.getNodeAs<DeclStmt>(GuardDeclId))
      recordGuards(DS, Scope);
    if (const auto *Block = dyn_cast<CompoundStmt>(Scope))
      recordBlock(Block);
    return;
  }
  if (const auto *Call = Nodes.getNodeAs<CallExpr>(LockCallId)) {
    Facts.LockCalls.push_back(Call);
    return;
  }
  if (const auto *Call = Nodes.getNodeAs<CallExpr>(EraseId))
    recordErase(Call);
}

void UnlockedEraseCheck::recordGuards(const DeclStmt *DS, const Stmt *Scope) {
  for (const Decl *D : DS->decls())
    if (const auto *Var = dyn_cast<VarDecl>(D)) {
      const NamedDecl *Class = guardClass(Var->getType());
      if (isGuardClass(Class, Var->getType(), AllGuardTypes))
        TU->Guards.push_back(
            {Var, DS, Scope,
             isListedName(qualifiedNameOf(Class), SharedLockGuardTypes)});
    }
}

void UnlockedEraseCheck::recordBlock(const CompoundStmt *Block) {
  for (const Stmt *Child : Block->body()) {
    if (const auto *DS = dyn_cast<DeclStmt>(Child))
      recordGuards(DS, Block);
    else if (const auto *E = dyn_cast<Expr>(Child))
      if (const auto *Call =
              dyn_cast<CallExpr>(E->IgnoreUnlessSpelledInSource()))
        TU->Blocks[Call] = Block;
  }
}

/// Records which containers \p Call modifies, and how.
void UnlockedEraseCheck::recordErase(const CallExpr *Call) {
  auto Add = [&](const Expr *Object, std::string Op) {
    if (Object)
      TU->Erases.push_back({Call, Object, std::move(Op)});
  };
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
    const std::string Op = Member->getMethodDecl()->getNameAsString();
    Add(Member->getImplicitObjectArgument(), Op);
    if ((Op == "swap" || Op == "merge") && Member->getNumArgs() == 1)
      Add(Member->getArg(0), Op);
  } else if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call)) {
    Add(Operator->getArg(0), "operator=");
  } else if (const auto *Dependent =
                 dyn_cast<CXXDependentScopeMemberExpr>(Call->getCallee())) {
    const std::string Op = Dependent->getMember().getAsString();
    if (!Dependent->isImplicitAccess() && isMethodNameIn(Op, EraseMethodNames))
      Add(Dependent->getBase(), Op);
  } else if (const FunctionDecl *Fn = Call->getDirectCallee()) {
    const std::string Op = Fn->getQualifiedNameAsString();
    if (Call->getNumArgs() >= 1)
      Add(Call->getArg(0), Op);
    if (Fn->getName() == "swap" && Call->getNumArgs() == 2)
      Add(Call->getArg(1), Op);
  }
}

namespace {

bool isIdentifierChar(char C) { return llvm::isAlnum(C) || C == '_'; }

/// Where \p Word occurs in \p Text as a whole identifier, or npos.
size_t findWord(StringRef Text, StringRef Word) {
  for (size_t At = Text.find(Word); At != StringRef::npos;
       At = Text.find(Word, At + 1)) {
    const bool Start = At == 0 || !isIdentifierChar(Text[At - 1]);
    const size_t End = At + Word.size();
    if (Start && (End == Text.size() || !isIdentifierChar(Text[End])))
      return At;
  }
  return StringRef::npos;
}

} // namespace

namespace {

/// An erase-family call made without the mutex that guards its container,
/// or with that mutex held only shared: what the reporter needs.
struct Finding {
  const EraseRec *Erase = nullptr;
  Container C;
  const FunctionRec *Fn = nullptr;
  Hold Held = Hold::None;
  Evidence Why;                       // the guarding mutex and where that shows
  const Event *Via = nullptr;         // the event that holds it shared
  const HelperCall *Unheld = nullptr; // a call of Fn without the mutex
  bool OnlyGuard = false;             // the only mutex that guards it
};

/// Decides every erase of one translation unit on an Analysis.
class UnlockedEraseFinder {
public:
  UnlockedEraseFinder(Analysis &A, const std::vector<std::string> &ThreadSafe)
      : A(A), ThreadSafe(ThreadSafe) {}

  /// The finding for \p Erase, if it is one.
  compat::Optional<Finding> decide(const EraseRec &Erase);
  /// Whether some call of \p Fn is made with \p Mutex held.
  bool heldByACaller(const FunctionRec *Fn, const ValueDecl *Mutex) const;

  Analysis &A;

private:
  llvm::SmallVector<Evidence, 2> guardsOf(const Container &C,
                                          const FunctionRec *Fn) const;
  bool pointsOnlyThere(const VarDecl *Pointer) const;
  void strongestHold(Finding &F, llvm::ArrayRef<Evidence> Guards);

  const ContainerTable Containers;
  const std::vector<std::string> &ThreadSafe;
  llvm::DenseSet<std::pair<const Expr *, const ValueDecl *>> Seen;
};

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
bool annotatesGuards(const ValueDecl *Container) {
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
    if (H != Hold::Exclusive && (!Member || isThisBase(F.C.Base)))
      H = std::max(H, A.entryHold(F.Fn, G.Mutex, &Caller));
    else if (H != Hold::Exclusive && F.Fn && F.Fn->Fn)
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
bool isLocalObject(const Expr *Base) {
  const auto *Ref =
      Base ? dyn_cast<DeclRefExpr>(Base->IgnoreParenImpCasts()) : nullptr;
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->isLocalVarDecl() && !Var->isStaticLocal() &&
         !Var->getType()->isReferenceType() && !Var->getType()->isPointerType();
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
      isListedName(qualifiedNameOf(Type), ThreadSafe))
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
  return F;
}

/// Speaks for the check: the warning, its notes and fix-its.
class UnlockedEraseReporter {
public:
  UnlockedEraseReporter(ClangTidyCheck &Check, utils::IncludeInserter &Inserter,
                        UnlockedEraseFinder &Finder,
                        const LangOptions &LangOpts)
      : Check(Check), Inserter(Inserter), Finder(Finder),
        SM(Finder.A.Ctx.getSourceManager()), LangOpts(LangOpts) {}

  void report(const Finding &F);

private:
  StringRef textOf(SourceRange R) const {
    return Lexer::getSourceText(CharSourceRange::getTokenRange(R), SM,
                                LangOpts);
  }
  static bool inMacro(SourceRange R) {
    return R.getBegin().isMacroID() || R.getEnd().isMacroID();
  }
  /// The guards the fixes write are declared in <mutex>.
  void includeMutex(std::vector<FixItHint> &Hints, SourceLocation At) {
    if (auto Include =
            Inserter.createIncludeInsertion(SM.getFileID(At), "<mutex>"))
      Hints.push_back(*Include);
  }
  void names(const Finding &F, std::string &ContainerText,
             std::string &MutexText) const;
  void reportShared(const Finding &F, SourceLocation Loc,
                    const std::string &ContainerText,
                    const std::string &MutexText);
  void reportUnheld(const Finding &F, SourceLocation Loc,
                    const std::string &ContainerText,
                    const std::string &MutexText);
  bool mayInsertGuard(const Finding &F) const;
  std::vector<FixItHint> guardInsertion(const Finding &F);

  ClangTidyCheck &Check;
  utils::IncludeInserter &Inserter;
  UnlockedEraseFinder &Finder;
  const SourceManager &SM;
  const LangOptions &LangOpts;
  llvm::SmallPtrSet<const VarDecl *, 4> FixedGuards;
};

/// The container and the mutex as the erase spells them (`other.m_` and
/// `other.mu_`), or by their names.
void UnlockedEraseReporter::names(const Finding &F, std::string &ContainerText,
                                  std::string &MutexText) const {
  const ValueDecl *Mutex = F.Why.Mutex;
  const ValueDecl *Decl = F.C.Decl;
  const Expr *Object = F.Erase->Object->IgnoreParenImpCasts();
  ContainerText = Decl->getNameAsString();
  MutexText = Mutex->getNameAsString();
  if (inMacro(Object->getSourceRange()))
    return;
  const StringRef Written = textOf(Object->getSourceRange());
  if (Written.empty() || Written.size() > 60)
    return;
  ContainerText = Written.str();
  if (isa<FieldDecl>(Mutex) && isa<MemberExpr>(Object) &&
      Written.size() > Decl->getName().size() &&
      Written.substr(Written.size() - Decl->getName().size()) ==
          Decl->getName())
    MutexText =
        (Written.drop_back(Decl->getName().size()) + Mutex->getName()).str();
}

void UnlockedEraseReporter::report(const Finding &F) {
  std::string ContainerText, MutexText;
  names(F, ContainerText, MutexText);
  SourceLocation Loc = F.Erase->Call->getExprLoc();
  if (const auto *Callee = dyn_cast<CXXDependentScopeMemberExpr>(
          cast<CallExpr>(F.Erase->Call)->getCallee()))
    Loc = Callee->getMemberLoc();
  if (F.Held == Hold::Shared)
    reportShared(F, Loc, ContainerText, MutexText);
  else
    reportUnheld(F, Loc, ContainerText, MutexText);
  Check.diag(F.Why.Loc,
             F.Why.Declared ? "'%0' is declared guarded by '%1' here"
                            : "'%0' is used with '%1' held here",
             DiagnosticIDs::Note)
      << F.C.Decl->getName() << F.Why.Mutex->getName();
}

void UnlockedEraseReporter::reportShared(const Finding &F, SourceLocation Loc,
                                         const std::string &ContainerText,
                                         const std::string &MutexText) {
  const ValueDecl *Mutex = F.Why.Mutex;
  const VarDecl *Guard = F.Via ? F.Via->Guard : nullptr;
  bool Fixed = false;
  {
    auto Diag =
        Check.diag(Loc, "'%0' modifies '%1' while '%2' is held only "
                        "shared; modifying it needs the lock exclusively")
        << F.Erase->Op << ContainerText << MutexText;
    if (Guard && !Guard->isReferenced() && !FixedGuards.count(Guard) &&
        Finder.A.functionAt(Finder.A.pos(Guard->getLocation())) == F.Fn &&
        locks::isStdMutex(Mutex->getType()) &&
        !Finder.heldByACaller(F.Fn, Mutex)) {
      const SourceRange TypeRange(Guard->getTypeSpecStartLoc(),
                                  Guard->getLocation());
      const size_t At = findWord(textOf(TypeRange), "shared_lock");
      if (!inMacro(TypeRange) && At != StringRef::npos) {
        const SourceLocation Begin = TypeRange.getBegin().getLocWithOffset(At);
        std::vector<FixItHint> Hints = {FixItHint::CreateReplacement(
            CharSourceRange::getCharRange(
                Begin, Begin.getLocWithOffset(strlen("shared_lock"))),
            "unique_lock")};
        includeMutex(Hints, Begin);
        attachFix(Check, Diag, Loc,
                  "hold '" + MutexText + "' exclusively with a unique_lock",
                  Hints);
        FixedGuards.insert(Guard);
        Fixed = true;
      }
    }
  }
  if (Fixed)
    Check.diag(Guard->getLocation(), "the whole scope of %0 becomes exclusive",
               DiagnosticIDs::Note)
        << Guard;
  else if (F.Via && F.Via->Loc.isValid())
    Check.diag(F.Via->Loc, "'%0' is held only shared here", DiagnosticIDs::Note)
        << MutexText;
}

/// Whether a standard guard of the mutex can name it before the erase: a
/// statement of a block, outside macros, in a member function of the
/// mutex's object (or in the scope of a global mutex).
bool UnlockedEraseReporter::mayInsertGuard(const Finding &F) const {
  const ValueDecl *Mutex = F.Why.Mutex;
  const FunctionDecl *Fn = F.Fn->Fn;
  const auto *Global = dyn_cast<VarDecl>(Mutex);
  const bool Named =
      Fn && (isa<FieldDecl>(Mutex)
                 ? isThisBase(F.C.Base) && isa<CXXMethodDecl>(Fn) &&
                       !cast<CXXMethodDecl>(Fn)->isStatic()
                 : Global && Fn->getDeclContext()->getRedeclContext()->Encloses(
                                 Global->getDeclContext()->getRedeclContext()));
  return Finder.A.F.Blocks.lookup(F.Erase->Call) &&
         !inMacro(F.Erase->Call->getSourceRange()) && Named && F.OnlyGuard &&
         locks::isStdMutex(Mutex->getType());
}

/// Inserts the guard mayInsertGuard allows, where the statement is alone
/// on its line and a name for the guard is free.
std::vector<FixItHint>
UnlockedEraseReporter::guardInsertion(const Finding &F) {
  const ValueDecl *Mutex = F.Why.Mutex;
  const CompoundStmt *Block = Finder.A.F.Blocks.lookup(F.Erase->Call);
  const SourceRange Range = F.Erase->Call->getSourceRange();
  const std::pair<FileID, unsigned> Begin =
      SM.getDecomposedLoc(Range.getBegin());
  const StringRef Buffer = SM.getBufferData(Begin.first);
  const size_t LineStart = Buffer.rfind('\n', Begin.second) + 1;
  const StringRef Indent = Buffer.slice(LineStart, Begin.second);
  const SourceLocation AfterSemi = Lexer::findLocationAfterToken(
      Range.getEnd(), tok::semi, SM, LangOpts, false);
  const StringRef FnText = textOf(F.Fn->Body->getSourceRange());
  const char *Name = nullptr;
  for (const char *Candidate : {"lock", "guard", "lock_", "mutex_lock"})
    if (findWord(FnText, Candidate) == StringRef::npos) {
      Name = Candidate;
      break;
    }
  if (!Name || AfterSemi.isInvalid() ||
      Indent.find_first_not_of(" \t") != StringRef::npos ||
      SM.getSpellingLineNumber(Range.getBegin()) !=
          SM.getSpellingLineNumber(Range.getEnd()))
    return {};
  // std::scoped_lock from C++17, std::lock_guard before.
  const std::string Call =
      std::string(Name) + "(" + Mutex->getName().str() + ");";
  const std::string Lock =
      LangOpts.CPlusPlus17 ? "std::scoped_lock " + Call
                           : "std::lock_guard<" +
                                 Mutex->getType()
                                     .getUnqualifiedType()
                                     .getCanonicalType()
                                     .getAsString(PrintingPolicy(LangOpts)) +
                                 "> " + Call;
  std::vector<FixItHint> Hints;
  if (Block->body_back() == F.Erase->Call) {
    Hints.push_back(FixItHint::CreateInsertion(Range.getBegin(),
                                               Lock + "\n" + Indent.str()));
  } else {
    Hints.push_back(FixItHint::CreateInsertion(
        Range.getBegin(),
        ("{\n" + Indent + "  " + Lock + "\n" + Indent + "  ").str()));
    Hints.push_back(
        FixItHint::CreateInsertion(AfterSemi, ("\n" + Indent + "}").str()));
  }
  includeMutex(Hints, Range.getBegin());
  return Hints;
}

void UnlockedEraseReporter::reportUnheld(const Finding &F, SourceLocation Loc,
                                         const std::string &ContainerText,
                                         const std::string &MutexText) {
  const ValueDecl *Mutex = F.Why.Mutex;
  // Why no guard is inserted, when a lock on this path could deadlock.
  enum { NoRisk, LockedInFunction, LockedByCaller } Risk = NoRisk;
  const bool MayFix = mayInsertGuard(F);
  if (MayFix && Finder.A.anyAcquireIn(F.Fn, Mutex))
    Risk = LockedInFunction;
  else if (MayFix && Finder.heldByACaller(F.Fn, Mutex))
    Risk = LockedByCaller;
  bool Fixed = false;
  {
    auto Diag = Check.diag(Loc, "'%0' modifies '%1' without holding '%2', the "
                                "mutex that guards it")
                << F.Erase->Op << ContainerText << MutexText;
    if (MayFix && Risk == NoRisk) {
      const std::vector<FixItHint> Hints = guardInsertion(F);
      Fixed = !Hints.empty();
      attachFix(Check, Diag, Loc,
                "hold '" + MutexText + "' with a guard around this statement",
                Hints);
    }
  }
  if (F.Unheld)
    Check.diag(F.Unheld->Loc, "%0 is called here without '%1' held",
               DiagnosticIDs::Note)
        << F.Fn->Fn << MutexText;
  if (Risk == LockedInFunction)
    Check.diag(Loc,
               "'%0' is also locked elsewhere in this function; a guard added "
               "here must not overlap that lock",
               DiagnosticIDs::Note)
        << MutexText;
  else if (Risk == LockedByCaller)
    Check.diag(Loc,
               "some callers of %0 hold '%1' already; a guard added here "
               "would deadlock them",
               DiagnosticIDs::Note)
        << F.Fn->Fn << MutexText;
  else if (!Fixed)
    Check.diag(Loc, "hold '%0' while calling '%1'", DiagnosticIDs::Note)
        << MutexText << F.Erase->Op;
  if (const FunctionRec *Thread =
          Finder.A.threadAt(Finder.A.pos(F.Erase->Call->getExprLoc())))
    Check.diag(Thread->Lambda->getBeginLoc(),
               "this lambda runs on another thread: the locks held where it "
               "is written do not protect it",
               DiagnosticIDs::Note);
}

} // namespace

void UnlockedEraseCheck::onEndOfTranslationUnit() {
  const std::unique_ptr<Facts> Done = std::move(TU);
  TU = std::make_unique<Facts>();
  if (!Done->Ctx || Done->Erases.empty() ||
      Done->Ctx->getDiagnostics().hasUncompilableErrorOccurred())
    return;
  llvm::Regex Pattern(RawLockedFunctionPattern);
  std::string Error;
  Done->ThreadClasses = ThreadClasses;
  Analysis A(*Done, InferFromUsage,
             Pattern.isValid(Error) ? &Pattern : nullptr);
  A.build();
  UnlockedEraseFinder Finder(A, ThreadSafeContainerTypes);
  UnlockedEraseReporter Reporter(*this, Inserter, Finder, getLangOpts());
  for (const EraseRec &Erase : Done->Erases)
    if (const compat::Optional<Finding> F = Finder.decide(Erase))
      Reporter.report(*F);
}

} // namespace clang::tidy::safedelete
