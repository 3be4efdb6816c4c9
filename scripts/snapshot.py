"""Snapshot what vbhc reads from a folder of documents, and diff two snapshots: the harness for changes
that must not change any output (speed-ups, refactors) and for reviewing those that should.

    python scripts/snapshot.py save ../shared/corpus/real before.json     # before the change
    python scripts/snapshot.py save ../shared/corpus/real after.json      # after it
    python scripts/snapshot.py diff before.json after.json                # every field that moved

Each supported file is read once (`vbhc.readers.read`), its text kept in the snapshot, and parsed with
`vbhc.parse_text`; a file that cannot be read is recorded with its error code. `diff` prints each changed
field with its old and new value and exits 1 when anything changed, 0 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import vbhc
from vbhc.readers import read

SKIP_SUFFIXES = {".json"}


def save(folder: Path, out: Path) -> int:
    """Parse every file of `folder` (sorted, not recursive) and write the snapshot to `out`."""
    records: dict[str, Any] = {}
    for path in sorted(p for p in folder.iterdir() if p.is_file() and p.suffix not in SKIP_SUFFIXES):
        try:
            text = read(path).text
        except vbhc.VbhcError as err:
            records[path.name] = {"error": type(err).__name__}
            continue
        records[path.name] = vbhc.parse_text(text).model_dump(mode="json")
    out.write_text(json.dumps(records, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{len(records)} files -> {out}")
    return 0


def _walk(old: Any, new: Any, path: str, out: list[str]) -> None:
    if old == new:
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new)):
            _walk(old.get(key), new.get(key), f"{path}.{key}", out)
    elif isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for i, (a, b) in enumerate(zip(old, new, strict=True)):
            _walk(a, b, f"{path}[{i}]", out)
    else:
        out.append(f"{path}\n    old {json.dumps(old, ensure_ascii=False)[:300]}"
                   f"\n    new {json.dumps(new, ensure_ascii=False)[:300]}")


def diff(before: Path, after: Path) -> int:
    """Print what changed between two snapshots; 1 if anything did."""
    old = json.loads(before.read_text(encoding="utf-8"))
    new = json.loads(after.read_text(encoding="utf-8"))
    changed = 0
    for name in sorted(set(old) | set(new)):
        lines: list[str] = []
        _walk(old.get(name), new.get(name), "", lines)
        if lines:
            changed += 1
            print(f"== {name}")
            print("\n".join(lines))
    print(f"{changed} of {len(set(old) | set(new))} files changed")
    return 1 if changed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_save = sub.add_parser("save", help="parse a folder and write a snapshot")
    p_save.add_argument("folder", type=Path)
    p_save.add_argument("out", type=Path)
    p_diff = sub.add_parser("diff", help="print what changed between two snapshots")
    p_diff.add_argument("before", type=Path)
    p_diff.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "save":
        return save(args.folder, args.out)
    return diff(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
