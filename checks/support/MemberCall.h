//===--- MemberCall.h - member calls on containers, also in templates ----===//
//
// `c.erase(k)` is a CXXMemberCallExpr in ordinary code but, inside a template
// where `c` is `std::map<K, V>`, a CallExpr on a CXXDependentScopeMemberExpr.
// MemberCall gives both one face, so a check reads the object, the name and
// the arguments the same way and reports a template once, as written.
//
//===----------------------------------------------------------------------===//

#ifndef SAFEDELETE_CHECKS_SUPPORT_MEMBERCALL_H
#define SAFEDELETE_CHECKS_SUPPORT_MEMBERCALL_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringRef.h"

namespace clang {
class CallExpr;
class Expr;
class Stmt;
class ValueDecl;
namespace tidy::safedelete {

/// A call of a named member function, resolved or type-dependent.
class MemberCall {
public:
  /// The member call \p E is (ignoring parentheses and implicit nodes), or an
  /// invalid MemberCall.
  static MemberCall of(const Expr *E);
  /// Like of(), but only a call resolved to a member function, never one
  /// that still depends on a template parameter.
  static MemberCall resolved(const Expr *E);
  /// Like resolved(), and also an overloaded operator called on an object
  /// (`cb(v)`, `m[k]`): made on its first operand, named `operator()`,
  /// `operator[]` (other operators have no name), its arguments the rest.
  static MemberCall withOperators(const Expr *E);

  explicit operator bool() const { return Call != nullptr; }
  const CallExpr *call() const { return Call; }
  /// The object expression as written: `c` in `c.f()`, `p` in `p->f()`.
  const Expr *object() const { return Object; }
  bool isArrow() const { return Arrow; }
  llvm::StringRef name() const { return Name; }
  unsigned numArgs() const;
  const Expr *arg(unsigned I) const;
  /// Where the member name is spelled, as clang reports member calls.
  SourceLocation nameLoc() const;

private:
  const CallExpr *Call = nullptr;
  const Expr *Object = nullptr;
  bool Arrow = false;
  llvm::StringRef Name;
  unsigned ArgOffset = 0; // 1 for an operator: its object is argument 0
};

/// Whether \p A and \p B are made on the same side-effect-free object.
bool onSameObject(const MemberCall &A, const MemberCall &B);

/// The statement \p S as a call of \p Name with \p NumArgs arguments whose
/// result is discarded (optionally through a cast to void), or invalid.
MemberCall discardedCall(const Stmt *S, llvm::StringRef Name, unsigned NumArgs);

/// The container whose end \p E is (`c.end()`, `p->cend()`, `std::end(c)`,
/// `std::cend(c)`), as written, with \p Arrow set for `p->`; or null.
const Expr *endOf(const Expr *E, bool &Arrow);

/// An iterator compared with the end of a container: `it != c.end()`,
/// `c.cend() == it`, `it == std::end(c)`.
struct EndComparison {
  const ValueDecl *Iterator = nullptr; // null: \p E is no such comparison
  const Expr *Container = nullptr;     // `c`, as written
  bool Arrow = false;                  // `p->end()`
  bool Equal = false;                  // `==` rather than `!=`
};

/// \p E as an EndComparison: the iterator as referencedDecl names it.
EndComparison endComparison(const Expr *E);

} // namespace tidy::safedelete
} // namespace clang

#endif // SAFEDELETE_CHECKS_SUPPORT_MEMBERCALL_H
