//===--- UnconditionalSqlDeleteCheck.cpp - safedelete --------------------===//
//
// The check walks the code of user functions once (support/CodeWalk.h) and
// runs its matchers only on the calls and constructions whose callee may be
// an SQL function, a stream, a delete-all call or a wrapper defined here.
//
//===----------------------------------------------------------------------===//

#include "UnconditionalSqlDeleteCheck.h"
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

constexpr char DefaultDeleteAllFunctions[] =
    "::sqlite_orm::internal::storage_t::remove_all;"
    "::odb::database::erase_query";

/// Functions whose first argument holds the text of their result: format
/// functions (their placeholders are opaque) and string factories.
constexpr llvm::StringLiteral TextFunctions[] = {
    "std::format",           "std::vformat",        "fmt::format",
    "fmt::vformat",          "fmt::sprintf",        "absl::StrFormat",
    "QString::fromUtf8",     "QString::fromLatin1", "QString::fromLocal8Bit",
    "QString::fromStdString"};

/// Member functions that hand their object's text on unchanged, or with
/// placeholders replaced (QString::arg).
constexpr llvm::StringLiteral PassThroughMethods[] = {
    "c_str",       "data",      "toStdString", "toUtf8",  "toLatin1",
    "toLocal8Bit", "constData", "arg",         "toString"};

constexpr char CallId[] = "call";
constexpr char ConstructId[] = "construct";
constexpr char StreamId[] = "stream";
constexpr char StreamRootId[] = "stream-root";
constexpr char DeleteAllId[] = "delete-all";
constexpr char LiteralId[] = "literal";
constexpr char WrapperCallId[] = "wrapper-call";
/// How many variables, conversions and text functions deep the SQL text is
/// followed (a `+` chain counts once, whatever its length).
constexpr unsigned MaxDepth = 8;
/// How many wrappers deep the SQL argument is followed.
constexpr unsigned MaxWrapperDepth = 4;

/// Whether \p E is `a << b`.
const CXXOperatorCallExpr *asStreamCall(const Expr *E) {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(E->IgnoreImplicit());
  return Op && Op->getOperator() == OO_LessLess && Op->getNumArgs() == 2
             ? Op
             : nullptr;
}

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

/// Strips what does not change the text of a string expression.
const Expr *stripText(const Expr *E) {
  while (true) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Full = dyn_cast<FullExpr>(E))
      E = Full->getSubExpr();
    else if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
      E = Temp->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
      E = Bind->getSubExpr();
    else if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
      E = Cast->getSubExpr();
    else
      return E;
  }
}

/// The function body that \p Var is local to, or null; a static local
/// counts when \p Static is set.
const Stmt *localBody(const VarDecl *Var, bool Static = false) {
  if (!(Var->hasLocalStorage() || (Static && Var->isStaticLocal())) ||
      isa<ParmVarDecl>(Var))
    return nullptr;
  const auto *Function =
      dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod());
  return Function ? Function->getBody() : nullptr;
}

/// Whether the use \p Ref of a variable, below the ancestors \p Stack (the
/// innermost last), may change the variable.
bool mayModify(const DeclRefExpr *Ref, llvm::ArrayRef<const Stmt *> Stack) {
  const auto ChangesThrough = [](QualType Param) {
    return Param->isReferenceType() &&
           (Param->isRValueReferenceType() ||
            !Param.getNonReferenceType().isConstQualified());
  };
  const Stmt *Child = Ref;
  for (const Stmt *P : llvm::reverse(Stack)) {
    if (isa<ParenExpr>(P)) {
      Child = P;
      continue;
    }
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(P)) {
      const CastKind Kind = Cast->getCastKind();
      if (Kind != CK_NoOp && Kind != CK_DerivedToBase &&
          Kind != CK_UncheckedDerivedToBase)
        return false; // A value is read.
      Child = P;
      continue;
    }
    if (const auto *Member = dyn_cast<MemberExpr>(P)) {
      const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl());
      return !Method || !Method->isConst();
    }
    if (const auto *Call = dyn_cast<CallExpr>(P)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (!Callee)
        return true;
      unsigned Shift = 0;
      if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
          Method && isa<CXXOperatorCallExpr>(Call) && !Method->isStatic()) {
        if (Call->getArg(0) == Child)
          return !Method->isConst();
        Shift = 1;
      }
      for (unsigned I = Shift, N = Call->getNumArgs(); I < N; ++I)
        if (Call->getArg(I) == Child)
          return I - Shift >= Callee->getNumParams() ||
                 ChangesThrough(Callee->getParamDecl(I - Shift)->getType());
      return true;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(P)) {
      const CXXConstructorDecl *Ctor = Construct->getConstructor();
      for (unsigned I = 0, N = Construct->getNumArgs(); I < N; ++I)
        if (Construct->getArg(I) == Child)
          return I >= Ctor->getNumParams() ||
                 ChangesThrough(Ctor->getParamDecl(I)->getType());
      return true;
    }
    if (const auto *Unary = dyn_cast<UnaryOperator>(P))
      return Unary->getOpcode() == UO_AddrOf || Unary->isIncrementDecrementOp();
    if (const auto *Binary = dyn_cast<BinaryOperator>(P))
      return Binary->isAssignmentOp() && Binary->getLHS() == Child;
    return !isa<ReturnStmt>(P) && !isa<LambdaExpr>(P) &&
           !isa<UnaryExprOrTypeTraitExpr>(P);
  }
  return true;
}

/// Whether some use of \p Var in \p S (with ancestors \p Stack) may change
/// it.
bool modifiedIn(const Stmt *S, const VarDecl *Var,
                llvm::SmallVectorImpl<const Stmt *> &Stack) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (Ref->getDecl() == Var && mayModify(Ref, Stack))
      return true;
  Stack.push_back(S);
  for (const Stmt *Child : S->children())
    if (modifiedIn(Child, Var, Stack))
      return true;
  Stack.pop_back();
  return false;
}

/// Whether \p Var is a local string (a class or a pointer) that its function
/// never changes after its initialisation.
bool isUnchangedLocal(const VarDecl *Var) {
  const QualType Type = Var->getType();
  const Stmt *Body = localBody(Var);
  if (!Body || !(Type->isRecordType() || Type->isPointerType()))
    return false;
  llvm::SmallVector<const Stmt *, 32> Stack;
  return !modifiedIn(Body, Var, Stack);
}

/// Collects, in source order, what is written into the local char buffer,
/// output string stream or string \p Var: the format string of the one
/// `sprintf` or `snprintf` that fills the buffer, every piece streamed into
/// the stream with `<<`, or what the string is last assigned and then
/// appended (`=`, `+=`, `append`) before \p Until. False when the variable
/// is used in any other way that may write to it.
class WriteCollector {
public:
  WriteCollector(const VarDecl *Var, llvm::SmallVectorImpl<const Expr *> &Out,
                 SourceLocation Until = {})
      : Var(Var), Out(Out), Until(Until),
        SM(Var->getASTContext().getSourceManager()) {}

  bool collect(const Stmt *Body) {
    walk(Body);
    return Ok && !Out.empty();
  }

private:
  void walk(const Stmt *S) {
    if (!S || !Ok)
      return;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
      if (Ref->getDecl() == Var &&
          (Until.isInvalid() ||
           SM.isBeforeInTranslationUnit(Ref->getBeginLoc(), Until)))
        Ok = Until.isValid() ? useString(Ref) : use(Ref);
    Stack.push_back(S);
    for (const Stmt *Child : S->children())
      walk(Child);
    Stack.pop_back();
  }

  /// A use of the string: assigned (what came before is gone), appended
  /// to, or read without a change.
  bool useString(const DeclRefExpr *Ref) {
    const Stmt *Child = Ref;
    std::size_t Up = 0;
    const Stmt *P = parent(Child, Up);
    if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(P);
        Op && Op->getNumArgs() == 2 && Op->getArg(0) == Child &&
        (Op->getOperator() == OO_Equal || Op->getOperator() == OO_PlusEqual)) {
      if (Op->getOperator() == OO_Equal)
        Out.clear();
      Out.push_back(Op->getArg(1));
      return true;
    }
    const auto *Append =
        Up < Stack.size() && isa_and_nonnull<MemberExpr>(P)
            ? dyn_cast<CXXMemberCallExpr>(Stack[Stack.size() - 1 - Up])
            : nullptr;
    if (Append && Append->getNumArgs() == 1 && Append->getMethodDecl() &&
        Append->getMethodDecl()->getIdentifier() &&
        Append->getMethodDecl()->getName() == "append") {
      Out.push_back(Append->getArg(0));
      return true;
    }
    return !mayModify(Ref, Stack);
  }

  /// The ancestor \p Up levels above the use, skipping implicit casts and
  /// parentheses; \p Child is set to the node below it.
  const Stmt *parent(const Stmt *&Child, std::size_t &Up) const {
    while (Up < Stack.size()) {
      const Stmt *P = Stack[Stack.size() - 1 - Up++];
      if (!isa<ImplicitCastExpr>(P) && !isa<ParenExpr>(P))
        return P;
      Child = P;
    }
    return nullptr;
  }

  /// Whether the buffer is only read where it appears as argument \p Child
  /// of \p Args: through a `const char *` parameter of \p Params.
  static bool readOnly(const Stmt *Child, ArrayRef<const Expr *> Args,
                       ArrayRef<ParmVarDecl *> Params) {
    for (unsigned I = 0, N = Args.size(); I < N; ++I)
      if (Args[I] == Child)
        return I < Params.size() && Params[I]->getType()->isPointerType() &&
               Params[I]->getType()->getPointeeType().isConstQualified();
    return false;
  }

  /// A use of the char buffer: filled by `sprintf`, read through a `const
  /// char *` parameter, or returned as one.
  bool useBuffer(const Stmt *Child, const Stmt *P) {
    if (isa_and_nonnull<ReturnStmt>(P)) {
      const auto *Function =
          dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod());
      const QualType Result = Function ? Function->getReturnType() : QualType();
      return !Result.isNull() && Result->isPointerType() &&
             Result->getPointeeType().isConstQualified();
    }
    if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(P))
      return readOnly(Child, {Construct->getArgs(), Construct->getNumArgs()},
                      Construct->getConstructor()->parameters());
    const auto *Call = dyn_cast_or_null<CallExpr>(P);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee || !Callee->getIdentifier())
      return false;
    const std::string Name = qualifiedNameOf(Callee);
    const unsigned Format = Name == "sprintf" || Name == "std::sprintf"     ? 1
                            : Name == "snprintf" || Name == "std::snprintf" ? 2
                                                                            : 0;
    if (Format != 0 && Call->getNumArgs() > Format &&
        Call->getArg(0) == Child) {
      Out.push_back(Call->getArg(Format));
      return Out.size() == 1;
    }
    return readOnly(Child, {Call->getArgs(), Call->getNumArgs()},
                    Callee->parameters());
  }

  bool use(const DeclRefExpr *Ref) {
    const Stmt *Child = Ref;
    std::size_t Up = 0;
    const Stmt *P = parent(Child, Up);
    if (isa_and_nonnull<UnaryExprOrTypeTraitExpr>(P))
      return true; // sizeof buffer
    if (Var->getType()->isArrayType())
      return useBuffer(Child, P);
    // A stream: `os << a << b;` or a read through `os.str()`.
    if (const auto *Member = dyn_cast_or_null<MemberExpr>(P)) {
      const Stmt *Call =
          Up < Stack.size() ? Stack[Stack.size() - 1 - Up] : nullptr;
      const auto *Str = dyn_cast_or_null<CXXMemberCallExpr>(Call);
      return Str && Str->getNumArgs() == 0 && Member->getMemberDecl() &&
             Member->getMemberDecl()->getIdentifier() &&
             Member->getMemberDecl()->getName() == "str";
    }
    bool Streamed = false;
    while (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(P)) {
      if (Op->getOperator() != OO_LessLess || Op->getNumArgs() != 2 ||
          Op->getArg(0) != Child)
        break;
      Out.push_back(Op->getArg(1));
      Streamed = true;
      Child = P;
      P = parent(Child, Up);
    }
    return Streamed;
  }

  const VarDecl *Var;
  llvm::SmallVectorImpl<const Expr *> &Out;
  const SourceLocation Until;
  const SourceManager &SM;
  llvm::SmallVector<const Stmt *, 32> Stack;
  bool Ok = true;
};

/// Whether \p Type is a standard output string stream.
bool isStringStream(QualType Type) {
  const auto *Record = Type->getAsCXXRecordDecl();
  return Record && Record->getIdentifier() &&
         (Record->getName() == "basic_ostringstream" ||
          Record->getName() == "basic_stringstream") &&
         qualifiedNameOf(Record).rfind("std::", 0) == 0;
}

/// Whether \p E concatenates two strings with `+`.
bool isStringPlus(const Expr *E) {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
  return Op && Op->getOperator() == OO_Plus && Op->getNumArgs() == 2 &&
         Op->getType()->isRecordType();
}

/// The operands of the chain of string `+` at \p E, left to right.
llvm::SmallVector<const Expr *, 8> plusOperands(const Expr *E) {
  llvm::SmallVector<const Expr *, 8> Operands;
  llvm::SmallVector<const Expr *, 8> Pending = {E};
  while (!Pending.empty()) {
    const Expr *Next = stripText(Pending.pop_back_val());
    if (isStringPlus(Next)) {
      const auto *Op = cast<CXXOperatorCallExpr>(Next);
      Pending.push_back(Op->getArg(1));
      Pending.push_back(Op->getArg(0));
    } else {
      Operands.push_back(Next);
    }
  }
  return Operands;
}

/// Collects the return statements of a function body, not those of the
/// lambdas and blocks inside it.
void collectReturns(const Stmt *S,
                    llvm::SmallVectorImpl<const ReturnStmt *> &Returns) {
  if (!S || isa<LambdaExpr>(S) || isa<BlockExpr>(S))
    return;
  if (const auto *Return = dyn_cast<ReturnStmt>(S))
    Returns.push_back(Return);
  for (const Stmt *Child : S->children())
    collectReturns(Child, Returns);
}

/// The return statement of \p Body if it has exactly one.
const ReturnStmt *onlyReturn(const Stmt *Body) {
  llvm::SmallVector<const ReturnStmt *, 2> Returns;
  collectReturns(Body, Returns);
  return Returns.size() == 1 ? Returns.front() : nullptr;
}

/// One piece of the SQL text: a string literal or an opaque expression.
struct Piece {
  std::size_t Offset;
  std::size_t Size;
  const StringLiteral *Literal;
  const Expr *Opaque;
  /// An opaque operand of a string `+`: `+ " WHERE 1 = 1"` may follow it.
  bool Appendable;
};

/// The SQL text an expression evaluates to, as far as the translation unit
/// tells.
struct SqlText {
  std::string Text;
  std::vector<Piece> Pieces;
  /// Some text comes from the value a called function returns: it is fixed
  /// there, for every caller, and it names no parameter of the caller.
  bool ThroughReturn = false;

  bool known() const {
    return llvm::any_of(Pieces, [](const Piece &P) { return P.Literal; });
  }

  const Piece *pieceAt(std::size_t Offset) const {
    for (const Piece &P : Pieces)
      if (Offset >= P.Offset && Offset < P.Offset + P.Size)
        return &P;
    return nullptr;
  }

  void addLiteral(const StringLiteral *Literal) {
    const std::size_t Offset = Text.size();
    if (Literal->getCharByteWidth() == 1) {
      Text += Literal->getString().str();
    } else {
      for (unsigned I = 0, N = Literal->getLength(); I != N; ++I) {
        const uint32_t Unit = Literal->getCodeUnit(I);
        Text += Unit < 0x80 ? static_cast<char>(Unit) : '?';
      }
    }
    Pieces.push_back({Offset, Text.size() - Offset, Literal, nullptr, false});
  }

  void addOpaque(const Expr *E, bool Appendable) {
    Pieces.push_back({Text.size(), 1, nullptr, E, Appendable});
    Text += sql::OpaqueMark;
  }

  /// Appends what is written into the local buffer or stream \p Var, if
  /// that is all known; for a string, what it holds at \p Until, starting
  /// with its initialiser.
  bool addWrites(const VarDecl *Var, unsigned Depth,
                 SourceLocation Until = {}) {
    // `sprintf` replaces the text of a static buffer; a static stream grows.
    const Stmt *Body = localBody(Var, Var->getType()->isArrayType());
    llvm::SmallVector<const Expr *, 8> Writes;
    const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Var->getInit());
    if (Until.isValid() && Var->getInit() &&
        !(Construct && Construct->getNumArgs() == 0))
      Writes.push_back(Var->getInit());
    if (!Body || !WriteCollector(Var, Writes, Until).collect(Body))
      return false;
    for (const Expr *Piece : Writes)
      add(Piece, Depth + 1);
    return true;
  }

  /// Appends what \p E evaluates to.
  void add(const Expr *E, unsigned Depth, bool InPlus = false) {
    E = stripText(E);
    if (Depth > MaxDepth) {
      addOpaque(E, InPlus);
      return;
    }
    if (const auto *Literal = dyn_cast<StringLiteral>(E)) {
      addLiteral(Literal);
      return;
    }
    if (isStringPlus(E)) {
      // A chain `a + b + c + ...` is one level however long it is: its
      // operands are taken from the tree without recursion.
      for (const Expr *Operand : plusOperands(E))
        add(Operand, Depth + 1, true);
      return;
    }
    // An operator call is a CallExpr whose callee has no identifier: none of
    // the cases below takes it.
    bool Known = false;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E))
      Known = addMemberCall(Member, Depth);
    else if (const auto *Call = dyn_cast<CallExpr>(E))
      Known = addCall(Call, Depth);
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
      Known = addConstruct(Construct, Depth, InPlus);
    else if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      Known = addVariable(Ref, Depth, InPlus);
    if (!Known)
      addOpaque(E, InPlus);
  }

private:
  /// `os.str()` of a local stream, a pass-through method, or a method whose
  /// value is followed (see addReturned).
  bool addMemberCall(const CXXMemberCallExpr *Member, unsigned Depth) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (!Method)
      return false;
    const auto *Stream = dyn_cast<DeclRefExpr>(
        Member->getImplicitObjectArgument()->IgnoreParenImpCasts());
    const auto *StreamVar =
        Stream ? dyn_cast<VarDecl>(Stream->getDecl()) : nullptr;
    if (Method->getIdentifier() && Method->getName() == "str" && StreamVar &&
        isStringStream(StreamVar->getType()) && addWrites(StreamVar, Depth))
      return true;
    if (isa<CXXConversionDecl>(Method) ||
        (Method->getIdentifier() &&
         llvm::is_contained(PassThroughMethods, Method->getName()))) {
      add(Member->getImplicitObjectArgument(), Depth + 1);
      return true;
    }
    return !Method->isVirtual() && addReturned(Member, Depth);
  }

  /// A text function (its first argument), or a function whose value is
  /// followed.
  bool addCall(const CallExpr *Call, unsigned Depth) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || !Callee->getIdentifier())
      return false;
    const std::string Name = qualifiedNameOf(Callee);
    if (Call->getNumArgs() > 0 && llvm::any_of(TextFunctions, [&](StringRef F) {
          return matchesListedName(Name, F);
        })) {
      add(Call->getArg(0), Depth + 1);
      return true;
    }
    return addReturned(Call, Depth);
  }

  /// What \p Call returns, when its callee is defined in this translation
  /// unit, outside system headers, with one return statement: SQL composed
  /// by a function of the project. Its parameters stay opaque.
  bool addReturned(const CallExpr *Call, unsigned Depth) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    const FunctionDecl *Definition = nullptr;
    if (!Callee || !Callee->hasBody(Definition) ||
        Definition->getASTContext().getSourceManager().isInSystemHeader(
            Definition->getLocation()))
      return false;
    const ReturnStmt *Return = onlyReturn(Definition->getBody());
    if (!Return || !Return->getRetValue())
      return false;
    ThroughReturn = true;
    add(Return->getRetValue(), Depth + 1);
    return true;
  }

  /// A string (or format string) made from one string argument.
  bool addConstruct(const CXXConstructExpr *Construct, unsigned Depth,
                    bool InPlus) {
    if (Construct->getNumArgs() < 1 ||
        !llvm::all_of(llvm::drop_begin(Construct->arguments()),
                      [](const Expr *A) { return isa<CXXDefaultArgExpr>(A); }))
      return false;
    add(Construct->getArg(0), Depth + 1, InPlus);
    return true;
  }

  /// A local buffer or a variable with a known, unchanged initialiser.
  bool addVariable(const DeclRefExpr *Ref, unsigned Depth, bool InPlus) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var)
      return false;
    const QualType Type = Var->getType();
    const ArrayType *Array = Type->getAsArrayTypeUnsafe();
    if (Array && !Type.isConstQualified() &&
        Array->getElementType()->isAnyCharacterType() &&
        !Array->getElementType().isConstQualified() && addWrites(Var, Depth))
      return true;
    const bool Constant = Type.isConstQualified() ||
                          (Array && Array->getElementType().isConstQualified());
    const Expr *Init = Var->getAnyInitializer();
    if (Init && !Type->isReferenceType() &&
        (Constant || isUnchangedLocal(Var))) {
      add(Init, Depth + 1, InPlus);
      return true;
    }
    // `std::string sql; sql = "DELETE FROM " + t; sql += ";";`
    return isStringLike(Type->getAsCXXRecordDecl()) &&
           addWrites(Var, Depth, Ref->getBeginLoc());
  }
};

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
/// The characters of a string literal token as spelled, without its prefix,
/// quotes and a raw string's delimiters; escapes are left as written.
StringRef literalContent(StringRef Spelling) {
  const std::size_t Open = Spelling.find('"');
  const std::size_t Close = Spelling.rfind('"');
  if (Open == StringRef::npos || Close <= Open)
    return "";
  StringRef Body = Spelling.slice(Open + 1, Close);
  if (Open > 0 && Spelling[Open - 1] == 'R') {
    const std::size_t Paren = Body.find('(');
    Body =
        Paren == StringRef::npos ? "" : Body.slice(Paren + 1, Body.rfind(')'));
  }
  return Body;
}

/// The tables that string literals of the main file create as temporary
/// (`CREATE TEMP TABLE name`), in lower case. Read from the file's tokens,
/// adjacent literals joined, so that the order of the functions that
/// create and empty a table does not matter.
llvm::StringSet<> temporaryTablesOf(const SourceManager &SM,
                                    const LangOptions &LangOpts) {
  llvm::StringSet<> Tables;
  const FileID Main = SM.getMainFileID();
  const StringRef Buffer = SM.getBufferData(Main);
  if (!Buffer.contains_insensitive("temp") ||
      !Buffer.contains_insensitive("table"))
    return Tables;
  Lexer Raw(SM.getLocForStartOfFile(Main), LangOpts, Buffer.begin(),
            Buffer.begin(), Buffer.end());
  std::string Text;
  Token Tok;
  do {
    Raw.LexFromRawLexer(Tok);
    if (tok::isStringLiteral(Tok.getKind())) {
      Text += literalContent(StringRef(Tok.getLiteralData(), Tok.getLength()));
      continue;
    }
    if (StringRef(Text).contains_insensitive("temp"))
      for (const sql::Statement &S : sql::scan(Text))
        if (S.Kind == sql::StatementKind::CreateTemporary)
          Tables.insert(StringRef(S.Table).lower());
    Text.clear();
  } while (Tok.isNot(tok::eof));
  return Tables;
}

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
  /// Functions of this translation unit that send one of their string
  /// parameters, whole, as SQL: the project's own wrappers, and that index.
  llvm::DenseMap<const FunctionDecl *, unsigned> Wrappers;
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
  bool noteWrapper(const SqlText &Sql) {
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
        .try_emplace(wrapperKey(Function), Param->getFunctionScopeIndex())
        .second;
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

bool UnconditionalSqlDeleteCheck::mayMatch(const CallExpr *Call) const {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return false;
  if (Callee->getOverloadedOperator() == OO_LessLess)
    return true;
  if (const IdentifierInfo *Id = Callee->getIdentifier())
    if (CalleeNames.count(Id->getName()))
      return true;
  return !isa<CXXOperatorCallExpr>(Call) && Callee->hasBody() &&
         !TU->Context->getSourceManager().isInSystemHeader(
             Callee->getLocation());
}

void UnconditionalSqlDeleteCheck::visitStatement(const Stmt *S) {
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    if (mayMatch(Call))
      CallMatchers->match(*Call, *TU->Context);
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
    if (constructsClassNamed(Construct, CalleeNames))
      CallMatchers->match(*Construct, *TU->Context);
  }
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
  /// count.
  void report(const SqlText &Sql, const Expr *Use, StringRef UseName) {
    const auto Inside = [&](SourceLocation Loc) {
      return SM.isPointWithin(SM.getExpansionLoc(Loc),
                              SM.getExpansionLoc(Use->getBeginLoc()),
                              SM.getExpansionLoc(Use->getEndLoc()));
    };
    if (!Sql.known())
      return;
    for (const sql::Statement &S : sql::scan(Sql.Text)) {
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
      if (!Use && (!S.UpperCase || !S.Complete ||
                   (!Rest.empty() && Rest.trim().empty())))
        continue;
      if (TU.allowedTable(S.Table) || TU.isTemporary(S.Table))
        continue;
      const Piece *Keyword = Sql.pieceAt(S.KeywordOffset);
      if (!Keyword || !Keyword->Literal)
        continue;
      const SourceLocation Loc =
          locationIn(*Keyword, S.KeywordOffset - Keyword->Offset);
      if (!TU.Reported.insert(Loc.getRawEncoding()).second)
        continue;
      emit(S, Sql, Loc, AlwaysTrue);
      if (Use && !Inside(Keyword->Literal->getBeginLoc()))
        Check.diag(Use->getExprLoc(),
                   "the statement is sent to the database "
                   "by '%0' here",
                   DiagnosticIDs::Note)
            << UseName;
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

  void emit(const sql::Statement &S, const SqlText &Sql, SourceLocation Loc,
            bool AlwaysTrue) {
    const bool Delete = S.Kind == sql::StatementKind::Delete;
    std::string Message = Delete ? "SQL DELETE" : "SQL UPDATE";
    if (!S.Table.empty())
      Message += Delete ? " from '%0'" : " of '%0'";
    Message += AlwaysTrue ? " has a WHERE clause that is always true"
                          : " has no WHERE clause";
    Message +=
        Delete ? "; every row will be deleted" : "; every row will be changed";
    {
      auto Warning = Check.diag(Loc, Message);
      if (!S.Table.empty())
        Warning << S.Table;
    }
    if (AlwaysTrue)
      return;
    auto Note = Check.diag(Loc,
                           Delete ? "add 'WHERE 1 = 1' if every row is meant "
                                    "to be deleted"
                                  : "add 'WHERE 1 = 1' if every row is meant "
                                    "to be changed",
                           DiagnosticIDs::Note);
    if (S.WhereInsertOffset == 0 || Sql.ThroughReturn)
      return;
    const Piece *Last = Sql.pieceAt(S.WhereInsertOffset - 1);
    if (!Last)
      return;
    if (Last->Literal) {
      if (spelledInFile(Last->Literal) &&
          Last->Literal->getCharByteWidth() == 1)
        Note << FixItHint::CreateInsertion(
            locationIn(*Last, S.WhereInsertOffset - Last->Offset),
            sql::explicitAllRowsClause(S, Sql.Text));
      return;
    }
    if (Last->Appendable && spelledInFile(Last->Opaque)) {
      const SourceLocation After = Lexer::getLocForEndOfToken(
          Last->Opaque->getEndLoc(), 0, SM, Context.getLangOpts());
      if (After.isValid())
        Note << FixItHint::CreateInsertion(
            After, " + \"" + sql::explicitAllRowsClause(S, Sql.Text) + "\"");
    }
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
  const Expr *Arg = sqlArgumentOf(Call, *Index);
  if (!Arg)
    return;
  SqlText Sql;
  Sql.add(Arg, 0);
  TU.noteWrapper(Sql);
  Report.report(Sql, Call, Callee->getName());
}

/// Checks the SQL argument of a constructor in SqlFunctions.
void checkSqlConstruct(State &TU, Reporter &Report,
                       const CXXConstructExpr *Construct) {
  const CXXConstructorDecl *Ctor = Construct->getConstructor();
  const compat::Optional<unsigned> Index = TU.sqlArgument(Ctor);
  if (!Index || *Index >= Construct->getNumArgs() ||
      isa<CXXDefaultArgExpr>(Construct->getArg(*Index)))
    return;
  SqlText Sql;
  Sql.add(Construct->getArg(*Index), 0);
  TU.noteWrapper(Sql);
  Report.report(Sql, Construct, Ctor->getParent()->getName());
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
      TU->noteWrapper(Sql);
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
        const unsigned Index = Wrapper->second;
        if (Index >= Call->getNumArgs() ||
            isa<CXXDefaultArgExpr>(Call->getArg(Index)))
          continue;
        SqlText Sql;
        Sql.add(Call->getArg(Index), 0);
        Grew |= TU->noteWrapper(Sql);
        Report.report(Sql, Call, Callee->getName());
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
  TU->TemporaryTables.clear();
}

} // namespace clang::tidy::safedelete
