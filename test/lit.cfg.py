# lit configuration of the safedelete suite. CMake generates one
# lit.site.cfg.py per mode (plugin, standalone) that sets the paths below and
# then loads this file, so the same tests run against both artifacts.
import glob
import os
import shlex

import lit.formats

config.name = "safedelete-" + config.safedelete_mode
config.test_format = lit.formats.ShTest(True)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "unit", "fuzz"]
config.test_source_root = os.path.dirname(__file__)

llvm_bin = os.path.dirname(config.clang_tidy)
config.environment["PATH"] = os.pathsep.join(
    [llvm_bin, config.environment.get("PATH", os.environ.get("PATH", ""))])

if config.safedelete_mode == "plugin":
    tidy = [config.clang_tidy, "--load=" + config.plugin]
else:
    tidy = [config.safedelete_tidy]
tidy_cmd = " ".join(shlex.quote(a) for a in tidy)

runner = [config.python,
          os.path.join(config.test_source_root, "check_clang_tidy.py"),
          "--clang-tidy=" + config.clang_tidy if config.safedelete_mode == "plugin"
          else "--clang-tidy=" + config.safedelete_tidy,
          "--filecheck=" + config.filecheck,
          "--clangxx=" + config.clangxx,
          "--headers=" + os.path.join(config.test_source_root, "checkers",
                                      "Inputs", "Headers")]
if config.safedelete_mode == "plugin":
    runner.append("--load=" + config.plugin)

config.substitutions.append(
    ("%check_clang_tidy", " ".join(shlex.quote(a) for a in runner)))
config.substitutions.append(("%clang_tidy", tidy_cmd))
config.substitutions.append(("%safedelete_tidy", shlex.quote(config.safedelete_tidy)))
config.substitutions.append(("%host_clang_tidy", shlex.quote(config.clang_tidy)))
config.substitutions.append(("%plugin", shlex.quote(config.plugin)))
config.substitutions.append(("%unittests", shlex.quote(config.unittests)))
config.substitutions.append(("%python", shlex.quote(config.python)))
config.substitutions.append(("%clangxx", shlex.quote(config.clangxx)))
config.substitutions.append(("%cmake_generator", shlex.quote(config.cmake_generator)))
config.substitutions.append(("%examples", os.path.join(config.source_root, "examples")))
config.substitutions.append(("%source_root", config.source_root))

# Another packaged clang-tidy major, to show that a mismatched plugin is refused.
import shutil
for major in ("22", "19", "16", "15", "14"):
    other = shutil.which("clang-tidy-" + major)
    if major != config.llvm_major and other:
        config.substitutions.append(("%other_clang_tidy", other))
        config.available_features.add("other-clang-tidy")
        break

config.available_features.add(config.safedelete_mode)
config.available_features.add("llvm-" + config.llvm_major)
if config.sanitize:
    config.available_features.add("sanitize")
if config.unittests:
    config.available_features.add("unittests")

# Integration tests (test/tool/ci-*, pre-commit-*): a Python with PyYAML runs
# safedelete-ci (Debian: python3-yaml); jsonschema and the SARIF 2.1.0 schema
# (tools/install-deps.sh fetches it) validate its SARIF.
import subprocess


def _python_with(modules):
    for py in (config.python, "/usr/bin/python3"):
        if py and os.path.exists(py) and subprocess.call(
                [py, "-c", "import " + ",".join(modules)],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) == 0:
            return py
    return None


ci_python = _python_with(["yaml"])
if ci_python:
    config.available_features.add("python-yaml")
    config.substitutions.append(("%ci_python", shlex.quote(ci_python)))
    config.substitutions.append(
        ("%safedelete_ci", shlex.quote(ci_python) + " " +
         shlex.quote(os.path.join(config.source_root, "tools", "safedelete-ci"))))
schema_python = _python_with(["yaml", "jsonschema"])
if schema_python and config.sarif_schema and os.path.isfile(config.sarif_schema):
    config.available_features.add("sarif-schema")
    config.substitutions.append(("%schema_python", shlex.quote(schema_python)))
    config.substitutions.append(("%sarif_schema", shlex.quote(config.sarif_schema)))
for tool in ("git", "pre-commit", "cmake", "bazel"):
    if shutil.which(tool):
        config.available_features.add(tool)
if config.plugin:
    config.available_features.add("plugin-built")
# safedelete-clangd, built for the LLVM majors that ship libclangdMain.a. In
# the build tree it has no lib/clang/N beside it: give it the packaged one.
stddef = sorted(glob.glob(os.path.join(os.path.dirname(llvm_bin), "lib", "clang", "*",
                                       "include", "stddef.h")))
if config.safedelete_clangd and stddef:
    config.available_features.add("clangd")
    config.substitutions.append(("%safedelete_clangd", shlex.quote(config.safedelete_clangd)))
    config.substitutions.append(("%clangd_resource_dir",
                                 shlex.quote(os.path.dirname(os.path.dirname(stddef[0])))))
config.substitutions.append(("%tidy_bin_dir", os.path.dirname(config.safedelete_tidy)))
config.substitutions.append(("%build_dir", os.path.dirname(os.path.dirname(config.test_exec_root))))
config.substitutions.append(("%llvm_root", os.path.dirname(llvm_bin)))
# libc++, for the robustness tests over its headers: when clang finds it.
if subprocess.run([config.clangxx, "-stdlib=libc++", "-fsyntax-only", "-x", "c++", "-"],
                  input=b"#include <vector>\n", stdout=subprocess.DEVNULL,
                  stderr=subprocess.DEVNULL).returncode == 0:
    config.available_features.add("libcxx")
