//===--- SourceText.cpp - source text for messages and fix-its -----------===//

#include "support/SourceText.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::safedelete {

StringRef textOf(SourceRange Range, const SourceManager &SM,
                 const LangOptions &LangOpts) {
  return Lexer::getSourceText(CharSourceRange::getTokenRange(Range), SM,
                              LangOpts);
}

StringRef textOf(SourceRange Range, const ASTContext &Context) {
  return textOf(Range, Context.getSourceManager(), Context.getLangOpts());
}

bool inMacro(SourceRange Range) {
  return Range.getBegin().isMacroID() || Range.getEnd().isMacroID();
}

size_t findWord(StringRef Text, StringRef Word) {
  for (size_t At = Text.find(Word); At != StringRef::npos;
       At = Text.find(Word, At + 1)) {
    const size_t End = At + Word.size();
    if ((At == 0 || !isAsciiIdentifierContinue(Text[At - 1])) &&
        (End == Text.size() || !isAsciiIdentifierContinue(Text[End])))
      return At;
  }
  return StringRef::npos;
}

std::vector<StringRef> commentsBetween(SourceLocation Begin, SourceLocation End,
                                       const SourceManager &SM,
                                       const LangOptions &LangOpts) {
  const auto [File, From] = SM.getDecomposedLoc(SM.getFileLoc(Begin));
  const auto [EndFile, To] = SM.getDecomposedLoc(SM.getFileLoc(End));
  bool Invalid = false;
  const StringRef Buffer = SM.getBufferData(File, &Invalid);
  std::vector<StringRef> Comments;
  if (Invalid || File != EndFile || To < From)
    return Comments;
  Lexer Lex(SM.getLocForStartOfFile(File), LangOpts, Buffer.begin(),
            Buffer.begin() + From, Buffer.end());
  Lex.SetCommentRetentionState(true);
  Token Tok;
  for (bool End = false; !End;) {
    End = Lex.LexFromRawLexer(Tok);
    const unsigned At = SM.getFileOffset(Tok.getLocation());
    if (At >= To)
      break;
    if (Tok.is(tok::comment))
      Comments.push_back(Buffer.substr(At, Tok.getLength()));
  }
  return Comments;
}

StringRef commentAbove(SourceLocation Loc, const SourceManager &SM) {
  const auto [File, Offset] = SM.getDecomposedLoc(SM.getFileLoc(Loc));
  bool Invalid = false;
  const StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid)
    return {};
  const size_t LineStart = Buffer.rfind('\n', Offset) + 1;
  size_t Top = LineStart;
  bool InBlock = false;
  while (Top > 0) {
    const size_t Start = Buffer.rfind('\n', Top - 1) + 1;
    const StringRef Line = Buffer.slice(Start, Top - 1).trim();
    if (Line.take_back(2) == "*/")
      InBlock = true;
    if (!InBlock && Line.take_front(2) != "//")
      break;
    if (Line.take_front(2) == "/*")
      InBlock = false;
    Top = Start;
  }
  return Buffer.slice(Top, LineStart);
}

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
