"""The .docx reader: document order, layout and data tables, Word numbering, text boxes, broken files.

Small documents are built here with python-docx (raw XML where python-docx has no API: numbering
definitions, merged cells, text boxes, content controls, tracked changes); the real drafts and the seed
documents come from fixtures/real and fixtures/docx (made by scripts/make_fixtures.py).
"""

from __future__ import annotations

import importlib.util
import io
import json
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

import vbhc
from vbhc.readers import read
from vbhc.readers.docx import extract_docx
from vbhc.readers.wordnum import format_number

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
EXTRA_NS = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _build(fill: Callable[[Any], None]) -> bytes:
    document = docx.Document()
    fill(document)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _text(raw: bytes) -> str:
    got = extract_docx(raw, name="t.docx")
    assert got.format == "docx"
    return got.text


def _lines(raw: bytes) -> list[str]:
    return [ln for ln in _text(raw).split("\n") if ln]


def _numbering(document: Any, abstract: str, num_id: int, abstract_id: int, override: str = "") -> None:
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    element = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{abstract}</w:abstractNum>')
    first_num.addprevious(element)
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'))


def _lvl(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def _numbered(document: Any, text: str, num_id: int, ilvl: int = 0) -> None:
    p = document.add_paragraph(text)
    p._p.get_or_add_pPr().insert(0, parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _no_borders(table: Any) -> None:
    sides = "".join(f'<w:{s} w:val="nil"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    table._tbl.tblPr.append(parse_xml(f'<w:tblBorders {nsdecls("w")}>{sides}</w:tblBorders>'))


def _fill_cell(cell: Any, *lines: str) -> None:
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


# -- Word automatic numbering ------------------------------------------------------------------------


def test_numbering_labels_are_rebuilt_from_numpr() -> None:
    def fill(d: Any) -> None:
        levels = (_lvl(0, "decimal", "%1.") + _lvl(1, "lowerLetter", "%2)") + _lvl(2, "bullet", "-")
                  + _lvl(3, "decimal", "%1.%4."))
        _numbering(d, levels, 50, 50)
        _numbered(d, "Mục một", 50, 0)
        _numbered(d, "điểm một", 50, 1)
        _numbered(d, "điểm hai", 50, 1)
        _numbered(d, "gạch đầu dòng", 50, 2)
        _numbered(d, "Mục hai", 50, 0)
        _numbered(d, "điểm lại từ đầu", 50, 1)
        _numbered(d, "khoản con", 50, 3)
        d.add_paragraph("Đoạn không đánh số")

    assert _lines(_build(fill)) == [
        "1. Mục một", "a) điểm một", "b) điểm hai", "- gạch đầu dòng", "2. Mục hai", "a) điểm lại từ đầu",
        "2.1. khoản con", "Đoạn không đánh số",
    ]


def test_numbering_roman_start_values_second_bullet_level_and_restart() -> None:
    def fill(d: Any) -> None:
        _numbering(d, _lvl(0, "upperRoman", "%1.") + _lvl(1, "decimal", "%2.", start=3), 51, 51)
        _numbering(d, _lvl(0, "bullet", "\u2013") + _lvl(1, "bullet", "o"), 52, 52)
        _numbering(d, _lvl(0, "decimal", "Điều %1."), 53, 53)
        # a second instance of abstract 53 restarting at 1, and one that continues it
        d.part.numbering_part.element.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="54"><w:abstractNumId w:val="53"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
        _numbered(d, "PHẦN MỘT", 51, 0)
        _numbered(d, "bắt đầu từ ba", 51, 1)
        _numbered(d, "PHẦN HAI", 51, 0)
        _numbered(d, "ý lớn", 52, 0)
        _numbered(d, "ý nhỏ", 52, 1)
        _numbered(d, "Phạm vi", 53, 0)
        _numbered(d, "Đối tượng", 53, 0)
        _numbered(d, "Phạm vi của phụ lục", 54, 0)
        p = d.add_paragraph("numId 0: không đánh số")
        p._p.get_or_add_pPr().insert(0, parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'))

    assert _lines(_build(fill)) == [
        "I. PHẦN MỘT", "3. bắt đầu từ ba", "II. PHẦN HAI", "- ý lớn", "+ ý nhỏ", "Điều 1. Phạm vi",
        "Điều 2. Đối tượng", "Điều 1. Phạm vi của phụ lục", "numId 0: không đánh số",
    ]


def test_numbering_from_the_paragraph_style() -> None:
    def fill(d: Any) -> None:
        d.add_paragraph("thứ nhất", style="List Number")
        d.add_paragraph("thứ hai", style="List Number")
        d.add_paragraph("gạch", style="List Bullet")

    assert _lines(_build(fill)) == ["1. thứ nhất", "2. thứ hai", "- gạch"]


@pytest.mark.parametrize(("n", "fmt", "want"), [
    (1, "decimal", "1"), (4, "lowerLetter", "d"), (27, "lowerLetter", "aa"), (2, "upperLetter", "B"),
    (4, "upperRoman", "IV"), (14, "lowerRoman", "xiv"), (5, "decimalZero", "05"),
])
def test_number_formats(n: int, fmt: str, want: str) -> None:
    assert format_number(n, fmt) == want


# -- tables ------------------------------------------------------------------------------------------


def _header_and_foot(d: Any) -> None:
    head = d.add_table(rows=1, cols=2)
    _fill_cell(head.cell(0, 0), "ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "Số: /UBND-KT")
    _fill_cell(head.cell(0, 1), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
               "Lào Cai, ngày tháng 4 năm 2026")
    d.add_paragraph("Nội dung.")
    foot = d.add_table(rows=1, cols=2)
    foot.style = d.styles["Table Grid"]
    _no_borders(foot)
    _fill_cell(foot.cell(0, 0), "Nơi nhận:", "- Như trên;", "- Lưu: VT.")
    _fill_cell(foot.cell(0, 1), "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Nguyễn Văn A")


def test_layout_tables_read_left_cell_then_right_cell() -> None:
    assert _text(_build(_header_and_foot)) == (
        "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: /UBND-KT\n|\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLào Cai, ngày tháng 4 năm 2026\n|"
        "\n\nNội dung.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n|\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A\n|"
    )


def test_header_table_rows_in_reading_order_and_one_line_rows_joined() -> None:
    def fill(d: Any) -> None:
        t = d.add_table(rows=4, cols=2)  # one line per row, as in sct_CV-phuc-dap
        for r, (left, right) in enumerate([("UBND TỈNH LÀO CAI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                                           ("SỞ CÔNG THƯƠNG", "Độc lập - Tự do - Hạnh phúc"),
                                           ("Số: /SCT-CN", "Lào Cai, ngày tháng 3 năm 2026"),
                                           ("V/v phúc đáp hồ sơ", "")]):
            t.cell(r, 0).text, t.cell(r, 1).text = left, right

    assert _lines(_build(fill)) == [
        "UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", "|", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "|", "Số: /SCT-CN", "|", "Lào Cai, ngày tháng 3 năm 2026", "|",
        "V/v phúc đáp hồ sơ", "|",
    ]


def test_signature_blocks_side_by_side_read_column_by_column() -> None:
    def fill(d: Any) -> None:
        t = d.add_table(rows=2, cols=3)  # a spacer column in the middle, as in the sct biên bản
        t.cell(0, 0).text, t.cell(0, 2).text = "ĐẠI DIỆN CHI NHÁNH", "TRƯỞNG ĐOÀN"
        t.cell(1, 0).text, t.cell(1, 2).text = "Bùi Thanh Phương", "Trần Trọng Trang"

    assert _lines(_build(fill)) == ["ĐẠI DIỆN CHI NHÁNH", "Bùi Thanh Phương", "|", "TRƯỞNG ĐOÀN",
                                    "Trần Trọng Trang", "|"]


def test_data_table_rows_one_line_each_padded_to_three_cells() -> None:
    def fill(d: Any) -> None:
        t = d.add_table(rows=3, cols=2)
        t.style = d.styles["Table Grid"]
        for r, (a, b) in enumerate([("STT", "Tài liệu"), ("1.", "Giấy đề nghị"), ("2.", "Bản sao | danh sách")]):
            t.cell(r, 0).text, t.cell(r, 1).text = a, b
        t.cell(2, 1).add_paragraph("(kèm theo)")

    assert _lines(_build(fill)) == [
        "| STT | Tài liệu |  |", "| 1. | Giấy đề nghị |  |", "| 2. | Bản sao danh sách (kèm theo) |  |",
    ]


def test_automatic_numbers_of_an_stt_column_are_kept() -> None:
    def fill(d: Any) -> None:
        _numbering(d, _lvl(0, "decimal", "%1."), 60, 60)
        t = d.add_table(rows=3, cols=3)
        t.style = d.styles["Table Grid"]
        t.cell(0, 0).text, t.cell(0, 1).text, t.cell(0, 2).text = "TT", "Nhiệm vụ", "Ghi chú"
        for r, task in ((1, "Rà soát hồ sơ"), (2, "Tổ chức kiểm tra")):
            t.cell(r, 0).paragraphs[0]._p.get_or_add_pPr().insert(0, parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="60"/></w:numPr>'))
            t.cell(r, 1).text = task
        _numbered(d, "", 60)  # an empty numbered paragraph in the body: not shown

    assert _lines(_build(fill)) == ["| TT | Nhiệm vụ | Ghi chú |", "| 1. | Rà soát hồ sơ |  |",
                                    "| 2. | Tổ chức kiểm tra |  |"]


def test_merged_cells_are_read_once() -> None:
    def fill(d: Any) -> None:
        t = d.add_table(rows=3, cols=3)
        t.style = d.styles["Table Grid"]
        t.cell(0, 0).merge(t.cell(0, 1)).text = "Tên và mô tả"  # horizontal: gridSpan
        t.cell(0, 2).text = "Mã"
        t.cell(1, 2).merge(t.cell(2, 2)).text = "chung"  # vertical: vMerge
        t.cell(1, 0).text, t.cell(1, 1).text = "1", "Amoniac"
        t.cell(2, 0).text, t.cell(2, 1).text = "2", "Clo"

    assert _lines(_build(fill)) == ["| Tên và mô tả | Mã |  |", "| 1 | Amoniac | chung |", "| 2 | Clo |  |"]


def test_merged_header_cells_in_a_layout_table_read_once() -> None:
    def fill(d: Any) -> None:
        t = d.add_table(rows=2, cols=2)
        t.cell(0, 0).merge(t.cell(1, 0)).text = "SỞ CÔNG THƯƠNG"
        t.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        t.cell(1, 1).text = "Lào Cai, ngày 5 tháng 4 năm 2026"

    text = _text(_build(fill))
    assert text.count("SỞ CÔNG THƯƠNG") == 1
    assert text.index("SỞ CÔNG THƯƠNG") < text.index("CỘNG HÒA") < text.index("Lào Cai")


def test_single_column_table_is_a_frame_around_paragraphs() -> None:
    def fill(d: Any) -> None:
        t = d.add_table(rows=1, cols=1)
        t.style = d.styles["Table Grid"]
        _fill_cell(t.cell(0, 0), "Đoạn thứ nhất.", "Đoạn thứ hai.")

    assert _text(_build(fill)) == "Đoạn thứ nhất.\n\nĐoạn thứ hai."


def test_nested_table_inside_a_layout_cell() -> None:
    def fill(d: Any) -> None:
        t = d.add_table(rows=1, cols=2)
        t.cell(0, 0).text = "Nơi nhận:"
        inner = t.cell(0, 0).add_table(rows=1, cols=3)
        inner.style = d.styles["Table Grid"]
        for i, v in enumerate(("a", "b", "c")):
            inner.cell(0, i).text = v
        t.cell(0, 1).text = "GIÁM ĐỐC"

    lines = _lines(_build(fill))
    assert lines[0] == "Nơi nhận:"
    assert "| a | b | c |" in lines
    assert lines[-2:] == ["GIÁM ĐỐC", "|"]


# -- paragraphs, text boxes, content controls, headers and footers ----------------------------------------


def test_document_order_paragraphs_and_tables_interleaved() -> None:
    def fill(d: Any) -> None:
        d.add_paragraph("Trước bảng")
        t = d.add_table(rows=1, cols=3)
        t.style = d.styles["Table Grid"]
        for i, v in enumerate(("x", "y", "z")):
            t.cell(0, i).text = v
        d.add_paragraph("Sau bảng")

    assert _text(_build(fill)) == "Trước bảng\n\n| x | y | z |\n\nSau bảng"


def test_breaks_tabs_spaces_and_empty_paragraphs() -> None:
    def fill(d: Any) -> None:
        p = d.add_paragraph("Số:          /SCT-CN")
        p.add_run().add_break()
        p.add_run("V/v\tthông báo")
        d.add_paragraph("")
        d.add_paragraph("   ")
        d.add_paragraph("TM. ỦY BAN NHÂN DÂN" + " " * 60 + "KT. CHỦ TỊCH")

    assert _text(_build(fill)) == "Số: /SCT-CN\nV/v thông báo\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"


def _text_box(text: str) -> str:
    box = f'<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>'
    return (f'<w:r {nsdecls("w")} {EXTRA_NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            f'<wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></w:drawing></mc:Choice>'
            f'<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>'
            '</mc:AlternateContent></w:r>')


def test_text_boxes_are_read_once_where_they_stand() -> None:
    def fill(d: Any) -> None:
        d.add_paragraph("Trước")
        p = d.add_paragraph("Neo")
        p._p.append(parse_xml(_text_box("DỰ THẢO")))
        d.add_paragraph("Sau")
        vml_only = d.add_paragraph()
        vml_only._p.append(parse_xml(
            f'<w:r {nsdecls("w")} {EXTRA_NS}><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r>'
            '<w:t>Hộp chữ VML</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>'))

    assert _text(_build(fill)) == "Trước\n\nNeo\n\nDỰ THẢO\n\nSau\n\nHộp chữ VML"


def test_content_controls_and_tracked_changes() -> None:
    def fill(d: Any) -> None:
        body = d.element.body
        body.insert(0, parse_xml(
            f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="Trích yếu"/></w:sdtPr><w:sdtContent>'
            '<w:p><w:r><w:t>Trong ô nội dung</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
        p = d.add_paragraph("Giữ ")
        p._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="x"><w:r><w:delText>bỏ</w:delText></w:r>'
                              '</w:del>'))
        p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="x"><w:r><w:t>thêm</w:t></w:r></w:ins>'))
        p._p.append(parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtContent><w:r><w:t> và ô</w:t></w:r></w:sdtContent>'
                              '</w:sdt>'))
        hidden = d.add_paragraph()
        hidden.add_run("ẩn").font.hidden = True

    assert _text(_build(fill)) == "Trong ô nội dung\n\nGiữ thêm và ô"


def test_page_headers_and_footers_are_not_body_text() -> None:
    def fill(d: Any) -> None:
        section = d.sections[0]
        section.header.paragraphs[0].text = "TIÊU ĐỀ TRANG"
        section.footer.paragraphs[0].text = "Trang 1"
        d.add_paragraph("Thân văn bản")

    assert _text(_build(fill)) == "Thân văn bản"


# -- broken files ----------------------------------------------------------------------------------------


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()


def _with_document_xml(xml: bytes | None) -> bytes:
    good = _build(lambda d: d.add_paragraph("x"))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename == "word/document.xml":
                if xml is not None:
                    dst.writestr(info.filename, xml)
                continue
            dst.writestr(info, src.read(info.filename))
    return out.getvalue()


@pytest.mark.parametrize("raw", [
    pytest.param(b"PK\x03\x04" + b"\x00garbage" * 50, id="bad-zip"),
    pytest.param(_zip({"word/other.xml": b"<x/>"}), id="no-content-types"),
    pytest.param(_with_document_xml(None), id="no-document-xml"),
    pytest.param(_with_document_xml(b"<w:document xmlns:w='" + W_NS.encode() + b"'><w:body><w:p>"), id="broken-xml"),
    pytest.param(_with_document_xml(b"<w:document xmlns:w='" + W_NS.encode() + b"'/>"), id="no-body"),
])
def test_corrupt_docx_is_a_read_error_naming_the_file(raw: bytes) -> None:
    with pytest.raises(vbhc.ReadError, match=r"broken\.docx"):
        extract_docx(raw, name="broken.docx")
    with pytest.raises(vbhc.ReadError, match=r"broken\.docx"):
        vbhc.parse(raw, name="broken.docx")


def test_import_vbhc_does_not_load_python_docx() -> None:
    code = "import sys, vbhc, vbhc.readers.docx; print('docx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- real drafts and the seed documents -------------------------------------------------------------------

REAL_DRAFTS = {
    "sct_TB-2245-23-4-2026-To-chuc-kiem-tra-ky-chung.docx": ("SCT-CN", "2026-04"),
    "sct_CV-phuc-dap-ho-so-cap-GCN.docx": ("SCT-CN", "2026-03"),
    "sct_Bien-ban-tham-dinh-SoiPhuongNam-NH3-loai2.docx": (None, "2026-07"),
}


@pytest.mark.parametrize("name", sorted(REAL_DRAFTS))
def test_real_drafts_blank_number_and_partial_date(name: str) -> None:
    symbol, date = REAL_DRAFTS[name]
    doc = vbhc.parse(FIXTURES / "real" / name)
    assert doc.header.number is None
    assert doc.header.symbol == symbol
    assert doc.header.date == date
    assert doc.header.issuer == "SỞ CÔNG THƯƠNG"
    assert doc.header.national_name == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_real_draft_reads_header_table_body_and_foot_in_order() -> None:
    text = read(FIXTURES / "real" / "sct_TB-2245-23-4-2026-To-chuc-kiem-tra-ky-chung.docx").text
    order = ["UBND TỈNH LÀO CAI", "CỘNG HÒA XÃ HỘI", "Số: /SCT-CN", "Lào Cai, ngày tháng 4 năm 2026", "V/v Thông báo",
             "Kính gửi:", "1. Thời gian kiểm tra", "4. Nội dung kiểm tra", "Nơi nhận:", "KT. GIÁM ĐỐC",
             "Hoàng Văn Thuân"]
    assert [text.index(s) for s in order] == sorted(text.index(s) for s in order)
    doc = vbhc.parse(FIXTURES / "real" / "sct_TB-2245-23-4-2026-To-chuc-kiem-tra-ky-chung.docx")
    assert [d.label for d in doc.directives] == ["1.", "2.", "3.", "4."]
    assert doc.signer.authority == ("KT. GIÁM ĐỐC",) and doc.signer.name == "Hoàng Văn Thuân"
    assert doc.archive == ("VT", "CN(M.Cường)")


CONTRACT = ("kind", "header", "subject", "addressees", "legal_bases", "references", "directives", "recipients",
            "archive", "signer", "attachments")


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_docx_gives_the_seed_txt_reading(seed: Path) -> None:
    want = vbhc.parse(seed).model_dump(mode="json")
    got = vbhc.parse(FIXTURES / "docx" / f"{seed.stem}.docx").model_dump(mode="json")
    assert {k: got[k] for k in CONTRACT} == {k: want[k] for k in CONTRACT}


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_docx_carries_word_numbering_not_typed_labels(seed: Path) -> None:
    with zipfile.ZipFile(FIXTURES / "docx" / f"{seed.stem}.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "<w:numPr>" in xml
    gold = json.loads((FIXTURES / "docx" / f"{seed.stem}.expected.json").read_text(encoding="utf-8"))
    assert gold == json.loads(seed.with_suffix(".expected.json").read_text(encoding="utf-8"))
    assert "<w:t>1. " not in xml and "<w:t>2. " not in xml
    assert xml.count("<w:numPr>") >= len(gold["directives"]) + len(gold["recipients"]) + 1  # + the Lưu line


def test_committed_seed_docx_match_the_generator() -> None:
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES.parent.parent / "scripts" /
                                                  "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for seed in SEEDS:
        made = module.seed_docx(seed.read_text(encoding="utf-8"))
        committed = (FIXTURES / "docx" / f"{seed.stem}.docx").read_bytes()
        # same text, labels included (bytes may differ with another python-docx/lxml: rerun the script then)
        assert _text(made) == _text(committed), f"{seed.stem}: run scripts/make_fixtures.py"


def _add_footnotes(raw: bytes, notes: dict[int, str]) -> bytes:
    """`raw` with a word/footnotes.xml holding `notes` (python-docx has no API for footnotes)."""
    body = "".join(f'<w:footnote w:id="{i}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {t}</w:t>'
                   '</w:r></w:p></w:footnote>' for i, t in notes.items())
    footnotes = (f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
                 f'</w:r></w:p></w:footnote>{body}</w:footnotes>').encode()
    rel = ('<Relationship Id="rIdFn" Target="footnotes.xml" '
           'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"/>')
    ctype = ('<Override PartName="/word/footnotes.xml" ContentType="application/'
             'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>')
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", ctype.encode() + b"</Types>")
            dst.writestr(info, data)
        dst.writestr("word/footnotes.xml", footnotes)
    return out.getvalue()


def test_footnotes_follow_the_body_as_numbered_notes() -> None:
    def fill(d: Any) -> None:
        p = d.add_paragraph("Ủy ban nhân dân tỉnh đã ban hành nhiều văn bản")
        p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="7"/></w:r>'))
        p.add_run(" chỉ đạo.")
        d.add_paragraph("Kết luận thanh tra").runs[0]._r.append(
            parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="3"/>'))

    raw = _add_footnotes(_build(fill), {3: "Kết luận số 10/KL-TT ngày 09/9/2025.",
                                        7: "Văn bản số 206/UBND-KT ngày 12/7/2025.", 9: "không dẫn chiếu"})
    assert _text(raw) == ("Ủy ban nhân dân tỉnh đã ban hành nhiều văn bản chỉ đạo.\n\nKết luận thanh tra\n\n"
                          "[1] Văn bản số 206/UBND-KT ngày 12/7/2025.\n\n[2] Kết luận số 10/KL-TT ngày 09/9/2025.")
    doc = vbhc.parse(raw)
    assert doc.footnotes == ("Văn bản số 206/UBND-KT ngày 12/7/2025.", "Kết luận số 10/KL-TT ngày 09/9/2025.")
    assert {(r.number, r.symbol) for r in doc.references} >= {("206", "UBND-KT"), ("10", "KL-TT")}
