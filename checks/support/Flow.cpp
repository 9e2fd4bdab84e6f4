//===--- Flow.cpp - order questions on the CFG of one function -----------===//

#include "support/Flow.h"
#include "clang-tidy/utils/ExprSequence.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::safedelete {

FunctionFlow::FunctionFlow(const Stmt *Body, ASTContext &Context)
    : Context(Context) {
  // Implicit and temporary destructors make [[noreturn]] destructors (some
  // assertion macros) end their paths.
  CFG::BuildOptions Options;
  Options.AddImplicitDtors = true;
  Options.AddTemporaryDtors = true;
  Graph = CFG::buildCFG(nullptr, const_cast<Stmt *>(Body), &Context, Options);
  if (!Graph)
    return;
  Sequence = std::make_unique<utils::ExprSequence>(Graph.get(), Body, &Context);
  Blocks = std::make_unique<utils::StmtToBlockMap>(Graph.get(), &Context);
  for (const CFGBlock *Block : *Graph) {
    unsigned Index = 0;
    for (const CFGElement &Element : *Block)
      if (const auto S = Element.getAs<CFGStmt>())
        Elements.try_emplace(S->getStmt(), Block, Index++);
  }
  llvm::DenseMap<const Stmt *, const Stmt *> Originals;
  for (const auto &Synthetic : Graph->synthetic_stmts())
    Originals[Synthetic.first] = Synthetic.second;
  if (Originals.empty())
    return;
  for (const CFGBlock *Block : *Graph)
    for (const CFGElement &Element : *Block)
      if (const auto S = Element.getAs<CFGStmt>())
        if (const Stmt *Original = Originals.lookup(S->getStmt()))
          SplitDeclarations.try_emplace(Original, Block);
}

const CFGBlock *FunctionFlow::blockOf(const Stmt *S) const {
  if (const CFGBlock *Block = SplitDeclarations.lookup(S))
    return Block;
  return Blocks->blockContainingStmt(S);
}

FunctionFlow::~FunctionFlow() = default;

const Stmt *FunctionFlow::statementOf(const Stmt *S) const {
  for (unsigned Depth = 0; S && Depth < 64; ++Depth) {
    const auto Parents = Context.getParents(*S);
    if (Parents.empty())
      return nullptr;
    if (const auto *Parent = Parents[0].get<Stmt>()) {
      if (!isa<Expr>(Parent))
        return S;
      S = Parent;
      continue;
    }
    // The initialiser of a variable: on to its declaration.
    const auto *Var = Parents[0].get<VarDecl>();
    if (!Var)
      return nullptr;
    const auto Declarations = Context.getParents(*Var);
    S = Declarations.empty() ? nullptr : Declarations[0].get<DeclStmt>();
  }
  return nullptr;
}

bool FunctionFlow::elementOrder(const Stmt *A, const Stmt *B,
                                bool &Before) const {
  const auto ElementA = Elements.find(A);
  const auto ElementB = Elements.find(B);
  if (ElementA == Elements.end() || ElementB == Elements.end() ||
      ElementA == ElementB || ElementA->second.first != ElementB->second.first)
    return false;
  Before = ElementA->second.second < ElementB->second.second;
  return true;
}

bool FunctionFlow::sequencedBefore(const Stmt *A, const Stmt *B) const {
  // Two elements of one block run in the order of the block. ExprSequence
  // builds the parent map of the whole translation unit on its first
  // question, which costs a tenth of the parse: it is asked only about
  // statements inside elements.
  bool Before = false;
  if (elementOrder(A, B, Before))
    return Before;
  if (Sequence->inSequence(A, B))
    return true;
  // Two statements that no compound statement orders, such as a range-based
  // for's range and begin declarations: the order of their CFG elements.
  return elementOrder(statementOf(A), statementOf(B), Before) && Before;
}

llvm::SmallVector<const Stmt *, 2>
FunctionFlow::firstUsesAfter(const Stmt *From,
                             llvm::ArrayRef<const Stmt *> Uses,
                             llvm::ArrayRef<const Stmt *> Kills) const {
  llvm::SmallVector<const Stmt *, 2> Found;
  walk(From, Uses, Kills, Found);
  return Found;
}

bool FunctionFlow::reachesExit(const Stmt *From,
                               llvm::ArrayRef<const Stmt *> Kills) const {
  llvm::SmallVector<const Stmt *, 2> Found;
  return walk(From, {}, Kills, Found);
}

bool FunctionFlow::walk(const Stmt *From, llvm::ArrayRef<const Stmt *> Uses,
                        llvm::ArrayRef<const Stmt *> Kills,
                        llvm::SmallVectorImpl<const Stmt *> &Found) const {
  const CFGBlock *Start = Graph ? blockOf(From) : nullptr;
  if (!Start)
    return false;
  bool Exits = false;
  llvm::DenseMap<const CFGBlock *, llvm::SmallVector<const Stmt *, 2>> UsesIn,
      KillsIn;
  for (const Stmt *Use : Uses)
    if (const CFGBlock *Block = blockOf(Use))
      UsesIn[Block].push_back(Use);
  for (const Stmt *Kill : Kills)
    if (const CFGBlock *Block = blockOf(Kill))
      KillsIn[Block].push_back(Kill);

  // A block is walked from its start once; the block of From is first
  // walked from From on, and again from its start when a loop leads back.
  llvm::SmallPtrSet<const CFGBlock *, 16> Visited;
  llvm::SmallVector<std::pair<const CFGBlock *, const Stmt *>, 16> Work{
      {Start, From}};
  while (!Work.empty()) {
    const auto [Block, After] = Work.pop_back_val();
    if (!After && !Visited.insert(Block).second)
      continue;
    llvm::SmallVector<const Stmt *, 2> BlockKills;
    for (const Stmt *Kill : KillsIn.lookup(Block))
      if (!After || sequencedBefore(After, Kill))
        BlockKills.push_back(Kill);
    const Stmt *First = nullptr;
    for (const Stmt *Use : UsesIn.lookup(Block)) {
      if ((After && sequencedBefore(Use, After)) ||
          llvm::any_of(BlockKills, [&](const Stmt *Kill) {
            return sequencedBefore(Kill, Use);
          }))
        continue;
      if (!First || sequencedBefore(Use, First))
        First = Use;
    }
    if (First) {
      if (!llvm::is_contained(Found, First))
        Found.push_back(First);
      continue;
    }
    // A [[noreturn]] call ends its path; the CFG still links it to the exit.
    if (!BlockKills.empty() || Block->hasNoReturnElement())
      continue;
    Exits = Exits || Block == &Graph->getExit();
    for (const CFGBlock::AdjacentBlock &Succ : Block->succs())
      if (const CFGBlock *Next = Succ.getReachableBlock())
        Work.push_back({Next, nullptr});
  }
  return Exits;
}

bool FunctionFlow::guaranteedBefore(const Stmt *A, const Stmt *B) const {
  if (!Graph)
    return false;
  const CFGBlock *BlockA = blockOf(A);
  const CFGBlock *BlockB = blockOf(B);
  if (!BlockA || !BlockB)
    return false;
  if (BlockA == BlockB)
    return sequencedBefore(A, B);
  // B's block must be out of reach from the entry once A's is removed.
  llvm::SmallPtrSet<const CFGBlock *, 16> Visited{BlockA};
  llvm::SmallVector<const CFGBlock *, 16> Work{&Graph->getEntry()};
  while (!Work.empty()) {
    const CFGBlock *Block = Work.pop_back_val();
    if (Block == BlockB)
      return false;
    if (!Visited.insert(Block).second)
      continue;
    for (const CFGBlock::AdjacentBlock &Succ : Block->succs())
      if (const CFGBlock *Next = Succ.getReachableBlock())
        Work.push_back(Next);
  }
  return true;
}

LoopParts loopParts(const Stmt *Loop) {
  if (const auto *For = dyn_cast_or_null<ForStmt>(Loop))
    return {For->getCond(), nullptr, For->getBody()};
  if (const auto *While = dyn_cast_or_null<WhileStmt>(Loop))
    return {While->getCond(), nullptr, While->getBody()};
  if (const auto *Do = dyn_cast_or_null<DoStmt>(Loop))
    return {Do->getCond(), nullptr, Do->getBody()};
  if (const auto *Range = dyn_cast_or_null<CXXForRangeStmt>(Loop))
    return {nullptr, Range->getRangeInit(), Range->getBody()};
  return {};
}

bool isWithin(const Stmt *Outer, const Stmt *Inner) {
  return Outer == Inner ||
         (Outer && llvm::any_of(Outer->children(), [&](const Stmt *Child) {
            return isWithin(Child, Inner);
          }));
}

FlowCache::FlowCache() = default;
FlowCache::~FlowCache() = default;

const FunctionFlow *FlowCache::flowOf(const Stmt *Body, ASTContext &Context) {
  if (!Body)
    return nullptr;
  std::unique_ptr<FunctionFlow> &Flow = Flows[Body];
  if (!Flow)
    Flow = std::make_unique<FunctionFlow>(Body, Context);
  return Flow->valid() ? Flow.get() : nullptr;
}

} // namespace clang::tidy::safedelete
