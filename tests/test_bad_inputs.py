"""The bad-input corpus (tests/fixtures/bad/, written by scripts/make_bad_inputs.py) through the CLI.

What it shows: `vbhc parse DIR -o out.jsonl` gives one record per file, every failure carries a stable
`ErrorCode`, nothing prints a traceback, no file takes 5 s, the exit code is 1 (some failed), and the
good documents in the same folder still parse to their kind. Also: the 50 MB text (generated here, not
committed) is parsed or refused with a typed code within a bound, and each adversarial 100,000-character
line goes through `parse_text` in under a second.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any, TypeAlias

import pytest

import vbhc
from vbhc.batch import SUPPORTED_SUFFIXES
from vbhc.results import ErrorCode

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "tests" / "fixtures" / "bad"
PER_FILE_SECONDS = 5.0
LONG_LINE_SECONDS = 1.0
BIG_SECONDS = 60.0


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_bad_inputs", ROOT / "scripts" / "make_bad_inputs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_bad_inputs = _script()


def _vbhc(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vbhc", *args], capture_output=True, text=True, timeout=timeout,
                          cwd=ROOT)


Run: TypeAlias = tuple[subprocess.CompletedProcess[str], list[dict[str, Any]]]


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    out = tmp_path_factory.mktemp("bad") / "out.jsonl"
    done = _vbhc("parse", str(BAD), "-o", str(out), "--workers", "2", "--timeout", "30", "--no-progress")
    return done, _records(out)


def test_corpus_is_what_the_script_writes() -> None:
    """The committed files are byte for byte the script's output (the encrypted PDFs: present, encrypted)."""
    expected = make_bad_inputs.corpus()
    on_disk = {p.name for p in BAD.iterdir() if p.is_file()}
    assert on_disk == set(expected) | set(make_bad_inputs.ENCRYPTED)
    stale = [name for name, data in expected.items() if (BAD / name).read_bytes() != data]
    assert stale == [], "run: .venv/bin/python scripts/make_bad_inputs.py"
    for name in make_bad_inputs.ENCRYPTED:
        assert b"/Encrypt" in (BAD / name).read_bytes()


def test_one_record_per_file(corpus_run: Run) -> None:
    done, records = corpus_run
    files = sorted(str(p.relative_to(ROOT)) for p in BAD.iterdir()
                   if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
    paths = [str(Path(r["path"]).resolve().relative_to(ROOT)) for r in records]
    assert len(paths) == len(set(paths)), "a file has more than one record"
    assert sorted(paths) == files
    assert f"{len(files)} inputs" in done.stderr


def test_failures_have_stable_codes(corpus_run: Run) -> None:
    _, records = corpus_run
    codes = {code.value for code in ErrorCode}
    for record in records:
        name = Path(record["path"]).name
        if record["ok"]:
            assert record["error"] is None and record["document"] is not None, name
        else:
            assert record["document"] is None, name
            assert record["error"]["code"] in codes, name
            assert name in record["error"]["message"], name
            # a bug in vbhc, a dead worker or a hang is not a way to refuse a bad input
            assert record["error"]["code"] not in ("internal", "crashed", "timeout"), (name, record["error"])


def test_no_traceback_and_exit_code_1(corpus_run: Run) -> None:
    done, records = corpus_run
    assert "Traceback" not in done.stderr
    assert "Traceback" not in done.stdout
    assert done.returncode == 1, done.stderr[-2000:]
    assert any(not r["ok"] for r in records) and any(r["ok"] for r in records)


def test_no_file_takes_5_seconds(corpus_run: Run) -> None:
    _, records = corpus_run
    slow = {Path(r["path"]).name: r["seconds"] for r in records if r["seconds"] >= PER_FILE_SECONDS}
    assert slow == {}


def test_good_documents_still_parse(corpus_run: Run) -> None:
    _, records = corpus_run
    by_name = {Path(r["path"]).name: r for r in records}
    for name, (_source, kind) in make_bad_inputs.GOOD.items():
        record = by_name[name]
        assert record["ok"], (name, record["error"])
        assert record["document"]["kind"] == kind, name


def test_expected_outcomes(corpus_run: Run) -> None:
    """The cases whose outcome is not in doubt: refused with a code, or read (as an empty document)."""
    _, records = corpus_run
    by_name = {Path(r["path"]).name: r for r in records}
    refused = ["random.txt", "random.pdf", "random.docx", "random_pdf_magic.pdf", "random_zip_magic.docx",
               "truncated_half.pdf", "truncated_header_only.pdf", "truncated_half.docx", "zip_not_docx.docx",
               "zip_as_text.txt", "docx_broken_xml.docx", "docx_no_body.docx", "encrypted_open_password.pdf",
               "docx_xxe.docx", "docx_billion_laughs.docx", "bomb_zeros.docx", "bomb_declared_size.docx"]
    for name in refused:
        assert not by_name[name]["ok"], name
    assert by_name["zip_as_text.txt"]["error"]["code"] == "unsupported"
    for name in ("empty.txt", "empty.md", "whitespace.txt", "whitespace_valid.docx", "whitespace_blank_page.pdf"):
        record = by_name[name]
        assert record["ok"], name
        assert "empty-document" in {i["code"] for i in record["document"]["issues"]}, name
    # an entity's replacement text must never reach the output (XXE: the contents of /etc/hostname)
    hostname = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").exists() else ""
    for name in ("docx_xxe.docx", "docx_billion_laughs.docx"):
        dumped = json.dumps(by_name[name])
        assert "lollollol" not in dumped
        if hostname:
            assert f"{hostname}/UBND" not in dumped


def test_50_mb_text_is_bounded(tmp_path: Path) -> None:
    """A 50 MB text: parsed, or refused with a typed code (too-large), within BIG_SECONDS; never a hang."""
    big = make_bad_inputs.write_big_text(tmp_path / "big.txt")
    assert big.stat().st_size >= 50 * 2**20
    out = tmp_path / "big.jsonl"
    started = time.perf_counter()
    done = _vbhc("parse", str(big), "-o", str(out), "--workers", "1", "--timeout", str(BIG_SECONDS), "--no-progress",
                 timeout=BIG_SECONDS + 60)
    elapsed = time.perf_counter() - started
    (record,) = _records(out)
    assert "Traceback" not in done.stderr
    assert record["ok"] or record["error"]["code"] in ("too-large",), record["error"]
    assert record["seconds"] < BIG_SECONDS
    assert elapsed < BIG_SECONDS + 30
    print(f"50 MB text: ok={record['ok']} code={record['error'] and record['error']['code']} "
          f"seconds={record['seconds']:.2f} wall={elapsed:.2f}")


MORE_PIECES = ["**", "a) ", "(", "[1]", "\t", ". ", "- - ", "ĐẾN Số: 1 ", "Ký bởi: ", "V/v ", "KT. ", "Nơi nhận: ",
               "tháng 1 năm ", "1/", "Số:", "Căn cứ Luật số 1/2020/QH14 ngày 1/1/2020; "]


@pytest.mark.parametrize("piece", [*make_bad_inputs.ADVERSARIAL_PIECES.values(), *MORE_PIECES], ids=repr)
@pytest.mark.parametrize("where", ["alone", "after_header", "repeated_lines"])
def test_long_line_is_linear(piece: str, where: str) -> None:
    """A 100,000-character line of one grammar piece parses in under a second (a bound, not a benchmark)."""
    line = make_bad_inputs.long_line(piece)
    text = {"alone": line, "after_header": make_bad_inputs.HEADER + line + "\n",
            "repeated_lines": "\n".join(make_bad_inputs.long_line(piece, 1000) for _ in range(100))}[where]
    vbhc.parse_text("Số: 1/UBND")  # warm the caches
    started = time.perf_counter()
    vbhc.parse_text(text)
    assert time.perf_counter() - started < LONG_LINE_SECONDS
