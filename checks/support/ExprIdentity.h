//===--- ExprIdentity.h - same object, same key -----------------*- C++ -*-===//
//
// Checks ask "is this the same container?" and "is this the same key?" about
// two expressions. The answer is yes only for side-effect-free access paths
// spelled alike: evaluating either twice yields the same object or value.
//
//===----------------------------------------------------------------------===//

#ifndef SAFEDELETE_CHECKS_SUPPORT_EXPRIDENTITY_H
#define SAFEDELETE_CHECKS_SUPPORT_EXPRIDENTITY_H

namespace clang {
class Expr;
class Stmt;
class ValueDecl;
namespace tidy::safedelete {

/// Whether \p A and \p B denote the same object or value without side
/// effects: variables, members (implicit and explicit `this` alike),
/// literals, enumerators, built-in operators, casts and subscripts of such,
/// const overloaded operators (`*it`, `it->first`), indexing a sequence
/// (`v[i]`, never a map's `m[k]`) and const member calls without arguments
/// (getters). Parentheses and implicit conversions are
/// ignored; anything else (other calls, assignments, increments, volatile
/// variables) makes the answer false.
bool isSameAccess(const Expr *A, const Expr *B);

/// \p E without parentheses, implicit nodes, and the implicit conversions
/// and copies the compiler adds around it (`std::string` from a literal, an
/// iterator passed by value). Null stays null.
const Expr *ignoreCopies(const Expr *E);

/// Whether \p E is an access path as accepted by isSameAccess.
inline bool isSideEffectFreeAccess(const Expr *E) { return isSameAccess(E, E); }

/// The variable, parameter or field an access path starts from (`m` in
/// `m.x[i]`, the field in `this->m_`), or null.
const ValueDecl *accessRoot(const Expr *E);

/// The declaration \p E names as a whole, copies aside: a variable,
/// parameter or binding (`it`), or a field of `this` (`cur_`,
/// `this->cur_`); null for anything else (`p->cur_`, `*it`).
const ValueDecl *referencedDecl(const Expr *E);

/// Whether \p E names \p D as referencedDecl says, redeclarations alike.
bool refersTo(const Expr *E, const ValueDecl *D);

/// Whether \p S names the declaration \p D somewhere inside it (lambdas
/// included).
bool mentions(const Stmt *S, const ValueDecl *D);

} // namespace tidy::safedelete
} // namespace clang

#endif // SAFEDELETE_CHECKS_SUPPORT_EXPRIDENTITY_H
