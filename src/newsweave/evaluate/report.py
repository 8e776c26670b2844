"""The evaluation as a table for people: one block per measure, per-story rows, a summary line."""

from __future__ import annotations

from collections import defaultdict
from typing import Any


def per_story(
    brief: dict[str, Any], gold: dict[str, Any], page_of: dict[str, str], res: dict
) -> dict:
    """For each gold story: its pages, the brief stories they fall in, and each measure's hits."""
    where: dict[str, set[int]] = defaultdict(set)
    for si, story in enumerate(brief.get("stories", [])):
        for a in story.get("articles") or []:
            if str(a) in page_of:
                where[gold["pages"][page_of[str(a)]]["story"]].add(si)
    dates = res["dates"]["pages"]
    out = {}
    for sid, story in gold["stories"].items():
        determinable = [p for p in story["pages"] if gold["pages"][p].get("published") is not None]
        quotes = [r for r in res["quotes"]["pairs"] if r["story"] == sid]
        conflicts = [
            r
            for r in res["conflicts"]["gold"]
            if r["story"] == sid and r["score_as"] == "real" and r["scorable"]
        ]
        copies = [r for r in res["lineage"]["gold"] if r["story"] == sid]
        timeline = [r for r in res["timeline"]["gold"] if r["story"] == sid]
        out[sid] = {
            "pages": len(story["pages"]),
            "brief_stories": len(where.get(sid, ())),
            "dates_right": sum(dates[p]["verdict"] == "right" for p in determinable),
            "dates_determinable": len(determinable),
            "quotes_right": sum(r["verdict"] == "right" for r in quotes),
            "quote_pairs": len(quotes),
            "conflicts_found": sum(r["found"] for r in conflicts),
            "conflicts_real": len(conflicts),
            "copies_found": sum(r["found"] for r in copies),
            "copy_pairs": len(copies),
            "timeline_found": sum(r["found"] for r in timeline),
            "timeline_gold": len(timeline),
        }
    return out


def _f(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:.3f}"


def summary_line(res: dict) -> str:
    """Every headline figure on one line, starting with SUMMARY."""
    cs, ce = res["clusters"]["stories_vs_story"], res["clusters"]["events_vs_event"]
    rows = res["dates"]["rows"]
    det, nd = rows.get("determinable", {}), rows.get("not determinable", {})
    q, c, ln, t, s = (res[k] for k in ("quotes", "conflicts", "lineage", "timeline", "summary"))
    return (
        f"SUMMARY stories F1 {cs['pairwise_f1']:.3f} B3 {cs['b3_f1']:.3f} | "
        f"events F1 {ce['pairwise_f1']:.3f} B3 {ce['b3_f1']:.3f} | "
        f"dates {det.get('answered', 0)} answered/{det.get('pages', 0)} det, "
        f"{det.get('right', 0)} right, abstain {nd.get('abstained', 0)}/{nd.get('pages', 0)} | "
        f"quotes extracted {q['extracted']}/{q['pairs_total']} right {q['right']} "
        f"wrong {q['wrong']} unattr {q['unattributed']} | "
        f"conflicts R {c['real_found']}/{c['real_total']} P {c['true']}+{c['partly']}p/{c['reported']} | "
        f"lineage {ln['found']}/{ln['gold_pairs']} false {ln['false']} unverif {ln['unverified']} | "
        f"timeline {t['found']}/{t['gold_entries']} future {t['future']}/{t['entries']} | "
        f"summary {s['sentences']} cited {s['cited']} supported {s['supported']}"
    )


def render_table(res: dict, name: str) -> str:
    """The evaluation `res` of the brief called `name` as a plain-text table."""
    m = res["mapping"]
    by = ", ".join(f"{k} {v}" for k, v in m["mapped_by"].items()) or "nothing"
    lines = [
        f"stories score of {name}",
        f"  {m['gold_pages_in_brief']}/{m['gold_pages']} gold pages in the brief (mapped by {by}); "
        f"{m['unmatched_articles']} brief articles unmatched; "
        f"{m['pages_with_several_articles']} pages with several articles",
        "",
        "1 clusters                  pair P  pair R  pair F1    B3 P    B3 R   B3 F1     ARI  clusters",
    ]
    for label, key in (
        ("stories vs gold story", "stories_vs_story"),
        ("events vs gold event", "events_vs_event"),
    ):
        c = res["clusters"][key]
        lines.append(
            f"  {label:24s} {c['pairwise_p']:7.3f} {c['pairwise_r']:7.3f} {c['pairwise_f1']:8.3f} "
            f"{c['b3_p']:7.3f} {c['b3_r']:7.3f} {c['b3_f1']:7.3f} {c['ari']:7.3f}  "
            f"{c['n_pred_clusters']}/{c['n_gold_clusters']}"
        )
    lines += [
        "",
        "2 publication dates          pages answered right wrong abstained coverage accuracy",
    ]
    for label, r in res["dates"]["rows"].items():
        lines.append(
            f"  {label:26s} {r['pages']:5d} {r['answered']:8d} {r['right']:5d} {r['wrong']:5d} "
            f"{r['abstained']:9d} {_f(r['coverage']):>8s} {_f(r['accuracy']):>8s}"
        )
    q = res["quotes"]
    lines += ["", f"3 quotes ({q['pairs_total']} gold quote-page pairs)        n   share"]
    for label, key, share in (
        ("extracted", "extracted", q["extracted_rate"]),
        ("right speaker", "right", q["right_rate"]),
        ("wrong speaker", "wrong", None),
        ("unattributed", "unattributed", None),
        ("not extracted", "not_extracted", None),
    ):
        lines.append(f"  {label:36s} {q[key]:4d}  {_f(share) if share is not None else ''}")
    lines.append(
        f"  right of extracted {_f(q['right_of_extracted'])}, "
        f"right of attributed {_f(q['right_of_attributed'])}"
    )
    c = res["conflicts"]
    lines += [
        "",
        "4 conflicts",
        f"  recall: real numeric gold conflicts found   {c['real_found']}/{c['real_total']}  "
        f"{_f(c['recall'])}   (soft/time-varying found {c['soft_found']}/{c['soft_total']}; "
        f"{c['nonnumeric_not_scored']} non-numeric not scored)",
        f"  reported discrepancies                     {c['reported']}: true {c['true']}, "
        f"partly (real + trap) {c['partly']}, soft {c['soft']}, trap {c['trap']}, "
        f"unmatched {c['unmatched']}",
        f"  precision strict / lenient                 {_f(c['precision'])} / "
        f"{_f(c['precision_lenient'])}",
    ]
    for d in c["discrepancies"]:
        lines.append(
            f"    - {d['verdict']:9s} {d['about']!s:.40s}: {' vs '.join(map(str, d['values']))}"
        )
    ln, t, s = res["lineage"], res["timeline"], res["summary"]
    lines += [
        "",
        "5 lineage",
        f"  gold copy pairs found                      {ln['found']}/{ln['gold_pairs']}  {_f(ln['recall'])}",
        f"  related page pairs in the brief            {ln['related_pairs']}: found "
        f"{ln['related_found']}, false {ln['false']}, unverified {ln['unverified']}",
        "",
        "6 timeline",
        f"  gold entries found (date + key word)       {t['found']}/{t['gold_entries']}  {_f(t['recall'])}",
        f"  entries after the story's latest page day  {t['future']}/{t['entries']}  "
        f"{_f(t['future_share'])}   ({t['future_inferred']} of them inferred)",
        "",
        "7 summary",
        f"  sentences {s['sentences']}; with >=1 citation {s['cited']} ({_f(s['cited_share'])}); "
        f"text found in a cited article {s['supported']} ({_f(s['supported_share'])})",
        "",
        "per story   pages briefs  dates ok/det  quotes ok/gold  conflicts/real  copies/gold  timeline/gold",
    ]
    for sid, r in res["per_story"].items():
        lines.append(
            f"  {sid:8s} {r['pages']:6d} {r['brief_stories']:6d} "
            f"{r['dates_right']:6d}/{r['dates_determinable']:<6d} "
            f"{r['quotes_right']:7d}/{r['quote_pairs']:<7d} "
            f"{r['conflicts_found']:7d}/{r['conflicts_real']:<7d} "
            f"{r['copies_found']:5d}/{r['copy_pairs']:<6d} "
            f"{r['timeline_found']:6d}/{r['timeline_gold']:<6d}"
        )
    lines += ["", res["summary_line"]]
    return "\n".join(lines)
