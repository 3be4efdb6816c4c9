"""Benchmark the readers against the bare libraries, on the same files in one run.

    python scripts/bench_formats.py [--corpus ../shared/corpus/real] [--pdf-repeats 200]

Prints, per format: vbhc.parse time / a bare walk of the same files with the underlying library
(python-docx: paragraphs and table cells; pdfplumber: page.extract_text), for each PDF backend the time and
the micro-F1 on the PDFs with gold (the project's golden comparison), and the peak RSS of repeated PDF
parses measured in a child process at intervals (flat = no leak). Needs the shared corpus for the real
files; falls back to tests/fixtures when it is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def _files(corpus: Path, suffix: str) -> list[Path]:
    files = sorted(corpus.glob(f"*{suffix}"))
    return files or sorted((ROOT / "tests" / "fixtures").rglob(f"*{suffix}"))


def bare_docx(files: list[Path]) -> float:
    import docx

    t0 = time.perf_counter()
    for f in files:
        d = docx.Document(str(f))
        for p in d.paragraphs:
            _ = p.text
        for t in d.tables:
            for r in t.rows:
                for c in r.cells:
                    _ = c.text
    return time.perf_counter() - t0


def bare_pdfplumber(files: list[Path]) -> float:
    import pdfplumber

    t0 = time.perf_counter()
    for f in files:
        with pdfplumber.open(str(f)) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()
    return time.perf_counter() - t0


def vbhc_time(files: list[Path], backend: str | None = None) -> float:
    import vbhc

    if backend:
        os.environ["VBHC_PDF_BACKEND"] = backend
    try:
        t0 = time.perf_counter()
        for f in files:
            vbhc.parse(f)
        return time.perf_counter() - t0
    finally:
        os.environ.pop("VBHC_PDF_BACKEND", None)


def gold_clean_share(files: list[Path], backend: str) -> float:
    """Share of the PDFs with gold that parse with no difference from it (the golden comparison)."""
    import vbhc
    from golden import compare

    os.environ["VBHC_PDF_BACKEND"] = backend
    misses = total = 0
    try:
        for f in files:
            gold = f.with_name(f.stem + ".expected.json")
            if not gold.exists():
                continue
            want = json.loads(gold.read_text(encoding="utf-8"))
            misses += len(compare(want, vbhc.parse(f).model_dump(mode="json")))
            total += 1
    finally:
        os.environ.pop("VBHC_PDF_BACKEND", None)
    return float(total - min(misses, total)) / total if total else float("nan")


_CHILD = """
import resource, sys, vbhc
files = sys.argv[2:]; n = int(sys.argv[1]); marks = []
for i in range(n):
    vbhc.parse(files[i % len(files)])
    if (i + 1) % max(1, n // 4) == 0:
        marks.append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
print(" ".join(f"{m:.0f}" for m in marks))
"""


def pdf_memory(files: list[Path], repeats: int) -> str:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(repeats), *map(str, files)], capture_output=True,
                         text=True, check=True)
    return out.stdout.strip()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "real"))
    ap.add_argument("--pdf-repeats", type=int, default=200)
    args = ap.parse_args()
    corpus = Path(args.corpus)
    docx_files, pdf_files = _files(corpus, ".docx"), _files(corpus, ".pdf")
    gold_pdfs = sorted((ROOT / "tests" / "fixtures" / "pdf").glob("*.pdf"))
    rows: list[tuple[str, str, str]] = []
    bare_d, ours_d = bare_docx(docx_files), vbhc_time(docx_files)
    rows.append((f".docx: vbhc / bare python-docx walk ({len(docx_files)} files)",
                 f"{ours_d:.2f} s / {bare_d:.2f} s = {ours_d / bare_d:.2f}x", "goal <= 1.5x"))
    bare_p = bare_pdfplumber(pdf_files)
    times: dict[str, Any] = {}
    for backend in ("pdftotext", "pdfplumber"):
        times[backend] = vbhc_time(pdf_files, backend)
        rows.append((f".pdf: vbhc [{backend}] / bare pdfplumber extract_text ({len(pdf_files)} files)",
                     f"{times[backend]:.2f} s / {bare_p:.2f} s = {times[backend] / bare_p:.2f}x", "goal <= 1.3x"))
        rows.append((f"  gold PDFs, share of documents without a miss [{backend}]",
                     f"{gold_clean_share(gold_pdfs, backend):.3f}", ""))
    rows.append(("fast path (pdftotext) speed-up over the pdfplumber path",
                 f"{times['pdfplumber'] / times['pdftotext']:.1f}x", ""))
    rows.append((f"peak RSS (MB) at 1/4, 1/2, 3/4, all of {args.pdf_repeats} PDF parses",
                 pdf_memory(pdf_files, args.pdf_repeats), "flat = no leak"))
    rows.append(("this process ru_maxrss", f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB", ""))
    width = max(len(r[0]) for r in rows)
    for name, value, goal in rows:
        print(f"{name:{width}s}  {value:>28s}  {goal}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
