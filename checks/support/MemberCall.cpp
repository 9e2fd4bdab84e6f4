//===--- MemberCall.cpp - member calls on containers, also in templates --===//

#include "support/MemberCall.h"
#include "support/ExprIdentity.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::safedelete {

MemberCall MemberCall::of(const Expr *E) {
  MemberCall Result;
  if (!E)
    return Result;
  const auto *Call = dyn_cast<CallExpr>(E->IgnoreImplicit()->IgnoreParens());
  if (!Call)
    return Result;
  const Expr *Callee = Call->getCallee()->IgnoreParens();
  if (const auto *Member = dyn_cast<MemberExpr>(Callee)) {
    const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl());
    if (!Method || !Method->getIdentifier())
      return Result;
    Result.Object = Member->getBase();
    Result.Arrow = Member->isArrow();
    Result.Name = Method->getName();
  } else if (const auto *Dependent =
                 dyn_cast<CXXDependentScopeMemberExpr>(Callee)) {
    if (Dependent->isImplicitAccess() || !Dependent->getMember().isIdentifier())
      return Result;
    Result.Object = Dependent->getBase();
    Result.Arrow = Dependent->isArrow();
    Result.Name = Dependent->getMember().getAsIdentifierInfo()->getName();
  } else {
    return Result;
  }
  Result.Call = Call;
  return Result;
}

MemberCall MemberCall::resolved(const Expr *E) {
  MemberCall Result = of(E);
  if (Result && !isa<CXXMemberCallExpr>(Result.Call))
    return {};
  return Result;
}

MemberCall MemberCall::withOperators(const Expr *E) {
  const auto *Op =
      E ? dyn_cast<CXXOperatorCallExpr>(E->IgnoreImplicit()->IgnoreParens())
        : nullptr;
  if (!Op)
    return resolved(E);
  MemberCall Result;
  if (Op->getNumArgs() == 0)
    return Result;
  Result.Call = Op;
  Result.Object = Op->getArg(0);
  Result.ArgOffset = 1;
  if (Op->getOperator() == OO_Call)
    Result.Name = "operator()";
  else if (Op->getOperator() == OO_Subscript)
    Result.Name = "operator[]";
  return Result;
}

unsigned MemberCall::numArgs() const { return Call->getNumArgs() - ArgOffset; }

const Expr *MemberCall::arg(unsigned I) const {
  return Call->getArg(I + ArgOffset);
}

SourceLocation MemberCall::nameLoc() const {
  if (ArgOffset)
    return Call->getExprLoc();
  const Expr *Callee = Call->getCallee()->IgnoreParens();
  if (const auto *Member = dyn_cast<MemberExpr>(Callee))
    return Member->getMemberLoc();
  return cast<CXXDependentScopeMemberExpr>(Callee)->getMemberLoc();
}

bool onSameObject(const MemberCall &A, const MemberCall &B) {
  return A.isArrow() == B.isArrow() && isSameAccess(A.object(), B.object());
}

MemberCall discardedCall(const Stmt *S, llvm::StringRef Name,
                         unsigned NumArgs) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!E)
    return {};
  E = E->IgnoreImplicit()->IgnoreParens();
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
    if (Cast->getTypeAsWritten()->isVoidType())
      E = Cast->getSubExpr();
  MemberCall Call = MemberCall::of(E);
  if (!Call || Call.name() != Name || Call.numArgs() != NumArgs)
    return {};
  return Call;
}

const Expr *endOf(const Expr *E, bool &Arrow) {
  E = ignoreCopies(E);
  if (const MemberCall Call = MemberCall::of(E)) {
    if ((Call.name() != "end" && Call.name() != "cend") || Call.numArgs() != 0)
      return nullptr;
    Arrow = Call.isArrow();
    return Call.object();
  }
  const auto *Call = dyn_cast_or_null<CallExpr>(E);
  const auto *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || Call->getNumArgs() != 1 || !Callee->isInStdNamespace() ||
      !Callee->getIdentifier() ||
      (Callee->getName() != "end" && Callee->getName() != "cend"))
    return nullptr;
  Arrow = false;
  return Call->getArg(0);
}

EndComparison endComparison(const Expr *E) {
  EndComparison Result;
  const Expr *Sides[2] = {nullptr, nullptr};
  E = E ? E->IgnoreParenImpCasts() : nullptr;
  if (const auto *Binary = dyn_cast_or_null<BinaryOperator>(E)) {
    if (!Binary->isEqualityOp())
      return Result;
    Sides[0] = Binary->getLHS();
    Sides[1] = Binary->getRHS();
    Result.Equal = Binary->getOpcode() == BO_EQ;
  } else if (const auto *Rewritten =
                 dyn_cast_or_null<CXXRewrittenBinaryOperator>(E)) {
    // C++20 spells `a != b` as `!(a == b)` when only `==` is declared.
    if (Rewritten->getOpcode() != BO_EQ && Rewritten->getOpcode() != BO_NE)
      return Result;
    Sides[0] = Rewritten->getLHS();
    Sides[1] = Rewritten->getRHS();
    Result.Equal = Rewritten->getOpcode() == BO_EQ;
  } else if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E)) {
    if ((Op->getOperator() != OO_EqualEqual &&
         Op->getOperator() != OO_ExclaimEqual) ||
        Op->getNumArgs() != 2)
      return Result;
    Sides[0] = Op->getArg(0);
    Sides[1] = Op->getArg(1);
    Result.Equal = Op->getOperator() == OO_EqualEqual;
  } else {
    return Result;
  }
  for (int I = 0; I < 2; ++I) {
    const ValueDecl *Iterator = referencedDecl(Sides[I]);
    const Expr *Container = endOf(Sides[1 - I], Result.Arrow);
    if (Iterator && Container) {
      Result.Iterator = Iterator;
      Result.Container = Container;
      return Result;
    }
  }
  return Result;
}

} // namespace clang::tidy::safedelete
