"""Every regular expression that depends on the format's vocabulary, built once from `vbhc.data`.

Patterns run on tone-folded text (`vbhc.normalize.fold_tones`), which has the same length as the
original, so a match's span slices the document's own spelling.
"""

from __future__ import annotations

import functools
import re as std_re
import unicodedata
from collections.abc import Iterable

import regex as re

from vbhc import data
from vbhc.caches import text_cache
from vbhc.tones import fold_tones, tone_sensitive

Pattern = re.Pattern[str]

LETTER = r"[^\W\d_]"
"""A letter, for patterns on the stdlib engine (no Unicode properties there). It scans several times faster
than `regex` where a pattern needs none of its features; this class also takes the numeric characters
that are not digits ("²", "½"), which `regex`'s \\p{L} leaves out: none stands inside a Vietnamese word."""


@functools.lru_cache(maxsize=256)
def rx(pattern: str, flags: int = 0) -> Pattern:
    """A compiled pattern, cached: hot paths use this rather than `re.match(str, ...)`, whose per-call
    flag handling in the `regex` module costs more than the match itself."""
    return re.compile(pattern, flags)


def alternation(phrases: Iterable[str]) -> str:
    """A regex matching any of `phrases` (longest first), spaces matching any run of white space.

    Built as a trie ("Quy(?:ết định| chế| định)") rather than a flat list, so that scanning a text tries
    each position once per first letter instead of once per phrase: the citation pattern holds a
    hundred type names in three cases.
    """
    trie: _Trie = {}
    for phrase in {fold_tones(p) for p in phrases if p}:
        node = trie
        for ch in " ".join(phrase.split()):
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


_Trie = dict[str, "_Trie"]


def _trie_regex(node: _Trie) -> str:
    branches = []
    for ch in sorted(node, key=lambda c: (c == "", c)):
        if ch == "":
            continue
        token = r"\s+" if ch == " " else re.escape(ch)
        branches.append(token + _trie_regex(node[ch]))
    if not branches:
        return ""
    optional = "" in node
    if len(branches) == 1 and not optional:
        return branches[0]  # nested alternatives are already grouped
    return "(?:" + "|".join(branches) + ")" + ("?" if optional else "")


def starts_with(text: str, phrases: tuple[str, ...]) -> bool:
    """True if `text` begins with one of `phrases` as whole words, ignoring case and tone placement."""
    pattern, size, fold, initials = _starter(phrases)
    if initials and text.lstrip(_BULLETS)[:1] not in initials:
        return False  # most tests fail on the first letter: no regex for them
    return bool(pattern.match(tone_head(text, size) if fold else text))


WHITE_SPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
               "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
"""Every white-space character (str.isspace, a superset of the regex engines' \\s): what a first-letter
reject strips where its pattern allows white space."""
REGEX_SPACE = frozenset(c for c in WHITE_SPACE if re.match(r"\s", c))
"""The characters of the `regex` engine's \\s, for tests that stand in for a pattern's white space."""
# What the pattern's "^\s*[-–•]?\s*" can pass over before a phrase: white space and the bullets.
_BULLETS = WHITE_SPACE + "-–•"


HEAD = 80
"""Characters of a line's head that every opening-phrase test reads (the longest phrase, twice, fits)."""


def tone_head(text: str, size: int = HEAD) -> str:
    """The head of `text` (leading white space dropped) with canonical tone placement. What begins a line
    is tested against many phrase lists; the whole text is folded once (cached) and shared with the
    reference scan, which reads the same paragraph folded whole."""
    return fold_tones(text.lstrip())[:max(size, HEAD)]


@functools.lru_cache(maxsize=64)
def _starter(phrases: tuple[str, ...]) -> tuple[Pattern, int, bool, frozenset[str]]:
    """The pattern, the head it needs, whether the text must be folded first (`tone_sensitive`), and the
    letters a matching text can begin with (empty: no such test, when folding may change the first one)."""
    pattern = re.compile(rf"^\s*[-–•]?\s*{alternation(phrases)}(?![\p{{L}}\d])", re.IGNORECASE)
    fold = tone_sensitive(phrases)
    initials = frozenset() if fold or any(not p or p[0] in _BULLETS for p in phrases) else frozenset(
        c for p in phrases for c in (p[0], p[0].lower(), p[0].upper()))
    return pattern, 2 * max((len(p) for p in phrases), default=0) + 8, fold, initials


def is_upper(text: str) -> bool:
    """True for a line written in capitals ("ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), with 2+ letters."""
    head = text[:32]
    if head != head.upper() or text != text.upper():
        return False  # the head first: a paragraph in running text shows a small letter within a word or two
    letters = 0
    for c in text:
        if c.isalpha():
            letters += 1
            if letters == 2:
                return True
    return False


# Combining diacritical marks (the blocks Latin text uses), removed after canonical decomposition.
_MARKS = std_re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


@text_cache(maxsize=65536)
def fold_accents(text: str) -> str:
    """Upper case without marks, same length as `text`: "DANH SÁCH" -> "DANH SACH", "Đ" -> "D"."""
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return (decomposed if decomposed.isascii() else _MARKS.sub("", decomposed)).upper()


def fold_head(text: str, size: int) -> str:
    """`fold_accents` of the first `size` characters of `text` after its leading white space: enough to
    test what a line begins with, at a fraction of the cost on a long paragraph."""
    return fold_accents(text.lstrip()[:size])


@functools.cache
def _title_names() -> tuple[tuple[str, str], ...]:
    pairs = {(fold_accents(n), row.code) for row in data.doc_types() if row.title for n in row.names}
    pairs.add((fold_accents("Công văn"), "cong_van"))
    return tuple(sorted(pairs, key=lambda pair: len(pair[0]), reverse=True))


@functools.cache
def _title_index() -> tuple[std_re.Pattern[str], dict[str, str], int]:
    """One pattern for every type name (longest first), the code of each name, and the longest length."""
    names = _title_names()
    # nor an underscore after the name: "DIEN_TICH_SAN_CHOI_BAI", a table's column name, is no Công điện
    pattern = std_re.compile("(?:" + "|".join(std_re.escape(n) for n, _ in names) + r")(?![^\W\d])")
    return pattern, dict(names), max(len(n) for n, _ in names) + 1


def title_kind(text: str) -> str | None:
    """The kind named at the start of a title line; accent-blind, since OCR drops marks ("GIÁY MỜI")."""
    pattern, codes, size = _title_index()
    m = pattern.match(fold_head(text, size))
    return codes[m.group(0)] if m else None


def title_rest(text: str) -> str:
    """What follows the type name on a title line ("BIÊN BẢN THẨM ĐỊNH HỒ SƠ" -> "THẨM ĐỊNH HỒ SƠ")."""
    pattern, _codes, size = _title_index()
    offset = len(text) - len(text.lstrip())
    m = pattern.match(fold_head(text, size))
    return text[offset + m.end():].strip(" :.") if m else text


@functools.cache
def _accent_classes() -> dict[str, str]:
    """For each letter of accent-folded text, a character class of every letter that folds to it:
    "O" -> "[OoÒòÓó...Ợợ]"."""
    variants: dict[str, list[str]] = {}
    for cp in (*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        ch = chr(cp)
        folded = fold_accents(ch)
        if len(folded) == 1 and folded.isalpha():
            variants.setdefault(folded, []).append(ch)
    return {k: "[" + "".join(v) + "]" for k, v in variants.items()}


def accent_variants() -> frozenset[str]:
    """Every Latin letter `accent_blind` knows, in both cases, with and without marks."""
    return frozenset(c for cls in _accent_classes().values() for c in cls.strip("[]"))


def accent_blind(phrase: str) -> str:
    """A regex matching `phrase` in any case and with any (or no) marks, words split by any white space:
    what `fold_accents` then a search would find, without folding the text (which costs more)."""
    classes = _accent_classes()
    words = fold_accents(phrase).split()
    return r"\s+".join("".join(classes.get(c, std_re.escape(c)) for c in w) for w in words)


@functools.cache
def agency_head_keys() -> frozenset[str]:
    """The agency words ("ỦY BAN NHÂN DÂN", "BỘ", "SỞ") tone-folded in capitals: what a line or a word
    is looked up with, after `fold_tones(...).upper()`."""
    return frozenset(fold_tones(h).upper() for h in data.agency_heads())


@functools.cache
def national_name() -> std_re.Pattern[str]:
    """The quốc hiệu (or the Party's heading) in any case and accents, words split by any white space.

    On the stdlib engine, which tests a character against a large class in constant time (`regex` walks
    the class): this pattern scans the first paragraphs of every document.
    """
    return std_re.compile("|".join(accent_blind(n) for n in data.markers().national_names))


@functools.cache
def _national_core() -> std_re.Pattern[str]:
    """The longest run of words that every quốc hiệu holds ("VIỆT NAM"), in any case and accents."""
    names = [fold_accents(n).split() for n in data.markers().national_names]
    first = names[0]
    runs = (first[i:j] for i in range(len(first)) for j in range(len(first), i, -1))
    core = max((r for r in runs if all(_holds_run(n, r) for n in names[1:])), key=len)
    return std_re.compile(accent_blind(" ".join(core)))


def _holds_run(words: list[str], run: list[str]) -> bool:
    return any(words[i:i + len(run)] == run for i in range(len(words)))


def search_national_name(text: str) -> std_re.Match[str] | None:
    """`national_name().search(text)`, over a long text: a search for the words every quốc hiệu holds
    ("VIỆT NAM", one class and a few letters) first spares the full pattern's scan of a text without them,
    five times slower (three alternatives, every letter a class)."""
    if _national_core().search(text) is None:
        return None
    return national_name().search(text)


# --- structure: labels of the body's items -------------------------------------------------------
# "Phần I", "Chương II", "Mục 1", "Điều 1.", "I.", "II-", "1.1.", "6.2", "1.", "1)", "a)", "đ.", "-", "+"
LABEL = re.compile(
    r"""^(?:
        (?P<part>(?:Phần|PHẦN)\s+(?:thứ\s+\w+|[IVXLC]+|\d+)\.?)
      | (?P<chapter>(?:Chương|CHƯƠNG)\s+(?:[IVXLC]+[a-z]?|\d+)\.?)
      | (?P<subsection>(?:Tiểu\s+mục|TIỂU\s+MỤC)\s+\d+\.?)
      | (?P<section>(?:Mục|MỤC)\s+\d+\.?)
      | (?P<article>(?:Điều|ĐIỀU)\s+\d+[a-zđ]?\s*[.:]?)
      | (?P<roman>[IVXLC]{1,6}\s?[.\-–)])
      | (?P<decimal>\d{1,2}(?:\.\d{1,2}){1,3}\.?)
      | (?P<number>\d{1,2}\s?[.)])
      | (?P<letter>[a-zđ]\d?\s?[).])
      | (?P<dash>[-–—~•])
      | (?P<plus>\+)
    )(?=\s|$|(?<=[.):])\p{Lu})""",
    re.VERBOSE,
)
# Rank of each label kind in the tree: Phần > Chương > Mục > Điều > I. > 1. > 1.1. > a) > - > +
LABEL_RANK = {"part": 0, "chapter": 10, "section": 20, "subsection": 25, "article": 30, "roman": 40, "number": 50,
              "decimal": 60, "letter": 80, "dash": 90, "plus": 100}


_LABEL_OPENERS = frozenset("0123456789IVXLCabcdđeghiklmnopqrstuvxy-–—~•+PCMĐT")
# The words of LABEL's word labels, and what ends a roman or a letter label: most paragraphs begin with a
# capital ("Các", "Theo", "Phòng") or a lower-case word, and are told apart from labels without the regex.
_LABEL_WORDS = ("Phần", "PHẦN", "Chương", "CHƯƠNG", "Tiểu", "TIỂU", "Mục", "MỤC", "Điều", "ĐIỀU")
_LABEL_ENDS = frozenset(".-–)")
# LABEL's bullets (no other alternative begins with one) with the kind and rank each gives
_BULLET_RANKS = {**{c: ("dash", LABEL_RANK["dash"]) for c in "-–—~•"}, "+": ("plus", LABEL_RANK["plus"])}


def label_of(text: str) -> tuple[str, str, int] | None:
    """(label, kind, rank) of a paragraph that opens an item; None for a plain paragraph.

    >>> label_of("2.1. Các cấp uỷ đảng")
    ('2.1.', 'decimal', 60)
    >>> label_of("Điều 1. Phạm vi điều chỉnh")
    ('Điều 1.', 'article', 30)
    """
    if not text or text[0] not in _LABEL_OPENERS:
        return None  # cheap: a label can only begin with one of these characters
    first = text[0]
    if first in _BULLET_RANKS:
        # "- ", "+ ": a bullet is a label when white space or the end follows (LABEL's lookahead)
        if len(text) > 1 and text[1] not in REGEX_SPACE:
            return None
        kind, rank = _BULLET_RANKS[first]
        return first, kind, rank
    if first.isalpha():
        if first.islower():
            if not _LABEL_ENDS.intersection(text[1:4]):
                return None  # "a)", "b.", "c1)", "đ )": the mark follows within three characters
        elif not text.startswith(_LABEL_WORDS) and not (first in "IVXLC" and _LABEL_ENDS.intersection(text[1:8])):
            return None
    return _label(text)


@text_cache(maxsize=16384)  # past the cheap tests above: a paragraph is asked again by several parts
def _label(text: str) -> tuple[str, str, int] | None:
    m = LABEL.match(text)
    if not m:
        return None
    kind = m.lastgroup or "dash"
    label = m.group(kind).strip()
    if kind == "article" and not label.endswith((".", ":")) and (
            text[m.end():].strip()[:1].islower() or _type_name_at().match(text, m.end())):
        # "Điều 12 của Nghị định ...", "Điều 4 Nghị định này;" wrapped to a line start: a citation, not an article
        return None
    rank = LABEL_RANK[kind]
    if kind == "decimal":
        rank = 50 + 10 * label.rstrip(".").count(".")
    return label, kind, rank


# --- structure: document numbers -------------------------------------------------------------------
# Ký hiệu: "UBND-VX", "TB/TW", "NĐ-CP", "QĐ- ĐHQGHN" (a space after the dash is a typing slip),
# "STP-VB&TDTHPL", "TTg" (mixed case is legitimate: TTg, QyĐ, CTr, TTr).
# A dot may stand inside a group ("VPCP-V.I"), never at its end (a sentence's full stop).
SYMBOL = r"\p{Lu}[\p{L}\d&]*(?:\.[\p{Lu}\d]+)*(?:(?:\s?-\s?|/)(?=[\p{Lu}\d])[\p{L}\d&]+(?:\.[\p{Lu}\d]+)*)*"
# A number: digits, a letter or two ("14B"), or a dotted sub-number ("66.12/2026/NQ-CP").
NUMBER = r"\d{1,6}(?:\.\d{1,3})?[A-Za-z]{0,4}"
# A cited identifier: "241/TB-VPCP", "30/2020/NĐ-CP", "172-TB/TW", "01TV/2026", "QCVN 01:2019/BCT".
SYMBOLED = (rf"(?:QCVN\s+\d+(?::\d{{4}})?/{SYMBOL}"
            rf"|{NUMBER}\s?(?:/\s?\d{{4}}\s?)?(?:/\s?|-(?=\p{{Lu}}[\p{{L}}&]*/)){SYMBOL})")
IDENT = rf"(?:{SYMBOLED}|\d{{1,10}}[A-Za-z]{{0,4}}(?:[/-]\d{{2,4}})?)"

_YEAR = r"(?:(?P<year>(?:19|20)\d{2})\s*/\s*)?"
_ADMIN = re.compile(rf"^(?P<number>{NUMBER})?\s*/\s*{_YEAR}(?P<symbol>{SYMBOL})$")
_PARTY = re.compile(rf"^(?P<number>\d{{1,6}})\s*-\s*(?P<symbol>\p{{Lu}}[\p{{L}}]*\s*/\s*{SYMBOL})$")
_BLANK_NUMBER = re.compile(rf"^[\s.…_]*/\s*{_YEAR}(?P<symbol>{SYMBOL})$")


@text_cache(maxsize=4096)  # a document cites the same number again and again
def parse_identifier(ident: str) -> tuple[str | None, int | None, str | None]:
    """Split "30/2020/NĐ-CP" into ("30", 2020, "NĐ-CP"); other shapes are kept whole as the number.

    >>> parse_identifier("172-TB/TW")
    ('172', None, 'TB/TW')
    >>> parse_identifier(" /UBND-VX")
    (None, None, 'UBND-VX')
    >>> parse_identifier("01TV/2026")
    ('01TV/2026', None, None)
    """
    ident = ident.strip().rstrip(".,;:")
    for pattern in (_ADMIN, _PARTY, _BLANK_NUMBER):
        m = pattern.match(ident)
        if m and not (pattern is _ADMIN and m.group("symbol").isdigit()):
            groups = m.groupdict()
            year = groups.get("year")
            symbol = "".join(m.group("symbol").split())
            return groups.get("number"), int(year) if year else None, symbol
    return (ident or None), None, None


@functools.cache
def number_line() -> Pattern:
    """The "Số" line of the header: "Số: 628 /UBND-VX", "Số 172-TB/TW", "Luật số: 31/2024/QH15"."""
    return re.compile(
        r"^(?:(?:Luật|Bộ luật|Pháp lệnh|Lệnh|Nghị quyết|Văn bản hợp nhất)\s+)?[Ss]ố\s*[:.]?\s*(?P<ident>.*?)\s*$")


@functools.cache
def authority_forms() -> tuple[str, ...]:
    """Every written form of the signing-authority prefixes ("TM.", "KT.", "T/M", "Q."), longest first."""
    return tuple(sorted((f for row in data.authorities() for f in row.forms), key=len, reverse=True))


@functools.cache
def authority_line() -> Pattern:
    """A signing-authority line: "TM. ỦY BAN NHÂN DÂN", "KT.HIỆU TRƯỞNG", "T/M BỘ CHÍNH TRỊ"."""
    alt = "|".join(re.escape(f) for f in authority_forms())
    return re.compile(rf"^(?P<prefix>{alt})\s*(?=\p{{Lu}})(?P<rest>.*)$")


@functools.cache
def _authority_initials() -> frozenset[str]:
    return frozenset(f[0] for f in authority_forms())


def match_authority(text: str) -> re.Match[str] | None:
    """`authority_line().match(text)`. A line beginning with none of the prefixes is turned down by its first
    letter ("T" of TM., "K" of KT.), then by `str.startswith`, at a fraction of the cost of a call into the
    regex engine."""
    if text[:1] not in _authority_initials() or not text.startswith(authority_forms()):
        return None
    return authority_line().match(text)


@functools.cache
def place_date_line() -> Pattern:
    """The địa danh and date line: "Lai Châu, ngày 29 tháng 3 năm 2020", "TP. Bắc Kạn, ngày ...".

    OCR and drafts spoil the date ("ngày Jf tháng 10 năm 2025"); the place is still read.
    """
    # The comma after the place is sometimes lost ("Hà Nội ngày 01 ..."): then the place must read as a
    # proper name, capitalised words only.
    return re.compile(r"^(?:(?P<place>[^,;:()\d]{2,60}?)\s*,\s*|(?P<bare>(?:\p{Lu}[\p{L}.]*\s+){1,5}))"
                      r"(?P<date>[Nn]g[àa]y(?![\p{L}]).*)$")


def match_place_date(text: str) -> re.Match[str] | None:
    """`place_date_line().match(text)`. Every such line holds "ngày" (or "ngay", "Ngày"): a line without
    is turned down by substring tests first, at a fraction of the cost of a call into the regex engine."""
    if "gày" not in text and "gay" not in text:
        return None
    return place_date_line().match(text)


@functools.cache
def cited_number() -> Pattern:
    """Where a citation's number stands: "số 241/TB-VPCP", "Số: 01TV/2026", or a bare "116/NQ-CP".

    Citations are found from their numbers, then their type is read backwards (`citation_head`): far
    cheaper than trying a hundred type names at every position of the text.
    """
    return re.compile(rf"(?:(?<![\p{{L}}])(?P<so>[Ss]ố\s*:?\s*)(?P<ident>{IDENT})"
                      rf"|(?<![\p{{L}}\d/])(?P<bare>{SYMBOLED}))(?![\p{{L}}\d/])")


def find_cited_numbers(key: str) -> list[re.Match[str]]:
    """The matches of `cited_number().finditer(key)`, the pattern tried only where a match can start.

    Scanning, the pattern costs some 20 ns at every position of a paragraph. A match starts at "số"/"Số"
    followed by a number, at a number written right before a slash or a dash and a ký hiệu ("241/TB",
    "172-TB/TW", "30/2020/NĐ"), or at "QCVN": those places are found by substring searches and a few
    character tests, and the pattern is tried at each in order, as finditer tries every position.
    """
    if not may_cite_number(key):
        return []
    starts: list[int] = []
    _number_after_so(key, starts)
    if "/" in key:  # every match without "số" holds a slash
        _number_before_symbol(key, starts)
    pattern = cited_number()
    found: list[re.Match[str]] = []
    end = 0
    for start in sorted(starts):
        if start >= end and (m := pattern.match(key, start)) is not None:
            found.append(m)
            end = m.end()
    return found


_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _number_after_so(key: str, starts: list[int]) -> None:
    """Each "số"/"Số" followed (past white space and a colon) by a digit or "QCVN": `IDENT`'s first letters."""
    size = len(key)
    at = key.find("ố")
    while at != -1:
        if at and key[at - 1] in "Ss":
            j = _past_space(key, at + 1)
            if j < size and key[j] == ":":
                j = _past_space(key, j + 1)
            if j < size and (key[j].isdecimal() or key.startswith("QCVN", j)):
                starts.append(at - 1)
        at = key.find("ố", at + 1)


def _past_space(key: str, at: int) -> int:
    """Where the `regex` engine's "\\s*" from `at` ends."""
    while at < len(key) and key[at] in REGEX_SPACE:
        at += 1
    return at


def _number_before_symbol(key: str, starts: list[int]) -> None:
    """Where `SYMBOLED` can start: the first digit of each number (`NUMBER`, up to 10 digits and dots and 4
    Latin letters) written, past one white space, right before a slash or a dash that a capital (or, after a
    slash, a year) follows; and each "QCVN". A superset: the pattern decides."""
    size = len(key)
    for mark in "/-":
        at = key.find(mark)
        while at != -1:
            if _symbol_follows(key, at + 1, size, slash=mark == "/"):
                i = at - 1 if at and key[at - 1] in REGEX_SPACE else at
                letters = 0
                while letters < 4 and i and key[i - 1] in _ASCII_LETTERS:
                    i -= 1
                    letters += 1
                stop = max(0, i - 11)
                while i > stop and (key[i - 1].isdecimal() or key[i - 1] == "."):
                    i -= 1
                    if key[i].isdecimal() and not (i and (key[i - 1].isalpha() or key[i - 1].isdecimal()
                                                          or key[i - 1] == "/")):
                        starts.append(i)  # the look-behind of `cited_number`: no letter, digit or slash
            at = key.find(mark, at + 1)
    at = key.find("QCVN")
    while at != -1:
        starts.append(at)
        at = key.find("QCVN", at + 1)


def _symbol_follows(key: str, at: int, size: int, *, slash: bool) -> bool:
    """After a number's slash, past one white space, a ký hiệu (not in lower case) or a year; after its dash,
    at once, a capital. Not lower case rather than upper case: a superset, whatever the Unicode tables."""
    if slash and at < size and key[at] in REGEX_SPACE:
        at += 1
    if at >= size:
        return False
    first = key[at]
    if first.isdecimal():
        year = key[at:at + 4]
        return slash and len(year) == 4 and year.isdecimal()
    return not first.islower() and first not in REGEX_SPACE


def may_cite_number(text: str) -> bool:
    """Whether `cited_number` can match `text`: every match holds "số" / "Số" or a slash (a ký hiệu's,
    the Party form's "172-TB/TW" included). Substring tests cost a tenth of the scan they spare; a
    one-character test goes first, being some twenty times faster than one of several characters."""
    return "/" in text or ("ố" in text and ("số" in text or "Số" in text))


@functools.cache
def _type_name_at() -> Pattern:
    """A type name written as in running text ("Nghị định", "Luật") after white space."""
    return re.compile(rf"\s*(?:{written_type_names()})(?![\p{{L}}])")


@functools.cache
def written_type_names() -> str:
    """An alternation of every type name as running text writes it ("Quyết định", "Luật")."""
    return alternation(n for row in data.doc_types() for n in row.names)


@functools.cache
def type_names() -> str:
    """An alternation of every type name as written and in capitals ("Quyết định", "QUYẾT ĐỊNH")."""
    return alternation(v for row in data.doc_types() for n in row.names for v in (n, n.upper()))


@functools.cache
def citation_head(with_so: bool) -> std_re.Pattern[str]:
    """The type name (and up to ten words of a name) that ends right before a cited number.

    "Thông báo", "Văn bản đề nghị", "Luật Quản lý, sử dụng tài sản công" (+ "số"); "Nghị quyết" + a
    number without "số". The name words may not hold another capitalised type name: in "Nghị định
    hướng dẫn Luật số 90/2025/QH15" the number belongs to the Luật.
    """
    lower = [n.lower() for row in data.doc_types() for n in row.names]
    words = rf"(?:(?!{written_type_names()}(?!{LETTER}))(?:[^\W_]|[&-])+,?\s+){{0,10}}" if with_so else ""
    # Written in lower case ("công văn số 4032/TCHQ-GSQL") a type name must stand right before the number:
    # "quy định tại Mẫu số 01" cites no Quy định.
    # Searched backwards over a window before every cited number: on the stdlib engine, three times faster.
    return std_re.compile(rf"(?<!{LETTER})(?:(?P<type>{type_names()})(?!{LETTER})\s+(?P<name>{words})"
                          rf"|(?P<ltype>{alternation(lower)})\s+)\Z")


_LAW_CODES = ("bo_luat", "luat", "phap_lenh", "hien_phap")


@functools.cache
def named_law() -> Pattern:
    """A law cited by its name: "Luật Việc làm", "Bộ luật Lao động", "Hiến pháp"."""
    names = alternation(n for code in _LAW_CODES for n in data.doc_type(code).names)
    return re.compile(rf"(?<![\p{{L}}])(?P<type>{names})(?=\s)")


@functools.cache
def _law_name_words() -> tuple[tuple[str, ...], ...]:
    """The words of each law name, led by its accented letters one by one ("ộ", "ậ" of "Bộ luật")."""
    names = {fold_tones(n) for code in _LAW_CODES for n in data.doc_type(code).names}
    return tuple((*sorted({c for c in n if not c.isascii()}, reverse=True), *n.split()) for n in sorted(names))


def may_name_law(text: str) -> bool:
    """Whether `named_law` can match `text`: every word of one of the names stands in it. Substring tests
    spare the pattern's scan of the paragraphs that name no law; the one-character test goes first, being
    some twenty times faster than a test of several characters over a long paragraph."""
    for words in _law_name_words():
        for word in words:
            if word not in text:
                break
        else:
            return True
    return False
