//===--- SqlScanner.h - find DELETE/UPDATE without WHERE in SQL text -----===//
//
// A small, fast scanner over SQL text, not a parser: it splits the text into
// statements on ';' and tells, per statement, whether it is a DELETE (or an
// UPDATE ... SET), possibly after a WITH prefix, and whether a WHERE appears
// at parenthesis depth 0 of that statement. It depends on LLVM's support
// library only, so it is unit-tested without clang.
//
//===----------------------------------------------------------------------===//

#ifndef SAFEDELETE_CHECKS_SUPPORT_SQLSCANNER_H
#define SAFEDELETE_CHECKS_SUPPORT_SQLSCANNER_H

#include "llvm/ADT/StringRef.h"
#include <cstddef>
#include <string>
#include <vector>

namespace clang::tidy::safedelete::sql {

/// The byte that stands in the text for a piece whose value is only known at
/// run time (a variable concatenated into the SQL). The scanner treats it,
/// like a format placeholder (`{}`, `%s`, `%1`), as an opaque name.
constexpr char OpaqueMark = '\x1f';

/// What a statement does. CreateTemporary is `CREATE [GLOBAL | LOCAL]
/// TEMP[ORARY] TABLE [IF NOT EXISTS] name`: a table of the session only.
enum class StatementKind { Other, Delete, Update, CreateTemporary };

/// What the scanner found out about one statement. Offsets are byte offsets
/// into the scanned text.
struct Statement {
  StatementKind Kind = StatementKind::Other;
  /// The DELETE or UPDATE keyword (or the first token for Other).
  std::size_t KeywordOffset = 0;
  /// Just past the last token of the statement.
  std::size_t End = 0;
  /// Where ` WHERE 1 = 1` would go: after the target and its clauses, before
  /// a RETURNING clause; 0 when the text ends inside parentheses.
  std::size_t WhereInsertOffset = 0;
  /// The target table as written, quotes removed (`public.sessions`); empty
  /// when a part of it is opaque.
  std::string Table;
  /// A WHERE at parenthesis depth 0 of the statement.
  bool HasWhere = false;
  /// That WHERE reads `WHERE 1 = 1`, `WHERE 1` or `WHERE TRUE` and nothing
  /// more: all rows on purpose.
  bool ExplicitAllRows = false;
  /// A top-level LIMIT or TOP bounds the number of rows.
  bool Limited = false;
  /// An opaque piece stands where a clause could start (`"DELETE FROM t " +
  /// filter`): the statement may get its WHERE at run time.
  bool OpaqueClause = false;
  /// The DELETE/UPDATE keyword (and FROM/SET) are spelled in upper case.
  bool UpperCase = false;
  /// The statement is `DELETE FROM name` or `UPDATE name SET ...` with
  /// nothing but SQL after it: it ends the text or a ';' ends it.
  bool Complete = false;
};

/// Splits \p Sql into statements at ';' outside comments, strings, quoted
/// identifiers and parentheses, and describes each non-empty one.
std::vector<Statement> scan(llvm::StringRef Sql);

/// Whether \p S deletes (or updates) every row of its table: a DELETE or
/// UPDATE with no top-level WHERE, no LIMIT/TOP and no opaque piece that may
/// bring a WHERE. An explicit `WHERE 1 = 1` counts as a WHERE.
inline bool affectsEveryRow(const Statement &S) {
  return (S.Kind == StatementKind::Delete || S.Kind == StatementKind::Update) &&
         !S.HasWhere && !S.Limited && !S.OpaqueClause;
}

/// What makes \p S, a statement of \p Sql, delete or update every row on
/// purpose when inserted at its WhereInsertOffset: ` WHERE 1 = 1`, with a
/// blank after it when a token is glued to that point (`"t"RETURNING`).
std::string explicitAllRowsClause(const Statement &S, llvm::StringRef Sql);

} // namespace clang::tidy::safedelete::sql

#endif // SAFEDELETE_CHECKS_SUPPORT_SQLSCANNER_H
