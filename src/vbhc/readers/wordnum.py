"""Word automatic numbering: the labels a reader sees ("1.", "2.1.", "a)", "-") that are not in the text.

A numbered paragraph holds its list in ``w:pPr/w:numPr`` (``w:numId`` + ``w:ilvl``) or inherits it from its
paragraph style. ``numbering.xml`` maps the numId to an abstract definition whose levels give the format
(``decimal``, ``lowerLetter``, ``upperRoman``, ``bullet`` ...), the text pattern (``"%1."``, ``"%1.%2."``,
``"%2)"``, ``"Điều %1."``) and the start value. Counters run in document order, per abstract definition
(Word continues a list across numIds that share a definition unless one overrides the start), and a level
restarts when a level above it advances. Bullets become ``-`` (``+`` when the symbol is a plus, or for a
bullet level under another bullet level), the way Vietnamese documents write them in plain text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = W + "val"


def _val(parent: Any, path: str) -> str | None:
    el = parent.find(path) if parent is not None else None
    return None if el is None else el.get(_VAL)


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


@dataclass(slots=True)
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None
    """Restart after this (1-based) level advances; None = after any level above; 0 = never."""
    legal: bool = False
    style: str | None = None


@dataclass(slots=True)
class _Instance:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    """startOverride per level: applied the first time this numId reaches the level."""
    levels: dict[int, _Level] = field(default_factory=dict)
    """Whole-level overrides (w:lvlOverride/w:lvl)."""


def _level(lvl: Any) -> _Level:
    restart = _val(lvl, W + "lvlRestart")
    return _Level(
        fmt=_val(lvl, W + "numFmt") or "decimal",
        text=_val(lvl, W + "lvlText") or "",
        start=_int(_val(lvl, W + "start"), 1),
        restart=None if restart is None else _int(restart, 1),
        legal=lvl.find(W + "isLgl") is not None and _val(lvl, W + "isLgl") not in ("0", "false"),
        style=_val(lvl, W + "pStyle"),
    )


class Numbering:
    """Numbering definitions of one document and the running counters; `label(p)` in document order."""

    def __init__(self, numbering: Any | None, styles: Any | None) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._style_link: dict[str, str] = {}  # abstractNumId -> style holding the real list (numStyleLink)
        self._nums: dict[str, _Instance] = {}
        self._styles: dict[str, Any] = {}
        self._default_style: str | None = None
        self._counters: dict[str, dict[int, int]] = {}
        self._started: set[tuple[str, int]] = set()
        if styles is not None:
            for st in styles.iter(W + "style"):
                sid = st.get(W + "styleId")
                if sid:
                    self._styles[sid] = st
                if st.get(W + "type") == "paragraph" and st.get(W + "default") in ("1", "true", "on"):
                    self._default_style = sid
        if numbering is None:
            return
        for ab in numbering.iter(W + "abstractNum"):
            aid = ab.get(W + "abstractNumId")
            if aid is None:
                continue
            self._abstract[aid] = {_int(lvl.get(W + "ilvl"), 0): _level(lvl) for lvl in ab.iter(W + "lvl")}
            link = _val(ab, W + "numStyleLink")
            if link:
                self._style_link[aid] = link
        for num in numbering.iter(W + "num"):
            nid, aid = num.get(W + "numId"), _val(num, W + "abstractNumId")
            if nid is None or aid is None:
                continue
            inst = _Instance(abstract=aid)
            for ov in num.iter(W + "lvlOverride"):
                ilvl = _int(ov.get(W + "ilvl"), 0)
                start = _val(ov, W + "startOverride")
                if start is not None:
                    inst.starts[ilvl] = _int(start, 1)
                lvl = ov.find(W + "lvl")
                if lvl is not None:
                    inst.levels[ilvl] = _level(lvl)
            self._nums[nid] = inst

    def _style_numpr(self, style_id: str | None) -> tuple[str | None, int | None]:
        """numId and ilvl a paragraph style (or a style it is based on) gives."""
        num_id: str | None = None
        ilvl: int | None = None
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self._styles:
            seen.add(style_id)
            st = self._styles[style_id]
            numpr = st.find(f"{W}pPr/{W}numPr")
            if numpr is not None:
                num_id = num_id if num_id is not None else _val(numpr, W + "numId")
                if ilvl is None and _val(numpr, W + "ilvl") is not None:
                    ilvl = _int(_val(numpr, W + "ilvl"), 0)
            style_id = _val(st, W + "basedOn")
        return num_id, ilvl

    def _resolve(self, num_id: str, depth: int = 0) -> tuple[str, dict[int, _Level]] | None:
        inst = self._nums.get(num_id)
        if inst is None:
            return None
        aid = inst.abstract
        levels = self._abstract.get(aid)
        if aid in self._style_link and depth < 3:
            linked, _ = self._style_numpr(self._style_link[aid])
            if linked is not None and linked != num_id and (res := self._resolve(linked, depth + 1)):
                aid, levels = res
        if levels is None:
            return None
        return aid, {**levels, **inst.levels} if inst.levels else levels

    def label(self, p: Any) -> str | None:
        """The label Word shows before paragraph `p` (advancing the counters), or None."""
        ppr = p.find(W + "pPr")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        style = _val(ppr, W + "pStyle") if ppr is not None else None
        style = style or self._default_style
        num_id = _val(numpr, W + "numId") if numpr is not None else None
        ilvl_s = _val(numpr, W + "ilvl") if numpr is not None else None
        s_num, s_ilvl = self._style_numpr(style) if num_id is None or ilvl_s is None else (None, None)
        num_id = num_id if num_id is not None else s_num
        if num_id is None or num_id == "0":
            return None
        res = self._resolve(num_id)
        if res is None:
            return None
        aid, levels = res
        if ilvl_s is not None:
            ilvl = _int(ilvl_s, 0)
        elif s_ilvl is not None:
            ilvl = s_ilvl
        else:
            ilvl = next((i for i, lv in levels.items() if style and lv.style == style), 0)
        level = levels.get(ilvl)
        if level is None:
            return None
        counters = self._counters.setdefault(aid, {})
        inst = self._nums[num_id]
        if ilvl in inst.starts and (num_id, ilvl) not in self._started:
            counters[ilvl] = inst.starts[ilvl]
            for deeper in [k for k in counters if k > ilvl]:
                del counters[deeper]
        elif ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = level.start
        self._started.add((num_id, ilvl))
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[deeper]
        return _render(levels, ilvl, counters)


def _render(levels: dict[int, _Level], ilvl: int, counters: dict[int, int]) -> str | None:
    level = levels[ilvl]
    if level.fmt == "none":
        return level.text.strip() or None if "%" not in level.text else None
    if level.fmt == "bullet":
        return _bullet(levels, ilvl)
    out: list[str] = []
    text = level.text
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "%" and i + 1 < len(text) and text[i + 1].isdigit():
            k = int(text[i + 1]) - 1
            lv = levels.get(k, level)
            value = counters.get(k, lv.start)
            fmt = "decimal" if level.legal and k != ilvl else lv.fmt
            out.append(format_number(value, fmt))
            i += 2
            continue
        out.append(ch)
        i += 1
    label = "".join(out).strip()
    return label or None


_PLUS = frozenset("+\uf02b")
_BULLET_FMTS = frozenset({"bullet"})


def _bullet(levels: dict[int, _Level], ilvl: int) -> str:
    text = levels[ilvl].text.strip()
    if text and text[0] in _PLUS:
        return "+"
    if any(levels[k].fmt in _BULLET_FMTS for k in range(ilvl) if k in levels):
        return "+"
    return "-"


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _roman(n: int) -> str:
    out = []
    for value, digits in _ROMAN:
        while n >= value:
            out.append(digits)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word: a..z, then aa..zz, aaa..: the letter repeated
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """`n` written in Word's number format `fmt` ("decimal", "lowerLetter", "upperRoman", ...)."""
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n) if n > 0 else str(n)
    if fmt == "upperRoman":
        return _roman(n).upper() if n > 0 else str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(n)
