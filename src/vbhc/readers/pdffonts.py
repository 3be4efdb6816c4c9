"""Text drawn in fonts without a usable map to Unicode, recovered from the embedded font program.

Word documents printed to PDF through Ghostscript embed their TrueType fonts as CID fonts (Identity-H)
without a /ToUnicode map, and the subset font keeps neither a cmap nor glyph names. Every extractor then
reads the glyph ids as characters: "6Ӣ CÔNG 7+ѬѪ1*" for "SỞ CÔNG THƯƠNG" (the glyph id of "S" in Times
New Roman is 54, "6"; "Ở" is glyph 1250, "Ӣ").

The glyph program still says what each glyph is, given three facts about TrueType fonts:

- the first glyphs follow the standard Macintosh order (glyph 3 is the space, 36 "A", 68 "a", 141 the
  acute accent); Windows fonts leave out two of them (the no-break space and the Apple logo), which
  shifts the rest; the shift is chosen by what the composite glyphs say;
- accented letters are composite glyphs, a base letter and accents ("ấ" = "a" + circumflex + acute),
  so a letter is known once its parts are;
- fonts that cover Vietnamese hold the block U+1EA0-U+1EF9 (Ạ ạ Ả ả ...) as one run in Unicode order;
  its place is found by matching the base letters of its composites, and it names the accent glyphs
  and the horned letters (Ơ ơ Ư ư) it is built from.

`repair_fonts` adds a /ToUnicode map to each such font as an incremental update of the file, so that any
extractor (poppler, pdfminer) reads the text; glyphs it cannot name map to U+FFFD.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
import zlib
from collections import Counter
from dataclasses import dataclass
from typing import Any

__all__ = ["FontRepair", "decipher", "glyph_map", "is_syllable", "plausibility", "repair_fonts"]

_log = logging.getLogger(__name__)

# Spacing accents of the Macintosh glyph names, as the combining marks they stand for in a composite.
_MARK_NAMES = {
    "grave": "\u0300", "acute": "\u0301", "circumflex": "\u0302", "tilde": "\u0303", "macron": "\u0304",
    "breve": "\u0306", "dotaccent": "\u0307", "dieresis": "\u0308", "ring": "\u030a",
    "hungarumlaut": "\u030b", "caron": "\u030c", "cedilla": "\u0327", "ogonek": "\u0328",
}
_BELOW = frozenset("\u0323\u0327\u0328")
_VIET_FIRST, _VIET_LAST = 0x1EA0, 0x1EF9
# Glyphs of the Macintosh order a font may leave out: none, the Apple logo, the no-break space, or both
# (Windows fonts, Times New Roman among them: listed last, it wins ties).
_DROPPED: tuple[tuple[int, ...], ...] = ((), (210,), (172,), (172, 210))
_REPLACEMENT = "\ufffd"
_PLACEHOLDER_FIRST, _PLACEHOLDER_COUNT = 0xE000, 0x1800


@dataclass(frozen=True, slots=True)
class FontRepair:
    """A PDF with /ToUnicode maps added to its fonts that had none."""

    data: bytes
    """The file with an incremental update holding the new maps."""
    fonts: tuple[str, ...]
    """Names of the fonts given a map."""
    glyphs: int
    """Glyphs in those fonts' programs."""
    unknown: int
    """Glyphs drawn on their own that the program does not name."""
    placeholders: dict[str, frozenset[str]]
    """The private-use character standing for each unnamed glyph -> the letters its font names."""


# ---------------------------------------------------------------------------------------------------
# Naming the glyphs of a TrueType program


class _Font:
    """The glyph outlines of a TrueType program, by glyph id."""

    def __init__(self, data: bytes) -> None:
        from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

        level = logging.getLogger("fontTools").level
        logging.getLogger("fontTools").setLevel(logging.ERROR)  # subset fonts trip harmless warnings
        try:
            self.tt = TTFont(io.BytesIO(data), lazy=False)
            self.order: list[str] = self.tt.getGlyphOrder()
            self.glyf: Any = self.tt.get("glyf")
        finally:
            logging.getLogger("fontTools").setLevel(level)
        self.upem: int = self.tt["head"].unitsPerEm if "head" in self.tt else 1000
        self._glyphs: dict[int, Any] = {}

    def glyph(self, gid: int) -> Any:
        if gid not in self._glyphs:
            try:
                self._glyphs[gid] = self.glyf[self.order[gid]] if self.glyf is not None else None
            except Exception:  # a damaged glyph: treat as absent
                self._glyphs[gid] = None
        return self._glyphs[gid]

    def present(self) -> list[int]:
        """Glyph ids with an outline (in a subset: the glyphs used and their parts)."""
        if self.glyf is None:
            return []
        out = []
        for gid in range(len(self.order)):
            g = self.glyph(gid)
            if g is not None and getattr(g, "numberOfContours", 0) != 0:
                out.append(gid)
        return out

    def components(self, gid: int) -> list[tuple[int, int, int]] | None:
        """(glyph id, dx, dy) of a composite glyph's parts; None for a simple glyph."""
        g = self.glyph(gid)
        if g is None or not g.isComposite():
            return None
        out = []
        for c in g.components:
            try:
                cid = self.tt.getGlyphID(c.glyphName)
            except KeyError:
                return None
            out.append((cid, int(getattr(c, "x", 0) or 0), int(getattr(c, "y", 0) or 0)))
        return out

    def box(self, gid: int) -> tuple[int, int, int, int] | None:
        g = self.glyph(gid)
        if g is None or getattr(g, "numberOfContours", 0) == 0:
            return None
        if not hasattr(g, "yMax"):
            try:
                g.recalcBounds(self.glyf)
            except Exception:
                return None
        return int(g.xMin), int(g.yMin), int(g.xMax), int(g.yMax)

    def points(self, gid: int) -> set[tuple[int, int]]:
        g = self.glyph(gid)
        if g is None or g.isComposite() or getattr(g, "numberOfContours", 0) <= 0:
            return set()
        coords, _, _ = g.getCoordinates(self.glyf)
        return {(int(x), int(y)) for x, y in coords}


def _unicode_tables(font: _Font) -> dict[int, str]:
    """Glyph id -> text from the program's own cmap or glyph names, when it has them."""
    out: dict[int, str] = {}
    if "cmap" in font.tt:
        for table in font.tt["cmap"].tables:
            if not table.isUnicode() or (table.platformID == 3 and table.platEncID == 0):
                continue
            for code, name in sorted(table.cmap.items(), reverse=True):
                try:
                    out[font.tt.getGlyphID(name)] = chr(code)
                except (KeyError, ValueError):
                    continue
    if "post" in font.tt and font.tt["post"].formatType == 2.0:
        from fontTools import agl  # type: ignore[import-untyped]

        for gid, name in enumerate(font.order):
            if gid not in out and not name.startswith(("glyph", ".")):
                text = agl.toUnicode(name)
                if text:
                    out[gid] = text
    return out


def _mac_names(dropped: tuple[int, ...]) -> list[str]:
    from fontTools.ttLib.standardGlyphOrder import standardGlyphOrder  # type: ignore[import-untyped]

    return [n for i, n in enumerate(standardGlyphOrder) if i not in dropped]


def _name_text(name: str) -> str:
    from fontTools import agl

    return str(agl.toUnicode(name))


class _Namer:
    """Infers the text of each glyph of a font without a cmap; see the module docstring."""

    def __init__(self, font: _Font) -> None:
        self.font = font
        self.present = font.present()
        self.known: dict[int, str] = {}
        self.marks: dict[int, str] = {}

    # -- the parts of a composite, in the order a reader composes them
    def _placed(self, comps: list[tuple[int, int, int]]) -> list[tuple[int, bool, int]]:
        """(glyph id, below the baseline, height) of each accent part of a composite."""
        out = []
        limit = self.font.upem // 10
        for gid, _dx, dy in comps[1:]:
            box = self.font.box(gid)
            if box is None:
                out.append((gid, False, dy))
                continue
            out.append((gid, dy + box[3] < limit, dy + box[1]))
        return out

    def _align(self, gid: int, text: str) -> tuple[int, str, list[tuple[int, str]]] | None:
        """(base glyph, base text, [(accent glyph, mark)]) when composite `gid` can be `text`."""
        comps = self.font.components(gid)
        if not comps or len(text) != 1 or len(comps) < 2:
            return None
        nfd = unicodedata.normalize("NFD", text)
        for k in range(len(nfd), 0, -1):
            head = unicodedata.normalize("NFC", nfd[:k])
            if len(head) == 1 and len(nfd) - k == len(comps) - 1:
                break
        else:
            return None
        parts = self._placed(comps)
        rest = nfd[k:]
        below = [m for m in rest if m in _BELOW]
        above = [m for m in rest if m not in _BELOW]
        low = [p for p in parts if p[1]]
        high = sorted((p for p in parts if not p[1]), key=lambda p: p[2])
        if len(low) != len(below) or len(high) != len(above):
            return None
        marks = [(p[0], m) for p, m in zip([*low, *high], [*below, *above], strict=True)]
        return comps[0][0], head, marks

    def learn(self, gid: int, text: str) -> None:
        """`gid` is `text`: what its parts are follows when it is a composite."""
        self.known.setdefault(gid, text)
        comps = self.font.components(gid)
        if comps and len(comps) == 1:
            self.learn(comps[0][0], text)
            return
        aligned = self._align(gid, text)
        if aligned is None:
            return
        base, head, marks = aligned
        if base not in self.known:
            self.learn(base, head)
        for mark_gid, mark in marks:
            self.marks.setdefault(mark_gid, mark)

    def resolve(self, gid: int, depth: int = 0) -> str | None:
        if gid in self.known:
            return self.known[gid]
        comps = self.font.components(gid)
        if not comps or depth > 4:
            return None
        base = self.resolve(comps[0][0], depth + 1)
        if base is None:
            return None
        if len(comps) == 1:
            return base
        marks = []
        parts = self._placed(comps)
        for mark_gid, below, height in parts:
            mark = self.marks.get(mark_gid)
            if mark is None:
                return None
            marks.append((0 if below else 1, height, mark))
        if base == "ı":  # dotless i carries the accents of í, ì, ĩ, ỉ
            base = "i"
        marks.sort()
        return unicodedata.normalize("NFC", base + "".join(m for _, _, m in marks))

    # -- the steps
    def ascii_and_mac(self) -> None:
        present = set(self.present)
        for gid in range(3, 98):  # space .. asciitilde: the same in every Macintosh-ordered font
            self.known[gid] = chr(gid + 29)
        self.marks[67] = "\u0300"  # grave
        scores = []
        for rank, dropped in enumerate(_DROPPED):
            names = _mac_names(dropped)
            score = sum(self._mac_evidence(gid, _name_text(names[gid]))
                        for gid in range(98, min(258, len(names))) if gid in present)
            scores.append((score, rank, dropped))
        dropped = max(scores)[2]
        names = _mac_names(dropped)
        for gid in range(98, min(258, len(names), len(self.font.order))):
            name = names[gid]
            comps = self.font.components(gid)
            if name in _MARK_NAMES:
                self.marks.setdefault(gid, _MARK_NAMES[name])
                if gid in present and comps is None:
                    self.known.setdefault(gid, _name_text(name))
                continue
            text = _name_text(name)
            if not text or text == "\uf8ff":
                continue
            if comps is None:
                if gid in present:
                    self.known.setdefault(gid, text)
            elif self._mac_evidence(gid, text) > 0:
                self.learn(gid, text)

    def _mac_evidence(self, gid: int, text: str) -> int:
        """+1 when composite `gid` is built on the base letter of `text`, -1 when on another one."""
        comps = self.font.components(gid)
        if comps is None or len(text) != 1:
            return 0
        nfd = unicodedata.normalize("NFD", text)
        base = comps[0][0]
        if len(nfd) < 2 or not 3 <= base < 98:
            return -1 if len(nfd) < 2 else 0
        return 1 if chr(base + 29) == nfd[0] and len(comps) == len(nfd) else -1

    def vietnamese_block(self) -> None:
        """Place the run U+1EA0-U+1EF9 by the base letters and accents of its composites."""
        firsts = [unicodedata.normalize("NFD", chr(cp))[0] for cp in range(_VIET_FIRST, _VIET_LAST + 1)]
        votes: Counter[int] = Counter()
        composites = []
        for gid in self.present:
            comps = self.font.components(gid) if gid >= 98 else None
            if comps and len(comps) >= 2:
                composites.append(gid)
                if 3 <= comps[0][0] < 98:
                    for i, first in enumerate(firsts):
                        if first == chr(comps[0][0] + 29):
                            votes[gid - i] += 1
        best: tuple[int, int] | None = None
        for start, _ in votes.most_common(8):
            score = self._block_score(start, composites, len(firsts))
            if best is None or score > best[0]:
                best = (score, start)
        if best is None or best[0] < 3:
            return
        # The run may skip a letter the font holds elsewhere (Times New Roman keeps Ỳ ỳ with the Welsh
        # letters), so the run only names the parts, by majority; composites are then read from their parts.
        start = best[1]
        marks: dict[int, Counter[str]] = {}
        bases: dict[int, Counter[str]] = {}
        for gid in composites:
            if 0 <= gid - start < len(firsts):
                aligned = self._align(gid, chr(_VIET_FIRST + gid - start))
                if aligned is not None:
                    bases.setdefault(aligned[0], Counter())[aligned[1]] += 1
                    for mark_gid, mark in aligned[2]:
                        marks.setdefault(mark_gid, Counter())[mark] += 1
        for mark_gid, counts in marks.items():
            self.marks.setdefault(mark_gid, counts.most_common(1)[0][0])
        for base, counts in bases.items():
            if base not in self.known:
                self.learn(base, counts.most_common(1)[0][0])

    def _block_score(self, start: int, composites: list[int], size: int) -> int:
        """Agreements minus twice the contradictions if the block starts at glyph `start`."""
        score = 0
        assigned = dict(self.marks)
        for gid in composites:
            if not 0 <= gid - start < size:
                continue
            aligned = self._align(gid, chr(_VIET_FIRST + gid - start))
            if aligned is None:
                score -= 2
                continue
            base, head, marks = aligned
            if 3 <= base < 98 and chr(base + 29) != head:
                score -= 2
                continue
            for mark_gid, mark in marks:
                if assigned.setdefault(mark_gid, mark) != mark:
                    score -= 2
                    break
            else:
                score += 1
        return score

    def horned(self) -> None:
        """Simple glyphs that hold the outline of o/u/O/U (Ơ ơ Ư ư) or d/D (Đ đ) with a stroke added."""
        known_texts = set(self.known.values())
        pairs = {"o": "ơ", "u": "ư", "O": "Ơ", "U": "Ư", "d": "đ", "D": "Đ"}
        bases = {ch: ord(ch) - 29 for ch in pairs if (ord(ch) - 29) in set(self.present)}
        for gid in self.present:
            if gid in self.known or self.font.components(gid) is not None:
                continue
            pts = self.font.points(gid)
            if not pts:
                continue
            best = None
            for ch, base_gid in bases.items():
                if pairs[ch] in known_texts:
                    continue
                base_pts = self.font.points(base_gid)
                if base_pts and len(pts) > len(base_pts):
                    share = len(pts & base_pts) / len(base_pts)
                    if share >= 0.3 and (best is None or share > best[0]):
                        best = (share, pairs[ch])
            if best is not None:
                self.known[gid] = best[1]
                known_texts.add(best[1])

    def run(self) -> dict[int, str]:
        self.ascii_and_mac()
        self.vietnamese_block()
        self.horned()
        out: dict[int, str] = {}
        for gid in self.present:
            text = self.resolve(gid)
            if text is not None:
                out[gid] = text
        for gid in range(3, 98):
            out.setdefault(gid, self.known[gid])
        return out


def glyph_map(font_program: bytes) -> tuple[dict[int, str], list[int]]:
    """Glyph id -> text for a TrueType program, and the glyphs drawn on their own it could not name."""
    font = _Font(font_program)
    own = _unicode_tables(font)
    present = font.present()
    parts = {c[0] for g in present for c in font.components(g) or ()}
    if own and sum(1 for g in present if g in own) >= 0.9 * max(len(present), 1):
        names = own
    else:
        names = _Namer(font).run()
        names.update(own)
    return names, [g for g in present if g > 2 and g not in names and g not in parts]


# ---------------------------------------------------------------------------------------------------
# Finding the fonts and writing the maps back


def _fonts_in(doc: Any) -> dict[int, Any]:
    """Object id -> font dictionary of every indirect font the pages and their forms use."""
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdftypes import PDFObjRef, resolve1

    fonts: dict[int, Any] = {}
    seen: set[int] = set()

    def walk(resources: Any, depth: int) -> None:
        resources = resolve1(resources)
        if not isinstance(resources, dict) or depth > 6:
            return
        for ref in (resolve1(resources.get("Font")) or {}).values():
            if isinstance(ref, PDFObjRef) and ref.objid not in fonts:
                font = resolve1(ref)
                if isinstance(font, dict):
                    fonts[ref.objid] = font
        for ref in (resolve1(resources.get("XObject")) or {}).values():
            if isinstance(ref, PDFObjRef):
                if ref.objid in seen:
                    continue
                seen.add(ref.objid)
            stream = resolve1(ref)
            attrs = getattr(stream, "attrs", None)
            if isinstance(attrs, dict) and _name(attrs.get("Subtype")) == "Form":
                walk(attrs.get("Resources"), depth + 1)

    for page in PDFPage.create_pages(doc):
        walk(page.resources, 0)
    return fonts


def _name(obj: Any) -> str:
    return str(getattr(obj, "name", obj if isinstance(obj, str) else ""))


def _broken_cid_font(font: dict[str, Any]) -> tuple[bytes, dict[int, int] | None] | None:
    """(TrueType program, CID -> GID map or None for identity) of a Type0 font without /ToUnicode."""
    from pdfminer.pdftypes import resolve1

    if _name(font.get("Subtype")) != "Type0" or "ToUnicode" in font:
        return None
    if _name(font.get("Encoding")) not in ("Identity-H", "Identity-V"):
        return None
    descendants = resolve1(font.get("DescendantFonts"))
    if not isinstance(descendants, list) or not descendants:
        return None
    desc = resolve1(descendants[0])
    if not isinstance(desc, dict) or _name(desc.get("Subtype")) != "CIDFontType2":
        return None
    fd = resolve1(desc.get("FontDescriptor"))
    program = resolve1(fd.get("FontFile2")) if isinstance(fd, dict) else None
    if program is None:
        return None
    cid_to_gid: dict[int, int] | None = None
    mapping = resolve1(desc.get("CIDToGIDMap"))
    if mapping is not None and _name(mapping) != "Identity":
        table = mapping.get_data()
        cid_to_gid = {i // 2: int.from_bytes(table[i:i + 2], "big") for i in range(0, len(table) - 1, 2)}
    return program.get_data(), cid_to_gid


def _cmap_stream(codes: dict[int, str]) -> bytes:
    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
        "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange",
    ]
    items = sorted(codes.items())
    for i in range(0, len(items), 100):
        chunk = items[i:i + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        for code, text in chunk:
            utf16 = text.encode("utf-16-be").hex().upper()
            lines.append(f"<{code:04X}> <{utf16}>")
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("ascii")


def _serialize(obj: Any) -> bytes:
    """PDF syntax for a parsed object (the font dictionaries only hold simple values)."""
    from pdfminer.pdftypes import PDFObjRef
    from pdfminer.psparser import PSKeyword, PSLiteral

    if obj is None:
        return b"null"
    if isinstance(obj, bool):
        return b"true" if obj else b"false"
    if isinstance(obj, int):
        return str(obj).encode()
    if isinstance(obj, float):
        return (f"{obj:.6f}".rstrip("0").rstrip(".") or "0").encode()
    if isinstance(obj, PSLiteral):
        name = obj.name if isinstance(obj.name, str) else obj.name.decode("latin-1")
        return b"/" + "".join(c if c.isalnum() or c in "-_.+" else f"#{ord(c):02X}" for c in name).encode()
    if isinstance(obj, PSKeyword):
        return obj.name if isinstance(obj.name, bytes) else str(obj.name).encode()
    if isinstance(obj, (PDFObjRef, _Ref)):
        return f"{obj.objid} 0 R".encode()
    if isinstance(obj, (bytes, bytearray)):
        return b"<" + bytes(obj).hex().encode() + b">"
    if isinstance(obj, str):
        return b"<" + obj.encode("latin-1", "replace").hex().encode() + b">"
    if isinstance(obj, list):
        return b"[" + b" ".join(_serialize(x) for x in obj) + b"]"
    if isinstance(obj, dict):
        return b"<<" + b"".join(b"/" + str(k).encode("latin-1") + b" " + _serialize(v) for k, v in obj.items()) + b">>"
    raise TypeError(f"cannot write {type(obj).__name__}")


def _trailer_refs(doc: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for xref in doc.xrefs:
        trailer = getattr(xref, "trailer", None) or {}
        for key in ("Root", "Info", "ID"):
            if key in trailer and key not in out:
                out[key] = trailer[key]
    return out


def _max_objid(doc: Any) -> int:
    top = 0
    for xref in doc.xrefs:
        try:
            top = max(top, *xref.get_objids())
        except (TypeError, ValueError):
            continue
    return top


_STARTXREF = re.compile(rb"startxref\s+(\d+)")


def repair_fonts(raw: bytes) -> FontRepair | None:
    """`raw` with a /ToUnicode map added to every CID font that lacks one; None when there is none."""
    try:
        return _repair(raw)
    except Exception as exc:  # a file pdfminer or fontTools cannot follow: nothing recovered
        _log.debug("font repair failed: %s", exc)
        return None


def _repair(raw: bytes) -> FontRepair | None:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser

    doc = PDFDocument(PDFParser(io.BytesIO(raw)))
    if getattr(doc, "encryption", None):
        return None
    maps: dict[int, tuple[dict[str, Any], dict[int, str]]] = {}
    names: list[str] = []
    glyphs = unknown = 0
    placeholders: dict[str, frozenset[str]] = {}
    found: list[tuple[int, dict[str, Any], bytes, dict[int, int] | None]] = []
    programs: dict[bytes, tuple[dict[int, str], list[int], int, str]] = {}
    for objid, font in _fonts_in(doc).items():
        broken = _broken_cid_font(font)
        if broken is None:
            continue
        program, cid_to_gid = broken
        key = zlib.crc32(program).to_bytes(4, "big") + len(program).to_bytes(8, "big")
        if key not in programs:
            gid_text, missing = glyph_map(program)
            font_program = _Font(program)
            family = f"{len(font_program.order)}:{_name(font.get('BaseFont')).split('+')[-1][:9]}"
            programs[key] = (gid_text, missing, len(font_program.present()), family)
        found.append((objid, font, key, cid_to_gid))
    # Fonts of one family with as many glyphs share the glyph order: one names what another cannot.
    named: dict[tuple[str, int], set[str]] = {}
    for gid_text, _, _, family in programs.values():
        for gid, text in gid_text.items():
            named.setdefault((family, gid), set()).add(text)
    for key, (gid_text, missing, count, family) in programs.items():
        letters = frozenset(t for t in gid_text.values() if len(t) == 1 and t.isalpha())
        gid_text = dict(gid_text)
        for gid in missing:
            others = named.get((family, gid), set())
            if len(others) == 1:
                gid_text[gid] = next(iter(others))
                continue
            # A private-use character per glyph left unnamed: `decipher` may name it from the text.
            mark = chr(_PLACEHOLDER_FIRST + len(placeholders))
            placeholders[mark] = letters
            gid_text[gid] = mark if len(placeholders) < _PLACEHOLDER_COUNT else _REPLACEMENT
            unknown += 1
        programs[key] = (gid_text, missing, count, family)
        glyphs += count
    for objid, font, key, cid_to_gid in found:
        gid_text = programs[key][0]
        if cid_to_gid is None:
            codes = {gid: text for gid, text in gid_text.items() if gid < 0x10000}
        else:
            codes = {cid: gid_text[gid] for cid, gid in cid_to_gid.items() if gid in gid_text}
        maps[objid] = (font, codes)
        names.append(_name(font.get("BaseFont")).split("+")[-1])
    if not maps:
        return None
    m = _STARTXREF.findall(raw[-4096:]) or _STARTXREF.findall(raw)
    if not m:
        return None
    prev = int(m[-1])
    next_id = _max_objid(doc) + 1
    out = bytearray(raw)
    if not out.endswith(b"\n"):
        out += b"\n"
    offsets: dict[int, int] = {}
    for objid, (font, codes) in maps.items():
        cmap = zlib.compress(_cmap_stream(codes))
        offsets[next_id] = len(out)
        out += f"{next_id} 0 obj\n<</Length {len(cmap)}/Filter/FlateDecode>>\nstream\n".encode() + cmap
        out += b"\nendstream\nendobj\n"
        patched = dict(font)
        patched["ToUnicode"] = _Ref(next_id)
        offsets[objid] = len(out)
        out += f"{objid} 0 obj\n".encode() + _serialize(patched) + b"\nendobj\n"
        next_id += 1
    xref_at = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"
    for objid in sorted(offsets):
        out += f"{objid} 1\n{offsets[objid]:010d} 00000 n \n".encode()
    trailer = {"Size": next_id, **_trailer_refs(doc), "Prev": prev}
    out += b"trailer\n" + _serialize(trailer) + f"\nstartxref\n{xref_at}\n%%EOF\n".encode()
    return FontRepair(data=bytes(out), fonts=tuple(dict.fromkeys(names)), glyphs=glyphs, unknown=unknown,
                      placeholders=placeholders)


class _Ref:
    """An indirect reference to an object of the update."""

    def __init__(self, objid: int) -> None:
        self.objid = objid


# ---------------------------------------------------------------------------------------------------
# Vietnamese syllables: how plausible a text is, and what an unnamed glyph must be

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_RHYME_TEXT = (
    "a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây "
    "e ec em en eng eo ep et ê êch êm ên ênh êp êt êu i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu "
    "o oc oi om on ong op ot oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo "
    "oet oong ooc ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt u uc ui um un ung up ut ua uân uâng uât uây uê uêch "
    "uênh uy uya uych uyên uyêt uynh uyt uyu uôc uôi uôm uôn uông uôt uơ ư ưc ưi ưm ưn ưng ưt ưu ưa ươc ươi "
    "ươm ươn ương ươp ươt ươu y yêm yên yêng yêt yêu"
)
_RHYMES = tuple(_RHYME_TEXT.split())
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?(?:"
    + "|".join(sorted(_RHYMES, key=len, reverse=True)) + r")|gi[nm]?|gì")
_WORD = re.compile(r"[^\W\d_]+|[\ue000-\uf7ff]+")
_TOKEN = re.compile(r"[^\W\d_\ue000-\uf7ff]*[\ue000-\uf7ff][^\W\d_\ue000-\uf7ff]*")


def is_syllable(word: str) -> bool:
    """True for a well-formed Vietnamese syllable, case aside: "Nghiệp", "quốc", "gì" (one tone at most)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    bare = "".join(c for c in decomposed if c not in _TONE_MARKS)
    if len(decomposed) - len(bare) > 1:
        return False
    return bool(_SYLLABLE.fullmatch(unicodedata.normalize("NFC", bare)))


@dataclass(frozen=True, slots=True)
class Plausibility:
    """How much a text reads as Vietnamese."""

    words: int
    """Words counted (all-capital ASCII abbreviations aside)."""
    valid: float
    """Share of them that are well-formed syllables."""
    marked: float
    """Share of the syllables that carry a Vietnamese letter or tone (about 0.6-0.9 in real text)."""


def plausibility(text: str) -> Plausibility:
    """Score `text` as Vietnamese: mojibake and OCR without diacritics score low."""
    words = valid = marked = 0
    for m in _WORD.finditer(unicodedata.normalize("NFC", text)):
        word = m.group(0)
        if word.isascii() and word.isupper():
            continue  # UBND, VLNCN, QĐ: abbreviations say nothing
        words += 1
        if is_syllable(word):
            valid += 1
            marked += not word.isascii()
    return Plausibility(words=words, valid=valid / words if words else 1.0,
                        marked=marked / valid if valid else 0.0)


def _vietnamese_letters() -> frozenset[str]:
    out = set("abcdefghiklmnopqrstuvxyđ")
    for vowel in "aăâeêioôơuưy":
        for tone in ("", *sorted(_TONE_MARKS)):
            out.add(unicodedata.normalize("NFC", vowel + tone))
    return frozenset(out | {c.upper() for c in out})


def decipher(text: str, placeholders: dict[str, frozenset[str]]) -> tuple[str, int]:
    """Name each placeholder of `text` by the letter that makes its words Vietnamese syllables.

    A font has one glyph per letter, so a glyph its program leaves unnamed is a letter the font names
    nowhere else ("Đ" of a Times New Roman subset). The candidate that turns the most words holding the
    placeholder into syllables wins if it leads clearly; placeholders left undecided become U+FFFD.
    Returns the text and the number of placeholders left undecided.
    """
    found = {c for c in text if c in placeholders}
    if not found:
        return text, 0
    words: dict[str, list[str]] = {c: [] for c in found}
    for m in _TOKEN.finditer(text):
        token = m.group(0)
        inside = {c for c in token if c in placeholders}
        if len(inside) == 1:
            words[next(iter(inside))].append(token)
    alphabet = _vietnamese_letters()
    table: dict[str, str] = {}
    for mark, tokens in words.items():
        votes: Counter[str] = Counter()
        for token in tokens:  # a token no letter can complete (an abbreviation: "QĐ") says nothing
            votes.update(letter for letter in alphabet - placeholders[mark] if _fits(token, mark, letter))
        scores = sorted(((n, letter) for letter, n in votes.items()), reverse=True)
        if scores and scores[0][0] >= 1 and (len(scores) == 1 or scores[0][0] > scores[1][0]):
            table[mark] = scores[0][1]
    out = "".join(table.get(c, _REPLACEMENT) if c in placeholders else c for c in text)
    return out, len(found) - len(table)


def _fits(token: str, mark: str, letter: str) -> bool:
    """`letter` in place of `mark` makes `token` a syllable, in the case of the letters around it."""
    others = token.replace(mark, "")
    if others.isupper() and len(others) > 1:
        if not letter.isupper():
            return False
    elif token[0] != mark and letter.isupper():
        return False
    return is_syllable(token.replace(mark, letter))
