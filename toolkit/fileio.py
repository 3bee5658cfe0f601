"""Atomic file writes: a crash, a kill or an error mid-write never destroys the previous file.

The new content goes into a temporary file in the target's folder, is fsynced, and only then
renamed over the target (``os.replace`` is atomic on POSIX). On Linux the temporary file is
anonymous (``O_TMPFILE``): a process killed with SIGKILL mid-write leaves nothing behind, the
way SQLite's journal or git's lockfiles make a crash harmless. Where that is not available, the
temporary file is named after the writing process, and the next write into the same folder
removes those of processes that no longer run.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import RenderError

__all__ = ["atomic_path", "remove_stale_temporaries", "write_bytes_atomic"]

# Temporary paths handed out and not yet finished: writing "atomically" into one of them
# (a pack's PDF is written by the PDF renderer, which is atomic itself) writes it directly.
_LIVE: set[str] = set()


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path next to `path`; on success it replaces `path` atomically.

    The caller writes the temporary file (python-docx, WeasyPrint and friends want a path);
    it is fsynced and renamed over `path` only when the block finishes without an exception.
    An existing target that is not a regular file (``/dev/null``, a pipe) is written directly:
    it can't be replaced, and nothing of it can be lost.
    """
    if str(path) in _LIVE:
        yield path
        return
    folder = path.parent
    _check_target(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(f"{folder}: can't create the output folder ({_reason(exc)})") from None
    if _is_special(path):
        yield path
        return
    remove_stale_temporaries(path)
    fd = _anonymous_file(folder)
    if fd is not None:
        with _finish_anonymous(fd, path) as tmp:
            yield tmp
        return
    tmp = _named_temporary(path)
    _LIVE.add(str(tmp))
    try:
        yield tmp
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        _replace(tmp, path)
    finally:
        _LIVE.discard(str(tmp))
        tmp.unlink(missing_ok=True)


def write_bytes_atomic(path: Path, data: bytes | Callable[[], bytes]) -> None:
    """Write `data` (or what calling it returns) to `path` atomically."""
    try:
        with atomic_path(path) as tmp:
            tmp.write_bytes(data() if callable(data) else data)
    except OSError as exc:
        raise RenderError(f"{path}: can't be written ({_reason(exc)})") from None


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove temporary files for `path` left by processes that no longer run; return them."""
    removed: list[Path] = []
    with contextlib.suppress(OSError):
        for candidate in path.parent.glob(f".{path.name}.*.tmp"):
            parts = candidate.name[len(path.name) + 2 :].split(".")
            if not parts or not parts[0].isdigit() or _alive(int(parts[0])):
                continue
            with contextlib.suppress(OSError):
                candidate.unlink()
                removed.append(candidate)
    return removed


def _check_target(path: Path) -> None:
    if path.is_dir():
        raise RenderError(f"{path}: is a directory; give a file name for the output")


def _is_special(path: Path) -> bool:
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode)


def _anonymous_file(folder: Path) -> int | None:
    """Return a descriptor of an unnamed file in `folder` (Linux O_TMPFILE), or None."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not Path("/proc/self/fd").is_dir():
        return None
    try:
        return os.open(folder, flag | os.O_RDWR, 0o666)  # the umask applies, as for open()
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
            return None  # the file system can't: fall back to a named temporary file
        raise RenderError(f"{folder}: can't write here ({_reason(exc)})") from None


@contextlib.contextmanager
def _finish_anonymous(fd: int, path: Path) -> Iterator[Path]:
    """Yield a path to the unnamed file `fd`; on success, give it the name `path`."""
    proc = Path(f"/proc/self/fd/{fd}")
    _LIVE.add(str(proc))
    try:
        yield proc
        os.fsync(fd)
        named = path.parent / f".{path.name}.{os.getpid()}.tmp"
        named.unlink(missing_ok=True)
        # linkat(AT_SYMLINK_FOLLOW): CPython calls plain link() (which would link the /proc
        # symlink itself) unless a dir_fd is given.
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.link(proc, named.name, dst_dir_fd=dir_fd, follow_symlinks=True)
        finally:
            os.close(dir_fd)
        try:
            _replace(named, path)
        finally:
            named.unlink(missing_ok=True)
    finally:
        _LIVE.discard(str(proc))
        os.close(fd)


def _named_temporary(path: Path) -> Path:
    folder = path.parent
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=folder
        )
    except OSError as exc:
        raise RenderError(f"{folder}: can't write here ({_reason(exc)})") from None
    os.close(fd)
    tmp = Path(tmp_name)
    # mkstemp creates 0600; an output file gets the usual permissions (0666 minus umask).
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    return tmp


def _replace(tmp: Path, path: Path) -> None:
    os.replace(tmp, path)
    # The rename is durable only once the folder is synced (SQLite does the same).
    with contextlib.suppress(OSError):
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
