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

from vbhc.patterns import rx

_MIN_RIGHT = 28  # the right column never starts left of this in A4 layout text


def _runs(line: str) -> list[tuple[int, int]]:
    """(start, end) of the text runs of `line` separated by wide gaps."""
    return [(m.start(), m.end()) for m in rx(r"\S+(?: {1,4}\S+)*").finditer(line)]


def is_layout(lines: list[str]) -> bool:
    """True for text with the page's layout in spaces: many indented lines or inner wide gaps."""
    content = [ln for ln in lines if ln.strip()]
    if len(content) < 5:
        return False
    laid = sum(1 for ln in content if ln.startswith("   ") or "     " in ln.strip())
    return laid / len(content) > 0.2


def split_columns(lines: list[str]) -> list[tuple[str, int]]:
    """Reorder two-column regions left column first; return (text, indent) per line."""
    if not is_layout(lines):
        return [(ln, 0) for ln in lines]
    out: list[tuple[str, int]] = []
    i = 0
    while i < len(lines):
        runs = _runs(lines[i])
        if len(runs) == 2 and runs[1][0] >= _MIN_RIGHT and runs[0][1] < runs[1][0]:
            i = _region(lines, i, out)
            continue
        line = lines[i]
        out.append((line.strip(), len(line) - len(line.lstrip(" "))))
        i += 1
    return out


def _region(lines: list[str], i: int, out: list[tuple[str, int]]) -> int:
    """Emit the two-column region that starts at line `i`; return the index after it."""
    boundary = _runs(lines[i])[1][0] - 2
    left: list[tuple[str, int]] = []
    right: list[tuple[str, int]] = []
    while i < len(lines):
        line = lines[i]
        runs = _runs(line)
        if not runs:
            left.append(("", 0))
            right.append(("", 0))
            i += 1
            continue
        if len(runs) > 2:
            break  # a table row: the region is over
        crossing = [r for r in runs if r[0] < boundary < r[1]]
        if crossing:
            break
        for start, end in runs:
            target = left if start < boundary else right
            if target is right and len(runs) == 2:
                boundary = min(boundary, start - 2)
            target.append((line[start:end], 0))  # a column's own indent is centring, not a paragraph mark
        i += 1
    out.extend(left)
    out.extend(right)
    return i
