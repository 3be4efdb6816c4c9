"""Checks on a finished Document: coded `Issue`s for what it lacks or what could not be read.

Each check is a small generator; `check` runs them in order. Attachments are checked leniently: a
Phụ lục has no number or signer of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from vbhc import data
from vbhc.models import Document, Issue, IssueCode

Check = Callable[[Document], Iterator[Issue]]


def _header(doc: Document) -> Iterator[Issue]:
    h = doc.header
    if h.national_name is None:
        yield Issue(code=IssueCode.MISSING_NATIONAL_NAME, message="no quốc hiệu in the header",
                    field="header.national_name")
    if h.issuer is None:
        yield Issue(code=IssueCode.MISSING_ISSUER, message="no cơ quan ban hành in the header", field="header.issuer")
    if h.number is None:
        why = f"number left blank in {h.number_text!r}" if h.number_text else "no 'Số' line"
        yield Issue(code=IssueCode.MISSING_NUMBER, message=why, field="header.number")


def _date(doc: Document) -> Iterator[Issue]:
    h = doc.header
    if h.date_text is None:
        yield Issue(code=IssueCode.MISSING_DATE, message="no place-and-date line", field="header.date")
    elif h.date is None:
        yield Issue(code=IssueCode.UNPARSED_DATE, message=f"cannot read the date in {h.date_text!r}",
                    field="header.date")
    elif len(h.date) < 10:
        yield Issue(code=IssueCode.PARTIAL_DATE, message=f"day or month left blank in {h.date_text!r}",
                    field="header.date")


def _kind(doc: Document) -> Iterator[Issue]:
    if doc.kind is None:
        yield Issue(code=IssueCode.MISSING_KIND, message="document type not found", field="kind")
        return
    symbol = doc.header.symbol or ""
    head = symbol.replace("/", "-").split("-")[0]
    coded = data.kind_for_abbr(head) if head else None
    if coded and doc.title and coded != doc.kind:
        yield Issue(code=IssueCode.KIND_SYMBOL_MISMATCH, field="kind",
                    message=f"title says {doc.kind}, ký hiệu {symbol!r} says {coded}")


def _subject(doc: Document) -> Iterator[Issue]:
    if doc.subject is None and doc.kind not in ("giay_moi", "giay_gioi_thieu", "giay_nghi_phep"):
        yield Issue(code=IssueCode.MISSING_SUBJECT, message="no trích yếu", field="subject")


def _foot(doc: Document) -> Iterator[Issue]:
    s = doc.signer
    if not s.authority and s.position is None and s.name is None:
        yield Issue(code=IssueCode.MISSING_SIGNER, message="no signature block", field="signer")
    elif s.name is None:
        yield Issue(code=IssueCode.MISSING_SIGNER_NAME, message="signature block without a name", field="signer.name")
    if not doc.recipients and not doc.archive:
        yield Issue(code=IssueCode.MISSING_RECIPIENTS, message="no Nơi nhận list", field="recipients")


def _set_aside(doc: Document) -> Iterator[Issue]:
    if doc.preface:
        yield Issue(code=IssueCode.PREFACE_SET_ASIDE, field="preface",
                    message=f"{len(doc.preface)} characters before the header set aside as a preface")
    if doc.incoming_stamps:
        yield Issue(code=IssueCode.INCOMING_STAMP, field="incoming_stamps",
                    message=f"{len(doc.incoming_stamps)} incoming stamp(s) set aside")
    if doc.digital_signatures:
        yield Issue(code=IssueCode.DIGITAL_SIGNATURE, field="digital_signatures",
                    message=f"{len(doc.digital_signatures)} digital-signature text block(s) set aside")


_CHECKS: tuple[Check, ...] = (_header, _date, _kind, _subject, _foot, _set_aside)
_ATTACHMENT_CHECKS: tuple[Check, ...] = (_kind, _set_aside)


def check(doc: Document, *, attached: bool = False) -> tuple[Issue, ...]:
    """All issues of `doc`, in the order of the checks."""
    if not any((doc.header.issuer, doc.subject, doc.directives, doc.signer.name, doc.kind)) and not doc.references:
        return (Issue(code=IssueCode.EMPTY_DOCUMENT, message="no document content found"),)
    return tuple(issue for c in (_ATTACHMENT_CHECKS if attached else _CHECKS) for issue in c(doc))
