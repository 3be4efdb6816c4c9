"""Directives: the numbered and bulleted items of the body (nội dung, ô 6), as a tree.

Two numbering families nest the items (rules §3.7, §5, §6.4)::

    legal style                              report style
    Phần I                                   I. MỤC ĐÍCH, YÊU CẦU          (Party: I- ...)
      Chương I / QUY ĐỊNH CHUNG                1. Mục đích
        Mục 1. VĂN BẢN ĐI                        1.1. ...
          Điều 1. Phạm vi điều chỉnh               1.1.1. ...
            1. (khoản) ...                         a) ...
              a) (điểm) ...                          - ...
                                                       + ...

A paragraph without a label continues the item above it (joined with a line break); a paragraph cut by
a page break goes on with a space. The opening paragraphs before the first item, the căn cứ, the
"QUYẾT ĐỊNH:" line and the closing formula ("Trên đây là ...", "... thực hiện./.") stay outside the tree.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

import vbhc
from vbhc.patterns import label_of

HEADER = ("UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", "Số: 12/KH-SCT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
          "Độc lập - Tự do - Hạnh phúc", "Lào Cai, ngày 05 tháng 01 năm 2020", "", "KẾ HOẠCH",
          "Kiểm tra vật liệu nổ công nghiệp năm 2020", "")
FOOT = ("", "Nơi nhận:", "- Như trên;", "- Lưu: VT, KT.", "", "GIÁM ĐỐC", "", "Nguyễn Văn An")

Outline = list[tuple[str, "Outline"]]


def directives_of(*body: str, header: Sequence[str] = HEADER) -> tuple[vbhc.Directive, ...]:
    """Parse a document with `body` (one paragraph per line) and return its directives."""
    return vbhc.parse_text("\n".join([*header, *body, *FOOT])).directives


def outline(items: Sequence[vbhc.Directive]) -> Outline:
    """The tree's labels only: [(label, children), ...]."""
    return [(d.label, outline(d.children)) for d in items]


def flat(items: Sequence[vbhc.Directive]) -> list[vbhc.Directive]:
    return [x for d in items for x in (d, *flat(d.children))]


# --- labels ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "label", "kind"), [
    ("Phần I", "Phần I", "part"),
    ("Phần thứ nhất. NHỮNG QUY ĐỊNH CHUNG", "Phần thứ nhất.", "part"),
    ("Chương II", "Chương II", "chapter"),
    ("Chương IIa. QUY ĐỊNH BỔ SUNG", "Chương IIa.", "chapter"),
    ("Mục 1. VĂN BẢN ĐI", "Mục 1.", "section"),
    ("Điều 1. Phạm vi điều chỉnh", "Điều 1.", "article"),
    ("Điều 8a. Quản lý văn bản điện tử", "Điều 8a.", "article"),
    ("Điều 3 Phạm vi điều chỉnh", "Điều 3", "article"),  # a web copy that lost the dot
    ("I. MỤC ĐÍCH, YÊU CẦU", "I.", "roman"),
    ("IV. TỔ CHỨC THỰC HIỆN", "IV.", "roman"),
    ("II- NHIỆM VỤ VÀ GIẢI PHÁP", "II-", "roman"),
    ("1. Các cấp, các ngành quán triệt", "1.", "number"),
    ("1.Các cấp, các ngành quán triệt", "1.", "number"),
    ("12. Sở Y tế chủ trì", "12.", "number"),
    ("1) Hồ sơ pháp lý", "1)", "number"),
    ("2.1. Các cấp ủy đảng", "2.1.", "decimal"),
    ("1.1.1. Về sử dụng vật liệu nổ", "1.1.1.", "decimal"),
    ("a) Soạn thảo văn bản", "a)", "letter"),
    ("đ) Văn bản điện tử", "đ)", "letter"),
    ("a1) Điểm được bổ sung", "a1)", "letter"),
    ("- Kho chứa vật liệu nổ", "-", "dash"),
    ("+ Kho tạm", "+", "plus"),
], ids=["phan", "phan-thu-nhat", "chuong", "chuong-inserted", "muc", "dieu", "dieu-inserted", "dieu-no-dot",
        "roman", "roman-iv",
        "roman-hyphen", "khoan", "khoan-no-space", "khoan-two-digits", "khoan-bracket", "decimal", "decimal-3",
        "diem", "diem-dd", "diem-inserted", "dash", "plus"])
def test_label_of(text: str, label: str, kind: str) -> None:
    found = label_of(text)
    assert found is not None
    assert found[:2] == (label, kind)


@pytest.mark.parametrize("text", [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Điều 12 của Nghị định số 30/2020/NĐ-CP quy định về thể thức văn bản.",
    "2020 là năm đầu tiên thực hiện Nghị định.",
    "1.000 người tham gia tiêm vắc xin.",
    "Hà Nội, ngày 05 tháng 01 năm 2020",
    "UBND tỉnh yêu cầu các sở, ban, ngành thực hiện.",
    # an article cited by number and document, wrapped to a line start (tvpl 308/2025/NĐ-CP)
    "Điều 4 Nghị định này;",
    "Điều 39 Luật Di sản văn hóa đối với từng dự án cụ thể.",
], ids=["basis", "article-citation", "year", "thousands", "place-date", "sentence", "article-of-this-decree",
        "article-of-a-law"])
def test_plain_paragraph_has_no_label(text: str) -> None:
    assert label_of(text) is None


def test_rank_order_of_the_labels() -> None:
    # Phần > Chương > Mục > Điều > I. > 1. > 1.1. > 1.1.1. > a) > - > +
    chain = ["Phần I", "Chương I", "Mục 1", "Điều 1. Tên", "I. TÊN", "1. Tên", "1.1. Tên", "1.1.1. Tên",
             "a) Tên", "- Tên", "+ Tên"]
    ranks = []
    for text in chain:
        found = label_of(text)
        assert found is not None, text
        ranks.append(found[2])
    assert ranks == sorted(ranks)
    assert len(set(ranks)) == len(ranks)


def test_tieu_muc_stands_between_muc_and_dieu() -> None:
    # rules §6.4: Phần -> Chương -> Mục -> Tiểu mục -> Điều
    muc, tieu_muc, dieu = label_of("Mục 1. VĂN BẢN ĐI"), label_of("Tiểu mục 1. VĂN BẢN GIẤY"), label_of("Điều 1. Tên")
    assert muc is not None and dieu is not None
    assert tieu_muc is not None
    assert tieu_muc[0] == "Tiểu mục 1."
    assert muc[2] < tieu_muc[2] < dieu[2]


# --- trees ------------------------------------------------------------------------------------------

def test_legal_tree_chuong_dieu_khoan_diem() -> None:
    items = directives_of(
        "Chương I",
        "QUY ĐỊNH CHUNG",
        "Điều 1. Phạm vi điều chỉnh",
        "1. Quy chế này quy định về công tác văn thư.",
        "a) Soạn thảo, ký ban hành văn bản;",
        "b) Quản lý văn bản.",
        "2. Quy chế này áp dụng đối với các phòng thuộc Sở.",
        "Điều 2. Giải thích từ ngữ",
        "Chương II",
        "QUẢN LÝ VĂN BẢN",
        "Điều 3. Trình tự quản lý văn bản đi",
    )
    assert outline(items) == [
        ("Chương I", [
            ("Điều 1.", [("1.", [("a)", []), ("b)", [])]), ("2.", [])]),
            ("Điều 2.", []),
        ]),
        ("Chương II", [("Điều 3.", [])]),
    ]
    dieu1 = items[0].children[0]
    assert dieu1.text == "Phạm vi điều chỉnh"
    assert dieu1.children[0].children[0].text == "Soạn thảo, ký ban hành văn bản;"


def test_chapter_title_on_the_line_below() -> None:
    # "Chương I" stands on its own line with its name in capitals below (rules §3.7)
    items = directives_of("Chương I", "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh")
    assert items[0].label == "Chương I"
    assert items[0].text == "QUY ĐỊNH CHUNG"


def test_legal_tree_phan_chuong_muc_dieu() -> None:
    items = directives_of(
        "Phần I. NHỮNG QUY ĐỊNH CHUNG",
        "Chương I. PHẠM VI ĐIỀU CHỈNH",
        "Mục 1. VĂN BẢN ĐI",
        "Điều 1. Soạn thảo văn bản",
        "Điều 2. Ký ban hành văn bản",
        "Mục 2. VĂN BẢN ĐẾN",
        "Điều 3. Tiếp nhận văn bản đến",
        "Phần II. TỔ CHỨC THỰC HIỆN",
        "Điều 4. Hiệu lực thi hành",
    )
    assert outline(items) == [
        ("Phần I.", [("Chương I.", [("Mục 1.", [("Điều 1.", []), ("Điều 2.", [])]),
                                    ("Mục 2.", [("Điều 3.", [])])])]),
        ("Phần II.", [("Điều 4.", [])]),
    ]
    assert [d.text for d in items] == ["NHỮNG QUY ĐỊNH CHUNG", "TỔ CHỨC THỰC HIỆN"]


def test_report_tree_roman_number_decimal_letter_dash_plus() -> None:
    items = directives_of(
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "1.1. Đánh giá việc chấp hành pháp luật.",
        "1.1.1. Về sử dụng vật liệu nổ công nghiệp.",
        "1.2. Kịp thời phát hiện vi phạm:",
        "a) Các tổ chức sử dụng vật liệu nổ;",
        "- Kho chứa;",
        "+ Kho tạm;",
        "+ Kho cố định.",
        "- Phương tiện vận chuyển.",
        "b) Các tổ chức kinh doanh.",
        "2. Yêu cầu:",
        "II. NỘI DUNG KIỂM TRA",
        "1. Hồ sơ pháp lý.",
    )
    assert outline(items) == [
        ("I.", [
            ("1.", [
                ("1.1.", [("1.1.1.", [])]),
                ("1.2.", [
                    ("a)", [("-", [("+", []), ("+", [])]), ("-", [])]),
                    ("b)", []),
                ]),
            ]),
            ("2.", []),
        ]),
        ("II.", [("1.", [])]),
    ]
    assert items[0].text == "MỤC ĐÍCH, YÊU CẦU"
    dash = items[0].children[0].children[1].children[0].children[0]
    assert (dash.label, dash.text) == ("-", "Kho chứa;")
    assert [p.text for p in dash.children] == ["Kho tạm;", "Kho cố định."]


def test_party_roman_with_hyphen() -> None:
    # Party nghị quyết, kế hoạch: "I- ...", then 1., a), - (rules §5)
    items = directives_of("I- HƯỚNG DẪN CHUNG", "1. Thể thức văn bản.", "a) Tiêu đề;", "- Quốc hiệu.",
                          "II- HƯỚNG DẪN CỤ THỂ", "1. Kỹ thuật trình bày.")
    assert outline(items) == [("I-", [("1.", [("a)", [("-", [])])])]), ("II-", [("1.", [])])]
    assert items[0].text == "HƯỚNG DẪN CHUNG"


def test_dashes_right_under_a_numbered_item() -> None:
    items = directives_of("1. Chủ động rà soát, khắc phục tồn tại.", "2. Tăng cường chỉ đạo một số giải pháp sau:",
                          "- Tiếp tục phát huy vai trò lãnh đạo của cấp ủy.",
                          "- Nâng cao hiệu quả của các cơ chế chính sách.", "3. Tổ chức thực hiện.")
    assert outline(items) == [("1.", []), ("2.", [("-", []), ("-", [])]), ("3.", [])]


def test_points_follow_the_vietnamese_alphabet() -> None:
    # điểm a, b, c, d, đ, e: đ follows d (rules §3.7)
    items = directives_of("Điều 1. Đối tượng kiểm tra", "1. Các tổ chức sau:", *(f"{c}) Đơn vị {c};" for c in "abcdđe"))
    assert [d.label for d in items[0].children[0].children] == ["a)", "b)", "c)", "d)", "đ)", "e)"]


def test_decision_articles_after_the_preamble() -> None:
    header = ("UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", "Số: 12/QĐ-SCT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              "Độc lập - Tự do - Hạnh phúc", "Lào Cai, ngày 05 tháng 01 năm 2020", "", "QUYẾT ĐỊNH",
              "Về việc thành lập Đoàn kiểm tra", "", "GIÁM ĐỐC SỞ CÔNG THƯƠNG TỈNH LÀO CAI", "")
    items = directives_of(
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;",
        "Theo đề nghị của Trưởng phòng Kỹ thuật an toàn.",
        "QUYẾT ĐỊNH:",
        "Điều 1. Thành lập Đoàn kiểm tra, gồm các ông (bà) có tên sau:",
        "1. Ông Nguyễn Văn B, Phó Giám đốc Sở - Trưởng đoàn;",
        "2. Ông Trần Văn C, chuyên viên - Thành viên.",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
        "Điều 3. Chánh Văn phòng Sở và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
        header=header,
    )
    assert outline(items) == [("Điều 1.", [("1.", []), ("2.", [])]), ("Điều 2.", []), ("Điều 3.", [])]
    assert not any("Căn cứ" in d.text or "QUYẾT ĐỊNH" in d.text for d in flat(items))


DECISION = ("UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", "Số: 12/QĐ-SCT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc", "Lào Cai, ngày 05 tháng 01 năm 2020", "", "QUYẾT ĐỊNH",
            "Về việc thành lập Đoàn kiểm tra", "", "GIÁM ĐỐC SỞ CÔNG THƯƠNG TỈNH LÀO CAI", "", "QUYẾT ĐỊNH:",
            "Điều 1. Thành lập Đoàn kiểm tra.")


@pytest.mark.parametrize(("last", "text"), [
    # an article titled on its line: the paragraphs under it are its content, "./." included (tvpl 100/QĐ-UBND)
    (["**Điều 2. Tổ chức thực hiện**", "Chánh Văn phòng Sở chịu trách nhiệm thi hành Quyết định này./."],
     "Tổ chức thực hiện\nChánh Văn phòng Sở chịu trách nhiệm thi hành Quyết định này./."),
    (["**Điều 2. Hiệu lực thi hành**", "Quyết định này có hiệu lực kể từ ngày 08 tháng 01 năm 2026./."],
     "Hiệu lực thi hành\nQuyết định này có hiệu lực kể từ ngày 08 tháng 01 năm 2026./."),
    # an article holding its own sentence: the effect formula under it closes the body (sct QĐ 3728/QĐ-SCT)
    (["Điều 2. Chánh Văn phòng Sở chịu trách nhiệm thi hành Quyết định này.",
      "Quyết định này có hiệu lực kể từ ngày ký./."],
     "Chánh Văn phòng Sở chịu trách nhiệm thi hành Quyết định này."),
], ids=["titled-article", "titled-effect-article", "effect-formula-after-a-sentence"])
def test_last_article_keeps_its_content(last: list[str], text: str) -> None:
    items = directives_of(*last, header=DECISION)
    assert [d.label for d in items] == ["Điều 1.", "Điều 2."]
    assert items[-1].text == text


# --- text of an item ----------------------------------------------------------------------------------

def test_continuation_paragraph_stays_in_its_item() -> None:
    items = directives_of(
        "1. Các cấp, các ngành quán triệt thực hiện nghiêm túc Thông báo kết luận số 172-TB/TW.",
        "Đẩy mạnh công tác tuyên truyền, vận động nhân dân nâng cao ý thức tự bảo vệ mình.",
        "Tiếp tục kiểm tra, rà soát hoàn thiện các phương án của tỉnh.",
        "2. Các sở, ngành thực hiện đẩy mạnh công tác tuyên truyền.",
    )
    assert outline(items) == [("1.", []), ("2.", [])]
    assert items[0].text == ("Các cấp, các ngành quán triệt thực hiện nghiêm túc Thông báo kết luận số 172-TB/TW.\n"
                             "Đẩy mạnh công tác tuyên truyền, vận động nhân dân nâng cao ý thức tự bảo vệ mình.\n"
                             "Tiếp tục kiểm tra, rà soát hoàn thiện các phương án của tỉnh.")


def test_paragraph_cut_by_a_page_break_joins_with_a_space() -> None:
    # contract: "a paragraph split by a page break joined with ' '"
    items = directives_of("1. Tiếp tục kiểm tra, rà soát các phương án để triển khai các biện pháp", "",
                          "ứng phó phù hợp, hiệu quả.", "2. Ưu tiên mọi điều kiện, nguồn lực để chống dịch.")
    assert outline(items) == [("1.", []), ("2.", [])]
    assert items[0].text == ("Tiếp tục kiểm tra, rà soát các phương án để triển khai các biện pháp "
                             "ứng phó phù hợp, hiệu quả.")


@pytest.mark.parametrize("closing", [
    "UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành nghiêm túc triển khai thực hiện./.",
    "Trên đây là Kế hoạch kiểm tra năm 2020 của Sở Công Thương.",
    "Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị phản ánh về Sở Công Thương để tổng hợp.",
    "Với nội dung trên, các cơ quan, đơn vị, địa phương thực hiện./.",
], ids=["thuc-hien", "tren-day-la", "trong-qua-trinh", "voi-noi-dung-tren"])
def test_opening_and_closing_paragraphs_stay_outside(closing: str) -> None:
    opening = ("Hiện nay, tình hình dịch bệnh diễn biến phức tạp, khó lường, tác động toàn diện tới kinh tế, "
               "xã hội của tỉnh.")
    items = directives_of(opening, "1. Sở Y tế chủ trì triển khai công tác tiêm phòng.",
                          "2. Công an tỉnh tăng cường kiểm tra, giám sát.", closing)
    assert outline(items) == [("1.", []), ("2.", [])]
    assert items[-1].text == "Công an tỉnh tăng cường kiểm tra, giám sát."
    assert items[0].text == "Sở Y tế chủ trì triển khai công tác tiêm phòng."


def test_last_label_standing_alone_keeps_its_text() -> None:
    # tvpl 4001/UBND-DT: "**3.**" on its line, then the item's text ending the body with "./."
    items = directives_of("1. Chấp thuận đề nghị của Sở Nông nghiệp và Môi trường.", "**3.**",
                          "Giao Sở Nông nghiệp và Môi trường là cơ quan đầu mối, theo dõi, đôn đốc thực hiện./.")
    assert outline(items) == [("1.", []), ("3.", [])]
    assert items[-1].text == "Giao Sở Nông nghiệp và Môi trường là cơ quan đầu mối, theo dõi, đôn đốc thực hiện./."


def test_body_without_items_has_no_directives() -> None:
    items = directives_of("Sở Công Thương đề nghị các đơn vị báo cáo kết quả trước ngày 15/01/2020.",
                          "Trân trọng./.")
    assert items == ()
