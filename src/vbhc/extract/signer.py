"""Signer (ô 7a-7c): thẩm quyền ký, chức vụ, họ tên.

    TM. ỦY BAN NHÂN DÂN          T/M BỘ CHÍNH TRỊ          GIÁM ĐỐC
    KT. CHỦ TỊCH                                            (đã ký)
    PHÓ CHỦ TỊCH                                            Hoàng Chí Hiền
    Tổng Thanh Hải               Trần Quốc Vượng

Authority lines carry a prefix (TM., KT., TL., TUQ., Q.; Party T/M, K/T, T/L, T/UQ), outermost first.
A capitals line between two authority lines, after one ending with a comma, completing a title cut
inside its words, or standing before the position's title continues it ("TM. ỦY BAN NHÂN" / "DÂN"; "KT. BỘ
TRƯỞNG," / "CHỦ NHIỆM"; "TL. CỤC" / "TRƯỞNG"; "T/M ỦY" / "BAN NHÂN DÂN" / "CHỦ TỊCH"). The capitals
lines after the last authority are the position; the name is the first line after them that reads as a
person's name. Lines under the name ("PHÓ GIÁM ĐỐC" / "SỞ CÔNG THƯƠNG LÀO CAI") and handwritten notes are
not part of the block.
"""

from __future__ import annotations

import functools

import regex as re

from vbhc import data
from vbhc.models import Signer
from vbhc.paragraphs import Para, noise_mark
from vbhc.patterns import alternation, match_authority, rx
from vbhc.segment import is_archive, is_authority, is_national_name, is_recipients_label
from vbhc.tones import fold_tones

_NAME = re.compile(r"^(?:\p{Lu}[\p{Ll}]*\.?)(?:\s+\p{Lu}[\p{Ll}]*\.?){1,5}$")


def is_name(text: str) -> bool:
    """A person's name: two to six capitalised words ("Tổng Thanh Hải", "Nguyễn Thị Hồng Tuyến"), after a
    military rank or academic title where the armed forces and education allow one ("Đại tướng Lương Tam
    Quang", "PGS.TS. Nguyễn Hoàng Oanh")."""
    text = _rank().sub("", text.strip(), count=1)
    return len(text) <= 40 and bool(_NAME.match(text)) and not text.isupper()


@functools.cache
def _rank() -> re.Pattern[str]:
    return re.compile(rf"^{alternation(data.markers().name_prefixes)}\s*(?=\p{{Lu}})")


def _is_noise(p: Para) -> bool:
    return noise_mark(p.text) or not p.text.strip()


def extract_signer(foot: list[Para]) -> Signer:
    """The signature block of the foot; an empty Signer when there is none."""
    start = next((i for i, p in enumerate(foot) if is_authority(p)), None)
    authority: list[str] = []
    j = 0
    if start is not None:
        j = start
        while j < len(foot):
            p = foot[j]
            text = _authority_text(p)
            if is_authority(p):
                authority.append(text)
            elif authority and p.upper and _continues_authority(foot, j, authority[-1]):
                authority[-1] += " " + p.text.strip()
            else:
                break
            j += 1
    else:
        found = _position_start(foot)
        if found is None:
            # no title left by the conversion, only "(Đã ký) Lê Thành Long" (a web copy's last cell)
            return Signer(name=next((n for p in foot if (n := _marked_name(p.text))), None))
        j = found
    position: list[str] = []
    if authority and j < len(foot) and is_recipients_label(foot[j]) and (shared := _after_label(foot[j])):
        position.append(shared)  # "Nơi nhận:   THỨ TRƯỞNG": the label and the position share a line
        j += 1
    while j < len(foot) and (foot[j].upper or _is_noise(foot[j])) and not _ends_block(foot[j]):
        if foot[j].upper:
            position.append(foot[j].text.strip())
        j += 1
    while authority and len(position) > 1 and not _opens_position(position[0]) and \
            any(_opens_position(p) for p in position[1:]):
        # the last authority line wrapped in its cell: "T/M ỦY" / "BAN NHÂN DÂN" / "CHỦ TỊCH"
        authority[-1] += " " + position.pop(0)
    name = None
    for p in foot[j:j + 4]:
        if _is_noise(p) or p.text[:1] in "-–~•" or is_recipients_label(p):
            continue
        name = p.text.strip() if is_name(p.text) else _marked_name(p.text)
        break
    if name is None and (authority or position):
        name = _name_among_items(foot[j:])
    return Signer(authority=tuple(authority), position=" ".join(position) or None, name=name)


def _marked_name(text: str) -> str | None:
    """The name after a signature mark on its line ("(Đã ký) Lê Thành Long"), or None."""
    text = text.lstrip(" [")
    close = text.find(")")
    if close < 0 or not text.startswith("(") or not noise_mark(text[:close + 1]):
        return None
    name = text[close + 1:].strip()
    return name if is_name(name) else None


def _name_among_items(rest: list[Para]) -> str | None:
    """The name printed level with a line of a long recipients list in layout text (vju 14B/TT: the right
    column's name stands between "- Cục kiểm tra văn bản QPPL" and "- Kiểm toán Nhà nước"): the first name
    after recipient items only."""
    for p in rest:
        if is_name(p.text):
            return p.text.strip()
        if not (_is_noise(p) or p.text[:1] in "-–~•+" or is_recipients_label(p)):
            return None
    return None


def _after_label(p: Para) -> str | None:
    """The capitals that share a line with the recipients label, if any."""
    rest = p.text.partition(":")[2].strip()
    return rest if rest and rest.isupper() and len(rest) < 60 else None



def _authority_text(p: Para) -> str:
    text = p.text.strip().lstrip("-– ")
    # "Nơi nhận: KT. HIỆU TRƯỞNG" in PDF text shares a line with the recipients label
    return rx(r"^.*?:\s*(?=(?:TM|KT|TL|TUQ|Q|T/M|K/T|T/L)\b)").sub("", text)


def _continues_authority(foot: list[Para], j: int, last: str) -> bool:
    nxt = foot[j + 1] if j + 1 < len(foot) else None
    return last.endswith(",") or (nxt is not None and is_authority(nxt)) or _completes_title(last, foot[j].text)


def _completes_title(last: str, more: str) -> bool:
    """A title cut inside its words in a narrow cell: "TL. CỤC" / "TRƯỞNG", "KT. CHỦ" / "TỊCH" (what stands
    after the prefix begins a known position but is none, and the next line completes one)."""
    m = match_authority(last)
    if m is None:
        return False
    title, joined = _words(m.group("rest")), _words(f"{m.group('rest')} {more}")
    positions = _positions()
    return title not in positions and any(p.startswith(title + " ") and joined.startswith(p) for p in positions)


def _opens_position(line: str) -> bool:
    """The line begins with a known title ("CHỦ TỊCH", "PHÓ TRƯỞNG BAN", "GIÁM ĐỐC SỞ ...")."""
    words = _words(line)
    return any(words == p or words.startswith(p + " ") for p in _positions())


def _words(text: str) -> str:
    return " ".join(fold_tones(text).split())


@functools.cache
def _positions() -> frozenset[str]:
    return frozenset(_words(p) for p in data.positions())


def _ends_block(p: Para) -> bool:
    return is_authority(p) or is_recipients_label(p) or is_archive(p) or is_national_name(p)


def _position_start(foot: list[Para]) -> int | None:
    """Without a prefix: the first capitals line of the foot that a name follows."""
    for i, p in enumerate(foot):
        if not p.upper or _ends_block(p):
            continue
        k = i
        while k < len(foot) and (foot[k].upper or _is_noise(foot[k])) and not _ends_block(foot[k]):
            k += 1
        if k < len(foot) and is_name(foot[k].text):
            return i
    return None
