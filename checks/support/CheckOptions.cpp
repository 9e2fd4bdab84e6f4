//===--- CheckOptions.cpp - read option values the same way in every check ===//

#include "support/CheckOptions.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "support/NameList.h"
#include "llvm/ADT/StringExtras.h"

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

std::vector<std::string> wordListOption(ClangTidyContext *Context,
                                        llvm::StringRef Check,
                                        llvm::StringRef Option,
                                        llvm::StringRef Value,
                                        llvm::StringRef Example) {
  std::vector<std::string> Words;
  for (const std::string &Name :
       nameListOption(Context, Check, Option, Value,
                      ("a word of letters such as '" + Example + "'").str())) {
    if (llvm::all_of(Name, llvm::isAlpha))
      Words.push_back(llvm::StringRef(Name).lower());
    else
      Context->configurationDiag("invalid entry '%0' in option '%1' of %2: "
                                 "expected a word of letters such as '%3'; "
                                 "the entry is ignored")
          << Name << Option << Check << Example;
  }
  return Words;
}

bool boolOption(ClangTidyContext *Context,
                const ClangTidyCheck::OptionsView &Options,
                llvm::StringRef Check, llvm::StringRef Option, bool Default) {
  // Read as text: OptionsView::get<bool> is an explicit specialisation whose
  // mangled name GCC and clang spell differently, so a GCC-built check
  // would not link against a clang-built clang-tidy.
  const auto Value = Options.get(Option);
  if (!Value)
    return Default;
  const llvm::StringRef Text(*Value);
  for (const char *True : {"true", "True", "TRUE", "1"})
    if (Text == True)
      return true;
  for (const char *False : {"false", "False", "FALSE", "0"})
    if (Text == False)
      return false;
  Context->configurationDiag("invalid value '%0' for option '%1' of %2: "
                             "expected 'true' or 'false'; '%3' is used")
      << Text << Option << Check << (Default ? "true" : "false");
  return Default;
}

bool regexOption(ClangTidyContext *Context, llvm::StringRef Check,
                 llvm::StringRef Option, llvm::StringRef Value,
                 llvm::StringRef Otherwise, llvm::Regex &Result,
                 llvm::Regex::RegexFlags Flags) {
  Result = llvm::Regex(Value, Flags);
  std::string Error;
  if (Result.isValid(Error))
    return true;
  Context->configurationDiag(
      "invalid regular expression '%0' in option '%1' of %2: %3; %4")
      << Value << Option << Check << Error << Otherwise;
  return false;
}

} // namespace clang::tidy::safedelete
