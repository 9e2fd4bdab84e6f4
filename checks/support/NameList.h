//===--- NameList.h - parse ';'-separated lists of qualified names -------===//
//
// Options such as ContainerTypes hold lists of class names. This helper
// splits and validates them without an AST, so it is unit-tested on its own.
//
//===----------------------------------------------------------------------===//

#ifndef SAFEDELETE_CHECKS_SUPPORT_NAMELIST_H
#define SAFEDELETE_CHECKS_SUPPORT_NAMELIST_H

#include "llvm/ADT/ArrayRef.h"
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

/// Whether the class or function whose qualified name is \p Qualified
/// (`app::Cache`, without inline namespaces or a leading `::`) is the one a
/// user listed as \p Listed. The rule of clang's `hasAnyName`, in every
/// check: `::app::Cache` names exactly that class, `Cache` or `app::Cache`
/// one of that name in any enclosing namespace or class.
bool matchesListedName(llvm::StringRef Qualified, llvm::StringRef Listed);

/// Whether \p Name is one of \p Names, spelled exactly (method names such
/// as `erase` against a fixed list).
bool isOneOf(llvm::StringRef Name, llvm::ArrayRef<const char *> Names);

/// Whether \p Qualified matches one of \p Listed.
bool isListedName(llvm::StringRef Qualified,
                  const std::vector<std::string> &Listed);

/// The last part of the qualified name \p Name: `Cache` in `::app::Cache`.
llvm::StringRef lastPart(llvm::StringRef Name);

/// Whether \p Name, an unqualified name, is the last part of one of
/// \p Listed: a test that needs no qualified name built, made before
/// isListedName where most names are not listed.
bool isLastPartListed(llvm::StringRef Name,
                      const std::vector<std::string> &Listed);

/// One `name:index` entry, such as `::sqlite3_exec:1`: a function and the
/// position of one of its arguments (counted from 0, without `this`).
struct IndexedName {
  std::string Name;
  unsigned Index;
};

/// A parsed `name:index` option value and its unusable entries.
struct IndexedNameList {
  std::vector<IndexedName> Entries;
  std::vector<std::string> Invalid;
};

/// Splits \p Value on ';' into `name:index` entries. The name is a qualified
/// name whose last part may be an operator (`::soci::session::operator<<`);
/// the index follows the last ':'. Blanks are trimmed and empty entries
/// skipped.
IndexedNameList parseIndexedNameList(llvm::StringRef Value);

/// The words of the identifier \p Identifier, in lower case: split at
/// every character that is not a letter and where camel case starts a
/// word (`queryText`, `SQLText`, `sql_text` give `query text`, `sql text`,
/// `sql text`).
std::vector<std::string> identifierWords(llvm::StringRef Identifier);

/// Whether a word of \p Identifier is one of \p Words (lower case) or its
/// plural in `s`.
bool hasListedWord(llvm::StringRef Identifier,
                   const std::vector<std::string> &Words);

} // namespace clang::tidy::safedelete

#endif // SAFEDELETE_CHECKS_SUPPORT_NAMELIST_H
