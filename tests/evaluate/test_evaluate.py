"""`newsweave eval` on an invented gold file and brief, with every figure counted by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.evaluate.fixtures import brief, gold
from tests.helpers import run

from newsweave.errors import InputError
from newsweave.evaluate import evaluate_brief, load_brief, load_gold, render_table
from newsweave.evaluate.articles import speaker_keys
from newsweave.evaluate.match import numbers_in, url_key


@pytest.fixture(scope="module")
def result() -> dict:
    return evaluate_brief(brief(), gold())


def test_articles_are_mapped_by_url_file_name_and_jsonl_line(result: dict) -> None:
    m = result["mapping"]
    assert m["mapped"] == 5 and m["unmatched_articles"] == 1
    assert m["mapped_by"] == {
        "jsonl line": 2,
        "source file name": 1,
        "url": 1,
        "url (normalised)": 1,
    }
    assert m["gold_pages_in_brief"] == 5  # 004.txt is missing


def test_stories_and_events(result: dict) -> None:
    stories = result["clusters"]["stories_vs_story"]
    # predicted {000,001,002,003} {005} {004}: 3 of 6 predicted pairs right, 3 of 6 gold pairs
    assert stories["pairwise_p"] == pytest.approx(0.5)
    assert stories["pairwise_r"] == pytest.approx(0.5)
    assert stories["b3_p"] == pytest.approx(0.75)
    assert stories["b3_r"] == pytest.approx(4 / 6)
    assert stories["n_pred_clusters"] == 3 and stories["n_gold_clusters"] == 2
    events = result["clusters"]["events_vs_event"]
    # 003 is in the story but no event (alone); the event-less story is one event
    assert events["pairwise_p"] == pytest.approx(1.0)
    assert events["pairwise_r"] == pytest.approx(0.5)
    assert events["pairwise_f1"] == pytest.approx(2 / 3)


def test_dates(result: dict) -> None:
    rows = result["dates"]["rows"]
    det = rows["determinable"]
    assert (det["pages"], det["answered"], det["right"], det["wrong"], det["abstained"]) == (
        4,
        3,
        2,
        1,
        1,
    )
    assert rows["determinable, stamped"]["wrong"] == 1
    nd = rows["not determinable"]
    assert (nd["pages"], nd["right"], nd["abstained"]) == (2, 1, 1)
    assert result["dates"]["pages"]["002.txt"]["verdict"] == "wrong"


def test_quotes(result: dict) -> None:
    q = result["quotes"]
    assert (q["pairs_total"], q["extracted"], q["right"], q["wrong"], q["unattributed"]) == (
        4,
        3,
        1,
        1,
        1,
    )
    verdicts = {(r["page"], r["verdict"]) for r in q["pairs"]}
    assert ("003.txt", "not extracted") in verdicts and ("000.txt", "right") in verdicts


def test_conflicts_lineage_timeline_summary(result: dict) -> None:
    c = result["conflicts"]
    assert (c["real_found"], c["real_total"], c["reported"], c["true"], c["trap"]) == (
        1,
        1,
        2,
        1,
        1,
    )
    assert c["precision"] == pytest.approx(0.5)
    ln = result["lineage"]
    assert (ln["found"], ln["gold_pairs"], ln["related_pairs"], ln["false"]) == (1, 1, 2, 1)
    t = result["timeline"]
    assert (t["found"], t["gold_entries"], t["entries"], t["future"]) == (2, 2, 3, 1)
    s = result["summary"]
    assert (s["sentences"], s["cited"], s["supported"]) == (2, 1, 1)


def test_table_ends_with_the_summary_line(result: dict) -> None:
    table = render_table(result, "brief.json")
    assert table.splitlines()[0] == "stories score of brief.json"
    assert table.splitlines()[-1] == result["summary_line"]
    assert result["summary_line"].startswith("SUMMARY stories F1 0.500 B3 0.706 | events F1 0.667")


def test_matching_helpers() -> None:
    assert url_key("HTTPS://www.Example.org/a%20b/") == "example.org/a b"
    assert numbers_in("$8 billion") == [8e9]
    assert numbers_in("six-and-a-half") == [6.5]
    assert sorted(numbers_in("2.000")) == [2.0, 2000.0]
    assert numbers_in("6 1/2 and 20,000") == [6.5, 20000.0]
    assert speaker_keys({"speaker": "Ines Varga (union head / Varga-Lind)"}) == [
        "varga",
        "varga-lind",
    ]


def test_bad_files_are_input_errors(tmp_path: Path) -> None:
    (tmp_path / "not.json").write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match="not JSON"):
        load_gold(tmp_path / "not.json")
    (tmp_path / "g.json").write_text(
        json.dumps({"pages": {}, "stories": {"F": {"pages": ["9.txt"]}}})
    )
    with pytest.raises(InputError, match="not in `pages`"):
        load_gold(tmp_path / "g.json")
    (tmp_path / "b.json").write_text(json.dumps({"stories": []}))
    with pytest.raises(InputError, match="no list of articles"):
        load_brief(tmp_path / "b.json")


def test_cli_prints_the_table_and_writes_json(tmp_path: Path) -> None:
    (tmp_path / "gold.json").write_text(json.dumps(gold()), encoding="utf-8")
    (tmp_path / "brief.json").write_text(json.dumps(brief()), encoding="utf-8")
    code, out, err = run(
        "eval", str(tmp_path / "brief.json"), "--gold", str(tmp_path / "gold.json"),
        "--json", str(tmp_path / "scores.json"),
    )  # fmt: skip
    assert code == 0
    assert out.strip().splitlines()[-1].startswith("SUMMARY stories F1 0.500")
    assert "1 gold pages are not in the brief" in err
    saved = json.loads((tmp_path / "scores.json").read_text(encoding="utf-8"))
    assert saved["quotes"]["right"] == 1 and saved["brief"].endswith("brief.json")


def test_cli_errors_are_one_line(tmp_path: Path) -> None:
    (tmp_path / "gold.json").write_text(json.dumps(gold()), encoding="utf-8")
    code, _, err = run("eval", "--gold", str(tmp_path / "gold.json"))
    assert code == 2 and err.strip() == (
        "newsweave: error: give a JSON brief or --run INPUT, not both or neither"
    )
    code, _, err = run("eval", str(tmp_path / "none.json"), "--gold", str(tmp_path / "gold.json"))
    assert code == 2 and "cannot read the brief" in err and len(err.strip().splitlines()) == 1


def test_cli_runs_the_brief_of_pages_itself(tmp_path: Path, examples: Path) -> None:
    # a gold over two bundled example pages (matched by file name), one story
    names = sorted(p.name for p in examples.glob("0[12]_*.txt"))
    pages = {n: {"story": "D", "event": "D1", "published": None} for n in names}
    (tmp_path / "gold.json").write_text(
        json.dumps({"pages": pages, "stories": {"D": {"pages": names}}}), encoding="utf-8"
    )
    args = ["-q", "eval", "--gold", str(tmp_path / "gold.json")]
    code, out, _ = run(*args, *(x for n in names for x in ("--run", str(examples / n))))
    assert code == 0
    assert f"{len(names)}/{len(names)} gold pages in the brief" in out


def test_cli_shows_control_characters_of_the_brief_instead_of_obeying_them(tmp_path: Path) -> None:
    hostile = brief()
    hostile["stories"][0]["discrepancies"][0]["about"] = "ferries\x1b[2J"
    (tmp_path / "gold.json").write_text(json.dumps(gold()), encoding="utf-8")
    (tmp_path / "brief.json").write_text(json.dumps(hostile), encoding="utf-8")
    code, out, _ = run("eval", str(tmp_path / "brief.json"), "--gold", str(tmp_path / "gold.json"))
    assert code == 0 and "\x1b" not in out and "ferries\\x1b[2J" in out
