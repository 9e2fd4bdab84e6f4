//===--- SafeDeleteClangdMain.cpp - safedelete-clangd driver --------------===//
//
// clangd's own driver with every built-in tidy module and the safedelete
// module, so clangd-based editors show our diagnostics and fix-its. LLVM
// installs no header for clangdMain; this is the declaration upstream's
// clangd/tool/ClangdToolMain.cpp uses.
//
//===----------------------------------------------------------------------===//

namespace clang {
namespace clangd {
int clangdMain(int argc, char *argv[]);
} // namespace clangd
} // namespace clang

int main(int argc, char *argv[]) {
  return clang::clangd::clangdMain(argc, argv);
}
