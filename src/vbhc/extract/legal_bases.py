"""Legal bases (căn cứ ban hành) of the preamble, and the openings of a công văn that cite a text.

    Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
    Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;
    Theo đề nghị của Chánh Văn phòng.

    Thực hiện Thông báo số 241/TB-VPCP ngày 12/9/2021 của Văn phòng Chính phủ ... (gửi kèm theo).
    Chủ tịch UBND tỉnh yêu cầu ...

Bases are the paragraphs at the start of the body that open with a starter ("Căn cứ", "Thực hiện",
"Theo đề nghị", "Xét", ...): the chain ends at the first other paragraph after one, or at the first item;
up to two narrative paragraphs may come before it ("Hiện nay, ..."). One paragraph is one basis, even
with ";" inside. When an opening goes on into the main clause, the basis stops there: at the end of
the first sentence, or at the comma (or semicolon) before "<agency> yêu cầu / đề nghị / đã lập ...".
"""

from __future__ import annotations

import functools

import regex as re

from vbhc import data
from vbhc.extract.references import find_mentions, merge
from vbhc.models import LegalBasis
from vbhc.paragraphs import Para
from vbhc.patterns import alternation, label_of, rx, starts_with, type_names

_SENTENCE_END = re.compile(r"(?<=[\p{Ll}\d)”\"])\.\s+(?=\p{Lu})")


@functools.cache
def _main_clause() -> re.Pattern[str]:
    verbs = alternation(data.markers().main_clause_verbs)
    # not before another cited document: "...; Chỉ thị số 007/CT-UBND ... về việc tổ chức ..."
    return re.compile(rf"[,;]\s+(?!(?:{type_names()})\s)(?=\p{{Lu}}[^,;()]{{0,80}}?\s{verbs}(?![\p{{L}}]))")


def basis_indices(body: list[Para]) -> list[int]:
    """Indices of the body paragraphs that are legal bases."""
    starters = data.markers().legal_basis_starters
    found: list[int] = []
    for i, p in enumerate(body):
        is_basis = starts_with(p.text, starters) and not p.table and not p.upper  # not "THỰC HIỆN LỘ TRÌNH ..."
        if is_basis:
            found.append(i)
            continue
        if found or (label_of(p.text) and p.text[:1] not in "-–") or i >= 2:
            break
    return found


def extract_legal_bases(body: list[Para]) -> tuple[LegalBasis, ...]:
    """The bases in document order; () when the document cites none up front."""
    return tuple(_basis(body[i].text) for i in basis_indices(body))


def _basis(paragraph: str) -> LegalBasis:
    bullet = rx(r"^\s*[-–•]\s*").match(paragraph)
    text = paragraph[bullet.end():] if bullet else paragraph
    end = _SENTENCE_END.search(text)
    if end:
        text = text[:end.start()]
    clause = _main_clause().search(text)
    if clause and not starts_with(text, ("Căn cứ", "Xét")):
        text = text[:clause.start()]
    stop = (bullet.end() if bullet else 0) + len(text)  # where the basis ends in the paragraph
    text = text.strip().rstrip(" ;,.").removesuffix("./").strip()
    # The documents cited in the basis: the paragraph's (found once for the document's references) that
    # start before its end; their readings give way to the document's merged ones (pipeline).
    return LegalBasis(text=text, references=tuple(merge(ref for start, ref in find_mentions(paragraph)
                                                        if start < stop)))
