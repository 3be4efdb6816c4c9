"""Header (phần đầu, ô 1-5 of Nghị định 30/2020): quốc hiệu, agency, số and ký hiệu, place and date, tên loại.

A document opens with two columns, printed side by side but met in text in either order::

    UBND TỈNH LÀO CAI                   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    SỞ CÔNG THƯƠNG                      Độc lập - Tự do - Hạnh phúc
    Số: 12/QĐ-UBND                      Lào Cai, ngày 05 tháng 01 năm 2020

                              QUYẾT ĐỊNH
                 Về việc kiểm tra vật liệu nổ công nghiệp

The left column holds the agency (an optional cơ quan chủ quản line above the issuer), the number
("Số: 12/QĐ-UBND"; legal "Số: 30/2020/NĐ-CP"; Party "Số 172-TB/TW") and, for a công văn, the trích yếu
after "V/v". The right column holds the quốc hiệu (Party: "ĐẢNG CỘNG SẢN VIỆT NAM") and the place and date,
where a draft leaves the day or the month blank. Every type but the công văn has a title line in capitals
with the trích yếu under it (rules §3.1-3.5, §4, §5, §6.2).
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

import vbhc
from vbhc import data
from vbhc.models import IssueCode
from vbhc.patterns import parse_identifier

NATIONAL = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
PARTY = ("ĐẢNG CỘNG SẢN VIỆT NAM",)
AGENCY = ("UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG")
BODY = ("Sở Công Thương đề nghị các đơn vị triển khai thực hiện./.",)
FOOT = ("Nơi nhận:", "- Như trên;", "- Lưu: VT.", "", "GIÁM ĐỐC", "", "Nguyễn Văn An")


def document(header: Sequence[str], *, title: str | None = None, subject: str | None = None,
             body: Sequence[str] = BODY, foot: Sequence[str] = FOOT) -> str:
    """A small document: header lines, an optional title and subject, a body and a foot."""
    lines = [*header, ""]
    if title is not None:
        lines.append(title)
    if subject is not None:
        lines.append(subject)
    lines += ["", *body, "", *foot]
    return "\n".join(lines)


def header_of(*lines: str) -> vbhc.Header:
    return vbhc.parse_text(document(lines)).header


# --- tên loại: the title line ---------------------------------------------------------------------

TITLED = [row for row in data.doc_types() if row.title]


def _number_for(row: data.DocType) -> str:
    return f"Số: 15/{row.abbrs[0]}-UBND" if row.abbrs else "Số: 15/UBND"


@pytest.mark.parametrize("row", TITLED, ids=[row.code for row in TITLED])
def test_title_line_names_the_kind(row: data.DocType) -> None:
    title = row.names[0].upper()
    subject = "Về công tác phòng, chống lụt bão năm 2024"
    text = document([*AGENCY, _number_for(row), *NATIONAL, "Lào Cai, ngày 05 tháng 01 năm 2024"],
                    title=title, subject=subject)
    doc = vbhc.parse_text(text)
    assert doc.kind == row.code
    assert doc.title == title
    assert doc.subject == subject


@pytest.mark.parametrize(("line", "kind"), [
    ("CÔNG ĐIỆN", "cong_dien"), ("KẾ HOẠCH 2024", "ke_hoach"), ("GIÁY MỜI", "giay_moi"),
    ("DIEN_TICH_SAN_CHOI_BAI PHONG_HOC", None), ("THÔNG BÁOX", None),
], ids=["title", "numbered", "ocr-lost-mark", "column-name", "longer-word"])
def test_title_kind_needs_the_whole_name(line: str, kind: str | None) -> None:
    # a table's column name in a scanned PDF (vju 4998/QĐ-BGDĐT) opened an attached "Công điện"
    from vbhc.patterns import title_kind

    assert title_kind(line) == kind


def test_every_nd30_type_with_a_name_line_is_titled() -> None:
    # NĐ 30 Điều 7: all 29 types but the công văn (and the free-form thư công) print a type name (§3.5, §4)
    titled = {row.code for row in TITLED}
    assert {"nghi_quyet", "quyet_dinh", "chi_thi", "quy_che", "quy_dinh", "thong_cao", "thong_bao", "huong_dan",
            "chuong_trinh", "ke_hoach", "phuong_an", "de_an", "du_an", "bao_cao", "bien_ban", "to_trinh",
            "hop_dong", "cong_dien", "ban_ghi_nho", "ban_thoa_thuan", "giay_uy_quyen", "giay_moi",
            "giay_gioi_thieu", "giay_nghi_phep", "phieu_gui", "phieu_chuyen", "phieu_bao"} <= titled
    assert "cong_van" not in titled


@pytest.mark.parametrize(("subject_line", "subject"), [
    ("V/v thực hiện Thông báo số 241/TB-VPCP", "thực hiện Thông báo số 241/TB-VPCP"),
    ("V/v: nâng bậc lương năm 2019", "nâng bậc lương năm 2019"),
    ("V/V nâng bậc lương năm 2019", "nâng bậc lương năm 2019"),
    ("Về việc nâng bậc lương năm 2019", "nâng bậc lương năm 2019"),
], ids=["V/v", "V/v-colon", "V/V", "ve-viec"])
def test_cong_van_is_told_by_its_vv_line(subject_line: str, subject: str) -> None:
    text = document(["ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", "Số: 628/UBND-VX", subject_line, *NATIONAL,
                     "Lai Châu, ngày 29 tháng 3 năm 2020"])
    doc = vbhc.parse_text(text)
    assert doc.kind == "cong_van"
    assert doc.title is None
    assert doc.subject == subject


def test_cong_van_subject_wrapped_over_lines_is_joined() -> None:
    text = document(["ỦY BAN NHÂN DÂN", "HUYỆN TÂN UYÊN", *NATIONAL, "Số: /UBND-YT",
                     "V/v thực hiện Thông báo số 121/TB-", "VPCP kết luận của Thủ tướng Chính",
                     "phủ về phòng, chống dịch Covid-19", "Tân Uyên, ngày tháng 6 năm 2021"])
    doc = vbhc.parse_text(text)
    assert doc.kind == "cong_van"
    assert doc.subject == ("thực hiện Thông báo số 121/TB-VPCP kết luận của Thủ tướng Chính phủ "
                           "về phòng, chống dịch Covid-19")


def test_kind_from_symbol_when_there_is_no_title() -> None:
    # Party documents often have no title line in web copies: the type code of the ký hiệu tells it
    doc = vbhc.parse_text(document([*PARTY, "BAN CHẤP HÀNH TRUNG ƯƠNG", "Số 172-TB/TW",
                                    "Hà Nội, ngày 22 tháng 3 năm 2020"]))
    assert doc.kind == "thong_bao"


# --- số, ký hiệu ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "number", "year", "symbol"), [
    ("Số: 12/QĐ-UBND", "12", None, "QĐ-UBND"),
    ("Số: 05/BNV-VP", "05", None, "BNV-VP"),
    ("Số: 628 /UBND-VX", "628", None, "UBND-VX"),
    ("Số:628/UBND-VX", "628", None, "UBND-VX"),
    ("Số: 239/TTr-SCT", "239", None, "TTr-SCT"),
    ("Số: 30/2020/NĐ-CP", "30", 2020, "NĐ-CP"),
    ("Số: 15/2024/TT-NHNN", "15", 2024, "TT-NHNN"),
    ("Luật số: 31/2024/QH15", "31", 2024, "QH15"),
    ("Số: 52/VBHN-VPQH", "52", None, "VBHN-VPQH"),
    ("Số:      /SCT-CN", None, None, "SCT-CN"),
    ("Số: …/UBND-VX", None, None, "UBND-VX"),
    ("Số: .../TTr-UBND", None, None, "TTr-UBND"),
], ids=["admin", "leading-zero", "space-before-slash", "no-space-after-colon", "mixed-case-type", "legal",
        "thong-tu", "luat", "van-ban-hop-nhat", "blank-draft", "ellipsis-draft", "dots-draft"])
def test_number_line(line: str, number: str | None, year: int | None, symbol: str) -> None:
    header = header_of(*AGENCY, line, *NATIONAL, "Lào Cai, ngày 05 tháng 01 năm 2020")
    assert (header.number, header.year, header.symbol) == (number, year, symbol)
    assert header.number_text == " ".join(line.split())  # raw text, white space collapsed (contract)


def test_blank_draft_number_is_reported_missing() -> None:
    doc = vbhc.parse_text(document([*AGENCY, "Số:      /SCT-CN", *NATIONAL, "Lào Cai, ngày 05 tháng 01 năm 2020"]))
    assert doc.header.number is None
    assert IssueCode.MISSING_NUMBER in {issue.code for issue in doc.issues}


@pytest.mark.parametrize(("line", "number", "symbol"), [
    ("Số 172-TB/TW", "172", "TB/TW"),
    ("Số 36-HD/VPTW", "36", "HD/VPTW"),
    ("Số: 11-HD/VPTW", "11", "HD/VPTW"),
    ("Số 1276-CV/TU", "1276", "CV/TU"),
], ids=["no-colon", "hd", "with-colon", "cong-van"])
def test_party_number(line: str, number: str, symbol: str) -> None:
    # §5: hyphen between number and type, slash before the body, usually no colon after "Số"
    header = header_of(*PARTY, "BAN CHẤP HÀNH TRUNG ƯƠNG", "VĂN PHÒNG", line, "Hà Nội, ngày 03 tháng 4 năm 2018")
    assert header.national_name == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert (header.number, header.year, header.symbol) == (number, None, symbol)


@pytest.mark.parametrize(("ident", "expected"), [
    ("12/QĐ-UBND", ("12", None, "QĐ-UBND")),
    ("628 /UBND-VX", ("628", None, "UBND-VX")),
    ("05/BNV-VP", ("05", None, "BNV-VP")),
    ("30/2020/NĐ-CP", ("30", 2020, "NĐ-CP")),
    ("31/2024/QH15", ("31", 2024, "QH15")),
    ("351/2017/UBTVQH14", ("351", 2017, "UBTVQH14")),
    ("36/2006/CT-TTg", ("36", 2006, "CT-TTg")),
    ("172-TB/TW", ("172", None, "TB/TW")),
    ("14514-CV/VPTW", ("14514", None, "CV/VPTW")),
    ("241/TB-VPCP.", ("241", None, "TB-VPCP")),
    (" /UBND-VX", (None, None, "UBND-VX")),
    ("…/UBND-VX", (None, None, "UBND-VX")),
    ("01TV/2026", ("01TV/2026", None, None)),
], ids=["admin", "space", "leading-zero", "legal", "luat", "ubtvqh", "ttg", "party", "party-vptw",
        "final-period", "blank", "ellipsis", "other-shape"])
def test_parse_identifier(ident: str, expected: tuple[str | None, int | None, str | None]) -> None:
    assert parse_identifier(ident) == expected


# --- tên cơ quan: one or two levels -------------------------------------------------------------------

@pytest.mark.parametrize(("agency", "parent", "issuer"), [
    (("UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG"), "UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG"),
    (("UBND TỈNH LAI CHÂU", "SỞ NỘI VỤ"), "UBND TỈNH LAI CHÂU", "SỞ NỘI VỤ"),
    (("BỘ NỘI VỤ", "CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC"), "BỘ NỘI VỤ", "CỤC VĂN THƯ VÀ LƯU TRỮ NHÀ NƯỚC"),
    (("ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU"), None, "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"),
    (("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"), None, "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH"),
    (("CHÍNH PHỦ",), None, "CHÍNH PHỦ"),
    (("THỦ TƯỚNG CHÍNH PHỦ",), None, "THỦ TƯỚNG CHÍNH PHỦ"),
    # an agency word alone on its line goes on below (tvpl 659/TB-VPCP), even into another agency word
    (("VĂN PHÒNG", "CHÍNH PHỦ"), None, "VĂN PHÒNG CHÍNH PHỦ"),
    # the tax units under Cục Thuế since 2025 (tvpl 1539/VLO-QLDN3)
    (("CỤC THUẾ", "THUẾ TỈNH VĨNH LONG"), "CỤC THUẾ", "THUẾ TỈNH VĨNH LONG"),
], ids=["ubnd-so", "ubnd-so-noi-vu", "bo-cuc", "ubnd-two-lines", "ubnd-city", "chinh-phu", "thu-tuong",
        "head-word-alone", "thue-tinh"])
def test_agency_levels(agency: tuple[str, ...], parent: str | None, issuer: str) -> None:
    header = header_of(*agency, "Số: 12/QĐ-UBND", *NATIONAL, "Hà Nội, ngày 05 tháng 01 năm 2020")
    assert (header.parent_agency, header.issuer) == (parent, issuer)


@pytest.mark.parametrize(("agency", "parent", "issuer"), [
    (("BAN CHẤP HÀNH TRUNG ƯƠNG", "VĂN PHÒNG", "*"), "BAN CHẤP HÀNH TRUNG ƯƠNG", "VĂN PHÒNG"),
    (("ĐẢNG BỘ TỈNH THÁI NGUYÊN", "HUYỆN UỶ ĐỊNH HOÁ", "*"), "ĐẢNG BỘ TỈNH THÁI NGUYÊN", "HUYỆN UỶ ĐỊNH HOÁ"),
], ids=["vptw", "huyen-uy"])
def test_party_agency_levels(agency: tuple[str, ...], parent: str, issuer: str) -> None:
    # §5: parent body over the issuing body, an asterisk in place of the rule; old-style tones kept as written
    header = header_of(*PARTY, *agency, "Số 36-HD/VPTW", "Hà Nội, ngày 03 tháng 4 năm 2018")
    assert (header.parent_agency, header.issuer) == (parent, issuer)


# --- quốc hiệu, tiêu ngữ ------------------------------------------------------------------------------

@pytest.mark.parametrize(("national", "motto"), [
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"),
    ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập -Tự do- Hạnh phúc"),
], ids=["new-tones", "old-tones-kept", "loose-dashes"])
def test_national_name_and_motto_as_written(national: str, motto: str) -> None:
    header = header_of("ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", national, motto, "Số: 628/UBND-VX",
                       "Lai Châu, ngày 29 tháng 3 năm 2020")
    assert (header.national_name, header.motto) == (national, motto)
    assert header.issuer == "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"


# --- địa danh, ngày tháng năm -------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "place", "date"), [
    ("Hà Nội, ngày 05 tháng 01 năm 2020", "Hà Nội", "2020-01-05"),
    ("Lai Châu, ngày 29 tháng 3 năm 2020", "Lai Châu", "2020-03-29"),
    ("Hà Nội, ngày 5 tháng 3 năm 2020", "Hà Nội", "2020-03-05"),
    ("Hà Nội, ngày 05 tháng 03 năm 2020", "Hà Nội", "2020-03-05"),
    ("Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019", "Thành phố Hồ Chí Minh", "2019-06-29"),
    ("TP. Bắc Kạn, ngày 21 tháng 9 năm 2021", "TP. Bắc Kạn", "2021-09-21"),
    ("Lai Châu, ngày   tháng 9 năm 2021", "Lai Châu", "2021-09"),
    ("Tân Uyên, ngày tháng 6 năm 2021", "Tân Uyên", "2021-06"),
    ("Hà Nội, ngày …… tháng …… năm 2024", "Hà Nội", "2024"),
], ids=["zero-padded", "month-unpadded", "day-unpadded", "wrong-zero", "long-place", "tp-abbreviation",
        "blank-day", "blank-day-collapsed", "blank-day-and-month"])
def test_place_and_date(line: str, place: str, date: str) -> None:
    header = header_of(*AGENCY, "Số: 12/QĐ-UBND", *NATIONAL, line)
    assert (header.place, header.date) == (place, date)
    assert header.date_text == " ".join(line.split())


def test_partial_date_is_reported() -> None:
    doc = vbhc.parse_text(document([*AGENCY, "Số: 12/QĐ-UBND", *NATIONAL, "Lào Cai, ngày   tháng 9 năm 2021"]))
    assert doc.header.date == "2021-09"
    assert IssueCode.PARTIAL_DATE in {issue.code for issue in doc.issues}


def test_full_header_has_no_header_issues() -> None:
    doc = vbhc.parse_text(document([*AGENCY, "Số: 12/QĐ-UBND", *NATIONAL, "Lào Cai, ngày 05 tháng 01 năm 2020"],
                                   title="QUYẾT ĐỊNH", subject="Về việc kiểm tra vật liệu nổ công nghiệp"))
    codes = {issue.code for issue in doc.issues}
    assert not codes & {IssueCode.MISSING_NATIONAL_NAME, IssueCode.MISSING_ISSUER, IssueCode.MISSING_NUMBER,
                        IssueCode.MISSING_DATE, IssueCode.PARTIAL_DATE, IssueCode.MISSING_KIND,
                        IssueCode.MISSING_SUBJECT}


# --- the two columns in either order -------------------------------------------------------------------

TITLE, SUBJECT = "QUYẾT ĐỊNH", "Về việc kiểm tra vật liệu nổ công nghiệp"
COLUMN_ORDERS = {
    "agency-first": ([*AGENCY, "Số: 12/QĐ-UBND", *NATIONAL, "Lào Cai, ngày 05 tháng 01 năm 2020"], TITLE, SUBJECT),
    "national-first": ([*NATIONAL, "Lào Cai, ngày 05 tháng 01 năm 2020", *AGENCY, "Số: 12/QĐ-UBND"], TITLE, SUBJECT),
    "interleaved": (["UBND TỈNH LÀO CAI", NATIONAL[0], "SỞ CÔNG THƯƠNG", NATIONAL[1], "Số: 12/QĐ-UBND",
                     "Lào Cai, ngày 05 tháng 01 năm 2020"], TITLE, SUBJECT),
    # a PDF text layer merges the number and the date cells of one printed line
    "number-and-date-on-one-line": ([*AGENCY, *NATIONAL, "Số: 12/QĐ-UBND Lào Cai, ngày 05 tháng 01 năm 2020"],
                                    TITLE, SUBJECT),
    # a narrow cell wraps the quốc hiệu (rules §8.9)
    "national-name-wrapped": ([*AGENCY, "Số: 12/QĐ-UBND", "CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM", NATIONAL[1],
                               "Lào Cai, ngày 05 tháng 01 năm 2020"], TITLE, SUBJECT),
    # pdftotext -layout: both columns share the printed lines; title and trích yếu centred below
    "layout-text": (["   UBND TỈNH LÀO CAI              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "  SỞ CÔNG THƯƠNG                           Độc lập - Tự do - Hạnh phúc",
                     "",
                     "   Số: 12/QĐ-UBND                   Lào Cai, ngày 05 tháng 01 năm 2020",
                     ""],
                    "                              QUYẾT ĐỊNH",
                    "            Về việc kiểm tra vật liệu nổ công nghiệp"),
    # Markdown from a web page: each cell in bold, the date in italics
    "markdown-bold": (["**UBND TỈNH LÀO CAI  ", "SỞ CÔNG THƯƠNG**", "", "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  ",
                       "Độc lập - Tự do - Hạnh phúc**", "", "Số: 12/QĐ-UBND", "",
                       "*Lào Cai, ngày 05 tháng 01 năm 2020*", ""],
                      f"**{TITLE}**", f"**{SUBJECT}**"),
}


@pytest.mark.parametrize(("lines", "title", "subject"), COLUMN_ORDERS.values(), ids=COLUMN_ORDERS.keys())
def test_header_columns_in_either_order(lines: list[str], title: str, subject: str) -> None:
    doc = vbhc.parse_text(document(lines, title=title, subject=subject))
    h = doc.header
    assert (h.national_name, h.motto) == NATIONAL
    assert (h.parent_agency, h.issuer) == AGENCY
    assert (h.number, h.symbol) == ("12", "QĐ-UBND")
    assert (h.place, h.date) == ("Lào Cai", "2020-01-05")
    assert (doc.kind, doc.title) == ("quyet_dinh", TITLE)
    assert doc.subject == SUBJECT


@pytest.mark.parametrize("mark", ["DỰ THẢO", "HỎA TỐC", "THƯỢNG KHẨN", "MẬT"])
def test_marks_in_the_header_are_not_the_agency(mark: str) -> None:
    # rules §3.11: độ mật / độ khẩn stamps and the draft mark stand near the agency name
    doc = vbhc.parse_text("\n".join(["ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", mark, "Số: 12/UBND-VX",
                                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]))
    assert doc.header.issuer == "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"
    assert doc.header.marks == (mark,)


# pdftotext -layout of a công văn (sct CV 5973/UBND-KT): the V/v lines under "Số:" in the left column, one
# blank line, then a centred "Kính gửi:" that fits the left column: the header's columns end at that blank.
LAID_OUT_CONG_VAN = """\
   ỦY BAN NHÂN DÂN                             CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
     TỈNH LÀO CAI                                         Độc lập - Tự do - Hạnh phúc

     Số: 5973 /UBND-KT                                Lào Cai, ngày 11 tháng 6 năm 2026
V/v tăng cường công tác quản
 lý, thanh tra, kiểm tra hoạt
động khoáng sản trên địa bàn
         tỉnh Lào Cai

                       Kính gửi:
                                       - Các Sở, ban, ngành thuộc UBND tỉnh;
                                       - Công an tỉnh.


     Thực hiện Văn bản số 4250/BNNMT-ĐCKS ngày 29/4/2026 của Bộ Nông nghiệp và Môi trường, Ủy ban nhân
dân tỉnh đề nghị các cơ quan, đơn vị triển khai thực hiện một số nội dung sau:
"""


def test_layout_header_ends_at_a_blank_line_once_its_date_is_read() -> None:
    doc = vbhc.parse_text(LAID_OUT_CONG_VAN)
    assert doc.header.national_name == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert doc.header.date == "2026-06-11"
    assert doc.subject == ("tăng cường công tác quản lý, thanh tra, kiểm tra hoạt động khoáng sản "
                           "trên địa bàn tỉnh Lào Cai")
    assert doc.addressees == ("Các Sở, ban, ngành thuộc UBND tỉnh", "Công an tỉnh")


CONG_DIEN = """BỘ XÂY DỰNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 96/CĐ-BXD
Hà Nội, ngày 20 tháng 11 năm 2025
CÔNG ĐIỆN
VỀ VIỆC TẬP TRUNG ỨNG PHÓ VÀ KỊP THỜI KHẮC PHỤC HẬU QUẢ MƯA LŨ TẠI KHU VỰC TRUNG BỘ
BỘ XÂY DỰNG điện:
- Các Cục: Đường bộ Việt Nam, Đường sắt Việt Nam;
- Tổng Công ty Đường sắt Việt Nam.
Thời gian qua, mưa lũ lớn đã gây thiệt hại tại các tỉnh khu vực Trung Bộ.
1. Các Cục tập trung chỉ đạo bảo đảm giao thông thông suốt.
2. Tổng Công ty Đường sắt Việt Nam bảo đảm an toàn chạy tàu.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Nguyễn Danh Huy
"""


def test_cong_dien_recipients_follow_its_dien_line() -> None:
    # ND30 PL I, 1.6: "<the head or the agency> điện:" then the recipients as a dashed list
    doc = vbhc.parse_text(CONG_DIEN)
    assert doc.kind == "cong_dien"
    assert doc.subject == "VỀ VIỆC TẬP TRUNG ỨNG PHÓ VÀ KỊP THỜI KHẮC PHỤC HẬU QUẢ MƯA LŨ TẠI KHU VỰC TRUNG BỘ"
    assert doc.enacting_authority == "BỘ XÂY DỰNG điện:"
    assert doc.addressees == ("Các Cục: Đường bộ Việt Nam, Đường sắt Việt Nam", "Tổng Công ty Đường sắt Việt Nam")
    assert [d.label for d in doc.directives] == ["1.", "2."]


def test_a_sentence_under_a_capitals_subject_is_the_text() -> None:
    text = CONG_DIEN.replace("BỘ XÂY DỰNG điện:\n- Các Cục: Đường bộ Việt Nam, Đường sắt Việt Nam;\n"
                             "- Tổng Công ty Đường sắt Việt Nam.\n", "")
    doc = vbhc.parse_text(text)
    assert doc.subject == "VỀ VIỆC TẬP TRUNG ỨNG PHÓ VÀ KỊP THỜI KHẮC PHỤC HẬU QUẢ MƯA LŨ TẠI KHU VỰC TRUNG BỘ"


def test_preamble_items_under_an_inline_addressee_are_not_addressees() -> None:
    # vju 528/KTKĐCLGD: "Kính gửi: Các trường cao đẳng" then "- Căn cứ ..." items
    doc = vbhc.parse_text("\n".join([
        "BỘ GIÁO DỤC VÀ ĐÀO TẠO", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: 528/KTKĐCLGD-KĐĐH", "Hà Nội, ngày 30 tháng 3 năm 2016",
        "V/v hướng dẫn tìm thông tin, minh chứng", "Kính gửi: Các trường cao đẳng",
        "- Căn cứ Quyết định số 66/2007/QĐ-BGDĐT ngày 01 tháng 11 năm 2007 của Bộ trưởng Bộ Giáo dục và Đào tạo;",
        "- Căn cứ Thông tư số 37/2012/TT-BGDĐT ngày 30 tháng 10 năm 2012 của Bộ trưởng Bộ Giáo dục và Đào tạo,",
        "Cục Khảo thí và Kiểm định chất lượng giáo dục hướng dẫn như sau:",
        "1. Các trường tìm thông tin, minh chứng theo tiêu chí.",
        "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "CỤC TRƯỞNG", "Mai Văn Trinh"]))
    assert doc.addressees == ("Các trường cao đẳng",)
    assert [len(b.references) for b in doc.legal_bases] == [1, 1]


def test_a_lone_capital_letter_begins_the_next_capitals_line() -> None:
    # tvpl 653/TB-VPCP: the web conversion left "Ý" of "Ý KIẾN" on a line of its own
    title_and_subject = "CÔNG ĐIỆN\nVỀ VIỆC TẬP TRUNG ỨNG PHÓ VÀ KỊP THỜI KHẮC PHỤC HẬU QUẢ MƯA LŨ TẠI KHU VỰC TRUNG BỘ"
    text = CONG_DIEN.replace(title_and_subject, "THÔNG BÁO\nÝ\nKIẾN CHỈ ĐẠO CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ")
    doc = vbhc.parse_text(text)
    assert doc.subject == "Ý KIẾN CHỈ ĐẠO CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ"
    assert doc.enacting_authority == "BỘ XÂY DỰNG điện:"


def test_capitals_under_a_mixed_case_appendix_subject_are_not_an_enacting_authority() -> None:
    # vju 1132/QĐ-ĐHVN: "Phụ lục 1" / "Mẫu đơn ..." / "ĐƠN XIN HOÃN THI ..." (the form's own title)
    text = CONG_DIEN + "\n".join(["PHỤ LỤC 1", "Mẫu đơn đề nghị của sinh viên", "ĐƠN XIN HOÃN THI KẾT THÚC HỌC PHẦN",
                                  "Kính gửi: Phòng Đào tạo", "Họ và tên sinh viên: ..."])
    appendix = vbhc.parse_text(text).attachments[0]
    assert appendix.subject == "Mẫu đơn đề nghị của sinh viên"
    assert appendix.enacting_authority is None


def test_enacting_authority_under_a_title_that_holds_the_subject() -> None:
    # sct GP 2507: "GIẤY PHÉP SỬ DỤNG VẬT LIỆU NỔ CÔNG NGHIỆP" / "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI" / Căn cứ
    doc = vbhc.parse_text("\n".join([
        "ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: 2507/GP-UBND", "Lào Cai, ngày 21 tháng 7 năm 2026",
        "GIẤY PHÉP SỬ DỤNG VẬT LIỆU NỔ CÔNG NGHIỆP", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;",
        "Điều 1. Cho phép Công ty sử dụng vật liệu nổ công nghiệp.",
        "Nơi nhận:", "- Lưu: VT.", "CHỦ TỊCH", "Nguyễn Tuấn Anh"]))
    assert doc.subject == "SỬ DỤNG VẬT LIỆU NỔ CÔNG NGHIỆP"
    assert doc.enacting_authority == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÀO CAI"


def test_appendices_listed_in_a_table_are_not_attachments_and_dotted_numbers_leave_the_subject() -> None:
    # sct NQ 66.18/2026/NQ-CP: a table lists the Phụ lục; each then opens with "Phụ lục I.1" and its title
    text = CONG_DIEN + "\n".join([
        "", "| Phụ lục I.1 | Cắt giảm thủ tục hành chính thuộc phạm vi quản lý của Bộ Công an. |  |",
        "| Phụ lục I.2 | Cắt giảm thủ tục hành chính thuộc phạm vi quản lý của Bộ Quốc phòng. |  |", "",
        "Phụ lục I.1", "", "CẮT GIẢM THỦ TỤC HÀNH CHÍNH THUỘC PHẠM VI QUẢN LÝ CỦA BỘ CÔNG AN", "",
        "1. Thủ tục cấp giấy phép.", "",
        "Phụ lục I.2", "", "CẮT GIẢM THỦ TỤC HÀNH CHÍNH THUỘC PHẠM VI QUẢN LÝ CỦA BỘ QUỐC PHÒNG", "",
        "1. Thủ tục cấp phép bay."])
    attachments = vbhc.parse_text(text).attachments
    assert [(a.title, a.subject) for a in attachments] == [
        ("Phụ lục I.1", "CẮT GIẢM THỦ TỤC HÀNH CHÍNH THUỘC PHẠM VI QUẢN LÝ CỦA BỘ CÔNG AN"),
        ("Phụ lục I.2", "CẮT GIẢM THỦ TỤC HÀNH CHÍNH THUỘC PHẠM VI QUẢN LÝ CỦA BỘ QUỐC PHÒNG")]


def test_a_forms_own_header_under_its_appendix_title_is_not_the_subject() -> None:
    # vju 304/HD-ĐHVN: "Phụ lục. Đơn xin ..." then the form's agency and quốc hiệu
    text = CONG_DIEN + "\n".join([
        "", "Phụ lục. Đơn xin công nhận kết quả học tập và chuyển đổi tín chỉ", "ĐẠI HỌC QUỐC GIA HÀ NỘI",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc", "ĐƠN XIN CÔNG NHẬN KẾT QUẢ HỌC TẬP",
        "Kính gửi: Hiệu trưởng Trường Đại học Việt Nhật", "Họ và tên: ..."])
    appendix = vbhc.parse_text(text).attachments[0]
    assert appendix.subject == "Đơn xin công nhận kết quả học tập và chuyển đổi tín chỉ"
