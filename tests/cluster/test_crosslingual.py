"""Stories joined across languages by names and numbers, on invented articles."""

from __future__ import annotations

from dataclasses import replace

from tests.cluster.fixtures import BRIDGE, BRIDGE_REWRITE, CHOIR, article

from newsweave.cluster import ClusterConfig, cluster_stories
from newsweave.cluster.crosslingual import CrossLingualConfig, join_languages
from newsweave.cluster.features import anchors, headline_anchors
from newsweave.model import Article

BRIDGE_FR = (
    "Le pont de la rue Harlow à Marrowby a été fermé mardi après la découverte d'une poutre "
    "fissurée, a indiqué le service des routes de Marrowby.\n"
    "Selon l'ingénieure Talia Vossen, environ 14 000 véhicules empruntent le pont chaque jour. "
    "Le maire Oskar Brandt a promis une inspection de tous les ponts de Marrowby.\n"
    "Les réparations dureront six semaines et coûteront environ 2 millions de couronnes."
)
ORCHARD_DE = (
    "In Velmstadt hat die Obstbauerngenossenschaft am Montag eine Rekordernte von 3.450 Tonnen "
    "Äpfeln gemeldet. Vorsitzende Irma Kollwitz sprach von einem außergewöhnlichen Jahr.\n"
    "Die Genossenschaft will nun in Velmstadt ein neues Kühlhaus bauen, sagte Kollwitz."
)


def _fr(article_id: str, text: str, language: str) -> Article:
    return replace(article(article_id, text), language=language)


def test_anchors_read_numbers_whatever_their_separators() -> None:
    """Thousands separators and decimal commas of any language give one key."""
    keys = {
        a
        for a in anchors("Er sagte, 15.383 Menschen. Stärke 7,8 und 2024 sowie 12.")
        if a[0] == "d"
    }
    assert keys == {"d:15383", "d:7.8"}
    assert "d:15383" in anchors("They said 15,383 people died.")
    assert "d:15383" in anchors("Ils ont dit 15 383 morts.")


def test_days_and_months_are_not_anchors() -> None:
    found = anchors(
        "Rescuers reached Marrowby on Tuesday. The dam held until March, said Ines Varga."
    )
    assert "n:marro" in found and "n:varga" in found
    assert not {"n:tuesd", "n:march"} & set(found)
    german = anchors("Die Retter erreichten Marrowby am Dienstag. Der Damm hielt bis Oktober.")
    assert "n:marro" in german and not {"n:diens", "n:oktob"} & set(german)


def test_a_title_case_headline_gives_no_anchors_a_plain_one_does() -> None:
    assert headline_anchors("Rescuers Find Missing Hikers Near Frozen Lake") == ""
    plain = "Rescuers find missing hikers near Lake Orvel"
    assert headline_anchors(plain) == plain


def test_anchors_fold_names_and_skip_sentence_openers() -> None:
    """Names lose accents and are cut to a prefix; a capital that opens a sentence is no name."""
    found = anchors("Yesterday the mayor of Mârrowby spoke. Officials met in Marrowbyville.")
    assert "n:marro" in found
    assert "n:yeste" not in found and "n:offic" not in found


def test_a_french_report_joins_the_english_story() -> None:
    """Without any shared word but names and numbers, the French article joins its story."""
    english = [
        _fr("e1", BRIDGE, "en"),
        _fr("e2", BRIDGE_REWRITE, "en"),
        _fr("c1", CHOIR, "en"),
    ]
    french = _fr("f1", BRIDGE_FR, "fr")
    # a word threshold no pair reaches: only the cross-language join can bring f1 in
    stories = cluster_stories([*english, french], ClusterConfig(threshold=0.9))
    story_of = {a: s.id for s in stories for a in s.articles}
    assert story_of["f1"] in (story_of["e1"], story_of["e2"])
    assert story_of["c1"] != story_of["f1"]


BRIDGE_RU = (
    "Мост на улице Харлоу в Марроуби закрыли во вторник после того, как инспекторы обнаружили "
    "трещину в опорной балке, сообщил дорожный департамент Марроуби.\n"
    "По словам инженера Талии Воссен, по мосту ежедневно проезжают около 14 000 автомобилей. "
    "Мэр Оскар Брандт пообещал проверить все мосты Марроуби.\n"
    "Ремонт продлится шесть недель и обойдётся примерно в 2 миллиона крон."
)


def test_a_russian_report_joins_the_english_story_by_its_names_spelled_in_latin() -> None:
    """Cyrillic names fold to Latin letters ("Марроуби" -> "marroubi"), so they meet."""
    assert "n:brand" in anchors(BRIDGE_RU) and "n:vosse" in anchors(BRIDGE_RU)
    english = [_fr("e1", BRIDGE, "en"), _fr("e2", BRIDGE_REWRITE, "en"), _fr("c1", CHOIR, "en")]
    stories = cluster_stories([*english, _fr("r1", BRIDGE_RU, "ru")], ClusterConfig(threshold=0.9))
    story_of = {a: s.id for s in stories for a in s.articles}
    assert story_of["r1"] in (story_of["e1"], story_of["e2"])
    assert story_of["c1"] != story_of["r1"]


def test_an_unrelated_story_in_another_language_stays_apart() -> None:
    """Sharing no names or numbers, a German story is not joined to the English ones."""
    arts = [_fr("e1", BRIDGE, "en"), _fr("e2", BRIDGE_REWRITE, "en"), _fr("d1", ORCHARD_DE, "de")]
    stories = cluster_stories(arts)
    story_of = {a: s.id for s in stories for a in s.articles}
    assert story_of["d1"] != story_of["e1"]


def test_the_join_can_be_turned_off() -> None:
    """With cross_language=None (and no follow-up join, which reads names in any language)
    every language keeps its own stories."""
    arts = [_fr("e1", BRIDGE, "en"), _fr("e2", BRIDGE_REWRITE, "en"), _fr("f1", BRIDGE_FR, "fr")]
    config = ClusterConfig(threshold=0.9, cross_language=None, follow_ups=None)
    stories = cluster_stories(arts, config)
    story_of = {a: s.id for s in stories for a in s.articles}
    assert story_of["f1"] != story_of["e1"]


def test_stories_of_one_language_are_never_joined_here() -> None:
    """join_languages leaves two English stories apart however alike their anchors."""
    groups = [[_fr("e1", BRIDGE, "en")], [_fr("e2", BRIDGE_REWRITE, "en")]]
    assert join_languages(groups, CrossLingualConfig(threshold=0.0)) == [[0], [1]]


def test_a_batch_of_one_story_still_joins_its_other_languages() -> None:
    """Names every article shares still count when the batch holds nothing else."""
    arts = [_fr("e1", BRIDGE, "en"), _fr("e2", BRIDGE_REWRITE, "en"), _fr("f1", BRIDGE_FR, "fr")]
    stories = cluster_stories(arts, ClusterConfig(threshold=0.9))
    story_of = {a: s.id for s in stories for a in s.articles}
    assert story_of["f1"] in (story_of["e1"], story_of["e2"])
