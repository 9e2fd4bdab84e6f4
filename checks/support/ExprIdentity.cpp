//===--- ExprIdentity.cpp - same object, same key -------------------------===//

#include "support/ExprIdentity.h"
#include "support/Containers.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::safedelete {

const Expr *ignoreCopies(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreImplicit()->IgnoreParenImpCasts();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Next)) {
      // Implicit conversions and copies: `std::string` from a literal.
      if (!isa<CXXTemporaryObjectExpr>(Construct) &&
          Construct->getNumArgs() >= 1 &&
          (Construct->getNumArgs() == 1 ||
           isa<CXXDefaultArgExpr>(Construct->getArg(1))) &&
          (Construct->getParenOrBraceRange().isInvalid()))
        Next = Construct->getArg(0);
    }
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

static bool isPureOperator(OverloadedOperatorKind Kind) {
  return Kind == OO_Star || Kind == OO_Arrow || Kind == OO_Subscript;
}

/// Whether \p Op indexes a sequence: `v[i]` with an integral index on a
/// class without a `mapped_type`. Its non-const form reads an element as
/// the const one does; a map's `m[k]` may insert and is no access.
static bool isIndexing(const CXXOperatorCallExpr *Op) {
  if (Op->getOperator() != OO_Subscript || Op->getNumArgs() != 2 ||
      !Op->getArg(1)->getType()->isIntegralOrUnscopedEnumerationType())
    return false;
  const CXXRecordDecl *Record = recordOrTemplateOf(Op->getArg(0)->getType());
  return Record && !hasMappedType(Record);
}

static bool sameArgs(const CallExpr *A, const CallExpr *B, unsigned From) {
  if (A->getNumArgs() != B->getNumArgs())
    return false;
  for (unsigned I = From; I < A->getNumArgs(); ++I)
    if (!isSameAccess(A->getArg(I), B->getArg(I)))
      return false;
  return true;
}

/// Whether the literals \p A and \p B, of one statement class, have the
/// same value; false for anything else.
static bool sameLiteral(const Expr *A, const Expr *B) {
  switch (A->getStmtClass()) {
  case Stmt::IntegerLiteralClass:
    return llvm::APInt::isSameValue(cast<IntegerLiteral>(A)->getValue(),
                                    cast<IntegerLiteral>(B)->getValue());
  case Stmt::CharacterLiteralClass:
    return cast<CharacterLiteral>(A)->getValue() ==
           cast<CharacterLiteral>(B)->getValue();
  case Stmt::CXXBoolLiteralExprClass:
    return cast<CXXBoolLiteralExpr>(A)->getValue() ==
           cast<CXXBoolLiteralExpr>(B)->getValue();
  case Stmt::FloatingLiteralClass:
    return cast<FloatingLiteral>(A)->getValue().bitwiseIsEqual(
        cast<FloatingLiteral>(B)->getValue());
  case Stmt::StringLiteralClass:
    return cast<StringLiteral>(A)->getBytes() ==
           cast<StringLiteral>(B)->getBytes();
  default:
    return false;
  }
}

/// Whether the built-in operations or casts \p A and \p B, of one
/// statement class, apply the same side-effect-free operation to the same
/// accesses; false for anything else.
static bool sameOperation(const Expr *A, const Expr *B) {
  switch (A->getStmtClass()) {
  case Stmt::UnaryOperatorClass: {
    const auto *UA = cast<UnaryOperator>(A);
    const auto *UB = cast<UnaryOperator>(B);
    return UA->getOpcode() == UB->getOpcode() &&
           !UA->isIncrementDecrementOp() &&
           isSameAccess(UA->getSubExpr(), UB->getSubExpr());
  }
  case Stmt::BinaryOperatorClass: {
    const auto *BA = cast<BinaryOperator>(A);
    const auto *BB = cast<BinaryOperator>(B);
    return BA->getOpcode() == BB->getOpcode() && !BA->isAssignmentOp() &&
           !BA->isCommaOp() && isSameAccess(BA->getLHS(), BB->getLHS()) &&
           isSameAccess(BA->getRHS(), BB->getRHS());
  }
  case Stmt::ArraySubscriptExprClass: {
    const auto *SA = cast<ArraySubscriptExpr>(A);
    const auto *SB = cast<ArraySubscriptExpr>(B);
    return isSameAccess(SA->getBase(), SB->getBase()) &&
           isSameAccess(SA->getIdx(), SB->getIdx());
  }
  case Stmt::CStyleCastExprClass:
  case Stmt::CXXStaticCastExprClass:
  case Stmt::CXXFunctionalCastExprClass:
  case Stmt::CXXConstCastExprClass: {
    const auto *CA = cast<ExplicitCastExpr>(A);
    const auto *CB = cast<ExplicitCastExpr>(B);
    return CA->getTypeAsWritten().getCanonicalType() ==
               CB->getTypeAsWritten().getCanonicalType() &&
           isSameAccess(CA->getSubExpr(), CB->getSubExpr());
  }
  default:
    return false;
  }
}

/// Whether the constructions or calls \p A and \p B, of one statement
/// class, call the same constructor or const member on the same
/// arguments; false for anything else.
static bool sameCall(const Expr *A, const Expr *B) {
  switch (A->getStmtClass()) {
  case Stmt::CXXConstructExprClass:
  case Stmt::CXXTemporaryObjectExprClass: {
    const auto *CA = cast<CXXConstructExpr>(A);
    const auto *CB = cast<CXXConstructExpr>(B);
    if (CA->getConstructor() != CB->getConstructor() ||
        CA->getNumArgs() != CB->getNumArgs())
      return false;
    for (unsigned I = 0; I < CA->getNumArgs(); ++I)
      if (!isSameAccess(CA->getArg(I), CB->getArg(I)))
        return false;
    return true;
  }
  case Stmt::CXXDefaultArgExprClass:
    return cast<CXXDefaultArgExpr>(A)->getParam() ==
           cast<CXXDefaultArgExpr>(B)->getParam();
  case Stmt::CXXOperatorCallExprClass: {
    const auto *OA = cast<CXXOperatorCallExpr>(A);
    const auto *OB = cast<CXXOperatorCallExpr>(B);
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(OA->getDirectCallee());
    return OA->getOperator() == OB->getOperator() &&
           isPureOperator(OA->getOperator()) && Method &&
           (Method->isConst() || isIndexing(OA)) &&
           OA->getDirectCallee() == OB->getDirectCallee() &&
           sameArgs(OA, OB, 0);
  }
  case Stmt::CXXMemberCallExprClass: {
    const auto *CA = cast<CXXMemberCallExpr>(A);
    const auto *CB = cast<CXXMemberCallExpr>(B);
    const CXXMethodDecl *Method = CA->getMethodDecl();
    return Method && Method->isConst() && CA->getNumArgs() == 0 &&
           Method == CB->getMethodDecl() &&
           isSameAccess(CA->getImplicitObjectArgument(),
                        CB->getImplicitObjectArgument());
  }
  default:
    return false;
  }
}

bool isSameAccess(const Expr *A, const Expr *B) {
  if (!A || !B)
    return false;
  A = ignoreCopies(A);
  B = ignoreCopies(B);
  if (A->getStmtClass() != B->getStmtClass())
    return false;
  if (A->getType().isVolatileQualified())
    return false;

  switch (A->getStmtClass()) {
  case Stmt::DeclRefExprClass: {
    const ValueDecl *DA = cast<DeclRefExpr>(A)->getDecl();
    const ValueDecl *DB = cast<DeclRefExpr>(B)->getDecl();
    return DA->getCanonicalDecl() == DB->getCanonicalDecl() &&
           !isa<FunctionDecl>(DA);
  }
  case Stmt::MemberExprClass: {
    const auto *MA = cast<MemberExpr>(A);
    const auto *MB = cast<MemberExpr>(B);
    return MA->getMemberDecl()->getCanonicalDecl() ==
               MB->getMemberDecl()->getCanonicalDecl() &&
           !isa<CXXMethodDecl>(MA->getMemberDecl()) &&
           MA->isArrow() == MB->isArrow() &&
           isSameAccess(MA->getBase(), MB->getBase());
  }
  case Stmt::CXXThisExprClass:
  case Stmt::CXXNullPtrLiteralExprClass:
    return true;
  default:
    return sameLiteral(A, B) || sameOperation(A, B) || sameCall(A, B);
  }
}

const ValueDecl *accessRoot(const Expr *E) {
  while (E) {
    E = ignoreCopies(E);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return Ref->getDecl();
    if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      if (isa<CXXThisExpr>(ignoreCopies(Member->getBase())))
        return Member->getMemberDecl();
      E = Member->getBase();
    } else if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(E)) {
      E = Sub->getBase();
    } else if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
      E = Unary->getSubExpr();
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      E = Op->getNumArgs() > 0 ? Op->getArg(0) : nullptr;
    } else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
      E = Call->getImplicitObjectArgument();
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

const ValueDecl *referencedDecl(const Expr *E) {
  E = ignoreCopies(E);
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E))
    return Ref->getDecl();
  const auto *Member = dyn_cast_or_null<MemberExpr>(E);
  if (Member && isa<FieldDecl>(Member->getMemberDecl()) &&
      isa<CXXThisExpr>(ignoreCopies(Member->getBase())))
    return Member->getMemberDecl();
  return nullptr;
}

bool mentions(const Stmt *S, const ValueDecl *D) {
  if (!S || !D)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    return Ref->getDecl() == D;
  return llvm::any_of(S->children(),
                      [&](const Stmt *C) { return mentions(C, D); });
}

bool refersTo(const Expr *E, const ValueDecl *D) {
  const ValueDecl *Named = referencedDecl(E);
  return Named && D && Named->getCanonicalDecl() == D->getCanonicalDecl();
}

} // namespace clang::tidy::safedelete
