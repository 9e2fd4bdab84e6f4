"""safedelete_aspect: safedelete-tidy on every C++ source of cc_library,
cc_binary and cc_test targets of the main repository, and of those they
depend on, one cached action per source file.

    bazel build //... --aspects=@safedelete//:safedelete.bzl%safedelete_aspect \
        --output_groups=safedelete \
        --@safedelete//:safedelete_tidy=//tools:safedelete-tidy

Each action reads the target's compile context (defines, include paths, copts
and the C++ toolchain's flags) and writes <target>.safedelete/<source>.yaml (clang-tidy
--export-fixes) and <target>.safedelete/<source>.txt (the diagnostics) with paths
relative to the workspace. `safedelete-ci --reports bazel-bin --sarif F`
merges them. Loads on Bazel 4 (WORKSPACE) and 7+ (Bzlmod) alike: it uses no
API only one of them has. See docs/integrations.rst.
"""

SafeDeleteSettingInfo = provider(
    doc = "The value of a safedelete build setting.",
    fields = ["value"],
)

SafeDeleteReportsInfo = provider(
    doc = "The reports of a target and of the targets it depends on.",
    fields = ["reports"],
)

def _setting_impl(ctx):
    return [SafeDeleteSettingInfo(value = ctx.build_setting_value)]

safedelete_string_setting = rule(
    implementation = _setting_impl,
    build_setting = config.string(flag = True),
)

safedelete_bool_setting = rule(
    implementation = _setting_impl,
    build_setting = config.bool(flag = True),
)

_CXX_EXTENSIONS = ["cc", "cpp", "cxx", "c++", "C"]

# Flags of GCC toolchains that clang rejects; warnings it does not know are
# only warnings.
_FLAGS_CLANG_REJECTS = [
    "-fno-canonical-system-headers",
    "-fstack-usage",
    "-fno-tree-vrp",
    "-fno-ipa-cp-clone",
]

def _toolchain_flags(ctx):
    cc_toolchain = ctx.attr._cc_toolchain[cc_common.CcToolchainInfo]
    features = cc_common.configure_features(ctx = ctx, cc_toolchain = cc_toolchain)
    variables = cc_common.create_compile_variables(
        feature_configuration = features,
        cc_toolchain = cc_toolchain,
        user_compile_flags = ctx.fragments.cpp.copts + ctx.fragments.cpp.cxxopts,
    )
    return cc_common.get_memory_inefficient_command_line(
        feature_configuration = features,
        action_name = "c++-compile",
        variables = variables,
    )

def _accepted(flags):
    return [f for f in flags if f not in _FLAGS_CLANG_REJECTS and "$(" not in f]

def _compile_flags(ctx, compilation_context):
    args = ctx.actions.args()
    args.add_all(_accepted(_toolchain_flags(ctx)))
    args.add_all(_accepted(getattr(ctx.rule.attr, "copts", [])))
    args.add_all(compilation_context.defines, before_each = "-D")
    args.add_all(compilation_context.local_defines, before_each = "-D")
    args.add_all(compilation_context.includes, before_each = "-I")
    args.add_all(compilation_context.quote_includes, before_each = "-iquote")
    args.add_all(compilation_context.system_includes, before_each = "-isystem")
    return args

def _setting(ctx, name):
    return getattr(ctx.attr, name)[SafeDeleteSettingInfo].value

def _tidy_flags(ctx, source, report, config):
    args = ctx.actions.args()
    checks = _setting(ctx, "_checks")
    if checks:
        args.add("--checks=" + checks)
    if config:
        args.add("--config-file=" + config.path)
    header_filter = _setting(ctx, "_header_filter")
    if header_filter:
        args.add("--header-filter=" + header_filter)
    args.add("--export-fixes=" + report.path)
    args.add("--quiet")
    args.add(source)
    args.add("--")
    return args

def _tool(ctx):
    files = ctx.attr._safedelete_tidy.files.to_list()
    if len(files) != 1:
        fail("safedelete: give safedelete-tidy as one file: " +
             "--@safedelete//:safedelete_tidy=//tools:safedelete-tidy " +
             "(docs/integrations.rst, Bazel)")
    return files[0]

def _config(ctx):
    files = ctx.attr._config.files.to_list()
    if len(files) > 1:
        fail("safedelete: --@safedelete//:config names %d files; give one .clang-tidy" % len(files))
    return files[0] if files else None

def _path_in_package(ctx, source):
    package = ctx.label.package + "/" if ctx.label.package else ""
    path = source.short_path
    return path[len(package):] if path.startswith(package) else path

def _check_source(ctx, target, source, tool, config):
    compilation_context = target[CcInfo].compilation_context
    stem = "%s.safedelete/%s" % (ctx.label.name, _path_in_package(ctx, source))
    report = ctx.actions.declare_file(stem + ".yaml")
    text = ctx.actions.declare_file(stem + ".txt")
    runner = ctx.actions.args()
    runner.add_all([tool, report, text])
    runner.add("1" if _setting(ctx, "_fail_on_findings") else "0")
    ctx.actions.run(
        executable = ctx.executable._runner,
        arguments = [runner, _tidy_flags(ctx, source, report, config),
                     _compile_flags(ctx, compilation_context)],
        inputs = depset(
            [source, tool] + ([config] if config else []),
            transitive = [compilation_context.headers],
        ),
        outputs = [report, text],
        mnemonic = "SafeDelete",
        progress_message = "safedelete %s" % source.short_path,
        use_default_shell_env = True,
    )
    return [report, text]

def _sources(ctx, target):
    if CcInfo not in target or target.label.workspace_name:
        return []
    return [
        f
        for src in getattr(ctx.rule.attr, "srcs", [])
        for f in src.files.to_list()
        if f.is_source and f.extension in _CXX_EXTENSIONS
    ]

def _reports(ctx, target):
    sources = _sources(ctx, target)
    if not sources:
        return []
    tool, config = _tool(ctx), _config(ctx)
    reports = []
    for source in sources:
        reports += _check_source(ctx, target, source, tool, config)
    return reports

def _safedelete_aspect_impl(target, ctx):
    reports = depset(_reports(ctx, target), transitive = [
        dep[SafeDeleteReportsInfo].reports
        for dep in getattr(ctx.rule.attr, "deps", [])
        if SafeDeleteReportsInfo in dep
    ])
    return [SafeDeleteReportsInfo(reports = reports), OutputGroupInfo(safedelete = reports)]

safedelete_aspect = aspect(
    implementation = _safedelete_aspect_impl,
    attr_aspects = ["deps"],
    fragments = ["cpp"],
    attrs = {
        "_cc_toolchain": attr.label(default = Label("@bazel_tools//tools/cpp:current_cc_toolchain")),
        "_safedelete_tidy": attr.label(default = Label("//:safedelete_tidy"), allow_files = True),
        "_config": attr.label(default = Label("//:config"), allow_files = True),
        "_checks": attr.label(default = Label("//:checks")),
        "_header_filter": attr.label(default = Label("//:header_filter")),
        "_fail_on_findings": attr.label(default = Label("//:fail_on_findings")),
        "_runner": attr.label(
            default = Label("//:run_safedelete.sh"),
            executable = True,
            allow_single_file = True,
            cfg = "exec",
        ),
    },
)
