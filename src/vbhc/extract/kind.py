"""Kind (tên loại văn bản): from the title line, else a "V/v" line (công văn), else the ký hiệu.

    QUYẾT ĐỊNH          -> quyet_dinh      PHỤ LỤC I / DANH SÁCH ... -> van_ban (an appended list)
    V/v thực hiện ...   -> cong_van        Số 172-TB/TW (no title)   -> thong_bao
"""

from __future__ import annotations

from vbhc import data
from vbhc.models import Header
from vbhc.patterns import rx, starts_with, title_kind
from vbhc.segment import Segmented, is_attachment_title


def extract_kind(seg: Segmented, header: Header) -> str | None:
    """The kind code, or None when nothing tells it."""
    if seg.title is not None:
        if is_attachment_title(seg.title):
            return "van_ban"
        return title_kind(seg.title.text)
    if any(starts_with(p.text, data.markers().subject_markers) for p in seg.header):
        return "cong_van"
    if header.symbol:
        kind = data.kind_for_abbr(rx(r"[-/]").split(header.symbol)[0])
        if kind:
            return kind
    if seg.addressees:
        return "cong_van"
    return None
