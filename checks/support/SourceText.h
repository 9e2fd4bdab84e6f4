//===--- SourceText.h - ranges of source text for fix-its -------*- C++ -*-===//
//
// Fix-its that remove or rewrite whole statements need ranges that keep the
// surrounding layout: these helpers compute them once for every check.
//
//===----------------------------------------------------------------------===//

#ifndef SAFEDELETE_CHECKS_SUPPORT_SOURCETEXT_H
#define SAFEDELETE_CHECKS_SUPPORT_SOURCETEXT_H

#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceLocation.h"
#include <string>

namespace clang {
class SourceManager;
namespace tidy::safedelete {

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
