"""The exceptions vbhc raises: only for unreadable input and misuse, never for what a document lacks.

    VbhcError                  base class: catch this to handle every vbhc failure        code "internal"
    ├── ReadError              the file cannot be read or decoded (missing, a directory,   code "unreadable"
    │   │                      corrupt, undecodable bytes, XML with a DOCTYPE / entities)
    │   ├── EncryptedError     the document is password-protected (PDF, .docx, .doc)      code "encrypted"
    │   └── TooLargeError      the input exceeds a `vbhc.Limits` limit (bytes, PDF pages,  code "too-large"
    │                          inflated .docx size or ratio, text lines, line length)
    └── UnsupportedFormatError the input is of a kind vbhc does not read (yet)             code "unsupported"

Each class carries its `code`, a value of `vbhc.results.ErrorCode`: a batch run (`vbhc.parse_many`) turns
the exception into an error record with that code. `EncryptedError` and `TooLargeError` are `ReadError`s,
so code that catches `ReadError` keeps catching them.

What a readable document lacks (no number, no signer, a date OCR spoiled) is reported as coded
`Issue`s on the `Document`, not raised.
"""

from __future__ import annotations

from typing import ClassVar

__all__ = ["EncryptedError", "ReadError", "TooLargeError", "UnsupportedFormatError", "VbhcError"]


class VbhcError(Exception):
    """Base class of every error vbhc raises."""

    code: ClassVar[str] = "internal"
    """The `vbhc.results.ErrorCode` value a batch run records for this error."""


class ReadError(VbhcError):
    """The input could not be read: missing, unreadable, corrupt or undecodable."""

    code: ClassVar[str] = "unreadable"


class EncryptedError(ReadError):
    """The document is password-protected: vbhc does not take passwords."""

    code: ClassVar[str] = "encrypted"


class TooLargeError(ReadError):
    """The input exceeds a configured limit (`vbhc.Limits`); the message names the limit and the value."""

    code: ClassVar[str] = "too-large"


class UnsupportedFormatError(VbhcError):
    """The input's format is not one vbhc reads."""

    code: ClassVar[str] = "unsupported"
