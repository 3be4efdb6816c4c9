"""What pdfium sees on a page beside the text: signature-widget stamps and the rules of tables.

Stamps
------

E-office systems leave the number and the day of a document blank in its text ("Số:      /UBND-XD",
"ngày    tháng 5 năm 2026") and draw them at signing inside the appearance streams of signature
widgets (/Widget annotations) laid over the blanks. Poppler prints widget appearances with the page;
pdfminer (pdfplumber) does not read them. Sometimes the widget also hides page text under an opaque
box: a draft's "tháng 4" overwritten by the signed "5" (sct_QD-1696), which poppler prints as "54".

`stamps` flattens the pages that carry widgets with pdfium, so that the appearance text joins the page
text, and returns each stamped run with its box, the page characters its glyphs cover, and the page
words on either side of it.

Tables
------
A data table is drawn with rules: thin filled rectangles or stroked lines. `grids` collects the thin
horizontal and vertical path objects of a page, joins those that touch, and returns each group that
has at least two columns as a `Grid` (the x of its vertical rules, the y of its horizontal rules), in
the coordinates of pdftotext and pdfplumber (points from the top left of the crop box).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Char", "Grid", "Stamp", "grids", "stamps"]

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Char:
    """A character and its box in PDF space (origin bottom left)."""

    text: str
    left: float
    bottom: float
    right: float
    top: float


@dataclass(frozen=True, slots=True)
class Stamp:
    """A run of text drawn by one widget."""

    page: int
    """Page index, from 0."""
    chars: tuple[Char, ...]
    """The stamped characters, left to right."""
    covered: tuple[Char, ...] = field(default=())
    """Page characters (not blanks) that the stamped glyphs lie on."""
    before: str = ""
    """The page word ending just left of the stamp on its line."""
    after: str = ""
    """The page word starting just right of it."""

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.chars).strip()

    @property
    def covered_text(self) -> str:
        return "".join(c.text for c in self.covered).strip()


def stamps(raw: bytes, *, max_pages: int = 400) -> list[Stamp]:
    """The text runs drawn by the widgets of each page of `raw` (none when pdfium cannot read it)."""
    try:
        import pypdfium2 as pdfium  # type: ignore[import-untyped]
        import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - pypdfium2 comes with pdfplumber
        return []
    try:
        pdf = pdfium.PdfDocument(raw)
    except Exception as exc:  # pdfium.PdfiumError and friends: nothing to add
        _log.debug("pdfium cannot open the file: %s", exc)
        return []
    out: list[Stamp] = []
    try:
        for index in range(min(len(pdf), max_pages)):
            page = pdf[index]
            try:
                if not _has_widgets(page, pdfium_c):
                    continue
                before = _chars(page)
                flat = pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY)
                if flat != pdfium_c.FLATTEN_SUCCESS:
                    continue
            finally:
                page.close()
            page = pdf[index]  # pdfium wants the page reloaded after flattening
            try:
                after = _chars(page)
            finally:
                page.close()
            out.extend(_runs(index, before, after))
    except Exception as exc:  # a damaged page: keep what was read
        _log.debug("pdfium failed on a page: %s", exc)
    finally:
        pdf.close()
    return out


def _has_widgets(page: object, pdfium_c: object) -> bool:
    raw_page = page.raw  # type: ignore[attr-defined]
    for k in range(pdfium_c.FPDFPage_GetAnnotCount(raw_page)):  # type: ignore[attr-defined]
        annot = pdfium_c.FPDFPage_GetAnnot(raw_page, k)  # type: ignore[attr-defined]
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annot) == pdfium_c.FPDF_ANNOT_WIDGET:  # type: ignore[attr-defined]
                return True
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)  # type: ignore[attr-defined]
    return False


def _chars(page: object) -> list[Char]:
    textpage = page.get_textpage()  # type: ignore[attr-defined]
    try:
        out = []
        for i in range(textpage.count_chars()):
            text = textpage.get_text_range(i, 1)
            left, bottom, right, top = textpage.get_charbox(i)
            out.append(Char(text, left, bottom, right, top))
        return out
    finally:
        textpage.close()


def _runs(index: int, before: list[Char], after: list[Char]) -> list[Stamp]:
    """Stamps from the characters flattening added (pdfium appends the appearances to the page)."""
    if len(after) <= len(before) or [c.text for c in after[:len(before)]] != [c.text for c in before]:
        return []
    added = [c for c in after[len(before):] if c.text not in ("\r", "\n")]
    runs: list[list[Char]] = []
    for c in added:
        if runs and _same_line(runs[-1][-1], c) and c.left - runs[-1][-1].right < 2 * (c.top - c.bottom + 1):
            runs[-1].append(c)
        else:
            runs.append([c])
    out = []
    page_chars = [c for c in before if c.text.strip()]
    for run in runs:
        if not "".join(c.text for c in run).strip():
            continue
        glyphs = [c for c in run if c.text.strip()]
        covered = tuple(p for p in page_chars if any(_covers(g, p) for g in glyphs))
        out.append(Stamp(page=index, chars=tuple(run), covered=covered,
                         before=_word(page_chars, glyphs, covered, left=True),
                         after=_word(page_chars, glyphs, covered, left=False)))
    return out


def _same_line(a: Char, b: Char) -> bool:
    return min(a.top, b.top) - max(a.bottom, b.bottom) > 0.3 * min(a.top - a.bottom, b.top - b.bottom)


def _covers(glyph: Char, page_char: Char) -> bool:
    """The stamped glyph lies on the page character (more than a third of its width, on its line)."""
    overlap = min(glyph.right, page_char.right) - max(glyph.left, page_char.left)
    return _same_line(glyph, page_char) and overlap > 0.35 * (page_char.right - page_char.left)


def _word(page_chars: list[Char], glyphs: list[Char], covered: tuple[Char, ...], *, left: bool) -> str:
    """The page word next to the stamp on its line: the last one left of it, or the first one right."""
    if not glyphs:
        return ""
    edge = min(g.left for g in glyphs) if left else max(g.right for g in glyphs)
    line = sorted((c for c in page_chars if c not in covered and _same_line(glyphs[0], c)), key=lambda c: c.left)
    side = [c for c in line if (c.right <= edge + 1 if left else c.left >= edge - 1)]
    if not side:
        return ""
    word: list[Char] = []
    for c in reversed(side) if left else side:
        if word and abs((c.right if left else c.left) - (word[-1].left if left else word[-1].right)) > \
                0.25 * (c.top - c.bottom):
            break
        word.append(c)
    if left:
        word.reverse()
    return "".join(c.text for c in word)


# ---------------------------------------------------------------------------------------------------
# Tables

_THIN = 3.0  # points: a rule is thinner than this
_JOIN = 2.0  # points: rules closer than this touch
_MAX_RULES = 2500  # rules on a page


@dataclass(frozen=True, slots=True)
class Grid:
    """The rules of one table: cell edges from the top left of the page."""

    page: int
    columns: tuple[float, ...]
    """x of the vertical rules, left to right."""
    rows: tuple[float, ...]
    """y of the horizontal rules, top to bottom."""

    @property
    def box(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom)."""
        return self.columns[0], self.rows[0], self.columns[-1], self.rows[-1]

    def cell(self, x: float, y: float) -> tuple[int, int] | None:
        """(row, column) of the cell holding the point, None outside the table."""
        left, top, right, bottom = self.box
        if not (left <= x <= right and top <= y <= bottom):
            return None
        row = max(i for i, edge in enumerate(self.rows[:-1]) if edge <= y)
        column = max(i for i, edge in enumerate(self.columns[:-1]) if edge <= x)
        return row, column


def grids(raw: bytes, pages: set[int]) -> list[Grid]:
    """The tables drawn with rules on the given pages of `raw` (page indexes from 0)."""
    if not pages:
        return []
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as pdfium_c
    except ImportError:  # pragma: no cover - pypdfium2 comes with pdfplumber
        return []
    try:
        pdf = pdfium.PdfDocument(raw)
    except Exception as exc:  # nothing to add
        _log.debug("pdfium cannot open the file: %s", exc)
        return []
    out: list[Grid] = []
    try:
        for index in sorted(pages):
            if index >= len(pdf):
                break
            page = pdf[index]
            try:
                left, _bottom, _right, top = page.get_cropbox()
                segments = [(x0 - left, top - y1, x1 - left, top - y0)
                             for x0, y0, x1, y1 in _path_boxes(pdfium_c, page.raw)]
            finally:
                page.close()
            rules = [b for b in segments
                     if (b[3] - b[1] <= _THIN < b[2] - b[0]) or (b[2] - b[0] <= _THIN < b[3] - b[1])]
            if len(rules) <= _MAX_RULES:  # more is a drawing (a map, a chart), not a table
                out.extend(_tables(index, rules))
    except Exception as exc:  # a damaged page: keep what was found
        _log.debug("pdfium failed on a page: %s", exc)
    finally:
        pdf.close()
    return out


def _path_boxes(pdfium_c: Any, raw_page: Any) -> list[tuple[float, float, float, float]]:
    """Bounds of the path objects of a page and of the forms it draws (pdfium's C API: the Python
    wrappers cost ten times more on pages of a few thousand objects)."""
    import ctypes

    out = []
    bounds = [ctypes.c_float() for _ in range(4)]
    refs = [ctypes.byref(b) for b in bounds]
    stack: list[tuple[Any, bool, int]] = [(raw_page, False, 0)]
    while stack:
        holder, is_form, depth = stack.pop()
        count = pdfium_c.FPDFFormObj_CountObjects(holder) if is_form else pdfium_c.FPDFPage_CountObjects(holder)
        for i in range(count):
            obj = pdfium_c.FPDFFormObj_GetObject(holder, i) if is_form else pdfium_c.FPDFPage_GetObject(holder, i)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH and pdfium_c.FPDFPageObj_GetBounds(obj, *refs):
                out.append((bounds[0].value, bounds[1].value, bounds[2].value, bounds[3].value))
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 3:
                stack.append((obj, True, depth + 1))
    return out


def _tables(page: int, segments: list[tuple[float, float, float, float]]) -> list[Grid]:
    """Group touching rules; a group with two columns or more is a table."""
    parent = list(range(len(segments)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = sorted(range(len(segments)), key=lambda i: segments[i][1])
    for n, i in enumerate(order):
        a = segments[i]
        for j in order[n + 1:]:
            b = segments[j]
            if b[1] > a[3] + _JOIN:
                break
            if b[0] <= a[2] + _JOIN and a[0] <= b[2] + _JOIN:
                parent[root(i)] = root(j)
    groups: dict[int, list[tuple[float, float, float, float]]] = {}
    for i, box in enumerate(segments):
        groups.setdefault(root(i), []).append(box)
    out = []
    for boxes in groups.values():
        xs = _edges([(b[0] + b[2]) / 2 for b in boxes if b[2] - b[0] <= _THIN])
        ys = _edges([(b[1] + b[3]) / 2 for b in boxes if b[3] - b[1] <= _THIN])
        if len(xs) >= 3 and len(ys) >= 2 and xs[-1] - xs[0] >= 60 and ys[-1] - ys[0] >= 12:
            out.append(Grid(page=page, columns=tuple(xs), rows=tuple(ys)))
    return out


def _edges(values: list[float]) -> list[float]:
    """Positions closer than a few points merged."""
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= _THIN:
            continue
        out.append(v)
    return out
