//===--- UnconditionalSqlDeleteModel.cpp - safedelete --------------------===//

#include "UnconditionalSqlDeleteModel.h"
#include "support/Containers.h"
#include "support/NameList.h"
#include "support/SqlScanner.h"
#include "clang/AST/ASTContext.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::safedelete::sql_delete {
namespace {

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

/// How many variables, conversions and text functions deep the SQL text is
/// followed (a `+` chain counts once, whatever its length).
constexpr unsigned MaxDepth = 8;

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

} // namespace

const CXXOperatorCallExpr *asStreamCall(const Expr *E) {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(E->IgnoreImplicit());
  return Op && Op->getOperator() == OO_LessLess && Op->getNumArgs() == 2
             ? Op
             : nullptr;
}

void SqlText::addLiteral(const StringLiteral *Literal) {
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

void SqlText::addOpaque(const Expr *E, bool Appendable) {
  Pieces.push_back({Text.size(), 1, nullptr, E, Appendable});
  Text += sql::OpaqueMark;
}

bool SqlText::addWrites(const VarDecl *Var, unsigned Depth,
                        SourceLocation Until) {
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

void SqlText::add(const Expr *E, unsigned Depth, bool InPlus) {
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

bool SqlText::addMemberCall(const CXXMemberCallExpr *Member, unsigned Depth) {
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

bool SqlText::addCall(const CallExpr *Call, unsigned Depth) {
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

bool SqlText::addReturned(const CallExpr *Call, unsigned Depth) {
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

bool SqlText::addConstruct(const CXXConstructExpr *Construct, unsigned Depth,
                           bool InPlus) {
  if (Construct->getNumArgs() < 1 ||
      !llvm::all_of(llvm::drop_begin(Construct->arguments()),
                    [](const Expr *A) { return isa<CXXDefaultArgExpr>(A); }))
    return false;
  add(Construct->getArg(0), Depth + 1, InPlus);
  return true;
}

bool SqlText::addVariable(const DeclRefExpr *Ref, unsigned Depth, bool InPlus) {
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
  if (Init && !Type->isReferenceType() && (Constant || isUnchangedLocal(Var))) {
    add(Init, Depth + 1, InPlus);
    return true;
  }
  // `std::string sql; sql = "DELETE FROM " + t; sql += ";";`
  return isStringLike(Type->getAsCXXRecordDecl()) &&
         addWrites(Var, Depth, Ref->getBeginLoc());
}

std::optional<unsigned>
sqlParameterByName(const FunctionDecl &Callee,
                   const std::vector<std::string> &Words) {
  if (Words.empty())
    return {};
  for (const FunctionDecl *Declaration : Callee.redecls())
    for (const ParmVarDecl *Param : Declaration->parameters()) {
      const QualType Type = Param->getType().getNonReferenceType();
      const IdentifierInfo *Id = Param->getIdentifier();
      if (Id && !(Type->isScalarType() && !Type->isPointerType()) &&
          hasListedWord(Id->getName(), Words))
        return Param->getFunctionScopeIndex();
    }
  return {};
}

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

} // namespace clang::tidy::safedelete::sql_delete
