//===--- EraseDuringIterationCheck.cpp - safedelete -----------------------===//
//
// The check: its options and matchers, the questions it asks the model
// (EraseDuringIterationModel.h) about each loop, and the diagnostics it
// reports with the fixes EraseDuringIterationFixes.h builds.
//
//===----------------------------------------------------------------------===//

#include "EraseDuringIterationCheck.h"
#include "EraseDuringIterationFixes.h"
#include "EraseDuringIterationModel.h"
#include "support/CheckOptions.h"
#include "support/ExprIdentity.h"
#include "support/FixIt.h"
#include "support/Flow.h"
#include "support/NameList.h"
#include "support/SourceText.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::safedelete {

using namespace erase_during_iteration;

namespace {

constexpr char RangeForId[] = "range-for";
constexpr char IterLoopId[] = "iterator-loop";
constexpr char ForEachId[] = "for-each";
constexpr char EraseId[] = "erase";

bool namedForEach(const NamedDecl *D) {
  const IdentifierInfo *Name = D ? D->getIdentifier() : nullptr;
  return Name && (Name->isStr("for_each") || Name->isStr("for_each_n"));
}

/// A call of something named `for_each` or `for_each_n`: a function, or the
/// call operator of a variable (`std::ranges::for_each` is a function object
/// in the standard libraries). One cheap test for every call of the
/// translation unit; check() reads the namespace.
AST_MATCHER(CallExpr, isForEachCall) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Node)) {
    if (Op->getOperator() != OO_Call || Op->getNumArgs() < 3)
      return false;
    const auto *Ref =
        dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreImplicit()->IgnoreParens());
    return Ref && isa<VarDecl>(Ref->getDecl()) && namedForEach(Ref->getDecl());
  }
  return Node.getNumArgs() >= 2 && Node.getNumArgs() <= 4 &&
         namedForEach(Node.getDirectCallee());
}

} // namespace

EraseDuringIterationCheck::EraseDuringIterationCheck(StringRef Name,
                                                     ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      RawContainerTypes(Options.get("ContainerTypes", "")),
      RawEraseMethods(Options.get("EraseMethods", "")),
      RawFixMode(Options.get("FixMode", "erase_if")) {
  Containers.addListed(classListOption(Context, Name, "ContainerTypes",
                                       RawContainerTypes, "::my::Map"));
  const char *const MethodName = "a member function name such as 'remove'";
  for (const std::string &Method : nameListOption(Context, Name, "EraseMethods",
                                                  RawEraseMethods, MethodName))
    if (Method.find("::") == std::string::npos)
      EraseMethods.push_back(Method);
    else
      configurationDiag("invalid entry '%0' in option 'EraseMethods' of %1: "
                        "expected %2; the entry is ignored")
          << Method << Name << MethodName;
  CheckInsertions = boolOption(Context, Options, Name, "CheckInsertions", true);
  if (RawFixMode == "iterator-loop")
    Fix = FixKind::IteratorLoop;
  else if (RawFixMode == "none")
    Fix = FixKind::None;
  else if (RawFixMode != "erase_if")
    configurationDiag("invalid value '%0' for option 'FixMode' of %1: "
                      "expected 'erase_if', 'iterator-loop' or 'none'; "
                      "'erase_if' is used")
        << RawFixMode << Name;
}

void EraseDuringIterationCheck::storeOptions(
    ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "ContainerTypes", RawContainerTypes);
  Options.store(Opts, "EraseMethods", RawEraseMethods);
  compat::storeBool(Options, Opts, "CheckInsertions", CheckInsertions);
  Options.store(Opts, "FixMode", RawFixMode);
}

bool EraseDuringIterationCheck::firstReport(SourceLocation Loc) {
  return Reported.insert(Loc.getRawEncoding()).second;
}

void EraseDuringIterationCheck::registerMatchers(MatchFinder *Finder) {
  const std::vector<std::string> Names = Containers.qualifiedNames();
  const std::vector<StringRef> NameRefs(Names.begin(), Names.end());
  const auto ContainerType =
      qualType(hasUnqualifiedDesugaredType(recordType(hasDeclaration(
          cxxRecordDecl(isSameOrDerivedFrom(hasAnyName(NameRefs)))))));
  const auto NotSystem = unless(isExpansionInSystemHeader());

  // Cheap tests first: the kind and the arguments, then the callee's name,
  // and only then where the node is spelled.
  Finder->addMatcher(
      cxxForRangeStmt(NotSystem, hasRangeInit(expr(hasType(ContainerType))))
          .bind(RangeForId),
      this);
  Finder->addMatcher(forStmt(hasCondition(expr()), NotSystem).bind(IterLoopId),
                     this);
  Finder->addMatcher(whileStmt(NotSystem).bind(IterLoopId), this);
  Finder->addMatcher(doStmt(NotSystem).bind(IterLoopId), this);
  Finder->addMatcher(callExpr(isForEachCall(), NotSystem).bind(ForEachId),
                     this);
  Finder->addMatcher(
      cxxMemberCallExpr(argumentCountIs(1),
                        callee(cxxMethodDecl(hasName("erase"))), NotSystem,
                        on(expr(anyOf(hasType(ContainerType),
                                      hasType(pointsTo(ContainerType))))))
          .bind(EraseId),
      this);
}

void EraseDuringIterationCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Context = *Result.Context;
  if (Context.getDiagnostics().hasUncompilableErrorOccurred())
    return;
  if (const auto *Loop = Result.Nodes.getNodeAs<Stmt>(RangeForId))
    checkRangeFor(Loop, Context);
  else if (const auto *Loop = Result.Nodes.getNodeAs<Stmt>(IterLoopId))
    checkIteratorLoop(Loop, Context);
  else if (const auto *Call = Result.Nodes.getNodeAs<Expr>(ForEachId))
    checkForEach(Call, Context);
  else if (const auto *Call = Result.Nodes.getNodeAs<Expr>(EraseId))
    checkPostIncrementErase(Call, Context);
}

namespace {

constexpr char RemovalInLoop[] =
    "'%0' on '%1' inside a loop over '%2' invalidates the loop's iterator";
constexpr char InsertionInLoop[] =
    "'%0' on '%1' inside a loop over '%2' may invalidate the loop's "
    "iterator";

/// The text of the container a modification is made on.
StringRef objectText(const Touch &T, const ASTContext &Context) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(T.Call);
  const Expr *Object =
      Member ? Member->getImplicitObjectArgument() : T.Call->getArg(0);
  return textOf(ignoreCopies(Object)->getSourceRange(), Context);
}
constexpr char LoopStarts[] = "loop over '%0' starts here";
/// The title of the iterator loop's fix.
constexpr char AdvanceUnlessErased[] =
    "take the iterator erase returns; advance only when nothing was erased";

/// The safe form of a modification inside a loop over the same container.
void noteSafeForm(ClangTidyCheck &Check, const Touch &T,
                  const ASTContext &Context) {
  const SourceLocation Loc = T.Call->getExprLoc();
  const StringRef Container = objectText(T, Context);
  if (T.Inserts) {
    Check.diag(Loc, "collect the new elements and insert them after the loop",
               DiagnosticIDs::Note);
    return;
  }
  static constexpr const char *Erasures[] = {
      "erase",     "erase_after", "extract",    "remove",
      "remove_if", "unique",      "std::erase", "std::erase_if"};
  if (isOneOf(T.Name, Erasures) ||
      !T.Name.empty() && !isOneOf(T.Name, RemovalMethods) &&
          !isOneOf(T.Name, ShiftingRemovals) && T.Name != "operator=" &&
          T.Name != "std::swap")
    Check.diag(Loc,
               "collect what to remove and erase it after the loop, or "
               "iterate with 'it = %0.erase(it)' and advance only when "
               "nothing was erased",
               DiagnosticIDs::Note)
        << Container;
  else
    Check.diag(Loc,
               "leave the loop right after modifying '%0' or modify it after "
               "the loop",
               DiagnosticIDs::Note)
        << Container;
}

/// Reports \p T, a modification inside a range-based loop or a `for_each`
/// callback (with no fix-it), with its notes.
void reportTouch(ClangTidyCheck &Check, const Touch &T, SourceLocation LoopLoc,
                 StringRef ContainerText, const ASTContext &Context) {
  if (T.Callee) {
    Check.diag(T.Call->getExprLoc(),
               "%0 modifies '%1' inside a loop over it, which invalidates the "
               "loop's iterator")
        << T.Callee->getDeclName() << ContainerText;
    Check.diag(LoopLoc, LoopStarts, DiagnosticIDs::Note) << ContainerText;
    Check.diag(T.Inner->getExprLoc(), "'%0' is called here",
               DiagnosticIDs::Note)
        << T.Name;
    return;
  }
  Check.diag(T.Call->getExprLoc(), T.Inserts ? InsertionInLoop : RemovalInLoop)
      << T.Name << objectText(T, Context) << ContainerText;
  Check.diag(LoopLoc, LoopStarts, DiagnosticIDs::Note) << ContainerText;
  noteSafeForm(Check, T, Context);
}

/// Whether \p E is, somewhere in \p S, a statement of its own: an element
/// of a block or the body of an if, a loop or a label.
bool isStatementIn(const Stmt *S, const Expr *E) {
  if (!S || isa<Expr>(S))
    return false;
  llvm::SmallVector<const Stmt *, 4> Bodies;
  if (const auto *Block = dyn_cast<CompoundStmt>(S))
    Bodies.append(Block->body_begin(), Block->body_end());
  else if (const auto *If = dyn_cast<IfStmt>(S))
    Bodies = {If->getThen(), If->getElse()};
  else if (const Stmt *Body = loopParts(S).Body)
    Bodies = {Body};
  else if (const auto *Label = dyn_cast<LabelStmt>(S))
    Bodies = {Label->getSubStmt()};
  else if (const auto *Case = dyn_cast<SwitchCase>(S))
    Bodies = {Case->getSubStmt()};
  else if (const auto *Switch = dyn_cast<SwitchStmt>(S))
    Bodies = {Switch->getBody()};
  else if (const auto *Try = dyn_cast<CXXTryStmt>(S))
    Bodies = {Try->getTryBlock()};
  for (const Stmt *Body : Bodies) {
    const auto *Full = dyn_cast_or_null<Expr>(Body);
    if (Full && Full->IgnoreImplicit() == E)
      return true;
    if (isStatementIn(Body, E))
      return true;
  }
  if (const auto *Try = dyn_cast<CXXTryStmt>(S))
    for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
      if (isStatementIn(Try->getHandler(I)->getHandlerBlock(), E))
        return true;
  return false;
}

} // namespace

void EraseDuringIterationCheck::checkRangeFor(const Stmt *S,
                                              ASTContext &Context) {
  const auto *Loop = cast<CXXForRangeStmt>(S);
  const Expr *Init = Loop->getRangeInit();
  const VarDecl *LoopVar = Loop->getLoopVariable();
  if (!Init || !LoopVar)
    return;
  const Family Kind = familyOf(Init->getType(), Containers);
  const ContainerRef Container = resolve(Init, 0);
  if (!Kind.Known || !isSideEffectFreeAccess(Container.Base))
    return;
  const StringRef ContainerText = textOf(Init->getSourceRange(), Context);

  llvm::SmallVector<Touch, 2> Touches;
  forEachCall(Loop->getBody(), [&](const CallExpr *Call) {
    compat::Optional<Touch> T = touchOf(Call, EraseMethods);
    if (!T) {
      // The functions the loop calls may modify the container too.
      if (compat::Optional<Touch> Through = touchThrough(
              Call, Container, Kind, LoopVar, Context, EraseMethods))
        Touches.push_back(*Through);
      return;
    }
    if (!(sameContainer(T->Object, Container) ||
          sameContainer(T->Other, Container)))
      return;
    if (T->Shifting && !Kind.Shifting)
      return;
    if (T->Inserts &&
        (!CheckInsertions || !Kind.InsertInvalidates ||
         (T->Subscript && (Kind.Shifting || !Kind.Pairs ||
                           isCurrentKey(Call->getArg(1), LoopVar)))))
      return;
    if (!Kind.Shifting && sparesCurrent(*T, LoopVar, EraseMethods))
      return;
    Touches.push_back(*T);
  });
  if (Touches.empty())
    return;

  LoopFlow Flow(Loop, Context);
  if (!Flow.valid())
    return;
  for (const Touch &T : Touches) {
    llvm::SmallVector<const Stmt *, 1> Hits;
    // Silent when every path leaves the loop before its next iteration.
    if (!Flow.walk(
            T.Call, /*ScanHead=*/false,
            [](const Stmt *) { return LoopFlow::Step::Continue; }, Hits) ||
        !firstReport(T.Call->getExprLoc()))
      continue;
    std::string Replacement;
    SourceLocation ReplaceEnd;
    if (!T.Callee && Touches.size() == 1 && Fix != FixKind::None &&
        !T.Inserts && T.Name == "erase" && Kind.UniqueKeyStd &&
        !isInstantiated(LoopVar) && !inMacro(Loop->getSourceRange()))
      Replacement =
          rangeForFix(Loop, T, ContainerText, Kind, Fix, Context, ReplaceEnd);
    if (Replacement.empty()) {
      reportTouch(*this, T, Loop->getBeginLoc(), ContainerText, Context);
      continue;
    }
    const bool EraseIf =
        Fix == FixKind::EraseIf && Context.getLangOpts().CPlusPlus20;
    {
      auto Diag = diag(T.Call->getExprLoc(), RemovalInLoop)
                  << T.Name << objectText(T, Context) << ContainerText;
      attachFix(
          *this, Diag, Loop->getBeginLoc(),
          EraseIf ? "replace the loop with std::erase_if"
                  : "rewrite the loop over iterators",
          FixItHint::CreateReplacement(
              CharSourceRange::getCharRange(Loop->getBeginLoc(), ReplaceEnd),
              Replacement));
    }
    diag(Loop->getBeginLoc(), LoopStarts, DiagnosticIDs::Note) << ContainerText;
  }
}

namespace {

/// Reports a call of a function that erases through the loop's container.
void reportEraseThrough(ClangTidyCheck &Check, const IteratorLoop &L,
                        const EraseSite &S, const Stmt *Hit) {
  Check.diag(S.Call->getExprLoc(),
             "%0 modifies '%1' and invalidates %2, which is used again "
             "before it is reassigned")
      << S.Through.Callee->getDeclName() << L.ContainerText << L.It;
  Check.diag(L.Loop->getBeginLoc(), LoopStarts, DiagnosticIDs::Note)
      << L.ContainerText;
  Check.diag(S.Through.Inner->getExprLoc(), "'%0' is called here",
             DiagnosticIDs::Note)
      << S.Through.Name;
  Check.diag(Hit->getBeginLoc(), "%0 is used here after being invalidated",
             DiagnosticIDs::Note)
      << L.It;
}

/// The notes of a site's warning: where the loop starts and where the
/// iterator is then misused, at \p Hit, as \p HitNote says.
void noteLoopAndHit(ClangTidyCheck &Check, const IteratorLoop &L,
                    const Stmt *Hit, StringRef HitNote) {
  Check.diag(L.Loop->getBeginLoc(), LoopStarts, DiagnosticIDs::Note)
      << L.ContainerText;
  Check.diag(Hit->getBeginLoc(), HitNote, DiagnosticIDs::Note) << L.It;
}

/// Reports `it = c.erase(it)` followed by an increment of `it`.
void reportIncrementAfterErase(ClangTidyCheck &Check, const IteratorLoop &L,
                               const EraseSite &S, const Stmt *Hit,
                               const std::vector<FixItHint> &Hints) {
  {
    auto Diag = Check.diag(S.Call->getExprLoc(),
                           "'%0' already moves %1 to the next element; the "
                           "increment that follows skips that element and "
                           "can step past the end of '%2'")
                << S.Name << L.It << L.ContainerText;
    attachFix(Check, Diag, S.Call->getExprLoc(), AdvanceUnlessErased, Hints);
  }
  noteLoopAndHit(Check, L, Hit, "%0 is incremented here");
  if (Hints.empty())
    Check.diag(S.Call->getExprLoc(),
               "advance %0 only when nothing was erased: 'if (...) %1 = "
               "%2.erase(%1); else ++%1;'",
               DiagnosticIDs::Note)
        << L.It << L.It->getName() << L.ContainerText;
}

/// Reports `c.erase(it)` or `c.clear()` followed by a use of `it`; with
/// \p StepInCall (returnsNothing), the way on is `c.erase(it++)`.
void reportUseAfterErase(ClangTidyCheck &Check, const IteratorLoop &L,
                         const EraseSite &S, const Stmt *Hit,
                         const std::vector<FixItHint> &Hints, bool StepInCall) {
  {
    auto Diag = Check.diag(S.Call->getExprLoc(),
                           "'%0' on '%1' invalidates %2, which is used again "
                           "before it is reassigned")
                << S.Name << L.ContainerText << L.It;
    attachFix(Check, Diag, S.Call->getExprLoc(), AdvanceUnlessErased, Hints);
  }
  noteLoopAndHit(Check, L, Hit, "%0 is used here after being invalidated");
  if (S.ErasesNext)
    Check.diag(S.Call->getExprLoc(),
               "'erase(++%0)' removes the element after the one %1 stood on "
               "and leaves %1 on the removed element",
               DiagnosticIDs::Note)
        << L.It->getName() << L.It;
  else if (Hints.empty() && S.Name == "clear")
    Check.diag(S.Call->getExprLoc(),
               "leave the loop right after 'clear' or restart it from "
               "'%0.begin()'",
               DiagnosticIDs::Note)
        << L.ContainerText;
  else if (Hints.empty())
    Check.diag(S.Call->getExprLoc(),
               "%select{continue from the iterator 'erase' returns: '%0 = "
               "%1.erase(%0)'|step past the element as it goes: "
               "'%1.erase(%0++)'}2, and advance only when nothing was erased",
               DiagnosticIDs::Note)
        << L.It->getName() << L.ContainerText << StepInCall;
}

/// Reports an insertion that may reallocate or rehash the container,
/// followed by a use of the loop's iterator.
void reportInsertion(ClangTidyCheck &Check, const IteratorLoop &L,
                     const EraseSite &S, const Stmt *Hit, const Family &Kind,
                     ASTContext &Context) {
  const bool Hashed = Kind.Info.Kind == ContainerKind::Hashed;
  const std::vector<FixItHint> Hints = insertionFix(L, S, Context);
  {
    auto Diag = Check.diag(S.Call->getExprLoc(),
                           "'%0' on '%1' may %select{reallocate|rehash}2 it "
                           "and invalidate %3, which is used again before it "
                           "is reassigned")
                << S.Name << L.ContainerText << Hashed << L.It;
    attachFix(Check, Diag, S.Call->getExprLoc(),
              "continue from the iterator insert returns", Hints);
  }
  noteLoopAndHit(Check, L, Hit, "%0 is used here after being invalidated");
  if (Hints.empty())
    Check.diag(S.Call->getExprLoc(),
               "collect the new elements and add them after the loop, or "
               "continue from the iterator 'insert' returns",
               DiagnosticIDs::Note);
}

} // namespace

void EraseDuringIterationCheck::checkIteratorLoop(const Stmt *Loop,
                                                  ASTContext &Context) {
  ContainerRef Container;
  const Expr *Object = nullptr;
  const ValueDecl *It = iteratorOf(loopParts(Loop).Condition,
                                   loopParts(Loop).Body, Container, Object);
  if (!It || !isSideEffectFreeAccess(Container.Base))
    return;
  QualType ObjectType = Object->getType();
  if (ObjectType->isPointerType() && Container.Derefs > 0)
    ObjectType = ObjectType->getPointeeType();
  const Family Kind = familyOf(ObjectType, Containers);
  if (!Kind.Known)
    return;
  const Stmt *Body = loopParts(Loop).Body;
  const IteratorWrites W = writesOf(Loop, It);
  llvm::SmallVector<EraseSite, 2> Sites =
      eraseSitesOf(Body, It, Container, Kind, W, Context, EraseMethods);
  if (CheckInsertions && Kind.InsertInvalidates) {
    const llvm::SmallVector<EraseSite, 2> Insertions =
        insertionSitesOf(Body, Container, Kind, W);
    if (!Insertions.empty() && !reservedBefore(Loop, Container, Context))
      Sites.append(Insertions.begin(), Insertions.end());
  }
  if (Sites.empty())
    return;

  LoopFlow Flow(Loop, Context);
  if (!Flow.valid())
    return;
  const IteratorLoop L{Loop, It, textOf(Object->getSourceRange(), Context)};
  for (const EraseSite &S : Sites) {
    const llvm::SmallVector<const Stmt *, 2> Hits = hitsAfter(Flow, S, W, It);
    if (Hits.empty() || !firstReport(S.Call->getExprLoc()))
      continue;
    if (S.Through.Callee) {
      reportEraseThrough(*this, L, S, Hits.front());
      continue;
    }
    if (S.Inserts) {
      reportInsertion(*this, L, S, Hits.front(), Kind, Context);
      continue;
    }
    std::vector<FixItHint> Hints;
    const bool StepInCall = returnsNothing(S, Kind);
    // A bound saved before the loop (`end`, `last`) of a shifting container
    // moves with the erase: continuing from erase's result is not enough.
    if (Fix != FixKind::None && S.Name == "erase" &&
        (!Kind.Shifting || isWithin(loopParts(Loop).Condition, Object)))
      Hints = iteratorLoopFix(
          Loop, It, S.Call, S.Assignment ? S.Assignment : S.Call,
          S.Assignment != nullptr, StepInCall, Hits, Context);
    if (S.Assignment)
      reportIncrementAfterErase(*this, L, S, Hits.front(), Hints);
    else
      reportUseAfterErase(*this, L, S, Hits.front(), Hints, StepInCall);
  }
}

void EraseDuringIterationCheck::checkForEach(const Expr *E,
                                             ASTContext &Context) {
  const compat::Optional<ForEachCall> F = forEachCallOf(cast<CallExpr>(E));
  if (!F)
    return;
  const auto *Lambda = dyn_cast<LambdaExpr>(ignoreCopies(F->Args[F->Callback]));
  QualType ObjectType = F->Object->getType();
  if (ObjectType->isPointerType() && F->Container.Derefs > 0)
    ObjectType = ObjectType->getPointeeType();
  const Family Kind = familyOf(ObjectType, Containers);
  if (!Lambda || !Kind.Known ||
      capturesByCopy(Lambda, accessRoot(F->Container.Base)))
    return;
  const bool Projects = F->Args.size() > F->Callback + 1 &&
                        !isa<CXXDefaultArgExpr>(F->Args[F->Callback + 1]);
  const StringRef ContainerText = textOf(F->Object->getSourceRange(), Context);
  // Every call of the lambda is one iteration: returning from it does not
  // leave the loop.
  for (const auto &[Body, Element] : lambdaBodies(Lambda, Projects))
    forEachCall(Body, [&](const CallExpr *Inner) {
      compat::Optional<Touch> T = touchOf(Inner, EraseMethods);
      if (!T)
        T = touchThrough(Inner, F->Container, Kind, Element, Context,
                         EraseMethods);
      else if (!(sameContainer(T->Object, F->Container) ||
                 sameContainer(T->Other, F->Container)) ||
               (T->Shifting && !Kind.Shifting) ||
               (T->Inserts && (!CheckInsertions || !Kind.InsertInvalidates ||
                               T->Subscript)) ||
               (!Kind.Shifting && sparesCurrent(*T, Element, EraseMethods)))
        return;
      if (!T || !firstReport(Inner->getExprLoc()))
        return;
      reportTouch(*this, *T, F->LoopLoc, ContainerText, Context);
    });
}

void EraseDuringIterationCheck::checkPostIncrementErase(const Expr *E,
                                                        ASTContext &Context) {
  const auto *Call = cast<CXXMemberCallExpr>(E);
  const Expr *Arg = ignoreCopies(Call->getArg(0));
  const Expr *Operand = nullptr;
  if (const auto *Unary = dyn_cast<UnaryOperator>(Arg)) {
    if (Unary->getOpcode() == UO_PostInc)
      Operand = Unary->getSubExpr();
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Arg)) {
    if (Op->getOperator() == OO_PlusPlus && Op->getNumArgs() == 2)
      Operand = Op->getArg(0);
  }
  const auto *Ref =
      dyn_cast_or_null<DeclRefExpr>(Operand ? ignoreCopies(Operand) : nullptr);
  const auto *It = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!It)
    return;
  QualType ObjectType =
      ignoreCopies(Call->getImplicitObjectArgument())->getType();
  if (ObjectType->isPointerType())
    ObjectType = ObjectType->getPointeeType();
  const Family Kind = familyOf(ObjectType, Containers);
  if (!Kind.Shifting || !firstReport(Call->getExprLoc()))
    return;
  const StringRef ContainerText =
      textOf(Call->getImplicitObjectArgument()->getSourceRange(), Context);
  // `c.erase(it++);` as a statement of its own becomes `it = c.erase(it);`.
  bool Fixable = Fix != FixKind::None && !inMacro(Call->getSourceRange()) &&
                 !isInstantiated(It) &&
                 Call->getType().getCanonicalType().getUnqualifiedType() ==
                     It->getType().getCanonicalType().getUnqualifiedType();
  // Only a statement of its own: its value is discarded. The function that
  // declares the iterator is searched, not the parent map of the whole
  // translation unit.
  const auto *Function = dyn_cast<FunctionDecl>(It->getDeclContext());
  Fixable = Fixable && Function && isStatementIn(Function->getBody(), Call);
  auto Diag = diag(Call->getExprLoc(),
                   "'erase(%0++)' on '%1' leaves '%0' invalid: erasing from a "
                   "'%2' invalidates the iterators after the erased element; "
                   "use '%0 = %1.erase(%0)'")
              << It->getName() << ContainerText << Kind.Name;
  if (Fixable)
    attachFix(*this, Diag, Call->getExprLoc(),
              "continue from the iterator erase returns",
              {FixItHint::CreateInsertion(Call->getBeginLoc(),
                                          (It->getName() + " = ").str()),
               FixItHint::CreateReplacement(Call->getArg(0)->getSourceRange(),
                                            It->getName())});
}

} // namespace clang::tidy::safedelete
