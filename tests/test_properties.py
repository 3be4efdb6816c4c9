"""Property tests (hypothesis) of the text pipeline.

- `parse_text` never raises on arbitrary text: random Unicode with Vietnamese letters, controls and bidi
  marks, and texts assembled from the grammar's own pieces ("Số: ", "Căn cứ ", "Điều 1.", "|", "**", ...).
- `fold_tones` is idempotent and length-preserving, and is the old-style substitution.
- Every Document round-trips through JSON: `Document.model_validate_json(doc.model_dump_json()) == doc`.
- `normalize` is idempotent: its clean lines are a fixpoint,
  ``texts(normalize("\\n".join(texts(normalize(t))))) == texts(normalize(t))`` with
  ``texts(n) = [line.text for line in n.lines]`` (the examples pin the four orderings it once got wrong);
  and every clean line is non-empty, stripped, free of newlines, form feeds, NUL, bidi and zero-width
  characters.

Sizes: the default profile runs the file in well under a minute; ``HYPOTHESIS_PROFILE=ci`` runs ten times
more examples.
"""

from __future__ import annotations

import os

import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import vbhc
from vbhc import data
from vbhc import normalize as norm
from vbhc.extract.references import _dated_unnumbered
from vbhc.models import Document
from vbhc.normalize import normalize
from vbhc.patterns import (
    LABEL,
    _starter,
    authority_line,
    cited_number,
    find_cited_numbers,
    label_of,
    match_authority,
    match_place_date,
    may_cite_number,
    may_name_law,
    named_law,
    national_name,
    place_date_line,
    search_national_name,
    starts_with,
    tone_head,
)
from vbhc.segment import _archive, is_archive_line
from vbhc.tones import _OLD_STYLE, _to_new_style, fold_tones

settings.register_profile("vbhc", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "vbhc"))

VIETNAMESE_LETTERS = (
    "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
    "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ"
    "bcdghklmnpqrstvxBCDGHKLMNPQRSTVX"
)
CONTROLS = "".join(chr(c) for c in range(0x20)) + "\x7f" + "".join(chr(c) for c in range(0x80, 0xA0))
BIDI = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\u061c\ufeff"
PUNCTUATION = " .,;:/-–—()[]*_|#>\\\"'“”…§°\u00a0\u3000\t\n\r\f"
COMBINING = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"

characters = st.one_of(
    st.sampled_from(VIETNAMESE_LETTERS + "0123456789" + PUNCTUATION + CONTROLS + BIDI + COMBINING),
    st.characters(),  # any code point, lone surrogates included
)
any_text = st.text(characters, max_size=300)
no_surrogates = st.text(st.one_of(characters.filter(lambda c: not "\ud800" <= c <= "\udfff")), max_size=300)

PIECES = (
    "Số: ", "/", "UBND-VX", "QĐ-UBND", "NĐ-CP", "ngày ", "tháng ", "năm ", "1", "12", "2020", " ", "  ",
    "        ", "Căn cứ ", "Thực hiện ",
    "Điều 1.", "Điều 2. ", "Chương I", "1.", "1.1.", "a) ", "- ", "+ ", "Nơi nhận:",
    "Lưu: VT, VX1.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "Kính gửi:", "V/v ", "QUYẾT ĐỊNH",
    "CÔNG VĂN", "PHỤ LỤC", "ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc", "Lai Châu, ", "ĐẾN Số: ", "Ký bởi: ", "Thời gian ký: ", "2021-10-02T16:11:16+0700",
    "Trang 1", "[1]", "(*)", "---", "___", "\n", "\n", "\n\n", "\f", "**", "*", "|", " | ", "# ", "> ", "\\-", "---\n",
    "Tống Thanh Hải", "hoà", "uỷ", "khoẻ", ";", ".", ",", ":",
)
grammar_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(characters, max_size=3)), max_size=80).map("".join)
texts_to_parse = st.one_of(any_text, grammar_text)


def _texts(text: str) -> list[str]:
    return [line.text for line in normalize(text).lines]


# ------------------------------------------------------------------------------------------ parse_text


@given(any_text)
def test_parse_text_never_raises_on_arbitrary_text(text: str) -> None:
    assert isinstance(vbhc.parse_text(text), Document)


@given(grammar_text)
@example("Số: 1/1/1/1/1/1/1/1/1/UBND ngày 1 tháng 1 năm 2020")
@example("Căn cứ Căn cứ Căn cứ Căn cứ\n" * 5)
@example("| a | | | b |\n|---|---|\n" * 3)
@example("(*)")  # the footnote mark cut leaves nothing: no last character to look at
def test_parse_text_never_raises_on_grammar_pieces(text: str) -> None:
    assert isinstance(vbhc.parse_text(text), Document)


@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map("".join), st.integers(20, 400))
def test_parse_text_never_raises_on_repeated_pieces(piece: str, times: int) -> None:
    assert isinstance(vbhc.parse_text(piece * times), Document)


# ------------------------------------------------------------------------------------------ Document JSON


@given(st.one_of(no_surrogates, grammar_text.filter(lambda t: not any("\ud800" <= c <= "\udfff" for c in t))))
def test_document_round_trips_through_json(text: str) -> None:
    doc = vbhc.parse_text(text)
    assert Document.model_validate_json(doc.model_dump_json()) == doc
    assert Document.model_validate(doc.model_dump(mode="json")) == doc


def test_document_with_a_lone_surrogate_round_trips() -> None:
    doc = vbhc.parse_text("Số: 1/UBND\udfff")
    assert Document.model_validate_json(doc.model_dump_json()) == doc
    assert doc.header.number_text == "Số: 1/UBND\ufffd"  # replaced visibly, not dropped


# ------------------------------------------------------------------------------------------ tones


tone_text = st.text(st.sampled_from(VIETNAMESE_LETTERS + "oOuUqQgG " + COMBINING), max_size=60)


@given(st.one_of(tone_text, any_text))
@example("CỘNG HOÀ, Tỉnh uỷ, khoẻ, QUÀ, quý")
def test_fold_tones_is_idempotent_and_length_preserving(text: str) -> None:
    once = fold_tones(text)
    assert len(once) == len(text)
    assert fold_tones(once) == once


@given(st.one_of(tone_text, any_text))
@example("hoàn toàn, khoá, quà, già, hoà²")
def test_fold_tones_is_the_old_style_substitution(text: str) -> None:
    # the fold scans for pairs and tests their ends in Python: it must give what the one pattern gives
    assert fold_tones(text) == _OLD_STYLE.sub(_to_new_style, text)


# ------------------------------------------------------------------------------------------ references


@given(st.one_of(grammar_text, any_text))
@example("theo Bộ luật Lao động, Luật số 64/2020/QH14, Văn bản 1276-CV/TU, số 15")
@example("Kết luận của Bộ Chính trị ngày 12/9/2021; QCVN 01:2019/BCT")
def test_reference_prefilters_are_necessary(text: str) -> None:
    # a prefilter that says no must be right: the scan it spares finds nothing
    key = fold_tones(text)
    assert may_cite_number(key) or cited_number().search(key) is None
    assert may_name_law(key) or named_law().search(key) is None
    # find_mentions reads the text itself: folding changes none of what these tests look for
    assert may_cite_number(text) == may_cite_number(key) and may_name_law(text) == may_name_law(key)
    if "ngày" not in text:
        assert _dated_unnumbered().search(key) is None
    if not any(c.isdecimal() for c in text):
        assert cited_number().search(key) is None and _dated_unnumbered().search(key) is None


CITATION_PIECES = ("số", "Số", "SỐ", "ố", " ", "  ", ":", "/", "-", " /", "/ ", "- ", ".", ",", "(", "1", "12", "241",
                   "2020", "0", "١٢", "²", "a", "AB", "TB", "NĐ", "CP", "VPCP", "QCVN", "QCVN 01:2019", "TW", "QĐ-UBND",
                   "Đ", "đ", "&", "\u00a0", "\u2028", "\x1c", "x", "Thông báo", "ngày", "Kế hoạch")
citation_text = st.lists(st.one_of(st.sampled_from(CITATION_PIECES), st.text(characters, max_size=2)),
                         max_size=30).map("".join)


@given(citation_text)
@example("số 241/TB-VPCP, 172-TB/TW ngày 12/9/2021; QCVN 01:2019/BCT; 30/2020/NĐ-CP, 66.12/2026/NQ-CP")
@example("Số: 01TV/2026 và số 15, 12AB/XY-Z, 1ABCDE/XY, 2020 / QĐ")
@example("sô 5/Ab, 1 /\u00a0Đ, 3/ 2024/ KH, 7- TB/TW, 8 -TB/TW")
def test_cited_numbers_are_the_patterns_matches(text: str) -> None:
    # the pattern tried only where a match can start finds what its scan of every position finds
    assert [(m.span(), m.groupdict()) for m in find_cited_numbers(text)] == \
        [(m.span(), m.groupdict()) for m in cited_number().finditer(text)]


@given(st.one_of(grammar_text, any_text))
@example("ĐẢNG CỘNG SẢN\n VIỆT  NAM")
@example("Dang Cong San Viet Nam; cộng hoà xã hội chủ nghĩa việt nam")
@example("VIỆT NAM DÂN CHỦ CỘNG HÒA")
@example("Việt\nNam và Cộng hòa")
def test_national_name_search_prefilter_is_exact(text: str) -> None:
    # the prefilter ("VIỆT NAM" first) gives the full pattern's own leftmost match, or none when it has none
    found, full = search_national_name(text), national_name().search(text)
    assert (found and found.span()) == (full and full.span())


def _phrase_lists() -> list[tuple[str, ...]]:
    marks = data.markers()
    return [marks.legal_basis_starters, marks.recipient_markers, marks.subject_markers, marks.addressee_markers,
            marks.archive_markers, marks.motto_words, marks.signature_keys, marks.attachment_parent_lines]


STARTS = (*PIECES, "Căn cứ", "căN Cứ", "Căng", "CĂN CỨ", "Thực hiện", "THEO", "Theo", "Xét", "Kính gửi", "KÍNH GỬI",
          "Nơi nhận", "Lưu", "LƯU", "ſ", "K")


@given(st.sampled_from(STARTS),
       st.text(characters, max_size=12))
@example("Căn cứ", " Luật")
@example("- Căn cứ", "")
@example("Căn cứ", "\r")  # "\rCăn cứ": the pattern's \s passes over a carriage return (hypothesis found it)
def test_starts_with_prefilters_are_exact(piece: str, rest: str) -> None:
    # the first-letter reject never turns down a text the pattern matches (white space before it included)
    for text in (piece + rest, rest + piece, piece.upper() + rest, piece.lower() + rest):
        for phrases in _phrase_lists():
            pattern, size, fold, _ = _starter(phrases)
            assert starts_with(text, phrases) == bool(pattern.match(tone_head(text, size) if fold else text))


@given(st.sampled_from((*STARTS, "Lưu", "- Lưu: VT.", "+ Lưu: VT, TH.", "LƯU")), st.text(characters, max_size=12))
@example("-\rLưu: VT.", "")  # the pattern's \s after the bullet passes over a carriage return
def test_archive_line_reject_is_exact(piece: str, rest: str) -> None:
    pattern, fold, _ = _archive()
    for text in (piece + rest, rest + piece):
        assert is_archive_line(text) == bool(pattern.match(tone_head(text) if fold else text))


@given(st.sampled_from(("-", "–", "—", "~", "•", "+", "- ", "+ ", "-Căn cứ", "1.", "a)", "Điều 1.")),
       st.text(characters, max_size=8))
@example("-", "\x1c")  # a character str.isspace takes and the regex engine's \s does not
@example("•", "\u2028")
def test_label_bullet_path_is_exact(piece: str, rest: str) -> None:
    # a bullet is told without the regex: the same label, kind and rank as LABEL gives
    text = piece + rest
    m = LABEL.match(text)
    expected = None if m is None else (m.group(m.lastgroup or "dash").strip(), m.lastgroup or "dash")
    found = label_of(text)
    if text[0] in "-–—~•+":
        assert (found and found[:2]) == expected


AUTHORITY_STARTS = (*(f for row in data.authorities() for f in row.forms), "TM ", "K", "T/", "Q.", "Lai Châu, ",
                    "Hà Nội ngày", "ngay", "Ngày", "TP. Hồ Chí Minh, ngày 1 tháng 1 năm 2020", *PIECES)


@given(st.sampled_from(AUTHORITY_STARTS), st.text(characters, max_size=12), st.sampled_from(PIECES))
@example("KT.", " CHỦ TỊCH", "")
@example("Hà Nội ", "ngày 2", "")
def test_authority_and_place_date_prefilters_are_exact(piece: str, rest: str, tail: str) -> None:
    # the substring and prefix tests never turn down a line the pattern reads
    text = piece + rest + tail
    for prefiltered, pattern in ((match_authority, authority_line()), (match_place_date, place_date_line())):
        found, full = prefiltered(text), pattern.match(text)
        assert (found and found.groupdict()) == (full and full.groupdict())


# ------------------------------------------------------------------------------------------ normalize

LINE_PATTERNS = (norm._FRONT_MATTER, norm._RULE, norm._MD_HEADING, norm._FOOTNOTE_MARK, norm._FOOTNOTE_LINE,
                 norm._PAGE_NUMBER, norm._ISO_STAMP)
SEPARATORS = "\x1c\x1d\x1e\x1f"  # white space to str.isspace and the stdlib's \s, not to `regex`'s
line_text = st.lists(st.one_of(st.sampled_from((*PIECES, "--- PAGE BREAK ---", "Trang 2/5", "- 3 -", "¹ ", "## ",
                                                "\u2028", "\x85", "…...", "---\ntitle: x\n---\n")),
                               st.text(characters.filter(lambda c: c not in SEPARATORS), max_size=3)),
                     max_size=12).map("".join)


@given(line_text)
@example("   ---\n\u2028---\n")
@example("— — —\x85")
def test_line_patterns_read_alike_on_both_engines(text: str) -> None:
    # normalize runs its line patterns on the stdlib engine; they read as the `regex` engine reads them on
    # every text they see: the one character class where the engines differ is removed before them
    assert normalize("a" + SEPARATORS + "b").lines[0].text == "ab"
    for pattern in LINE_PATTERNS:
        twin = regex.compile(pattern.pattern, pattern.flags)
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in twin.finditer(text)]



@given(texts_to_parse)
@example("a ||b")  # ['a        b'] then ['a b']: a table row's pipes are 4 spaces each, collapsed on a 2nd pass
@example("Trang 1[1]")  # ['Trang 1'] then []: the footnote mark goes after the page-number line check
@example("Số: ---**---")  # ['Số: ------'] then ['Số:']: emphasis goes after the glued-rule split
@example("# # |0")  # ['# |0'], ['|0'], []: one Markdown heading mark per pass, then a lone pipe cell
@example("0|*")  # ['0|'] then []: a cell's pipe inside the emphasis, then "0" a page number (hypothesis found it)
@example("(*)-")  # ['-'] then []: a rule left once a footnote mark is cut is still a rule (a speed-up broke this)
@settings(max_examples=50)
def test_normalize_lines_are_a_fixpoint(text: str) -> None:
    once = _texts(text)
    assert _texts("\n".join(once)) == once


@given(texts_to_parse)
def test_normalize_lines_are_clean(text: str) -> None:
    """Every clean line is non-empty, has no newline, form feed, bidi control or C0 control but none."""
    for line in normalize(text).lines:
        assert line.text and line.text == line.text.strip()
        assert not any(c in line.text for c in "\n\r\f\x00\u202e\u200b\ufeff")
