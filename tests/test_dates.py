"""Dates: Vietnamese date forms to ISO 8601, of reduced precision when a draft leaves parts blank.

    header (ô 4)      Lai Châu, ngày 29 tháng 3 năm 2020     -> 2020-03-29
                      Hà Nội, ngày 05 tháng 01 năm 2020      -> 2020-01-05 (day < 10, months 1-2 zero-padded)
    draft             ngày   tháng 9 năm 2021                -> 2021-09
    template          ngày …… tháng …… năm ……              -> None
    body              ngày 12/9/2021, 01-10-1997, 22.3.20    -> 2021-09-12, 1997-10-01, 2020-03-22

A date that cannot exist (30 February, month 13) is None rather than a guess (rules §3.4, §8.10).
"""

from __future__ import annotations

import pytest

from vbhc.dates import iso_date, parse_date


@pytest.mark.parametrize(("text", "expected"), [
    ("ngày 19 tháng 6 năm 2015", "2015-06-19"),
    ("ngày 05 tháng 01 năm 2020", "2020-01-05"),
    ("ngày 5 tháng 3 năm 2020", "2020-03-05"),
    ("ngày 05 tháng 03 năm 2020", "2020-03-05"),
    ("Hà Nội, ngày 03 tháng 4 năm 2018", "2018-04-03"),
    ("Ngày 28 tháng 10 năm 2025, Chủ tịch Ủy ban nhân dân Thành phố đã ban hành", "2025-10-28"),
    ("ngày 22. tháng 3. năm 2020", "2020-03-22"),
], ids=["long", "zero-padded", "unpadded", "wrong-zero", "after-place", "sentence-start", "dotted"])
def test_long_form(text: str, expected: str) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("ngày 12/9/2021", "2021-09-12"),
    ("ngày 05/3/2020", "2020-03-05"),
    ("05/03/2020", "2020-03-05"),
    ("01-10-1997", "1997-10-01"),
    ("5-3-2020", "2020-03-05"),
    ("ngày 22.3.20", "2020-03-22"),
    ("ngày 12 / 9 / 2021", "2021-09-12"),
    (", ngày 10/4/2025 của Ban Bí thư", "2025-04-10"),
], ids=["slash", "slash-padded-day", "slash-padded", "dash", "dash-unpadded", "dots-two-digit-year",
        "spaced-slashes", "party-comma"])
def test_short_form(text: str, expected: str) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("ngày   tháng 9 năm 2021", "2021-09"),
    ("ngày tháng 6 năm 2021", "2021-06"),
    ("ngày … tháng 9 năm 2021", "2021-09"),
    ("ngày ..... tháng 11 năm 2025", "2025-11"),
    ("ngày …… tháng …… năm 2024", "2024"),
    ("ngày    tháng    năm 2024", "2024"),
    ("ngày …… tháng …… năm ……", None),
    ("ngày ... tháng ... năm ...", None),
], ids=["blank-day", "blank-day-collapsed", "ellipsis-day", "dots-day", "blank-day-month", "spaces-day-month",
        "template", "template-dots"])
def test_blank_parts(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", [
    "ngày 30/02/2021",
    "ngày 29 tháng 02 năm 2021",
    "ngày 31 tháng 4 năm 2020",
    "ngày 12 tháng 13 năm 2020",
    "ngày 32/1/2020",
    "ngày 0/1/2020",
    "",
    "không có ngày tháng",
    "Số: 628/UBND-VX",
], ids=["30-february", "29-february-common-year", "31-april", "month-13", "day-32", "day-0", "empty", "no-date",
        "number-line"])
def test_no_real_date_is_none(text: str) -> None:
    assert parse_date(text) is None


def test_leap_day() -> None:
    assert parse_date("ngày 29 tháng 02 năm 2020") == "2020-02-29"
    assert parse_date("29/02/2020") == "2020-02-29"


def test_first_date_of_the_text_wins() -> None:
    assert parse_date("từ ngày 01/7/2025 đến ngày 31/12/2025") == "2025-07-01"
    assert parse_date("ngày 19 tháng 6 năm 2015, sửa đổi ngày 22/11/2019") == "2015-06-19"


@pytest.mark.parametrize(("parts", "expected"), [
    ((2020, 3, 29), "2020-03-29"),
    ((2020, 1, 5), "2020-01-05"),
    ((2021, 9), "2021-09"),
    ((2021, 9, None), "2021-09"),
    ((2024,), "2024"),
    ((2020, 2, 29), "2020-02-29"),
    ((2020, 2, 30), None),
    ((2021, 2, 29), None),
    ((2021, 13), None),
    ((2021, 0), None),
    ((None,), None),
], ids=["full", "padding", "year-month", "day-blank", "year", "leap-day", "30-february", "29-february-common",
        "month-13", "month-0", "no-year"])
def test_iso_date(parts: tuple[int | None, ...], expected: str | None) -> None:
    assert iso_date(*parts) == expected
