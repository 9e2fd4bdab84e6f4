//===--- NameList.h - parse ';'-separated lists of qualified names -------===//
//
// Options such as ContainerTypes hold lists of class names. This helper
// splits and validates them without an AST, so it is unit-tested on its own.
//
//===----------------------------------------------------------------------===//

#ifndef SAFEDELETE_CHECKS_SUPPORT_NAMELIST_H
#define SAFEDELETE_CHECKS_SUPPORT_NAMELIST_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang::tidy::safedelete {

/// A parsed option value: the usable names and the entries that were not
/// qualified names, which the caller reports.
struct NameList {
  std::vector<std::string> Names;
  std::vector<std::string> Invalid;
};

/// Whether \p Name is a C++ qualified name such as `::std::map` or `Cache`:
/// identifiers separated by `::`, with an optional leading `::`.
bool isQualifiedName(llvm::StringRef Name);

/// Splits \p Value on ';', trims blanks around every entry, skips empty
/// entries and sorts the rest into valid names and invalid entries.
NameList parseNameList(llvm::StringRef Value);

} // namespace clang::tidy::safedelete

#endif // SAFEDELETE_CHECKS_SUPPORT_NAMELIST_H
