"""Benchmark vbhc: parse throughput, import time, tone folding and peak memory.

Prints figures; it is not a test and asserts nothing. Run it from the project's venv:

    python scripts/benchmark.py                  # aligned table, 5 s per throughput run
    python scripts/benchmark.py --seconds 2 --import-runs 11
    python scripts/benchmark.py --json           # one JSON object with all figures

Figures:
  1. `vbhc.parse_text` throughput on one core over tests/fixtures/seeds/*.txt and, separately, over
     tests/fixtures/real/*.md|*.txt: docs/s, median ms per document, KB/s (goal >= 1,000 docs/s), with
     the caches keyed by text emptied before each parse (as in an archive run, where no text repeats);
     the seeds are also timed with those caches warm, for comparison.
  2. `import vbhc` in a fresh interpreter, min and median ms (goal <= 150 ms), and whether it pulls in
     heavy modules (docx, pdfplumber, underthesea, pandas: they must stay absent).
  3. `vbhc.normalize.fold_tones` (uncached) in ms per 12 KB, compared with `underthesea.text_normalize`
     when underthesea is installed (pip install 'vbhc[nlp]').
  4. Peak memory (tracemalloc peak and ru_maxrss) of 1,000 parses of the seeds, in a fresh interpreter.
  5. Whether the pipeline is compiled: the mypyc build `pip install .` makes, or pure Python (editable installs).
"""

from __future__ import annotations

import argparse
import importlib.machinery
import importlib.util
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import vbhc
import vbhc.caches
import vbhc.normalize

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
REAL = ROOT / "tests" / "fixtures" / "real"

GOAL_DOCS_PER_S = 1_000
GOAL_IMPORT_MS = 150.0
HEAVY_MODULES = ("docx", "pdfplumber", "underthesea", "pandas")
CHUNK_BYTES = 12 * 1024
MEMORY_PARSES = 1_000
TONE_WORDS = {"hoà": "hòa", "uỷ": "ủy", "khoẻ": "khỏe"}

IMPORT_SNIPPET = "import time; t=time.perf_counter(); import vbhc; print(time.perf_counter()-t)"
# `import vbhc` loads the models lazily: the first parse pays for pydantic. Both are reported.
FIRST_PARSE_SNIPPET = ("import sys, time; t=time.perf_counter(); import vbhc; vbhc.parse_text(open(sys.argv[1], "
                       "encoding='utf-8').read()); print(time.perf_counter()-t)")
MODULES_SNIPPET = (
    "import sys, vbhc; "
    f"print(','.join(m for m in {HEAVY_MODULES!r} if m in sys.modules))"
)


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig")


def seed_texts() -> list[str]:
    return [_read(p) for p in sorted(SEEDS.glob("*.txt"))]


def real_texts() -> list[str]:
    paths = sorted([*REAL.glob("*.md"), *REAL.glob("*.txt")])
    return [_read(p) for p in paths]


# 1. Throughput ---------------------------------------------------------------------------------------

def clear_text_caches() -> None:
    """Empty the caches keyed by text (tone and accent folding of lines and paragraphs, the references
    found in a paragraph).

    Cycling over five documents, every paragraph would be found in them from the second round on; in an
    archive run no document repeats, so the goal figure is taken with them emptied before each parse
    (the clock starts after the clearing). Caches of compiled patterns and vocabulary stay warm, as in
    any long run.
    """
    vbhc.caches.clear()


def throughput(texts: Sequence[str], seconds: float, *, cold: bool = True) -> dict[str, Any]:
    """Parse `texts` round-robin for `seconds` of wall time after one warm-up pass; `cold` empties the
    text caches before each parse (see `clear_text_caches`)."""
    if not texts:
        return {"docs": 0}
    for text in texts:  # warm-up: regex compilation, lru caches, lazy imports
        vbhc.parse_text(text)
    sizes = [len(t.encode("utf-8")) for t in texts]
    per_doc: list[float] = []
    nbytes = 0
    i = 0
    clock = time.perf_counter
    start = clock()
    deadline = start + seconds
    while True:
        k = i % len(texts)
        if cold:
            clear_text_caches()
        t0 = clock()
        vbhc.parse_text(texts[k])
        t1 = clock()
        per_doc.append(t1 - t0)
        nbytes += sizes[k]
        i += 1
        if t1 >= deadline and i >= len(texts):
            break
    elapsed = sum(per_doc)  # parsing time only: the cache clearing stays off the clock
    return {
        "docs": len(texts),
        "corpus_kb": sum(sizes) / 1024,
        "parses": i,
        "seconds": elapsed,
        "docs_per_s": i / elapsed,
        "median_ms": statistics.median(per_doc) * 1000,
        "kb_per_s": nbytes / 1024 / elapsed,
    }


# 2. Import time --------------------------------------------------------------------------------------

def import_time(runs: int) -> dict[str, Any]:
    """Time `import vbhc` in `runs` fresh interpreters; list heavy modules it imports."""
    times_ms = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", IMPORT_SNIPPET], capture_output=True, text=True, check=True)
        times_ms.append(float(out.stdout.strip()) * 1000)
    out = subprocess.run([sys.executable, "-c", MODULES_SNIPPET], capture_output=True, text=True, check=True)
    heavy = [m for m in out.stdout.strip().split(",") if m]
    seed = sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"))[0]
    first_ms = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", FIRST_PARSE_SNIPPET, str(seed)], capture_output=True, text=True,
                             check=True)
        first_ms.append(float(out.stdout.strip()) * 1000)
    return {
        "runs": runs,
        "min_ms": min(times_ms),
        "median_ms": statistics.median(times_ms),
        "heavy_modules": heavy,
        "first_parse_median_ms": statistics.median(first_ms),
    }


# 3. Tone normalisation -------------------------------------------------------------------------------

def chunks_of(text: str, size: int = CHUNK_BYTES) -> list[str]:
    """Cut `text` into pieces of about `size` UTF-8 bytes, at line ends."""
    chunks: list[str] = []
    current: list[str] = []
    nbytes = 0
    for line in text.splitlines(keepends=True):
        current.append(line)
        nbytes += len(line.encode("utf-8"))
        if nbytes >= size:
            chunks.append("".join(current))
            current, nbytes = [], 0
    if current:
        chunks.append("".join(current))
    return chunks


def ms_per_chunk(fn: Callable[[str], str], chunks: Sequence[str], budget: float = 1.0) -> float:
    """Run `fn` over all chunks until `budget` seconds have passed; ms per CHUNK_BYTES of input."""
    nbytes = sum(len(c.encode("utf-8")) for c in chunks)
    for c in chunks:  # warm-up
        fn(c)
    rounds = 0
    start = time.perf_counter()
    while True:
        for c in chunks:
            fn(c)
        rounds += 1
        elapsed = time.perf_counter() - start
        if elapsed >= budget:
            break
    return elapsed * 1000 / (rounds * nbytes / CHUNK_BYTES)


def tone_folding(texts: Sequence[str]) -> dict[str, Any]:
    fold = vbhc.normalize.fold_tones
    # Time the uncached function: the lru_cache would otherwise answer repeated chunks from memory.
    fold_raw: Callable[[str], str] = getattr(fold, "__wrapped__", fold)
    chunks = chunks_of("\n".join(texts))
    result: dict[str, Any] = {
        "chunks": len(chunks),
        "vbhc_ms_per_12kb": ms_per_chunk(fold_raw, chunks),
        "vbhc_words": {w: fold_raw(w) for w in TONE_WORDS},
        "vbhc_words_ok": all(fold_raw(w) == want for w, want in TONE_WORDS.items()),
        # vbhc maps match spans found in the folded text back onto the original text, so its fold
        # must keep every string's length (one character in, one character out).
        "vbhc_length_preserving": all(len(fold_raw(c)) == len(c) for c in chunks),
        "underthesea": None,
    }
    try:
        import underthesea  # type: ignore[import-not-found]  # optional: pip install 'vbhc[nlp]'
    except ImportError:
        return result

    def uts(text: str) -> str:
        return str(underthesea.text_normalize(text, tokenizer="space"))

    uts_ms = ms_per_chunk(uts, chunks)
    words = {w: uts(w) for w in TONE_WORDS}
    result["underthesea"] = {
        "version": getattr(underthesea, "__version__", "?"),
        "ms_per_12kb": uts_ms,
        "ratio": uts_ms / result["vbhc_ms_per_12kb"],
        "words": words,
        "agrees_with_vbhc": all(words[w] == result["vbhc_words"][w] for w in TONE_WORDS),
        "length_preserving": all(len(uts(c)) == len(c) for c in chunks),
        "same_chunks": sum(uts(c) == fold_raw(c) for c in chunks),
    }
    return result


# 4. Peak memory --------------------------------------------------------------------------------------

def _memory_child() -> None:
    """Runs in a fresh interpreter (hidden --memory-child) so ru_maxrss covers only this workload."""
    import tracemalloc

    texts = seed_texts()
    tracemalloc.start()
    for i in range(MEMORY_PARSES):
        vbhc.parse_text(texts[i % len(texts)])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    maxrss_mb = None
    try:
        import resource
    except ImportError:  # Windows
        pass
    else:
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        maxrss_mb = rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024  # bytes on macOS, KB else
    print(json.dumps({"parses": MEMORY_PARSES, "tracemalloc_peak_mb": peak / (1024 * 1024),
                      "maxrss_mb": maxrss_mb}))


def peak_memory() -> dict[str, Any]:
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--memory-child"],
                         capture_output=True, text=True, check=True)
    return dict(json.loads(out.stdout))


# 5. Compiled or pure --------------------------------------------------------------------------------

def pipeline_compiled() -> bool:
    """Whether `vbhc.pipeline` is a native extension module (the mypyc build `pip install .` makes).

    Told from the file it would be loaded from, without importing it: this process must stay small until
    the memory figure is taken.
    """
    spec = importlib.util.find_spec("vbhc.pipeline")
    origin = spec.origin if spec is not None else None
    return origin is not None and origin.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


# Report ----------------------------------------------------------------------------------------------

def rows(figures: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(figure, value, goal/remark) lines for the table."""
    out: list[tuple[str, str, str]] = []
    out.append(("pipeline compiled (mypyc)", "yes" if figures["pipeline_compiled"] else "no",
                "" if figures["pipeline_compiled"] else "an editable or pure install: pip install . compiles"))
    for key, label in (("throughput_seeds", "seeds"), ("throughput_real", "real")):
        t = figures[key]
        if not t["docs"]:
            out.append((f"parse_text {label}", "no fixtures", ""))
            continue
        name = f"parse_text {label} ({t['docs']} docs, {t['corpus_kb']:.0f} KB)"
        ok = "ok" if t["docs_per_s"] >= GOAL_DOCS_PER_S else "MISSED"
        out.append((name, f"{t['docs_per_s']:,.0f} docs/s", f">= {GOAL_DOCS_PER_S:,} docs/s  {ok}"))
        out.append((f"  median per doc ({label})", f"{t['median_ms']:.2f} ms", ""))
        out.append((f"  throughput ({label})", f"{t['kb_per_s']:,.0f} KB/s", ""))
    warm = figures["throughput_seeds_warm"]
    if warm["docs"]:
        out.append(("  seeds with text caches warm", f"{warm['docs_per_s']:,.0f} docs/s",
                    "flattered: each paragraph folded once for all rounds"))
    imp = figures["import"]
    ok = "ok" if imp["median_ms"] <= GOAL_IMPORT_MS else "MISSED"
    out.append((f"import vbhc, median of {imp['runs']}", f"{imp['median_ms']:.1f} ms",
                f"<= {GOAL_IMPORT_MS:.0f} ms  {ok}"))
    out.append((f"import vbhc, min of {imp['runs']}", f"{imp['min_ms']:.1f} ms", ""))
    out.append(("import vbhc + first parse_text (cold)", f"{imp['first_parse_median_ms']:.1f} ms",
                "models and vocabulary load here"))
    heavy = imp["heavy_modules"]
    out.append(("heavy modules imported", ", ".join(heavy) if heavy else "none",
                f"absent: {', '.join(HEAVY_MODULES)}  {'MISSED' if heavy else 'ok'}"))
    tone = figures["tone_folding"]
    out.append((f"fold_tones uncached ({tone['chunks']} chunks)", f"{tone['vbhc_ms_per_12kb']:.3f} ms/12KB", ""))
    words = ", ".join(f"{w}->{v}" for w, v in tone["vbhc_words"].items())
    out.append(("  fold_tones words", words, "ok" if tone["vbhc_words_ok"] else "WRONG"))
    out.append(("  fold_tones length-preserving", "yes" if tone["vbhc_length_preserving"] else "NO", "required"))
    uts = tone["underthesea"]
    if uts is None:
        out.append(("underthesea.text_normalize", "-",
                    "underthesea not installed (pip install 'vbhc[nlp]' to compare)"))
    else:
        out.append((f"underthesea {uts['version']} text_normalize", f"{uts['ms_per_12kb']:.3f} ms/12KB",
                    f"{uts['ratio']:.1f}x fold_tones"))
        words = ", ".join(f"{w}->{v}" for w, v in uts["words"].items())
        out.append(("  underthesea words", words, "agrees" if uts["agrees_with_vbhc"] else "DIFFERS from vbhc"))
        out.append(("  underthesea length-preserving", "yes" if uts["length_preserving"] else "no", ""))
        out.append(("  same output as fold_tones", f"{uts['same_chunks']}/{tone['chunks']} chunks", ""))
    mem = figures["memory"]
    out.append((f"tracemalloc peak, {mem['parses']:,} parses", f"{mem['tracemalloc_peak_mb']:.1f} MB", ""))
    rss = mem["maxrss_mb"]
    out.append((f"ru_maxrss, {mem['parses']:,} parses", "n/a" if rss is None else f"{rss:.1f} MB", ""))
    return out


def print_table(table: list[tuple[str, str, str]]) -> None:
    w0 = max(len(r[0]) for r in table)
    w1 = max(len(r[1]) for r in table)
    for name, value, goal in table:
        print(f"{name:<{w0}}  {value:>{w1}}  {goal}".rstrip())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark vbhc (figures only, not a test).")
    parser.add_argument("--seconds", type=float, default=5.0, help="wall time per throughput run (default 5)")
    parser.add_argument("--import-runs", type=int, default=7, help="fresh interpreters for import time (default 7)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    parser.add_argument("--memory-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_child:
        _memory_child()
        return 0

    # Memory first: on Linux a child's ru_maxrss starts from the parent's peak RSS (the kernel carries it
    # across fork/vfork + exec), so measure it while this process holds little more than `import vbhc`.
    memory = peak_memory()
    seeds = seed_texts()
    figures: dict[str, Any] = {
        "python": sys.version.split()[0],
        "vbhc": vbhc.__version__,
        "throughput_goal_docs_per_s": GOAL_DOCS_PER_S,
        "import_goal_ms": GOAL_IMPORT_MS,
        "pipeline_compiled": pipeline_compiled(),
        "throughput_seeds": throughput(seeds, args.seconds),
        "throughput_real": throughput(real_texts(), args.seconds),
        "throughput_seeds_warm": throughput(seeds, args.seconds, cold=False),
        "import": import_time(args.import_runs),
        "tone_folding": tone_folding(seeds),
        "memory": memory,
    }
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        print(f"vbhc {figures['vbhc']} on Python {figures['python']}")
        print_table(rows(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
