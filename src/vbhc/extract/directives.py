"""Directives: the numbered and bulleted items of the body, as a tree.

    1. Các cấp, các ngành ...                 Điều 1. Phạm vi điều chỉnh
       Đẩy mạnh công tác tuyên truyền ...       1. Quyết định này quy định ...
    2. Tăng cường chỉ đạo ...                     a) ...
       - Tiếp tục phát huy vai trò ...        Chương I / Mục 1 / Điều 1. / 1. / a) / - / +

Each item's kind has a rank (Phần > Chương > Mục > Điều > I. > 1. > 1.1. > a) > - > +): an item goes under
the nearest open item of a higher rank. A paragraph without a label continues the item above (joined
with a line break); paragraphs before the first item open the body and stay outside the tree, as do
the closing paragraphs after the last item ("Trên đây là ...", "... thực hiện./."), legal bases,
"QUYẾT ĐỊNH:" lines and table rows.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import regex as re

from vbhc import data
from vbhc.extract.legal_bases import basis_indices
from vbhc.models import Directive
from vbhc.paragraphs import Para
from vbhc.patterns import alternation, label_of, starts_with, written_type_names


@dataclass(slots=True)
class _Node:
    label: str
    rank: int
    texts: list[str]
    children: list[_Node] = field(default_factory=list)

    def freeze(self) -> Directive:
        return Directive(label=self.label, text="\n".join(t for t in self.texts if t),
                         children=tuple(c.freeze() for c in self.children))


def extract_directives(body: list[Para]) -> tuple[Directive, ...]:
    """The items of the body as a tree; () for a body without items."""
    skip = set(basis_indices(body))
    paras = [p for i, p in enumerate(body) if i not in skip and not p.table]
    last_label = max((i for i, p in enumerate(paras) if label_of(p.text)), default=None)
    if last_label is None:
        return ()
    end = _closing_start(paras, last_label)
    roots: list[_Node] = []
    stack: list[_Node] = []
    for p in paras[:end]:
        found = label_of(p.text)
        if found is None:
            if stack:
                stack[-1].texts.append(p.text.strip())
            continue
        label, _kind, rank = found
        node = _Node(label=label, rank=rank, texts=[p.text[len(label) + _lead(p.text):].strip()])
        while stack and stack[-1].rank >= rank:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return tuple(n.freeze() for n in roots)


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


@functools.cache
def _effect() -> re.Pattern[str]:
    """The effect formula: "Quyết định (này) có hiệu lực ..."."""
    effect = alternation([data.markers().effect_phrase])
    return re.compile(rf"^\s*(?:{written_type_names()})\s+(?:này\s+)?{effect}")


def _closing_start(paras: list[Para], last_label: int) -> int:
    """Index where the closing paragraphs after the last item begin."""
    end = len(paras)
    closing = data.markers().closing_starters
    found = label_of(paras[last_label].text)
    # An article's paragraphs are its content to the end ("Điều 5. Tổ chức thực hiện" / "Chánh Văn phòng
    # ... chịu trách nhiệm thi hành Quyết định này./."): only a closing formula's own words end it.
    article = found is not None and found[1] == "article"
    with_sentence = article and paras[last_label].text.rstrip().endswith(".")
    if found and not paras[last_label].text.strip()[len(found[0]):].strip():
        last_label += 1  # the label stands alone ("**3.**" / "Giao Sở ..."): its text comes next
    for i in range(len(paras) - 1, last_label, -1):
        text = paras[i].text
        if starts_with(text, closing) or (with_sentence and i == len(paras) - 1 and _effect().match(text)) or (
                not article and (i == len(paras) - 1 or text.rstrip().endswith(("./.", "/.", "./")))):
            end = i
        else:
            break
    return end
