"""Tone placement: old style (hoà, uỷ, khoẻ) and new style (hòa, ủy, khỏe) read alike.

Nghị định 30/2020 itself writes both "CỘNG HÒA" and "CỘNG HOÀ". Matching runs on the folded text;
values keep the document's own spelling. The fold is length-preserving (one precomposed vowel swaps its
tone with its neighbour), so a match span in the folded text slices the original.
"""

from __future__ import annotations

import regex as re

from vbhc.caches import text_cache

# Old-style tone placement on the second vowel of oa/oe/uy (hoà, khoẻ, uỷ) -> new style on the first.
_TONED = {
    "a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ", "o": "òóỏõọ", "u": "ùúủũụ",
}
_OLD_STYLE = re.compile(r"(?<![qQgG])([oOuU])([àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?![\p{L}])")
# The same without the look-behind: a third cheaper to scan for, and most paragraphs of a document in the
# new style have no match at all.
_CANDIDATE = re.compile(r"[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ](?![\p{L}])")


def _to_new_style(m: re.Match[str]) -> str:
    first, second = m.group(1), m.group(2)
    lower = second.lower()
    for base, toned in _TONED.items():
        if lower in toned:
            tone = toned.index(lower)
            moved = _TONED[first.lower()][tone]
            plain = base.upper() if second.isupper() else base
            return (moved.upper() if first.isupper() else moved) + plain
    return m.group(0)


@text_cache(maxsize=65536)
def fold_tones(text: str) -> str:
    """Canonical tone placement, length-preserving: hoà -> hòa, uỷ -> ủy, khoẻ -> khỏe.

    >>> fold_tones("CỘNG HOÀ, Tỉnh uỷ")
    'CỘNG HÒA, Tỉnh ủy'
    """
    return _OLD_STYLE.sub(_to_new_style, text) if _CANDIDATE.search(text) else text


