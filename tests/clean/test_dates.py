from newsweave.clean.dates import full_dates, infer_published


def test_full_dates():
    text = "On March 5, 2024 and 7 April 2023 and 2022-01-09 the council met."
    assert [d.isoformat() for d in full_dates(text)] == ["2022-01-09", "2024-03-05", "2023-04-07"]


def test_dateline_above_body_wins():
    assert infer_published(["Ilse Marrow March 5, 2024 9:03 AM"], ["In May 2020 it rained."]) == (
        "2024-03-05"
    )


def test_last_month_with_year_mentions():
    body = [
        "The storm hit the harbour last September.",
        "In September 2023, crews began the first repairs.",
    ]
    assert infer_published([], body) == "2024-01-01"


def test_latest_body_date_is_a_lower_bound():
    assert infer_published([], ["The vote on June 2, 2021 followed one on May 1, 2021."]) == (
        "2021-06-02"
    )


def test_no_dates():
    assert infer_published([], ["The council met on Tuesday."]) is None
