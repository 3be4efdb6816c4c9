"""vbhc: parse Vietnamese administrative documents (văn bản hành chính) into typed objects.

    >>> import vbhc
    >>> doc = vbhc.parse_text("ỦY BAN NHÂN DÂN\\nTỈNH LAI CHÂU\\n\\nSố: 628/UBND-VX\\n")
    >>> doc.header.number, doc.header.symbol
    ('628', 'UBND-VX')
"""

from vbhc.errors import ReadError, UnsupportedFormatError, VbhcError
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
from vbhc.parse import parse, parse_text

__all__ = [
    "DigitalSignature", "Directive", "Document", "Header", "IncomingStamp", "Issue", "IssueCode", "LegalBasis",
    "ReadError", "Recipient", "Reference", "Signer", "UnsupportedFormatError", "VbhcError", "parse", "parse_text",
]
__version__ = "0.1.0"
