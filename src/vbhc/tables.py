"""Tables of a batch run: the Documents of a list of `Result`s flattened into pandas DataFrames.

    >>> from vbhc.tables import TABLES
    >>> TABLES
    ('documents', 'references', 'legal_bases', 'directives', 'recipients', 'attachments', 'issues', 'errors', 'edges')

`to_tables(results)` returns one DataFrame per name above; `documents_frame(results)` the first alone.
Results may be `vbhc.results.Result` objects or plain dicts of the same JSON shape (a JSONL file read
back). Every table carries ``document_id``, the SHA-256 of the input's bytes (the path when a result has
no hash), so that they join in SQL; a file given twice counts once. Positions are 1-based. An
attachment (phụ lục, văn bản kèm theo) is numbered in pre-order (``position`` in `attachments`); the
rows of the other tables that belong to one carry that number in ``attachment`` (null: the document's
own body). Columns are snake_case English with pandas nullable dtypes ("string", "Int64", "Float64"),
always in the order below, empty tables included. Lists of strings are joined with "; " (", " for
``archive``, " / " for ``signer_authority``).

documents: one row per parsed document
    document_id, path, seconds (thời gian xử lý); kind (tên loại, a code), title (tên loại as written);
    national_name (quốc hiệu), motto (tiêu ngữ), parent_agency (cơ quan chủ quản), issuer (cơ quan ban
    hành), number (số), year (năm in the number), symbol (ký hiệu), place (địa danh), date (ngày ban
    hành, ISO), marks (độ mật, độ khẩn, dự thảo), number_text, date_text (as written); subject (trích
    yếu), addressees (kính gửi), enacting_authority (thẩm quyền ban hành), signer_authority (thẩm quyền
    ký: TM., KT.), signer_position (chức vụ), signer_name (họ tên người ký), archive (lưu); counts
    n_addressees, n_legal_bases, n_references, n_directives, n_recipients, n_attachments, n_footnotes,
    n_digital_signatures, n_incoming_stamps, n_issues (of the body; n_attachments counts every
    attachment, nested ones too); issue_codes (the issues' codes, comma-separated).
references (văn bản được viện dẫn): document_id, attachment, position, legal_basis (position of the
    first căn cứ that cites it, null if none), kind, number, year, symbol, date, issuer, title, text.
legal_bases (căn cứ ban hành): document_id, attachment, position, text, n_references.
directives (điều, khoản, điểm, mục): document_id, attachment, position (pre-order), path ("2/1/3": the
    1-based positions among siblings from the top), depth (1 at the top), parent_path, label (as
    written: "1.", "a)", "Điều 1."), text, n_children.
recipients (nơi nhận): document_id, attachment, position, name, note (b/c, t/h).
attachments (phụ lục, văn bản kèm theo): document_id, position, parent (the enclosing attachment's
    position, null when attached to the body), depth (1 when attached to the body), kind, title,
    issuer, number, year, symbol, date, subject, signer_name, n_legal_bases, n_references,
    n_directives, n_recipients, n_attachments, n_issues.
issues (lỗi, thiếu sót): document_id, attachment, position, code, field, message.
errors (failed inputs): document_id (sha256, null if unreadable), path, code, message, seconds.
edges (viện dẫn, see `vbhc.graph`): source, source_attachment, target (null: outside the run),
    relation (can_cu, thuc_hien, sua_doi, thay_the, bai_bo, huong_dan, dan_chieu), kind, number, year,
    symbol, date, issuer, title, text, candidates.

pandas is imported only when a table is built (``pip install 'vbhc[etl]'``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeAlias, cast

from vbhc.models import Directive, Document, Reference
from vbhc.results import Result

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COLUMNS", "TABLES", "as_results", "document_id", "documents_frame", "iter_attachments", "to_tables"]

ResultLike: TypeAlias = Result | Mapping[str, Any]
Columns: TypeAlias = tuple[tuple[str, str], ...]

_S, _I, _F = "string", "Int64", "Float64"

DOCUMENT_COLUMNS: Columns = (
    ("document_id", _S), ("path", _S), ("seconds", _F), ("kind", _S), ("title", _S),
    ("national_name", _S), ("motto", _S), ("parent_agency", _S), ("issuer", _S), ("number", _S),
    ("year", _I), ("symbol", _S), ("place", _S), ("date", _S), ("marks", _S), ("number_text", _S),
    ("date_text", _S), ("subject", _S), ("addressees", _S), ("enacting_authority", _S),
    ("signer_authority", _S), ("signer_position", _S), ("signer_name", _S), ("archive", _S),
    ("n_addressees", _I), ("n_legal_bases", _I), ("n_references", _I), ("n_directives", _I),
    ("n_recipients", _I), ("n_attachments", _I), ("n_footnotes", _I), ("n_digital_signatures", _I),
    ("n_incoming_stamps", _I), ("n_issues", _I), ("issue_codes", _S),
)
_REFERENCE_FIELDS: Columns = (
    ("kind", _S), ("number", _S), ("year", _I), ("symbol", _S), ("date", _S), ("issuer", _S), ("title", _S),
    ("text", _S),
)
REFERENCE_COLUMNS: Columns = (
    ("document_id", _S), ("attachment", _I), ("position", _I), ("legal_basis", _I), *_REFERENCE_FIELDS,
)
LEGAL_BASIS_COLUMNS: Columns = (
    ("document_id", _S), ("attachment", _I), ("position", _I), ("text", _S), ("n_references", _I),
)
DIRECTIVE_COLUMNS: Columns = (
    ("document_id", _S), ("attachment", _I), ("position", _I), ("path", _S), ("depth", _I),
    ("parent_path", _S), ("label", _S), ("text", _S), ("n_children", _I),
)
RECIPIENT_COLUMNS: Columns = (
    ("document_id", _S), ("attachment", _I), ("position", _I), ("name", _S), ("note", _S),
)
ATTACHMENT_COLUMNS: Columns = (
    ("document_id", _S), ("position", _I), ("parent", _I), ("depth", _I), ("kind", _S), ("title", _S),
    ("issuer", _S), ("number", _S), ("year", _I), ("symbol", _S), ("date", _S), ("subject", _S),
    ("signer_name", _S), ("n_legal_bases", _I), ("n_references", _I), ("n_directives", _I),
    ("n_recipients", _I), ("n_attachments", _I), ("n_issues", _I),
)
ISSUE_COLUMNS: Columns = (
    ("document_id", _S), ("attachment", _I), ("position", _I), ("code", _S), ("field", _S), ("message", _S),
)
ERROR_COLUMNS: Columns = (
    ("document_id", _S), ("path", _S), ("code", _S), ("message", _S), ("seconds", _F),
)
EDGE_COLUMNS: Columns = (
    ("source", _S), ("source_attachment", _I), ("target", _S), ("relation", _S), *_REFERENCE_FIELDS,
    ("candidates", _I),
)

COLUMNS: dict[str, Columns] = {
    "documents": DOCUMENT_COLUMNS,
    "references": REFERENCE_COLUMNS,
    "legal_bases": LEGAL_BASIS_COLUMNS,
    "directives": DIRECTIVE_COLUMNS,
    "recipients": RECIPIENT_COLUMNS,
    "attachments": ATTACHMENT_COLUMNS,
    "issues": ISSUE_COLUMNS,
    "errors": ERROR_COLUMNS,
    "edges": EDGE_COLUMNS,
}
"""Each table's columns and pandas dtypes, in order."""
TABLES = tuple(COLUMNS)
"""The table names, in the order `to_tables` returns them."""

Row: TypeAlias = dict[str, Any]


def as_results(results: Iterable[ResultLike]) -> list[Result]:
    """The results as `Result` objects: dicts of the JSON shape (a JSONL line read back) are validated."""
    return [r if isinstance(r, Result) else Result.model_validate(r) for r in results]


def document_id(result: Result) -> str:
    """The id that joins the tables: the SHA-256 of the input, or its path when it has none."""
    return result.sha256 or result.path


def frame(rows: list[Row], columns: Columns) -> pd.DataFrame:
    """A DataFrame of `rows` with exactly `columns` (name, dtype), in order; missing keys are null."""
    import pandas as pd

    data = {name: pd.array([row.get(name) for row in rows], dtype=cast(Any, dtype)) for name, dtype in columns}
    return pd.DataFrame(data)


def _joined(items: Iterable[str], sep: str = "; ") -> str | None:
    text = sep.join(items)
    return text or None


def _parsed(results: Iterable[ResultLike]) -> Iterator[tuple[str, Result, Document]]:
    """(document id, result, document) of each parsed input, the first of each id only."""
    seen: set[str] = set()
    for result in as_results(results):
        if result.ok and result.document is not None and (doc_id := document_id(result)) not in seen:
            seen.add(doc_id)
            yield doc_id, result, result.document


def _directives(items: tuple[Directive, ...], parent: str | None = None) -> Iterator[tuple[str, Directive]]:
    """(path, directive) in pre-order."""
    for i, item in enumerate(items, 1):
        path = f"{parent}/{i}" if parent else str(i)
        yield path, item
        yield from _directives(item.children, path)


def iter_attachments(doc: Document) -> Iterator[tuple[int, int | None, int, Document]]:
    """(position, parent position, depth, attachment) in pre-order, positions 1-based."""
    counter = 0

    def walk(parts: tuple[Document, ...], parent: int | None, depth: int) -> Iterator[tuple[int, int | None, int,
                                                                                               Document]]:
        nonlocal counter
        for part in parts:
            counter += 1
            here = counter
            yield here, parent, depth, part
            yield from walk(part.attachments, here, depth + 1)

    yield from walk(doc.attachments, None, 1)


def _count_directives(doc: Document) -> int:
    return sum(1 for _ in _directives(doc.directives))


def _ref_key(ref: Reference) -> tuple[str | None, int | None, str | None, str | None]:
    if ref.number:
        return ref.number, ref.year, ref.symbol, None
    return None, None, None, ref.text or ref.title


def _document_row(doc_id: str, result: Result, doc: Document) -> Row:
    h = doc.header
    return {
        "document_id": doc_id, "path": result.path, "seconds": result.seconds, "kind": doc.kind, "title": doc.title,
        "national_name": h.national_name, "motto": h.motto, "parent_agency": h.parent_agency, "issuer": h.issuer,
        "number": h.number, "year": h.year, "symbol": h.symbol, "place": h.place, "date": h.date,
        "marks": _joined(h.marks), "number_text": h.number_text, "date_text": h.date_text, "subject": doc.subject,
        "addressees": _joined(doc.addressees), "enacting_authority": doc.enacting_authority,
        "signer_authority": _joined(doc.signer.authority, " / "), "signer_position": doc.signer.position,
        "signer_name": doc.signer.name, "archive": _joined(doc.archive, ", "),
        "n_addressees": len(doc.addressees), "n_legal_bases": len(doc.legal_bases),
        "n_references": len(doc.references), "n_directives": _count_directives(doc),
        "n_recipients": len(doc.recipients), "n_attachments": sum(1 for _ in iter_attachments(doc)),
        "n_footnotes": len(doc.footnotes), "n_digital_signatures": len(doc.digital_signatures),
        "n_incoming_stamps": len(doc.incoming_stamps), "n_issues": len(doc.issues),
        "issue_codes": _joined((str(issue.code) for issue in doc.issues), ","),
    }


def documents_frame(results: Iterable[ResultLike]) -> pd.DataFrame:
    """The `documents` table alone: one row per parsed document (failed inputs are in `errors`)."""
    return frame([_document_row(doc_id, result, doc) for doc_id, result, doc in _parsed(results)], DOCUMENT_COLUMNS)


def _part_rows(doc_id: str, attachment: int | None, part: Document, rows: dict[str, list[Row]]) -> None:
    """The rows of one part (the body or an attachment) in the child tables."""
    base = {"document_id": doc_id, "attachment": attachment}
    basis_of: dict[tuple[str | None, int | None, str | None, str | None], int] = {}
    for i, basis in enumerate(part.legal_bases, 1):
        rows["legal_bases"].append({**base, "position": i, "text": basis.text, "n_references": len(basis.references)})
        for ref in basis.references:
            basis_of.setdefault(_ref_key(ref), i)
    for i, ref in enumerate(part.references, 1):
        rows["references"].append({**base, "position": i, "legal_basis": basis_of.get(_ref_key(ref)),
                                   **ref.model_dump(mode="json")})
    for i, (path, item) in enumerate(_directives(part.directives), 1):
        parent, _, _ = path.rpartition("/")
        rows["directives"].append({**base, "position": i, "path": path, "depth": path.count("/") + 1,
                                   "parent_path": parent or None, "label": item.label, "text": item.text,
                                   "n_children": len(item.children)})
    for i, recipient in enumerate(part.recipients, 1):
        rows["recipients"].append({**base, "position": i, "name": recipient.name, "note": recipient.note})
    for i, issue in enumerate(part.issues, 1):
        rows["issues"].append({**base, "position": i, "code": str(issue.code), "field": issue.field,
                               "message": issue.message})


def to_tables(results: Iterable[ResultLike]) -> dict[str, pd.DataFrame]:
    """The tables of a run, keyed by name in the order of `TABLES` (see the module docstring for columns)."""
    from vbhc.graph import edges

    items = as_results(results)
    rows: dict[str, list[Row]] = {name: [] for name in TABLES}
    for doc_id, result, doc in _parsed(items):
        rows["documents"].append(_document_row(doc_id, result, doc))
        _part_rows(doc_id, None, doc, rows)
        for position, parent, depth, part in iter_attachments(doc):
            h = part.header
            rows["attachments"].append({
                "document_id": doc_id, "position": position, "parent": parent, "depth": depth, "kind": part.kind,
                "title": part.title, "issuer": h.issuer, "number": h.number, "year": h.year, "symbol": h.symbol,
                "date": h.date, "subject": part.subject, "signer_name": part.signer.name,
                "n_legal_bases": len(part.legal_bases), "n_references": len(part.references),
                "n_directives": _count_directives(part), "n_recipients": len(part.recipients),
                "n_attachments": len(part.attachments), "n_issues": len(part.issues),
            })
            _part_rows(doc_id, position, part, rows)
    for result in items:
        if not result.ok:
            error = result.error
            rows["errors"].append({
                "document_id": result.sha256, "path": result.path, "code": str(error.code) if error else None,
                "message": error.message if error else None, "seconds": result.seconds,
            })
    rows["edges"] = [edge.as_dict() for edge in edges(items)]
    return {name: frame(rows[name], COLUMNS[name]) for name in TABLES}
