//===--- FixIt.h - where a check's fix-it goes, and its title ---*- C++ -*-===//
//
// clang-tidy applies the hints attached to a warning (--fix). clangd offers
// them as a code action and titles it with the warning's own text, or with
// "insert '...'" for a single insertion: neither says what the fix does.
// clangd titles a fix carried by a note with the note's text, so
// safedelete-clangd asks for every fix on a note that names it.
//
//===----------------------------------------------------------------------===//

#ifndef SAFEDELETE_CHECKS_SUPPORT_FIXIT_H
#define SAFEDELETE_CHECKS_SUPPORT_FIXIT_H

#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace clang::tidy {
class ClangTidyCheck;
namespace safedelete {

enum class FixPlacement {
  /// On the warning: what clang-tidy's --fix applies.
  OnWarning,
  /// On a note after the warning whose text is the fix's title: what
  /// clangd shows as the code action's name.
  OnTitledNote,
};

/// Where every check of this process puts its fixes (OnWarning unless a
/// tool says otherwise before the checks run).
void setFixPlacement(FixPlacement Placement);

/// Gives \p Warning the fix \p Hints, titled \p Title ("erase through
/// 'it'"): attached to it, or, under OnTitledNote, on a note at \p Loc
/// emitted right after it. \p Warning is complete when this is called and
/// is not streamed into afterwards. Nothing happens without hints.
void attachFix(ClangTidyCheck &Check, const DiagnosticBuilder &Warning,
               SourceLocation Loc, llvm::StringRef Title,
               llvm::ArrayRef<FixItHint> Hints);

} // namespace safedelete
} // namespace clang::tidy

#endif // SAFEDELETE_CHECKS_SUPPORT_FIXIT_H
