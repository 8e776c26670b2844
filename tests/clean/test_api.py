import gc
import subprocess
import sys

import newsweave.clean as clean
from newsweave.clean import CleanConfig, LineVerdict, clean_page, clean_pages, explain_page
from newsweave.model import Article, Dropped, Page

from .fixtures import BODY, HTML_PAGE, MENU_ONLY, TEXT_PAGE


def page(content: str, **kw) -> Page:
    return Page(id=kw.pop("id", "p1"), source=kw.pop("source", "p1.txt"), content=content, **kw)


def test_public_api_matches_all():
    assert sorted(clean.__all__) == sorted(
        ["CleanConfig", "LineVerdict", "clean_page", "clean_pages", "explain_page", "explain_pages"]
    )
    for name in clean.__all__:
        assert hasattr(clean, name)


def test_explain_pages_is_explain_page_of_each():
    pages = [page(TEXT_PAGE, id="t1"), page(HTML_PAGE, id="h1", kind="html"), page(""),
             page(MENU_ONLY, id="t2"), page(TEXT_PAGE.replace("\n", "\n\n"), id="t3")]  # fmt: skip
    assert list(clean.explain_pages(pages, CleanConfig(window=2))) == [
        explain_page(p) for p in pages
    ]


def test_import_is_light():
    code = (
        "import sys, newsweave.clean; "
        "heavy = [m for m in ('trafilatura', 'htmldate', 'sklearn', 'py3langid', 'justext') "
        "if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_text_page_body_and_metadata():
    art = clean_page(page(TEXT_PAGE))
    assert isinstance(art, Article)
    assert art.id == "p1"
    for para in BODY:
        assert para in art.text
    for junk in (
        "Skip to content",
        "Related stories",
        "newsletter",
        "Copyright",
        "lighthouse keeper",
    ):
        assert junk not in art.text
    assert art.title == "Westmere council votes to close ferry pier for repairs"
    assert art.title not in art.text and art.title.lower() not in art.text
    assert art.standfirst and art.standfirst.startswith("Repairs to the crumbling pier")
    assert art.standfirst not in art.text
    assert art.credits[:2] == ["Tidewater", "Coastwire"]
    assert "kq/lm" not in art.text
    assert art.language == "en"
    assert art.outlet == "Harbour Herald"
    assert art.figures == [] and art.quotes == []


def test_declared_metadata_wins():
    art = clean_page(
        page(
            TEXT_PAGE,
            title="Declared title",
            url="https://www.harbourherald.example/pier",
            published="2024-03-05",
            outlet="Harbour Herald Online",
        )
    )
    assert isinstance(art, Article)
    assert art.title == "Declared title"
    assert art.outlet == "Harbour Herald Online"
    assert art.published == "2024-03-05" and art.published_inferred is False
    assert art.url == "https://www.harbourherald.example/pier"


def test_outlet_from_url_when_not_declared():
    art = clean_page(page(TEXT_PAGE, url="https://www.harbourherald.example/pier"))
    assert isinstance(art, Article) and art.outlet == "harbourherald.example"


def test_a_plain_prose_news_line_with_topical_words_is_kept():
    # topical words ("mayor", "election", "media", "woman") are the story, not boilerplate
    lead = (
        "Tarnwick chose a new mayor in Sunday's election. Turnout reached 61 percent, "
        "local media reported."
    )
    second = (
        "The woman who won, a former teacher, beat the sitting mayor by 212 votes after a "
        "campaign about housing."
    )
    content = f"Woman elected mayor of Tarnwick\n{lead}\n{second}\n"
    art = clean_page(page(content, url="https://tarnwick-gazette.test/news/mayor"))
    assert isinstance(art, Article)
    assert lead in art.text and second in art.text
    assert art.title == "Woman elected mayor of Tarnwick"


def test_a_short_page_keeps_its_lead_and_its_closing_sentences():
    lead = (
        "A violent storm battered the coast at Fenwold on Sunday night. Winds of up to "
        "140 km/h tore roofs off houses, the met office said."
    )
    closing = "Ferries from Fenwold were cancelled."
    art = clean_page(page(f"{lead}\n{closing}\n", title="Storm hits Fenwold"))
    assert isinstance(art, Article)  # a weak page: its lead (prose) joins its best line
    assert lead in art.text and closing in art.text
    body = (
        "Storm damage was reported across Fenwold on Monday morning, and gusts reached 150 "
        "km/h on the cliffs above the harbour, forecasters said."
    )
    art = clean_page(page(f"{body}\nTrees blocked several roads around Fenwold.\nShare this\n"))
    assert isinstance(art, Article)
    assert "Trees blocked several roads" in art.text and "Share this" not in art.text


def test_boilerplate_only_page_is_dropped_with_reason():
    out = clean_page(page(MENU_ONLY))
    assert isinstance(out, Dropped)
    assert out.stage == "clean" and "no article body" in out.reason


def test_a_weak_page_of_repeated_words_has_no_body():
    filler = "cheap pier tickets now " * 60
    page = Page(id="r", source="r.txt", content=f"{MENU_ONLY}\n{filler}\n")
    verdicts = {v.text.strip(): v for v in explain_page(page)}
    assert not verdicts[filler.strip()].kept
    assert "4 distinct word(s) over 240 words" in verdicts[filler.strip()].reason
    assert isinstance(clean_page(page), Dropped)
    alone = clean_page(Page(id="s", source="s.txt", content="pier " * 5000))
    assert isinstance(alone, Dropped) and "no article body" in alone.reason


def test_empty_page_is_dropped():
    out = clean_page(page("   \n\n"))
    assert isinstance(out, Dropped) and out.reason == "empty page"


def test_explain_covers_every_line_with_reasons():
    verdicts = explain_page(page(TEXT_PAGE))
    assert all(isinstance(v, LineVerdict) for v in verdicts)
    assert len(verdicts) == len([ln for ln in TEXT_PAGE.splitlines() if ln.strip()])
    reasons = {v.text.strip(): v for v in verdicts}
    assert reasons["kq/lm (Tidewater, Coastwire)"].reason == "credit: Tidewater, Coastwire"
    assert reasons[BODY[0]].kept and reasons[BODY[0]].reason.startswith("body")
    assert not reasons["Related stories"].kept
    assert reasons["westmere council votes to close ferry pier for repairs"].reason == (
        "duplicate of the title"
    )


def test_photo_captions_and_ad_labels_are_dropped_even_inside_the_body():
    captions = [
        "In this March 4, 2024, file photo, fishing boats lie moored beside the old ferry pier "
        "in Westmere while crews inspect the crumbling deck ahead of the vote.",
        "Council chair Mara Quellen speaks to reporters after the vote. (Coastwire Photo/Ann Lee)",
        "Photo: Ann Lee, Coastwire",
    ]
    content = "\n\n".join([*BODY[:2], *captions, "ADVERTISEMENT", *BODY[2:]])
    verdicts = {v.text.strip(): v for v in explain_page(page(content))}
    for caption in captions:
        assert not verdicts[caption].kept
    assert verdicts[captions[0]].reason == "photo caption"
    assert not verdicts["ADVERTISEMENT"].kept
    art = clean_page(page(content))
    assert isinstance(art, Article)
    assert all(body in art.text for body in BODY) and "file photo" not in art.text


def test_clean_pages_keeps_order_and_uses_site_context():
    footer = "Harbour Herald weekend edition out now"
    pages = [
        page(TEXT_PAGE + "\n\n" + footer, id=f"p{i}", source=f"p{i}.txt", outlet="Herald")
        for i in range(3)
    ]
    pages.insert(1, page(MENU_ONLY, id="menu", source="menu.txt", outlet="Herald"))
    out = list(clean_pages(pages))
    assert [o.source for o in out] == ["p0.txt", "menu.txt", "p1.txt", "p2.txt"]
    assert isinstance(out[1], Dropped)
    for art in (out[0], out[2], out[3]):
        assert isinstance(art, Article) and footer not in art.text
    no_ctx = list(clean_pages(pages, CleanConfig(site_context=False)))
    assert len(no_ctx) == 4


def test_clean_pages_restores_the_garbage_collector_state():
    pages = [page(TEXT_PAGE, id=f"p{i}", source=f"p{i}.txt") for i in range(3)]
    assert gc.isenabled()
    for _ in clean_pages(pages, CleanConfig(window=2)):
        assert gc.isenabled()  # paused only inside a window, never while the caller runs
    gc.disable()
    try:
        list(clean_pages(pages))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_rule_only_mode_works_without_model():
    art = clean_page(page(TEXT_PAGE), CleanConfig(use_model=False))
    assert isinstance(art, Article) and BODY[2] in art.text


def test_html_page():
    art = clean_page(page(HTML_PAGE, kind="html", source="p1.html"))
    assert isinstance(art, Article)
    assert BODY[1] in art.text and "All rights reserved" not in art.text
    assert art.title == "Westmere council votes to close ferry pier"
    assert art.authors == ["Ilse Marrow"]
    assert art.outlet == "Harbour Herald"
    assert art.published == "2024-03-05" and not art.published_inferred
    verdicts = explain_page(page(HTML_PAGE, kind="html"))
    assert any(v.kept for v in verdicts)


def test_html_without_text_is_dropped():
    out = clean_page(page("<html><body><nav>Home</nav></body></html>", kind="html"))
    assert isinstance(out, Dropped) and out.stage == "clean"


def test_explain_shows_every_block_of_an_html_page_with_why_it_was_removed():
    html = (
        "<html><head><title>Pier closes | Harbour Herald</title></head><body>"
        '<header class="site-header"><a href="/">Harbour Herald</a>'
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/n">News</a></li></ul></nav></header>'
        f"<article><h1>Westmere pier closes</h1><p>{BODY[0]}</p><p>{BODY[1]}</p>"
        f"<p>{BODY[2]}</p></article>"
        '<aside class="related-stories"><h2>Related</h2><ul>'
        '<li><a href="/x">Ferry fares rise again this spring in Westmere</a></li></ul></aside>'
        '<div id="cookie-consent">We use cookies to improve your visit.</div>'
        "<footer><p>All rights reserved by the Harbour Herald company.</p></footer>"
        "</body></html>"
    )
    verdicts = explain_page(page(html, kind="html"))
    why = {v.text: (v.kept, v.reason) for v in verdicts}
    assert why["Home"] == (False, "menu") and why["News"] == (False, "menu")
    assert why["Ferry fares rise again this spring in Westmere"] == (False, "related links")
    assert why["We use cookies to improve your visit."] == (False, "cookie notice")
    assert why["All rights reserved by the Harbour Herald company."] == (False, "footer")
    assert why["Harbour Herald"] == (False, "page header")
    assert all(why[b][0] for b in BODY[:3])  # the article's paragraphs are kept
    assert [v.text for v in verdicts].index("Home") < [v.text for v in verdicts].index(BODY[0])


def test_page_blocks_survive_deep_nesting_and_skip_scripts():
    from newsweave.clean.html_blocks import page_blocks

    deep = "<div>" * 200 + "deep text" + "</div>" * 200
    html = f"<html><body><script>var x = 1;</script>{deep}<p>a<br>b</p></body></html>"
    assert [b.text for b in page_blocks(html)] == ["deep text", "a", "b"]
    assert isinstance(page_blocks("<div>" * 50_000), list)  # the parser's depth cap, no error
