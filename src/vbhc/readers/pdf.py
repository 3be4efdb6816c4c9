"""pdf reader: not written yet."""

from __future__ import annotations

from vbhc.errors import UnsupportedFormatError
from vbhc.readers import Extracted


def extract_pdf(raw: bytes, *, name: str) -> Extracted:
    """Text of a .pdf file in the pipeline's conventions (see vbhc.readers)."""
    raise UnsupportedFormatError(f"{name}: .pdf is not supported yet")
