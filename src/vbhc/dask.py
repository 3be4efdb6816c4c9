"""Scale-out on an existing Dask engine: a bag of result records, a dataframe of documents.

    from dask.distributed import Client
    import vbhc.dask

    client = Client("tcp://scheduler.example:8786")          # an existing cluster (or Client() for a local one)
    records = vbhc.dask.bag(["/archive/2021", "/archive/2022"])    # dask.bag.Bag of dicts
    failed = records.filter(lambda r: not r["ok"]).pluck("path").compute()
    frame = vbhc.dask.dataframe("/archive")                       # dask.dataframe.DataFrame
    frame.groupby("kind").size().compute()

Sources are expanded on the client, with `parse_many`'s rules and order (folders walked, unsupported
suffixes skipped, duplicates dropped), so the files must be readable under the same paths on every Dask
worker (a shared or network file system). Each record is `Result.model_dump(mode="json")`: a dict with
path, sha256, ok, error {code, message}, seconds and document — what one JSONL line of `vbhc parse -o`
holds. The bag keeps the input order.

On the workers, each partition goes through the same machinery as `parse_many`: files are parsed in a child
process of the Dask worker, with the per-file `timeout`, a `timeout` / `crashed` record for a file that
hangs or kills its process, and recycling; that child process is kept from one partition to the next (one
per Dask worker thread), so small partitions cost no process start-up.

Needs ``pip install 'vbhc[dask]'`` (dask[dataframe] and distributed).
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import math
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from vbhc.batch import (
    MAX_TASKS_PER_WORKER,
    MAX_WORKER_RSS,
    BatchRun,
    Inputs,
    ParseFn,
    Source,
    _Pool,
    expand_sources,
)
from vbhc.outputs import FLAT_COLUMNS, flat_record
from vbhc.results import Result

__all__ = ["bag", "dataframe", "documents_frame", "parse_partition"]

_local = threading.local()
_pools: list[_Pool] = []
_pools_lock = threading.Lock()


def _dask(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(f"vbhc.dask needs Dask: pip install 'vbhc[dask]' ({exc})") from exc


def _paths(sources: Source | Iterable[Source]) -> list[str]:
    return list(expand_sources(sources).paths)


def bag(sources: Source | Iterable[Source], *, timeout: float | None = 60, partition_size: int | None = None,
        npartitions: int | None = None, _parse: ParseFn | None = None) -> Any:
    """A `dask.bag.Bag` of result records (dicts, one per input, in input order) for files, folders, globs.

    Nothing is parsed until the bag is computed. `partition_size` / `npartitions` as in
    `dask.bag.from_sequence` (default: about 100 partitions).
    """
    db = _dask("dask.bag")
    paths = _paths(sources)
    if not paths:
        return db.from_sequence([], npartitions=1)
    return db.from_sequence(paths, partition_size=partition_size, npartitions=npartitions).map_partitions(
        _records_partition, timeout=timeout, parse=_parse)


def dataframe(sources: Source | Iterable[Source], *, timeout: float | None = 60, partition_size: int | None = None,
              npartitions: int | None = None, _parse: ParseFn | None = None) -> Any:
    """A `dask.dataframe.DataFrame` of the documents: `documents_frame` of each partition's results."""
    dd = _dask("dask.dataframe")
    paths = _paths(sources)
    if npartitions is None and partition_size is None:
        npartitions = min(100, max(1, len(paths)))
    size = partition_size or max(1, math.ceil(len(paths) / max(1, npartitions or 1)))
    chunks = [paths[i:i + size] for i in range(0, len(paths), size)] or [[]]
    return dd.from_map(_frame_partition, chunks, timeout=timeout, parse=_parse, meta=documents_frame([]),
                       label="vbhc-documents", enforce_metadata=False)


def parse_partition(paths: Iterable[str], *, timeout: float | None = 60,
                    parse: ParseFn | None = None) -> Iterator[Result]:
    """Parse the files of one partition in this thread's long-lived worker process (on the Dask workers)."""
    listed = list(paths)
    run = BatchRun(Inputs(tuple(listed)), workers=1, progress=False, timeout=timeout, resume=None, parse=parse,
                   max_tasks=MAX_TASKS_PER_WORKER, max_rss=MAX_WORKER_RSS, window=None,
                   pool=_thread_pool(parse))
    with run:
        yield from run


def _thread_pool(parse: ParseFn | None) -> _Pool:
    pools: dict[ParseFn | None, _Pool] = _local.__dict__.setdefault("pools", {})
    pool = pools.get(parse)
    if pool is None:
        pool = pools[parse] = _Pool(1, parse, max_tasks=MAX_TASKS_PER_WORKER, max_rss=MAX_WORKER_RSS)
        with _pools_lock:
            if not _pools:
                atexit.register(_close_pools)
            _pools.append(pool)
    return pool


def _close_pools() -> None:
    with _pools_lock:
        for pool in _pools:
            with contextlib.suppress(Exception):  # best effort at exit
                pool.close()
        _pools.clear()


def _records_partition(paths: list[str], timeout: float | None, parse: ParseFn | None) -> list[dict[str, Any]]:
    return [result.model_dump(mode="json") for result in parse_partition(paths, timeout=timeout, parse=parse)]


def _frame_partition(paths: list[str], timeout: float | None, parse: ParseFn | None) -> Any:
    return documents_frame(list(parse_partition(paths, timeout=timeout, parse=parse)))


def documents_frame(results: Iterable[Result]) -> Any:
    """A pandas DataFrame of results: `vbhc.tables.documents_frame` when that module is installed, else
    one row per result with the flat columns of the Parquet output (see vbhc.outputs)."""
    try:
        tables = importlib.import_module("vbhc.tables")
    except ModuleNotFoundError as exc:
        if exc.name not in ("vbhc.tables",):
            raise
    else:
        return tables.documents_frame(list(results))
    pd = _dask("pandas")
    rows = [{k: v for k, v in flat_record(r).items() if k != "document"} for r in results]
    frame = pd.DataFrame.from_records(rows, columns=list(FLAT_COLUMNS))
    return frame.astype({c: "bool" if c == "ok" else "float64" if c == "seconds" else "string"
                         for c in FLAT_COLUMNS})

