"""Titles above the body, bylines with job titles, weak pages, and bounded work on
pathological pages."""

import time

import numpy as np

from newsweave.clean import CleanConfig, clean_page
from newsweave.clean.features import (
    Line,
    main_span,
    main_spans,
    parse_page,
    parse_pages,
    split_lines,
)
from newsweave.clean.meta import byline_of
from newsweave.clean.scorer import _trees, load_model, stage2_matrix
from newsweave.clean.text import _dedupe, _fallback, _intro_lists, _off_topic, _trim
from newsweave.model import Article, Page

from .fixtures import BODY

HEAD = [
    "NORTHCAPE LEDGER — Serving the Westmere coast since 1902",
    "Home | Harbour | Westmere | Sport | Jobs",
    "Menu ☰ | News | Westmere | Opinion",
    "Home › News › Westmere",
    "Westmere council votes to close ferry pier for repairs",
    "The crumbling pier will shut for six months while crews rebuild it; the Oskel Island "
    "ferry moves to the northern quay",
    "By Ilse Marrow, Harbour Correspondent",
]


def _page(lines: list[str]) -> Page:
    return Page(id="t", source="t.txt", content="\n\n".join(lines))


def test_title_skips_masthead_menu_and_breadcrumb_lines():
    art = clean_page(_page([*HEAD, *BODY, "Related stories", "  • Lighthouse keeper named"]))
    assert isinstance(art, Article)
    assert art.title == "Westmere council votes to close ferry pier for repairs"
    assert art.standfirst and art.standfirst.startswith("The crumbling pier")
    assert art.authors == ["Ilse Marrow"]


def test_a_repeated_table_header_is_not_the_title():
    header = "Stop\t\tFerry\t\tDeparts\t\tArrives"
    table = [header, header, "Northern quay\t\tOskel\t\t07:10\t\t07:55"]
    art = clean_page(_page([*HEAD[4:], *table, *BODY[:3], header, *BODY[3:]]))
    assert isinstance(art, Article)
    assert art.title == "Westmere council votes to close ferry pier for repairs"


def test_repeated_table_rows_stay_but_a_repeated_paragraph_goes():
    header = "Stop\t\tFerry\t\tDeparts"
    lines = split_lines("\n".join([BODY[0], header, "Quay\t\tOskel\t\t07:10", header, BODY[0]]))
    keep = [True] * len(lines)
    why: list[str | None] = [None] * len(lines)
    _dedupe(lines, keep, why)
    assert keep == [True, True, True, True, False]
    assert why[4] == "duplicate of line 1"


def test_no_title_when_the_page_has_no_headline():
    art = clean_page(_page(["Home | Harbour | Sport", *BODY]))
    assert isinstance(art, Article) and art.title is None


def test_byline_drops_job_titles():
    assert byline_of("By Ilse Marrow, Harbour Correspondent") == ["Ilse Marrow"]
    assert byline_of("By Ilse Marrow and Teo Vance") == ["Ilse Marrow", "Teo Vance"]
    assert byline_of("By Staff Reporter") == []


def _kadane(lines):  # the loop main_span replaced
    best, span, cur, start = 0.0, (0, -1), 0.0, 0
    for i, line in enumerate(lines):
        n = line.nw
        gain = (n - 12.0) if not line.bullet else -6.0
        gain += 10.0 if n >= 25 else 0.0
        if cur <= 0:
            cur, start = 0.0, i
        cur += gain
        if cur > best:
            best, span = cur, (start, i)
    return span


def test_main_span_matches_the_loop():
    pages = [[*HEAD, *BODY], ["Home", "  • World"], [*BODY, "Related", *BODY], []]
    for lines in pages:
        parsed = split_lines("\n".join(lines))
        assert main_span(parsed) == _kadane(parsed)


def test_main_spans_of_many_pages_match_the_loop_page_by_page():
    rng = np.random.default_rng(7)
    sizes = [0, 1, 5, 0, 40, 3, 17, 0, 60]
    nw = rng.choice([0, 3, 12, 12, 20, 30, 45], size=sum(sizes)).astype(float)  # ties too
    bullet = rng.random(len(nw)) < 0.2
    bounds = np.concatenate(([0], np.cumsum(sizes)))
    lo, hi = main_spans(nw, bullet, bounds)
    for p, (s, e) in enumerate(zip(bounds[:-1], bounds[1:], strict=True)):
        lines = [
            Line(i, "", "", bool(b), 0, "", int(n))
            for i, (n, b) in enumerate(zip(nw[s:e], bullet[s:e], strict=True))
        ]
        assert (lo[p] - s, hi[p] - s) == _kadane(lines)


def test_trees_match_a_plain_walk_of_the_shipped_nodes():
    params = load_model()["stage2"]
    x = parse_page("\n".join([*HEAD, *BODY]))[1]
    x = np.hstack([x, np.zeros((len(x), 1))])  # the bag-of-words column
    x2 = stage2_matrix(x, np.linspace(-6.0, 6.0, len(x)))
    walked = []
    for row in x2:
        total = params["base"]
        for t in range(len(params["feature"])):
            node = 0
            while params["left"][t][node] != node:  # a leaf points to itself
                right = row[params["feature"][t][node]] > params["threshold"][t][node]
                node = (params["right"] if right else params["left"])[t][node]
            total += params["value"][t][node]
        walked.append(total)
    assert np.allclose(_trees(params, x2), walked)


def test_trees_score_long_pages_in_slices():
    model = load_model()
    x = parse_page("\n".join([*HEAD, *BODY] * 400))[1]
    x = np.hstack([x, np.zeros((len(x), 1))])  # the bag-of-words column
    x2 = stage2_matrix(x, np.zeros(len(x)))
    whole = _trees(model["stage2"], x2[:2048])
    assert len(x2) > 2048
    assert np.allclose(_trees(model["stage2"], x2)[:2048], whole)


def test_pathological_pages_clean_quickly():
    sentence = BODY[0] + " "
    pages = [
        "\n".join(f"Menu item {i}" if i % 3 else sentence for i in range(20_000)),
        sentence * 20_000,  # one 3.5 MB line
        "pier " * 200_000,  # 1 MB of one repeated word
    ]
    for content in pages:
        start = time.process_time()
        clean_page(Page(id="p", source="p.txt", content=content))
        assert time.process_time() - start < 10.0


WEAK = [
    "  • Harbour",
    "  • Ferry times",
    "pier ferry quay harbour tickets timetable westmere oskel island crossing parking "
    "moorings fishing boats lighthouse",
    BODY[0],
    BODY[1],
    "Share: Facebook Twitter",
]


def _fallback_keeps(z: list[float]) -> list[bool]:
    lines = split_lines("\n".join(WEAK))
    keep = [False] * len(lines)
    _fallback(lines, np.asarray(z), keep, [None] * len(lines), CleanConfig())
    return keep


def test_a_weak_page_keeps_its_best_line_and_close_neighbours():
    keep = _fallback_keeps([-2.0, -1.0, -0.5, -1.2, -3.5, -2.0])
    # the keyword list (best, p = 0.38) and its run of lines within 2 logits; bullets of
    # fewer than 3 words never count, and the run stops at a line 3 logits below the best
    assert keep == [False, False, True, True, False, False]


def test_a_clueless_weak_page_falls_back_to_its_prose():
    # the best line, the keyword list, is at p = 0.12: the model has no idea, so the best
    # paragraph of 30+ words wins, with its neighbours that are sentences too
    keep = _fallback_keeps([-2.5, -2.2, -2.0, -6.0, -6.5, -6.2])
    assert keep == [False, False, False, True, True, False]


def test_a_list_the_body_introduces_is_kept_to_its_end():
    lines = split_lines(
        "\n".join(
            [
                BODY[0],
                "The ferry will call at these stops while the pier is closed:",
                "  • Northern quay, Monday",
                "  • Oskel Island, Tuesday",
                "  • Lighthouse point, Wednesday",
                "Related stories",
                "  • Oskel Island festival draws record crowds",
            ]
        )
    )
    z = np.asarray([5.0, 3.0, -2.0, -1.0, -3.5, -6.0, -2.0])
    keep = (z > 0).tolist()
    why: list[str | None] = [None] * len(lines)
    items = _intro_lists(lines, z, keep, why)
    _trim(lines, keep, why, items, (1 / (1 + np.exp(-z))).tolist())
    # the items up to the line the model is sure of (p < 0.02) stay, below the last paragraph
    assert keep == [True, True, True, True, True, False, False]
    assert why[2] == "body, in the list that line 2 introduces"


TEASERS = [
    "Glassworks museum reopens",
    "The Varnholt glassworks museum reopened on Saturday after a two-year restoration that "
    "added a furnace hall, a children's workshop and a rooftop cafe overlooking the canal.",
    "Cycling club wins regional title",
    "Members of the Brennick cycling club took the regional team title in a muddy final "
    "stage, their first trophy since the club moved its training base inland last year.",
]
TABLE = ["Stop\t\tDeparts", "Northern quay\t\t07:10", "Oskel Island\t\t07:55"]


def _off_topic_keeps(page_lines: list[str | None], title: str | None) -> list[bool]:
    """Run _off_topic on a page where the None lines are filler the model dropped."""
    parsed = parse_pages(["\n".join(line or "Share this" for line in page_lines)])[0]
    keep = [line is not None for line in page_lines]
    why: list[str | None] = [None] * len(parsed.lines)
    _off_topic(parsed.lines, parsed.words, keep, why, title, None)
    return keep


def test_blocks_about_other_stories_are_dropped():
    title = "Westmere council votes to close ferry pier for repairs"
    filler = [None] * 4
    keep = _off_topic_keeps([*BODY[:3], *filler, *TEASERS, *filler, *TABLE], title)
    # the body shares the title's words; the teasers do not, and hold paragraphs; the table
    # shares none either, but has no paragraph, so it stays
    assert keep == [*[True] * 3, *[False] * 4, *[False] * 4, *[False] * 4, *[True] * 3]
    no_title = _off_topic_keeps([*BODY[:3], *filler, *TEASERS], None)
    assert no_title == [*[True] * 3, *[False] * 4, *[True] * 4]


def test_jusText_finds_one_stop_list_without_rehashing_it_with_the_same_result() -> None:
    import justext.core

    from newsweave.clean.html import _reuse_stoplist, _trafilatura

    _trafilatura()
    _reuse_stoplist()  # a second install keeps one wrapper
    define = justext.core.define_stoplist
    assert getattr(define, "reuses_last", False)
    words = ("Harbour", "THE", "quay")
    first = define(words)
    assert first == frozenset({"harbour", "the", "quay"})
    assert define(words) is first  # the same list object: the set got last
    assert define(("Ferry",)) == frozenset({"ferry"})
    assert define(tuple(["Harbour", "THE", "quay"])) == first  # an equal list: same set


def test_a_byline_a_reading_time_or_a_photo_credit_is_never_the_title():
    for line in (
        "BY Westmere Ledger Pier Desk < 2 MINUTE READ",
        "Westmere pier ferry crews 4 min read",
        "Westmere Harbour Board/Handout via REUTERS",
    ):
        art = clean_page(_page([line, *BODY]))
        assert isinstance(art, Article)
        assert art.title != line


def test_lines_after_a_closing_credit_are_dropped_and_an_early_credit_closes_nothing() -> None:
    from newsweave.clean.features import split_lines
    from newsweave.clean.text import _after_closing_credit

    lines = split_lines("One.\nTwo.\nThree.\nFour.\n(Varn Wire)\nMore from us\nLast words.")
    keep = [True, True, True, True, False, True, True]
    why: list[str | None] = [None, None, None, None, "credit: Varn Wire", None, None]
    _after_closing_credit(lines, keep, why)
    assert keep == [True, True, True, True, False, False, False]
    assert why[5] == why[6] == "after the closing credit line 5"
    keep = [True, False, True, True, True, True, True]
    why = [None, "credit: Varn Wire", None, None, None, None, None]
    _after_closing_credit(lines, keep, why)
    assert keep == [True, False, True, True, True, True, True]


def test_a_truncated_teaser_of_a_kept_paragraph_is_dropped() -> None:
    from newsweave.clean.features import split_lines
    from newsweave.clean.text import _dedupe

    full = "The Varnley harbour board voted on Monday to close the old pier for repairs."
    lines = split_lines(f"{full}\nThe Varnley harbour board voted on Monday to close...\nShort …")
    keep, why = [True, True, True], [None, None, None]
    _dedupe(lines, keep, why)  # type: ignore[arg-type]
    assert keep == [True, False, True] and why[1] == "truncated copy of line 1"
