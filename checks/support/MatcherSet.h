//===--- MatcherSet.h - one matcher for a run-time list of forms ----------===//
//
// Every registered matcher costs a dispatch on every node of its kind in the
// translation unit, system headers included. A check that looks for several
// forms of one node kind registers them as one matcher: the system-header
// test runs once per node, and each form that matches still reaches check()
// with its own bindings.
//
//===----------------------------------------------------------------------===//

#ifndef SAFEDELETE_CHECKS_SUPPORT_MATCHERSET_H
#define SAFEDELETE_CHECKS_SUPPORT_MATCHERSET_H

#include "clang/ASTMatchers/ASTMatchersInternal.h"
#include <vector>

namespace clang::tidy::safedelete {

using MatcherList = std::vector<ast_matchers::internal::DynTypedMatcher>;

/// Matches a \c T node as the operator \p Op combines \p Forms.
template <typename T>
ast_matchers::internal::Matcher<T>
combineForms(ast_matchers::internal::DynTypedMatcher::VariadicOperator Op,
             const MatcherList &Forms) {
  return ast_matchers::internal::DynTypedMatcher::constructVariadic(
             Op, ASTNodeKind::getFromNodeKind<T>(), Forms)
      .template convertTo<T>();
}

/// Matches a \c T node once for each of \p Forms that matches it.
template <typename T>
ast_matchers::internal::Matcher<T> eachOfForms(const MatcherList &Forms) {
  return combineForms<T>(ast_matchers::internal::DynTypedMatcher::VO_EachOf,
                         Forms);
}

/// Matches a \c T node when one of \p Forms matches it.
template <typename T>
ast_matchers::internal::Matcher<T> anyOfForms(const MatcherList &Forms) {
  return combineForms<T>(ast_matchers::internal::DynTypedMatcher::VO_AnyOf,
                         Forms);
}

} // namespace clang::tidy::safedelete

#endif // SAFEDELETE_CHECKS_SUPPORT_MATCHERSET_H
