"""Benchmark of batch runs (`vbhc.parse_many`): throughput with 1 and 2 workers, and memory over a long run.

    python scripts/bench_batch.py                      # both parts, the real corpus, 10,000 documents
    python scripts/bench_batch.py --docs 2000          # a shorter memory run
    python scripts/bench_batch.py --skip-memory        # throughput only

1. Throughput: the supported files of the corpus (../shared/corpus/real) parsed with workers=1, then 2,
   twice each (best kept); documents/s and the speed-up (goal >= 1.8x). For scale, the speed-up two
   pure-Python CPU burners get on this machine is printed too: no process pool can beat it.
2. Memory: the corpus repeated (symlinks in a temporary folder) to --docs documents, parsed with
   --workers workers; the resident memory (RSS, from /proc: Linux) of the main process, of each worker
   process and of the whole process tree (LibreOffice conversions included) is sampled every 0.2 s. Goal:
   flat, under 300 MB for the main process and for each worker.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from vbhc.batch import expand_sources, parse_many  # noqa: E402

MB = 2**20


def _burn(n: int) -> float:
    started = time.perf_counter()
    total = 0
    for i in range(n):
        total += i
    return time.perf_counter() - started


def cpu_ceiling(n: int = 30_000_000) -> float:
    """Speed-up of 2 CPU-bound processes over 1 on this machine (1.0: no parallelism at all, 2.0: perfect)."""
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        pool.map(_burn, [1000, 1000])  # start-up out of the measure
        started = time.perf_counter()
        pool.map(_burn, [n])
        one = time.perf_counter() - started
        started = time.perf_counter()
        pool.map(_burn, [n, n])
        two = time.perf_counter() - started
    return 2 * one / two


def throughput(corpus: Path, workers: int, repeat: int = 2) -> tuple[int, float, int]:
    best = math.inf
    count = failed = 0
    for _ in range(repeat):
        started = time.perf_counter()
        with parse_many(corpus, workers=workers, progress=False) as run:
            count = sum(1 for _ in run)
        best = min(best, time.perf_counter() - started)
        failed = run.failed
    return count, best, failed


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _tree(root: int) -> dict[int, str]:
    """The descendants of `root` with their command lines."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    found: dict[int, str] = {}
    frontier = [root]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in found:
                try:
                    found[child] = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ").decode()
                except OSError:
                    found[child] = ""
                frontier.append(child)
    return found


class Sampler(threading.Thread):
    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.stop = threading.Event()
        self.main_peak = self.worker_peak = self.tree_peak = 0
        self.workers_seen: set[int] = set()

    def run(self) -> None:
        me = os.getpid()
        while not self.stop.wait(0.2):
            main = _rss(me)
            tree = main
            for pid, cmd in _tree(me).items():
                rss = _rss(pid)
                tree += rss
                if "_worker_main" in cmd:
                    self.workers_seen.add(pid)
                    self.worker_peak = max(self.worker_peak, rss)
            self.main_peak = max(self.main_peak, main)
            self.tree_peak = max(self.tree_peak, tree)


def memory(corpus: Path, docs: int, workers: int) -> None:
    files = [os.path.abspath(p) for p in expand_sources(corpus).paths]
    with tempfile.TemporaryDirectory(prefix="vbhc-bench-") as tmp:
        copies = math.ceil(docs / len(files))
        for c in range(copies):
            folder = Path(tmp) / f"copy{c:04}"
            folder.mkdir()
            for i, path in enumerate(files):
                os.symlink(path, folder / f"{i:04}_{Path(path).name}")
        inputs = list(expand_sources(tmp).paths)[:docs]
        sampler = Sampler()
        sampler.start()
        checkpoints: list[tuple[int, float, float, float]] = []
        started = time.perf_counter()
        with parse_many(inputs, workers=workers, progress=sys.stderr.isatty()) as run:
            for n, _ in enumerate(run, 1):
                if n % max(1, docs // 10) == 0:
                    checkpoints.append((n, time.perf_counter() - started, _rss(os.getpid()) / MB,
                                        sampler.worker_peak / MB))
        elapsed = time.perf_counter() - started
        sampler.stop.set()
        sampler.join()
    print(f"memory: {docs} documents ({len(files)} files x {copies}), workers={workers}: {elapsed:.0f} s, "
          f"{docs / elapsed:.1f} documents/s, {run.ok} ok, {run.failed} failed")
    print("  documents  seconds  main RSS MB  worker peak MB so far")
    for n, at, main, worker in checkpoints:
        print(f"  {n:9}  {at:7.0f}  {main:11.0f}  {worker:21.0f}")
    print(f"  peak RSS: main process {sampler.main_peak / MB:.0f} MB, one worker {sampler.worker_peak / MB:.0f} MB "
          f"({len(sampler.workers_seen)} worker processes over the run), whole tree {sampler.tree_peak / MB:.0f} MB "
          f"(goal < 300 MB per process)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "real")
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2, help="workers of the memory run")
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        parser.error(f"{args.corpus}: no such folder")
    print(f"machine: {os.cpu_count()} CPUs; 2 CPU-bound processes run {cpu_ceiling():.2f}x as fast as 1")
    if not args.skip_throughput:
        rates = {}
        for workers in (1, 2):
            count, seconds, failed = throughput(args.corpus, workers)
            rates[workers] = count / seconds
            print(f"throughput: workers={workers}: {count} files ({failed} failed) in {seconds:.1f} s = "
                  f"{rates[workers]:.1f} documents/s")
        print(f"throughput: speed-up with 2 workers {rates[2] / rates[1]:.2f}x (goal >= 1.8x)")
    if not args.skip_memory:
        memory(args.corpus, args.docs, args.workers)


if __name__ == "__main__":
    main()
