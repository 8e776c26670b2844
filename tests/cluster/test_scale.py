"""The synthetic stream for the scale benchmark: deterministic, realistic enough, clusterable."""

from __future__ import annotations

from benchmarks.cluster_scale import run
from benchmarks.synthetic import SyntheticConfig, generate


def test_the_generator_is_deterministic_and_in_time_order() -> None:
    first = list(generate(300, SyntheticConfig(seed=3)))
    assert first == list(generate(300, SyntheticConfig(seed=3)))
    assert first != list(generate(300, SyntheticConfig(seed=4)))
    assert len(first) == 300
    dates = [a.published or "" for a in first]
    assert dates == sorted(dates)
    lengths = sorted(len(a.text.split()) for a in first)
    assert lengths[0] >= 120 and 250 <= lengths[150] <= 900 and lengths[-1] <= 1600
    copies = sum(a.text.endswith("stories like this one.") for a in first)
    assert 0.04 * 300 <= copies <= 0.2 * 300


def test_the_scale_run_reports_each_checkpoint() -> None:
    rows = run([200, 400])
    assert [r["articles"] for r in rows] == [200, 400]
    assert all(r["articles_per_s"] > 0 and r["peak_rss_mib"] > 0 for r in rows)
    assert 5 <= rows[-1]["clusters"] <= 80 and rows[-1]["stories"] <= rows[-1]["clusters"]
