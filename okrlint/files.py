"""Reading one input file within bounds: regular files only, the size limit enforced while reading."""

from __future__ import annotations

import errno
import os
import stat


class ReadError(Exception):
    """A file that cannot be read; the message is one user-facing line."""


def read_regular_file(path: str, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; ReadError with a user-facing message otherwise.

    FIFOs, devices (``/dev/zero``, ``/dev/urandom``) and sockets are refused
    before a byte is read: they may never end.  The file is opened
    non-blocking, so a FIFO cannot hang the open itself, and the size is
    counted while reading (``st_size`` is 0 for devices and may change).
    """
    if not path:
        raise ReadError("no such file or directory (the name is empty)")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
                     | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise ReadError("no such file or directory") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except ValueError:  # an embedded NUL: no file can have this name
        raise ReadError("no such file or directory (the name holds a NUL character)") from None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise ReadError("no such file or directory (the name is too long)") from None
        if exc.errno == errno.EISDIR:
            raise ReadError("is a directory") from None
        raise ReadError(f"cannot read: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise ReadError("is a directory")
        if not stat.S_ISREG(mode):
            raise ReadError(f"not a regular file ({_file_kind(mode)}); okrlint reads only regular files")
        chunks: list[bytes] = []
        total = 0
        while True:
            try:
                chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            except BlockingIOError:  # cannot happen for regular files; never spin on it
                raise ReadError("cannot read: the file is not ready") from None
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise ReadError(f"file is too large to lint (the limit is {_size(limit)})")
    except OSError as exc:
        raise ReadError(f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def _file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "a special file"




def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit % (1024 * 1024) == 0 else f"{limit:,} bytes"
