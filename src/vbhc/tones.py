"""Tone placement: old style (hoà, uỷ, khoẻ) and new style (hòa, ủy, khỏe) read alike.

Nghị định 30/2020 itself writes both "CỘNG HÒA" and "CỘNG HOÀ". Matching runs on the folded text;
values keep the document's own spelling. The fold is length-preserving (one precomposed vowel swaps its
tone with its neighbour), so a match span in the folded text slices the original.
"""

from __future__ import annotations

import re as std_re
from collections.abc import Iterable

import regex as re

from vbhc.caches import text_cache

# Old-style tone placement on the second vowel of oa/oe/uy (hoà, khoẻ, uỷ) -> new style on the first.
_TONED = {
    "a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ", "o": "òóỏõọ", "u": "ùúủũụ",
}
_OLD_STYLE = re.compile(r"(?<![qQgG])([oOuU])([àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?![\p{L}])")
# The pairs, on the stdlib engine, which scans for them four times faster than `regex` scans for
# `_OLD_STYLE`: at a word's end by the stdlib's idea of a letter ([^\W\d_]), or before a word character
# outside the Latin letter blocks (a superscript digit, which is no letter for `regex` either); what it finds
# is then tested exactly in Python. Pairs inside words (hoàn, toàn, hoạt) are passed over in the engine.
_TONED_SECOND = "àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ"
_PAIR = std_re.compile(rf"[oOuU][{_TONED_SECOND}](?:(?![^\W\d_])|(?![a-zA-Z\u00c0-\u024f\u1e00-\u1eff])(?=\w))")
_LETTER = re.compile(r"\p{L}")


# A pair in the new style at a word's end (hòa, khỏe, ủy): what a fold can have produced.
_NEW_STYLE = re.compile(r"(?<![qQgG])[òóỏõọÒÓỎÕỌùúủũụÙÚỦŨỤ][aeyAEY](?![\p{L}])")


def tone_sensitive(phrases: Iterable[str]) -> bool:
    """Whether matching `phrases` needs the text folded first. Folding only rewrites oà/oé/uỷ-style pairs
    at a word's end: a phrase without such a pair matches the text itself exactly where it matches the
    folded text ("Căn cứ", "Nơi nhận" do; "Ủy ban" does not), and the fold can be skipped."""
    return any(_NEW_STYLE.search(fold_tones(p)) for p in phrases)


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


def _swaps() -> dict[str, str]:
    pairs = (a + b for a in "oOuU" for b in _TONED_SECOND)
    return {pair: _to_new_style(m) for pair in pairs if (m := _OLD_STYLE.fullmatch(pair))}


_SWAP = _swaps()


@text_cache(maxsize=65536)
def fold_tones(text: str) -> str:
    """Canonical tone placement, length-preserving: hoà -> hòa, uỷ -> ủy, khoẻ -> khỏe.

    >>> fold_tones("CỘNG HOÀ, Tỉnh uỷ")
    'CỘNG HÒA, Tỉnh ủy'
    """
    # What `_OLD_STYLE.sub(_to_new_style, text)` gives: pairs cannot overlap (no toned vowel is an o or u).
    pieces: list[str] = []
    done = 0
    for m in _PAIR.finditer(text):
        start, end = m.span()
        if (start and text[start - 1] in "qQgG") or _LETTER.match(text, end):
            continue  # "quá", "già"; "hoàn": not a pair at a word's end
        pieces += (text[done:start], _SWAP[m.group()])
        done = end
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


