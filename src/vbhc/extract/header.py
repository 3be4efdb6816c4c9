"""Header (phần đầu, ô 1-4 of Nghị định 30/2020): quốc hiệu, tiêu ngữ, agencies, số, địa danh, date.

    ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    TỈNH LAI CHÂU                        Độc lập - Tự do - Hạnh phúc
    Số: 628 /UBND-VX                     Lai Châu, ngày 29 tháng 3 năm 2020

Each line is recognised by what it says, not where it stands, so the two columns may come in either
order or interleaved. Agency lines that open with an agency word ("UBND", "SỞ", "BỘ", "BAN", ...) begin a
new level; the others continue the line above ("TỈNH LAI CHÂU"). The last level is the issuer, the
levels above it the parent agency. A blank number ("Số: /UBND-VX", a draft) gives number None with the
symbol kept; "Số 172-TB/TW" (Party, no colon) and "Luật số: 31/2024/QH15" are read alike.
"""

from __future__ import annotations

import regex as re

from vbhc import data
from vbhc.dates import parse_date
from vbhc.models import Header
from vbhc.paragraphs import Para
from vbhc.patterns import (
    NUMBER,
    SYMBOL,
    agency_head_keys,
    is_upper,
    match_place_date,
    national_name,
    number_line,
    parse_identifier,
    rx,
    starts_with,
)
from vbhc.segment import is_title
from vbhc.tones import fold_tones

_NUMBER_HEAD = re.compile(rf"^(?P<ident>[^\s/]*\s*/\s*(?:(?:19|20)\d{{2}}\s*/\s*)?{SYMBOL}|\d+\s*-\s*{SYMBOL})")
_TRAILING_RULE = re.compile(r"\s*[-_=]{3,}\s*$")


def _without_rule(text: str) -> str:
    # the end-anchored pattern would be tried at every position: only a text ending in a rule's marks needs it
    end = text.rstrip()[-3:]
    return _TRAILING_RULE.sub("", text).strip() if len(end) == 3 and not end.strip("-_=") else text.strip()


def extract_header(paras: list[Para]) -> Header:
    """Read the header paragraphs; fields the header does not carry stay None."""
    fields: dict[str, object] = {}
    agencies: list[str] = []
    texts = [_without_rule(p.text) for p in paras]
    texts, national = _take_national(texts)
    if national:
        fields["national_name"] = national
    uppers = [p.upper or is_upper(t) for p, t in zip(paras, texts, strict=True)]
    for i, (p, text) in enumerate(zip(paras, texts, strict=True)):
        if not text or is_title(p):
            continue
        if "motto" not in fields and starts_with(text, data.markers().motto_words[:1]):
            last = data.markers().motto_words[-1]
            if not starts_with(text.split("-")[-1], (last,)) and i + 1 < len(texts) and \
                    starts_with(texts[i + 1], (last,)):
                text, texts[i + 1] = f"{text} {texts[i + 1]}", ""  # "Độc lập - Tự do -" / "Hạnh phúc"
            fields["motto"] = text
            continue
        if "number_text" not in fields and _read_number(text, fields):
            continue
        if "date_text" not in fields and match_place_date(text):
            _read_place_date(text, fields)
            continue
        if starts_with(text, data.markers().header_marks) and len(text) < 30:
            fields["marks"] = (*fields.get("marks", ()), text)  # type: ignore[misc]
            continue
        if uppers[i] and not starts_with(text, data.markers().subject_markers):
            agencies.append(text)
    parent, issuer = _agency_levels(agencies)
    return Header.model_validate({"parent_agency": parent, "issuer": issuer, **fields})


def _take_national(texts: list[str]) -> tuple[list[str], str | None]:
    """Find the quốc hiệu across header lines, however the conversion wrapped it ("CỘNG HÒA XÃ" / "HỘI CHỦ
    NGHĨA VIỆT NAM") or merged it with the agency ("BỘ TÀI CHÍNH CỘNG HÒA ..."); return the lines with it
    cut out, and its text."""
    joined = "\n".join(texts)
    m = national_name().search(joined)
    if m is None:
        return texts, None
    national = " ".join(joined[m.start():m.end()].split())
    # the cut lines stay as empty lines, so that the result lines up with the paragraphs
    rest = joined[:m.start()] + "\n" * joined.count("\n", m.start(), m.end()) + joined[m.end():]
    return [t.strip() for t in rest.split("\n")], national


def _read_number(text: str, fields: dict[str, object]) -> bool:
    m = number_line().match(text)
    if not m:
        return False
    rest = m.group("ident")
    head = _NUMBER_HEAD.match(rest)
    if head is None and "/" not in rest and "-" not in rest:
        return False
    ident = head.group("ident") if head else rest
    number, year, symbol = parse_identifier(ident)
    if symbol is None and "/" in ident:
        head_part, _, tail = ident.partition("/")
        _, year, symbol = parse_identifier("/" + tail)
        number = head_part.strip() or None
    if number is not None and not rx(NUMBER).fullmatch(number):
        number = None  # OCR noise in place of the digits ("J§Ê34"): not guessed
    fields.update(number_text=text, number=number, year=year, symbol=symbol)
    leftover = rest[head.end():].strip() if head else ""
    if leftover and "date_text" not in fields and match_place_date(leftover):
        _read_place_date(leftover, fields)
    return True


def _read_place_date(text: str, fields: dict[str, object]) -> None:
    m = match_place_date(text)
    assert m is not None
    fields["date_text"] = text
    fields["place"] = (m.group("place") or m.group("bare")).strip()
    fields["date"] = parse_date(m.group("date"))


def _head_alone(level: list[str]) -> bool:
    if len(level) > 1 or len(level[0]) > 30:
        return False  # an agency word alone is one short line
    return fold_tones(" ".join(level[0].split())).upper() in agency_head_keys()


def _agency_levels(lines: list[str]) -> tuple[str | None, str | None]:
    levels: list[list[str]] = []
    heads = data.agency_heads()
    for line in lines[:12]:  # an agency name has a few lines; the cap keeps the joins below cheap
        # "ỦY" / "BAN NHÂN DÂN ...": a line that completes an agency word begun above continues it
        # and so does any line under an agency word standing alone ("VĂN PHÒNG" / "CHÍNH PHỦ")
        completes = bool(levels) and ((starts_with(" ".join([*levels[-1], line]), heads) and not starts_with(
            " ".join(levels[-1]), heads)) or _head_alone(levels[-1]))
        if not levels or (starts_with(line, heads) and not completes):
            levels.append([line])
        else:
            levels[-1].append(line)
    if not levels:
        return None, None
    joined = [" ".join(level) for level in levels]
    return (" ".join(joined[:-1]) or None), joined[-1]
