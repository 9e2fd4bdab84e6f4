//===--- UseAfterEraseCheck.cpp - safedelete ------------------------------===//
//
// Matchers collect function bodies; the model (UseAfterEraseModel) finds
// the uses after an invalidation in each; the reporter here speaks and
// offers the fix that applies.
//
//===----------------------------------------------------------------------===//

#include "UseAfterEraseCheck.h"
#include "UseAfterEraseModel.h"
#include "support/CheckOptions.h"
#include "support/FixIt.h"
#include "support/NameList.h"
#include "support/SourceText.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::safedelete {
namespace {

using use_after_erase::Finding;
using use_after_erase::findUsesAfterErase;
using use_after_erase::Handle;
using use_after_erase::handleName;
using use_after_erase::refDecl;
using use_after_erase::Site;

constexpr char BodyId[] = "body";
constexpr char ScopeId[] = "scope";

/// `++it` or `it++` on \p Var, as a whole statement.
bool isIncrementOf(const Stmt *S, const ValueDecl *Var) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!E)
    return false;
  E = E->IgnoreImplicit()->IgnoreParens();
  if (const auto *Op = dyn_cast<UnaryOperator>(E))
    return Op->isIncrementOp() && refDecl(Op->getSubExpr()) == Var;
  const auto *Call = dyn_cast<CXXOperatorCallExpr>(E);
  return Call && Call->getOperator() == OO_PlusPlus &&
         refDecl(Call->getArg(0)) == Var;
}

/// `c.erase(it); ++it;` -> `it = c.erase(it);`: erase returns the iterator
/// after the erased element, which is what the increment wanted. Only for
/// a variable of the type erase returns, with nothing written by a macro.
std::vector<FixItHint> incrementFix(const Site &S, const Handle &H,
                                    const DeclRefExpr *Use,
                                    const ASTContext &Context) {
  const auto *Var = dyn_cast<VarDecl>(H.Var);
  if (S.Method != "erase" || H.Var != S.Position || !Var || !S.Next ||
      !isIncrementOf(S.Next, Var) ||
      !Context.hasSameUnqualifiedType(S.Call->getType(),
                                      Var->getType().getNonReferenceType()) ||
      Var->getType().isConstQualified())
    return {};
  const SourceRange Range = S.Next->getSourceRange();
  if (S.Call->getBeginLoc().isMacroID() || inMacro(Range) ||
      Use->getSourceRange().getBegin() < Range.getBegin() ||
      Range.getEnd() < Use->getSourceRange().getEnd())
    return {};
  const CharSourceRange Removal =
      statementRemoval(Range.getBegin(), Range.getEnd(),
                       Context.getSourceManager(), Context.getLangOpts());
  if (Removal.isInvalid())
    return {};
  return {FixItHint::CreateInsertion(S.Call->getBeginLoc(),
                                     (Var->getName() + " = ").str()),
          FixItHint::CreateRemoval(Removal)};
}

/// The statement in \p Root that has \p Child as a child, or null.
const Stmt *parentIn(const Stmt *Root, const Stmt *Child) {
  for (const Stmt *C : Root->children()) {
    if (C == Child)
      return Root;
    if (const Stmt *P = C ? parentIn(C, Child) : nullptr)
      return P;
  }
  return nullptr;
}

/// How many times \p S names \p D, lambdas included.
unsigned countMentions(const Stmt *S, const ValueDecl *D) {
  if (!S)
    return 0;
  const auto *Ref = dyn_cast<DeclRefExpr>(S);
  unsigned Count = Ref && Ref->getDecl() == D;
  for (const Stmt *C : S->children())
    Count += countMentions(C, D);
  return Count;
}

/// The iterator \p Member reads the mapped value through: `it` in
/// `it->second` or `(*it).second`.
const ValueDecl *mappedValueOwner(const MemberExpr *Member) {
  const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
  if (!Field || !Field->getIdentifier() || Field->getName() != "second" ||
      Field->getType()->isReferenceType())
    return nullptr;
  const Expr *Base = Member->getBase()->IgnoreParenImpCasts();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Base))
    return Op->getOperator() == (Member->isArrow() ? OO_Arrow : OO_Star) &&
                   Op->getNumArgs() == 1
               ? refDecl(Op->getArg(0))
               : nullptr;
  const auto *Deref = dyn_cast<UnaryOperator>(Base);
  if (Member->isArrow())
    return Base->getType()->isPointerType() ? refDecl(Base) : nullptr;
  return Deref && Deref->getOpcode() == UO_Deref ? refDecl(Deref->getSubExpr())
                                                 : nullptr;
}

/// The first `it->second` or `(*it).second` in \p S, for \p Iter.
const MemberExpr *findMappedValue(const Stmt *S, const ValueDecl *Iter) {
  if (!S || isa<LambdaExpr>(S))
    return nullptr;
  if (const auto *Member = dyn_cast<MemberExpr>(S))
    if (mappedValueOwner(Member) == Iter)
      return Member;
  for (const Stmt *C : S->children())
    if (const MemberExpr *Found = findMappedValue(C, Iter))
      return Found;
  return nullptr;
}

/// Whether \p Read, inside \p S, only reads its value: converted to an
/// rvalue, copied into a new object, bound to a `const T &` parameter, or
/// a field of it read so.
/// A value taken out beforehand then serves the same.
bool onlyRead(const Stmt *S, const Expr *Read) {
  const Stmt *Child = Read;
  const Stmt *Parent = parentIn(S, Child);
  while (Parent &&
         (isa<ParenExpr>(Parent) ||
          (isa<ImplicitCastExpr>(Parent) &&
           cast<ImplicitCastExpr>(Parent)->getCastKind() == CK_NoOp))) {
    Child = Parent;
    Parent = parentIn(S, Child);
  }
  if (const auto *Cast = dyn_cast_or_null<ImplicitCastExpr>(Parent))
    return Cast->getCastKind() == CK_LValueToRValue;
  if (const auto *Field = dyn_cast_or_null<MemberExpr>(Parent))
    return !Field->isArrow() && isa<FieldDecl>(Field->getMemberDecl()) &&
           onlyRead(S, Field);
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Parent))
    return Construct->getConstructor()->isCopyOrMoveConstructor();
  const auto *Call = dyn_cast_or_null<CallExpr>(Parent);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || isa<CXXOperatorCallExpr>(Call))
    return false;
  for (unsigned I = 0; I < Call->getNumArgs() && I < Callee->getNumParams();
       ++I)
    if (Call->getArg(I) == Child) {
      const QualType Param = Callee->getParamDecl(I)->getType();
      return Param->isLValueReferenceType() &&
             Param.getNonReferenceType().isConstQualified();
    }
  return false;
}

/// Whether a `T` can be initialised from a `T` rvalue: a scalar, or a
/// class with a usable move or copy constructor.
bool isMoveConstructible(QualType Type) {
  if (Type->isScalarType())
    return true;
  const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
  Record = Record ? Record->getDefinition() : nullptr;
  if (!Record || Type.isConstQualified() || Record->isAbstract())
    return false;
  if (Record->needsImplicitMoveConstructor())
    return !Record->defaultedMoveConstructorIsDeleted();
  if (!Record->hasUserDeclaredMoveConstructor() &&
      Record->needsImplicitCopyConstructor())
    return !Record->defaultedCopyConstructorIsDeleted();
  return llvm::any_of(Record->ctors(), [](const CXXConstructorDecl *Ctor) {
    return Ctor->isCopyOrMoveConstructor() && !Ctor->isDeleted() &&
           Ctor->getAccess() == AS_public;
  });
}

/// Whether `std::move` is declared (in `std` or an inline namespace of it).
bool declaresStdMove(ASTContext &Context) {
  const DeclarationName Move(&Context.Idents.get("move"));
  for (const NamedDecl *D :
       Context.getTranslationUnitDecl()->lookup(&Context.Idents.get("std"))) {
    const auto *Std = dyn_cast<NamespaceDecl>(D);
    if (!Std)
      continue;
    if (!Std->lookup(Move).empty())
      return true;
    for (const Decl *Inner : Std->decls())
      if (const auto *Inline = dyn_cast<NamespaceDecl>(Inner))
        if (Inline->isInline() && !Inline->lookup(Move).empty())
          return true;
  }
  return false;
}

/// `c.erase(it); return it->second;` -> `auto value = std::move(it->second);
/// c.erase(it); return value;`: the value taken out before the erase. Only
/// for a map iterator named once after the erase (\p OnlyInNext: in the
/// statement right after it), whose value is only read there, has a type
/// that can be moved and, unless the statement returns, nothing to
/// destroy; and only when no `value` is in sight and no macro writes the
/// statements. C++11 on: the new variable is `auto`.
std::vector<FixItHint> takeValueFix(const Site &S, const Handle &H,
                                    bool OnlyInNext, SourceRange Scope,
                                    ASTContext &Context) {
  if (!Context.getLangOpts().CPlusPlus11 || S.Method != "erase" ||
      !S.Info.IsMap || H.Var != S.Position || !OnlyInNext ||
      countMentions(S.Next, H.Var) != 1 ||
      !(isa<Expr>(S.Next) || isa<DeclStmt>(S.Next) || isa<ReturnStmt>(S.Next)))
    return {};
  const MemberExpr *Read = findMappedValue(S.Next, H.Var);
  if (!Read || !onlyRead(S.Next, Read))
    return {};
  const QualType Type = Read->getType();
  const bool Scalar = Type->isScalarType();
  if (!isMoveConstructible(Type) ||
      (!isa<ReturnStmt>(S.Next) && Type.isDestructedType()) ||
      (!Scalar && !declaresStdMove(Context)))
    return {};
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LangOpts = Context.getLangOpts();
  if (S.Call->getBeginLoc().isMacroID() || inMacro(S.Next->getSourceRange()) ||
      inMacro(Read->getSourceRange()) ||
      hasWord(textOf(Scope, SM, LangOpts), "value"))
    return {};
  const StringRef Text = textOf(Read->getSourceRange(), SM, LangOpts);
  const std::string Value =
      Scalar ? Text.str() : ("std::move(" + Text + ")").str();
  return {
      FixItHint::CreateInsertion(S.Call->getBeginLoc(),
                                 "auto value = " + Value + ";\n" +
                                     indentationAt(S.Call->getBeginLoc(), SM)),
      FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(Read->getSourceRange()), "value")};
}

/// The range-for whose hidden iterator \p H is, over a member of an
/// element (`for (auto &x : it->second)`): the range, or null.
const Expr *loopRangeOf(const Handle &H) {
  const auto *Holder = dyn_cast_or_null<VarDecl>(H.Within);
  return H.Var->isImplicit() && Holder && Holder->isImplicit()
             ? Holder->getInit()
             : nullptr;
}

/// A range-for that goes on over a member of the element \p S removed.
void reportLoop(ClangTidyCheck &Check, const Site &S, const Expr *Range,
                ASTContext &Context) {
  const auto Text = [&](const Expr *E) {
    return textOf(E->getSourceRange(), Context);
  };
  Check.diag(Range->getBeginLoc(),
             "loop over '%0' goes on after '%1' destroyed the element that "
             "holds it")
      << Text(Range) << S.Method;
  Check.diag(S.NameLoc,
             "'%0' is destroyed by this '%1' of '%2'; leave the loop after "
             "it, or remove the element after the loop",
             DiagnosticIDs::Note)
      << Text(Range) << S.Method << Text(S.Object);
}

/// Reports the use \p Use of \p H after \p S invalidated it, with the fix
/// that applies (\p OnlyInNext: the statement after \p S holds every later
/// use), and a hint at the erase when none does.
void report(ClangTidyCheck &Check, const Finding &F, SourceRange Scope,
            ASTContext &Context) {
  const Site &S = F.S;
  const Handle &H = F.H;
  if (const Expr *Range = loopRangeOf(H))
    return reportLoop(Check, S, Range, Context);
  static const char *const Kinds[] = {"iterator", "reference", "pointer",
                                      "view"};
  std::vector<FixItHint> Fix = incrementFix(S, H, F.Use, Context);
  const std::string Title =
      Fix.empty() ? "read the value before '" + S.Method.str() + "'"
                  : "continue from the iterator '" + S.Method.str() +
                        "' returns";
  if (Fix.empty())
    Fix = takeValueFix(S, H, F.OnlyInNext, Scope, Context);
  {
    auto Diag = Check.diag(F.Use->getLocation(),
                           "%0 '%1' is used after '%2' invalidated it")
                << Kinds[static_cast<int>(H.Kind)] << handleName(H.Var)
                << S.Method;
    attachFix(Check, Diag, F.Use->getLocation(), Title, Fix);
  }
  const StringRef Container = textOf(S.Object->getSourceRange(), Context);
  Check.diag(S.NameLoc,
             "'%0' is invalidated by this '%1' of '%2'%select{|; take what "
             "is needed from it first}3",
             DiagnosticIDs::Note)
      << handleName(H.Var) << S.Method << Container
      << (Fix.empty() && H.Var == S.Position);
}
} // namespace

UseAfterEraseCheck::UseAfterEraseCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      RawNodeContainers(Options.get("NodeContainers", "")),
      RawHashedContainers(Options.get("HashedContainers", "")),
      RawContiguousContainers(Options.get("ContiguousContainers", "")) {
  const auto Add = [&](ContainerKind Kind, StringRef Option, StringRef Value) {
    Containers.add(Kind,
                   classListOption(Context, Name, Option, Value, "::ns::Map"));
  };
  Add(ContainerKind::Node, "NodeContainers", RawNodeContainers);
  Add(ContainerKind::Hashed, "HashedContainers", RawHashedContainers);
  Add(ContainerKind::Contiguous, "ContiguousContainers",
      RawContiguousContainers);
}

void UseAfterEraseCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "NodeContainers", RawNodeContainers);
  Options.store(Opts, "HashedContainers", RawHashedContainers);
  Options.store(Opts, "ContiguousContainers", RawContiguousContainers);
}

void UseAfterEraseCheck::registerMatchers(MatchFinder *Finder) {
  // Function bodies, not erase calls: the walk of a body finds the calls
  // without the parent map that going up from a call would build.
  Finder->addMatcher(functionDecl(unless(isExpansionInSystemHeader()),
                                  isDefinition(), hasBody(stmt().bind(BodyId)))
                         .bind(ScopeId),
                     this);
  Finder->addMatcher(
      lambdaExpr(unless(isExpansionInSystemHeader())).bind(BodyId), this);
}

void UseAfterEraseCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Context = *Result.Context;
  if (Context.getDiagnostics().hasUncompilableErrorOccurred())
    return;
  const Stmt *Body = Result.Nodes.getNodeAs<Stmt>(BodyId);
  // Where a name the fix-its introduce could clash: the whole function.
  SourceRange Scope;
  if (const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>(ScopeId))
    Scope = Function->getSourceRange();
  if (const auto *Lambda = dyn_cast_or_null<LambdaExpr>(Body)) {
    Scope = Lambda->getSourceRange();
    Body = Lambda->getBody();
  }
  if (!Body || !Checked.insert(Body).second)
    return;
  for (const Finding &F : findUsesAfterErase(Body, Containers, Flows, Context))
    report(*this, F, Scope, Context);
}

void UseAfterEraseCheck::onEndOfTranslationUnit() {
  Flows.clear();
  Checked.clear();
}

} // namespace clang::tidy::safedelete
