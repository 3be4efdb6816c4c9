""".docx reader: the body of a Word document as text in the pipeline's conventions (see vbhc.readers).

The body is read in document order, paragraphs and tables interleaved as they stand; content controls
(``w:sdt``), tracked insertions, hyperlinks and fields are read through, deleted text is not. Page headers
and footers are not part of the body and are not read. Footnotes and endnotes follow the body, each a block
"[n] text" (the pipeline sets such lines aside as footnotes; their citations still count).

- A paragraph is one block; its soft line breaks are line breaks, its tabs and space runs one space.
  Word's automatic numbering is not in the text: the label a reader sees ("1.", "2.1.", "a)", "-") is
  rebuilt from ``w:numPr`` and numbering.xml (`vbhc.readers.wordnum`) and put before the text.
- Text boxes (``w:txbxContent``) follow the paragraph that anchors them.
- A table with no visible borders (table, style and cell borders resolved), at most two filled cells per
  row and few rows is layout (the header, the nơi nhận / signer row): each cell's lines followed by a "|"
  line, left cell before right cell. The header table goes row by row (agency and quốc hiệu, số and date,
  V/v), other layout tables column by column (nơi nhận, then the signer; signature blocks side by side).
  Empty spacer columns are ignored; merged cells are read once (continuation cells hold no text).
- Other tables are data tables: a row per line, "| a | b | c |" (at least three cells). A table of a single
  column is a frame around ordinary paragraphs and is read as such. Nested tables are read in their cell.

Before python-docx opens the package, the ZIP is checked (`check_package`): the inflated sizes its members
declare, their sum against `Limits.max_docx_inflated` and each one's ratio to its compressed size against
`Limits.max_docx_ratio` (a zip bomb is refused before anything is inflated: `TooLargeError`); then every XML
member is inflated in chunks, the bytes actually produced counted against the same limit, and scanned: a part
with a DOCTYPE or an entity declaration is refused (`ReadError`), so that entity expansion (billion laughs)
and external entities (XXE: a ``SYSTEM "file:///..."`` entity that would read another file) never reach
lxml. (python-docx's own parser does not resolve entities either; this is the second lock.)
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import Any

import regex as re

from vbhc.errors import ReadError, TooLargeError, UnsupportedFormatError
from vbhc.limits import DEFAULT_LIMITS, Limits
from vbhc.readers import Extracted
from vbhc.readers.wordnum import Numbering, W

__all__ = ["check_package", "extract_docx"]

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_VAL = W + "val"
_RPR, _VANISH = W + "rPr", W + "vanish"

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


def extract_docx(raw: bytes, *, name: str, limits: Limits | None = None) -> Extracted:
    """Text of a .docx file in the pipeline's conventions (see vbhc.readers)."""
    check_package(raw, name=name, limits=limits or DEFAULT_LIMITS)
    try:
        body, related = _load(raw)
    except Exception as exc:
        raise ReadError(f"{name}: not a readable Word document (.docx): {_reason(exc)}") from exc
    try:
        text = _Reader(related.get("numbering"), related.get("styles")).read(
            body, notes=(related.get("footnotes"), related.get("endnotes")))
    except (ReadError, UnsupportedFormatError):
        raise
    except Exception as exc:  # a structure this reader did not expect: still the caller's ReadError
        raise ReadError(f"{name}: cannot read the Word document: {_reason(exc)}") from exc
    return Extracted(text=text, format="docx")


_CHUNK = 1 << 16
# What an XML part may not declare, lower-cased (the scan folds case and drops the NULs of UTF-16 / UTF-32).
_DECLARATIONS = (b"<!doctype", b"<!entity")


def check_package(raw: bytes, *, name: str, limits: Limits) -> None:
    """Refuse a .docx that would inflate past `limits` (TooLargeError) or whose XML parts declare a DOCTYPE
    or entities (ReadError); nothing else is read. A ZIP that cannot be opened is a ReadError."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise ReadError(f"{name}: not a readable Word document (.docx): {_reason(exc)}") from exc
    with archive:
        members = archive.infolist()
        declared = 0
        for info in members:
            declared += info.file_size
            if declared > limits.max_docx_inflated:
                raise TooLargeError(f"{name}: the .docx declares over {limits.max_docx_inflated} bytes once "
                                    "inflated (Limits.max_docx_inflated)")
            if info.file_size >= limits.ratio_floor and info.file_size > limits.max_docx_ratio * max(
                    info.compress_size, 1):
                raise TooLargeError(
                    f"{name}: member {info.filename!r} would inflate {info.file_size} bytes from "
                    f"{info.compress_size} ({info.file_size / max(info.compress_size, 1):.0f}x, over "
                    f"{limits.max_docx_ratio:g}x: Limits.max_docx_ratio), a zip bomb?")
        inflated = 0
        for info in members:
            if info.is_dir():
                continue
            try:
                inflated = _scan_member(archive, info, name, inflated, limits)
            except (ReadError, TooLargeError):
                raise
            except (zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError, OSError, EOFError) as exc:
                raise ReadError(f"{name}: not a readable Word document (.docx): member {info.filename!r}: "
                                f"{_reason(exc)}") from exc


def _scan_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, inflated: int, limits: Limits) -> int:
    """Inflate one member in chunks (counting the bytes against the limit); refuse declarations in XML."""
    tail = b""
    xml: bool | None = None
    wide = False
    with archive.open(info) as stream:
        while chunk := stream.read(_CHUNK):
            inflated += len(chunk)
            if inflated > limits.max_docx_inflated:
                raise TooLargeError(f"{name}: the .docx inflates to over {limits.max_docx_inflated} bytes "
                                    "(Limits.max_docx_inflated)")
            if xml is None:
                head = chunk[:64].replace(b"\x00", b"").lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n")
                xml = head.startswith(b"<")
                wide = b"\x00" in chunk[:4]
                if not xml:  # an image or another binary member: not parsed, only counted
                    continue
            elif not xml:
                continue
            text = (chunk.replace(b"\x00", b"") if wide else chunk).lower()
            window = tail + text
            if any(d in window for d in _DECLARATIONS):
                raise ReadError(f"{name}: refused: XML with a DOCTYPE/entity declaration in {info.filename!r} "
                                "(entity expansion and external entities are not allowed in a .docx)")
            tail = window[-16:]
    return inflated


def _reason(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) < 200 else text[:200] + "..."


def _load(raw: bytes) -> tuple[Any, dict[str, Any]]:
    """The w:body element and the roots of the parts it relates to ("numbering", "styles", "footnotes", ...)."""
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
    wanted = {RT.NUMBERING: "numbering", RT.STYLES: "styles", RT.FOOTNOTES: "footnotes", RT.ENDNOTES: "endnotes"}
    related: dict[str, Any] = {}
    for rel in part.rels.values():
        if not rel.is_external and rel.reltype in wanted:
            related[wanted[rel.reltype]] = root(rel.target_part)
    return body, related


@dataclass(slots=True)
class _Cell:
    tc: Any
    col: int
    span: int
    blocks: list[list[str]]

    @property
    def lines(self) -> list[str]:
        """The cell's lines, its paragraphs one after the other."""
        return [ln for block in self.blocks for ln in block]


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

    def read(self, body: Any, notes: tuple[Any | None, Any | None] = (None, None)) -> str:
        blocks = self.blocks(body)
        blocks.extend(self._notes(body, notes))
        return "\n\n".join("\n".join(block) for block in blocks if block)

    def _notes(self, body: Any, roots: tuple[Any | None, Any | None]) -> list[list[str]]:
        """The footnotes and endnotes the body refers to, in order: "[1] text", "[2] text", ..."""
        out: list[list[str]] = []
        for root, ref, note in zip(roots, ("footnoteReference", "endnoteReference"), ("footnote", "endnote"),
                                   strict=True):
            if root is None:
                continue
            by_id = {el.get(W + "id"): el for el in root.iter(W + note)}
            seen: set[str] = set()
            for mark in body.iter(W + ref):
                nid = mark.get(W + "id")
                if nid in seen or nid not in by_id:
                    continue
                seen.add(nid)
                lines = [ln for block in self.blocks(by_id[nid]) for ln in block]
                if lines:
                    out.append([f"[{len(out) + 1}] {lines[0]}", *lines[1:]])
        return out

    # -- block level ---------------------------------------------------------------------------------------

    def blocks(self, container: Any, *, cell: bool = False) -> list[list[str]]:
        """The blocks (lists of lines) of a body, cell, text box or content control, in order."""
        out: list[list[str]] = []
        for child in container:
            tag = child.tag
            if tag == W + "p":
                lines, boxes = self.paragraph(child, cell=cell)
                if lines:
                    out.append(lines)
                for box in boxes:
                    out.extend(self.blocks(box, cell=cell))
            elif tag == W + "tbl":
                out.extend(self.table(child))
            elif tag in (W + "sdt", W + "customXml", W + "ins", W + "moveTo"):
                content = child.find(W + "sdtContent") if tag == W + "sdt" else child
                if content is not None:
                    out.extend(self.blocks(content, cell=cell))
            elif tag == _MC + "AlternateContent":
                choice = child.find(_MC + "Choice")
                got = self.blocks(choice, cell=cell) if choice is not None else []
                if not got and (fallback := child.find(_MC + "Fallback")) is not None:
                    got = self.blocks(fallback, cell=cell)
                out.extend(got)
        return out

    # -- paragraphs ----------------------------------------------------------------------------------------

    def paragraph(self, p: Any, *, cell: bool = False) -> tuple[list[str], list[Any]]:
        """The lines of paragraph `p` (its numbering label first) and the text boxes it anchors.

        An empty numbered paragraph shows its label alone; kept in table cells (the automatic numbers of
        an STT column), dropped in the body (an empty list item left over from editing).
        """
        parts: list[str] = []
        boxes: list[Any] = []
        self._inline(p, parts, boxes)
        label = self.numbering.label(p)
        text = _WRAP.sub("\n", "".join(parts))
        lines = [_SPACE.sub(" ", ln).strip() for ln in text.split("\n")]
        lines = [ln for ln in lines if ln]
        if label and lines:
            lines[0] = f"{label} {lines[0]}"
        elif label and cell:
            lines = [label]
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
            return [block for row in filled for cell in row for block in cell.blocks]
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
                row.append(_Cell(tc, col, span, [] if continued else self.blocks(tc, cell=True)))
                col += span
            rows.append(row)
        return rows

    def _layout(self, filled: list[list[_Cell]], ncols: int, widths: list[int]) -> list[list[str]]:
        """The cells of a layout table, each followed by "|".

        A header table (it holds the quốc hiệu) is read row by row, in the order of NĐ 30's cells: agency and
        quốc hiệu, số and date, V/v; rows that only continue the agency name on the left (one line per row)
        are read as one band, left column first. Other layout tables (nơi nhận and signer, signature blocks
        side by side) are read column by column; a row filled across the width ends a band.
        """
        header = any(_NATIONAL.match(_fold(ln)) for row in filled for c in row for ln in c.lines[:2])
        out: list[str] = []
        left: list[str] = []
        right: list[str] = []

        def flush() -> None:
            for stream in (left, right):
                if stream:
                    out.extend([*stream, "|"])
                    stream.clear()

        for row in filled:
            if len(row) == 1 and _full_width(row[0], ncols):
                flush()
                out.extend([*row[0].lines, "|"])
                continue
            if len(row) == 2:
                lcell, rcell = row
            elif _center(row[0], ncols, widths) < 0.5:
                lcell, rcell = row[0], None
            else:
                lcell, rcell = None, row[0]
            if header and not (lcell is not None and all(_upper(ln) for ln in lcell.lines)):
                flush()
            left.extend(lcell.lines if lcell else [])
            right.extend(rcell.lines if rcell else [])
            if header and not (lcell is not None and all(_upper(ln) for ln in lcell.lines)):
                flush()
        flush()
        return [out] if out else []

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


_NATIONAL = re.compile(r"^(?:CONG HOA XA HOI|DANG CONG SAN VIET NAM)")


def _fold(text: str) -> str:
    """Capitals without accents, for matching the quốc hiệu."""
    decomposed = unicodedata.normalize("NFD", text.upper().replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


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
    rpr = run.find(_RPR)
    vanish = rpr.find(_VANISH) if rpr is not None else None
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
