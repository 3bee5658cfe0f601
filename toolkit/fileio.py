"""Atomic file writes: a crash or an error mid-write never destroys the previous file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import RenderError

__all__ = ["atomic_path", "write_bytes_atomic"]


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path next to `path`; on success it replaces `path` atomically.

    The caller writes the temporary file (python-docx, WeasyPrint and friends want a path);
    it is fsynced and renamed over `path` only when the block finishes without an exception.
    """
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(f"{folder}: can't create the output folder ({exc.strerror})") from None
    if path.is_dir():
        raise RenderError(f"{path}: is a directory; give a file name for the output")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise RenderError(f"{folder}: can't write here ({exc.strerror})") from None
    os.close(fd)
    tmp = Path(tmp_name)
    # mkstemp creates 0600; an output file gets the usual permissions (0666 minus umask).
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        yield tmp
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_bytes_atomic(path: Path, data: bytes | Callable[[], bytes]) -> None:
    """Write `data` (or what calling it returns) to `path` atomically."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data() if callable(data) else data)
