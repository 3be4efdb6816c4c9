"""Readers: any supported input to text in the pipeline's conventions. The only code that touches files.

`read(source)` takes a path, `bytes` or a binary file object, tells the format by content (PDF magic,
a ZIP holding word/document.xml, OLE2 for legacy .doc, else text) and not only by suffix, and returns an
`Extracted`: the text plus what the reader found on the way (coded issues: no text layer, broken fonts).

The text a reader returns follows the conventions of the plain-text path, so that one pipeline serves
every format:

- paragraphs separated by a blank line; the lines of one paragraph (or of one table cell) by "\\n";
- the cells of a layout table (the borderless two-column header, the nơi nhận / signer row) one after
  the other, left cell first, each followed by a line holding only "|";
- a row of a data table on one line, cells between " | " with a leading "| " and a trailing " |", at
  least three cells (padded with empty ones): "| 1 | Công ty A | 23/3/2026 |";
- layout text (`pdftotext -layout`) as is: the two columns of header and foot are separated downstream.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from vbhc.errors import ReadError, UnsupportedFormatError
from vbhc.models import Issue

__all__ = ["Extracted", "detect_format", "read", "read_text_file"]

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")


@dataclass(frozen=True, slots=True)
class Extracted:
    """What a reader got out of one input."""

    text: str
    format: str
    """"text", "docx", "pdf" or "doc"."""
    issues: tuple[Issue, ...] = field(default=())
    """Coded findings of the reader (no text layer, fonts without a usable map, ...)."""


def detect_format(raw: bytes, name: str) -> str:
    """The input's format by its first bytes: "pdf", "docx", "doc" or "text"."""
    head = raw[:8]
    if head.startswith(b"%PDF-") or b"%PDF-" in raw[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if b"word/document.xml" in raw[:65536] or b"word/" in raw or name.lower().endswith(".docx"):
            return "docx"
        raise UnsupportedFormatError(f"{name}: a ZIP archive that is not a Word document (.docx)")
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    return "text"


def read(source: str | os.PathLike[str] | bytes | BinaryIO, *, name: str | None = None) -> Extracted:
    """Read `source` and turn it into text for the pipeline; ReadError / UnsupportedFormatError otherwise."""
    raw, label = _load(source, name)
    fmt = detect_format(raw, label)
    if fmt == "text":
        from vbhc.readers.text import decode

        return Extracted(text=decode(raw, name=label), format="text")
    if fmt == "docx":
        from vbhc.readers.docx import extract_docx

        return extract_docx(raw, name=label)
    if fmt == "pdf":
        from vbhc.readers.pdf import extract_pdf

        return extract_pdf(raw, name=label)
    from vbhc.readers.doc import extract_doc

    return extract_doc(raw, name=label)


def read_text_file(path: Path) -> str:
    """Text of a .txt / .md file (kept for callers of the text-only reader)."""
    from vbhc.readers.text import decode

    return decode(_load(path, None)[0], name=str(path))


def _load(source: str | os.PathLike[str] | bytes | BinaryIO, name: str | None) -> tuple[bytes, str]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), name or "<bytes>"
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        try:
            return path.read_bytes(), name or str(path)
        except IsADirectoryError as exc:
            raise ReadError(f"{path}: is a directory, not a document") from exc
        except OSError as exc:
            raise ReadError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if hasattr(source, "read"):
        try:
            data = source.read()
        except OSError as exc:
            raise ReadError(f"{name or getattr(source, 'name', '<stream>')}: cannot read: {exc}") from exc
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError("parse() takes a binary file object (open(path, 'rb')), not a text one")
        return bytes(data), name or str(getattr(source, "name", "<stream>"))
    raise TypeError(f"parse() takes a path, bytes or a binary file object, not {type(source).__name__}")
