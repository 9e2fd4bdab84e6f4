//===--- UnlockedEraseCheck.cpp - safedelete ------------------------------===//
//
// The check walks the code of user functions once (support/CodeWalk.h). The
// walk records blocks, guards, erase-family and helper calls, and runs the
// call matchers only on the calls a test of the callee's name leaves
// (lock/unlock, join, thread start), never on every call of the translation
// unit. The facts carry their positions; onEndOfTranslationUnit builds the
// lock model of UnlockedEraseModel.h on them, lets its finder decide every
// erase once, and reports the findings.
//
//===----------------------------------------------------------------------===//

#include "UnlockedEraseCheck.h"
#include "UnlockedEraseModel.h"
#include "support/CheckOptions.h"
#include "support/Containers.h"
#include "support/ExprIdentity.h"
#include "support/FixIt.h"
#include "support/Locks.h"
#include "support/MatcherSet.h"
#include "support/NameList.h"
#include "support/SourceText.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Regex.h"
#include <algorithm>

using namespace clang::ast_matchers;
using namespace clang::tidy::safedelete::unlocked;

namespace clang::tidy::safedelete {
namespace {

constexpr char DefaultEraseMethods[] =
    "erase;clear;extract;pop*;remove*;swap;merge;operator=;"
    "::std::erase;::std::erase_if;::std::swap";
constexpr char DefaultLockedFunctionPattern[] = "(Locked|_locked|NoLock)$";
constexpr char DefaultThreadSafeContainerTypes[] =
    "::tbb::concurrent_hash_map;::tbb::concurrent_unordered_map;"
    "::tbb::concurrent_unordered_set;::tbb::concurrent_queue;"
    "::tbb::concurrent_bounded_queue;::tbb::concurrent_vector;"
    "::folly::ConcurrentHashMap;::folly::AtomicHashMap;::folly::Synchronized;"
    "::boost::concurrent_flat_map;::boost::concurrent_flat_set;"
    "::concurrency::concurrent_unordered_map;::concurrency::concurrent_vector";
constexpr char DefaultThreadStartFunctions[] =
    "::std::async;submit;enqueue;detach_task;submit_task;push_task;"
    "::boost::asio::post;::asio::post;QThreadPool::start";
constexpr char DefaultThreadClasses[] =
    "::std::thread;::std::jthread;::boost::thread";

// Bind ids.
constexpr char ThreadLambdaId[] = "thread-lambda";
constexpr char ThreadStartId[] = "thread-start";
constexpr char LockCallId[] = "lock-call";
constexpr char JoinId[] = "join";

/// A method whose identifier is listed in \p Names.
AST_MATCHER_P(NamedDecl, hasIdentifierIn, const llvm::StringSet<> *, Names) {
  return Node.getIdentifier() && Names->count(Node.getName());
}

AST_MATCHER_P(NamedDecl, hasMethodNameIn, std::vector<std::string>, Patterns) {
  return Node.getIdentifier() && isMethodNameIn(Node.getName(), Patterns);
}

/// A variable of a lambda's own closure type initialised with that lambda:
/// no other lambda can be assigned to it. (The closure class is implicit,
/// which the matchers skip in the traversal mode of the check.)
AST_MATCHER_P(VarDecl, holdsItsOwnLambda,
              ast_matchers::internal::Matcher<LambdaExpr>, Inner) {
  const auto *Lambda = dyn_cast_or_null<LambdaExpr>(
      Node.getInit() ? Node.getInit()->IgnoreUnlessSpelledInSource() : nullptr);
  return Lambda &&
         Node.getType()->getAsCXXRecordDecl() == Lambda->getLambdaClass() &&
         Inner.matches(*Lambda, Finder, Builder);
}

/// A function declared to acquire, release or assert a lock.
AST_MATCHER(FunctionDecl, declaresLockEffects) {
  return Node.hasAttrs() && !locks::declaredEffects(&Node).empty();
}

/// A class declared a mutex (`capability`, `lockable`), or derived from one.
AST_MATCHER(CXXRecordDecl, isAnnotatedMutex) {
  return locks::isAnnotatedMutex(&Node);
}

/// A class declared a guard (`scoped_lockable`).
AST_MATCHER(CXXRecordDecl, isAnnotatedGuard) {
  return locks::isAnnotatedGuard(&Node);
}

/// A call `obj.name(...)` in a template where `obj` is dependent.
AST_MATCHER_P(CXXDependentScopeMemberExpr, dependentMemberIn,
              const llvm::StringSet<> *, Names) {
  const IdentifierInfo *Id = Node.getMember().getAsIdentifierInfo();
  return !Node.isImplicitAccess() && Id && Names->count(Id->getName());
}

} // namespace

UnlockedEraseCheck::UnlockedEraseCheck(StringRef Name,
                                       ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      RawMutexTypes(Options.get("MutexTypes", locks::DefaultMutexTypes)),
      RawLockGuardTypes(
          Options.get("LockGuardTypes", locks::DefaultLockGuardTypes)),
      RawSharedLockGuardTypes(Options.get("SharedLockGuardTypes",
                                          locks::DefaultSharedLockGuardTypes)),
      RawEraseMethods(Options.get("EraseMethods", DefaultEraseMethods)),
      RawLockedFunctionPattern(
          Options.get("LockedFunctionPattern", DefaultLockedFunctionPattern)),
      RawThreadSafeContainerTypes(Options.get("ThreadSafeContainerTypes",
                                              DefaultThreadSafeContainerTypes)),
      RawThreadStartFunctions(
          Options.get("ThreadStartFunctions", DefaultThreadStartFunctions)),
      RawThreadClasses(Options.get("ThreadClasses", DefaultThreadClasses)),
      RawThreadJoinFunctions(Options.get("ThreadJoinFunctions", "")),
      InferFromUsage(
          boolOption(Context, Options, Name, "InferFromUsage", true)),
      Inserter(compat::makeIncludeInserter(
          Options.getLocalOrGlobal("IncludeStyle",
                                   utils::IncludeSorter::IS_LLVM),
          *Context)),
      Collector(std::make_unique<FactCollector>()) {
  MutexTypes = classListOption(Context, Name, "MutexTypes", RawMutexTypes,
                               "::std::mutex");
  LockGuardTypes = classListOption(Context, Name, "LockGuardTypes",
                                   RawLockGuardTypes, "::std::lock_guard");
  Collector->Words.SharedLockGuardTypes =
      classListOption(Context, Name, "SharedLockGuardTypes",
                      RawSharedLockGuardTypes, "::std::shared_lock");
  ThreadSafeContainerTypes = classListOption(
      Context, Name, "ThreadSafeContainerTypes", RawThreadSafeContainerTypes,
      "::tbb::concurrent_hash_map");
  ThreadClasses = classListOption(Context, Name, "ThreadClasses",
                                  RawThreadClasses, "::std::thread");
  ThreadJoinFunctions = nameListOption(
      Context, Name, "ThreadJoinFunctions", RawThreadJoinFunctions,
      "a method name such as '::app::Service::StopThreads'");
  for (std::string &Start : nameListOption(
           Context, Name, "ThreadStartFunctions", RawThreadStartFunctions,
           "a function name such as '::std::async', a method name such as "
           "'Pool::submit' or 'submit'"))
    (StringRef(Start).contains("::") ? ThreadStartFunctions
                                     : ThreadStartMethods)
        .push_back(std::move(Start));
  llvm::SmallVector<StringRef, 16> Entries;
  StringRef(RawEraseMethods).split(Entries, ';', -1, false);
  for (StringRef Entry : Entries) {
    Entry = Entry.trim();
    if (Entry.empty())
      continue;
    if (Entry == "operator=") {
      Collector->Words.EraseByAssignment = true;
    } else if (Entry.find("::") != StringRef::npos && isQualifiedName(Entry)) {
      Collector->Words.EraseFunctionNames.push_back(Entry.str());
    } else if (isQualifiedName(Entry.substr(
                   0, Entry.size() - (Entry.back() == '*' ? 1 : 0)))) {
      Collector->Words.EraseMethodNames.push_back(Entry.str());
    } else {
      configurationDiag("invalid entry '%0' in option 'EraseMethods' of %1: "
                        "expected a method name, a prefix ending in '*', "
                        "'operator=' or a qualified function name; the entry "
                        "is ignored")
          << Entry << Name;
    }
  }
  std::string Error;
  if (!llvm::Regex(RawLockedFunctionPattern).isValid(Error))
    configurationDiag("invalid regular expression '%0' in option "
                      "'LockedFunctionPattern' of %1 (%2); no function "
                      "name is taken to mean the lock is held")
        << RawLockedFunctionPattern << Name << Error;
}

UnlockedEraseCheck::~UnlockedEraseCheck() = default;

void UnlockedEraseCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "MutexTypes", RawMutexTypes);
  Options.store(Opts, "LockGuardTypes", RawLockGuardTypes);
  Options.store(Opts, "SharedLockGuardTypes", RawSharedLockGuardTypes);
  Options.store(Opts, "EraseMethods", RawEraseMethods);
  Options.store(Opts, "LockedFunctionPattern", RawLockedFunctionPattern);
  Options.store(Opts, "ThreadSafeContainerTypes", RawThreadSafeContainerTypes);
  Options.store(Opts, "ThreadStartFunctions", RawThreadStartFunctions);
  Options.store(Opts, "ThreadClasses", RawThreadClasses);
  Options.store(Opts, "ThreadJoinFunctions", RawThreadJoinFunctions);
  compat::storeBool(Options, Opts, "InferFromUsage", InferFromUsage);
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
}

void UnlockedEraseCheck::registerPPCallbacks(const SourceManager &,
                                             Preprocessor *PP, Preprocessor *) {
  Inserter.registerPreprocessor(PP);
}

namespace {

std::vector<StringRef> refs(const std::vector<std::string> &Names) {
  return std::vector<StringRef>(Names.begin(), Names.end());
}

/// A type that names a class \p Record matches, through sugar.
template <typename RecordMatcher> auto desugared(const RecordMatcher &Record) {
  return qualType(
      hasUnqualifiedDesugaredType(recordType(hasDeclaration(Record))));
}

/// The type of a lock guard: a class of \p Guards or one declared
/// `scoped_lockable`.
auto guardType(const std::vector<std::string> &Guards) {
  return desugared(
      cxxRecordDecl(anyOf(hasAnyName(refs(Guards)), isAnnotatedGuard())));
}

/// lock()/unlock() on a mutex (of \p MutexTypes or annotated) or on a guard
/// (of \p Guards or annotated), and std::lock(a, b).
auto lockCall(const std::vector<std::string> &MutexTypes,
              const std::vector<std::string> &Guards) {
  static const llvm::StringSet<> LockMethods = [] {
    llvm::StringSet<> All;
    for (const StringRef Name : locks::conventionalLockMethods())
      All.insert(Name);
    return All;
  }();
  const auto MutexType = desugared(cxxRecordDecl(anyOf(
      isSameOrDerivedFrom(hasAnyName(refs(MutexTypes))), isAnnotatedMutex())));
  const auto GuardType = guardType(Guards);
  return expr(
      anyOf(cxxMemberCallExpr(
                callee(cxxMethodDecl(hasIdentifierIn(&LockMethods))),
                on(expr(anyOf(hasType(MutexType), hasType(pointsTo(MutexType)),
                              hasType(GuardType))))),
            callExpr(callee(
                cxxDependentScopeMemberExpr(dependentMemberIn(&LockMethods)))),
            callExpr(callee(
                functionDecl(anyOf(hasAnyName("::std::lock", "::std::try_lock"),
                                   declaresLockEffects()))))));
}

/// An argument that is a lambda run on another thread: written in the call
/// or held in a local variable.
auto threadLambdaArgument() {
  const auto ClosureVar =
      varDecl(hasAutomaticStorageDuration(),
              holdsItsOwnLambda(lambdaExpr().bind(ThreadLambdaId)));
  const auto ClosureRef = declRefExpr(to(ClosureVar));
  return hasAnyArgument(
      expr(anyOf(lambdaExpr().bind(ThreadLambdaId), ClosureRef,
                 callExpr(callee(functionDecl(hasName("::std::move"))),
                          hasArgument(0, ClosureRef)))));
}

} // namespace

MatcherList UnlockedEraseCheck::threadStartForms() const {
  MatcherList Forms;
  if (!ThreadStartFunctions.empty())
    Forms.push_back(functionDecl(hasAnyName(refs(ThreadStartFunctions))));
  if (!ThreadStartMethods.empty())
    Forms.push_back(cxxMethodDecl(hasAnyName(refs(ThreadStartMethods))));
  return Forms;
}

void UnlockedEraseCheck::registerMatchers(MatchFinder *Finder) {
  TU = std::make_unique<Facts>();
  Collector->F = TU.get();
  Collector->Words.AllGuardTypes = LockGuardTypes;
  Collector->Words.AllGuardTypes.insert(
      Collector->Words.AllGuardTypes.end(),
      Collector->Words.SharedLockGuardTypes.begin(),
      Collector->Words.SharedLockGuardTypes.end());
  CodeWalk::registerRoots(*Finder, this);
  registerCallMatchers();
}

/// The matchers visitStatement() runs on the calls and thread constructions
/// that mayMatch() lets through, and the callee names that test reads. Helper
/// calls need no matcher (recordHelperCall).
void UnlockedEraseCheck::registerCallMatchers() {
  CallMatchers = std::make_unique<MatchFinder>();
  for (const StringRef Name : locks::conventionalLockMethods())
    CalleeNames.insert(Name);
  CalleeNames.insert("lock");
  CalleeNames.insert("try_lock");
  for (const auto *Names :
       {&ThreadStartFunctions, &ThreadStartMethods, &ThreadClasses})
    for (const std::string &Name : *Names)
      CalleeNames.insert(lastPart(Name));
  MatcherList CallForms = {
      lockCall(MutexTypes, Collector->Words.AllGuardTypes).bind(LockCallId)};
  if (!ThreadClasses.empty()) {
    CalleeNames.insert("join");
    CallForms.push_back(callExpr(callee(cxxMethodDecl(
                                     hasName("join"),
                                     ofClass(hasAnyName(refs(ThreadClasses))))))
                            .bind(JoinId));
    // A thread object constructed with a function starts a thread.
    CallMatchers->addMatcher(
        cxxConstructExpr(hasDeclaration(cxxConstructorDecl(
                             ofClass(hasAnyName(refs(ThreadClasses))))),
                         hasArgument(0, expr()),
                         optionally(threadLambdaArgument()))
            .bind(ThreadStartId),
        this);
  }
  const MatcherList StartForms = threadStartForms();
  // std::launch::deferred runs the function in get(), on the caller's thread.
  const auto Deferred =
      declRefExpr(to(enumConstantDecl(hasName("::std::launch::deferred"))));
  if (!StartForms.empty())
    CallForms.push_back(
        callExpr(callee(functionDecl(anyOfForms<Decl>(StartForms))),
                 threadLambdaArgument(), unless(hasArgument(0, Deferred))));
  CallMatchers->addMatcher(callExpr(eachOfForms<CallExpr>(CallForms)), this);
}

bool UnlockedEraseCheck::mayMatch(const CallExpr *Call) const {
  const Expr *Callee = Call->getCallee();
  if (!Callee)
    return false;
  Callee = Callee->IgnoreParenImpCasts();
  if (const auto *Dependent = dyn_cast<CXXDependentScopeMemberExpr>(Callee)) {
    const IdentifierInfo *Id = Dependent->getMember().getAsIdentifierInfo();
    return Id && CalleeNames.count(Id->getName());
  }
  const FunctionDecl *Fn = Call->getDirectCallee();
  if (!Fn)
    return false;
  if (Fn->hasAttrs() && !locks::declaredEffects(Fn).empty())
    return true;
  const IdentifierInfo *Id = Fn->getIdentifier();
  return Id && CalleeNames.count(Id->getName());
}

void UnlockedEraseCheck::enterFunction(const FunctionDecl *Fn) {
  Collector->enterFunction(Fn);
}

void UnlockedEraseCheck::enterLambda(const LambdaExpr *Lambda) {
  Collector->enterLambda(Lambda);
}

void UnlockedEraseCheck::visitStatement(const Stmt *S) {
  Collector->visitStatement(S);
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    // A call the code spells, not an implicit conversion.
    if (Call->IgnoreUnlessSpelledInSource() == Call && mayMatch(Call))
      CallMatchers->match(*Call, *TU->Ctx);
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
    if (constructsClassNamed(Construct, CalleeNames))
      CallMatchers->match(*Construct, *TU->Ctx);
  }
}

void UnlockedEraseCheck::check(const MatchFinder::MatchResult &Result) {
  TU->Ctx = Result.Context;
  if (!Walk.walkRoot(Result.Nodes, *this))
    recordCall(Result.Nodes);
}

void UnlockedEraseCheck::recordCall(const BoundNodes &Nodes) {
  const SourceManager &SM = TU->Ctx->getSourceManager();
  if (const auto *Start = Nodes.getNodeAs<CXXConstructExpr>(ThreadStartId))
    TU->ThreadStarts.push_back(span(SM, Start->getSourceRange()).first);
  if (const auto *Lambda = Nodes.getNodeAs<LambdaExpr>(ThreadLambdaId))
    TU->ThreadLambdas.insert(Lambda);
  if (Nodes.getNodeAs<Expr>(ThreadStartId) ||
      Nodes.getNodeAs<LambdaExpr>(ThreadLambdaId))
    return;
  if (const auto *Join = Nodes.getNodeAs<CallExpr>(JoinId)) {
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Join);
    if (const FieldDecl *Thread =
            Member ? threadMember(Member->getImplicitObjectArgument())
                   : nullptr)
      TU->Joins.push_back({Thread, span(SM, Join->getSourceRange()).first});
    return;
  }
  if (const auto *Call = Nodes.getNodeAs<CallExpr>(LockCallId))
    TU->LockCalls.push_back(Call);
}

namespace {

/// Speaks for the check: the warning, its notes and fix-its.
class UnlockedEraseReporter {
public:
  UnlockedEraseReporter(ClangTidyCheck &Check, utils::IncludeInserter &Inserter,
                        UnlockedEraseFinder &Finder,
                        const LangOptions &LangOpts)
      : Check(Check), Inserter(Inserter), Finder(Finder),
        SM(Finder.A.Ctx.getSourceManager()), LangOpts(LangOpts) {}

  void report(const Finding &F);

private:
  /// The guards the fixes write are declared in <mutex>.
  void includeMutex(std::vector<FixItHint> &Hints, SourceLocation At) {
    if (auto Include =
            Inserter.createIncludeInsertion(SM.getFileID(At), "<mutex>"))
      Hints.push_back(*Include);
  }
  void names(const Finding &F, std::string &ContainerText,
             std::string &MutexText) const;
  void reportShared(const Finding &F, SourceLocation Loc,
                    const std::string &ContainerText,
                    const std::string &MutexText);
  void reportUnheld(const Finding &F, SourceLocation Loc,
                    const std::string &ContainerText,
                    const std::string &MutexText);
  bool mayInsertGuard(const Finding &F) const;
  std::vector<FixItHint> guardInsertion(const Finding &F);

  ClangTidyCheck &Check;
  utils::IncludeInserter &Inserter;
  UnlockedEraseFinder &Finder;
  const SourceManager &SM;
  const LangOptions &LangOpts;
  llvm::SmallPtrSet<const VarDecl *, 4> FixedGuards;
};

/// The container and the mutex as the erase spells them (`other.m_` and
/// `other.mu_`), or by their names.
void UnlockedEraseReporter::names(const Finding &F, std::string &ContainerText,
                                  std::string &MutexText) const {
  const ValueDecl *Mutex = F.Why.Mutex;
  const ValueDecl *Decl = F.C.Decl;
  const Expr *Object = F.Erase->Object->IgnoreParenImpCasts();
  ContainerText = Decl->getNameAsString();
  MutexText = Mutex->getNameAsString();
  if (inMacro(Object->getSourceRange()))
    return;
  const StringRef Written = textOf(Object->getSourceRange(), SM, LangOpts);
  if (Written.empty() || Written.size() > 60)
    return;
  ContainerText = Written.str();
  if (isa<FieldDecl>(Mutex) && isa<MemberExpr>(Object) &&
      Written.size() > Decl->getName().size() &&
      Written.substr(Written.size() - Decl->getName().size()) ==
          Decl->getName())
    MutexText =
        (Written.drop_back(Decl->getName().size()) + Mutex->getName()).str();
}

void UnlockedEraseReporter::report(const Finding &F) {
  std::string ContainerText, MutexText;
  names(F, ContainerText, MutexText);
  SourceLocation Loc = F.Erase->Call->getExprLoc();
  if (const auto *Callee = dyn_cast<CXXDependentScopeMemberExpr>(
          cast<CallExpr>(F.Erase->Call)->getCallee()))
    Loc = Callee->getMemberLoc();
  if (F.Held == Hold::Shared)
    reportShared(F, Loc, ContainerText, MutexText);
  else
    reportUnheld(F, Loc, ContainerText, MutexText);
  Check.diag(F.Why.Loc,
             F.Why.Declared ? "'%0' is declared guarded by '%1' here"
                            : "'%0' is used with '%1' held here",
             DiagnosticIDs::Note)
      << F.C.Decl->getName() << F.Why.Mutex->getName();
}

void UnlockedEraseReporter::reportShared(const Finding &F, SourceLocation Loc,
                                         const std::string &ContainerText,
                                         const std::string &MutexText) {
  const ValueDecl *Mutex = F.Why.Mutex;
  const VarDecl *Guard = F.Via ? F.Via->Guard : nullptr;
  bool Fixed = false;
  {
    auto Diag =
        Check.diag(Loc, "'%0' modifies '%1' while '%2' is held only "
                        "shared; modifying it needs the lock exclusively")
        << F.Erase->Op << ContainerText << MutexText;
    if (Guard && !Guard->isReferenced() && !FixedGuards.count(Guard) &&
        Finder.A.functionAt(Finder.A.pos(Guard->getLocation())) == F.Fn &&
        locks::isStdMutex(Mutex->getType()) &&
        !Finder.heldByACaller(F.Fn, Mutex)) {
      const SourceRange TypeRange(Guard->getTypeSpecStartLoc(),
                                  Guard->getLocation());
      const size_t At =
          findWord(textOf(TypeRange, SM, LangOpts), "shared_lock");
      if (!inMacro(TypeRange) && At != StringRef::npos) {
        const SourceLocation Begin = TypeRange.getBegin().getLocWithOffset(At);
        std::vector<FixItHint> Hints = {FixItHint::CreateReplacement(
            CharSourceRange::getCharRange(
                Begin, Begin.getLocWithOffset(strlen("shared_lock"))),
            "unique_lock")};
        includeMutex(Hints, Begin);
        attachFix(Check, Diag, Loc,
                  "hold '" + MutexText + "' exclusively with a unique_lock",
                  Hints);
        FixedGuards.insert(Guard);
        Fixed = true;
      }
    }
  }
  if (Fixed)
    Check.diag(Guard->getLocation(), "the whole scope of %0 becomes exclusive",
               DiagnosticIDs::Note)
        << Guard;
  else if (F.Via && F.Via->Loc.isValid())
    Check.diag(F.Via->Loc, "'%0' is held only shared here", DiagnosticIDs::Note)
        << MutexText;
}

/// Whether a standard guard of the mutex can name it before the erase: a
/// statement of a block, outside macros, in a member function of the
/// mutex's object (or in the scope of a global mutex).
bool UnlockedEraseReporter::mayInsertGuard(const Finding &F) const {
  const ValueDecl *Mutex = F.Why.Mutex;
  const FunctionDecl *Fn = F.Fn->Fn;
  const auto *Global = dyn_cast<VarDecl>(Mutex);
  const bool Named =
      Fn && (isa<FieldDecl>(Mutex)
                 ? isThisBase(F.C.Base) && isa<CXXMethodDecl>(Fn) &&
                       !cast<CXXMethodDecl>(Fn)->isStatic()
                 : Global && Fn->getDeclContext()->getRedeclContext()->Encloses(
                                 Global->getDeclContext()->getRedeclContext()));
  return Finder.A.F.Blocks.lookup(F.Erase->Call) &&
         !inMacro(F.Erase->Call->getSourceRange()) && Named && F.OnlyGuard &&
         locks::isStdMutex(Mutex->getType());
}

/// Inserts the guard mayInsertGuard allows, where the statement is alone
/// on its line and a name for the guard is free.
std::vector<FixItHint>
UnlockedEraseReporter::guardInsertion(const Finding &F) {
  const ValueDecl *Mutex = F.Why.Mutex;
  const CompoundStmt *Block = Finder.A.F.Blocks.lookup(F.Erase->Call);
  const SourceRange Range = F.Erase->Call->getSourceRange();
  const std::pair<FileID, unsigned> Begin =
      SM.getDecomposedLoc(Range.getBegin());
  const StringRef Buffer = SM.getBufferData(Begin.first);
  const size_t LineStart = Buffer.rfind('\n', Begin.second) + 1;
  const StringRef Indent = Buffer.slice(LineStart, Begin.second);
  const SourceLocation AfterSemi = Lexer::findLocationAfterToken(
      Range.getEnd(), tok::semi, SM, LangOpts, false);
  const StringRef FnText = textOf(F.Fn->Body->getSourceRange(), SM, LangOpts);
  const char *Name = nullptr;
  for (const char *Candidate : {"lock", "guard", "lock_", "mutex_lock"})
    if (findWord(FnText, Candidate) == StringRef::npos) {
      Name = Candidate;
      break;
    }
  if (!Name || AfterSemi.isInvalid() ||
      Indent.find_first_not_of(" \t") != StringRef::npos ||
      SM.getSpellingLineNumber(Range.getBegin()) !=
          SM.getSpellingLineNumber(Range.getEnd()))
    return {};
  // std::scoped_lock from C++17, std::lock_guard before.
  const std::string Call =
      std::string(Name) + "(" + Mutex->getName().str() + ");";
  const std::string Lock =
      LangOpts.CPlusPlus17 ? "std::scoped_lock " + Call
                           : "std::lock_guard<" +
                                 Mutex->getType()
                                     .getUnqualifiedType()
                                     .getCanonicalType()
                                     .getAsString(PrintingPolicy(LangOpts)) +
                                 "> " + Call;
  std::vector<FixItHint> Hints;
  if (Block->body_back() == F.Erase->Call) {
    Hints.push_back(FixItHint::CreateInsertion(Range.getBegin(),
                                               Lock + "\n" + Indent.str()));
  } else {
    Hints.push_back(FixItHint::CreateInsertion(
        Range.getBegin(),
        ("{\n" + Indent + "  " + Lock + "\n" + Indent + "  ").str()));
    Hints.push_back(
        FixItHint::CreateInsertion(AfterSemi, ("\n" + Indent + "}").str()));
  }
  includeMutex(Hints, Range.getBegin());
  return Hints;
}

void UnlockedEraseReporter::reportUnheld(const Finding &F, SourceLocation Loc,
                                         const std::string &ContainerText,
                                         const std::string &MutexText) {
  const ValueDecl *Mutex = F.Why.Mutex;
  // Why no guard is inserted, when a lock on this path could deadlock.
  enum { NoRisk, LockedInFunction, LockedByCaller } Risk = NoRisk;
  const bool MayFix = mayInsertGuard(F);
  if (MayFix && Finder.A.anyAcquireIn(F.Fn, Mutex))
    Risk = LockedInFunction;
  else if (MayFix && Finder.heldByACaller(F.Fn, Mutex))
    Risk = LockedByCaller;
  bool Fixed = false;
  {
    auto Diag = Check.diag(Loc, "'%0' modifies '%1' without holding '%2', the "
                                "mutex that guards it")
                << F.Erase->Op << ContainerText << MutexText;
    if (MayFix && Risk == NoRisk) {
      const std::vector<FixItHint> Hints = guardInsertion(F);
      Fixed = !Hints.empty();
      attachFix(Check, Diag, Loc,
                "hold '" + MutexText + "' with a guard around this statement",
                Hints);
    }
  }
  if (F.Unheld)
    Check.diag(F.Unheld->Loc, "%0 is called here without '%1' held",
               DiagnosticIDs::Note)
        << F.Fn->Fn << MutexText;
  if (Risk == LockedInFunction)
    Check.diag(Loc,
               "'%0' is also locked elsewhere in this function; a guard added "
               "here must not overlap that lock",
               DiagnosticIDs::Note)
        << MutexText;
  else if (Risk == LockedByCaller)
    Check.diag(Loc,
               "some callers of %0 hold '%1' already; a guard added here "
               "would deadlock them",
               DiagnosticIDs::Note)
        << F.Fn->Fn << MutexText;
  else if (!Fixed)
    Check.diag(Loc, "hold '%0' while calling '%1'", DiagnosticIDs::Note)
        << MutexText << F.Erase->Op;
  if (const FunctionRec *Thread =
          Finder.A.threadAt(Finder.A.pos(F.Erase->Call->getExprLoc())))
    Check.diag(Thread->Lambda->getBeginLoc(),
               "this lambda runs on another thread: the locks held where it "
               "is written do not protect it",
               DiagnosticIDs::Note);
}

} // namespace

void UnlockedEraseCheck::onEndOfTranslationUnit() {
  const std::unique_ptr<Facts> Done = std::move(TU);
  TU = std::make_unique<Facts>();
  Collector->F = TU.get();
  Walk.reset();
  if (!Done->Ctx || Done->Erases.empty() ||
      Done->Ctx->getDiagnostics().hasUncompilableErrorOccurred())
    return;
  llvm::Regex Pattern(RawLockedFunctionPattern);
  std::string Error;
  Done->ThreadClasses = ThreadClasses;
  Done->ThreadJoinFunctions = ThreadJoinFunctions;
  LockModel A(*Done, InferFromUsage,
              Pattern.isValid(Error) ? &Pattern : nullptr);
  A.build();
  UnlockedEraseFinder Finder(A, ThreadSafeContainerTypes);
  UnlockedEraseReporter Reporter(*this, Inserter, Finder, getLangOpts());
  for (const EraseRec &Erase : Done->Erases)
    if (const compat::Optional<Finding> F = Finder.decide(Erase))
      Reporter.report(*F);
}

} // namespace clang::tidy::safedelete
