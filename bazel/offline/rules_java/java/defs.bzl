"""Offline stand-in for rules_java on Debian's Bazel 4 (bazel-bootstrap), which
cannot download it: each rule forwards to the one built into Bazel 4. Bazel
7+ users take the real rules_java from the Bazel Central Registry instead
(docs/integrations.rst)."""

def java_binary(**kwargs):
    native.java_binary(**kwargs)

def java_import(**kwargs):
    native.java_import(**kwargs)

def java_library(**kwargs):
    native.java_library(**kwargs)

def java_proto_library(**kwargs):
    native.java_proto_library(**kwargs)

def java_runtime(**kwargs):
    native.java_runtime(**kwargs)

def java_toolchain(**kwargs):
    native.java_toolchain(**kwargs)
