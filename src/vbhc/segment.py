"""Segmentation: which paragraphs are the header, the title and subject, the body, the foot.

The layout of Nghị định 30/2020 (Phụ lục I, the 14 "ô") in reading order::

    header      agency / quốc hiệu, tiêu ngữ / Số / địa danh, ngày / V/v ...   (ô 1-5b, any order)
    title       QUYẾT ĐỊNH, KẾ HOẠCH, ... and the trích yếu under it           (ô 5a)
    addressees  Kính gửi: ...                                                 (ô 9a)
    enacting    GIÁM ĐỐC SỞ CÔNG THƯƠNG TỈNH LÀO CAI                          (thẩm quyền ban hành)
    body        căn cứ, the items, the closing formula                       (ô 6)
    foot        Nơi nhận: ... - Lưu: VT, ...  |  KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / name (ô 9b, 7a-7c)
    tail        notes, then attached documents: PHỤ LỤC, a sent-along notice with its own header

The foot is found first (a "Nơi nhận" label, an item only a recipients list holds, or a signing
authority line), then the header from the top; what lies between is the body. Extractors look only
inside their part.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import regex as re

from vbhc import data
from vbhc.paragraphs import Para, ends_clause
from vbhc.patterns import (
    WHITE_SPACE,
    accent_variants,
    alternation,
    fold_accents,
    fold_head,
    label_of,
    match_authority,
    match_place_date,
    national_name,
    number_line,
    rx,
    search_national_name,
    starts_with,
    title_kind,
    title_rest,
    tone_head,
)
from vbhc.tones import fold_tones, tone_sensitive


@dataclass(slots=True)
class Segmented:
    """A document's paragraphs, grouped by the part they belong to."""

    header: list[Para] = field(default_factory=list)
    title: Para | None = None
    subject: list[Para] = field(default_factory=list)
    addressees: list[Para] = field(default_factory=list)
    enacting: Para | None = None
    body: list[Para] = field(default_factory=list)
    foot: list[Para] = field(default_factory=list)
    tail: list[list[Para]] = field(default_factory=list)
    """Attached documents, each as its paragraphs."""
    attached: bool = False
    """This is an attachment (Phụ lục ...) rather than a main document."""


@functools.cache
def _attachment_title() -> re.Pattern[str]:
    # Accent-blind: OCR writes "DANH SACH" for "DANH SÁCH" (pjj_GM).
    words = "|".join(re.escape(fold_accents(w)) for w in data.markers().attachment_titles)
    return re.compile(rf"^(?:{words})(?![A-Z])")


@functools.cache
def _attachment_initials() -> frozenset[str]:
    """Every letter, in any case and with any marks, that can begin an attachment title ("P", "ặ", ...)."""
    initials = {fold_accents(w)[0] for w in data.markers().attachment_titles}
    return frozenset(c for c in accent_variants() if fold_accents(c) in initials)


_APPENDIX = "PHU LUC"  # "PHỤ LỤC" folded: only a Phụ lục title stands in mixed case


def is_attachment_title(p: Para) -> bool:
    """"PHỤ LỤC I", "Phụ lục: DANH SÁCH ...", "DANH SÁCH CÁC ĐƠN VỊ ..."."""
    if p.text[:1] not in _attachment_initials():
        return False  # most paragraphs: no need to fold their head
    words = data.markers().attachment_titles
    folded = fold_head(p.text, max(map(len, words)) + 1)  # enough for the longest word and what follows
    if not _attachment_title().match(folded):
        return False
    return folded.startswith(_APPENDIX) or p.upper


def is_national_name(p: Para) -> bool:
    """The quốc hiệu line, or the first line of one the conversion wrapped ("CỘNG HÒA XÃ")."""
    if not p.upper:
        return False
    folded = " ".join(fold_accents(p.text).split())
    return any(folded.startswith(n) or (n.startswith(folded) and folded.count(" ") >= 1) for n in _nationals())


@functools.cache
def _nationals() -> tuple[str, ...]:
    return tuple(fold_accents(n) for n in data.markers().national_names)


def strip_preface(paras: list[Para]) -> tuple[list[Para], list[Para]]:
    """Split off what stands before the document's header on a web page (a news summary of it).

    Web copies (tvpl_*) open with "## <headline>", "Ngày 25/11/2025, Văn phòng Chính phủ đã ban hành ..."
    and "Xem thêm chi tiết tại ..." before the agency / quốc hiệu table. That text is only set aside when
    it holds prose and no part of a header (Số, địa danh and date, V/v), so that a header whose columns
    come left column first is never cut.
    """
    head = paras[:200]
    joined = "\n".join(p.text for p in head)
    m = search_national_name(joined)
    if m is None:
        return [], paras
    k = joined.count("\n", 0, m.start())
    start = k
    while start > 0 and k - start < 4 and paras[start - 1].upper and not is_authority(paras[start - 1]):
        start -= 1
    before = paras[:start]
    if not before or not any(len(p.text) >= 150 for p in before):
        return [], paras
    if any(_is_header_part(p) or is_recipients_label(p) or is_authority(p) for p in before):
        return [], paras
    return before, paras[start:]


def _is_header_part(p: Para) -> bool:
    m = number_line().match(p.text)
    return bool(m and "/" in m.group("ident")) or bool(match_place_date(p.text)) or starts_with(
        p.text, data.markers().subject_markers)


def is_title(p: Para) -> bool:
    """A type-name title line ("QUYẾT ĐỊNH", "BIÊN BẢN THẨM ĐỊNH HỒ SƠ"), not "QUYẾT ĐỊNH:"."""
    return p.upper and title_kind(p.text) is not None and not p.text.rstrip().endswith(":")


def is_recipients_label(p: Para) -> bool:
    return len(p.text) < 80 and starts_with(p.text, data.markers().recipient_markers)


def is_recipient_item(p: Para) -> bool:
    marks = data.markers()
    return starts_with(p.text, marks.recipient_openers) or is_archive(p)


_GLUED_BULLETS = "-–•+"
GLUED_ITEMS = re.compile(rf"(?<=;)\s+(?=[{_GLUED_BULLETS}]\s)")
"""Where a list run on one line by a web conversion splits into items: "...; - Các bộ, ...; - Lưu: VT."."""


def holds_archive(text: str) -> bool:
    """A list run on one line that ends with its Lưu line ("- Thủ tướng ...; - Lưu: VT, TCCV (02b).")."""
    if ";" not in text:
        return False
    # the last item only, found with substring tests: a split of the whole list costs more on every item
    at = max(text.rfind("; " + bullet) for bullet in _GLUED_BULLETS)
    return at != -1 and is_archive_line(text[at + 2:])


def is_archive(p: Para) -> bool:
    return is_archive_line(p.text)


def is_archive_line(text: str) -> bool:
    """The Lưu line ("- Lưu: VT, VX1.", Party "- Lưu Văn phòng Tỉnh ủy.", a sub-item "+ Lưu: VT.") given as
    text."""
    pattern, fold, initials = _archive()
    if initials and text.lstrip(_ARCHIVE_BULLETS)[:1] not in initials:
        return False  # tested on every paragraph: most fail on their first letter
    return bool(pattern.match(tone_head(text) if fold else text))


_ARCHIVE_BULLETS = WHITE_SPACE + "-–~•+"  # "+ Lưu: VT, TH." under "- Văn phòng UBND tỉnh:" (tvpl_471)


@functools.cache
def _archive() -> tuple[re.Pattern[str], bool, frozenset[str]]:
    """The Lưu line's pattern, whether it needs folded text, and the letters it can begin with (none
    when folding could change the first one)."""
    markers = data.markers().archive_markers
    pattern = re.compile(rf"^[-–~•+]?\s*{alternation(markers)}\s*(?::|\s+(?=\p{{Lu}}))")
    fold = tone_sensitive(markers)
    initials = frozenset() if fold else frozenset(c for m in markers for c in (m[0], m[0].upper(), m[0].lower()))
    return pattern, fold, initials


def is_authority(p: Para) -> bool:
    """A signing-authority line, also after a label it shares a line with ("Nơi nhận: KT. BỘ TRƯỞNG")."""
    text = p.text.lstrip("-– ")
    if match_authority(text):
        return True
    if ":" not in text:
        return False
    label, colon, rest = text.partition(":")
    return bool(colon) and len(label) < 20 and bool(match_authority(rest.strip()))


def segment(paras: list[Para], *, attached: bool = False) -> Segmented:
    """Group `paras` into the parts of a document."""
    seg = Segmented(attached=attached)
    foot_start = _foot_start(paras)
    # An attached document is split off at the top level only: the forms inside a Phụ lục (each with its
    # own quốc hiệu) belong to it.
    starts = [] if attached else _attachment_starts(paras, foot_start + 1)
    foot_end = starts[0] if starts else len(paras)
    seg.foot = paras[foot_start:foot_end]
    seg.tail = [paras[a:b] for a, b in zip(starts, [*starts[1:], len(paras)], strict=False)]
    _split_top(paras[:foot_start], seg)
    return seg


def _foot_start(paras: list[Para]) -> int:
    labelled = bool(paras) and label_of(paras[0].text) is not None  # kept as we go: the scan stays linear
    for i, p in enumerate(paras):
        if i == 0:
            continue
        ends_list = is_archive(p) or (p.text[:1] in "-–~•" and holds_archive(p.text))
        if is_recipients_label(p) or is_authority(p) or (
                p.text[:1] in "-–~•" and is_recipient_item(p)) or ends_list:
            items_follow = i + 1 < len(paras) and paras[i + 1].text[:1] in "-–~•"
            if ends_list or (is_recipients_label(p) and not items_follow):
                while i > 1 and paras[i - 1].text[:1] in "-–~•" and not paras[i - 1].upper:
                    i -= 1  # the items stand above their label or end at the Lưu line (pjj_5634)
            return i
        if is_national_name(p) and i > 5 and labelled:
            return i  # a second document begins and this one has no foot
        labelled = labelled or label_of(p.text) is not None
    return _bare_signature(paras)


def _bare_signature(paras: list[Para]) -> int:
    """No Nơi nhận and no TM./KT. line: the foot is the first "TITLE / Name" pair near the end.

    A biên bản ends with its signature blocks alone ("ĐẠI DIỆN CHI NHÁNH" / Bùi Thanh Phương, "TRƯỞNG ĐOÀN"
    / Trần Trọng Trang) after the closing "./.".
    """
    from vbhc.extract.signer import is_name  # the signer module knows what a name looks like

    noise = {n.casefold() for n in data.markers().signature_noise}
    floor = max(1, len(paras) - 24)
    for i in range(floor, len(paras) - 1):
        p = paras[i]
        if not (p.upper and paras[i - 1].text.rstrip().endswith((".", "./."))):
            continue
        # the block's caption lines ("ĐẠI DIỆN" / "CÔNG TY ..." / "GIÁM ĐỐC"), then the name, past a
        # "(Đã ký)" of a web or Công báo copy
        k = i
        while k < len(paras) and k - i < 6 and paras[k].upper and len(paras[k].text) < 60 and \
                not is_title(paras[k]) and not is_national_name(paras[k]) and not label_of(paras[k].text):
            k += 1
        nxt = next((q for q in paras[k:k + 2] if q.text.strip().casefold() not in noise), None)
        if k > i and nxt is not None and is_name(nxt.text):
            return i
    return len(paras)


def _attachment_starts(paras: list[Para], begin: int) -> list[int]:
    """Where attached documents begin after the foot; notes before the first one are not content."""
    starts: list[int] = []
    in_appendix = False
    for i in range(begin, len(paras)):
        p = paras[i]
        if not p.table and is_attachment_title(p) and not (starts and i - starts[-1] < 2) and (
                not in_appendix or fold_head(p.text, len(_APPENDIX)) == _APPENDIX):
            starts.append(i)  # inside a Phụ lục only the next Phụ lục starts a new one, not its lists
            in_appendix = True
        elif is_national_name(p) and not in_appendix and not (starts and i - starts[-1] < 4):
            # a sent-along document with its own header; inside a Phụ lục, a quốc hiệu heads a form
            # (Mẫu số 01, 02, ...) of that Phụ lục, not a document of its own
            starts.append(_back_over_agency(paras, i, starts, begin))
        elif not starts and is_title(p):
            starts.append(i)
    return sorted(set(starts))


def _back_over_agency(paras: list[Para], i: int, starts: list[int], begin: int) -> int:
    floor = starts[-1] + 1 if starts else begin
    j = i
    # Layout text gives the left column first: agency lines, then "Số ..." and "V/v ...", then the quốc hiệu.
    while j > floor and i - j < 6 and not is_authority(paras[j - 1]) and (
            (paras[j - 1].upper and len(paras[j - 1].text) <= 60 and not starts_with(paras[j - 1].text,
                                                                                 data.positions()))
            or _is_number_line(paras[j - 1]) or starts_with(paras[j - 1].text, data.markers().subject_markers)):
        j -= 1
    return j


def _is_number_line(p: Para) -> bool:
    m = number_line().match(p.text)
    return bool(m and "/" in m.group("ident"))


def _split_top(paras: list[Para], seg: Segmented) -> None:
    """Header, title, subject, addressees and enacting line, then the body."""
    i = 0
    # A header has a dozen lines at most; a cap keeps a pathological input (thousands of capital lines)
    # from making the header extractor's work grow with it.
    while i < min(len(paras), _MAX_HEADER) and _is_header(paras[i]):
        seg.header.append(paras[i])
        i += 1
    if i < len(paras) and (is_title(paras[i]) or (seg.attached and is_attachment_title(paras[i]))):
        seg.title = paras[i]
        i = _subject(paras, i + 1, seg)
    rest = paras[i:]
    k = next((j for j, p in enumerate(rest[:8]) if starts_with(p.text, data.markers().addressee_markers)), None)
    if k is not None:
        end = _addressees_end(rest, k)
        seg.addressees = rest[k:end]
        rest = rest[:k] + rest[end:]
    elif rest and seg.enacting is None and _is_telegram_formula(rest[0]):
        # a Công điện: "THỦ TƯỚNG CHÍNH PHỦ điện:" then its recipients as a dashed list (ND30 PL I, 1.6)
        end = 1
        while end < len(rest) and rest[end].text[:1] in "-–•+" and not label_of(rest[end].text[1:].strip()):
            end += 1
        seg.enacting, seg.addressees, rest = rest[0], rest[1:end], rest[end:]
    seg.body = [p for p in rest if not _is_enacting_formula(p)]


def _is_telegram_formula(p: Para) -> bool:
    """"<the head or the agency> điện:", the line that opens a Công điện's recipients."""
    text = p.text.rstrip()
    if not text.endswith(":") or len(text) > 120:
        return False
    words = text[:-1].split()
    return bool(words) and fold_tones(words[-1]).casefold() == data.markers().telegram_verb


_MAX_HEADER = 40


def _is_header(p: Para) -> bool:
    if is_title(p) or is_attachment_title(p) or label_of(p.text):
        return False
    if starts_with(p.text, data.markers().addressee_markers):
        return False
    if starts_with(p.text, data.markers().legal_basis_starters):
        return False
    if p.upper or starts_with(p.text, data.markers().subject_markers) or match_place_date(p.text):
        return True
    if national_name().search(p.text):
        return True  # "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc" glued in a web copy
    m = number_line().match(p.text)
    if (m and "/" in m.group("ident")) or starts_with(p.text, data.markers().motto_words[:1]):
        return True
    return len(p.text) < 60 and not p.text.rstrip().endswith((".", ":", ";"))


def _subject(paras: list[Para], i: int, seg: Segmented) -> int:
    """Take the trích yếu under the title: capitals, then at most one lower-case paragraph."""
    # "Phụ lục 2. Bảng khối lượng công việc ...": the title line holds a mixed-case trích yếu already
    mixed = seg.title is not None and not seg.title.upper and _title_carries_subject(seg)
    while i < len(paras):
        p = paras[i]
        if p.table or is_national_name(p) or (p.upper and any(is_national_name(q) for q in paras[i + 1:i + 3])):
            break  # a Phụ lục's table, or the header of a form (agency, quốc hiệu), begins under its title
        if label_of(p.text) or (not p.upper and starts_with(p.text, data.markers().legal_basis_starters)) or \
                starts_with(p.text, data.markers().addressee_markers) or _is_enacting_formula(p):
            break
        if p.upper:
            if is_attachment_title(p) and (seg.subject or not seg.attached or
                                           fold_head(p.text, len(_APPENDIX)) == _APPENDIX):
                break  # under "PHỤ LỤC 1", "BẢNG THAM CHIẾU ..." is the Phụ lục's title
            titled = starts_with(p.text, data.positions()) or starts_with(p.text, data.agency_heads())
            if mixed and not titled:
                break  # capitals under a mixed-case trích yếu that name no authority: a form's title, a heading
            if mixed or ((seg.subject or _title_carries_subject(seg)) and titled and _next_is_basis(paras, i)):
                seg.enacting = p
                i += 1
                break
            seg.subject.append(p)
        else:
            if mixed and p.text[:1].islower() and not seg.subject[-1].text.endswith((".", ";", ":")):
                seg.subject.append(p)  # a centred trích yếu wrapped in layout text
                i += 1
                continue
            if mixed or len(p.text) > 400 or match_place_date(p.text) or rx(r"^\(").match(p.text):
                break
            if seg.subject and ends_clause(p.text):
                break  # capitals, then a sentence: the text begins ("Hội nghị ... đã thống nhất ... như sau:")
            seg.subject.append(p)
            mixed = True
        i += 1
    return i


def _title_carries_subject(seg: Segmented) -> bool:
    """The title line holds the trích yếu too ("GIẤY PHÉP SỬ DỤNG VẬT LIỆU NỔ CÔNG NGHIỆP")."""
    if seg.title is None:
        return False
    rest = title_rest(seg.title.text)
    return bool(rest) and rest != seg.title.text


def _next_is_basis(paras: list[Para], i: int) -> bool:
    return i + 1 < len(paras) and starts_with(paras[i + 1].text, data.markers().legal_basis_starters)


def _is_enacting_formula(p: Para) -> bool:
    """"QUYẾT ĐỊNH:", "QUYẾT NGHỊ:": the line between the preamble and the articles."""
    return p.upper and p.text.rstrip().endswith(":") and starts_with(p.text, data.markers().enacting_words)


def _addressees_end(paras: list[Para], k: int) -> int:
    label = paras[k]
    end = k + 1
    bases = data.markers().legal_basis_starters
    while end < len(paras) and ((paras[end].text[:1] in "-–•+" and not label_of(paras[end].text[1:].strip())
                                 and not starts_with(paras[end].text, bases))  # "- Căn cứ ...": the preamble
                                or (paras[end].text.startswith("(") and len(paras[end].text) < 200)):
        end += 1  # an item, or a bracketed line under one: "(Theo Kế hoạch số 2242/KH-SCT ...)"
    if end == k + 1 and rx(r"^[^:]*:\s*$").match(label.text) and end < len(paras):
        nxt = paras[end]
        if len(nxt.text) <= 120 and not label_of(nxt.text) and \
                not starts_with(nxt.text, data.markers().legal_basis_starters):
            end += 1  # "Kính gửi:" with its one addressee on the next line
    return end

