"""Independent sources: the groups of articles that count once, and why.

Two articles are one source when
- one copies the other (any copy relation: verbatim, prefix, partial, rewrite,
  translation);
- they come from the same outlet: the same site (the registrable part of the host, so
  ``www.``, ``m.``, ``edition.`` ... are one site), the same outlet name when there is no
  URL, or two sites that an outlet-groups file puts together (`load_outlet_groups`), and
  neither is a copy or copied: a republisher of ten wire stories does not make the ten one
  source, and an outlet's copy of a wire story goes with the wire, not with the outlet's
  own reporting;
- they credit the same wire agency (a credit line, or a dateline such as "CITY (AP) —")
  and share wording: some prose runs, fewer than a copy needs.

Quotations never make two articles one source: the copy measures mask them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from newsweave.clean.meta import AGENCIES
from newsweave.dedup.passages import Tokens, candidate_pairs, overlap, shingles, tokens
from newsweave.errors import InputError
from newsweave.model import Article, CopyRelation, SourceGroup, Story

_AGENCY_NAMES = "|".join(sorted((re.escape(k) for k in AGENCIES), key=len, reverse=True))
# "BALTIMORE (AP) —", "(Reuters) -", "PARIS, June 3 (AFP) –" near the start of the text
_DATELINE = re.compile(rf"\(\s*({_AGENCY_NAMES})\s*\)\s*[-–—:]", re.IGNORECASE)
_SECOND_LEVEL = frozenset(["co", "com", "net", "org", "gov", "ac", "edu", "news"])


@dataclass(frozen=True, slots=True)
class IndependenceConfig:
    """How articles are put into one source."""

    outlet_groups: tuple[frozenset[str], ...] = ()  # hosts or outlet names that are one outlet
    wire_prose: int = 8  # prose words in shared runs enough for two credits of one agency
    shingle: int = 6  # words in the shortest shared run (as in LineageConfig)
    dateline_chars: int = 300  # how far into the text a wire dateline is looked for
    max_postings: int = 50  # a shingle in more articles pairs them as a chain (LineageConfig)


def source_groups(
    articles: Sequence[Article],
    relations: Iterable[CopyRelation],
    config: IndependenceConfig | None = None,
) -> list[SourceGroup]:
    """Every article's independent-source group, with the reasons; largest groups first."""
    config = config or IndependenceConfig()
    ids = [a.id for a in articles]
    parent = {i: i for i in ids}
    reasons: dict[str, list[str]] = {}

    def link(x: str, y: str, why: str) -> None:
        rx, ry = _find(parent, x), _find(parent, y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)
        reasons.setdefault(min(x, y), []).append(why)

    copied: set[str] = set()  # articles whose text is another's, or is taken by another
    for rel in relations:
        if rel.original in parent and rel.copy in parent:
            link(rel.original, rel.copy, f"{rel.copy} is a {rel.kind} copy of {rel.original}")
            copied.update((rel.original, rel.copy))
    by_outlet: dict[str, list[str]] = {}
    for article in articles:
        if article.id in copied:
            continue  # syndicated text is its origin's reporting, not the outlet's own
        key = outlet_key(article, config.outlet_groups)
        if key:
            by_outlet.setdefault(key, []).append(article.id)
    for key, members in by_outlet.items():
        for other in members[1:]:
            link(members[0], other, f"{members[0]} and {other} are both from {key}")
    for a, b, agency in _same_wire(articles, config):
        link(a.id, b.id, f"{a.id} and {b.id} both credit {agency} and share its wording")
    groups: dict[str, list[str]] = {}
    for i in ids:
        groups.setdefault(_find(parent, i), []).append(i)
    out = []
    for members in groups.values():
        why = [r for m in members for r in reasons.get(m, [])]
        out.append(SourceGroup(articles=members, reasons=list(dict.fromkeys(why))))
    return sorted(out, key=lambda g: (-len(g.articles), g.articles[0]))


def independent_count(story: Story) -> int:
    """How many independent sources a story has: its source groups; for a story analysed
    before there were groups, its articles less the copies in its lineage groups."""
    if story.sources:
        return len(story.sources)
    return len(story.articles) - sum(len(group) - 1 for group in story.duplicates)


def outlet_key(article: Article, groups: Sequence[frozenset[str]] = ()) -> str | None:
    """The outlet an article comes from: its registrable host, else its outlet name."""
    key = None
    if article.url:
        key = site(urlparse(article.url).netloc) or None
    if key is None and article.outlet:
        outlet = article.outlet.strip().lower()
        key = site(outlet) if "." in outlet and " " not in outlet else outlet or None
    if key is None:
        return None
    for group in groups:
        if key in group or (article.outlet or "").strip().lower() in group:
            return min(group)
    return key


def site(host: str) -> str:
    """A host reduced to its site: "www.edition.example.co.uk" -> "example.co.uk"."""
    host = host.lower().split("@")[-1].split(":")[0].strip(".")
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def wire_agencies(article: Article, dateline_chars: int = 300) -> set[str]:
    """The wire agencies an article credits: credit lines, and a dateline near its start."""
    found = {AGENCIES.get(c.strip().lower(), "") for c in article.credits} - {""}
    for match in _DATELINE.finditer(article.text[:dateline_chars]):
        found.add(AGENCIES[match.group(1).lower()])
    return found


def load_outlet_groups(path: str | Path) -> tuple[frozenset[str], ...]:
    """Outlet groups from a JSON file: {"group name": ["host or outlet", ...], ...}."""
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read outlet groups {path}: {exc}") from exc
    if not isinstance(data, dict) or not all(
        isinstance(v, list) and all(isinstance(x, str) for x in v) for v in data.values()
    ):
        raise InputError(
            f"outlet groups {path}: expected an object of lists of hosts or outlet names"
        )
    return tuple(
        frozenset(site(x) if "." in x and " " not in x else x.strip().lower() for x in members)
        for members in data.values()
        if members
    )


def _same_wire(
    articles: Sequence[Article], config: IndependenceConfig
) -> list[tuple[Article, Article, str]]:
    by_agency: dict[str, list[Article]] = {}
    for article in articles:
        for agency in wire_agencies(article, config.dateline_chars):
            by_agency.setdefault(agency, []).append(article)
    found = []
    cache: dict[str, Tokens] = {}
    for agency, members in sorted(by_agency.items()):
        for member in members:
            if member.id not in cache:
                cache[member.id] = tokens(member.text)
        keys = [shingles(cache[m.id], config.shingle) for m in members]
        for i, j in candidate_pairs(keys, 1, config.max_postings):
            a, b = members[i], members[j]
            if overlap(cache[a.id], cache[b.id], config.shingle).prose >= config.wire_prose:
                found.append((a, b, agency))
    return found


def _find(parent: dict[str, str], x: str) -> str:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x
