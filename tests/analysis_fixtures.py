"""Invented articles for the analysis-stage tests (invented places, people and outlets)."""

from __future__ import annotations

from newsweave.model import Article

FERRY = (
    "The ferry between Tidewater and Gull Island ran aground on Monday near the harbour mouth, "
    "the Tidewater Port Authority said. About 300 passengers were taken off by lifeboats and "
    "nobody was hurt, according to harbour master Lena Brook.\n"
    "“The crew did everything right,” Brook told reporters. The ship, the Osprey, was refloated "
    "on the evening tide and towed to the repair yard.\n"
    "Services will resume in March 2025 after an inspection, the operator said."
)
FERRY_REWRITE = (
    "A Gull Island ferry struck a sandbank at the Tidewater harbour mouth on Monday. Lifeboats "
    "brought some 120 passengers ashore and there were no injuries, harbour master Lena Brook "
    "said. The Osprey was refloated on the evening tide and towed to the repair yard for an "
    "inspection of the ferry hull before services resume."
)
ORCHARD = (
    "Apple growers in the Fenwick valley expect a record harvest this autumn after a mild spring, "
    "the Fenwick Growers Cooperative said on Tuesday. The cooperative expects 40,000 tonnes of "
    "apples, up from 31,000 tonnes last year, and will hire 600 seasonal pickers."
)


def article(
    id: str,
    text: str,
    published: str | None = "2025-02-03",
    title: str | None = None,
    outlet: str | None = None,
) -> Article:
    return Article(
        id=id, source=f"{id}.txt", text=text, title=title, outlet=outlet, published=published
    )
