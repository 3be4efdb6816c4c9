"""The legacy .doc reader: conversion through LibreOffice, and what happens when it cannot run.

The real conversions need `soffice` (skipped without it); the failure paths use a stand-in `soffice`
script put first on PATH, so they run everywhere with a POSIX shell.
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path

import pytest

import vbhc
from vbhc.readers import read
from vbhc.readers.doc import extract_doc, find_soffice

FIXTURES = Path(__file__).parent / "fixtures" / "docx"
DOCS = sorted(FIXTURES.glob("*.doc"))
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

needs_soffice = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="the stand-in soffice is a shell script")


def test_fixtures_are_legacy_word_files() -> None:
    assert len(DOCS) >= 2
    assert all(p.read_bytes()[:8] == OLE_MAGIC for p in DOCS)


@needs_soffice
@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_doc_is_converted_and_read_like_a_docx(path: Path) -> None:
    got = read(path)
    assert got.format == "doc"
    # the header table read cell by cell, the foot table too
    assert got.text.index("SỞ CÔNG THƯƠNG") < got.text.index("CỘNG HÒA XÃ HỘI") < got.text.index("Kính gửi")
    assert got.text.index("Nơi nhận:") < got.text.index("KT. GIÁM ĐỐC")
    doc = vbhc.parse(path)
    assert doc.kind == "cong_van"
    assert doc.header.issuer == "SỞ CÔNG THƯƠNG"
    assert doc.header.parent_agency == "UBND TỈNH LÀO CAI"
    assert doc.header.number is None  # a draft: blank Số
    assert doc.header.symbol == "SCT-CN"
    assert doc.header.date is not None and doc.header.date.startswith("2025-1")
    assert doc.signer.authority == ("KT. GIÁM ĐỐC",)
    assert doc.signer.name == "Hoàng Văn Thuân"
    assert "VT" in doc.archive


@needs_soffice
def test_conversion_leaves_no_temporary_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    extract_doc(DOCS[0].read_bytes(), name=DOCS[0].name)
    assert list(scratch.iterdir()) == []


def test_missing_libreoffice_is_unsupported_format_saying_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    raw = OLE_MAGIC + b"\x00" * 512
    with pytest.raises(vbhc.UnsupportedFormatError, match=r"old\.doc: .*LibreOffice.*libreoffice-writer"):
        extract_doc(raw, name="old.doc")
    with pytest.raises(vbhc.UnsupportedFormatError, match="LibreOffice"):
        vbhc.parse(raw, name="old.doc")


def test_missing_libreoffice_with_empty_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_soffice() is None
    with pytest.raises(vbhc.UnsupportedFormatError, match="install"):
        extract_doc(OLE_MAGIC, name="old.doc")


def _fake_soffice(tmp_path: Path, body: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    bindir = tmp_path / "bin"
    bindir.mkdir()
    script = bindir / "soffice"
    script.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    monkeypatch.setenv("PATH", str(bindir) + os.pathsep + os.environ.get("PATH", ""))
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    return scratch


@posix_only
def test_failed_conversion_is_a_read_error_and_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    args = tmp_path / "args.txt"
    script = f'printf "%s\\n" "$@" > "{args}"\necho "Error: source file could not be loaded" >&2\nexit 1'
    scratch = _fake_soffice(tmp_path, script, monkeypatch)
    with pytest.raises(vbhc.ReadError, match=r"broken\.doc: LibreOffice could not convert.*could not be loaded"):
        extract_doc(OLE_MAGIC + b"junk", name="broken.doc")
    called = args.read_text(encoding="utf-8").split("\n")
    assert "--headless" in called and "--norestore" in called
    assert called[called.index("--convert-to") + 1].startswith("docx")
    profile = next(a for a in called if a.startswith("-env:UserInstallation=file://"))
    assert str(scratch) in profile  # a throwaway profile inside the private temporary directory
    assert list(scratch.iterdir()) == []


@posix_only
def test_conversion_timeout_is_a_read_error_and_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scratch = _fake_soffice(tmp_path, "sleep 30", monkeypatch)
    with pytest.raises(vbhc.ReadError, match=r"slow\.doc: .*within 0\.5 s"):
        extract_doc(OLE_MAGIC, name="slow.doc", timeout=0.5)
    assert list(scratch.iterdir()) == []


@posix_only
def test_profile_disables_macros(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = tmp_path / "profile.xcu"
    _fake_soffice(tmp_path, 'for a in "$@"; do case "$a" in -env:UserInstallation=file://*) '
                  'cp "${a#-env:UserInstallation=file://}/user/registrymodifications.xcu" "' + str(seen) + '";; '
                  "esac; done; exit 1", monkeypatch)
    with pytest.raises(vbhc.ReadError):
        extract_doc(OLE_MAGIC, name="m.doc")
    xcu = seen.read_text(encoding="utf-8")
    assert "DisableMacrosExecution" in xcu and "MacroSecurityLevel" in xcu
