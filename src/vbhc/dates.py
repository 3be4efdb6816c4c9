"""Vietnamese dates to ISO 8601, reduced precision where a draft leaves parts blank.

    ngày 29 tháng 3 năm 2020   -> 2020-03-29
    ngày   tháng 9 năm 2021     -> 2021-09
    ngày 12/9/2021, 01-10-1997 -> 2021-09-12, 1997-10-01
    ngày 22.3.20                -> 2020-03-22
"""

from __future__ import annotations

import datetime

import regex as re

from vbhc.caches import text_cache

# Long form: each part may be blank ("ngày   tháng 9 năm 2021") or dotted ("ngày 22. tháng 3. năm 2020").
_LONG = re.compile(
    r"(?:(?:ng[àa]y\s*)?(?P<d>\d{1,2})?[\s.…_]*)?"
    r"th[áa]ng\s*(?P<m>\d{1,2})?[\s.…_]*n[ăa]m\s*(?P<y>\d{4})", re.IGNORECASE)
_SHORT = re.compile(r"(?<!\d)(?P<d>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4}|\d{2})(?!\d)")
_YEAR_ONLY = re.compile(r"n[ăa]m\s*(?P<y>(?:19|20)\d{2})", re.IGNORECASE)

DATE = r"(?:\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*(?:\d{4}|\d{2})(?!\d)|\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4})"
"""A complete date in running text, for use inside larger patterns."""


def iso_date(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    """ISO 8601 of reduced precision; None when the parts do not make a real date.

    >>> iso_date(2021, 9), iso_date(2020, 3, 29), iso_date(2020, 2, 30)
    ('2021-09', '2020-03-29', None)
    """
    if year is None or not 1900 <= year <= 2100:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


@text_cache(maxsize=4096)  # "ngày 19 tháng 6 năm 2015" recurs within and across documents
def parse_date(text: str) -> str | None:
    """The first date written in `text`, as ISO 8601 (partial when the day or month is blank)."""
    m = _LONG.search(text)
    short = _SHORT.search(text)
    if short and (not m or short.start() < m.start()):
        year = int(short.group("y"))
        year += 2000 if year < 100 else 0
        return iso_date(year, int(short.group("m")), int(short.group("d")))
    if m:
        month = int(m.group("m")) if m.group("m") else None
        day = int(m.group("d")) if m.group("d") and month else None
        return iso_date(int(m.group("y")), month, day)
    y = _YEAR_ONLY.search(text)
    return iso_date(int(y.group("y"))) if y else None
