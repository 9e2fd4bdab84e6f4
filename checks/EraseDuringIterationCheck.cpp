//===--- EraseDuringIterationCheck.cpp - safedelete -----------------------===//

#include "EraseDuringIterationCheck.h"
#include "support/CheckOptions.h"
#include "support/Containers.h"
#include "support/ExprIdentity.h"
#include "support/FixIt.h"
#include "support/Flow.h"
#include "support/MemberCall.h"
#include "support/NameList.h"
#include "support/SourceText.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Analysis/CFG.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang::ast_matchers;

namespace clang::tidy::safedelete {
namespace {

constexpr char RangeForId[] = "range-for";
constexpr char IterLoopId[] = "iterator-loop";
constexpr char ForEachId[] = "for-each";
constexpr char EraseId[] = "erase";

constexpr const char *RemovalMethods[] = {
    "erase",     "erase_after", "extract", "pop_back", "pop_front", "remove",
    "remove_if", "unique",      "clear",   "assign",   "swap"};
// Removals that only contiguous containers make harmful for every iterator.
constexpr const char *ShiftingRemovals[] = {"resize", "shrink_to_fit"};
constexpr const char *InsertionMethods[] = {
    "push_back",        "emplace_back", "push_front",   "emplace_front",
    "insert",           "emplace",      "emplace_hint", "try_emplace",
    "insert_or_assign", "reserve",      "rehash"};

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

/// Whether \p Var, a local pointer, is assigned after its initialisation.
bool isReassigned(const VarDecl *Var, const Stmt *S) {
  if (!S)
    return false;
  if (const auto *Binary = dyn_cast<BinaryOperator>(S))
    if (Binary->isAssignmentOp() && refersTo(Binary->getLHS(), Var))
      return true;
  if (const auto *Unary = dyn_cast<UnaryOperator>(S))
    if ((Unary->isIncrementDecrementOp() || Unary->getOpcode() == UO_AddrOf) &&
        refersTo(Unary->getSubExpr(), Var))
      return true;
  return llvm::any_of(S->children(), [&](const Stmt *Child) {
    return isReassigned(Var, Child);
  });
}

/// Follows local references (`auto &r = m;`) and local pointers that are
/// never reassigned (`auto *p = &m;`) back to the container they alias.
ContainerRef resolve(const Expr *E, unsigned Derefs) {
  for (unsigned Steps = 0; E && Steps < 16; ++Steps) {
    E = ignoreCopies(E);
    if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
      if (Unary->getOpcode() == UO_Deref) {
        ++Derefs;
        E = Unary->getSubExpr();
        continue;
      }
      if (Unary->getOpcode() == UO_AddrOf && Derefs > 0) {
        --Derefs;
        E = Unary->getSubExpr();
        continue;
      }
    }
    const auto *Ref = dyn_cast<DeclRefExpr>(E);
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    if (Var && Var->isLocalVarDecl() && Var->getInit() &&
        !isa<ParmVarDecl>(Var)) {
      const QualType Type = Var->getType();
      if (Type->isReferenceType()) {
        E = Var->getInit();
        continue;
      }
      const auto *Function = dyn_cast<FunctionDecl>(Var->getDeclContext());
      if (Type->isPointerType() && Derefs > 0 && Function &&
          !isReassigned(Var, Function->getBody())) {
        E = Var->getInit();
        continue;
      }
    }
    break;
  }
  return {E, Derefs};
}

bool sameContainer(const ContainerRef &A, const ContainerRef &B) {
  return A.Base && B.Base && A.Derefs == B.Derefs &&
         isSameAccess(A.Base, B.Base);
}

/// The object a member call is made on, as a container reference.
ContainerRef resolve(const MemberCall &Call) {
  return resolve(Call.object(), Call.isArrow() ? 1 : 0);
}

/// Whether \p D, a local variable or a field, belongs to a template
/// instantiation.
bool isInstantiated(const Decl *D) {
  const DeclContext *Context = D ? D->getDeclContext() : nullptr;
  if (const auto *Record = dyn_cast_or_null<CXXRecordDecl>(Context))
    return Record->getTemplateInstantiationPattern();
  const auto *Function = dyn_cast_or_null<FunctionDecl>(Context);
  return Function && (Function->isTemplateInstantiation() ||
                      Function->getTemplateInstantiationPattern());
}

/// Whether \p S (outside lambdas) contains a statement of type \p T.
template <typename... T> bool hasNested(const Stmt *S) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (isa<T...>(S))
    return true;
  return llvm::any_of(S->children(),
                      [](const Stmt *Child) { return hasNested<T...>(Child); });
}

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
  LoopFlow(const Stmt *Loop, ASTContext &Context) {
    CFG::BuildOptions Options;
    Options.setAllAlwaysAdd();
    Graph = CFG::buildCFG(nullptr, const_cast<Stmt *>(Loop), &Context, Options);
    if (!Graph)
      return;
    for (const CFGBlock *Block : *Graph) {
      if (Block->getTerminatorStmt() == Loop)
        Head = Block;
      unsigned Index = 0;
      for (const CFGElement &Element : *Block) {
        if (compat::Optional<CFGStmt> S = Element.getAs<CFGStmt>())
          Where[S->getStmt()] = {Block, Index};
        ++Index;
      }
    }
  }

  enum class Step : unsigned char { Continue, Hit, Stop };

  /// Walks every path that starts right after \p From within the current
  /// iteration, handing each statement to \p Visit until it answers Hit
  /// (recorded in \p Hits) or Stop. A path also ends at the loop's
  /// condition, which is handed over when \p ScanHead is set. Returns
  /// whether some path reaches the condition (the next iteration).
  template <typename Fn>
  bool walk(const Stmt *From, bool ScanHead, Fn Visit,
            llvm::SmallVectorImpl<const Stmt *> &Hits) const {
    const auto Found = Where.find(From);
    if (Found == Where.end() || !Head)
      return false;
    bool ReachesHead = false;
    llvm::SmallPtrSet<const CFGBlock *, 16> Seen;
    llvm::SmallVector<std::pair<const CFGBlock *, unsigned>, 8> Work{
        {Found->second.first, Found->second.second + 1}};
    while (!Work.empty()) {
      auto [Block, Index] = Work.pop_back_val();
      if (Block == Head) {
        ReachesHead = true;
        if (!ScanHead)
          continue;
      }
      bool Ended = false;
      for (; Index < Block->size() && !Ended; ++Index) {
        compat::Optional<CFGStmt> S = (*Block)[Index].getAs<CFGStmt>();
        if (!S)
          continue;
        const Step Result = Visit(S->getStmt());
        if (Result == Step::Hit)
          Hits.push_back(S->getStmt());
        Ended = Result != Step::Continue;
      }
      if (Ended || Block == Head)
        continue;
      for (const CFGBlock::AdjacentBlock &Succ : Block->succs())
        if (const CFGBlock *Next = Succ.getReachableBlock())
          if (Seen.insert(Next).second)
            Work.push_back({Next, 0});
    }
    return ReachesHead;
  }

  bool valid() const { return Graph && Head; }

private:
  std::unique_ptr<CFG> Graph;
  const CFGBlock *Head = nullptr;
  llvm::DenseMap<const Stmt *, std::pair<const CFGBlock *, unsigned>> Where;
};

bool isIncrementOf(const Stmt *S, const ValueDecl *It) {
  if (const auto *Unary = dyn_cast<UnaryOperator>(S))
    return Unary->isIncrementOp() && refersTo(Unary->getSubExpr(), It);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S))
    return Op->getOperator() == OO_PlusPlus && Op->getNumArgs() >= 1 &&
           refersTo(Op->getArg(0), It);
  return false;
}

bool isDecrementOf(const Stmt *S, const ValueDecl *It) {
  if (const auto *Unary = dyn_cast<UnaryOperator>(S))
    return Unary->isDecrementOp() && refersTo(Unary->getSubExpr(), It);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S))
    return Op->getOperator() == OO_MinusMinus && Op->getNumArgs() >= 1 &&
           refersTo(Op->getArg(0), It);
  return false;
}

/// Whether \p E is `++it`: erasing it removes the element after the one
/// `it` stood on and leaves `it` on the removed element.
bool isPreIncrementOf(const Expr *E, const ValueDecl *It) {
  E = ignoreCopies(E);
  if (const auto *Unary = dyn_cast<UnaryOperator>(E))
    return Unary->getOpcode() == UO_PreInc && refersTo(Unary->getSubExpr(), It);
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
  return Op && Op->getOperator() == OO_PlusPlus && Op->getNumArgs() == 1 &&
         refersTo(Op->getArg(0), It);
}

/// The left and right side of an assignment `lhs = rhs`, or nulls.
std::pair<const Expr *, const Expr *> assignment(const Stmt *S) {
  if (const auto *Binary = dyn_cast<BinaryOperator>(S))
    if (Binary->getOpcode() == BO_Assign)
      return {Binary->getLHS(), Binary->getRHS()};
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S))
    if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
      return {Op->getArg(0), Op->getArg(1)};
  return {nullptr, nullptr};
}

/// Whether \p E is `*it`, `it->` of a class iterator, or `it` itself.
bool isElementOf(const Expr *E, const ValueDecl *It) {
  E = ignoreCopies(E);
  if (refersTo(E, It))
    return true;
  if (const auto *Unary = dyn_cast<UnaryOperator>(E))
    return Unary->getOpcode() == UO_Deref && refersTo(Unary->getSubExpr(), It);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    return (Op->getOperator() == OO_Star || Op->getOperator() == OO_Arrow) &&
           Op->getNumArgs() >= 1 && refersTo(Op->getArg(0), It);
  return false;
}

/// Whether \p E names the element \p It stands on or its key: `it`, `*it`,
/// `it->first`, `(*it).first`.
bool isCurrentOf(const Expr *E, const ValueDecl *It) {
  E = ignoreCopies(E);
  if (isElementOf(E, It))
    return true;
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return isElementOf(Member->getBase(), It);
  return false;
}

/// Whether \p E is the end (or, with \p Begin, the beginning) of a container:
/// `c.end()`, `std::end(c)` or a local initialised with one; sets
/// \p Container and \p Object. An end may also be another position in the
/// container that a loop stops at: `c.find(k)`, `c.lower_bound(k)`,
/// `c.upper_bound(k)`, `std::prev(e)` or `std::next(e, n)` of one.
bool boundOf(const Expr *E, bool Begin, ContainerRef &Container,
             const Expr *&Object, unsigned Depth = 0) {
  E = ignoreCopies(E);
  const StringRef Name = Begin ? "begin" : "end";
  const StringRef ConstName = Begin ? "cbegin" : "cend";
  if (isa<CXXMemberCallExpr>(E)) {
    const MemberCall Call = MemberCall::resolved(E);
    const bool Lookup =
        !Begin && Call && Call.numArgs() == 1 &&
        isOneOf(Call.name(), {"find", "lower_bound", "upper_bound"});
    if (!Call ||
        (!Lookup && ((Call.name() != Name && Call.name() != ConstName) ||
                     Call.numArgs() != 0)))
      return false;
    Container = resolve(Call);
    Object = ignoreCopies(Call.object());
    return true;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const auto *Callee = Call->getDirectCallee();
    if (!Callee || Call->getNumArgs() < 1)
      return false;
    const std::string Qualified = qualifiedNameOf(Callee);
    if (!Begin && (Qualified == "std::prev" || Qualified == "std::next"))
      return boundOf(Call->getArg(0), Begin, Container, Object, Depth);
    if (Call->getNumArgs() != 1 || (Qualified != ("std::" + Name).str() &&
                                    Qualified != ("std::" + ConstName).str()))
      return false;
    Container = resolve(Call->getArg(0), 0);
    Object = ignoreCopies(Call->getArg(0));
    return true;
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Depth == 0 && Var->isLocalVarDecl() && Var->getInit() &&
         boundOf(Var->getInit(), Begin, Container, Object, 1);
}

/// Splits a comparison `a != b` or `a < b` into its operands.
bool comparedOperands(const Expr *Cond, const Expr *&LHS, const Expr *&RHS) {
  if (const auto *Rewritten = dyn_cast<CXXRewrittenBinaryOperator>(Cond)) {
    const auto Form = Rewritten->getDecomposedForm();
    LHS = Form.LHS;
    RHS = Form.RHS;
    return Form.Opcode == BO_NE || Form.Opcode == BO_LT;
  }
  if (const auto *Binary = dyn_cast<BinaryOperator>(Cond)) {
    LHS = Binary->getLHS();
    RHS = Binary->getRHS();
    return Binary->getOpcode() == BO_NE || Binary->getOpcode() == BO_LT;
  }
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(Cond);
  if (!Op || Op->getNumArgs() != 2 ||
      (Op->getOperator() != OO_ExclaimEqual && Op->getOperator() != OO_Less))
    return false;
  LHS = Op->getArg(0);
  RHS = Op->getArg(1);
  return true;
}

/// Whether \p Body erases the element \p It stands on by position
/// (`c.erase(it)`, not an erase by key): `it` then walks `c`, whatever the
/// loop compares it with. Sets \p Container and \p Object.
bool erasesIterator(const Stmt *Body, const ValueDecl *It,
                    ContainerRef &Container, const Expr *&Object) {
  bool Found = false;
  forEachCall(Body, [&](const CallExpr *Call) {
    const MemberCall Member = MemberCall::resolved(Call);
    if (Found || !Member || Member.name() != "erase" || Member.numArgs() != 1 ||
        !(refersTo(Member.arg(0), It) || isPreIncrementOf(Member.arg(0), It)) ||
        Call->getType()->isIntegralOrEnumerationType())
      return;
    Container = resolve(Member);
    Object = ignoreCopies(Member.object());
    Found = true;
  });
  return Found;
}

/// Whether \p Body calls a non-const member function of the object whose
/// field \p It is: the callee may move the iterator on.
bool mayBeMovedByMember(const Stmt *Body, const ValueDecl *It) {
  if (!isa<FieldDecl>(It))
    return false;
  bool Moves = false;
  forEachCall(Body, [&](const CallExpr *Call) {
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
    const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
    Moves =
        Moves ||
        (Method && !Method->isConst() &&
         isa<CXXThisExpr>(ignoreCopies(Member->getImplicitObjectArgument())));
  });
  return Moves;
}

/// Splits a loop condition `it != end` into the iterator and the container.
/// The iterator is a variable or a field of `this` that no member function
/// the body calls may move. The other side may also be any iterator
/// (`it != stop`, a parameter, a member) when \p Body erases `it` from a
/// container: that one.
const ValueDecl *iteratorOf(const Expr *Cond, const Stmt *Body,
                            ContainerRef &Container, const Expr *&Object) {
  const Expr *LHS = nullptr;
  const Expr *RHS = nullptr;
  if (!Cond || !comparedOperands(ignoreCopies(Cond), LHS, RHS))
    return nullptr;
  llvm::SmallVector<const ValueDecl *, 2> Unbounded;
  for (int Swap = 0; Swap < 2; ++Swap, std::swap(LHS, RHS)) {
    const ValueDecl *It = referencedDecl(LHS);
    if (!It || !(isa<VarDecl>(It) || isa<FieldDecl>(It)) ||
        It->getType()->isReferenceType() || mayBeMovedByMember(Body, It))
      continue;
    if (boundOf(RHS, /*Begin=*/false, Container, Object))
      return It;
    if (!It->getType()->isArithmeticType())
      Unbounded.push_back(It);
  }
  for (const ValueDecl *It : Unbounded)
    if (erasesIterator(Body, It, Container, Object))
      return It;
  return nullptr;
}

const Stmt *loopBody(const Stmt *Loop) {
  if (const auto *For = dyn_cast<ForStmt>(Loop))
    return For->getBody();
  if (const auto *While = dyn_cast<WhileStmt>(Loop))
    return While->getBody();
  if (const auto *Do = dyn_cast<DoStmt>(Loop))
    return Do->getBody();
  if (const auto *RangeFor = dyn_cast<CXXForRangeStmt>(Loop))
    return RangeFor->getBody();
  return nullptr;
}

/// The statements of a block, or the statement itself.
llvm::SmallVector<const Stmt *, 4> statementsOf(const Stmt *S) {
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(S))
    return {Block->body_begin(), Block->body_end()};
  return {S};
}

/// Whether \p Expected is the whole expression statement \p S.
bool isStatement(const Stmt *S, const Expr *Expected) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  return E && E->IgnoreImplicit()->IgnoreParens() == Expected;
}

/// The location just past a branch of an if: past its `}` or its `;`.
SourceLocation endOfBranch(const Stmt *Branch, const ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  if (const auto *Block = dyn_cast<CompoundStmt>(Branch))
    return Lexer::getLocForEndOfToken(Block->getRBracLoc(), 0, SM,
                                      Context.getLangOpts());
  return Lexer::findLocationAfterToken(Branch->getEndLoc(), tok::semi, SM,
                                       Context.getLangOpts(),
                                       /*SkipTrailingWhitespaceAndNewLine=*/
                                       false);
}

/// A name not spelled in \p Text, from \p Candidates, or "".
std::string freshName(StringRef Text,
                      std::initializer_list<const char *> Candidates) {
  for (const char *Candidate : Candidates)
    if (!hasWord(Text, Candidate))
      return Candidate;
  return "";
}

/// How \p Type (a container, or a reference to one; not a pointer, and
/// not a dependent type) treats its iterators.
Family familyOf(QualType Type, const ContainerTable &Table) {
  Family Result;
  const auto Info =
      Table.classify(Type.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Info)
    return Result;
  Result.Known = true;
  Result.Info = *Info;
  Result.Name = Info->Family;
  Result.Pairs = Info->IsMap;
  Result.Shifting = Info->OnErase != Invalidation::Erased &&
                    Info->OnErase != Invalidation::None;
  Result.InsertInvalidates = Info->OnInsert != Invalidation::None;
  Result.UniqueKeyStd = StringRef(Info->Family).take_front(5) == "std::" &&
                        Info->ErasesByKey && !Info->MultiKey;
  return Result;
}

/// The container modification \p Call makes, if any.
compat::Optional<Touch> touchOf(const CallExpr *Call,
                                const std::vector<std::string> &EraseMethods) {
  Touch Result;
  Result.Call = Call;
  if (const MemberCall Member = MemberCall::resolved(Call)) {
    const StringRef Name = Member.name();
    Result.Shifting = isOneOf(Name, ShiftingRemovals);
    Result.Inserts = isOneOf(Name, InsertionMethods);
    if (!Result.Shifting && !Result.Inserts && !isOneOf(Name, RemovalMethods) &&
        !llvm::is_contained(EraseMethods, Name))
      return {};
    // Resolving aliases costs a walk of the function: names first.
    Result.Name = Name.str();
    Result.Object = resolve(Member);
    if (Name == "swap" && Member.numArgs() == 1)
      Result.Other = resolve(Member.arg(0), 0);
    return Result;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (Op->getNumArgs() != 2 ||
        (Op->getOperator() != OO_Equal && Op->getOperator() != OO_Subscript))
      return {};
    Result.Object = resolve(Op->getArg(0), 0);
    if (Op->getOperator() == OO_Equal) {
      Result.Name = "operator=";
      return Result;
    }
    if (Op->getOperator() == OO_Subscript) {
      Result.Name = "operator[]";
      Result.Inserts = Result.Subscript = true;
      return Result;
    }
    return {};
  }
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || Call->getNumArgs() < 1 || !Callee->getIdentifier() ||
      !(Callee->getName() == "erase" || Callee->getName() == "erase_if" ||
        Callee->getName() == "swap"))
    return {};
  const std::string Name = qualifiedNameOf(Callee);
  if (Name != "std::erase" && Name != "std::erase_if" && Name != "std::swap")
    return {};
  Result.Name = Name;
  Result.Object = resolve(Call->getArg(0), 0);
  if (Name == "std::swap" && Call->getNumArgs() == 2)
    Result.Other = resolve(Call->getArg(1), 0);
  return Result;
}

/// Whether \p E is the key of the element the range-for stands on: the loop
/// variable (a set element), its `.first`, or the first binding.
bool isCurrentKey(const Expr *E, const VarDecl *LoopVar) {
  E = ignoreCopies(E);
  if (refersTo(E, LoopVar))
    return true;
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return !Member->isArrow() && refersTo(Member->getBase(), LoopVar) &&
           Member->getMemberDecl()->getIdentifier() &&
           Member->getMemberDecl()->getName() == "first";
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *Decomposition = dyn_cast_or_null<DecompositionDecl>(LoopVar);
  return Ref && Decomposition && !Decomposition->bindings().empty() &&
         Ref->getDecl() == Decomposition->bindings()[0];
}

bool namedForEach(const NamedDecl *D) {
  const IdentifierInfo *Name = D ? D->getIdentifier() : nullptr;
  return Name && (Name->isStr("for_each") || Name->isStr("for_each_n"));
}

/// A call of something named `for_each` or `for_each_n`: a function, or the
/// call operator of a variable (`std::ranges::for_each` is a function object
/// in the standard libraries). One cheap test for every call of the
/// translation unit; check() reads the namespace.
AST_MATCHER(CallExpr, isForEachCall) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Node)) {
    if (Op->getOperator() != OO_Call || Op->getNumArgs() < 3)
      return false;
    const auto *Ref =
        dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreImplicit()->IgnoreParens());
    return Ref && isa<VarDecl>(Ref->getDecl()) && namedForEach(Ref->getDecl());
  }
  return Node.getNumArgs() >= 2 && Node.getNumArgs() <= 4 &&
         namedForEach(Node.getDirectCallee());
}

} // namespace

EraseDuringIterationCheck::EraseDuringIterationCheck(StringRef Name,
                                                     ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      RawContainerTypes(Options.get("ContainerTypes", "")),
      RawEraseMethods(Options.get("EraseMethods", "")),
      RawFixMode(Options.get("FixMode", "erase_if")) {
  Containers.addListed(classListOption(Context, Name, "ContainerTypes",
                                       RawContainerTypes, "::my::Map"));
  const char *const MethodName = "a member function name such as 'remove'";
  for (const std::string &Method : nameListOption(Context, Name, "EraseMethods",
                                                  RawEraseMethods, MethodName))
    if (Method.find("::") == std::string::npos)
      EraseMethods.push_back(Method);
    else
      configurationDiag("invalid entry '%0' in option 'EraseMethods' of %1: "
                        "expected %2; the entry is ignored")
          << Method << Name << MethodName;
  CheckInsertions = boolOption(Context, Options, Name, "CheckInsertions", true);
  if (RawFixMode == "iterator-loop")
    Fix = FixKind::IteratorLoop;
  else if (RawFixMode == "none")
    Fix = FixKind::None;
  else if (RawFixMode != "erase_if")
    configurationDiag("invalid value '%0' for option 'FixMode' of %1: "
                      "expected 'erase_if', 'iterator-loop' or 'none'; "
                      "'erase_if' is used")
        << RawFixMode << Name;
}

void EraseDuringIterationCheck::storeOptions(
    ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ContainerTypes", RawContainerTypes);
  Options.store(Opts, "EraseMethods", RawEraseMethods);
  compat::storeBool(Options, Opts, "CheckInsertions", CheckInsertions);
  Options.store(Opts, "FixMode", RawFixMode);
}

bool EraseDuringIterationCheck::firstReport(SourceLocation Loc) {
  return Reported.insert(Loc.getRawEncoding()).second;
}

void EraseDuringIterationCheck::registerMatchers(MatchFinder *Finder) {
  const std::vector<std::string> Names = Containers.qualifiedNames();
  const std::vector<StringRef> NameRefs(Names.begin(), Names.end());
  const auto ContainerType =
      qualType(hasUnqualifiedDesugaredType(recordType(hasDeclaration(
          cxxRecordDecl(isSameOrDerivedFrom(hasAnyName(NameRefs)))))));
  const auto NotSystem = unless(isExpansionInSystemHeader());

  // Cheap tests first: the kind and the arguments, then the callee's name,
  // and only then where the node is spelled.
  Finder->addMatcher(
      cxxForRangeStmt(NotSystem, hasRangeInit(expr(hasType(ContainerType))))
          .bind(RangeForId),
      this);
  Finder->addMatcher(forStmt(hasCondition(expr()), NotSystem).bind(IterLoopId),
                     this);
  Finder->addMatcher(whileStmt(NotSystem).bind(IterLoopId), this);
  Finder->addMatcher(doStmt(NotSystem).bind(IterLoopId), this);
  Finder->addMatcher(callExpr(isForEachCall(), NotSystem).bind(ForEachId),
                     this);
  Finder->addMatcher(
      cxxMemberCallExpr(argumentCountIs(1),
                        callee(cxxMethodDecl(hasName("erase"))), NotSystem,
                        on(expr(anyOf(hasType(ContainerType),
                                      hasType(pointsTo(ContainerType))))))
          .bind(EraseId),
      this);
}

void EraseDuringIterationCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Context = *Result.Context;
  if (Context.getDiagnostics().hasUncompilableErrorOccurred())
    return;
  if (const auto *Loop = Result.Nodes.getNodeAs<Stmt>(RangeForId))
    checkRangeFor(Loop, Context);
  else if (const auto *Loop = Result.Nodes.getNodeAs<Stmt>(IterLoopId))
    checkIteratorLoop(Loop, Context);
  else if (const auto *Call = Result.Nodes.getNodeAs<Expr>(ForEachId))
    checkForEach(Call, Context);
  else if (const auto *Call = Result.Nodes.getNodeAs<Expr>(EraseId))
    checkPostIncrementErase(Call, Context);
}

namespace {

constexpr char RemovalInLoop[] =
    "'%0' on '%1' inside a loop over '%2' invalidates the loop's iterator";
constexpr char InsertionInLoop[] =
    "'%0' on '%1' inside a loop over '%2' may invalidate the loop's "
    "iterator";

/// The text of the container a modification is made on.
StringRef objectText(const Touch &T, const ASTContext &Context) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(T.Call);
  const Expr *Object =
      Member ? Member->getImplicitObjectArgument() : T.Call->getArg(0);
  return textOf(ignoreCopies(Object)->getSourceRange(), Context);
}
constexpr char LoopStarts[] = "loop over '%0' starts here";
/// The title of the iterator loop's fix.
constexpr char AdvanceUnlessErased[] =
    "take the iterator erase returns; advance only when nothing was erased";

/// The safe form of a modification inside a loop over the same container.
void noteSafeForm(ClangTidyCheck &Check, const Touch &T,
                  const ASTContext &Context) {
  const SourceLocation Loc = T.Call->getExprLoc();
  const StringRef Container = objectText(T, Context);
  if (T.Inserts) {
    Check.diag(Loc, "collect the new elements and insert them after the loop",
               DiagnosticIDs::Note);
    return;
  }
  static constexpr const char *Erasures[] = {
      "erase",     "erase_after", "extract",    "remove",
      "remove_if", "unique",      "std::erase", "std::erase_if"};
  if (isOneOf(T.Name, Erasures) ||
      !T.Name.empty() && !isOneOf(T.Name, RemovalMethods) &&
          !isOneOf(T.Name, ShiftingRemovals) && T.Name != "operator=" &&
          T.Name != "std::swap")
    Check.diag(Loc,
               "collect what to remove and erase it after the loop, or "
               "iterate with 'it = %0.erase(it)' and advance only when "
               "nothing was erased",
               DiagnosticIDs::Note)
        << Container;
  else
    Check.diag(Loc,
               "leave the loop right after modifying '%0' or modify it after "
               "the loop",
               DiagnosticIDs::Note)
        << Container;
}

/// Rewrites `cond` with the loop variable of a range-for replaced by the
/// iterator \p It; empty when some use cannot be rewritten.
std::string rewriteCondition(const Expr *Cond, const VarDecl *LoopVar,
                             const Family &Kind, StringRef It,
                             const ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  struct Edit {
    unsigned Begin, End;
    std::string Text;
  };
  llvm::SmallVector<Edit, 4> Edits;
  bool Ok = true;
  const auto *Decomposition = dyn_cast<DecompositionDecl>(LoopVar);
  const auto Add = [&](SourceRange Range, std::string Text) {
    if (inMacro(Range)) {
      Ok = false;
      return;
    }
    const SourceLocation End = Lexer::getLocForEndOfToken(
        Range.getEnd(), 0, SM, Context.getLangOpts());
    Edits.push_back({SM.getFileOffset(Range.getBegin()), SM.getFileOffset(End),
                     std::move(Text)});
  };
  std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
    if (!S || !Ok)
      return;
    if (const auto *Member = dyn_cast<MemberExpr>(S)) {
      if (!Member->isArrow() && refersTo(Member->getBase(), LoopVar) &&
          Member->getMemberDecl()->getIdentifier()) {
        Add(Member->getSourceRange(),
            (It + "->" + Member->getMemberDecl()->getName()).str());
        return;
      }
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
      if (Ref->getDecl() == LoopVar) {
        Add(Ref->getSourceRange(), ("(*" + It + ")").str());
        return;
      }
      if (Decomposition) {
        const auto Bindings = Decomposition->bindings();
        for (unsigned I = 0; I < Bindings.size(); ++I)
          if (Ref->getDecl() == Bindings[I]) {
            if (!Kind.Pairs || I > 1) {
              Ok = false;
              return;
            }
            Add(Ref->getSourceRange(),
                (It + (I == 0 ? "->first" : "->second")).str());
            return;
          }
      }
    }
    if (const auto *Unary = dyn_cast<UnaryOperator>(S))
      if (Unary->getOpcode() == UO_AddrOf &&
          refersTo(Unary->getSubExpr(), LoopVar)) {
        Ok = false;
        return;
      }
    for (const Stmt *Child : S->children())
      Visit(Child);
  };
  Visit(Cond);
  if (!Ok || inMacro(Cond->getSourceRange()))
    return "";
  const unsigned Begin = SM.getFileOffset(Cond->getBeginLoc());
  const StringRef Text = textOf(Cond->getSourceRange(), Context);
  llvm::sort(Edits,
             [](const Edit &A, const Edit &B) { return A.Begin < B.Begin; });
  std::string Result;
  unsigned At = 0;
  for (const Edit &E : Edits) {
    if (E.Begin < Begin + At || E.End > Begin + Text.size())
      return "";
    Result += Text.slice(At, E.Begin - Begin).str();
    Result += E.Text;
    At = E.End - Begin;
  }
  Result += Text.substr(At).str();
  return Result;
}

/// The rewrite of a range-for whose body is `if (cond) c.erase(key);`, or
/// an empty string; sets \p ReplaceEnd to the end of the loop.
std::string rangeForFix(const CXXForRangeStmt *Loop, const Touch &T,
                        StringRef ContainerText, const Family &Kind,
                        EraseDuringIterationCheck::FixKind Fix,
                        ASTContext &Context, SourceLocation &ReplaceEnd) {
  const VarDecl *LoopVar = Loop->getLoopVariable();
  const auto Body = statementsOf(Loop->getBody());
  const auto *If = Body.size() == 1 ? dyn_cast<IfStmt>(Body[0]) : nullptr;
  if (!If || If->getElse() || If->getInit() || If->getConditionVariable())
    return "";
  const auto Then = statementsOf(If->getThen());
  if (Then.size() != 1 || !isStatement(Then[0], T.Call) ||
      T.Call->getNumArgs() != 1 || !isCurrentKey(T.Call->getArg(0), LoopVar))
    return "";
  ReplaceEnd = endOfBranch(Loop->getBody(), Context);
  if (ReplaceEnd.isInvalid())
    return "";
  const SourceManager &SM = Context.getSourceManager();
  const StringRef LoopText = Lexer::getSourceText(
      CharSourceRange::getCharRange(Loop->getBeginLoc(), ReplaceEnd), SM,
      Context.getLangOpts());
  const Expr *Cond = If->getCond();
  const auto *Decomposition = dyn_cast<DecompositionDecl>(LoopVar);

  if (Fix == EraseDuringIterationCheck::FixKind::EraseIf &&
      Context.getLangOpts().CPlusPlus20) {
    std::string Param;
    std::string Unpack;
    if (Decomposition) {
      const std::string Entry =
          freshName(LoopText, {"entry", "element", "item"});
      if (Entry.empty())
        return "";
      const StringRef Qualifiers = Lexer::getSourceText(
          CharSourceRange::getCharRange(LoopVar->getBeginLoc(),
                                        LoopVar->getLocation()),
          SM, Context.getLangOpts());
      Param = (Qualifiers + Entry).str();
      Unpack = (Qualifiers + "[").str();
      for (const BindingDecl *Binding : Decomposition->bindings()) {
        if (Unpack.back() != '[')
          Unpack += ", ";
        Unpack += Binding->getName().str();
      }
      Unpack += "] = " + Entry + "; ";
    } else {
      Param =
          textOf(SourceRange(LoopVar->getBeginLoc(), LoopVar->getLocation()),
                 Context)
              .str();
    }
    return ("std::erase_if(" + ContainerText + ", [&](" + Param + ") { " +
            Unpack + "return " + textOf(Cond->getSourceRange(), Context) +
            "; });")
        .str();
  }

  // The iterator loop keeps the element in place: a by-value loop variable
  // would have let the condition modify a copy.
  if (!LoopVar->getType()->isReferenceType())
    return "";
  const std::string It = freshName(LoopText, {"it", "iter", "it_"});
  if (It.empty())
    return "";
  const std::string NewCond =
      rewriteCondition(Cond, LoopVar, Kind, It, Context);
  if (NewCond.empty())
    return "";
  const std::string Object =
      isa<UnaryOperator>(ignoreCopies(Loop->getRangeInit()))
          ? ("(" + ContainerText + ")").str()
          : ContainerText.str();
  const std::string Indent(SM.getSpellingColumnNumber(Loop->getBeginLoc()) - 1,
                           ' ');
  return "for (auto " + It + " = " + Object + ".begin(); " + It +
         " != " + Object + ".end();) {\n" + Indent + "  if (" + NewCond +
         ")\n" + Indent + "    " + It + " = " + Object + ".erase(" + It +
         ");\n" + Indent + "  else\n" + Indent + "    ++" + It + ";\n" +
         Indent + "}";
}

/// Whether a removal from a node-based container keeps the element the
/// range-for stands on: erasing another key leaves its iterator valid, and a
/// predicate that compares the address of the loop variable spares it.
bool sparesCurrent(const Touch &T, const VarDecl *LoopVar,
                   const std::vector<std::string> &EraseMethods) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(T.Call);
  if (!Member || Member->getNumArgs() == 0)
    return false;
  if (T.Name == "remove_if") {
    const auto *Lambda = dyn_cast<LambdaExpr>(ignoreCopies(Member->getArg(0)));
    std::function<bool(const Stmt *)> TakesAddress = [&](const Stmt *S) {
      if (const auto *Unary = dyn_cast_or_null<UnaryOperator>(S))
        if (Unary->getOpcode() == UO_AddrOf &&
            refersTo(Unary->getSubExpr(), LoopVar))
          return true;
      return S && llvm::any_of(S->children(), TakesAddress);
    };
    return Lambda && TakesAddress(Lambda->getBody());
  }
  const bool ByKey = T.Name == "erase" || T.Name == "extract" ||
                     T.Name == "remove" ||
                     llvm::is_contained(EraseMethods, T.Name);
  if (!ByKey || Member->getNumArgs() != 1)
    return false;
  const Expr *Arg = ignoreCopies(Member->getArg(0));
  if (const MemberCall Find = MemberCall::resolved(Arg))
    if (Find.name() == "find" && Find.numArgs() == 1)
      Arg = Find.arg(0);
  return !isCurrentKey(Arg, LoopVar);
}

/// Whether \p Ref is the member \p Field of `*this`.
bool isThisMember(const ContainerRef &Ref, const FieldDecl *Field) {
  const auto *Member = dyn_cast_or_null<MemberExpr>(Ref.Base);
  return Member && Ref.Derefs == 0 && Member->getMemberDecl() == Field &&
         isa<CXXThisExpr>(ignoreCopies(Member->getBase()));
}

/// The container a function reaches: the member Field of `*this` or, when
/// Field is null, its parameter number Param (a reference).
struct Target {
  const FieldDecl *Field = nullptr;
  unsigned Param = 0;
};

/// Whether \p Ref, in the body of \p Function, is \p T.
bool isTarget(const ContainerRef &Ref, const Target &T,
              const FunctionDecl *Function) {
  if (T.Field)
    return isThisMember(Ref, T.Field);
  const auto *Param = dyn_cast_or_null<DeclRefExpr>(Ref.Base);
  return Param && Ref.Derefs == 0 && T.Param < Function->getNumParams() &&
         Param->getDecl() == Function->getParamDecl(T.Param);
}

/// Whether a function taking its parameter \p I by \p Callee can modify the
/// container passed there: a reference to non-const.
bool takesByMutableReference(const FunctionDecl *Callee, unsigned I) {
  if (I >= Callee->getNumParams())
    return false;
  const QualType Type = Callee->getParamDecl(I)->getType();
  return Type->isReferenceType() &&
         !Type.getNonReferenceType().isConstQualified();
}

/// A removal that a call makes through the function it calls.
struct Removal {
  const FunctionDecl *Callee = nullptr;
  const CallExpr *Inner = nullptr; // the removing call, in Callee or deeper
  std::string Name;                // the removing member or function
  bool ByKey = false;              // a one-argument erase, extract or remove
  int KeyParam = -1; // the parameter of Callee holding that key, or -1
};

/// The user function \p Call calls, with a definition in this translation
/// unit outside system headers, or null.
const FunctionDecl *definedCallee(const CallExpr *Call,
                                  const ASTContext &Context) {
  if (isa<CXXOperatorCallExpr>(Call))
    return nullptr;
  const FunctionDecl *Callee = Call->getDirectCallee();
  const FunctionDecl *Definition = nullptr;
  if (!Callee || !Callee->hasBody(Definition) ||
      Context.getSourceManager().isInSystemHeader(Definition->getLocation()))
    return nullptr;
  return Definition;
}

/// Whether \p Call is a member call on `*this`.
bool isOnThis(const CallExpr *Call) {
  const MemberCall Member = MemberCall::resolved(Call);
  return Member && isa<CXXThisExpr>(ignoreCopies(Member.object()));
}

/// The call, in the body of \p Function or of a function it calls with the
/// same target (at most three calls deep), that removes elements from \p T;
/// null when there is none in this translation unit.
const CallExpr *removalIn(const FunctionDecl *Function, const Target &T,
                          bool Shifting, const ASTContext &Context,
                          const std::vector<std::string> &EraseMethods,
                          Removal &Found, unsigned Depth,
                          llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen) {
  if (!Function || Depth > 3 || !Seen.insert(Function).second)
    return nullptr;
  const CallExpr *Inner = nullptr;
  forEachCall(Function->getBody(), [&](const CallExpr *Call) {
    if (Inner)
      return;
    compat::Optional<Touch> Touched = touchOf(Call, EraseMethods);
    if (Touched && !Touched->Inserts && (Shifting || !Touched->Shifting) &&
        (isTarget(Touched->Object, T, Function) ||
         isTarget(Touched->Other, T, Function))) {
      Found.ByKey = Call->getNumArgs() == 1 &&
                    (Touched->Name == "erase" || Touched->Name == "extract" ||
                     Touched->Name == "remove" ||
                     llvm::is_contained(EraseMethods, Touched->Name));
      Found.KeyParam = -1;
      const Expr *Key = Found.ByKey ? ignoreCopies(Call->getArg(0)) : nullptr;
      if (const auto *Member = dyn_cast_or_null<MemberExpr>(Key))
        Key = Member->isArrow() ? nullptr : ignoreCopies(Member->getBase());
      const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Key);
      const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
      if (Depth == 1 && Param && Param->getDeclContext() == Function)
        Found.KeyParam = static_cast<int>(Param->getFunctionScopeIndex());
      Found.Name = Touched->Name;
      Inner = Call;
      return;
    }
    if (Touched)
      return;
    const FunctionDecl *Callee = definedCallee(Call, Context);
    if (!Callee)
      return;
    if (T.Field && isOnThis(Call))
      Inner = removalIn(Callee, T, Shifting, Context, EraseMethods, Found,
                        Depth + 1, Seen);
    for (unsigned I = 0; !Inner && I < Call->getNumArgs(); ++I)
      if (takesByMutableReference(Callee, I) &&
          isTarget(resolve(Call->getArg(I), 0), T, Function))
        Inner = removalIn(Callee, Target{nullptr, I}, Shifting, Context,
                          EraseMethods, Found, Depth + 1, Seen);
  });
  return Inner;
}

/// The removal from the loop's container \p Container (the member \p Field
/// of `*this`, if it is one) that \p Call makes through the function it
/// calls: a member function called on `*this`, or a function the container
/// is passed to by reference; an empty Removal when there is none.
Removal removalThrough(const CallExpr *Call, const ContainerRef &Container,
                       const FieldDecl *Field, bool Shifting,
                       const ASTContext &Context,
                       const std::vector<std::string> &EraseMethods) {
  Removal Found;
  const FunctionDecl *Declared = Call->getDirectCallee();
  if (!Declared || isa<CXXOperatorCallExpr>(Call))
    return Found;
  // What the callee reaches, found before its definition is looked up.
  llvm::SmallVector<Target, 2> Targets;
  if (Field && isOnThis(Call))
    Targets.push_back(Target{Field});
  for (unsigned I = 0; I < Call->getNumArgs(); ++I)
    if (takesByMutableReference(Declared, I) &&
        sameContainer(resolve(Call->getArg(I), 0), Container))
      Targets.push_back(Target{nullptr, I});
  const FunctionDecl *Callee =
      Targets.empty() ? nullptr : definedCallee(Call, Context);
  if (!Callee)
    return Found;
  for (const Target &T : Targets) {
    llvm::SmallPtrSet<const FunctionDecl *, 4> Seen;
    if (!Found.Inner)
      Found.Inner =
          removalIn(Callee, T, Shifting, Context, EraseMethods, Found, 1, Seen);
  }
  if (Found.Inner)
    Found.Callee = Callee;
  return Found;
}

/// The member of `*this` that \p Container is, or null.
const FieldDecl *thisField(const ContainerRef &Container) {
  const auto *Member = dyn_cast_or_null<MemberExpr>(Container.Base);
  return Member && Container.Derefs == 0 &&
                 isa<CXXThisExpr>(ignoreCopies(Member->getBase()))
             ? dyn_cast<FieldDecl>(Member->getMemberDecl())
             : nullptr;
}

/// A removal through \p Call that invalidates the element a range-based
/// loop or a `for_each` callback stands on: \p Current, or the key passed
/// to the callee's key parameter, if it erases by key from a node-based
/// container.
compat::Optional<Touch>
touchThrough(const CallExpr *Call, const ContainerRef &Container,
             const Family &Kind, const VarDecl *Current,
             const ASTContext &Context,
             const std::vector<std::string> &EraseMethods) {
  const Removal Found = removalThrough(Call, Container, thisField(Container),
                                       Kind.Shifting, Context, EraseMethods);
  // Erasing by key keeps the loop valid unless the key is the current
  // one: the parameter the callee erases must receive it.
  if (!Found.Inner ||
      (!Kind.Shifting && Found.ByKey &&
       !(Found.KeyParam >= 0 &&
         static_cast<unsigned>(Found.KeyParam) < Call->getNumArgs() &&
         isCurrentKey(Call->getArg(Found.KeyParam), Current))))
    return {};
  Touch Through;
  Through.Call = Call;
  Through.Callee = Found.Callee;
  Through.Inner = Found.Inner;
  Through.Name = Found.Name;
  return Through;
}

/// Reports \p T, a modification inside a range-based loop or a `for_each`
/// callback (with no fix-it), with its notes.
void reportTouch(ClangTidyCheck &Check, const Touch &T, SourceLocation LoopLoc,
                 StringRef ContainerText, const ASTContext &Context) {
  if (T.Callee) {
    Check.diag(T.Call->getExprLoc(),
               "%0 modifies '%1' inside a loop over it, which invalidates the "
               "loop's iterator")
        << T.Callee->getDeclName() << ContainerText;
    Check.diag(LoopLoc, LoopStarts, DiagnosticIDs::Note) << ContainerText;
    Check.diag(T.Inner->getExprLoc(), "'%0' is called here",
               DiagnosticIDs::Note)
        << T.Name;
    return;
  }
  Check.diag(T.Call->getExprLoc(), T.Inserts ? InsertionInLoop : RemovalInLoop)
      << T.Name << objectText(T, Context) << ContainerText;
  Check.diag(LoopLoc, LoopStarts, DiagnosticIDs::Note) << ContainerText;
  noteSafeForm(Check, T, Context);
}

/// Whether \p E is, somewhere in \p S, a statement of its own: an element
/// of a block or the body of an if, a loop or a label.
bool isStatementIn(const Stmt *S, const Expr *E) {
  if (!S || isa<Expr>(S))
    return false;
  llvm::SmallVector<const Stmt *, 4> Bodies;
  if (const auto *Block = dyn_cast<CompoundStmt>(S))
    Bodies.append(Block->body_begin(), Block->body_end());
  else if (const auto *If = dyn_cast<IfStmt>(S))
    Bodies = {If->getThen(), If->getElse()};
  else if (const Stmt *Body = loopBody(S))
    Bodies = {Body};
  else if (const auto *Label = dyn_cast<LabelStmt>(S))
    Bodies = {Label->getSubStmt()};
  else if (const auto *Case = dyn_cast<SwitchCase>(S))
    Bodies = {Case->getSubStmt()};
  else if (const auto *Switch = dyn_cast<SwitchStmt>(S))
    Bodies = {Switch->getBody()};
  else if (const auto *Try = dyn_cast<CXXTryStmt>(S))
    Bodies = {Try->getTryBlock()};
  for (const Stmt *Body : Bodies) {
    const auto *Full = dyn_cast_or_null<Expr>(Body);
    if (Full && Full->IgnoreImplicit() == E)
      return true;
    if (isStatementIn(Body, E))
      return true;
  }
  if (const auto *Try = dyn_cast<CXXTryStmt>(S))
    for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
      if (isStatementIn(Try->getHandler(I)->getHandlerBlock(), E))
        return true;
  return false;
}

} // namespace

void EraseDuringIterationCheck::checkRangeFor(const Stmt *S,
                                              ASTContext &Context) {
  const auto *Loop = cast<CXXForRangeStmt>(S);
  const Expr *Init = Loop->getRangeInit();
  const VarDecl *LoopVar = Loop->getLoopVariable();
  if (!Init || !LoopVar)
    return;
  const Family Kind = familyOf(Init->getType(), Containers);
  const ContainerRef Container = resolve(Init, 0);
  if (!Kind.Known || !isSideEffectFreeAccess(Container.Base))
    return;
  const StringRef ContainerText = textOf(Init->getSourceRange(), Context);

  llvm::SmallVector<Touch, 2> Touches;
  forEachCall(Loop->getBody(), [&](const CallExpr *Call) {
    compat::Optional<Touch> T = touchOf(Call, EraseMethods);
    if (!T) {
      // The functions the loop calls may modify the container too.
      if (compat::Optional<Touch> Through = touchThrough(
              Call, Container, Kind, LoopVar, Context, EraseMethods))
        Touches.push_back(*Through);
      return;
    }
    if (!(sameContainer(T->Object, Container) ||
          sameContainer(T->Other, Container)))
      return;
    if (T->Shifting && !Kind.Shifting)
      return;
    if (T->Inserts &&
        (!CheckInsertions || !Kind.InsertInvalidates ||
         (T->Subscript && (Kind.Shifting || !Kind.Pairs ||
                           isCurrentKey(Call->getArg(1), LoopVar)))))
      return;
    if (!Kind.Shifting && sparesCurrent(*T, LoopVar, EraseMethods))
      return;
    Touches.push_back(*T);
  });
  if (Touches.empty())
    return;

  LoopFlow Flow(Loop, Context);
  if (!Flow.valid())
    return;
  for (const Touch &T : Touches) {
    llvm::SmallVector<const Stmt *, 1> Hits;
    // Silent when every path leaves the loop before its next iteration.
    if (!Flow.walk(
            T.Call, /*ScanHead=*/false,
            [](const Stmt *) { return LoopFlow::Step::Continue; }, Hits) ||
        !firstReport(T.Call->getExprLoc()))
      continue;
    std::string Replacement;
    SourceLocation ReplaceEnd;
    if (!T.Callee && Touches.size() == 1 && Fix != FixKind::None &&
        !T.Inserts && T.Name == "erase" && Kind.UniqueKeyStd &&
        !isInstantiated(LoopVar) && !inMacro(Loop->getSourceRange()))
      Replacement =
          rangeForFix(Loop, T, ContainerText, Kind, Fix, Context, ReplaceEnd);
    if (Replacement.empty()) {
      reportTouch(*this, T, Loop->getBeginLoc(), ContainerText, Context);
      continue;
    }
    const bool EraseIf =
        Fix == FixKind::EraseIf && Context.getLangOpts().CPlusPlus20;
    {
      auto Diag = diag(T.Call->getExprLoc(), RemovalInLoop)
                  << T.Name << objectText(T, Context) << ContainerText;
      attachFix(*this, Diag, Loop->getBeginLoc(),
                EraseIf ? "replace the loop with std::erase_if"
                        : "rewrite the loop over iterators",
                FixItHint::CreateReplacement(
                    CharSourceRange::getCharRange(Loop->getBeginLoc(),
                                                  ReplaceEnd),
                    Replacement));
    }
    diag(Loop->getBeginLoc(), LoopStarts, DiagnosticIDs::Note) << ContainerText;
  }
}

namespace {

/// The rewrite of `if (cond) c.erase(it);` / `it = c.erase(it);` in a loop
/// that then advances `it` unconditionally into
/// `if (cond) it = c.erase(it); else ++it;`, or no hints. With
/// \p StepInArgument (a node container whose erase returns nothing, as
/// C++03's map and set do): `if (cond) c.erase(it++); else ++it;`.
std::vector<FixItHint> iteratorLoopFix(const Stmt *Loop, const ValueDecl *It,
                                       const Expr *Erase, const Stmt *Site,
                                       bool TakesResult, bool StepInArgument,
                                       llvm::ArrayRef<const Stmt *> Hits,
                                       ASTContext &Context) {
  const Stmt *Body = loopBody(Loop);
  const auto Statements = statementsOf(Body);
  const auto *For = dyn_cast<ForStmt>(Loop);
  const Stmt *Increment = nullptr;
  const IfStmt *If = nullptr;
  if (For && For->getInc() && isIncrementOf(ignoreCopies(For->getInc()), It)) {
    Increment = For->getInc();
    If = dyn_cast<IfStmt>(Statements.back());
  } else if (isa<WhileStmt>(Loop) && Statements.size() >= 2 &&
             isa<Expr>(Statements.back()) &&
             isIncrementOf(ignoreCopies(cast<Expr>(Statements.back())), It)) {
    Increment = Statements.back();
    If = dyn_cast<IfStmt>(Statements[Statements.size() - 2]);
  }
  if (!Increment || !If || If->getElse() || If->getInit() ||
      If->getConditionVariable() || hasNested<ContinueStmt>(Body) ||
      hasNested<BreakStmt, ReturnStmt, GotoStmt>(If->getThen()))
    return {};
  // Every use that follows must be that increment.
  const auto InIncrement = [&](const Stmt *Hit) {
    std::function<bool(const Stmt *)> Has = [&](const Stmt *S) {
      return S == Hit || llvm::any_of(S->children(), [&](const Stmt *C) {
               return C && Has(C);
             });
    };
    return Has(Increment);
  };
  if (!llvm::all_of(Hits, InIncrement) ||
      !llvm::any_of(statementsOf(If->getThen()), [&](const Stmt *S) {
        return isStatement(S, cast<Expr>(Site));
      }))
    return {};
  StepInArgument = StepInArgument && !TakesResult;
  if (!TakesResult &&
      (!refersTo(cast<CallExpr>(Erase)->getArg(0), It) ||
       (!StepInArgument &&
        Erase->getType().getCanonicalType().getUnqualifiedType() !=
            It->getType().getCanonicalType().getUnqualifiedType())))
    return {};
  if (inMacro(Loop->getSourceRange()) || inMacro(Increment->getSourceRange()) ||
      inMacro(If->getSourceRange()) || inMacro(Site->getSourceRange()) ||
      isInstantiated(It))
    return {};
  const SourceLocation ThenEnd = endOfBranch(If->getThen(), Context);
  if (ThenEnd.isInvalid())
    return {};
  const SourceManager &SM = Context.getSourceManager();
  const StringRef IncrementText = textOf(Increment->getSourceRange(), Context);
  std::vector<FixItHint> Hints;
  if (StepInArgument)
    Hints.push_back(FixItHint::CreateReplacement(
        cast<CallExpr>(Erase)->getArg(0)->getSourceRange(),
        (It->getName() + "++").str()));
  else if (!TakesResult)
    Hints.push_back(FixItHint::CreateInsertion(Erase->getBeginLoc(),
                                               (It->getName() + " = ").str()));
  if (For) {
    const SourceLocation AfterSemi = Lexer::findLocationAfterToken(
        For->getCond()->getEndLoc(), tok::semi, SM, Context.getLangOpts(),
        /*SkipTrailingWhitespaceAndNewLine=*/false);
    if (AfterSemi.isInvalid())
      return {};
    Hints.push_back(FixItHint::CreateRemoval(CharSourceRange::getCharRange(
        AfterSemi, Lexer::getLocForEndOfToken(Increment->getEndLoc(), 0, SM,
                                              Context.getLangOpts()))));
    Hints.push_back(FixItHint::CreateInsertion(
        ThenEnd, (" else " + IncrementText + ";").str()));
  } else {
    Hints.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getCharRange(ThenEnd, Increment->getBeginLoc()),
        " else "));
  }
  return Hints;
}

/// The condition of the for, while or do loop \p Loop.
const Expr *loopCondition(const Stmt *Loop) {
  if (const auto *For = dyn_cast<ForStmt>(Loop))
    return For->getCond();
  if (const auto *While = dyn_cast<WhileStmt>(Loop))
    return While->getCond();
  if (const auto *Do = dyn_cast<DoStmt>(Loop))
    return Do->getCond();
  return nullptr;
}

/// The writes to a loop's iterator in its body and in a for statement's
/// increment (`it = next` moves on without reading a dangling iterator),
/// the names they write through, and the erase calls whose result they
/// take.
struct IteratorWrites {
  llvm::SmallPtrSet<const Stmt *, 8> Writes;
  llvm::SmallPtrSet<const Stmt *, 8> Written;
  llvm::DenseMap<const Expr *, const Stmt *> TakenBy;
};

IteratorWrites writesOf(const Stmt *Loop, const ValueDecl *It) {
  IteratorWrites W;
  std::function<void(const Stmt *)> Gather = [&](const Stmt *S) {
    if (!S || isa<LambdaExpr>(S))
      return;
    const auto [LHS, RHS] = assignment(S);
    if (LHS && refersTo(LHS, It)) {
      W.Writes.insert(S);
      W.Written.insert(ignoreCopies(LHS));
      W.TakenBy[ignoreCopies(RHS)] = S;
    }
    for (const Stmt *Child : S->children())
      Gather(Child);
  };
  Gather(loopBody(Loop));
  if (const auto *For = dyn_cast<ForStmt>(Loop))
    Gather(For->getInc());
  return W;
}

/// A call in an iterator loop that erases the current element or clears
/// the container, itself or through a function it calls.
struct EraseSite {
  const CallExpr *Call;
  StringRef Name;
  const Stmt *Assignment; // `it = c.erase(it)`, or null
  Removal Through;        // the removal a called function makes
  bool Inserts = false;   // an insertion that may reallocate or rehash
  bool ErasesNext = false; // `c.erase(++it)`
};

/// The erase sites in the body of a loop over \p Container that walks it
/// with \p It.
llvm::SmallVector<EraseSite, 2>
eraseSitesOf(const Stmt *Body, const ValueDecl *It,
             const ContainerRef &Container, const Family &Kind,
             const IteratorWrites &W, ASTContext &Context,
             const std::vector<std::string> &EraseMethods) {
  llvm::SmallVector<EraseSite, 2> Sites;
  const FieldDecl *Field = thisField(Container);
  forEachCall(Body, [&](const CallExpr *Call) {
    const MemberCall Member = MemberCall::resolved(Call);
    const StringRef Name = Member.name();
    const bool Erasing =
        (Name == "erase" || llvm::is_contained(EraseMethods, Name)) &&
        Member.numArgs() == 1;
    const bool ErasesNext = Erasing && isPreIncrementOf(Member.arg(0), It);
    const bool Erases =
        Erasing && (ErasesNext || isCurrentOf(Member.arg(0), It));
    const bool Clears = Name == "clear" && Member.numArgs() == 0;
    const auto Taken = W.TakenBy.find(Call);
    if ((Erases || Clears) && sameContainer(resolve(Member), Container)) {
      Sites.push_back({Call,
                       Name,
                       Taken == W.TakenBy.end() ? nullptr : Taken->second,
                       {},
                       /*Inserts=*/false,
                       ErasesNext});
      return;
    }
    // A called function that erases the current element or clears the
    // container, unless the loop continues from the iterator it returns.
    if (Taken != W.TakenBy.end() || touchOf(Call, EraseMethods))
      return;
    Removal Through = removalThrough(Call, Container, Field, Kind.Shifting,
                                     Context, EraseMethods);
    if (!Through.Inner)
      return;
    // A callee that takes the iterator by reference may move it on.
    for (unsigned I = 0; I < Call->getNumArgs(); ++I)
      if (refersTo(Call->getArg(I), It) &&
          takesByMutableReference(Through.Callee, I))
        return;
    const bool ErasesCurrent =
        Through.ByKey && Through.KeyParam >= 0 &&
        static_cast<unsigned>(Through.KeyParam) < Call->getNumArgs() &&
        isCurrentOf(Call->getArg(Through.KeyParam), It);
    const bool ClearsAll =
        Through.Name == "clear" && Through.Inner->getNumArgs() == 0;
    if (ErasesCurrent || ClearsAll)
      Sites.push_back({Call, "", nullptr, std::move(Through)});
  });
  return Sites;
}

/// The statements after \p S that go wrong: after `it = c.erase(it)`, an
/// increment of the iterator before it is written again; after
/// `c.erase(it)`, any use of it before that.
/// The name of the insertion \p Call makes and the container it makes it
/// on: a member call (`v.push_back(x)`, `v.reserve(n)`), `m[k]` or
/// `s += x`. An empty name for other calls.
std::pair<StringRef, ContainerRef> insertionOf(const CallExpr *Call) {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
  if (Op && Op->getOperator() == OO_PlusEqual && Op->getNumArgs() == 2)
    return {"operator+=", resolve(Op->getArg(0), 0)};
  const MemberCall Member = MemberCall::withOperators(Call);
  if (Member && (isInsertion(Member.name()) || Member.name() == "operator[]"))
    return {Member.name(), resolve(Member)};
  return {StringRef(), ContainerRef()};
}

/// The insertions into \p Container in the body of a loop that walks it
/// with \p It that may invalidate every iterator, as the container table
/// says (a reallocation, a rehash), and whose result the loop does not
/// continue from (`it = v.insert(it, x)` is safe).
llvm::SmallVector<EraseSite, 2> insertionSitesOf(const Stmt *Body,
                                                 const ContainerRef &Container,
                                                 const Family &Kind,
                                                 const IteratorWrites &W) {
  llvm::SmallVector<EraseSite, 2> Sites;
  forEachCall(Body, [&](const CallExpr *Call) {
    const auto [Name, Object] = insertionOf(Call);
    if (Name.empty() || W.TakenBy.count(Call) ||
        !sameContainer(Object, Container))
      return;
    const Invalidation Effect = invalidationOf(Kind.Info, Name);
    if (Effect == Invalidation::All || Effect == Invalidation::Iterators)
      Sites.push_back({Call, Name, nullptr, {}, /*Inserts=*/true});
  });
  return Sites;
}

llvm::SmallVector<const Stmt *, 2> hitsAfter(const LoopFlow &Flow,
                                             const EraseSite &S,
                                             const IteratorWrites &W,
                                             const ValueDecl *It) {
  llvm::SmallVector<const Stmt *, 2> Hits;
  if (S.Assignment) {
    // it = c.erase(it): it already stands on the next element.
    Flow.walk(
        S.Assignment, /*ScanHead=*/false,
        [&](const Stmt *Next) {
          if (W.Writes.count(Next) || isDecrementOf(Next, It))
            return LoopFlow::Step::Stop;
          return isIncrementOf(Next, It) ? LoopFlow::Step::Hit
                                         : LoopFlow::Step::Continue;
        },
        Hits);
    return Hits;
  }
  // c.erase(it): it is dangling until it is assigned again.
  Flow.walk(
      S.Call, /*ScanHead=*/true,
      [&](const Stmt *Next) {
        if (W.Writes.count(Next))
          return LoopFlow::Step::Stop;
        return refersTo(dyn_cast<Expr>(Next), It) && !W.Written.count(Next)
                   ? LoopFlow::Step::Hit
                   : LoopFlow::Step::Continue;
      },
      Hits);
  return Hits;
}

/// What the reports on one iterator loop share.
struct IteratorLoop {
  const Stmt *Loop;
  const ValueDecl *It;
  StringRef ContainerText;
};

/// Reports a call of a function that erases through the loop's container.
void reportEraseThrough(ClangTidyCheck &Check, const IteratorLoop &L,
                        const EraseSite &S, const Stmt *Hit) {
  Check.diag(S.Call->getExprLoc(),
             "%0 modifies '%1' and invalidates %2, which is used again "
             "before it is reassigned")
      << S.Through.Callee->getDeclName() << L.ContainerText << L.It;
  Check.diag(L.Loop->getBeginLoc(), LoopStarts, DiagnosticIDs::Note)
      << L.ContainerText;
  Check.diag(S.Through.Inner->getExprLoc(), "'%0' is called here",
             DiagnosticIDs::Note)
      << S.Through.Name;
  Check.diag(Hit->getBeginLoc(), "%0 is used here after being invalidated",
             DiagnosticIDs::Note)
      << L.It;
}

/// The notes of a site's warning: where the loop starts and where the
/// iterator is then misused, at \p Hit, as \p HitNote says.
void noteLoopAndHit(ClangTidyCheck &Check, const IteratorLoop &L,
                    const Stmt *Hit, StringRef HitNote) {
  Check.diag(L.Loop->getBeginLoc(), LoopStarts, DiagnosticIDs::Note)
      << L.ContainerText;
  Check.diag(Hit->getBeginLoc(), HitNote, DiagnosticIDs::Note) << L.It;
}

/// Reports `it = c.erase(it)` followed by an increment of `it`.
void reportIncrementAfterErase(ClangTidyCheck &Check, const IteratorLoop &L,
                               const EraseSite &S, const Stmt *Hit,
                               const std::vector<FixItHint> &Hints) {
  {
    auto Diag = Check.diag(S.Call->getExprLoc(),
                           "'%0' already moves %1 to the next element; the "
                           "increment that follows skips that element and "
                           "can step past the end of '%2'")
                << S.Name << L.It << L.ContainerText;
    attachFix(Check, Diag, S.Call->getExprLoc(), AdvanceUnlessErased, Hints);
  }
  noteLoopAndHit(Check, L, Hit, "%0 is incremented here");
  if (Hints.empty())
    Check.diag(S.Call->getExprLoc(),
               "advance %0 only when nothing was erased: 'if (...) %1 = "
               "%2.erase(%1); else ++%1;'",
               DiagnosticIDs::Note)
        << L.It << L.It->getName() << L.ContainerText;
}

/// Whether the erase of \p S returns nothing, on a container of \p Kind
/// that keeps the other iterators: `c.erase(it++)` is the way to go on.
bool returnsNothing(const EraseSite &S, const Family &Kind) {
  return !Kind.Shifting && S.Call->getType()->isVoidType();
}

/// Reports `c.erase(it)` or `c.clear()` followed by a use of `it`; with
/// \p StepInCall (returnsNothing), the way on is `c.erase(it++)`.
void reportUseAfterErase(ClangTidyCheck &Check, const IteratorLoop &L,
                         const EraseSite &S, const Stmt *Hit,
                         const std::vector<FixItHint> &Hints, bool StepInCall) {
  {
    auto Diag = Check.diag(S.Call->getExprLoc(),
                           "'%0' on '%1' invalidates %2, which is used again "
                           "before it is reassigned")
                << S.Name << L.ContainerText << L.It;
    attachFix(Check, Diag, S.Call->getExprLoc(), AdvanceUnlessErased, Hints);
  }
  noteLoopAndHit(Check, L, Hit, "%0 is used here after being invalidated");
  if (S.ErasesNext)
    Check.diag(S.Call->getExprLoc(),
               "'erase(++%0)' removes the element after the one %1 stood on "
               "and leaves %1 on the removed element",
               DiagnosticIDs::Note)
        << L.It->getName() << L.It;
  else if (Hints.empty() && S.Name == "clear")
    Check.diag(S.Call->getExprLoc(),
               "leave the loop right after 'clear' or restart it from "
               "'%0.begin()'",
               DiagnosticIDs::Note)
        << L.ContainerText;
  else if (Hints.empty())
    Check.diag(S.Call->getExprLoc(),
               "%select{continue from the iterator 'erase' returns: '%0 = "
               "%1.erase(%0)'|step past the element as it goes: "
               "'%1.erase(%0++)'}2, and advance only when nothing was erased",
               DiagnosticIDs::Note)
        << L.It->getName() << L.ContainerText << StepInCall;
}

/// Whether the block that holds \p Loop reserves room in \p Container
/// before it (`v.reserve(2 * v.size())`): the loop's insertions are taken
/// to fit. Reads the parent map, so only once an insertion is found.
bool reservedBefore(const Stmt *Loop, const ContainerRef &Container,
                    ASTContext &Context) {
  const auto Parents = Context.getParents(*Loop);
  const auto *Block =
      Parents.empty() ? nullptr : Parents[0].get<CompoundStmt>();
  if (!Block)
    return false;
  for (const Stmt *S : Block->body()) {
    if (S == Loop)
      return false;
    bool Reserves = false;
    forEachCall(S, [&](const CallExpr *Call) {
      const MemberCall Member = MemberCall::resolved(Call);
      Reserves = Reserves || (Member && Member.name() == "reserve" &&
                              sameContainer(resolve(Member), Container));
    });
    if (Reserves)
      return true;
  }
  return false;
}

/// Whether \p E is a statement of its own in a block somewhere in \p S,
/// where a statement can be added after it.
bool isBlockStatementIn(const Stmt *S, const Expr *E) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (const auto *Block = dyn_cast<CompoundStmt>(S))
    if (llvm::any_of(Block->body(),
                     [&](const Stmt *Child) { return isStatement(Child, E); }))
      return true;
  return llvm::any_of(S->children(), [&](const Stmt *Child) {
    return isBlockStatementIn(Child, E);
  });
}

/// `v.insert(it, x);` -> `it = v.insert(it, x); ++it;`: the loop goes on
/// from the element it stood on. Only for `insert` and `emplace` at the
/// loop's iterator, as a statement of a block, outside macros and
/// templates.
std::vector<FixItHint> insertionFix(const IteratorLoop &L, const EraseSite &S,
                                    ASTContext &Context) {
  const MemberCall Member = MemberCall::resolved(S.Call);
  if (!Member || (S.Name != "insert" && S.Name != "emplace") ||
      Member.numArgs() < 2 || !refersTo(ignoreCopies(Member.arg(0)), L.It) ||
      inMacro(S.Call->getSourceRange()) || isInstantiated(L.It) ||
      !isBlockStatementIn(loopBody(L.Loop), S.Call))
    return {};
  const SourceLocation AfterSemi = Lexer::findLocationAfterToken(
      S.Call->getEndLoc(), tok::semi, Context.getSourceManager(),
      Context.getLangOpts(), /*SkipTrailingWhitespaceAndNewLine=*/false);
  if (AfterSemi.isInvalid())
    return {};
  const std::string Name = L.It->getName().str();
  return {FixItHint::CreateInsertion(S.Call->getBeginLoc(), Name + " = "),
          FixItHint::CreateInsertion(AfterSemi, " ++" + Name + ";")};
}

/// Reports an insertion that may reallocate or rehash the container,
/// followed by a use of the loop's iterator.
void reportInsertion(ClangTidyCheck &Check, const IteratorLoop &L,
                     const EraseSite &S, const Stmt *Hit, const Family &Kind,
                     ASTContext &Context) {
  const bool Hashed = Kind.Info.Kind == ContainerKind::Hashed;
  const std::vector<FixItHint> Hints = insertionFix(L, S, Context);
  {
    auto Diag = Check.diag(S.Call->getExprLoc(),
                           "'%0' on '%1' may %select{reallocate|rehash}2 it "
                           "and invalidate %3, which is used again before it "
                           "is reassigned")
                << S.Name << L.ContainerText << Hashed << L.It;
    attachFix(Check, Diag, S.Call->getExprLoc(),
              "continue from the iterator insert returns", Hints);
  }
  noteLoopAndHit(Check, L, Hit, "%0 is used here after being invalidated");
  if (Hints.empty())
    Check.diag(S.Call->getExprLoc(),
               "collect the new elements and add them after the loop, or "
               "continue from the iterator 'insert' returns",
               DiagnosticIDs::Note);
}

} // namespace

void EraseDuringIterationCheck::checkIteratorLoop(const Stmt *Loop,
                                                  ASTContext &Context) {
  ContainerRef Container;
  const Expr *Object = nullptr;
  const ValueDecl *It =
      iteratorOf(loopCondition(Loop), loopBody(Loop), Container, Object);
  if (!It || !isSideEffectFreeAccess(Container.Base))
    return;
  QualType ObjectType = Object->getType();
  if (ObjectType->isPointerType() && Container.Derefs > 0)
    ObjectType = ObjectType->getPointeeType();
  const Family Kind = familyOf(ObjectType, Containers);
  if (!Kind.Known)
    return;
  const Stmt *Body = loopBody(Loop);
  const IteratorWrites W = writesOf(Loop, It);
  llvm::SmallVector<EraseSite, 2> Sites =
      eraseSitesOf(Body, It, Container, Kind, W, Context, EraseMethods);
  if (CheckInsertions && Kind.InsertInvalidates) {
    const llvm::SmallVector<EraseSite, 2> Insertions =
        insertionSitesOf(Body, Container, Kind, W);
    if (!Insertions.empty() && !reservedBefore(Loop, Container, Context))
      Sites.append(Insertions.begin(), Insertions.end());
  }
  if (Sites.empty())
    return;

  LoopFlow Flow(Loop, Context);
  if (!Flow.valid())
    return;
  const IteratorLoop L{Loop, It, textOf(Object->getSourceRange(), Context)};
  for (const EraseSite &S : Sites) {
    const llvm::SmallVector<const Stmt *, 2> Hits = hitsAfter(Flow, S, W, It);
    if (Hits.empty() || !firstReport(S.Call->getExprLoc()))
      continue;
    if (S.Through.Callee) {
      reportEraseThrough(*this, L, S, Hits.front());
      continue;
    }
    if (S.Inserts) {
      reportInsertion(*this, L, S, Hits.front(), Kind, Context);
      continue;
    }
    std::vector<FixItHint> Hints;
    const bool StepInCall = returnsNothing(S, Kind);
    // A bound saved before the loop (`end`, `last`) of a shifting container
    // moves with the erase: continuing from erase's result is not enough.
    if (Fix != FixKind::None && S.Name == "erase" &&
        (!Kind.Shifting || isWithin(loopCondition(Loop), Object)))
      Hints = iteratorLoopFix(
          Loop, It, S.Call, S.Assignment ? S.Assignment : S.Call,
          S.Assignment != nullptr, StepInCall, Hits, Context);
    if (S.Assignment)
      reportIncrementAfterErase(*this, L, S, Hits.front(), Hints);
    else
      reportUseAfterErase(*this, L, S, Hits.front(), Hints, StepInCall);
  }
}

namespace {

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
compat::Optional<ForEachCall> forEachCallOf(const CallExpr *Call) {
  ForEachCall F;
  // The arguments the algorithm takes: the call operator of a function
  // object (`std::ranges::for_each`) receives that object first.
  F.Args = {Call->getArgs(), Call->getNumArgs()};
  const NamedDecl *Algorithm = Call->getDirectCallee();
  F.LoopLoc = Call->getBeginLoc();
  if (isa<CXXOperatorCallExpr>(Call) && !F.Args.empty()) {
    // Where the function object is spelled, not the `(` of the call.
    F.LoopLoc = F.Args.front()->getBeginLoc();
    const auto *Ref = dyn_cast<DeclRefExpr>(ignoreCopies(F.Args.front()));
    Algorithm = Ref ? Ref->getDecl() : nullptr;
    F.Args = F.Args.drop_front();
  }
  if (!Algorithm || F.Args.empty())
    return {};
  const std::string Name = qualifiedNameOf(Algorithm);
  const bool Counted =
      Name == "std::for_each_n" || Name == "std::ranges::for_each_n";
  if (!Counted && Name != "std::for_each" && Name != "std::ranges::for_each")
    return {};
  if (boundOf(F.Args[0], /*Begin=*/true, F.Container, F.Object)) {
    // for_each(c.begin(), c.end(), f) or for_each_n(c.begin(), n, f).
    ContainerRef Last;
    const Expr *LastObject = nullptr;
    if (!Counted && (F.Args.size() < 3 ||
                     !boundOf(F.Args[1], /*Begin=*/false, Last, LastObject) ||
                     !sameContainer(Last, F.Container)))
      return {};
  } else if (Name == "std::ranges::for_each") {
    // std::ranges::for_each(c, f).
    F.Object = ignoreCopies(F.Args[0]);
    F.Container = resolve(F.Args[0], 0);
    F.Callback = 1;
  } else {
    return {};
  }
  if (F.Args.size() <= F.Callback || !isSideEffectFreeAccess(F.Container.Base))
    return {};
  return F;
}

/// The bodies of \p Lambda's call operator, a generic lambda's in each
/// instantiation, and the parameter that receives the element (none behind
/// a projection, \p Projects).
llvm::SmallVector<std::pair<const Stmt *, const VarDecl *>, 2>
lambdaBodies(const LambdaExpr *Lambda, bool Projects) {
  llvm::SmallVector<std::pair<const Stmt *, const VarDecl *>, 2> Bodies;
  const auto AddBody = [&](const FunctionDecl *Operator) {
    Bodies.push_back(
        {Operator->getBody(), !Projects && Operator->getNumParams() >= 1
                                  ? Operator->getParamDecl(0)
                                  : nullptr});
  };
  if (const FunctionTemplateDecl *Generic = Lambda->getDependentCallOperator())
    llvm::for_each(Generic->specializations(), AddBody);
  else
    AddBody(Lambda->getCallOperator());
  return Bodies;
}

/// Whether the lambda \p Lambda captures by copy the variable \p Root
/// (then it works on another object).
bool capturesByCopy(const LambdaExpr *Lambda, const ValueDecl *Root) {
  return llvm::any_of(Lambda->captures(), [&](const LambdaCapture &Capture) {
    return Capture.capturesVariable() &&
           Capture.getCaptureKind() == LCK_ByCopy &&
           Capture.getCapturedVar() == Root;
  });
}

} // namespace

void EraseDuringIterationCheck::checkForEach(const Expr *E,
                                             ASTContext &Context) {
  const compat::Optional<ForEachCall> F = forEachCallOf(cast<CallExpr>(E));
  if (!F)
    return;
  const auto *Lambda = dyn_cast<LambdaExpr>(ignoreCopies(F->Args[F->Callback]));
  QualType ObjectType = F->Object->getType();
  if (ObjectType->isPointerType() && F->Container.Derefs > 0)
    ObjectType = ObjectType->getPointeeType();
  const Family Kind = familyOf(ObjectType, Containers);
  if (!Lambda || !Kind.Known ||
      capturesByCopy(Lambda, accessRoot(F->Container.Base)))
    return;
  const bool Projects = F->Args.size() > F->Callback + 1 &&
                        !isa<CXXDefaultArgExpr>(F->Args[F->Callback + 1]);
  const StringRef ContainerText = textOf(F->Object->getSourceRange(), Context);
  // Every call of the lambda is one iteration: returning from it does not
  // leave the loop.
  for (const auto &[Body, Element] : lambdaBodies(Lambda, Projects))
    forEachCall(Body, [&](const CallExpr *Inner) {
      compat::Optional<Touch> T = touchOf(Inner, EraseMethods);
      if (!T)
        T = touchThrough(Inner, F->Container, Kind, Element, Context,
                         EraseMethods);
      else if (!(sameContainer(T->Object, F->Container) ||
                 sameContainer(T->Other, F->Container)) ||
               (T->Shifting && !Kind.Shifting) ||
               (T->Inserts && (!CheckInsertions || !Kind.InsertInvalidates ||
                               T->Subscript)) ||
               (!Kind.Shifting && sparesCurrent(*T, Element, EraseMethods)))
        return;
      if (!T || !firstReport(Inner->getExprLoc()))
        return;
      reportTouch(*this, *T, F->LoopLoc, ContainerText, Context);
    });
}

void EraseDuringIterationCheck::checkPostIncrementErase(const Expr *E,
                                                        ASTContext &Context) {
  const auto *Call = cast<CXXMemberCallExpr>(E);
  const Expr *Arg = ignoreCopies(Call->getArg(0));
  const Expr *Operand = nullptr;
  if (const auto *Unary = dyn_cast<UnaryOperator>(Arg)) {
    if (Unary->getOpcode() == UO_PostInc)
      Operand = Unary->getSubExpr();
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Arg)) {
    if (Op->getOperator() == OO_PlusPlus && Op->getNumArgs() == 2)
      Operand = Op->getArg(0);
  }
  const auto *Ref =
      dyn_cast_or_null<DeclRefExpr>(Operand ? ignoreCopies(Operand) : nullptr);
  const auto *It = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!It)
    return;
  QualType ObjectType =
      ignoreCopies(Call->getImplicitObjectArgument())->getType();
  if (ObjectType->isPointerType())
    ObjectType = ObjectType->getPointeeType();
  const Family Kind = familyOf(ObjectType, Containers);
  if (!Kind.Shifting || !firstReport(Call->getExprLoc()))
    return;
  const StringRef ContainerText =
      textOf(Call->getImplicitObjectArgument()->getSourceRange(), Context);
  // `c.erase(it++);` as a statement of its own becomes `it = c.erase(it);`.
  bool Fixable = Fix != FixKind::None && !inMacro(Call->getSourceRange()) &&
                 !isInstantiated(It) &&
                 Call->getType().getCanonicalType().getUnqualifiedType() ==
                     It->getType().getCanonicalType().getUnqualifiedType();
  // Only a statement of its own: its value is discarded. The function that
  // declares the iterator is searched, not the parent map of the whole
  // translation unit.
  const auto *Function = dyn_cast<FunctionDecl>(It->getDeclContext());
  Fixable = Fixable && Function && isStatementIn(Function->getBody(), Call);
  auto Diag = diag(Call->getExprLoc(),
                   "'erase(%0++)' on '%1' leaves '%0' invalid: erasing from a "
                   "'%2' invalidates the iterators after the erased element; "
                   "use '%0 = %1.erase(%0)'")
              << It->getName() << ContainerText << Kind.Name;
  if (Fixable)
    attachFix(*this, Diag, Call->getExprLoc(),
              "continue from the iterator erase returns",
              {FixItHint::CreateInsertion(Call->getBeginLoc(),
                                          (It->getName() + " = ").str()),
               FixItHint::CreateReplacement(Call->getArg(0)->getSourceRange(),
                                            It->getName())});
}

} // namespace clang::tidy::safedelete
