"""Limits on what one input may cost to read: `Limits`, passed as ``vbhc.parse(path, limits=...)``.

    >>> import vbhc
    >>> vbhc.Limits().max_pdf_pages
    500
    >>> small = vbhc.Limits(max_bytes=5 * 1024 * 1024, max_pdf_pages=50)

An input over a limit raises `vbhc.TooLargeError` (code "too-large") before the costly step: the file size
is checked before reading, PDF pages are counted before the text is extracted, and the sizes a .docx
(a ZIP) declares for its members are checked before anything is inflated (while inflating, the bytes
actually produced are counted too). Text limits apply to the text a reader produced, whatever the format.
The time per file is a batch setting: `vbhc.parse_many(..., timeout=60)`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

__all__ = ["DEFAULT_LIMITS", "Limits"]

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """What one input may cost; every field a positive number."""

    max_bytes: int = 100 * MB
    """Size of the input file (bytes)."""
    max_pdf_pages: int = 500
    """Pages of a PDF."""
    max_docx_inflated: int = 200 * MB
    """Sum of the inflated (uncompressed) sizes of a .docx's members (bytes)."""
    max_docx_ratio: float = 200.0
    """Inflated size / compressed size of one .docx member; checked for members over `ratio_floor` bytes."""
    ratio_floor: int = 1 * MB
    """Members inflating to less than this are not held to `max_docx_ratio` (small XML compresses well)."""
    max_text_lines: int = 200_000
    """Lines of the extracted text."""
    max_line_length: int = 100_000
    """Characters of one line of the extracted text (a longer line is refused, not cut)."""

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
                raise ValueError(f"Limits.{f.name} must be a number > 0, not {value!r}")


DEFAULT_LIMITS = Limits()
"""The limits used when none are given."""
