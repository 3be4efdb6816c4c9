"""doc reader: not written yet."""

from __future__ import annotations

from vbhc.errors import UnsupportedFormatError
from vbhc.readers import Extracted


def extract_doc(raw: bytes, *, name: str) -> Extracted:
    """Text of a .doc file in the pipeline's conventions (see vbhc.readers)."""
    raise UnsupportedFormatError(f"{name}: .doc is not supported yet")
