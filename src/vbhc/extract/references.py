"""References (văn bản được viện dẫn): every document the text cites, typed and merged.

    Thông báo số 241/TB-VPCP ngày 12/9/2021 của Văn phòng Chính phủ thông báo kết luận ...
    Văn bản số 1276-CV/TU ngày 24/3/2020 của Ban Thường vụ Tỉnh uỷ về việc ...
    Luật Quản lý, sử dụng tài sản công số 15/2017/QH14 được sửa đổi, bổ sung bởi Luật số 64/2020/QH14
    Chỉ thị số 35-CT/TW, ngày 30/5/2019 của Bộ Chính trị
    Điện của Thường trực Ban Bí thư ngày 14/3/2020 về tổ chức đại hội đảng cấp cơ sở
    ... triển khai thi hành Luật Việc làm ...

A citation is a type name (up to ten words of a name may stand before "số"), an identifier, then
optionally the issue date ("ngày ..." right after the number: never an effective date "có hiệu lực từ
ngày"), the issuer after "của", and the title from a word that opens one ("về", "quy định", ...). A
number cited without a type word ("số 294/BC-STP") takes its kind from the ký hiệu. Laws cited by name
and documents cited by type and date without a number are references too, unless they only stand
inside another citation's title. Mentions merge on number + year + symbol; the more specific kind and
the first date win (a later "ngày 06/3/2025" does not overwrite "ngày 06/3/2026").
"""

from __future__ import annotations

import functools
import re as std_re
from collections.abc import Iterable

import regex as re

from vbhc import data
from vbhc.caches import text_cache
from vbhc.dates import DATE, parse_date
from vbhc.models import Reference
from vbhc.patterns import (
    SYMBOLED,
    agency_head_keys,
    alternation,
    citation_head,
    find_cited_numbers,
    may_cite_number,
    may_name_law,
    named_law,
    parse_identifier,
    rx,
    type_names,
    written_type_names,
)
from vbhc.tones import fold_tones

_GENERIC = "van_ban"
_SYMBOLED = re.compile(SYMBOLED)
# A cited number and a date need a digit. Prefilters cost about as much as a scan of the same text, so
# only those that reject most paragraphs cheaply (a digit, a literal, a law's name words) are kept.
_DIGIT = std_re.compile(r"\d")
_DATED = std_re.compile(r"ngày\s+\d")  # what a document cited by type and date needs; a literal to scan for


@functools.cache
def _after_number() -> re.Pattern[str]:
    return re.compile(rf"\s*,?\s*(?:(?:được\s+)?(?:ban hành|ký|cấp)\s+)?ngày\s+(?P<date>{DATE})")


@functools.cache
def _personal_paper() -> re.Pattern[str]:
    return re.compile(rf"{alternation(data.markers().personal_papers)}\s*\Z", re.IGNORECASE)


@functools.cache
def _issued_by() -> re.Pattern[str]:
    return re.compile(rf"\s*,?\s*do\s+(?P<issuer>[^,;.()]{{3,90}}?)\s+(?:cấp|ban hành)\s+ngày\s+(?P<date>{DATE})")


@functools.cache
def _narrated_date() -> re.Pattern[str]:
    # "Ngày 28 tháng 10 năm 2025, Chủ tịch ... đã ban hành Công văn số 3280/UBND-VX": the date comes first
    return re.compile(rf"(?:^|(?<=[.;:]\s))Ngày\s+(?P<date>{DATE})\s*,[^.;]*?(?:ban hành|ký)\s+[^.;]{{0,40}}\Z")


@functools.cache
def _title_start() -> re.Pattern[str]:
    return re.compile(rf"\s*,?\s*(?={alternation(data.markers().title_starters)}(?![\p{{L}}]))", re.IGNORECASE)


@functools.cache
def _issuer_stop() -> re.Pattern[str]:
    marks = data.markers()
    words = (*marks.title_starters, *marks.issuer_stops, "ngày", "số", "về việc")
    return re.compile(rf"{alternation(words)}(?![\p{{L}}])", re.IGNORECASE)


@functools.cache
def _dated_unnumbered() -> re.Pattern[str]:
    names = [n for row in data.doc_types() for n in row.names if row.code not in ("luat", "bo_luat", "hien_phap")]
    # no digit in the issuer: "Kết luận của Ủy ban Thường vụ Quốc hội tại Thông báo số 4387/TB-VPQH ngày ..."
    # dates the Thông báo, not the Kết luận
    return re.compile(rf"(?<![\p{{L}}])(?P<type>{alternation(names)})\s+(?:của\s+(?P<issuer>[^,;.()\d]{{3,80}}?)\s+)?"
                      rf"ngày\s+(?P<date>{DATE})")


def find_references(text: str) -> tuple[Reference, ...]:
    """The references of `text` in order of appearance, merged within the text."""
    return tuple(merge(ref for _, ref in find_mentions(text)))


@text_cache(maxsize=1024)
def find_mentions(text: str) -> tuple[tuple[int, Reference], ...]:
    """Each citation of `text` where it starts, in order of appearance, not merged.

    Cached: a căn cứ paragraph is read for the document's references and again as a legal basis, which
    takes the mentions that start within it.
    """
    names_law = may_name_law(text)  # no name word holds a pair that folding rewrites: the text will do
    # Without a law name, a citation needs "số" or a slash (a number) or "ngày" (a date), and a digit:
    # substring tests first, a tenth of the cost of the digit scan, which then mostly stops at once.
    if not names_law and (not (may_cite_number(text) or "ngày" in text) or not _DIGIT.search(text)):
        return ()
    key = fold_tones(text)
    found: list[tuple[int, int, Reference]] = []
    titles: list[tuple[int, int]] = []
    for m in find_cited_numbers(key):
        with_so = m.group("so") is not None
        ident = m.group("ident") if with_so else m.group("bare")
        window_start = max(0, m.start() - 160)
        head = citation_head(with_so).search(key, window_start, m.start())
        if head is not None and head.group("ltype") and not _SYMBOLED.fullmatch(ident):
            head = None  # "quy định tại Mẫu số 01": a lower-case type word needs a ký hiệu to cite
        if head is None and not (with_so and _SYMBOLED.fullmatch(ident)) and not ident.startswith("QCVN"):
            continue  # "Bệnh nhân số 133", a date or a phone number: not a document
        if head is None and _personal_paper().search(key, max(0, m.start() - 40), m.start()):
            continue  # "Giấy chứng nhận số 8/KĐI", "số định danh": papers of persons and vehicles
        type_word = (head.group("type") or head.group("ltype")) if head else None
        name = head.group("name") if head else None
        start = head.start() if head else m.start()
        ref, title_span = _numbered(text, key, type_word, name, ident, m.end(), start)
        if ref.date is None and key.find("Ngày", max(0, start - 300), start) != -1 and \
                (before := _narrated_date().search(key, max(0, start - 300), start)):
            ref = ref.model_copy(update={"date": parse_date(before.group("date"))})
        found.append((start, m.end(), ref))
        if title_span:
            titles.append(title_span)
    for m in _dated_unnumbered().finditer(key) if _DATED.search(key) else ():
        if _inside(m.start(), found) or _inside_span(m.start(), titles):
            continue
        kind = data.kind_for_name(m.group("type"))
        issuer = text[m.start("issuer"):m.end("issuer")].strip() if m.group("issuer") else None
        ref, _ = _unnumbered(text, key, kind, m.end(), issuer=issuer, date=parse_date(m.group("date")))
        found.append((m.start(), m.end(), ref.model_copy(update={"text": text[m.start():m.end()]})))
    for m in named_law().finditer(key) if names_law else ():
        if _inside(m.start(), found) or _inside_span(m.start(), titles) or _in_unnumbered_title(key, m.start()):
            continue
        named = _named_law(text, key, m)
        if named is not None:
            law, end = named
            found.append((m.start(), end, law))
    found.sort(key=lambda item: item[0])
    return tuple((start, ref) for start, _, ref in found)


def _in_unnumbered_title(key: str, pos: int) -> bool:
    """A law named inside the name of a document mentioned without number or date ("trình Chính phủ ban
    hành Nghị quyết về cơ chế ... trong triển khai Luật Địa chất và Khoáng sản"): part of that name, not a
    reference. A law after "và" or a comma is a document of its own, and so is one cited after a number
    ("Quyết định phê duyệt ... số 3367/QĐ-BNNMT và quy định của Luật Bảo vệ môi trường", "quy định tại
    Điều 201 Luật Sở hữu trí tuệ")."""
    clause = max(key.rfind(";", 0, pos), key.rfind(".", 0, pos), key.rfind("(", 0, pos), pos - 200) + 1
    if key[clause:pos].rstrip().endswith((",", " và")):
        return False
    titled = _titled_type().search(key, clause, pos)
    return titled is not None and _DIGIT.search(key, titled.end(), pos) is None


@functools.cache
def _titled_type() -> re.Pattern[str]:
    starters = alternation(data.markers().title_starters)
    return re.compile(rf"(?<![\p{{L}}])(?:{type_names()})\s+(?:{starters})(?![\p{{L}}])")


def _inside(pos: int, found: list[tuple[int, int, Reference]]) -> bool:
    return any(start <= pos < end for start, end, _ in found)


def _inside_span(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= pos < end for start, end in spans)


def _numbered(text: str, key: str, type_word: str | None, name: str | None, ident: str,
              end: int, start: int) -> tuple[Reference, tuple[int, int] | None]:
    number, year, symbol = parse_identifier(ident)
    kind = data.kind_for_name(type_word) if type_word else None
    if kind is None or (type_word is None and symbol):
        kind = _kind_from_symbol(symbol) or kind or _GENERIC
    title = None
    if kind in ("luat", "bo_luat", "phap_lenh") and name and name.strip():
        name_at = start + len(type_word or "")
        title = " ".join(text[start:name_at + 1 + len(name)].split()).rstrip(",")
    ref, span = _tail(text, key, end)
    first = text[start:end].strip()
    return Reference(kind=kind, number=number, year=year, symbol=symbol, date=ref["date"], issuer=ref["issuer"],
                     title=title or ref["title"], text=first), span


def _kind_from_symbol(symbol: str | None) -> str | None:
    if not symbol:
        return None
    head = rx(r"[-/]").split(symbol)[0]
    if head.startswith("QH"):
        return None
    return data.kind_for_abbr(head)


def _tail(text: str, key: str, pos: int) -> tuple[dict[str, str | None], tuple[int, int] | None]:
    """Date, issuer and title written after a cited number (or type) starting at `pos`."""
    # Patterns match at `pos` in the whole text: slicing the rest of a long paragraph per step costs more.
    out: dict[str, str | None] = {"date": None, "issuer": None, "title": None}
    m = _after_number().match(key, pos)
    if m:
        out["date"] = parse_date(m.group("date"))
        pos = m.end()
    if out["date"] is None and (issued := _issued_by().match(key, pos)):
        # "... số 2374/GPKDVT do Sở Giao thông vận tải thành phố Hà Nội cấp ngày 03/01/2024"
        out["issuer"] = text[issued.start("issuer"):issued.end("issuer")].strip()
        out["date"] = parse_date(issued.group("date"))
        return out, None
    m = _OF.match(key, pos)
    if m:
        start = m.end()
        stop = _issuer_end(key, start)
        out["issuer"] = _unclosed(text[start:stop].strip(" ,")) or None
        pos = stop
        if out["date"] is None and (d := _after_number().match(key, pos)):
            out["date"] = parse_date(d.group("date"))
            pos = d.end()
    span = None
    m = _title_start().match(key, pos)
    if m:
        start = m.end()
        stop = _title_end(key, start)
        out["title"] = text[start:stop].strip(" ,") or None
        span = (start, stop)
    return out, span


_OF = re.compile(r"\s*,?\s*của\s+")


def _unclosed(name: str) -> str:
    """The name without a closing bracket or quote that opened before it ("... của UBND tỉnh Lào Cai);")."""
    while name.endswith((")", "”")) and name.count(name[-1]) > name.count("(" if name[-1] == ")" else "“"):
        name = name[:-1].rstrip()
    return name
_WORD = re.compile(r"\S+")
_TITLE_END = re.compile(r"\s\(|[;]|(?<=[\p{Ll}\d)])\.(?:\s|$)|\.$|\n")


def _issuer_end(key: str, start: int) -> int:
    """Where the issuer named at `start` ends: before a word that stops it, a bracket, or the punctuation
    after a word. "và" and a comma go on inside an agency's name ("Bộ Giáo dục và Đào tạo", "Bộ Văn hóa,
    Thể thao và Du lịch"), not before a lower-case word or another document ("... và Quyết định số ..."); a
    stop word capitalised right after an agency word is part of the name ("Bộ Giao thông vận tải")."""
    pos = start
    named = False  # the word before is an agency word alone ("Bộ"): the name goes on ("Bộ Giao thông vận tải")
    for count, m in enumerate(_WORD.finditer(key, start)):
        word = m.group(0)
        if count >= 12 or word[0] in "(\"“":
            return pos
        if count and not (named and word[0].isupper()) and _issuer_stop().match(key, m.start()) and \
                not (word == "và" and _name_goes_on(key, m.end())):
            return pos
        named = word.upper() in _single_heads()
        pos = m.end()
        if word.endswith(",") and _JOINED_NAME.match(key, pos) and _name_goes_on(key, pos):
            continue
        if word.endswith((",", ";", ".", ":", ")")):
            return pos - 1
    return pos


@functools.cache
def _single_heads() -> frozenset[str]:
    """The agency words of one word ("BỘ", "SỞ", "CỤC"), which no issuer's name ends with."""
    return frozenset(h for h in agency_head_keys() if " " not in h)


# "Văn hóa, Thể thao và Du lịch": after a comma, capitalised words that a "và" and a capital close
_JOINED_NAME = re.compile(r"\s+\p{Lu}[^,;.()\d]{0,30}?\s+và\s+\p{Lu}")


def _name_goes_on(key: str, at: int) -> bool:
    """The next word (after white space at `at`) goes on an agency's name: a capital, not a document."""
    m = _NEXT_WORD.match(key, at)
    return m is not None and not _type_name().match(key, m.end())


_NEXT_WORD = re.compile(r"\s+(?=\p{Lu})")


@functools.cache
def _type_name() -> re.Pattern[str]:
    return re.compile(rf"(?:{type_names()})(?![\p{{L}}])")


def _title_end(key: str, start: int) -> int:
    """Where a cited document's title ends: a bracket, ";", a full stop, or the next document cited after
    "và" or a comma ("... về việc tăng cường ... và Văn bản số 4643/VPCP-CN ...")."""
    m = _TITLE_END.search(key, start)
    end = m.start() if m else len(key)
    nxt = _next_citation().search(key, start, end)
    return nxt.start() if nxt else end


@functools.cache
def _next_citation() -> re.Pattern[str]:
    return re.compile(rf"(?:,|\s+và)\s+(?=(?:{type_names()})\s+(?:số\s*:?\s*)?\d)")


def _unnumbered(text: str, key: str, kind: str | None, end: int, *, issuer: str | None,
                date: str | None) -> tuple[Reference, tuple[int, int] | None]:
    tail, span = _tail(text, key, end)
    return Reference(kind=kind, date=date or tail["date"], issuer=issuer or tail["issuer"],
                     title=tail["title"]), span


@functools.cache
def _law_stop() -> re.Pattern[str]:
    # "và" joins two words of one name ("Luật Địa chất và Khoáng sản") but not a name and what follows
    # nor a name and another document or a part of one ("Luật Xây dựng và Nghị định ...", "... và Điều 5")
    stops = alternation(data.markers().law_name_stops)
    other = f"{written_type_names()}|{alternation(data.markers().document_parts)}"
    return re.compile(rf"(?:{stops}(?![\p{{L}}])|và(?=\s+(?:\p{{Ll}}|(?:{other})(?![\p{{L}}]))))")


def _named_law(text: str, key: str, m: re.Match[str]) -> tuple[Reference, int] | None:
    """A law cited by its name, and where the name ends; None when no name follows ("Luật này")."""
    kind = data.kind_for_name(m.group("type"))
    start = m.end("type")
    amending = _AMENDING.match(key, start)
    # "Luật sửa đổi, bổ sung một số điều của Luật A và Luật B ngày ...": one law, named to its date
    end = amending.end() if amending else _law_name_end(key, start, free_start=kind == "hien_phap")
    if end is None:
        return None
    title = " ".join(text[m.start():end].split())
    tail, _ = _tail(text, key, end)
    return Reference(kind=kind, date=tail["date"], issuer=tail["issuer"], title=title, text=title), end


_AMENDING = re.compile(r"\s+sửa\s+đổi[^;.()]*?(?=\s+ngày\s|\s*[;.(]|$)")


@functools.cache
def _listed_law_name() -> re.Pattern[str]:
    """A law's name that `_law_stop` and the punctuation would cut ("Luật Địa chất và khoáng sản", "Luật
    Phòng, chống tham nhũng", "Luật Tần số vô tuyến điện"), from the list of such names."""
    return re.compile(rf"\s+(?:{alternation(data.markers().law_names)})(?![\p{{L}}])", re.IGNORECASE)


def _law_name_end(key: str, start: int, *, free_start: bool) -> int | None:
    if key[start:start + 1].isspace() and (listed := _listed_law_name().match(key, start)):
        return listed.end()
    end = None
    for count, w in enumerate(rx(r"[^\s,;.:()\"“”]+(?=([,;.:()\"“”]?))").finditer(key, start)):
        token = w.group(0)
        if count == 0 and not token[:1].isupper() and not free_start:
            return None  # "Luật này", "luật" in running text: no name
        if _law_stop().match(key, w.start()) or token[:1].isdigit():
            break
        if end is not None and not key[end:w.start()].isspace():
            break  # a bracket or a quote after the name: "Luật Sở hữu trí tuệ (trường hợp ...)"
        end = w.end()
        if w.group(1):
            break
    return end


def ref_key(ref: Reference) -> tuple[str, ...]:
    """Identity of a cited document: number + year + symbol, or kind + date / title when unnumbered."""
    if ref.number or ref.symbol:
        return ("n", (ref.number or "").casefold(), str(ref.year or ""),
                "".join((ref.symbol or "").split()).casefold())
    if ref.date:
        return ("u", ref.kind or "", ref.date)
    return ("t", ref.kind or "", fold_tones(ref.title or "").casefold())


def merge(refs: Iterable[Reference]) -> list[Reference]:
    """Merge mentions of the same document, keeping first-seen order."""
    merged: dict[tuple[str, ...], Reference] = {}
    for ref in refs:
        k = ref_key(ref)
        old = merged.get(k)
        if old is None:
            merged[k] = ref
            continue
        update = {f: getattr(ref, f) for f in ("date", "issuer", "title") if getattr(old, f) is None}
        if old.kind in (None, _GENERIC) and ref.kind not in (None, _GENERIC):
            update["kind"] = ref.kind
        merged[k] = old.model_copy(update={k2: v for k2, v in update.items() if v is not None})
    # a law named without its number ("Luật Hóa chất") is the numbered one cited by the same name; named
    # without number or date, also the dated one ("Luật Quản lý, sử dụng vũ khí, ... ngày 29/6/2024")
    numbered = {_title_key(r) for r in merged.values() if r.number and r.title}
    dated = {_title_key(r) for r in merged.values() if r.date and r.title}
    return [r for r in merged.values() if r.number or r.symbol or not r.title or
            (_title_key(r) not in numbered and (r.date or _title_key(r) not in dated))]


def _title_key(ref: Reference) -> str:
    return fold_tones(ref.title or "").casefold()


def extract_references(texts: Iterable[str], *, own: Reference | None = None) -> tuple[Reference, ...]:
    """Every document cited in `texts`, merged across them; the document's own number left out."""
    refs = merge(ref for text in texts for ref in find_references(text))
    own_key = ref_key(own) if own is not None and (own.number or own.symbol) else None
    return tuple(r for r in refs if ref_key(r) != own_key)
