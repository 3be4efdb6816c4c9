"""Kính gửi (addressees, ô 9a): one addressee on the label's line, or a dashed list under it.

    Kính gửi:                                   Kính gửi: Bộ Tư pháp.
    - Các sở, ban, ngành, đoàn thể tỉnh;
    - UBND các huyện, thành phố.
"""

from __future__ import annotations

import functools

import regex as re

from vbhc import data
from vbhc.patterns import alternation, rx
from vbhc.segment import Segmented


def extract_addressees(seg: Segmented) -> tuple[str, ...]:
    """The addressees in order, without dashes and final punctuation; () when there is no Kính gửi."""
    if not seg.addressees:
        return ()
    first = seg.addressees[0]
    m = _marker().match(first.key)
    head = first.text[m.end():] if m else first.text
    texts = [head, *(p.text for p in seg.addressees[1:])]
    items: list[str] = []
    for text in texts:
        item = clean_item(text)
        if item and item.startswith("(") and items:
            items[-1] = f"{items[-1]} {item}"  # a bracketed qualifier under its addressee
        elif item:
            items.append(item)
    return tuple(items)


@functools.cache
def _marker() -> re.Pattern[str]:
    return re.compile(rf"^\s*{alternation(data.markers().addressee_markers)}\s*:?\s*", re.IGNORECASE)


def clean_item(text: str) -> str:
    """A list item without its dash and final ; , . marks."""
    return rx(r"^\s*[-–—~•+]\s*").sub("", text).strip().rstrip(" ;,.").strip()
