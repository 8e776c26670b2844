"""The language model's on-disk copy: same identifier as py3langid's, rebuilt when unusable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from newsweave.clean import language_model
from newsweave.clean.language_model import MAGIC, load_identifier

langid = pytest.importorskip("py3langid.langid")

MODEL = Path(langid.MODEL_DIR) / langid.MODEL_FILE
TEXTS = [
    "The harbour board of Pellingham met on Monday and agreed to rebuild the old pier.",
    "Le conseil municipal de Varenne-sur-Lys a voté mardi la rénovation de la halle.",
    "Der Stadtrat von Kellinghusen hat am Mittwoch den Bau einer neuen Brücke beschlossen.",
    "El ayuntamiento de Villaverde aprobó el jueves la reforma de la plaza mayor.",
    "ALL CAPITALS HEADLINE ABOUT A TOWN FAIR IN MARLOWBY",
    "12 345 678 — 2024",
]


@pytest.fixture(scope="module")
def reference() -> Any:
    """py3langid's own identifier, unpacked from its archive."""
    return langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE)


def _same(ident: Any, reference: Any) -> None:
    assert ident.nb_classes == reference.nb_classes
    assert np.array_equal(np.asarray(ident.nb_ptc), reference.nb_ptc)
    assert np.array_equal(np.asarray(ident.nb_pc), reference.nb_pc)
    assert bytes(memoryview(ident.tk_nextmove).cast("B")) == reference.tk_nextmove.tobytes()
    assert list(ident.tk_row) == list(reference.tk_row)
    assert list(ident.tk_output) == list(reference.tk_output)
    for text in TEXTS:
        assert ident.classify(text) == reference.classify(text)
        assert ident.rank(text)[:5] == reference.rank(text)[:5]


def _copy(folder: Path) -> Path:
    (path,) = folder.glob("py3langid-*.bin")
    return path


def test_the_copy_is_written_then_mapped_and_gives_the_same_languages(
    tmp_path: Path, reference: Any
) -> None:
    first = load_identifier(MODEL, tmp_path)
    _same(first, reference)
    path = _copy(tmp_path)
    assert path.read_bytes().startswith(MAGIC)
    second = load_identifier(MODEL, tmp_path)
    assert isinstance(second.tk_nextmove, memoryview)  # mapped, not unpacked again
    _same(second, reference)


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: b"",  # empty
        lambda data: b"garbage" * 100,  # not ours
        lambda data: MAGIC + b"\xff" * 64,  # ours, header unreadable
        lambda data: data.replace(b'"py3langid": "', b'"py3langid": "0.0.0-', 1),  # stale key
    ],
    ids=["cut", "empty", "garbage", "bad-header", "stale"],
)
def test_an_unusable_copy_is_ignored_and_rebuilt(
    tmp_path: Path, reference: Any, damage: Any
) -> None:
    load_identifier(MODEL, tmp_path)
    path = _copy(tmp_path)
    good = path.read_bytes()
    assert damage(good) != good
    path.write_bytes(damage(good))
    ident = load_identifier(MODEL, tmp_path)
    _same(ident, reference)
    assert path.read_bytes() == good  # written again, whole
    assert isinstance(load_identifier(MODEL, tmp_path).tk_nextmove, memoryview)


def test_a_folder_that_cannot_be_written_still_gives_the_identifier(
    tmp_path: Path, reference: Any
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    ident = load_identifier(MODEL, blocker / "newsweave")
    _same(ident, reference)
    assert blocker.read_text(encoding="utf-8").startswith("a file")


def test_the_cache_folder_follows_xdg_cache_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert language_model.cache_dir() == tmp_path / "newsweave"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert language_model.cache_dir() == tmp_path / "home" / ".cache" / "newsweave"


def test_an_unexpected_failure_falls_back_to_py3langids_loader(
    monkeypatch: pytest.MonkeyPatch, reference: Any
) -> None:
    def broken(model: Path, folder: Path) -> Any:
        raise RuntimeError("a py3langid of another layout")

    monkeypatch.setattr(language_model, "load_identifier", broken)
    language_model.identifier.cache_clear()
    try:
        _same(language_model.identifier(), reference)
    finally:
        language_model.identifier.cache_clear()
