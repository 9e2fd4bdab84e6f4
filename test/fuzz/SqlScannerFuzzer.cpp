//===--- SqlScannerFuzzer.cpp - libFuzzer target for support/SqlScanner --===//
//
// Feeds arbitrary bytes to the SQL scanner and checks what every caller
// relies on: offsets inside the text, in order, and a statement that the
// check would fix reads as one with a WHERE once ` WHERE 1 = 1` is inserted
// where the scanner says. Any violation traps, as does any sanitizer report.
//
//===----------------------------------------------------------------------===//

#include "support/SqlScanner.h"
#include <cstddef>
#include <cstdint>
#include <string>

namespace sql = clang::tidy::safedelete::sql;

namespace {

void require(bool Condition) {
  if (!Condition)
    __builtin_trap();
}

/// The statement of \p Statements that starts at \p Offset, if any.
const sql::Statement *startingAt(const std::vector<sql::Statement> &Statements,
                                 std::size_t Offset) {
  for (const sql::Statement &S : Statements)
    if (S.KeywordOffset == Offset)
      return &S;
  return nullptr;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *Data,
                                      std::size_t Size) {
  const std::string Text(reinterpret_cast<const char *>(Data), Size);
  const std::vector<sql::Statement> Statements = sql::scan(Text);
  std::size_t Previous = 0;
  for (const sql::Statement &S : Statements) {
    require(Previous <= S.KeywordOffset && S.KeywordOffset < S.End);
    require(S.WhereInsertOffset <= S.End && S.End <= Size);
    Previous = S.End;
    if (!sql::affectsEveryRow(S) || S.WhereInsertOffset == 0)
      continue;
    // The fix-it of the check: the fixed text must read as an explicit
    // all-rows statement.
    std::string Fixed = Text;
    Fixed.insert(S.WhereInsertOffset, sql::explicitAllRowsClause(S, Text));
    const std::vector<sql::Statement> Rescanned = sql::scan(Fixed);
    const sql::Statement *After = startingAt(Rescanned, S.KeywordOffset);
    require(After && After->HasWhere && After->ExplicitAllRows);
  }
  return 0;
}
