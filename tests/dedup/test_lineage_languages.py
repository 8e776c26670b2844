"""Copy lineage beyond English: rewrites in any language with a stop-word list, translations,
and independent reports of one story (same names, same figures) left unlinked."""

from __future__ import annotations

from itertools import combinations

import pytest
from tests.cluster.fixtures import article
from tests.dedup import languages as lang

from newsweave.dedup import (
    copy_relations,
    find_rewrites,
    find_translations,
    independent_sources,
    source_groups,
)
from newsweave.dedup.passages import anchors, prose_words
from newsweave.model import Article, CopyRelation
from newsweave.text import stop_words

SPUN = {
    "fr": (lang.FR, lang.FR_SPUN, lang.FR_OWN),
    "es": (lang.ES, lang.ES_SPUN, lang.ES_OWN),
    "de": (lang.DE, lang.DE_SPUN, lang.DE_OWN),
    "it": (lang.IT, lang.IT_SPUN, lang.IT_OWN),
}


def _relations(items: list[Article]) -> list[CopyRelation]:
    """The lineage stage as the pipeline runs it on one story."""
    relations = copy_relations(items)
    relations += find_rewrites(items, relations)
    relations += find_translations(items, relations)
    return relations


def _pairs(relations: list[CopyRelation]) -> set[frozenset[str]]:
    return {frozenset((r.original, r.copy)) for r in relations}


def test_stop_words_come_for_many_languages_and_none_for_unknown_codes() -> None:
    assert {"le", "la", "et"} <= stop_words("fr")
    assert {"der", "und"} <= stop_words("de")
    assert {"el", "y"} <= stop_words("es")
    assert "the" in stop_words("en")
    assert stop_words("xx") == stop_words(None) == stop_words("../fr") == frozenset()


def test_content_words_drop_elided_function_words_and_keep_german_nouns() -> None:
    assert prose_words("Il a visité l'hôpital et dell'argine.", "fr")[:2] == ["visité", "hôpital"]
    assert "deich" in prose_words("Der alte Deich ist gebrochen.", "de")
    assert "Deich" not in " ".join(prose_words("Der alte Deich ist gebrochen.", "en"))


@pytest.mark.parametrize("code", sorted(SPUN))
def test_a_word_swapped_copy_is_a_rewrite_in_any_language(code: str) -> None:
    original, spun, _ = SPUN[code]
    first = article(f"{code}-1", original, published="2025-03-02")
    second = article(f"{code}-2", spun, published="2025-03-03")
    (rewrite,) = find_rewrites([first, second])
    assert (rewrite.original, rewrite.copy, rewrite.kind) == (first.id, second.id, "rewrite")
    assert rewrite.scores["in_order"] >= 0.5
    (relation,) = _relations([first, second])  # the pipeline finds it once, as some copy
    assert relation.kind in ("partial", "rewrite")


@pytest.mark.parametrize("code", sorted(SPUN))
def test_an_independent_report_in_the_same_language_is_not_linked(code: str) -> None:
    original, spun, own = SPUN[code]
    items = [
        article(f"{code}-1", original, published="2025-03-02"),
        article(f"{code}-2", spun, published="2025-03-03"),
        article(f"{code}-own", own, published="2025-03-02"),
    ]
    relations = _relations(items)
    assert all(f"{code}-own" not in pair for pair in _pairs(relations))
    assert independent_sources([a.id for a in items], relations) == [f"{code}-1", f"{code}-own"]


@pytest.mark.parametrize("code", ["fr", "es", "de", "it"])
def test_a_translation_is_linked_to_its_original(code: str) -> None:
    english = article("en-1", lang.EN, published="2025-03-02")
    translated = article(f"{code}-1", SPUN[code][0], published="2025-03-03")
    (relation,) = _relations([english, translated])
    assert (relation.original, relation.copy, relation.kind) == ("en-1", f"{code}-1", "translation")
    assert relation.directed
    assert relation.scores["anchors_in_order"] >= 15
    assert "figures and names appear in the same order" in relation.evidence[0]
    (group,) = source_groups([english, translated], [relation])
    assert sorted(group.articles) == sorted(["en-1", f"{code}-1"])


def test_independent_reports_in_other_languages_are_not_translations() -> None:
    """They share the story's names and figures, in their own order, with their own additions."""
    own = {"en": lang.EN_OWN, "fr": lang.FR_OWN, "es": lang.ES_OWN, "de": lang.DE_OWN}
    own["it"] = lang.IT_OWN
    originals = {"en": lang.EN, "fr": lang.FR, "es": lang.ES, "de": lang.DE, "it": lang.IT}
    for (a, text_a), (b, text_b) in combinations(own.items(), 2):
        pair = [article(f"{a}-own", text_a), article(f"{b}-own", text_b)]
        assert _relations(pair) == [], (a, b)
    for a, text_a in own.items():
        for b, text_b in originals.items():
            if a != b:
                pair = [article(f"{a}-own", text_a), article(f"{b}-1", text_b)]
                assert find_translations(pair) == [], (a, b)


def test_a_story_in_five_languages_keeps_its_independent_reports_apart() -> None:
    items = [article("en-1", lang.EN, published="2025-03-02")]
    items += [article(f"{c}-1", SPUN[c][0], published="2025-03-03") for c in SPUN]
    items += [article("fr-2", lang.FR_SPUN, published="2025-03-04")]
    items += [article(f"{c}-own", SPUN[c][2], published="2025-03-03") for c in SPUN]
    items += [article("en-own", lang.EN_OWN, published="2025-03-02")]
    relations = _relations(items)
    assert independent_sources([a.id for a in items], relations) == sorted(
        ["en-1", "en-own", *(f"{c}-own" for c in SPUN)]
    )
    kinds = {r.copy: r.kind for r in relations}
    assert {kinds[f"{c}-1"] for c in SPUN} == {"translation"}


def test_translations_need_two_known_languages_and_nearby_dates() -> None:
    english = article("en-1", lang.EN, published="2025-03-02")
    assert find_translations([english, article("en-2", lang.EN_OWN)]) == []
    late = article("fr-1", lang.FR, published="2025-04-20")
    assert find_translations([english, late]) == []
    unknown = article("fr-1", lang.FR)
    unknown.language = "xx"  # no stop words known: not read as prose of any language
    assert find_translations([english, unknown]) == []


def test_anchors_are_figures_and_names_in_order_without_quotes_or_calendar_words() -> None:
    text = (
        "On Monday the Velmora council met. Velmora will spend 3,200 ostras, "
        "“said Piet Lendra in March”, and the Drask office 2.3 million in 1962."
    )
    assert anchors(text) == ["velmora", "velmora", "3200", "drask", "2", "3", "1962"]
    assert anchors("La ville de Velmora a dépensé 3 200 ostras.", "fr") == ["velmora", "3200"]
    assert anchors("Die Stadt Velmora gab 3.200 Ostras aus.", "de")[-2:] == ["3200", "ostras"]
