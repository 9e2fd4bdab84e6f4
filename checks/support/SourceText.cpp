//===--- SourceText.cpp - ranges of source text for fix-its --------------===//

#include "support/SourceText.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::safedelete {

CharSourceRange statementRemoval(SourceLocation Begin, SourceLocation Last,
                                 const SourceManager &SM,
                                 const LangOptions &LangOpts) {
  SourceLocation End =
      Lexer::findLocationAfterToken(Last, tok::semi, SM, LangOpts,
                                    /*SkipTrailingWhitespaceAndNewLine=*/false);
  if (End.isInvalid())
    return {};
  const std::pair<FileID, unsigned> From = SM.getDecomposedLoc(Begin);
  const std::pair<FileID, unsigned> To = SM.getDecomposedLoc(End);
  const StringRef Buffer = SM.getBufferData(From.first);
  const size_t LineBreak = Buffer.rfind('\n', From.second);
  const size_t LineEnd = Buffer.find('\n', To.second);
  if (LineBreak == StringRef::npos || LineEnd == StringRef::npos ||
      Buffer.slice(LineBreak + 1, From.second).find_first_not_of(" \t") !=
          StringRef::npos ||
      Buffer.slice(To.second, LineEnd).find_first_not_of(" \t\r") !=
          StringRef::npos)
    return CharSourceRange::getCharRange(Begin, End);
  return CharSourceRange::getCharRange(
      Begin.getLocWithOffset(-static_cast<int>(From.second - LineBreak)),
      End.getLocWithOffset(static_cast<int>(
          Buffer.slice(To.second, LineEnd).rtrim('\r').size())));
}

std::string indentationAt(SourceLocation Begin, const SourceManager &SM) {
  const std::pair<FileID, unsigned> Pos =
      SM.getDecomposedLoc(SM.getExpansionLoc(Begin));
  const StringRef Buffer = SM.getBufferData(Pos.first);
  const size_t LineStart = Buffer.rfind('\n', Pos.second) + 1;
  const StringRef Lead = Buffer.slice(LineStart, Pos.second);
  return Lead.find_first_not_of(" \t") == StringRef::npos ? Lead.str() : "";
}

} // namespace clang::tidy::safedelete
