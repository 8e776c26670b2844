"""robots.txt rules (RFC 9309): groups by user agent, longest match wins, allow wins a tie.

`urllib.robotparser` applies the first rule in file order; RFC 9309 and the big
crawlers apply the most specific (longest) matching rule, which is what sites
write for. Patterns support `*` (any run of characters) and a final `$` (end of
the path); matching is a linear-time wildcard match, never a regular expression.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_BYTES = 500_000  # RFC 9309 asks crawlers to read at least 500 KiB
_MAX_PATTERN = 2_000


@dataclass(slots=True)
class Robots:
    """The rules of one host for one user agent; `denied` refuses everything, with why."""

    rules: list[tuple[str, bool]] = field(default_factory=list)  # (pattern, allowed)
    denied: str | None = None

    @classmethod
    def parse(cls, text: str, agent: str) -> Robots:
        """The rules `text` gives to `agent` (its product token), else to `*`."""
        token = agent.split("/")[0].strip().lower()
        groups: list[tuple[list[str], list[tuple[str, bool]]]] = []
        in_agents = False
        for raw in text.splitlines():
            line = raw.split("#", 1)[0].strip()
            key, sep, value = line.partition(":")
            if not sep:
                continue
            key, value = key.strip().lower(), value.strip()
            if key == "user-agent":
                if not in_agents:
                    groups.append(([], []))
                    in_agents = True
                groups[-1][0].append(value.split("/")[0].strip().lower())
            elif key in ("allow", "disallow") and groups:
                in_agents = False
                if value and len(value) <= _MAX_PATTERN:
                    groups[-1][1].append((value, key == "allow"))
        mine = [rules for agents, rules in groups if token in agents]
        if not mine:
            mine = [rules for agents, rules in groups if "*" in agents]
        return cls([rule for rules in mine for rule in rules])

    def allowed(self, path: str) -> bool:
        """Whether `path` (with its query) may be fetched: the longest matching rule decides."""
        if self.denied is not None:
            return False
        best = -1
        verdict = True
        for pattern, allow in self.rules:
            if _matches(pattern, path):
                size = len(pattern)
                if size > best or (size == best and allow):
                    best, verdict = size, allow
        return verdict


def _matches(pattern: str, path: str) -> bool:
    """Whether a robots pattern matches the start of `path` (`*` any run, final `$` the end)."""
    if pattern.endswith("$"):
        pattern = pattern[:-1]
    else:
        pattern += "*"
    p = s = 0
    star = -1
    mark = 0
    while s < len(path):
        if p < len(pattern) and pattern[p] == "*":
            star, mark = p, s
            p += 1
        elif p < len(pattern) and pattern[p] == path[s]:
            p += 1
            s += 1
        elif star >= 0:
            p = star + 1
            mark += 1
            s = mark
        else:
            return False
    while p < len(pattern) and pattern[p] == "*":
        p += 1
    return p == len(pattern)
