"""Named entities per article: spaCy when the `nlp` extra is installed, else lexical rules.

Both backends return raw mentions `(text, kind)`; `fix_mention` applies the rules that
correct spaCy's known weaknesses (hyphenated regions as ORG, lower-cased headline copies,
countries as PERSON), and `group_mentions` folds them into `Entity` records.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from newsweave.extract.gazetteer import countries
from newsweave.extract.names import (
    DEMONYM,
    is_role_word,
    split_role,
)
from newsweave.model import Entity
from newsweave.text import MONTH_NAMES, MULTILINGUAL_STOP_WORDS, STOP_WORDS, WEEKDAY_NAMES

Mention = tuple[str, str]  # (surface text, kind)

ORG_SUFFIX = re.compile(
    r"\b(?:Organi[sz]ation|Court|Council|Ministry|Party|Bank|Fund|Commission|Agency|Company|"
    r"Inc|Corp|University|Union|Association|Committee|Office|Government|Parliament|Army|Forces|"
    r"Police|Guard|Command|Exchange|Club|Airlines|Group|Foundation|Authority|Pte|Ltd|LLC|GmbH|"
    r"plc|Assembly|Institute|Service|Department|Media|News|Times|Post|Press)\b"
)
LOC_WORDS = re.compile(
    r"\b(?:East|West|North|South|Mountains?|Sea|River|Region|Corridor|Republic|"
    r"Island|Valley|Gulf|Ocean|Strait|Lake|Bay|Peninsula|Province|City|County)\b"
)
FACILITY_WORDS = re.compile(
    r"\b(?:Bridge|Terminal|Airport|Harbou?r|Tunnel|Dam|Canal|Square|Street|Avenue|Highway|"
    r"Beltway|Station|Stadium|Port)$"
)
_CAP_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w-]*(?:[’'][A-RT-Z][\w-]*)?)"
_CAP_RUN = re.compile(rf"\b{_CAP_WORD}(?:[ \t]+(?:(?:of|for|de|al)[ \t]+)?{_CAP_WORD})*")
_NOT_NAMES = frozenset(
    [
        *WEEKDAY_NAMES,
        *MONTH_NAMES,
        "Yes",
        "No",
        "However",
        "Meanwhile",
    ]
)
# what stands before a word that opens a sentence: the start, an end mark, a quote or a dash
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?:\n]|[«“\"„‘—–-])[\s«“\"„‘»”]*\Z")
_PLACE_BEFORE = re.compile(r"\b(?:in|to|from|into|across|over|near|towards?|within)\s+(?:the\s+)?$")
_PERSON_AFTER = re.compile(r"^\s*,?\s*(?:said|says|told|stressed|added|warned|who\s+said)\b")
_NOT_ENTITIES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
SPACY_KINDS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC"}


class EntityBackend(Protocol):
    """Finds entity mentions in a batch of texts."""

    def mentions(self, texts: Sequence[str]) -> list[list[Mention]]:
        """Raw mentions per text."""
        ...


@dataclass(frozen=True, slots=True)
class LexicalEntities:
    """The model-free backend: capitalised phrases classified by simple rules (English).

    With `typed=False` (a language no rule or model fits) a phrase gets no type ("MISC")
    unless the country gazetteer knows it.
    """

    typed: bool = True

    def mentions(self, texts: Sequence[str]) -> list[list[Mention]]:
        """Raw mentions per text."""
        return [self._one(text) for text in texts]

    def _one(self, text: str) -> list[Mention]:
        lower = {w.lower() for w in re.findall(r"\b[a-z][\w’'-]*", text)}
        stop_words = STOP_WORDS if self.typed else MULTILINGUAL_STOP_WORDS
        inside = set() if self.typed else _capitalised_inside(text)
        found: list[Mention] = []
        for match in _CAP_RUN.finditer(text):
            phrase = match.group(0).strip(" .’'").removesuffix("’s").removesuffix("'s")
            words = phrase.split()
            while words and (
                words[0].lower() in stop_words
                or words[0].lower() in lower
                or words[0] in _NOT_NAMES
            ):
                words = words[1:]  # sentence-initial ordinary words ("The", "Local")
            if not words or (len(words) == 1 and len(words[0]) < 3):
                continue
            if (
                not self.typed
                and len(words) == 1
                and words[0] not in inside
                and _OPENS_SENTENCE.search(text, max(0, match.start() - 10), match.start())
            ):
                continue  # « Nous ... », "Estamos ...": a capital that only opens sentences
            phrase = " ".join(words)
            before, after = text[: match.start()][-30:], text[match.end() :][:30]
            if self.typed:
                kind = _lexical_kind(phrase, before, after)
            else:
                kind = "GPE" if phrase in countries() else "MISC"
            found.append((phrase, kind))
        return found


def _capitalised_inside(text: str) -> set[str]:
    """Capitalised words that stand inside a sentence somewhere in `text` (names, not openers)."""
    return {
        m.group(1)
        for m in re.finditer(r"(?<=[^\W\d_])[,;]?[ \t]+(\w+)", text)
        if m.group(1)[0].isupper()
    }


def _lexical_kind(phrase: str, before: str, after: str) -> str:
    words = phrase.split()
    if phrase in countries():
        return "GPE"
    if ORG_SUFFIX.search(phrase) or phrase.isupper():
        return "ORG"
    if len(words) == 1 and DEMONYM.match(phrase):
        return "NORP"
    if re.fullmatch(r"[A-Z][a-z]+-[A-Z][a-z]+", phrase) or LOC_WORDS.search(phrase):
        return "LOC"
    role, name = split_role(phrase)
    if role or _PERSON_AFTER.match(after) or re.search(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s$", before):
        return "PERSON" if name and not is_role_word(name.split()[-1]) else "ORG"
    if len(words) == 1 and _PLACE_BEFORE.search(before):
        return "GPE"
    return "PERSON" if 2 <= len(words) <= 3 else "MISC"


def fix_mention(text: str, kind: str) -> Mention | None:
    """Correct one raw mention, or drop it: the rules that patch spaCy's known mistakes."""
    text = " ".join(text.split()).strip(" .,’'\"“”«»„—–•·*|-").removesuffix("’s").removesuffix("'s")
    text = re.sub(r"^(?:the|The)\s+", "", text)
    if not text or text in _NOT_NAMES or text[0].islower() or kind in _NOT_ENTITIES:
        return None
    if not text or not any(c.isupper() for c in text) or text.lower() in STOP_WORDS:
        return None  # lower-cased headline copies and slugs
    if text in countries():
        return text, "GPE"
    if FACILITY_WORDS.search(text) and not ORG_SUFFIX.search(text):
        return text, "FAC"  # "Harbour Bridge", "Marsh Terminal": never a person or company
    if kind in ("PERSON", "GPE", "LOC", "NORP") and re.fullmatch(r"[A-Z][a-z]+[A-Z]\w+", text):
        return text, "ORG"  # one word with an inner capital is a company name: "VeldenSoft"
    if (kind == "ORG" and not ORG_SUFFIX.search(text)) and (
        re.fullmatch(r"[A-Z][a-z]+-[A-Z][a-z]+", text) or LOC_WORDS.search(text)
    ):
        return text, "LOC"
    if kind == "PERSON":
        role, name = split_role(text)
        name = re.sub(r"^(?:[a-z][\w’'-]*\s+)+", "", name)  # "billionaire Mara Velden"
        if not name or name in countries():
            return (name or text), "GPE"
        if DEMONYM.fullmatch(name) and " " not in name:
            return name, "NORP"
        text = name
    return text, kind if kind in SPACY_KINDS else "MISC"


def article_mentions(
    texts: Sequence[str],
    backend: EntityBackend,
    languages: Sequence[str | None] | None = None,
    untyped: EntityBackend | None = None,
) -> list[list[Mention]]:
    """Corrected mentions per text; texts in a language the backend does not read go to `untyped`.

    The backend reads `backend.languages` (English when it has none); `None` (undetected) counts
    as English. Other texts get the untyped lexical backend: no entity type is guessed for them.
    """
    readable = set(getattr(backend, "languages", ("en",)))
    languages = languages or [None] * len(texts)
    own = [i for i, lang in enumerate(languages) if lang is None or lang in readable]
    other = [i for i, lang in enumerate(languages) if not (lang is None or lang in readable)]
    raw: dict[int, list[Mention]] = {}
    if own:
        raw.update(zip(own, backend.mentions([texts[i] for i in own]), strict=True))
        if not isinstance(backend, LexicalEntities):
            lexical = LexicalEntities().mentions([texts[i] for i in own])
            for i, extra in zip(own, lexical, strict=True):
                raw[i] = raw[i] + _confident_missing(extra, raw[i])
    if other:
        fallback = untyped or LexicalEntities(typed=False)
        raw.update(zip(other, fallback.mentions([texts[i] for i in other]), strict=True))
    fixed = [[f for m in raw[i] if (f := fix_mention(*m))] for i in range(len(texts))]
    return [
        _kinds_from_context(_surnames_are_people(found, text), text)
        for found, text in zip(fixed, texts, strict=True)
    ]


# what the words around a name say it is: an age ("Mara Lind, 35,", "the 26-year-old Pol
# Arren") makes a person; "the cities of X and Y", "provinces including X, Y and Z",
# "X, a provincial capital" make places; "the cargo ship X", "the X search engine", "X users",
# "X, an image generator" make things. Each cue is one pattern over the text around a run of
# capitalised words (`_RUN`); a name is cued when it ends (or, for cues before it, starts) the
# run the cue found
_RUN = (
    r"(?P<run>[A-ZÀ-ÖØ-Þ][\w’'.-]*(?:[ \t]+(?:(?:de|del|da|di|van|von|der|al|bin|ibn)[ \t]+)?"
    r"[A-ZÀ-ÖØ-Þ][\w’'.-]*)*)"
)
_PLACE_NOUNS = (
    r"cities|towns|villages|provinces|regions|districts|states|countries|ports|islands|"
    r"city|town|village|province|region|district|capital|port|island"
)
_THING_NOUNS = (
    r"ship|vessel|freighter|tanker|boat|ferry|submersible|sub|aircraft|plane|jet|helicopter|"
    r"satellite|rocket|spacecraft|app|chatbot|software|browser|platform|engine|model|game|"
    r"film|movie|album|novel|generator|tool|device|devices|users|update|system"
)
_AGE_AFTER = re.compile(rf"{_RUN},\s+\d{{1,3}},(?=\s)")  # not "In Tolvey, 8,000 people"
_AGE_BEFORE = re.compile(rf"\b\d{{1,3}}-year-old\s+{_RUN}")
_SIGNATURE = re.compile(rf"[—–-]\s*{_RUN}\s*\(@\w+\)")  # "— Mara Lind (@maralind) March 26"
_PLACE_APPOSITIVE = re.compile(
    rf"{_RUN},\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}(?:{_PLACE_NOUNS})\b"
)
_PLACE_LIST = re.compile(
    rf"\b(?:{_PLACE_NOUNS})\s*,?\s+(?:of|including|such\s+as|like|in)\s+"
    r"(?P<list>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?(?:\s*(?:,|\band\b|,\s+and\b)\s*"
    r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)*)"
)
_THING_BEFORE = re.compile(rf"\b(?:{_THING_NOUNS})\s+{_RUN}")
_THING_AFTER = re.compile(rf"{_RUN}\s+(?:search\s+engine|{_THING_NOUNS})\b")
_THING_APPOSITIVE = re.compile(rf"{_RUN},\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}(?:{_THING_NOUNS})\b")
_NOT_THINGS = frozenset({"PERSON", "GPE", "LOC", "NORP", "FAC"})  # kinds a thing is often given


def _kinds_from_context(found: list[Mention], text: str) -> list[Mention]:
    """Mentions retyped where the text around them says a person (an age), a place (a list
    of cities, 'X, a provincial capital') or a thing (a ship, software), whatever type a model
    gave them."""
    if not found:
        return found

    def runs(pattern: re.Pattern[str]) -> set[str]:
        return {m.group("run") for m in pattern.finditer(text)}

    def ends(found_runs: set[str], name: str) -> bool:
        return any(r == name or r.endswith(" " + name) for r in found_runs)

    def starts(found_runs: set[str], name: str) -> bool:
        return any(r == name or r.startswith(name + " ") for r in found_runs)

    aged = (runs(_AGE_AFTER), runs(_AGE_BEFORE))
    signed = runs(_SIGNATURE)
    placed = runs(_PLACE_APPOSITIVE) | {
        part.strip()
        for m in _PLACE_LIST.finditer(text)
        for part in re.split(r"\s*(?:,|\band\b)\s*", m.group("list"))
    }
    things = (runs(_THING_APPOSITIVE), runs(_THING_BEFORE), runs(_THING_AFTER))
    given = {t: k for t, k in found}
    kinds: dict[str, str] = {}
    for name, kind in given.items():
        if kind == "PERSON" and any(c.isdigit() for c in name):
            kinds[name] = "MISC"  # "GPT-4", "A320": no person's name has digits
        elif (
            ends(aged[0], name)
            or starts(aged[1], name)
            or (
                1 < len(name.split()) <= 3
                and not ORG_SUFFIX.search(name)
                and not any(len(w) > 1 and w.isupper() for w in name.split())  # "NASA Goddard"
                and name in signed
            )
        ):
            kinds[name] = "PERSON"
        elif name in placed or ends(placed, name):
            kinds[name] = "GPE"
        elif ends(things[0], name) or (
            kind in _NOT_THINGS
            and not DEMONYM.match(name)  # "a Canadian ship": an adjective
            and (starts(things[1], name) or ends(things[2], name))
        ):
            kinds[name] = "MISC"
    return [(t, kinds.get(t, k)) for t, k in found]


def _confident_missing(lexical: list[Mention], found: list[Mention]) -> list[Mention]:
    """Lexical mentions a model missed, where the rules are sure: "… Council", "NASA", countries."""
    seen = {text for text, _ in found}
    return [
        (text, kind)
        for text, kind in lexical
        if text not in seen
        and (text in countries() or (kind == "ORG" and (ORG_SUFFIX.search(text) or text.isupper())))
    ]


def _surnames_are_people(found: list[Mention], text: str) -> list[Mention]:
    """A surname alone is the person named in full in the same article ("Velden" after
    "Mara Velden"), whatever type a model gave it; its unlabelled occurrences are added."""
    people = {name.split()[-1]: name for name, kind in found if kind == "PERSON" and " " in name}
    if not people:
        return found
    out = [(t, "PERSON") if t in people else (t, k) for t, k in found]
    tagged = Counter(t for t, _ in out if t in people)
    for surname, full in people.items():
        alone = len(re.findall(rf"(?<![\w’'-]){re.escape(surname)}(?![\w-])", text))
        alone -= sum(1 for t, _ in out if t.endswith(surname) and t != surname and t == full)
        out.extend([(surname, "PERSON")] * max(0, alone - tagged[surname]))
    return out


def group_mentions(
    mentions: Iterable[Mention], article_id: str, roles: dict[str, set[str]]
) -> list[Entity]:
    """One Entity per distinct surface text in an article (cross-article merging is later)."""
    kinds: dict[str, Counter[str]] = {}
    for text, kind in mentions:
        kinds.setdefault(text, Counter())[kind] += 1
    return [
        Entity(
            name=text,
            kind=counter.most_common(1)[0][0],
            aliases=[text],
            roles=sorted(roles.get(text, ())),
            mentions=sum(counter.values()),
            articles=[article_id],
        )
        for text, counter in kinds.items()
    ]


_ROLE_PHRASE = re.compile(
    r"(?<![\w’'-])(?P<role>(?:[A-Z][\w’'-]*[ \t]+)*(?:[A-Z][\w’'-]*|[a-z]+(?:man|woman|person|minister))[ \t]+)"
    r"(?P<name>[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){0,2})"
)
_ROLE_APPOSITIVE = re.compile(
    r"(?<![\w’'-])(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}),\s+(?:a|an|the)\s+(?P<role>[^,.]{3,50}),"
)


def find_roles(text: str) -> dict[str, set[str]]:
    """Roles written next to names: 'harbour spokesman Tomas Orlik', 'Orlik, a spokesperson,'."""
    roles: dict[str, set[str]] = {}
    for match in _ROLE_PHRASE.finditer(text):
        role, name = split_role(match.group(0))
        if role and name and any(is_role_word(w) for w in role.split()):
            role = " ".join(w for w in role.split() if w[0].isupper() or is_role_word(w))
            roles.setdefault(name, set()).add(role)
    for match in _ROLE_APPOSITIVE.finditer(text):
        if any(is_role_word(w) for w in match.group("role").split()):
            roles.setdefault(match.group("name"), set()).add(match.group("role"))
    return roles
