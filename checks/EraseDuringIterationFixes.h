//===--- EraseDuringIterationFixes.h - safedelete ---------------*- C++ -*-===//
//
// The fix-its of safedelete-erase-during-iteration: a range-for that erases
// the current key rewritten to std::erase_if or to an iterator loop, an
// iterator loop that advances after an erase rewritten to advance only when
// nothing was erased, and an insertion that continues from the iterator
// insert returns.
//
//===----------------------------------------------------------------------===//

#ifndef SAFEDELETE_CHECKS_ERASEDURINGITERATIONFIXES_H
#define SAFEDELETE_CHECKS_ERASEDURINGITERATIONFIXES_H

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CXXForRangeStmt;
class Expr;
class Stmt;
class ValueDecl;
} // namespace clang

namespace clang::tidy::safedelete::erase_during_iteration {

struct EraseSite;
struct Family;
struct IteratorLoop;
struct Touch;

/// Which rewrite a fixable loop gets.
enum class FixKind { EraseIf, IteratorLoop, None };

/// The rewrite of a range-for whose body is `if (cond) c.erase(key);`, or
/// an empty string; sets \p ReplaceEnd to the end of the loop.
std::string rangeForFix(const CXXForRangeStmt *Loop, const Touch &T,
                        StringRef ContainerText, const Family &Kind,
                        FixKind Fix, ASTContext &Context,
                        SourceLocation &ReplaceEnd);

/// The rewrite of `if (cond) c.erase(it);` / `it = c.erase(it);` in a loop
/// that then advances `it` unconditionally into
/// `if (cond) it = c.erase(it); else ++it;`, or no hints. With
/// \p StepInArgument (a node container whose erase returns nothing, as
/// C++03's map and set do): `if (cond) c.erase(it++); else ++it;`.
std::vector<FixItHint> iteratorLoopFix(const Stmt *Loop, const ValueDecl *It,
                                       const Expr *Erase, const Stmt *Site,
                                       bool TakesResult, bool StepInArgument,
                                       llvm::ArrayRef<const Stmt *> Hits,
                                       ASTContext &Context);

/// `v.insert(it, x);` -> `it = v.insert(it, x); ++it;`: the loop goes on
/// from the element it stood on. Only for `insert` and `emplace` at the
/// loop's iterator, as a statement of a block, outside macros and
/// templates.
std::vector<FixItHint> insertionFix(const IteratorLoop &L, const EraseSite &S,
                                    ASTContext &Context);

} // namespace clang::tidy::safedelete::erase_during_iteration

#endif // SAFEDELETE_CHECKS_ERASEDURINGITERATIONFIXES_H
