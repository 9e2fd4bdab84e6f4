//===--- EraseDuringIterationModel.cpp - safedelete -----------------------===//
//
// The loop analysis of safedelete-erase-during-iteration: container
// references and the calls that modify them, the iterator predicates, the
// removals made through called functions, the erase and insertion sites of
// an iterator loop and the paths after them, and for_each calls.
//
//===----------------------------------------------------------------------===//

#include "EraseDuringIterationModel.h"
#include "support/ExprIdentity.h"
#include "support/Flow.h"
#include "support/MemberCall.h"
#include "support/NameList.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/STLExtras.h"
#include <functional>

namespace clang::tidy::safedelete::erase_during_iteration {

constexpr const char *InsertionMethods[] = {
    "push_back",        "emplace_back", "push_front",   "emplace_front",
    "insert",           "emplace",      "emplace_hint", "try_emplace",
    "insert_or_assign", "reserve",      "rehash"};

/// Whether \p Var, a local pointer, is assigned after its initialisation.
static bool isReassigned(const VarDecl *Var, const Stmt *S) {
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

ContainerRef resolve(const MemberCall &Call) {
  return resolve(Call.object(), Call.isArrow() ? 1 : 0);
}

bool isInstantiated(const Decl *D) {
  const DeclContext *Context = D ? D->getDeclContext() : nullptr;
  if (const auto *Record = dyn_cast_or_null<CXXRecordDecl>(Context))
    return Record->getTemplateInstantiationPattern();
  const auto *Function = dyn_cast_or_null<FunctionDecl>(Context);
  return Function && (Function->isTemplateInstantiation() ||
                      Function->getTemplateInstantiationPattern());
}

LoopFlow::LoopFlow(const Stmt *Loop, ASTContext &Context) {
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

LoopFlow::~LoopFlow() = default;

bool LoopFlow::walk(const Stmt *From, bool ScanHead,
                    llvm::function_ref<Step(const Stmt *)> Visit,
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
static bool isPreIncrementOf(const Expr *E, const ValueDecl *It) {
  E = ignoreCopies(E);
  if (const auto *Unary = dyn_cast<UnaryOperator>(E))
    return Unary->getOpcode() == UO_PreInc && refersTo(Unary->getSubExpr(), It);
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
  return Op && Op->getOperator() == OO_PlusPlus && Op->getNumArgs() == 1 &&
         refersTo(Op->getArg(0), It);
}

/// The left and right side of an assignment `lhs = rhs`, or nulls.
static std::pair<const Expr *, const Expr *> assignment(const Stmt *S) {
  if (const auto *Binary = dyn_cast<BinaryOperator>(S))
    if (Binary->getOpcode() == BO_Assign)
      return {Binary->getLHS(), Binary->getRHS()};
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S))
    if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
      return {Op->getArg(0), Op->getArg(1)};
  return {nullptr, nullptr};
}

/// Whether \p E is `*it`, `it->` of a class iterator, or `it` itself.
static bool isElementOf(const Expr *E, const ValueDecl *It) {
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
static bool isCurrentOf(const Expr *E, const ValueDecl *It) {
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
static bool boundOf(const Expr *E, bool Begin, ContainerRef &Container,
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
static bool comparedOperands(const Expr *Cond, const Expr *&LHS,
                             const Expr *&RHS) {
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
static bool erasesIterator(const Stmt *Body, const ValueDecl *It,
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
static bool mayBeMovedByMember(const Stmt *Body, const ValueDecl *It) {
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
static bool isThisMember(const ContainerRef &Ref, const FieldDecl *Field) {
  const auto *Member = dyn_cast_or_null<MemberExpr>(Ref.Base);
  return Member && Ref.Derefs == 0 && Member->getMemberDecl() == Field &&
         isa<CXXThisExpr>(ignoreCopies(Member->getBase()));
}

namespace {

/// The container a function reaches: the member Field of `*this` or, when
/// Field is null, its parameter number Param (a reference).
struct Target {
  const FieldDecl *Field = nullptr;
  unsigned Param = 0;
};

} // namespace

/// Whether \p Ref, in the body of \p Function, is \p T.
static bool isTarget(const ContainerRef &Ref, const Target &T,
                     const FunctionDecl *Function) {
  if (T.Field)
    return isThisMember(Ref, T.Field);
  const auto *Param = dyn_cast_or_null<DeclRefExpr>(Ref.Base);
  return Param && Ref.Derefs == 0 && T.Param < Function->getNumParams() &&
         Param->getDecl() == Function->getParamDecl(T.Param);
}

/// Whether a function taking its parameter \p I by \p Callee can modify the
/// container passed there: a reference to non-const.
static bool takesByMutableReference(const FunctionDecl *Callee, unsigned I) {
  if (I >= Callee->getNumParams())
    return false;
  const QualType Type = Callee->getParamDecl(I)->getType();
  return Type->isReferenceType() &&
         !Type.getNonReferenceType().isConstQualified();
}

/// The user function \p Call calls, with a definition in this translation
/// unit outside system headers, or null.
static const FunctionDecl *definedCallee(const CallExpr *Call,
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
static bool isOnThis(const CallExpr *Call) {
  const MemberCall Member = MemberCall::resolved(Call);
  return Member && isa<CXXThisExpr>(ignoreCopies(Member.object()));
}

/// The call, in the body of \p Function or of a function it calls with the
/// same target (at most three calls deep), that removes elements from \p T;
/// null when there is none in this translation unit.
static const CallExpr *
removalIn(const FunctionDecl *Function, const Target &T, bool Shifting,
          const ASTContext &Context,
          const std::vector<std::string> &EraseMethods, Removal &Found,
          unsigned Depth, llvm::SmallPtrSetImpl<const FunctionDecl *> &Seen) {
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
static Removal removalThrough(const CallExpr *Call,
                              const ContainerRef &Container,
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
static const FieldDecl *thisField(const ContainerRef &Container) {
  const auto *Member = dyn_cast_or_null<MemberExpr>(Container.Base);
  return Member && Container.Derefs == 0 &&
                 isa<CXXThisExpr>(ignoreCopies(Member->getBase()))
             ? dyn_cast<FieldDecl>(Member->getMemberDecl())
             : nullptr;
}

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
  Gather(loopParts(Loop).Body);
  if (const auto *For = dyn_cast<ForStmt>(Loop))
    Gather(For->getInc());
  return W;
}

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

/// The name of the insertion \p Call makes and the container it makes it
/// on: a member call (`v.push_back(x)`, `v.reserve(n)`), `m[k]` or
/// `s += x`. An empty name for other calls.
static std::pair<StringRef, ContainerRef> insertionOf(const CallExpr *Call) {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
  if (Op && Op->getOperator() == OO_PlusEqual && Op->getNumArgs() == 2)
    return {"operator+=", resolve(Op->getArg(0), 0)};
  const MemberCall Member = MemberCall::withOperators(Call);
  if (Member && (isInsertion(Member.name()) || Member.name() == "operator[]"))
    return {Member.name(), resolve(Member)};
  return {StringRef(), ContainerRef()};
}

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

bool returnsNothing(const EraseSite &S, const Family &Kind) {
  return !Kind.Shifting && S.Call->getType()->isVoidType();
}

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

bool capturesByCopy(const LambdaExpr *Lambda, const ValueDecl *Root) {
  return llvm::any_of(Lambda->captures(), [&](const LambdaCapture &Capture) {
    return Capture.capturesVariable() &&
           Capture.getCaptureKind() == LCK_ByCopy &&
           Capture.getCapturedVar() == Root;
  });
}

} // namespace clang::tidy::safedelete::erase_during_iteration
