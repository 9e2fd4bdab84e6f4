//===--- SafeDeleteTidyMain.cpp - safedelete-tidy driver ------------------===//
//
// clang-tidy's own driver with every built-in module (pulled in by
// clangTidyMain) and the safedelete module. The module's object files are
// linked directly, not from an archive, so its registration is never dropped
// and needs no anchor. `--version` names safedelete's version after LLVM's.
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/tool/ClangTidyMain.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

int main(int argc, const char **argv) {
  llvm::cl::AddExtraVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "safedelete version " SAFEDELETE_VERSION "\n";
  });
  return clang::tidy::clangTidyMain(argc, argv);
}
