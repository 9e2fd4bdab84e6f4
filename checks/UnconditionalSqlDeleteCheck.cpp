//===--- UnconditionalSqlDeleteCheck.cpp - safedelete --------------------===//
//
// The check walks the code of user functions once (support/CodeWalk.h) and
// runs its matchers only on the calls and constructions whose callee may be
// an SQL function, a stream, a delete-all call or a wrapper defined here.
//
//===----------------------------------------------------------------------===//

#include "UnconditionalSqlDeleteCheck.h"
#include "UnconditionalSqlDeleteModel.h"
#include "support/CheckOptions.h"
#include "support/Containers.h"
#include "support/MatcherSet.h"
#include "support/NameList.h"
#include "support/SqlScanner.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Regex.h"

using namespace clang::ast_matchers;

namespace clang::tidy::safedelete {
namespace {

using sql_delete::asStreamCall;
using sql_delete::Piece;
using sql_delete::sqlParameterByName;
using sql_delete::SqlText;
using sql_delete::temporaryTablesOf;

constexpr char DefaultSqlFunctions[] =
    "::sqlite3_exec:1;::sqlite3_prepare:1;::sqlite3_prepare_v2:1;"
    "::sqlite3_prepare_v3:1;"
    "::PQexec:1;::PQexecParams:1;::PQprepare:2;::PQsendQuery:1;"
    "::PQsendQueryParams:1;::PQsendPrepare:2;"
    "::mysql_query:1;::mysql_real_query:1;::mysql_send_query:1;"
    "::mysql_stmt_prepare:1;"
    "::SQLExecDirect:1;::SQLExecDirectA:1;::SQLPrepare:1;::SQLPrepareA:1;"
    "::pqxx::transaction_base::exec:0;::pqxx::transaction_base::exec0:0;"
    "::pqxx::transaction_base::exec1:0;::pqxx::transaction_base::exec_n:1;"
    "::pqxx::transaction_base::exec_params:0;"
    "::pqxx::transaction_base::exec_params0:0;"
    "::pqxx::transaction_base::exec_params1:0;"
    "::pqxx::transaction_base::exec_params_n:1;"
    "::pqxx::transaction_base::query:0;::pqxx::transaction_base::query01:0;"
    "::pqxx::transaction_base::query1:0;::pqxx::transaction_base::query_n:1;"
    "::pqxx::transaction_base::query_value:0;::pqxx::connection::prepare:1;"
    "::QSqlQuery::exec:0;::QSqlQuery::prepare:0;::QSqlQuery::QSqlQuery:0;"
    "::QSqlDatabase::exec:0;"
    "::soci::session::operator<<:0;::soci::details::once_type::operator<<:0;"
    "::SQLite::Database::exec:0;::SQLite::Statement::Statement:1;"
    "::sqlite::database::operator<<:0;"
    "::Poco::Data::Session::operator<<:0;::Poco::Data::Statement::operator<<:0;"
    "::drogon::orm::DbClient::execSqlSync:0;"
    "::drogon::orm::DbClient::execSqlAsync:0;"
    "::drogon::orm::DbClient::execSqlAsyncFuture:0;"
    "::drogon::orm::DbClient::execSqlCoro:0;"
    "::drogon::orm::DbClient::operator<<:0;"
    "::sql::Statement::execute:0;::sql::Statement::executeQuery:0;"
    "::sql::Statement::executeUpdate:0;::sql::Connection::prepareStatement:0";

constexpr char DefaultSqlParameterNames[] = "sql;query;queries;statement;stmt";

constexpr char DefaultDeleteAllFunctions[] =
    "::sqlite_orm::internal::storage_t::remove_all;"
    "::odb::database::erase_query";

constexpr char CallId[] = "call";
constexpr char ConstructId[] = "construct";
constexpr char StreamId[] = "stream";
constexpr char StreamRootId[] = "stream-root";
constexpr char DeleteAllId[] = "delete-all";
constexpr char LiteralId[] = "literal";
constexpr char WrapperCallId[] = "wrapper-call";
/// How many wrappers deep the SQL argument is followed.
constexpr unsigned MaxWrapperDepth = 4;

/// Matches `x << a << b ...` on its outer calls when the innermost `x << a`
/// matches \p Root.
AST_MATCHER_P(CXXOperatorCallExpr, streamsFrom,
              ast_matchers::internal::Matcher<CallExpr>, Root) {
  const CXXOperatorCallExpr *Innermost = asStreamCall(&Node);
  if (!Innermost)
    return false;
  while (const CXXOperatorCallExpr *Inner = asStreamCall(Innermost->getArg(0)))
    Innermost = Inner;
  return Innermost != &Node && Root.matches(*Innermost, Finder, Builder);
}

/// Whether \p Callee, one of its overloads or a variadic function of its name
/// has an argument at \p Index (counted without `this`).
bool someOverloadHasArgument(const FunctionDecl *Callee, unsigned Index) {
  const auto Has = [&](const FunctionDecl *F) {
    return F && (F->isVariadic() || Index < F->getNumParams() ||
                 llvm::any_of(F->parameters(), [](const ParmVarDecl *P) {
                   return P->isParameterPack();
                 }));
  };
  return Has(Callee) ||
         llvm::any_of(
             Callee->getDeclContext()->getRedeclContext()->lookup(
                 Callee->getDeclName()),
             [&](const NamedDecl *D) { return Has(D->getAsFunction()); });
}

/// Whether \p Regex matches the whole of \p Text.
bool matchesWhole(const llvm::Regex &Regex, StringRef Text) {
  llvm::SmallVector<StringRef, 4> Groups;
  return Regex.match(Text, &Groups) && Groups.front().data() == Text.data() &&
         Groups.front().size() == Text.size();
}

} // namespace

struct UnconditionalSqlDeleteCheck::State {
  ClangTidyContext *Tidy = nullptr;
  std::string CheckName;
  std::vector<IndexedName> SqlFunctions;
  /// Per entry of SqlFunctions and callee: whether the callee has the
  /// argument; an entry that a callee lacks is reported once.
  llvm::DenseMap<std::pair<unsigned, const Decl *>, bool> InRange;
  llvm::DenseSet<unsigned> OutOfRangeReported;
  std::vector<std::string> DeleteAllFunctions;
  /// SqlParameterNames, in lower case.
  std::vector<std::string> SqlParameterWords;
  /// Per function of the project: the SQL parameter its name gives.
  llvm::DenseMap<const FunctionDecl *, std::optional<unsigned>> ByName;
  llvm::Regex Allowed;
  bool HasAllowed = false;

  ASTContext *Context = nullptr;
  llvm::DenseSet<unsigned> Reported;
  /// SQL calls through `<<` wait for the end of the translation unit, when
  /// the pieces streamed after them are known.
  std::vector<const CallExpr *> StreamRoots;
  llvm::DenseMap<const CallExpr *,
                 std::pair<const CXXOperatorCallExpr *, unsigned>>
      StreamEnds;
  llvm::SmallPtrSet<const Expr *, 8> Continuations;
  /// A function of this translation unit that sends one of its string
  /// parameters, whole, as SQL: the index of that parameter, and whether
  /// the function it is sent to is known only by a parameter name.
  struct Wrapper {
    unsigned Index;
    bool ByName;
  };
  llvm::DenseMap<const FunctionDecl *, Wrapper> Wrappers;
  /// Calls of functions of this translation unit that take a string: SQL
  /// calls if their callee turns out to be a wrapper.
  std::vector<const CallExpr *> WrapperCalls;

  /// The tables that string literals of the main file create as
  /// temporary, in lower case.
  llvm::StringSet<> TemporaryTables;

  bool isTemporary(StringRef Table) const {
    return TemporaryTables.contains(Table.lower());
  }

  /// The key of \p F in Wrappers: its template pattern, canonical.
  static const FunctionDecl *wrapperKey(const FunctionDecl *F) {
    if (const FunctionDecl *Pattern = F->getTemplateInstantiationPattern())
      F = Pattern;
    return F->getCanonicalDecl();
  }

  /// When \p Sql is one parameter of a function written outside system
  /// headers, records that function as a wrapper; true if it is new.
  bool noteWrapper(const SqlText &Sql, bool ByName) {
    if (Sql.ThroughReturn || Sql.Pieces.size() != 1 ||
        !Sql.Pieces.front().Opaque)
      return false;
    const auto *Ref = dyn_cast<DeclRefExpr>(Sql.Pieces.front().Opaque);
    const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
    const auto *Function =
        Param ? dyn_cast<FunctionDecl>(Param->getDeclContext()) : nullptr;
    if (!Function ||
        Context->getSourceManager().isInSystemHeader(Function->getLocation()))
      return false;
    return Wrappers
        .try_emplace(wrapperKey(Function),
                     Wrapper{Param->getFunctionScopeIndex(), ByName})
        .second;
  }

  /// The SQL argument of \p Callee that a parameter name gives, for a
  /// function outside system headers.
  std::optional<unsigned> sqlArgumentByName(const FunctionDecl *Callee) {
    const auto [It, New] = ByName.try_emplace(Callee->getCanonicalDecl());
    if (New && !Context->getSourceManager().isInSystemHeader(
                   Callee->getCanonicalDecl()->getLocation()))
      It->second = sqlParameterByName(*Callee, SqlParameterWords);
    return It->second;
  }

  /// The index of the SQL argument of \p Callee, if it is an SQL function.
  compat::Optional<unsigned> sqlArgument(const FunctionDecl *Callee) {
    const std::string Name = qualifiedNameOf(Callee);
    for (unsigned I = 0; I != SqlFunctions.size(); ++I)
      if (matchesListedName(Name, SqlFunctions[I].Name) &&
          hasArgument(I, Callee))
        return SqlFunctions[I].Index;
    return {};
  }

  /// Whether \p Callee has the argument that entry \p I of SqlFunctions
  /// names; reports the entry the first time a callee lacks it.
  bool hasArgument(unsigned I, const FunctionDecl *Callee) {
    const IndexedName &F = SqlFunctions[I];
    const auto [It, New] =
        InRange.try_emplace({I, Callee->getCanonicalDecl()}, true);
    if (New && !someOverloadHasArgument(Callee, F.Index)) {
      It->second = false;
      if (OutOfRangeReported.insert(I).second)
        Tidy->configurationDiag(
            "invalid entry '%0:%1' in option 'SqlFunctions' of %2: '%3' has "
            "no argument at index %1 (counted from 0); the entry is ignored")
            << F.Name << F.Index << CheckName << Callee->getNameAsString();
    }
    return It->second;
  }

  bool allowedTable(StringRef Table) const {
    if (!HasAllowed || Table.empty())
      return false;
    const StringRef Unqualified = Table.rsplit('.').second;
    return matchesWhole(Allowed, Table) ||
           (!Unqualified.empty() && matchesWhole(Allowed, Unqualified));
  }
};

UnconditionalSqlDeleteCheck::UnconditionalSqlDeleteCheck(
    StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      RawSqlFunctions(Options.get("SqlFunctions", DefaultSqlFunctions)),
      RawSqlParameterNames(
          Options.get("SqlParameterNames", DefaultSqlParameterNames)),
      RawDeleteAllFunctions(
          Options.get("DeleteAllFunctions", DefaultDeleteAllFunctions)),
      AllowedTables(Options.get("AllowedTables", "")),
      AllowExplicitAllRows(
          boolOption(Context, Options, Name, "AllowExplicitAllRows", true)),
      CheckUpdate(boolOption(Context, Options, Name, "CheckUpdate", false)),
      CheckAllStringLiterals(
          boolOption(Context, Options, Name, "CheckAllStringLiterals", false)),
      TU(std::make_unique<State>()) {
  IndexedNameList Functions = parseIndexedNameList(RawSqlFunctions);
  for (const std::string &Bad : Functions.Invalid)
    configurationDiag("invalid entry '%0' in option 'SqlFunctions' of %1: "
                      "expected 'name:index' such as '::sqlite3_exec:1'; the "
                      "entry is ignored")
        << Bad << Name;
  TU->SqlFunctions = std::move(Functions.Entries);
  TU->SqlParameterWords = wordListOption(Context, Name, "SqlParameterNames",
                                         RawSqlParameterNames, "sql");
  TU->DeleteAllFunctions =
      nameListOption(Context, Name, "DeleteAllFunctions", RawDeleteAllFunctions,
                     "a qualified function name");
  if (!StringRef(AllowedTables).trim().empty())
    TU->HasAllowed = regexOption(Context, Name, "AllowedTables", AllowedTables,
                                 "no table is allowed", TU->Allowed,
                                 llvm::Regex::IgnoreCase);
  TU->Tidy = Context;
  TU->CheckName = Name.str();
}

UnconditionalSqlDeleteCheck::~UnconditionalSqlDeleteCheck() = default;

void UnconditionalSqlDeleteCheck::storeOptions(
    ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "SqlFunctions", RawSqlFunctions);
  Options.store(Opts, "SqlParameterNames", RawSqlParameterNames);
  Options.store(Opts, "DeleteAllFunctions", RawDeleteAllFunctions);
  Options.store(Opts, "AllowedTables", AllowedTables);
  compat::storeBool(Options, Opts, "AllowExplicitAllRows",
                    AllowExplicitAllRows);
  compat::storeBool(Options, Opts, "CheckUpdate", CheckUpdate);
  compat::storeBool(Options, Opts, "CheckAllStringLiterals",
                    CheckAllStringLiterals);
}

void UnconditionalSqlDeleteCheck::registerMatchers(MatchFinder *Finder) {
  CodeWalk::registerRoots(*Finder, this);
  CallMatchers = std::make_unique<MatchFinder>();
  // hasName does not see through the template arguments of a class template
  // specialisation: match the last part of each name, and check() compares
  // the qualified name.
  const auto LastParts = [this](const auto &Names) {
    std::vector<StringRef> Parts;
    for (StringRef Name : Names) {
      Parts.push_back(lastPart(Name));
      CalleeNames.insert(Parts.back());
      noteListedOperator(Parts.back());
    }
    return Parts;
  };
  std::vector<StringRef> Functions;
  std::vector<StringRef> StreamClasses;
  std::vector<StringRef> StreamFunctions;
  for (const IndexedName &F : TU->SqlFunctions) {
    const StringRef Name = F.Name;
    Functions.push_back(Name);
    if (Name.take_back(10) != "operator<<")
      continue;
    const StringRef Class = Name.drop_back(10);
    if (Class.size() > 2 && Class.take_back(2) == "::")
      StreamClasses.push_back(Class.drop_back(2));
    else
      StreamFunctions.push_back(Name);
  }
  MatcherList CallForms;
  const auto Sql = functionDecl(hasAnyName(LastParts(Functions)));
  if (!Functions.empty()) {
    CallForms.push_back(callExpr(callee(Sql)).bind(CallId));
    CallMatchers->addMatcher(
        cxxConstructExpr(hasDeclaration(Sql)).bind(ConstructId), this);
  }
  if (!StreamClasses.empty() || !StreamFunctions.empty())
    CallForms.push_back(
        cxxOperatorCallExpr(
            hasOverloadedOperatorName("<<"),
            streamsFrom(callExpr(callee(functionDecl(
                                     anyOf(cxxMethodDecl(ofClass(cxxRecordDecl(
                                               hasAnyName(StreamClasses)))),
                                           hasAnyName(StreamFunctions)))))
                            .bind(StreamRootId)))
            .bind(StreamId));
  if (!TU->DeleteAllFunctions.empty())
    CallForms.push_back(
        cxxMemberCallExpr(callee(cxxMethodDecl(
                              hasAnyName(LastParts(TU->DeleteAllFunctions)))),
                          argumentCountIs(0))
            .bind(DeleteAllId));
  // Calls that may go through a wrapper: to a function defined in this
  // translation unit that takes a string.
  const auto StringClass = qualType(hasUnqualifiedDesugaredType(
      recordType(hasDeclaration(cxxRecordDecl(hasAnyName(
          "::std::basic_string", "::std::basic_string_view", "::std::string",
          "::std::string_view", "::QString", "::QByteArray"))))));
  const auto StringParameter = parmVarDecl(hasType(qualType(anyOf(
      pointsTo(isAnyCharacter()), references(StringClass), StringClass))));
  CallForms.push_back(
      callExpr(unless(cxxOperatorCallExpr()),
               callee(functionDecl(unless(isExpansionInSystemHeader()),
                                   hasBody(stmt()),
                                   hasAnyParameter(StringParameter))))
          .bind(WrapperCallId));
  CallMatchers->addMatcher(callExpr(eachOfForms<CallExpr>(CallForms)), this);
  if (CheckAllStringLiterals)
    Finder->addMatcher(
        stringLiteral(unless(isExpansionInSystemHeader())).bind(LiteralId),
        this);
}

void UnconditionalSqlDeleteCheck::noteListedOperator(StringRef Name) {
  if (!Name.consume_front("operator"))
    return;
  for (unsigned K = OO_None + 1; K != NUM_OVERLOADED_OPERATORS; ++K)
    if (Name.trim() ==
        getOperatorSpelling(static_cast<OverloadedOperatorKind>(K)))
      ListedOperators.set(K);
}

bool UnconditionalSqlDeleteCheck::mayMatch(const CallExpr *Call) const {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return false;
  if (Callee->getOverloadedOperator() == OO_LessLess)
    return true;
  if (const IdentifierInfo *Id = Callee->getIdentifier())
    if (CalleeNames.count(Id->getName()))
      return true;
  if (ListedOperators.test(Callee->getOverloadedOperator()))
    return true;
  return !isa<CXXOperatorCallExpr>(Call) && Callee->hasBody() &&
         !TU->Context->getSourceManager().isInSystemHeader(
             Callee->getLocation());
}

namespace {

/// Reports the statements of one SQL text that touch every row.
class Reporter {
public:
  Reporter(ClangTidyCheck &Check, UnconditionalSqlDeleteCheck::State &TU,
           bool AllowExplicitAllRows, bool CheckUpdate)
      : Check(Check), TU(TU), Context(*TU.Context),
        SM(Context.getSourceManager()),
        AllowExplicitAllRows(AllowExplicitAllRows), CheckUpdate(CheckUpdate) {}

  /// \p Sql reaches the database at \p Use (a call), or is a free-standing
  /// literal when \p Use is null; then only complete upper-case statements
  /// count. A call known \p ByName (of a parameter) needs complete ones.
  /// The statements of one literal make one warning.
  void report(const SqlText &Sql, const Expr *Use, StringRef UseName,
              bool ByName = false) {
    if (!Sql.known())
      return;
    const std::vector<Finding> Found = findingsIn(Sql, Use, ByName);
    for (auto Group = Found.begin(); Group != Found.end();) {
      const auto End = std::find_if(Group, Found.end(), [&](const Finding &F) {
        return F.Keyword != Group->Keyword;
      });
      emit(llvm::ArrayRef<Finding>(&*Group, End - Group), Sql);
      if (Use && !inside(Group->Keyword->Literal->getBeginLoc(), Use))
        Check.diag(Use->getExprLoc(),
                   "the statement is sent to the database "
                   "by '%0' here",
                   DiagnosticIDs::Note)
            << UseName;
      Group = End;
    }
  }

private:
  /// Where byte \p Offset of a literal piece is spelled, or the literal
  /// itself when it is written by a macro or is not a narrow string.
  SourceLocation locationIn(const Piece &P, std::size_t Offset) const {
    const StringLiteral *Literal = P.Literal;
    const SourceLocation Begin = Literal->getBeginLoc();
    if (Literal->getCharByteWidth() != 1 ||
        !(Begin.isFileID() || SM.isMacroArgExpansion(Begin)))
      return Begin;
    return Literal->getLocationOfByte(Offset, SM, Context.getLangOpts(),
                                      Context.getTargetInfo());
  }

  static bool spelledInFile(const Expr *E) {
    return E->getBeginLoc().isFileID() && E->getEndLoc().isFileID();
  }

  /// One statement to report, in the literal piece that spells its keyword.
  struct Finding {
    sql::Statement S;
    const Piece *Keyword;
    SourceLocation Loc;
    bool AlwaysTrue;
  };

  /// The statements of \p Sql that touch every row and are not reported
  /// yet (see report()).
  std::vector<Finding> findingsIn(const SqlText &Sql, const Expr *Use,
                                  bool ByName) {
    std::vector<Finding> Found;
    for (sql::Statement &S : sql::scan(Sql.Text)) {
      if (S.Kind == sql::StatementKind::Other ||
          (S.Kind == sql::StatementKind::Update && !CheckUpdate))
        continue;
      const bool AlwaysTrue = !AllowExplicitAllRows && S.HasWhere &&
                              S.ExplicitAllRows && !S.Limited;
      if (!sql::affectsEveryRow(S) && !AlwaysTrue)
        continue;
      // A free-standing literal must read as a whole statement; one that
      // ends in a blank is likely continued by a later piece.
      const StringRef Rest = StringRef(Sql.Text).drop_front(S.End);
      if (!Use && (!S.UpperCase || (!Rest.empty() && Rest.trim().empty())))
        continue;
      if ((!Use || ByName) && !S.Complete)
        continue;
      if (TU.allowedTable(S.Table) || TU.isTemporary(S.Table))
        continue;
      const Piece *Keyword = Sql.pieceAt(S.KeywordOffset);
      if (!Keyword || !Keyword->Literal)
        continue;
      const SourceLocation Loc =
          locationIn(*Keyword, S.KeywordOffset - Keyword->Offset);
      if (TU.Reported.insert(Loc.getRawEncoding()).second)
        Found.push_back({std::move(S), Keyword, Loc, AlwaysTrue});
    }
    return Found;
  }

  bool inside(SourceLocation Loc, const Expr *Use) const {
    return SM.isPointWithin(SM.getExpansionLoc(Loc),
                            SM.getExpansionLoc(Use->getBeginLoc()),
                            SM.getExpansionLoc(Use->getEndLoc()));
  }

  /// What \p F is; for a statement after the first of its literal
  /// (\p InGroup), a shorter text for a note.
  static std::string describe(const Finding &F, bool InGroup) {
    const bool Delete = F.S.Kind == sql::StatementKind::Delete;
    std::string Message = Delete ? "SQL DELETE" : "SQL UPDATE";
    if (!F.S.Table.empty())
      Message += Delete ? " from '%0'" : " of '%0'";
    if (InGroup)
      Message += " in the same literal";
    Message += F.AlwaysTrue ? " has a WHERE clause that is always true"
                            : " has no WHERE clause";
    if (!InGroup)
      Message += Delete ? "; every row will be deleted"
                        : "; every row will be changed";
    return Message;
  }

  /// Reports the statements \p Group of one literal: a warning at the
  /// first, the note that adds `WHERE 1 = 1` to each statement that has no
  /// WHERE, and a note at each other statement.
  void emit(llvm::ArrayRef<Finding> Group, const SqlText &Sql) {
    {
      auto Warning =
          Check.diag(Group.front().Loc, describe(Group.front(), false));
      if (!Group.front().S.Table.empty())
        Warning << Group.front().S.Table;
    }
    llvm::SmallVector<const Finding *, 4> Unconditional;
    for (const Finding &F : Group)
      if (!F.AlwaysTrue)
        Unconditional.push_back(&F);
    if (!Unconditional.empty()) {
      const bool Delete =
          Unconditional.front()->S.Kind == sql::StatementKind::Delete;
      std::string Message = "add 'WHERE 1 = 1'";
      if (Unconditional.size() > 1)
        Message += " to each statement";
      Message += Delete ? " if every row is meant to be deleted"
                        : " if every row is meant to be changed";
      auto Note =
          Check.diag(Unconditional.front()->Loc, Message, DiagnosticIDs::Note);
      for (const Finding *F : Unconditional)
        if (const compat::Optional<FixItHint> Fix = whereClause(F->S, Sql))
          Note << *Fix;
    }
    for (const Finding &F : Group.drop_front()) {
      auto Note = Check.diag(F.Loc, describe(F, true), DiagnosticIDs::Note);
      if (!F.S.Table.empty())
        Note << F.S.Table;
    }
  }

  /// The insertion of `WHERE 1 = 1` into \p S, where the code spells the
  /// place.
  compat::Optional<FixItHint> whereClause(const sql::Statement &S,
                                          const SqlText &Sql) const {
    if (S.WhereInsertOffset == 0 || Sql.ThroughReturn)
      return {};
    const Piece *Last = Sql.pieceAt(S.WhereInsertOffset - 1);
    if (!Last)
      return {};
    if (Last->Literal) {
      if (!spelledInFile(Last->Literal) ||
          Last->Literal->getCharByteWidth() != 1)
        return {};
      return FixItHint::CreateInsertion(
          locationIn(*Last, S.WhereInsertOffset - Last->Offset),
          sql::explicitAllRowsClause(S, Sql.Text));
    }
    if (!Last->Appendable || !spelledInFile(Last->Opaque))
      return {};
    const SourceLocation After = Lexer::getLocForEndOfToken(
        Last->Opaque->getEndLoc(), 0, SM, Context.getLangOpts());
    if (After.isInvalid())
      return {};
    return FixItHint::CreateInsertion(
        After, " + \"" + sql::explicitAllRowsClause(S, Sql.Text) + "\"");
  }

  ClangTidyCheck &Check;
  UnconditionalSqlDeleteCheck::State &TU;
  ASTContext &Context;
  const SourceManager &SM;
  const bool AllowExplicitAllRows;
  const bool CheckUpdate;
};

/// The SQL argument of \p Call at \p Index (counted without `this`), or null.
const Expr *sqlArgumentOf(const CallExpr *Call, unsigned Index) {
  unsigned Object = 0;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call))
    if (const auto *Method =
            dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee()))
      Object = Method->isStatic() ? 0 : 1;
  if (Index >= Call->getNumArgs() - Object ||
      isa<CXXDefaultArgExpr>(Call->getArg(Object + Index)))
    return nullptr;
  return Call->getArg(Object + Index);
}

using State = UnconditionalSqlDeleteCheck::State;

/// Keeps, per stream SQL call \p Root, the `<<` call \p Stream that ends the
/// longest chain continuing it.
void recordStream(State &TU, const CXXOperatorCallExpr *Stream,
                  const CallExpr *Root) {
  TU.Continuations.insert(Stream);
  unsigned Levels = 0;
  for (const CXXOperatorCallExpr *E = Stream; E != Root;
       E = asStreamCall(E->getArg(0)))
    ++Levels;
  auto &End = TU.StreamEnds[Root];
  if (Levels > End.second)
    End = {Stream, Levels};
}

/// Checks \p Arg, the SQL that \p Use sends: its text, and whether it
/// makes the function it is a parameter of a wrapper.
void checkSqlArgument(State &TU, Reporter &Report, const Expr *Arg,
                      const Expr *Use, StringRef UseName, bool ByName) {
  SqlText Sql;
  Sql.add(Arg, 0);
  TU.noteWrapper(Sql, ByName);
  Report.report(Sql, Use, UseName, ByName);
}

/// Checks the SQL argument of \p Call; a call through `<<` waits for the end
/// of the translation unit.
void checkSqlCall(State &TU, Reporter &Report, const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return;
  const compat::Optional<unsigned> Index = TU.sqlArgument(Callee);
  if (!Index)
    return;
  if (isa<CXXOperatorCallExpr>(Call)) {
    TU.StreamRoots.push_back(Call);
    return;
  }
  if (const Expr *Arg = sqlArgumentOf(Call, *Index))
    checkSqlArgument(TU, Report, Arg, Call, Callee->getName(), false);
}

/// The argument of \p Construct at \p Index, or null.
const Expr *constructArgument(const CXXConstructExpr *Construct,
                              unsigned Index) {
  if (Index >= Construct->getNumArgs() ||
      isa<CXXDefaultArgExpr>(Construct->getArg(Index)))
    return nullptr;
  return Construct->getArg(Index);
}

/// Checks the SQL argument of a constructor in SqlFunctions.
void checkSqlConstruct(State &TU, Reporter &Report,
                       const CXXConstructExpr *Construct) {
  const CXXConstructorDecl *Ctor = Construct->getConstructor();
  const compat::Optional<unsigned> Index = TU.sqlArgument(Ctor);
  if (const Expr *Arg = Index ? constructArgument(Construct, *Index) : nullptr)
    checkSqlArgument(TU, Report, Arg, Construct, Ctor->getParent()->getName(),
                     false);
}

/// Checks a call or construction \p S whose callee, a function of the
/// project, takes SQL by the name of a parameter.
void checkByName(State &TU, Reporter &Report, const Stmt *S) {
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    const std::optional<unsigned> Index =
        Callee && !isa<CXXOperatorCallExpr>(Call) ? TU.sqlArgumentByName(Callee)
                                                  : std::nullopt;
    if (const Expr *Arg = Index ? sqlArgumentOf(Call, *Index) : nullptr)
      checkSqlArgument(TU, Report, Arg, Call, Callee->getName(), true);
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    const std::optional<unsigned> Index = TU.sqlArgumentByName(Ctor);
    if (const Expr *Arg =
            Index ? constructArgument(Construct, *Index) : nullptr)
      checkSqlArgument(TU, Report, Arg, Construct, Ctor->getParent()->getName(),
                       true);
  }
}

/// Reports an ORM call in DeleteAllFunctions, named by the entity it
/// empties when its first template argument is a class.
void checkDeleteAll(ClangTidyCheck &Check, State &TU,
                    const CXXMemberCallExpr *DeleteAll) {
  const CXXMethodDecl *Method = DeleteAll->getMethodDecl();
  const std::string Name = qualifiedNameOf(Method);
  if (!isListedName(Name, TU.DeleteAllFunctions))
    return;
  std::string Entity;
  if (const TemplateArgumentList *Args =
          Method->getTemplateSpecializationArgs())
    if (Args->size() > 0 && Args->get(0).getKind() == TemplateArgument::Type)
      if (const auto *Record = Args->get(0).getAsType()->getAsRecordDecl())
        Entity = Record->getNameAsString();
  if (TU.allowedTable(Entity))
    return;
  auto Warning =
      Check.diag(DeleteAll->getExprLoc(),
                 Entity.empty()
                     ? "%0 has no condition; every row will be deleted"
                     : "%0 has no condition; every row of '%1' will be deleted")
      << Method;
  if (!Entity.empty())
    Warning << Entity;
}

} // namespace

void UnconditionalSqlDeleteCheck::visitStatement(const Stmt *S) {
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    if (mayMatch(Call))
      CallMatchers->match(*Call, *TU->Context);
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
    if (constructsClassNamed(Construct, CalleeNames))
      CallMatchers->match(*Construct, *TU->Context);
  }
  if (!TU->SqlParameterWords.empty()) {
    Reporter Report(*this, *TU, AllowExplicitAllRows, CheckUpdate);
    checkByName(*TU, Report, S);
  }
}

void UnconditionalSqlDeleteCheck::check(
    const MatchFinder::MatchResult &Result) {
  ASTContext &Context = *Result.Context;
  if (Context.getDiagnostics().hasUncompilableErrorOccurred())
    return;
  if (TU->Context != &Context)
    TU->TemporaryTables =
        temporaryTablesOf(Context.getSourceManager(), Context.getLangOpts());
  TU->Context = &Context;
  if (Walk.walkRoot(Result.Nodes, *this))
    return;
  Reporter Report(*this, *TU, AllowExplicitAllRows, CheckUpdate);
  const BoundNodes &Nodes = Result.Nodes;
  if (const auto *Call = Nodes.getNodeAs<CallExpr>(WrapperCallId))
    TU->WrapperCalls.push_back(Call);
  else if (const auto *Stream = Nodes.getNodeAs<CXXOperatorCallExpr>(StreamId))
    recordStream(*TU, Stream, Nodes.getNodeAs<CallExpr>(StreamRootId));
  else if (const auto *Call = Nodes.getNodeAs<CallExpr>(CallId))
    checkSqlCall(*TU, Report, Call);
  else if (const auto *Construct =
               Nodes.getNodeAs<CXXConstructExpr>(ConstructId))
    checkSqlConstruct(*TU, Report, Construct);
  else if (const auto *DeleteAll =
               Nodes.getNodeAs<CXXMemberCallExpr>(DeleteAllId))
    checkDeleteAll(*this, *TU, DeleteAll);
  else if (const auto *Literal = Nodes.getNodeAs<StringLiteral>(LiteralId)) {
    SqlText Sql;
    Sql.addLiteral(Literal);
    Report.report(Sql, nullptr, "");
  }
}

void UnconditionalSqlDeleteCheck::onEndOfTranslationUnit() {
  if (TU->Context && !TU->StreamRoots.empty()) {
    Reporter Report(*this, *TU, AllowExplicitAllRows, CheckUpdate);
    for (const CallExpr *Root : TU->StreamRoots) {
      if (TU->Continuations.count(Root))
        continue;
      const FunctionDecl *Callee = Root->getDirectCallee();
      const compat::Optional<unsigned> Index = TU->sqlArgument(Callee);
      const Expr *Arg = Index ? sqlArgumentOf(Root, *Index) : nullptr;
      if (!Arg)
        continue;
      SqlText Sql;
      Sql.add(Arg, 0);
      // The pieces streamed after the first one, innermost first.
      llvm::SmallVector<const Expr *, 4> Later;
      const auto End = TU->StreamEnds.find(Root);
      if (End != TU->StreamEnds.end())
        for (const CXXOperatorCallExpr *E = End->second.first; E != Root;
             E = asStreamCall(E->getArg(0)))
          Later.push_back(E->getArg(1));
      for (const Expr *Piece : llvm::reverse(Later))
        Sql.add(Piece, 0);
      TU->noteWrapper(Sql, false);
      Report.report(Sql, Root, "operator<<");
    }
  }
  if (TU->Context && !TU->Wrappers.empty()) {
    // Calls of wrappers, and the wrappers of wrappers they reveal.
    Reporter Report(*this, *TU, AllowExplicitAllRows, CheckUpdate);
    llvm::DenseSet<const CallExpr *> Done;
    bool Grew = true;
    for (unsigned Depth = 0; Grew && Depth < MaxWrapperDepth; ++Depth) {
      Grew = false;
      for (const CallExpr *Call : TU->WrapperCalls) {
        const FunctionDecl *Callee = Call->getDirectCallee();
        const auto Wrapper = TU->Wrappers.find(State::wrapperKey(Callee));
        if (Wrapper == TU->Wrappers.end() || !Done.insert(Call).second)
          continue;
        const State::Wrapper W = Wrapper->second;
        if (W.Index >= Call->getNumArgs() ||
            isa<CXXDefaultArgExpr>(Call->getArg(W.Index)))
          continue;
        SqlText Sql;
        Sql.add(Call->getArg(W.Index), 0);
        Grew |= TU->noteWrapper(Sql, W.ByName);
        Report.report(Sql, Call, Callee->getName(), W.ByName);
      }
    }
  }
  TU->Context = nullptr;
  Walk.reset();
  TU->Reported.clear();
  TU->StreamRoots.clear();
  TU->StreamEnds.clear();
  TU->Continuations.clear();
  TU->Wrappers.clear();
  TU->WrapperCalls.clear();
  TU->ByName.clear();
  TU->TemporaryTables.clear();
}

} // namespace clang::tidy::safedelete
