//===--- SourceText.h - source text for messages and fix-its ----*- C++ -*-===//
//
// Messages quote the code as written and fix-its rewrite it: these helpers
// read source text, test for macros and whole words, and compute ranges
// that keep the surrounding layout, once for every check.
//
//===----------------------------------------------------------------------===//

#ifndef SAFEDELETE_CHECKS_SUPPORT_SOURCETEXT_H
#define SAFEDELETE_CHECKS_SUPPORT_SOURCETEXT_H

#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class SourceManager;
namespace tidy::safedelete {

/// The text of the token range \p Range as written; empty when it cannot
/// be read (a range inside a macro's arguments may not be).
StringRef textOf(SourceRange Range, const SourceManager &SM,
                 const LangOptions &LangOpts);
StringRef textOf(SourceRange Range, const ASTContext &Context);

/// Whether either end of \p Range comes from a macro expansion (its
/// arguments included): text read or rewritten there is not where the
/// user wrote it.
bool inMacro(SourceRange Range);

/// Where \p Word occurs in \p Text as a whole identifier (not inside a
/// longer one), or npos.
size_t findWord(StringRef Text, StringRef Word);
inline bool hasWord(StringRef Text, StringRef Word) {
  return findWord(Text, Word) != StringRef::npos;
}

/// The comments written from \p Begin up to \p End, two places of one
/// file, in order; empty when they are in different files.
std::vector<StringRef> commentsBetween(SourceLocation Begin, SourceLocation End,
                                       const SourceManager &SM,
                                       const LangOptions &LangOpts);

/// The comment lines right above the line of \p Loc (`//` lines, or the
/// lines of a `/* ... */` block ending there) as one text; empty if none.
StringRef commentAbove(SourceLocation Loc, const SourceManager &SM);

/// The range that removes the statement from \p Begin to the `;` after
/// \p Last; an invalid range when there is no such `;`. A statement alone
/// on its line goes with its line: the range starts at the line break
/// before it, since a removal that starts at the indentation loses one
/// blank of the next line to clang's whitespace adjustment.
CharSourceRange statementRemoval(SourceLocation Begin, SourceLocation Last,
                                 const SourceManager &SM,
                                 const LangOptions &LangOpts);

/// The blanks before \p Begin on its line, when only blanks come before
/// it there (the indentation of a statement starting at \p Begin); else
/// empty. A location in a macro counts where the macro is expanded.
std::string indentationAt(SourceLocation Begin, const SourceManager &SM);

} // namespace tidy::safedelete
} // namespace clang

#endif // SAFEDELETE_CHECKS_SUPPORT_SOURCETEXT_H
