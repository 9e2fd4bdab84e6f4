//===--- UseAfterEraseModel.h - safedelete ----------------------*- C++ -*-===//
//
// The analysis behind safedelete-use-after-erase: a walk of one function
// body collects the calls that invalidate iterators or references into a
// container (sites) and the local variables that refer into one (handles);
// the model decides which handles each site invalidates and, on the body's
// flow, which of their uses some path reaches first after it. The check
// matches the bodies, asks this model and reports.
//
//===----------------------------------------------------------------------===//

#ifndef SAFEDELETE_CHECKS_USEAFTERERASEMODEL_H
#define SAFEDELETE_CHECKS_USEAFTERERASEMODEL_H

#include "support/Containers.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
class DeclRefExpr;
class Expr;
class Stmt;
class ValueDecl;
namespace tidy::safedelete {
class FlowCache;
} // namespace tidy::safedelete
} // namespace clang

namespace clang::tidy::safedelete::use_after_erase {

enum class HandleKind { Iterator, Reference, Pointer, View };

/// A local variable that refers into one element of a container.
struct Handle {
  const ValueDecl *Var = nullptr;
  HandleKind Kind = HandleKind::Iterator;
  const Expr *Object = nullptr; // the container, as written
  bool Arrow = false;
  const Expr *Key = nullptr;       // the key it was looked up with
  const ValueDecl *From = nullptr; // the iterator it was read through
  ElementPosition Position;        // in a contiguous container
  /// The reference to an element whose member container this handle is
  /// into (`auto &v = it->second; auto vi = v.begin();`, a range-for over
  /// `it->second`): removing that element destroys the container.
  const ValueDecl *Within = nullptr;
};

/// A call that invalidates iterators or references into a container.
struct Site {
  const CallExpr *Call = nullptr;
  const Expr *Object = nullptr;
  bool Arrow = false;
  StringRef Method;
  SourceLocation NameLoc;
  ContainerInfo Info;
  Invalidation Effect = Invalidation::None;
  const ValueDecl *Position = nullptr; // c.erase(it): it
  const Expr *Key = nullptr;           // c.erase(k): k
  ElementPosition ErasedAt;            // contiguous: where the removal starts
  bool ErasesOne = false;              // and whether it removes one element
  bool InLoop = false;                 // inside some loop
  llvm::SmallVector<const Stmt *, 1> OwnLoops; // loops over this container
  const Stmt *Next = nullptr; // the statement after `c.erase(it);`
};

/// A use of \p H that some path reaches after \p S invalidated it.
struct Finding {
  Site S;
  Handle H;
  const DeclRefExpr *Use = nullptr;
  /// No loop or goto leads back, and every use written after the site lies
  /// in the statement right after it.
  bool OnlyInNext = false;
};

/// The uses after an invalidation in \p Body (a function's or a lambda's;
/// the lambdas inside have bodies of their own), each use once, the flow
/// of the body built only when a site may be followed by a use. Sites
/// written by a macro are not looked at.
std::vector<Finding> findUsesAfterErase(const Stmt *Body,
                                        const ContainerTable &Containers,
                                        FlowCache &Flows, ASTContext &Context);

/// The local variable or binding \p E names, copies aside, or null.
const ValueDecl *refDecl(const Expr *E);

/// How a diagnostic names the handle \p Var: `r.first` for a pair.
std::string handleName(const ValueDecl *Var);

} // namespace clang::tidy::safedelete::use_after_erase

#endif // SAFEDELETE_CHECKS_USEAFTERERASEMODEL_H
