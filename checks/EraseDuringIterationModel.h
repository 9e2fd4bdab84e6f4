//===--- EraseDuringIterationModel.h - safedelete ---------------*- C++ -*-===//
//
// The loop analysis behind safedelete-erase-during-iteration: which
// container a loop walks and with which iterator, which calls in it modify
// that container (themselves or through the functions they call), and
// which statements then use an invalidated iterator. The check decides
// nothing on its own: it asks this model and reports.
//
//===----------------------------------------------------------------------===//

#ifndef SAFEDELETE_CHECKS_ERASEDURINGITERATIONMODEL_H
#define SAFEDELETE_CHECKS_ERASEDURINGITERATIONMODEL_H

#include "support/Compat.h"
#include "support/Containers.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace clang {
class ASTContext;
class CFG;
class CFGBlock;
namespace tidy::safedelete {
class MemberCall;
} // namespace tidy::safedelete
} // namespace clang

namespace clang::tidy::safedelete::erase_during_iteration {

inline constexpr const char *RemovalMethods[] = {
    "erase",     "erase_after", "extract", "pop_back", "pop_front", "remove",
    "remove_if", "unique",      "clear",   "assign",   "swap"};
// Removals that only contiguous containers make harmful for every iterator.
inline constexpr const char *ShiftingRemovals[] = {"resize", "shrink_to_fit"};

/// What a container does to its iterators, as the container table says.
struct Family {
  bool Known = false;
  bool Shifting = false;          // erase invalidates later iterators
  bool InsertInvalidates = false; // an insertion may invalidate them all
  bool UniqueKeyStd = false;      // std::erase_if, erase(key) == erase(it)
  bool Pairs = false;             // elements are key/value pairs
  std::string Name;               // the container class, for messages
  ContainerInfo Info;             // the table's entry
};

/// A container as an access path and the number of dereferences applied to
/// it: `p->m` and `(*p).m` are {p->m, 0}, `p->erase` is {p, 1}.
struct ContainerRef {
  const Expr *Base = nullptr;
  unsigned Derefs = 0;
};

/// Follows local references (`auto &r = m;`) and local pointers that are
/// never reassigned (`auto *p = &m;`) back to the container they alias.
ContainerRef resolve(const Expr *E, unsigned Derefs);

/// Whether \p A and \p B are the same container.
bool sameContainer(const ContainerRef &A, const ContainerRef &B);

/// The object a member call is made on, as a container reference.
ContainerRef resolve(const MemberCall &Call);

/// Whether \p D, a local variable or a field, belongs to a template
/// instantiation.
bool isInstantiated(const Decl *D);

/// Calls \p F on every call evaluated by \p S, not looking into lambdas.
template <typename Fn> void forEachCall(const Stmt *S, Fn &&F) {
  if (!S || isa<LambdaExpr>(S) || isa<UnaryExprOrTypeTraitExpr>(S))
    return;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    F(Call);
  for (const Stmt *Child : S->children())
    forEachCall(Child, F);
}

/// A call that modifies a container: what, how and on which object.
struct Touch {
  const CallExpr *Call = nullptr;
  std::string Name;
  bool Inserts = false;
  bool Shifting = false; // harmful only on shifting containers
  bool Subscript = false;
  ContainerRef Object;
  ContainerRef Other; // the second container of a swap
  // A call to a function that modifies the container: the function and the
  // modifying call inside it (Name is then that call's).
  const FunctionDecl *Callee = nullptr;
  const CallExpr *Inner = nullptr;
};

/// A CFG of one loop (break and return lead to its exit) and where each
/// statement sits in it.
class LoopFlow {
public:
  LoopFlow(const Stmt *Loop, ASTContext &Context);
  ~LoopFlow();

  enum class Step : unsigned char { Continue, Hit, Stop };

  /// Walks every path that starts right after \p From within the current
  /// iteration, handing each statement to \p Visit until it answers Hit
  /// (recorded in \p Hits) or Stop. A path also ends at the loop's
  /// condition, which is handed over when \p ScanHead is set. Returns
  /// whether some path reaches the condition (the next iteration).
  bool walk(const Stmt *From, bool ScanHead,
            llvm::function_ref<Step(const Stmt *)> Visit,
            llvm::SmallVectorImpl<const Stmt *> &Hits) const;

  bool valid() const { return Graph && Head; }

private:
  std::unique_ptr<CFG> Graph;
  const CFGBlock *Head = nullptr;
  llvm::DenseMap<const Stmt *, std::pair<const CFGBlock *, unsigned>> Where;
};

/// Whether \p S increments \p It.
bool isIncrementOf(const Stmt *S, const ValueDecl *It);

/// Whether \p S decrements \p It.
bool isDecrementOf(const Stmt *S, const ValueDecl *It);

/// Splits a loop condition `it != end` into the iterator and the container.
/// The iterator is a variable or a field of `this` that no member function
/// the body calls may move. The other side may also be any iterator
/// (`it != stop`, a parameter, a member) when \p Body erases `it` from a
/// container: that one.
const ValueDecl *iteratorOf(const Expr *Cond, const Stmt *Body,
                            ContainerRef &Container, const Expr *&Object);

/// How \p Type (a container, or a reference to one; not a pointer, and
/// not a dependent type) treats its iterators.
Family familyOf(QualType Type, const ContainerTable &Table);

/// The container modification \p Call makes, if any.
compat::Optional<Touch> touchOf(const CallExpr *Call,
                                const std::vector<std::string> &EraseMethods);

/// Whether \p E is the key of the element the range-for stands on: the loop
/// variable (a set element), its `.first`, or the first binding.
bool isCurrentKey(const Expr *E, const VarDecl *LoopVar);

/// Whether a removal from a node-based container keeps the element the
/// range-for stands on: erasing another key leaves its iterator valid, and a
/// predicate that compares the address of the loop variable spares it.
bool sparesCurrent(const Touch &T, const VarDecl *LoopVar,
                   const std::vector<std::string> &EraseMethods);

/// A removal that a call makes through the function it calls.
struct Removal {
  const FunctionDecl *Callee = nullptr;
  const CallExpr *Inner = nullptr; // the removing call, in Callee or deeper
  std::string Name;                // the removing member or function
  bool ByKey = false;              // a one-argument erase, extract or remove
  int KeyParam = -1; // the parameter of Callee holding that key, or -1
};

/// A removal through \p Call that invalidates the element a range-based
/// loop or a `for_each` callback stands on: \p Current, or the key passed
/// to the callee's key parameter, if it erases by key from a node-based
/// container.
compat::Optional<Touch>
touchThrough(const CallExpr *Call, const ContainerRef &Container,
             const Family &Kind, const VarDecl *Current,
             const ASTContext &Context,
             const std::vector<std::string> &EraseMethods);

/// The writes to a loop's iterator in its body and in a for statement's
/// increment (`it = next` moves on without reading a dangling iterator),
/// the names they write through, and the erase calls whose result they
/// take.
struct IteratorWrites {
  llvm::SmallPtrSet<const Stmt *, 8> Writes;
  llvm::SmallPtrSet<const Stmt *, 8> Written;
  llvm::DenseMap<const Expr *, const Stmt *> TakenBy;
};

/// The writes to \p It in \p Loop.
IteratorWrites writesOf(const Stmt *Loop, const ValueDecl *It);

/// A call in an iterator loop that erases the current element or clears
/// the container, itself or through a function it calls.
struct EraseSite {
  const CallExpr *Call;
  StringRef Name;
  const Stmt *Assignment;  // `it = c.erase(it)`, or null
  Removal Through;         // the removal a called function makes
  bool Inserts = false;    // an insertion that may reallocate or rehash
  bool ErasesNext = false; // `c.erase(++it)`
};

/// The erase sites in the body of a loop over \p Container that walks it
/// with \p It.
llvm::SmallVector<EraseSite, 2>
eraseSitesOf(const Stmt *Body, const ValueDecl *It,
             const ContainerRef &Container, const Family &Kind,
             const IteratorWrites &W, ASTContext &Context,
             const std::vector<std::string> &EraseMethods);

/// The insertions into \p Container in the body of a loop that walks it
/// with \p It that may invalidate every iterator, as the container table
/// says (a reallocation, a rehash), and whose result the loop does not
/// continue from (`it = v.insert(it, x)` is safe).
llvm::SmallVector<EraseSite, 2> insertionSitesOf(const Stmt *Body,
                                                 const ContainerRef &Container,
                                                 const Family &Kind,
                                                 const IteratorWrites &W);

/// The statements after \p S that go wrong: after `it = c.erase(it)`, an
/// increment of the iterator before it is written again; after
/// `c.erase(it)`, any use of it before that.
llvm::SmallVector<const Stmt *, 2> hitsAfter(const LoopFlow &Flow,
                                             const EraseSite &S,
                                             const IteratorWrites &W,
                                             const ValueDecl *It);

/// What the reports on one iterator loop share.
struct IteratorLoop {
  const Stmt *Loop;
  const ValueDecl *It;
  StringRef ContainerText;
};

/// Whether the erase of \p S returns nothing, on a container of \p Kind
/// that keeps the other iterators: `c.erase(it++)` is the way to go on.
bool returnsNothing(const EraseSite &S, const Family &Kind);

/// Whether the block that holds \p Loop reserves room in \p Container
/// before it (`v.reserve(2 * v.size())`): the loop's insertions are taken
/// to fit. Reads the parent map, so only once an insertion is found.
bool reservedBefore(const Stmt *Loop, const ContainerRef &Container,
                    ASTContext &Context);

/// A call of `std::for_each`, `std::for_each_n`, `std::ranges::for_each` or
/// `std::ranges::for_each_n` over one container, as check() needs it.
struct ForEachCall {
  SourceLocation LoopLoc;            // where the algorithm is spelled
  llvm::ArrayRef<const Expr *> Args; // the algorithm's arguments
  ContainerRef Container;
  const Expr *Object = nullptr; // the container as written
  unsigned Callback = 2;        // the argument that is called per element
};

/// \p Call as a for_each over one container, or none.
compat::Optional<ForEachCall> forEachCallOf(const CallExpr *Call);

/// The bodies of \p Lambda's call operator, a generic lambda's in each
/// instantiation, and the parameter that receives the element (none behind
/// a projection, \p Projects).
llvm::SmallVector<std::pair<const Stmt *, const VarDecl *>, 2>
lambdaBodies(const LambdaExpr *Lambda, bool Projects);

/// Whether the lambda \p Lambda captures by copy the variable \p Root
/// (then it works on another object).
bool capturesByCopy(const LambdaExpr *Lambda, const ValueDecl *Root);

} // namespace clang::tidy::safedelete::erase_during_iteration

#endif // SAFEDELETE_CHECKS_ERASEDURINGITERATIONMODEL_H
