"""Legacy .doc reader: converted to .docx by LibreOffice (headless), then read as .docx.

Word 97-2003 binary files are common in older archives. LibreOffice converts them faithfully (tables,
automatic numbering, text boxes), so the .docx reader does the rest. Each conversion runs with a throwaway
user profile in a private temporary directory (no shared state, no first-start wizard, macros never run:
the profile is new and ``--convert-to`` does not execute document macros), under a timeout, and the
directory is removed afterwards whatever happens.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from vbhc.errors import ReadError, UnsupportedFormatError
from vbhc.limits import Limits
from vbhc.readers import Extracted

__all__ = ["CONVERT_TIMEOUT", "convert", "convert_to_docx", "extract_doc", "find_soffice"]

CONVERT_TIMEOUT = 60.0
"""Seconds a LibreOffice conversion may take before the file is given up (ReadError)."""

_INSTALL_HINT = (
    "reading legacy .doc files needs LibreOffice: install it (Debian/Ubuntu: apt install libreoffice-writer-nogui; "
    "macOS: brew install --cask libreoffice) so that `soffice` is on PATH, or save the file as .docx"
)


def find_soffice() -> str | None:
    """Path of the LibreOffice executable, or None."""
    for exe in ("soffice", "libreoffice"):
        path = shutil.which(exe)
        if path:
            return path
    return None


def extract_doc(raw: bytes, *, name: str, timeout: float | None = None, limits: Limits | None = None) -> Extracted:
    """Text of a .doc file in the pipeline's conventions (see vbhc.readers)."""
    soffice = find_soffice()
    if soffice is None:
        raise UnsupportedFormatError(f"{name}: {_INSTALL_HINT}")
    docx_bytes = convert_to_docx(raw, name=name, soffice=soffice, timeout=timeout or CONVERT_TIMEOUT)
    from vbhc.readers.docx import extract_docx

    got = extract_docx(docx_bytes, name=name, limits=limits)
    return Extracted(text=got.text, format="doc", issues=got.issues)


def convert_to_docx(raw: bytes, *, name: str, soffice: str, timeout: float = CONVERT_TIMEOUT) -> bytes:
    """The .docx LibreOffice makes of the .doc bytes `raw`; ReadError if it cannot."""
    return convert(raw, name=name, soffice=soffice, suffix=".doc", target="docx:MS Word 2007 XML", timeout=timeout)


def convert(raw: bytes, *, name: str, soffice: str, suffix: str, target: str,
            timeout: float = CONVERT_TIMEOUT) -> bytes:
    """Bytes of `raw` (a file with `suffix`) converted by LibreOffice to `target` ("docx:...", "pdf").

    Runs ``soffice --headless --convert-to`` in a private temporary directory with a throwaway profile,
    under `timeout`; the directory goes away afterwards, also on failure. ReadError if no output.
    """
    tmp = Path(tempfile.mkdtemp(prefix="vbhc-soffice-"))
    try:
        source = tmp / ("input" + suffix)
        source.write_bytes(raw)
        outdir = tmp / "out"
        outdir.mkdir()
        profile = tmp / "profile"
        _write_profile(profile)
        cmd = [
            soffice, "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to", target, "--outdir", str(outdir), str(source),
        ]
        env = {**os.environ, "HOME": str(tmp), "SAL_USE_VCLPLUGIN": "svp"}
        returncode, output = _run(cmd, env=env, cwd=tmp, timeout=timeout, name=name)
        produced = sorted(outdir.glob("input.*"))
        if returncode != 0 or not produced or produced[0].stat().st_size == 0:
            detail = output.decode("utf-8", "replace").strip().splitlines()
            reason = detail[-1] if detail else f"exit status {returncode}, no output"
            raise ReadError(f"{name}: LibreOffice could not convert the file: {reason}")
        return produced[0].read_bytes()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _run(cmd: list[str], *, env: dict[str, str], cwd: Path, timeout: float, name: str) -> tuple[int, bytes]:
    """Run LibreOffice in its own process group; on timeout kill the whole group (soffice forks)."""
    try:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                env=env, cwd=cwd, start_new_session=True)
    except OSError as exc:
        raise ReadError(f"{name}: cannot run LibreOffice ({cmd[0]}): {exc}") from exc
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        _kill(proc)
        raise ReadError(f"{name}: LibreOffice did not finish the conversion within {timeout:g} s") from exc
    except BaseException:
        _kill(proc)
        raise
    return proc.returncode, out or b""


def _kill(proc: subprocess.Popen[bytes]) -> None:
    try:
        if hasattr(os, "killpg"):
            os.killpg(proc.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            proc.kill()
    except (ProcessLookupError, PermissionError):
        pass
    proc.communicate()


# A fresh profile with macro execution switched off (security level "very high", macros disabled).
_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
<prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
<prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
"""


def _write_profile(profile: Path) -> None:
    user = profile / "user"
    user.mkdir(parents=True)
    (user / "registrymodifications.xcu").write_text(_PROFILE, encoding="utf-8")
