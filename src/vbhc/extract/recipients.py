"""Nơi nhận (recipients, ô 9b) and the Lưu line (archive).

    Nơi nhận:
    - Như trên;
    - TT: Tỉnh ủy, HĐND tỉnh; (b/c)
    - Cổng thông tin điện tử huyện (đăng tải);
    - Lưu: VT, VX1.

Items run from the label to the Lưu line. The bracketed purpose at an item's end is its note, also
after the ";" and also when it was split over lines ("(để" / "b/c)"). The Lưu line is split on commas;
what follows its final period (drafter initials "nvv", a stray "TH") is not archive.
"""

from __future__ import annotations

import functools

import regex as re

from vbhc import data
from vbhc.extract.addressees import clean_item
from vbhc.extract.signer import is_name
from vbhc.models import Recipient
from vbhc.paragraphs import Para
from vbhc.patterns import alternation, starts_with
from vbhc.segment import GLUED_ITEMS, is_archive, is_archive_line, is_authority, is_recipients_label

_NOTE = re.compile(r"^(?P<name>.*?)[\s;,.]*\((?P<note>[^()]{1,80})\)[\s;,.]*$")
_ITEM = "-–—~•+"


def extract_recipients(foot: list[Para]) -> tuple[tuple[Recipient, ...], tuple[str, ...]]:
    """(recipients, archive) of the foot; both empty when there is no Nơi nhận."""
    # a web conversion may run the whole list on one line: "- Thủ tướng, ...; - Các bộ, ...; - HĐND, ..."
    items = [piece for text in _items(foot) for piece in (GLUED_ITEMS.split(text) if "; " in text else (text,))]
    recipients: list[Recipient] = []
    archive: tuple[str, ...] = ()
    for text in items:
        if is_archive_line(text):
            archive = split_archive(text)
            break
        recipients.append(_recipient(text))
    return tuple(recipients), archive


def _items(foot: list[Para]) -> list[str]:
    label = next((i for i, p in enumerate(foot) if is_recipients_label(p)), None)
    start = (label + 1) if label is not None else 0
    items: list[str] = []
    if label is not None:
        after = _label().sub("", foot[label].key)
        after = foot[label].text[len(foot[label].text) - len(after):]
        if after and after[0] in _ITEM:
            items.append(after)
    collected = _run(foot, start)
    if not collected and label is not None:
        # OCR puts "Nơi nhận:" after its items (pjj_5634): take the run that ends at the label
        begin = label
        while begin > 0 and (foot[begin - 1].text[:1] in _ITEM or is_archive(foot[begin - 1])):
            begin -= 1
        collected = _run(foot[:label], begin)
    if label is None and not collected:
        first = next((i for i, p in enumerate(foot) if p.text[:1] in _ITEM or is_archive(p)), None)
        collected = _run(foot, first) if first is not None else []
    return items + collected


def _run(foot: list[Para], start: int) -> list[str]:
    out: list[str] = []
    skipped = 0
    for i in range(start, len(foot)):
        p = foot[i]
        text = p.text.strip()
        if text[:1] in _ITEM or is_archive(p):
            out.append(text)
            skipped = 0
            if is_archive(p):
                if not _archive_label().sub("", text) and i + 1 < len(foot) and _archive_goes_on(foot[i + 1]):
                    out[-1] += " " + foot[i + 1].text.strip()  # "- Lưu:" / "VT, VP (38b)." wrapped in its cell
                break
        elif out and (not p.upper or out[-1].endswith((":", ","))) and not is_name(text) \
                and not out[-1].endswith((";", ".")) and not is_authority(p):
            out[-1] += " " + text  # an item wrapped round a signature column
        elif (out[-1].endswith((";", ",")) if out else i == start) and i + 1 < len(foot) and \
                (foot[i + 1].text[:1] in _ITEM or is_archive(foot[i + 1])) and not p.upper and not is_authority(p) \
                and not is_recipients_label(p) and text.endswith((";", ",")):
            # an item lost its dash to a line of its own, which reads as a rule ("-" / "Ban Bí thư ...;")
            out.append(text)
        elif is_authority(p) or p.upper or is_name(text) or is_recipients_label(p):
            # the signer's column interleaved with the list (layout text): step over it while items follow
            skipped += 1
            if skipped > 4 or (out and not any(q.text[:1] in _ITEM or is_archive(q) for q in foot[i + 1:i + 5])):
                break
        else:
            break
    return out


def _archive_goes_on(p: Para) -> bool:
    """What follows an empty "Lưu:" is its content when it reads as one: units and a final period or a
    comma ("VT, VP (38b)."), not the signer's title."""
    text = p.text.strip()
    return not is_authority(p) and not is_recipients_label(p) and text[:1] not in _ITEM and \
        (text.endswith(".") or "," in text) and len(text) < 80


@functools.cache
def _label() -> re.Pattern[str]:
    return re.compile(rf"^\s*{alternation(data.markers().recipient_markers)}\s*:?\s*")


@functools.cache
def _archive_label() -> re.Pattern[str]:
    return re.compile(rf"^\s*[-–~•+]?\s*{alternation(data.markers().archive_markers)}\s*:?\s*")


def _recipient(text: str) -> Recipient:
    text = clean_item(text)
    m = _NOTE.match(text)
    if m and m.group("name").strip() and _is_purpose(m.group("note").strip()):
        return Recipient(name=clean_item(m.group("name")), note=m.group("note").strip())
    return Recipient(name=text)  # no bracket, or one that qualifies the name: it stays in it


def _is_purpose(note: str) -> bool:
    """A bracket that says what the copy is for ("để b/c", "t/h"), not one that qualifies the name."""
    return starts_with(note, data.markers().recipient_purposes) or "b/c" in note.casefold()


def split_archive(text: str) -> tuple[str, ...]:
    """ "Lưu: VT, CN (2). nvv" -> ("VT", "CN (2)")."""
    body = _archive_label().sub("", text)
    depth, end = 0, len(body)
    for i, ch in enumerate(body):
        depth += ch == "("
        depth -= ch == ")"
        if ch == "." and depth <= 0 and (i + 1 == len(body) or body[i + 1] == " "):
            end = i
            break
    parts, depth, current = [], 0, ""
    for ch in body[:end]:
        depth += ch == "("
        depth -= ch == ")"
        if ch in ",;" and depth <= 0:  # "Lưu: VT, ĐT&CTSV; QH06." (vju 473): a semicolon typed for a comma
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return tuple(p.strip(" ;,.") for p in parts if p.strip(" ;,."))
