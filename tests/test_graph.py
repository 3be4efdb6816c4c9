"""vbhc.graph: citations resolved to the documents of the same run, and the relation each one states.

Chains are built from real fixtures (sct_KH-1105 cites sct_QD-1050; seeds 000 and 004 cite Thông báo
241/TB-VPCP) completed with small documents written here in the format they cite.
"""

from __future__ import annotations

import hashlib
import tomllib
from importlib.resources import files
from pathlib import Path

import pytest

import vbhc
from vbhc import data
from vbhc.graph import Edge, edges, edges_frame, relation_of
from vbhc.models import Document, Header, LegalBasis, Reference
from vbhc.normalize import fold_tones
from vbhc.results import Result
from vbhc.tables import iter_attachments

FIXTURES = Path(__file__).parent / "fixtures"
CODES = {"can_cu", "thuc_hien", "sua_doi", "thay_the", "bai_bo", "huong_dan", "dan_chieu"}

TB_241 = """VĂN PHÒNG CHÍNH PHỦ
Số: 241/TB-VPCP

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Hà Nội, ngày 12 tháng 9 năm 2021

THÔNG BÁO
Kết luận của Thủ tướng Chính phủ tại cuộc họp Ban Chỉ đạo Quốc gia phòng, chống dịch COVID-19

1. Các bộ, ngành, địa phương tiếp tục thực hiện Nghị quyết số 68/NQ-CP.

Nơi nhận:
- Thủ tướng Chính phủ;
- Lưu: VT, KGVX.

KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM

Nguyễn Văn A
"""

CV_6244 = """ỦY BAN NHÂN DÂN
TỈNH BẮC KẠN
Số: 6244/UBND-VXNV
V/v thực hiện Thông báo số 241/TB-VPCP

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Bắc Kạn, ngày 17 tháng 9 năm 2021

Kính gửi: Các sở, ban, ngành; UBND các huyện, thành phố.

Thực hiện Thông báo số 241/TB-VPCP ngày 12/9/2021 của Văn phòng Chính phủ, Ủy ban nhân dân tỉnh yêu cầu:

1. Các sở, ban, ngành triển khai các nội dung của Thông báo.

Nơi nhận:
- Như trên;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn B
"""

QD_12 = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NINH
Số: 12/2026/QĐ-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Quảng Ninh, ngày 05 tháng 01 năm 2026

QUYẾT ĐỊNH
Sửa đổi, bổ sung một số điều của Quyết định số 98/2025/QĐ-UBND

ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH

Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;
Căn cứ Nghị định số 155/2025/NĐ-CP ngày 16 tháng 6 năm 2025 của Chính phủ;

QUYẾT ĐỊNH:

Điều 1. Sửa đổi, bổ sung khoản 2 Điều 3 Quyết định số 98/2025/QĐ-UBND ngày 21 tháng 11 năm 2025.
Điều 2. Bãi bỏ Quyết định số 30/2023/QĐ-UBND ngày 02 tháng 3 năm 2023 của Ủy ban nhân dân tỉnh.
Điều 3. Quyết định này thay thế Quyết định số 31/2023/QĐ-UBND ngày 02 tháng 3 năm 2023.
Điều 4. Sở Tài chính thực hiện theo hướng dẫn tại Công văn số 77/STC-QLCS ngày 03 tháng 01 năm 2026.

Nơi nhận:
- Như Điều 4;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn C
"""


def from_file(name: str) -> Result:
    path = FIXTURES / name
    return Result(path=str(path), sha256=hashlib.sha256(path.read_bytes()).hexdigest(), ok=True,
                  document=vbhc.parse(path))


def from_text(name: str, text: str) -> Result:
    return Result(path=name, sha256=hashlib.sha256(text.encode()).hexdigest(), ok=True, document=vbhc.parse_text(text))


def from_doc(name: str, doc: Document) -> Result:
    return Result(path=name, sha256=hashlib.sha256(name.encode()).hexdigest(), ok=True, document=doc)


def edge(found: list[Edge], source: Result, number: str) -> Edge:
    (hit,) = [e for e in found if e.source == source.sha256 and e.number == number]
    return hit


# --- chains between fixtures ----------------------------------------------------------------------------

def test_real_plan_resolves_to_the_real_decision_it_implements() -> None:
    plan = from_file("real/sct_KH-1105-DKT-ke-hoach-kiem-tra.txt")
    decision = from_file("real/sct_QD-1050-kiem-tra-VLNCN-2026.txt")
    found = edges([plan, decision])
    cite = edge(found, plan, "1050")
    assert (cite.target, cite.relation, cite.symbol, cite.candidates) == (decision.sha256, "thuc_hien", "QĐ-SCT", 1)
    # the decision cites laws and decrees outside the run, as căn cứ
    from_decision = [e for e in found if e.source == decision.sha256]
    assert from_decision and all(e.target is None and e.candidates == 0 for e in from_decision)
    assert {e.relation for e in from_decision} == {"can_cu"}
    assert edge(found, decision, "42").year == 2024


def test_seeds_resolve_through_a_chain_of_notices() -> None:
    seed0 = from_file("seeds/000_b9edc395e283ea20.txt")
    seed4 = from_file("seeds/004_ed3ebbd69c12f394.txt")
    tb = from_text("tb-241.txt", TB_241)
    cv = from_text("cv-6244.txt", CV_6244)
    found = edges([seed0, seed4, tb, cv])
    assert edge(found, seed0, "241").target == tb.sha256
    assert edge(found, seed0, "241").relation == "thuc_hien"
    assert edge(found, seed4, "6244").target == cv.sha256
    assert edge(found, seed4, "241").target == tb.sha256
    assert edge(found, cv, "241").target == tb.sha256
    assert edge(found, cv, "241").relation == "thuc_hien"
    assert edge(found, tb, "68").target is None  # Nghị quyết 68/NQ-CP is not in the run
    # one edge per reference of every document
    assert len(found) == sum(len(r.document.references) for r in [seed0, seed4, tb, cv] if r.document)


def test_relations_of_an_amending_decision() -> None:
    amending = from_text("qd-12.txt", QD_12)
    law = from_file("real/tvpl_98-2025-QD-UBND_Quyet-dinh.md")
    found = edges([amending, law])
    assert edge(found, amending, "98").target == law.sha256
    assert edge(found, amending, "98").relation == "sua_doi"
    assert edge(found, amending, "30").relation == "bai_bo"
    assert edge(found, amending, "31").relation == "thay_the"
    assert edge(found, amending, "72").relation == "can_cu"
    assert edge(found, amending, "155").relation == "can_cu"
    assert edge(found, amending, "77").relation == "dan_chieu"  # "theo hướng dẫn tại": guided by it, not guiding
    # tvpl_98 replaces two decisions in one sentence: the second one joined by "và" takes the same relation
    assert edge(found, law, "59").relation == edge(found, law, "58").relation == "thay_the"
    # "Luật ... số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15" stays a căn cứ
    assert edge(found, law, "87").relation == "can_cu"


def test_every_reference_of_every_fixture_gives_one_edge_with_a_known_relation() -> None:
    run = [from_file(str(p.relative_to(FIXTURES))) for p in sorted(FIXTURES.glob("seeds/*.txt"))]
    run += [from_file(str(p.relative_to(FIXTURES))) for p in sorted(FIXTURES.glob("real/*"))
            if p.suffix in {".md", ".txt", ".docx"}]
    found = edges(run)
    parts = [part for r in run if r.document for part in [r.document, *(a for *_, a in iter_attachments(r.document))]]
    assert len(found) == sum(len(p.references) for p in parts)
    assert {e.relation for e in found} <= CODES
    assert {"can_cu", "thuc_hien", "thay_the", "dan_chieu"} <= {e.relation for e in found}
    assert all(e.target != e.source for e in found)
    attached = [e for e in found if e.source_attachment is not None]
    assert attached and all(e.source_attachment == 1 for e in attached if e.number == "35")


# --- resolution -----------------------------------------------------------------------------------------

def cv(number: str, symbol: str, issuer: str, date: str, *refs: Reference) -> Document:
    return Document(kind="cong_van", header=Header(issuer=issuer, number=number, symbol=symbol, date=date),
                    references=refs)


def test_year_issuer_and_date_decide_between_documents_of_one_number() -> None:
    lai_chau_2020 = from_doc("a", cv("15", "UBND-VX", "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", "2020-02-03"))
    lai_chau_2021 = from_doc("b", cv("15", "UBND-VX", "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", "2021-02-03"))
    bac_kan_2021 = from_doc("c", cv("15", "UBND-VX", "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN", "2021-02-03"))
    bac_kan_later = from_doc("d", cv("15", "UBND-VX", "ỦY BAN NHÂN DÂN TỈNH BẮC KẠN", "2021-05-20"))
    citing = from_doc("e", cv(
        "99", "SYT-NV", "SỞ Y TẾ", "2021-06-01",
        Reference(number="15", symbol="UBND-VX", date="2021-02-03", issuer="UBND tỉnh Lai Châu"),
        Reference(number="15", symbol="UBND-VX", date="2020-02-03"),
        Reference(number="15", symbol="ubnd- vx", issuer="UBND tỉnh Bắc Kạn", date="2021-05-20"),
        Reference(number="15", symbol="UBND-VX", issuer="UBND tỉnh Bắc Kạn"),
        Reference(number="15", symbol="UBND-VX", date="2019-01-01"),
        Reference(number="015", symbol="UBND-VX", issuer="Ủy ban nhân dân tỉnh Lai Châu", date="2021-02"),
        Reference(kind="luat", title="Luật Việc làm", text="Luật Việc làm"),
    ))
    run = [lai_chau_2020, lai_chau_2021, bac_kan_2021, bac_kan_later, citing]
    found = [e for e in edges(run) if e.source == citing.sha256]
    assert [e.target for e in found] == [
        lai_chau_2021.sha256,  # issuer, then date
        lai_chau_2020.sha256,  # the year of the date
        bac_kan_later.sha256,  # symbol case- and space-insensitive; issuer and exact date
        bac_kan_2021.sha256,   # two of Bắc Kạn remain: the first in run order
        None,                  # 2019: none of the run
        lai_chau_2021.sha256,  # leading zero, partial date
        None,                  # no number: outside the run
    ]
    assert [e.candidates for e in found] == [1, 1, 1, 2, 0, 1, 0]


def test_a_document_never_cites_itself() -> None:
    own = Reference(kind="quyet_dinh", number="7", year=2026, symbol="QĐ-UBND", text="Quyết định số 7/2026/QĐ-UBND")
    annex = Document(title="PHỤ LỤC", references=(own,))
    doc = Document(kind="quyet_dinh", header=Header(number="7", year=2026, symbol="QĐ-UBND", date="2026-01-02"),
                   references=(own, Reference(number="8", year=2026, symbol="QĐ-UBND")), attachments=(annex,))
    other_format = from_doc("b.pdf", doc)  # the same decision as another file
    found = edges([from_doc("a.docx", doc), other_format])
    assert [(e.number, e.target) for e in found] == [("8", None), ("8", None)]


def test_results_may_be_dicts_and_failures_give_no_edge() -> None:
    tb = from_text("tb-241.txt", TB_241)
    cv6244 = from_text("cv-6244.txt", CV_6244)
    failed = {"path": "x.pdf", "sha256": None, "ok": False, "error": {"code": "unreadable", "message": "x.pdf"},
              "seconds": 0.0, "document": None}
    as_dicts = [tb.model_dump(mode="json"), cv6244.model_dump(mode="json"), failed]
    assert edges(as_dicts) == edges([tb, cv6244])


def test_edges_frame() -> None:
    pd = pytest.importorskip("pandas")
    run = [from_text("tb-241.txt", TB_241), from_text("cv-6244.txt", CV_6244)]
    df = edges_frame(run)
    assert len(df) == len(edges(run))
    assert list(df.columns[:4]) == ["source", "source_attachment", "target", "relation"]
    assert str(df["target"].dtype) == "string" and str(df["candidates"].dtype) == "Int64"
    row = df[df["number"] == "241"].iloc[0]
    assert (row["source"], row["target"], row["relation"]) == (run[1].sha256, run[0].sha256, "thuc_hien")
    assert pd.isna(df[df["number"] == "68"].iloc[0]["target"])


# --- relation words -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "citation", "expected"), [
    ("Quyết định này thay thế Quyết định số 59/2024/QĐ-UBND", "Quyết định số 59/2024/QĐ-UBND", "thay_the"),
    ("Bãi bỏ Quyết định số 58/2024/QĐ-UBND", "Quyết định số 58/2024/QĐ-UBND", "bai_bo"),
    ("Sửa đổi, bổ sung một số điều của Quyết định số 98/2025/QĐ-UBND", "Quyết định số 98/2025/QĐ-UBND", "sua_doi"),
    ("Thông tư này hướng dẫn thi hành Nghị định số 30/2020/NĐ-CP", "Nghị định số 30/2020/NĐ-CP", "huong_dan"),
    ("V/v thực hiện Thông báo số 241/TB-VPCP", "Thông báo số 241/TB-VPCP", "thuc_hien"),
    ("Theo Công văn số 12/SYT-NV, các đơn vị báo cáo", "Công văn số 12/SYT-NV", "dan_chieu"),
    ("thực hiện theo hướng dẫn tại Công văn số 77/STC-QLCS", "Công văn số 77/STC-QLCS", "dan_chieu"),
    ("đã xây dựng Nghị định hướng dẫn Luật số 90/2025/QH15", "Luật số 90/2025/QH15", "dan_chieu"),
    ("Luật số 15/2017/QH14 được sửa đổi, bổ sung bởi Luật số 64/2020/QH14", "Luật số 64/2020/QH14", "dan_chieu"),
    ("BÃI BỎ QUYẾT ĐỊNH SỐ 5/QĐ-UBND", "Quyết định số 5/QĐ-UBND", "bai_bo"),
    ("Huỷ bỏ Quyết định số 6/QĐ-UBND", "Quyết định số 6/QĐ-UBND", "bai_bo"),  # old-style tone placement
    ("Thay thế. Các đơn vị thực hiện. Xem Quyết định số 7/QĐ-UBND", "Quyết định số 7/QĐ-UBND", "dan_chieu"),
    ("Các sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố báo cáo kết quả thực hiện trước ngày 15 hằng tháng;"
     " từ ngày ký ban hành, Ủy ban nhân dân tỉnh quyết định bãi bỏ Quyết định số 8/QĐ-UBND",
     "Quyết định số 8/QĐ-UBND", "bai_bo"),
    ("Căn cứ tình hình thực tế tại địa phương, các đơn vị được giao nhiệm vụ chủ động bố trí kinh phí theo"
     " Quyết định số 9/QĐ-UBND", "Quyết định số 9/QĐ-UBND", "dan_chieu"),  # the cue is past the window
])
def test_relation_told_by_the_words_before_the_citation(text: str, citation: str, expected: str) -> None:
    assert relation_of(text, citation) == expected


@pytest.mark.parametrize(("text", "citation", "expected"), [
    ("Căn cứ Nghị định số 78/2025/NĐ-CP được sửa đổi, bổ sung bởi Nghị định số 187/2025/NĐ-CP",
     "Nghị định số 187/2025/NĐ-CP", "can_cu"),
    ("Thực hiện Văn bản số 6244/UBND-VXNV về việc thực hiện Thông báo số 241/TB-VPCP",
     "Thông báo số 241/TB-VPCP", "thuc_hien"),
    ("Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 9807/TTr-SNV", "Tờ trình số 9807/TTr-SNV", "can_cu"),
    ("Căn cứ Thông tư số 10/2020/TT-BTC hướng dẫn thực hiện Nghị định số 20/2019/NĐ-CP",
     "Nghị định số 20/2019/NĐ-CP", "can_cu"),
])
def test_a_legal_basis_gives_can_cu_or_thuc_hien(text: str, citation: str, expected: str) -> None:
    assert relation_of(text, citation, legal_basis=True) == expected


def test_legal_bases_decide_when_the_words_are_not_found() -> None:
    ref = Reference(number="1", symbol="KH-UBND", text="Kế hoạch 1 của tỉnh")  # not as the basis writes it
    doc = Document(header=Header(number="2", symbol="UBND-VX"), references=(ref,),
                   legal_bases=(LegalBasis(text="Thực hiện Kế hoạch của tỉnh", references=(ref,)),))
    (found,) = edges([from_doc("a", doc)])
    assert found.relation == "thuc_hien"


def test_relation_vocabulary_lives_in_the_data_file() -> None:
    table = tomllib.loads(files("vbhc.data").joinpath("relations.toml").read_text(encoding="utf-8"))
    rel = data.relations()
    assert {r.code for r in rel.relation} == CODES
    assert rel.default == "dan_chieu" and rel.legal_basis_default == "can_cu"
    assert {r.code for r in rel.relation if r.legal_basis} == {"can_cu", "thuc_hien"}
    phrases = [c for r in table["relation"] for c in r["cues"]] + table["passive"] + table["joiners"]
    assert phrases and all(p == fold_tones(p) == p.lower() for p in phrases)
    assert all(k == fold_tones(k) and v == fold_tones(v) for k, v in table["abbreviations"].items())
