import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.clean.features import NAMES, parse_page, parse_pages, split_lines
from newsweave.clean.scorer import load_model, logits

from .fixtures import TEXT_PAGE


def test_split_lines_marks_bullets_and_skips_blanks():
    lines = split_lines("Title\n\n  • First item\n    • Nested item\n\nBody text here.")
    assert [ln.text for ln in lines] == ["Title", "First item", "Nested item", "Body text here."]
    assert [ln.bullet for ln in lines] == [False, True, True, False]
    assert lines[2].indent > lines[1].indent


def test_feature_rows_match_names_and_model():
    lines, rows = parse_page(TEXT_PAGE)
    assert len(rows) == len(lines) and all(len(r) == len(NAMES) for r in rows)
    model = load_model()
    assert model["features"] == NAMES
    z = logits(rows)
    assert z.shape == (len(lines),)


def test_scoring_is_deterministic():
    rows = parse_page(TEXT_PAGE)[1]
    assert (logits(rows) == logits(rows)).all()


def test_empty_input():
    assert parse_page("")[1].shape == (0, len(NAMES))
    assert logits([]).shape == (0,)


def test_tree_ensemble_walks_padded_nodes():
    import numpy as np

    from newsweave.clean.scorer import _trees

    # tree 0: x0 <= 0.5 ? -1 : (x1 <= 2 ? 0.5 : 2); tree 1: a single leaf of 0.25 (padded)
    params = {
        "kind": "trees",
        "depth": 2,
        "base": 0.1,
        "feature": [[0, 0, 1, 0, 0], [0, 0, 0, 0, 0]],
        "threshold": [[0.5, 0.0, 2.0, 0.0, 0.0], [0.0] * 5],
        "left": [[1, 1, 3, 3, 4], [0, 1, 2, 3, 4]],
        "right": [[2, 1, 4, 3, 4], [0, 1, 2, 3, 4]],
        "value": [[0.0, -1.0, 0.0, 0.5, 2.0], [0.25, 0.0, 0.0, 0.0, 0.0]],
    }
    x = np.array([[0.2, 9.0], [0.9, 1.0], [0.9, 3.0]])
    assert np.allclose(_trees(params, x), [-1.0 + 0.35, 0.5 + 0.35, 2.0 + 0.35])


def test_shipped_model_is_small_and_gated():
    model = load_model()
    assert model["stage2"]["kind"] == "trees" and model["gate"] < 0
    assert len(model["stage2"]["feature"]) <= 200


def test_pages_scored_together_match_pages_scored_alone():
    import numpy as np

    from newsweave.clean.features import parse_page, parse_pages

    from .fixtures import MENU_ONLY

    pages = [TEXT_PAGE, "", MENU_ONLY, "  \n\t\n", TEXT_PAGE.upper(), "One line only."]
    together = parse_pages(pages)
    for content, parsed in zip(pages, together, strict=True):
        alone_lines, alone_rows = parse_page(content)
        assert parsed.lines == alone_lines
        assert parsed.rows.shape == alone_rows.shape and np.allclose(parsed.rows, alone_rows)
        assert len(parsed.words.hashes) == sum(line.nw for line in alone_lines)


def test_words_are_counted_per_line_and_metadata_lines_hinted():
    lines = split_lines(
        "By Ilse Marrow\nThe pier, closed (for now).\nkq/lm (Tidewater)\nMail: a@b.io"
    )
    assert [ln.nw for ln in lines] == [3, 5, 3, 4]
    assert [ln.hint for ln in lines] == [True, True, True, True]
    assert split_lines("Nothing to see here")[0].hint is False
    assert lines[1].words == ["the", "pier", "closed", "for", "now"]


def test_long_lines_are_cut_for_features_only():
    text = "word " * 5000 + "end."
    (line,), rows = parse_page(text)
    assert line.text.endswith("end.") and line.nw == 400  # 2,000 characters read
    assert rows[0, NAMES.index("end_punct")] == 1.0


def test_a_pages_scores_do_not_depend_on_its_batch():
    from newsweave.clean.features import parse_batch, parse_pages
    from newsweave.clean.scorer import logits_batch, logits_many

    from .fixtures import MENU_ONLY

    pages = [TEXT_PAGE, MENU_ONLY, TEXT_PAGE.replace("Westmere", "Oskel"), ""]
    parsed = parse_pages(pages)
    together = logits_many([p.rows for p in parsed], [p.words for p in parsed])
    batch = parse_batch(pages)
    assert (logits_batch(batch.rows, batch.words, batch.bounds) == np.concatenate(together)).all()
    for content, z in zip(pages, together, strict=True):
        (one,) = parse_pages([content])
        (alone,) = logits_many([one.rows], [one.words])
        assert (alone == z).all()


def test_bag_of_words_reads_the_first_words_of_each_line():
    import numpy as np

    from newsweave.clean.features import parse_pages
    from newsweave.clean.scorer import BOW_WORDS, Bag

    bag = Bag({"intercept": -1.0, "words": {"Subscribe": -2.0, "harbour": 0.5}})
    text = "SUBSCRIBE now\nThe harbour and the harbour\n" + "x " * BOW_WORDS + "harbour\n"
    (page,) = parse_pages([text])
    col = bag.column([page.words], [len(page.lines)])
    # case-blind; words counted with repeats; a line's weight sum over sqrt(its words)
    assert np.allclose(col[:2], [-1.0 - 2.0 / np.sqrt(2), -1.0 + 1.0 / np.sqrt(5)])
    assert col[2] == -1.0  # "harbour" comes after the first BOW_WORDS words


def test_bag_of_words_rejects_an_entry_that_is_not_one_word():
    import pytest

    from newsweave.clean.scorer import Bag
    from newsweave.errors import StageError

    with pytest.raises(StageError, match="single word"):
        Bag({"intercept": 0.0, "words": {"two words": 1.0}})


def test_shipped_bag_of_words_loads():
    from newsweave.clean.scorer import Bag

    bag = Bag(load_model()["bow"])
    words = load_model()["bow"]["words"]
    assert len(words) > 1000
    assert (bag.table.keys != bag.table.empty).sum() == len(words)  # no two words share a hash


def test_comment_headers_of_blog_threads_are_marked():
    page = "\n".join(
        [
            "Orla Finch said...",
            "Lovely write-up of the harbour festival, thank you for sharing it with us all.",
            "March 3, 2031 9:14 PM",
            "Posted by: Bren Ost | Mar 4, 2031 10:02 AM",
            "Permalink",
            "The harbour festival said it would return next spring with a longer programme.",
        ]
    )
    _lines, rows = parse_page(page)
    head = rows[:, NAMES.index("comment_head")].tolist()
    assert head == [1.0, 0.0, 1.0, 1.0, 1.0, 0.0]
    before = rows[:, NAMES.index("comments_before")]
    assert before[-1] == np.log1p(4.0)


def test_shipped_model_says_what_it_was_trained_on_and_weighs_no_numbers():
    model = load_model()
    assert set(model["trained_on"]) == {"extraction", "readability (real pages)"}
    assert not any(ch.isdigit() for word in model["bow"]["words"] for ch in word)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 30), st.integers(0, 220)),  # (vocabulary size, words) per line
        min_size=1,
        max_size=6,
    ),
    st.sampled_from([0.05, 0.1]),
)
def test_repetitive_lines_are_those_whose_distinct_words_are_few(
    shapes: list[tuple[int, int]], share: float
) -> None:
    from newsweave.clean.text import _repetitive

    rows = [" ".join(f"w{(i * 7) % vocab}" for i in range(n)) or "x" for vocab, n in shapes]
    (parsed,) = parse_pages(["\n".join(rows)])
    lines, words = parsed.lines, parsed.words
    keep, why = [True] * len(lines), [None] * len(lines)
    _repetitive(lines, words, keep, why, share)  # type: ignore[arg-type]
    for line in lines:
        hashes = words.hashes[words.line == line.index].tolist()
        few = line.nw >= 50 and len(set(hashes)) <= share * len(hashes)
        assert keep[line.index] is not few


def test_character_tables_give_each_code_point_its_classes_and_lower_case() -> None:
    import re

    from newsweave.clean.features import _C_ODD_SPACE, _C_WORD, _lower_of, _tables

    cls, _ = _tables()
    chars = "".join(chr(c) if not 0xD800 <= c < 0xE000 else " " for c in range(0x10000))
    lower = _lower_of(chars)
    for c in range(0xFFFF):  # 0xFFFF stands for every code point above the BMP: no class
        ch = chars[c]
        assert bool(cls[c] & _C_WORD) == (re.match(r"\w", ch) is not None and c > 0), c
        assert bool(cls[c] & _C_ODD_SPACE) == (ch.isspace() and ch not in "\n "), c
        low = ch.lower()
        assert lower[c] == (ord(low) if low != ch and len(low) == 1 else c), c
    assert cls[0xFFFF] == 0
