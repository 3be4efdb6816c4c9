"""Build backend: setuptools' own, with wheel builds compiled by mypyc (see setup.py).

`pip install .` (or `pip wheel .`) compiles unless VBHC_COMPILE=0: the wheel build then also requires mypy,
pydantic (the mypy plugin) and types-regex, which pip installs into its isolated build environment. Every
other hook (metadata, sdist, editable installs) runs with VBHC_COMPILE=0, so that they stay pure Python,
need no compiler, and write no .so files into src/.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Any

from setuptools import build_meta as _orig
from setuptools.build_meta import *  # noqa: F403  (the hooks not overridden below)

COMPILE_REQUIRES = ["mypy>=2.4", "pydantic>=2.6", "types-regex"]


@contextlib.contextmanager
def _pure() -> Iterator[None]:
    saved = os.environ.get("VBHC_COMPILE")
    os.environ["VBHC_COMPILE"] = "0"
    try:
        yield
    finally:
        if saved is None:
            del os.environ["VBHC_COMPILE"]
        else:
            os.environ["VBHC_COMPILE"] = saved


def get_requires_for_build_wheel(config_settings: Any = None) -> list[str]:
    compiled = os.environ.get("VBHC_COMPILE") != "0"
    with _pure():  # setup.py runs here before mypy is installed
        requires = list(_orig.get_requires_for_build_wheel(config_settings))
    return requires + COMPILE_REQUIRES if compiled else requires


def prepare_metadata_for_build_wheel(metadata_directory: str, config_settings: Any = None) -> str:
    with _pure():  # the metadata do not depend on compilation: no need to run mypyc twice
        return str(_orig.prepare_metadata_for_build_wheel(metadata_directory, config_settings))


def get_requires_for_build_sdist(config_settings: Any = None) -> list[str]:
    with _pure():
        return list(_orig.get_requires_for_build_sdist(config_settings))


def build_sdist(sdist_directory: str, config_settings: Any = None) -> str:
    with _pure():
        return str(_orig.build_sdist(sdist_directory, config_settings))


def get_requires_for_build_editable(config_settings: Any = None) -> list[str]:
    with _pure():
        return list(_orig.get_requires_for_build_editable(config_settings))


def prepare_metadata_for_build_editable(metadata_directory: str, config_settings: Any = None) -> str:
    with _pure():
        return str(_orig.prepare_metadata_for_build_editable(metadata_directory, config_settings))


def build_editable(wheel_directory: str, config_settings: Any = None, metadata_directory: str | None = None) -> str:
    with _pure():
        return str(_orig.build_editable(wheel_directory, config_settings, metadata_directory))
