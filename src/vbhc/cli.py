"""Command line (console script `vbhc`, or `python -m vbhc`).

    vbhc parse PATH... [-o OUT.jsonl|OUT.parquet|-] [--workers N] [--timeout S] [--resume] [--fail-fast]
    vbhc schema [result|document]
    vbhc tables ...          (when vbhc.cli_tables is there: see _add_tables)

`vbhc parse` takes files, folders (walked recursively; other suffixes skipped) and globs, and parses them
in worker processes (`vbhc.parse_many`). Without `-o` it prints each Document as JSON (indented, or one
line each with --compact) and reports failures on stderr. With `-o` it writes one Result per input,
failures included, as JSONL or Parquet by the suffix (`-`: JSONL on stdout). `--resume` skips the inputs
whose SHA-256 is already in OUT and appends the new records to it (a Parquet file is rewritten with the
old rows first). A summary line goes to stderr; a progress bar too when stderr is a terminal.

Exit codes: 0 every input parsed (resumed ones included); 1 some input failed (with -o, its record is in
the output); 2 usage error (bad arguments, an output that cannot be written); 130 interrupted (Ctrl-C;
the records written so far are kept, so `--resume` continues).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vbhc.batch import BatchRun
    from vbhc.outputs import JsonlWriter, ParquetWriter


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    parser = argparse.ArgumentParser(prog="vbhc", description="Parse Vietnamese administrative documents.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_parse = sub.add_parser("parse", help="parse files, folders and globs",
                             description="Parse files, folders (recursively) and globs.",
                             epilog="exit codes: 0 every input parsed, 1 some inputs failed, 2 usage error")
    p_parse.add_argument("paths", nargs="+", metavar="PATH", help="a file, a folder or a glob (quoted)")
    p_parse.add_argument("-o", "--output", metavar="OUT",
                         help="write one Result per input to OUT.jsonl or OUT.parquet (- for JSONL on stdout); "
                              "without it each Document is printed as JSON")
    p_parse.add_argument("--workers", type=_workers, default=None, metavar="N",
                         help="worker processes (default: one per CPU; 0: in this process, no timeout)")
    p_parse.add_argument("--timeout", type=_seconds, default=60.0, metavar="S",
                         help="seconds one file may take before it is given up (default 60; 0: no limit)")
    p_parse.add_argument("--resume", action="store_true",
                         help="skip inputs already in OUT (by SHA-256) and append the new records to it")
    p_parse.add_argument("--fail-fast", action="store_true", help="stop at the first input that fails")
    p_parse.add_argument("--compact", action="store_true", help="without -o: one line of JSON per document")
    p_parse.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                         help="progress bar on stderr (default: when stderr is a terminal)")
    p_schema = sub.add_parser("schema", help="print the JSON Schema of a Result (or of a Document)")
    p_schema.add_argument("model", nargs="?", choices=("result", "document"), default="result",
                          help="result (a record of `vbhc parse -o`, default) or document")
    tables = _add_tables(sub)
    args = parser.parse_args(argv)

    if args.command == "schema":
        return _schema(args.model)
    if args.command == "parse":
        return _parse(parser, args)
    if tables is not None:
        return tables(args)
    parser.error(f"unknown command {args.command}")  # pragma: no cover - argparse rejects it first
    return 2  # pragma: no cover


def _add_tables(sub: Any) -> Callable[[argparse.Namespace], int] | None:
    """Wire `vbhc tables` from vbhc/cli_tables.py (`add_parser(subparsers)`, `run(args) -> int`) if it exists.

    That module is imported for every command, so it must keep heavy imports (pandas) inside run().
    """
    if importlib.util.find_spec("vbhc.cli_tables") is None:
        return None
    try:
        module = importlib.import_module("vbhc.cli_tables")
    except ImportError as exc:  # the module is there but cannot load: say so when it is asked for
        why = str(exc)
        broken = sub.add_parser("tables", help="(unavailable) tables from parse results")
        broken.add_argument("rest", nargs=argparse.REMAINDER)

        def unavailable(args: argparse.Namespace) -> int:
            print(f"vbhc tables: unavailable: {why}", file=sys.stderr)
            return 2

        return unavailable
    module.add_parser(sub)
    run: Callable[[argparse.Namespace], int] = module.run
    return run


def _non_negative(convert: Callable[[str], float], what: str) -> Callable[[str], float]:
    """An argparse type: `convert` the text, refusing what is not a number or is negative."""

    def parse(text: str) -> float:
        try:
            value = convert(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number of {what}: {text!r}") from None
        if not value >= 0:
            raise argparse.ArgumentTypeError(f"the number of {what} cannot be negative")
        return value

    return parse


_workers = _non_negative(int, "workers")
_seconds = _non_negative(float, "seconds")


def _schema(model: str) -> int:
    if model == "document":
        from vbhc.models import Document

        schema = Document.model_json_schema()
    else:
        from vbhc.results import Result

        schema = Result.model_json_schema()
    print(json.dumps(schema, ensure_ascii=False, indent=2))
    return 0


def _parse(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    from vbhc.batch import parse_many
    from vbhc.outputs import open_writer, output_format

    output: str | None = args.output
    if args.resume and output in (None, "-"):
        parser.error("--resume needs -o OUT, a file to continue")
    if output is not None:
        try:
            output_format(output)
        except ValueError as exc:
            parser.error(str(exc))
    if output not in (None, "-") and os.path.isdir(output):
        parser.error(f"{output}: is a folder; -o takes a file name")
    progress = sys.stderr.isatty() if args.progress is None else args.progress
    try:
        run = parse_many(args.paths, workers=args.workers, progress=progress, timeout=args.timeout or None,
                         resume_from=output if args.resume else None)
    except (OSError, ValueError, ImportError) as exc:
        print(f"vbhc: cannot resume from {output}: {exc}", file=sys.stderr)
        return 2
    writer: JsonlWriter | ParquetWriter | None = None
    if output is not None:
        try:
            writer = open_writer(output, append=args.resume)
        except (OSError, ValueError, ImportError) as exc:
            print(f"vbhc: cannot write {output}: {exc}", file=sys.stderr)
            return 2
    stopped = None
    try:
        with run:
            for result in run:
                if writer is not None:
                    writer.write(result)
                elif result.document is not None:
                    print(result.document.model_dump_json(indent=None if args.compact else 2), flush=True)
                elif result.error is not None:
                    print(f"vbhc: {result.error.message}", file=sys.stderr)
                if args.fail_fast and not result.ok:
                    stopped = "stopped at the first failure (--fail-fast)"
                    break
    except KeyboardInterrupt:
        stopped = "interrupted"
    except BrokenPipeError:
        _silence_stdout()
        stopped = "output closed"
    except OSError as exc:
        stopped = f"cannot write {output}: {exc}"
    finally:
        if writer is not None:
            try:
                writer.close()
            except BrokenPipeError:
                _silence_stdout()
    print(_summary(run, output, stopped), file=sys.stderr)
    if stopped == "interrupted":
        return 130
    if stopped is not None and stopped.startswith(("cannot write", "output closed")):
        return 2
    return 1 if run.failed or run.resumed_failed or stopped else 0


def _silence_stdout() -> None:
    """After the reader of stdout went away (`| head`): no more writes, no error at exit."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _summary(run: BatchRun, output: str | None, stopped: str | None) -> str:
    failed = f"{run.failed} failed"
    if run.codes:
        failed += " (" + ", ".join(f"{code} {n}" for code, n in sorted(run.codes.items())) + ")"
    parts = [f"{run.inputs} input{'s' if run.inputs != 1 else ''}", f"{run.ok} parsed", failed]
    if run.resumed:
        earlier = f" ({run.resumed_failed} of them failed)" if run.resumed_failed else ""
        parts.append(f"{run.resumed} already in the output{earlier}")
    left = run.inputs - run.ok - run.failed - run.resumed
    if left > 0:
        parts.append(f"{left} not done")
    if run.skipped:
        parts.append(f"{run.skipped} other file{'s' if run.skipped != 1 else ''} skipped")
    line = "vbhc: " + ", ".join(parts) + f"; {run.seconds:.1f} s"
    if output not in (None, "-"):
        line += f"; records in {output}"
    if stopped:
        line += f"; {stopped}"
    return line
