"""Nơi nhận (ô 9b) with its Lưu line, and Kính gửi (ô 9a).

At the foot, left of the signature (rules §3.10, §5)::

    Nơi nhận:
    - Như trên;                          <- one item a line, "- " in front, ";" after
    - TT: Tỉnh ủy, HĐND tỉnh; (b/c)      <- a purpose in brackets: b/c (báo cáo), để b/c, t/h, đăng tải
    - Cổng thông tin điện tử (đăng tải);
    - Lưu: VT, VX1.                      <- the archive: Văn thư and the drafting unit, then copies

Ô 12 (drafter initials, copy count) may follow the Lưu line or sit inside it: "Lưu: VT, CN (2). nvv",
"Lưu: VT, KT (Ng.5b).". Party documents write "Lưu" without a colon and without "VT".
Kính gửi stands under the trích yếu: one addressee on its line, or a dashed list below it.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

import vbhc
from vbhc.models import IssueCode

HEADER = ("UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", "Số: 12/SCT-CN", "V/v kiểm tra vật liệu nổ công nghiệp",
          "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Lào Cai, ngày 05 tháng 01 năm 2020", "")
ADDRESSEES = ("Kính gửi: Các đơn vị sử dụng vật liệu nổ công nghiệp.", "")
BODY = ("Sở Công Thương đề nghị các đơn vị thực hiện./.", "")
SIGNER = ("", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Nguyễn Văn An")


def document(foot: Sequence[str], *, addressees: Sequence[str] = ADDRESSEES) -> vbhc.Document:
    """A công văn whose Nơi nhận block is `foot`, followed by the signature."""
    return vbhc.parse_text("\n".join([*HEADER, *addressees, *BODY, *foot, *SIGNER]))


def recipients_of(*items: str) -> tuple[vbhc.Recipient, ...]:
    return document(["Nơi nhận:", *items, "- Lưu: VT."]).recipients


# --- items and their notes -----------------------------------------------------------------------------

@pytest.mark.parametrize(("item", "name", "note"), [
    ("- Như trên;", "Như trên", None),
    ("- Các sở, ban, ngành tỉnh;", "Các sở, ban, ngành tỉnh", None),
    ("- TT: Tỉnh ủy, HĐND tỉnh; (b/c)", "TT: Tỉnh ủy, HĐND tỉnh", "b/c"),
    ("- TT. Thành ủy, HĐND thành phố (b/c);", "TT. Thành ủy, HĐND thành phố", "b/c"),
    ("- Thường trực Tỉnh ủy (để b/c);", "Thường trực Tỉnh ủy", "để b/c"),
    ("- Bộ Tài chính; (Báo cáo)", "Bộ Tài chính", "Báo cáo"),
    ("- TT. Huyện uỷ; (B/c)", "TT. Huyện uỷ", "B/c"),
    ("- Như trên (t/h);", "Như trên", "t/h"),
    ("- Cổng thông tin điện tử huyện (đăng tải);", "Cổng thông tin điện tử huyện", "đăng tải"),
    ("- Các tỉnh ủy, thành ủy,", "Các tỉnh ủy, thành ủy", None),
    ("- VPUBND tỉnh: V, C, CB, HC;", "VPUBND tỉnh: V, C, CB, HC", None),
    # a bracket that qualifies the name rather than saying what the copy is for stays in the name
    ("- Cục Kiểm tra văn bản QPPL (Bộ Tư pháp);", "Cục Kiểm tra văn bản QPPL (Bộ Tư pháp)", None),
    ("- CVP, PCVP UBND tỉnh (Tú, Bích);", "CVP, PCVP UBND tỉnh (Tú, Bích)", None),
    ("- Phó Chủ tịch UBND tỉnh (phụ trách XD);", "Phó Chủ tịch UBND tỉnh (phụ trách XD)", None),
    ("- Như trên (số 208, ngõ 66, phố Kim Mã Thượng);", "Như trên (số 208, ngõ 66, phố Kim Mã Thượng)", None),
    ("- Văn phòng Chính phủ (đẻ p/hợp);", "Văn phòng Chính phủ", "đẻ p/hợp"),  # OCR of "để"
], ids=["nhu-tren", "group", "note-after-semicolon", "note-before-semicolon", "de-bc", "note-after-semicolon-word",
        "old-tones-kept", "t-h", "dang-tai", "party-comma", "colon-inside", "agency-qualifier", "persons",
        "role", "address", "ocr-purpose"])
def test_recipient_item(item: str, name: str, note: str | None) -> None:
    assert recipients_of(item) == (vbhc.Recipient(name=name, note=note),)


def test_items_in_order_without_the_luu_line() -> None:
    doc = document(["Nơi nhận:", "- Như trên;", "- TT: Tỉnh ủy, HĐND tỉnh; (b/c)", "- UBND tỉnh: U;",
                    "- Ban Tuyên giáo Tỉnh ủy;", "- Lưu: VT, VX1."])
    assert [r.name for r in doc.recipients] == ["Như trên", "TT: Tỉnh ủy, HĐND tỉnh", "UBND tỉnh: U",
                                                "Ban Tuyên giáo Tỉnh ủy"]
    assert doc.archive == ("VT", "VX1")


def test_item_wrapped_over_two_lines() -> None:
    doc = document(["Nơi nhận:", "- Như trên;", "- Các đơn vị sự nghiệp công lập trực thuộc", "Sở Công Thương;",
                    "- Lưu: VT, CN."])
    assert [r.name for r in doc.recipients] == ["Như trên", "Các đơn vị sự nghiệp công lập trực thuộc Sở Công Thương"]


def test_markdown_bold_label() -> None:
    doc = document(["**Nơi nhận:**", "", "- Như trên (t/h);", "- TT. Thành ủy, HĐND thành phố (b/c);",
                    "- Lưu: VT, TH."])
    assert doc.recipients == (vbhc.Recipient(name="Như trên", note="t/h"),
                              vbhc.Recipient(name="TT. Thành ủy, HĐND thành phố", note="b/c"))
    assert doc.archive == ("VT", "TH")


def test_decision_first_item_names_the_executing_article() -> None:
    doc = document(["Nơi nhận:", "- Như Điều 3;", "- Giám đốc Sở (b/c);", "- Lưu: VT, TCCB."])
    assert doc.recipients == (vbhc.Recipient(name="Như Điều 3"), vbhc.Recipient(name="Giám đốc Sở", note="b/c"))


# --- the Lưu line --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "archive"), [
    ("- Lưu: VT, VX1.", ("VT", "VX1")),
    ("- Lưu: VT.", ("VT",)),
    ("- Lưu: VT, TCCB.", ("VT", "TCCB")),
    ("- Lưu: VT, CN (2). nvv", ("VT", "CN (2)")),
    ("- Lưu: VT, KT (Ng.5b).", ("VT", "KT (Ng.5b)")),
    ("- Lưu: VT, VX, Hg(10b).", ("VT", "VX", "Hg(10b)")),
    ("- Lưu: VT, TH. *TH*", ("VT", "TH")),
    ("- Lưu: Văn thư, Phòng KT.", ("Văn thư", "Phòng KT")),
    ("- Lưu VT, TH-TĐ10b.", ("VT", "TH-TĐ10b")),
    ("- Lưu Văn phòng Trung ương Đảng.", ("Văn phòng Trung ương Đảng",)),
    ("- Lưu: VT, ĐT&CTSV; QH06.", ("VT", "ĐT&CTSV", "QH06")),
], ids=["vt-unit", "vt-only", "tccb", "copies-and-initials", "initials-in-brackets", "copies-glued",
        "stray-mark-after", "van-thu-spelled-out", "no-colon", "party", "semicolon"])
def test_luu_line_split_into_archive(line: str, archive: tuple[str, ...]) -> None:
    doc = document(["Nơi nhận:", "- Như trên;", line])
    assert doc.archive == archive
    assert [r.name for r in doc.recipients] == ["Như trên"]


def test_drafter_line_after_luu_is_not_archive() -> None:
    # ô 12 on its own line under the list: "PL.(300)"
    doc = document(["Nơi nhận:", "- Như trên;", "- Lưu: VT, TCCB.", "PL.(300)"])
    assert doc.archive == ("VT", "TCCB")


def test_no_recipients_is_reported() -> None:
    doc = document([])
    assert doc.recipients == ()
    assert doc.archive == ()
    assert IssueCode.MISSING_RECIPIENTS in {issue.code for issue in doc.issues}


# --- Kính gửi --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("lines", "addressees"), [
    (["Kính gửi: Bộ Nội vụ."], ("Bộ Nội vụ",)),
    (["Kính gửi:", "- Các sở, ban, ngành, đoàn thể tỉnh;", "- UBND các huyện, thành phố."],
     ("Các sở, ban, ngành, đoàn thể tỉnh", "UBND các huyện, thành phố")),
    (["Kính gửi:", "", "- Các sở, ban, ngành, đoàn thể tỉnh;", "", "- UBND các huyện, thành phố."],
     ("Các sở, ban, ngành, đoàn thể tỉnh", "UBND các huyện, thành phố")),
    (["Kính gửi: Ủy ban nhân dân tỉnh Lào Cai"], ("Ủy ban nhân dân tỉnh Lào Cai",)),
], ids=["one-on-the-line", "dashed-list", "dashed-list-markdown", "no-final-period"])
def test_addressees(lines: list[str], addressees: tuple[str, ...]) -> None:
    doc = document(["Nơi nhận:", "- Như trên;", "- Lưu: VT."], addressees=[*lines, ""])
    assert doc.addressees == addressees
    assert [r.name for r in doc.recipients] == ["Như trên"]


def test_first_item_whose_dash_stands_on_a_line_of_its_own() -> None:
    # tvpl 308/2025/NĐ-CP: "*Nơi nhận:*" / "-" / "Ban Bí thư Trung ương Đảng;" / "- Thủ tướng, ..."
    doc = document(["*Nơi nhận:*", "-", "Ban Bí thư Trung ương Đảng;", "- Thủ tướng, các Phó Thủ tướng Chính phủ;",
                    "- Lưu: VT, KGVX (2)."])
    assert [r.name for r in doc.recipients] == ["Ban Bí thư Trung ương Đảng", "Thủ tướng, các Phó Thủ tướng Chính phủ"]
    assert doc.archive == ("VT", "KGVX (2)")


def test_item_whose_dash_stands_on_a_line_of_its_own_inside_the_list() -> None:
    # tvpl 37694/TB-CHQ: the rest of the list and the Lưu line were lost after such an item
    doc = document(["Nơi nhận:", "- Công ty TNHH Công nghệ Huawei Việt Nam;", "-", "PCT. Nguyễn Thành",
                    "Hưng (để b/cáo);", "- Chi cục Kiểm định Hải quan;", "- Lưu: VT, NVTHQ-PL-Hoàng (3b)."])
    assert doc.recipients == (vbhc.Recipient(name="Công ty TNHH Công nghệ Huawei Việt Nam"),
                              vbhc.Recipient(name="PCT. Nguyễn Thành Hưng", note="để b/cáo"),
                              vbhc.Recipient(name="Chi cục Kiểm định Hải quan"))
    assert doc.archive == ("VT", "NVTHQ-PL-Hoàng (3b)")


def test_luu_line_wrapped_after_its_label() -> None:
    # tvpl 17899/BTC-VP: "- Lưu:" / "VT, VP (38b)." in a narrow cell
    doc = document(["*Nơi nhận:*", "- Như trên;", "- Cổng", "Thông tin điện tử BTC;", "- Lưu:", "VT, VP (38b)."])
    assert [r.name for r in doc.recipients] == ["Như trên", "Cổng Thông tin điện tử BTC"]
    assert doc.archive == ("VT", "VP (38b)")


def test_empty_luu_line_does_not_take_the_signer() -> None:
    doc = document(["Nơi nhận:", "- Như trên;", "- Lưu:"])
    assert doc.archive == ()
    assert doc.signer.authority == ("KT. GIÁM ĐỐC",)


def test_items_run_on_one_line() -> None:
    # tvpl 09/2025/NĐ-CP: a web conversion printed the whole list on one line
    doc = document(["Nơi nhận:", "- Thủ tướng, các Phó Thủ tướng Chính phủ; - Các bộ, cơ quan ngang bộ; "
                    "- HĐND, UBND các tỉnh (để t/h); - Lưu: VT, NN (2)."])
    assert doc.recipients == (vbhc.Recipient(name="Thủ tướng, các Phó Thủ tướng Chính phủ"),
                              vbhc.Recipient(name="Các bộ, cơ quan ngang bộ"),
                              vbhc.Recipient(name="HĐND, UBND các tỉnh", note="để t/h"))
    assert doc.archive == ("VT", "NN (2)")


def test_luu_line_as_a_sub_item() -> None:
    # tvpl 471/QĐ-UBND: the Lưu line under "- Văn phòng UBND tỉnh:" with a "+"
    doc = document(["Nơi nhận:", "- Như Điều 3;", "- Văn phòng UBND tỉnh:", "+ LĐVP, TPKTTH, KGVX, TH;",
                    "+ Lưu: VT, KTTHTú."])
    assert [r.name for r in doc.recipients] == ["Như Điều 3", "Văn phòng UBND tỉnh:", "LĐVP, TPKTTH, KGVX, TH"]
    assert doc.archive == ("VT", "KTTHTú")
