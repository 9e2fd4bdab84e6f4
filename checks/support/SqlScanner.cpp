//===--- SqlScanner.cpp - find DELETE/UPDATE without WHERE in SQL text ---===//

#include "support/SqlScanner.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::safedelete::sql {
namespace {

struct Token {
  enum KindType : unsigned char { Word, Number, String, Param, Punct } Kind;
  std::size_t Begin;
  std::size_t End;
  unsigned Depth;
  /// A quoted identifier ("x", `x`, [x]): never a keyword.
  bool Quoted = false;
  /// A word made of, or containing, an opaque piece or a format placeholder.
  bool Opaque = false;
  /// A string or quoted identifier that the text ends inside of.
  bool Unterminated = false;
};

bool isIdentStart(char C) {
  return llvm::isAlpha(C) || C == '_' || static_cast<unsigned char>(C) >= 0x80;
}

bool isIdentChar(char C) {
  return isIdentStart(C) || llvm::isDigit(C) || C == '$';
}

class Lexer {
public:
  explicit Lexer(llvm::StringRef Text) : Text(Text) {}

  std::vector<Token> lex() {
    std::vector<Token> Tokens;
    unsigned Depth = 0;
    while (skipBlanksAndComments()) {
      Token T = next();
      if (T.Kind == Token::Punct && Text[T.Begin] == ')' && Depth > 0)
        --Depth;
      T.Depth = Depth;
      if (T.Kind == Token::Punct && Text[T.Begin] == '(')
        ++Depth;
      Tokens.push_back(T);
    }
    return Tokens;
  }

private:
  char at(std::size_t I) const { return I < Text.size() ? Text[I] : '\0'; }

  /// Skips white space and comments; false at the end of the text.
  bool skipBlanksAndComments() {
    while (Pos < Text.size()) {
      const char C = Text[Pos];
      if (llvm::isSpace(C)) {
        ++Pos;
      } else if (C == '-' && at(Pos + 1) == '-') {
        const std::size_t Eol = Text.find('\n', Pos);
        Pos = Eol == llvm::StringRef::npos ? Text.size() : Eol + 1;
      } else if (C == '/' && at(Pos + 1) == '*') {
        const std::size_t Close = Text.find("*/", Pos + 2);
        Pos = Close == llvm::StringRef::npos ? Text.size() : Close + 2;
      } else {
        return true;
      }
    }
    return false;
  }

  /// Skips a quoted run that starts at Pos with \p Quote and ends with
  /// \p Close; a doubled \p Close is an escaped one, and so is a backslash
  /// escape when \p Backslash. False when the text ends before \p Close.
  bool skipQuoted(char Close, bool Backslash) {
    ++Pos;
    while (Pos < Text.size()) {
      const char C = Text[Pos];
      if (Backslash && C == '\\') {
        Pos += 2;
        continue;
      }
      ++Pos;
      if (C == Close) {
        if (at(Pos) != Close)
          return true;
        ++Pos;
      }
    }
    Pos = Text.size();
    return false;
  }

  /// The length of a format placeholder at \p I (`{}`, `{0}`, `{:>8}`,
  /// `%s`, `%-10.3lld`, `%1`), or 0.
  std::size_t placeholderAt(std::size_t I) const {
    if (at(I) == '{') {
      std::size_t J = I + 1;
      while (J < Text.size() && J < I + 32 && Text[J] != '}' &&
             Text[J] != '{' && !llvm::isSpace(Text[J]) && Text[J] != '\'')
        ++J;
      return at(J) == '}' ? J + 1 - I : 0;
    }
    if (at(I) != '%')
      return 0;
    std::size_t J = I + 1;
    if (llvm::isDigit(at(J)) && at(J) != '0') {
      // QString::arg: %1 .. %99.
      while (llvm::isDigit(at(J)))
        ++J;
      return J - I;
    }
    while (llvm::StringRef("-+ #0").contains(at(J)) && at(J) != '\0')
      ++J;
    while (llvm::isDigit(at(J)) || at(J) == '*')
      ++J;
    if (at(J) == '.') {
      ++J;
      while (llvm::isDigit(at(J)) || at(J) == '*')
        ++J;
    }
    while (llvm::StringRef("hlLqjzt").contains(at(J)) && at(J) != '\0')
      ++J;
    return llvm::StringRef("diouxXeEfFgGaAcsp").contains(at(J)) && at(J) != '\0'
               ? J + 1 - I
               : 0;
  }

  /// Consumes identifier characters, opaque marks and placeholders glued
  /// together into one word.
  Token word(std::size_t Begin) {
    Token T{Token::Word, Begin, Begin, 0};
    while (Pos < Text.size()) {
      if (Text[Pos] == OpaqueMark) {
        T.Opaque = true;
        ++Pos;
      } else if (const std::size_t N = placeholderAt(Pos)) {
        T.Opaque = true;
        Pos += N;
      } else if (isIdentChar(Text[Pos])) {
        ++Pos;
      } else {
        break;
      }
    }
    T.End = Pos;
    return T;
  }

  Token next() {
    const std::size_t Begin = Pos;
    const char C = Text[Pos];
    const auto Make = [&](Token::KindType Kind, bool Closed = true) {
      Token T{Kind, Begin, Pos, 0};
      T.Quoted = Kind == Token::Word;
      // `"DELETE FROM \`" + table + "\`"`: a quoted name made at run time.
      T.Opaque = T.Quoted && Text.slice(Begin, Pos).contains(OpaqueMark);
      T.Unterminated = !Closed;
      return T;
    };
    if (C == '\'')
      return Make(Token::String, skipQuoted('\'', false));
    if (C == '"' || C == '`')
      return Make(Token::Word, skipQuoted(C, false));
    if (C == '[')
      return Make(Token::Word, skipQuoted(']', false));
    if (C == '$') {
      if (llvm::isDigit(at(Pos + 1))) {
        ++Pos;
        while (llvm::isDigit(at(Pos)))
          ++Pos;
        return Make(Token::Param);
      }
      // A dollar-quoted string: $$...$$ or $tag$...$tag$.
      std::size_t TagEnd = Pos + 1;
      while (TagEnd < Text.size() && isIdentChar(Text[TagEnd]) &&
             Text[TagEnd] != '$')
        ++TagEnd;
      if (at(TagEnd) == '$' &&
          (TagEnd == Pos + 1 || isIdentStart(at(Pos + 1)))) {
        const llvm::StringRef Tag = Text.slice(Pos, TagEnd + 1);
        const std::size_t Close = Text.find(Tag, TagEnd + 1);
        Pos = Close == llvm::StringRef::npos ? Text.size() : Close + Tag.size();
        return Make(Token::String, Close != llvm::StringRef::npos);
      }
      ++Pos;
      return Make(Token::Punct);
    }
    if (C == '?') {
      ++Pos;
      while (llvm::isDigit(at(Pos)))
        ++Pos;
      return Make(Token::Param);
    }
    if ((C == ':' || C == '@') &&
        (isIdentStart(at(Pos + 1)) || (C == '@' && at(Pos + 1) == '@'))) {
      Pos += 2;
      while (isIdentChar(at(Pos)))
        ++Pos;
      return Make(Token::Param);
    }
    if (C == ':' && at(Pos + 1) == ':') {
      Pos += 2;
      return Make(Token::Punct);
    }
    if (isIdentStart(C) || C == OpaqueMark || placeholderAt(Pos) != 0) {
      // E'..', N'..', X'..', B'..' string literals with a prefix.
      if (isIdentStart(C) && at(Pos + 1) == '\'' &&
          llvm::StringRef("eEnNxXbB").contains(C)) {
        ++Pos;
        return Make(Token::String, skipQuoted('\'', C == 'e' || C == 'E'));
      }
      return word(Begin);
    }
    if (llvm::isDigit(C) || (C == '.' && llvm::isDigit(at(Pos + 1)))) {
      while (llvm::isAlnum(at(Pos)) || at(Pos) == '.' || at(Pos) == '_')
        ++Pos;
      return Make(Token::Number);
    }
    if ((C == '{' || C == '%') && at(Pos + 1) == C)
      ++Pos; // {{ and %% stand for one character in a format string.
    ++Pos;
    return Make(Token::Punct);
  }

  llvm::StringRef Text;
  std::size_t Pos = 0;
};

/// Analyses the tokens of one statement.
class StatementReader {
public:
  StatementReader(llvm::StringRef Text, llvm::ArrayRef<Token> Tokens)
      : Text(Text), Tokens(Tokens) {}

  Statement read() {
    Statement S;
    S.KeywordOffset = Tokens.front().Begin;
    S.End = Tokens.back().End;
    S.WhereInsertOffset = S.End;
    // The text ends inside a string or a quoted name: nothing after the
    // opening quote is SQL, and no clause can be added to it.
    if (Tokens.back().Unterminated)
      return S;
    std::size_t I = 0;
    if (isKeyword(0, "WITH")) {
      // The statement proper is the first DML keyword at depth 0.
      I = 1;
      while (I < Tokens.size() &&
             !(Tokens[I].Depth == 0 &&
               (isKeyword(I, "DELETE") || isKeyword(I, "UPDATE") ||
                isKeyword(I, "SELECT") || isKeyword(I, "INSERT") ||
                isKeyword(I, "REPLACE") || isKeyword(I, "MERGE"))))
        ++I;
      if (I == Tokens.size())
        return S;
    }
    if (isKeyword(I, "DELETE"))
      readDelete(S, I);
    else if (isKeyword(I, "UPDATE"))
      readUpdate(S, I);
    else if (isKeyword(I, "CREATE"))
      readCreateTemporary(S, I);
    // The text ends inside parentheses: a clause added there would belong
    // to them, not to the statement.
    const std::size_t Last = Tokens.size() - 1;
    if (S.WhereInsertOffset == S.End &&
        (Tokens[Last].Depth > 0 || isPunct(Last, '(')))
      S.WhereInsertOffset = 0;
    return S;
  }

private:
  llvm::StringRef text(std::size_t I) const {
    return Text.slice(Tokens[I].Begin, Tokens[I].End);
  }

  bool isKeyword(std::size_t I, llvm::StringRef Word) const {
    return I < Tokens.size() && Tokens[I].Kind == Token::Word &&
           !Tokens[I].Quoted && !Tokens[I].Opaque &&
           text(I).equals_insensitive(Word);
  }

  bool isPunct(std::size_t I, char C) const {
    return I < Tokens.size() && Tokens[I].Kind == Token::Punct &&
           Text[Tokens[I].Begin] == C;
  }

  bool isUpper(std::size_t I) const {
    return llvm::none_of(text(I), [](char C) { return C >= 'a' && C <= 'z'; });
  }

  /// Skips the optional words in \p Words starting at \p I.
  std::size_t skipWords(std::size_t I,
                        std::initializer_list<llvm::StringRef> Words) const {
    while (
        llvm::any_of(Words, [&](llvm::StringRef W) { return isKeyword(I, W); }))
      ++I;
    return I;
  }

  /// Reads a possibly qualified name at \p I into \p Table; returns the index
  /// after it, or \p I when there is no name.
  std::size_t readName(std::size_t I, std::string &Table) const {
    Table.clear();
    bool Opaque = false;
    std::size_t J = I;
    while (J < Tokens.size() && Tokens[J].Kind == Token::Word) {
      Opaque |= Tokens[J].Opaque;
      llvm::StringRef Part = text(J);
      if (Tokens[J].Quoted)
        Part = Part.drop_front().drop_back();
      Table += Part.str();
      ++J;
      if (!isPunct(J, '.'))
        break;
      // `schema.` with no name after it: not a name we can read.
      if (J + 1 >= Tokens.size() || Tokens[J + 1].Kind != Token::Word) {
        Table.clear();
        return I;
      }
      Table += '.';
      ++J;
    }
    if (Opaque)
      Table.clear();
    return J;
  }

  /// Whether the token at \p P needs an operand after it: an operator, a
  /// comma, an opening parenthesis or a keyword such as FROM or SET.
  bool expectsOperand(std::size_t P) const {
    if (Tokens[P].Kind == Token::Punct)
      return Text[Tokens[P].Begin] != ')';
    if (Tokens[P].Kind != Token::Word || Tokens[P].Quoted || Tokens[P].Opaque)
      return false;
    static constexpr llvm::StringRef OperandBefore[] = {
        "FROM",   "JOIN",      "USING",  "AS",    "ON",     "AND",
        "OR",     "NOT",       "IN",     "IS",    "LIKE",   "BETWEEN",
        "INTO",   "ONLY",      "SET",    "WHERE", "BY",     "LIMIT",
        "OFFSET", "RETURNING", "OUTPUT", "TOP",   "DELETE", "UPDATE"};
    return llvm::any_of(OperandBefore,
                        [&](llvm::StringRef W) { return isKeyword(P, W); });
  }

  /// Whether an opaque word at \p I stands where a new clause could start,
  /// rather than as an operand of the token before it.
  bool startsClause(std::size_t I) const { return !expectsOperand(I - 1); }

  /// Scans the depth-0 tokens from \p I on for WHERE, LIMIT, RETURNING and
  /// opaque clauses.
  void readClauses(Statement &S, std::size_t I) const {
    for (; I < Tokens.size(); ++I) {
      if (Tokens[I].Depth != 0)
        continue;
      if (isKeyword(I, "WHERE")) {
        if (!S.HasWhere)
          S.ExplicitAllRows = isAllRowsCondition(I + 1);
        S.HasWhere = true;
      } else if (isKeyword(I, "LIMIT") || isKeyword(I, "FETCH")) {
        S.Limited = true;
      } else if (isKeyword(I, "RETURNING") && S.WhereInsertOffset == S.End &&
                 I > 0) {
        S.WhereInsertOffset = Tokens[I - 1].End;
      } else if (Tokens[I].Opaque && !S.HasWhere && startsClause(I)) {
        S.OpaqueClause = true;
      }
    }
  }

  /// Whether the condition starting at \p I is `1 = 1`, `1` or `TRUE` alone.
  bool isAllRowsCondition(std::size_t I) const {
    std::size_t J = I;
    const auto IsOne = [&](std::size_t K) {
      return K < Tokens.size() && Tokens[K].Kind == Token::Number &&
             text(K) == "1";
    };
    if (IsOne(J) && isPunct(J + 1, '=') && IsOne(J + 2))
      J += 3;
    else if (isKeyword(J, "TRUE") || IsOne(J))
      ++J;
    else
      return false;
    return J == Tokens.size() || isKeyword(J, "RETURNING") ||
           isKeyword(J, "ORDER") || isKeyword(J, "LIMIT");
  }

  void readDelete(Statement &S, std::size_t Verb) const {
    S.Kind = StatementKind::Delete;
    S.KeywordOffset = Tokens[Verb].Begin;
    bool Upper = isUpper(Verb);
    std::size_t I = skipWords(Verb + 1, {"LOW_PRIORITY", "QUICK", "IGNORE"});
    if (isKeyword(I, "TOP")) {
      // TOP (n) or TOP n.
      S.Limited = true;
      ++I;
      while (I < Tokens.size() &&
             !(Tokens[I].Depth == 0 && Tokens[I].Kind == Token::Word))
        ++I;
    }
    const bool From = isKeyword(I, "FROM");
    if (From) {
      Upper &= isUpper(I);
      I = skipWords(I + 1, {"ONLY"});
    }
    const std::size_t AfterName = readName(I, S.Table);
    if (AfterName == I) {
      // No target: not a statement we understand.
      S.Kind = StatementKind::Other;
      return;
    }
    // "DELETE " + rest: the rest may hold FROM ... WHERE.
    S.OpaqueClause = !From && Tokens[I].Opaque;
    S.UpperCase = Upper;
    S.Complete = From && completeAfter(AfterName);
    readClauses(S, AfterName);
  }

  void readUpdate(Statement &S, std::size_t Verb) const {
    std::size_t I = Verb + 1;
    if (isKeyword(I, "OR"))
      I += 2;
    I = skipWords(I, {"LOW_PRIORITY", "IGNORE", "ONLY"});
    std::string Table;
    const std::size_t AfterName = readName(I, Table);
    std::size_t Set = AfterName;
    while (Set < Tokens.size() &&
           !(Tokens[Set].Depth == 0 && isKeyword(Set, "SET")))
      ++Set;
    if (AfterName == I || Set == Tokens.size())
      return;
    S.Kind = StatementKind::Update;
    S.KeywordOffset = Tokens[Verb].Begin;
    S.Table = std::move(Table);
    S.UpperCase = isUpper(Verb) && isUpper(Set);
    S.Complete = completeAfter(AfterName);
    readClauses(S, AfterName);
  }

  void readCreateTemporary(Statement &S, std::size_t Verb) const {
    std::size_t I = skipWords(Verb + 1, {"GLOBAL", "LOCAL"});
    if (!isKeyword(I, "TEMP") && !isKeyword(I, "TEMPORARY"))
      return;
    if (!isKeyword(++I, "TABLE"))
      return;
    ++I;
    if (isKeyword(I, "IF") && isKeyword(I + 1, "NOT") &&
        isKeyword(I + 2, "EXISTS"))
      I += 3;
    std::string Table;
    readName(I, Table);
    if (Table.empty())
      return;
    S.Kind = StatementKind::CreateTemporary;
    S.KeywordOffset = Tokens[Verb].Begin;
    S.Table = std::move(Table);
  }

  /// Whether what follows a target name at \p I reads like SQL (nothing, or
  /// an upper-case keyword) and the statement does not stop in the middle of
  /// an expression (`SET year =`).
  bool completeAfter(std::size_t I) const {
    return (I == Tokens.size() ||
            (Tokens[I].Kind == Token::Word && !Tokens[I].Quoted &&
             !Tokens[I].Opaque && isUpper(I))) &&
           !expectsOperand(Tokens.size() - 1);
  }

  llvm::StringRef Text;
  llvm::ArrayRef<Token> Tokens;
};

} // namespace

std::vector<Statement> scan(llvm::StringRef Sql) {
  const std::vector<Token> Tokens = Lexer(Sql).lex();
  std::vector<Statement> Result;
  std::size_t Begin = 0;
  for (std::size_t I = 0; I <= Tokens.size(); ++I) {
    const bool Ends = I == Tokens.size() ||
                      (Tokens[I].Depth == 0 && Tokens[I].Kind == Token::Punct &&
                       Sql[Tokens[I].Begin] == ';');
    if (!Ends)
      continue;
    if (I > Begin)
      Result.push_back(StatementReader(Sql, llvm::ArrayRef<Token>(Tokens).slice(
                                                Begin, I - Begin))
                           .read());
    Begin = I + 1;
  }
  return Result;
}

std::string explicitAllRowsClause(const Statement &S, llvm::StringRef Sql) {
  std::string Clause = " WHERE 1 = 1";
  if (S.WhereInsertOffset < Sql.size() &&
      !llvm::isSpace(Sql[S.WhereInsertOffset]) &&
      Sql[S.WhereInsertOffset] != ';')
    Clause += ' ';
  return Clause;
}

} // namespace clang::tidy::safedelete::sql
