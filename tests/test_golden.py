"""Golden tests: every fixture document with a hand-checked `*.expected.json` beside it parses to it.

The fixtures are the five seed documents the project started from and real documents copied from the
shared corpus (web Markdown conversions, pdftotext layout text, OCR output); see fixtures/README.md.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import vbhc
from golden import compare

FIXTURES = Path(__file__).parent / "fixtures"
READABLE = {".txt", ".md", ".docx", ".doc", ".pdf"}


def _cases() -> list[tuple[Path, Path]]:
    cases = []
    for gold in sorted(FIXTURES.rglob("*.expected.json")):
        stem = gold.name.removesuffix(".expected.json")
        for doc in sorted(gold.parent.glob(stem + ".*")):
            if doc.suffix in READABLE:
                cases.append((doc, gold))
    return cases


CASES = _cases()


def test_fixtures_are_present() -> None:
    assert len(CASES) >= 21  # the seeds as text and .docx, real text and .docx documents


# Differences from the gold that are understood and not yet fixed, per document, exactly as `compare`
# words them. The test fails on any new difference and on any listed one that went away, so this file
# always says where the parser stands (update it in the commit that fixes one).
KNOWN = json.loads((FIXTURES / "known-misses.json").read_text(encoding="utf-8"))


def _case_id(doc: Path) -> str:
    return f"{doc.parent.name}/{doc.name}"


@pytest.mark.parametrize(("doc", "gold"), CASES, ids=[_case_id(d) for d, _ in CASES])
def test_golden(doc: Path, gold: Path) -> None:
    want = json.loads(gold.read_text(encoding="utf-8"))
    got = vbhc.parse(doc).model_dump(mode="json")
    misses = compare(want, got)
    assert misses == KNOWN.get(_case_id(doc), []), "\n".join(misses)


def test_seeds_have_no_known_misses() -> None:
    assert not [k for k in KNOWN if k.startswith("seeds/")]


@pytest.mark.parametrize("doc", [d for d, g in CASES if d.parent.name == "seeds"], ids=lambda d: d.name)
def test_seed_contract_values_exact(doc: Path) -> None:
    """On the seeds the contract's text values are exactly the gold's, not only equal once canonical."""
    want = json.loads(doc.with_name(doc.stem + ".expected.json").read_text(encoding="utf-8"))
    got = vbhc.parse(doc).model_dump(mode="json")
    assert {k: got["header"][k] for k in want["header"]} == want["header"]
    assert got["addressees"] == want["addressees"]
    assert got["recipients"] == want["recipients"]
    assert got["archive"] == want["archive"]
    assert got["signer"] == want["signer"]
    assert got["directives"] == want["directives"]
    assert [b["text"] for b in got["legal_bases"]] == [b["text"] for b in want["legal_bases"]]
