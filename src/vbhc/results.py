"""The record of one input in a batch run: where it came from, whether it parsed, and the Document.

    Result(path="archive/2021/cv-628.pdf", sha256="9f2c...", ok=True, seconds=0.21, document=Document(...))
    Result(path="archive/broken.pdf", sha256="..." , ok=False, error=ErrorInfo(code="unreadable", ...))

A batch yields exactly one `Result` per input, failures included, so that its output accounts for every
file. Error codes are stable strings (see `ErrorCode`).
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from vbhc.models import Document


class ErrorCode(StrEnum):
    """Why an input gave no Document."""

    UNREADABLE = "unreadable"
    """The file could not be read or decoded (missing, truncated, corrupt, undecodable bytes)."""
    UNSUPPORTED = "unsupported"
    """The input is of a format vbhc does not read."""
    ENCRYPTED = "encrypted"
    """The document is password-protected."""
    TOO_LARGE = "too-large"
    """The input exceeds a configured limit (bytes, pages, decompressed size, lines)."""
    TIMEOUT = "timeout"
    """Parsing took longer than the per-file time limit; the worker was stopped."""
    CRASHED = "crashed"
    """The worker process died on this input (out of memory, a crash in a native library)."""
    INTERNAL = "internal"
    """An unexpected error inside vbhc: a bug, reported with its message so it can be fixed."""


class ErrorInfo(BaseModel):
    """What went wrong with one input."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    code: ErrorCode
    """Stable machine-readable code."""
    message: str
    """Human-readable explanation, naming the file."""


class Result(BaseModel):
    """Kết quả: one input of a batch run and what came of it."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    path: str
    """The input as given (a path, or a name for bytes)."""
    sha256: str | None = None
    """SHA-256 of the input's bytes (hex): the document id that joins the tables; None if unreadable."""
    ok: bool
    """True when a Document was produced."""
    error: ErrorInfo | None = None
    """Why no Document was produced (ok is False)."""
    seconds: float = 0.0
    """Wall time spent on this input."""
    document: Document | None = None
    """The parsed document (ok is True)."""
