"""Text clean-up: from what a file or a web page holds to clean lines of the document.

Real text comes from Word exports, web pages converted to Markdown, ``pdftotext -layout`` and OCR::

    **ỦY BAN NHÂN DÂN                      UBND TỈNH LÀO CAI              CỘNG HÒA XÃ HỘI ...
    TỈNH LAI CHÂU**                         SỞ CÔNG THƯƠNG                   Độc lập - Tự do ...
    |                                       Số: 7 0 0 /QĐ-ĐHVN
    Số: /UBND-VX                            2021-10-02T16:11:16+0700

`normalize` returns the lines of the document with what is not its text taken out and kept aside:
Markdown emphasis and table pipes (their positions kept as layout hints), digital-signature text,
incoming-document stamps ("ĐẾN Số: ..."), footnotes, page numbers and scanner marks. Values keep the
document's spelling; `fold_tones` gives the canonical tone placement (hoà -> hòa, uỷ -> ủy) that all
matching uses. It is length-preserving, so a match found in the folded text slices the original.
"""

from __future__ import annotations

import functools
import re as std_re
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

import regex as re

from vbhc import data
from vbhc.columns import is_layout, split_columns
from vbhc.models import DigitalSignature, IncomingStamp
from vbhc.patterns import is_upper, rx, starts_with
from vbhc.tones import fold_tones

HARD_BREAK = 99
"""`Line.gap` of a line that follows a table-cell separator or a rule: never joined to the line above."""


class Line(NamedTuple):
    """One line of document text, with the layout hints that survive conversion.

    A named tuple rather than a frozen dataclass: as immutable, and built in half the time (one per line).
    """

    text: str
    gap: int = 0
    """Blank lines before this one (HARD_BREAK after a cell separator or a rule)."""
    indent: int = 0
    """Leading spaces in layout text (pdftotext -layout); 0 elsewhere."""
    emphasis_end: bool = False
    """The line closed a Markdown bold/italic run (a heading or a header cell ends here)."""
    table: bool = False
    """The line is a row of a data table."""


@dataclass(slots=True)
class Normalized:
    """The clean lines and what was set aside."""

    lines: list[Line]
    signatures: list[DigitalSignature] = field(default_factory=list)
    stamps: list[IncomingStamp] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)


_CHAR_MAP = str.maketrans({
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u3000": " ", "\t": "    ",
    "\u00d0": "\u0110", "\u00f0": "\u0111",  # Ð/ð look-alikes of Đ/đ
    "\u2010": "-", "\u2011": "-", "\u2212": "-",
    # Cyrillic look-alikes typed into Vietnamese words ("củа" in sct_QD-1050)
    "\u0430": "a", "\u0435": "e", "\u043e": "o", "\u0440": "p", "\u0441": "c", "\u0445": "x", "\u0443": "y",
    "\u0456": "i", "\u0410": "A", "\u0412": "B", "\u0415": "E", "\u041a": "K", "\u041c": "M", "\u041d": "H",
    "\u041e": "O", "\u0420": "P", "\u0421": "C", "\u0422": "T", "\u0425": "X",
})
# Zero-width characters, bidi controls, the BOM, soft hyphen and C0/C1 controls other than newline.
_INVISIBLE = re.compile(
    r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\x00-\x08\x0b\x0d-\x1f\x7f-\x9f]")
# The stdlib engine scans a character class over a whole text several times faster than `regex`.
# Lone surrogates (text handed to parse_text from a lossy source) cannot be written as UTF-8: they become
# U+FFFD, visibly, rather than making the Document unserialisable. (Surrogates are written as escapes
# for the regex engine or with chr(): mypyc refuses them in string literals.)
_SPECIAL = std_re.compile("[" + "".join(std_re.escape(chr(c)) for c in _CHAR_MAP) + r"]|[\ud800-\udfff]|"
                          + _INVISIBLE.pattern)


def _special(m: std_re.Match[str]) -> str:
    char = m.group(0)
    if chr(0xD800) <= char <= chr(0xDFFF):
        return "\ufffd"
    return char.translate(_CHAR_MAP) if ord(char) in _CHAR_MAP else ""


# The line patterns below need no Unicode property: the stdlib engine runs them at half the cost per call.
# (Its \s also takes \x1c-\x1f, which `_INVISIBLE` has removed.)
_FRONT_MATTER = std_re.compile(r"\A\s*---\n.*?\n---\n", std_re.DOTALL)
# Rules under header parts ("-------"), empty table cells, lone dashes, a converter's "--- PAGE BREAK ---"
_RULE = std_re.compile(r"^[\s|]*(?:[-_=*—–.…·]\s*){3,}[\s|]*$|^[\s|]*$"
                       r"|^[-=\s]*PAGE\s+BREAK[-=\s]*$|^[\s|]*[-–—]{1,2}[\s|]*$")
_MD_ESCAPE = re.compile(r"\\([-.*_()\[\]#+!`>|])")
_MD_HEADING = std_re.compile(r"^(?:\s*#{1,6}\s+)+")
_FOOTNOTE_MARK = std_re.compile(r"(?<=\S)\[\d{1,2}\]|\(\*{1,3}\)")
_FOOTNOTE_LINE = std_re.compile(r"^\s*(?:\[\d{1,2}\]|[¹²³⁴⁵⁶⁷⁸⁹]|['’‘]\s)\s*(?=\S)")
_PAGE_NUMBER = std_re.compile(r"^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$|^\s*Trang\s+\d+(?:\s*/\s*\d+)?\s*$")
_ISO_STAMP = std_re.compile(r"^\s*\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[+-]\d{2}:?\d{2}|Z)?\s*$")
_SPACED_NUMBER = re.compile(r"(?<=\bSố\s*:?\s*)(\d(?: \d){1,6})(?=\s*/|\s*$)", re.IGNORECASE)
_DIGIT_SPACE_DIGIT = std_re.compile(r"\d \d")  # what a spaced-out number needs: cheaper than its look-behind
_SPACED_DAY = re.compile(r"(?<=\bngày\s+)(\d) (\d)(?=\s+tháng)", re.IGNORECASE)


def normalize(text: str) -> Normalized:
    """Clean `text` into the document's lines; see the module docstring."""
    text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # One scan finds the rare characters to map or drop; str.translate with this table costs 10x more.
    if _SPECIAL.search(text):
        text = _SPECIAL.sub(_special, text)
    if front := _FRONT_MATTER.match(text):
        text = text[front.end():]
    if "\\" in text:
        text = _MD_ESCAPE.sub(r"\1", text)
    # Pages (form feeds from pdftotext) are laid out one by one: a column region never runs on over a page
    # break into the next page's title.
    pages = text.split("\f")
    all_lines = text.split("\n")
    layout = is_layout(all_lines)
    raw = (split_columns(all_lines, layout=layout) if len(pages) == 1 else
           [line for page in pages for line in split_columns(page.split("\n"), layout=layout)])
    if _CELL_MARKS.search(text):
        raw = _split_cells(raw)  # only these marks make a cell, a glued rule or a glued bold run
    result = Normalized(lines=[])
    # The scanner marks are ASCII: bytes lower-case (ASCII only) and search them at a fraction of the cost of
    # str.lower() and substring tests on Vietnamese text.
    lowered = text.encode("utf-8", "surrogatepass").lower()
    noisy = any(mark in lowered for mark in _noise_marks())
    lines = _markdown_to_lines(raw, result, noisy=noisy)
    lines = _set_aside_signatures(lines, result)
    result.lines = _set_aside_stamps(lines, result)
    return result


_GLUED_RULE = re.compile(r"(?<=\S)\s*(?:-{4,}|_{4,}|={4,})\s*|\s*(?:-{4,}|_{4,}|={4,})(?=\S)")


def _split_cells(raw: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """One line per cell of a layout row, and a line break where a rule or a bold run is glued to text.

    Some web conversions print a whole header table row on one line ("CHÍNH PHỦ------- | CỘNG HÒA XÃ HỘI
    ...") or glue a title to its subject ("**NGHỊ ĐỊNH**Quy định về ..."). Rows of three or more cells are
    data tables and stay whole.
    """
    out: list[tuple[str, int]] = []
    for text, indent in raw:
        if "|" not in text and "*" not in text and "-" not in text and "_" not in text and "=" not in text:
            out.append((text, indent))  # most lines: one-character tests are the cheapest there are
            continue
        if "|" in text and (text.strip().startswith("|") or text.strip().endswith("|")):
            every = text.strip().strip("|").split("|")
            cells = [c for c in every if c.strip()]
            if len(every) <= 2 and 0 < len(cells) <= 2 and (len(cells) == 2 or text.strip().strip("|") != text.strip()):
                for cell in cells:
                    out.extend(_split_cells([(cell, indent)]))
                    out.append(("|", 0))
                continue
        if ("---" in text or "___" in text or "===" in text) and _GLUED_RULE.search(text.replace("**", "")) and \
                text.strip("-_=* "):
            # bold marks around a rule mean nothing: "Số: ---**---" is "Số:" and a rule
            plain = text.replace("**", "")
            out.extend((piece, indent) for piece in _GLUED_RULE.sub("\n|\n", plain).split("\n"))
            continue
        if "**" in text and (split := _bold_glued(text)):
            out.extend((piece, indent) for piece in split)
            continue
        out.append((text, indent))
    return out


_BOLD = re.compile(r"\*\*")


def _bold_glued(text: str) -> list[str]:
    """["**NGHỊ ĐỊNH**", "Quy định ..."] for "**NGHỊ ĐỊNH**Quy định ..."; [] when no bold run closes on a letter.

    Only a run in capitals that begins a word is a title glued to its text. Web conversions also set bold
    marks inside words ("thi**ết bị tr**ò chơi", "x****ác định", "đườ**n**g") and around a lead-in
    ("**- Hội nghị 1: **Gồm các tỉnh"): those stay one line."""
    pieces, start, opened, run_start = [], 0, False, 0
    for m in _BOLD.finditer(text):
        opened = not opened
        if opened:
            run_start = m.start()
            continue
        if m.end() < len(text) and text[m.end()].isalpha() and not text[run_start - 1:run_start].isalnum() and \
                is_upper(text[run_start + 2:m.start()]):
            pieces.append(text[start:m.end()])
            start = m.end()
    return [*pieces, text[start:]] if pieces else []


def _markdown_to_lines(raw: list[tuple[str, int]], result: Normalized, *, noisy: bool) -> list[Line]:
    noise = _noise()
    out: list[Line] = []
    gap = 0
    footnote: list[str] | None = None
    for text, indent in raw:
        stripped = text.strip()
        if not stripped:
            gap += 1
            footnote = None
            continue
        if stripped[0] in _RULE_OPENERS and _RULE.match(text):
            gap = HARD_BREAK
            footnote = None
            continue
        tested = stripped  # what the rule test above saw: test again only what the clean-up below changes
        if stripped[0] == "#":
            stripped = _MD_HEADING.sub("", stripped)
        if "[" in stripped or "(*" in stripped:
            # before the page-number check: "Trang 1[1]" is a page number
            stripped = _FOOTNOTE_MARK.sub("", stripped).strip()
        table = False
        emphasis_end = stripped.endswith(("*", "__")) or (stripped.endswith("|") and
                                                           stripped.strip("| ").endswith(("*", "__")))
        if "*" in stripped or "_" in stripped or "()" in stripped:
            # before the pipes: a cell's pipe may stand inside the emphasis ("0|*", "**X** |")
            stripped = _strip_emphasis(stripped)
        if "|" in stripped:
            table = stripped.count("|") >= 2 and bool(stripped.strip("|").strip())
            text = stripped.strip("|").strip()
            if table:
                # cells kept apart by " | ", a form a second pass reads the same way (the row stays a row)
                text = rx(r"\s*\|\s*").sub(" | ", text).strip()
        else:
            text = stripped
        if text is not tested and text and _maybe_rule(text) and _RULE.match(text):
            gap = HARD_BREAK
            continue
        if not text or (len(text) < 14 and _PAGE_NUMBER.match(text)) or (noisy and noise.search(text)):
            gap += 0 if text else 1
            continue
        if text[0] in _FOOTNOTE_OPENERS and _FOOTNOTE_LINE.match(text) and (out or footnote is not None):
            footnote = [_FOOTNOTE_LINE.sub("", text)]
            result.footnotes.append(footnote[0])
            continue
        if footnote is not None and (gap == 0 or (gap == 1 and text[:1].islower())) and \
                not footnote[-1].endswith((".", ";", ":")):
            footnote.append(text)
            result.footnotes[-1] = " ".join(footnote)
            continue
        footnote = None
        if ("ố" in text or "Ố" in text) and ("/" in text or text[-1].isdigit()) and _DIGIT_SPACE_DIGIT.search(text):
            text = _SPACED_NUMBER.sub(lambda m: m.group(1).replace(" ", ""), text)
        if "ngày" in text and "tháng" in text:
            text = _SPACED_DAY.sub(r"\1\2", text)
        if "  " in text and not table:
            text = rx(r"(?<=\S) {2,}(?=\S)").sub(" ", text)
        out.append(Line(text, gap, indent, emphasis_end, table))
        gap = 0
    return out


_FOOTNOTE_OPENERS = frozenset("[¹²³⁴⁵⁶⁷⁸⁹'’‘")
_RULE_OPENERS = frozenset("-_=*—–.…·|")


def _maybe_rule(text: str) -> bool:
    """Cheap test before the _RULE regex: a rule, an empty cell or a page-break mark can only look so."""
    stripped = text.strip()
    return not stripped or stripped[0] in _RULE_OPENERS


def _strip_emphasis(text: str) -> str:
    # "**" and "__" are always Markdown; a single "*" is emphasis unless it is a bullet ("* item").
    if "*" not in text and "_" not in text and "()" not in text:
        return text.strip()
    text = text.replace("**", "").replace("__", "")
    if text.startswith("* ") and text[2:3].isalnum():
        text = "- " + text[2:]
    return text.replace("*", "").replace("()", "").strip()


@functools.cache
def _noise_marks() -> tuple[bytes, ...]:
    marks = {n.lower().encode("ascii") for n in data.markers().noise_lines}
    # a mark holding another ("scanned with camscanner", "camscanner") is found by the shorter one
    return tuple(sorted(m for m in marks if not any(o != m and o in m for o in marks)))


@functools.cache
def _noise() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(n) for n in data.markers().noise_lines), re.IGNORECASE)


_CELL_MARKS = std_re.compile(r"\||---|___|===|\*\*")  # one scan rather than five substring tests


def _key_starts(text: str, phrases: tuple[str, ...]) -> bool:
    return starts_with(text, phrases)


def _set_aside_signatures(lines: list[Line], result: Normalized) -> list[Line]:
    """Digital-signature appearance text ("Ký bởi: ...", timestamps) becomes `DigitalSignature`s."""
    marks = data.markers()
    out: list[Line] = []
    group: list[str] = []

    def flush() -> None:
        if group:
            signed_by = next((g.split(":", 1)[1].strip() for g in group
                              if ":" in g and _key_starts(g, marks.signature_keys[:2])), None)
            time = next((g.split(":", 1)[1].strip() if _key_starts(g, marks.signature_keys[2:4]) else g.strip()
                         for g in group if _key_starts(g, marks.signature_keys[2:4]) or _ISO_STAMP.match(g)), None)
            result.signatures.append(DigitalSignature(text="; ".join(group), signed_by=signed_by, time=time))
            group.clear()

    for line in lines:
        if ":" not in line.text and not line.text[:1].isdigit() and not group:
            out.append(line)
            continue
        is_key = _key_starts(line.text, marks.signature_keys) or (
            line.text[:1].isdigit() and bool(_ISO_STAMP.match(line.text)))
        if is_key or (group and _key_starts(line.text, marks.signature_companions)):
            if _ISO_STAMP.match(line.text) and group and not _ISO_STAMP.match(group[-1]):
                flush()
            group.append(line.text)
            if _ISO_STAMP.match(line.text):
                flush()
            continue
        flush()
        out.append(line)
    flush()
    return out


_STAMP_FIELD_VALUE = re.compile(r"^(?:Số|Ngày)\s*[:.]?\s*([\d./\-\s]+?)\.*$", re.IGNORECASE)


@functools.cache
def _stamp_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The stamp's anchor ("ĐẾN" with a field or alone), and what stands before a field's value."""
    anchor = data.markers().incoming_anchor
    return (re.compile(rf"(?:^|\s){anchor}(?:\s*(?:Số|Ngày|CƠ YẾU)\b|\s*$)"),
            re.compile(rf"^.*?\b{anchor}\s*"))


def _set_aside_stamps(lines: list[Line], result: Normalized) -> list[Line]:
    """Incoming-document stamps: a short line with the word "ĐẾN" and the field lines around it."""
    marks = data.markers()
    anchor, before_value = _stamp_patterns()
    fields = tuple(marks.incoming_fields)
    drop: set[int] = set()
    for i, line in enumerate(lines):
        if len(line.text) > 40 or marks.incoming_anchor not in line.text or not anchor.search(line.text):
            continue
        start, end = i, i + 1
        while start > 0 and i - start < 3 and _stamp_neighbour(lines[start - 1].text, fields, before=True):
            start -= 1
        while end < len(lines) and end - i < 5 and _stamp_neighbour(lines[end].text, fields, before=False):
            end += 1
        block = [ln.text for ln in lines[start:end]]
        if end - start < 2 and not re.search(r"\b(?:Số|Ngày)\b", line.text):
            continue  # "Mục 2. VĂN BẢN ĐẾN" is a heading: a stamp has its field lines
        number = date = None
        for text in block:
            body = before_value.sub("", text)
            m = _STAMP_FIELD_VALUE.match(body.strip())
            if m and fold_tones(body).lower().startswith("số") and number is None:
                number = m.group(1).strip()
            elif m and date is None:
                date = m.group(1).strip()
            elif body.lower().startswith("ngày") and date is None:
                date = body[4:].strip(" :.")
        result.stamps.append(IncomingStamp(text="; ".join(block), number=number, date=date))
        drop.update(range(start, end))
    if not drop:
        return lines
    kept = [ln for i, ln in enumerate(lines) if i not in drop]
    return kept


def _stamp_neighbour(text: str, fields: tuple[str, ...], *, before: bool) -> bool:
    if len(text) > 45:
        return False
    if before:
        # The receiving office's name above the anchor, or a bare "Số: 1502" (no ký hiệu).
        letters = [c for c in text if c.isalpha()]
        upper = bool(letters) and all(c.isupper() for c in letters)
        return (upper and data.kind_for_name(fold_tones(text)) is None) or bool(
            rx(r"^Số\s*:?\s*\d+\s*$").match(text))
    return _key_starts(text, fields) and not rx(r"^Số\s*:?\s*\d*\s*/").match(text)
