"""Prints what a Bazel execution log (--execution_log_json_file) says of the
safedelete actions: the sources they checked, sorted, each marked `ran` or
`cache` (a result from the remote or disk cache), then the counts."""
import json
import sys


def spawns(path):
    with open(path) as f:
        text = f.read()
    decoder, i = json.JSONDecoder(), 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i == len(text):
            return
        spawn, i = decoder.raw_decode(text, i)
        yield spawn


def main(path):
    seen = sorted(("cache" if s.get("remoteCacheHit") else "ran",
                   s.get("progressMessage", "").replace("safedelete ", "", 1))
                  for s in spawns(path) if s.get("mnemonic") == "SafeDelete")
    for how, source in seen:
        print("%s %s" % (how, source))
    print("ran: %d cache: %d" % (sum(how == "ran" for how, _ in seen),
                                 sum(how == "cache" for how, _ in seen)))


if __name__ == "__main__":
    main(sys.argv[1])
