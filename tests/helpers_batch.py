"""Test doubles for batch runs: parse functions that misbehave on chosen file names.

They are module-level functions so that worker processes can unpickle them (the tests' folder is on the
workers' sys.path because parse_many passes its own sys.path along).
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import vbhc
from vbhc.errors import ReadError


class EncryptedError(ReadError):
    """Stands for a future error class that carries its own code."""

    code = "encrypted"


def misbehaving_parse(path: str) -> vbhc.Document:
    """vbhc.parse, except: hang.txt sleeps forever, stubborn.txt also ignores SIGTERM, crash.txt kills its
    process, boom.txt raises a bug, locked.txt raises an error with a `code` attribute."""
    name = Path(path).name
    if name == "hang.txt":
        time.sleep(3600)
    if name == "stubborn.txt":
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        time.sleep(3600)
    if name == "crash.txt":
        os._exit(3)
    if name == "boom.txt":
        raise KeyError("boom")
    if name == "locked.txt":
        raise EncryptedError(f"{path}: password-protected")
    return vbhc.parse(path)


def parse_with_pid(path: str) -> vbhc.Document:
    """vbhc.parse, with the worker's process id as the subject (to see workers being recycled)."""
    return vbhc.parse(path).model_copy(update={"subject": str(os.getpid())})
