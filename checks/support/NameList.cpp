//===--- NameList.cpp - parse ';'-separated lists of qualified names -----===//

#include "support/NameList.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::safedelete {

static bool isIdentifier(llvm::StringRef Text) {
  if (Text.empty() || llvm::isDigit(Text.front()))
    return false;
  return llvm::all_of(Text,
                      [](char C) { return llvm::isAlnum(C) || C == '_'; });
}

bool isQualifiedName(llvm::StringRef Name) {
  Name.consume_front("::");
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Name.split(Parts, "::");
  return llvm::all_of(Parts, isIdentifier);
}

NameList parseNameList(llvm::StringRef Value) {
  NameList Result;
  llvm::SmallVector<llvm::StringRef, 16> Entries;
  Value.split(Entries, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef Entry : Entries) {
    Entry = Entry.trim();
    if (Entry.empty())
      continue;
    (isQualifiedName(Entry) ? Result.Names : Result.Invalid)
        .push_back(Entry.str());
  }
  return Result;
}

bool matchesListedName(llvm::StringRef Qualified, llvm::StringRef Listed) {
  if (Qualified.empty())
    return false;
  if (Listed.consume_front("::"))
    return Qualified == Listed;
  if (Qualified == Listed)
    return true;
  // ends_with is missing before LLVM 16, endswith after 18.
  return Qualified.consume_back(Listed) && Qualified.consume_back("::") &&
         !Qualified.empty();
}

bool isOneOf(llvm::StringRef Name, llvm::ArrayRef<const char *> Names) {
  return llvm::any_of(Names, [&](const char *N) { return Name == N; });
}

bool isListedName(llvm::StringRef Qualified,
                  const std::vector<std::string> &Listed) {
  return llvm::any_of(Listed, [&](const std::string &L) {
    return matchesListedName(Qualified, L);
  });
}

llvm::StringRef lastPart(llvm::StringRef Name) {
  const size_t Colons = Name.rfind("::");
  return Colons == llvm::StringRef::npos ? Name : Name.drop_front(Colons + 2);
}

bool isLastPartListed(llvm::StringRef Name,
                      const std::vector<std::string> &Listed) {
  return llvm::any_of(Listed,
                      [&](llvm::StringRef L) { return Name == lastPart(L); });
}

IndexedNameList parseIndexedNameList(llvm::StringRef Value) {
  IndexedNameList Result;
  llvm::SmallVector<llvm::StringRef, 32> Entries;
  Value.split(Entries, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef Entry : Entries) {
    Entry = Entry.trim();
    if (Entry.empty())
      continue;
    const size_t Colon = Entry.rfind(':');
    unsigned Index = 0;
    llvm::StringRef Name =
        Colon == llvm::StringRef::npos ? "" : Entry.take_front(Colon).rtrim();
    const bool HasIndex =
        Colon != llvm::StringRef::npos &&
        !Entry.drop_front(Colon + 1).trim().getAsInteger(10, Index);
    // An operator as the last part: check the qualifier before it.
    llvm::StringRef Qualifier = Name;
    bool IsOperator = false;
    const size_t Operator = Name.rfind("operator");
    if (Operator != llvm::StringRef::npos &&
        (Operator == 0 || Name.substr(Operator - 2, 2) == "::") &&
        Name.size() > Operator + 8 && !llvm::isAlnum(Name[Operator + 8]) &&
        Name[Operator + 8] != '_') {
      IsOperator = true;
      Qualifier = Name.take_front(Operator);
      Qualifier.consume_back("::");
    }
    const bool ValidName = IsOperator
                               ? Qualifier.empty() || isQualifiedName(Qualifier)
                               : isQualifiedName(Name);
    if (HasIndex && ValidName)
      Result.Entries.push_back({Name.str(), Index});
    else
      Result.Invalid.push_back(Entry.str());
  }
  return Result;
}

// llvm::isUpper and llvm::isLower are not in LLVM 14's StringExtras.
static bool isUpperCase(char C) { return llvm::toLower(C) != C; }
static bool isLowerCase(char C) { return llvm::toUpper(C) != C; }

std::vector<std::string> identifierWords(llvm::StringRef Identifier) {
  std::vector<std::string> Words(1);
  for (std::size_t I = 0; I != Identifier.size(); ++I) {
    const char C = Identifier[I];
    if (!llvm::isAlpha(C)) {
      if (!Words.back().empty())
        Words.emplace_back();
      continue;
    }
    const bool AfterLower = I && isLowerCase(Identifier[I - 1]);
    const bool EndsCapitals = I && isUpperCase(Identifier[I - 1]) &&
                              I + 1 < Identifier.size() &&
                              isLowerCase(Identifier[I + 1]);
    if (isUpperCase(C) && (AfterLower || EndsCapitals) &&
        !Words.back().empty())
      Words.emplace_back();
    Words.back() += llvm::toLower(C);
  }
  if (Words.back().empty())
    Words.pop_back();
  return Words;
}

bool hasListedWord(llvm::StringRef Identifier,
                   const std::vector<std::string> &Words) {
  return llvm::any_of(identifierWords(Identifier), [&](llvm::StringRef Word) {
    return llvm::any_of(Words, [&](llvm::StringRef Listed) {
      return Word == Listed ||
             (Word.back() == 's' && Word.drop_back() == Listed);
    });
  });
}

} // namespace clang::tidy::safedelete
