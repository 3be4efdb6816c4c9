"""Normalisation: what a file holds besides the document's text, and the spellings that must read alike.

Real text comes from Word exports, web pages converted to Markdown, PDF text layers and OCR (rules §2, §7, §8):

* tone placement differs (hoà / hòa, uỷ / ủy): matching folds both to one style, values keep the original;
* Unicode may come decomposed (NFD), with look-alike letters (Ð for Đ) and no-break spaces;
* Markdown adds emphasis (``**``, ``*``) and table pipes; OCR spaces out digits ("Số: 7 0 0 /QĐ-ĐHVN");
* signing systems leave their appearance text ("Ký bởi: ...", ISO timestamps) in the text layer, and a
  receiving office stamps "ĐẾN Số: ... Ngày: ..." on page 1: both are set aside, never content.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

import pytest

import vbhc
from vbhc.models import IssueCode
from vbhc.normalize import fold_tones, normalize
from vbhc.patterns import starts_with
from vbhc.tones import tone_sensitive

HEADER = ("UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", "Số: 628/SCT-CN", "V/v kiểm tra vật liệu nổ công nghiệp",
          "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Lào Cai, ngày 05 tháng 01 năm 2020", "")
BODY = ("Kính gửi: Các đơn vị sử dụng vật liệu nổ công nghiệp.", "",
        "Sở Công Thương đề nghị các đơn vị thực hiện./.", "")
FOOT = ("Nơi nhận:", "- Như trên;", "- Lưu: VT, CN.", "", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Nguyễn Thị Hồng Tuyến")


def slug(text: str) -> str:
    """An ASCII test id, tones written Telex-style: "hoà" -> "hoaf", "hoả" -> "hoar"."""
    tones = {"\u0300": "f", "\u0301": "s", "\u0309": "r", "\u0303": "x", "\u0323": "j"}
    plain = "".join(tones.get(c, "" if unicodedata.combining(c) else c)
                    for c in unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d")))
    return "-".join(plain.split())


def document(*, before: Sequence[str] = (), header: Sequence[str] = HEADER, after: Sequence[str] = ()) -> str:
    """A short công văn, with extra lines `before` the header and `after` the signature."""
    return "\n".join([*before, *header, *BODY, *FOOT, *after])


# --- tone placement --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("old", "new"), [
    ("hoà", "hòa"), ("uỷ", "ủy"), ("khoẻ", "khỏe"), ("thuỷ", "thủy"), ("tuỳ", "tùy"), ("hoả", "hỏa"),
    ("Khoá", "Khóa"), ("CỘNG HOÀ", "CỘNG HÒA"), ("Tỉnh uỷ", "Tỉnh ủy"), ("HOẢ TỐC", "HỎA TỐC"),
    ("HUYỆN UỶ ĐỊNH HOÁ", "HUYỆN ỦY ĐỊNH HÓA"), ("Giấy uỷ quyền", "Giấy ủy quyền"),
], ids=slug)
def test_fold_tones_moves_the_tone_to_the_first_vowel(old: str, new: str) -> None:
    assert fold_tones(old) == new
    assert len(fold_tones(old)) == len(old)


@pytest.mark.parametrize("word", ["hòa", "ủy", "khỏe", "quý", "Quý", "của", "Hoàng", "khoản", "thuyết", "người",
                                  "giá", "Hòa Bình", "Ủy ban nhân dân", "Độc lập - Tự do - Hạnh phúc"], ids=slug)
def test_fold_tones_leaves_new_style_and_other_words_alone(word: str) -> None:
    # "quý" is right as it stands ("qúy" is the wrong spelling, rules §8.2); a tone inside a word never moves
    assert fold_tones(word) == word


def test_fold_tones_is_idempotent_and_length_preserving() -> None:
    text = "Căn cứ Quyết định của Tỉnh uỷ về sức khoẻ, thuỷ lợi và phòng cháy, chữa cháy (hoả hoạn); CỘNG HOÀ"
    once = fold_tones(text)
    assert fold_tones(once) == once
    assert len(once) == len(text)
    assert once == "Căn cứ Quyết định của Tỉnh ủy về sức khỏe, thủy lợi và phòng cháy, chữa cháy (hỏa hoạn); CỘNG HÒA"


@pytest.mark.parametrize(("phrases", "sensitive"), [
    (("Căn cứ", "Nơi nhận", "Kính gửi"), False),
    (("Ủy ban",), True),
    (("CỘNG HÒA",), True),
    (("Khỏe",), True),
    (("Quý",), False),  # "quý" is never folded: no pair to match differently
])
def test_tone_sensitive_phrases(phrases: tuple[str, ...], sensitive: bool) -> None:
    assert tone_sensitive(phrases) is sensitive


@pytest.mark.parametrize(("text", "phrases"), [
    ("Uỷ ban nhân dân tỉnh", ("Ủy ban",)),
    ("- UỶ BAN NHÂN DÂN", ("Ủy ban",)),
    ("CỘNG HOÀ XÃ HỘI", ("Cộng hòa",)),
    ("Căn cứ Luật Tổ chức chính quyền địa phương", ("Căn cứ",)),
])
def test_opening_phrases_match_either_tone_placement(text: str, phrases: tuple[str, ...]) -> None:
    # phrases without a foldable pair are matched on the text itself, the others on its folded form
    assert starts_with(text, phrases)
    assert starts_with(fold_tones(text), phrases)


def test_values_keep_the_documents_own_spelling() -> None:
    header = ("ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", "Số: 628/UBND-VX", "V/v thực hiện Công văn số 1276-CV/TU của Tỉnh uỷ",
              "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Lai Châu, ngày 29 tháng 3 năm 2020",
              "")
    doc = vbhc.parse_text(document(header=header))
    assert doc.header.national_name == "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert doc.subject == "thực hiện Công văn số 1276-CV/TU của Tỉnh uỷ"


# --- characters -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("variant", [
    lambda t: unicodedata.normalize("NFD", t),
    lambda t: t.replace("Đ", "\u00d0"),
    lambda t: t.replace("Số: 628", "Số:\u00a0628").replace("Độc lập - ", "Độc lập\u00a0-\u00a0"),
    lambda t: t.replace("\n", "\r\n"),
    lambda t: "\ufeff" + t,
], ids=["nfd", "eth-lookalike", "nbsp", "crlf", "bom"])
def test_character_variants_read_alike(variant: Callable[[str], str]) -> None:
    text = document()
    assert vbhc.parse_text(variant(text)) == vbhc.parse_text(text)


# --- Markdown -----------------------------------------------------------------------------------------------

def test_markdown_emphasis_is_removed() -> None:
    header = ("**UBND TỈNH LÀO CAI**", "**SỞ CÔNG THƯƠNG**", "", "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**",
              "**Độc lập - Tự do - Hạnh phúc**", "", "Số: 628/SCT-CN", "*V/v kiểm tra vật liệu nổ công nghiệp*", "",
              "*Lào Cai, ngày 05 tháng 01 năm 2020*", "")
    doc = vbhc.parse_text(document(header=header))
    plain = vbhc.parse_text(document())
    assert doc.header == plain.header
    assert doc.subject == plain.subject == "kiểm tra vật liệu nổ công nghiệp"
    assert "*" not in repr(doc.model_dump())


@pytest.mark.parametrize(("line", "lines"), [
    ("**NGHỊ ĐỊNH**Quy định về chính sách", ["NGHỊ ĐỊNH", "Quy định về chính sách"]),  # a title glued to its text
    ("**- Hội nghị 1: **Gồm các tỉnh/thành phố:", ["- Hội nghị 1: Gồm các tỉnh/thành phố:"]),  # a bold lead-in
    ("đườ**n**g Phạm Hùng, Ph**ư**ờng Yên Hòa", ["đường Phạm Hùng, Phường Yên Hòa"]),  # marks inside words
    ("được x****ác định trước m****ã số", ["được xác định trước mã số"]),
    ("Điều 3. ****Chánh Văn phòng chịu trách nhiệm", ["Điều 3. Chánh Văn phòng chịu trách nhiệm"]),
], ids=["title", "lead-in", "inside-words", "empty-runs", "empty-run-after-label"])
def test_markdown_bold_run_glued_to_text(line: str, lines: list[str]) -> None:
    # web conversions (tvpl_*) set bold marks anywhere; only a capitals title glued to its text is two lines
    assert [ln.text for ln in normalize(line).lines] == lines


def test_markdown_cell_separators_are_removed() -> None:
    # a web page converted to Markdown: each table cell ends with a lone "|" line (tvpl_4240)
    text = "\n".join([
        "**ỦY BAN NHÂN DÂN", "**", "TỈNH LAI CHÂU", "-------", "|",
        "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "Độc lập - Tự do - Hạnh phúc", "---------------", "|", "|",
        "Số: 628/UBND-VX", "*V/v thực hiện Thông báo số 241/TB-VPCP*", "|",
        "*Lai Châu, ngày 29 tháng 3 năm 2020*", "|",
        "**Kính gửi:** Các sở, ban, ngành tỉnh.", "|",
        "UBND tỉnh yêu cầu các sở thực hiện./.", "|",
        "**Nơi nhận:**", "- Như trên;", "- Lưu: VT, VX1.", "|",
        "**KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH**", "", "", "**Tổng Thanh Hải**",
    ])
    doc = vbhc.parse_text(text)
    h = doc.header
    assert (h.national_name, h.motto) == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    assert (h.issuer, h.number, h.symbol) == ("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", "628", "UBND-VX")
    assert (h.place, h.date) == ("Lai Châu", "2020-03-29")
    assert doc.subject == "thực hiện Thông báo số 241/TB-VPCP"
    assert doc.addressees == ("Các sở, ban, ngành tỉnh",)
    assert doc.signer == vbhc.Signer(authority=("KT. CHỦ TỊCH",), position="PHÓ CHỦ TỊCH", name="Tổng Thanh Hải")
    assert not any("|" in r.name for r in doc.recipients)


def test_markdown_pipe_table_header() -> None:
    # the 2-column header table of a .docx, read row by row into a Markdown pipe table (rules §2)
    text = "\n".join([
        "| ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
        "|---|---|",
        "| TỈNH LAI CHÂU | Độc lập - Tự do - Hạnh phúc |",
        "| Số: 628/UBND-VX | Lai Châu, ngày 29 tháng 3 năm 2020 |",
        "", *BODY, *FOOT,
    ])
    h = vbhc.parse_text(text).header
    assert (h.national_name, h.motto) == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    assert h.issuer == "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"
    assert (h.number, h.symbol) == ("628", "UBND-VX")
    assert h.number_text == "Số: 628/UBND-VX"
    assert (h.place, h.date) == ("Lai Châu", "2020-03-29")


# --- OCR ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "number", "symbol"), [
    ("Số: 7 0 0 /QĐ-ĐHVN", "700", "QĐ-ĐHVN"),
    ("Số: 1 2/SCT-CN", "12", "SCT-CN"),
    ("Số: 0 5/BNV-VP", "05", "BNV-VP"),
], ids=["three-digits", "two-digits", "leading-zero"])
def test_spaced_digits_of_the_number(line: str, number: str, symbol: str) -> None:
    header = ("UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", line, "V/v kiểm tra vật liệu nổ công nghiệp",
              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Lào Cai, ngày 05 tháng 01 năm 2020",
              "")
    h = vbhc.parse_text(document(header=header)).header
    assert (h.number, h.symbol) == (number, symbol)


# --- digital signatures ----------------------------------------------------------------------------------------

def test_iso_timestamps_at_the_end_are_digital_signatures() -> None:
    # seed 002: the signing system's timestamps follow the signer's name in the PDF text layer
    after = ["", "\t\t2021-10-02T16:11:16+0700", "", "", "\t\t2021-10-03T11:34:28+0700", "", "",
             "\t\t2021-10-03T11:34:52+0700", ""]
    doc = vbhc.parse_text(document(after=after))
    assert doc.signer.name == "Nguyễn Thị Hồng Tuyến"
    assert [s.time for s in doc.digital_signatures] == ["2021-10-02T16:11:16+0700", "2021-10-03T11:34:28+0700",
                                                        "2021-10-03T11:34:52+0700"]
    assert IssueCode.DIGITAL_SIGNATURE in {issue.code for issue in doc.issues}


def test_timestamp_glued_under_the_name() -> None:
    doc = vbhc.parse_text(document(after=["2021-10-02T16:11:16+07:00"]))
    assert doc.signer.name == "Nguyễn Thị Hồng Tuyến"
    assert [s.time for s in doc.digital_signatures] == ["2021-10-02T16:11:16+07:00"]


def test_signature_appearance_block_on_page_one() -> None:
    # rules §7.3: the Công báo / portal signing block at the top of the text layer
    before = ["Ký bởi: Cổng Thông tin điện tử Chính phủ", "Email: thongtinchinhphu@chinhphu.vn",
              "Cơ quan: Văn phòng Chính phủ", "Thời gian ký: 16.03.2015 11:02:35 +07:00"]
    doc = vbhc.parse_text(document(before=before))
    plain = vbhc.parse_text(document())
    assert len(doc.digital_signatures) == 1
    sig = doc.digital_signatures[0]
    assert (sig.signed_by, sig.time) == ("Cổng Thông tin điện tử Chính phủ", "16.03.2015 11:02:35 +07:00")
    assert doc.header == plain.header
    assert doc.signer == plain.signer


# --- incoming stamp "ĐẾN" -----------------------------------------------------------------------------------------

def test_incoming_stamp_is_set_aside() -> None:
    before = ["SỞ Y TẾ TỈNH LAI CHÂU", "ĐẾN Số: 1502", "Ngày: 15/3/2021", "Chuyển: Phòng Nghiệp vụ Y"]
    doc = vbhc.parse_text(document(before=before))
    plain = vbhc.parse_text(document())
    assert len(doc.incoming_stamps) == 1
    stamp = doc.incoming_stamps[0]
    assert (stamp.number, stamp.date) == ("1502", "15/3/2021")
    assert doc.header == plain.header  # the document's own "Số: 628/SCT-CN" is untouched
    assert IssueCode.INCOMING_STAMP in {issue.code for issue in doc.issues}


def test_stamp_on_separate_lines() -> None:
    before = ["ĐẾN", "Số: 1502", "Ngày: 15/3/2021"]
    doc = vbhc.parse_text(document(before=before))
    assert [(s.number, s.date) for s in doc.incoming_stamps] == [("1502", "15/3/2021")]
    assert (doc.header.number, doc.header.symbol) == ("628", "SCT-CN")


def test_heading_ending_in_den_is_not_a_stamp() -> None:
    # "VĂN BẢN ĐẾN" (incoming documents) is a common section title of a Quy chế công tác văn thư
    header = ("UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", "Số: 12/QC-SCT", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              "Độc lập - Tự do - Hạnh phúc", "Lào Cai, ngày 05 tháng 01 năm 2020", "", "QUY CHẾ",
              "Công tác văn thư của Sở Công Thương", "")
    text = "\n".join([*header, "Mục 1. VĂN BẢN ĐI", "Điều 1. Soạn thảo văn bản.", "Mục 2. VĂN BẢN ĐẾN",
                      "Điều 2. Tiếp nhận văn bản đến.", "", *FOOT])
    doc = vbhc.parse_text(text)
    assert doc.incoming_stamps == ()
    assert [d.label for d in doc.directives] == ["Mục 1.", "Mục 2."]
    assert doc.directives[1].text == "VĂN BẢN ĐẾN"


def test_scanner_marks_are_dropped() -> None:
    doc = vbhc.parse_text(document(after=["", "Scanned with CamScanner"]))
    assert doc == vbhc.parse_text(document())
