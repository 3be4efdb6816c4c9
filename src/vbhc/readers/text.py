"""Plain text and Markdown: Unicode by its BOM or its bytes, or a legacy Vietnamese encoding converted.

The encoding is found in this order:

1. a BOM: UTF-8, UTF-32 (LE / BE), UTF-16 (LE / BE);
2. UTF-16 without a BOM, told by its NUL bytes (ASCII characters have a zero high byte: a NUL at every
   other position);
3. UTF-8, when the bytes are valid UTF-8;
4. otherwise the bytes are read as each pre-Unicode Vietnamese encoding still found in old archives:
   Windows-1258 (cp1258), TCVN3 / ABC (the .VnTime fonts) and VNI (the VNI-Times fonts), the tables in
   ``vbhc/data/legacy_encodings.toml``; the one whose text reads best as Vietnamese
   (`pdffonts.plausibility`: the share of words that are Vietnamese syllables) is taken if it reads well,
   converted to Unicode NFC, and the `Extracted` carries the issue ``legacy-encoding`` naming it.

Valid UTF-8 whose characters are all Latin-1 / Windows-1252 and that does not read as Vietnamese is also
tried as such a text saved as Unicode by a program that knew no better (``Uû ban nh©n d©n`` for TCVN3,
``CÃ²n hiá»‡u lá»±c`` for UTF-8 read as Windows-1252): converted, with the same issue.

Undecodable bytes are never dropped silently. Bytes the chosen encoding does not define become U+FFFD and
the issue ``undecodable-bytes`` gives their count and first offsets, when they are a few in a text that
otherwise reads (at most 1 byte in 1000); else the input is a `ReadError` naming the first bad offset
(random bytes, a binary file, a text in an encoding vbhc does not know).
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vbhc.errors import ReadError
from vbhc.models import Issue, IssueCode

if TYPE_CHECKING:
    from vbhc.readers import Extracted

__all__ = ["decode", "decode_text"]

_SAMPLE = 200_000  # bytes or characters judged to choose an encoding
_MIN_VALID = 0.7  # share of Vietnamese syllables a decoded text needs to be taken
_MIN_WORDS = 1
_BAD_SHARE = 0.001  # undecodable bytes a text may hold and still be read (with an issue)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


@dataclass(frozen=True, slots=True)
class _Decoded:
    text: str
    encoding: str
    bad: tuple[int, ...] = ()  # offsets of undecodable bytes
    legacy: bool = False


def decode(raw: bytes, *, name: str = "<bytes>") -> str:
    """The text of `raw` (see the module's doc for how the encoding is found); ReadError if it has none."""
    return _decode(raw, name).text


def decode_text(raw: bytes, *, name: str = "<bytes>") -> Extracted:
    """`raw` as an `Extracted` text, with the issues ``legacy-encoding`` / ``undecodable-bytes``."""
    from vbhc.readers import Extracted

    got = _decode(raw, name)
    issues: list[Issue] = []
    if got.legacy and got.encoding.startswith("UTF-8"):
        issues.append(Issue(code=IssueCode.LEGACY_ENCODING, message=(
            f"{name}: the text is {got.encoding} (mojibake: \"CÃ²n\" for \"Còn\"); converted back")))
    elif got.legacy:
        issues.append(Issue(code=IssueCode.LEGACY_ENCODING, message=(
            f"{name}: the text is in {got.encoding}, a pre-Unicode Vietnamese encoding; converted to Unicode")))
    if got.bad:
        where = ", ".join(str(b) for b in got.bad[:10]) + (", ..." if len(got.bad) > 10 else "")
        issues.append(Issue(code=IssueCode.UNDECODABLE_BYTES, message=(
            f"{name}: {len(got.bad)} byte{'s' if len(got.bad) != 1 else ''} not valid in {got.encoding} "
            f"replaced by U+FFFD (at byte offsets {where})")))
    return Extracted(text=got.text, format="text", issues=tuple(issues))


def _decode(raw: bytes, name: str) -> _Decoded:
    for bom, codec, label in _BOMS:
        if raw.startswith(bom):
            return _strict(raw[len(bom):], codec, label, name, offset=len(bom))
    wide = _utf16_without_bom(raw)
    if wide is not None:
        try:
            return _Decoded(raw.decode(wide), "UTF-16")
        except UnicodeDecodeError:
            pass
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _not_utf8(raw, name, exc)
    return _maybe_mojibake(text) or _Decoded(text, "UTF-8")


def _strict(raw: bytes, codec: str, label: str, name: str, offset: int) -> _Decoded:
    try:
        return _Decoded(raw.decode(codec), label)
    except UnicodeDecodeError as exc:
        bad = _bad_offsets(raw, codec, offset)
        if _few(bad, len(raw)):
            return _Decoded(raw.decode(codec, "replace"), label, bad)
        raise ReadError(f"{name}: not valid {label} text (byte {exc.start + offset}: {exc.reason}; "
                        f"{len(bad)} undecodable bytes)") from exc


def _few(bad: Sequence[int], size: int) -> bool:
    return len(bad) <= _BAD_SHARE * size


def _bad_offsets(raw: bytes, codec: str, offset: int = 0) -> tuple[int, ...]:
    bad: list[int] = []

    def note(exc: UnicodeError) -> tuple[str, int]:
        assert isinstance(exc, UnicodeDecodeError)
        bad.extend(range(exc.start + offset, exc.end + offset))
        return "\ufffd", exc.end

    codecs.register_error("vbhc-count", note)
    raw.decode(codec, "vbhc-count")
    return tuple(bad)


def _utf16_without_bom(raw: bytes) -> str | None:
    """"utf-16-le" / "utf-16-be" when NULs stand at every other byte of the first KB, else None."""
    head = raw[:4096]
    pairs = len(head) // 2
    if pairs < 2 or len(raw) % 2:
        return None
    even = head[0:pairs * 2:2].count(0)
    odd = head[1:pairs * 2:2].count(0)
    if odd >= 0.3 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _not_utf8(raw: bytes, name: str, exc: UnicodeDecodeError) -> _Decoded:
    """Bytes that are not UTF-8: a legacy encoding that reads as Vietnamese, UTF-8 with a few bad bytes,
    or a ReadError."""
    sample = raw[:_SAMPLE]
    scored = []
    for rank, (label, convert) in enumerate(_CONVERTERS.items()):  # on a tie, the earlier encoding
        text, bad = convert(sample)
        if _few(bad, len(sample)):
            scored.append((_score(text), -rank, label))
    utf8_bad = _bad_offsets(raw[:_SAMPLE], "utf-8")
    utf8 = _score(sample.decode("utf-8", "replace")) if _few(utf8_bad, len(sample)) else None
    best = max(scored, default=None)
    if utf8 is not None and utf8[0] >= _MIN_VALID and (best is None or utf8 >= best[0]):
        utf8_all = _bad_offsets(raw, "utf-8")
        if _few(utf8_all, len(raw)):
            return _Decoded(raw.decode("utf-8", "replace"), "UTF-8", utf8_all)
    if best is not None and best[0][0] >= _MIN_VALID:
        label = best[2]
        text, bad = _CONVERTERS[label](raw)
        if _few(bad, len(raw)):
            return _Decoded(text, label, tuple(bad), legacy=True)
    count = len(_bad_offsets(raw, "utf-8"))
    raise ReadError(f"{name}: not valid utf-8 text (byte {exc.start}: {exc.reason}; {count} undecodable bytes), "
                    "and it does not read as Vietnamese in cp1258, TCVN3 or VNI either") from exc


def _score(text: str) -> tuple[float, float]:
    from vbhc.readers.pdffonts import plausibility

    got = plausibility(text)
    if got.words < _MIN_WORDS:
        return (0.0, 0.0)
    return (got.valid, got.marked)


def _maybe_mojibake(text: str) -> _Decoded | None:
    """Valid UTF-8 holding a legacy text as Latin-1 / Windows-1252 characters: the converted text, or None."""
    sample = text[:_SAMPLE]
    if sample.isascii():
        return None
    try:
        raw = sample.encode("cp1252")
    except UnicodeEncodeError:
        try:
            raw = sample.encode("latin-1")
        except UnicodeEncodeError:
            return None
    as_is = _score(sample)
    if as_is[0] >= _MIN_VALID:
        return None
    candidates = [(_score(t), -rank, label) for rank, (label, convert) in enumerate(_CONVERTERS.items())
                  for t, bad in [convert(raw)] if not bad]
    with contextlib.suppress(UnicodeDecodeError):
        candidates.append((_score(raw.decode("utf-8")), 1, "UTF-8 read as Windows-1252"))
    best = max(candidates, default=None)
    if best is None or best[0][0] < _MIN_VALID or best[0] <= as_is:
        return None
    label = best[2]
    try:
        whole = text.encode("cp1252")
    except UnicodeEncodeError:
        whole = text.encode("latin-1", "replace")
    if label.startswith("UTF-8"):
        return _Decoded(whole.decode("utf-8", "replace"), label, legacy=True)
    converted, bad = _CONVERTERS[label](whole)
    return _Decoded(converted, f"{label} saved as Windows-1252 characters", tuple(bad), legacy=True)


# ---------------------------------------------------------------------------------------------- converters


def _cp1258(raw: bytes) -> tuple[str, list[int]]:
    bad = list(_bad_offsets(raw, "cp1258"))
    return unicodedata.normalize("NFC", raw.decode("cp1258", "replace")), bad


@functools.cache
def _tables() -> dict[str, dict[int, str]]:
    """str.translate tables over the Latin-1 reading of the bytes, by encoding name."""
    from vbhc import data

    out: dict[str, dict[int, str]] = {}
    for enc in data.legacy_encodings():
        table: dict[int, str] = {}
        if not enc.marks:  # TCVN3: every high byte outside the table is undefined
            table.update({b: "\ufffd" for b in range(0x80, 0x100)})
            table[0xA0] = "\u00a0"
        table.update(enc.letters)
        table.update(enc.marks)
        out[enc.name] = table
    return out


def _legacy(label: str, raw: bytes) -> tuple[str, list[int]]:
    table = _tables()[label]
    latin = raw.decode("latin-1")
    bad = [i for i, b in enumerate(raw) if b >= 0x80 and table.get(b) == "\ufffd"] if not raw.isascii() else []
    return unicodedata.normalize("NFC", latin.translate(table)), bad


# In the order that breaks ties (a few words can read alike: "Sè" is cp1258 "Sè" and TCVN3 "Số"): TCVN3,
# the commonest in old archives, first.
_CONVERTERS: dict[str, Callable[[bytes], tuple[str, list[int]]]] = {
    "TCVN3": functools.partial(_legacy, "TCVN3"),
    "VNI": functools.partial(_legacy, "VNI"),
    "cp1258": _cp1258,
}
