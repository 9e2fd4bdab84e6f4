//===--- ClassListOption.h - read a list-of-classes option ------*- C++ -*-===//
//
// Every check has options that list classes (ContainerTypes, MutexTypes,
// PendingTypes...). They are read the same way everywhere: split, keep the
// qualified names, report the rest once as a configuration warning.
//
//===----------------------------------------------------------------------===//

#ifndef SAFEDELETE_CHECKS_SUPPORT_CLASSLISTOPTION_H
#define SAFEDELETE_CHECKS_SUPPORT_CLASSLISTOPTION_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang::tidy {
class ClangTidyContext;
namespace safedelete {

/// The qualified class names in \p Value, the value of option \p Option of
/// check \p Check. Every other entry is reported as a configuration warning
/// that gives \p Example as a valid entry, and is ignored.
std::vector<std::string> classListOption(ClangTidyContext *Context,
                                         llvm::StringRef Check,
                                         llvm::StringRef Option,
                                         llvm::StringRef Value,
                                         llvm::StringRef Example);

} // namespace safedelete
} // namespace clang::tidy

#endif // SAFEDELETE_CHECKS_SUPPORT_CLASSLISTOPTION_H
