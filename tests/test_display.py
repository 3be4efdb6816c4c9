"""vbhc.display: the HTML card of a Document and the summary of a run, as a notebook shows them."""

from __future__ import annotations

import hashlib
from html.parser import HTMLParser
from pathlib import Path

import vbhc
from vbhc.display import ResultList, document_html, identifier, results_html
from vbhc.models import Document, Header, Issue, IssueCode, Signer
from vbhc.results import ErrorInfo, Result

FIXTURES = Path(__file__).parent / "fixtures"
SEED_628 = FIXTURES / "seeds" / "001_a8ad884f9afb5345.txt"


class Tags(HTMLParser):
    """Checks that every element is closed in order, and collects the text."""

    VOID = frozenset({"br", "hr", "img", "meta", "link", "input"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack.pop() == tag

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check(html: str) -> str:
    """The text of well-formed HTML with no script, style sheet or external resource."""
    parser = Tags()
    parser.feed(html)
    parser.close()
    assert parser.stack == []
    assert not parser.tags & {"script", "style", "link", "iframe", "img"}
    return " ".join(" ".join(parser.text).split())


def result_of(path: Path) -> Result:
    return Result(path=str(path), sha256=hashlib.sha256(path.read_bytes()).hexdigest(), ok=True, seconds=0.25,
                  document=vbhc.parse(path))


def test_card_of_a_real_document() -> None:
    doc = vbhc.parse(SEED_628)
    html = document_html(doc)
    text = check(html)
    assert html.startswith('<div class="vbhc-document"')
    assert "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU" in text
    assert "Số 628/UBND-VX" in text and "Lai Châu, 2020-03-29" in text
    assert (doc.subject or "")[:40] in text
    assert "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" in text
    assert doc.signer.name and doc.signer.name in text
    assert f"legal bases: {len(doc.legal_bases)}" in text
    assert f"references: {len(doc.references)}" in text
    assert f"recipients: {len(doc.recipients)}" in text
    assert "attachments: 1" in text and "Attached: THÔNG BÁO" in text


def test_card_lists_issues() -> None:
    doc = vbhc.parse_text("Kính gửi: Các sở, ban, ngành\n\nĐề nghị các đơn vị báo cáo.\n")
    assert doc.issues
    text = check(document_html(doc))
    for issue in doc.issues:
        assert str(issue.code) in text
    assert f"issues: {len(doc.issues)}" in text


def test_every_value_is_escaped() -> None:
    evil = "<script>alert('x')</script>"
    doc = Document(
        kind="cong_van", title='T"itle', header=Header(issuer="SỞ A & B", number="1", symbol="<b>", marks=(evil,)),
        subject=evil, addressees=(evil,), signer=Signer(authority=(evil,), position="<i>", name="<img src=x>"),
        issues=(Issue(code=IssueCode.MISSING_DATE, message=evil),),
        attachments=(Document(title=evil),),
    )
    html = document_html(doc)
    assert "<script" not in html and "<img" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "SỞ A &amp; B" in html and "T&quot;itle" in html
    text = check(html)
    assert evil in text  # shown as text, as written


def test_card_of_an_empty_document() -> None:
    text = check(document_html(Document()))
    assert "document" in text and "references: 0" in text


def test_identifier() -> None:
    assert identifier(Header(number="628", symbol="UBND-VX")) == "628/UBND-VX"
    assert identifier(Header(number="30", year=2020, symbol="NĐ-CP")) == "30/2020/NĐ-CP"
    assert identifier(Header(symbol="UBND-VX")) == "/UBND-VX"
    assert identifier(Header()) is None


def failed(path: str, code: str) -> Result:
    return Result(path=path, ok=False, seconds=0.1, error=ErrorInfo(code=code, message=f"{path}: <bad> & broken"))


def test_summary_of_a_run() -> None:
    ok = [result_of(p) for p in sorted(FIXTURES.glob("seeds/*.txt"))]
    run = [*ok, failed("a.pdf", "unreadable"), failed("b.pdf", "unreadable"), failed("c.xls", "unsupported")]
    html = results_html(run)
    text = check(html)
    assert f"{len(run)} inputs · {len(ok)} parsed · 3 failed" in text
    kinds: dict[str, int] = {}
    for r in ok:
        assert r.document is not None
        kinds[r.document.kind or "(unknown)"] = kinds.get(r.document.kind or "(unknown)", 0) + 1
    assert kinds == {"cong_van": 4, "thong_bao": 1}
    assert "kind n cong_van 4 thong_bao 1" in text
    assert "error n unreadable 2 unsupported 1" in text
    assert "628/UBND-VX" in text and "2020-03-29" in text
    assert "&lt;bad&gt; &amp; broken" in html and "<bad>" not in html
    assert "more" not in text


def test_summary_shows_the_first_rows_only() -> None:
    run = [failed(f"f{i}.pdf", "timeout") for i in range(30)]
    text = check(results_html(run, max_rows=5))
    assert "f4.pdf" in text and "f5.pdf" not in text and "… 25 more" in text
    assert "0 parsed · 30 failed" in text


def test_result_list_shows_the_summary_and_accepts_dicts() -> None:
    run = [result_of(SEED_628), failed("x.pdf", "encrypted")]
    listed = ResultList(r.model_dump(mode="json") for r in run)
    assert list(listed) == run and isinstance(listed, list)
    assert listed._repr_html_() == results_html(run)
    assert check(ResultList()._repr_html_()).startswith("0 inputs")
