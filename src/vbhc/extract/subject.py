"""Trích yếu (subject): the "V/v ..." block of a công văn, or the line(s) under a type title.

    V/v thực hiện Thông báo số          QUYẾT ĐỊNH
    241/TB-VPCP kết luận của Thủ        Kiểm tra việc chấp hành pháp luật trong sử dụng
    tướng Chính phủ ...                 và bảo quản vật liệu nổ công nghiệp ...

A title line that carries more than the type name starts the subject ("BIÊN BẢN THẨM ĐỊNH HỒ SƠ" ->
"THẨM ĐỊNH HỒ SƠ ..."); a Phụ lục's number does not ("PHỤ LỤC I" / "KẾ HOẠCH KIỂM TRA").
"""

from __future__ import annotations

import functools

import regex as re

from vbhc import data
from vbhc.paragraphs import value_break
from vbhc.patterns import alternation, fold_accents, starts_with, title_rest
from vbhc.segment import Segmented

_APPENDIX = re.compile(r"^PHU LUC(?:\s+(?:[IVXLC]+|\d+)(?:\.\d+)*\b)?\s*[:.]?\s*")  # "PHỤ LỤC I.3.1:"


def extract_subject(seg: Segmented) -> str | None:
    """The subject as written, lines joined, without "V/v" and without a final period."""
    parts: list[str] = []
    if seg.title is not None:
        folded = fold_accents(seg.title.text)
        m = _APPENDIX.match(folded)
        rest = seg.title.text[m.end():] if m else title_rest(seg.title.text)
        parts = [rest] if rest.strip() else []
        parts += [p.text for p in seg.subject]
    else:
        for p in seg.header:
            if starts_with(p.text, data.markers().subject_markers):
                m = _marker().match(p.key)
                parts = [p.text[m.end():] if m else p.text]
                break
    text = join_lines(parts).strip().rstrip(" .;,")
    return text or None


@functools.cache
def _marker() -> re.Pattern[str]:
    return re.compile(rf"^\s*{alternation(data.markers().subject_markers)}\s*[:.]?\s*", re.IGNORECASE)


def join_lines(parts: list[str]) -> str:
    """Join the lines of one value: a break inside "241/TB-" + "VPCP" takes no space."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        glue = "" if not out or (value_break(out) and part[:1].isalnum()) else " "
        out += glue + part
    return out
