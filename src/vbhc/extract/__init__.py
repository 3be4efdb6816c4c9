"""One extractor per part of a document, in pipeline order."""

from vbhc.extract.addressees import extract_addressees
from vbhc.extract.directives import extract_directives
from vbhc.extract.header import extract_header
from vbhc.extract.kind import extract_kind
from vbhc.extract.legal_bases import extract_legal_bases
from vbhc.extract.recipients import extract_recipients
from vbhc.extract.references import extract_references
from vbhc.extract.signer import extract_signer
from vbhc.extract.subject import extract_subject

__all__ = ["extract_addressees", "extract_directives", "extract_header", "extract_kind", "extract_legal_bases",
           "extract_recipients", "extract_references", "extract_signer", "extract_subject"]
