"""Reading and writing users' files: clear Indonesian errors, limits, atomic writes.

Every file of a user's that the package reads goes through :func:`read_user_bytes` (or
:func:`read_user_text` on top of it); a file handed to another library by name (an image
for Pillow) is checked first with :func:`check_regular` or :func:`regular_file_problem`.
Every file written goes through :func:`atomic_write`: a user's file is either the old
version or the new one, never half written.
"""

from __future__ import annotations

import os
from pathlib import Path

from humaskit.errors import HumaskitError

# Plans, templates, guidelines and CSV batches are far smaller; anything bigger is a wrong file.
MAX_INPUT_BYTES = 50_000_000
_NOT_REGULAR = "bukan berkas biasa (perangkat, FIFO, atau soket); tunjuk berkas yang tersimpan di disk."


def regular_file_problem(path: str | os.PathLike, what: str, *, relative_to: str | None = None) -> str | None:
    """Why ``path`` cannot be read as a user's file, found without opening it (opening a FIFO
    waits for a writer, a device such as /dev/zero never ends), or None for a regular file.

    ``what`` names the file in the message ("Berkas logo 'logo.png'"); ``relative_to`` says
    where a relative name was looked up, for the "not found" message."""
    import stat

    from humaskit.errors import os_reason

    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        where = f" (relatif terhadap {relative_to})" if relative_to else ""
        return f"{what} tidak ditemukan{where}."
    except OSError as exc:
        return f"{what} tidak dapat dibaca: {os_reason(exc)}."
    except ValueError:  # a NUL character in the name
        return f"{what} tidak ditemukan: namanya memuat karakter NUL."
    if stat.S_ISDIR(mode):
        return f"{what} adalah folder, bukan berkas."
    if not stat.S_ISREG(mode):
        return f"{what} {_NOT_REGULAR}"
    return None


def check_regular(path: str | os.PathLike, *, what: str, relative_to: str | None = None) -> None:
    """Raise :class:`HumaskitError` naming ``path`` unless it is a regular file (see
    :func:`regular_file_problem`); for files another library opens by name."""
    problem = regular_file_problem(path, what, relative_to=relative_to)
    if problem:
        raise HumaskitError.single(problem, path=str(path))


def read_user_bytes(path: str | os.PathLike, *, what: str, max_bytes: int = MAX_INPUT_BYTES,
                    too_big_hint: str = "") -> bytes:
    """The bytes of a user's file (or ``-`` for standard input), at most ``max_bytes``.

    Only a regular file is opened, its size is checked before reading, and at most
    ``max_bytes + 1`` bytes are ever read, so no input can hang the command or take the
    memory. Anything that cannot be read is a :class:`HumaskitError` naming the file, in
    Indonesian; ``what`` names the kind of file ("Draf", "Berkas pedoman")."""
    import stat
    import sys

    from humaskit.errors import os_reason

    def too_big(size: str) -> HumaskitError:
        message = f"{what} terlalu besar ({size}); batasnya {max_bytes / 1e6:.0f} MB."
        return HumaskitError.single(f"{message} {too_big_hint}".strip(), path=str(path))

    if str(path) == "-":
        raw = sys.stdin.buffer.read(max_bytes + 1)
    else:
        check_regular(path, what=what)
        try:
            # O_NONBLOCK: should the file have been swapped for a FIFO since the check, opening it
            # must not wait for a writer that never comes (the type is checked again below).
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        except OSError as exc:
            raise HumaskitError.single(f"{what} tidak dapat dibaca: {os_reason(exc)}.", path=str(path)) from None
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise HumaskitError.single(f"{what} {_NOT_REGULAR}", path=str(path))
            if info.st_size > max_bytes:
                raise too_big(f"{info.st_size / 1e6:.1f} MB")
            try:
                raw = handle.read(max_bytes + 1)
            except OSError as exc:
                raise HumaskitError.single(f"{what} tidak dapat dibaca: {os_reason(exc)}.",
                                           path=str(path)) from None
    if len(raw) > max_bytes:
        raise too_big(f"lebih dari {max_bytes / 1e6:.1f} MB")
    return raw


def read_user_text(path: str | os.PathLike, *, what: str, max_bytes: int = MAX_INPUT_BYTES,
                   too_big_hint: str = "") -> str:
    """:func:`read_user_bytes` decoded as UTF-8; a bad byte is an error naming its line."""
    raw = read_user_bytes(path, what=what, max_bytes=max_bytes, too_big_hint=too_big_hint)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise HumaskitError.single(
            f"{what} bukan teks UTF-8 (bita ke-{exc.start + 1} tidak valid). Simpan ulang berkas dengan "
            "pengodean UTF-8.", path=str(path), line=line) from None


def atomic_write(path: str | os.PathLike, data: bytes | str, *, encoding: str = "utf-8",
                 expected: bytes | str | None = None, what: str = "Berkas") -> None:
    """Write ``data`` to a temporary file beside ``path``, flush it, then rename it over ``path``.

    A symbolic link is kept and the file it points to is written. An existing file keeps its
    permissions; one that nobody may write (read-only) is refused, not replaced. With
    ``expected`` (the content as it was read), a file that changed since is refused, so an
    edit saved in between is never lost. The temporary file is removed whatever stops the
    write, Ctrl-C included. Every failure is a :class:`HumaskitError` naming ``path``, with
    the operating system's reason in Indonesian; ``what`` names the kind of file."""
    import secrets
    import stat

    from humaskit.errors import os_reason

    shown = str(path)
    target = Path(os.path.realpath(path))
    payload = data.encode(encoding) if isinstance(data, str) else data
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise HumaskitError.single(f"{what} tidak dapat ditulis: {os_reason(exc)}.", path=shown) from None
    if info is not None:
        if not stat.S_ISREG(info.st_mode):
            raise HumaskitError.single(f"{what} {_NOT_REGULAR}", path=shown)
        # Mode bits as well as access(): for root access() allows everything, but a file
        # without any write bit was made read-only on purpose.
        if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
            raise HumaskitError.single(f"{what} hanya dapat dibaca (izin tulisnya dimatikan), jadi tidak ditimpa.",
                                       path=shown, hint="Beri izin tulis bila berkas ini memang boleh diubah.")
    # Named before it exists, so the cleanup below knows it whenever an interrupt arrives.
    tmp = target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, info.st_mode & 0o7777 if info else 0o644)
        if expected is not None:
            _refuse_if_changed(target, expected.encode(encoding) if isinstance(expected, str) else expected,
                               shown, what)
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise HumaskitError.single(f"{what} tidak dapat ditulis: {os_reason(exc)}.", path=shown) from None
        raise


def _refuse_if_changed(target: Path, expected: bytes, shown: str, what: str) -> None:
    """Compared just before the rename: the window left for a lost edit is this one call."""
    try:
        current = read_user_bytes(target, what=what, max_bytes=len(expected))
    except HumaskitError:  # gone, replaced by something else, or grown
        current = None
    if current != expected:
        raise HumaskitError.single(f"{what} berubah sejak dibaca (disunting di program lain?), jadi tidak ditimpa "
                                   "agar perubahan itu tidak hilang.", path=shown,
                                   hint="Jalankan perintahnya lagi.")
