"""`vbhc tables PATH... -o DIR`: one Parquet file per table, read back with the same rows and dtypes.

`vbhc.batch.parse_many` is replaced by a stand-in that parses the fixtures here, so that this tests the
command and not the batch engine.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import sys
import types
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

import vbhc
from vbhc import cli_tables
from vbhc.results import ErrorInfo, Result
from vbhc.tables import COLUMNS, TABLES, to_tables

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

FIXTURES = Path(__file__).parent / "fixtures"


def parse_one(path: Path) -> Result:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Result(path=str(path), ok=False, error=ErrorInfo(code="unreadable", message=f"{path}: {exc}"))
    return Result(path=str(path), sha256=hashlib.sha256(raw).hexdigest(), ok=True, seconds=0.01,
                  document=vbhc.parse(path))


class FakeBatch:
    """Stands in for vbhc.batch: records its calls, parses files and the files of folders in this process."""

    def __init__(self) -> None:
        self.calls: list[tuple[list[str], int | None]] = []

    def parse_many(self, sources: Iterable[str], *, workers: int | None = None) -> Iterator[Result]:
        sources = list(sources)
        self.calls.append((sources, workers))
        for source in sources:
            path = Path(source)
            inputs = sorted(p for p in path.rglob("*") if p.suffix in {".txt", ".md"}) if path.is_dir() else [path]
            yield from (parse_one(p) for p in inputs)


@pytest.fixture
def batch(monkeypatch: pytest.MonkeyPatch) -> FakeBatch:
    fake = FakeBatch()
    module = types.ModuleType("vbhc.batch")
    module.parse_many = fake.parse_many  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "vbhc.batch", module)
    return fake


def main(argv: list[str]) -> int:
    """What cli.py does with the command: a parser with `tables` added, then `run`."""
    parser = argparse.ArgumentParser(prog="vbhc")
    cli_tables.add_parser(parser.add_subparsers(dest="command", required=True))
    return cli_tables.run(parser.parse_args(argv))


def read_back(out: Path) -> dict[str, Any]:
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in TABLES}


def test_writes_one_parquet_file_per_table(batch: FakeBatch, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    seeds = FIXTURES / "seeds"
    plan = FIXTURES / "real" / "sct_KH-1105-DKT-ke-hoach-kiem-tra.txt"
    decision = FIXTURES / "real" / "sct_QD-1050-kiem-tra-VLNCN-2026.txt"
    out = tmp_path / "out" / "tables"
    assert main(["tables", str(seeds), str(plan), str(decision), "-o", str(out), "--workers", "2"]) == 0
    assert batch.calls == [([str(seeds), str(plan), str(decision)], 2)]
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{name}.parquet" for name in TABLES)
    tables = read_back(out)
    expected = to_tables([parse_one(p) for p in [*sorted(seeds.glob("*.txt")), plan, decision]])
    for name in TABLES:
        assert [(c, str(t)) for c, t in tables[name].dtypes.items()] == [(c, t) for c, t in COLUMNS[name]], name
        pd.testing.assert_frame_equal(tables[name], expected[name], check_exact=False)
    docs = tables["documents"]
    assert len(docs) == 7 and docs["document_id"].is_unique
    assert len(tables["references"]) == sum(docs["n_references"]) + sum(tables["attachments"]["n_references"])
    assert tables["errors"].empty
    # the plan's citation of the decision is resolved inside the run
    ids = dict(zip(docs["path"], docs["document_id"], strict=True))
    edges = tables["edges"]
    cite = edges[(edges["source"] == ids[str(plan)]) & (edges["number"] == "1050")].iloc[0]
    assert (cite["target"], cite["relation"]) == (ids[str(decision)], "thuc_hien")
    assert "7 inputs, 7 parsed, 0 failed" in capsys.readouterr().err


def test_failed_inputs_are_in_errors_and_the_exit_code_is_1(batch: FakeBatch, tmp_path: Path) -> None:
    seed = FIXTURES / "seeds" / "001_a8ad884f9afb5345.txt"
    missing = tmp_path / "missing.txt"
    assert main(["tables", str(seed), str(missing), "-o", str(tmp_path)]) == 1
    assert batch.calls == [([str(seed), str(missing)], None)]
    tables = read_back(tmp_path)
    assert list(tables["documents"]["path"]) == [str(seed)]
    errors = tables["errors"]
    assert list(errors["path"]) == [str(missing)] and list(errors["code"]) == ["unreadable"]
    assert errors["document_id"].isna().all()


def test_usage_errors(batch: FakeBatch, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                      capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["tables", str(tmp_path)])  # no -o
    assert exit_info.value.code == 2
    assert main(["tables", str(tmp_path), "-o", str(tmp_path), "--workers", "-1"]) == 2
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "pyarrow" else real_find_spec(name, *a))
    assert main(["tables", str(tmp_path), "-o", str(tmp_path)]) == 2
    assert "pip install 'vbhc[etl]'" in capsys.readouterr().err
    assert batch.calls == []
