"""The README's tour shows real values: they are checked here against the bundled example."""

from __future__ import annotations

from pathlib import Path

import vbhc

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "cong-van-628-UBND-VX.txt"


def test_readme_tour_values() -> None:
    doc = vbhc.parse(EXAMPLE)
    assert doc.kind == "cong_van"
    assert (doc.header.number, doc.header.symbol, doc.header.date) == ("628", "UBND-VX", "2020-03-29")
    assert doc.subject is not None and doc.subject.startswith("thực hiện Công văn số 1276-CV/TU của Tỉnh uỷ về")
    first = doc.references[0]
    assert (first.kind, first.number, first.symbol, first.date) == ("cong_van", "1276", "CV/TU", "2020-03-24")
    assert doc.signer.authority == ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH")
    assert doc.signer.position == "PHÓ CHỦ TỊCH"
    assert doc.attachments[0].header.symbol == "TB/TW"


def test_readme_commands_name_the_bundled_example() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "vbhc parse examples/cong-van-628-UBND-VX.txt" in readme
    assert ".venv/bin/python -m pytest" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
