//===--- UnlockedEraseModel.h - safedelete ----------------------*- C++ -*-===//
//
// The model behind safedelete-unlocked-erase: the facts its matchers record
// for one translation unit, the lock model built from them (LockModel:
// acquire and release events, the hold at a position, functions and
// threads), and the decisions taken on it (UnlockedEraseFinder: which
// erase-family call is a finding and why). The check collects and reports.
//
//===----------------------------------------------------------------------===//

#ifndef SAFEDELETE_CHECKS_UNLOCKEDERASEMODEL_H
#define SAFEDELETE_CHECKS_UNLOCKEDERASEMODEL_H

#include "support/CodeWalk.h"
#include "support/Compat.h"
#include "support/Containers.h"
#include "support/Locks.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include <string>
#include <vector>

namespace llvm {
class Regex;
} // namespace llvm

namespace clang {
class LambdaExpr;
} // namespace clang

namespace clang::tidy::safedelete::unlocked {

using locks::Hold;

/// A position in the translation unit: the file offset a location expands
/// to. Everything compared is spelled in one function, so one file.
struct Pos {
  FileID File;
  unsigned Offset = 0;
};

inline bool before(Pos A, Pos B) {
  return A.File == B.File && A.Offset < B.Offset;
}
inline bool within(Pos P, Pos Begin, Pos End) {
  return P.File == Begin.File && P.File == End.File &&
         Begin.Offset <= P.Offset && P.Offset <= End.Offset;
}

/// A mutex as code names it: the variable or member, and for a member the
/// object it belongs to (null for variables). Decl is null when unknown.
struct Lockable {
  const ValueDecl *Decl = nullptr;
  const Expr *Base = nullptr;
};

/// The container an erase-family call modifies, as a field of an object or
/// a variable with static storage; a local reference bound to one stands
/// for it, and so does a local pointer to one for which \p StaysBound holds.
struct Container {
  const ValueDecl *Decl = nullptr;
  const Expr *Base = nullptr;
};

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

struct Facts {
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
  /// The ThreadJoinFunctions option: methods that join the thread members
  /// of their class when called on `*this`.
  std::vector<std::string> ThreadJoinFunctions;
};

/// The decisions of one translation unit.
class LockModel {
public:
  LockModel(Facts &F, bool Infer, const llvm::Regex *LockedPattern)
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
  /// Whether the \p Mutex of some object is held at \p P.
  bool heldOnOtherObject(Pos P, const ValueDecl *Mutex) const;
  bool anyAcquireIn(const FunctionRec *Fn, const ValueDecl *Mutex) const;
  bool runsBeforeThreads(Pos P, const FunctionRec *Fn) const;
  bool runsAfterJoins(Pos P, const FunctionRec *Fn,
                      llvm::ArrayRef<Evidence> Guards) const;
  bool usedOnlyByTheObject(llvm::ArrayRef<Evidence> Guards) const;
  bool callJoins(const HelperCall &Call, const FieldDecl *Thread) const;
  bool joinsIn(const FunctionRec *Fn, const FieldDecl *Thread,
               const Pos *P = nullptr) const;
  bool beforeThreadStart(Pos P, const FunctionRec *Fn) const;

  Facts &F;
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
  void addGuard(const Facts::Guard &G);
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

/// Decides every erase of one translation unit on an LockModel.
class UnlockedEraseFinder {
public:
  UnlockedEraseFinder(LockModel &A, const std::vector<std::string> &ThreadSafe)
      : A(A), ThreadSafe(ThreadSafe) {}

  /// The finding for \p Erase, if it is one.
  compat::Optional<Finding> decide(const EraseRec &Erase);
  /// Whether some call of \p Fn is made with \p Mutex held.
  bool heldByACaller(const FunctionRec *Fn, const ValueDecl *Mutex) const;

  LockModel &A;

private:
  llvm::SmallVector<Evidence, 2> guardsOf(const Container &C,
                                          const FunctionRec *Fn) const;
  bool pointsOnlyThere(const VarDecl *Pointer) const;
  void strongestHold(Finding &F, llvm::ArrayRef<Evidence> Guards);
  unsigned unguardedFillers(const Container &C, const Evidence &G);
  /// A call that fills a member container, and the function it is in.
  struct FillCall {
    const CallExpr *Call;
    const FunctionRec *Fn;
  };
  llvm::ArrayRef<FillCall> fillsOf(const ValueDecl *Member);

  const ContainerTable Containers;
  const std::vector<std::string> &ThreadSafe;
  llvm::DenseSet<std::pair<const Expr *, const ValueDecl *>> Seen;
  bool FillsCollected = false;
  llvm::DenseMap<const ValueDecl *, llvm::SmallVector<FillCall, 4>> Fills;
  llvm::DenseMap<std::pair<const ValueDecl *, const ValueDecl *>, unsigned>
      FillerCounts;
};

/// The names that say what an erase-family call and a lock guard are: the
/// check's options.
struct Vocabulary {
  /// Methods that remove; an entry ending in `*` is a prefix.
  std::vector<std::string> EraseMethodNames;
  /// Free functions that remove from their first (and, for swap, second)
  /// argument.
  std::vector<std::string> EraseFunctionNames;
  /// Every guard class, exclusive and shared.
  std::vector<std::string> AllGuardTypes;
  std::vector<std::string> SharedLockGuardTypes;
  /// Whether `c = other` replaces the contents of a container.
  bool EraseByAssignment = false;
};

/// Records the facts of the code that support/CodeWalk walks into \p F: the
/// functions and lambdas, the guards and blocks, the erase-family calls and
/// the calls of helpers. The lock, join and thread-start calls come from
/// the check's matchers.
class FactCollector : public CodeWalk::Visitor {
public:
  void enterFunction(const FunctionDecl *Fn) override;
  void enterLambda(const LambdaExpr *Lambda) override;
  void visitStatement(const Stmt *S) override;

  Vocabulary Words;
  /// The facts of the translation unit walked; its Ctx must be set.
  Facts *F = nullptr;

private:
  /// Records \p Call if it calls a helper whose calls matter.
  void recordHelperCall(const CallExpr *Call);
  /// Records which containers \p Call modifies, and how.
  void recordErase(const CallExpr *Call);
  /// The guards \p DS declares, alive in \p Scope.
  void recordGuards(const DeclStmt *DS, const Stmt *Scope);
  /// The guards of \p Block, and the calls that are its statements.
  void recordBlock(const CompoundStmt *Block);
};

/// The positions where \p R begins and ends.
std::pair<Pos, Pos> span(const SourceManager &SM, SourceRange R);

/// A method whose identifier is one of \p Patterns; an entry ending in `*`
/// is a prefix.
bool isMethodNameIn(StringRef Name, const std::vector<std::string> &Patterns);

/// The class or class template that the type of a guard names, also when
/// it is dependent (`std::lock_guard<Mutex>`, `std::scoped_lock` to be
/// deduced in a template).
const NamedDecl *guardClass(QualType T);

/// The member of `*this` whose thread \p E is: `t_`, `*t_`, `t_->`, or
/// the loop variable of a range-for over `workers_` (followed through the
/// variables the range-for declares).
const FieldDecl *threadMember(const Expr *E, unsigned Depth = 0);

/// Whether \p Base, the object of a member, is `this` (null: implicit).
bool isThisBase(const Expr *Base);

/// A function whose calls in the translation unit say what it may assume
/// on entry: a helper, or a non-virtual method of any access (a public
/// method every call of which holds the lock follows the convention "call
/// with the mutex held"; a virtual one may be reached through a base).
bool hasKnownCalls(const FunctionDecl &Fn);

} // namespace clang::tidy::safedelete::unlocked

#endif // SAFEDELETE_CHECKS_UNLOCKEDERASEMODEL_H
