"""Plain text and Markdown: UTF-8 with or without BOM, UTF-16 with BOM.

Undecodable bytes are an error naming the input and the byte offset, never silently dropped.
"""

from __future__ import annotations

import codecs

from vbhc.errors import ReadError


def decode(raw: bytes, *, name: str = "<bytes>") -> str:
    """Decode text bytes by their BOM, else as UTF-8."""
    boms = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
    encoding = next((enc for bom, enc in boms if raw.startswith(bom)), "utf-8")
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReadError(f"{name}: not valid {encoding} text (byte {exc.start}: {exc.reason})") from exc
