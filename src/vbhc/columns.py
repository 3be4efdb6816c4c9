"""Two-column regions of layout text: the header and the nơi nhận / signer area side by side.

``pdftotext -layout`` and plain-text exports print the two columns of the header (agency left, quốc hiệu
right) and of the foot (nơi nhận left, signer right) on shared lines::

       UBND TỈNH LÀO CAI              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
      SỞ CÔNG THƯƠNG                           Độc lập - Tự do - Hạnh phúc
    Nơi nhận:                                         T/M. ĐOÀN KIỂM TRA
    - Giám đốc Sở (để báo cáo và phê duyệt);
    - Văn phòng Sở (Bố trí kinh phí, phương              TRƯỞNG ĐOÀN
    tiện Phục vụ Đoàn kiểm tra);

`split_columns` finds such regions (a line with two text runs split by a wide gap opens one) and emits
the left column, then the right column, as a reader would. A region ends at a line that crosses the
column boundary (a full-width paragraph or a centred title). Text that is not laid out this way passes
through unchanged, with its leading indent recorded (a first-line indent marks a new paragraph).
"""

from __future__ import annotations

import re

from vbhc.patterns import rx

_MIN_RIGHT = 28  # the right column never starts left of this in A4 layout text
_WIDE_GAP = " " * 12  # in text not laid out, the gap between two columns printed on one line
_CENTRED = 12  # a left-column line starting this far right of the column's own lines is centred on the page


# The stdlib engine: a third faster than `regex` on this pattern, run on every line of layout text.
_RUN = re.compile(r"\S+(?: {1,4}\S+)*")


def _runs(line: str) -> list[tuple[int, int]]:
    """(start, end) of the text runs of `line` separated by wide gaps."""
    runs = [m.span() for m in _RUN.finditer(line)]
    # a list dash set apart from its item by a hanging indent ("-      TT: Tỉnh uỷ") is one run with it
    merged: list[tuple[int, int]] = []
    for start, end in runs:
        if merged and line[merged[-1][0]:merged[-1][1]] in ("-", "–", "•", "+"):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def is_layout(lines: list[str]) -> bool:
    """True for text with the page's layout in spaces: many indented lines or inner wide gaps."""
    content = laid = 0
    for ln in lines:
        stripped = ln.strip()
        if stripped:
            content += 1
            if ln.startswith("   ") or "     " in stripped:
                laid += 1
    return content >= 5 and laid / content > 0.2


_FAR_RIGHT = " " * 30


def _far_indent(line: str) -> int:
    """The indent of a line pushed far right in text not laid out; 0 for any other line (callers test its
    first character first: most lines start with a letter)."""
    return len(line) - len(line.lstrip(" ")) if line.startswith(_FAR_RIGHT) else 0


def split_columns(lines: list[str], *, layout: bool | None = None) -> list[tuple[str, int]]:
    """Reorder two-column regions left column first; return (text, indent) per line.

    `layout` says whether the text is laid out in spaces (decided on the whole document when it comes
    page by page); None decides on `lines`.
    """
    laid_out = is_layout(lines) if layout is None else layout
    if not laid_out and not any(_WIDE_GAP in ln for ln in lines):
        # indentation is noise in text not laid out, except a line pushed far right: the signer's column
        # printed level with a line of a long recipients list (vju 14B/TT's name)
        return [(ln, _far_indent(ln) if ln[:1] == " " else 0) for ln in lines]
    out: list[tuple[str, int]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        # Text that is not laid out still prints the foot's two columns on shared lines now and then
        # ("Nơi nhận:                TM. UỶ BAN NHÂN DÂN"): a very wide gap opens a region there too.
        if laid_out or _WIDE_GAP in line:
            runs = _runs(line)
            if len(runs) == 2 and runs[1][0] >= _MIN_RIGHT and runs[0][1] < runs[1][0]:
                i = _region(lines, i, runs, out, _right_lines_above(out, runs[1][0] - 2))
                continue
        out.append((line.strip(), len(line) - len(line.lstrip(" "))) if laid_out else
                   (line, _far_indent(line) if line[:1] == " " else 0))
        i += 1
    return out


def _right_lines_above(out: list[tuple[str, int]], boundary: int) -> list[tuple[str, int]]:
    """Take back the lines just emitted that stand in the right column of the region starting now.

    The signer's column often begins a line above the recipients' one ("KT. BỘ TRƯỞNG" alone, then
    "Nơi nhận:   THỨ TRƯỞNG"): that line belongs on top of the right column, not before "Nơi nhận:".
    """
    taken: list[tuple[str, int]] = []
    # text not laid out keeps its lines whole, with their leading spaces, and no indent recorded
    while out and len(taken) < _MAX_ABOVE and out[-1][0].strip() and \
            max(out[-1][1], len(out[-1][0]) - len(out[-1][0].lstrip(" "))) >= boundary:
        text, _indent = out.pop()
        taken.insert(0, (text.strip(), 0))
    return taken


_MAX_ABOVE = 3


def _region(lines: list[str], i: int, first: list[tuple[int, int]], out: list[tuple[str, int]],
            right: list[tuple[str, int]]) -> int:
    """Emit the two-column region that starts at line `i` (split into the runs `first`), its right column
    opening with `right`; return the index after it."""
    boundary = first[1][0] - 2
    left_start = first[0][0]  # where the left column's lines begin
    left: list[tuple[str, int]] = []
    blanks = 0
    while i < len(lines):
        line = lines[i]
        runs = _runs(line)
        if not runs:
            left.append(("", 0))
            right.append(("", 0))
            i += 1
            blanks += 1
            continue
        if blanks and _header_done(right):
            break  # the header's columns are over; what follows is the body (Kính gửi, the text)
        blanks_before, blanks = blanks, 0
        if len(runs) > 2:
            break  # a table row: the region is over
        if len(runs) == 2:
            # two runs: one per column, whatever their centring ("- TT: Tỉnh uỷ;     KT. CHÁNH VĂN PHÒNG")
            left.append((line[runs[0][0]:runs[0][1]], 0))
            right.append((line[runs[1][0]:runs[1][1]], 0))  # a column's own indent is centring, not a mark
            boundary = min(boundary, runs[1][0] - 2)
            i += 1
            continue
        start, end = runs[0]
        if start < boundary < end:
            break  # a line across both columns: a paragraph or a centred title, the region is over
        if blanks_before >= 2 and start < boundary and start > left_start + _CENTRED:
            break  # after a gap, a short centred line ("Phụ lục" under the signer's name) starts what follows
        if start < boundary:
            left_start = min(left_start, start)
        (left if start < boundary else right).append((line[start:end], 0))
        i += 1
    out.extend(left)
    out.extend(right)
    return i


def _header_done(right: list[tuple[str, int]]) -> bool:
    """The right column holds a place-and-date line: a header region, complete."""
    return any(rx(r",\s*ngày\b|\bngày\s+\d|\bngày\s+tháng").search(text) for text, _ in right)
