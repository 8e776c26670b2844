"""Numeric figures: a number, its qualifier, its unit and what it counts, from plain sentences.

Handles digits ("100,000", "2.5 million", "2,000-strong"; "2.000" and "2,5 Millionen" in
languages with a decimal comma), number words ("four", "a dozen"), vague amounts as ranges
("thousands of" is 2,000 to 10,000; "Tausende", "des milliers de", "miles de"), fractions ("a third"), qualifiers
("about", "at least", "nearly") and passive counts ("killed at least 200 people" counts
"people killed"). Years, dates, clock times and durations are not figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import takewhile

from newsweave.model import Figure
from newsweave.text import (
    MULTILINGUAL_STOP_WORDS,
    NUMBER_WORDS,
    STOP_WORDS,
    VERB_FORMS,
    split_sentences,
)

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
QUALIFIERS = {
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "an estimated": "about", "estimated": "about", "nearly": "nearly",
    "almost": "nearly", "close to": "nearly", "up to": "up to", "as many as": "up to",
    "at least": "at least", "more than": "more than", "over": "more than",
    "upwards of": "more than", "fewer than": "less than", "less than": "less than",
    "under": "less than", "at most": "at most", "exactly": "exactly",
    # French, German, Spanish, Italian
    "environ": "about", "quelque": "about", "près de": "nearly", "presque": "nearly",
    "plus de": "more than", "au moins": "at least", "moins de": "less than",
    "jusqu'à": "up to", "etwa": "about", "rund": "about", "ungefähr": "about",
    "circa": "about", "knapp": "nearly", "mehr als": "more than",
    "über": "more than", "mindestens": "at least", "weniger als": "less than",
    "bis zu": "up to", "unos": "about", "unas": "about", "alrededor de": "about",
    "cerca de": "nearly", "casi": "nearly", "más de": "more than", "al menos": "at least",
    "menos de": "less than", "hasta": "up to", "quasi": "nearly", "più di": "more than",
    "oltre": "more than", "almeno": "at least", "meno di": "less than", "fino a": "up to",
}  # fmt: skip
_SCALE = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "tausend": 1e3,
    "millionen": 1e6,
    "milliarde": 1e9,
    "milliarden": 1e9,
    "mille": 1e3,
    "millions": 1e6,
    "milliard": 1e9,
    "milliards": 1e9,
    "mil": 1e3,
    "millón": 1e6,
    "millones": 1e6,
    "milione": 1e6,
    "milioni": 1e6,
    "miliardo": 1e9,
    "miliardi": 1e9,
    "mila": 1e3,
    # Russian, Ukrainian, Polish
    "тысяч": 1e3, "тысячи": 1e3, "тысяча": 1e3, "тыс": 1e3, "тисяч": 1e3, "тисячі": 1e3,
    "миллиона": 1e6, "миллионов": 1e6, "млн": 1e6, "мільйона": 1e6, "мільйонів": 1e6,
    "миллиарда": 1e9, "миллиардов": 1e9, "млрд": 1e9, "мільярда": 1e9, "мільярдів": 1e9,
    "tys": 1e3, "tysięcy": 1e3, "tysiące": 1e3, "mln": 1e6, "milionów": 1e6, "miliony": 1e6,
    "mld": 1e9, "miliardów": 1e9, "miliardy": 1e9,
}  # fmt: skip
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# spelled counts: "two" to "ninety-nine" ("one", "a", "an" count too often to be figures)
_WORDS = (
    {w: v for w, v in NUMBER_WORDS.items() if 2 <= v < 100}
    | {
        f"{ten}{sep}{unit}": NUMBER_WORDS[ten] + NUMBER_WORDS[unit]
        for ten in _TENS
        for unit in _ONES
        for sep in ("-", " ")
    }
    | {"dozen": 12, "a dozen": 12, "a hundred": 100, "a thousand": 1000}
)
# vague amounts as ranges (lowest, highest): "thousands" is two thousand up to ten thousand
_THOUSANDS, _TENS_OF_THOUSANDS = (2e3, 1e4), (1e4, 1e5)
_VAGUE: dict[str, tuple[float, float]] = {
    "dozens": (24, 100), "scores": (40, 100), "hundreds": (200, 1e3), "thousands": _THOUSANDS,
    "tens of thousands": _TENS_OF_THOUSANDS, "hundreds of thousands": (1e5, 1e6),
    "millions": (2e6, 1e7), "tens of millions": (1e7, 1e8),
    # German, French, Spanish, Italian
    "dutzende": (24, 100), "hunderte": (200, 1e3), "tausende": _THOUSANDS,
    "zehntausende": _TENS_OF_THOUSANDS, "hunderttausende": (1e5, 1e6),
    "des dizaines": (20, 100), "des centaines": (200, 1e3), "des milliers": _THOUSANDS,
    "des dizaines de milliers": _TENS_OF_THOUSANDS, "des centaines de milliers": (1e5, 1e6),
    "des millions": (2e6, 1e7), "decenas": (20, 100), "cientos": (200, 1e3),
    "centenares": (200, 1e3), "miles": _THOUSANDS, "decenas de miles": _TENS_OF_THOUSANDS,
    "cientos de miles": (1e5, 1e6), "millones": (2e6, 1e7), "decine": (20, 100),
    "centinaia": (200, 1e3), "migliaia": _THOUSANDS, "decine di migliaia": _TENS_OF_THOUSANDS,
    "centinaia di migliaia": (1e5, 1e6), "milioni": (2e6, 1e7),
}  # fmt: skip
# languages that write 2.000 (or 2 000) for two thousand and 2,5 for two and a half
_DECIMAL_COMMA = frozenset(
    [
        "de",
        "fr",
        "es",
        "it",
        "pt",
        "nl",
        "pl",
        "cs",
        "da",
        "sv",
        "no",
        "nb",
        "fi",
        "tr",
        "ru",
        "uk",
        "ro",
        "hu",
        "el",
        "id",
    ]
)
_FRACTIONS = {"a half": 0.5, "half": 0.5, "a third": 1 / 3, "two thirds": 2 / 3,
              "two-thirds": 2 / 3, "a quarter": 0.25, "three quarters": 0.75}  # fmt: skip
_TIME_UNITS = re.compile(
    r"^(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|times?|"
    r"p\.m|a\.m|o'clock)\b",
    re.I,
)
_PASSIVE = {"killed", "injured", "wounded", "displaced", "evacuated", "arrested", "detained",
            "deployed", "rescued", "missing", "dead", "hurt", "hospitalised", "hospitalized"}  # fmt: skip
# "killing at least 820 people and injuring more than 2,500": a bare count after a verb
_GERUNDS = {"killing": "killed", "injuring": "injured", "wounding": "wounded",
            "displacing": "displaced", "leaving": "left", "arresting": "arrested"}  # fmt: skip
# "2,512 were injured", "have been evacuated": auxiliaries between a bare count and its verb
_AUXILIARIES = {"were", "was", "are", "is", "have", "has", "had", "been", "being", "got"}
_RELATIVE_VERBS = {"fled": "fled", "fleeing": "fled", "flee": "fled", "left": "left",
                   "leaving": "left", "died": "died", "dying": "died"}  # fmt: skip
# units written after a number: "17.9km", "22-foot", "13,000 feet", "5,5 %"
_UNITS = re.compile(
    r"^(?:(?-i:([CF]))(?![\w’'-])|[\s-]?(%|percent\b|per cent\b|percentage points?\b|prozent\b|pour cent\b|"
    r"por ciento\b|per cento\b|km/h\b|"
    r"(?:km|kil[oó]m[eèé]t(?:re|er|ro)s?)(?:[\s-](?:per|an|a|par|por|pro)[\s-](?:hour|heure|hora|stunde)|-heure|/hr?)\b|"
    r"miles (?:per|an) hour\b|stundenkilometern?\b|km\b|kilom[eè]tres?\b|kilometers?\b|"
    r"kilometros?\b|kilómetros?\b|kilometern?\b|miles?\b|mph\b|knots?\b|"
    r"nautical miles?\b|feet\b|foot\b|ft\b|tonnes?\b|tons?\b|kg\b|"
    r"(?:hect[aá]res?|hektar|ettari|ettaro|ha|acres?|km²|km2|sq\.? km|sq\.? miles?|"
    r"square (?:kilomet(?:re|er)s?|miles?)|kilomètres carrés|quadratkilometern?|"
    r"kilómetros cuadrados)(?![\w²])|metres?\b|"
    r"meters?\b|m[eè]tres?\b|metros?\b|metern?\b|m(?![\w.,])|°\s?[CF]\b|"
    r"degrees? (?:celsius|fahrenheit)\b|(?:grad|degrés|grados|gradi)\b(?!\s+fahrenheit)))",
    re.I,
)  # fmt: skip  ("41C": Celsius)

_Q = "|".join(sorted(QUALIFIERS, key=len, reverse=True))
_W = "|".join(sorted(_WORDS, key=len, reverse=True))
_V = "|".join(sorted(_VAGUE, key=len, reverse=True))
_F = "|".join(sorted(_FRACTIONS, key=len, reverse=True))
_S = "|".join(sorted(_SCALE, key=len, reverse=True))


def _figure_pattern(group: str) -> re.Pattern[str]:
    """The figure pattern whose thousands separator is `group` (',' or '.', narrow spaces)."""
    decimal = "," if group != "," else r"\."
    number = (
        rf"(?<![\w.,/:-])\d{{1,3}}(?:{group}\d{{3}})+(?:{decimal}\d+)?(?![\d/:])"
        rf"|(?<![\w.,/:-])\d+(?:{decimal}\d+)?(?![\d/:,.]\d)"
    )
    return re.compile(
        rf"(?:(?P<qualifier>\b(?:{_Q}))\s+)?"
        r"(?:(?P<currency>[$€£])\s?)?"
        rf"(?:(?P<number>{number})"
        rf"|(?P<vague>\b(?:{_V})\b(?:\s+(?:of|de|d['’]|di|von)\b)?)"
        rf"|(?P<fraction>\b(?:{_F})\b(?=\s+of\b))|(?P<word>\b(?:{_W})\b))"
        rf"(?P<scale>\s+(?:{_S})\b)?"
        r"(?P<strong>-strong)?",
        re.IGNORECASE,
    )


_FIGURE = _figure_pattern(",")
_FIGURE_DECIMAL_COMMA = _figure_pattern(r"[. \u00a0\u202f]")
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.IGNORECASE)
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)\b|^\s*(?:of\s+)?(?:{_MONTHS})\b", re.IGNORECASE)
_CURRENCIES = frozenset("$€£")
# currencies written as words after the amount, in the languages figures are read in
_CURRENCY_WORD = re.compile(
    r"(?:\s+(?:de\s+|d['’]|of\s+|US\s+)?)(dollars?|euros?|pounds?|usd|eur|gbp|"
    r"доллар\w*|долар\w*|dolar\w*|евро|євро)\b"
    r"(?!\s+(?-i:[A-Z0-9]))",  # "the 12 Euro Cup teams", "Euro 2024" are names
    re.I,
)
_CURRENCY_SYMBOLS = {"dollar": "$", "usd": "$", "euro": "€", "eur": "€", "pound": "£", "gbp": "£",
                     "доллар": "$", "долар": "$", "dolar": "$", "евро": "€", "євро": "€"}  # fmt: skip
# between two counts of one thing: "3,400 in Velmaria and 1,500 in Ostria", "12, et 15"
_ELLIPSIS = re.compile(r"[^\d.;:!?()]{0,50}?(?:,|\b(?:and|et|und|y|e|while|whereas)\b)\s*$")
# the lower end of a range before a number: "between 200 and 250", "200 to 250", "entre 2 et 3"
# ("rose from 45 to 61" is a change, not a range; "by 198 votes to 143" has a word between)
_RANGE_BEFORE = re.compile(
    r"(?:\b(?:between|entre|zwischen|tra|fra)\s+[$€£]?(?P<low>\d[\d,.]*)(?P<low_scale>\s*(?:bn|m|"
    r"billion|million|trillion|milliards?|millions?|millones|milioni|miliardi|Milliarden|"
    r"Millionen))?\s+(?:and|et|und|y|e)"
    r"|(?<![\w.,])[$€£]?(?P<bare>\d[\d,.]*)(?P<bare_scale>\s*(?:bn|m|billion|million|trillion|"
    r"milliards?|millions?|millones|milioni|miliardi|Milliarden|Millionen))?\s*(?:to|à|bis|-|–))"
    r"\s*[$€£]?\s*$",
    re.IGNORECASE,
)
_CHANGE_FROM = re.compile(r"\b(?:from|de|des|du|von|desde|da|dal)\s*$", re.IGNORECASE)
# a change by an amount to a level: "fell 5 to 61", "dropped more than $11 billion to ..."
_CHANGE = re.compile(
    r"\b(?:fell|falls?|dropped|drops?|rose|rises?|climbed|"
    r"jumped|gained|lost|slid|slipped|declined|increased|decreased|grew|surged|plunged|"
    r"tumbled|soared|up|down|by)(?:\s+(?:more|less)\s+than|\s+about|\s+nearly|\s+almost|"
    r"\s+some|\s+around)?\s*$",
    re.IGNORECASE,
)
_SCALE_ABBREVIATIONS = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
_CURRENCY_SCALE = re.compile(r"^(bn|mn|tn|m|b|k)\b", re.I)
_WINDOW = 300  # characters of context looked at on each side of a number
_TOKEN = re.compile(r"[^\W\d_][\w’'-]*|[.,;:!?()“”\"–—]")
# what a number measures when the noun comes first: "the death toll has risen to 1,037",
# "measured at magnitude 6.9", "le bilan s'élève à 1 037", "die Zahl der Toten stieg auf 900"
# "the number of people killed" counts what follows "of"; "the toll" ("the crowd at 12,000")
# counts itself
_COUNT_NOUNS = r"number|total|tally|count|nombre|Zahl|cifra|n[úu]mero|numero"
_MEASURE_NOUNS = (
    r"(?:death\s+)?toll|magnitude|bilan|Bilanz|St[äa]rke|balance|magnitud|bilancio|magnitudo|"
    r"crowds?|attendance|foule|Menge|multitud|folla|" + _COUNT_NOUNS
)
# a part of a total: "79 of the 150 seats", "12 out of 40 councillors"
_PART_OF = re.compile(
    r"^\s+(?:of|out\s+of|sur|von|de)\s+(?:the\s+|all\s+|les\s+|den\s+|los\s+|las\s+)?"
    r"(?=\d[\d,.]*\s+[^\W\d])",
    re.I,
)
# verbs that end "the number of dead" before its value: "the number of dead stands at 27"
# a verb that gives a reading on a scale right before a bare decimal: "the quake measured 5.8"
_READING_BEFORE = re.compile(
    r"\b(measured|registered|mesuré|mesurait|gemessen|midió|registró|misurato|misurava)"
    r"(?:\s+(?:at|à|about|around|some|roughly))?\s*$",
    re.IGNORECASE,
)
_LINKING_VERBS = r"(?:stands|stood|is|was|has|had|rose|reached|climbed|hit|topped|rises|reaches)"
_MEASURE_BEFORE = re.compile(
    rf"\b(?:(?:{_COUNT_NOUNS})\s+(?:of|de|des|du|der|di|dei|delle)"
    rf"(?P<of>(?:\s+(?!{_LINKING_VERBS}\b)[^\W\d_][\w’'-]*){{1,2}})|(?P<noun>{_MEASURE_NOUNS})"
    # Russian, Ukrainian, Polish: the counted word follows in the genitive ("число погибших")
    r"|(?i:число|количество|кількість|liczba)(?P<gen>\s+[^\W\d_][\w’'-]*))"
    r"(?:\s+[^\s,;:.!?()]+){0,8}?"
    r"\s+(?:to|at|of|reached|hit|passed|topped|exceeded|surpassed|is|was|stood at|stands at|"
    r"à|a|de|auf|bei|über|von|di|en|ist|war|est|es|fue|è|"
    r"превысило|превысил[аи]?|достигло|достиг(?:ла)?|составило|составляет|до|"
    r"перевищила|перевищило|сягнула|становить|przekroczyła|wynosi|sięga|do)\s*$|"
    r"\b(?P<bare>magnitude|magnitud|magnitudo|St[äa]rke)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class FigureConfig:
    """Tunables of figure extraction."""

    max_phrase_words: int = 4


def extract_figures(
    text: str, article_id: str, config: FigureConfig | None = None, language: str | None = None
) -> list[Figure]:
    """Every figure in `text` that counts something; years, dates, times and durations skipped.

    `language` picks how numbers are written: "2,000.5" in English, "2.000,5" in German,
    French, Spanish, Italian and the other languages with a decimal comma.
    """
    config = config or FigureConfig()
    pattern = _FIGURE_DECIMAL_COMMA if language in _DECIMAL_COMMA else _FIGURE
    stop_words = STOP_WORDS if language in (None, "en") else MULTILINGUAL_STOP_WORDS
    figures: list[Figure] = []
    for sentence in split_sentences(text):
        previous: tuple[int, str] | None = None  # where the last figure ended, what it counts
        for match in _figure_matches(pattern, sentence):
            figure = _figure(match, sentence, article_id, config, stop_words)
            if (
                figure is None
                and previous
                and _ELLIPSIS.match(sentence, previous[0], match.start())
            ):
                # "killed 3,400 in Velmaria and 1,500 in Ostria": the second counts the same
                figure = _figure(match, sentence, article_id, config, stop_words, previous[1])
            if (
                figure is not None
                and previous
                and _ANAPHORIC.fullmatch(figure.counts or "")
                and len(previous[1].split()) == 1
            ):
                # "four people were killed and 19 others injured": the others are people too
                # (a longer phrase, "miners who died", says more than what the others are)
                figure = replace(figure, counts=previous[1])
            if (
                figure is not None
                and figure.upper is not None
                and figures
                and figures[-1].sentence == sentence
                and figures[-1].unit == figure.unit
                and (figures[-1].value == figure.value or figure.text.startswith(figures[-1].text))
            ):
                figures.pop()  # "$80 billion to $110 billion": one range, not its low end too
            if figure is not None:
                figures.append(figure)
                previous = (
                    (match.end(), figure.counts) if figure.counts and not figure.unit else None
                )
    return figures


# where a figure can start: each alternative of the figure patterns opens on a word's first
# character (a qualifier, a number, a number word) or on a currency sign
_FIGURE_START = re.compile(r"(?<!\w)\w|[$€£]")


def _figure_matches(pattern: re.Pattern[str], sentence: str) -> Iterator[re.Match[str]]:
    """The matches `pattern.finditer(sentence)` gives, tried only where a figure can start:
    the same matches, about twice as fast (the pattern's optional qualifier and currency
    groups make the regex engine try every character otherwise)."""
    end = 0
    for start in _FIGURE_START.finditer(sentence):
        at = start.start()
        if at < end:
            continue
        match = pattern.match(sentence, at)
        if match is not None:
            yield match
            end = match.end()


# a count of "others" counts what the figure before it in the sentence counts
_ANAPHORIC = re.compile(
    r"(?i)(?:others?|more|autres|anderen?|weitere|otros|otras|altri|altre|outros|outras)"
)


def _number(raw: str, decimal_comma: bool) -> float:
    """A written number as a float: "2.000,5" with a decimal comma, "2,000.5" without."""
    if not decimal_comma:
        return float(raw.replace(",", ""))
    return float(re.sub(r"[. \u00a0\u202f]", "", raw).replace(",", "."))


def _vague_key(vague: str) -> str:
    words = vague.lower().split()
    while words and words[-1] in ("of", "de", "d'", "d’", "di", "von"):
        words = words[:-1]
    return " ".join(words)


def _value(match: re.Match[str]) -> tuple[float, bool] | None:
    if match.group("number"):
        value = _number(match.group("number"), match.re is _FIGURE_DECIMAL_COMMA)
        approximate = False
    elif match.group("vague"):
        return _VAGUE[_vague_key(match.group("vague"))][0], True
    elif match.group("fraction"):
        return _FRACTIONS[match.group("fraction").lower()], False
    else:
        value, approximate = float(_WORDS[match.group("word").lower()]), False
    if match.group("scale"):
        value *= _SCALE[match.group("scale").strip().lower()]
    return value, approximate


def _figure(
    match: re.Match[str],
    sentence: str,
    article_id: str,
    config: FigureConfig,
    stop_words: frozenset[str] = STOP_WORDS,
    elided: str | None = None,
) -> Figure | None:
    core = next(g for g in ("number", "vague", "fraction", "word") if match.group(g))
    # bounded windows: slicing the whole sentence per match was quadratic on run-on sentences
    start = match.start(core)
    before = sentence[max(0, start - _WINDOW) : start]
    after = sentence[match.end() : match.end() + _WINDOW]
    if core == "number" and _is_date_or_year(match, before, after):
        return None
    if core == "number" and _is_name(match, before, after):
        return None
    if match.group("strong") is None and _TIME_UNITS.match(after.lstrip(" -")):
        return None
    parsed = _value(match)
    if parsed is None:
        return None
    value, approximate = parsed
    unit = match.group("currency")
    abbreviation = _CURRENCY_SCALE.match(after) if unit else None
    if abbreviation:  # "$5.4bn", "£20m"
        value *= _SCALE_ABBREVIATIONS[abbreviation.group(1).lower()]
        after = after[abbreviation.end() :]
    money = _CURRENCY_WORD.match(after) if unit is None else None
    if money:  # "10 milliards d'euros", "2,5 millones de euros", "15 billion dollars"
        written = money.group(1).lower()
        unit = next(v for k, v in _CURRENCY_SYMBOLS.items() if written.startswith(k))
        after = after[money.end() :]
    unit_match = None if money else _UNITS.match(after)
    if unit_match:
        unit = "°C" if unit_match.group(1) == "C" else "°F" if unit_match.group(1) else None
        unit = unit or unit_name(unit_match.group(2))
        after = after[unit_match.end() :]
    if core == "fraction" or (unit and re.match(r"^\s+of\b", after)):
        after = re.sub(r"^\s+of\s+(?:(?:the|its|their|his|her|our)\s+)?", " ", after)
        unit = unit or "fraction"
    part = _PART_OF.match(after) if unit is None else None
    if part:  # "took 79 of the 150 seats" counts seats
        after = after[part.end() :]
    counts = _counted_phrase(after, config.max_phrase_words, stop_words)
    if counts is None and unit in _CURRENCIES:  # "$209 billion in assets", "€2m in aid"
        counts = _money_counted(after, stop_words)
    verb = re.search(r"\b(\w+)\s+$", sentence[max(0, match.start() - _WINDOW) : match.start()])
    if counts is None and unit is None:  # "injuring more than 2,500", "toll rose to 1,037"
        gerund = verb.group(1).lower() if verb else ""
        measure = _MEASURE_BEFORE.search(before)
        if gerund in _GERUNDS or gerund in _PASSIVE:
            counts = _GERUNDS.get(gerund, gerund)
        elif measure:  # "the number of people killed" counts the people killed
            named = (
                measure.group("of")
                or measure.group("gen")
                or measure.group("noun")
                or measure.group("bare")
            ).lower()
            kept = list(takewhile(lambda w: w not in MULTILINGUAL_STOP_WORDS, named.split()))
            counts = " ".join(kept) or None
    if counts is None and unit is None:
        counts = elided
    if counts is None and unit is None and core == "number" and "." in match.group("number"):
        reading = _READING_BEFORE.search(before)
        if reading:  # "the quake measured 5.8": a reading on a scale
            counts = reading.group(1).lower()
    if unit_match and unit not in ("percent", "percentage point", "percentage points"):
        counts = unit_match.group(1) or unit_match.group(2)  # "40,000 tonnes" counts tonnes
    if counts is None and unit is None:
        return None
    if counts and (counts.lower() in ("of", "percent") or _TIME_UNITS.match(counts)):
        return None
    if counts and verb and verb.group(1).lower() in _PASSIVE and counts != verb.group(1).lower():
        counts = f"{counts} {verb.group(1).lower()}"
    qualifier = match.group("qualifier")
    qualifier = QUALIFIERS[" ".join(qualifier.lower().split())] if qualifier else None
    if core == "vague":
        qualifier = qualifier or "about"
    upper = _VAGUE[_vague_key(match.group("vague"))][1] if core == "vague" else None
    text = match.group(0).strip()
    span = _RANGE_BEFORE.search(before) if core == "number" and not qualifier else None
    if span and span.group("bare") and _CHANGE_FROM.search(before[: span.start()]):
        span = None  # "rose from 45 to 61"
    if span:  # "between 200 and 250 homes": the range's two ends
        low = _number(span.group("low") or span.group("bare"), match.re is _FIGURE_DECIMAL_COMMA)
        scale = (span.group("low_scale") or span.group("bare_scale") or "").strip().lower()
        if scale:  # "$540 million to $1.08 billion", "between $2bn and $3bn"
            low *= _SCALE.get(scale) or _SCALE_ABBREVIATIONS.get(scale, 1.0)
        elif match.group("scale") and low * 50 < value:  # "between 2 and 3 million"
            low *= _SCALE[match.group("scale").strip().lower()]
        if span.group("bare") and _CHANGE.search(before[: span.start()]) and low * 2 < value:
            low = value  # "dropped $11 billion to $106 billion": by one, to the other; "fell 10
            # to 12 feet" is a range
        if low < value:
            value, upper = low, value
            text = sentence[start - len(before) + span.start() : match.end()].strip()
    return Figure(
        value=value,
        upper=upper,
        text=text,
        counts=counts,
        article=article_id,
        qualifier=qualifier,
        sentence=sentence,
        unit=unit,
        approximate=approximate or qualifier in ("about", "nearly"),
    )


_UNIT_NAMES = (  # canonical unit -> the pattern of its written forms
    ("percentage point", r"percentage points?"),
    ("percent", r"%|percent|per cent|prozent|pour cent|por ciento|per cento"),
    (
        "km/h",
        r"km/h|(?:km|kil[oó]m\w*)[\s-](?:per|an|a|par|por|pro)[\s-](?:hour|heure|hora|stunde)|"
        r"(?:km|kil[oó]m\w*)(?:-heure|/hr?)|stundenkilometern?",
    ),
    ("mph", r"mph|miles (?:per|an) hour"),
    ("knot", r"knots?"),
    ("nautical mile", r"nautical miles?"),
    ("ha", r"hect[aá]res?|hektar|ettari|ettaro|ha"),
    ("acre", r"acres?"),
    (
        "km²",
        r"km²|km2|sq\.? km|square kilomet(?:re|er)s?|kilomètres carrés|quadratkilometern?|"
        r"kilómetros cuadrados",
    ),
    ("square mile", r"sq\.? miles?|square miles?"),
    ("km", r"km|kil[oó]m\w*"),
    ("mile", r"miles?"),
    ("foot", r"feet|foot|ft"),
    ("tonne", r"tonnes?|tons?"),
    ("kg", r"kg"),
    ("m", r"m|m[eè]t[rer]\w*|metros?"),
    (
        "°C",
        r"°\s?c|degrees? celsius|grad(?: celsius)?|degrés(?: celsius)?|grados(?: celsius)?|"
        r"gradi(?: celsius)?",
    ),
    ("°F", r"°\s?f|degrees? fahrenheit"),
)


def unit_name(written: str) -> str:
    """The canonical name of a written unit: "kilometres" -> "km", "%" -> "percent"."""
    folded = " ".join(written.lower().split())
    for name, pattern in _UNIT_NAMES:
        if re.fullmatch(pattern, folded):
            return name
    return folded


def _spelled_unit(after: str) -> bool:
    """Whether a unit follows a number with a space or in full: "41 °C", "5 km", not "4C"."""
    found = _UNITS.match(after)
    return bool(found and found.group(2))


_NAME_BEFORE = re.compile(r"(?:^|\s)([A-Z][A-Za-z]+)\s$")


def _is_name(match: re.Match[str], before: str, after: str) -> bool:
    """A number that is part of a name ("Boeing 737", "Windows 11", "Apollo 13"), not a count."""
    if match.group("qualifier") or match.group("currency") or _spelled_unit(after):
        return False
    if not match.group("number").isdigit():  # "In Ostrand 1,500 people died" counts people
        return False
    name = _NAME_BEFORE.search(before)
    if name is None or name.group(1).lower() in STOP_WORDS or name.group(1).lower() in QUALIFIERS:
        return False
    return not re.match(rf"(?i)(?:{_MONTHS})\b", name.group(1))


def _is_date_or_year(match: re.Match[str], before: str, after: str) -> bool:
    raw = match.group("number")
    if match.group("scale") or match.group("currency") or _spelled_unit(after):
        return False
    if re.fullmatch(r"(1[5-9]|20)\d\d", raw) and not match.group("strong"):
        return True
    if _DATE_BEFORE.search(before) or _DATE_AFTER.match(after):
        return True
    return bool(re.match(r"^(?:[:/.]\d|s\b|\s*(?:a\.m|p\.m|am\b|pm\b))", after))


def _money_counted(after: str, stop_words: frozenset[str]) -> str | None:
    """What a sum is of when "in" names it: "in assets", "in total deposits", "in damage"."""
    match = re.match(r"\s+(?:in|of)\s+([a-z][\w’'-]*(?:\s+[a-z][\w’'-]*)?)", after)
    if match is None:
        return None
    kept = list(takewhile(lambda w: w not in stop_words, match.group(1).split()))
    if not kept or _TIME_UNITS.match(kept[-1]):
        return None  # "in a single day", "in two weeks"
    return " ".join(kept)


def _counted_phrase(
    after: str, max_words: int, stop_words: frozenset[str] = STOP_WORDS
) -> str | None:
    """The noun phrase after a number, stopping at function words; plus 'who fled'-style verbs."""
    tokens = _TOKEN.findall(after[:200])
    kept: list[str] = []
    rest = tokens
    for i, token in enumerate(tokens):
        bare = token.strip("’'").lower()
        if not token[0].isalpha() or (bare in stop_words and bare != "people"):
            rest = tokens[i:]
            break
        if (
            bare in _RELATIVE_VERBS
            or bare in _PASSIVE
            or (kept and (bare.endswith("ed") or bare in VERB_FORMS))
        ):
            rest = tokens[i:]
            break
        kept.append(token)
        if len(kept) == max_words:
            rest = tokens[i + 1 :]
            break
    else:
        rest = []
    if not kept:  # "637 injured", "2,512 were injured": those the participle names
        verbs = [t.lower() for t in tokens[:4]]
        while verbs and verbs[0] in _AUXILIARIES:
            verbs.pop(0)
        return verbs[0] if verbs and verbs[0] in _PASSIVE else None
    if rest and rest[0].lower() in ("who", "that") and len(rest) > 1:
        rest = rest[1:]
    if rest and rest[0].lower() in _RELATIVE_VERBS:
        kept += ["who", _RELATIVE_VERBS[rest[0].lower()]]
    elif rest and rest[0].lower() in _PASSIVE:
        kept.append(rest[0].lower())
    return " ".join(kept)
