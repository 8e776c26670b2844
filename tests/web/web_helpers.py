"""Helpers shared by the web test modules (no web library imported here)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote


def xss_paths(client: Any) -> list[str]:
    """Every HTML page of the store: list, stories, articles, entities."""
    paths = ["/", "/?q=%3Cscript%3E", "/entities"]
    for row in client.get("/api/stories").json()["stories"]:
        paths.append(f"/stories/{row['id']}")
        brief = client.get(f"/api/stories/{row['id']}").json()
        paths += [f"/articles/{a['id']}" for a in brief["articles"]]
    index = client.get("/api/entities").json()
    paths += [f"/entities/speaker/{quote(e['name'], safe='')}" for e in index["speakers"]]
    paths += [f"/entities/outlet/{quote(e['name'], safe='')}" for e in index["outlets"]]
    for key, kind in (("people", "person"), ("places", "place"), ("organisations", "organisation")):
        paths += [f"/entities/{kind}/{quote(e['name'], safe='')}" for e in index[key]]
    return paths
