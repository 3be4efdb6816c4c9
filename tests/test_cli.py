"""`vbhc parse PATH... -o OUT`: one record per input in JSONL or Parquet, exit codes, --resume, the summary
line; `vbhc schema`; the `vbhc tables` hook."""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import sys
import types
from pathlib import Path
from typing import Any

import pytest

import vbhc
from vbhc.batch import expand_sources
from vbhc.cli import main
from vbhc.outputs import read_results
from vbhc.results import Result

FIXTURES = Path(__file__).parent / "fixtures"
REAL = FIXTURES / "real"  # 11 documents (.md, .txt, .docx) and their .expected.json sidecars
SEED = FIXTURES / "seeds" / "000_b9edc395e283ea20.txt"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The real fixtures plus a broken PDF and a file that is no Word document."""
    root = tmp_path / "in"
    shutil.copytree(REAL, root)
    (root / "broken.pdf").write_bytes(b"%PDF-1.7\n%%EOF")
    (root / "fake.docx").write_bytes(b"PK\x03\x04 truncated zip")
    return root


def test_jsonl_has_one_record_per_supported_file(folder: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(folder), "-o", str(out), "--workers", "2"]) == 1
    records = list(read_results(out))
    supported = sorted(p for p in folder.iterdir() if p.suffix in (".md", ".txt", ".docx", ".pdf"))
    assert len(records) == len(supported) == 13
    assert [r.path for r in records] == list(expand_sources(folder).paths)
    failed = {Path(r.path).name: r.error.code.value for r in records if r.error is not None}
    assert failed == {"broken.pdf": "unreadable", "fake.docx": "unreadable"}
    err = capsys.readouterr().err
    assert "13 inputs, 11 parsed, 2 failed (unreadable 2)" in err and "11 other files skipped" in err
    assert str(out) in err.splitlines()[-1]


def test_exit_0_when_every_input_parsed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(REAL), "-o", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 11
    assert "11 parsed, 0 failed" in capsys.readouterr().err


def test_resume_parses_nothing_again(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    first = [p for p in expand_sources(folder).paths if not p.endswith(("broken.pdf", "fake.docx"))][:5]
    assert main(["parse", *first, "-o", str(out)]) == 0
    capsys.readouterr()
    assert main(["parse", str(folder), "-o", str(out), "--resume"]) == 1  # the broken files are new
    assert "6 parsed, 2 failed (unreadable 2), 5 already in the output" in capsys.readouterr().err
    before = out.read_bytes()
    assert main(["parse", str(folder), "-o", str(out), "--resume"]) == 1  # the failures are in the output
    err = capsys.readouterr().err
    assert "0 parsed, 0 failed, 13 already in the output" in err and "(2 of them failed)" in err
    assert out.read_bytes() == before
    assert sorted(r.path for r in read_results(out)) == sorted(expand_sources(folder).paths)


def test_parquet_output_and_resume(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out.parquet"
    assert main(["parse", str(folder), "-o", str(out)]) == 1
    table = pq.read_table(out)
    assert table.num_rows == 13 and table.column_names[:3] == ["path", "sha256", "ok"]
    assert sorted(table.column("error_code").drop_null().to_pylist()) == ["unreadable", "unreadable"]
    assert main(["parse", str(folder), "-o", str(out), "--resume"]) == 1
    assert pq.read_table(out).num_rows == 13
    assert "0 parsed" in capsys.readouterr().err.splitlines()[-1]


def test_dash_writes_jsonl_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(REAL), "-o", "-", "--workers", "0"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 11 and all(Result.model_validate_json(line).ok for line in lines)


def test_without_output_documents_are_printed(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED)]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(vbhc.parse(SEED).model_dump_json())
    assert main(["parse", str(folder), "--compact"]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 11
    assert "broken.pdf" in captured.err and "fake.docx" in captured.err


def test_fail_fast_stops_at_the_first_failure(folder: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(folder), "-o", str(out), "--fail-fast"]) == 1
    records = list(read_results(out))
    assert not records[-1].ok and all(r.ok for r in records[:-1])
    assert "--fail-fast" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [
    ["parse", "x.txt", "--resume"],
    ["parse", "x.txt", "-o", "-", "--resume"],
    ["parse", "x.txt", "-o", "out.csv"],
    ["parse", "x.txt", "--workers", "-1"],
    ["parse", "x.txt", "--timeout", "soon"],
    ["parse"],
    ["schema", "other"],
])
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert capsys.readouterr().err


def test_an_output_that_cannot_be_written_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED), "-o", str(tmp_path / "no" / "such" / "out.jsonl")]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_schema_is_the_results(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == Result.model_json_schema()
    assert main(["schema", "document"]) == 0
    assert json.loads(capsys.readouterr().out) == vbhc.Document.model_json_schema()


def test_tables_command_is_wired_when_its_module_exists(monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    fake = types.ModuleType("vbhc.cli_tables")
    fake.__spec__ = importlib.util.spec_from_loader("vbhc.cli_tables", loader=None)
    seen: list[argparse.Namespace] = []

    def add_parser(subparsers: Any) -> None:
        subparsers.add_parser("tables").add_argument("paths", nargs="+")

    def run(args: argparse.Namespace) -> int:
        seen.append(args)
        return 7

    fake.add_parser = add_parser  # type: ignore[attr-defined]
    fake.run = run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "vbhc.cli_tables", fake)
    assert main(["tables", "a", "b"]) == 7 and seen[0].paths == ["a", "b"]


def test_tables_command_is_absent_without_its_module(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    real_find_spec = importlib.util.find_spec

    def find_spec(name: str, package: str | None = None) -> Any:
        return None if name == "vbhc.cli_tables" else real_find_spec(name, package)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    with pytest.raises(SystemExit) as exc:
        main(["tables", "x", "-o", "y"])
    assert exc.value.code == 2 and "invalid choice" in capsys.readouterr().err
    assert main(["schema"]) == 0
