"""py3langid's language identifier, loaded once per process from a decompressed copy on disk.

py3langid ships its model as an xz archive (4.5 MB, 68 MB unpacked) and unpacks it at every
start: about 0.4 s of CPU, more than cleaning a hundred pages. The first process unpacks it as
py3langid does and writes the arrays, uncompressed, to a file in the user's cache folder
(`$XDG_CACHE_HOME/newsweave`, else `~/.cache/newsweave`); later processes map that file into
memory, which costs a few milliseconds and reads only the parts of the model a text touches.
The feature table is stored as float32 (py3langid ships float16 and widens the rows it reads to
float32 at every call; widening is exact, so the scores are the same, found twice as fast).

The file's name and header carry py3langid's version and the SHA-256 of its model archive, so
a copy made from another model is never used. A copy that cannot be read (cut short, not ours,
another layout) is ignored and written again; where the folder cannot be written the model is
simply unpacked in memory. Either way the identifier is py3langid's own class holding the same
values, so it gives the same languages and scores.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import mmap
import os
import struct
import sys
import tempfile
from array import array
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

MAGIC = b"newsweave py3langid model\n"
_FORMAT = 2  # the layout below; a file of another layout is rebuilt
_ALIGN = 64  # each array starts at a multiple of this many bytes


@lru_cache(maxsize=1)
def identifier() -> Any:
    """py3langid's LanguageIdentifier for its bundled model, loaded once per process."""
    from py3langid import langid

    model = Path(langid.MODEL_DIR) / langid.MODEL_FILE
    try:
        return load_identifier(model, cache_dir())
    except Exception as exc:  # an unexpected py3langid: its own loader, uncached
        log.debug("language model cache unused (%s)", exc)
        return langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE)


def cache_dir() -> Path:
    """The per-user cache folder: $XDG_CACHE_HOME/newsweave, else ~/.cache/newsweave."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newsweave"


def load_identifier(model: Path, folder: Path) -> Any:
    """The identifier for the py3langid model archive `model`, through a copy in `folder`.

    A valid copy is mapped; a missing, stale or unreadable one is rebuilt from the archive
    (and written when `folder` is writable).
    """
    from py3langid import __version__ as version
    from py3langid import langid

    key = {
        "format": _FORMAT,
        "py3langid": version,
        "model_sha256": hashlib.sha256(model.read_bytes()).hexdigest(),
    }
    path = folder / f"py3langid-{version}-{key['model_sha256'][:16]}.bin"
    found = _read(path, key)
    if found is None:
        built = langid.LanguageIdentifier.from_model_file(model)
        arrays = {
            # float16 in the archive; py3langid's matrix product widens the rows it reads to
            # float32 on every call, so the copy holds them widened (exactly) once
            "ptc": np.asarray(built.nb_ptc, dtype=np.float32),
            "pc": np.asarray(built.nb_pc),
            "nextmove": np.frombuffer(built.tk_nextmove, dtype=np.uint32),
            "row": np.frombuffer(built.tk_row, dtype=np.uint16),
            "output": np.asarray(built.tk_output, dtype=np.int32),
        }
        _write(path, key, list(built.nb_classes), arrays)
        found = (
            list(built.nb_classes),
            {
                **arrays,
                "nextmove": built.tk_nextmove,
                "row": built.tk_row,
                "output": built.tk_output,
            },
        )
    classes, table = found
    return langid.LanguageIdentifier(
        table["ptc"],
        table["pc"],
        classes,
        table["nextmove"],
        table["output"],
        tk_row=table["row"],
    )


def _read(path: Path, key: dict[str, Any]) -> tuple[list[str], dict[str, Any]] | None:
    """The classes and arrays of the copy at `path` if it is whole and made for `key`."""
    try:
        with open(path, "rb") as f:
            mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # missing, unreadable or empty
        return None
    try:
        return _parse(mapped, key)
    except (ValueError, KeyError, TypeError, AttributeError, struct.error) as exc:
        log.debug("language model cache %s unusable (%s): rebuilt", path, exc)
        return None


def _parse(mapped: mmap.mmap, key: dict[str, Any]) -> tuple[list[str], dict[str, Any]] | None:
    """Read the header of a mapped copy and view its arrays; None if it is not for `key`."""
    if mapped[: len(MAGIC)] != MAGIC:
        raise ValueError("not a newsweave language model file")
    (size,) = struct.unpack("<Q", mapped[len(MAGIC) : len(MAGIC) + 8])
    header = json.loads(mapped[len(MAGIC) + 8 : len(MAGIC) + 8 + size].decode("utf-8"))
    if header.get("key") != key:
        return None
    base = _aligned(len(MAGIC) + 8 + size)
    if base + header["bytes"] != len(mapped):
        raise ValueError(f"{len(mapped)} bytes, {base + header['bytes']} expected")
    views: dict[str, Any] = {}
    for name, (dtype, shape, offset) in header["arrays"].items():
        count = int(np.prod(shape))
        views[name] = np.frombuffer(mapped, dtype, count, base + offset).reshape(shape)
    table = {
        "ptc": views["ptc"],
        "pc": views["pc"],
        "nextmove": _states(views["nextmove"]),
        "row": array("H", views["row"].astype("=u2").tobytes()),
        "output": views["output"].tolist(),
    }
    classes = [str(c) for c in header["classes"]]
    if table["ptc"].shape[1:] != (len(classes),) or len(table["pc"]) != len(classes):
        raise ValueError("arrays do not match the classes")
    if len(table["row"]) != len(table["output"]):
        raise ValueError("one output per state expected")
    return classes, table


def _states(values: np.ndarray) -> Any:
    """The DFA's transition table as py3langid indexes it (to Python ints, as fast as its
    array("I")): a view of the mapped bytes where the machine is little-endian, else a copy."""
    if sys.byteorder == "little" and array("I").itemsize == 4:
        return values.data.cast("B").cast("I")
    return array("I", values.astype("=u4").tobytes())


def _aligned(n: int) -> int:
    """`n` rounded up to a multiple of _ALIGN."""
    return -(-n // _ALIGN) * _ALIGN


def _write(path: Path, key: dict[str, Any], classes: list[str], arrays: dict[str, Any]) -> None:
    """Write the copy atomically (a temporary file, then a rename); nothing if not writable."""
    layout: dict[str, Any] = {}
    offset = 0
    for name, values in arrays.items():  # offsets from the first array, little-endian
        layout[name] = (values.dtype.newbyteorder("<").str, list(values.shape), offset)
        offset = _aligned(offset + values.nbytes)
    head = json.dumps({"key": key, "classes": classes, "arrays": layout, "bytes": offset})
    prefix = MAGIC + struct.pack("<Q", len(head.encode("utf-8"))) + head.encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    except OSError as exc:
        log.debug("language model cache not written (%s)", exc)
        return
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(prefix.ljust(_aligned(len(prefix)), b"\0"))
            for name, values in arrays.items():
                data = np.ascontiguousarray(values, dtype=layout[name][0]).tobytes()
                f.write(data.ljust(_aligned(len(data)), b"\0"))
        os.replace(tmp, path)
    except OSError as exc:
        log.debug("language model cache not written (%s)", exc)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
