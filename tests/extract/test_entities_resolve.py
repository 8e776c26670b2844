"""Entities (lexical backend and fix-up rules), canonicalisation and the quote ledger."""

from __future__ import annotations

import pytest

from newsweave.extract import ExtractConfig, extract_articles, resolve_story, story_anchors
from newsweave.extract.entities import LexicalEntities, fix_mention
from newsweave.extract.names import edit_distance, is_typo
from newsweave.extract.nlp import spacy_available
from newsweave.extract.resolve import ResolveConfig, merge_entities
from newsweave.model import Article, Entity, Story

A = (
    "Tarnow port spokesman Dmitry Velkov said the ferry would stop. “Yes, it really is the case,” "
    "Velkov told reporters in Ostrava. The Upper-Marsh region was flooded."
)
B = (
    "Dmitriy Velkov, a Tarnow port spokesperson, confirmed reports the ferry would stop, "
    "stating, “Yes, it’s true.” Floods hit Marsh and Ostrava."
)


def _articles(config: ExtractConfig) -> list[Article]:
    items = [
        Article(id=i, source=f"{i}.txt", text=t, published="2024-04-17")
        for i, t in (("a", A), ("b", B))
    ]
    return list(extract_articles(items, config))


def test_fix_rules_for_known_spacy_mistakes() -> None:
    assert fix_mention("Upper-Marsh", "ORG") == ("Upper-Marsh", "LOC")
    assert fix_mention("ostrava ferry", "ORG") is None  # lower-cased headline copy
    assert fix_mention("Norway", "PERSON") == ("Norway", "GPE")
    assert fix_mention("Harbour spokesman Dmitry Velkov", "PERSON") == ("Dmitry Velkov", "PERSON")


def test_lexical_backend_finds_people_and_places() -> None:
    (found,) = LexicalEntities().mentions([A])
    assert ("Dmitry Velkov", "PERSON") in [fix_mention(*m) for m in found]


@pytest.mark.parametrize("backend", ["lexical", "spacy"])
def test_story_entities_and_quote_ledger(backend: str) -> None:
    if backend == "spacy" and not spacy_available():
        pytest.skip("spaCy with an English pipeline is not installed")
    items = _articles(ExtractConfig(entities=backend))
    story = resolve_story(Story(id="s", title="t", articles=["a", "b"]), items)
    velkov = next(e for e in story.entities if "Velkov" in e.name)
    assert {"Dmitry Velkov", "Dmitriy Velkov", "Velkov"} <= set(velkov.aliases)
    assert velkov.articles == ["a", "b"] and velkov.mentions >= 3
    assert any("spokes" in r for r in velkov.roles)
    (entry,) = story.quotes
    assert entry.speaker == velkov.name and [v.text for v in entry.variants] == ["Yes, it’s true."]


def test_places_merge_with_their_short_form() -> None:
    items = _articles(ExtractConfig(entities="lexical"))
    story = resolve_story(Story(id="s", title="t", articles=["a", "b"]), items)
    marsh = next(e for e in story.entities if "Marsh" in e.name)
    assert marsh.name == "Upper-Marsh" and "Marsh" in marsh.aliases


def test_undated_article_is_anchored_by_the_story() -> None:
    dated = Article(
        id="d",
        source="d",
        text="In September 2023, Velmar's one-day offensive took Tarn valley.",
        published="2023-10-02",
    )
    undated = Article(
        id="u",
        source="u",
        text="The one-day offensive on Tarn valley last September ended. Troops left on June 12.",
    )
    anchor = story_anchors([dated, undated])["u"]
    assert anchor.earliest.isoformat() == "2023-10-01" and anchor.latest.isoformat() == "2024-09-30"


def test_short_answers_in_different_events_stay_separate_statements() -> None:
    from newsweave.extract.resolve import quote_ledger
    from newsweave.model import Quote

    first = Quote(
        "Yes, that is correct.", "Mara Quill", "a1", "Mara Quill said: “Yes, that is correct.”"
    )
    later = Quote("No, that is wrong.", "Mara Quill", "b2", "Mara Quill said: “No, that is wrong.”")
    texts = [
        Article(
            id="a1",
            source="a1",
            text="Harbour board spokeswoman Mara Quill answered. " + first.sentence,
        ),
        Article(
            id="b2",
            source="b2",
            text="Harbour board spokeswoman Mara Quill answered. " + later.sentence,
        ),
    ]
    same = quote_ledger([first, later], texts, {}, ResolveConfig(), {"a1": "e1", "b2": "e1"})
    apart = quote_ledger([first, later], texts, {}, ResolveConfig(), {"a1": "e1", "b2": "e2"})
    assert len(same) == 1 and len(same[0].variants) == 1
    assert len(apart) == 2


def _entity(name: str, kind: str, article: str = "a") -> Entity:
    return Entity(name=name, kind=kind, aliases=[name], mentions=1, articles=[article])


@pytest.mark.parametrize(
    ("long", "short"),
    [
        ("South Norland", "Norland"),
        ("Northern Tarvia", "Tarvia"),
        ("West Ostravia", "Ostravia"),
        ("New Marsland", "Marsland"),
    ],
)
def test_compass_places_never_fold_into_their_base_name(long: str, short: str) -> None:
    merged = merge_entities([_entity(long, "GPE"), _entity(short, "GPE", "b")])
    assert sorted(e.name for e in merged) == sorted([long, short])


def test_typos_fold_by_a_small_edit_distance_only() -> None:
    merged = merge_entities([_entity("Upper-Marshland", "LOC"), _entity("Upper-Marsland", "LOC")])
    assert len(merged) == 1
    for a, b in [("North Tarvia", "South Tarvia"), ("Ostrava", "Ostrova Lake"), ("Varna", "Verna")]:
        assert len(merge_entities([_entity(a, "GPE"), _entity(b, "GPE")])) == 2
    assert is_typo("Ostrawava", "Ostravava") and not is_typo("Ostrava", "Oslo")
    assert edit_distance("Norland", "Northland") == 2 and not is_typo("Norland", "Northland")


def test_untyped_languages_skip_capitals_that_only_open_sentences() -> None:
    text = (
        "Environ 80 % des maisons de Port Velmar ont été détruites.\n"
        "« Nous reconstruirons Port Velmar », a déclaré le maire Ilse Varga. "
        "Plus tard, Varga a visité la ville. Varga a promis une aide."
    )
    found = {name for name, _ in LexicalEntities(typed=False).mentions([text])[0]}
    assert found == {"Port Velmar", "Ilse Varga", "Varga"}
