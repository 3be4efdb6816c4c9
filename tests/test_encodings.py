"""Encodings of text input: Unicode by BOM or bytes, legacy Vietnamese encodings converted with an issue,
undecodable bytes reported."""

from __future__ import annotations

import codecs
import random
import unicodedata

import pytest

from vbhc import data
from vbhc.errors import ReadError
from vbhc.models import IssueCode
from vbhc.pipeline import parse
from vbhc.readers import read
from vbhc.readers.text import decode_text

TEXT = "Ủy ban nhân dân tỉnh Lâm Đồng\nCộng hòa xã hội chủ nghĩa Việt Nam\nSố: 12/UBND-VX\n"
HEADER = ("ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n\nSố: 628/UBND-VX\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          "Độc lập - Tự do - Hạnh phúc\n\nLai Châu, ngày 15 tháng 3 năm 2024\n")
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Word wrote it: precomposed â ê ô ơ ư ă đ, tones as combining marks."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out += base.encode("cp1258") + "".join(c for c in parts if c in _TONES).encode("cp1258")
    return out


def _codes(raw: bytes) -> set[str]:
    return {i.code.value for i in decode_text(raw).issues}


@pytest.mark.parametrize(("latin", "expected"), [
    ("Uû ban nh©n d©n", "Uỷ ban nhân dân"),
    ("Ban ChÊp hµnh Trung \xad¬ng", "Ban Chấp hành Trung ương"),
    ("Sè 11-HD/VPTW", "Số 11-HD/VPTW"),
    ("§¶ng Céng s¶n ViÖt Nam", "Đảng Cộng sản Việt Nam"),
    ("Uû ban nh©n d©n tØnh Lai Ch©u\nBan ChÊp hµnh Trung \xad¬ng\nSè 11-HD/VPTW",
     "Uỷ ban nhân dân tỉnh Lai Châu\nBan Chấp hành Trung ương\nSố 11-HD/VPTW"),
])
def test_tcvn3(latin: str, expected: str) -> None:
    got = decode_text(latin.encode("latin-1"), name="cu.txt")
    assert got.text == expected
    (issue,) = got.issues
    assert issue.code == IssueCode.LEGACY_ENCODING and "TCVN3" in issue.message and "cu.txt" in issue.message


@pytest.mark.parametrize(("latin", "expected"), [
    ("Uûy ban nhaân daân", "Ủy ban nhân dân"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
])
def test_vni(latin: str, expected: str) -> None:
    got = decode_text(latin.encode("latin-1"))
    assert got.text == expected
    assert [i.code for i in got.issues] == [IssueCode.LEGACY_ENCODING] and "VNI" in got.issues[0].message


def test_cp1258() -> None:
    got = decode_text(_cp1258(TEXT))
    assert got.text == TEXT
    assert _codes(_cp1258(TEXT)) == {"legacy-encoding"} and "cp1258" in got.issues[0].message


def test_tcvn3_saved_as_unicode_characters() -> None:
    """A TCVN3 text copied from a web page: the Latin-1 look-alikes stored as UTF-8."""
    got = decode_text("Uû ban nh©n d©n tØnh Lai Ch©u".encode())
    assert got.text == "Uỷ ban nhân dân tỉnh Lai Châu"
    assert got.issues[0].code == IssueCode.LEGACY_ENCODING


def test_utf8_mojibake_is_repaired() -> None:
    got = decode_text("CÃ²n hiá»‡u lá»±c cá»§a vÄƒn báº£n".encode())
    assert got.text == "Còn hiệu lực của văn bản"
    assert got.issues[0].code == IssueCode.LEGACY_ENCODING


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_unicode_with_and_without_bom(encoding: str) -> None:
    got = decode_text(TEXT.encode(encoding))
    assert got.text == TEXT
    assert got.issues == ()


def test_utf16_without_bom_parses_as_a_document() -> None:
    for encoding in ("utf-16-le", "utf-16-be"):
        raw = HEADER.encode(encoding)
        assert not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        assert parse(raw).header.number == "628"


def test_legacy_text_parses_as_a_document_with_the_issue() -> None:
    doc = parse(_cp1258(HEADER))
    assert doc.header.number == "628" and doc.header.symbol == "UBND-VX"
    assert "legacy-encoding" in {i.code.value for i in doc.issues}


def test_plain_utf8_stays_untouched() -> None:
    assert read(HEADER.encode()).issues == ()
    assert read("Hello, world: café and naïve résumé.".encode()).issues == ()


def test_a_few_undecodable_bytes_are_replaced_and_reported() -> None:
    raw = TEXT.encode() * 100 + b"\xff" + TEXT.encode() * 100
    got = decode_text(raw, name="cv.txt")
    assert got.text.count("\ufffd") == 1
    (issue,) = got.issues
    assert issue.code == IssueCode.UNDECODABLE_BYTES
    assert f"offsets {len(TEXT.encode()) * 100})" in issue.message and "cv.txt" in issue.message


def test_many_undecodable_bytes_are_a_read_error() -> None:
    with pytest.raises(ReadError, match=r"byte 16.*undecodable bytes"):
        decode_text("Số: 12/UBND-VX".encode() + b"\xff\xfe\xfa", name="cv.txt")
    with pytest.raises(ReadError, match="does not read as Vietnamese"):
        decode_text(random.Random(1).randbytes(4000))


def test_bad_bytes_after_a_bom_are_reported() -> None:
    raw = codecs.BOM_UTF8 + TEXT.encode() * 200 + b"\xc3"
    got = decode_text(raw)
    assert [i.code for i in got.issues] == [IssueCode.UNDECODABLE_BYTES]


def test_the_tables_are_consistent() -> None:
    tcvn3, vni = data.legacy_encodings()
    assert tcvn3.name == "TCVN3" and vni.name == "VNI"
    # every Vietnamese lowercase letter with a tone has exactly one TCVN3 byte
    letters = list(tcvn3.letters.values())
    assert len(letters) == len(set(letters))
    for ch in "àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵăâêôơưđ":
        assert ch in letters, ch
    assert all(0x80 <= b <= 0xFF for b in (*tcvn3.letters, *vni.letters, *vni.marks))
