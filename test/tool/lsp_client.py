#!/usr/bin/env python3
"""A minimal LSP client for the safedelete-clangd tests.

Starts a clangd binary on a workspace directory, opens a file (optionally
changes it to further contents, as an editor sends while the user types),
and after each version prints, in a stable text form for FileCheck:

  version N
  diagnostic L:C-L:C SOURCE CODE: MESSAGE          (0-based positions)
  related L:C-L:C MESSAGE                         (its notes)
  action KIND "TITLE" [CODE]
  edit L:C-L:C "NEW TEXT"
  alive                                           (clangd answered a request)

then shuts clangd down and prints "exit STATUS". Every wait is bounded by
--timeout; a timeout, a crash or a malformed message exits 1 with a reason.

  lsp_client.py --clangd BIN --root DIR --file NAME --open A.cpp
                [--change B.cpp ...] [--code-actions] [-- CLANGD ARGS]
"""
import argparse
import json
import os
import queue
import subprocess
import sys
import threading
import time


class LspError(Exception):
    pass


class Client:
    def __init__(self, argv, cwd, env, timeout):
        self.timeout = timeout
        self.proc = subprocess.Popen(argv, cwd=cwd, env=env,
                                     stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.messages = queue.Queue()
        self.stderr = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    def _drain_stderr(self):
        for line in self.proc.stderr:
            self.stderr.append(line.decode("utf-8", "replace"))

    def _read(self):
        out = self.proc.stdout
        try:
            while True:
                length = None
                while True:
                    line = out.readline()
                    if not line:
                        self.messages.put(None)
                        return
                    line = line.strip()
                    if not line:
                        break
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                if length is None:
                    raise LspError("message without Content-Length")
                self.messages.put(json.loads(out.read(length)))
        except Exception as e:  # reported to the waiting side
            self.messages.put(e)

    def send(self, method, params, request=True):
        msg = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            msg["id"] = self.next_id
        body = json.dumps(msg).encode("utf-8")
        try:
            self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.proc.stdin.flush()
        except BrokenPipeError:
            raise LspError("clangd closed its input (exit %s)" % self.proc.poll())
        return msg.get("id")

    def wait_for(self, accept):
        """Returns the first message for which accept(msg) is true."""
        deadline = time.monotonic() + self.timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise LspError("timed out after %ss" % self.timeout)
            try:
                msg = self.messages.get(timeout=left)
            except queue.Empty:
                continue
            if msg is None:
                raise LspError("clangd exited (status %s)" % self.proc.wait())
            if isinstance(msg, Exception):
                raise LspError("bad message from clangd: %s" % msg)
            if "id" in msg and "method" in msg:
                # A request from the server (e.g. workDoneProgress/create).
                self._reply(msg["id"])
                continue
            if accept(msg):
                return msg

    def _reply(self, id):
        body = json.dumps({"jsonrpc": "2.0", "id": id, "result": None})
        body = body.encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def request(self, method, params):
        id = self.send(method, params)
        msg = self.wait_for(lambda m: m.get("id") == id and "method" not in m)
        if "error" in msg:
            raise LspError("%s failed: %s" % (method, msg["error"]))
        return msg.get("result")


def fmt_range(r):
    return "%d:%d-%d:%d" % (r["start"]["line"], r["start"]["character"],
                            r["end"]["line"], r["end"]["character"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--clangd", required=True)
    ap.add_argument("--root", required=True, help="workspace directory")
    ap.add_argument("--file", required=True,
                    help="name of the document inside the workspace")
    ap.add_argument("--open", required=True, help="first contents")
    ap.add_argument("--change", action="append", default=[],
                    help="later contents, sent with didChange")
    ap.add_argument("--code-actions", action="store_true",
                    help="ask for code actions over each safedelete diagnostic")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("clangd_args", nargs="*")
    args = ap.parse_args()

    root = os.path.abspath(args.root)
    path = os.path.join(root, args.file)
    uri = "file://" + path
    env = dict(os.environ)
    # No user-level clangd config (~/.config/clangd/config.yaml) in tests.
    env["XDG_CONFIG_HOME"] = os.path.join(root, ".xdg")
    clangd = os.path.abspath(args.clangd) if os.sep in args.clangd \
        else args.clangd
    client = Client([clangd, "--background-index=false", "--log=error",
                     "--pch-storage=memory"] + args.clangd_args,
                    root, env, args.timeout)
    try:
        client.request("initialize", {
            "processId": os.getpid(),
            "rootUri": "file://" + root,
            "capabilities": {"textDocument": {
                "publishDiagnostics": {"codeDescriptionSupport": True,
                                       "relatedInformation": True},
                "codeAction": {"codeActionLiteralSupport": {
                    "codeActionKind": {"valueSet": ["quickfix"]}}}}},
        })
        client.send("initialized", {}, request=False)
        contents = [args.open] + args.change
        for version, name in enumerate(contents, 1):
            with open(name, encoding="utf-8") as f:
                text = f.read()
            if version == 1:
                client.send("textDocument/didOpen", {"textDocument": {
                    "uri": uri, "languageId": "cpp", "version": 1,
                    "text": text}}, request=False)
            else:
                client.send("textDocument/didChange", {
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [{"text": text}]}, request=False)
            msg = client.wait_for(
                lambda m: m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and m["params"].get("version") == version)
            print("version %d" % version)
            diags = msg["params"]["diagnostics"]
            for d in diags:
                print("diagnostic %s %s %s: %s" % (
                    fmt_range(d["range"]), d.get("source", "?"),
                    d.get("code", "-"), d["message"].splitlines()[0]))
                for r in d.get("relatedInformation", []):
                    print("related %s %s" % (fmt_range(r["location"]["range"]),
                                             r["message"]))
            for d in diags:
                if not args.code_actions or \
                        not str(d.get("code", "")).startswith("safedelete-"):
                    continue
                actions = client.request("textDocument/codeAction", {
                    "textDocument": {"uri": uri}, "range": d["range"],
                    "context": {"diagnostics": [d],
                                "only": ["quickfix"]}}) or []
                for a in actions:
                    print('action %s "%s" [%s]' % (
                        a.get("kind", "-"), a["title"],
                        ",".join(str(x.get("code")) for x in
                                 a.get("diagnostics", []))))
                    for edits in (a.get("edit") or {}).get("changes",
                                                           {}).values():
                        for e in edits:
                            print('edit %s "%s"' % (fmt_range(e["range"]),
                                                    e["newText"]))
            # A request after every version: clangd is still up and answers.
            client.request("textDocument/documentSymbol",
                           {"textDocument": {"uri": uri}})
            print("alive")
        client.request("shutdown", None)
        client.send("exit", None, request=False)
        status = client.proc.wait(timeout=args.timeout)
        print("exit %d" % status)
        sys.stdout.flush()
        return 0
    except (LspError, subprocess.TimeoutExpired) as e:
        print("lsp_client: %s" % e, file=sys.stderr)
        sys.stderr.write("".join(client.stderr[-40:]))
        return 1
    finally:
        if client.proc.poll() is None:
            client.proc.kill()
            client.proc.wait()


if __name__ == "__main__":
    sys.exit(main())
