"""The extractive summary: central, non-redundant, every supporting source cited, bounded."""

from __future__ import annotations

import time

from newsweave.model import Article
from newsweave.summarize import summarize
from newsweave.summarize.lead import SummaryConfig
from newsweave.summarize.support import check, numbers

HARBOUR = (
    "The Tollmouth harbour board voted on Monday to close the old ferry terminal by the end "
    "of the year.\n"
    "Board chair Ines Varga said the terminal's 1962 pier could no longer carry modern ferries.\n"
    "About 1,200 passengers a day use the terminal, according to the board.\n"
    "Sign up for our newsletter to get the latest harbour news every morning in your inbox."
)
HARBOUR_COPY = HARBOUR
HARBOUR_OTHER = (
    "Tollmouth's harbour board has voted to close the old ferry terminal by the end of the "
    "year, board chair Ines Varga said on Monday.\n"
    "About 1,200 passengers a day use the terminal, the board said.\n"
    "Fishermen in the harbour said they feared the closure would hurt local cafes and shops."
)


def art(id: str, text: str, published: str | None = "2025-05-05") -> Article:
    return Article(id=id, source=f"{id}.txt", text=text, published=published)


def test_each_sentence_cites_every_article_that_backs_it_and_prefers_originals() -> None:
    items = [art("h1", HARBOUR), art("h2", HARBOUR_COPY), art("h3", HARBOUR_OTHER)]
    summary = summarize(items, copies=[["h1", "h2"]])
    assert summary
    assert all(s.article in ("h1", "h3") for s in summary), "a copy is never quoted"
    for sentence in summary:
        assert sentence.article in sentence.sources
        assert sentence.text in next(a.text for a in items if a.id == sentence.article)
    figure = next(s for s in summary if "1,200" in s.text)
    assert set(figure.sources) == {"h1", "h2", "h3"}


def test_no_boilerplate_and_no_repetition() -> None:
    items = [art("h1", HARBOUR), art("h3", HARBOUR_OTHER)]
    summary = summarize(items)
    assert not any("newsletter" in s.text for s in summary)
    assert sum("1,200" in s.text for s in summary) == 1


def test_size_is_respected() -> None:
    items = [art("h1", HARBOUR), art("h3", HARBOUR_OTHER)]
    assert len(summarize(items, config=SummaryConfig(size=2))) <= 2
    assert len(summarize(items, size=1)) == 1
    assert summarize([]) == []


def test_a_giant_article_stays_bounded() -> None:
    filler = "\n".join(
        f"Harbour note {i}: crew rota {i % 7} covers berth {i % 13} and crane {i % 5} today."
        for i in range(20_000)
    )
    items = [art("h1", HARBOUR + "\n" + filler), art("h3", HARBOUR_OTHER)]
    started = time.perf_counter()
    summary = summarize(items)
    assert summary and time.perf_counter() - started < 30


def test_support_check_wants_figures_names_and_most_words() -> None:
    source = "About 1,200 passengers a day use the Tollmouth terminal, the board said."
    assert check("About 1,200 passengers a day use the Tollmouth terminal.", source).supported
    wrong = check("About 3,000 passengers a day use the Tollmouth terminal.", source)
    assert not wrong.supported and "3000" in wrong.reason
    named = check("Mayor Osric Bell said 1,200 passengers use the terminal.", source)
    assert not named.supported and "name" in named.reason
    assert numbers("2,000 troops and 2000 more, 3.50 each") == {"2000", "3.5"}


def test_a_trademark_notice_is_never_a_summary_sentence() -> None:
    notice = "The Ostrand Courier is a registered trademark of the Ostrand Press Trust, a charity."
    items = [art("h1", HARBOUR + "\n" + notice), art("h3", HARBOUR_OTHER)]
    assert not any("trademark" in s.text for s in summarize(items, size=10))


def test_the_summary_is_written_in_the_language_most_sources_use() -> None:
    french = (
        "Le conseil du port de Tollmouth a voté lundi la fermeture de l'ancien terminal des "
        "ferries avant la fin de l'année.\n"
        "Environ 1 200 passagers par jour utilisent le terminal, selon le conseil du port."
    )
    items = [
        Article(id="f1", source="f1.txt", text=french, published="2025-05-04", language="fr"),
        Article(id="h1", source="h1.txt", text=HARBOUR, published="2025-05-05", language="en"),
        Article(
            id="h3", source="h3.txt", text=HARBOUR_OTHER, published="2025-05-05", language="en"
        ),
    ]
    summary = summarize(items)
    assert summary and {s.article for s in summary} <= {"h1", "h3"}
    alone = summarize([items[0]])
    assert alone and alone[0].article == "f1", "a story told in one language only keeps it"
