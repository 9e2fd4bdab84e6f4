//===--- SafeDeleteClangdMain.cpp - safedelete-clangd driver --------------===//
//
// clangd's own driver with every built-in tidy module and the safedelete
// module, so clangd-based editors show our diagnostics and fix-its. LLVM
// installs no header for clangdMain; this is the declaration upstream's
// clangd/tool/ClangdToolMain.cpp uses. clangd replaces LLVM's version
// printer with its own, so `--version` is answered here before clangd's.
// clangd runs only the tidy checks its own list marks as fast unless the
// configuration says `FastCheckFilter: None`, and says nothing about the
// others; the log says it at start. Every fix goes on a note that names
// it, which clangd turns into the code action's title (support/FixIt.h).
//
//===----------------------------------------------------------------------===//

#include "support/FixIt.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace clang {
namespace clangd {
int clangdMain(int argc, char *argv[]);
} // namespace clangd
} // namespace clang

int main(int argc, char *argv[]) {
  bool Version = false;
  for (int I = 1; I < argc; ++I)
    Version = Version || llvm::StringRef(argv[I]) == "--version" ||
              llvm::StringRef(argv[I]) == "-version";
  if (Version)
    llvm::outs() << "safedelete version " SAFEDELETE_VERSION "\n";
  else
    llvm::errs() << "safedelete-clangd: clangd skips the tidy checks it has "
                    "not measured as fast, safedelete-* among them, unless "
                    "the configuration (.clangd or the user config.yaml) has "
                    "'Diagnostics: ClangTidy: FastCheckFilter: None'\n";
  clang::tidy::safedelete::setFixPlacement(
      clang::tidy::safedelete::FixPlacement::OnTitledNote);
  return clang::clangd::clangdMain(argc, argv);
}
