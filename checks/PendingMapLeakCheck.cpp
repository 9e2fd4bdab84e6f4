//===--- PendingMapLeakCheck.cpp - safedelete -----------------------------===//

#include "PendingMapLeakCheck.h"
#include "PendingMapLeakModel.h"
#include "support/CheckOptions.h"
#include "support/Containers.h"
#include "support/ExprIdentity.h"
#include "support/FixIt.h"
#include "support/Flow.h"
#include "support/MatcherSet.h"
#include "support/MemberCall.h"
#include "support/NameList.h"
#include "support/SourceText.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang::ast_matchers;

namespace clang::tidy::safedelete {

using namespace pending_map_leak;

namespace {

constexpr char DefaultPendingTypes[] =
    "::std::promise;::std::packaged_task;::boost::promise;"
    "::boost::fibers::promise;::boost::fibers::buffered_channel;"
    "::boost::fibers::unbuffered_channel;::folly::Promise;"
    "::std::coroutine_handle";
constexpr char DefaultRequestCallbackTypes[] =
    "::std::function;::std::move_only_function;::boost::function;"
    "::absl::AnyInvocable;::folly::Function";
constexpr char DefaultCompletionMethods[] =
    "set_value;set_exception;set_value_at_thread_exit;"
    "set_exception_at_thread_exit;operator();push;try_push;resume;setValue;"
    "setException;setTry";
constexpr char DefaultOneShotCompletionMethods[] =
    "set_value;set_exception;set_value_at_thread_exit;"
    "set_exception_at_thread_exit;operator();resume;setValue;setException;"
    "setTry";

constexpr char CompletionId[] = "completion";
constexpr char LambdaId[] = "lambda";
constexpr char InsertionId[] = "insertion";

/// The text that names the map and the member access operator at \p Lookup:
/// `pending_.` or `self->pending_.`, or empty when it cannot be reused.
std::string mapAccessText(const Expr *Lookup, const ASTContext &Context) {
  const Expr *Callee = nullptr;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Lookup))
    Callee = Call->getCallee();
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(
          Callee ? Callee->IgnoreParens() : nullptr)) {
    const Expr *Base = Member->getBase();
    if (Base->isImplicitCXXThis() || inMacro(Base->getSourceRange()) ||
        !isSideEffectFreeAccess(Base))
      return "";
    return (textOf(Base->getSourceRange(), Context) +
            (Member->isArrow() ? "->" : "."))
        .str();
  }
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(Lookup);
  if (!Op || Op->getOperator() != OO_Subscript)
    return "";
  const Expr *Base = Op->getArg(0);
  if (inMacro(Base->getSourceRange()) || !isSideEffectFreeAccess(Base))
    return "";
  return (textOf(Base->getSourceRange(), Context) + ".").str();
}

} // namespace

PendingMapLeakCheck::PendingMapLeakCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      RawPendingTypes(Options.get("PendingTypes", DefaultPendingTypes)),
      RawCallbackTypes(Options.get("CallbackTypes", "")),
      RawRequestCallbackTypes(
          Options.get("RequestCallbackTypes", DefaultRequestCallbackTypes)),
      RawCompletionMethods(
          Options.get("CompletionMethods", DefaultCompletionMethods)),
      RawOneShotCompletionMethods(Options.get("OneShotCompletionMethods",
                                              DefaultOneShotCompletionMethods)),
      RawContainerTypes(Options.get("ContainerTypes", mapFamilyList())),
      PendingTypes(classListOption(Context, Name, "PendingTypes",
                                   RawPendingTypes, "::std::promise")),
      CallbackTypes(classListOption(Context, Name, "CallbackTypes",
                                    RawCallbackTypes, "::std::function")),
      RequestCallbackTypes(
          classListOption(Context, Name, "RequestCallbackTypes",
                          RawRequestCallbackTypes, "::std::function")),
      CompletionMethods(
          methodListOption(Name, "CompletionMethods", RawCompletionMethods)),
      OneShotCompletionMethods(methodListOption(
          Name, "OneShotCompletionMethods", RawOneShotCompletionMethods)),
      ContainerTypes(classListOption(Context, Name, "ContainerTypes",
                                     RawContainerTypes, "::std::map")),
      State(std::make_unique<Facts>()) {
  AnyCallbackTypes = CallbackTypes;
  AnyCallbackTypes.insert(AnyCallbackTypes.end(), RequestCallbackTypes.begin(),
                          RequestCallbackTypes.end());
}

PendingMapLeakCheck::~PendingMapLeakCheck() = default;

std::vector<std::string>
PendingMapLeakCheck::methodListOption(StringRef Check, StringRef Option,
                                      const std::string &Raw) {
  NameList Parsed = parseNameList(Raw);
  for (const std::string &Bad : Parsed.Invalid) {
    if (Bad == "operator()") {
      Parsed.Names.push_back(Bad);
      continue;
    }
    configurationDiag("invalid entry '%0' in option '%1' of %2: expected a "
                      "method name such as 'set_value' or 'operator()'; the "
                      "entry is ignored")
        << Bad << Option << Check;
  }
  for (const std::string &Name : Parsed.Names)
    if (StringRef(Name).contains(':'))
      configurationDiag("entry '%0' in option '%1' of %2 is qualified; "
                        "method names are matched without their class")
          << Name << Option << Check;
  return std::move(Parsed.Names);
}

void PendingMapLeakCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "PendingTypes", RawPendingTypes);
  Options.store(Opts, "CallbackTypes", RawCallbackTypes);
  Options.store(Opts, "RequestCallbackTypes", RawRequestCallbackTypes);
  Options.store(Opts, "CompletionMethods", RawCompletionMethods);
  Options.store(Opts, "OneShotCompletionMethods", RawOneShotCompletionMethods);
  Options.store(Opts, "ContainerTypes", RawContainerTypes);
}

void PendingMapLeakCheck::registerMatchers(MatchFinder *Finder) {
  if (ContainerTypes.empty() || CompletionMethods.empty() ||
      (PendingTypes.empty() && AnyCallbackTypes.empty()))
    return;
  std::vector<std::string> CompletableTypes = PendingTypes;
  CompletableTypes.insert(CompletableTypes.end(), AnyCallbackTypes.begin(),
                          AnyCallbackTypes.end());
  const std::vector<StringRef> CompletableNames(CompletableTypes.begin(),
                                                CompletableTypes.end());
  std::vector<StringRef> MethodNames;
  bool CallOperator = false;
  for (const std::string &Name : CompletionMethods)
    if (Name == "operator()")
      CallOperator = true;
    else
      MethodNames.emplace_back(Name);
  // Types through typedefs (`mapped_type`) and pointers (`operator->`).
  const auto OfRecord = [](const auto &Record) {
    const auto Type = qualType(
        hasUnqualifiedDesugaredType(recordType(hasDeclaration(Record))));
    return expr(anyOf(hasType(Type), hasType(pointsTo(Type))));
  };
  const auto Completable =
      OfRecord(cxxRecordDecl(hasAnyName(CompletableNames)));
  Finder->addMatcher(
      lambdaExpr(unless(isExpansionInSystemHeader())).bind(LambdaId), this);

  const std::vector<StringRef> Containers(ContainerTypes.begin(),
                                          ContainerTypes.end());
  const auto Container =
      OfRecord(cxxRecordDecl(isSameOrDerivedFrom(hasAnyName(Containers))));
  const auto Inserting = cxxMethodDecl(hasAnyName(
      "emplace", "try_emplace", "insert", "insert_or_assign", "emplace_hint"));
  // One matcher per node kind (each costs a dispatch on every node of its
  // kind), system headers rejected first, then names, then types.
  // Insertions count only as written, not in template instantiations: the
  // traversal mode knows where it is, while isInTemplateInstantiation()
  // would build the parent map of the whole translation unit.
  const auto AsWritten = [](const auto &Matcher) {
    return traverse(TK_IgnoreUnlessSpelledInSource, Matcher);
  };
  MatcherList MemberCalls = {
      AsWritten(cxxMemberCallExpr(callee(Inserting), on(Container)))
          .bind(InsertionId)};
  if (!MethodNames.empty())
    MemberCalls.push_back(
        cxxMemberCallExpr(callee(cxxMethodDecl(hasAnyName(MethodNames))),
                          on(Completable))
            .bind(CompletionId));
  MatcherList OperatorCalls = {
      AsWritten(
          cxxOperatorCallExpr(hasOverloadedOperatorName("[]"),
                              hasArgument(0, ignoringParenImpCasts(Container))))
          .bind(InsertionId)};
  if (CallOperator)
    OperatorCalls.push_back(
        cxxOperatorCallExpr(hasOverloadedOperatorName("()"),
                            hasArgument(0, ignoringParenImpCasts(Completable)))
            .bind(CompletionId));
  Finder->addMatcher(
      cxxMemberCallExpr(unless(isExpansionInSystemHeader()),
                        eachOfForms<CXXMemberCallExpr>(MemberCalls)),
      this);
  Finder->addMatcher(
      cxxOperatorCallExpr(unless(isExpansionInSystemHeader()),
                          eachOfForms<CXXOperatorCallExpr>(OperatorCalls)),
      this);
}
void PendingMapLeakCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Context = *Result.Context;
  if (Context.getDiagnostics().hasUncompilableErrorOccurred())
    return;
  State->Context = &Context;
  const Vocabulary Words{PendingTypes,
                         CallbackTypes,
                         RequestCallbackTypes,
                         AnyCallbackTypes,
                         ContainerTypes,
                         CompletionMethods,
                         OneShotCompletionMethods};
  if (const auto *Insertion = Result.Nodes.getNodeAs<Expr>(InsertionId))
    collectInsertion(*State, Insertion, Words);
  else if (const auto *Lambda = Result.Nodes.getNodeAs<LambdaExpr>(LambdaId))
    State->Definitions.push_back(Lambda->getCallOperator());
  else if (const auto *Call = Result.Nodes.getNodeAs<Expr>(CompletionId))
    collectCompletion(*State, Call, Words);
}

namespace {

/// Speaks for the check: the warnings, their notes and fix-its.
class PendingMapLeakReporter {
public:
  PendingMapLeakReporter(ClangTidyCheck &Check, const ASTContext &Context)
      : Check(Check), Context(Context), SM(Context.getSourceManager()),
        LangOpts(Context.getLangOpts()) {}

  void report(const Leak &L);
  void report(const UnremovedMap &M);

private:
  std::string subscriptFix(const Leak &L, StringRef Access, StringRef KeyText,
                           bool KeyReusable) const;
  std::string eraseFix(const Leak &L, StringRef Access, StringRef KeyText,
                       bool KeyReusable) const;
  void reportSubscript(const Leak &L, StringRef MapText,
                       const std::string &Fix);
  void reportUnremoved(const Leak &L, StringRef MapText, StringRef KeyText,
                       const std::string &Fix);

  ClangTidyCheck &Check;
  const ASTContext &Context;
  const SourceManager &SM;
  const LangOptions &LangOpts;
};

/// `m[k].f(v);` as `if (auto it = m.find(k); it != m.end()) { it->second
/// .f(v); m.erase(it); }`, or empty where that would not compile or keep
/// behaviour.
std::string PendingMapLeakReporter::subscriptFix(const Leak &L,
                                                 StringRef Access,
                                                 StringRef KeyText,
                                                 bool KeyReusable) const {
  const Stmt *Statement = L.Statement;
  const auto *Op = cast<CXXOperatorCallExpr>(L.C->Path.Call);
  // The rewrite keeps the text around `m[k]` in the completing statement:
  // `m[k]` must be in it, not bound to a reference earlier.
  if (L.Semi.isInvalid() || !L.Final || !LangOpts.CPlusPlus17 || !KeyReusable ||
      Access.empty() || !isWithin(Statement, Op) ||
      hasWord(textOf(Statement->getSourceRange(), Context), "it"))
    return "";
  const StringRef Before =
      Lexer::getSourceText(CharSourceRange::getCharRange(
                               Statement->getBeginLoc(), Op->getBeginLoc()),
                           SM, LangOpts);
  const StringRef After = Lexer::getSourceText(
      CharSourceRange::getCharRange(
          Lexer::getLocForEndOfToken(Op->getEndLoc(), 0, SM, LangOpts),
          Lexer::getLocForEndOfToken(Statement->getEndLoc(), 0, SM, LangOpts)),
      SM, LangOpts);
  const std::string Indent = indentationAt(Statement->getBeginLoc(), SM);
  return ("if (auto it = " + Access + "find(" + KeyText + "); it != " + Access +
          "end()) {\n" + Indent + "  " + Before + "it->second" + After + ";\n" +
          (L.Removed ? "" : Indent + "  " + Access + "erase(it);\n") + Indent +
          "}")
      .str();
}

/// The erase to insert after the completion, or empty.
std::string PendingMapLeakReporter::eraseFix(const Leak &L, StringRef Access,
                                             StringRef KeyText,
                                             bool KeyReusable) const {
  const Completion &C = *L.C;
  if (L.Semi.isInvalid() || !L.Final || Access.empty())
    return "";
  if (C.Path.Kind == Lookup::Find && C.Path.Iter &&
      checkedAgainstEnd(C.Function->getBody(), C.Path.Iter))
    return (Access + "erase(" + C.Path.Iter->getName() + ");").str();
  if (C.Path.Kind == Lookup::At && KeyReusable)
    return (Access + "erase(" + KeyText + ");").str();
  return "";
}

void PendingMapLeakReporter::report(const Leak &L) {
  const Completion &C = *L.C;
  const StringRef MapText = textOf(C.Path.Container->getSourceRange(), Context);
  const std::string Access = mapAccessText(C.Path.Call, Context);
  const StringRef KeyText =
      C.Path.Key ? textOf(C.Path.Key->getSourceRange(), Context) : "";
  const bool KeyReusable =
      C.Path.Key && !inMacro(C.Path.Key->getSourceRange()) &&
      isSideEffectFreeAccess(C.Path.Key) && !mayChangeValues(C.Call);
  if (L.Subscript)
    reportSubscript(L, MapText, subscriptFix(L, Access, KeyText, KeyReusable));
  else
    reportUnremoved(L, MapText, KeyText,
                    eraseFix(L, Access, KeyText, KeyReusable));
}

void PendingMapLeakReporter::reportSubscript(const Leak &L, StringRef MapText,
                                             const std::string &Fix) {
  const Completion &C = *L.C;
  {
    auto Diag =
        Check.diag(C.Call->getExprLoc(),
                   "'%0' through '%1[...]' inserts a new entry into '%1' when "
                   "the key is absent (a late or duplicate response) that "
                   "nobody waits for%select{| or removes}2")
        << MemberCall::withOperators(C.Call).name() << MapText << !L.Removed;
    if (!Fix.empty())
      attachFix(Check, Diag, C.Call->getExprLoc(),
                "complete the entry only when 'find' finds it",
                FixItHint::CreateReplacement(
                    CharSourceRange::getCharRange(L.Statement->getBeginLoc(),
                                                  L.Semi),
                    Fix));
  }
  Check.diag(C.Path.Call->getBeginLoc(),
             "'operator[]' looks the entry up here; use 'find' and complete "
             "the entry only when it exists",
             DiagnosticIDs::Note);
}

void PendingMapLeakReporter::reportUnremoved(const Leak &L, StringRef MapText,
                                             StringRef KeyText,
                                             const std::string &Fix) {
  const Completion &C = *L.C;
  const StringRef Method = MemberCall::withOperators(C.Call).name();
  const auto *AsMethod = dyn_cast<CXXMethodDecl>(C.Function);
  const std::string Where = AsMethod && AsMethod->getParent()->isLambda()
                                ? std::string("the lambda")
                                : "'" + C.Function->getNameAsString() + "'";
  {
    auto Diag = Check.diag(C.Call->getExprLoc(),
                           "entry of '%0' is completed by '%1' but never "
                           "removed from the map in %2; it stays there forever")
                << MapText << Method << Where;
    if (!Fix.empty())
      attachFix(Check, Diag, C.Call->getExprLoc(),
                ("erase the completed entry from '" + MapText + "'").str(),
                FixItHint::CreateInsertion(
                    L.Semi, "\n" + indentationAt(L.Statement->getBeginLoc(), SM) +
                                Fix));
  }
  if (C.Path.Kind == Lookup::Iteration) {
    Check.diag(C.Path.Call->getBeginLoc(), "entries of '%0' are visited here",
               DiagnosticIDs::Note)
        << MapText;
    Check.diag(C.Call->getExprLoc(),
               "remove the completed entries, e.g. with '%0.clear()' after "
               "the loop or 'it = %0.erase(it)' in it",
               DiagnosticIDs::Note)
        << MapText;
    return;
  }
  Check.diag(C.Path.Call->getBeginLoc(), "entry of '%0' looked up here",
             DiagnosticIDs::Note)
      << MapText;
  if (Fix.empty())
    Check.diag(C.Call->getExprLoc(),
               "take the entry out before completing it: 'auto node = "
               "%0.extract(%1); if (!node.empty()) node.mapped()%2(...)'",
               DiagnosticIDs::Note)
        << MapText << (KeyText.empty() ? "key" : KeyText)
        << (Method == "operator()" ? std::string() : ("." + Method).str());
}

void PendingMapLeakReporter::report(const UnremovedMap &M) {
  Check.diag(M.Insertion->getExprLoc(),
             "entries are inserted into %0 but never removed from it; "
             "completed requests stay in the map forever")
      << M.Map;
  if (M.Completion)
    Check.diag(M.Completion->getExprLoc(), "an entry is completed here",
               DiagnosticIDs::Note);
}

} // namespace
void PendingMapLeakCheck::onEndOfTranslationUnit() {
  const std::unique_ptr<Facts> Done = std::move(State);
  State = std::make_unique<Facts>();
  if (!Done->Context ||
      Done->Context->getDiagnostics().hasUncompilableErrorOccurred())
    return;
  const Findings Found = findLeaks(*Done);
  PendingMapLeakReporter Reporter(*this, *Done->Context);
  for (const Leak &L : Found.Leaks)
    Reporter.report(L);
  for (const UnremovedMap &M : Found.Maps)
    Reporter.report(M);
}

} // namespace clang::tidy::safedelete
