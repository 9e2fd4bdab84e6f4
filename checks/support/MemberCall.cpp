//===--- MemberCall.cpp - member calls on containers, also in templates --===//

#include "support/MemberCall.h"
#include "support/ExprIdentity.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
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

static bool namedMulti(const NamedDecl *D) {
  return D && D->getIdentifier() &&
         D->getName().lower().find("multi") != std::string::npos;
}

bool isMultiKeyContainer(const MemberCall &Call) {
  // The object itself, not the base class the member was found in.
  QualType Type = Call.object()->IgnoreParenImpCasts()->getType();
  if (Call.isArrow() && Type->isPointerType())
    Type = Type->getPointeeType();
  return isMultiKeyType(Type);
}

bool isMultiKeyType(QualType Type) {
  if (const auto *Spec = Type->getAs<TemplateSpecializationType>())
    if (namedMulti(Spec->getTemplateName().getAsTemplateDecl()))
      return true;
  const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return false;
  if (namedMulti(Record))
    return true;
  return !Record->forallBases(
      [](const CXXRecordDecl *Base) { return !namedMulti(Base); });
}

} // namespace clang::tidy::safedelete
