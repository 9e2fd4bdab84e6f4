//===--- CheckOptions.cpp - read option values the same way in every check ===//

#include "support/CheckOptions.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "support/Compat.h"
#include "support/NameList.h"

namespace clang::tidy::safedelete {

std::vector<std::string> nameListOption(ClangTidyContext *Context,
                                        llvm::StringRef Check,
                                        llvm::StringRef Option,
                                        llvm::StringRef Value,
                                        llvm::StringRef Expected) {
  NameList Parsed = parseNameList(Value);
  for (const std::string &Bad : Parsed.Invalid)
    Context->configurationDiag("invalid entry '%0' in option '%1' of %2: "
                               "expected %3; the entry is ignored")
        << Bad << Option << Check << Expected;
  return std::move(Parsed.Names);
}

std::vector<std::string> classListOption(ClangTidyContext *Context,
                                         llvm::StringRef Check,
                                         llvm::StringRef Option,
                                         llvm::StringRef Value,
                                         llvm::StringRef Example) {
  return nameListOption(
      Context, Check, Option, Value,
      ("a qualified class name such as '" + Example + "'").str());
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
