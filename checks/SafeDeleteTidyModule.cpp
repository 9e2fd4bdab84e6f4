//===--- SafeDeleteTidyModule.cpp - safedelete module registration -------===//
//
// Registers the safedelete-* checks with clang-tidy, both when loaded as a
// plugin (`clang-tidy --load=libSafeDeleteModule.so`) and when linked into
// safedelete-tidy.
//
//===----------------------------------------------------------------------===//

#include "EraseDuringIterationCheck.h"
#include "LookupBeforeEraseCheck.h"
#include "PendingMapLeakCheck.h"
#include "UnconditionalSqlDeleteCheck.h"
#include "UnlockedEraseCheck.h"
#include "UseAfterEraseCheck.h"
#include "support/Compat.h"
#include "clang/Basic/Version.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace clang::tidy::safedelete {
namespace {

/// Returns the major version in a clang version string such as
/// "Debian clang version 19.1.7 (3~deb12u1)", or 0 when there is none.
unsigned majorOf(llvm::StringRef FullVersion) {
  const size_t Pos = FullVersion.find("version ");
  if (Pos == llvm::StringRef::npos)
    return 0;
  unsigned Major = 0;
  if (FullVersion.drop_front(Pos + 8).consumeInteger(10, Major))
    return 0;
  return Major;
}

class SafeDeleteModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &CheckFactories) override {
    // A plugin runs against the host's clang libraries: one built for another
    // major loads but matches nothing (or worse). Say so once and register
    // nothing rather than abort the host.
    const std::string HostVersion = getClangFullVersion();
    const unsigned HostMajor = majorOf(HostVersion);
    if (HostMajor != 0 && HostMajor != compat::BuiltMajor) {
      llvm::errs() << "error: safedelete was built for LLVM "
                   << compat::BuiltMajor << " but is loaded into LLVM "
                   << HostMajor << " (" << HostVersion
                   << "); its checks are disabled. Rebuild it with "
                      "-DLLVM_ROOT=/usr/lib/llvm-"
                   << HostMajor << " or use safedelete-tidy\n";
      return;
    }
    CheckFactories.registerCheck<EraseDuringIterationCheck>(
        "safedelete-erase-during-iteration");
    CheckFactories.registerCheck<LookupBeforeEraseCheck>(
        "safedelete-lookup-before-erase");
    CheckFactories.registerCheck<PendingMapLeakCheck>(
        "safedelete-pending-map-leak");
    CheckFactories.registerCheck<UnconditionalSqlDeleteCheck>(
        "safedelete-unconditional-sql-delete");
    CheckFactories.registerCheck<UnlockedEraseCheck>(
        "safedelete-unlocked-erase");
    CheckFactories.registerCheck<UseAfterEraseCheck>(
        "safedelete-use-after-erase");
  }
};

} // namespace

// NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables)
static ClangTidyModuleRegistry::Add<SafeDeleteModule>
    X("safedelete-module", "Checks for risky removal patterns.");

} // namespace clang::tidy::safedelete
