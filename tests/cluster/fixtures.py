"""Invented articles (invented places, people and outlets) for dedup and clustering tests."""

from __future__ import annotations

from newsweave.model import Article

BRIDGE = (
    "The Harlow Street bridge in Marrowby closed on Tuesday after inspectors found a cracked "
    "support beam, the Marrowby Roads Department said.\n"
    "Engineer Talia Vossen said the crack was found during a routine inspection of the "
    "eighty-year-old bridge. “We could not take the risk of leaving it open,” Vossen said.\n"
    "About 14,000 vehicles cross the bridge each day. Drivers are being sent along the "
    "Quarry Lane detour, which adds twenty minutes to the trip into central Marrowby.\n"
    "The department said repairs to the Harlow Street bridge would take at least six weeks "
    "and cost about 2 million crowns.\n"
    "Mayor Oskar Brandt called the closure a warning about the state of Marrowby bridges and "
    "promised a full survey of every bridge in the city before the winter."
)
BRIDGE_REWRITE = (
    "Marrowby has shut the Harlow Street bridge after a cracked support beam turned up during "
    "a routine check on Tuesday, according to the city Roads Department.\n"
    "Inspectors led by engineer Talia Vossen spotted the damage on the eighty-year-old "
    "Harlow Street bridge. “We could not take the risk of leaving it open,” Vossen said.\n"
    "Roughly 14,000 vehicles use the Harlow Street bridge daily and must now take the Quarry "
    "Lane detour into central Marrowby, adding twenty minutes to the journey.\n"
    "Fixing the Marrowby bridge will take six weeks or more, at a cost of about 2 million "
    "crowns, the Roads Department said. Mayor Oskar Brandt promised a survey of every "
    "Marrowby bridge before winter."
)
BRIDGE_FOLLOW_UPS = [
    (
        "Repair crews began replacing the cracked support beam of the Harlow Street bridge in "
        "Marrowby this week. Engineer Talia Vossen of the Marrowby Roads Department said the "
        "bridge work was on schedule and the Quarry Lane detour would stay in place."
    ),
    (
        "Mayor Oskar Brandt published the survey of Marrowby bridges promised after the Harlow "
        "Street bridge closure. Three more bridges in Marrowby need repairs to their support "
        "beams, the Roads Department said, and engineer Talia Vossen will lead the work."
    ),
    (
        "The Harlow Street bridge in Marrowby reopened to traffic on Monday after the cracked "
        "support beam was replaced. Engineer Talia Vossen said the Roads Department would "
        "inspect the bridge monthly. Mayor Oskar Brandt thanked drivers for their patience "
        "with the Quarry Lane detour."
    ),
]
CHOIR = (
    "The Dunmere Youth Choir won the gold medal at the Northshore Singing Festival on Tuesday, "
    "beating 31 choirs from across the Pellan coast. Conductor Ilse Marrak said the 40 singers "
    "had rehearsed every evening since spring. “They sang the best they ever have,” Marrak "
    "said. The choir will perform its winning programme at the Dunmere Concert Hall in May."
)
ADS = (
    "ADVERTISEMENT\nSubscribe to the Pellan Ledger for just 1 crown a week!\n"
    "Sponsored: the best garden furniture deals of the season.\n"
)


def article(
    id: str,
    text: str,
    published: str | None = "2025-05-06",
    title: str | None = None,
    outlet: str | None = None,
    credits: list[str] | None = None,
    url: str | None = None,
) -> Article:
    return Article(
        id=id,
        source=f"{id}.txt",
        text=text,
        title=title,
        outlet=outlet,
        published=published,
        credits=credits or [],
        url=url,
    )
