"""Batch runs over archive folders: `parse_many` yields one `Result` per input, failures included.

    for result in vbhc.parse_many(["archive/2021", "inbox/*.pdf"], workers=4, timeout=60):
        print(result.path, result.ok, result.error and result.error.code)

How a run goes:

- **Inputs.** Each source is a file, a folder (walked recursively, sub-folders and files in name order;
  hidden folders pruned; files with a supported suffix — .txt .md .markdown .text .docx .doc .pdf — taken,
  the others counted in `BatchRun.skipped`) or a glob (``**`` recursive; matched folders are walked, matched
  files filtered by suffix like a folder's). A file named explicitly is always tried (its format is told by
  content). The same file named twice is taken once. The order is that of the sources, each expanded in
  name order: the same arguments give the same order.
- **Identity.** The main process hashes each input's bytes (SHA-256) before handing it out; `resume_from`
  skips the inputs whose hash is in an earlier output (JSONL or Parquet): they are not parsed and not
  yielded again, whatever their earlier record said (delete a failed record to retry it).
- **Isolation.** Each worker is a child Python process (`subprocess`, so it works in a Jupyter kernel and
  inside a Dask worker) fed one input at a time over a pipe. A worker that exceeds the per-file `timeout`
  is stopped (SIGTERM, then SIGKILL after a second: a LibreOffice conversion under way is cleaned up) and
  its input gets a `timeout` record; a worker that dies (out of memory, a crash in a native library)
  gives its input a `crashed` record. Either way a fresh worker takes over and the run goes on: a bad
  file costs that file only. Workers are recycled after `MAX_TASKS_PER_WORKER` inputs or when their
  resident memory passes `MAX_WORKER_RSS`, so memory stays flat over long runs.
- **Order and memory.** Results come in input order, as they are ready (a reorder buffer of at most
  `_window` results; no document is kept after it is yielded).
- **workers=0** parses in the calling process, one input after the other: no process start-up, but no
  timeout either (a hang hangs the run) and a crash ends it. For debugging and tiny runs.

Exceptions map to `ErrorCode`s: an exception with a `code` attribute naming an `ErrorCode` value gets that
code (so `EncryptedError` / `TooLargeError` plug in as they are); otherwise `ReadError` → unreadable,
`UnsupportedFormatError` → unsupported, anything else → internal (message with the exception's type).
"""

from __future__ import annotations

import contextlib
import functools
import glob
import hashlib
import importlib
import os
import pickle
import selectors
import signal
import stat
import struct
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType, TracebackType
from typing import TYPE_CHECKING, Any, Final

from vbhc.errors import ReadError, UnsupportedFormatError
from vbhc.results import ErrorCode, ErrorInfo, Result

if TYPE_CHECKING:
    from vbhc.limits import Limits
    from vbhc.models import Document
    from vbhc.outputs import ResumeIndex

__all__ = [
    "MAX_TASKS_PER_WORKER", "MAX_WORKER_RSS", "SUPPORTED_SUFFIXES", "BatchRun", "Inputs", "error_info",
    "expand_sources", "parse_many",
]

Source = str | os.PathLike[str]
ParseFn = Callable[[str], "Document"]

SUPPORTED_SUFFIXES: Final = frozenset({".txt", ".md", ".markdown", ".text", ".docx", ".doc", ".pdf"})
"""File suffixes taken from folders and globs (lower-cased)."""
MAX_TASKS_PER_WORKER: Final = 200
"""A worker process is replaced after this many inputs."""
MAX_WORKER_RSS: Final = 300 * 2**20
"""A worker process whose resident memory passes this many bytes after an input is replaced (Linux)."""

_GRACE = 1.0  # seconds between SIGTERM and SIGKILL for a worker past its time
_STARTUP_TIMEOUT = 120.0  # seconds a new worker may take to import vbhc
_HEADER = struct.Struct(">Q")


# ---------------------------------------------------------------------------------------------- inputs


@dataclass(frozen=True, slots=True)
class Inputs:
    """The inputs of a run, in order, and how many files of the folders and globs were left aside."""

    paths: tuple[str, ...]
    skipped: int = 0
    """Files found under folders or by globs whose suffix is not a supported one (or Office lock files)."""


def expand_sources(sources: Source | Iterable[Source]) -> Inputs:
    """Files, folders and globs to the ordered, de-duplicated list of inputs (see the module docstring)."""
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    seen: set[str] = set()
    paths: list[str] = []
    skipped: set[str] = set()

    def take(path: str, *, filter_suffix: bool) -> None:
        key = os.path.normcase(os.path.abspath(path))
        if key in seen or key in skipped:
            return
        if filter_suffix and not _wanted(os.path.basename(path)):
            skipped.add(key)
            return
        seen.add(key)
        paths.append(path)

    def walk(top: str) -> None:
        for dirpath, dirnames, filenames in os.walk(top):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                take(os.path.join(dirpath, name), filter_suffix=True)

    for source in sources:
        text = os.fspath(source)
        if not isinstance(text, str):
            raise TypeError(f"parse_many() takes paths as str or os.PathLike[str], not {type(text).__name__}")
        if os.path.isdir(text):
            walk(text)
        elif _is_glob(text) and not os.path.lexists(text):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                take(text, filter_suffix=False)  # reported as "matches no file"
            for match in matches:
                if os.path.isdir(match):
                    walk(match)
                else:
                    take(match, filter_suffix=True)
        else:
            take(text, filter_suffix=False)
    return Inputs(tuple(paths), len(skipped))


def _wanted(name: str) -> bool:
    if name.startswith("~$"):  # Word / Excel lock file beside an open document
        return False
    return os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES


def _is_glob(text: str) -> bool:
    return any(c in text for c in "*?[")


def _sha256(path: str) -> str:
    """SHA-256 of the file's bytes; ReadError (naming the file) if it cannot be read."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise ReadError(f"{path}: not a regular file")
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except FileNotFoundError as exc:
        if _is_glob(path):
            raise ReadError(f"{path}: no file matches this pattern") from exc
        raise ReadError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except OSError as exc:
        raise ReadError(f"{path}: cannot read: {exc.strerror or exc}") from exc


# ---------------------------------------------------------------------------------------------- errors


def error_info(exc: BaseException, path: str) -> ErrorInfo:
    """The stable code and a message naming the file for an exception raised while parsing `path`."""
    code: ErrorCode | None = None
    raw = getattr(exc, "code", None)
    if isinstance(raw, str):
        try:
            code = ErrorCode(raw)
        except ValueError:
            code = None
    text = str(exc)
    if code is None:
        if isinstance(exc, ReadError):
            code = ErrorCode.UNREADABLE
        elif isinstance(exc, UnsupportedFormatError):
            code = ErrorCode.UNSUPPORTED
        else:
            code = ErrorCode.INTERNAL
            text = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    if path not in text:
        text = f"{path}: {text}"
    return ErrorInfo(code=code, message=text)


def _failure(path: str, sha256: str | None, code: ErrorCode, message: str, seconds: float = 0.0) -> Result:
    return Result(path=path, sha256=sha256, ok=False, error=ErrorInfo(code=code, message=message),
                  seconds=round(seconds, 6))


# ---------------------------------------------------------------------------------------------- the run


def parse_many(sources: Source | Iterable[Source], *, workers: int | None = None, progress: bool = True,
               timeout: float | None = 60, resume_from: str | os.PathLike[str] | None = None,
               limits: Limits | None = None, _parse: ParseFn | None = None,
               _max_tasks_per_worker: int = MAX_TASKS_PER_WORKER, _max_worker_rss: int = MAX_WORKER_RSS,
               _window: int | None = None) -> BatchRun:
    """Parse many files; yields one `Result` per input, in input order, failures included.

    sources: paths, folders (walked recursively; unsupported suffixes counted in `BatchRun.skipped`) or
        globs — or a single one of them.
    workers: worker processes; None → `os.cpu_count()`; 0 → parse in this process (no timeout, no
        isolation). Never more than there are inputs. (Not on Windows yet, where runs are in-process.)
    progress: a tqdm bar (tqdm.auto: a widget in Jupyter) on stderr with ok / failed counts, if tqdm is
        installed; False for silence.
    timeout: seconds one input may take in a worker before it is stopped (`timeout` record); None for no
        limit.
    resume_from: an earlier JSONL or Parquet output; inputs whose SHA-256 it holds are not parsed and not
        yielded (the CLI's `--resume` appends the new records to that same file). A missing file is no
        error (nothing to resume).
    limits: a `vbhc.Limits` for every input (bytes, PDF pages, inflated .docx size, text lines); None for
        the defaults. An input over a limit gets a `too-large` record.

    Returns a `BatchRun`: an iterator of `Result` that also counts (`inputs`, `skipped`, `resumed`, `ok`,
    `failed`); use it as a context manager, or exhaust it, so that the worker processes end with it. A
    script that calls this needs no ``if __name__ == "__main__"`` guard: workers are fresh interpreters.
    """
    if workers is not None and (not isinstance(workers, int) or workers < 0):
        raise ValueError(f"workers must be None or an int >= 0, not {workers!r}")
    if timeout is not None and not timeout > 0:
        raise ValueError(f"timeout must be None or a number of seconds > 0, not {timeout!r}")
    inputs = expand_sources(sources)
    resume = None
    if resume_from is not None:
        from vbhc.outputs import load_resume_index

        resume = load_resume_index(resume_from)
    if limits is not None:
        if _parse is not None:
            raise ValueError("parse_many() takes limits or _parse, not both")
        from vbhc.pipeline import parse

        _parse = functools.partial(parse, limits=limits)  # picklable: sent to the workers as it is
    if workers is None:
        workers = os.cpu_count() or 1
    if os.name != "posix":  # the pool multiplexes pipes with select(): POSIX only
        workers = 0
    return BatchRun(inputs, workers=workers, progress=progress,
                    timeout=timeout, resume=resume, parse=_parse, max_tasks=_max_tasks_per_worker,
                    max_rss=_max_worker_rss, window=_window)


@dataclass(slots=True)
class _Task:
    index: int
    path: str
    sha256: str
    sent_at: float = 0.0


_RESUMED: Final = object()


class BatchRun(Iterator[Result]):
    """The iterator `parse_many` returns: `Result`s in input order, with running counts."""

    def __init__(self, inputs: Inputs, *, workers: int, progress: bool, timeout: float | None,
                 resume: ResumeIndex | None, parse: ParseFn | None, max_tasks: int, max_rss: int,
                 window: int | None, pool: _Pool | None = None) -> None:
        self.paths: tuple[str, ...] = inputs.paths
        """The inputs after expansion, in order."""
        self.inputs: int = len(inputs.paths)
        """Number of inputs (files to account for)."""
        self.skipped: int = inputs.skipped
        """Files under folders / globs left aside for their suffix."""
        self.resumed: int = 0
        """Inputs skipped because `resume_from` already holds their record."""
        self.resumed_failed: int = 0
        """Of those, how many had a failed record there."""
        self.ok: int = 0
        self.failed: int = 0
        self.codes: Counter[str] = Counter()
        """Failures of this run by error code."""
        self.seconds: float = 0.0
        """Wall time of the run so far."""
        self._workers = min(workers, self.inputs)
        self._timeout = timeout
        self._resume = resume
        self._parse = parse
        self._max_tasks = max(1, max_tasks)
        self._max_rss = max_rss
        self._window = window or max(64, 8 * self._workers)
        self._progress = progress
        self._bar: Any = None
        self._pool = pool  # a pool lent by the caller (vbhc.dask): kept open after the run
        self._gen = self._run()

    # iterator protocol -----------------------------------------------------------------------------

    def __iter__(self) -> BatchRun:
        return self

    def __next__(self) -> Result:
        return next(self._gen)

    def close(self) -> None:
        """Stop the run: the workers are ended, nothing more is yielded."""
        self._gen.close()

    def __enter__(self) -> BatchRun:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # the run ---------------------------------------------------------------------------------------

    def _run(self) -> Generator[Result, None, None]:
        started = time.monotonic()
        self._bar = _progress_bar(self.inputs) if self._progress else None
        try:
            inner = self._inline() if self._workers == 0 else self._pooled()
            for result in inner:
                if result.ok:
                    self.ok += 1
                else:
                    self.failed += 1
                    if result.error is not None:
                        self.codes[result.error.code.value] += 1
                self._tick()
                self.seconds = time.monotonic() - started
                yield result
        finally:
            self.seconds = time.monotonic() - started
            if self._bar is not None:
                self._bar.close()

    def _tick(self) -> None:
        if self._bar is not None:
            postfix = {"ok": self.ok, "failed": self.failed}
            if self.resumed:
                postfix["resumed"] = self.resumed
            self._bar.set_postfix(postfix, refresh=False)
            self._bar.update(1)

    def _prepare(self, index: int, path: str) -> _Task | Result | object:
        """Hash the input: a task for a worker, a failure record (unreadable), or _RESUMED."""
        try:
            sha = _sha256(path)
        except ReadError as exc:
            if self._resume is not None and path in self._resume.unread_paths:
                return self._skip(ok=False)
            return _failure(path, None, ErrorCode.UNREADABLE, str(exc))
        if self._resume is not None and sha in self._resume.hashes:
            return self._skip(ok=self._resume.hashes[sha])
        return _Task(index, path, sha)

    def _skip(self, *, ok: bool) -> object:
        self.resumed += 1
        if not ok:
            self.resumed_failed += 1
        self._tick()
        return _RESUMED

    def _inline(self) -> Iterator[Result]:
        parse = self._parse or _default_parse()
        for index, path in enumerate(self.paths):
            prepared = self._prepare(index, path)
            if isinstance(prepared, Result):
                yield prepared
            elif isinstance(prepared, _Task):
                yield _parse_inline(parse, prepared)

    def _pooled(self) -> Iterator[Result]:
        n = len(self.paths)
        done: dict[int, Result | None] = {}
        out = nxt = 0
        pending: _Task | None = None
        pool: _Pool | None = self._pool
        try:
            while out < n:
                while out in done:
                    result = done.pop(out)
                    out += 1
                    if result is not None:
                        yield result
                if out >= n:
                    break
                while pending is not None or (nxt < n and nxt < out + self._window):
                    if pending is None:
                        prepared = self._prepare(nxt, self.paths[nxt])
                        if isinstance(prepared, _Task):
                            pending = prepared
                        else:
                            done[nxt] = prepared if isinstance(prepared, Result) else None
                        nxt += 1
                        continue
                    if pool is None:
                        pool = _Pool(self._workers, self._parse, max_tasks=self._max_tasks, max_rss=self._max_rss)
                    worker = pool.idle()
                    if worker is None:
                        break
                    if pool.dispatch(worker, pending):
                        pending = None
                if out in done:
                    continue
                if pool is None:  # pragma: no cover - every undone input is pending or with a worker
                    raise AssertionError("batch scheduler: nothing to wait for")
                pool.fill(pending is not None or nxt < n)
                for task, result in pool.wait(self._timeout):
                    done[task.index] = result
        finally:
            if pool is not None and pool is self._pool:
                pool.cancel()  # a run stopped early leaves no task behind in a lent pool
            elif pool is not None:
                pool.close()


def _default_parse() -> ParseFn:
    from vbhc.pipeline import parse

    return parse


def _parse_inline(parse: ParseFn, task: _Task) -> Result:
    started = time.perf_counter()
    try:
        document = parse(task.path)
    except Exception as exc:
        info = error_info(exc, task.path)
        return Result(path=task.path, sha256=task.sha256, ok=False, error=info,
                      seconds=round(time.perf_counter() - started, 6))
    return Result(path=task.path, sha256=task.sha256, ok=True, document=document,
                  seconds=round(time.perf_counter() - started, 6))


def _progress_bar(total: int) -> Any:
    try:
        auto = importlib.import_module("tqdm.auto")
    except ImportError:
        return None
    return auto.tqdm(total=total, unit="file", desc="vbhc", dynamic_ncols=True)


# ---------------------------------------------------------------------------------------------- the pool


def _frame(obj: object) -> bytes:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(data)) + data


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


class _Worker:
    """One child process and what the main process knows of it."""

    def __init__(self, proc: subprocess.Popen[bytes]) -> None:
        assert proc.stdin is not None and proc.stdout is not None
        self.proc = proc
        self.rfd = proc.stdout.fileno()
        self.wfd = proc.stdin.fileno()
        os.set_blocking(self.rfd, False)
        self.buffer = bytearray()
        self.ready = False
        self.task: _Task | None = None
        self.done = 0
        self.spawned_at = time.monotonic()

    def frames(self) -> tuple[list[Any], bool]:
        """Complete messages read so far, and whether the pipe reached its end (the worker is gone)."""
        eof = False
        while True:
            try:
                chunk = os.read(self.rfd, 1 << 20)
            except BlockingIOError:
                break
            except OSError:
                eof = True
                break
            if not chunk:
                eof = True
                break
            self.buffer += chunk
        messages = []
        while len(self.buffer) >= _HEADER.size:
            (size,) = _HEADER.unpack_from(self.buffer)
            if len(self.buffer) < _HEADER.size + size:
                break
            messages.append(pickle.loads(self.buffer[_HEADER.size:_HEADER.size + size]))
            del self.buffer[:_HEADER.size + size]
        return messages, eof


class _Pool:
    """Worker processes fed one input at a time, with per-input deadlines, crash detection and recycling."""

    def __init__(self, size: int, parse: ParseFn | None, *, max_tasks: int, max_rss: int) -> None:
        if not sys.executable:
            raise RuntimeError("parse_many: no Python executable to start workers with; use workers=0")
        self.size = max(1, size)
        self.max_tasks = max_tasks
        self.max_rss = max_rss
        try:
            blob = pickle.dumps(parse, protocol=pickle.HIGHEST_PROTOCOL) if parse is not None else None
        except Exception as exc:
            raise TypeError(f"parse_many: the parse function must be picklable (a module-level function): "
                            f"{exc}") from exc
        self.init = _frame((list(sys.path), blob))
        self.selector = selectors.DefaultSelector()
        self.workers: list[_Worker] = []
        self.failed_starts = 0
        root = str(Path(__file__).resolve().parent.parent)
        self.env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            p for p in (root, os.environ.get("PYTHONPATH", "")) if p)}
        self.fill(True)

    def fill(self, wanted: bool) -> None:
        """Start workers up to the pool's size while there is work left."""
        while wanted and len(self.workers) < self.size:
            self._spawn()

    def _spawn(self) -> None:
        proc = subprocess.Popen(
            [sys.executable, "-c", "from vbhc.batch import _worker_main; _worker_main()"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=self.env)
        worker = _Worker(proc)
        with contextlib.suppress(OSError):  # it died at once: seen as end of file below
            _write_all(worker.wfd, self.init)
        self.workers.append(worker)
        self.selector.register(worker.rfd, selectors.EVENT_READ, worker)

    def idle(self) -> _Worker | None:
        for worker in self.workers:
            if worker.ready and worker.task is None:
                return worker
        return None

    def dispatch(self, worker: _Worker, task: _Task) -> bool:
        try:
            _write_all(worker.wfd, _frame((task.index, task.path)))
        except OSError:  # the worker died while idle: replace it, the task waits
            self._remove(worker, kill=True)
            return False
        task.sent_at = time.monotonic()
        worker.task = task
        return True

    def wait(self, timeout: float | None) -> list[tuple[_Task, Result]]:
        """Block until something happens; the tasks finished, timed out or lost to a dead worker."""
        now = time.monotonic()
        deadlines = [w.spawned_at + _STARTUP_TIMEOUT for w in self.workers if not w.ready]
        if timeout is not None:
            deadlines += [w.task.sent_at + timeout for w in self.workers if w.task is not None]
        wait_for = max(0.0, min(deadlines) - now) if deadlines else None
        finished: list[tuple[_Task, Result]] = []
        for key, _ in self.selector.select(wait_for):
            worker: _Worker = key.data
            messages, eof = worker.frames()
            for message in messages:
                self._handle(worker, message, finished)
            if eof:
                self._lost(worker, finished)
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.task is not None and timeout is not None and now - worker.task.sent_at > timeout:
                task = worker.task
                self._remove(worker, kill=True)
                finished.append((task, _failure(
                    task.path, task.sha256, ErrorCode.TIMEOUT,
                    f"{task.path}: parsing took longer than {timeout:g} s; the worker was stopped",
                    now - task.sent_at)))
            elif not worker.ready and now - worker.spawned_at > _STARTUP_TIMEOUT:
                self._remove(worker, kill=True)
                self._start_failed(f"did not start within {_STARTUP_TIMEOUT:g} s")
        return finished

    def _handle(self, worker: _Worker, message: Any, finished: list[tuple[_Task, Result]]) -> None:
        if message[0] == "ready":
            worker.ready = True
            self.failed_starts = 0
            return
        _, index, document, code, text, seconds, rss = message
        task = worker.task
        if task is None or task.index != index:  # pragma: no cover - protocol error
            raise RuntimeError(f"parse_many: worker answered for input {index}, not its task")
        worker.task = None
        worker.done += 1
        if code is None:
            result = Result(path=task.path, sha256=task.sha256, ok=True, document=document,
                            seconds=round(seconds, 6))
        else:
            result = _failure(task.path, task.sha256, ErrorCode(code), text, seconds)
        finished.append((task, result))
        if worker.done >= self.max_tasks or (self.max_rss and rss > self.max_rss):
            self._remove(worker, kill=False)

    def _lost(self, worker: _Worker, finished: list[tuple[_Task, Result]]) -> None:
        """The worker's pipe closed: it died (or was killed from outside)."""
        task = worker.task
        self._remove(worker, kill=True)
        status = worker.proc.returncode
        if task is not None:
            how = _exit_status(status)
            finished.append((task, _failure(task.path, task.sha256, ErrorCode.CRASHED,
                                            f"{task.path}: the worker process died ({how})",
                                            time.monotonic() - task.sent_at)))
        elif not worker.ready:
            self._start_failed(_exit_status(status))

    def _start_failed(self, why: str) -> None:
        self.failed_starts += 1
        if self.failed_starts >= 3:
            raise RuntimeError(f"parse_many: worker processes cannot start ({why}); see the error above, "
                               "or use workers=0")

    def _remove(self, worker: _Worker, *, kill: bool) -> None:
        """End a worker: politely (stdin closed) when it is idle, else SIGTERM then SIGKILL."""
        if worker in self.workers:
            self.workers.remove(worker)
            self.selector.unregister(worker.rfd)
        proc = worker.proc
        if proc.stdin is not None and not proc.stdin.closed:
            with contextlib.suppress(OSError):
                proc.stdin.close()
        if proc.poll() is None:
            if kill:
                proc.terminate()
            try:
                proc.wait(_GRACE if kill else 10 * _GRACE)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()

    def cancel(self) -> None:
        """Stop the workers busy with a task (whose answer nobody waits for any more)."""
        for worker in list(self.workers):
            if worker.task is not None:
                self._remove(worker, kill=True)

    def close(self) -> None:
        for worker in list(self.workers):
            self._remove(worker, kill=worker.task is not None or not worker.ready)
        self.selector.close()


def _exit_status(status: int | None) -> str:
    if status is None:
        return "exit status unknown"
    if status < 0:
        try:
            return f"killed by signal {signal.Signals(-status).name}"
        except ValueError:
            return f"killed by signal {-status}"
    return f"exit status {status}"


# ---------------------------------------------------------------------------------------------- the worker


def _read_exact(fd: int, size: int) -> bytes | None:
    chunks = bytearray()
    while len(chunks) < size:
        chunk = os.read(fd, size - len(chunks))
        if not chunk:
            return None
        chunks += chunk
    return bytes(chunks)


def _receive(fd: int) -> Any:
    header = _read_exact(fd, _HEADER.size)
    if header is None:
        return None
    body = _read_exact(fd, _HEADER.unpack(header)[0])
    return None if body is None else pickle.loads(body)


def _rss() -> int:
    """Resident memory of this process in bytes (0 where /proc is not there)."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)  # unwinds the parse: a LibreOffice conversion kills its process group


def _watch_parent(parent: int) -> None:
    """End this worker when the main process is gone (killed with no chance to stop its workers)."""
    while os.getppid() == parent:
        time.sleep(1.0)
    if hasattr(signal, "SIGTERM"):
        os.kill(os.getpid(), signal.SIGTERM)  # unwinds like a timeout does
        time.sleep(5.0)
    os._exit(1)


def _worker_main() -> None:
    """Entry point of a worker process: read (index, path), parse, answer; until stdin closes."""
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()
    proto_in, proto_out = os.dup(0), os.dup(1)
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(2, 1)  # stray prints go to stderr, not into the protocol
    os.close(devnull)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _on_sigterm)
    init = _receive(proto_in)
    if init is None:
        return
    sys_path, blob = init
    sys.path.extend(p for p in sys_path if p not in sys.path)
    parse: ParseFn = pickle.loads(blob) if blob is not None else _default_parse()
    _write_all(proto_out, _frame(("ready", os.getpid())))
    while (message := _receive(proto_in)) is not None:
        index, path = message
        started = time.perf_counter()
        document: Document | None = None
        code: str | None = None
        text: str | None = None
        try:
            document = parse(path)
        except Exception as exc:
            info = error_info(exc, path)
            code, text = info.code.value, info.message
        seconds = time.perf_counter() - started
        try:
            reply = _frame(("done", index, document, code, text, seconds, _rss()))
        except Exception as exc:  # a document that cannot be pickled: a bug, reported as such
            reply = _frame(("done", index, None, ErrorCode.INTERNAL.value,
                            f"{path}: the result could not be sent back: {type(exc).__name__}: {exc}",
                            seconds, _rss()))
        _write_all(proto_out, reply)

