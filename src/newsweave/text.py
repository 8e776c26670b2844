"""Small text helpers shared by the analysis stages: sentences, words, stop words."""

from __future__ import annotations

import importlib.util
import re
from functools import cache, lru_cache
from pathlib import Path

_STOP_WORDS_TEXT = """
a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few
for from further had has have having he her here hers herself him himself his how i if
in into is it its itself just me more most my myself no nor not now of off on once only
or other our ours ourselves out over own said same she should so some such than that the
their theirs them themselves then there these they this those through to too under until
up very was we were what when where which while who whom why will with would you your
yours yourself yourselves says say told according one two new last first year years
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())
# function words of French, German, Spanish and Italian, for text in any of those languages
_FOREIGN_STOP_WORDS_TEXT = """
le la les l un une des de du d au aux et ou en dans sur pour par avec sans sous ce cette
ces qui que qu il elle ils elles est sont été était a ont se sa son ses leur leurs selon
environ plus moins der die das den dem des ein eine einer einem einen und oder in im auf
für mit von vom zu zur zum bei nach aus ist sind war wurde wurden sich es er sie etwa
el los las un una unos unas y o del al en con por para sin sobre se su sus que es son fue
unos il lo gli i le un uno una e o di da del della dei delle nel nella con per su che è
sono circa
"""
MULTILINGUAL_STOP_WORDS = STOP_WORDS | frozenset(_FOREIGN_STOP_WORDS_TEXT.split())


@cache
def stop_words(language: str | None) -> frozenset[str]:
    """The function words of a language (ISO 639-1 code); empty when none is known.

    English is this module's own list (`STOP_WORDS`, which the analysis thresholds were set
    with); other languages read the list spaCy ships for them (76 languages), loaded from
    its file alone: importing spaCy's language package would build its tokenizer rules
    (seconds), and no model is needed. The words are lower-cased, elisions kept ("l'").
    """
    if language == "en":
        return STOP_WORDS
    if not language or not language.isalpha() or not language.islower():
        return frozenset()
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(spec.submodule_search_locations[0]) / "lang" / language / "stop_words.py"
    if not path.is_file():
        return frozenset()
    module_spec = importlib.util.spec_from_file_location(f"_stop_words_{language}", path)
    if module_spec is None or module_spec.loader is None:
        return frozenset()
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return frozenset(w.lower() for w in getattr(module, "STOP_WORDS", ()))


WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_MONTH_BY_PREFIX = {name[:3].lower(): number for number, name in enumerate(MONTH_NAMES, start=1)}
# month names of French, German and Spanish (Italian too) that English prefixes do not cover
_FOREIGN_MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12, "januar": 1, "jänner": 1, "februar": 2, "märz": 3,
    "juni": 6, "juli": 7, "oktober": 10, "dezember": 12, "enero": 1, "febrero": 2, "marzo": 3,
    "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8, "septiembre": 9,
    "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12, "gennaio": 1,
    "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "settembre": 9,
    "ottobre": 10, "dicembre": 12,
    # Portuguese, Dutch
    "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7,
    "setembro": 9, "outubro": 10, "dezembro": 12, "januari": 1, "februari": 2, "maart": 3,
    "mei": 5, "augustus": 8,
    # Russian, Ukrainian and Polish, in the genitive that follows a day ("6 февраля 2023")
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6,
    "липня": 7, "серпня": 8, "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
    "stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6,
    "lipca": 7, "sierpnia": 8, "września": 9, "października": 10, "listopada": 11,
    "grudnia": 12,
}  # fmt: skip
# weekday names of French, German, Spanish and Italian, Monday = 0
_FOREIGN_WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
    "dimanche": 6, "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
    "samstag": 5, "sonnabend": 5, "sonntag": 6, "lunes": 0, "martes": 1, "miércoles": 2,
    "miercoles": 2, "jueves": 3, "viernes": 4, "sábado": 5, "sabado": 5, "domingo": 6,
    "lunedì": 0, "martedì": 1, "mercoledì": 2, "giovedì": 3, "venerdì": 4, "sabato": 5,
    "domenica": 6,
    # Russian, Ukrainian, Polish (with the forms "on Monday" takes: "в среду", "w środę")
    "понедельник": 0, "вторник": 1, "среду": 2, "среда": 2, "четверг": 3, "пятницу": 4,
    "пятница": 4, "субботу": 5, "суббота": 5, "воскресенье": 6, "понеділок": 0,
    "вівторок": 1, "середу": 2, "середа": 2, "четвер": 3, "п'ятницю": 4, "п’ятницю": 4,
    "суботу": 5, "субота": 5, "неділю": 6, "неділя": 6, "poniedziałek": 0, "wtorek": 1,
    "środę": 2, "środa": 2, "czwartek": 3, "piątek": 4, "sobotę": 5, "sobota": 5,
    "niedzielę": 6, "niedziela": 6,
}  # fmt: skip
# a regex alternation of weekday names (English, French, German, Spanish, Italian)
WEEKDAY_PATTERN = "|".join(
    sorted({*_FOREIGN_WEEKDAYS, *(n.lower() for n in WEEKDAY_NAMES)}, key=len, reverse=True)
)
# a regex alternation of the month names of other languages ("april", "august" and "september"
# are German too)
FOREIGN_MONTH_PATTERN = "|".join(
    sorted({*_FOREIGN_MONTHS, "april", "august", "september"}, key=len, reverse=True)
)
# a regex alternation of month names and abbreviations (English, French, German, Spanish,
# Italian, Portuguese, Dutch, Russian, Ukrainian, Polish)
MONTH_PATTERN = "|".join(
    sorted(
        {*(n for n in _FOREIGN_MONTHS), *(n.lower() for n in MONTH_NAMES),
         "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"},
        key=len,
        reverse=True,
    )
)  # fmt: skip

_SENTENCE_END = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][”\"’')\]]))\s+(?=[“\"‘'(\[]?[A-Z0-9])")
_ABBREVIATIONS = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|St|Jr|Sr|Inc|Ltd|Co|No|U\.S|U\.K|a\.m|p\.m|vs|etc|"
    r"Adm|Gov|Sen|Rep|Capt|Cmdr|Cdr|Maj|Rev|Supt|Insp|Det|Cpl|Pvt|Brig|Hon|Amb|Fr|Mt|Ft|Corp|"
    r"Dept|approx|e\.g|i\.e)\.$"
)
# "Nov. 12", "Sept. 2023": a month abbreviation followed by a number does not end a sentence
_MONTH_ABBREVIATION = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


# Memos of the tokenisers: each stage of a story asks again for the sentences and words of
# the same articles and sentences (an article's sentences about 4 times, a sentence's words
# about 3 times on a synthetic day of news). Bounded in entries and in the length of what is
# kept, so memory stays a few tens of MB whatever the corpus; callers get fresh lists.
_MEMO_SENTENCES = 512  # texts whose sentences are kept (each up to _MEMO_TEXT_CHARS)
_MEMO_TEXT_CHARS = 50_000
_MEMO_WORDS = 8192  # short texts (sentences, paragraphs) whose words are kept
_MEMO_WORD_CHARS = 1_000


def split_sentences(text: str) -> list[str]:
    """Split text into sentences, paragraph by paragraph, keeping common abbreviations whole."""
    if len(text) > _MEMO_TEXT_CHARS:
        return list(_split_sentences(text))
    return list(_memo_sentences(text))


@lru_cache(maxsize=_MEMO_SENTENCES)
def _memo_sentences(text: str) -> tuple[str, ...]:
    return _split_sentences(text)


def _split_sentences(text: str) -> tuple[str, ...]:
    sentences: list[str] = []
    for paragraph in text.split("\n"):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        current: list[str] = []  # pieces joined only at the end: a run of "Mr." stays linear
        pieces = _SENTENCE_END.split(paragraph)
        for i, piece in enumerate(pieces):
            current.append(piece)
            # only the end of the piece can hold the abbreviation; `pos` keeps \b exact
            tail = max(0, len(piece) - 8)
            if _ABBREVIATIONS.search(piece, tail) or (
                i + 1 < len(pieces)
                and pieces[i + 1][:1].isdigit()
                and _MONTH_ABBREVIATION.search(piece, tail)
            ):
                continue
            sentences.append(" ".join(current))
            current = []
        if current:
            sentences.append(" ".join(current))
    return tuple(sentences)


def sentence_spans(text: str) -> list[tuple[int, int, str]]:
    """Each sentence of `text` with its (start, end) offsets; found in order, so sorted."""
    spans: list[tuple[int, int, str]] = []
    offset = 0
    for sentence in split_sentences(text):
        at = text.find(sentence, offset)
        if at >= 0:
            spans.append((at, at + len(sentence), sentence))
            offset = at + len(sentence)
    return spans


def wording_key(text: str) -> str:
    """The word-character runs of `text`, lower-cased and space-joined: its wording, case,
    punctuation and spacing aside (two copies of one quotation compare equal)."""
    return " ".join(re.findall(r"\w+", text.lower()))


def words(text: str) -> list[str]:
    """Lower-cased word tokens of `text`."""
    if len(text) > _MEMO_WORD_CHARS:
        return list(_words(text))
    return list(_memo_words(text))


@lru_cache(maxsize=_MEMO_WORDS)
def _memo_words(text: str) -> tuple[str, ...]:
    return _words(text)


def _words(text: str) -> tuple[str, ...]:
    if text.isascii():  # ASCII lower-casing keeps every character a word character or not
        return tuple(_WORD.findall(text.lower()))
    return tuple([w.lower() for w in _WORD.findall(text)])


def content_words(text: str) -> list[str]:
    """Lower-cased word tokens that are not stop words or numbers, crudely stemmed."""
    if len(text) > _MEMO_WORD_CHARS:
        return list(_content_words(text))
    return list(_memo_content_words(text))


@lru_cache(maxsize=_MEMO_WORDS)
def _memo_content_words(text: str) -> tuple[str, ...]:
    return _content_words(text)


def _content_words(text: str) -> tuple[str, ...]:
    found = _memo_words(text) if len(text) <= _MEMO_WORD_CHARS else _words(text)
    return tuple([stem(w) for w in found if w not in STOP_WORDS and not w.isdigit()])


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A tiny suffix stripper: enough to match 'Armenians'/'Armenian' and 'fled'/'fleeing'."""
    for suffix in ("ing", "ies", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def jaccard(a: set[str], b: set[str]) -> float:
    """Jaccard similarity of two sets (0 when both are empty)."""
    return len(a & b) / len(a | b) if a or b else 0.0


def weekday_number(name: str) -> int:
    """0 (Monday) to 6 for a weekday name: "Wednesday", "jeudi", "Freitag", "sábado"."""
    key = name.lower()
    if key in _FOREIGN_WEEKDAYS:
        return _FOREIGN_WEEKDAYS[key]
    return [n.lower() for n in WEEKDAY_NAMES].index(key)


def month_number(name: str) -> int:
    """1-12 for a month name or abbreviation: "September", "sept.", "Sep", "avril", "März"."""
    key = name.lower().rstrip(".")
    return _FOREIGN_MONTHS.get(key) or _MONTH_BY_PREFIX[key[:3]]


# English number words ("a" and "an" count one: "an hour", "a day")
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip


# common English verb forms that do not end in -ed (irregular pasts, and present forms that
# follow a plural noun): "90 divers took part", "nine miners remain trapped"
VERB_FORMS = frozenset(
    [
        "took",
        "made",
        "gave",
        "went",
        "came",
        "got",
        "held",
        "said",
        "told",
        "ran",
        "saw",
        "met",
        "fell",
        "rose",
        "lost",
        "won",
        "began",
        "became",
        "brought",
        "bought",
        "built",
        "caught",
        "chose",
        "drove",
        "fought",
        "found",
        "flew",
        "grew",
        "heard",
        "hit",
        "kept",
        "knew",
        "led",
        "paid",
        "put",
        "sent",
        "set",
        "shot",
        "spent",
        "stood",
        "struck",
        "swept",
        "threw",
        "wrote",
        "sank",
        "died",
        "fled",
        # present tense verbs that follow a counted noun: "nine miners remain trapped"
        "remain",
        "remains",
        "stay",
        "stays",
        "face",
        "faces",
        "need",
        "needs",
        "live",
        "lives",
        "work",
        "works",
        "say",
        "says",
    ]
)
