"""Plain text and Markdown files: UTF-8 with or without BOM, UTF-16 with BOM.

Undecodable bytes are an error naming the file and the byte offset, never silently dropped.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from vbhc.errors import ReadError, UnsupportedFormatError

SUFFIXES = (".txt", ".md", ".markdown", ".text")


def read_text_file(path: Path) -> str:
    """Read and decode a text file; ReadError when it is missing or not valid text."""
    if path.suffix.lower() not in SUFFIXES:
        raise UnsupportedFormatError(f"{path}: unsupported format {path.suffix or '(no suffix)'!r}; "
                                     f"this version reads {', '.join(SUFFIXES)}")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    return decode(raw, name=str(path))


def decode(raw: bytes, *, name: str = "<bytes>") -> str:
    """Decode text bytes by their BOM, else as UTF-8."""
    boms = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
    encoding = next((enc for bom, enc in boms if raw.startswith(bom)), "utf-8")
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReadError(f"{name}: not valid {encoding} text (byte {exc.start}: {exc.reason})") from exc
