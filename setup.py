"""Opt-in mypyc build: `VBHC_COMPILE=1 pip install .` compiles the text pipeline's modules to C extensions.

Without VBHC_COMPILE=1 (the default, and always for editable installs and sdists, see _build/backend.py)
this adds nothing to pyproject.toml: the package is pure Python. A compiled wheel still ships every .py
file, and the compiled modules behave the same; `vbhc.pipeline.__file__` ends in .so when they are used.
"""

from __future__ import annotations

import os
import sys

from setuptools import setup

# The pure computation of parse_text: no pydantic models, no I/O; compiled together into one shared library.
# Not compiled: models.py (pydantic), the I/O, CLI and glue modules (readers/, data/, batch.py, ...), and
# modules off parse_text's path or with nothing to speed up there (caches.py: lru_cache registry; limits.py:
# parse(path) only; tables.py: pandas tables of a batch; extract/__init__.py: imports only).
COMPILED = [
    "src/vbhc/check.py",
    "src/vbhc/columns.py",
    "src/vbhc/dates.py",
    "src/vbhc/normalize.py",
    "src/vbhc/paragraphs.py",
    "src/vbhc/patterns.py",
    "src/vbhc/pipeline.py",
    "src/vbhc/segment.py",
    "src/vbhc/tones.py",
    "src/vbhc/extract/addressees.py",
    "src/vbhc/extract/directives.py",
    "src/vbhc/extract/header.py",
    "src/vbhc/extract/kind.py",
    "src/vbhc/extract/legal_bases.py",
    "src/vbhc/extract/recipients.py",
    "src/vbhc/extract/references.py",
    "src/vbhc/extract/signer.py",
    "src/vbhc/extract/subject.py",
]


def compile_requested() -> bool:
    value = os.environ.get("VBHC_COMPILE", "")
    if value not in ("", "0", "1"):
        sys.exit(f"VBHC_COMPILE must be 1 (compile with mypyc) or 0/unset (pure Python), not {value!r}")
    return value == "1"


def ext_modules() -> list[object]:
    if not compile_requested():
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        sys.exit("VBHC_COMPILE=1 needs mypy (with mypyc), pydantic and types-regex where the build runs; "
                 "pip installs them itself unless --no-build-isolation is given")
    # The mypy configuration is pyproject's (strict, pydantic plugin). Modules that are only imported are
    # followed silently: their third-party imports (pdfplumber, pandas, ...) need not be installed to build.
    return list(mypycify(["--follow-imports=silent", *COMPILED], opt_level="3"))


setup(ext_modules=ext_modules())
