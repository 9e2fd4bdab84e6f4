//===--- Containers.h - container families and what invalidates them -----===//
//
// One table of the container classes safedelete knows (std, absl, boost,
// llvm, Qt), each with its kind and its invalidation rules: what an erase,
// an insertion or a clear leaves dangling. Checks classify a type once and
// ask the table; users add their own classes per kind through options.
//
//===----------------------------------------------------------------------===//

#ifndef SAFEDELETE_CHECKS_SUPPORT_CONTAINERS_H
#define SAFEDELETE_CHECKS_SUPPORT_CONTAINERS_H

#include "support/Compat.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <string>
#include <vector>

namespace clang {
class CXXRecordDecl;
class NamedDecl;
namespace tidy::safedelete {

/// How a container stores its elements.
enum class ContainerKind {
  Node,      ///< one allocation per element: std::map, std::list
  Hashed,    ///< buckets: std::unordered_map, absl::flat_hash_map
  Contiguous ///< one array: std::vector, std::string, flat_map
};

/// What an operation leaves dangling, from least to most.
enum class Invalidation {
  None,           ///< nothing
  Erased,         ///< iterators and references to the removed elements
  ErasedAndAfter, ///< those, and every one at a later position
  Iterators,      ///< every iterator, but no reference (a rehash)
  All             ///< every iterator, reference and pointer
};

/// What the table knows about one container class.
struct ContainerInfo {
  std::string Family; ///< qualified name of the class (template), `std::map`
  ContainerKind Kind = ContainerKind::Node;
  bool IsMap = false;       ///< it has a `mapped_type`
  bool ErasesByKey = false; ///< `erase(key)` removes the key's elements
  /// The method that removes a key's elements: `erase`, Qt's `remove`;
  /// empty for containers without keys.
  std::string KeyRemoval;
  bool MultiKey = false;    ///< a key may occur more than once
  Invalidation OnErase = Invalidation::Erased;
  Invalidation OnInsert = Invalidation::None;
};

/// The families and their rules; the built-in table plus user additions.
class ContainerTable {
public:
  /// The built-in table.
  ContainerTable();
  /// Adds the classes a user listed, \p Names, as containers of \p Kind
  /// with that kind's usual rules. A listed name matches as
  /// matchesListedName() says (`::ns::Cache` exactly, `Cache` in any
  /// namespace); a later entry wins over an earlier and a built-in one.
  void add(ContainerKind Kind, llvm::ArrayRef<std::string> Names);
  /// Adds the classes a user listed without a kind, \p Names: a name the
  /// table knows keeps its entry; any other one gets the kind its last
  /// part suggests (kindFromName()), and several elements per key when
  /// that part contains `multi`.
  void addListed(llvm::ArrayRef<std::string> Names);

  /// What \p Type is, through sugar, aliases, references, one pointer and
  /// base classes; a class template specialisation by its template's name;
  /// in a template, a dependent `std::map<K, V>` by its template. None when
  /// it is no known container.
  compat::Optional<ContainerInfo> classify(QualType Type) const;
  compat::Optional<ContainerInfo> classify(const CXXRecordDecl *Record) const;

  bool isContainer(QualType Type) const {
    return static_cast<bool>(classify(Type));
  }
  compat::Optional<ContainerKind> kindOf(QualType Type) const;
  bool isMap(QualType Type) const;

  /// Whether \p Record is a container: a class of the table, or a class
  /// that declares `size` or `empty` (itself, a base, or the primary
  /// template of a dependent base). Smart pointers, optionals and the like
  /// declare neither.
  bool isContainerLike(const CXXRecordDecl *Record) const;

  /// The name of every family that \p Keep accepts (every family without
  /// \p Keep), for `hasAnyName`: built-in ones `::`-qualified, listed ones
  /// as the user wrote them.
  std::vector<std::string> qualifiedNames(
      llvm::function_ref<bool(const ContainerInfo &)> Keep = nullptr) const;

private:
  struct Entry {
    ContainerInfo Info;
    std::string Listed; ///< the name as a user listed it; empty if built in
  };
  compat::Optional<ContainerInfo> find(llvm::StringRef Name) const;
  compat::Optional<ContainerInfo> classifyOne(const CXXRecordDecl *R) const;

  std::vector<Entry> Entries;
};

/// The kind a class a user listed without one has, read from its name
/// \p Name: hashed when it contains `hash` or `unordered`, else contiguous
/// when it contains `vector`, `flat`, `deque` or `string`, else node-based
/// (case-insensitive).
ContainerKind kindFromName(llvm::StringRef Name);

/// The built-in families whose `erase(key)` removes by key, `::`-qualified
/// and joined with ';': the default of options that list such classes.
std::string keyedFamilyList();

/// The built-in families of maps (classes with a `mapped_type`),
/// `::`-qualified and joined with ';'.
std::string mapFamilyList();

/// What a call of member \p Method (`erase`, `clear`, `push_back`,
/// `operator[]`, `operator=`...) on a container described by \p Info
/// invalidates. A swap invalidates nothing except in strings: the elements,
/// and what refers to them, move to the other container. `pop_back` and
/// `pop_front` of a contiguous container invalidate the removed element
/// alone (and the end).
Invalidation invalidationOf(const ContainerInfo &Info, llvm::StringRef Method);

/// Where an element of a contiguous container stands, as far as the code
/// says: at an offset from the front (`v[2]`, `v.begin() + 2`), the last
/// one (`v.back()`), or unknown (`v[i]`).
struct ElementPosition {
  enum Anchor { Unknown, Front, Back };
  Anchor From = Unknown;
  uint64_t Offset = 0; ///< from the front
  static ElementPosition front(uint64_t Offset) { return {Front, Offset}; }
  static ElementPosition back() { return {Back, 0}; }
};

/// Whether a removal with effect \p Effect that starts at \p Erased (one
/// element when \p One, else a range that may be empty) provably leaves an
/// element at \p Held dangling: `All` always; `Erased` the same position;
/// `ErasedAndAfter` the same or a later one; the last element is at or
/// after wherever one element is erased.
bool erasureReaches(Invalidation Effect, ElementPosition Erased, bool One,
                    ElementPosition Held);

/// Whether a call of member \p Method invalidates anything in some
/// container: a cheap test before classifying the container.
bool mayInvalidate(llvm::StringRef Method);

/// Whether a call of member \p Method changes which elements a container
/// holds: what mayInvalidate names, also capitalised or in camel case
/// (`Insert`, `PushBack`, `RemoveAll`), and `merge`, `splice`, `replace`.
bool changesElements(llvm::StringRef Method);

/// Whether \p Record is a class with a `mapped_type`, or derived from one.
bool hasMappedType(const CXXRecordDecl *Record);

/// Whether \p Record is a string: its `value_type` is a character type or a
/// class named like `QChar`. A string is a value, not a collection.
bool isStringLike(const CXXRecordDecl *Record);

/// Whether \p Method removes elements by position or key (`erase`,
/// `extract`, `remove`, `take`, `pop_back`...).
bool isRemoval(llvm::StringRef Method);

/// Whether \p Method adds elements or storage (`push_back`, `insert`,
/// `reserve`, `append`, `operator+=`...): what may reallocate or rehash.
bool isInsertion(llvm::StringRef Method);

/// The class a value of type \p Type is, through a reference or one
/// pointer; for a dependent specialization (`std::map<K, V>` in a
/// template), the class its template declares. Null for other types.
const CXXRecordDecl *recordOrTemplateOf(QualType Type);

/// The qualified name of \p D without inline or anonymous namespaces
/// (`std::__cxx11`, `std::__1`) or a leading `::`: `app::Conn::operator<<`,
/// `app::Conn::Conn`. Empty inside functions and for unnamed classes.
std::string qualifiedNameOf(const NamedDecl *D);

/// Whether a user listed \p D in \p Listed, by the rule every option of
/// the module follows (support/NameList's isListedName).
bool isListedDecl(const NamedDecl *D, const std::vector<std::string> &Listed);

} // namespace tidy::safedelete
} // namespace clang

#endif // SAFEDELETE_CHECKS_SUPPORT_CONTAINERS_H
