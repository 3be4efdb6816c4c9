"""`vbhc tables PATH... -o DIR`: parse files and folders and write the tables of the run as Parquet.

One file per table of `vbhc.tables.TABLES` (documents.parquet, references.parquet, ..., edges.parquet)
is written into DIR, empty tables included, so that a loader finds the same files on every run.
Exit codes, as for `vbhc parse`: 0 every input parsed, 1 some input failed (its row is in
errors.parquet), 2 usage error or pandas/pyarrow missing.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from typing import Any

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any) -> None:
    """Add the `tables` command to the `vbhc` command line (`subparsers`: argparse's add_subparsers())."""
    p = subparsers.add_parser(
        "tables", help="parse files and folders and write the tables as Parquet",
        description="Parse files and folders and write one Parquet file per table "
                    "(documents, references, legal_bases, directives, recipients, attachments, issues, errors, "
                    "edges) into DIR.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to parse")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write the .parquet files into")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="worker processes (default: the CPUs; 0: parse in this process)")


def run(args: argparse.Namespace) -> int:
    """Carry out `vbhc tables`; returns the exit code."""
    missing = [name for name in ("pandas", "pyarrow") if importlib.util.find_spec(name) is None]
    if missing:
        print(f"vbhc tables: needs {' and '.join(missing)}: pip install 'vbhc[etl]'", file=sys.stderr)
        return 2
    if args.workers is not None and args.workers < 0:
        print("vbhc tables: --workers must be 0 or more", file=sys.stderr)
        return 2
    from vbhc.batch import parse_many
    from vbhc.tables import to_tables

    results = list(parse_many(args.paths, workers=args.workers))  # exhausted: the workers end with it
    tables = to_tables(results)
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    for name, df in tables.items():
        df.to_parquet(out / f"{name}.parquet", engine="pyarrow", index=False)
    failed = sum(1 for r in results if not r.ok)
    print(f"vbhc tables: {len(results)} inputs, {len(results) - failed} parsed, {failed} failed; "
          f"{len(tables)} tables written to {out}", file=sys.stderr)
    return 1 if failed else 0
