from newsweave.clean.features import NAMES, featurize, split_lines
from newsweave.clean.scorer import load_model, logits

from .fixtures import TEXT_PAGE


def test_split_lines_marks_bullets_and_skips_blanks():
    lines = split_lines("Title\n\n  • First item\n    • Nested item\n\nBody text here.")
    assert [ln.text for ln in lines] == ["Title", "First item", "Nested item", "Body text here."]
    assert [ln.bullet for ln in lines] == [False, True, True, False]
    assert lines[2].indent > lines[1].indent


def test_feature_rows_match_names_and_model():
    lines = split_lines(TEXT_PAGE)
    rows = featurize(lines)
    assert len(rows) == len(lines) and all(len(r) == len(NAMES) for r in rows)
    model = load_model()
    assert model["features"] == NAMES
    z = logits(rows)
    assert z.shape == (len(lines),)


def test_scoring_is_deterministic():
    rows = featurize(split_lines(TEXT_PAGE))
    assert (logits(rows) == logits(rows)).all()


def test_empty_input():
    assert featurize([]) == []
    assert logits([]).shape == (0,)
