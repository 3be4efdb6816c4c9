"""The public surface: entry points, errors for unreadable input and misuse, the CLI, the JSON Schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import vbhc
from vbhc.cli import main

SEED = Path(__file__).parent / "fixtures" / "seeds" / "000_b9edc395e283ea20.txt"


def test_all_is_exactly_the_public_api() -> None:
    assert sorted(vbhc.__all__) == sorted([
        "DigitalSignature", "Directive", "Document", "EncryptedError", "ErrorCode", "ErrorInfo", "Header",
        "IncomingStamp", "Issue", "IssueCode", "LegalBasis", "Limits", "ReadError", "Recipient", "Reference",
        "Result", "Signer", "TooLargeError", "UnsupportedFormatError", "VbhcError", "parse", "parse_many",
        "parse_text", "to_tables",
    ])
    assert all(getattr(vbhc, name) is not None for name in vbhc.__all__)


def test_parse_and_parse_text_agree() -> None:
    assert vbhc.parse(SEED) == vbhc.parse_text(SEED.read_text(encoding="utf-8"))
    assert vbhc.parse(str(SEED)) == vbhc.parse(SEED)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_parse_reads_bom_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "cv.txt"
    path.write_text(SEED.read_text(encoding="utf-8"), encoding=encoding)
    assert vbhc.parse(path) == vbhc.parse(SEED)


def test_document_is_frozen_and_round_trips_through_json() -> None:
    doc = vbhc.parse(SEED)
    with pytest.raises(Exception, match="frozen"):
        doc.kind = "quyet_dinh"  # type: ignore[misc]
    assert vbhc.Document.model_validate_json(doc.model_dump_json()) == doc
    assert doc.schema_version == 1


def test_missing_file_is_a_read_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "khong-co.txt"
    with pytest.raises(vbhc.ReadError, match=r"khong-co\.txt"):
        vbhc.parse(missing)


def test_undecodable_bytes_are_a_read_error(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_bytes("Số: 12/UBND-VX".encode() + b"\xff\xfe\xfa")
    with pytest.raises(vbhc.ReadError, match="byte 16"):
        vbhc.parse(path)


def test_a_zip_that_is_not_a_word_document_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "cv.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 40 + b"xl/workbook.xml")
    with pytest.raises(vbhc.UnsupportedFormatError, match=r"cv\.xlsx.*not a Word document"):
        vbhc.parse(path)
    assert issubclass(vbhc.UnsupportedFormatError, vbhc.VbhcError)


def test_bytes_and_file_objects_parse_like_paths() -> None:
    assert vbhc.parse(SEED.read_bytes()) == vbhc.parse(SEED)
    with SEED.open("rb") as stream:
        assert vbhc.parse(stream) == vbhc.parse(SEED)


def test_format_is_told_by_content_not_suffix(tmp_path: Path) -> None:
    renamed = tmp_path / "cong-van.pdf"  # a text file with the wrong suffix is still read as text
    renamed.write_bytes(SEED.read_bytes())
    assert vbhc.parse(renamed) == vbhc.parse(SEED)


def test_a_directory_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(vbhc.ReadError, match="directory"):
        vbhc.parse(tmp_path)


def test_misuse_raises_type_error() -> None:
    with pytest.raises(TypeError):
        vbhc.parse_text(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        vbhc.parse(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="binary"), SEED.open(encoding="utf-8") as text_stream:
        vbhc.parse(text_stream)  # type: ignore[arg-type]


def test_what_a_document_lacks_is_a_coded_issue() -> None:
    doc = vbhc.parse(SEED)  # a draft: blank number, day left blank
    codes = {issue.code for issue in doc.issues}
    assert vbhc.IssueCode.MISSING_NUMBER in codes
    assert vbhc.IssueCode.PARTIAL_DATE in codes
    assert doc.header.number is None and doc.header.number_text == "Số: /UBND-VX"


def test_empty_text_is_an_empty_document_not_an_error() -> None:
    doc = vbhc.parse_text("   \n\n")
    assert [i.code for i in doc.issues] == [vbhc.IssueCode.EMPTY_DOCUMENT]


def test_cli_parse_prints_the_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["header"]["symbol"] == "UBND-VX" and out["kind"] == "cong_van"


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED), str(tmp_path / "missing.txt"), "--compact"]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 1 and "missing.txt" in captured.err
    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code == 2


def test_cli_schema_is_the_documents(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "document"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema == vbhc.Document.model_json_schema()
    assert "Trích yếu" in json.dumps(schema, ensure_ascii=False)


def test_console_script_runs_as_module() -> None:
    result = subprocess.run([sys.executable, "-m", "vbhc", "parse", str(SEED), "--compact"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["signer"]["name"] == "Tổng Thanh Hải"


def test_import_stays_light() -> None:
    code = "import sys, vbhc; print(sorted(m for m in ('docx', 'pdfplumber', 'underthesea') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
