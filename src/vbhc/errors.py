"""The exceptions vbhc raises: only for unreadable input and misuse, never for what a document lacks.

    VbhcError                  base class: catch this to handle every vbhc failure
    ├── ReadError              the file cannot be read or decoded (missing, a directory, bad bytes)
    └── UnsupportedFormatError the input is of a kind vbhc does not read (yet)

What a readable document lacks (no number, no signer, a date OCR spoiled) is reported as coded
`Issue`s on the `Document`, not raised.
"""

from __future__ import annotations


class VbhcError(Exception):
    """Base class of every error vbhc raises."""


class ReadError(VbhcError):
    """The input could not be read: missing, unreadable or undecodable."""


class UnsupportedFormatError(VbhcError):
    """The input's format is not one vbhc reads."""
