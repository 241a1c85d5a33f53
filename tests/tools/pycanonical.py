#!/usr/bin/env python3
"""Prints, for each JSON file named on the command line, what the games' Python
pipelines (seed 000's canonical_json and sha256_hex) make of it, one line per file:

    NAME <TAB> ok <TAB> SHA256 <TAB> CANONICAL-UTF8-AS-HEX
    NAME <TAB> refused <TAB> REASON

A file is refused when it is not UTF-8, json.loads rejects it, or the canonical text
cannot be encoded as UTF-8 (an unpaired surrogate)."""
import hashlib
import json
import os
import sys


def canonical_json(obj):
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def main():
    for path in sys.argv[1:]:
        name = os.path.basename(path)
        try:
            with open(path, "rb") as f:
                text = f.read().decode("utf-8")
            data = canonical_json(json.loads(text)).encode("utf-8")
        except (UnicodeError, ValueError, RecursionError) as e:
            print(f"{name}\trefused\t{type(e).__name__}")
            continue
        print(f"{name}\tok\t{hashlib.sha256(data).hexdigest()}\t{data.hex()}")


if __name__ == "__main__":
    main()
