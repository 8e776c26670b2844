from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.clean import clean_page
from newsweave.clean.dates import full_dates, infer_published, infer_range, without_dateline
from newsweave.model import Article, Page


def test_full_dates():
    text = "On March 5, 2024 and 7 April 2023 and 2022-01-09 the council met."
    assert [d.isoformat() for d in full_dates(text)] == ["2022-01-09", "2024-03-05", "2023-04-07"]


def test_dateline_above_body_wins():
    header = ["Ilse Marrow March 5, 2024 9:03 AM"]
    assert infer_published(header, ["In May 2020 it rained."]) == "2024-03-05"
    assert infer_range(header, []) == (date(2024, 3, 5), date(2024, 3, 5))


def test_last_month_with_year_mention_is_only_a_lower_bound():
    body = [
        "The storm hit the harbour last September.",
        "In September 2023, crews began the first repairs, the mayor said on Wednesday.",
    ]
    # "last September" is not written in September 2023; nothing bounds the date from above
    assert infer_range([], body) == (date(2023, 10, 1), None)
    assert infer_published([], body) is None


def test_older_year_mention_does_not_fix_the_year():
    body = [
        "In September 2019 the ferry line opened.",
        "Last September the line was closed, and in February the tolls doubled.",
        "On the 17th the council met again.",
    ]
    assert infer_range([], body) == (date(2019, 10, 1), None)
    assert infer_published([], body) is None


def test_body_dates_are_a_lower_bound_not_a_day():
    body = ["The vote on June 2, 2021 followed one on May 1, 2021."]
    assert infer_range([], body) == (date(2021, 6, 2), None)
    assert infer_published([], body) is None


def test_no_dates():
    assert infer_published([], ["The council met on Tuesday."]) is None
    assert infer_range([], ["The council met on Tuesday."]) == (None, None)


def _article(content: str) -> Article:
    res = clean_page(Page(id="d", source="d.txt", content=content))
    assert isinstance(res, Article), res
    return res


BODY = (
    "The river authority of Calloway said the flood barrier would be finished within the year, "
    "after the storms that damaged the old wall last March left hundreds of homes exposed.\n"
    "Engineers first inspected the wall in March 2022, and the council approved the plan after "
    "a long public debate about the cost of the new barrier and who should pay for it.\n"
    "Residents told reporters they had waited long enough and wanted the work to start soon, "
    "because the next wet season would again put their streets and their shops at risk.\n"
)


def test_article_gets_range_not_a_made_up_day():
    art = _article("Flood barrier for Calloway approved\n" + BODY)
    assert art.published is None and not art.published_inferred
    assert art.published_range == ["2022-04-01", ""]


def test_article_dateline_gives_the_day():
    art = _article("Flood barrier for Calloway approved\nMay 4, 2023 10:12 AM\n" + BODY)
    assert art.published == "2023-05-04" and art.published_inferred
    assert art.published_range == ["2023-05-04", "2023-05-04"]


# ----------------------------------------------------------------- every signal, ranked

from newsweave.clean.dates import dateline, publication_date, url_date  # noqa: E402


def test_url_dates_in_their_usual_shapes():
    assert url_date("https://ledger.example/2023/09/12/ferry-strike/")[0] == date(2023, 9, 12)
    assert url_date("https://ledger.example/news/ferry-strike-20230930")[0] == date(2023, 9, 30)
    assert url_date("https://ledger.example/2022-12-19-ferry-strike")[0] == date(2022, 12, 19)
    assert url_date("https://ledger.example/23-Jun-2023/ferry")[0] == date(2023, 6, 23)
    assert url_date("https://ledger.example/world/2023/jun/21/ferry")[0] == date(2023, 6, 21)
    # a year and month only bound the day
    assert url_date("https://ledger.example/2023/11/ferry") == (
        None,
        date(2023, 11, 1),
        date(2023, 11, 30),
    )
    # ids are not dates
    assert url_date("https://ledger.example/story/cid/2010501") == (None, None, None)
    assert url_date("https://ledger.example/article/99999999") == (None, None, None)


def test_datelines():
    assert dateline("KESTREL, Pellan, April 17. The ferry stopped.") == (4, 17, None)
    assert dateline("Tollmouth, Mar 26: A ship lost power.") == (3, 26, None)
    assert dateline("Jan 18 (Reuters) - The board met.") == (1, 18, None)
    assert dateline("VASK CITY, Sept. 3, 2024 — The bridge opened.") == (9, 3, 2024)
    assert dateline("May 4 was a quiet day in Vask.") is None
    assert dateline("The March 3 vote went ahead.") is None


def test_store_stamp_line_wins_and_is_not_text():
    found = publication_date([], ["The ferry stopped."], top=" date 2023-09-14 The ferry stopped.")
    assert found.day == date(2023, 9, 14) and found.basis == "date line"


def test_published_line_beats_a_current_date_line_and_url_year():
    header = ["Saturday, 20 July 2024", "Wire Vask Published 01.04.24, 06:58 PM"]
    found = publication_date(header, ["The crew is healthy."], "https://ledger.example/2024/x")
    assert found.day == date(2024, 4, 1) and found.basis == "published line"
    found = publication_date(["Published 14 Dec 2022"], ["The crew is healthy."])
    assert found.day == date(2022, 12, 14)


def test_an_update_date_is_only_an_upper_bound():
    found = publication_date(["Updated: Nov 22, 2023"], ["The board met on Friday."])
    assert found.day is None and found.latest == date(2023, 11, 22)


def test_url_date_and_its_basis():
    found = publication_date([], ["The board met."], "https://ledger.example/2023/06/22/board")
    assert (found.day, found.basis) == (date(2023, 6, 22), "url")


def test_dateline_takes_its_year_from_the_page_or_leaves_it_to_the_story():
    body = ["Tollmouth, Mar 26: A ship lost power.", "The port closed in January 2024."]
    found = publication_date([], body)
    assert found.day == date(2024, 3, 26) and found.basis == "dateline, year from the page"
    found = publication_date([], ["Tollmouth, Mar 26: A ship lost power."])
    assert found.day is None and found.month_day == (3, 26)


def test_a_caption_date_never_fixes_the_day():
    body = [
        "Ines Varga holds a lamp in Tollmouth, on February 7, 2023. – Rescuers dug through the "
        "night in the cold, the harbour board said on Wednesday."
    ]
    found = publication_date([], body)
    assert found.day is None and found.earliest == date(2023, 2, 7)


def test_today_with_a_date_in_the_lead_gives_the_day():
    body = [
        "The tow was completed this morning, May 20, the harbour board said.",
        "The board first asked for tugs on May 2, 2024.",
    ]
    found = publication_date([], body)
    assert found.day == date(2024, 5, 20) and found.basis == "text"


def test_dates_in_french_german_and_spanish():
    assert full_dates("le 17 avril 2024") == [date(2024, 4, 17)]
    assert full_dates("am 17. April 2024") == [date(2024, 4, 17)]
    assert full_dates("el 27 de octubre de 2023") == [date(2023, 10, 27)]


def test_stamped_page_keeps_its_text_clean():
    content = " date 2023-09-14 Flood barrier for Calloway approved\n" + BODY
    art = _article(content)
    assert art.published == "2023-09-14" and art.published_basis == "date line"
    assert "date 2023" not in art.text and "date 2023" not in (art.title or "")


def test_short_page_with_a_headline_is_a_short_article_not_a_drop():
    content = (
        "Home | News | Sport | Weather\n\nHarbour crane collapses in Brindle Bay\n\n"
        "A crane fell on a ship, officials said.\n\nShare this article\n"
    )
    art = _article(content)
    assert art.short and art.title == "Harbour crane collapses in Brindle Bay"
    assert art.text == "A crane fell on a ship, officials said."
    res = clean_page(Page(id="m", source="m.txt", content="Home | News\n\nSubscribe now\n"))
    assert not isinstance(res, Article)


def test_a_date_line_below_a_kept_standfirst_still_dates_the_page():
    content = (
        "Flood barrier for Calloway approved\n\n"
        "The council backed the plan after a long debate.\n\n"
        "Ines Varga, Senior Editor\n\nMay 4, 2023\n\n4 Min Read\n\n" + BODY
    )
    art = _article(content)
    assert art.published == "2023-05-04" and art.published_basis == "header"


def test_a_lead_loses_the_dateline_that_opens_it_and_nothing_else() -> None:
    assert without_dateline("MARROWBY (Kessel Wire) — Crews shut the bridge.") == (
        "Crews shut the bridge."
    )
    assert without_dateline("Marrowby, Mar 3: Crews shut the bridge.") == "Crews shut the bridge."
    assert without_dateline("MARROWBY – crews shut the bridge.") == "Crews shut the bridge."
    assert without_dateline("Marrowby: Crews shut the bridge.") == "Crews shut the bridge."
    assert without_dateline("MARROWBY, Velmaria, Mar. 3 (Kessel Wire) - Crews shut it.") == (
        "Crews shut it."
    )
    for kept in (
        "Dara Venn - the chief executive - was fired.",
        "Marrowby bridge closure: the council explains.",
        "Quillon Labs (QLB) shares fell on Friday.",
    ):
        assert without_dateline(kept) == kept


_TOKENS = ["May", "mai", "Sept.", "September", "de", "of", "5", "21st", "31", ",", "2023",
           "1999", "2019-03-04", "x2020", "20201", "\n   ", " ", "the", "Jul", "24"]  # fmt: skip


@given(st.lists(st.sampled_from(_TOKENS), max_size=30))
def test_dates_found_from_their_years_are_the_dates_a_full_scan_finds(tokens: list[str]) -> None:
    from newsweave.clean.dates import DMY, ISO, MDY, MY, _mk, ending_in_years, full_dates
    from newsweave.text import month_number

    text = " ".join(tokens)
    for pattern in (MDY, DMY, MY):
        assert [m.span() for m in ending_in_years(pattern, text)] == [
            m.span() for m in pattern.finditer(text)
        ]
    scanned = [_mk(m.group(1), int(m.group(2)), m.group(3)) for m in ISO.finditer(text)]
    scanned += [_mk(m.group(3), month_number(m.group(1)), m.group(2)) for m in MDY.finditer(text)]
    scanned += [_mk(m.group(3), month_number(m.group(2)), m.group(1)) for m in DMY.finditer(text)]
    assert full_dates(text) == [d for d in scanned if d is not None]


def test_a_timestamp_or_a_dotted_date_above_the_body_dates_the_page() -> None:
    body = ["The Tolvey Harbour Company said on Monday it would close two quays this spring."]
    iso = publication_date(["2025-03-04T09:12:00Z"], body)
    assert (iso.day, iso.basis) == (date(2025, 3, 4), "header")
    dotted = publication_date(["04.03.2025, 09:12 Uhr"], body)
    assert (dotted.day, dotted.basis) == (date(2025, 3, 4), "header")
    assert publication_date(["3/4/2025"], body).day is None  # March 4 or April 3


_SPACED = ["May", "5", ",", "2023", "x", " ", "  ", "\n", "\t", "\u00a0", "\u3000", "ab"]


@settings(deadline=None)  # no wall-clock limit in a correctness test
@given(st.lists(st.sampled_from(_SPACED), max_size=60), st.data())
def test_reach_back_counts_the_characters_a_walk_back_counts(
    tokens: list[str], data: st.DataObject
) -> None:
    from newsweave.clean.dates import _REACH, reach_back

    text = "".join(tokens)
    end = data.draw(st.integers(0, len(text)))
    done = data.draw(st.integers(0, end))
    start, seen = end, 0  # one character at a time, whitespace not counted
    while start > done and seen < _REACH:
        start -= 1
        seen += not text[start].isspace()
    assert reach_back(text, done, end) == start


_HEADER_TOKENS = ["March 4, 2025", "04.03.2025", "2025-03-04T09:12Z", "12/14/2022", "Updated",
                  "By Ann Vell", "x1999", "1999", "3 min read", "Share", "14/12/22"]  # fmt: skip


@settings(deadline=None)  # no wall-clock limit in a correctness test
@given(st.lists(st.lists(st.sampled_from(_HEADER_TOKENS), max_size=5), max_size=8))
def test_header_date_is_the_first_a_line_by_line_scan_finds(lines: list[list[str]]) -> None:
    from newsweave.clean.dates import _UPDATED, _header_date, _numeric_date, full_dates

    header = [" ".join(words) for words in lines]
    expected = None
    for text in header:
        if len(text.split()) <= 12 and not _UPDATED.search(text):
            dates = full_dates(text) or list(filter(None, [_numeric_date(text)]))
            if dates:
                expected = dates[0]
                break
    assert _header_date(header) == expected


_MONTH_TOKENS = ["May 5, 2023", "5 mai 2023", "March 2023", "last May", "sept. 21st, 2019",
                 "today, Dec 3", "BAKU, Sept. 4 -", "May", "MAY", "may", "Mar", "march", "MARCHE",
                 "Sep", "sept", "Septemb",
                 "septiembre", "ſeptember", "İn", "Dec.", "dez", "Dezember", "juin", "Jun",
                 "junio", "listopada", "ЛИСТОПАДА", "mai", "maio", "mayo", "aug", "août",
                 "last", "today", ",", ".", "5", "21st", "2023", "of", "de", "BAKU", "(AP)",
                 "—", " ", "  ", "\n", "x"]  # fmt: skip


@settings(deadline=None)  # the first example compiles the flat patterns
@given(st.lists(st.sampled_from(_MONTH_TOKENS), max_size=25))
def test_month_patterns_match_as_with_every_month_name_in_turn(tokens: list[str]) -> None:
    import re

    from newsweave.clean import dates
    from newsweave.text import MONTH_PATTERN

    text = " ".join(tokens)
    for pattern in (dates.MDY, dates.DMY, dates.MY, dates.LAST_MONTH, dates._TODAY,
                    dates._DATELINE, dates._dateline_prefix()):  # fmt: skip
        assert dates._MONTHS in pattern.pattern
        flat = re.compile(pattern.pattern.replace(dates._MONTHS, MONTH_PATTERN), pattern.flags)
        for at in (0, len(tokens[0]) + 1 if tokens else 0):  # also from inside the text
            found = [(m.span(), m.groups()) for m in pattern.finditer(text, at)]
            assert found == [(m.span(), m.groups()) for m in flat.finditer(text, at)]
