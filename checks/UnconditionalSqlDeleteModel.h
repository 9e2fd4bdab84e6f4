//===--- UnconditionalSqlDeleteModel.h - safedelete -------------*- C++ -*-===//
//
// The model behind safedelete-unconditional-sql-delete: the SQL text a C++
// expression evaluates to, as far as the translation unit tells (literals,
// `+` chains, streams and buffers written in the function, variables with a
// known value, text and format functions, values returned by functions
// defined here), cut into pieces that map each character back to the code;
// and the tables the main file creates as temporary. The check matches the
// calls that send SQL, scans the text (support/SqlScanner) and reports.
//
//===----------------------------------------------------------------------===//

#ifndef SAFEDELETE_CHECKS_UNCONDITIONALSQLDELETEMODEL_H
#define SAFEDELETE_CHECKS_UNCONDITIONALSQLDELETEMODEL_H

#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::safedelete::sql_delete {

/// Whether \p E is `a << b`.
const CXXOperatorCallExpr *asStreamCall(const Expr *E);

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

  void addLiteral(const StringLiteral *Literal);

  void addOpaque(const Expr *E, bool Appendable);

  /// Appends what is written into the local buffer or stream \p Var, if
  /// that is all known; for a string, what it holds at \p Until, starting
  /// with its initialiser.
  bool addWrites(const VarDecl *Var, unsigned Depth, SourceLocation Until = {});

  /// Appends what \p E evaluates to.
  void add(const Expr *E, unsigned Depth, bool InPlus = false);

private:
  /// `os.str()` of a local stream, a pass-through method, or a method whose
  /// value is followed (see addReturned).
  bool addMemberCall(const CXXMemberCallExpr *Member, unsigned Depth);

  /// A text function (its first argument), or a function whose value is
  /// followed.
  bool addCall(const CallExpr *Call, unsigned Depth);

  /// What \p Call returns, when its callee is defined in this translation
  /// unit, outside system headers, with one return statement: SQL composed
  /// by a function of the project. Its parameters stay opaque.
  bool addReturned(const CallExpr *Call, unsigned Depth);

  /// A string (or format string) made from one string argument.
  bool addConstruct(const CXXConstructExpr *Construct, unsigned Depth,
                    bool InPlus);

  /// A local buffer or a variable with a known, unchanged initialiser.
  bool addVariable(const DeclRefExpr *Ref, unsigned Depth, bool InPlus);
};

/// The first parameter of \p Callee whose name, in one of its declarations,
/// has a word in \p Words (support/NameList's hasListedWord): the SQL
/// parameter of a statement function of the project (`execNow(const
/// QString &statement)`), known by its name when its body is in another
/// translation unit. Parameters of arithmetic or enumeration type do not
/// count (`int queryId`). Counted without `this`.
std::optional<unsigned>
sqlParameterByName(const FunctionDecl &Callee,
                   const std::vector<std::string> &Words);

/// The tables that string literals of the main file create as temporary
/// (`CREATE TEMP TABLE name`), in lower case. Read from the file's tokens,
/// adjacent literals joined, so that the order of the functions that
/// create and empty a table does not matter.
llvm::StringSet<> temporaryTablesOf(const SourceManager &SM,
                                    const LangOptions &LangOpts);

} // namespace clang::tidy::safedelete::sql_delete

#endif // SAFEDELETE_CHECKS_UNCONDITIONALSQLDELETEMODEL_H
