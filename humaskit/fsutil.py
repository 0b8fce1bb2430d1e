"""Reading and writing users' files: clear Indonesian errors on read, atomic writes.

A user's file is either the old version or the new one, never half written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from humaskit.errors import HumaskitError

# Plans, templates, guidelines and CSV batches are far smaller; anything bigger is a wrong file.
MAX_INPUT_BYTES = 50_000_000


def atomic_write(path: str | os.PathLike, data: bytes | str, *, encoding: str = "utf-8") -> None:
    """Write ``data`` to a temporary file beside ``path``, flush it, then rename over ``path``.

    The permissions of an existing file are kept.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode(encoding) if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        except FileNotFoundError:
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def read_user_text(path: str | os.PathLike, *, what: str, max_bytes: int = MAX_INPUT_BYTES,
                   too_big_hint: str = "") -> str:
    """Read a user's file (or ``-`` for standard input) as UTF-8, with a clear Indonesian error,
    naming the file (and the line of a bad byte), for anything that cannot be read.

    Only regular files are read (a device such as /dev/zero or a FIFO would never end or
    never start), the size is checked before reading, and at most ``max_bytes + 1`` bytes
    are ever read, so no input can take the memory."""
    import stat
    import sys

    from humaskit.errors import os_reason

    def too_big(size: str) -> HumaskitError:
        message = f"{what} terlalu besar ({size}); batasnya {max_bytes / 1e6:.0f} MB."
        return HumaskitError.single(f"{message} {too_big_hint}".strip(), path=str(path))

    if str(path) == "-":
        raw = sys.stdin.buffer.read(max_bytes + 1)
    else:
        try:
            # O_NONBLOCK: opening a FIFO must not wait for a writer that never comes.
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        except FileNotFoundError:
            raise HumaskitError.single(f"{what} tidak ditemukan.", path=str(path)) from None
        except IsADirectoryError:
            raise HumaskitError.single(f"{what} adalah folder, bukan berkas.", path=str(path)) from None
        except OSError as exc:
            raise HumaskitError.single(f"{what} tidak dapat dibaca: {os_reason(exc)}.", path=str(path)) from None
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            os.close(fd)
            if stat.S_ISDIR(info.st_mode):
                raise HumaskitError.single(f"{what} adalah folder, bukan berkas.", path=str(path))
            raise HumaskitError.single(f"{what} bukan berkas biasa (perangkat, FIFO, atau soket); sebutkan "
                                       "berkas teks yang tersimpan di disk.", path=str(path))
        with os.fdopen(fd, "rb") as handle:
            if info.st_size > max_bytes:
                raise too_big(f"{info.st_size / 1e6:.1f} MB")
            try:
                raw = handle.read(max_bytes + 1)
            except OSError as exc:
                raise HumaskitError.single(f"{what} tidak dapat dibaca: {os_reason(exc)}.",
                                           path=str(path)) from None
    if len(raw) > max_bytes:
        raise too_big(f"lebih dari {max_bytes / 1e6:.1f} MB")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise HumaskitError.single(
            f"{what} bukan teks UTF-8 (bita ke-{exc.start + 1} tidak valid). Simpan ulang berkas dengan "
            "pengodean UTF-8.", path=str(path), line=line) from None
