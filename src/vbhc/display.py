"""Notebook display: a compact HTML card for a Document and a summary of a batch run.

`document_html(doc)` is what ``Document._repr_html_`` returns; `results_html(results)` summarises a list of
`Result`s (counts parsed and failed, by kind, by error code, by issue code, the first rows), and
`ResultList` is a list of results that Jupyter shows that way::

    results = ResultList(vbhc.parse_many("archive/"))
    results          # in a notebook cell: the summary table

Every value is HTML-escaped; styles are inline (no external CSS or JavaScript).

    >>> from vbhc.models import Document
    >>> "&lt;script&gt;" in document_html(Document(subject="<script>alert(1)</script>"))
    True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from html import escape

from vbhc.models import Directive, Document, Header
from vbhc.results import Result
from vbhc.tables import ResultLike, as_results, iter_attachments

__all__ = ["ResultList", "document_html", "results_html"]

_BOX = ("font-family:system-ui,sans-serif;font-size:13px;line-height:1.45;border:1px solid #c8c8c8;"
        "border-radius:6px;padding:8px 12px;margin:4px 0;max-width:760px")
_MUTED = "color:#666"
_TABLE = "border-collapse:collapse;margin:4px 0;font-size:13px"
_CELL = "border-bottom:1px solid #e4e4e4;padding:2px 8px;text-align:left;vertical-align:top"
_BAD = "color:#b00020"


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def identifier(header: Header) -> str | None:
    """Số and ký hiệu as written in the header: "628/UBND-VX", "30/2020/NĐ-CP", "/UBND-VX" for a draft.

    >>> identifier(Header(number="30", year=2020, symbol="NĐ-CP"))
    '30/2020/NĐ-CP'
    """
    if header.number is None and header.symbol is None:
        return None
    parts = [header.number or ""]
    if header.year is not None:
        parts.append(str(header.year))
    if header.symbol:
        parts.append(header.symbol)
    return "/".join(parts)


def _count_directives(items: tuple[Directive, ...]) -> int:
    return sum(1 + _count_directives(item.children) for item in items)


def _counts(doc: Document) -> Iterator[tuple[str, int]]:
    yield "legal bases", len(doc.legal_bases)
    yield "references", len(doc.references)
    yield "directives", _count_directives(doc.directives)
    yield "recipients", len(doc.recipients)
    yield "attachments", sum(1 for _ in iter_attachments(doc))
    yield "issues", len(doc.issues)


def document_html(doc: Document) -> str:
    """A compact card: header, kind and subject, signer, counts, issues (the hook of `Document._repr_html_`)."""
    h = doc.header
    top = [h.parent_agency, h.issuer]
    number = identifier(h)
    line1 = " · ".join(_e(x) for x in [*[t for t in top if t], f"Số {number}" if number else None,
                                         ", ".join(x for x in (h.place, h.date) if x) or None, *h.marks] if x)
    title = doc.title or doc.kind or "document"
    kind = f' <code style="{_MUTED}">{_e(doc.kind)}</code>' if doc.kind and doc.title else ""
    out = [f'<div class="vbhc-document" style="{_BOX}">']
    if line1:
        out.append(f'<div style="{_MUTED}">{line1}</div>')
    out.append(f"<div><strong>{_e(title)}</strong>{kind}</div>")
    if doc.subject:
        out.append(f"<div>{_e(_short(doc.subject, 400))}</div>")
    if doc.addressees:
        out.append(f'<div><span style="{_MUTED}">Kính gửi:</span> {_e("; ".join(doc.addressees))}</div>')
    signer = " / ".join([*doc.signer.authority, *([doc.signer.position] if doc.signer.position else [])])
    if signer or doc.signer.name:
        name = f" — <strong>{_e(doc.signer.name)}</strong>" if doc.signer.name else ""
        out.append(f'<div><span style="{_MUTED}">Signed:</span> {_e(signer)}{name}</div>')
    counts = " · ".join(f"{_e(label)}: {n}" for label, n in _counts(doc))
    out.append(f'<div style="{_MUTED}">{counts}</div>')
    if doc.attachments:
        names = "; ".join(_short(a.title or a.subject or a.kind or "attachment", 80) for a in doc.attachments)
        out.append(f'<div><span style="{_MUTED}">Attached:</span> {_e(names)}</div>')
    if doc.issues:
        items = "".join(f'<li><code style="{_BAD}">{_e(issue.code)}</code> {_e(issue.message)}</li>'
                        for issue in doc.issues)
        out.append(f'<ul style="margin:4px 0;padding-left:18px">{items}</ul>')
    out.append("</div>")
    return "".join(out)


def _table(head: list[str], rows: Iterable[list[object]]) -> str:
    """A table whose last column wraps and the others do not."""
    styles = [f"{_CELL};white-space:nowrap"] * (len(head) - 1) + [_CELL]
    cells = "".join(f'<th style="{style}">{_e(h)}</th>' for style, h in zip(styles, head, strict=True))
    body = "".join("<tr>" + "".join(f'<td style="{style}">{_e(v)}</td>' for style, v in zip(styles, row, strict=True))
                   + "</tr>" for row in rows)
    return f'<table style="{_TABLE}"><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>'


def _tally(title: str, counter: Counter[str]) -> str:
    if not counter:
        return ""
    rows: list[list[object]] = [[k, n] for k, n in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))]
    return f'<div style="display:inline-block;vertical-align:top;margin-right:24px">{_table([title, "n"], rows)}</div>'


def results_html(results: Iterable[ResultLike], *, max_rows: int = 20) -> str:
    """A summary of a run: inputs parsed and failed, by kind, by error code, by issue code, the first rows."""
    items = as_results(results)
    ok = [r for r in items if r.ok and r.document is not None]
    failed = len(items) - len(ok)
    seconds = sum(r.seconds for r in items)
    kinds = Counter(r.document.kind or "(unknown)" for r in ok if r.document is not None)
    errors = Counter(str(r.error.code) if r.error else "(none)" for r in items if not r.ok)
    issues = Counter(str(i.code) for r in ok if r.document is not None for i in r.document.issues)
    bad = f' style="{_BAD}"' if failed else ""
    out = [f'<div class="vbhc-results" style="{_BOX};max-width:none">',
           f"<div><strong>{len(items)}</strong> inputs · <strong>{len(ok)}</strong> parsed · "
           f"<strong{bad}>{failed}</strong> failed · {seconds:.1f} s</div>",
           "<div>", _tally("kind", kinds), _tally("error", errors), _tally("issue", issues), "</div>"]
    rows: list[list[object]] = []
    for r in items[:max_rows]:
        doc = r.document
        if r.ok and doc is not None:
            rows.append([r.path, "ok", doc.kind or "", identifier(doc.header) or "", doc.header.date or "",
                         _short(doc.subject or "", 90)])
        else:
            rows.append([r.path, str(r.error.code) if r.error else "failed", "", "", "",
                         _short(r.error.message if r.error else "", 90)])
    if rows:
        out.append(_table(["path", "status", "kind", "number", "date", "subject / error"], rows))
    if len(items) > max_rows:
        out.append(f'<div style="{_MUTED}">… {len(items) - max_rows} more</div>')
    out.append("</div>")
    return "".join(out)


class ResultList(list[Result]):
    """A list of `Result`s that a notebook shows as the `results_html` summary.

    >>> ResultList([Result(path="a.txt", ok=False)])._repr_html_().count("failed")
    2
    """

    def __init__(self, results: Iterable[ResultLike] = ()) -> None:
        super().__init__(as_results(results))

    def _repr_html_(self) -> str:
        return results_html(self)
