//===--- SafeDeleteTidyMain.cpp - safedelete-tidy driver ------------------===//
//
// clang-tidy's own driver with every built-in module (pulled in by
// clangTidyMain) and the safedelete module. The module's object files are
// linked directly, not from an archive, so its registration is never dropped
// and needs no anchor.
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/tool/ClangTidyMain.h"

int main(int argc, const char **argv) {
  return clang::tidy::clangTidyMain(argc, argv);
}
