"""An invented story: a river ferry accident told by invented outlets, one copying another."""

from __future__ import annotations

from newsweave.extract import extract_articles
from newsweave.model import Article

ORIGINAL = (
    "The ferry Marlin capsized on the Velder river near Ostrand on Monday, the Ostrand "
    "Harbour Board said. About 300 passengers were evacuated by rescue boats before the "
    "vessel sank.\n"
    "Harbour master Ilse Varga said the crossing would stay closed until Friday. "
    "The Velder Ferry Company said the Marlin had passed its last safety inspection in "
    "March 2024 and that an investigation had begun."
)
COPY = ORIGINAL + "\nThis story first appeared in the Ostrand Courier."
REWRITE = (
    "Rescue boats evacuated 120 passengers from the ferry Marlin after it capsized on the "
    "Velder river near Ostrand on Monday, according to the Ostrand Harbour Board. "
    "The town of Ostrand is home to 4,000 residents, most of whom work on the river.\n"
    "Harbour master Ilse Varga said the crossing would stay closed until Friday. "
    "Divers from the Kessel Salvage Group will start raising the wreck on Wednesday, the "
    "company's director Tomas Brell said."
)


def story_articles() -> list[Article]:
    """The original, a verbatim copy of it, and an independent rewrite, all extracted."""
    raw = [
        Article(id="orig", source="orig.txt", text=ORIGINAL, outlet="Ostrand Courier",
                published="2025-03-03"),
        Article(id="copy", source="copy.txt", text=COPY, outlet="Valley Wire",
                published="2025-03-03"),
        Article(id="rewr", source="rewr.txt", text=REWRITE, outlet="River Post",
                published="2025-03-04"),
    ]  # fmt: skip
    return list(extract_articles(raw))


def extracted(id: str, text: str, published: str = "2025-03-03") -> Article:
    """One invented article, with figures and times extracted."""
    (article,) = extract_articles(
        [Article(id=id, source=f"{id}.txt", text=text, published=published)]
    )
    return article


COPIES = [["orig", "copy"]]
