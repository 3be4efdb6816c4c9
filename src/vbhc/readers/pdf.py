"""pdf reader: the text layer of a PDF as layout text, in the conventions of the plain-text path.

Backends, chosen by measurement on the corpus's signed PDFs: poppler's ``pdftotext -layout`` when the
binary is on the PATH (about 0.07 s a document here, against 0.4 s for a bare pdfplumber
``extract_text``; it prints the text that signing systems stamp in widgets and keeps the two header
columns on one row split by a wide gap, which `vbhc.columns` then separates); otherwise pdfplumber's
characters laid out here by baseline and x position, with the widget text read by pdfium
(`pdfwidgets.stamps`). Both score alike on the gold documents; the fallback is eight times slower.

On top of either backend:

- ruled tables (`pdfwidgets.grids`) become one line per row, ``| a | b | c |``, so that their numbered
  rows are not taken for directives (pdftotext pages with tables are laid out again from poppler's
  word boxes);
- footnote marks printed as small raised numbers ("QH15¹", which pdftotext glues into "QH151") become
  "[1]" and the footnotes at the foot of a page "[1] ...", as the normalizer sets them aside;
- a stamp printed over the draft's digit ("tháng 54" for a signed "5" over "4") keeps the stamp, and a
  number glued to its word ("ngày15") is set apart;
- the text is checked as Vietnamese (`pdffonts.plausibility`): mojibake from fonts embedded without a
  map to Unicode ("6Ӣ CÔNG 7+ѬѪ1*") is read again after `pdffonts.repair_fonts` has given them a map
  recovered from their glyph programs (issue ``font-recovered``); a text that still does not read
  keeps only the lines that do (issue ``broken-font``).

Pages are joined with a blank line. A PDF without any text (a scan) gives an empty text and the issue
``no-text-layer``; OCR is out of scope. A file poppler or pdfminer cannot open raises `ReadError`.

Before any text is extracted, pdfium opens the file and counts its pages: more than
`Limits.max_pdf_pages` raises `TooLargeError`, a PDF that needs a password to open raises `EncryptedError`
(a PDF with only an owner password, restricting printing or copying, opens and is read). pdftotext runs
under a timeout (`_TIMEOUT`).
"""

from __future__ import annotations

import html
import io
import itertools
import os
import shutil
import statistics
import subprocess
import unicodedata
from collections.abc import Sequence
from typing import Any

import regex as re

from vbhc.errors import EncryptedError, ReadError, TooLargeError
from vbhc.limits import DEFAULT_LIMITS, Limits
from vbhc.models import Issue, IssueCode
from vbhc.readers import Extracted
from vbhc.readers.pdffonts import FontRepair, decipher, is_syllable, plausibility, repair_fonts
from vbhc.readers.pdfwidgets import Grid, Stamp, grids, stamps

__all__ = ["BACKENDS", "extract_pdf"]

BACKENDS = ("pdftotext", "pdfplumber")
"""The text backends, in order of preference."""

_TIMEOUT = 120.0  # seconds for pdftotext on one file
_MIN_VALID = 0.75  # share of well-formed syllables below which a text does not read as Vietnamese
_MIN_MARKED = 0.15  # share of syllables with Vietnamese letters or tones below which diacritics are lost
# Letters of other scripts that glyph ids read as characters turn into (Latin Extended-B, stray
# combining marks, Greek, Cyrillic, Armenian): a few of them in a Vietnamese text mean a font without a
# map. (Private-use characters are not counted: symbol fonts put their bullets there.)
_MOJIBAKE = re.compile(r"[\u0180-\u024f\u0300-\u036f\u0370-\u03ff\u0400-\u058f]")


def extract_pdf(raw: bytes, *, name: str, backend: str | None = None, limits: Limits | None = None) -> Extracted:
    """Text of a .pdf file in the pipeline's conventions (see vbhc.readers).

    `backend` forces "pdftotext" or "pdfplumber" (also the VBHC_PDF_BACKEND environment variable);
    by default pdftotext when poppler is installed, else pdfplumber.
    """
    chosen = backend or os.environ.get("VBHC_PDF_BACKEND") or ("pdftotext" if _pdftotext() else "pdfplumber")
    if chosen not in BACKENDS:
        raise ValueError(f"unknown PDF backend {chosen!r}; choose one of {', '.join(BACKENDS)}")
    if chosen == "pdftotext" and not _pdftotext():
        raise ReadError(f"{name}: the pdftotext backend needs poppler-utils (pdftotext) on the PATH")
    check_pdf(raw, name=name, limits=limits or DEFAULT_LIMITS)
    pages = _read(raw, name, chosen)
    if not any(p.strip() for p in pages):
        return Extracted(text="", format="pdf", issues=(Issue(code=IssueCode.NO_TEXT_LAYER, message=(
            f"{name}: the PDF has no text layer ({len(pages)} page{'s' if len(pages) != 1 else ''}, a scan?); "
            "OCR it first")),))
    issues: list[Issue] = []
    if _garbled("\n".join(pages)):
        pages, found = _recover_fonts(raw, name, chosen, pages)
        issues.extend(found)
    pages, found = _check_readable(pages, name)
    issues.extend(found)
    return Extracted(text=_join(pages), format="pdf", issues=tuple(issues))


def check_pdf(raw: bytes, *, name: str, limits: Limits) -> int | None:
    """The PDF's page count, after checking it against `limits` (TooLargeError) and that the file opens
    without a password (EncryptedError). None if pdfium cannot open the file for another reason: the text
    backend then gives its own verdict."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]
    import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

    try:
        pdf = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise EncryptedError(f"{name}: the PDF is encrypted with a password") from exc
        return None
    try:
        count: int = len(pdf)
    finally:
        pdf.close()
    if count > limits.max_pdf_pages:
        raise TooLargeError(f"{name}: the PDF has {count} pages, over the limit of {limits.max_pdf_pages} "
                            "(Limits.max_pdf_pages)")
    return count


def _pdftotext() -> str | None:
    return shutil.which("pdftotext")


def _read(raw: bytes, name: str, backend: str) -> list[str]:
    if backend == "pdftotext":
        return _read_pdftotext(raw, name)
    return _read_pdfplumber(raw, name)


# ---------------------------------------------------------------------------------------------------
# poppler


def _read_pdftotext(raw: bytes, name: str) -> list[str]:
    exe = _pdftotext()
    if exe is None:  # pragma: no cover - checked by the caller
        raise ReadError(f"{name}: pdftotext is not installed")
    try:
        done = subprocess.run([exe, "-layout", "-enc", "UTF-8", "fd://0", "-"], input=raw,
                              capture_output=True, timeout=_TIMEOUT, check=False)
    except subprocess.TimeoutExpired as exc:
        raise ReadError(f"{name}: pdftotext took longer than {_TIMEOUT:.0f} s") from exc
    except OSError as exc:
        raise ReadError(f"{name}: cannot run pdftotext: {exc}") from exc
    if done.returncode != 0:
        if b"password" in done.stderr.lower():
            raise EncryptedError(f"{name}: the PDF is encrypted with a password")
        else:
            detail = {1: "damaged or not a PDF", 3: "copying text is not permitted (encrypted)"}.get(
                done.returncode, f"pdftotext exit status {done.returncode}")
        raise ReadError(f"{name}: cannot read the PDF: {detail}")
    pages = done.stdout.decode("utf-8", "replace").split("\f")
    if len(pages) > 1 and not pages[-1].strip():
        pages.pop()  # pdftotext ends every page with a form feed
    pages = _fix_stamps(raw, pages)
    notes = {i for i, p in enumerate(pages) if _may_have_notes(p)}
    tables = grids(raw, {i for i, p in enumerate(pages) if _tabular(p)})
    needed = notes | {g.page for g in tables}
    if needed:  # poppler's word boxes, for the pages that need them
        words = _word_boxes(raw, name, min(needed), max(needed))
        pages = _with_tables(_with_notes(pages, notes, words), tables, words)
    return [_unglue_dates(p) for p in pages]


# Runs of text apart by two spaces or more: a layout line with three of them may be a table row.
_RUN = re.compile(r"\S+(?: \S+)*")


def _tabular(page: str) -> bool:
    """The page prints like a table: two lines with three runs of text or three with two."""
    rows = wide = 0
    for line in page.split("\n"):
        runs = len(_RUN.findall(line))
        rows += runs >= 2
        wide += runs >= 3
        if wide >= 2 or rows >= 3:
            return True
    return False


def _with_tables(pages: list[str], tables: list[Grid], words: dict[int, list[dict[str, Any]]]) -> list[str]:
    """Pages holding ruled tables laid out again from poppler's word boxes, a table row to a line."""
    out = list(pages)
    for index, page_grids in itertools.groupby(tables, key=lambda g: g.page):
        if words.get(index):
            out[index] = _layout(words[index], list(page_grids))
    return out


# A line low on a page that opens with a number and a space: perhaps a footnote ("1 Luật Quản lý ...").
_NOTE_LINE = re.compile(r"^ {0,12}\d{1,2} +\p{L}")
_MARK = re.compile(r"\d{1,2}|\*{1,3}")


def _may_have_notes(page: str) -> bool:
    lines = page.split("\n")
    return any(_NOTE_LINE.match(line) for line in lines[len(lines) // 2:])


def _with_notes(pages: list[str], which: set[int], words: dict[int, list[dict[str, Any]]]) -> list[str]:
    """Footnote marks and footnotes told by their size and place: a mark printed as a small raised
    number after a word ("QH15¹", which pdftotext prints "QH151") becomes "QH15[1]", and a footnote at
    the foot of the page "[1] Luật ...", as the normalizer expects them."""
    out = list(pages)
    for index in sorted(which):
        text, page_words = pages[index], words.get(index)
        if not page_words:
            continue
        marks, notes = _marks_and_notes(page_words)
        for before, mark in marks:
            text = re.sub(rf"(?<={re.escape(before)}){re.escape(mark)}(?![\d*])",
                          f"[{mark}]" if mark.isdigit() else "(*)", text, count=1)
        lines = text.split("\n")
        for number, first in notes:
            pattern = re.compile(rf"^( *){number} +(?={re.escape(first)})")
            for i in range(len(lines) - 1, len(lines) // 3, -1):
                if pattern.match(lines[i]):
                    lines[i] = pattern.sub(rf"\g<1>[{number}] ", lines[i])
                    break
        out[index] = "\n".join(lines)
    return out


def _marks_and_notes(page_words: list[dict[str, Any]]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(word, mark) of the footnote marks in the text and (number, first word) of the footnotes."""
    height = statistics.median(w["bottom"] - w["top"] for w in page_words)
    top, bottom = min(w["top"] for w in page_words), max(w["bottom"] for w in page_words)
    marks, notes = [], []
    for prev, word, nxt in zip([None, *page_words[:-1]], page_words, [*page_words[1:], None], strict=True):
        if not _MARK.fullmatch(word["text"]):
            continue
        size = word["bottom"] - word["top"]
        if prev is not None and prev["line"] == word["line"]:
            base = prev["bottom"] - prev["top"]
            if size < 0.8 * base and word["bottom"] < prev["bottom"] - 0.12 * base and word["x0"] - prev["x1"] < 1.5:
                marks.append((prev["text"], word["text"]))
        elif nxt is not None and nxt["line"] == word["line"] and word["text"].isdigit():
            base = nxt["bottom"] - nxt["top"]
            low = word["top"] > bottom - 0.45 * (bottom - top)
            if size < 0.85 * base and base < 0.85 * height and low:
                notes.append((word["text"], nxt["text"]))
    return marks, notes


_PAGE = re.compile(r"<page\b")
_LINE = re.compile(r"<line\b")
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def _word_boxes(raw: bytes, name: str, first: int, last: int) -> dict[int, list[dict[str, Any]]]:
    """Poppler's words with their boxes (points from the top left), by page index."""
    exe = _pdftotext()
    if exe is None:
        return {}
    try:
        done = subprocess.run([exe, "-bbox-layout", "-enc", "UTF-8", "-q", "-f", str(first + 1), "-l", str(last + 1),
                               "fd://0", "-"], input=raw, capture_output=True, timeout=_TIMEOUT, check=False)
    except (subprocess.TimeoutExpired, OSError):
        return {}
    if done.returncode != 0:
        return {}
    out: dict[int, list[dict[str, Any]]] = {}
    pages = _PAGE.split(done.stdout.decode("utf-8", "replace"))[1:]
    for offset, page in enumerate(pages):
        items = []
        for number, line in enumerate(_LINE.split(page)):
            for m in _WORD.finditer(line):
                x0, top, x1, bottom = (float(m.group(i)) for i in range(1, 5))
                items.append({"text": html.unescape(m.group(5)), "x0": x0, "x1": x1, "top": top, "bottom": bottom,
                              "size": bottom - top, "word": True, "line": number})
        out[first + offset] = items
    return out


_DATE = re.compile(r"ngày\s*(\d{1,3})\s*tháng\s*(\d{1,3})", re.IGNORECASE)
_BLANK_NUMBER = re.compile(r"\bSố\s*:?[ \t]*/", re.IGNORECASE)
_BLANK_DAY = re.compile(r"ngày[ \t]+(?:tháng|\S*[./…]\S*\s+tháng)", re.IGNORECASE)


def _fix_stamps(raw: bytes, pages: list[str]) -> list[str]:
    """Mend what poppler prints of widget stamps: a blank left where a stamp stands, a stamp printed
    together with the draft text it covers ("tháng 54" for a "5" over "4")."""
    head = "\n".join(pages[:1])[:3000]
    symptom = any(int(d) > 31 or int(m) > 12 for d, m in _DATE.findall("\n".join(pages)[:20000]))
    if not (symptom or _BLANK_NUMBER.search(head) or _BLANK_DAY.search(head)):
        return pages
    out = list(pages)
    for stamp in stamps(raw):
        if stamp.page < len(out) and re.fullmatch(r"\d{1,7}", stamp.text):
            out[stamp.page] = _apply_stamp(out[stamp.page], stamp)
    return out


def _apply_stamp(text: str, stamp: Stamp) -> str:
    value, covered = stamp.text, stamp.covered_text
    before = rf"{re.escape(stamp.before[-4:])}\S*" if stamp.before else ""
    after = re.escape(stamp.after[:3]) if stamp.after else ""
    if covered and covered.isdigit():
        both = rf"(?:{re.escape(value)}\s*{re.escape(covered)}|{re.escape(covered)}\s*{re.escape(value)})"
        pattern = re.compile(rf"(?<={before}\s*){both}(?!\d)" if before else rf"(?<!\d){both}(?!\d)")
        return pattern.sub(value, text, count=1)
    if before and after and not re.search(rf"{before}\s*{re.escape(value)}", text):
        pattern = re.compile(rf"({before})[ \t]*({after})")
        return pattern.sub(lambda m: f"{m.group(1)} {value} {m.group(2)}", text, count=1)
    return text


_GLUED_DATE = re.compile(r"(?<=\b(?:[Nn]gày|[Tt]háng|[Nn]ăm))(?=\d)|(?<=\d)(?=(?:tháng|năm)\b)")


def _unglue_dates(text: str) -> str:
    """"ngày15 tháng10năm 2025" -> "ngày 15 tháng 10 năm 2025": a stamped or fielded number printed
    against the word before it (pdftotext joins words less than a space apart)."""
    return _GLUED_DATE.sub(" ", text) if ("ngày" in text or "tháng" in text) else text


# ---------------------------------------------------------------------------------------------------
# pdfplumber


def _read_pdfplumber(raw: bytes, name: str) -> list[str]:
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    by_page: dict[int, list[Stamp]] = {}
    for stamp in stamps(raw):
        by_page.setdefault(stamp.page, []).append(stamp)
    pages: list[str] = []
    tabular: dict[int, list[dict[str, Any]]] = {}
    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            for index, page in enumerate(pdf.pages):
                try:
                    height = float(page.height)
                    chars = [{**c, "baseline": height - float(c["matrix"][5])} if "matrix" in c else c
                             for c in page.chars if c.get("upright", True)]
                    chars = _with_stamps(chars, by_page.get(index, []), height)
                    pages.append(_layout(chars))
                    if _tabular(pages[-1]):
                        tabular[index] = chars
                finally:
                    page.close()
    except (PdfminerException, PDFSyntaxError, PSException) as exc:
        if "password" in f"{exc!r} {exc.args!r}".lower():
            raise EncryptedError(f"{name}: the PDF is encrypted with a password") from exc
        raise ReadError(f"{name}: cannot read the PDF: {exc}") from exc
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise ReadError(f"{name}: cannot read the PDF: {type(exc).__name__}: {exc}") from exc
    for grid_page, page_grids in itertools.groupby(grids(raw, set(tabular)), key=lambda g: g.page):
        pages[grid_page] = _layout(tabular[grid_page], list(page_grids))
    return [_unglue_dates(p) for p in pages]


def _with_stamps(chars: list[dict[str, Any]], page_stamps: list[Stamp], height: float) -> list[dict[str, Any]]:
    """The page's characters with those the stamps cover taken out and the stamped ones put in."""
    if not page_stamps:
        return chars
    hidden = [(c.text, c.left, height - c.top, c.right, height - c.bottom) for s in page_stamps for c in s.covered]

    def covered(c: dict[str, Any]) -> bool:
        x, y = (float(c["x0"]) + float(c["x1"])) / 2, (float(c["top"]) + float(c["bottom"])) / 2
        return any(t == c["text"] and x0 - 1 <= x <= x1 + 1 and top - 2 <= y <= bottom + 2
                   for t, x0, top, x1, bottom in hidden)

    out = [c for c in chars if not (hidden and covered(c))]
    for stamp in page_stamps:
        for c in stamp.chars:
            size = max(c.top - c.bottom, 1.0)
            out.append({"text": c.text, "x0": c.left, "x1": c.right, "top": height - c.top,
                        "bottom": height - c.bottom, "size": size, "fontname": _WIDGET})
    return out


_WIDGET = "widget"


_Glyph = tuple[dict[str, Any], float]


def _layout(chars: list[dict[str, Any]], tables: Sequence[Grid] = ()) -> str:
    """Layout text of one page from its characters (or words): lines by baseline, columns by x, like
    pdftotext; the cells of ruled tables as rows "| a | b | c |"."""
    glyphs = [c for c in chars if c["text"].strip()]
    if not glyphs:
        return ""
    pitch = statistics.median((float(c["x1"]) - float(c["x0"])) / len(c["text"]) for c in glyphs) or 5.0
    left = min(float(c["x0"]) for c in glyphs)
    rows: list[tuple[float, float, str]] = []
    if tables:
        glyphs, rows = _table_rows(glyphs, tables, pitch)
    entries: list[tuple[float, float, str | list[_Glyph]]] = [
        (_bottom(line), min(float(c["x0"]) for c, _ in line), line) for line in _baselines(_sized(glyphs))]
    entries += rows
    entries.sort(key=lambda e: e[0])
    steps = [b[0] - a[0] for a, b in itertools.pairwise(entries)]
    usual = statistics.median(steps) if steps else 0.0
    out: list[str] = []
    previous: float | None = None
    for bottom, x0, content in entries:
        if previous is not None and usual and bottom - previous > 1.8 * usual:
            out.append("")
        previous = bottom
        if isinstance(content, str):
            out.append(" " * round((x0 - left) / pitch) + content)
        else:
            content.sort(key=lambda p: float(p[0]["x0"]))
            out.append(_line_text(content, left, pitch))
    return "\n".join(out)


def _sized(glyphs: list[dict[str, Any]]) -> list[_Glyph]:
    return [(c, max(float(c.get("size") or (c["bottom"] - c["top"])), 1.0)) for c in glyphs]


def _table_rows(glyphs: list[dict[str, Any]], tables: Sequence[Grid],
                pitch: float) -> tuple[list[dict[str, Any]], list[tuple[float, float, str]]]:
    """The glyphs outside the tables, and each table row as (bottom, left, "| a | b | c |")."""
    cells: dict[tuple[int, int, int], list[dict[str, Any]]] = {}
    rest = []
    for c in glyphs:
        x, y = (float(c["x0"]) + float(c["x1"])) / 2, (float(c["top"]) + float(c["bottom"])) / 2
        for t, grid in enumerate(tables):
            where = grid.cell(x, y)
            if where is not None:
                cells.setdefault((t, *where), []).append(c)
                break
        else:
            rest.append(c)
    rows = []
    for t, grid in enumerate(tables):
        for r in range(len(grid.rows) - 1):
            texts = [_cell_text(cells.get((t, r, k), []), pitch) for k in range(len(grid.columns) - 1)]
            if not any(texts):
                continue
            texts += [""] * (3 - len(texts))
            row = "| " + " | ".join(texts) + " |"
            bottoms = [_base(c) for k in range(len(grid.columns) - 1) for c in cells.get((t, r, k), [])]
            rows.append((min(bottoms), grid.columns[0], re.sub(r" {2,}", " ", row)))
    return rest, rows


def _cell_text(glyphs: list[dict[str, Any]], pitch: float) -> str:
    if not glyphs:
        return ""
    left = min(float(c["x0"]) for c in glyphs)
    lines = []
    for line in _baselines(_sized(glyphs)):
        line.sort(key=lambda p: float(p[0]["x0"]))
        lines.append(" ".join(_line_text(line, left, pitch).split()))
    return " ".join(lines).replace("|", "/")


def _bottom(line: list[_Glyph]) -> float:
    return statistics.median(_base(c) for c, _ in line)


def _base(c: dict[str, Any]) -> float:
    """The baseline of a character (from its text matrix), else the bottom of its box."""
    return float(c.get("baseline", c["bottom"]))


def _baselines(sized: list[_Glyph]) -> list[list[_Glyph]]:
    """Characters grouped by baseline; a run of small raised characters (a footnote mark) joins the
    line it stands on."""
    if not sized:
        return []
    lines: list[list[_Glyph]] = []
    for glyph in sorted(sized, key=lambda p: _base(p[0])):
        c, size = glyph
        if lines:
            last = lines[-1]
            if _base(c) - _base(last[-1][0]) <= 0.3 * min(size, last[-1][1]):
                last.append(glyph)
                continue
        lines.append([glyph])
    body = statistics.median(size for _, size in sized)
    lines = _place_stamps(lines)
    # A run of small raised characters (a footnote mark, "(*)") joins the line it stands on, above or below.
    small = [statistics.median(size for _, size in line) < 0.8 * body and len(line) <= 4 for line in lines]
    for i, line in enumerate(lines):
        if not small[i]:
            continue
        bottom = _bottom(line)
        for j in (i + 1, i - 1):
            if 0 <= j < len(lines) and not small[j] and lines[j]:
                host = lines[j]
                if min(float(c["top"]) for c, _ in host) <= bottom <= _bottom(host) + 1:
                    host.extend(_as_mark(line, host))
                    line.clear()
                    break
    return [line for line in lines if line]


def _as_mark(run: list[_Glyph], host: list[_Glyph]) -> list[_Glyph]:
    """A raised number is a footnote mark: "[1]" (the normalizer takes it out), "(*)" for stars."""
    text = "".join(c["text"] for c, _ in sorted(run, key=lambda p: float(p[0]["x0"])))
    host_size = statistics.median(size for _, size in host)
    if not _MARK.fullmatch(text) or _bottom(run) > _bottom(host) - 0.15 * host_size:
        return run
    first = min((c for c, _ in run), key=lambda c: float(c["x0"]))
    mark = {**first, "text": f"[{text}]" if text.isdigit() else "(*)", "x1": max(float(c["x1"]) for c, _ in run)}
    return [(mark, max(size for _, size in run))]


def _place_stamps(lines: list[list[_Glyph]]) -> list[list[_Glyph]]:
    """Stamped text onto the page line it is drawn over (its baseline is the widget's, not the line's)."""
    page = [line for line in lines if any(c.get("fontname") != _WIDGET for c, _ in line)]
    if len(page) == len(lines) or not page:
        return lines
    for line in lines:
        if line in page:
            continue
        top = min(float(c["top"]) for c, _ in line)
        bottom = max(float(c["bottom"]) for c, _ in line)
        best, share = None, 0.3
        for host in page:
            host_top = min(float(c["top"]) for c, _ in host)
            host_bottom = max(float(c["bottom"]) for c, _ in host)
            height = max(min(bottom - top, host_bottom - host_top), 1.0)
            overlap = (min(bottom, host_bottom) - max(top, host_top)) / height
            if overlap > share:
                best, share = host, overlap
        if best is None:
            page.append(line)
        else:
            best.extend(line)
    return sorted(page, key=_bottom)


def _line_text(line: list[_Glyph], left: float, pitch: float) -> str:
    text = ""
    prev: dict[str, Any] | None = None
    for c, size in line:
        if prev is not None:
            gap = float(c["x0"]) - float(prev["x1"])
            if c.get("word"):  # words from poppler: always apart
                gap = max(gap, 0.2 * size)
            digits = prev["text"].isdigit() and c["text"].isdigit() and not c.get("word")
            # A signing system places digits one by one ("7 0 0"); a stamped number is a word of its own.
            stamped = (prev.get("fontname") != c.get("fontname") and abs(float(prev.get("size", 0)) - size) >= 0.5
                       and sorted((prev["text"].isdigit(), c["text"].isdigit())) == [False, True]
                       and (prev["text"] + c["text"]).isalnum())
            if gap < (0.5 if digits else 0.15) * size and not (stamped and gap > -0.05 * size):
                text += c["text"]
                prev = c
                continue
            column = round((float(c["x0"]) - left) / pitch)
            text += " " * (max(column - len(text), 1) if gap > 1.5 * pitch else 1)
        else:
            text = " " * round((float(c["x0"]) - left) / pitch)
        text += c["text"]
        prev = c
    return text.rstrip()


# ---------------------------------------------------------------------------------------------------
# Fonts and plausibility


def _garbled(text: str) -> bool:
    """Mojibake of glyph ids read as characters, or a text that does not read as Vietnamese."""
    text = unicodedata.normalize("NFC", _sample(text))
    odd = len(_MOJIBAKE.findall(text))
    if odd >= 5 and odd > 0.002 * len(text):
        return True
    score = plausibility(text)
    return score.words >= 20 and score.valid < _MIN_VALID


def _recover_fonts(raw: bytes, name: str, backend: str, pages: list[str]) -> tuple[list[str], list[Issue]]:
    """The pages read again from `raw` with maps added to its fonts, if that reads better."""
    repair: FontRepair | None = repair_fonts(raw)
    if repair is None:
        return pages, []
    try:
        fixed = _read(repair.data, name, backend)
    except ReadError:
        return pages, []
    joined, undecided = decipher("\f".join(fixed), repair.placeholders)
    fixed = joined.split("\f")
    if plausibility(_sample(joined)).valid < plausibility(_sample("\n".join(pages))).valid:
        return pages, []
    fonts = ", ".join(repair.fonts)
    note = f"; {undecided} glyph{'s' if undecided != 1 else ''} left unread (U+FFFD)" if undecided else ""
    return fixed, [Issue(code=IssueCode.FONT_RECOVERED, message=(
        f"{name}: fonts without a map to Unicode ({fonts}); their text was recovered from the embedded "
        f"font programs{note}"))]


def _check_readable(pages: list[str], name: str) -> tuple[list[str], list[Issue]]:
    """Keep only the readable lines of a text that does not read as Vietnamese, with a coded issue."""
    score = plausibility(_sample("\n".join(pages)))
    if score.words < 20:
        return pages, []
    if score.valid < _MIN_VALID:
        kept = [_readable_lines(p) for p in pages]
        return kept, [Issue(code=IssueCode.BROKEN_FONT, message=(
            f"{name}: the text layer does not read as Vietnamese ({score.valid:.0%} of {score.words} words are "
            "syllables): a font without a usable map to Unicode, or a poor OCR layer; only the lines that "
            "read were kept"))]
    if score.words >= 100 and score.marked < _MIN_MARKED:
        return pages, [Issue(code=IssueCode.BROKEN_FONT, message=(
            f"{name}: the text layer has lost its Vietnamese letters and tones ({score.marked:.0%} of syllables "
            "carry one): a font or an OCR layer without Vietnamese; values may be misspelt"))]
    return pages, []


def _readable_lines(page: str) -> str:
    """The lines of `page` whose words are syllables or abbreviations; the others left blank."""
    out = []
    for line in page.split("\n"):
        words = re.findall(r"[^\W\d_]+", line)
        if not words:
            out.append(line)
            continue
        valid = sum(1 for w in words if _syllable_or_abbreviation(w))
        out.append(line if valid >= 0.8 * len(words) else "")
    return "\n".join(out)


def _syllable_or_abbreviation(word: str) -> bool:
    return is_syllable(word) or (word.isupper() and len(word) <= 6 and not _MOJIBAKE.search(word))


def _join(pages: list[str]) -> str:
    """Pages one after the other with a blank line between them; trailing blanks trimmed."""
    cleaned = ["\n".join(line.rstrip() for line in p.strip("\n").split("\n")) for p in pages]
    kept = [p for p in cleaned if p.strip()]
    return "\n\f\n".join(kept) + "\n" if kept else ""  # the form feed lets columns be split page by page


def _sample(text: str) -> str:
    """Enough of a long text to judge it by."""
    return text if len(text) <= 200_000 else text[:150_000] + "\n" + text[-50_000:]
