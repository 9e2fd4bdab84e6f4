//===--- SafeDeleteClangdMain.cpp - safedelete-clangd driver --------------===//
//
// clangd's own driver with every built-in tidy module and the safedelete
// module, so clangd-based editors show our diagnostics and fix-its. LLVM
// installs no header for clangdMain; this is the declaration upstream's
// clangd/tool/ClangdToolMain.cpp uses. clangd replaces LLVM's version
// printer with its own, so `--version` is answered here before clangd's.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace clang {
namespace clangd {
int clangdMain(int argc, char *argv[]);
} // namespace clangd
} // namespace clang

int main(int argc, char *argv[]) {
  for (int I = 1; I < argc; ++I)
    if (llvm::StringRef(argv[I]) == "--version" ||
        llvm::StringRef(argv[I]) == "-version")
      llvm::outs() << "safedelete version " SAFEDELETE_VERSION "\n";
  return clang::clangd::clangdMain(argc, argv);
}
