"""Signer (ô 7a-7c of Nghị định 30/2020): thẩm quyền ký, chức vụ, họ tên.

The block stands at the bottom right, level with "Nơi nhận:"::

    TM. ỦY BAN NHÂN DÂN        <- authority lines, each with a prefix, outermost first
    KT. CHỦ TỊCH
    PHÓ CHỦ TỊCH               <- chức vụ of the person who signs
    (Đã ký)                    <- web copies print this where the signature stands
    Tổng Thanh Hải             <- họ tên

Prefixes (rules §3.8, §5): TM. thay mặt, KT. ký thay, TL. thừa lệnh, TUQ. thừa ủy quyền, Q. quyền; Party
documents write T/M, K/T, T/L, T/UQ. A head who signs in his own right writes no prefix ("GIÁM ĐỐC").
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

import vbhc
from vbhc import data
from vbhc.models import IssueCode

HEADER = ("UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", "Số: 12/QĐ-SCT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
          "Độc lập - Tự do - Hạnh phúc", "Lào Cai, ngày 05 tháng 01 năm 2020", "", "QUYẾT ĐỊNH",
          "Về việc kiểm tra vật liệu nổ công nghiệp", "", "Điều 1. Thành lập Đoàn kiểm tra.",
          "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.")
RECIPIENTS = ("Nơi nhận:", "- Như Điều 2;", "- Lưu: VT, KT.")


def document(block: Sequence[str], *, signer_first: bool = False) -> str:
    """A short decision whose foot holds the Nơi nhận list and the signature `block` (one line each)."""
    columns = [list(block), list(RECIPIENTS)] if signer_first else [list(RECIPIENTS), list(block)]
    return "\n".join([*HEADER, "", *columns[0], "", *columns[1]])


def signer_of(*block: str) -> vbhc.Signer:
    return vbhc.parse_text(document(block)).signer


# --- every prefix of the table -----------------------------------------------------------------------

# One real-looking chain per prefix: the authority's name after the prefix, the signer's chức vụ, a name.
EXAMPLES = {
    "TM": ("ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
    "KT": ("GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
    "TL": ("GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"),
    "TUQ": ("CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ"),
    "Q": ("GIÁM ĐỐC", None),
}
FORMS = [(row.prefix, form) for row in data.authorities() for form in row.forms]


@pytest.mark.parametrize(("prefix", "form"), FORMS, ids=[form for _, form in FORMS])
def test_each_prefix_form(prefix: str, form: str) -> None:
    who, position = EXAMPLES[prefix]  # a new prefix in the table needs an example here
    line = f"{form} {who}"
    block = [line, *([position] if position else []), "Nguyễn Văn An"]
    signer = signer_of(*block)
    assert signer.authority == (line,)
    assert signer.position == position
    assert signer.name == "Nguyễn Văn An"


def test_prefix_table_is_nd30_plus_party() -> None:
    forms = {form for row in data.authorities() for form in row.forms}
    assert {"TM.", "KT.", "TL.", "TUQ.", "Q."} <= forms  # NĐ 30 Phụ lục I mục II.7
    assert {"T/M", "K/T", "T/L", "T/UQ"} <= forms  # HD 36-HD/VPTW điểm 1.7


# --- chains ------------------------------------------------------------------------------------------------

CHAINS = {
    "tm-kt-ubnd": (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Tổng Thanh Hải"],
                   ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), "PHÓ CHỦ TỊCH", "Tổng Thanh Hải"),
    "tm-ubnd": (["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Dương Hữu Bường"],
                ("TM. ỦY BAN NHÂN DÂN",), "CHỦ TỊCH", "Dương Hữu Bường"),
    "tl-kt": (["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Nguyễn Thanh Tú"],
              ("TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG"), "PHÓ CHÁNH VĂN PHÒNG", "Nguyễn Thanh Tú"),
    "kt-bo-truong": (["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Duy Thăng"],
                     ("KT. BỘ TRƯỞNG",), "THỨ TRƯỞNG", "Nguyễn Duy Thăng"),
    "tm-chinh-phu": (["TM. CHÍNH PHỦ", "THỦ TƯỚNG", "Nguyễn Xuân Phúc"],
                     ("TM. CHÍNH PHỦ",), "THỦ TƯỚNG", "Nguyễn Xuân Phúc"),
    "tl-truong-phong": (["TL. GIÁM ĐỐC", "TRƯỞNG PHÒNG KỸ THUẬT AN TOÀN", "Lê Hà"],
                        ("TL. GIÁM ĐỐC",), "TRƯỞNG PHÒNG KỸ THUẬT AN TOÀN", "Lê Hà"),
    "party-tm": (["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Đỗ Văn Chiến"], ("T/M BAN THƯỜNG VỤ",), "BÍ THƯ", "Đỗ Văn Chiến"),
    "party-kt": (["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Thị Hồng Tuyến"],
                 ("K/T TRƯỞNG BAN",), "PHÓ TRƯỞNG BAN", "Nguyễn Thị Hồng Tuyến"),
    "party-tm-no-position": (["T/M BỘ CHÍNH TRỊ", "Trần Quốc Vượng"], ("T/M BỘ CHÍNH TRỊ",), None, "Trần Quốc Vượng"),
    "no-space-after-dot": (["KT.HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG", "Phạm Minh Hùng"],
                           ("KT.HIỆU TRƯỞNG",), "PHÓ HIỆU TRƯỞNG", "Phạm Minh Hùng"),
    # a title cut inside its words in a narrow cell (tvpl 37694/TB-CHQ, 07-KL/VPTW)
    "title-cut-tl": (["TL. CỤC", "TRƯỞNG", "TRƯỞNG BAN NGHIỆP VỤ THUẾ HQ", "Đào Thu Hương"],
                     ("TL. CỤC TRƯỞNG",), "TRƯỞNG BAN NGHIỆP VỤ THUẾ HQ", "Đào Thu Hương"),
    "title-cut-party": (["K/T CHÁNH", "VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Phạm Gia Túc"],
                        ("K/T CHÁNH VĂN PHÒNG",), "PHÓ CHÁNH VĂN PHÒNG", "Phạm Gia Túc"),
    # the last authority line wrapped in its cell before the position's title (tvpl 2638/QĐ-UBND, 39305/TB-CHQ)
    "authority-wrapped": (["T/M ỦY", "BAN NHÂN DÂN", "CHỦ TỊCH", "Phạm Đức Ấn"],
                          ("T/M ỦY BAN NHÂN DÂN",), "CHỦ TỊCH", "Phạm Đức Ấn"),
    "second-authority-wrapped": (["TL. CỤC TRƯỞNG", "KT. TRƯỞNG BAN NGHIỆP VỤ", "THUẾ HQ", "PHÓ TRƯỞNG BAN",
                                  "Đào Thu Hương"],
                                 ("TL. CỤC TRƯỞNG", "KT. TRƯỞNG BAN NGHIỆP VỤ THUẾ HQ"), "PHÓ TRƯỞNG BAN",
                                 "Đào Thu Hương"),
    "position-on-two-lines": (["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "SỞ CÔNG THƯƠNG", "Nguyễn Văn An"],
                              ("KT. GIÁM ĐỐC",), "PHÓ GIÁM ĐỐC SỞ CÔNG THƯƠNG", "Nguyễn Văn An"),
    "no-prefix": (["GIÁM ĐỐC", "Hoàng Chí Hiền"], (), "GIÁM ĐỐC", "Hoàng Chí Hiền"),
    "no-prefix-state-title": (["CHỦ TỊCH", "Vũ Văn Hùng"], (), "CHỦ TỊCH", "Vũ Văn Hùng"),
}


@pytest.mark.parametrize(("block", "authority", "position", "name"), CHAINS.values(), ids=CHAINS.keys())
def test_signature_chain(block: list[str], authority: tuple[str, ...], position: str | None, name: str) -> None:
    signer = signer_of(*block)
    assert signer.authority == authority
    assert signer.position == position
    assert signer.name == name


# --- what stands between the title and the name ----------------------------------------------------------

MARKS = {"da-ky": "(Đã ký)", "da-ky-lower": "(đã ký)", "da-ky-bare": "Đã ký",
         "template-ky-ghi-ro": "(Ký, ghi rõ họ tên, đóng dấu)", "template-chu-ky": "(Chữ ký, dấu)",
         # NĐ 30/2020's own .docx: a stray bracket typed before the mark ("[ (Đã ký)")
         "stray-bracket": "[ (Đã ký)",
         # a bracketed variant of a mark (vju 473/QĐ-ĐHVN)
         "bracketed-variant": "(đã ký và đóng dấu)"}


@pytest.mark.parametrize("spacing", ["", "\n"], ids=["next-lines", "blank-lines"])
@pytest.mark.parametrize("mark", MARKS.values(), ids=MARKS.keys())
def test_signed_mark_between_title_and_name(mark: str, spacing: str) -> None:
    # rules §3.8 and §8.12: web and Công báo copies print "(Đã ký)" where the signature stands
    signer = signer_of("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", spacing + mark + spacing, "Tổng Thanh Hải")
    assert signer.authority == ("KT. CHỦ TỊCH",)
    assert signer.position == "PHÓ CHỦ TỊCH"
    assert signer.name == "Tổng Thanh Hải"


def test_blank_lines_where_the_signature_stands() -> None:
    doc = vbhc.parse_text(document(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "", "Dương Hữu Bường"]))
    assert doc.signer == vbhc.Signer(authority=("TM. ỦY BAN NHÂN DÂN",), position="CHỦ TỊCH", name="Dương Hữu Bường")


# --- layout ---------------------------------------------------------------------------------------------

def test_signer_column_before_recipients_column() -> None:
    doc = vbhc.parse_text(document(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Tổng Thanh Hải"],
                                   signer_first=True))
    assert doc.signer.authority == ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH")
    assert doc.signer.name == "Tổng Thanh Hải"
    assert [r.name for r in doc.recipients] == ["Như Điều 2"]
    assert doc.archive == ("VT", "KT")


def test_markdown_bold_block() -> None:
    text = "\n".join([*HEADER, "", "**Nơi nhận:**", "- Như Điều 2;", "- Lưu: VT, KT.", "",
                      "**KT. CHỦ TỊCH  ", "PHÓ CHỦ TỊCH**", "", "**Tổng Thanh Hải**"])
    signer = vbhc.parse_text(text).signer
    assert signer == vbhc.Signer(authority=("KT. CHỦ TỊCH",), position="PHÓ CHỦ TỊCH", name="Tổng Thanh Hải")


def test_signer_lines_are_not_recipients() -> None:
    doc = vbhc.parse_text(document(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"]))
    names = [r.name for r in doc.recipients]
    assert names == ["Như Điều 2"]
    assert not any("GIÁM ĐỐC" in n or "Nguyễn" in n for n in names)


# --- missing parts ----------------------------------------------------------------------------------------

def test_no_signature_block() -> None:
    doc = vbhc.parse_text("\n".join([*HEADER, "", *RECIPIENTS]))
    assert doc.signer == vbhc.Signer()
    assert IssueCode.MISSING_SIGNER in {issue.code for issue in doc.issues}


def test_block_without_a_name() -> None:
    # a template, or a scan with the name unreadable
    doc = vbhc.parse_text(document(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]))
    assert doc.signer.authority == ("KT. GIÁM ĐỐC",)
    assert doc.signer.position == "PHÓ GIÁM ĐỐC"
    assert doc.signer.name is None
    assert IssueCode.MISSING_SIGNER_NAME in {issue.code for issue in doc.issues}


def test_a_law_signed_without_prefix_after_its_closing_formula() -> None:
    # Công báo copies of a Luật: "CHỦ TỊCH QUỐC HỘI" / "(Đã ký)" / name, no Nơi nhận, no prefix
    doc = vbhc.parse_text("\n".join([
        "QUỐC HỘI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Luật số: 108/2025/QH15",
        "", "LUẬT", "QUẢN LÝ THUẾ", "", "Điều 1. Phạm vi điều chỉnh", "Luật này quy định việc quản lý thuế.", "",
        "Luật này được Quốc hội khóa XV, Kỳ họp thứ 10 thông qua ngày 10 tháng 12 năm 2025.", "",
        "CHỦ TỊCH QUỐC HỘI", "(Đã ký)", "Trần Thanh Mẫn"]))
    assert (doc.signer.authority, doc.signer.position, doc.signer.name) == ((), "CHỦ TỊCH QUỐC HỘI", "Trần Thanh Mẫn")


def test_a_rank_before_the_name_is_part_of_it() -> None:
    # NĐ 30 Phụ lục I mục II.7.c: the armed forces may write a rank before the signer's name
    signer = signer_of("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Thượng tướng Nguyễn Văn Long")
    assert signer.name == "Thượng tướng Nguyễn Văn Long"


def test_a_bracketed_phrase_that_only_begins_like_a_mark_is_text() -> None:
    from vbhc.paragraphs import noise_mark

    assert not noise_mark("(ký kết ngày 05/3/2026)")
    assert not noise_mark("(đã kýx)")


LAID_OUT = """\
       BỘ GIÁO DỤC VÀ ĐÀO TẠO                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                                   Độc lập - Tự do - Hạnh phúc
         Số: 02/2026/TT-BGDĐT
                                                  Hà Nội, ngày 10 tháng 1 năm 2026
                                      THÔNG TƯ
                      Quy định chuẩn chương trình đào tạo giáo viên

      Điều 1. Phạm vi điều chỉnh
      Thông tư này quy định chuẩn chương trình đào tạo giáo viên./.

                                                           KT. BỘ TRƯỞNG
Nơi nhận:                                                   THỨ TRƯỞNG
- Như Điều 3;
- Lưu: VT, GDĐH.
                                                        Nguyễn Văn Phúc
"""


def test_signer_column_starting_a_line_above_the_recipients_label() -> None:
    # pdftotext -layout (vju 14B/TT): "KT. BỘ TRƯỞNG" alone, then "Nơi nhận:" beside "THỨ TRƯỞNG"
    doc = vbhc.parse_text(LAID_OUT)
    assert doc.signer.authority == ("KT. BỘ TRƯỞNG",)
    assert doc.signer.position == "THỨ TRƯỞNG"
    assert doc.signer.name == "Nguyễn Văn Phúc"
    assert doc.archive == ("VT", "GDĐH")


@pytest.mark.parametrize(("authority_line", "label_line"), [
    ("KT. BỘ TRƯỞNG", "Nơi nhận:        THỨ TRƯỞNG"),  # a narrow gap: one line, label and position
    (" " * 48 + "KT. BỘ TRƯỞNG", "Nơi nhận:" + " " * 40 + "THỨ TRƯỞNG"),  # two columns (vju 9B/TT)
], ids=["shared-line", "columns"])
def test_position_beside_the_recipients_label(authority_line: str, label_line: str) -> None:
    # pdftotext text read without columns: the label and the position on one printed line
    text = "\n".join([*HEADER, "", authority_line, label_line, "- Như Điều 3;", "- Lưu: VT, GDĐH."])
    signer = vbhc.parse_text(text).signer
    assert signer.authority == ("KT. BỘ TRƯỞNG",)
    assert signer.position == "THỨ TRƯỞNG"


def test_foot_columns_on_shared_lines_in_text_not_laid_out() -> None:
    # pdftotext output whose body is not indented (sct QĐ 2463/QĐ-UBND): only the foot shares its lines
    body = ["Điều 1. Chấp thuận chủ trương đầu tư dự án.",
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký và được lập thành 03 bản chính./."]
    foot = [" Nơi nhận:                                        TM. UỶ BAN NHÂN DÂN",
            " - Các cơ quan có tên tại Điều 3;",
            " - Thường trực Tỉnh ủy (b/c);                          CHỦ TỊCH",
            " - Lưu: VT, KT.", "", "", "",
            "                                                      Nguyễn Tuấn Anh"]
    doc = vbhc.parse_text("\n".join([*HEADER, "", *body, *foot]))
    assert doc.signer.authority == ("TM. UỶ BAN NHÂN DÂN",)
    assert doc.signer.position == "CHỦ TỊCH"
    assert doc.signer.name == "Nguyễn Tuấn Anh"
    assert [(r.name, r.note) for r in doc.recipients] == [("Các cơ quan có tên tại Điều 3", None),
                                                          ("Thường trực Tỉnh ủy", "b/c")]


def test_name_level_with_a_line_of_a_long_recipients_list() -> None:
    # vju 14B/TT (pdftotext, body not indented): on the next page the name stands far right, level with a
    # line of the recipients list
    body = ["Điều 1. Ban hành Quy định kiểm định chất lượng.",
            "Điều 2. Thông tư này có hiệu lực kể từ ngày ký./."]
    foot = ["                                                           KT. BỘ TRƯỞNG",
            "Nơi nhận:                                                   THỨ TRƯỞNG",
            "\f- Văn phòng Chính phủ;",  # the list goes on over a page break
            "- Cục kiểm tra văn bản QPPL (Bộ Tư pháp);",
            "                                                       Nguyễn Văn Phúc",
            "- Công báo;",
            "- Lưu: VT, Vụ PC."]
    doc = vbhc.parse_text("\n".join([*HEADER, "", *body, *foot]))
    assert doc.signer == vbhc.Signer(authority=("KT. BỘ TRƯỞNG",), position="THỨ TRƯỞNG", name="Nguyễn Văn Phúc")
    assert [r.name for r in doc.recipients][-1] == "Công báo"
    assert doc.archive == ("VT", "Vụ PC")


def test_appendix_title_under_the_name_is_not_part_of_it() -> None:
    # vbpl 01/2026/TT-BTP: "Phụ Lục" in mixed case right under the signer's name opens the attached appendix
    # (the text has a blank line after every line, as the vbpl export does)
    block = ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Thanh Tú", "Phụ Lục",
             "TIÊU CHÍ, TIÊU CHUẨN CHẤT LƯỢNG DỊCH VỤ SỰ NGHIỆP CÔNG", "1. Tiêu chí về thời gian."]
    doc = vbhc.parse_text(document(block).replace("\n", "\n\n"))
    assert doc.signer.name == "Nguyễn Thanh Tú"
    assert [a.title for a in doc.attachments] == ["Phụ Lục"]


@pytest.mark.parametrize("line", ["(Đã ký) Lê Thành Long", "( Đã ký) Lê Thành Long", "[ (Đã ký) Lê Thành Long"])
def test_name_sharing_its_line_with_the_signature_mark(line: str) -> None:
    # web copies flatten the signature cell: the mark and the name on one line, with or without the title
    # (tvpl 16/2025/NĐ-CP lost "TM. CHÍNH PHỦ" / "KT. THỦ TƯỚNG" / "PHÓ THỦ TƯỚNG" altogether)
    assert signer_of("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", line) == vbhc.Signer(
        authority=("KT. CHỦ TỊCH",), position="PHÓ CHỦ TỊCH", name="Lê Thành Long")
    assert signer_of(line) == vbhc.Signer(name="Lê Thành Long")


def test_a_mark_before_words_that_are_no_name_gives_no_signer() -> None:
    assert signer_of("(Đã ký) theo quy định") == vbhc.Signer()


def test_signature_mark_with_spaces_inside_its_brackets() -> None:
    assert signer_of("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "( Đã ký )", "Lê Thành Long").name == "Lê Thành Long"
