"""Bad input: each case is a specific Dropped reason, and good pages still come through."""

from __future__ import annotations

import gzip
import io
import os
from pathlib import Path

import pytest
from tests.ingest.ingest_helpers import HTML, STORY, make_warc, pages

from newsweave.errors import InputError
from newsweave.ingest import IngestConfig, read_inputs
from newsweave.model import Dropped, Page


def reasons(tmp_path: Path, config: IngestConfig | None = None) -> dict[str, str]:
    """Read a folder with one good page in it; return {file name: reason} of the Dropped."""
    (tmp_path / "good.txt").write_text(STORY)
    items = list(read_inputs([str(tmp_path)], config))
    assert str(tmp_path / "good.txt") in [p.source for p in pages(items)]
    return {
        os.path.relpath(item.source, tmp_path): item.reason
        for item in items
        if isinstance(item, Dropped)
    }


def test_binary_file(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "blob.txt").write_bytes(bytes(range(32)) * 40)
    assert reasons(tmp_path) == {
        "logo.png": "binary file (PNG image)",
        "blob.txt": "binary file (84% control bytes)",
    }


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \r\n\t\n")
    assert reasons(tmp_path) == {
        "empty.html": "empty file",
        "blank.txt": "empty file (only whitespace)",
    }


def test_file_over_the_size_cap(tmp_path: Path) -> None:
    with open(tmp_path / "huge.txt", "wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 52.4 MB without writing it
    assert reasons(tmp_path) == {"huge.txt": "file is 52.4 MB, over the 20.0 MB limit"}


def test_gzip_over_the_size_cap(tmp_path: Path) -> None:
    (tmp_path / "big.txt.gz").write_bytes(gzip.compress(b"news " * 3000))
    config = IngestConfig(max_bytes=10_000)
    assert reasons(tmp_path, config) == {
        "big.txt.gz": "file decompressed is 0.0 MB, over the 0.0 MB limit"
    }


def test_legacy_encodings_are_decoded(tmp_path: Path) -> None:
    text = "Le maire a déclaré que le café « Chez Léa » rouvrira — enfin. " * 4
    (tmp_path / "fr.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "de.txt").write_bytes(
        ("Die Brücke über die Straße ist gesperrt. " * 4).encode("latin-1")
    )
    (tmp_path / "short.txt").write_bytes(b"Caf\xe9 reopens.")
    broken = ("Le café était fermé, a déclaré le maire. " * 10).encode() + b"\xff end."
    (tmp_path / "broken.txt").write_bytes(broken)
    by_name = {Path(p.source).name: p for p in pages(list(read_inputs([str(tmp_path)])))}
    assert by_name["fr.txt"].content == text and by_name["fr.txt"].encoding == "cp1252"
    assert "Die Brücke über die Straße" in by_name["de.txt"].content
    assert by_name["short.txt"].content == "Café reopens."
    assert by_name["broken.txt"].content.startswith("Le café était fermé")
    assert by_name["broken.txt"].meta == {"decode": "invalid utf-8 bytes replaced"}


def test_utf16_with_and_without_bom(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(STORY.encode("utf-16"))
    (tmp_path / "nobom.txt").write_bytes(("Other " + STORY).encode("utf-16-le"))
    contents = sorted(p.content for p in pages(list(read_inputs([str(tmp_path)]))))
    assert contents == ["Other " + STORY, STORY]


def test_truncated_gzip(tmp_path: Path) -> None:
    data = gzip.compress(os.urandom(2000).hex().encode())
    (tmp_path / "cut.html.gz").write_bytes(data[: len(data) // 2])
    (tmp_path / "fake.txt.gz").write_bytes(b"this is not gzip at all")
    got = reasons(tmp_path)
    assert got["cut.html.gz"].startswith("truncated gzip: Compressed file ended")
    assert got["fake.txt.gz"].startswith("not a valid gzip file: ")


def test_truncated_gzipped_jsonl_keeps_lines_before_the_break(tmp_path: Path) -> None:
    lines = b"".join(
        b'{"text": "story %d %s"}\n' % (n, os.urandom(40).hex().encode()) for n in range(50)
    )
    data = gzip.compress(lines)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) - 200])
    items = list(read_inputs([str(path)]))
    assert len(pages(items)) > 10
    assert isinstance(items[-1], Dropped) and items[-1].source == str(path)
    assert items[-1].reason.startswith("truncated gzip: ")


def test_malformed_jsonl_lines(tmp_path: Path) -> None:
    (tmp_path / "mixed.jsonl").write_text(
        '{"text": "A good story."}\n'
        "\n"
        '{"text": "Missing brace"\n'
        '{"title": "no body"}\n'
        '["a", "list"]\n'
        '{"text": 42}\n'
        '{"text": "   "}\n'
    )
    got = reasons(tmp_path)
    assert got == {
        "mixed.jsonl:3": "line 3: invalid JSON (Expecting ',' delimiter at column 25)",
        "mixed.jsonl:4": "line 4: no 'text' or 'html' field",
        "mixed.jsonl:5": "line 5: not a JSON object",
        "mixed.jsonl:6": "line 6: 'text' is not a string",
        "mixed.jsonl:7": "line 7: empty 'text' (only whitespace)",
    }


def test_jsonl_line_over_the_cap(tmp_path: Path) -> None:
    (tmp_path / "big.jsonl").write_text('{"text": "%s"}\n{"text": "small"}\n' % ("x" * 3000))
    items = list(read_inputs([str(tmp_path / "big.jsonl")], IngestConfig(max_bytes=1000)))
    assert isinstance(items[0], Dropped)
    assert items[0].reason == "line 1: line is 0.0 MB, over the 0.0 MB limit"
    assert isinstance(items[1], Page) and items[1].content == "small"


def test_warc_with_non_html_records(tmp_path: Path) -> None:
    (tmp_path / "crawl.warc.gz").write_bytes(
        make_warc(
            [
                ("https://a.test/style.css", b"body{}", "text/css"),
                ("https://a.test/news", HTML.format("News").encode(), "text/html"),
            ]
        )
    )
    items = list(read_inputs([str(tmp_path / "crawl.warc.gz")]))
    assert [type(item) for item in items] == [Dropped, Page]
    assert items[0].reason.endswith(": content type text/css is not HTML")


@pytest.mark.parametrize("gz", [True, False])
def test_truncated_warc_keeps_records_before_the_break(tmp_path: Path, gz: bool) -> None:
    records = [
        (f"https://a.test/{n}", HTML.format(f"Story {n} " * 200).encode(), "text/html")
        for n in range(3)
    ]
    data = make_warc(records, gz=gz)
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(data[: len(data) - 150])
    items = list(read_inputs([str(path)]))
    assert [type(item) for item in items] == [Page, Page, Dropped]
    assert items[-1].reason.startswith("truncated WARC: ")


def test_garbage_warc(tmp_path: Path) -> None:
    (tmp_path / "junk.warc").write_bytes(b"this is no archive\n" * 20)
    (item,) = read_inputs([str(tmp_path / "junk.warc")])
    assert isinstance(item, Dropped) and item.reason.startswith("corrupt WARC after 0 records (")


def test_unreadable_file_in_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked.txt").write_text("secret")
    real_open = os.open  # files are opened with os.open (O_NONBLOCK, so a FIFO never blocks)

    def fake_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)
    assert reasons(tmp_path) == {"locked.txt": "cannot read: Permission denied"}


def test_unreadable_subfolder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text("secret")
    real_scandir = os.scandir

    def fake_scandir(path):  # type: ignore[no-untyped-def]
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", fake_scandir)
    assert reasons(tmp_path) == {"locked": "cannot read folder: Permission denied"}


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads chmod 000 files")
def test_chmod_000_file(tmp_path: Path) -> None:
    (tmp_path / "locked.txt").write_text("secret")
    (tmp_path / "locked.txt").chmod(0)
    assert reasons(tmp_path) == {"locked.txt": "cannot read: Permission denied"}


def test_same_page_twice(tmp_path: Path) -> None:
    (tmp_path / "copy.txt").write_text(STORY)
    (tmp_path / "copy2.txt.gz").write_bytes(gzip.compress(STORY.replace("\n", "\r\n").encode()))
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "same.txt").write_text(STORY)
    (tmp_path / "good.txt").write_text(STORY)
    items = list(read_inputs([str(tmp_path)]))
    assert [p.source for p in pages(items)] == [str(tmp_path / "copy.txt")]
    assert {
        os.path.relpath(i.source, tmp_path): i.reason for i in items if isinstance(i, Dropped)
    } == {
        "copy2.txt.gz": f"duplicate of {tmp_path / 'copy.txt'}",
        "good.txt": f"duplicate of {tmp_path / 'copy.txt'}",
        "sub/same.txt": f"duplicate of {tmp_path / 'copy.txt'}",
    }


def test_missing_top_level_path_raises(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder: .*nope"):
        read_inputs([str(tmp_path), str(tmp_path / "nope")])


def test_symlinks_not_followed_by_default(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("A story from the Ashby Courier.")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    (tmp_path / "loop").symlink_to(tmp_path)
    items = list(read_inputs([str(tmp_path)]))
    assert {
        os.path.relpath(i.source, tmp_path): i.reason for i in items if isinstance(i, Dropped)
    } == {
        "link": "symbolic link, not followed",
        "loop": "symbolic link, not followed",
    }
    followed = list(read_inputs([str(tmp_path)], IngestConfig(follow_symlinks=True)))
    assert len(pages(followed)) == 1  # the linked copy is a duplicate, the loop is stopped
    assert any(
        i.reason == "symbolic link loop, not followed" for i in followed if isinstance(i, Dropped)
    )


def test_stdin_bad_input() -> None:
    (item,) = read_inputs(["-"], stdin=io.BytesIO(b""))
    assert isinstance(item, Dropped) and (item.source, item.reason) == ("-", "empty input")
    (item,) = read_inputs(["-"], stdin=io.BytesIO(b"\x00\x01\x02\x03" * 100))
    assert isinstance(item, Dropped) and item.reason == "binary input (100% control bytes)"
    (item,) = read_inputs(["-"], IngestConfig(max_bytes=10), stdin=io.BytesIO(b"a" * 25))
    assert isinstance(item, Dropped) and item.reason == "input is 0.0 MB, over the 0.0 MB limit"


def test_good_page_survives_everything_at_once(tmp_path: Path) -> None:
    (tmp_path / "bin.dat").write_bytes(os.urandom(512) + b"\x00" * 512)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress(b"x" * 5000)[:20])
    (tmp_path / "bad.jsonl").write_text("{oops\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "good.html").write_text(HTML.format("Second good page."))
    (tmp_path / "z.txt").write_text(STORY)
    items = list(read_inputs([str(tmp_path)]))
    assert len(pages(items)) == 2 and len(items) == 6
