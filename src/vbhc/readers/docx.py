""".docx reader: the body of a Word document as text in the pipeline's conventions (see vbhc.readers).

The body is read in document order, paragraphs and tables interleaved as they stand; content controls
(``w:sdt``), tracked insertions, hyperlinks and fields are read through, deleted text is not. Page headers,
footers and footnotes are not part of the body and are not read.

- A paragraph is one block; its soft line breaks are line breaks, its tabs and space runs one space.
  Word's automatic numbering is not in the text: the label a reader sees ("1.", "2.1.", "a)", "-") is
  rebuilt from ``w:numPr`` and numbering.xml (`vbhc.readers.wordnum`) and put before the text.
- Text boxes (``w:txbxContent``) follow the paragraph that anchors them.
- A table with no visible borders and at most two filled cells per row is layout (the header, the
  nơi nhận / signer row): its left column, then its right column, each followed by a "|" line; a row
  filled across the page width breaks the columns. Merged cells are read once.
- Other tables are data tables: a row per line, "| a | b | c |". A table of a single column is a frame
  around ordinary paragraphs and is read as such.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import regex as re

from vbhc.errors import ReadError, UnsupportedFormatError
from vbhc.readers import Extracted
from vbhc.readers.wordnum import Numbering, W

__all__ = ["extract_docx"]

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_VAL = W + "val"

# Elements whose subtree holds no text a reader sees (or text read elsewhere).
_SKIP = frozenset(W + t for t in (
    "pPr", "rPr", "del", "moveFrom", "delText", "instrText", "delInstrText", "fldChar", "sdtPr", "sdtEndPr",
    "footnoteReference", "endnoteReference", "commentReference", "annotationRef", "lastRenderedPageBreak",
    "bookmarkStart", "bookmarkEnd", "proofErr", "softHyphen", "tblPr", "trPr", "tcPr", "tblGrid",
)) | {_MC + "Fallback"}
_BREAKS = frozenset({W + "br", W + "cr"})
_TABS = frozenset({W + "tab", W + "ptab"})
_SPACE = re.compile(r"\s+")
# A long run of spaces typed to push the rest of a line onto the next one ("TM. ỦY BAN NHÂN DÂN    ...
# KT. CHỦ TỊCH" in a narrow centred cell); shorter runs are blanks ("Số:      /SCT-CN") or justification.
_WRAP = re.compile(r"(?<=\S)[ \u00a0]{40,}(?=\S)")
_OFF = frozenset({"0", "false", "off", "none"})
# A borderless two-column table of more rows is a list or a form (label | value), read row by row,
# unless it holds the header or the nơi nhận / signer area.
_LAYOUT_ROWS = 6
_LAYOUT_MARK = re.compile(r"(?i)^(?:n[ơo]i\s+nh[ậa]n|c[ộo]ng\s+h[òo][àa]\s+x[ãa]\s+h[ộo]i|(?:TM|KT|TL|TUQ)\.\s)")


def extract_docx(raw: bytes, *, name: str) -> Extracted:
    """Text of a .docx file in the pipeline's conventions (see vbhc.readers)."""
    try:
        body, numbering, styles = _load(raw)
    except Exception as exc:
        raise ReadError(f"{name}: not a readable Word document (.docx): {_reason(exc)}") from exc
    try:
        text = _Reader(numbering, styles).read(body)
    except (ReadError, UnsupportedFormatError):
        raise
    except Exception as exc:  # a structure this reader did not expect: still the caller's ReadError
        raise ReadError(f"{name}: cannot read the Word document: {_reason(exc)}") from exc
    return Extracted(text=text, format="docx")


def _reason(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) < 200 else text[:200] + "..."


def _load(raw: bytes) -> tuple[Any, Any | None, Any | None]:
    """The w:body element and the numbering and styles roots of the main document part."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.package import Package

    package = Package.open(io.BytesIO(raw))
    part = package.main_document_part

    def root(p: Any) -> Any:
        element = getattr(p, "element", None)
        return element if element is not None else parse_xml(p.blob)

    document = root(part)
    body = document.find(W + "body")
    if body is None:
        raise ReadError("word/document.xml has no w:body")
    related: dict[str, Any] = {}
    for rel in part.rels.values():
        if not rel.is_external and rel.reltype in (RT.NUMBERING, RT.STYLES):
            related[rel.reltype] = root(rel.target_part)
    return body, related.get(RT.NUMBERING), related.get(RT.STYLES)


@dataclass(slots=True)
class _Cell:
    tc: Any
    col: int
    span: int
    lines: list[str]


class _Reader:
    def __init__(self, numbering: Any | None, styles: Any | None) -> None:
        self.numbering = Numbering(numbering, styles)
        self.table_styles: dict[str, Any] = {}
        self.default_table_style: str | None = None
        if styles is not None:
            for st in styles.iter(W + "style"):
                if st.get(W + "type") == "table" and (sid := st.get(W + "styleId")):
                    self.table_styles[sid] = st
                    if st.get(W + "default") in ("1", "true", "on"):
                        self.default_table_style = sid

    def read(self, body: Any) -> str:
        return "\n\n".join("\n".join(block) for block in self.blocks(body) if block)

    # -- block level ---------------------------------------------------------------------------------------

    def blocks(self, container: Any) -> list[list[str]]:
        """The blocks (lists of lines) of a body, cell, text box or content control, in order."""
        out: list[list[str]] = []
        for child in container:
            tag = child.tag
            if tag == W + "p":
                lines, boxes = self.paragraph(child)
                if lines:
                    out.append(lines)
                for box in boxes:
                    out.extend(self.blocks(box))
            elif tag == W + "tbl":
                out.extend(self.table(child))
            elif tag in (W + "sdt", W + "customXml", W + "ins", W + "moveTo"):
                content = child.find(W + "sdtContent") if tag == W + "sdt" else child
                if content is not None:
                    out.extend(self.blocks(content))
            elif tag == _MC + "AlternateContent":
                choice = child.find(_MC + "Choice")
                got = self.blocks(choice) if choice is not None else []
                if not got and (fallback := child.find(_MC + "Fallback")) is not None:
                    got = self.blocks(fallback)
                out.extend(got)
        return out

    # -- paragraphs ----------------------------------------------------------------------------------------

    def paragraph(self, p: Any) -> tuple[list[str], list[Any]]:
        """The lines of paragraph `p` (its numbering label first) and the text boxes it anchors."""
        parts: list[str] = []
        boxes: list[Any] = []
        self._inline(p, parts, boxes)
        label = self.numbering.label(p)
        text = _WRAP.sub("\n", "".join(parts))
        lines = [_SPACE.sub(" ", ln).strip() for ln in text.split("\n")]
        lines = [ln for ln in lines if ln]
        if label and lines:
            lines[0] = f"{label} {lines[0]}"
        return lines, boxes

    def _inline(self, el: Any, parts: list[str], boxes: list[Any]) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == W + "t" or tag == _M + "t":
                parts.append(child.text or "")
            elif tag in _TABS:
                parts.append(" ")
            elif tag in _BREAKS:
                parts.append("\n")
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            elif tag == W + "sym":
                parts.append(_symbol(child))
            elif tag == W + "txbxContent":
                boxes.append(child)
            elif tag == W + "r" and _hidden(child):
                continue
            elif tag == _MC + "AlternateContent":
                choice = child.find(_MC + "Choice")
                mark = (len(parts), len(boxes))
                if choice is not None:
                    self._inline(choice, parts, boxes)
                if (len(parts), len(boxes)) == mark and (fallback := child.find(_MC + "Fallback")) is not None:
                    self._inline(fallback, parts, boxes)
            else:
                self._inline(child, parts, boxes)

    # -- tables --------------------------------------------------------------------------------------------

    def table(self, tbl: Any) -> list[list[str]]:
        rows = self._rows(tbl)
        filled = [[c for c in row if c.lines] for row in rows]
        filled = [row for row in filled if row]
        if not filled:
            return []
        widths = [_int((g.get(W + "w")), 0) for g in tbl.iterfind(f"{W}tblGrid/{W}gridCol")]
        ncols = max(len(widths), max(c.col + c.span for row in rows for c in row))
        if all(_full_width(c, ncols) for row in filled for c in row):
            # a frame around paragraphs (one column): its content is read as body text
            return [[ln for ln in cell.lines] for row in filled for cell in row]
        if (not self._bordered(tbl, rows, ncols) and all(len(row) <= 2 for row in filled)
                and (len(filled) <= _LAYOUT_ROWS or any(_LAYOUT_MARK.match(c.lines[0]) for r in filled for c in r))):
            return self._layout(filled, ncols, widths)
        return [[_data_row(row) for row in rows if any(c.lines for c in row)]]

    def _rows(self, tbl: Any) -> list[list[_Cell]]:
        rows: list[list[_Cell]] = []
        for tr in _children(tbl, W + "tr"):
            col = _int(_val(tr.find(W + "trPr"), W + "gridBefore"), 0)
            row: list[_Cell] = []
            for tc in _children(tr, W + "tc"):
                pr = tc.find(W + "tcPr")
                span = max(1, _int(_val(pr, W + "gridSpan"), 1))
                vmerge = pr.find(W + "vMerge") if pr is not None else None
                hmerge = pr.find(W + "hMerge") if pr is not None else None
                continued = any(m is not None and m.get(_VAL) in (None, "continue") for m in (vmerge, hmerge))
                lines = [] if continued else [ln for block in self.blocks(tc) for ln in block]
                row.append(_Cell(tc, col, span, lines))
                col += span
            rows.append(row)
        return rows

    def _layout(self, filled: list[list[_Cell]], ncols: int, widths: list[int]) -> list[list[str]]:
        """Left column, then right column, band by band (a full-width row ends a band)."""
        out: list[list[str]] = []
        left: list[str] = []
        right: list[str] = []

        def flush() -> None:
            block = [*left, "|"] if left else []
            block += [*right, "|"] if right else []
            if block:
                out.append(block)
            left.clear()
            right.clear()

        for row in filled:
            if len(row) == 1 and _full_width(row[0], ncols):
                flush()
                out.append([*row[0].lines, "|"])
                continue
            if len(row) == 2:
                left.extend(row[0].lines)
                right.extend(row[1].lines)
            elif _center(row[0], ncols, widths) < 0.5:
                left.extend(row[0].lines)
            else:
                right.extend(row[0].lines)
        flush()
        return out

    def _bordered(self, tbl: Any, rows: list[list[_Cell]], ncols: int) -> bool:
        """Whether most filled cells show lines on at least two sides."""
        sides = self._table_borders(tbl)
        boxed = total = 0
        for r, row in enumerate(rows):
            for cell in row:
                if not cell.lines:
                    continue
                own = _borders(_find(cell.tc, f"{W}tcPr/{W}tcBorders"))
                first, last = cell.col == 0, cell.col + cell.span >= ncols
                edges = (
                    own.get("top", sides.get("top" if r == 0 else "insideH", False)),
                    own.get("bottom", sides.get("bottom" if r == len(rows) - 1 else "insideH", False)),
                    own.get("left", sides.get("left" if first else "insideV", False)),
                    own.get("right", sides.get("right" if last else "insideV", False)),
                )
                total += 1
                boxed += sum(edges) >= 2
        return total > 0 and boxed * 2 >= total

    def _table_borders(self, tbl: Any) -> dict[str, bool]:
        style = _val(tbl.find(W + "tblPr"), W + "tblStyle") or self.default_table_style
        chain: list[Any] = []
        seen: set[str] = set()
        while style and style in self.table_styles and style not in seen:
            seen.add(style)
            chain.append(self.table_styles[style])
            style = _val(self.table_styles[style], W + "basedOn")
        sides: dict[str, bool] = {}
        for st in reversed(chain):
            sides.update(_borders(_find(st, f"{W}tblPr/{W}tblBorders")))
        sides.update(_borders(_find(tbl, f"{W}tblPr/{W}tblBorders")))
        return sides


def _children(el: Any, tag: str) -> list[Any]:
    """Children of `el` with `tag`, looking through content controls and custom XML wrappers."""
    out: list[Any] = []
    for child in el:
        if child.tag == tag:
            out.append(child)
        elif child.tag in (W + "sdt", W + "customXml"):
            content = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
            if content is not None:
                out.extend(_children(content, tag))
    return out


def _data_row(row: list[_Cell]) -> str:
    cells = [_SPACE.sub(" ", " ".join(c.lines).replace("|", " ")).strip() for c in row]
    while len(cells) > 3 and not cells[-1]:
        cells.pop()
    cells += [""] * (3 - len(cells))
    return "| " + " | ".join(cells) + " |"


def _full_width(cell: _Cell, ncols: int) -> bool:
    return ncols <= 1 or (cell.col == 0 and cell.span >= ncols)


def _center(cell: _Cell, ncols: int, widths: list[int]) -> float:
    if len(widths) >= cell.col + cell.span and sum(widths) > 0:
        start = sum(widths[:cell.col])
        return (start + sum(widths[cell.col:cell.col + cell.span]) / 2) / sum(widths)
    return (cell.col + cell.span / 2) / max(1, ncols)


_SIDE = {"start": "left", "end": "right"}


def _borders(el: Any) -> dict[str, bool]:
    if el is None:
        return {}
    out: dict[str, bool] = {}
    for side in el:
        if not isinstance(side.tag, str):
            continue
        name = side.tag[len(W):]
        visible = side.get(_VAL) not in (None, "nil", "none") and (side.get(W + "color") or "").upper() != "FFFFFF"
        out[_SIDE.get(name, name)] = visible
    return out


def _find(el: Any, path: str) -> Any:
    return el.find(path) if el is not None else None


def _val(el: Any, tag: str) -> str | None:
    found = el.find(tag) if el is not None else None
    return None if found is None else found.get(_VAL)


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _hidden(run: Any) -> bool:
    vanish = _find(run, f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(_VAL) not in _OFF


def _symbol(sym: Any) -> str:
    """A w:sym character: Symbol-font dashes and letters as text, dingbats dropped."""
    try:
        code = int(sym.get(W + "char") or "", 16)
    except ValueError:
        return ""
    if code >= 0xF000:
        code -= 0xF000
    font = (sym.get(W + "font") or "").lower()
    if "wingdings" in font or "webdings" in font:
        return ""
    return chr(code) if 0x20 <= code < 0x7F else ""
