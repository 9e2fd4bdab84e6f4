//===--- CheckOptions.cpp - read option values the same way in every check ===//

#include "support/CheckOptions.h"
#include "support/Compat.h"
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

bool boolOption(ClangTidyContext *Context,
                const ClangTidyCheck::OptionsView &Options,
                llvm::StringRef Check, llvm::StringRef Option, bool Default) {
  std::string Invalid;
  const bool Value = compat::getBool(Options, Option, Default, Invalid);
  if (!Invalid.empty())
    Context->configurationDiag("invalid value '%0' for option '%1' of %2: "
                               "expected 'true' or 'false'; '%3' is used")
        << Invalid << Option << Check << (Default ? "true" : "false");
  return Value;
}

} // namespace clang::tidy::safedelete
