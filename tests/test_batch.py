"""Batch runs: inputs expanded in a stable order, one Result per input, a hang or a crash costs one file,
workers recycled, resume by SHA-256, JSONL and Parquet outputs."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import sys
import time
from pathlib import Path

import pytest

import helpers_batch
import vbhc
from vbhc.batch import SUPPORTED_SUFFIXES, error_info, expand_sources, parse_many
from vbhc.errors import ReadError, UnsupportedFormatError
from vbhc.outputs import (
    FLAT_COLUMNS,
    JsonlWriter,
    flat_record,
    load_resume_index,
    open_writer,
    output_format,
    read_results,
)
from vbhc.results import ErrorCode, Result

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
DOCX = FIXTURES / "real" / "sct_CV-phuc-dap-ho-so-cap-GCN.docx"


def without_seconds(results: list[Result]) -> list[dict[str, object]]:
    return [r.model_dump(mode="json", exclude={"seconds"}) for r in results]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A small archive: seeds in nested folders, a .docx, sidecars and junk to skip, two broken files."""
    root = tmp_path / "archive"
    (root / "2020" / "q1").mkdir(parents=True)
    (root / ".git").mkdir()
    shutil.copy(SEEDS[0], root / "b.txt")
    shutil.copy(SEEDS[1], root / "a.md")
    shutil.copy(SEEDS[2], root / "2020" / "c.TXT")
    shutil.copy(SEEDS[3], root / "2020" / "q1" / "d.txt")
    shutil.copy(DOCX, root / "2020" / "e.docx")
    (root / "2020" / "e.json").write_text("{}", encoding="utf-8")
    (root / "notes.xlsx").write_bytes(b"PK\x03\x04junk")
    (root / "~$e.docx").write_bytes(b"lock")
    (root / ".git" / "x.txt").write_text("hidden", encoding="utf-8")
    (root / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf")
    (root / "zip.docx").write_bytes(b"PK\x03\x04" + b"\0" * 40)
    return root


# ---------------------------------------------------------------------------------------------- inputs


def test_folders_are_walked_in_name_order_and_other_files_counted(archive: Path) -> None:
    inputs = expand_sources(archive)
    names = [os.path.relpath(p, archive) for p in inputs.paths]
    assert names == ["a.md", "b.txt", "broken.pdf", "zip.docx", os.path.join("2020", "c.TXT"),
                     os.path.join("2020", "e.docx"), os.path.join("2020", "q1", "d.txt")]
    assert inputs.skipped == 3  # e.json, notes.xlsx, the ~$ lock file; .git is not entered


def test_globs_files_and_duplicates(archive: Path) -> None:
    inputs = expand_sources([str(archive / "**" / "*.txt"), archive / "b.txt", str(archive / "2020" / "e.json")])
    # glob matches in path order ("2020/q1/d.txt" < "b.txt"); a file named explicitly is always tried
    assert [Path(p).name for p in inputs.paths] == ["d.txt", "b.txt", "e.json"]
    assert expand_sources(str(archive / "*.nothing")).paths == (str(archive / "*.nothing"),)
    assert expand_sources(str(archive)) == expand_sources([archive, archive / "a.md"])
    assert {".txt", ".md", ".docx", ".doc", ".pdf"} <= SUPPORTED_SUFFIXES


# ---------------------------------------------------------------------------------------------- results


def test_one_result_per_input_in_input_order(archive: Path) -> None:
    with parse_many(archive, workers=2, progress=False) as run:
        results = list(run)
    assert [r.path for r in results] == list(expand_sources(archive).paths)
    assert (run.inputs, run.ok, run.failed, run.skipped, run.resumed) == (7, 5, 2, 3, 0)
    by_name = {Path(r.path).name: r for r in results}
    assert by_name["b.txt"].document == vbhc.parse(archive / "b.txt")
    assert by_name["b.txt"].sha256 == hashlib.sha256((archive / "b.txt").read_bytes()).hexdigest()
    assert by_name["e.docx"].ok and by_name["e.docx"].document is not None
    broken = by_name["broken.pdf"]
    assert not broken.ok and broken.error is not None and broken.error.code == ErrorCode.UNREADABLE
    assert "broken.pdf" in broken.error.message and broken.sha256 is not None and broken.document is None
    zipped = by_name["zip.docx"]
    assert zipped.error is not None and zipped.error.code == ErrorCode.UNREADABLE
    assert run.codes == {"unreadable": 2}


def test_in_process_run_gives_the_same_records(archive: Path) -> None:
    pooled = list(parse_many(archive, workers=2, progress=False))
    inline = list(parse_many(archive, workers=0, progress=False))
    assert without_seconds(inline) == without_seconds(pooled)


def test_a_missing_file_is_an_unreadable_record_without_hash(tmp_path: Path) -> None:
    [missing, pattern] = list(parse_many([tmp_path / "nope.txt", str(tmp_path / "*.pdf")], progress=False))
    assert missing.error is not None and missing.error.code == ErrorCode.UNREADABLE and missing.sha256 is None
    assert "nope.txt" in missing.error.message
    assert pattern.error is not None and "no file matches" in pattern.error.message


@pytest.mark.parametrize("workers", [1, 2])
def test_a_hang_or_a_crash_costs_that_file_only(tmp_path: Path, workers: int) -> None:
    names = ["a.txt", "boom.txt", "crash.txt", "hang.txt", "locked.txt", "m.txt", "stubborn.txt", "z.txt"]
    for name in names:
        shutil.copy(SEEDS[0], tmp_path / name)
    started = time.monotonic()
    results = list(parse_many(tmp_path, workers=workers, timeout=1.5, progress=False,
                              _parse=helpers_batch.misbehaving_parse))
    assert [Path(r.path).name for r in results] == names
    codes = {Path(r.path).name: r.error.code if r.error else None for r in results}
    assert codes == {"a.txt": None, "boom.txt": ErrorCode.INTERNAL, "crash.txt": ErrorCode.CRASHED,
                     "hang.txt": ErrorCode.TIMEOUT, "locked.txt": ErrorCode.ENCRYPTED, "m.txt": None,
                     "stubborn.txt": ErrorCode.TIMEOUT, "z.txt": None}
    messages = {Path(r.path).name: r.error.message for r in results if r.error}
    assert "KeyError" in messages["boom.txt"] and "exit status 3" in messages["crash.txt"]
    assert "1.5 s" in messages["hang.txt"]
    assert all(name in messages[name] for name in messages)
    expected = vbhc.parse(SEEDS[0])
    assert all(r.document == expected for r in results if r.ok)
    assert time.monotonic() - started < 30


def test_workers_are_recycled(tmp_path: Path) -> None:
    for i in range(6):
        shutil.copy(SEEDS[i % len(SEEDS)], tmp_path / f"{i}.txt")
    results = list(parse_many(tmp_path, workers=1, progress=False, _parse=helpers_batch.parse_with_pid,
                              _max_tasks_per_worker=2))
    assert all(r.ok for r in results)
    pids = [r.document.subject for r in results if r.document is not None]
    assert len(set(pids)) == 3 and pids[0] == pids[1] != pids[2]
    low_memory = list(parse_many(tmp_path, workers=1, progress=False, _parse=helpers_batch.parse_with_pid,
                                 _max_worker_rss=1))
    if sys.platform.startswith("linux"):  # resident memory is read from /proc
        assert len({r.document.subject for r in low_memory if r.document is not None}) == 6


def test_results_stream_through_a_bounded_window(tmp_path: Path) -> None:
    for i in range(12):
        shutil.copy(SEEDS[i % len(SEEDS)], tmp_path / f"{i:02}.txt")
    results = list(parse_many(tmp_path, workers=2, progress=False, _window=2))
    assert [Path(r.path).name for r in results] == [f"{i:02}.txt" for i in range(12)] and all(r.ok for r in results)


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_stopping_early_ends_the_workers(tmp_path: Path) -> None:
    for name in ("a.txt", "hang.txt", "z.txt"):
        shutil.copy(SEEDS[0], tmp_path / name)
    before = _children(os.getpid())
    run = parse_many(tmp_path, workers=2, progress=False, _parse=helpers_batch.misbehaving_parse)
    first = next(run)
    assert first.ok and _children(os.getpid()) - before
    run.close()
    assert _children(os.getpid()) - before == set()
    with pytest.raises(StopIteration):
        next(run)


def test_progress_bar_counts_ok_and_failed(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    list(parse_many(archive, workers=0, progress=True))
    err = capsys.readouterr().err
    assert "7/7" in err and "ok=5" in err and "failed=2" in err
    list(parse_many(archive, workers=0, progress=False))
    assert capsys.readouterr().err == ""


def test_bad_arguments() -> None:
    with pytest.raises(ValueError):
        parse_many([], workers=-1)
    with pytest.raises(ValueError):
        parse_many([], timeout=0)
    with pytest.raises(TypeError):
        list(parse_many([SEEDS[0]], workers=1, progress=False, _parse=lambda p: vbhc.parse(p)))
    assert list(parse_many([], progress=False)) == []


def test_exceptions_map_to_stable_codes() -> None:
    assert error_info(ReadError("x.pdf: bad"), "x.pdf").code == ErrorCode.UNREADABLE
    assert error_info(UnsupportedFormatError("bad"), "x.zip").message == "x.zip: bad"
    info = error_info(ValueError("odd"), "y.txt")
    assert (info.code, info.message) == (ErrorCode.INTERNAL, "y.txt: ValueError: odd")
    assert error_info(helpers_batch.EncryptedError("locked"), "z.pdf").code == ErrorCode.ENCRYPTED

    class TooLarge(vbhc.VbhcError):
        code = "too-large"

    class HttpError(Exception):
        code = 404

    assert error_info(TooLarge("big"), "big.pdf").code == ErrorCode.TOO_LARGE
    assert error_info(HttpError("nope"), "h.txt").code == ErrorCode.INTERNAL


# ---------------------------------------------------------------------------------------------- resume


def test_resume_skips_what_an_earlier_jsonl_holds(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    first = list(parse_many(archive, workers=2, progress=False))
    with JsonlWriter(out) as writer:
        for result in first[:3]:
            writer.write(result)
    with open(out, "a", encoding="utf-8") as handle:
        handle.write('{"path": "cut')  # a line cut by an interrupted run
    with parse_many(archive, workers=2, progress=False, resume_from=out) as run:
        rest = list(run)
    assert without_seconds(rest) == without_seconds(first[3:])
    assert (run.resumed, run.resumed_failed) == (3, 1)  # broken.pdf is the third input
    with JsonlWriter(out, append=True) as writer:
        for result in rest:
            writer.write(result)
    assert without_seconds(list(read_results(out))) == without_seconds(first)
    again = parse_many(archive, workers=2, progress=False, resume_from=out)
    assert list(again) == [] and again.resumed == 7


def test_resume_from_a_missing_output_parses_everything(archive: Path, tmp_path: Path) -> None:
    assert len(list(parse_many(archive, workers=0, progress=False, resume_from=tmp_path / "none.jsonl"))) == 7


def test_unreadable_inputs_are_not_recorded_twice(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with JsonlWriter(out) as writer:
        for result in parse_many([tmp_path / "gone.txt"], progress=False):
            writer.write(result)
    index = load_resume_index(out)
    assert index.unread_paths == {str(tmp_path / "gone.txt")} and not index.hashes
    run = parse_many([tmp_path / "gone.txt"], progress=False, resume_from=out)
    assert list(run) == [] and run.resumed_failed == 1


# ---------------------------------------------------------------------------------------------- outputs


def test_jsonl_lines_are_results(archive: Path) -> None:
    results = list(parse_many(archive, workers=0, progress=False))
    buffer = io.StringIO()
    with JsonlWriter(buffer) as writer:
        for result in results:
            writer.write(result)
    lines = buffer.getvalue().splitlines()
    assert [Result.model_validate_json(line) for line in lines] == results


def test_parquet_rows_have_flat_columns_and_the_document(archive: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    results = list(parse_many(archive, workers=0, progress=False))
    out = tmp_path / "out.parquet"
    with open_writer(out) as writer:
        for result in results[:4]:
            writer.write(result)
    with open_writer(out, append=True) as writer:
        for result in results[4:]:
            writer.write(result)
    table = pq.read_table(out)
    assert table.column_names == [*FLAT_COLUMNS, "document"]
    rows = table.to_pylist()
    assert rows == [flat_record(r) for r in results]
    seed = next(row for row in rows if row["path"].endswith("b.txt"))
    doc = vbhc.parse(archive / "b.txt")
    assert (seed["kind"], seed["number"], seed["symbol"], seed["date"], seed["issuer"]) == (
        doc.kind, doc.header.number, doc.header.symbol, doc.header.date, doc.header.issuer)
    assert seed["kind"] and seed["symbol"]
    failed = next(row for row in rows if row["path"].endswith("broken.pdf"))
    assert failed["ok"] is False and failed["error_code"] == "unreadable" and failed["document"] is None
    assert list(read_results(out)) == results
    assert len(load_resume_index(out).hashes) == 7
    assert not list(tmp_path.glob(".*tmp"))


def test_output_format_by_suffix() -> None:
    assert [output_format(p) for p in ("a.jsonl", "b.NDJSON", "c.parquet", "d.pq", "-")] == [
        "jsonl", "jsonl", "parquet", "parquet", "jsonl"]
    with pytest.raises(ValueError):
        output_format("out.csv")
