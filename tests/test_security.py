"""Security: no input makes vbhc read another file, expand entities, or run unbounded; password-protected
inputs are EncryptedError."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from vbhc.batch import parse_many
from vbhc.errors import EncryptedError, ReadError
from vbhc.pipeline import parse
from vbhc.readers import doc as doc_reader
from vbhc.readers import pdf as pdf_reader
from vbhc.readers import read
from vbhc.results import ErrorCode

FIXTURES = Path(__file__).parent / "fixtures"
DOCX = FIXTURES / "docx" / "000_b9edc395e283ea20.docx"
ENCRYPTED_PDF = FIXTURES / "hardening" / "encrypted-password-x.pdf"  # LibreOffice export, open password "x"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _docx_with_document(xml: bytes, member: str = "word/document.xml") -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(DOCX) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, xml if info.filename == member else src.read(info))
    return out.getvalue()


def _document(doctype: str, body_text: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{doctype}\n'
            f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>{body_text}</w:t></w:r></w:p>'
            "</w:body></w:document>").encode()


def test_xxe_is_refused_and_the_file_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("BI-MAT-7f3a9c", encoding="utf-8")
    raw = _docx_with_document(_document(f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "{secret.as_uri()}">]>',
                                        "Số: &x;/UBND"))
    with pytest.raises(ReadError, match="refused: XML with a DOCTYPE/entity declaration") as caught:
        parse(raw, name="xxe.docx")
    assert "BI-MAT" not in str(caught.value)
    path = tmp_path / "xxe.docx"
    path.write_bytes(raw)
    with parse_many([path], workers=0, progress=False) as run:
        (result,) = list(run)
    assert not result.ok and result.error is not None and result.error.code == ErrorCode.UNREADABLE
    assert "BI-MAT" not in result.model_dump_json()


def test_billion_laughs_is_refused_fast() -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    raw = _docx_with_document(_document(f"<!DOCTYPE lolz [{entities}]>", "&lol9;"))
    started = time.perf_counter()
    with pytest.raises(ReadError, match="DOCTYPE/entity"):
        read(raw, name="laughs.docx")
    assert time.perf_counter() - started < 1.0


def test_a_doctype_in_another_part_or_in_utf16_is_refused() -> None:
    styles = _document("<!DOCTYPE x>", "x").replace(b"w:document", b"w:styles")
    with pytest.raises(ReadError, match=r"DOCTYPE/entity.*styles\.xml"):
        read(_docx_with_document(styles, "word/styles.xml"), name="s.docx")
    wide = _document('<!DOCTYPE w:document [<!ENTITY x "y">]>', "&x;").decode().replace("UTF-8", "UTF-16")
    with pytest.raises(ReadError, match="DOCTYPE/entity"):
        read(_docx_with_document(b"\xff\xfe" + wide.encode("utf-16-le")), name="w.docx")


def test_python_docx_does_not_load_external_entities_either(tmp_path: Path) -> None:
    """The second lock, behind the DOCTYPE check: python-docx's parser does not load external entities."""
    from docx.oxml.parser import parse_xml

    secret = tmp_path / "secret.txt"
    secret.write_text("BI-MAT-7f3a9c", encoding="utf-8")
    root = parse_xml(f'<!DOCTYPE r [<!ENTITY x SYSTEM "{secret.as_uri()}">]><r>a&x;b</r>'.encode())
    assert "BI-MAT" not in root.xpath("string()")


def test_encrypted_pdf() -> None:
    assert EncryptedError.code == "encrypted" and issubclass(EncryptedError, ReadError)
    with pytest.raises(EncryptedError, match="password"):
        parse(ENCRYPTED_PDF)
    for backend in pdf_reader.BACKENDS:  # the backends say so too, without the pdfium check
        if backend == "pdftotext" and pdf_reader._pdftotext() is None:
            continue
        with pytest.raises(EncryptedError):
            pdf_reader._read(ENCRYPTED_PDF.read_bytes(), "x.pdf", backend)


def _ole_with(payload: bytes) -> bytes:
    return OLE + b"\0" * 504 + payload + b"\0" * 1024


def test_encrypted_docx_ole_package() -> None:
    raw = _ole_with("EncryptedPackage".encode("utf-16-le") + b"\0" * 50 + "EncryptionInfo".encode("utf-16-le"))
    with pytest.raises(EncryptedError, match="encrypted"):
        read(raw, name="secret.docx")


def test_encrypted_word97_doc() -> None:
    fib = bytearray(512)
    fib[0:2] = b"\xec\xa5"
    fib[10:12] = (0x0100).to_bytes(2, "little")  # fEncrypted
    raw = bytearray(_ole_with(bytes(fib)))
    raw[30:32] = (9).to_bytes(2, "little")  # 512-byte sectors
    with pytest.raises(EncryptedError):
        read(bytes(raw), name="secret.doc")


def test_batch_maps_encrypted(tmp_path: Path) -> None:
    (tmp_path / "locked.pdf").write_bytes(ENCRYPTED_PDF.read_bytes())
    with parse_many([tmp_path], workers=0, progress=False) as run:
        (result,) = list(run)
    assert result.error is not None and result.error.code == ErrorCode.ENCRYPTED


def test_pdftotext_runs_under_a_timeout() -> None:
    assert 0 < pdf_reader._TIMEOUT <= 300


def test_doc_conversion_is_sandboxed() -> None:
    """A throwaway profile with macros disabled, a timeout, and its directory removed (tests/test_doc.py
    covers the timeout and the clean-up on failure with a fake soffice)."""
    assert "DisableMacrosExecution" in doc_reader._PROFILE and "<value>true</value>" in doc_reader._PROFILE
    assert "MacroSecurityLevel" in doc_reader._PROFILE
    assert 0 < doc_reader.CONVERT_TIMEOUT <= 300
