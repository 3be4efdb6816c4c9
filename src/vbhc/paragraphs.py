"""Paragraphs from lines: hard-wrapped lines rejoined, page-break splits mended.

Text conversions break a paragraph at every printed line, sometimes with a blank line after each
(seed 002), and a page break can cut one anywhere (seeds 001, 004)::

    3. Sở Y tế, Trung tâm Kiểm soát bệnh tật tỉnh và UBND các huyện, thành
                                                                 <- blank
    phố chủ động liên hệ, nắm bắt thông tin về các trường hợp ca bệnh lây nhiễm tại

A line continues the paragraph above unless something says it starts a new one: the paragraph above
ends a sentence or a clause (. ; : ! ?), the line opens an item ("1.", "a)", "-", "Điều 2.") or a
known part ("Số:", "V/v", "Kính gửi:", "Căn cứ ...", "Nơi nhận:", "TM. ..."), a table cell or rule
lies between, a Markdown heading closed above, the line is indented in layout text, or the gap is
wider than the document's usual line spacing. Capitals never join lowercase text: header and title
lines stay lines. A line broken inside a value ("241/TB-" + "VPCP") joins without a space.
"""

from __future__ import annotations

import functools
import itertools
from typing import NamedTuple

import regex as re

from vbhc import data
from vbhc.normalize import HARD_BREAK, Line
from vbhc.patterns import (
    alternation,
    authority_forms,
    fold_accents,
    is_upper,
    label_of,
    match_authority,
    match_place_date,
    number_line,
    rx,
    starts_with,
    title_kind,
    tone_head,
)
from vbhc.tones import fold_tones, tone_sensitive


class Para(NamedTuple):
    """A paragraph of the document: one logical line of the header or one paragraph of the body.

    A named tuple (immutable, cheaper to build than a frozen dataclass), compared by value like one.
    """

    text: str
    upper: bool
    """Written in capitals."""
    table: bool = False
    """A row of a data table."""
    lines: int = 1
    """How many printed lines it was made of."""

    @property
    def key(self) -> str:
        """`text` with canonical tone placement, same length (for matching); folded when first asked for
        (header and foot paragraphs are only tested at their head), then cached by `fold_tones`."""
        return fold_tones(self.text)


# End-of-text tests are string operations: an end-anchored regex `search` tries every position of a
# long paragraph before it reaches the end.
_CLOSERS = " \t\n)”\"'"


def ends_clause(text: str) -> bool:
    """The text ends a sentence or a clause: ". ; : ! ?" (also "./." and "/."), closing marks after."""
    return text.rstrip(_CLOSERS).endswith((".", ";", ":", "!", "?"))


def _sentence_end(text: str) -> bool:
    return text.rstrip(_CLOSERS).endswith((".", "!", "?"))


def value_break(text: str) -> bool:
    """A value broken at the line end: "241/TB-" (a slash or dash right after a character)."""
    return len(text) > 1 and text[-1] in "/-" and not text[-2].isspace()


@functools.cache
def _opener() -> tuple[re.Pattern[str], int, bool]:
    """The pattern of a known part's opening words, how long a head of a line it needs, and whether the
    line must be folded first."""
    phrases = _opener_phrases()
    pattern = re.compile(rf"^(?:{alternation(phrases)})(?![\p{{L}}])")
    return pattern, 2 * max(map(len, phrases)) + 2, tone_sensitive(phrases)


@functools.cache
def _opener_phrases() -> tuple[str, ...]:
    marks = data.markers()
    return (*marks.subject_markers, *marks.addressee_markers, *marks.recipient_markers,
            *marks.legal_basis_starters, *marks.archive_markers)


@functools.cache
def _opener_first_words() -> frozenset[str]:
    """The first words of the opening phrases of more than one word ("Căn" of "Căn cứ"), as written."""
    return frozenset(p.split()[0] for p in _opener_phrases() if " " in p.strip())


@functools.cache
def _opener_initials() -> frozenset[str]:
    return frozenset(c for p in _opener_phrases() for c in (p[0], p[0].lower(), p[0].upper()))


def _opens(text: str, before: str = "") -> bool:
    first = text[:1]
    if first == "(" and starts_with(text[1:], data.markers().attachment_parent_lines):
        return True  # "(Kèm theo Quyết định số ...)" under a Phụ lục's title
    if label_of(text) or match_authority(text):
        return True
    if len(text) < 24 and first in "Pp" and _appendix_line().match(fold_accents(text.strip())):
        return True  # "Phụ Lục" alone on its line under the signer's name (vbpl 01/2026/TT-BTP)
    if first in _opener_initials():
        pattern, size, fold = _opener()
        if pattern.match(tone_head(text, size) if fold else text):
            return True
        if " " not in text and text in _opener_first_words():
            return True  # "Căn" / "cứ Luật Hải quan ...;": an opening phrase wrapped after its first word
    if "ng" in text[:80] and match_place_date(text):
        # "Thành phố Hồ Chí" + "Minh, ngày 28 ...": a place name wrapped in its cell
        return not rx(r"(?:^|\s)\p{Lu}[\p{L}.]*$").search(before) or "," in before or len(before.split()) > 4
    if "/" not in text or ("Số" not in text[:20] and "số:" not in text[:20]):
        return False  # "số 64/2025/QH15" at a line start is a wrapped citation; "Luật số: 31/2024/QH15" is not
    m = number_line().match(text)
    # "Số: 628/UBND-VX" opens a line; "số 64/2025/QH15" at a line start is a wrapped citation
    return bool(m and "/" in m.group("ident"))


def build_paragraphs(lines: list[Line]) -> list[Para]:
    """Join `lines` into paragraphs (see the module docstring)."""
    # Hard-wrapped with a blank line after every printed line (seed 002): most lines are followed by
    # one blank, and most of those blanks fall inside a sentence.
    singles = [prev for prev, ln in itertools.pairwise(lines) if ln.gap == 1]
    wrapped = sum(1 for prev in singles if not ends_clause(prev.text))
    double_spaced = len(singles) > 0.6 * max(1, len(lines) - 1) and wrapped > 0.5 * len(singles)
    wide = 2 if double_spaced else 1
    groups: list[tuple[list[Line], str]] = []
    uppers: list[bool] = []  # each group's first line in capitals: a one-line paragraph's own test
    prev_upper = False
    for line in lines:
        upper = is_upper(line.text)
        if groups and _continues(groups[-1], line, wide, upper=upper, prev_upper=prev_upper):
            members, text = groups[-1]
            members.append(line)
            glue = "" if value_break(text) and line.text[:1].isalnum() else " "
            groups[-1] = (members, text + glue + line.text)
        else:
            groups.append(([line], line.text))
            uppers.append(upper)
        prev_upper = upper
    return [_make(members, text, upper=upper if len(members) == 1 else None)
            for (members, text), upper in zip(groups, uppers, strict=True)]


def _continues(group: tuple[list[Line], str], line: Line, wide: int, *, upper: bool, prev_upper: bool) -> bool:
    members, text = group
    prev = members[-1]
    if line.table or prev.table or line.gap >= HARD_BREAK:
        return False
    if upper and text.strip() in _prefix_forms():
        return True  # "KT." / "CHỦ TỊCH": a signing prefix alone on its line
    if len(text) < 12 and rx(r"^(?:Luật\s+)?[Ss]ố\s*[:.]?$").match(text):
        return True  # "Số:" with the number on the next line (tvpl_98)
    if value_break(text) and line.text[:1].isalnum():
        return True  # "Covid-" + "19. Tham dự ...": a value broken at the line end, not a new item
    if upper and " " not in line.text.strip() and _glued_token(text, line):
        return True
    if upper and line.gap == 0 and len(text) == 1 and text.isupper():
        return True  # a word's first letter left alone by a conversion: "Ý" / "KIẾN CHỈ ĐẠO CỦA ..."
    if upper:
        if line.gap == 0 and is_upper(text) and label_of(text) and not ends_clause(prev.text) and \
                not _opens(line.text, text):
            return True  # a heading in capitals wrapped in its cell: "I. MỤC" / "ĐÍCH, YÊU CẦU"
        # a type name wrapped in its cell: "NGHỊ" / "ĐỊNH", "PHỤ" / "LỤC I"
        return prev_upper and line.gap == 0 and len(text) < 20 and _title_completed(text, line.text)
    if prev_upper or _opens(line.text, text):
        return False
    if starts_with(prev.text, data.markers().motto_words[:1]):
        return False  # the tiêu ngữ is a line of its own
    if noise_mark(prev.text) or noise_mark(line.text):
        return False  # "(Đã ký)" stands alone between a signer's title and name
    if ":" in prev.text and match_authority(prev.text.partition(":")[2].strip()):
        return False  # "Nơi nhận: KT. BỘ TRƯỞNG" ends a signature line
    first = line.text[:1]
    closed = ends_clause(prev.text)
    if first.islower() and not _sentence_end(prev.text) and line.gap < wide:
        return True  # a sentence goes on in lower case, also after ";" and in indented layout text
    if line.indent >= prev.indent + 3:
        return False  # a first-line indent; lines of a centred block keep about the same indent
    if closed and not (prev.text.rstrip().endswith(";") and line.gap == 0 and not prev.emphasis_end):
        return False  # ";" inside one basis: "... số 87/2025/QH15;" + "Nghị định số 78/2025/NĐ-CP ..."
    if prev.emphasis_end and not first.islower():
        return False
    if line.gap >= wide:
        # a paragraph cut by a page break goes on in lower case ("số: 12/GM-BTP" in OCR does not)
        return first.islower() and not number_line().match(line.text)
    return True


def _title_completed(text: str, more: str) -> bool:
    joined = f"{text} {more}"
    if title_kind(text) is None and title_kind(joined) is not None:
        return True
    folded, whole = fold_accents(text), fold_accents(joined)
    return any(whole.startswith(t) and not folded.startswith(t) for t in _appendix_titles())


@functools.cache
def _appendix_line() -> re.Pattern[str]:
    """A line that is only a Phụ lục title, the one attachment title written in mixed case, with its number."""
    names = alternation(fold_accents(t) for t in data.markers().attachment_titles if not t.isupper())
    return re.compile(rf"^(?:{names})(?:\s+[IVXLC\d.]+)?\s*:?$")


@functools.cache
def _appendix_titles() -> tuple[str, ...]:
    return tuple(fold_accents(t) for t in data.markers().attachment_titles)


@functools.cache
def _prefix_forms() -> frozenset[str]:
    return frozenset(authority_forms())


@functools.cache
def _noise_marks() -> frozenset[str]:
    return frozenset(m.casefold() for m in data.markers().signature_noise)


_NOISE_SPAN = 80  # longer than any mark with the spaces around it: longer lines skip the case folding
_NOISE_FRAME = " \t[]"  # stripped around a mark: spaces, and the stray bracket of a Word field


@functools.cache
def _noise_initials() -> frozenset[str]:
    return frozenset(c for m in _noise_marks() for c in (m[0], m[0].upper()))


@functools.cache
def _noise_openings() -> tuple[str, ...]:
    """The opening words of the bracketed marks ("đã ký", "chữ ký", "ký tên"), a word or two of five
    letters or more: a lone "ký" would also open "(ký kết ...)"."""
    heads = {m.strip("()").split(",")[0].strip() for m in _noise_marks() if m.startswith("(")}
    return tuple(sorted((h for h in heads if len(h) >= 5), key=len, reverse=True))


def noise_mark(text: str) -> bool:
    """A signature-area mark standing alone: "(Đã ký)", "(Ký, ghi rõ họ tên, đóng dấu)", also with a stray
    bracket a Word field or text box left beside it ("[ (Đã ký)" in NĐ 30/2020's own .docx)."""
    if len(text) > _NOISE_SPAN:
        return False
    text = text.strip(_NOISE_FRAME)
    if text[:1] not in _noise_initials():
        return False
    folded = text.casefold()
    bracketed = folded.startswith("(") and folded.endswith(")")
    if bracketed:
        folded = f"({folded[1:-1].strip()})"  # "( Đã ký)": a conversion's space inside the brackets
    if folded in _noise_marks():
        return True
    if not bracketed:
        return False
    # a bracketed variant of a mark: "(đã ký và đóng dấu)", "(Đã ký, đóng dấu)"
    inner = folded[1:]
    return any(inner.startswith(o) and not inner[len(o):len(o) + 1].isalpha() for o in _noise_openings())



def _glued_token(text: str, line: Line) -> bool:
    """A lone capitals token ending a wrapped sentence ("... phòng, chống dịch" + "COVID-19")."""
    token = line.text.strip()
    return (" " not in token and is_upper(token) and not is_upper(text) and line.gap == 0
            and not ends_clause(text) and not match_place_date(text) and not _opens(token)
            and title_kind(token) is None)


def _make(members: list[Line], text: str, *, upper: bool | None = None) -> Para:
    return Para(text=text, upper=is_upper(text) if upper is None else upper, table=members[0].table,
                lines=len(members))


def para(text: str) -> Para:
    """A paragraph made from one string (tests and readers)."""
    return _make([Line(text=text)], text)
