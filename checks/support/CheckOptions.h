//===--- CheckOptions.h - read option values the same way in every check -===//
//
// Every check has options that list classes (ContainerTypes, MutexTypes,
// PendingTypes...) and boolean switches. They are read the same way
// everywhere: keep what is valid, report the rest once as a configuration
// warning, never stop clang-tidy.
//
//===----------------------------------------------------------------------===//

#ifndef SAFEDELETE_CHECKS_SUPPORT_CHECKOPTIONS_H
#define SAFEDELETE_CHECKS_SUPPORT_CHECKOPTIONS_H

#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Regex.h"
#include <string>
#include <vector>

namespace clang::tidy {
namespace safedelete {

/// The qualified names in \p Value, the value of option \p Option of check
/// \p Check. Every other entry is reported as a configuration warning that
/// says what was expected (\p Expected, such as "a qualified class name
/// such as '::std::map'"), and is ignored.
std::vector<std::string> nameListOption(ClangTidyContext *Context,
                                        llvm::StringRef Check,
                                        llvm::StringRef Option,
                                        llvm::StringRef Value,
                                        llvm::StringRef Expected);

/// The qualified class names in \p Value, the value of option \p Option of
/// check \p Check. Every other entry is reported as a configuration warning
/// that gives \p Example as a valid entry, and is ignored.
std::vector<std::string> classListOption(ClangTidyContext *Context,
                                         llvm::StringRef Check,
                                         llvm::StringRef Option,
                                         llvm::StringRef Value,
                                         llvm::StringRef Example);

/// The words in \p Value, the value of option \p Option of check \p Check,
/// in lower case. An entry that is not a word of letters is reported as a
/// configuration warning that gives \p Example as a valid entry, and is
/// ignored.
std::vector<std::string> wordListOption(ClangTidyContext *Context,
                                        llvm::StringRef Check,
                                        llvm::StringRef Option,
                                        llvm::StringRef Value,
                                        llvm::StringRef Example);

/// The boolean option \p Option of check \p Check, read from \p Options;
/// \p Default when it is unset. A value other than true, false (also True,
/// TRUE, False, FALSE), 1 or 0, the empty value included, is reported and
/// \p Default is used.
bool boolOption(ClangTidyContext *Context,
                const ClangTidyCheck::OptionsView &Options,
                llvm::StringRef Check, llvm::StringRef Option, bool Default);

/// Compiles \p Value, the regular expression of option \p Option of check
/// \p Check, into \p Result on its own, as the user wrote it: a caller that
/// composes it with more text must not make an invalid one valid or
/// renumber its groups. An invalid one is reported as a configuration
/// warning that ends with \p Otherwise (what the check does instead), and
/// false is returned.
bool regexOption(ClangTidyContext *Context, llvm::StringRef Check,
                 llvm::StringRef Option, llvm::StringRef Value,
                 llvm::StringRef Otherwise, llvm::Regex &Result,
                 llvm::Regex::RegexFlags Flags = llvm::Regex::NoFlags);

} // namespace safedelete
} // namespace clang::tidy

#endif // SAFEDELETE_CHECKS_SUPPORT_CHECKOPTIONS_H
