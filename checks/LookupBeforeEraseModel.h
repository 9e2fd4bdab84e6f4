//===--- LookupBeforeEraseModel.h - safedelete ------------------*- C++ -*-===//
//
// The analysis behind safedelete-lookup-before-erase: which erase of the
// same key the branch of a lookup's `if` runs and what runs before it, and
// the statements around the `if` (the declaration before it, the erase or
// the `return` after it) that the fixes rewrite. The check matches the
// `if`, asks this model and reports.
//
//===----------------------------------------------------------------------===//

#ifndef SAFEDELETE_CHECKS_LOOKUPBEFOREERASEMODEL_H
#define SAFEDELETE_CHECKS_LOOKUPBEFOREERASEMODEL_H

#include "support/Compat.h"
#include "support/Containers.h"
#include "support/MemberCall.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace clang {
class Expr;
class IfStmt;
class LangOptions;
class ReturnStmt;
class SourceManager;
class Stmt;
class VarDecl;
} // namespace clang

namespace clang::tidy::safedelete::lookup_before_erase {

/// Whether the container \p Lookup is made on may hold a key more than
/// once (a multimap), by the table \p Containers.
bool isMultiKey(const ContainerTable &Containers, const MemberCall &Lookup);

/// The method that removes a key from \p Lookup's container: `erase`, or
/// Qt's `remove`.
std::string keyRemovalOf(const ContainerTable &Containers,
                         const MemberCall &Lookup);

/// Whether \p End, the `end()` a test compares with (null: none), belongs
/// to \p Lookup's container.
bool endOfSameObject(const Expr *End, const MemberCall &Lookup);

/// The `return true;` or `return false;` \p S is, with its value in
/// \p Value; null for any other statement.
const ReturnStmt *returnsBool(const Stmt *S, bool &Value);

/// Whether \p If is a statement of a block rather than the body of another
/// statement (`else if`, `case 1: if`, `for (...) if`).
bool isBlockStatement(const IfStmt *If, const SourceManager &SM,
                      const LangOptions &LangOpts);

/// Whether the declaration of \p Var is the statement right before \p If.
bool declaredRightBefore(const VarDecl *Var, const IfStmt *If,
                         const SourceManager &SM, const LangOptions &LangOpts);

/// The location of `false` in a `return false;` right after \p If (of `true`
/// when \p Value is true), or an invalid location.
SourceLocation returnAfter(const IfStmt *If, bool Value,
                           const SourceManager &SM,
                           const LangOptions &LangOpts);

/// The statement right after an early-exit if, when it is
/// `<object>.erase(<key>);` spelled as the lookup spells them.
struct EraseAfter {
  SourceLocation Begin;  // its first token
  SourceLocation Name;   // `erase`
  SourceRange Key;       // the key's tokens
  SourceLocation RParen; // the `)` before the `;`
};

/// The `<object>.<Removal>(<key>);` right after \p If, spelled token for
/// token as \p Lookup spells its object and key, none in a macro.
compat::Optional<EraseAfter>
eraseAfter(const IfStmt *If, const MemberCall &Lookup, StringRef Removal,
           const SourceManager &SM, const LangOptions &LangOpts);

/// An `if` whose branch erases the key its condition looks up.
struct GuardedErase {
  const IfStmt *If = nullptr;
  /// The statements of the branch.
  llvm::SmallVector<const Stmt *, 4> Body;
  /// The statement that erases, and its call: a statement of Body or,
  /// after a find, one nested in further tests of the element (Nested).
  const Stmt *EraseStmt = nullptr;
  bool Nested = false;
  /// The statements and conditions that run before the erase.
  llvm::SmallVector<const Stmt *, 4> Before;
  MemberCall Erase;
};

/// The erase from \p Lookup's container that the branch of \p If runs:
/// the first statement of the branch that erases or, after a find (\p Iter),
/// one nested in further tests. No EraseStmt when there is none.
GuardedErase guardedErase(const IfStmt *If, const MemberCall &Lookup,
                          StringRef Removal, const VarDecl *Iter);

/// Whether what runs before the erase of \p G could observe or change
/// \p Lookup's container: a call of anything but a member of the element
/// the find's iterator \p Iter points to, or a mention of the container's
/// root variable or `this`.
bool touchedBeforeErase(const GuardedErase &G, const MemberCall &Lookup,
                        const VarDecl *Iter);

} // namespace clang::tidy::safedelete::lookup_before_erase

#endif // SAFEDELETE_CHECKS_LOOKUPBEFOREERASEMODEL_H
