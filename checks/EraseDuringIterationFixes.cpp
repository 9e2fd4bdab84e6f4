//===--- EraseDuringIterationFixes.cpp - safedelete -----------------------===//
//
// The fix-it builders of safedelete-erase-during-iteration. Each returns
// the rewrite of one finding, or nothing when the code is not in the one
// shape the rewrite is known to preserve.
//
//===----------------------------------------------------------------------===//

#include "EraseDuringIterationFixes.h"
#include "EraseDuringIterationModel.h"
#include "support/ExprIdentity.h"
#include "support/Flow.h"
#include "support/MemberCall.h"
#include "support/SourceText.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include <functional>

namespace clang::tidy::safedelete::erase_during_iteration {

/// Whether \p S (outside lambdas) contains a statement of type \p T.
template <typename... T> static bool hasNested(const Stmt *S) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (isa<T...>(S))
    return true;
  return llvm::any_of(S->children(),
                      [](const Stmt *Child) { return hasNested<T...>(Child); });
}

/// The statements of a block, or the statement itself.
static llvm::SmallVector<const Stmt *, 4> statementsOf(const Stmt *S) {
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(S))
    return {Block->body_begin(), Block->body_end()};
  return {S};
}

/// Whether \p Expected is the whole expression statement \p S.
static bool isStatement(const Stmt *S, const Expr *Expected) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  return E && E->IgnoreImplicit()->IgnoreParens() == Expected;
}

/// The location just past a branch of an if: past its `}` or its `;`.
static SourceLocation endOfBranch(const Stmt *Branch,
                                  const ASTContext &Context) {
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
static std::string freshName(StringRef Text,
                             std::initializer_list<const char *> Candidates) {
  for (const char *Candidate : Candidates)
    if (!hasWord(Text, Candidate))
      return Candidate;
  return "";
}

/// Rewrites `cond` with the loop variable of a range-for replaced by the
/// iterator \p It; empty when some use cannot be rewritten.
static std::string rewriteCondition(const Expr *Cond, const VarDecl *LoopVar,
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

std::string rangeForFix(const CXXForRangeStmt *Loop, const Touch &T,
                        StringRef ContainerText, const Family &Kind,
                        FixKind Fix, ASTContext &Context,
                        SourceLocation &ReplaceEnd) {
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

  if (Fix == FixKind::EraseIf && Context.getLangOpts().CPlusPlus20) {
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

std::vector<FixItHint> iteratorLoopFix(const Stmt *Loop, const ValueDecl *It,
                                       const Expr *Erase, const Stmt *Site,
                                       bool TakesResult, bool StepInArgument,
                                       llvm::ArrayRef<const Stmt *> Hits,
                                       ASTContext &Context) {
  const Stmt *Body = loopParts(Loop).Body;
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

/// Whether \p E is a statement of its own in a block somewhere in \p S,
/// where a statement can be added after it.
static bool isBlockStatementIn(const Stmt *S, const Expr *E) {
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

std::vector<FixItHint> insertionFix(const IteratorLoop &L, const EraseSite &S,
                                    ASTContext &Context) {
  const MemberCall Member = MemberCall::resolved(S.Call);
  if (!Member || (S.Name != "insert" && S.Name != "emplace") ||
      Member.numArgs() < 2 || !refersTo(ignoreCopies(Member.arg(0)), L.It) ||
      inMacro(S.Call->getSourceRange()) || isInstantiated(L.It) ||
      !isBlockStatementIn(loopParts(L.Loop).Body, S.Call))
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

} // namespace clang::tidy::safedelete::erase_during_iteration
