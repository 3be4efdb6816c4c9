"""Limits (vbhc.Limits): an input over a limit is refused with TooLargeError before the costly step."""

from __future__ import annotations

import io
import random
import struct
import time
import zipfile
from pathlib import Path

import pytest

from vbhc.batch import parse_many
from vbhc.errors import ReadError, TooLargeError
from vbhc.limits import Limits
from vbhc.pipeline import parse
from vbhc.readers import read
from vbhc.results import ErrorCode

FIXTURES = Path(__file__).parent / "fixtures"
DOCX = FIXTURES / "docx" / "000_b9edc395e283ea20.docx"
PDF = FIXTURES / "pdf" / "vju_700-QD-DHVN.pdf"  # 11 pages
TEXT = "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n\nSố: 628/UBND-VX\n\nV/v thử giới hạn\n"


def _docx_with(extra: dict[str, bytes], *, level: int = 9) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(DOCX) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
        for name, data in extra.items():
            dst.writestr(name, data)
    return out.getvalue()


def _declare_size(raw: bytes, member: str, size: int) -> bytes:
    """`raw` with the uncompressed size `member` declares (local and central headers) set to `size`."""
    data = bytearray(raw)
    name = member.encode()
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        name_at = {b"PK\x03\x04": 30, b"PK\x01\x02": 46}[signature]
        start = 0
        while (at := data.find(signature, start)) != -1:
            if data[at + name_at:at + name_at + len(name)] == name:
                data[at + offset:at + offset + 4] = struct.pack("<I", size)
            start = at + 4
    return bytes(data)


def test_defaults_and_validation() -> None:
    limits = Limits()
    assert limits.max_bytes == 100 * 2**20
    assert limits.max_pdf_pages == 500
    assert limits.max_docx_inflated == 200 * 2**20
    assert limits.max_text_lines == 200_000
    assert limits.max_line_length == 100_000
    with pytest.raises(ValueError, match="max_bytes"):
        Limits(max_bytes=0)
    with pytest.raises(ValueError, match="max_pdf_pages"):
        Limits(max_pdf_pages=-1)
    assert TooLargeError.code == "too-large" and issubclass(TooLargeError, ReadError)


def test_the_fixture_docx_passes_the_checks() -> None:
    assert read(DOCX).format == "docx"


def test_a_member_declaring_4_gb_is_refused_before_inflating() -> None:
    raw = _declare_size(_docx_with({"word/media/big.bin": b"\0" * 1000}), "word/media/big.bin", 0xFFFF0000)
    started = time.perf_counter()
    with pytest.raises(TooLargeError, match=r"max_docx_inflated"):
        read(raw, name="bomb.docx")
    assert time.perf_counter() - started < 1.0


def test_a_high_ratio_member_is_refused_before_inflating() -> None:
    raw = _docx_with({"word/media/zeros.bin": b"\0" * (20 * 2**20)})  # 20 MB of zeros: about 1000x
    assert len(raw) < 2**20
    started = time.perf_counter()
    with pytest.raises(TooLargeError, match=r"zeros\.bin.*max_docx_ratio"):
        parse(raw, name="bomb.docx")
    assert time.perf_counter() - started < 1.0


def test_the_inflated_total_is_limited() -> None:
    raw = _docx_with({"word/media/noise.bin": random.Random(0).randbytes(3 * 2**20)})
    read(raw, name="ok.docx")
    with pytest.raises(TooLargeError, match="max_docx_inflated"):
        read(raw, name="big.docx", limits=Limits(max_docx_inflated=2 * 2**20))


def test_a_member_lying_about_its_size_is_caught_while_inflating() -> None:
    raw = _docx_with({"word/media/noise.bin": random.Random(0).randbytes(3 * 2**20)})
    lying = _declare_size(raw, "word/media/noise.bin", 10)  # declares 10 bytes, inflates to 3 MB
    with pytest.raises(ReadError):
        read(lying, name="liar.docx", limits=Limits(max_docx_inflated=2 * 2**20))


@pytest.mark.parametrize("kind", ["bytes", "path", "stream"])
def test_bytes_limit(tmp_path: Path, kind: str) -> None:
    raw = TEXT.encode() * 10
    path = tmp_path / "cv.txt"
    path.write_bytes(raw)
    source = {"bytes": raw, "path": path, "stream": io.BytesIO(raw)}[kind]
    with pytest.raises(TooLargeError, match=r"max_bytes"):
        parse(source, limits=Limits(max_bytes=100))  # type: ignore[arg-type]
    assert parse(raw, limits=Limits(max_bytes=len(raw))).header.number == "628"


def test_pdf_pages_limit() -> None:
    started = time.perf_counter()
    with pytest.raises(TooLargeError, match=r"11 pages.*max_pdf_pages"):
        parse(PDF, limits=Limits(max_pdf_pages=1))
    assert time.perf_counter() - started < 2.0
    assert read(PDF, limits=Limits(max_pdf_pages=11)).format == "pdf"


def test_text_lines_limit() -> None:
    raw = (TEXT + "dòng\n" * 100).encode()
    with pytest.raises(TooLargeError, match="max_text_lines"):
        read(raw, limits=Limits(max_text_lines=50))
    assert read(raw, limits=Limits(max_text_lines=200)).format == "text"


def test_line_length_limit_refuses_rather_than_cuts() -> None:
    raw = (TEXT + "x" * 5000 + "\n").encode()
    with pytest.raises(TooLargeError, match=r"5000 characters.*max_line_length"):
        read(raw, limits=Limits(max_line_length=1000))
    assert read(raw, limits=Limits(max_line_length=5000)).format == "text"


def test_docx_text_is_held_to_the_text_limits() -> None:
    with pytest.raises(TooLargeError, match="max_text_lines"):
        read(DOCX, limits=Limits(max_text_lines=3))


def test_batch_records_too_large_and_passes_limits_to_workers(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT * 10, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    for workers in (0, 1):
        with parse_many([tmp_path], workers=workers, progress=False, limits=Limits(max_bytes=500)) as run:
            results = {Path(r.path).name: r for r in run}
        assert results["a.txt"].error is not None and results["a.txt"].error.code == ErrorCode.TOO_LARGE
        assert "max_bytes" in results["a.txt"].error.message
        assert results["b.txt"].ok
