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

Every reader works under `vbhc.limits.Limits` (`limits=`; the defaults when None): the input's size is
checked before it is read, each reader checks what costs it (PDF pages, a .docx's inflated size), and the
text any reader produced is held to the line limits here. Over a limit: `TooLargeError`. A password-protected
input (PDF, an OLE2 "EncryptedPackage" .docx, an encrypted .doc): `EncryptedError`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from vbhc.errors import EncryptedError, ReadError, TooLargeError, UnsupportedFormatError
from vbhc.limits import DEFAULT_LIMITS, Limits
from vbhc.models import Issue

__all__ = ["Extracted", "check_text", "detect_format", "read"]

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


def read(source: str | os.PathLike[str] | bytes | BinaryIO, *, name: str | None = None,
         limits: Limits | None = None) -> Extracted:
    """Read `source` and turn it into text for the pipeline.

    Raises `ReadError` (unreadable), `EncryptedError` (password-protected), `TooLargeError` (over `limits`)
    or `UnsupportedFormatError`.
    """
    limits = limits or DEFAULT_LIMITS
    raw, label = _load(source, name, limits.max_bytes)
    fmt = detect_format(raw, label)
    got: Extracted
    if fmt == "text":
        from vbhc.readers.text import decode_text

        got = decode_text(raw, name=label)
    elif fmt == "docx":
        from vbhc.readers.docx import extract_docx

        got = extract_docx(raw, name=label, limits=limits)
    elif fmt == "pdf":
        from vbhc.readers.pdf import extract_pdf

        got = extract_pdf(raw, name=label, limits=limits)
    else:
        if _ole_encrypted(raw):
            raise EncryptedError(f"{label}: the document is encrypted with a password (an OLE2 file holding an "
                                 "encrypted Office package or an encrypted Word document)")
        from vbhc.readers.doc import extract_doc

        got = extract_doc(raw, name=label, limits=limits)
    check_text(got.text, name=label, limits=limits)
    return got


def check_text(text: str, *, name: str, limits: Limits) -> None:
    """TooLargeError if `text` has more lines, or a longer line, than `limits` allow."""
    lines = text.count("\n") + 1
    if lines > limits.max_text_lines:
        raise TooLargeError(f"{name}: the text has {lines} lines, over the limit of {limits.max_text_lines} "
                            "(Limits.max_text_lines)")
    if len(text) <= limits.max_line_length:
        return
    longest = max(map(len, text.splitlines()), default=0)
    if longest > limits.max_line_length:
        raise TooLargeError(f"{name}: the text has a line of {longest} characters, over the limit of "
                            f"{limits.max_line_length} (Limits.max_line_length)")


# Names of OLE2 directory entries are UTF-16LE: an encrypted OOXML package (Agile / Standard encryption)
# holds "EncryptedPackage" and "EncryptionInfo".
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def _ole_encrypted(raw: bytes) -> bool:
    """An OLE2 file that is an encrypted .docx / .xlsx (Office's "EncryptedPackage") or a Word 97-2003
    document with its fEncrypted flag set."""
    if _ENCRYPTED_PACKAGE in raw:
        return True
    return _word97_encrypted(raw)


def _word97_encrypted(raw: bytes) -> bool:
    """The FIB of a Word 97-2003 document says it is encrypted (fEncrypted, bit 0x0100 of the flags at 0x0A).

    The WordDocument stream starts at a sector given by the OLE2 directory; its FIB opens with wIdent 0xA5EC.
    Finding it by its signature in sector-aligned positions is enough here (a false negative only means
    LibreOffice is asked and fails on the password, a ReadError)."""
    if not raw.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") or len(raw) < 1024:
        return False
    shift = int.from_bytes(raw[30:32], "little")
    size = 1 << shift if 7 <= shift <= 16 else 512
    for offset in range(size, min(len(raw), 64 * size), size):
        if raw[offset:offset + 2] == b"\xec\xa5" and len(raw) >= offset + 12:
            flags = int.from_bytes(raw[offset + 10:offset + 12], "little")
            return bool(flags & 0x0100)
    return False


def _too_large(label: str, size: int | str, limit: int) -> TooLargeError:
    return TooLargeError(f"{label}: the input is {size} bytes, over the limit of {limit} (Limits.max_bytes)")


def _load(source: str | os.PathLike[str] | bytes | BinaryIO, name: str | None, max_bytes: int) -> tuple[bytes, str]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        label = name or "<bytes>"
        if len(source) > max_bytes:
            raise _too_large(label, len(source), max_bytes)
        return bytes(source), label
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        label = name or str(path)
        try:
            if path.is_file() and (size := path.stat().st_size) > max_bytes:
                raise _too_large(label, size, max_bytes)
            with path.open("rb") as fh:  # read at most one byte more than allowed (a file that grows)
                data = fh.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise _too_large(label, f"over {max_bytes}", max_bytes)
            return data, label
        except IsADirectoryError as exc:
            raise ReadError(f"{path}: is a directory, not a document") from exc
        except OSError as exc:
            raise ReadError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if hasattr(source, "read"):
        label = name or str(getattr(source, "name", "<stream>"))
        try:
            data = source.read(max_bytes + 1)
        except OSError as exc:
            raise ReadError(f"{label}: cannot read: {exc}") from exc
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError("parse() takes a binary file object (open(path, 'rb')), not a text one")
        if len(data) > max_bytes:
            raise _too_large(label, f"over {max_bytes}", max_bytes)
        return bytes(data), label
    raise TypeError(f"parse() takes a path, bytes or a binary file object, not {type(source).__name__}")
