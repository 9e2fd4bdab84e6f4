//===--- ClassListOption.cpp - read a list-of-classes option --------------===//

#include "support/ClassListOption.h"
#include "support/NameList.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"

namespace clang::tidy::safedelete {

std::vector<std::string> classListOption(ClangTidyContext *Context,
                                         llvm::StringRef Check,
                                         llvm::StringRef Option,
                                         llvm::StringRef Value,
                                         llvm::StringRef Example) {
  NameList Parsed = parseNameList(Value);
  for (const std::string &Bad : Parsed.Invalid)
    Context->configurationDiag("invalid entry '%0' in option '%1' of %2: "
                               "expected a qualified class name such as "
                               "'%3'; the entry is ignored")
        << Bad << Option << Check << Example;
  return std::move(Parsed.Names);
}

} // namespace clang::tidy::safedelete
