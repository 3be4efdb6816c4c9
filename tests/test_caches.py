"""Caches keyed by text: bounded, registered in one place, emptied together, invisible in results."""

from __future__ import annotations

import vbhc
from vbhc import caches
from vbhc.extract.references import find_mentions
from vbhc.patterns import _label, fold_accents
from vbhc.tones import fold_tones

TEXT = """ỦY BAN NHÂN DÂN TỈNH LAI CHÂU
Số: 628/UBND-VX
V/v triển khai Thông báo số 241/TB-VPCP
Kính gửi: Sở Y tế
Căn cứ Thông báo số 241/TB-VPCP ngày 12/9/2021 của Văn phòng Chính phủ;
1. Sở Y tế chủ trì, phối hợp với các cơ quan liên quan.
Nơi nhận:
- Như trên;
- Lưu: VT, VX1.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn A
"""


def _sizes() -> list[int]:
    return [f.cache_info().currsize for f in (fold_tones, fold_accents, find_mentions, _label)]  # type: ignore[attr-defined]


def test_a_parse_fills_the_text_caches_and_clear_empties_them() -> None:
    caches.clear()
    vbhc.parse_text(TEXT)
    assert all(size > 0 for size in _sizes())
    caches.clear()
    assert _sizes() == [0, 0, 0, 0]


def test_caches_are_bounded() -> None:
    assert all(f.cache_info().maxsize for f in (fold_tones, fold_accents, find_mentions, _label))  # type: ignore[attr-defined]


def test_results_do_not_depend_on_what_is_cached() -> None:
    caches.clear()
    cold = vbhc.parse_text(TEXT)
    warm = vbhc.parse_text(TEXT)
    assert cold == warm
    assert [r.symbol for r in cold.references] == ["TB-VPCP"]
    assert cold.legal_bases[0].references == cold.references
