"""The pipeline: normalize, build paragraphs, segment, then one extractor per part.

    parse_text(text) -> Document        parse(path) -> Document
"""

from __future__ import annotations

import os
from typing import BinaryIO

from vbhc import data
from vbhc.check import check
from vbhc.extract import (
    extract_addressees,
    extract_directives,
    extract_header,
    extract_kind,
    extract_legal_bases,
    extract_recipients,
    extract_references,
    extract_signer,
    extract_subject,
)
from vbhc.extract.references import ref_key
from vbhc.limits import Limits
from vbhc.models import Document, Issue, LegalBasis, Reference
from vbhc.normalize import Normalized, normalize
from vbhc.paragraphs import Para, build_paragraphs
from vbhc.patterns import starts_with
from vbhc.readers import read
from vbhc.segment import segment, strip_preface


def parse_text(text: str) -> Document:
    """Parse the text of one document (plain text or Markdown) into a `Document`."""
    if not isinstance(text, str):
        raise TypeError(f"parse_text() takes str, not {type(text).__name__}; use vbhc.parse() for files")
    return _parse(text)


def parse(source: str | os.PathLike[str] | bytes | BinaryIO, *, name: str | None = None,
          limits: Limits | None = None) -> Document:
    """Read a document (.txt, .md, .docx, .pdf, .doc; a path, bytes or a binary file object) and parse it.

    The format is told by content, not by suffix; `name` labels bytes and streams in error messages;
    `limits` (a `vbhc.Limits`) bounds what the input may cost, the defaults when None.
    Raises `ReadError` for unreadable input (its subclasses `EncryptedError` for a password-protected one,
    `TooLargeError` for one over a limit) and `UnsupportedFormatError` for other formats.
    """
    extracted = read(source, name=name, limits=limits)
    return _parse(extracted.text, reader_issues=extracted.issues)


def _parse(text: str, *, reader_issues: tuple[Issue, ...] = ()) -> Document:
    clean = normalize(text)
    preface, paras = strip_preface(build_paragraphs(clean.lines))
    doc = _document(paras, attached=False, clean=clean, preface=preface)
    return doc.model_copy(update={"issues": reader_issues + check(doc)})


def _with_document_refs(bases: tuple[LegalBasis, ...], refs: tuple[Reference, ...]) -> tuple[LegalBasis, ...]:
    """A basis cites the same documents as the whole text: take the merged reference (its kind may be
    more specific from another mention) in place of the basis's own reading."""
    by_key = {ref_key(r): r for r in refs}
    return tuple(b.model_copy(update={"references": tuple(by_key.get(ref_key(r), r) for r in b.references)})
                 for b in bases)


def _document(paras: list[Para], *, attached: bool, clean: Normalized | None = None,
              preface: list[Para] | None = None) -> Document:
    """The Document of `paras`; `clean` holds what normalization set aside (an attachment has none of its own),
    `preface` what stood before the header."""
    footnotes = clean.footnotes if clean else []
    seg = segment(paras, attached=attached)
    header = extract_header(seg.header)
    subject = extract_subject(seg)
    addressees = extract_addressees(seg)
    recipients, archive = extract_recipients(seg.foot)
    parent_lines = data.markers().attachment_parent_lines
    # Body first: a reference's issuer and title come from its first mention in the text, and the
    # subject's mention only adds what the body lacks (a more specific kind: "Công văn" for "Văn bản").
    # Rows of data tables list persons, vehicles and their papers (certificates, licences), not cited texts.
    texts = [*(p.text for p in seg.body if not p.table and not starts_with(p.text.lstrip("( "), parent_lines)),
             subject or "", *addressees, *footnotes]
    own = Reference(number=header.number, year=header.year, symbol=header.symbol)
    attachments: list[Document] = []
    for part in seg.tail:
        attached_doc = _document(part, attached=True)
        # a document attached to an attachment is the main document's attachment too, in order
        attachments.append(attached_doc.model_copy(update={"attachments": ()}) if attached_doc.attachments
                           else attached_doc)
        attachments.extend(attached_doc.attachments)
    references = extract_references(texts, own=own)
    doc = Document(
        kind=extract_kind(seg, header),
        title=seg.title.text if seg.title else None,
        header=header,
        subject=subject,
        addressees=addressees,
        enacting_authority=seg.enacting.text if seg.enacting else None,
        legal_bases=_with_document_refs(extract_legal_bases(seg.body), references),
        references=references,
        directives=extract_directives(seg.body),
        recipients=recipients,
        archive=archive,
        signer=extract_signer(seg.foot),
        attachments=tuple(a.model_copy(update={"issues": check(a, attached=True)}) for a in attachments),
        footnotes=tuple(footnotes),
        digital_signatures=tuple(clean.signatures) if clean else (),
        incoming_stamps=tuple(clean.stamps) if clean else (),
        preface="\n".join(p.text for p in preface or ()) or None,
    )
    return doc
