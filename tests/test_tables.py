"""vbhc.tables: the Documents of a run as DataFrames that join on document_id.

Built from the real fixtures (seeds, real .md/.txt/.docx), parsed here, each with the SHA-256 of its bytes;
every count is checked against what the Documents hold.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import vbhc
from vbhc.models import Document
from vbhc.results import ErrorInfo, Result
from vbhc.tables import COLUMNS, TABLES, documents_frame, iter_attachments, to_tables

pd = pytest.importorskip("pandas")

FIXTURES = Path(__file__).parent / "fixtures"
SOURCES = sorted([*FIXTURES.glob("seeds/*.txt"), *(p for p in FIXTURES.glob("real/*") if p.suffix in {".md", ".txt",
                                                                                                       ".docx"})])


def result_of(path: Path) -> Result:
    return Result(path=str(path), sha256=hashlib.sha256(path.read_bytes()).hexdigest(), ok=True, seconds=0.5,
                  document=vbhc.parse(path))


FAILED = Result(path="archive/broken.pdf", sha256="ab" * 32, ok=False, seconds=0.1,
                error=ErrorInfo(code="unreadable", message="archive/broken.pdf: truncated file"))


@pytest.fixture(scope="module")
def run() -> list[Result]:
    return [result_of(p) for p in SOURCES]


@pytest.fixture(scope="module")
def tables(run: list[Result]) -> dict[str, pd.DataFrame]:
    return to_tables([*run, FAILED])


def by_id(run: list[Result]) -> dict[str, Document]:
    return {r.sha256: r.document for r in run if r.sha256 and r.document}


def flat_count(items: tuple[vbhc.Directive, ...]) -> int:
    return sum(1 + flat_count(item.children) for item in items)


def part_rows(table: pd.DataFrame, doc_id: str, attachment: int | None) -> pd.DataFrame:
    rows = table[table["document_id"] == doc_id]
    return rows[rows["attachment"].isna()] if attachment is None else rows[rows["attachment"] == attachment]


def test_fixtures_cover_every_table(run: list[Result]) -> None:
    assert len(SOURCES) >= 15
    docs = by_id(run).values()
    assert any(d.attachments for d in docs) and any(d.legal_bases for d in docs) and any(d.issues for d in docs)


def test_every_table_has_its_columns_and_dtypes_in_order(tables: dict[str, pd.DataFrame]) -> None:
    assert tuple(tables) == TABLES
    for name, df in tables.items():
        assert [(c, str(t)) for c, t in df.dtypes.items()] == [(c, t) for c, t in COLUMNS[name]], name
        assert len(df) > 0, name


def test_an_empty_run_gives_the_same_empty_tables() -> None:
    empty = to_tables([])
    assert tuple(empty) == TABLES
    for name, df in empty.items():
        assert df.empty
        assert [(c, str(t)) for c, t in df.dtypes.items()] == [(c, t) for c, t in COLUMNS[name]]


def test_documents_one_row_each_with_header_fields(run: list[Result], tables: dict[str, pd.DataFrame]) -> None:
    docs = tables["documents"]
    assert len(docs) == len(run) and docs["document_id"].is_unique
    assert list(docs["path"]) == [r.path for r in run]
    row = docs[docs["path"].str.contains("001_a8ad884f9afb5345")].iloc[0]
    assert (row["kind"], row["number"], row["symbol"], row["date"]) == ("cong_van", "628", "UBND-VX", "2020-03-29")
    assert row["issuer"] == "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"
    assert row["signer_authority"] == "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH"
    assert row["signer_position"] == "PHÓ CHỦ TỊCH"
    assert row["n_attachments"] == 1
    assert pd.isna(row["year"])
    law = docs[docs["path"].str.contains("98-2025-QD-UBND")].iloc[0]
    assert (law["number"], law["year"], law["symbol"]) == ("98", 2025, "QĐ-UBND")


def test_counts_equal_what_the_documents_hold(run: list[Result], tables: dict[str, pd.DataFrame]) -> None:
    docs = tables["documents"].set_index("document_id")
    for doc_id, doc in by_id(run).items():
        row = docs.loc[doc_id]
        assert row["n_references"] == len(doc.references)
        assert row["n_legal_bases"] == len(doc.legal_bases)
        assert row["n_directives"] == flat_count(doc.directives)
        assert row["n_recipients"] == len(doc.recipients)
        assert row["n_issues"] == len(doc.issues)
        assert row["n_attachments"] == len(list(iter_attachments(doc)))
        codes = row["issue_codes"]
        assert (codes.split(",") if isinstance(codes, str) else []) == [str(i.code) for i in doc.issues]


def test_child_tables_hold_every_item_of_body_and_attachments(run: list[Result],
                                                              tables: dict[str, pd.DataFrame]) -> None:
    for doc_id, doc in by_id(run).items():
        parts = [(None, doc), *((pos, part) for pos, _, _, part in iter_attachments(doc))]
        for attachment, part in parts:
            refs = part_rows(tables["references"], doc_id, attachment)
            assert list(refs["number"].astype(object).where(refs["number"].notna(), None)) == [
                r.number for r in part.references]
            assert list(refs["text"]) == [r.text for r in part.references]
            assert list(refs["position"]) == list(range(1, len(part.references) + 1))
            bases = part_rows(tables["legal_bases"], doc_id, attachment)
            assert list(bases["text"]) == [b.text for b in part.legal_bases]
            assert list(bases["n_references"]) == [len(b.references) for b in part.legal_bases]
            assert len(part_rows(tables["directives"], doc_id, attachment)) == flat_count(part.directives)
            recipients = part_rows(tables["recipients"], doc_id, attachment)
            assert list(recipients["name"]) == [r.name for r in part.recipients]
            assert list(part_rows(tables["issues"], doc_id, attachment)["code"]) == [str(i.code) for i in part.issues]
    total_refs = sum(len(p.references) for d in by_id(run).values()
                     for p in [d, *(a for *_, a in iter_attachments(d))])
    assert len(tables["references"]) == total_refs


def test_join_keys_match(tables: dict[str, pd.DataFrame]) -> None:
    ids = set(tables["documents"]["document_id"])
    for name in ("references", "legal_bases", "directives", "recipients", "attachments", "issues"):
        assert set(tables[name]["document_id"]) <= ids, name
    assert set(tables["edges"]["source"]) <= ids
    assert set(tables["edges"]["target"].dropna()) <= ids
    # every attachment number used in a child table is a row of `attachments`
    known = set(zip(tables["attachments"]["document_id"], tables["attachments"]["position"], strict=True))
    for name in ("references", "legal_bases", "directives", "recipients", "issues"):
        rows = tables[name].dropna(subset=["attachment"])
        assert set(zip(rows["document_id"], rows["attachment"], strict=True)) <= known, name
    merged = tables["references"].merge(tables["documents"][["document_id", "kind"]], on="document_id",
                                        suffixes=("", "_doc"))
    assert len(merged) == len(tables["references"])


def test_attachments_rows_in_preorder(run: list[Result], tables: dict[str, pd.DataFrame]) -> None:
    attachments = tables["attachments"]
    assert len(attachments) == sum(len(list(iter_attachments(d))) for d in by_id(run).values())
    seed = next(d for i, d in by_id(run).items() if d.header.number == "628")
    doc_id = next(i for i, d in by_id(run).items() if d is seed)
    row = attachments[attachments["document_id"] == doc_id].iloc[0]
    assert (row["position"], row["depth"], row["symbol"], row["number"]) == (1, 1, "TB/TW", "172")
    assert pd.isna(row["parent"])
    assert row["n_references"] == len(seed.attachments[0].references) == 3
    refs = part_rows(tables["references"], doc_id, 1)
    assert list(refs["symbol"].fillna("-")) == ["BC/BCSĐCP", "CT/TW", "-"]


def test_directives_flattened_with_path_and_depth(run: list[Result], tables: dict[str, pd.DataFrame]) -> None:
    directives = tables["directives"]
    for _key, rows in directives.groupby(["document_id", directives["attachment"].fillna(0)]):
        paths = list(rows["path"])
        assert list(rows["position"]) == list(range(1, len(rows) + 1))
        assert set(rows["parent_path"].dropna()) <= set(paths)
        assert all(d == p.count("/") + 1 for d, p in zip(rows["depth"], paths, strict=True))
        top = [p for p in paths if "/" not in p]
        assert top == [str(i) for i in range(1, len(top) + 1)]
    law = next(i for i, d in by_id(run).items() if d.header.number == "98")
    rows = part_rows(directives, law, None).set_index("path")
    doc = by_id(run)[law]
    assert rows.loc["5/2", "text"] == doc.directives[4].children[1].text
    assert rows.loc["5/2", "label"] == doc.directives[4].children[1].label
    assert (rows.loc["5/2", "depth"], rows.loc["5/2", "parent_path"]) == (2, "5")
    assert rows.loc["5", "n_children"] == len(doc.directives[4].children)


def test_references_point_at_the_legal_basis_citing_them(run: list[Result], tables: dict[str, pd.DataFrame]) -> None:
    refs, bases = tables["references"], tables["legal_bases"]
    cited = refs.dropna(subset=["legal_basis"]).merge(
        bases, left_on=["document_id", "attachment", "legal_basis"], right_on=["document_id", "attachment", "position"],
        suffixes=("", "_basis"))
    assert len(cited) == refs["legal_basis"].notna().sum() > 20
    for number, text, basis in zip(cited["number"], cited["text"], cited["text_basis"], strict=True):
        assert (text if pd.isna(number) else number) in basis
    qd = next(i for i, d in by_id(run).items() if d.header.number == "1050")
    rows = part_rows(refs, qd, None).set_index("number")
    assert rows.loc["42", "legal_basis"] == 1 and rows.loc["17", "legal_basis"] == 5


def test_failed_results_go_to_errors(tables: dict[str, pd.DataFrame]) -> None:
    errors = tables["errors"]
    assert errors.to_dict("records") == [{"document_id": "ab" * 32, "path": "archive/broken.pdf", "code": "unreadable",
                                          "message": "archive/broken.pdf: truncated file", "seconds": 0.1}]
    assert "archive/broken.pdf" not in set(tables["documents"]["path"])


def test_dicts_read_back_from_jsonl_give_the_same_tables(run: list[Result], tables: dict[str, pd.DataFrame]) -> None:
    lines = [json.loads(r.model_dump_json()) for r in [*run, FAILED]]
    again = to_tables(lines)
    for name in TABLES:
        pd.testing.assert_frame_equal(again[name], tables[name])


def test_a_file_given_twice_counts_once(run: list[Result]) -> None:
    twice = [run[0], run[0].model_copy(update={"path": "copy/of/it.txt"}), run[1]]
    tables = to_tables(twice)
    assert list(tables["documents"]["path"]) == [run[0].path, run[1].path]
    assert len(tables["references"]) == len(to_tables(run[:2])["references"])


def test_documents_frame_is_the_documents_table(run: list[Result], tables: dict[str, pd.DataFrame]) -> None:
    pd.testing.assert_frame_equal(documents_frame([*run, FAILED]), tables["documents"])


def test_import_vbhc_tables_does_not_import_pandas() -> None:
    import subprocess
    import sys

    code = "import sys, vbhc.tables, vbhc.graph, vbhc.display, vbhc.cli_tables; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
