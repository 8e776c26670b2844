"""Direct quotes and their speakers, from attribution patterns around quotation marks.

Only text inside quotation marks is a quote; reported speech never is. Quotes may span
sentences, be split by an attribution ("A,” he said, “B.”), or be fragments inside reported
speech (partial quotes). Speakers come from "X said", "said X", "X told reporters",
"according to X", and pronoun or role follow-ups ("He stressed", "the spokesperson said").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from newsweave.extract.names import split_role, surname
from newsweave.model import Quote
from newsweave.text import WEEKDAY_NAMES, sentence_spans

_WINDOW = 400  # characters looked at on each side of a quote for its speaker
_QUOTE = re.compile(r"“([^“”]{2,}?)”|\"([^\"\n]{2,}?)\"")
_CAP = r"[A-Z][\w’'.-]*"
_NAME = rf"(?P<name>(?:{_CAP}\s+(?:(?:of|for|bin|al|de|van|von)\s+)?){{0,5}}{_CAP})"
_VERB = (
    r"(?:said|says|saying|told(?:\s+\w+)?|tells|stated|stating|added|adding|stressed|stressing|"
    r"warned|warning|asked|explained|noted|insisted|argued|declared|announced|wrote|writes|"
    r"continued|replied|responded|answered|recalled|claimed|tweeted|posted|urged|concluded|"
    r"confirmed|denied|told\s+reporters)"
)
_ROLE = r"(?P<role>(?:(?:a|an|the)\s+)?(?:[\w’'-]+\s+){0,4}?)"
_ADV = r"(?:(?:also|later|then|repeatedly|again|neither\s+confirmed\s+nor\s+denied,?|\w+ly)\s+)?"
_APPOS = r"(?:,\s*(?:a|an|the)\s+[^,“”\"]{1,60},)?"
_AFTER_NAME_VERB = re.compile(rf"^[\s,.:;–—-]*{_ROLE}{_NAME}{_APPOS}\s*{_ADV}{_VERB}\b")
_AFTER_VERB_NAME = re.compile(
    rf"^[\s,.:;–—-]*{_VERB}\s+(?:(?:a|an|the)\s+)?(?:[a-z][\w-]*\s+){{0,3}}{_NAME}"
)
_BEFORE = re.compile(rf"(?:^|[^\w’']){_NAME}{_APPOS}\s+{_ADV}(?:[\w’']+\s+){{0,2}}?{_VERB}\b")
_ACCORDING = re.compile(rf"according to\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,3}}{_NAME}")
_PRONOUN = re.compile(rf"(?:^|[.!?”]\s+|,\s+)(?:he|she)\s+{_ADV}{_VERB}\b", re.I)
_ROLE_SUBJECT = re.compile(
    rf"\bthe\s+(?P<role>[a-z]+(?:\s+[a-z]+)?)\s+{_ADV}{_VERB}\b|{_VERB}\s+the\s+(?P<role2>[a-z]+)\b"
)
_NOT_SPEAKERS = frozenset(
    [
        "The",
        "This",
        "That",
        "It",
        "In",
        "But",
        "And",
        "When",
        "After",
        "During",
        "Yes",
        "No",
        "He",
        "She",
        "They",
        "We",
        "I",
        "You",
        "On",
        "As",
        "If",
        *WEEKDAY_NAMES,
    ]
)


@dataclass(frozen=True, slots=True)
class QuoteConfig:
    """Tunables of quote extraction."""

    min_words: int = 2
    max_attribution_words: int = 10


@dataclass(slots=True)
class _Context:
    last: str | None = None
    roles: dict[str, str] = field(default_factory=dict)  # role word -> speaker
    common: set[str] = field(default_factory=set)  # words also written in lower case


def extract_quotes(text: str, article_id: str, config: QuoteConfig | None = None) -> list[Quote]:
    """Direct quotes in `text`; the speaker is None when no attribution is found."""
    config = config or QuoteConfig()
    quotes: list[Quote] = []
    context = _Context(common={w.lower() for w in re.findall(r"\b[a-z][\w’'-]*", text)})
    for paragraph in text.split("\n"):
        spans = sentence_spans(paragraph)
        ends = [end for _, end, _ in spans]
        _learn_roles(paragraph, context)
        previous: tuple[re.Match[str], Quote] | None = None
        for match in _QUOTE.finditer(paragraph):
            quoted = (match.group(1) or match.group(2)).strip().rstrip(",")
            if len(quoted.split()) < config.min_words:
                continue
            sentence = " ".join(
                s for at, _, s in spans[bisect_right(ends, match.start()) :] if at < match.end()
            )
            speaker = _speaker(paragraph, match, context)
            between = paragraph[previous[0].end() : match.start()] if previous else ""
            if (
                previous
                and speaker in (None, previous[1].speaker)
                and _is_attribution(between, config)
            ):
                prev_quote = previous[1]
                prev_quote.text = f"{prev_quote.text} {quoted}"
                prev_quote.sentence = " ".join(dict.fromkeys([prev_quote.sentence, sentence]))
                previous = (match, prev_quote)
                continue
            quote = Quote(
                text=quoted,
                speaker=speaker,
                article=article_id,
                sentence=sentence,
                partial=_is_partial(paragraph, match, quoted),
            )
            if speaker:
                context.last = speaker
            quotes.append(quote)
            previous = (match, quote)
    return quotes


def _is_attribution(between: str, config: QuoteConfig) -> bool:
    words = between.split()
    return 0 < len(words) <= config.max_attribution_words and bool(re.search(_VERB, between))


def _is_partial(paragraph: str, match: re.Match[str], quoted: str) -> bool:
    before = paragraph[max(0, match.start() - _WINDOW) : match.start()].rstrip()
    opens = not before or before[-1] in ",:.!?—–-"
    return not (opens and (quoted[0].isupper() or quoted[0] in "‘'\"“"))


def _clean_name(raw: str, common: set[str] | None = None) -> tuple[str, str] | None:
    role, name = split_role(raw.strip())
    words = name.split()
    while words and words[0] in _NOT_SPEAKERS:
        words = words[1:]
    if not words or (len(words) == 1 and common and words[0].lower() in common):
        return None
    return role, " ".join(words).rstrip(".")


def _speaker(paragraph: str, match: re.Match[str], context: _Context) -> str | None:
    # bounded windows around the quote: whole-paragraph slices were quadratic on run-on text
    start = paragraph.rfind(". ", max(0, match.start() - _WINDOW), match.start()) + 1
    before = paragraph[max(start, match.start() - _WINDOW) : match.start()]
    end_match = re.search(r"[.!?](?:\s|$)", paragraph[match.end() : match.end() + _WINDOW])
    after = paragraph[match.end() : match.end() + (end_match.end() if end_match else 200)]
    if re.match(r"^[\s,.:;–—-]*(?:he|she)\s+" + _ADV + _VERB, after, re.I):
        return context.last
    for pattern, text in ((_AFTER_NAME_VERB, after), (_AFTER_VERB_NAME, after)):
        found = pattern.search(text)
        if found and (
            cleaned := _clean_name(
                (found.groupdict().get("role") or "") + found.group("name"), context.common
            )
        ):
            return _remember(cleaned, context)
    role_found = _ROLE_SUBJECT.search(after) or _ROLE_SUBJECT.search(before)
    if role_found:
        role_word = (role_found.group("role") or role_found.group("role2") or "").split()[-1]
        if role_word in context.roles:
            return context.roles[role_word]
    for found in _BEFORE.finditer(before):
        cleaned = _clean_name(found.group("name"), context.common)
        if cleaned:
            return _remember(cleaned, context)
    found = _ACCORDING.search(before + after)
    if found and (cleaned := _clean_name(found.group("name"))):
        return _remember(cleaned, context)
    if context.last and _PRONOUN.search(before):
        return context.last
    return None


def _remember(cleaned: tuple[str, str], context: _Context) -> str:
    role, name = cleaned
    if role:
        context.roles[role.split()[-1].lower()] = name
    return name


_ROLE_APPOS = re.compile(rf"{_NAME},\s+(?:a|an|the)\s+(?P<role>[^,]{{2,50}}),")
_ROLE_BEFORE = re.compile(
    r"\b(?P<role>(?:[A-Z][\w’'-]*\s+)*[a-z]+(?:person|man|woman|minister|president|secretary|spokesman))\s+"
    + _NAME
)


def _learn_roles(paragraph: str, context: _Context) -> None:
    """Remember 'Dmitry Peskov, a Kremlin spokesperson,' so 'the spokesperson' resolves."""
    for found in _ROLE_APPOS.finditer(paragraph):
        cleaned = _clean_name(found.group("name"))
        if cleaned:
            context.roles[found.group("role").split()[-1].lower()] = cleaned[1]
    for found in _ROLE_BEFORE.finditer(paragraph):
        cleaned = _clean_name(found.group("name"))
        if cleaned:
            context.roles[found.group("role").split()[-1].lower()] = cleaned[1]


def speaker_surname(speaker: str | None) -> str | None:
    """The surname of a speaker, for matching 'Peskov' with 'Dmitry Peskov'."""
    return surname(speaker) if speaker else None
