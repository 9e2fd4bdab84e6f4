//===--- LookupBeforeEraseModel.cpp - safedelete --------------------------===//
//
// Which erase a lookup guards, what runs before it, and the statements
// around an `if` that the fixes rewrite. The find-iterator and return forms
// need the statements around the if: they are read from the tokens, not
// through the parent map, whose build costs more than the whole check.
//
//===----------------------------------------------------------------------===//

#include "LookupBeforeEraseModel.h"
#include "clang-tidy/utils/LexerUtils.h"
#include "support/ExprIdentity.h"
#include "support/SourceText.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::safedelete::lookup_before_erase {
namespace {

/// The statement in the branches nested in \p S (blocks and if statements,
/// not loops or lambdas) that erases \p Lookup's key from its container,
/// with the statements and conditions that run before it in \p Before.
const Stmt *nestedErase(const Stmt *S, const MemberCall &Lookup,
                        llvm::SmallVectorImpl<const Stmt *> &Before) {
  if (const MemberCall Erase = discardedCall(S, "erase", 1))
    return onSameObject(Erase, Lookup) &&
                   isSameAccess(Erase.arg(0), Lookup.arg(0))
               ? S
               : nullptr;
  const size_t Mark = Before.size();
  if (const auto *Block = dyn_cast<CompoundStmt>(S)) {
    for (const Stmt *Child : Block->body()) {
      if (const Stmt *Found = nestedErase(Child, Lookup, Before))
        return Found;
      Before.resize(Mark);
      Before.push_back(Child);
    }
    return nullptr;
  }
  const auto *If = dyn_cast<IfStmt>(S);
  if (!If || If->getInit() || If->getConditionVariableDeclStmt())
    return nullptr;
  for (const Stmt *Branch : {If->getThen(), If->getElse()}) {
    Before.resize(Mark);
    Before.push_back(If->getCond());
    if (const Stmt *Found =
            Branch ? nestedErase(Branch, Lookup, Before) : nullptr)
      return Found;
  }
  Before.resize(Mark);
  return nullptr;
}

/// Whether the raw token \p Tok is the keyword or identifier \p Word.
bool isWord(const Token &Tok, StringRef Word) {
  return Tok.is(tok::raw_identifier) && Tok.getRawIdentifier() == Word;
}

/// The spelling of a raw token.
std::string spellingOf(const Token &Tok, const SourceManager &SM,
                       const LangOptions &LangOpts) {
  if (Tok.is(tok::raw_identifier))
    return Tok.getRawIdentifier().str();
  return Lexer::getSpelling(Tok, SM, LangOpts);
}

/// The tokens of \p E as written, or none when it is not plain file text.
llvm::SmallVector<Token, 8> tokensOf(const Expr *E, const SourceManager &SM,
                                     const LangOptions &LangOpts) {
  llvm::SmallVector<Token, 8> Tokens;
  const SourceRange Range = E->getSourceRange();
  if (Range.isInvalid() || inMacro(Range))
    return {};
  Token Tok;
  if (Lexer::getRawToken(Range.getBegin(), Tok, SM, LangOpts,
                         /*IgnoreWhiteSpace=*/true))
    return {};
  Tokens.push_back(Tok);
  while (Tok.getLocation() != Range.getEnd()) {
    const auto Next = Lexer::findNextToken(Tok.getLocation(), SM, LangOpts);
    if (!Next || Tokens.size() == 64 ||
        !SM.isBeforeInTranslationUnit(Next->getLocation(),
                                      Range.getEnd().getLocWithOffset(1)))
      return {};
    Tok = *Next;
    Tokens.push_back(Tok);
  }
  return Tokens;
}

/// Whether \p S could observe or change the container before the erase: it
/// calls something other than a member of the element \p Iter points to, or
/// names the container's root variable or `this`.
bool mayTouchContainer(const Stmt *S, const VarDecl *Iter,
                       const ValueDecl *Root) {
  if (!S)
    return false;
  if (isa<CXXThisExpr>(S))
    return true;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    return Ref->getDecl() == Root;
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    const Expr *Object = nullptr;
    if (const MemberCall Member = MemberCall::of(Call))
      Object = Member.object();
    else if (isa<CXXOperatorCallExpr>(Call) && Call->getNumArgs() > 0)
      Object = Call->getArg(0);
    if (!Object || accessRoot(Object) != Iter)
      return true;
  }
  return llvm::any_of(S->children(), [&](const Stmt *Child) {
    return mayTouchContainer(Child, Iter, Root);
  });
}

} // namespace

bool isMultiKey(const ContainerTable &Containers, const MemberCall &Lookup) {
  const auto Info =
      Containers.classify(Lookup.object()->IgnoreParenImpCasts()->getType());
  return Info && Info->MultiKey;
}

std::string keyRemovalOf(const ContainerTable &Containers,
                         const MemberCall &Lookup) {
  const auto Info =
      Containers.classify(Lookup.object()->IgnoreParenImpCasts()->getType());
  return Info && !Info->KeyRemoval.empty() ? Info->KeyRemoval : "erase";
}

bool endOfSameObject(const Expr *End, const MemberCall &Lookup) {
  if (!End)
    return true;
  bool Arrow = false;
  const Expr *Container = endOf(End, Arrow);
  return Container && Arrow == Lookup.isArrow() &&
         isSameAccess(Container, Lookup.object());
}

const ReturnStmt *returnsBool(const Stmt *S, bool &Value) {
  const auto *Return = dyn_cast_or_null<ReturnStmt>(S);
  if (!Return || !Return->getRetValue())
    return nullptr;
  const auto *Literal = dyn_cast<CXXBoolLiteralExpr>(
      Return->getRetValue()->IgnoreParenImpCasts());
  if (!Literal)
    return nullptr;
  Value = Literal->getValue();
  return Return;
}

bool isBlockStatement(const IfStmt *If, const SourceManager &SM,
                      const LangOptions &LangOpts) {
  const Token Previous =
      utils::lexer::getPreviousToken(If->getBeginLoc(), SM, LangOpts);
  return Previous.isOneOf(tok::semi, tok::l_brace, tok::r_brace);
}

bool declaredRightBefore(const VarDecl *Var, const IfStmt *If,
                         const SourceManager &SM, const LangOptions &LangOpts) {
  if (Var->getEndLoc().isMacroID())
    return false;
  const auto Semi = Lexer::findNextToken(Var->getEndLoc(), SM, LangOpts);
  if (!Semi || !Semi->is(tok::semi))
    return false;
  const auto Next = Lexer::findNextToken(Semi->getLocation(), SM, LangOpts);
  return Next && Next->getLocation() == If->getBeginLoc();
}

SourceLocation returnAfter(const IfStmt *If, bool Value,
                           const SourceManager &SM,
                           const LangOptions &LangOpts) {
  if (!isBlockStatement(If, SM, LangOpts))
    return {};
  const auto Return = Lexer::findNextToken(If->getEndLoc(), SM, LangOpts);
  if (!Return || !isWord(*Return, "return"))
    return {};
  const auto Literal =
      Lexer::findNextToken(Return->getLocation(), SM, LangOpts);
  if (!Literal || !isWord(*Literal, Value ? "true" : "false"))
    return {};
  const auto Semi = Lexer::findNextToken(Literal->getLocation(), SM, LangOpts);
  if (!Semi || !Semi->is(tok::semi))
    return {};
  return Literal->getLocation();
}

compat::Optional<EraseAfter>
eraseAfter(const IfStmt *If, const MemberCall &Lookup, StringRef Removal,
           const SourceManager &SM, const LangOptions &LangOpts) {
  const auto Object = tokensOf(Lookup.object(), SM, LangOpts);
  const auto Key = tokensOf(Lookup.arg(0), SM, LangOpts);
  if (Object.empty() || Key.empty())
    return {};
  std::vector<std::string> Expected;
  for (const Token &Tok : Object)
    Expected.push_back(spellingOf(Tok, SM, LangOpts));
  Expected.insert(Expected.end(),
                  {Lookup.isArrow() ? "->" : ".", Removal.str(), "("});
  for (const Token &Tok : Key)
    Expected.push_back(spellingOf(Tok, SM, LangOpts));
  Expected.insert(Expected.end(), {")", ";"});

  EraseAfter Found;
  SourceLocation Loc = If->getEndLoc();
  // A branch that is not a block ends before its `;`.
  if (!isa<CompoundStmt>(If->getThen())) {
    const auto Semi = Lexer::findNextToken(Loc, SM, LangOpts);
    if (!Semi || !Semi->is(tok::semi))
      return {};
    Loc = Semi->getLocation();
  }
  for (size_t I = 0; I < Expected.size(); ++I) {
    const auto Tok = Lexer::findNextToken(Loc, SM, LangOpts);
    if (!Tok || Tok->getLocation().isMacroID() ||
        spellingOf(*Tok, SM, LangOpts) != Expected[I])
      return {};
    Loc = Tok->getLocation();
    if (I == 0)
      Found.Begin = Loc;
    else if (I == Object.size() + 1)
      Found.Name = Loc;
    else if (I == Object.size() + 3)
      Found.Key.setBegin(Loc);
    if (I == Object.size() + 2 + Key.size())
      Found.Key.setEnd(Loc);
    else if (I + 2 == Expected.size())
      Found.RParen = Loc;
  }
  return Found;
}

GuardedErase guardedErase(const IfStmt *If, const MemberCall &Lookup,
                          StringRef Removal, const VarDecl *Iter) {
  GuardedErase G;
  G.If = If;
  if (const auto *Block = dyn_cast<CompoundStmt>(If->getThen()))
    G.Body.append(Block->body_begin(), Block->body_end());
  else
    G.Body.push_back(If->getThen());
  const auto EraseIt = llvm::find_if(G.Body, [&](const Stmt *S) {
    const MemberCall Erase = discardedCall(S, Removal, 1);
    return Erase && onSameObject(Erase, Lookup);
  });
  if (EraseIt != G.Body.end()) {
    G.EraseStmt = *EraseIt;
    G.Before.append(G.Body.begin(), EraseIt);
  } else if (Iter) {
    G.EraseStmt = nestedErase(If->getThen(), Lookup, G.Before);
    G.Nested = true;
  }
  if (G.EraseStmt)
    G.Erase = discardedCall(G.EraseStmt, Removal, 1);
  return G;
}

bool touchedBeforeErase(const GuardedErase &G, const MemberCall &Lookup,
                        const VarDecl *Iter) {
  const ValueDecl *Root = accessRoot(Lookup.object());
  return llvm::any_of(G.Before, [&](const Stmt *S) {
    return mayTouchContainer(S, Iter, Root);
  });
}

} // namespace clang::tidy::safedelete::lookup_before_erase
