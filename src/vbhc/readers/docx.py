"""docx reader: not written yet."""

from __future__ import annotations

from vbhc.errors import UnsupportedFormatError
from vbhc.readers import Extracted


def extract_docx(raw: bytes, *, name: str) -> Extracted:
    """Text of a .docx file in the pipeline's conventions (see vbhc.readers)."""
    raise UnsupportedFormatError(f"{name}: .docx is not supported yet")
