"""Name helpers shared by quotes and entities: roles and titles, surnames, spelling keys."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TITLE_WORDS = frozenset(
    [
        "president",
        "prime",
        "minister",
        "foreign",
        "defence",
        "defense",
        "interior",
        "finance",
        "deputy",
        "secretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "press",
        "chief",
        "head",
        "leader",
        "general",
        "gen.",
        "col.",
        "lt.",
        "sgt.",
        "ambassador",
        "envoy",
        "mayor",
        "governor",
        "senator",
        "rep.",
        "representative",
        "chancellor",
        "king",
        "queen",
        "prince",
        "commander",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "founder",
        "official",
        "officer",
        "adviser",
        "advisor",
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "prof.",
        # British style writes titles without a full stop: "Mr Ekk", "Asst Ch Con Robin Smith"
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "cllr",
        "supt",
        "insp",
        "asst",
        "ch",
        "con",
        "sgt",
        "cmdr",
        "capt",
        "minister's",
        # French, Spanish, Italian, German
        "ministre",
        "président",
        "présidente",
        "porte-parole",
        "maire",
        "directeur",
        "directrice",
        "secrétaire",
        "ministro",
        "ministra",
        "presidente",
        "presidenta",
        "alcalde",
        "alcaldesa",
        "portavoz",
        "directora",
        "secretario",
        "secretaria",
        "sindaco",
        "portavoce",
        "direttore",
        "direttrice",
        "segretario",
        "präsident",
        "präsidentin",
        "bürgermeister",
        "bürgermeisterin",
        "sprecher",
        "sprecherin",
        "kanzler",
        "kanzlerin",
        # Portuguese, Dutch, Russian
        "prefeito",
        "prefeita",
        "porta-voz",
        "burgemeester",
        "woordvoerder",
        "minister-president",
        "президент",
        "министр",
        "пресс-секретарь",
        "представитель",
        "глава",
        "губернатор",
        "мэр",
        "премьер-министр",
        "посол",
        "state",
        "assistant",
        "security",
        "council",
        "military",
        "army",
        "navy",
        "opposition",
        "party",
        "lawmaker",
        "mp",
        "judge",
        "prosecutor",
        "attorney",
        "analyst",
        "expert",
        "professor",
        "editor",
        "correspondent",
        "reporter",
        "captain",
        "colonel",
        "sergeant",
        "lieutenant",
        "commissioner",
        "executive",
        "ministry",
        "justice",
        "health",
        "education",
        "economy",
        "trade",
        "energy",
        "agriculture",
        "transport",
        "former",
        "acting",
        "interim",
        "then",
        "vice",
        "top",
        "senior",
        "adm.",
        "admiral",
        "rear",
        "capt.",
        "rev.",
        "sen.",
        "gov.",
        "lt.",
        "maj.",
        "major",
        "sgt.",
        "insp.",
        "inspector",
        "superintendent",
        "sheriff",
        "chief",
        "co-founder",
        "cofounder",
        "cto",
        "cfo",
        "coo",
        "vp",
        "pastor",
        "bishop",
        "pope",
        "cardinal",
        "spokesperson",
        "manager",
        "coordinator",
        "researcher",
        "scientist",
        "economist",
        "student",
        "resident",
        "witness",
        "survivor",
    ]
)
_DEMONYM_SUFFIX = re.compile(r"^[A-Z][a-z]+(?:ian|ani|ese|ish)$")  # also first names: Brian, Hamish
_DEMONYM_WORDS = re.compile(
    r"^(?:Russian|U\.S\.|US|UN|EU|British|French|"
    r"German|Greek|Thai|Dutch|Swiss|Israeli|Iraqi|Pakistani|Saudi|Kuwaiti|Yemeni|American|"
    r"Korean|Mexican|African|European|Western|Eastern|Irish|Scottish|English|Spanish|Turkish|"
    r"Polish|Danish|Swedish|Finnish|Kurdish|Jewish|Italian|Syrian|Iranian|Ukrainian|Chinese|"
    r"Japanese|Lebanese)$"
)
DEMONYM = re.compile(f"{_DEMONYM_SUFFIX.pattern}|{_DEMONYM_WORDS.pattern}")
_PARTICLES = frozenset({"de", "van", "von", "der", "al", "bin", "da", "di", "le", "la", "ibn"})


# German writes roles as compound nouns: "Hafenchefin", "Regierungssprecher", "Außenministerin"
_GERMAN_ROLE = re.compile(
    r"(?i)^[^\W\d_]*(?:chef|chefin|leiter|leiterin|sprecher|sprecherin|minister|ministerin|"
    r"präsident|präsidentin|direktor|direktorin|vorsitzende|vorsitzender|bürgermeister|"
    r"bürgermeisterin|meister|meisterin|landrat|landrätin|stadtrat|stadträtin|betriebsrat|"
    r"betriebsrätin|gemeinderat|gemeinderätin|anwohner|anwohnerin|bewohner|bewohnerin|"
    r"einwohner|einwohnerin|zeuge|zeugin|ärztin|lehrerin|kommandant|kommandantin|"
    r"geschäftsführer|geschäftsführerin|abgeordnete|abgeordneter|polizist|polizistin|kanzler|kanzlerin|gewerkschafter|gewerkschafterin|anwalt|anwältin|"
    r"experte|expertin|kommandeur)$"
)


def is_role_word(word: str) -> bool:
    """Whether a word belongs to a role/title ('Prime', 'spokesman', 'Norwegian')."""
    return word.lower() in TITLE_WORDS or bool(DEMONYM.match(word) or _GERMAN_ROLE.match(word))


def is_demonym(word: str) -> bool:
    """Whether a word is a demonym ("Turkish", "Norwegian"), never a name on its own."""
    return bool(_DEMONYM_WORDS.match(word))


def is_german_role(word: str) -> bool:
    """Whether a word is a German role compound ("Hafenmeisterin", "Regierungssprecher")."""
    return bool(_GERMAN_ROLE.match(word))


def _first_name_like(word: str) -> bool:
    """A word that looks like a demonym only by its ending ("Hamish", "Brian", "Adrian")."""
    return bool(_DEMONYM_SUFFIX.match(word)) and not _DEMONYM_WORDS.match(word)


def split_role(phrase: str) -> tuple[str, str]:
    """('Norwegian Prime Minister', 'Mara Velden') from 'Norwegian Prime Minister Mara Velden'."""
    words = phrase.split()
    cut = 0
    for i, word in enumerate(words[:-1]):
        word = word.strip(",")
        if i == len(words) - 2 and _first_name_like(word):
            continue  # "Hamish Harding", "Brian Vell": a first name, not a demonym
        if is_role_word(word) or word.lower() in ("of", "for", "and", "the", "a", "an"):
            cut = i + 1
    role = " ".join(w for w in words[:cut] if w.lower() not in ("the", "a", "an"))
    return role.strip(" ,"), " ".join(words[cut:]).strip(" ,")


def fold(text: str) -> str:
    """Lower case without accents, curly apostrophes straightened, Cyrillic spelled in Latin
    letters ("Эрдоган" -> "erdogan"), so a name meets its other spellings."""
    if _HAS_CYRILLIC.search(text):
        text = text.lower().translate(_CYRILLIC)  # before accents go: "й" is not "и"
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


# Russian and Ukrainian letters in Latin ones, as English-language news spells their names
_CYRILLIC = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
        "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
    }
)  # fmt: skip
_HAS_CYRILLIC = re.compile("[\u0400-\u04ff]")


@lru_cache(maxsize=16384)  # entity merging compares every pair of names: keys repeat a lot
def spelling_key(word: str) -> str:
    """A key that merges common transliteration variants: Dmitriy/Dmitry, Aleksey/Alexei."""
    key = fold(word)
    key = re.sub(r"iy$|yi$|ii$|ij$", "y", key)
    key = key.replace("ks", "x").replace("kh", "h").replace("ey", "ei").replace("yo", "io")
    key = re.sub(r"(.)\1", r"\1", key)
    return key


def surname(name: str) -> str:
    """The last word of a personal name that is not a particle or a suffix."""
    words = [w for w in name.split() if w.lower().strip(".") not in ("jr", "sr", "ii", "iii")]
    return words[-1] if words else name


@lru_cache(maxsize=16384)
def person_key(name: str) -> tuple[str, ...]:
    """Spelling keys of a name's words, particles dropped."""
    return tuple(spelling_key(w) for w in name.split() if w.lower() not in _PARTICLES)


COMPASS_WORDS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upper",
        "lower",
        "new",
        "greater",
        "nord",
        "sud",
        "est",
        "ouest",
        "nouvelle",
        "nouveau",
        "süd",
        "ost",
        "norte",
        "sur",
        "este",
        "oeste",
    ]
)


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance of two short strings; any value above `limit` is returned as limit+1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
        if min(current) > limit:
            return limit + 1
        previous = current
    return min(previous[-1], limit + 1)


def is_typo(a: str, b: str) -> bool:
    """Whether two names differ by a small misspelling only ("Ostrava"/"Ostrawa").

    One edit for names of 6 to 11 letters, two from 12 letters; never when a whole word
    differs ("North Korea"/"South Korea", "Sudan"/"South Sudan").
    """
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    shortest = min(len(fa), len(fb))
    if shortest < 6 or len(fa.split()) != len(fb.split()):
        return False
    limit = 2 if shortest >= 12 else 1
    if sum(x != y for x, y in zip(fa.split(), fb.split(), strict=True)) > 1 and limit == 1:
        return False
    if any(
        x != y and (x in COMPASS_WORDS or y in COMPASS_WORDS)
        for x, y in zip(fa.split(), fb.split(), strict=True)
    ):
        return False
    return edit_distance(fa, fb, limit) <= limit
