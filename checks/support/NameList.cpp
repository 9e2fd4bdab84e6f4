//===--- NameList.cpp - parse ';'-separated lists of qualified names -----===//

#include "support/NameList.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::safedelete {

static bool isIdentifier(llvm::StringRef Text) {
  if (Text.empty() || llvm::isDigit(Text.front()))
    return false;
  return llvm::all_of(Text, [](char C) { return llvm::isAlnum(C) || C == '_'; });
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

} // namespace clang::tidy::safedelete
