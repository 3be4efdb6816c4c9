"""Batch outputs: JSONL and Parquet writers of `Result`s, their readers, and the index `--resume` reads.

JSONL (``.jsonl``, ``.ndjson``; ``-`` for stdout): one `Result` per line, exactly
``Result.model_dump_json()`` — ``path, sha256, ok, error {code, message}, seconds, document`` — failures
included. Each line is flushed as it is written, so an interrupted run leaves whole lines behind and can
be resumed (a cut last line is dropped when the file is appended to).

Parquet (``.parquet``, ``.pq``; needs pyarrow: ``pip install 'vbhc[etl]'``): one row per `Result`, with
these columns (all nullable strings unless said otherwise):

=============== ===================================================================
path            the input as given
sha256          SHA-256 of its bytes (null if the file could not be read)
ok              bool: a Document was produced
error_code      `ErrorCode` value (null when ok)
error_message   the message (null when ok)
seconds         double: wall time spent on the input
kind            ``document.kind``
number          ``document.header.number``
symbol          ``document.header.symbol``
date            ``document.header.date`` (ISO 8601, possibly reduced: "2021-09")
issuer          ``document.header.issuer``
document        the whole Document as JSON (``Document.model_dump_json()``; null when not ok)
=============== ===================================================================

The Parquet file is written to a hidden temporary file beside the target and moved into place when the
writer closes (also when the run is interrupted by an exception or Ctrl-C, with the rows written so
far); appending rewrites the file with the old rows first.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Final, Literal, Protocol, TextIO

from vbhc.results import ErrorInfo, Result

__all__ = [
    "FLAT_COLUMNS", "JsonlWriter", "ParquetWriter", "ResultWriter", "ResumeIndex", "flat_record",
    "load_resume_index", "open_writer", "output_format", "read_results",
]

Format = Literal["jsonl", "parquet"]

FLAT_COLUMNS: Final = ("path", "sha256", "ok", "error_code", "error_message", "seconds", "kind", "number",
                       "symbol", "date", "issuer")
"""The flat columns of the Parquet output (the `document` JSON column follows them)."""

_SUFFIXES: Final[dict[str, Format]] = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet",
                                       ".pq": "parquet"}


def output_format(target: str | os.PathLike[str]) -> Format:
    """"jsonl" or "parquet" by the target's suffix ("-" is JSONL on stdout); ValueError otherwise."""
    text = os.fspath(target)
    if text == "-":
        return "jsonl"
    suffix = Path(text).suffix.lower()
    if suffix not in _SUFFIXES:
        raise ValueError(f"{text}: the output must end in .jsonl, .ndjson, .parquet or .pq (or be - for stdout)")
    return _SUFFIXES[suffix]


def flat_record(result: Result) -> dict[str, Any]:
    """The Parquet row of a Result: the flat columns and the document as a JSON string."""
    doc = result.document
    header = doc.header if doc is not None else None
    return {
        "path": result.path,
        "sha256": result.sha256,
        "ok": result.ok,
        "error_code": result.error.code.value if result.error is not None else None,
        "error_message": result.error.message if result.error is not None else None,
        "seconds": result.seconds,
        "kind": doc.kind if doc is not None else None,
        "number": header.number if header is not None else None,
        "symbol": header.symbol if header is not None else None,
        "date": header.date if header is not None else None,
        "issuer": header.issuer if header is not None else None,
        "document": doc.model_dump_json() if doc is not None else None,
    }


# ---------------------------------------------------------------------------------------------- writers


class ResultWriter(Protocol):
    """Where a batch run's records go."""

    def write(self, result: Result) -> None:
        """Add one record."""

    def close(self) -> None:
        """Finish the output (idempotent)."""


class _Closing:
    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Any:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


class JsonlWriter(_Closing):
    """One `Result` per line, flushed as written; `append` continues an earlier file."""

    def __init__(self, target: str | os.PathLike[str] | TextIO, *, append: bool = False) -> None:
        self._own = isinstance(target, (str, os.PathLike))
        if isinstance(target, (str, os.PathLike)):
            path = Path(target)
            if append and path.exists():
                _drop_cut_line(path)
            self._handle: TextIO = open(path, "a" if append else "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        else:
            self._handle = target

    def write(self, result: Result) -> None:
        self._handle.write(result.model_dump_json() + "\n")
        self._handle.flush()

    def close(self) -> None:
        if self._handle.closed:
            return
        if self._own:
            self._handle.close()
        else:
            self._handle.flush()


def _drop_cut_line(path: Path) -> None:
    """Cut a last line left incomplete by an interrupted run, so that appended records start a line."""
    with open(path, "rb+") as handle:
        end = handle.seek(0, os.SEEK_END)
        if end == 0:
            return
        handle.seek(end - 1)
        if handle.read(1) == b"\n":
            return
        pos = end
        while pos > 0:
            step = min(65536, pos)
            pos -= step
            handle.seek(pos)
            chunk = handle.read(step)
            cut = chunk.rfind(b"\n")
            if cut >= 0:
                handle.truncate(pos + cut + 1)
                return
        handle.truncate(0)


def _pyarrow() -> tuple[Any, Any]:
    try:
        return importlib.import_module("pyarrow"), importlib.import_module("pyarrow.parquet")
    except ImportError as exc:
        raise ImportError("Parquet output needs pyarrow: pip install 'vbhc[etl]'") from exc


def _arrow_schema(pa: Any) -> Any:
    string, boolean, double = pa.string(), pa.bool_(), pa.float64()
    types = {"ok": boolean, "seconds": double}
    return pa.schema([pa.field(name, types.get(name, string), nullable=name not in types)
                      for name in (*FLAT_COLUMNS, "document")])


class ParquetWriter(_Closing):
    """One row per `Result` (see the module docstring for the columns), in row groups of `row_group_size`."""

    def __init__(self, path: str | os.PathLike[str], *, append: bool = False, row_group_size: int = 1000) -> None:
        self._pa, pq = _pyarrow()
        self._path = Path(path)
        self._tmp = self._path.with_name(f".{self._path.name}.{os.getpid()}.tmp")
        self._schema = _arrow_schema(self._pa)
        self._rows: list[dict[str, Any]] = []
        self._size = max(1, row_group_size)
        self._writer: Any = pq.ParquetWriter(str(self._tmp), self._schema, compression="zstd")
        try:
            if append and self._path.exists():
                old = pq.ParquetFile(str(self._path))
                if old.schema_arrow.names != self._schema.names:
                    raise ValueError(f"{self._path}: cannot append: its columns are {old.schema_arrow.names}")
                for batch in old.iter_batches(batch_size=self._size):
                    self._writer.write_table(self._pa.Table.from_batches([batch]).cast(self._schema))
        except BaseException:
            self._writer.close()
            self._tmp.unlink(missing_ok=True)
            raise

    def write(self, result: Result) -> None:
        self._rows.append(flat_record(result))
        if len(self._rows) >= self._size:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(self._pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows.clear()

    def close(self) -> None:
        if self._writer is None:
            return
        try:
            self._flush()
            self._writer.close()
            os.replace(self._tmp, self._path)
        finally:
            self._writer = None
            self._tmp.unlink(missing_ok=True)


def open_writer(target: str | os.PathLike[str], *, append: bool = False) -> JsonlWriter | ParquetWriter:
    """A writer for `target` by its suffix; "-" writes JSONL to stdout."""
    fmt = output_format(target)
    if os.fspath(target) == "-":
        return JsonlWriter(sys.stdout)
    if fmt == "parquet":
        return ParquetWriter(target, append=append)
    return JsonlWriter(target, append=append)


# ---------------------------------------------------------------------------------------------- readers


def read_results(path: str | os.PathLike[str]) -> Iterator[Result]:
    """The records of a JSONL or Parquet output, in order."""
    if output_format(path) == "parquet":
        yield from _read_parquet(path)
        return
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield Result.model_validate_json(line)
            except ValueError as exc:
                raise ValueError(f"{os.fspath(path)}:{number}: not a Result record: {exc}") from exc


def _read_parquet(path: str | os.PathLike[str]) -> Iterator[Result]:
    from vbhc.models import Document

    _, pq = _pyarrow()
    for batch in pq.ParquetFile(os.fspath(path)).iter_batches(batch_size=256):
        for row in batch.to_pylist():
            error = (ErrorInfo(code=row["error_code"], message=row["error_message"] or "")
                     if row["error_code"] is not None else None)
            document = Document.model_validate_json(row["document"]) if row["document"] is not None else None
            yield Result(path=row["path"], sha256=row["sha256"], ok=row["ok"], error=error,
                         seconds=row["seconds"], document=document)


@dataclass(frozen=True, slots=True)
class ResumeIndex:
    """What an earlier output holds: the inputs it accounts for."""

    hashes: dict[str, bool] = field(default_factory=dict)
    """SHA-256 → whether a record of that content is ok."""
    unread_paths: frozenset[str] = frozenset()
    """Paths of records without a hash (the file could not be read then)."""

    def __len__(self) -> int:
        return len(self.hashes) + len(self.unread_paths)


# The start of a line written by Result.model_dump_json(): fields in declaration order.
_HEAD = re.compile(r'\{"path":("(?:[^"\\]|\\.)*"),"sha256":(null|"[0-9a-f]{64}"),"ok":(true|false)[,}]')


def load_resume_index(path: str | os.PathLike[str]) -> ResumeIndex:
    """The hashes (and unreadable paths) of an earlier JSONL or Parquet output; empty if it does not exist.

    A JSONL line that is not a record (a line cut by an interrupted run) is ignored.
    """
    target = Path(path)
    if not target.exists():
        return ResumeIndex()
    hashes: dict[str, bool] = {}
    unread: set[str] = set()

    def add(record_path: str, sha: str | None, ok: bool) -> None:
        if sha:
            hashes[sha] = hashes.get(sha, False) or ok
        else:
            unread.add(record_path)

    if output_format(target) == "parquet":
        _, pq = _pyarrow()
        table = pq.read_table(str(target), columns=["path", "sha256", "ok"])
        for row in table.to_pylist():
            add(row["path"], row["sha256"], bool(row["ok"]))
        return ResumeIndex(hashes, frozenset(unread))
    with open(target, encoding="utf-8") as handle:
        for line in handle:
            head = _HEAD.match(line)
            if head is not None:
                sha_text = head.group(2)
                add(json.loads(head.group(1)), None if sha_text == "null" else sha_text[1:-1],
                    head.group(3) == "true")
                continue
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and isinstance(record.get("path"), str):
                sha = record.get("sha256")
                add(record["path"], sha if isinstance(sha, str) else None, record.get("ok") is True)
    return ResumeIndex(hashes, frozenset(unread))
