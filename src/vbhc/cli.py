"""Command line: `vbhc parse FILE...` prints each Document as JSON; `vbhc schema` prints the JSON Schema.

Exit codes: 0 every input parsed, 1 some input could not be read, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    parser = argparse.ArgumentParser(prog="vbhc", description="Parse Vietnamese administrative documents.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_parse = sub.add_parser("parse", help="parse files and print each Document as JSON")
    p_parse.add_argument("files", nargs="+", help=".txt or .md files")
    p_parse.add_argument("--compact", action="store_true", help="one line of JSON per document")
    sub.add_parser("schema", help="print the JSON Schema of a Document")
    args = parser.parse_args(argv)

    import vbhc

    if args.command == "schema":
        print(json.dumps(vbhc.Document.model_json_schema(), ensure_ascii=False, indent=2))
        return 0
    failed = 0
    for path in args.files:
        try:
            doc = vbhc.parse(path)
        except vbhc.VbhcError as exc:
            print(f"vbhc: {exc}", file=sys.stderr)
            failed += 1
            continue
        print(doc.model_dump_json(indent=None if args.compact else 2))
    return 1 if failed else 0
