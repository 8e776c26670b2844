"""Quality gate for the cleaning stage on the real data in ../shared (seeds and eval/extraction).

Skips when ../shared is absent, unless NEWSWEAVE_REQUIRE_SHARED=1 (then it fails).
Floors sit a little under the figures measured with benchmarks/extraction.py.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from newsweave.clean import clean_page, clean_pages, explain_page
from newsweave.model import Article, Page

pytestmark = pytest.mark.acceptance

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
EXTRACTION = SHARED / "eval" / "extraction"

HTML_F1_FLOOR = 0.963  # measured 0.966 (trafilatura favor_precision alone: 0.959 here)
# shipped model, trained on these 181 pages and Readability's: an in-sample figure that guards
# the shipped file, not a quality claim (that is the cross-validated one below); measured 0.969
TEXT_F1_FLOOR = 0.965
# 5-fold cross-validation by page, Readability's pages in every fold's training, mean over 4
# splits (the held-out figure on this set); measured 0.935 on split 1
TEXT_CV_F1_FLOOR = 0.925
# sets the shipped model never saw (text path, clean_pages); measured 0.855 and 0.959
UNSEEN_TEXT_F1_FLOORS = {"dragnet": 0.85, "l3s-gn1": 0.95}


def _need(path: Path) -> None:
    if not path.exists():
        if os.environ.get("NEWSWEAVE_REQUIRE_SHARED") == "1":
            pytest.fail(f"{path} is missing and NEWSWEAVE_REQUIRE_SHARED=1")
        pytest.skip(f"{path} is absent")


def _bench():
    spec = importlib.util.spec_from_file_location("nw_bench", ROOT / "benchmarks" / "extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    _need(SEEDS)
    pages = [
        Page(id=p.name[:3], source=str(p), content=p.read_text("utf-8"))
        for p in sorted(SEEDS.glob("*.txt"))
    ]
    out = {}
    for page, art in zip(pages, clean_pages(pages), strict=True):
        assert isinstance(art, Article), art
        out[page.id] = art
    return out


JUNK = [
    "Read more",
    "OTHER NEWS",
    "News Related",
    "Volkswagen",
    "Latest Stories",
    "Comments0",
    "You May Also Like",
    "Weekly Best",
    "Popular Now",
    "Quick access",
    "Editor's Pick",
    "Connect with us",
    "Enter Your Information",
    "Disclaimer",
    "Copyright",
    "Exit mobile version",
    "Share.",
    "wikitree",
    "content@",
    "appeared first on",
    "(AFP, Reuters)",
    "Yonhap",
]


def test_seeds_have_no_boilerplate(seeds):
    for key, art in seeds.items():
        for junk in JUNK:
            assert junk not in art.text, (key, junk)


def test_seeds_keep_every_body_paragraph(seeds):
    for key, art in seeds.items():
        source = (SEEDS / Path(art.source).name).read_text("utf-8")
        paragraphs = [ln.strip() for ln in source.splitlines() if len(ln.split()) >= 25]
        body = [
            p
            for p in paragraphs
            if "Read more" not in p
            and "Disclaimer" not in p
            and "Your information is secure" not in p
        ]
        for para in body:
            if key == "000" and para.startswith(
                (
                    "A senior",
                    "Photograph:",
                    "Standard Bank",
                    "Israel, Hamas",
                    "Mamelodi",
                    "Take note",
                    "UKZN",
                )
            ):
                continue
            assert para in art.text, (key, para[:60])


def test_seed_titles(seeds):
    assert seeds["000"].title == "Russia withdrawing from Nagorno-Karabakh, Kremlin says"
    assert seeds["001"].title == (
        "Russian Peacekeepers Complete Withdrawal from Nagorno-Karabakh, Says Azerbaijan"
    )
    assert seeds["002"].title is None
    assert seeds["003"].title == "Tensions Rise as Russia Pulls Peacekeepers from Nagorno-Karabakh"
    assert seeds["004"].title == (
        "Azerbaijan says it has retaken breakaway Armenian enclave after separatists surrender"
    )
    for art in seeds.values():
        if art.title:
            assert art.title.lower() not in art.text.lower()


def test_seed_standfirst_once(seeds):
    assert seeds["000"].standfirst and seeds["000"].standfirst.startswith(
        "Russian peacekeepers did"
    )
    assert seeds["000"].standfirst not in seeds["000"].text
    # the truncated teaser of seed 001 is not a second copy of its first paragraph
    assert seeds["001"].text.count("Russian peacekeepers have completed their withdrawal") == 1


def test_seed_credits_and_outlets(seeds):
    assert seeds["000"].credits[:2] == ["AFP", "Reuters"]
    assert "Yonhap" in seeds["003"].credits
    assert "cnn.com" in seeds["004"].credits
    assert seeds["003"].outlet == "wikitree"
    assert seeds["004"].outlet == "findandfunds.com"
    assert seeds["001"].outlet is None and seeds["002"].outlet is None
    for art in seeds.values():
        assert art.language == "en"


def test_seed_dates_are_inferred_not_from_boilerplate(seeds):
    # no seed states its own publication day; seed 004's footer says "Copyright (c) 2023", which
    # must neither date the page nor bound its range (its range starts from a month in its body)
    for key, art in seeds.items():
        assert art.published is None or art.published_inferred, key
        assert art.published != "2023-01-01", key
        assert not art.published_range or not art.published_range[0].startswith("2023-01"), key


def test_seed_explain_gives_reasons():
    _need(SEEDS)
    path = sorted(SEEDS.glob("000_*.txt"))[0]
    verdicts = explain_page(Page(id="000", source=str(path), content=path.read_text("utf-8")))
    reasons = {v.text.strip(): v.reason for v in verdicts}
    assert reasons["dh/wd (AFP, Reuters)"] == "credit: AFP, Reuters"
    assert all(v.reason for v in verdicts)


@pytest.fixture(scope="module")
def extraction():
    _need(EXTRACTION / "ground-truth.json")
    bench = _bench()
    return bench, *bench.load(EXTRACTION, None)


def test_gate_html_f1(extraction):
    bench, gt, _texts, html = extraction
    preds = {k: bench._text_of(clean_page(bench._page(k, html[k], gt[k], "html"))) for k in gt}
    f1, _, _ = bench.score(preds, {k: v["articleBody"] for k, v in gt.items()})
    assert f1 >= HTML_F1_FLOOR, f1


def test_gate_fulltext_f1(extraction):
    bench, gt, texts, _html = extraction
    preds = {k: bench._text_of(clean_page(bench._page(k, texts[k], gt[k], "text"))) for k in gt}
    f1, _, _ = bench.score(preds, {k: v["articleBody"] for k, v in gt.items()})
    assert f1 >= TEXT_F1_FLOOR, f1


def test_gate_fulltext_cross_validated_f1(extraction):
    bench = extraction[0]
    _need(bench.SETS["readability"] / "ground-truth.json")
    gt, texts, data, extra = bench.train_data()
    runs = bench.cross_validate(gt, texts, folds=5, repeats=4, extra=extra, data=data)
    f1 = sum(run[0] for run in runs) / len(runs)
    assert f1 >= TEXT_CV_F1_FLOOR, runs


@pytest.mark.parametrize("name", sorted(UNSEEN_TEXT_F1_FLOORS))
def test_gate_fulltext_f1_on_unseen_sets(name):
    bench = _bench()
    data = bench.SETS[name]
    _need(data / "ground-truth.json")
    gt, texts, _html = bench.load(data, None, html=False)
    preds, _speed = bench.newsweave_text(gt, texts)
    f1, _, _ = bench.score(preds, {k: v["articleBody"] for k, v in gt.items()})
    assert f1 >= UNSEEN_TEXT_F1_FLOORS[name], f1
