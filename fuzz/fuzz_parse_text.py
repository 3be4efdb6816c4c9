"""Atheris fuzz target: `vbhc.parse_text` on arbitrary Unicode; any exception is a finding.

    scripts/fuzz.sh [SECONDS]          # installs atheris if missing, runs, keeps findings in fuzz/findings/

Run by hand: ``.venv/bin/python fuzz/fuzz_parse_text.py fuzz/corpus -max_total_time=60
-artifact_prefix=fuzz/findings/``. New interesting inputs go to the first corpus folder given.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["vbhc"]):  # `import vbhc` is lazy: import what parse_text runs
    import vbhc.pipeline
    from vbhc.models import Document

    vbhc.pipeline.parse_text("Số: 1/UBND")  # loads the data tables and the lazily imported modules


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    text = provider.ConsumeUnicodeNoSurrogates(len(data)) if data[:1] != b"\xff" else data[1:].decode(
        "utf-8", "replace")
    doc = vbhc.pipeline.parse_text(text)
    Document.model_validate_json(doc.model_dump_json())


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
