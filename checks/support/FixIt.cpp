//===--- FixIt.cpp - where a check's fix-it goes, and its title -----------===//

#include "FixIt.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::safedelete {

namespace {
FixPlacement CurrentPlacement = FixPlacement::OnWarning;
} // namespace

void setFixPlacement(FixPlacement Placement) { CurrentPlacement = Placement; }

void attachFix(ClangTidyCheck &Check, const DiagnosticBuilder &Warning,
               SourceLocation Loc, llvm::StringRef Title,
               llvm::ArrayRef<FixItHint> Hints) {
  if (Hints.empty())
    return;
  if (CurrentPlacement == FixPlacement::OnWarning) {
    Warning << Hints;
    return;
  }
  // The copy takes the diagnostic over and emits it when it goes, so that
  // the note follows its warning.
  { const DiagnosticBuilder Emitted(Warning); }
  Check.diag(Loc, "%0", DiagnosticIDs::Note) << Title << Hints;
}

} // namespace clang::tidy::safedelete
