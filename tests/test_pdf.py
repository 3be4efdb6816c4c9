"""The PDF reader: both backends, widget stamps, broken fonts, scans, damaged files.

The PDFs under fixtures/pdf/ are copies of real signed documents from the shared corpus (public
documents of Vietnamese agencies); the .txt versions of QĐ 1050 and KH 1105 are in fixtures/real/.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

import vbhc
from vbhc.errors import ReadError
from vbhc.models import Document, IssueCode
from vbhc.readers.pdf import _apply_stamp, _unglue_dates, extract_pdf
from vbhc.readers.pdffonts import decipher, is_syllable, plausibility
from vbhc.readers.pdfwidgets import Char, Stamp

FIXTURES = Path(__file__).parent / "fixtures"
PDFS = FIXTURES / "pdf"
HAS_POPPLER = shutil.which("pdftotext") is not None
BACKENDS = [
    pytest.param("pdftotext", marks=pytest.mark.skipif(not HAS_POPPLER, reason="poppler-utils not installed")),
    "pdfplumber",
]
_CACHE: dict[tuple[str, str], Document] = {}


def parse(name: str, backend: str, monkeypatch: pytest.MonkeyPatch) -> Document:
    """Parse a fixture PDF with one backend (each document is read once per backend per session)."""
    key = (name, backend)
    if key not in _CACHE:
        monkeypatch.setenv("VBHC_PDF_BACKEND", backend)
        _CACHE[key] = vbhc.parse(PDFS / name)
    return _CACHE[key]


def codes(doc: Document) -> set[IssueCode]:
    return {i.code for i in doc.issues}


# --- numbers and days stamped at signing -------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("name", "number", "symbol", "date"), [
    ("sct_CV-3686-UBND-XD-kien-nghi-BXD-PCCC-VLNCN.pdf", "3686", "UBND-XD", "2026-05-11"),  # signature widgets
    ("vju_700-QD-DHVN.pdf", "700", "QĐ-ĐHVN", "2021-09-30"),  # digits placed one by one ("7 0 0")
    ("sct_VB-giao-tham-gia-phoi-hop.pdf", "2496", "UBND-KT", "2026-04-06"),  # pdfplumber's annots would recurse
])
def test_stamped_number_and_day(name: str, number: str, symbol: str, date: str, backend: str,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    header = parse(name, backend, monkeypatch).header
    assert (header.number, header.symbol, header.date) == (number, symbol, date)


def test_stamp_over_draft_digit_replaces_it() -> None:
    # sct_QD-1696: the signed "5" is drawn over the draft's "4"; poppler prints both.
    stamp = Stamp(page=0, chars=(Char("5", 426, 728, 433, 741),), covered=(Char("4", 427, 725, 434, 739),),
                  before="thán", after="năm")
    assert _apply_stamp("Lào Cai, ngày 15 tháng 54 năm 2026", stamp) == "Lào Cai, ngày 15 tháng 5 năm 2026"


def test_stamp_fills_a_blank() -> None:
    stamp = Stamp(page=0, chars=tuple(Char(d, 0, 0, 1, 1) for d in "3686"), before="Số:", after="/UBND")
    assert _apply_stamp("   Số:      /UBND-XD     Lào Cai", stamp) == "   Số: 3686 /UBND-XD     Lào Cai"


def test_stamped_day_glued_to_its_word_is_separated() -> None:
    assert _unglue_dates("Hà Nội, ngày01 tháng10năm 2025") == "Hà Nội, ngày 01 tháng 10 năm 2025"
    assert _unglue_dates("Nghị định 30/2020/NĐ-CP") == "Nghị định 30/2020/NĐ-CP"


# --- fonts without a map to Unicode ------------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("stem", ["sct_QD-1050-kiem-tra-VLNCN-2026", "sct_KH-1105-DKT-ke-hoach-kiem-tra"])
def test_broken_fonts_read_like_the_text_version(stem: str, backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = parse(stem + ".pdf", backend, monkeypatch)
    text = vbhc.parse(FIXTURES / "real" / (stem + ".txt"))
    if IssueCode.BROKEN_FONT in codes(doc):
        return  # recovery failed and says so
    assert IssueCode.FONT_RECOVERED in codes(doc)
    for field in ("national_name", "issuer", "number", "symbol", "place", "date"):
        assert getattr(doc.header, field) == getattr(text.header, field), field
    assert doc.signer == text.signer
    assert doc.kind == text.kind


def test_recovered_text_has_no_mojibake(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = (PDFS / "sct_QD-1050-kiem-tra-VLNCN-2026.pdf").read_bytes()
    text = extract_pdf(raw, name="qd1050.pdf", backend="pdftotext" if HAS_POPPLER else "pdfplumber").text
    assert "SỞ CÔNG THƯƠNG" in text and "QUYẾT ĐỊNH" in text and "Điều 1." in text
    assert "6Ӣ" not in text and "\ufffd" not in text
    assert plausibility(text).valid > 0.95


def test_plausibility_tells_vietnamese_from_mojibake() -> None:
    good = plausibility("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; " * 3)
    bad = plausibility("6Ӣ CÔNG 7+ѬѪ1* &ăQ Fͱ /X̵W V͙ 42/2024/QH15 ngày 29/6/2024 Y͉ 4X̫Q lý " * 3)
    assert good.valid > 0.95 and good.marked > 0.5
    assert bad.valid < 0.75
    toneless = plausibility("Can cu Nghi dinh so 69/2017/ND-CP ngay 25 thang 5 nam 2017 cua Chinh phu " * 3)
    assert toneless.valid > 0.9 and toneless.marked < 0.15


def test_syllables() -> None:
    assert all(is_syllable(w) for w in ["Nghiệp", "quốc", "gì", "khuyến", "Đoàn", "ương", "ĐIỀU"])
    assert not any(is_syllable(w) for w in ["Ѭѫ", "ùoàn", "QĐ", "bcd", "Fͱ"])


def test_decipher_names_a_glyph_by_the_syllables_it_completes() -> None:
    mark = "\ue000"
    text = f"{mark}iều 1. Thành lập {mark}oàn kiểm tra. {mark}ộc lập. Q{mark}-SCT"
    known = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZđ")
    out, undecided = decipher(text, {mark: known})
    assert out == "Điều 1. Thành lập Đoàn kiểm tra. Độc lập. QĐ-SCT" and undecided == 0


# --- tables and footnotes ---------------------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_ruled_table_rows_stay_out_of_the_directives(backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = extract_pdf((PDFS / "vju_1010-TB-DHVN.pdf").read_bytes(), name="x.pdf", backend=backend).text
    assert "| 1. | Nhật Bản học | Bậc 3 |" in text
    assert "| 1 | Đại học Thái Nguyên | |" in text  # two columns, padded to three cells
    doc = parse("vju_1010-TB-DHVN.pdf", backend, monkeypatch)
    assert [d.label for d in doc.directives] == ["1.", "2.", "3.", "4."]
    assert doc.directives[1].children[0].text.startswith("Thời gian nộp: từ 9:00 ngày 15/09/2025")


@pytest.mark.parametrize("backend", BACKENDS)
def test_footnote_marks_and_footnotes(backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # sct_CV-3686: "Luật số 42/2024/QH15¹", footnotes in a smaller font at the foot of page 1.
    doc = parse("sct_CV-3686-UBND-XD-kien-nghi-BXD-PCCC-VLNCN.pdf", backend, monkeypatch)
    symbols = {r.symbol for r in doc.references}
    assert {"QH15", "NĐ-CP", "TT-BGTVT"} <= symbols
    assert not symbols & {"QH151", "NĐ-CP2", "TT-BGTVT4"}
    assert len(doc.footnotes) == 4
    assert doc.footnotes[0].startswith("Luật Quản lý, sử dụng vũ khí")


# --- scans, damaged files, backends ------------------------------------------------------------------


def _image_only_pdf() -> bytes:
    """A one-page PDF holding only a picture of a page (what a scanner makes)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument((PDFS / "vju_1010-TB-DHVN.pdf").read_bytes())
    try:
        image = pdf[0].render(scale=0.5).to_pil().convert("RGB")
    finally:
        pdf.close()
    out = io.BytesIO()
    image.save(out, format="PDF", resolution=36.0)
    return out.getvalue()


@pytest.mark.parametrize("backend", BACKENDS)
def test_no_text_layer_is_an_issue_not_an_error(backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VBHC_PDF_BACKEND", backend)
    doc = vbhc.parse(_image_only_pdf(), name="scan.pdf")
    assert IssueCode.NO_TEXT_LAYER in codes(doc)
    assert doc.header.number is None and not doc.directives


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("damage", ["truncated", "garbage"])
def test_damaged_pdf_raises_read_error_naming_the_file(damage: str, backend: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VBHC_PDF_BACKEND", backend)
    raw = (PDFS / "vju_1010-TB-DHVN.pdf").read_bytes()
    raw = raw[: len(raw) // 3] if damage == "truncated" else b"%PDF-1.4\n1 0 obj << /Type /Catalog"
    with pytest.raises(ReadError, match=r"broken\.pdf"):
        vbhc.parse(raw, name="broken.pdf")


def test_fallback_when_poppler_is_absent(monkeypatch: pytest.MonkeyPatch) -> None:
    real_which = shutil.which
    monkeypatch.delenv("VBHC_PDF_BACKEND", raising=False)
    monkeypatch.setattr(shutil, "which", lambda cmd, *a, **k: None if "pdftotext" in str(cmd) else real_which(cmd))
    doc = vbhc.parse(PDFS / "sct_CV-3686-UBND-XD-kien-nghi-BXD-PCCC-VLNCN.pdf")
    assert (doc.header.number, doc.header.date) == ("3686", "2026-05-11")
    assert doc.header.issuer is not None and doc.signer.name == "Phan Trung Bá"


def test_forcing_pdftotext_without_poppler_is_a_read_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda cmd, *a, **k: None)
    with pytest.raises(ReadError, match="pdftotext"):
        extract_pdf((PDFS / "vju_1010-TB-DHVN.pdf").read_bytes(), name="x.pdf", backend="pdftotext")


@pytest.mark.parametrize("backend", BACKENDS)
def test_pages_are_joined_with_a_form_feed(backend: str) -> None:
    # the normalizer splits the columns of each page on its own, so the page break is kept as "\f"
    text = extract_pdf((PDFS / "vju_700-QD-DHVN.pdf").read_bytes(), name="x.pdf", backend=backend).text
    assert "Nguyễn Hoàng Oanh\n\f\n" in text  # end of page 1, then page 2


# --- every fixture ----------------------------------------------------------------------------------

GOLD = sorted(PDFS.glob("*.expected.json"))


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("path", sorted(PDFS.glob("*.pdf")), ids=lambda p: p.name)
def test_every_fixture_pdf_parses(path: Path, backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = parse(path.name, backend, monkeypatch)
    assert doc.header.national_name is not None
    assert IssueCode.BROKEN_FONT not in codes(doc) and IssueCode.NO_TEXT_LAYER not in codes(doc)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("gold", GOLD, ids=lambda p: p.name.removesuffix(".expected.json"))
def test_header_matches_the_gold(gold: Path, backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    want = json.loads(gold.read_text(encoding="utf-8"))["header"]
    got = parse(gold.name.replace(".expected.json", ".pdf"), backend, monkeypatch).header
    for field in ("national_name", "motto", "parent_agency", "issuer", "number", "symbol", "place", "date"):
        if field in want:
            assert getattr(got, field) == want[field], field
