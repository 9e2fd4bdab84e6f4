//===--- PendingMapLeakModel.h - safedelete ---------------------*- C++ -*-===//
//
// The analysis behind safedelete-pending-map-leak: which maps hold pending
// completions, which entry a completion reaches and through which lookup
// (collected while matching), and, at the end of the translation unit,
// which completions leave their entry in the map and which maps are never
// removed from. The check matches, asks this model and reports.
//
//===----------------------------------------------------------------------===//

#ifndef SAFEDELETE_CHECKS_PENDINGMAPLEAKMODEL_H
#define SAFEDELETE_CHECKS_PENDINGMAPLEAKMODEL_H

#include "support/Compat.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallVector.h"
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class Expr;
class FunctionDecl;
class Stmt;
class ValueDecl;
class VarDecl;
} // namespace clang

namespace clang::tidy::safedelete::pending_map_leak {

/// How a completed entry was reached from its map.
enum class Lookup { Find, At, Subscript, Iteration };

struct Trace {
  Lookup Kind = Lookup::Find;
  const Expr *Container = nullptr; ///< the map, as written at the lookup
  const Expr *Call = nullptr;      ///< find/at/[] or begin()/the range
  const Expr *Key = nullptr;       ///< the key of find/at/[]
  const VarDecl *Iter = nullptr;   ///< the iterator a find result went into
  llvm::SmallVector<const ValueDecl *, 4> Bound; ///< variables on the way
};

/// The facts gathered while matching, decided in onEndOfTranslationUnit().
struct Facts {
  struct Completion {
    const Expr *Call;
    const FunctionDecl *Function;
    Trace Path;
    const ValueDecl *Map;
    bool OneShot;
    /// Calls a RequestCallbackTypes callback: one-shot in a map keyed by
    /// fresh ids, a handler registry's repeatable call otherwise.
    bool RequestCallback;
  };
  ASTContext *Context = nullptr;
  std::vector<Completion> Completions;
  /// Lambdas' call operators outside system headers. With the functions of
  /// the translation unit, they say where a completion stands, looked up at
  /// its end rather than through the parent map, which costs far more.
  llvm::SmallVector<const FunctionDecl *, 8> Definitions;
  llvm::MapVector<const ValueDecl *, llvm::SmallVector<const Expr *, 2>>
      Insertions;
  /// Maps that are pending only through RequestCallbackTypes, and the maps
  /// some insertion keys with a fresh id.
  llvm::DenseSet<const ValueDecl *> RequestMaps, FreshKeyed;
  llvm::DenseSet<SourceLocation> Seen;
};

/// The class and method lists of the check's options.
struct Vocabulary {
  const std::vector<std::string> &PendingTypes;
  const std::vector<std::string> &CallbackTypes;
  const std::vector<std::string> &RequestCallbackTypes;
  /// CallbackTypes, then RequestCallbackTypes.
  const std::vector<std::string> &AnyCallbackTypes;
  const std::vector<std::string> &ContainerTypes;
  const std::vector<std::string> &CompletionMethods;
  const std::vector<std::string> &OneShotCompletionMethods;
};

/// Records \p Insertion (an insert, emplace or `[]` call) if it inserts
/// into a pending map.
void collectInsertion(Facts &F, const Expr *Insertion, const Vocabulary &V);

/// Records \p Call (a completion method, or a call of a callback) if it
/// completes an entry it reached through a pending map.
void collectCompletion(Facts &F, const Expr *Call, const Vocabulary &V);

using Completion = Facts::Completion;

/// A completion that leaves its entry in the map, or whose `m[k]` may
/// insert an entry nobody waits for: what the reporter needs.
struct Leak {
  const Completion *C = nullptr;
  bool Removed = false;   ///< some path removes the entry
  bool Subscript = false; ///< `m[k]` inserts an entry for an absent key
  /// The statement of a block that holds the completion, with the chain of
  /// statements from the function body down to it.
  const Stmt *Statement = nullptr;
  llvm::SmallVector<const Stmt *, 8> Chain;
  /// After the `;` of Statement when the completion is all of it.
  SourceLocation Semi;
  /// Nothing after the statement uses the entry again, and no loop comes
  /// back to it without the lookup: a removal may follow it.
  bool Final = false;
};

/// A map whose entries are inserted and never removed anywhere.
struct UnremovedMap {
  const ValueDecl *Map = nullptr;
  const Expr *Insertion = nullptr;
  const Expr *Completion = nullptr; ///< one completion of its entries, if any
};

/// What the end of a translation unit finds in its facts, in the order of
/// the completions.
struct Findings {
  std::vector<Leak> Leaks;
  std::vector<UnremovedMap> Maps;
};

/// Decides the completions and maps of \p F.
Findings findLeaks(Facts &F);

/// Whether \p S increments, decrements or assigns anything.
bool mayChangeValues(const Stmt *S);

/// Whether \p S compares \p Iter with an end() of the map.
bool checkedAgainstEnd(const Stmt *S, const VarDecl *Iter);

} // namespace clang::tidy::safedelete::pending_map_leak

#endif // SAFEDELETE_CHECKS_PENDINGMAPLEAKMODEL_H
