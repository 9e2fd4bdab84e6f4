//===--- LookupBeforeEraseCheck.cpp - safedelete --------------------------===//

#include "LookupBeforeEraseCheck.h"
#include "clang-tidy/utils/LexerUtils.h"
#include "support/CheckOptions.h"
#include "support/Containers.h"
#include "support/ExprIdentity.h"
#include "support/FixIt.h"
#include "support/MemberCall.h"
#include "support/NameList.h"
#include "support/SourceText.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang::ast_matchers;

namespace clang::tidy::safedelete {
namespace {

constexpr char LookupId[] = "lookup";
constexpr char EndId[] = "end";
constexpr char IterId[] = "iter";
constexpr char IfId[] = "if";
constexpr char CountIsOneId[] = "count-is-one";
constexpr char ExitId[] = "exit";
constexpr char RedundantLookup[] =
    "redundant lookup in '%0' before %1; '%1' does nothing when the key is "
    "absent";
constexpr char RepeatedLookup[] =
    "'erase' repeats the lookup in '%0' that 'find' already made; erase "
    "through %1";
/// The titles of the fixes (what clangd names its code actions).
std::string testRemoval(StringRef Removal) {
  return ("test what " + Removal + " returns instead of the lookup").str();
}

std::string eraseThrough(const VarDecl *Iter) {
  return ("erase through '" + Iter->getName() + "'").str();
}

/// Whether the container \p Lookup is made on may hold a key more than
/// once (a multimap), by the table \p Containers.
bool isMultiKey(const ContainerTable &Containers, const MemberCall &Lookup) {
  const auto Info =
      Containers.classify(Lookup.object()->IgnoreParenImpCasts()->getType());
  return Info && Info->MultiKey;
}

/// The method that removes a key from \p Lookup's container: `erase`, or
/// Qt's `remove`.
std::string keyRemovalOf(const ContainerTable &Containers,
                         const MemberCall &Lookup) {
  const auto Info =
      Containers.classify(Lookup.object()->IgnoreParenImpCasts()->getType());
  return Info && !Info->KeyRemoval.empty() ? Info->KeyRemoval : "erase";
}

/// Whether \p S names a method or function that the lookup tests call:
/// `count`, `contains`, `find`, `end` or `cend`.
bool namesLookup(const Stmt *S) {
  const IdentifierInfo *Id = nullptr;
  if (const auto *Member = dyn_cast<MemberExpr>(S))
    Id = Member->getMemberDecl()->getIdentifier();
  else if (const auto *Dependent = dyn_cast<CXXDependentScopeMemberExpr>(S))
    Id = Dependent->getMember().getAsIdentifierInfo();
  else if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    Id = Ref->getDecl()->getIdentifier();
  if (Id &&
      isOneOf(Id->getName(), {"count", "contains", "find", "end", "cend"}))
    return true;
  return llvm::any_of(S->children(), [](const Stmt *Child) {
    return Child && namesLookup(Child);
  });
}

/// An `if` whose condition names a lookup (namesLookup): a test much
/// cheaper than the lookup tests, which most conditions fail.
AST_MATCHER(IfStmt, conditionNamesLookup) {
  return Node.getCond() && namesLookup(Node.getCond());
}

/// Matches a function template's parameter (or a pointer or reference)
/// whose type is a template parameter, when every instantiation of the
/// template, and there is one, gives it a one-key container type of
/// \p Containers that \p Inner matches: code written for any map, used with listed ones.
AST_MATCHER_P2(Expr, instantiatedAs,
               ast_matchers::internal::Matcher<QualType>, Inner,
               const ContainerTable *, Containers) {
  const auto *Ref = dyn_cast<DeclRefExpr>(Node.IgnoreParenImpCasts());
  const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  const auto *Function =
      Param ? dyn_cast<FunctionDecl>(Param->getDeclContext()) : nullptr;
  const FunctionTemplateDecl *Template =
      Function ? Function->getDescribedFunctionTemplate() : nullptr;
  if (!Template || !Param->getType()->isDependentType() ||
      llvm::any_of(Function->parameters(),
                   [](const ParmVarDecl *P) { return P->isParameterPack(); }))
    return false;
  const unsigned Index = Param->getFunctionScopeIndex();
  bool Any = false;
  for (const FunctionDecl *Instance : Template->specializations()) {
    if (Index >= Instance->getNumParams())
      return false;
    QualType Type =
        Instance->getParamDecl(Index)->getType().getNonReferenceType();
    if (Type->isPointerType())
      Type = Type->getPointeeType();
    const auto Info = Containers->classify(Type);
    if (!Info || Info->MultiKey || !Inner.matches(Type, Finder, Builder))
      return false;
    Any = true;
  }
  return Any;
}

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

/// Whether the `end()` bound by the matcher belongs to \p Lookup's container.
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

// The find-iterator and return forms need the statements around the if.
// They are read from the tokens, not through the parent map: building that
// map costs more than the whole check.

/// Whether \p If is a statement of a block rather than the body of another
/// statement (`else if`, `case 1: if`, `for (...) if`).
bool isBlockStatement(const IfStmt *If, const SourceManager &SM,
                      const LangOptions &LangOpts) {
  const Token Previous =
      utils::lexer::getPreviousToken(If->getBeginLoc(), SM, LangOpts);
  return Previous.isOneOf(tok::semi, tok::l_brace, tok::r_brace);
}

/// Whether the declaration of \p Var is the statement right before \p If.
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

/// Whether the raw token \p Tok is the keyword or identifier \p Word.
bool isWord(const Token &Tok, StringRef Word) {
  return Tok.is(tok::raw_identifier) && Tok.getRawIdentifier() == Word;
}

/// The location of `false` in a `return false;` right after \p If (of `true`
/// when \p Value is true), or an invalid location.
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

/// The statement right after an early-exit if, when it is
/// `<object>.erase(<key>);` spelled as the lookup spells them.
struct EraseAfter {
  SourceLocation Begin;  // its first token
  SourceLocation Name;   // `erase`
  SourceRange Key;       // the key's tokens
  SourceLocation RParen; // the `)` before the `;`
};

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

/// `if (<absent>) return; c.erase(k);`: the lookup only leaves early, and
/// erase can tell whether the key was there.
void reportEarlyExit(ClangTidyCheck &Check, const IfStmt *If,
                     const MemberCall &Lookup, StringRef Removal, bool MultiKey,
                     const VarDecl *Iter, const SourceManager &SM,
                     const LangOptions &LangOpts) {
  if (!isBlockStatement(If, SM, LangOpts) ||
      inMacro(If->getCond()->getSourceRange()))
    return;
  const compat::Optional<EraseAfter> Erase =
      eraseAfter(If, Lookup, Removal, SM, LangOpts);
  if (!Erase)
    return;
  const StringRef ObjectText =
      textOf(Lookup.object()->getSourceRange(), SM, LangOpts);

  if (Iter) {
    // auto it = c.find(k); if (it == c.end()) return; c.erase(k);
    if (MultiKey || !declaredRightBefore(Iter, If, SM, LangOpts))
      return;
    auto Diag = Check.diag(Erase->Name, RepeatedLookup) << ObjectText << Iter;
    attachFix(Check, Diag, Erase->Name, eraseThrough(Iter),
              FixItHint::CreateReplacement(
                  CharSourceRange::getTokenRange(Erase->Key), Iter->getName()));
    return;
  }

  // if (!c.count(k)) return; c.erase(k); -> if (!c.erase(k)) return;
  auto Diag = Check.diag(Lookup.nameLoc(), RedundantLookup)
              << ObjectText << Removal;
  const CharSourceRange Statement =
      statementRemoval(Erase->Begin, Erase->RParen, SM, LangOpts);
  if (Statement.isInvalid())
    return;
  const StringRef EraseText =
      textOf(SourceRange(Erase->Begin, Erase->RParen), SM, LangOpts);
  attachFix(Check, Diag, Lookup.nameLoc(), testRemoval(Removal),
            {FixItHint::CreateReplacement(If->getCond()->getSourceRange(),
                                          ("!" + EraseText).str()),
             FixItHint::CreateRemoval(Statement)});
}

/// An `if` whose branch erases the key its condition looks up.
struct GuardedErase {
  const IfStmt *If = nullptr;
  /// The statements of the branch.
  llvm::SmallVector<const Stmt *, 4> Body;
  /// The statement that erases, and its call: a statement of Body or,
  /// after a find, one nested in further tests of the element (Nested).
  const Stmt *EraseStmt = nullptr;
  bool Nested = false;
  /// The statements and conditions that run before the erase.
  llvm::SmallVector<const Stmt *, 4> Before;
  MemberCall Erase;
};

/// The erase from \p Lookup's container that the branch of \p If runs:
/// the first statement of the branch that erases or, after a find (\p Iter),
/// one nested in further tests. No EraseStmt when there is none.
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

/// auto it = c.find(k); if (it != c.end()) ... c.erase(k);
void reportFindThenErase(ClangTidyCheck &Check, const GuardedErase &G,
                         const MemberCall &Lookup, bool MultiKey,
                         const VarDecl *Iter, const SourceManager &SM,
                         const LangOptions &LangOpts) {
  if (!declaredRightBefore(Iter, G.If, SM, LangOpts))
    return;
  const StringRef ObjectText =
      textOf(Lookup.object()->getSourceRange(), SM, LangOpts);
  if (MultiKey) {
    // erase(it) would remove one element where erase(k) removes them all:
    // the find is redundant when nothing else uses its result.
    if (G.Body.size() == 1 && !G.Nested)
      Check.diag(Lookup.nameLoc(), RedundantLookup) << ObjectText << "erase";
    return;
  }
  const ValueDecl *Root = accessRoot(Lookup.object());
  const bool Touched = llvm::any_of(G.Before, [&](const Stmt *S) {
    return mayTouchContainer(S, Iter, Root);
  });
  const Expr *Arg = G.Erase.arg(0);
  auto Diag = Check.diag(G.Erase.nameLoc(), RepeatedLookup)
              << ObjectText << Iter;
  if (!Touched && !inMacro(Arg->getSourceRange()))
    attachFix(Check, Diag, G.Erase.nameLoc(), eraseThrough(Iter),
              FixItHint::CreateReplacement(Arg->getSourceRange(),
                                           Iter->getName()));
}

/// if (c.count(k)) { c.erase(k); ... }: the erase must come first, so that
/// the lookup guards nothing else.
void reportCountThenErase(ClangTidyCheck &Check, const GuardedErase &G,
                          const MemberCall &Lookup, StringRef Removal,
                          const SourceManager &SM,
                          const LangOptions &LangOpts) {
  if (!G.Before.empty())
    return;
  const auto TextOf = [&](const Stmt *S) {
    return textOf(S->getSourceRange(), SM, LangOpts);
  };
  const IfStmt *If = G.If;
  const StringRef EraseText = TextOf(G.Erase.call());
  auto Diag = Check.diag(Lookup.nameLoc(), RedundantLookup)
              << TextOf(Lookup.object()) << Removal;

  if (G.Body.size() == 1) {
    const bool Braced = isa<CompoundStmt>(If->getThen());
    attachFix(Check, Diag, Lookup.nameLoc(),
              (Removal + " without the lookup").str(),
              FixItHint::CreateReplacement(
                  If->getSourceRange(),
                  (TextOf(G.EraseStmt) + (Braced ? ";" : "")).str()));
    return;
  }

  // if (c.count(k)) { c.erase(k); return true; } return false;
  bool Returned = false;
  if (G.Body.size() == 2 && returnsBool(G.Body[1], Returned)) {
    const SourceLocation Otherwise = returnAfter(If, !Returned, SM, LangOpts);
    if (Otherwise.isValid()) {
      attachFix(
          Check, Diag, Lookup.nameLoc(),
          ("return what " + Removal + " returns").str(),
          FixItHint::CreateReplacement(
              SourceRange(If->getBeginLoc(), Otherwise),
              ("return " + EraseText + (Returned ? " != 0" : " == 0")).str()));
      return;
    }
  }

  // if (c.count(k)) { c.erase(k); f(); } -> if (c.erase(k)) { f(); }
  const CharSourceRange Statement = statementRemoval(
      G.EraseStmt->getBeginLoc(), G.EraseStmt->getEndLoc(), SM, LangOpts);
  if (Statement.isInvalid() || inMacro(If->getCond()->getSourceRange()))
    return;
  attachFix(
      Check, Diag, Lookup.nameLoc(), testRemoval(Removal),
      {FixItHint::CreateReplacement(If->getCond()->getSourceRange(), EraseText),
       FixItHint::CreateRemoval(Statement)});
}

} // namespace

LookupBeforeEraseCheck::LookupBeforeEraseCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      RawContainerTypes(Options.get("ContainerTypes", keyedFamilyList())),
      ContainerTypes(classListOption(Context, Name, "ContainerTypes",
                                     RawContainerTypes, "::std::map")) {
  Containers.addListed(ContainerTypes);
}

void LookupBeforeEraseCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ContainerTypes", RawContainerTypes);
}

namespace {

/// The conditions of an `if` that test a lookup's result.
struct LookupTests {
  StatementMatcher Presence; ///< `c.count(k)`, `c.contains(k)`, `find != end`
  StatementMatcher Iter;     ///< `it != c.end()` with `auto it = c.find(k)`
  StatementMatcher Absence;  ///< `!c.count(k)`, `c.find(k) == c.end()`...
};

/// The tests, built on \p MethodCall(name, arguments), the matcher of a
/// member call on a container of the table.
template <typename CallFn> LookupTests lookupTests(const CallFn &MethodCall) {
  const auto Lookup = [&](StringRef Method) {
    return MethodCall(Method, 1).bind(LookupId);
  };
  const auto Count = Lookup("count");
  const auto Zero = integerLiteral(equals(0));
  const auto One = integerLiteral(equals(1));
  const auto CountTest = anyOf(
      Count, binaryOperator(hasOperatorName("!="), hasOperands(Count, Zero)),
      binaryOperator(hasOperatorName(">"), hasLHS(Count), hasRHS(Zero)),
      binaryOperator(hasOperatorName("<"), hasLHS(Zero), hasRHS(Count)),
      binaryOperator(hasOperatorName(">="), hasLHS(Count), hasRHS(One)),
      binaryOperator(hasOperatorName("<="), hasLHS(One), hasRHS(Count)),
      // A presence test only where a key occurs at most once.
      binaryOperator(hasOperatorName("=="), hasOperands(Count, One))
          .bind(CountIsOneId));
  const auto End = expr(anyOf(MethodCall("end", 0), MethodCall("cend", 0),
                              callExpr(callee(functionDecl(hasAnyName(
                                           "::std::end", "::std::cend"))),
                                       argumentCountIs(1))))
                       .bind(EndId);
  const auto Find = Lookup("find");
  const auto IterRef = declRefExpr(
      to(varDecl(hasLocalStorage(), hasInitializer(Find)).bind(IterId)));
  const auto IterTest =
      binaryOperation(hasOperatorName("!="), hasOperands(IterRef, End));
  // if (!c.count(k)) return; c.erase(k);
  const auto AbsenceTest =
      anyOf(unaryOperator(hasOperatorName("!"),
                          hasUnaryOperand(ignoringParenImpCasts(
                              anyOf(Count, Lookup("contains"))))),
            binaryOperator(hasOperatorName("=="), hasOperands(Count, Zero)),
            binaryOperation(hasOperatorName("=="),
                            hasOperands(anyOf(Find, IterRef), End)));
  return {
      expr(anyOf(CountTest, Lookup("contains"),
                 binaryOperation(hasOperatorName("!="), hasOperands(Find, End)),
                 IterTest)),
      IterTest, expr(AbsenceTest)};
}

} // namespace

void LookupBeforeEraseCheck::registerMatchers(MatchFinder *Finder) {
  if (ContainerTypes.empty())
    return;
  const std::vector<StringRef> Names(ContainerTypes.begin(),
                                     ContainerTypes.end());
  const auto ContainerType = qualType(hasUnqualifiedDesugaredType(recordType(
      hasDeclaration(cxxRecordDecl(isSameOrDerivedFrom(hasAnyName(Names)))))));
  // In a template, `std::map<K, V>` with dependent arguments: the class
  // template is known even though the class is not.
  const auto DependentContainerType =
      qualType(hasUnqualifiedDesugaredType(templateSpecializationType(
          hasDeclaration(namedDecl(hasAnyName(Names))))));
  const auto OfType = [](const auto &Type) {
    return expr(anyOf(hasType(Type), hasType(pointsTo(Type))));
  };
  const auto MethodCall = [&](StringRef Method, unsigned Args) {
    return callExpr(
        argumentCountIs(Args),
        anyOf(cxxMemberCallExpr(callee(cxxMethodDecl(hasName(Method))),
                                on(OfType(ContainerType))),
              callee(cxxDependentScopeMemberExpr(
                  hasMemberName(std::string(Method)),
                  hasObjectExpression(
                      anyOf(OfType(DependentContainerType),
                            instantiatedAs(ContainerType, &Containers)))))));
  };
  const LookupTests Tests = lookupTests(MethodCall);
  const auto Erase =
      expr(anyOf(MethodCall("erase", 1), MethodCall("remove", 1)));
  const auto EraseStmt =
      expr(anyOf(Erase, explicitCastExpr(hasDestinationType(voidType()),
                                         hasSourceExpression(Erase))));
  const auto Exit = stmt(anyOf(returnStmt(), continueStmt(), breakStmt(),
                               gotoStmt(), cxxThrowExpr()));

  Finder->addMatcher(
      ifStmt(
          unless(isExpansionInSystemHeader()), conditionNamesLookup(),
          unless(hasElse(stmt())), unless(hasInitStatement(stmt())),
          unless(hasConditionVariableStatement(declStmt())),
          anyOf(
              allOf(hasCondition(Tests.Presence),
                    hasThen(stmt(
                        anyOf(EraseStmt,
                              compoundStmt(hasAnySubstatement(EraseStmt)))))),
              // auto it = c.find(k); if (it != c.end()) { if (...) c.erase(k);
              // }
              allOf(hasCondition(Tests.Iter),
                    hasThen(hasDescendant(EraseStmt))),
              allOf(hasCondition(Tests.Absence),
                    hasThen(stmt(anyOf(Exit, compoundStmt(statementCountIs(1),
                                                          has(Exit))))
                                .bind(ExitId)))))
          .bind(IfId),
      this);
}

void LookupBeforeEraseCheck::check(const MatchFinder::MatchResult &Result) {
  if (Result.Context->getDiagnostics().hasUncompilableErrorOccurred())
    return;
  const auto *If = Result.Nodes.getNodeAs<IfStmt>(IfId);
  const MemberCall Lookup =
      MemberCall::of(Result.Nodes.getNodeAs<CallExpr>(LookupId));
  const auto *Iter = Result.Nodes.getNodeAs<VarDecl>(IterId);
  const bool MultiKey = isMultiKey(Containers, Lookup);
  if (Result.Nodes.getNodeAs<BinaryOperator>(CountIsOneId) && MultiKey)
    return;
  const SourceManager &SM = *Result.SourceManager;
  const LangOptions &LangOpts = getLangOpts();

  // Code written by a macro is the macro's business.
  if (inMacro(If->getSourceRange()) || inMacro(Lookup.call()->getSourceRange()))
    return;
  if (!isSideEffectFreeAccess(Lookup.object()) ||
      !isSideEffectFreeAccess(Lookup.arg(0)) ||
      !endOfSameObject(Result.Nodes.getNodeAs<Expr>(EndId), Lookup))
    return;

  // Qt's erase takes an iterator and remove a key: the find forms rewrite
  // the method too, which the fixes do not.
  const std::string Removal = keyRemovalOf(Containers, Lookup);
  if (Iter && Removal != "erase")
    return;
  if (Result.Nodes.getNodeAs<Stmt>(ExitId)) {
    reportEarlyExit(*this, If, Lookup, Removal, MultiKey, Iter, SM, LangOpts);
    return;
  }

  GuardedErase Guarded = guardedErase(If, Lookup, Removal, Iter);
  if (!Guarded.EraseStmt || inMacro(Guarded.EraseStmt->getSourceRange()) ||
      !isSameAccess(Guarded.Erase.arg(0), Lookup.arg(0)))
    return;
  if (Iter)
    reportFindThenErase(*this, Guarded, Lookup, MultiKey, Iter, SM, LangOpts);
  else
    reportCountThenErase(*this, Guarded, Lookup, Removal, SM, LangOpts);
}

} // namespace clang::tidy::safedelete
