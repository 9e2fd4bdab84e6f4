//===--- Flow.h - order questions on the CFG of one function -------------===//
//
// "Is this use reachable after the erase without a reassignment between?",
// "does the lookup always run before the erase?": checks ask such questions
// about statements of one function body. FunctionFlow answers them on
// clang's CFG, ordering the statements of one block with clang-tidy's
// utils::ExprSequence, as bugprone-use-after-move does. A FlowCache builds
// the flow of a function on the first question about it and keeps it for
// the translation unit, so functions nobody asks about cost nothing.
//
//===----------------------------------------------------------------------===//

#ifndef SAFEDELETE_CHECKS_SUPPORT_FLOW_H
#define SAFEDELETE_CHECKS_SUPPORT_FLOW_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>

namespace clang {
class ASTContext;
class CFG;
class CFGBlock;
class Expr;
class Stmt;
namespace tidy {
namespace utils {
class ExprSequence;
class StmtToBlockMap;
} // namespace utils
namespace safedelete {

/// The control flow of one function (or lambda) body.
class FunctionFlow {
public:
  /// Builds the CFG of \p Body; valid() is false when clang cannot.
  FunctionFlow(const Stmt *Body, ASTContext &Context);
  ~FunctionFlow();
  bool valid() const { return Graph != nullptr; }

  /// The statements of \p Uses that some path from \p From reaches first
  /// without passing one of \p Kills: one per path at most, none inside
  /// \p From itself. A use in a loop is also reached from a later iteration.
  llvm::SmallVector<const Stmt *, 2>
  firstUsesAfter(const Stmt *From, llvm::ArrayRef<const Stmt *> Uses,
                 llvm::ArrayRef<const Stmt *> Kills) const;

  /// Whether some path from \p From reaches \p To without passing one of
  /// \p Kills.
  bool reachable(const Stmt *From, const Stmt *To,
                 llvm::ArrayRef<const Stmt *> Kills) const {
    return !firstUsesAfter(From, To, Kills).empty();
  }

  /// Whether some path from \p From leaves the function (a return, the end
  /// of the body, a throw out of it) without passing one of \p Kills.
  bool reachesExit(const Stmt *From, llvm::ArrayRef<const Stmt *> Kills) const;

  /// Whether \p A runs before \p B on every path from the function's entry
  /// that reaches \p B.
  bool guaranteedBefore(const Stmt *A, const Stmt *B) const;

private:
  /// Walks the paths from \p From as firstUsesAfter says, collecting the
  /// uses in \p Found; true when one reaches the exit without a use or a
  /// kill.
  bool walk(const Stmt *From, llvm::ArrayRef<const Stmt *> Uses,
            llvm::ArrayRef<const Stmt *> Kills,
            llvm::SmallVectorImpl<const Stmt *> &Found) const;
  /// Whether \p A is sequenced before \p B (both in one block).
  bool sequencedBefore(const Stmt *A, const Stmt *B) const;
  /// When \p A and \p B are two elements of one block, sets \p Before to
  /// whether \p A runs first and returns true.
  bool elementOrder(const Stmt *A, const Stmt *B, bool &Before) const;
  /// The block that runs \p S. A declaration of several variables
  /// (`auto it = c.begin(), end = c.end();`) is no element of the CFG,
  /// which declares each variable on its own: the block of those.
  const CFGBlock *blockOf(const Stmt *S) const;

  /// The elements of the CFG, with their block and their place in it: two
  /// elements of one block run in that order.
  llvm::DenseMap<const Stmt *, std::pair<const CFGBlock *, unsigned>> Elements;
  /// The whole statement \p S is part of (an expression statement, a
  /// declaration), or null.
  const Stmt *statementOf(const Stmt *S) const;

  ASTContext &Context;
  std::unique_ptr<CFG> Graph;
  std::unique_ptr<utils::ExprSequence> Sequence;
  std::unique_ptr<utils::StmtToBlockMap> Blocks;
  llvm::DenseMap<const Stmt *, const CFGBlock *> SplitDeclarations;
};

/// Whether \p Inner is \p Outer or a statement nested in it (lambda bodies
/// included): where a statement stands in the tree, not in time.
bool isWithin(const Stmt *Outer, const Stmt *Inner);

/// The parts of a loop statement: the condition of a `for`, `while` or
/// `do` (null when a `for` has none), the range of a range-based `for`, and
/// the body. All null when \p Loop is not a loop.
struct LoopParts {
  const Expr *Condition = nullptr;
  const Expr *Range = nullptr;
  const Stmt *Body = nullptr;
};
LoopParts loopParts(const Stmt *Loop);

/// The flows of the functions of one translation unit, each built on the
/// first request.
class FlowCache {
public:
  FlowCache();
  ~FlowCache();
  /// The flow of the function body \p Body, or null when it has no CFG.
  const FunctionFlow *flowOf(const Stmt *Body, ASTContext &Context);
  /// Forgets every flow (at the end of a translation unit).
  void clear() { Flows.clear(); }

private:
  llvm::DenseMap<const Stmt *, std::unique_ptr<FunctionFlow>> Flows;
};

} // namespace safedelete
} // namespace tidy
} // namespace clang

#endif // SAFEDELETE_CHECKS_SUPPORT_FLOW_H
