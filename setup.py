"""Compiled build: `pip install .` compiles the text pipeline's modules to C extensions with mypyc.

VBHC_COMPILE chooses: unset, compile when the machine can (mypy, a C compiler and the Python headers), else
build pure Python with a warning; `1`, compile or fail; `0`, pure Python. Editable installs and sdists are
always pure (see _build/backend.py). A compiled wheel still ships every .py file, and the compiled modules
behave the same; `vbhc.pipeline.__file__` ends in .so when they are used.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

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


def compile_mode() -> str:
    """"1" (compile or fail), "0" (pure Python) or "" (compile when possible)."""
    value = os.environ.get("VBHC_COMPILE", "")
    if value not in ("", "0", "1"):
        sys.exit(f"VBHC_COMPILE must be 1 (compile), 0 (pure Python) or unset (compile when possible), not {value!r}")
    return value


def _fall_back(why: str) -> None:
    """Compilation is not possible here and was not demanded: say so, and build pure Python."""
    print(f"vbhc: building pure Python, not compiled ({why}); VBHC_COMPILE=1 makes this an error",
          file=sys.stderr)


def ext_modules() -> list[Any]:
    mode = compile_mode()
    if mode == "0":
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        if mode == "1":
            sys.exit("VBHC_COMPILE=1 needs mypy (with mypyc), pydantic and types-regex where the build runs; "
                     "pip installs them itself unless --no-build-isolation is given")
        _fall_back("mypy is not installed where the build runs")
        return []
    # The mypy configuration is pyproject's (strict, pydantic plugin). Modules that are only imported are
    # followed silently: their third-party imports (pdfplumber, pandas, ...) need not be installed to build.
    try:
        return list(mypycify(["--follow-imports=silent", *COMPILED], opt_level="3"))
    except (Exception, SystemExit) as error:  # mypy exits on a type error it finds
        if mode == "1":
            raise
        _fall_back(f"mypyc failed: {type(error).__name__}: {str(error)[:100]}")
        return []


class OptionalBuildExt(build_ext):
    """build_ext that, unless VBHC_COMPILE=1, leaves a pure-Python build when the C compiler fails (none
    installed, no Python headers). All or nothing: the modules share one library, so what was built before the
    failure is removed."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # setuptools' CCompilerError, ExecError, PlatformError, or OSError
            if compile_mode() == "1" or not self.extensions:
                raise
            for output in self.get_outputs():
                Path(output).unlink(missing_ok=True)
            self.extensions = []
            _fall_back(f"the C compiler failed: {type(error).__name__}: {str(error)[:100]}")


setup(ext_modules=ext_modules(), cmdclass={"build_ext": OptionalBuildExt})
