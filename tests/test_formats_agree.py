"""One document, several formats: the .txt, .docx and .pdf of the same text give the same reading.

The fixtures in fixtures/formats/ are copies of documents the shared corpus holds in more than one format
(TB 1894: the .docx draft, the signed .pdf and its pdftotext .txt; KH 1105 and QĐ 1050: .pdf and .txt;
Nghị định 25/2026/NĐ-CP: the vbpl.vn .txt and a .docx). A draft leaves Số and the day blank: those are
compared only where both versions carry them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import vbhc
from vbhc.extract.references import ref_key
from vbhc.tones import fold_tones

FORMATS = Path(__file__).parent / "fixtures" / "formats"
GROUPS = sorted({p.stem for p in FORMATS.iterdir() if p.suffix in {".txt", ".docx", ".pdf"}})


def _versions(stem: str) -> list[Path]:
    return sorted(p for p in FORMATS.glob(stem + ".*") if p.suffix in {".txt", ".docx", ".pdf"})


@pytest.mark.parametrize("stem", GROUPS)
def test_formats_agree_on_header_references_and_signer(stem: str) -> None:
    versions = _versions(stem)
    assert len(versions) >= 2
    docs = {p.suffix: vbhc.parse(p) for p in versions}
    base_suffix, base = next(iter(docs.items()))
    for suffix, doc in docs.items():
        where = f"{stem}{suffix} vs {stem}{base_suffix}"
        for field in ("symbol", "year", "issuer", "parent_agency", "national_name"):
            # the versions may differ in tone placement only (CỘNG HOÀ in one, CỘNG HÒA in the other)
            a, b = getattr(doc.header, field), getattr(base.header, field)
            assert fold_tones(str(a)) == fold_tones(str(b)), f"{where}: header.{field}"
        if doc.header.number and base.header.number:
            assert doc.header.number == base.header.number, f"{where}: header.number"
        a, b = doc.header.date or "", base.header.date or ""
        assert a.startswith(b) or b.startswith(a), f"{where}: header.date {a!r} / {b!r}"
        assert doc.signer == base.signer, f"{where}: signer"
        assert {ref_key(r) for r in doc.references} == {ref_key(r) for r in base.references}, f"{where}: references"
