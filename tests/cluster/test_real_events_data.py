"""The Timeline17 events development set: its bundle rule, split and gold stay in step."""

from __future__ import annotations

import json

from benchmarks.real_events import GOLD, bundles, detokenise, url_of
from tests.conftest import require_shared


def test_every_bundle_the_rule_picks_is_labelled_article_by_article() -> None:
    data = require_shared("eval", "timelines")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    picked = bundles(data)
    assert {b.name for b in picked} == set(gold["bundles"])
    for b in picked:
        labels = gold["bundles"][b.name]["labels"]
        assert {str(a["uid"]) for a in b.articles} == set(labels), b.name
        assert 25 <= len(b.articles) <= 45 and len({a["outlet"] for a in b.articles}) >= 2
        assert gold["bundles"][b.name]["split"] == b.split
    assert sum(b.split == "check" for b in picked) == round(len(picked) / 3)


def test_the_detokeniser_undoes_ptb_tokens_into_one_sentence_a_paragraph() -> None:
    text = (
        "VELDA -LRB- Wire -RRB- - The council did n't say , officials said . "
        "`` We 're ready , '' the mayor 's aide said ."
    )
    assert detokenise(text) == (
        "VELDA (Wire) - The council didn't say, officials said.\n"
        "\"We're ready,\" the mayor's aide said."
    )
    assert url_of("topic", 7) == "https://timeline17.invalid/topic/7"
