# Convenience entry points over CMake; see README.md.
#   make demo            install what is missing, build, run on examples/
#   make check           install what is missing, build, run the test suite
#   make check LLVM=22   the same against another LLVM major (14 15 16 19 22)
#   make bench           cost on a generated corpus; PROJECT=dir: on the
#                        compile_commands.json of your own build (bench/project.py)
#   make check SANITIZE=1  the suite through safedelete-tidy built with
#                        ASan+UBSan and assertions (in build/llvm-N-asan)
# Also: BUILD=dir (build directory), GENERATOR="Unix Makefiles" (default
# Ninja), CXX=clang++-N (host compiler; CMake reads CXX and
# CMAKE_CXX_COMPILER_LAUNCHER=ccache from the environment when it first
# configures BUILD, so use a fresh BUILD to change them).
LLVM ?= 19
SANITIZE ?=
BUILD ?= build/llvm-$(LLVM)$(if $(SANITIZE),-asan)
GENERATOR ?= Ninja

.PHONY: deps build demo check bench clean

deps:
	@tools/install-deps.sh $(LLVM)

build: deps
	cmake -S . -B "$(BUILD)" -G "$(GENERATOR)" -DLLVM_ROOT=/usr/lib/llvm-$(LLVM) \
	  -DSAFEDELETE_SANITIZE=$(if $(SANITIZE),ON,OFF)
	cmake --build "$(BUILD)" -j2

demo: build
	@tools/demo.sh "$(BUILD)"

check: build
	cmake --build "$(BUILD)" --target check

bench: build
ifdef PROJECT
	@python3 bench/project.py "$(PROJECT)" --safedelete-build "$(BUILD)"
else
	@bench/run.sh "$(BUILD)"
endif

clean:
	rm -rf build
