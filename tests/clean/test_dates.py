from datetime import date

from newsweave.clean import clean_page
from newsweave.clean.dates import full_dates, infer_published, infer_range
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
