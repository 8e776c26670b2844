"""An invented gold file and an invented brief with hand-counted scores (tests/evaluate)."""

from __future__ import annotations

from typing import Any


def gold() -> dict[str, Any]:
    """Two invented stories (a ferry strike in Tidewater, an orchard fire in Marlow), six pages."""

    def page(
        url: str | None,
        story: str,
        event: str,
        published: str | None,
        ok: list[str],
        stamped: bool = False,
    ) -> dict[str, Any]:
        return {"url": url, "story": story, "event": event, "published": published,
                "published_acceptable": ok, "has_store_date_stamp": stamped}  # fmt: skip

    return {
        "pages": {
            "000.txt": page(
                "https://harbourgazette.example/ferry-strike",
                "F",
                "F-strike",
                "2031-03-02",
                ["2031-03-02"],
            ),
            "001.txt": page(
                "https://valleypost.example/news/ferry",
                "F",
                "F-strike",
                None,
                ["2031-03-02", "2031-03-03"],
            ),
            "002.txt": page(None, "F", "F-talks", "2031-03-09", ["2031-03-09"], stamped=True),
            "003.txt": page(
                "https://marlowtimes.example/fire", "O", "O-fire", "2031-07-14", ["2031-07-14"]
            ),
            "004.txt": page(None, "O", "O-fire", None, []),
            "005.txt": page(None, "O", "O-rebuild", "2031-08-01", ["2031-08-01"]),
        },  # fmt: skip
        "stories": {
            "F": {
                "pages": ["000.txt", "001.txt", "002.txt"],
                "quotes": [
                    {
                        "speaker": "Ines Varga (union head / Varga-Lind)",
                        "contains": "We will not sail",
                        "pages": ["000.txt", "001.txt", "002.txt"],
                    }
                ],
                "conflicts": [
                    {
                        "about": "ferries idle",
                        "values": [
                            {"value": "12 ferries", "numbers": [12]},
                            {"value": "fifteen ferries", "numbers": [15]},
                        ],
                        "score_as": "real",
                    }
                ],
                "copies": [
                    {"pages": ["000.txt", "001.txt"], "kind": "verbatim"},
                    {"pages": ["000.txt", "002.txt"], "kind": "two reports", "is_copy": False},
                ],
                "timeline": [
                    {
                        "date": "2031-03-02",
                        "what": "crews walk out",
                        "keywords": ["walk", "strike"],
                    },
                    {"date": "2031-03-08/2031-03-10", "what": "talks resume at the port authority"},
                ],
            },
            "O": {
                "pages": ["003.txt", "004.txt", "005.txt"],
                "quotes": [
                    {
                        "speaker": "Dara Okafor",
                        "speaker_keys": ["okafor"],
                        "contains": "The trees will grow back",
                        "pages": ["003.txt"],
                    }
                ],
                "false_conflict_traps": [
                    {"about": "hectares and trees are two counts", "numbers": [40, 400]}
                ],
            },
        },
    }


def brief() -> dict[str, Any]:
    """A brief of five of the six pages (and one page the gold does not know)."""
    return {
        "schema": "newsweave.brief/1",
        "articles": [
            {
                "id": "a0",
                "url": "http://www.harbourgazette.example/ferry-strike/",
                "source": "x",
                "published": "2031-03-02",
                "text": "Ferry crews walked out on Monday. 12 ferries stayed in port.",
            },
            {"id": "a1", "source": "pages.jsonl:2", "published": "2031-03-03", "text": ""},
            {"id": "a2", "source": "/tmp/pages/002.txt", "published": "2031-03-10", "text": ""},
            {
                "id": "a3",
                "url": "https://marlowtimes.example/fire",
                "source": "y",
                "published": None,
            },
            {"id": "a5", "source": "pages.jsonl:6", "published": "2031-08-01"},
            {"id": "x9", "source": "elsewhere.txt", "published": "2031-01-01"},
        ],  # fmt: skip
        "stories": [
            {
                "id": "s-ferry",
                "articles": ["a0", "a1", "a2", "a3"],
                "events": [
                    {"id": "e1", "articles": ["a0", "a1"]},
                    {"id": "e2", "articles": ["a2"]},
                ],
                "quotes": [
                    {
                        "speaker": "Ines Varga",
                        "text": "\u201cWe will not sail until the rota is fixed,\u201d",
                        "article": "a0",
                        "variants": [
                            {"text": "We will NOT sail", "speaker": None, "article": "a1"}
                        ],
                    },
                    {"speaker": "the mayor", "text": "we will not sail", "article": "a2"},
                ],
                "discrepancies": [
                    {
                        "about": "ferries",
                        "values": [
                            {"value": "12", "text": "12 ferries stayed in port", "sources": ["a0"]},
                            {"value": "fifteen", "text": "fifteen ferries", "sources": ["a1"]},
                        ],
                    }
                ],
                "lineage": [{"original": "a0", "copy": "a1", "kind": "verbatim"}],
                "duplicates": [["a0", "a2"]],
                "timeline": [
                    {"date": "2031-03-02", "text": "Crews went on strike.", "sources": ["a0"]},
                    {"date": "2031-03-09", "text": "Talks resumed.", "sources": []},
                    {"date": "2031-09-01", "text": "A later vote.", "sources": ["a2"]},
                ],
                "summary": [
                    {"text": "Ferry crews walked out on Monday.", "sources": ["a0"]},
                    {"text": "Nothing cited here.", "sources": []},
                ],
            },
            {
                "id": "s-orchard",
                "articles": ["a5"],
                "discrepancies": [
                    {
                        "about": "size",
                        "values": [
                            {"value": "40 hectares", "sources": ["a5"]},
                            {"value": "400 trees", "sources": ["a5"]},
                        ],
                    }
                ],
            },
        ],
    }
