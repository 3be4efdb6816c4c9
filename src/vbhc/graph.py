"""Citation graph (đồ thị viện dẫn): which document of a run cites which, and how.

Every reference of every parsed document (its attachments' included) gives one `Edge`::

    Edge(source="9f2c...", target="41ab...", relation="thuc_hien", number="241", symbol="TB-VPCP", ...)
    Edge(source="9f2c...", target=None, relation="can_cu", number="30", year=2020, symbol="NĐ-CP", ...)

`target` is the document of the same run the reference resolves to, or None for a document outside the
run. Resolution: number + symbol, compared case-insensitively and without spaces (leading zeros of a
number ignored), and the year (the year inside the number, or else the year of the date: a công văn
numbering restarts each year); when several documents of the run remain, the issuer and then the date
decide, and the first in run order is taken (`candidates` tells how many were left). A document never
cites itself: a reference to the citing document's own number (an attachment's "kèm theo Quyết định
số ...") gives no edge.

`relation` comes from the words just before the citation where it is found (legal bases first, then the
subject, the body and the footnotes); the vocabulary is in ``vbhc/data/relations.toml``:

=============  ===================  ===============================================================
relation       Vietnamese           told by
=============  ===================  ===============================================================
can_cu         căn cứ               a căn cứ ban hành item ("Căn cứ ...", "Theo đề nghị ...")
thuc_hien      thực hiện            "Thực hiện ...", "triển khai", in a legal basis or the body
sua_doi        sửa đổi, bổ sung     "sửa đổi, bổ sung" (not "được sửa đổi, bổ sung bởi")
thay_the       thay thế             "thay thế"
bai_bo         bãi bỏ               "bãi bỏ", "hủy bỏ"
huong_dan      hướng dẫn            "hướng dẫn", "quy định chi tiết" (not "theo hướng dẫn tại")
dan_chieu      dẫn chiếu            none of these: a plain mention
=============  ===================  ===============================================================

    >>> relation_of("Quyết định này thay thế Quyết định số 59/2024/QĐ-UBND", "Quyết định số 59/2024/QĐ-UBND")
    'thay_the'
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from vbhc import data
from vbhc.models import Document, Reference
from vbhc.tables import EDGE_COLUMNS, ResultLike, as_results, document_id, frame, iter_attachments
from vbhc.tones import fold_tones

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Edge", "edges", "edges_frame", "relation_of"]


@dataclass(frozen=True, slots=True)
class Edge:
    """One citation: the citing document, the cited one (None when outside the run) and how it cites it."""

    source: str
    """Document id (sha256) of the citing document."""
    target: str | None
    """Document id of the cited document in the same run; None for a document outside the run."""
    relation: str
    """can_cu, thuc_hien, sua_doi, thay_the, bai_bo, huong_dan or dan_chieu."""
    kind: str | None = None
    """The reference's fields as parsed (`vbhc.Reference`)."""
    number: str | None = None
    year: int | None = None
    symbol: str | None = None
    date: str | None = None
    issuer: str | None = None
    title: str | None = None
    text: str | None = None
    source_attachment: int | None = None
    """1-based index of the citing attachment (pre-order, as in the `attachments` table); None for the body."""
    candidates: int = 0
    """How many documents of the run matched the reference after every test (0 when outside the run)."""

    def as_dict(self) -> dict[str, Any]:
        """The edge as a plain dict (the row of the `edges` table)."""
        return dataclasses.asdict(self)


# --- text matching ------------------------------------------------------------------------------------

_WORD = re.compile(r"\S+")


def _fold(text: str) -> str:
    """Canonical tones, case-folded, runs of spaces collapsed; line breaks kept (they end a clause)."""
    return "\n".join(" ".join(line.split()) for line in fold_tones(text).casefold().splitlines())


def _key_text(text: str) -> str:
    """Case-folded, without any whitespace: how numbers, symbols and issuers are compared."""
    return "".join(fold_tones(text).casefold().split())


def _occurrences(text: str, phrase: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """Spans of `phrase` in `text` that stand as whole words."""
    if not phrase:
        return
    at = text.find(phrase, start)
    while at != -1:
        end = at + len(phrase)
        before_ok = not phrase[0].isalnum() or at == 0 or not text[at - 1].isalnum()
        after_ok = not phrase[-1].isalnum() or end == len(text) or not text[end].isalnum()
        if before_ok and after_ok:
            yield at, end
        at = text.find(phrase, at + 1)


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int
    end: int
    code: str


@functools.cache
def _cue_table(legal_basis: bool) -> tuple[tuple[str, str], ...]:
    """(phrase, relation code) pairs, folded."""
    return tuple((_fold(cue), rel.code) for rel in data.relations().relation
                 if rel.legal_basis or not legal_basis for cue in rel.cues)


@functools.cache
def _passive() -> tuple[str, ...]:
    return tuple(_fold(p) for p in data.relations().passive)


@functools.cache
def _joiners() -> tuple[str, ...]:
    return tuple(_fold(j) for j in data.relations().joiners)


def _cues(text: str, start: int, end: int, *, legal_basis: bool) -> list[_Cue]:
    """The cues standing in text[start:end], less those inside a passive phrase.

    In running text a passive phrase is a cue of its own, for the default relation: in "theo hướng dẫn
    tại Công văn số ..." the words nearest the citation say that it is only referred to.
    """
    part = text[:end]
    passive = [span for p in _passive() for span in _occurrences(part, p, max(0, start - 40))]
    found = [] if legal_basis else [_Cue(s, e, data.relations().default) for s, e in passive if s >= start]
    for phrase, code in _cue_table(legal_basis):
        for s, e in _occurrences(part, phrase, start):
            if not any(ps < e and s < pe for ps, pe in passive):
                found.append(_Cue(s, e, code))
    return found


def _nearest(cues: list[_Cue]) -> _Cue | None:
    """The cue that ends last; of two ending together, the longer."""
    return max(cues, key=lambda c: (c.end, c.end - c.start), default=None)


def _earliest(cues: list[_Cue]) -> _Cue | None:
    """The cue that starts first; of two starting together, the longer."""
    return min(cues, key=lambda c: (c.start, c.start - c.end), default=None)


def _word_start(text: str, start: int, end: int, words: int) -> int:
    """Offset where the last `words` words of text[start:end] begin."""
    starts = [m.start() for m in _WORD.finditer(text, start, end)]
    return starts[-words] if len(starts) >= words else start


def _clause_start(text: str, end: int) -> int:
    """Where the clause holding text[end] begins: after the last ";", line break or ". " before it."""
    prefix = text[:end]
    sentence = prefix.rfind(". ")
    return max(prefix.rfind(";") + 1, prefix.rfind("\n") + 1, sentence + 2 if sentence >= 0 else 0)


def _basis_relation(text: str, at: int) -> str:
    """The relation a legal basis gives a citation at `at`: the first căn cứ / thực hiện cue of its clause."""
    segment = max(text[:at].rfind(";"), text[:at].rfind("\n")) + 1
    cue = _earliest(_cues(text, segment, at, legal_basis=True)) or _earliest(_cues(text, 0, at, legal_basis=True))
    return cue.code if cue else data.relations().legal_basis_default


def _body_relation(text: str, at: int, previous: tuple[int, str] | None) -> str:
    """The relation of a citation at `at` in running text; `previous` is (start, relation) of the last one."""
    rel = data.relations()
    clause = _clause_start(text, at)
    window = _word_start(text, clause, at, rel.window)
    cues = _cues(text, window, at, legal_basis=False)
    if previous is not None and previous[0] >= clause:
        tail = _word_start(text, clause, at, rel.joiner_window)
        joins = [s for j in _joiners() for s, _ in _occurrences(text[:at], j, tail)]
        if joins:
            after = [c for c in cues if c.start >= max(joins)]
            return cue.code if (cue := _nearest(after)) else previous[1]
    cue = _nearest(cues)
    return cue.code if cue else rel.default


@dataclass(frozen=True, slots=True)
class _Segment:
    text: str
    legal_basis: bool


def _mention_pattern(ref: Reference) -> re.Pattern[str] | None:
    """A pattern for the citation's identifier as it may be written (241/TB-VPCP, 30/2020/NĐ-CP, 1105 /KH-ĐKT)."""
    if not ref.number or not ref.symbol:
        return None
    number = _key_text(ref.number)
    number_rx = "0*" + re.escape(number.lstrip("0") or "0") if number.isdigit() else re.escape(number)
    year_rx = re.escape(str(ref.year)) if ref.year is not None else r"\d{4}"
    symbol_rx = r"\s*".join(re.escape(ch) for ch in _key_text(ref.symbol))
    return re.compile(rf"(?<![\w/]){number_rx}(?:\s*/\s*{year_rx})?\s*[-/]\s*{symbol_rx}(?!\w)")


def _mentions(text: str, ref: Reference) -> list[tuple[int, int]]:
    """Spans where `ref` is cited in the folded text: its first mention as written, or its identifier."""
    spans: list[tuple[int, int]] = []
    if ref.text:
        spans.extend(_occurrences(text, _fold(ref.text).replace("\n", " ")))
    pattern = _mention_pattern(ref)
    if pattern is not None:
        spans.extend(m.span() for m in pattern.finditer(text))
    kept: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not any(s < span[1] and span[0] < e for s, e in kept):
            kept.append(span)
    return kept


def _directive_texts(doc: Document) -> Iterator[str]:
    stack = list(reversed(doc.directives))
    while stack:
        item = stack.pop()
        yield item.text
        stack.extend(reversed(item.children))


def _segments(doc: Document) -> list[_Segment]:
    """The texts of a document (its attachments apart) where citations stand, in the order they are read."""
    segments = [_Segment(_fold(basis.text), True) for basis in doc.legal_bases]
    body = [doc.subject or "", *_directive_texts(doc), *doc.footnotes]
    segments.extend(_Segment(_fold(text), False) for text in body if text)
    return segments


def _ref_key(ref: Reference) -> tuple[str, int | None, str] | str:
    if ref.number:
        return _number_key(ref.number), ref.year, _key_text(ref.symbol or "")
    return _key_text(ref.text or ref.title or "")


def _relations(doc: Document) -> list[str]:
    """The relation of each of `doc.references`, in order."""
    default = data.relations().default
    found: dict[int, list[str]] = {i: [] for i in range(len(doc.references))}
    for segment in _segments(doc):
        mentions = sorted((span, i) for i, ref in enumerate(doc.references) for span in _mentions(segment.text, ref))
        previous: tuple[int, str] | None = None
        for (start, _end), i in mentions:
            if segment.legal_basis:
                relation = _basis_relation(segment.text, start)
            else:
                relation = _body_relation(segment.text, start, previous)
            found[i].append(relation)
            previous = (start, relation)
    # A reference the legal bases hold but whose words could not be found there: the basis's opener.
    for basis in doc.legal_bases:
        keys = {_ref_key(r) for r in basis.references}
        for i, ref in enumerate(doc.references):
            if not found[i] and _ref_key(ref) in keys:
                found[i].append(_basis_relation(_fold(basis.text), len(basis.text)))
    return [next((r for r in found[i] if r != default), default) for i in range(len(doc.references))]


def relation_of(text: str, citation: str, *, legal_basis: bool = False) -> str:
    """The relation told by the words before the first `citation` in `text` (dan_chieu if not found).

    >>> relation_of("Căn cứ Luật số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15",
    ...             "Luật số 87/2025/QH15", legal_basis=True)
    'can_cu'
    >>> relation_of("Bãi bỏ Quyết định số 58/2024/QĐ-UBND", "Quyết định số 58/2024/QĐ-UBND")
    'bai_bo'
    """
    folded = _fold(text)
    spans = _mentions(folded, Reference(text=citation))
    if not spans:
        return data.relations().default
    if legal_basis:
        return _basis_relation(folded, spans[0][0])
    return _body_relation(folded, spans[0][0], None)


# --- resolution ---------------------------------------------------------------------------------------

def _number_key(number: str) -> str:
    key = _key_text(number)
    return key.lstrip("0") or "0" if key.isdigit() else key


def _year(year: int | None, date: str | None) -> int | None:
    if year is not None:
        return year
    return int(date[:4]) if date else None


def _dates_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


@functools.cache
def _abbreviations() -> dict[str, str]:
    return {_fold(k): _fold(v) for k, v in data.relations().abbreviations.items()}


def _issuer_words(*names: str | None) -> set[str]:
    words: set[str] = set()
    for name in names:
        for word in _fold(name or "").replace(",", " ").split():
            words.update(_abbreviations().get(word, word).split())
    return words


@dataclass(frozen=True, slots=True)
class _Target:
    id: str
    number: str
    symbol: str
    year: int | None
    date: str | None
    issuer_words: frozenset[str]

    def matches(self, ref: Reference) -> bool:
        if not ref.number or not ref.symbol:
            return False
        if (_number_key(ref.number), _key_text(ref.symbol)) != (self.number, self.symbol):
            return False
        ref_year = _year(ref.year, ref.date)
        return ref_year is None or self.year is None or ref_year == self.year

    def issuer_score(self, ref: Reference) -> float:
        words = _issuer_words(ref.issuer)
        return len(words & self.issuer_words) / len(words) if words else 0.0


def _target(doc_id: str, doc: Document) -> _Target | None:
    h = doc.header
    if not h.number or not h.symbol:
        return None
    return _Target(doc_id, _number_key(h.number), _key_text(h.symbol), _year(h.year, h.date), h.date,
                   frozenset(_issuer_words(h.issuer, h.parent_agency)))


def _resolve(ref: Reference, targets: dict[tuple[str, str], list[_Target]], source: str) -> list[_Target]:
    if not ref.number or not ref.symbol:
        return []
    found = [t for t in targets.get((_number_key(ref.number), _key_text(ref.symbol)), [])
             if t.id != source and t.matches(ref) and _dates_agree(ref.date, t.date)]
    if len(found) > 1 and ref.issuer:
        best = max(t.issuer_score(ref) for t in found)
        if best > 0:
            found = [t for t in found if t.issuer_score(ref) == best]
    if len(found) > 1 and ref.date:
        exact = [t for t in found if t.date == ref.date]
        found = exact or found
    return found


def _parts(doc: Document) -> Iterator[tuple[int | None, Document]]:
    """The document (None) and its attachments with their 1-based pre-order positions."""
    yield None, doc
    for position, _parent, _depth, part in iter_attachments(doc):
        yield position, part


def edges(results: Iterable[ResultLike]) -> list[Edge]:
    """One edge per reference of every parsed document of the run (attachments included), in run order."""
    docs: dict[str, Document] = {}
    for result in as_results(results):
        if result.ok and result.document is not None:
            docs.setdefault(document_id(result), result.document)
    targets: dict[tuple[str, str], list[_Target]] = {}
    for doc_id, doc in docs.items():
        if (target := _target(doc_id, doc)) is not None:
            targets.setdefault((target.number, target.symbol), []).append(target)
    out: list[Edge] = []
    for doc_id, doc in docs.items():
        own = _target(doc_id, doc)
        for attachment, part in _parts(doc):
            for ref, relation in zip(part.references, _relations(part), strict=True):
                if own is not None and own.matches(ref) and _dates_agree(ref.date, own.date):
                    continue  # the document itself ("kèm theo Quyết định số ..." in its own attachment)
                found = _resolve(ref, targets, doc_id)
                out.append(Edge(
                    source=doc_id, target=found[0].id if found else None, relation=relation,
                    kind=ref.kind, number=ref.number, year=ref.year, symbol=ref.symbol, date=ref.date,
                    issuer=ref.issuer, title=ref.title, text=ref.text, source_attachment=attachment,
                    candidates=len(found),
                ))
    return out


def edges_frame(results: Iterable[ResultLike]) -> pd.DataFrame:
    """The edges as a DataFrame: the `edges` table of `vbhc.to_tables` (needs pandas)."""
    return frame([e.as_dict() for e in edges(results)], EDGE_COLUMNS)
