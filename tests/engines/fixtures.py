"""Invented news pages (invented places, people and outlets) packed into small WARC files."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUTLETS = ("Tidewater Tribune", "Gull Island Gazette", "Fenwick Ledger", "Harbour Wire")

FERRY = [
    "The ferry between Tidewater and Gull Island ran aground on Monday near the harbour mouth, "
    "the Tidewater Port Authority said. About 300 passengers were taken off by lifeboats and "
    "nobody was hurt, according to harbour master Lena Brook. The ship, the Osprey, was "
    "refloated on the evening tide and towed to the repair yard for an inspection of its hull.",
    "Divers inspecting the Osprey ferry, which ran aground at the Tidewater harbour mouth, found "
    "a cracked propeller shaft, the Tidewater Port Authority said on Thursday. Harbour master "
    "Lena Brook said the Gull Island crossing would stay closed while the repair yard ordered "
    "parts. Islanders have been using fishing boats to reach the mainland market.",
    "The Gull Island ferry service will resume next week after the Osprey passed its inspection "
    "at the Tidewater repair yard, harbour master Lena Brook announced. The Tidewater Port "
    "Authority will add a second pilot on every crossing through the harbour mouth until the "
    "sandbank that grounded the ferry has been dredged, she said.",
    "Dredgers began clearing the sandbank at the Tidewater harbour mouth where the Osprey ferry "
    "ran aground this month, the Tidewater Port Authority said. Harbour master Lena Brook said "
    "the work on the Gull Island channel would take three weeks and that the ferry timetable "
    "would not change while the dredgers worked at night.",
    "An inquiry into the grounding of the Osprey ferry at the Tidewater harbour mouth opened "
    "on Wednesday. Harbour master Lena Brook told the inquiry the Gull Island ferry had left "
    "the marked channel in fog, and the Tidewater Port Authority said it would publish new "
    "pilotage rules for the sandbank before the summer timetable.",
]
ORCHARD = [
    "Apple growers in the Fenwick valley expect a record harvest this autumn after a mild "
    "spring, the Fenwick Growers Cooperative said on Tuesday. The cooperative expects 40,000 "
    "tonnes of apples, up from 31,000 tonnes last year, and will hire 600 seasonal pickers "
    "from the valley towns to bring the crop in before the first frosts.",
    "The Fenwick Growers Cooperative is short of cold storage for the record apple harvest it "
    "expects in the Fenwick valley, chairwoman Ida Marsh said. Growers may have to sell part "
    "of the 40,000 tonnes straight from the orchards at lower prices unless the cooperative "
    "can rent warehouse space in the valley towns before the picking starts.",
]
EXTRA = "Advertisement. Subscribe to our newsletter for more stories like this one."

# (article text, title, date, outlet); index 5 and 8 are near-copies of 0 and 6.
ARTICLES = [
    (FERRY[0], "Ferry runs aground at Tidewater harbour mouth", "2025-02-01", 0),
    (FERRY[1], "Cracked shaft found on grounded Osprey ferry", "2025-02-04", 1),
    (FERRY[2], "Gull Island ferry to resume after inspection", "2025-02-08", 0),
    (FERRY[3], "Dredgers clear sandbank at Tidewater", "2025-02-12", 3),
    (FERRY[4], "Inquiry opens into Osprey ferry grounding", "2025-02-20", 1),
    (FERRY[0] + " " + EXTRA, "Osprey ferry aground, passengers safe", "2025-02-01", 3),
    (ORCHARD[0], "Fenwick valley expects record apple harvest", "2025-02-04", 2),
    (ORCHARD[1], "Fenwick growers short of cold storage", "2025-02-05", 2),
    (ORCHARD[0] + " " + EXTRA, "Record apple harvest expected in Fenwick", "2025-02-05", 3),
]


def page_html(text: str, title: str, published: str, outlet: str) -> str:
    """An invented news page: navigation, the article, a related-stories list and a footer."""
    paragraphs = "".join(f"<p>{s.strip()}.</p>" for s in text.split(". ") if s.strip())
    return (
        f"<html><head><title>{title} | {outlet}</title>"
        f'<meta property="article:published_time" content="{published}T08:00:00Z">'
        f'<meta property="og:site_name" content="{outlet}"></head><body>'
        '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>'
        f"<article><h1>{title}</h1><p>By Staff Reporter, {published}</p>{paragraphs}</article>"
        '<aside><h2>Related stories</h2><ul><li><a href="/a">Council approves budget</a></li>'
        '<li><a href="/b">Weekend weather outlook</a></li></ul></aside>'
        f"<footer>Copyright {outlet}. All rights reserved.</footer></body></html>"
    )


def write_warc(path: Path, pages: list[tuple[str, str]]) -> Path:
    """Write (url, html) pairs as WARC response records (gzipped when the name ends .gz)."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.suffix == ".gz")
        for url, html in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode("utf-8")), http_headers=headers
            )
            writer.write_record(record)
    return path


def make_warcs(folder: Path, shards: int = 3) -> list[Path]:
    """The invented articles spread round-robin over `shards` WARC files in `folder`."""
    pages: list[list[tuple[str, str]]] = [[] for _ in range(shards)]
    for i, (text, title, published, outlet) in enumerate(ARTICLES):
        url = f"https://news{outlet}.example/{published}/story-{i}"
        pages[i % shards].append((url, page_html(text, title, published, OUTLETS[outlet])))
    return [write_warc(folder / f"crawl-{n:02d}.warc.gz", p) for n, p in enumerate(pages)]
