//===--- PendingMapLeakModel.cpp - safedelete -----------------------------===//

#include "PendingMapLeakModel.h"
#include "support/Containers.h"
#include "support/ExprIdentity.h"
#include "support/Flow.h"
#include "support/MemberCall.h"
#include "support/NameList.h"
#include "support/SourceText.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"
#include <memory>
#include <tuple>

namespace clang::tidy::safedelete::pending_map_leak {
namespace {

constexpr const char *Wrappers[] = {"std::shared_ptr", "std::unique_ptr",
                                    "std::optional", "boost::optional"};
constexpr const char *RemovalMethods[] = {"erase", "extract", "clear", "swap",
                                          "erase_if"};

/// Ignores parentheses, implicit nodes and temporaries.
const Expr *strip(const Expr *E) {
  while (E) {
    const Expr *Next = E->IgnoreImplicit()->IgnoreParenImpCasts();
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Next))
      Next = Cleanups->getSubExpr();
    if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = Temp->getSubExpr();
    if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = Bind->getSubExpr();
    // A copy or move of a temporary (`iterator it = m.find(k);` before C++17).
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Next))
      if (Construct->getNumArgs() == 1 &&
          Construct->getConstructor()->isCopyOrMoveConstructor() &&
          isa<MaterializeTemporaryExpr>(Construct->getArg(0)))
        Next = Construct->getArg(0);
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

/// The object a copy or move construction (a shared pointer's copy)
/// copies, or \p E itself.
const Expr *copiedFrom(const Expr *E) {
  const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(strip(E));
  if (Construct && Construct->getNumArgs() == 1 &&
      Construct->getConstructor()->isCopyOrMoveConstructor())
    return Construct->getArg(0);
  return E;
}

/// A local variable the entry may be reached through: a reference, a
/// pointer, an iterator or a shared pointer copy, initialised once.
const Expr *initOfLocal(const ValueDecl *D) {
  const auto *Var = dyn_cast<VarDecl>(D);
  if (!Var || isa<ParmVarDecl>(Var) || !Var->hasLocalStorage() ||
      !Var->getInit())
    return nullptr;
  return Var->getInit();
}

/// The initialiser of the local \p D, recording \p D on the way of \p T,
/// when \p SameObject says \p D refers to what it was initialised from;
/// null otherwise.
const Expr *throughLocal(const ValueDecl *D, bool SameObject, Trace &T) {
  const Expr *Init = initOfLocal(D);
  if (!Init || !SameObject)
    return nullptr;
  T.Bound.push_back(D);
  return Init;
}

/// Which types are pending completions, and which map entry an expression
/// inside a function reaches (traced back to its lookup).
class PendingEntries {
public:
  PendingEntries(const std::vector<std::string> &Pending,
                 const std::vector<std::string> &Callbacks,
                 const std::vector<std::string> &Containers)
      : Pending(Pending), Callbacks(Callbacks), Containers(Containers) {}

  bool isPendingValue(QualType Type) const {
    const CXXRecordDecl *Record = recordOrTemplateOf(Type);
    return isListedDecl(Record, Pending) || isListedDecl(Record, Callbacks);
  }

  bool isCallback(QualType Type) const {
    return isListedDecl(recordOrTemplateOf(Type), Callbacks);
  }

  /// A pending value, possibly behind a smart pointer or an optional.
  bool isPendingElement(QualType Type) const {
    if (isPendingValue(Type))
      return true;
    const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        recordOrTemplateOf(Type));
    if (!Spec || !isWrapper(Spec) || Spec->getTemplateArgs().size() == 0 ||
        Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
      return false;
    return isPendingValue(Spec->getTemplateArgs()[0].getAsType());
  }

  /// A pending element or a struct with a field that is one.
  bool isPendingMapped(QualType Type) const {
    if (isPendingElement(Type))
      return true;
    const CXXRecordDecl *Record = recordOrTemplateOf(Type);
    if (!Record || !Record->hasDefinition() || isWrapper(Record))
      return false;
    return llvm::any_of(Record->getDefinition()->fields(),
                        [&](const FieldDecl *Field) {
                          return isPendingElement(Field->getType());
                        });
  }

  bool isContainer(QualType Type) const {
    const CXXRecordDecl *Record = recordOrTemplateOf(Type);
    if (!Record || !Record->hasDefinition())
      return false;
    if (isListedDecl(Record, Containers))
      return true;
    return !Record->forallBases([&](const CXXRecordDecl *Base) {
      return !isListedDecl(Base, Containers);
    });
  }

  /// Whether \p Type is a listed map whose mapped type is pending.
  bool isPendingMap(QualType Type) const {
    const CXXRecordDecl *Record = recordOrTemplateOf(Type);
    if (!isContainer(Type))
      return false;
    const auto MappedOf = [](const CXXRecordDecl *R) -> QualType {
      const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(R);
      if (!Spec || Spec->getTemplateArgs().size() < 2 ||
          Spec->getTemplateArgs()[1].getKind() != TemplateArgument::Type)
        return {};
      return Spec->getTemplateArgs()[1].getAsType();
    };
    if (isListedDecl(Record, Containers))
      return isPendingMapped(MappedOf(Record));
    return !Record->forallBases([&](const CXXRecordDecl *Base) {
      return !(isListedDecl(Base, Containers) &&
               isPendingMapped(MappedOf(Base)));
    });
  }

  /// Follows \p E, an expression inside an entry's mapped value, back to the
  /// lookup that reached the entry.
  bool traceMapped(const Expr *E, Trace &T) const {
    for (unsigned Steps = 0; E && Steps < 16; ++Steps) {
      E = strip(E);
      if (const auto *Member = dyn_cast<MemberExpr>(E)) {
        const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl());
        if (!Field)
          return false;
        if (Field->getName() == "second" &&
            isListedDecl(Field->getParent(), {"::std::pair"}))
          return traceElement(Member->getBase(), T);
        E = Member->getBase();
        continue;
      }
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
        if (Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2 &&
            isContainer(Op->getArg(0)->getType()))
          return found(Lookup::Subscript, Op, Op->getArg(0), Op->getArg(1), T);
        if ((Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star) &&
            Op->getNumArgs() == 1 &&
            isWrapper(recordOrTemplateOf(strip(Op->getArg(0))->getType()))) {
          E = Op->getArg(0);
          continue;
        }
        return false;
      }
      if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
        const StringRef Name = MemberCall::withOperators(Call).name();
        const Expr *Object = strip(Call->getImplicitObjectArgument());
        if (Name == "at" && Call->getNumArgs() == 1 &&
            isContainer(Object->getType()))
          return found(Lookup::At, Call, Object, Call->getArg(0), T);
        if ((Name == "get" || Name == "value" || Name == "operator*" ||
             Name == "operator->") &&
            isWrapper(recordOrTemplateOf(Object->getType()))) {
          E = Object;
          continue;
        }
        return false;
      }
      // std::get<1>(value) on a pair or tuple value, as rpclib completes
      // its calls: a part of the value, like a field.
      if (const auto *Call = dyn_cast<CallExpr>(E)) {
        const auto *Callee =
            dyn_cast_or_null<FunctionDecl>(Call->getDirectCallee());
        if (!Callee || Call->getNumArgs() != 1 || !Callee->getIdentifier() ||
            Callee->getName() != "get" || !Callee->isInStdNamespace() ||
            !isListedDecl(recordOrTemplateOf(strip(Call->getArg(0))->getType()),
                          {"::std::pair", "::std::tuple"}))
          return false;
        E = Call->getArg(0);
        continue;
      }
      if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
        if (Unary->getOpcode() != UO_Deref && Unary->getOpcode() != UO_AddrOf)
          return false;
        E = Unary->getSubExpr();
        continue;
      }
      if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
        if (const auto *Binding = dyn_cast<BindingDecl>(Ref->getDecl()))
          return traceBinding(Binding, T);
        E = copiedFrom(
            throughLocal(Ref->getDecl(), isAlias(Ref->getDecl()), T));
        continue;
      }
      return false;
    }
    return false;
  }

private:
  static bool isWrapper(const CXXRecordDecl *Record) {
    if (!Record)
      return false;
    return isOneOf(qualifiedNameOf(Record), Wrappers);
  }

  /// A variable that refers to the object it was initialised from rather
  /// than holding a moved-out copy.
  bool isAlias(const ValueDecl *D) const {
    const QualType Type = D->getType();
    return Type->isReferenceType() || Type->isPointerType() ||
           isListedDecl(recordOrTemplateOf(Type), {"::std::shared_ptr"});
  }

  bool found(Lookup Kind, const Expr *Call, const Expr *Container,
             const Expr *Key, Trace &T) const {
    Container = strip(Container);
    if (!isPendingMap(Container->getType()))
      return false;
    T.Kind = Kind;
    T.Call = Call;
    T.Container = Container;
    T.Key = Key;
    return true;
  }

  bool traceBinding(const BindingDecl *Binding, Trace &T) const {
    const auto *Decomposed =
        dyn_cast_or_null<DecompositionDecl>(Binding->getDecomposedDecl());
    if (!Decomposed || Decomposed->bindings().size() != 2 ||
        Decomposed->bindings()[1] != Binding || !Decomposed->getInit())
      return false;
    T.Bound.push_back(Binding);
    return traceElement(Decomposed->getInit(), T);
  }

  /// Follows \p E, an expression denoting a whole entry (key and value),
  /// back to its lookup.
  bool traceElement(const Expr *E, Trace &T) const {
    for (unsigned Steps = 0; E && Steps < 8; ++Steps) {
      E = strip(E);
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
        if ((Op->getOperator() != OO_Arrow && Op->getOperator() != OO_Star) ||
            Op->getNumArgs() != 1)
          return false;
        return traceIterator(Op->getArg(0), T);
      }
      if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
        E = throughLocal(Ref->getDecl(),
                         Ref->getDecl()->getType()->isReferenceType(), T);
        if (!E)
          return false;
        continue;
      }
      return false;
    }
    return false;
  }

  bool traceIterator(const Expr *E, Trace &T) const {
    const auto *Ref = dyn_cast<DeclRefExpr>(strip(E));
    if (!Ref)
      return false;
    const Expr *Init = initOfLocal(Ref->getDecl());
    const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(strip(Init));
    if (!Call)
      return false;
    const StringRef Name = MemberCall::withOperators(Call).name();
    const Expr *Object = Call->getImplicitObjectArgument();
    if (Name == "find" && Call->getNumArgs() == 1) {
      if (!found(Lookup::Find, Call, Object, Call->getArg(0), T))
        return false;
      T.Iter = cast<VarDecl>(Ref->getDecl());
      return true;
    }
    if (Name == "begin" || Name == "cbegin") {
      // A range-based for loop: the map is the initialiser of its range.
      if (const auto *Range = dyn_cast<DeclRefExpr>(strip(Object)))
        if (const auto *RangeVar = dyn_cast<VarDecl>(Range->getDecl()))
          if (RangeVar->isImplicit() && RangeVar->getInit())
            return found(Lookup::Iteration, RangeVar->getInit(),
                         RangeVar->getInit(), nullptr, T);
      return found(Lookup::Iteration, Call, Object, nullptr, T);
    }
    return false;
  }

  const std::vector<std::string> &Pending;
  const std::vector<std::string> &Callbacks;
  const std::vector<std::string> &Containers;
};

/// The field or variable a map expression names: `pending_` in
/// `this->pending_`, `client.pending_` or through a local reference to it.
const ValueDecl *mapIdentity(const Expr *E) {
  for (unsigned Steps = 0; E && Steps < 8; ++Steps) {
    E = strip(E);
    if (const auto *Member = dyn_cast<MemberExpr>(E))
      return dyn_cast<FieldDecl>(Member->getMemberDecl());
    if (const auto *Unary = dyn_cast<UnaryOperator>(E)) {
      if (Unary->getOpcode() != UO_Deref)
        return nullptr;
      E = Unary->getSubExpr();
      continue;
    }
    const auto *Ref = dyn_cast<DeclRefExpr>(E);
    if (!Ref)
      return nullptr;
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var)
      return nullptr;
    // The hidden range variable of a range-based for loop.
    if (Var->isImplicit() && Var->getInit()) {
      E = Var->getInit();
      continue;
    }
    return Var;
  }
  return nullptr;
}

/// The key an insertion writes: `m[k]`, `m.emplace(k, v)`,
/// `m.try_emplace(k, v)`, `m.insert({k, v})`, `m.insert(std::make_pair(k,
/// v))`; null when it cannot be told.
const Expr *insertedKey(const Expr *Insertion) {
  const MemberCall Call = MemberCall::withOperators(Insertion);
  const unsigned KeyArg = Call.name() == "emplace_hint" ? 1 : 0;
  if (Call.numArgs() <= KeyArg)
    return nullptr;
  const Expr *Key = strip(Call.arg(KeyArg));
  if (Call.name() != "insert")
    return Key;
  if (const auto *List = dyn_cast<InitListExpr>(Key))
    return List->getNumInits() == 2 ? List->getInit(0) : nullptr;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Key))
    return Construct->getNumArgs() == 2 ? Construct->getArg(0) : nullptr;
  const auto *MakePair = dyn_cast<CallExpr>(Key);
  return MakePair && MakePair->getNumArgs() == 2 ? MakePair->getArg(0)
                                                 : nullptr;
}

/// Whether \p E is a fresh request id: a counter stepped right there
/// (`next_++`, `++seq_`, `seq_.fetch_add(1)`), a local initialised with
/// one, or what a function of the translation unit returns that is one
/// (`long nextId() { return ++last_; }`).
bool isFreshId(const Expr *E, unsigned Depth = 0) {
  E = strip(E);
  if (!E || Depth > 2)
    return false;
  if (const auto *Unary = dyn_cast<UnaryOperator>(E))
    return Unary->isIncrementOp();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    return Op->getOperator() == OO_PlusPlus;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E))
    if (MemberCall::withOperators(Member).name() == "fetch_add")
      return true;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    return Var && Var->isLocalVarDecl() && Var->getInit() &&
           isFreshId(Var->getInit(), Depth + 1);
  }
  const auto *Call = dyn_cast<CallExpr>(E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  const FunctionDecl *Definition = nullptr;
  const auto *Body = Callee && Callee->hasBody(Definition)
                         ? dyn_cast_or_null<CompoundStmt>(Definition->getBody())
                         : nullptr;
  const auto *Return = Body && Body->size() == 1
                           ? dyn_cast<ReturnStmt>(Body->body_back())
                           : nullptr;
  return Return && isFreshId(Return->getRetValue(), Depth + 1);
}

/// The node that names the map in \p E (the MemberExpr or DeclRefExpr).
const Expr *identityNode(const Expr *E, const ValueDecl *Map) {
  E = strip(E);
  if (const auto *Unary = dyn_cast<UnaryOperator>(E))
    if (Unary->getOpcode() == UO_Deref)
      E = strip(Unary->getSubExpr());
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return Member->getMemberDecl() == Map ? E : nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return Ref->getDecl() == Map ? E : nullptr;
  return nullptr;
}

/// Looks for anything in a function body that may remove entries of one
/// map: an erase-family call, an assignment, or the map escaping into
/// anything but a plain member call (a helper, a reference, std::erase_if).
/// With FollowCalls it also looks into the bodies of functions called there.
class RemovalScan {
public:
  RemovalScan(const ValueDecl *Map, bool FollowCalls)
      : Map(Map), FollowCalls(FollowCalls) {}

  bool removes(const Stmt *S, unsigned Depth = 0) {
    if (!S)
      return false;
    if (removesItself(S, Depth))
      return true;
    return llvm::any_of(S->children(), [&](const Stmt *Child) {
      return removes(Child, Depth);
    });
  }

  /// The outermost statements of \p S that remove entries, in the order
  /// removes() meets them.
  void sites(const Stmt *S, llvm::SmallVectorImpl<const Stmt *> &Found) {
    if (!S)
      return;
    if (removesItself(S, 0)) {
      Found.push_back(S);
      return;
    }
    for (const Stmt *Child : S->children())
      sites(Child, Found);
  }

private:
  /// Whether \p S itself removes entries, not counting its children: an
  /// erase-family call on the map, an assignment to it, the map escaping,
  /// or (with FollowCalls) a called function that does.
  bool removesItself(const Stmt *S, unsigned Depth) {
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S)) {
      if (const Expr *Node =
              identityNode(Call->getImplicitObjectArgument(), Map)) {
        if (isOneOf(MemberCall::withOperators(Call).name(), RemovalMethods))
          return true;
        Benign.insert(Node);
      }
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
      if (Op->getNumArgs() > 0)
        if (const Expr *Node = identityNode(Op->getArg(0), Map)) {
          if (Op->isAssignmentOp())
            return true;
          Benign.insert(Node);
        }
    } else if (const auto *For = dyn_cast<CXXForRangeStmt>(S)) {
      if (const Expr *Node = identityNode(For->getRangeInit(), Map))
        Benign.insert(Node);
    } else if (isa<MemberExpr>(S) || isa<DeclRefExpr>(S)) {
      const auto *E = cast<Expr>(S);
      if (identityNode(E, Map) == E && !Benign.count(E))
        return true;
    }
    if (!FollowCalls || Depth >= 3)
      return false;
    const auto *Call = dyn_cast<CallExpr>(S);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    const FunctionDecl *Definition = nullptr;
    return Callee && Callee->hasBody(Definition) &&
           Visited.insert(Definition).second &&
           removes(Definition->getBody(), Depth + 1);
  }

  const ValueDecl *Map;
  const bool FollowCalls;
  llvm::SmallPtrSet<const Expr *, 8> Benign;
  llvm::SmallPtrSet<const FunctionDecl *, 8> Visited;
};

/// The definitions of every member function of \p Record and of its nested
/// classes, or false when one of them (or a friend) is not visible here.
bool collectMethods(const CXXRecordDecl *Record,
                    llvm::SmallVectorImpl<const FunctionDecl *> &Methods) {
  if (!Record->hasDefinition())
    return false;
  Record = Record->getDefinition();
  if (!Record->friends().empty())
    return false;
  for (const Decl *D : Record->decls()) {
    const auto *Function = dyn_cast<FunctionDecl>(D);
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D))
      Function = Template->getTemplatedDecl();
    if (Function) {
      if (Function->isImplicit() || Function->isDeleted() ||
          Function->isDefaulted() || compat::isPureVirtual(Function))
        continue;
      const FunctionDecl *Definition = nullptr;
      if (!Function->hasBody(Definition))
        return false;
      Methods.push_back(Definition);
    } else if (const auto *Nested = dyn_cast<CXXRecordDecl>(D)) {
      if (!Nested->isImplicit() && !collectMethods(Nested, Methods))
        return false;
    }
  }
  return true;
}

/// The member functions of a class that call each of its member functions,
/// found by one walk over the class's definitions the first time a class is
/// asked about: asking per completion would walk the whole class per
/// completing function.
class ClassCallers {
public:
  /// The other member functions of \p Method's class (and its nested
  /// classes) that call \p Method.
  llvm::SmallVector<const FunctionDecl *, 4> of(const CXXMethodDecl *Method) {
    auto [It, New] = Index.try_emplace(Method->getParent());
    if (New) {
      llvm::SmallVector<const FunctionDecl *, 16> Methods;
      collectMethods(Method->getParent(), Methods);
      for (const FunctionDecl *Caller : Methods)
        addCalls(Caller->getBody(), Caller, It->second);
    }
    llvm::SmallVector<const FunctionDecl *, 4> Result;
    for (const FunctionDecl *Caller :
         It->second.lookup(Method->getCanonicalDecl()))
      if (Caller != Method)
        Result.push_back(Caller);
    return Result;
  }

private:
  using CallerMap =
      llvm::DenseMap<const Decl *, llvm::SmallVector<const FunctionDecl *, 2>>;

  static void addCalls(const Stmt *S, const FunctionDecl *Caller,
                       CallerMap &Callers) {
    if (!S)
      return;
    if (const auto *Call = dyn_cast<CallExpr>(S))
      if (const FunctionDecl *Direct = Call->getDirectCallee()) {
        auto &Known = Callers[Direct->getCanonicalDecl()];
        if (Known.empty() || Known.back() != Caller)
          Known.push_back(Caller);
      }
    for (const Stmt *Child : S->children())
      addCalls(Child, Caller, Callers);
  }

  llvm::DenseMap<const CXXRecordDecl *, CallerMap> Index;
};

/// Every function definition in \p Context and below it, template
/// instantiations included, system headers skipped (whole namespaces at a
/// time, so the walk costs little next to the parse).
void collectFunctions(const DeclContext *Context, const SourceManager &SM,
                      llvm::SmallVectorImpl<const FunctionDecl *> &Functions) {
  for (const Decl *D : Context->decls()) {
    if (SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      continue;
    const auto AddFunction = [&](const FunctionDecl *Function) {
      if (Function && Function->doesThisDeclarationHaveABody())
        Functions.push_back(Function);
    };
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D)) {
      AddFunction(Template->getTemplatedDecl());
      for (const FunctionDecl *Spec : Template->specializations())
        AddFunction(Spec);
    } else if (const auto *Function = dyn_cast<FunctionDecl>(D)) {
      AddFunction(Function);
    } else if (const auto *Template = dyn_cast<ClassTemplateDecl>(D)) {
      collectFunctions(Template->getTemplatedDecl(), SM, Functions);
      for (const ClassTemplateSpecializationDecl *Spec :
           Template->specializations())
        collectFunctions(Spec, SM, Functions);
    } else if (const auto *Inner = dyn_cast<DeclContext>(D)) {
      collectFunctions(Inner, SM, Functions);
    }
  }
}

bool isLoop(const Stmt *S) {
  return isa<ForStmt>(S) || isa<WhileStmt>(S) || isa<DoStmt>(S) ||
         isa<CXXForRangeStmt>(S);
}

/// Whether the completion \p Method only stores a result and wakes the
/// waiter (a promise's setters). resume(), a packaged_task's operator() and
/// folly's setters run other code before they return, which may touch the
/// map: an erase placed after them could use an invalidated iterator or
/// remove an entry registered anew under the same key.
bool storesOnly(StringRef Method) {
  return Method == "set_value" || Method == "set_exception" ||
         Method == "set_value_at_thread_exit" ||
         Method == "set_exception_at_thread_exit";
}

/// Function definitions (lambdas count) sorted by where their bodies begin,
/// to find the one that holds a call without looking at every definition.
class DefinitionIndex {
public:
  DefinitionIndex(llvm::ArrayRef<const FunctionDecl *> Definitions,
                  const SourceManager &SM)
      : SM(SM) {
    for (const FunctionDecl *Definition : Definitions)
      if (const Stmt *Body = Definition->getBody()) {
        const auto Begin =
            SM.getDecomposedLoc(SM.getExpansionLoc(Body->getBeginLoc()));
        const auto End =
            SM.getDecomposedLoc(SM.getExpansionLoc(Body->getEndLoc()));
        if (Begin.first == End.first && Begin.second <= End.second)
          Entries.push_back(
              {Begin.first, Begin.second, End.second, Definition});
      }
    llvm::stable_sort(Entries, [](const Entry &A, const Entry &B) {
      return std::tie(A.File, A.Begin) < std::tie(B.File, B.Begin);
    });
  }

  /// The innermost definition whose body holds \p Call: narrowed by source
  /// range, then confirmed in the tree, which also tells a template's
  /// instantiations apart. Bodies nest or are disjoint, so the walk back
  /// from the last body that begins before the call stops at the first one
  /// that holds it.
  const FunctionDecl *enclosing(const Expr *Call) const {
    const auto Loc =
        SM.getDecomposedLoc(SM.getExpansionLoc(Call->getBeginLoc()));
    auto It =
        llvm::upper_bound(Entries, Loc, [](const auto &L, const Entry &E) {
          return std::tie(L.first, L.second) < std::tie(E.File, E.Begin);
        });
    const Entry *Best = nullptr;
    while (It != Entries.begin()) {
      const Entry &E = *--It;
      if (E.File != Loc.first || (Best && E.Begin < Best->Begin))
        break;
      if (Loc.second <= E.End && (!Best || E.End <= Best->End) &&
          isWithin(E.Definition->getBody(), Call))
        Best = &E;
    }
    return Best ? Best->Definition : nullptr;
  }

private:
  struct Entry {
    FileID File;
    unsigned Begin;
    unsigned End;
    const FunctionDecl *Definition;
  };
  const SourceManager &SM;
  std::vector<Entry> Entries;
};

/// The statement of a compound statement that holds \p Target, with its
/// chain of enclosing statements; null when \p Target is not inside one.
const Stmt *statementOf(const Stmt *Body, const Stmt *Target,
                        llvm::SmallVectorImpl<const Stmt *> &Chain) {
  const Stmt *Result = nullptr;
  const Stmt *S = Body;
  while (S && S != Target) {
    Chain.push_back(S);
    const Stmt *Next = nullptr;
    for (const Stmt *Child : S->children())
      if (Child && isWithin(Child, Target)) {
        Next = Child;
        break;
      }
    if (Next && isa<CompoundStmt>(S))
      Result = Next;
    S = Next;
  }
  return S ? Result : nullptr;
}

/// Whether \p S looks \p Key up in \p Map (count, contains, find) before
/// \p Use.
bool lookedUp(const Stmt *S, const ValueDecl *Map, const Expr *Key,
              const Expr *Use) {
  if (!S || S == Use)
    return false;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S))
    if (isOneOf(MemberCall::withOperators(Call).name(),
                {"count", "contains", "find"}) &&
        Call->getNumArgs() == 1 &&
        identityNode(Call->getImplicitObjectArgument(), Map) &&
        isSameAccess(Call->getArg(0), Key))
      return true;
  return llvm::any_of(S->children(), [&](const Stmt *Child) {
    return lookedUp(Child, Map, Key, Use);
  });
}

/// Whether \p S leaves its block: ends in a return, break, continue or
/// throw.
bool exits(const Stmt *S) {
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(S))
    S = Block->body_empty() ? nullptr : Block->body_back();
  return S && (isa<ReturnStmt>(S) || isa<BreakStmt>(S) ||
               isa<ContinueStmt>(S) || isa<CXXThrowExpr>(S));
}

/// Whether the completion \p Call in \p Body runs only after a test of one
/// of \p Bound, the variables the entry is reached through: inside
/// `if (f) ...`, or after `if (!f) return;`. For an absent key,
/// `operator[]` inserts an empty entry that such a test rejects.
bool entryTested(const Stmt *Body, const Expr *Call,
                 llvm::ArrayRef<const ValueDecl *> Bound) {
  const auto Tests = [&](const IfStmt *If) {
    return llvm::any_of(
        Bound, [&](const ValueDecl *D) { return mentions(If->getCond(), D); });
  };
  llvm::SmallVector<const Stmt *, 8> Chain;
  statementOf(Body, Call, Chain);
  for (const Stmt *S : Chain) {
    if (const auto *If = dyn_cast<IfStmt>(S))
      if (isWithin(If->getThen(), Call) && Tests(If))
        return true;
    const auto *Block = dyn_cast<CompoundStmt>(S);
    if (!Block)
      continue;
    for (const Stmt *Child : Block->body()) {
      if (isWithin(Child, Call))
        break;
      if (const auto *If = dyn_cast<IfStmt>(Child);
          If && Tests(If) && exits(If->getThen()))
        return true;
    }
  }
  return false;
}

} // namespace

bool mayChangeValues(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *Unary = dyn_cast<UnaryOperator>(S))
    if (Unary->isIncrementDecrementOp())
      return true;
  if (const auto *Binary = dyn_cast<BinaryOperator>(S))
    if (Binary->isAssignmentOp())
      return true;
  return llvm::any_of(S->children(), mayChangeValues);
}

/// Whether \p S compares \p Iter with an end() of the map.
bool checkedAgainstEnd(const Stmt *S, const VarDecl *Iter) {
  if (!S)
    return false;
  if (const auto *E = dyn_cast<Expr>(S); E && endComparison(E).Iterator == Iter)
    return true;
  return llvm::any_of(S->children(), [&](const Stmt *Child) {
    return checkedAgainstEnd(Child, Iter);
  });
}

void collectInsertion(Facts &F, const Expr *Insertion, const Vocabulary &V) {
  const PendingEntries Types(V.PendingTypes, V.AnyCallbackTypes,
                             V.ContainerTypes);
  const Expr *Object = strip(MemberCall::withOperators(Insertion).object());
  if (!Object || !Types.isPendingMap(Object->getType()) ||
      Insertion->getBeginLoc().isMacroID())
    return;
  const ValueDecl *Map = mapIdentity(Object);
  if (!Map)
    return;
  F.Insertions[Map].push_back(Insertion);
  if (!PendingEntries(V.PendingTypes, V.CallbackTypes, V.ContainerTypes)
           .isPendingMap(Object->getType()))
    F.RequestMaps.insert(Map);
  if (isFreshId(insertedKey(Insertion)))
    F.FreshKeyed.insert(Map);
}

void collectCompletion(Facts &F, const Expr *Call, const Vocabulary &V) {
  if (Call->getBeginLoc().isMacroID() ||
      !F.Seen.insert(Call->getExprLoc()).second)
    return;
  const MemberCall Completion = MemberCall::withOperators(Call);
  const StringRef Method = Completion.name();
  if (!llvm::is_contained(V.CompletionMethods, Method))
    return;
  const PendingEntries Types(V.PendingTypes, V.AnyCallbackTypes,
                             V.ContainerTypes);
  Trace Path;
  if (!Types.traceMapped(Completion.object(), Path) ||
      inMacro(Path.Call->getSourceRange()))
    return;
  const ValueDecl *Map = mapIdentity(Path.Container);
  if (!Map)
    return;
  const QualType Object = Completion.object()->getType();
  const bool Repeatable =
      isListedDecl(recordOrTemplateOf(Object), V.CallbackTypes);
  const bool OneShot =
      llvm::is_contained(V.OneShotCompletionMethods, Method) && !Repeatable;
  const bool RequestCallback =
      !Repeatable &&
      isListedDecl(recordOrTemplateOf(Object), V.RequestCallbackTypes);
  F.Completions.push_back({Call, nullptr, Path, Map, OneShot, RequestCallback});
}

namespace {

/// Decides the completions and maps of one translation unit.
class PendingMapLeakFinder {
public:
  explicit PendingMapLeakFinder(Facts &F) : Context(*F.Context), F(F) {}

  /// Finds the function of every completion; drops those outside one.
  void locateCompletions();
  /// The leak at \p C, if it is one.
  compat::Optional<Leak> decide(const Completion &C);
  /// The maps that are inserted into and never removed from.
  std::vector<UnremovedMap> unremovedMaps() const;

  ASTContext &Context;
  Facts &F;

private:
  bool removedOnItsPaths(const Completion &C);
  bool removedByItsWaiters(const ValueDecl *Map);
  bool removedAround(const Completion &C);
  bool isFinal(const Completion &C, const Leak &L) const;
  bool mapScope(const ValueDecl *Map,
                llvm::SmallVectorImpl<const FunctionDecl *> &Scope) const;

  ClassCallers Callers;
  FlowCache Flows;
  std::unique_ptr<DefinitionIndex> Index;
  llvm::DenseMap<const ValueDecl *, bool> WaiterRemoves;
};

void PendingMapLeakFinder::locateCompletions() {
  const SourceManager &SM = Context.getSourceManager();
  if (!F.Completions.empty())
    collectFunctions(Context.getTranslationUnitDecl(), SM, F.Definitions);
  Index = std::make_unique<DefinitionIndex>(F.Definitions, SM);
  for (Completion &C : F.Completions)
    C.Function = Index->enclosing(C.Call);
  llvm::erase_if(F.Completions,
                 [](const Completion &C) { return C.Function == nullptr; });
}

/// Whether every path through the completion \p C in its function removes
/// the entry: a removal that always runs before it (`auto p = it->second;
/// m.erase(it); p->set_value(v);`; an erase of an earlier pass of a loop
/// does not count), or one on every path from it to the
/// function's exit. An error path that completes and returns before the
/// erase leaves its entry behind.
bool PendingMapLeakFinder::removedOnItsPaths(const Completion &C) {
  const Stmt *Body = C.Function->getBody();
  llvm::SmallVector<const Stmt *, 4> Removals;
  RemovalScan(C.Map, /*FollowCalls=*/true).sites(Body, Removals);
  if (Removals.empty())
    return false;
  const FunctionFlow *Flow = Flows.flowOf(Body, Context);
  if (!Flow)
    return true;
  return llvm::any_of(Removals,
                      [&](const Stmt *R) {
                        return isWithin(R, C.Call) ||
                               Flow->guaranteedBefore(R, C.Call);
                      }) ||
         !Flow->reachesExit(C.Call, Removals);
}

/// Whether every insertion into \p Map is followed, in its own function,
/// by a removal on every path from it to the function's exit: the waiter
/// takes its entry out after the wait, on success and on timeout, whatever
/// the completion does (usbguard's qbIPCSendRecvMessage: `_return_map[id]`,
/// send, `wait_for`, `_return_map.erase(id)`).
bool PendingMapLeakFinder::removedByItsWaiters(const ValueDecl *Map) {
  const auto Known = WaiterRemoves.find(Map);
  if (Known != WaiterRemoves.end())
    return Known->second;
  const auto Inserted = F.Insertions.find(Map);
  const bool Removes =
      Inserted != F.Insertions.end() &&
      llvm::all_of(Inserted->second, [&](const Expr *Insertion) {
        const FunctionDecl *Fn = Index->enclosing(Insertion);
        const Stmt *Body = Fn ? Fn->getBody() : nullptr;
        llvm::SmallVector<const Stmt *, 4> Removals;
        RemovalScan(Map, /*FollowCalls=*/true).sites(Body, Removals);
        const FunctionFlow *Flow =
            Removals.empty() ? nullptr : Flows.flowOf(Body, Context);
        return Flow && !Flow->reachesExit(Insertion, Removals);
      });
  WaiterRemoves[Map] = Removes;
  return Removes;
}

/// Whether the entry of \p C is removed on its paths, in the function
/// around its lambda, or by a caller of its class.
bool PendingMapLeakFinder::removedAround(const Completion &C) {
  const auto RemovedIn = [&](const Stmt *S) {
    return RemovalScan(C.Map, /*FollowCalls=*/true).removes(S);
  };
  if (removedOnItsPaths(C) || removedByItsWaiters(C.Map))
    return true;
  const auto *Method = dyn_cast<CXXMethodDecl>(C.Function);
  if (!Method)
    return false;
  // A lambda completing the entry: its enclosing function may remove it.
  if (Method->getParent()->isLambda())
    if (const auto *Outer =
            dyn_cast<FunctionDecl>(Method->getParent()->getDeclContext()))
      if (RemovedIn(Outer->getBody()))
        return true;
  // A helper of its class: a caller in the class may remove the entry.
  return llvm::any_of(Callers.of(Method), [&](const FunctionDecl *Caller) {
    return RemovedIn(Caller->getBody());
  });
}

bool PendingMapLeakFinder::isFinal(const Completion &C, const Leak &L) const {
  if (L.Semi.isInvalid() || C.Function->isTemplateInstantiation() ||
      !storesOnly(MemberCall::withOperators(C.Call).name()))
    return false;
  const bool Revisited = llvm::any_of(L.Chain, [&](const Stmt *S) {
    return (isLoop(S) || isa<LambdaExpr>(S)) && !isWithin(S, C.Path.Call);
  });
  const auto UsedAfter = [&](const ValueDecl *D) {
    return llvm::any_of(L.Chain, [&](const Stmt *Outer) {
      const auto *Block = dyn_cast<CompoundStmt>(Outer);
      if (!Block)
        return false;
      bool After = false;
      for (const Stmt *Child : Block->body()) {
        if (After && mentions(Child, D))
          return true;
        if (isWithin(Child, C.Call))
          After = true;
      }
      return false;
    });
  };
  return !Revisited && llvm::none_of(C.Path.Bound, UsedAfter);
}

/// Whether \p Call completes the mapped value itself, `v.set_value(x)`,
/// not through a pointer (`v->set_value(x)`) or by calling it (`v(x)`).
bool completesInPlace(const Expr *Call) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
  const auto *Callee =
      Member ? dyn_cast<MemberExpr>(Member->getCallee()->IgnoreParens())
             : nullptr;
  return Callee && !Callee->isArrow();
}

compat::Optional<Leak> PendingMapLeakFinder::decide(const Completion &C) {
  // A destructor's map dies with it; so does a local map (reported per map).
  const auto *LocalMap = dyn_cast<VarDecl>(C.Map);
  if (isa<CXXDestructorDecl>(C.Function) ||
      (LocalMap && LocalMap->hasLocalStorage() && !isa<ParmVarDecl>(LocalMap) &&
       !LocalMap->getType()->isReferenceType() &&
       !LocalMap->getType()->isPointerType()))
    return {};
  // A callback map is a pending map when its keys are fresh request ids;
  // a handler registry calls its entries again and again.
  if (C.RequestCallback && !F.FreshKeyed.count(C.Map))
    return {};
  Leak L;
  L.C = &C;
  L.Removed = removedAround(C);
  const Stmt *Body = C.Function->getBody();
  // After a lookup of the same key, `m[k]` finds the existing entry.
  L.Subscript = C.Path.Kind == Lookup::Subscript &&
                !lookedUp(Body, C.Map, C.Path.Key, C.Call) &&
                !entryTested(Body, C.Call, C.Path.Bound);
  if (!L.Subscript && (L.Removed || !C.OneShot))
    return {};
  // With the entry removed after it, `m[k]` on an absent key completes a
  // default value and drops it again: harmless, unless completing it goes
  // through a pointer (null) or calls the value (an empty function).
  if (L.Subscript && L.Removed && completesInPlace(C.Call))
    return {};
  L.Statement = statementOf(Body, C.Call, L.Chain);
  if (L.Statement && isa<Expr>(L.Statement) &&
      strip(cast<Expr>(L.Statement)) == C.Call &&
      !inMacro(L.Statement->getSourceRange()))
    L.Semi = Lexer::findLocationAfterToken(
        L.Statement->getEndLoc(), tok::semi, Context.getSourceManager(),
        Context.getLangOpts(), /*SkipTrailingWhitespaceAndNewLine=*/false);
  L.Final = isFinal(C, L);
  return L;
}

/// The functions that may remove entries of \p Map: the methods of the
/// class of a private field, the function of a local map, every function of
/// the translation unit for a map only it can see. False when others can.
bool PendingMapLeakFinder::mapScope(
    const ValueDecl *Map,
    llvm::SmallVectorImpl<const FunctionDecl *> &Scope) const {
  if (const auto *Field = dyn_cast<FieldDecl>(Map)) {
    const auto *Owner = dyn_cast<CXXRecordDecl>(Field->getParent());
    return Owner && Field->getAccess() == AS_private &&
           !Owner->isDependentContext() && collectMethods(Owner, Scope);
  }
  const auto *Var = dyn_cast<VarDecl>(Map);
  if (!Var || isa<ParmVarDecl>(Var))
    return false;
  if (Var->hasLocalStorage() || Var->isStaticLocal()) {
    const auto *Owner = dyn_cast<FunctionDecl>(Var->getDeclContext());
    if (!Owner || !Owner->hasBody())
      return false;
    Scope.push_back(Owner);
    return true;
  }
  if (Var->isExternallyVisible())
    return false;
  collectFunctions(Context.getTranslationUnitDecl(), Context.getSourceManager(),
                   Scope);
  return true;
}

std::vector<UnremovedMap> PendingMapLeakFinder::unremovedMaps() const {
  // `m[k].set_value(v)` is reported per completion, as an insertion of its
  // own.
  llvm::SmallPtrSet<const Expr *, 8> Reported;
  for (const Completion &C : F.Completions)
    if (C.Path.Kind == Lookup::Subscript)
      Reported.insert(C.Path.Call);
  std::vector<UnremovedMap> Result;
  for (auto &[Map, Insertions] : F.Insertions) {
    const auto Unreported = llvm::find_if(
        Insertions, [&](const Expr *E) { return !Reported.count(E); });
    llvm::SmallVector<const FunctionDecl *, 16> Scope;
    if (Unreported == Insertions.end() ||
        (F.RequestMaps.count(Map) && !F.FreshKeyed.count(Map)) ||
        !mapScope(Map, Scope) ||
        llvm::any_of(Scope, [&, Map = Map](const FunctionDecl *Fn) {
          return RemovalScan(Map, /*FollowCalls=*/false).removes(Fn->getBody());
        }))
      continue;
    const auto Completed =
        llvm::find_if(F.Completions, [&, Map = Map](const Completion &C) {
          return C.Map == Map;
        });
    Result.push_back(
        {Map, *Unreported,
         Completed == F.Completions.end() ? nullptr : Completed->Call});
  }
  return Result;
}

} // namespace

Findings findLeaks(Facts &F) {
  PendingMapLeakFinder Finder(F);
  Finder.locateCompletions();
  Findings Result;
  for (const Completion &C : F.Completions)
    if (compat::Optional<Leak> L = Finder.decide(C))
      Result.Leaks.push_back(std::move(*L));
  Result.Maps = Finder.unremovedMaps();
  return Result;
}

} // namespace clang::tidy::safedelete::pending_map_leak
