"""vbhc: parse Vietnamese administrative documents (văn bản hành chính) into typed objects.

    >>> import vbhc
    >>> doc = vbhc.parse_text("ỦY BAN NHÂN DÂN\\nTỈNH LAI CHÂU\\n\\nSố: 628/UBND-VX\\n")
    >>> doc.header.number, doc.header.symbol
    ('628', 'UBND-VX')

The names below are loaded on first use (PEP 562), so that `import vbhc` stays cheap for command-line
tools and batch workers: pydantic, which the models need, costs about 100 ms to import.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vbhc.batch import parse_many
    from vbhc.errors import EncryptedError, ReadError, TooLargeError, UnsupportedFormatError, VbhcError
    from vbhc.limits import Limits
    from vbhc.models import (
        DigitalSignature,
        Directive,
        Document,
        Header,
        IncomingStamp,
        Issue,
        IssueCode,
        LegalBasis,
        Recipient,
        Reference,
        Signer,
    )
    from vbhc.pipeline import parse, parse_text
    from vbhc.results import ErrorCode, ErrorInfo, Result
    from vbhc.tables import to_tables

__all__ = [
    "DigitalSignature", "Directive", "Document", "EncryptedError", "ErrorCode", "ErrorInfo", "Header",
    "IncomingStamp", "Issue", "IssueCode", "LegalBasis", "Limits", "ReadError", "Recipient", "Reference", "Result",
    "Signer", "TooLargeError", "UnsupportedFormatError", "VbhcError", "parse", "parse_many", "parse_text",
    "to_tables",
]
__version__ = "0.1.0"

_HOMES = {
    **dict.fromkeys(("EncryptedError", "ReadError", "TooLargeError", "UnsupportedFormatError", "VbhcError"),
                    "vbhc.errors"),
    "Limits": "vbhc.limits",
    **dict.fromkeys(("DigitalSignature", "Directive", "Document", "Header", "IncomingStamp", "Issue", "IssueCode",
                     "LegalBasis", "Recipient", "Reference", "Signer"), "vbhc.models"),
    **dict.fromkeys(("parse", "parse_text"), "vbhc.pipeline"),
    **dict.fromkeys(("ErrorCode", "ErrorInfo", "Result"), "vbhc.results"),
    "parse_many": "vbhc.batch",
    "to_tables": "vbhc.tables",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'vbhc' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
