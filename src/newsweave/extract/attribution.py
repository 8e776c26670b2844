"""Who said a quote: a small model of news attribution style in English, French, German, Spanish.

The text of a quote's sentence outside quotation marks (its *frame*) is read with a few
patterns, tried in order, nearest first:

- after the quote: "…,” Name said", "…,” said Name", "…,” the ROLE, Name, said", "— Name, title";
- pronouns and roles: "…,” he said" (the person last named before it, paragraph by paragraph),
  "the spokeswoman said" (the person named earlier with that role), "the company said" (the
  organisation last named);
- before the quote: "Name said (that) …“…”", "According to Name, …", "Name wrote: “…”";
- a paragraph that is only a quotation continues the previous speaker.

Speakers are names (people or organisations) or qualified descriptions ("a ministry
spokesman", "Syria's ambassador"); never a place ("in Geneva") or a bare title ("the chairman"
with no one named as chairman). Verbs, determiners, pronouns and "according to" of each
language (and Italian) live in `LEXICONS`; an article reads English patterns plus those of
its language.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field
from functools import lru_cache

from newsweave.extract.gazetteer import countries
from newsweave.extract.names import (
    TITLE_WORDS,
    is_demonym,
    is_german_role,
    is_role_word,
    split_role,
    surname,
)
from newsweave.text import (
    MONTH_NAMES,
    MULTILINGUAL_STOP_WORDS,
    STOP_WORDS,
    VERB_FORMS,
    WEEKDAY_NAMES,
)

UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĪİŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŹŻŽА-ЯЁІЇЄҐ"  # Latin and Cyrillic capitals
LOW = "a-zà-ÿа-яёіїєґ"  # ... and small letters
# abbreviations of titles, companies and months that a full stop does not end a sentence after
ABBREVIATIONS = (
    "Mr", "Dr", "St", "Jr", "Sr", "Ms", "Lt", "Mt", "Ft", "Co", "Mrs", "Gen", "Col", "Sgt", "Rep",
    "Sen", "Gov", "Adm", "Maj", "Rev", "Cpl", "Pvt", "Det", "Hon", "Mme", "Inc", "Ltd", "Jan",
    "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Corp", "Capt", "Prof",
    "Insp", "Supt", "Cmdr", "Sept", "Mlle", "Brig", "Govt", "Hr", "Fr", "Sra", "Dra", "Dña",
    "Pr", "Mgr",
)  # fmt: skip
_CAPWORD = rf"(?:(?:[{UP}]\.){{1,3}}|(?:{'|'.join(ABBREVIATIONS)})\.(?!\w)|[{UP}][\w’'-]*)"
_PARTICLE = r"(?:de|del|della|di|da|van|von|der|den|la|le|al|el|bin|ibn|dos|das|du|y|of|for)"
_CHUNK = rf"{_CAPWORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}{_CAPWORD}){{0,11}}"
_TRAILING_CHUNK = re.compile(rf"(?:^|(?<=[^\w’'.-]))(?P<chunk>{_CHUNK})\s*$")
_LEADING_CHUNK = re.compile(rf"(?P<chunk>{_CHUNK})(?:\s*\((?P<acronym>[{UP}]{{2,8}})\))?")
_ACRONYM_AFTER = re.compile(rf"^(?P<tail>(?:\s+[\w’'-]+){{1,6}}?)\s*\((?P<acronym>[{UP}]{{2,8}})\)")
_AGE_APPOSITIVE_END = re.compile(r",\s*\d{1,3}\s*$")
_FROM_PLACE_END = re.compile(rf",\s*(?:from|of|in)\s+(?:the\s+)?{_CHUNK}\s*$")
_PARENTHESIS_END = re.compile(r"\s*\([^()]{1,40}\)\s*$")
# a person's affiliation in lower case words after the name: " of the county museum"
_AFFILIATION_END = re.compile(
    rf"(?<=[{LOW}])\s+(?:of|from|at|with)\s+the\s+(?:[{LOW}][\w’'-]*\s+){{0,3}}[{LOW}][\w’'-]*\s*$"
)
_APPOSITIVE_END = re.compile(r",\s*[^,“”\"«»„]{1,90},\s*$")
_DESCRIPTION_END = re.compile(r",\s*(?:a|an|the)\s+[^,“”\"«»„]{1,90}$")
_ADVERB_END = re.compile(
    r"(?:\s+(?:also|later|then|again|once|had|has|have|earlier|yesterday|today|\w+ly|"
    r"(?:late|early)?\s*on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"(?:on|in)\s+(?:a|an|the|its|his|her|their)\s+[\w ]{1,30}?,?))+\s*$"
)
GENERIC_SUBJECTS = frozenset(
    [
        "officials",
        "police",
        "authorities",
        "witnesses",
        "residents",
        "experts",
        "analysts",
        "critics",
        "sources",
        "researchers",
        "scientists",
        "rescuers",
        "doctors",
        "reports",
        "others",
        "opponents",
        "supporters",
        "some",
        "many",
        "both",
        "all",
    ]
)
_DESCRIBER_NOUNS = (
    "spokesman|spokeswoman|spokesperson|ambassador|representative|officials?|envoy|minister|"
    "sources?|statement|lawyer|executive|president|chief|head|director"
)
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
_NAME_PREFIX = re.compile(r"(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz)[A-Z][a-z]+$")
_LOWER_WORDS_END = re.compile(r"(?<![\w’'-])((?:[a-z][\w’'-]*\s+){0,4})$")
_DESCRIBER = re.compile(rf"\b(?:{_DESCRIBER_NOUNS})\b")  # a cheap test before the costly pattern
_DESCRIBED_SUBJECT = re.compile(
    rf"(?P<desc>(?:{_CHUNK})(?:’s|'s)?\s+(?:[a-z-]+\s+){{0,2}}(?:{_DESCRIBER_NOUNS})"
    rf"(?:\s+(?:to|of|for|at|in)\s+(?:the\s+)?{_CHUNK})?)\s*$"
)
_ORG_WORDS = re.compile(
    r"\b(?:Organi[sz]ation|Court|Council|Ministry|Party|Bank|Fund|Commission|Agency|Company|"
    r"Inc|Corp|Ltd|University|Union|Association|Committee|Office|Government|Parliament|Army|"
    r"Forces|Assembly|Institute|Service|Department|Guard|Police|Club|Group|Airlines?|Airways|"
    r"Board|Foundation|Center|Centre|Network|Press|News|Times|Post|Media|Federation|League|"
    r"Authority|Administration|Bureau|Navy|Coast|Red|Cross|Crescent|Nations|Team|Society|"
    r"Corporation|Industries|Systems|Technologies|Labs|Hospital|School|College|Church|"
    r"Ministerium|Ministère|Ministerio|Regierung|Gobierno|Polizei|Policía|Mondiale|"
    # the words of company names: "Wexmoor Water", "Harbury Rail", "Northway Ferries"
    r"Water|Energy|Rail|Railways?|Ferries|Motors|Foods|Holdings|Partners|Capital|Power|"
    r"Electric|Mining|Steel|Telecom|Logistics|Insurance|Works|Mills|Brewery|Pharma|Airport|"
    r"Station|Stadium)\b"
)
_GERMAN_WEEKDAYS = frozenset(
    ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
)
_NOT_NAMES = frozenset(
    [
        *WEEKDAY_NAMES,
        *MONTH_NAMES,
        *_GERMAN_WEEKDAYS,
        "The", "This", "That", "These", "Those", "It", "In", "But", "And", "When", "After",
        "During", "Yes", "No", "He", "She", "They", "We", "I", "You", "On", "As", "If", "At",
        "For", "While", "Though", "Although", "Meanwhile", "However", "Earlier", "Later",
        "Today", "Yesterday", "Tomorrow", "There", "Here", "His", "Her", "Their", "Our", "My",
        "A", "An", "So", "Now", "Then", "Also", "Still", "Some", "Many", "All", "Both",
        "Le", "La", "Les", "Il", "Elle", "Der", "Die", "Das", "Er", "Sie", "El", "Los", "Las",
    ]
)  # fmt: skip
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|from|to|near|into|across|outside|inside|en|à|au|aux|dans|im|in|aus|nach|bei|desde)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The words of attribution in one language."""

    verbs: str  # regex alternation of speech verbs (finite forms and participles)
    inverted: str  # verbs that may come before their subject after a quote ("said X")
    according: str  # "according to", "selon", "laut"
    determiners: str  # "the|a|an"
    persons: str  # personal pronouns that refer to a person ("he|she")
    things: str  # pronouns that refer to an organisation or a document ("it|they")
    aux: str = ""  # auxiliaries before a participle ("has", "a", "hat")
    to: str = ""  # prepositions of whom a quote was said to ("aux journalistes", "a la prensa")


_EN_VERBS = (
    r"said|says|saying|say|told|tells|telling|stated|states|stating|added|adds|adding|stressed|"
    r"stresses|stressing|warned|warns|warning|asked|asks|explained|explains|noted|notes|noting|"
    r"insisted|insists|argued|argues|declared|declares|announced|announces|wrote|writes|written|"
    r"writing|continued|continues|replied|replies|responded|responds|answered|recalled|recalls|"
    r"claimed|claims|tweeted|posted|posts|urged|urges|concluded|confirmed|confirms|denied|denies|"
    r"admitted|admits|acknowledged|acknowledges|conceded|concedes|emphasi[sz]ed|emphasi[sz]es|"
    r"observed|remarked|reiterated|maintained|asserted|contended|complained|predicted|promised|"
    r"vowed|pledged|suggested|suggests|cautioned|described|describes|called|calls|reads|read|"
    r"reported|reports|testified|shouted|cried|recounted|recounts|whispered|quipped|joked|"
    r"commented|comments|clarified|clarifies|thanked|welcomed|welcomes|counters|countered|"
    r"describe|describing|rejected|rejects|dismissed|dismisses|cautions|assures|assured|"
    r"tells\s+\w+|told\s+[\w.]+(?:\s+[\w.]+)?"
)
_EN = Lexicon(
    verbs=_EN_VERBS,
    inverted=(
        r"said|says|added|adds|wrote|writes|asked|explained|noted|insisted|argued|declared|"
        r"continued|replied|responded|answered|recalled|tweeted|posted|stated|warned|stressed|"
        r"concluded|confirmed|reads|read"
    ),
    according=r"according\s+to",
    determiners=r"the|a|an|one|another",
    persons=r"he|she",
    things=r"it|they",
    aux=r"has|had|have|would|will|also",
)
_FR_VERBS = (
    r"déclar[ée]|déclare|dit|dire|affirm[ée]|affirme|indiqu[ée]|indique|soulign[ée]|souligne|"
    r"ajout[ée]|ajoute|expliqu[ée]|explique|précis[ée]|précise|estim[ée]|estime|assur[ée]|"
    r"assure|avert[iy]|averti|mis\s+en\s+garde|annonc[ée]|annonce|confi[ée]|confie|lanc[ée]|"
    r"lance|répondu|répond|écrit|insist[ée]|insiste|rappel[ée]|rappelle|dénonc[ée]|dénonce|"
    r"martel[ée]|martèle|réagi|réagit|témoign[ée]|témoigne|racont[ée]|raconte|prévenu|prévient|"
    r"répliqu[ée]|réplique|reconnu|reconnaît|poursuivi|poursuit|conclu|conclut|promis|promet|"
    r"lâch[ée]|lâche|regrett[ée]|regrette|déplor[ée]|déplore|salu[ée]|salue|réjouie?|"
    r"félicitée?|indignée?|inquiétée?|exclamée?|emportée?|félicite|s['’]inquiète|s['’]indigne|"
    r"se\s+réjouit|s['’]exclame"
)
_FR = Lexicon(
    verbs=_FR_VERBS,
    # any verb with its subject pronoun after it: "souffle-t-il", "ironise-t-elle"
    inverted=rf"{_FR_VERBS}|[a-zàâçéèêëîïôûùüÿœ]+(?=-t-(?:il|elle)\b|-(?:il|elle)\b)",
    according=r"selon|d['’]après",
    determiners=r"le|la|l['’]|les|un|une|son|sa|leur",
    persons=r"il|elle",
    things=r"ils|elles",
    aux=r"a|avait|ont|avaient|aurait|a-t-(?:il|elle)|a-t-on|s['’]est|se\s+sont",
    to=r"à|au|aux|devant|dans",
)
_DE_VERBS = (
    r"sagte|sagt|sagten|gesagt|erklärte|erklärt|erklärten|betonte|betont|fügte\s+hinzu|"
    r"teilte\s+mit|schrieb|schreibt|warnte|warnt|meinte|meint|sprach|kritisierte|forderte|"
    r"berichtete|berichtet|bestätigte|widersprach|antwortete|ergänzte|erwiderte|versicherte|"
    r"unterstrich|räumte\s+ein|beklagte|klagte|versprach|kündigte\s+an|nannte|bezeichnete|erzählt|erzählte|kritisiert|fordert|klagt|beklagt|"
    r"bestätigt|ergänzt|antwortet|versichert|unterstreicht|verspricht|widerspricht|mahnt|"
    r"mahnte|so"
)
_DE = Lexicon(
    verbs=_DE_VERBS,
    # separable verbs with the subject before their particle: "fügte die Sprecherin hinzu"
    inverted=rf"{_DE_VERBS}|fügte|teilte|räumte|kündigte",
    according=r"laut|zufolge|nach\s+Angaben",
    determiners=r"der|die|das|ein|eine|des",
    persons=r"er|sie",
    things=r"es",
    aux=r"hat|hatte|haben",
)
_ES_VERBS = (
    r"dijo|dice|decía|declaró|declara|afirmó|afirma|señaló|señala|explicó|explica|aseguró|"
    r"asegura|añadió|añade|indicó|indica|advirtió|advierte|subrayó|subraya|destacó|destaca|"
    r"escribió|escribe|manifestó|comentó|relató|contó|respondió|sostuvo|agregó|agrega|"
    r"dicho|afirmado|declarado|señalado|explicado|asegurado|replicó|reconoció|insistió|"
    r"agradeció|denunció|criticó|advertido|lamentó|lamenta|apuntó|apunta|recordó|recuerda|"
    r"sostiene|relata|cuenta|contaba|explicaba|pidió|pide|reclamó|reclama|exigió|exige|"
    r"admitió|admite|reconoce|confesó|confiesa|avisó|alertó|insiste|anunció|anuncia|precisó|"
    r"precisa|matizó|concluyó|zanjó|ironizó|resumió|lamenta"
)
_ES = Lexicon(
    verbs=_ES_VERBS,
    # "relató a EFE Carmen López": the medium told comes between the verb and the speaker
    inverted=rf"(?:{_ES_VERBS})(?:\s+a\s+(?:la\s+|el\s+)?[A-Z][\w.]*(?=\s+[A-Z]))?",
    according=r"según|de\s+acuerdo\s+con",
    determiners=r"el|la|los|las|un|una",
    persons=r"él|ella",
    things=r"ellos|ellas",
    aux=r"ha|había|han",
    to=r"a|al|ante|en",
)
_IT_VERBS = (
    r"detto|dice|dichiarato|dichiara|affermato|afferma|spiegato|spiega|aggiunto|aggiunge|"
    r"sottolineato|sottolinea|precisato|precisa|scritto|scrive|raccontato|racconta|"
    r"annunciato|annuncia|commentato|commenta|avvertito|assicurato|assicura|ribadito|ribadisce|"
    r"osservato|risposto|risponde|confermato|conferma|lamentato|lamenta|denunciato|denuncia|"
    r"sostiene|sostenuto|ricorda|ricordato|promesso|promette|ammesso|ammette|replicato|replica|"
    r"concluso|conclude|evidenziato|evidenzia|rivelato|rivela|insistito|chiarito|chiarisce|"
    r"confessato|racconta|raccontato|denunciano|spiegano"
)
_IT = Lexicon(
    verbs=_IT_VERBS,
    inverted=_IT_VERBS,
    according=r"secondo|stando\s+a",
    determiners=r"il|lo|la|l['’]|i|gli|le|un|una|uno",
    persons=r"lui|lei",
    things=r"loro",
    aux=r"ha|aveva|hanno",
    to=r"a|ai|al|alla|alle|agli|allo|all['’]|in",
)
_PT_VERBS = (
    r"disse|diz|dizia|afirmou|afirma|declarou|declara|explicou|explica|acrescentou|acrescenta|"
    r"garantiu|garante|sublinhou|sublinha|destacou|destaca|referiu|refere|contou|conta|"
    r"escreveu|escreve|lembrou|lembra|alertou|alerta|adiantou|frisou|salientou|assegurou|"
    r"respondeu|responde|admitiu|admite|indicou|indica|informou|informa|relatou|relata|"
    r"dito|afirmado|declarado|explicado|lamenta|lamentou|avisou|avisa|reconheceu|reconhece|"
    r"defendeu|defende|considerou|considera|criticou|critica|apelou|pediu|pede|questionou|"
    r"insistiu|acusou|denunciou|concluiu|confessou|desabafou|desabafa|comentou|comenta|"
    r"observou|revelou|sublinha"
)
_PT = Lexicon(
    verbs=_PT_VERBS,
    inverted=_PT_VERBS,
    according=r"segundo|de\s+acordo\s+com|conforme",
    determiners=r"o|a|os|as|um|uma",
    persons=r"ele|ela",
    things=r"eles|elas",
    aux=r"tem|tinha|têm",
    to=r"ao|aos|à|às|em|perante",
)
_NL_VERBS = (
    r"zei|zegt|zeiden|verklaarde|verklaart|vertelde|vertelt|schreef|schrijft|benadrukte|"
    r"benadrukt|stelde|stelt|meldde|meldt|waarschuwde|waarschuwt|antwoordde|antwoordt|"
    r"aldus|liet\s+weten|laat\s+weten|legde\s+uit|voegde\s+toe|gezegd|verklaard"
)
_NL = Lexicon(
    verbs=_NL_VERBS,
    inverted=_NL_VERBS,
    according=r"volgens",
    determiners=r"de|het|een",
    persons=r"hij|zij|ze",
    things=r"zij",
    aux=r"heeft|had|hebben",
)
_RU_VERBS = (
    r"сказал[аи]?|заявил[аи]?|отметил[аи]?|подчеркнул[аи]?|добавил[аи]?|сообщил[аи]?|"
    r"пояснил[аи]?|написал[аи]?|рассказал[аи]?|ответил[аи]?|указал[аи]?|заключил[аи]?|"
    r"признал[аи]?|уточнил[аи]?|говорит|заявляет|отмечает|считает|сказав|заявив|"
    r"сказав|сказал[аи]?\s+журналистам|"
    # Ukrainian
    r"заверил[аи]?|пообещал[аи]?|напомнил[аи]?|объяснил[аи]?|возразил[аи]?|"
    r"предупредил[аи]?|признался|призналась|"
    r"сказав|сказала|заявив|заявила|зазначив|зазначила|додав|додала|наголосив|наголосила|"
    r"повідомив|повідомила|написав|написала|розповів|розповіла|пояснив|пояснила|каже"
)
_RU = Lexicon(
    verbs=_RU_VERBS,
    inverted=_RU_VERBS,
    according=r"по\s+словам|по\s+данным|как\s+сообщил[аи]?|за\s+словами|за\s+даними",
    determiners=r"",
    persons=r"он|она|він|вона",
    things=r"они|вони",
)
_PL_VERBS = (
    r"powiedział[a]?|stwierdził[a]?|dodał[a]?|podkreślił[a]?|zaznaczył[a]?|oświadczył[a]?|"
    r"przekazał[a]?|napisał[a]?|poinformował[a]?|wyjaśnił[a]?|ocenił[a]?|przyznał[a]?|"
    r"mówi|mówił[a]?|twierdzi|uważa"
)
_PL = Lexicon(
    verbs=_PL_VERBS,
    inverted=_PL_VERBS,
    according=r"według|zdaniem",
    determiners=r"",
    persons=r"on|ona",
    things=r"oni|one",
)
LEXICONS = {"en": _EN, "fr": _FR, "de": _DE, "es": _ES, "it": _IT, "pt": _PT, "nl": _NL}
LEXICONS |= {"ru": _RU, "uk": _RU, "pl": _PL}  # one Cyrillic lexicon: Russian and Ukrainian
_ORG_NOUNS = frozenset(
    [
        "company",
        "firm",
        "group",
        "ministry",
        "airline",
        "airlines",
        "board",
        "agency",
        "government",
        "organisation",
        "organization",
        "club",
        "union",
        "party",
        "police",
        "army",
        "department",
        "office",
        "council",
        "committee",
        "foundation",
        "bank",
        "court",
        "carrier",
        "operator",
        "network",
        "statement",
        "letter",
        "post",
        "blog",
        "service",
        "entreprise",
        "ministère",
        "gouvernement",
        "société",
        "groupe",
        "unternehmen",
        "ministerium",
        "regierung",
        "empresa",
        "ministerio",
        "gobierno",
        "fábrica",
        "usine",
        "fabrik",
        "fabbrica",
        "azienda",
        "fabriek",
        "bedrijf",
        "companhia",
        "compagnie",
        "firma",
        "molkerei",
        "authority",
        "hospital",
        "airport",
        "university",
        "commission",
        "institute",
    ]
)
# public bodies that speak as themselves when the text names no one for them: "the ministry
# said" with no ministry named is "the ministry", not nobody
_INSTITUTION_NOUNS = frozenset(
    ["ministry", "government", "police", "army", "military", "court", "council", "prosecutors",
     "ministère", "gouvernement", "préfecture", "gendarmerie", "ministerium", "regierung",
     "polizei", "staatsanwaltschaft", "ministerio", "gobierno", "policía", "fiscalía",
     "ministero", "governo", "polizia", "procura", "prefettura"]
)  # fmt: skip
_DEFINITE_ARTICLES = frozenset(
    ["the", "le", "la", "l'", "l’", "les", "der", "die", "das", "el", "il"]
)
# plural subjects with no determiner that name a public body: '," police said'
_GROUP_SUBJECTS = r"police|officials|authorities|prosecutors|investigators"
_DOCUMENT_NOUNS = frozenset(["statement", "letter", "post", "blog", "release", "note", "message"])


@dataclass(frozen=True, slots=True)
class _Patterns:
    subject_verb: re.Pattern[str]  # a verb, to look left of it for the subject
    after_subject: re.Pattern[str]
    after_inverted_named: re.Pattern[str]
    after_inverted: re.Pattern[str]
    after_pronoun: re.Pattern[str]
    after_inverted_description: re.Pattern[str]
    after_thing: re.Pattern[str]
    after_description: re.Pattern[str]
    after_named_role: re.Pattern[str]
    according_pronoun: re.Pattern[str]  # "selon lui", "según ella", "по его словам"
    parenthetical_subject: re.Pattern[str]  # 'This system, says Ana Rolle, a chemist, ...'
    inverted_subject: re.Pattern[str]  # '..., erzählt Anna Reimers.': a subject after its verb
    unnamed_subject: re.Pattern[str]  # 'A neighbour, who asked not to be named, said: "'
    after_affiliated: re.Pattern[
        str
    ]  # "said Tolvey coach Ana Rolle", "Tolvey coach Ana Rolle said"
    before_pronoun: re.Pattern[str]
    before_thing: re.Pattern[str]
    before_description: re.Pattern[str]
    according: re.Pattern[str]
    dash: re.Pattern[str]
    incise: re.Pattern[str]  # « A, a ajouté Name. B »: an attribution inside the quotation
    after_group: re.Pattern[str]  # '," police said': a public body named by its plural
    after_late: re.Pattern[str]  # 'to "..." of the patients, Ana Rolle said.'
    # '," Ana Rolle, a lecturer at the Tolvey College of Music, Art and Design told ...'
    after_described_name: re.Pattern[str]


@lru_cache(maxsize=8)
def patterns(language: str | None) -> _Patterns:
    """The attribution patterns of English plus those of `language`."""
    lexicons = [_EN] + ([LEXICONS[language]] if language in LEXICONS and language != "en" else [])

    def alt(attr: str) -> str:
        return "|".join(f"(?:{getattr(lx, attr)})" for lx in lexicons if getattr(lx, attr))

    verb = rf"(?:(?:{alt('aux')})[\s-]+)?(?:{alt('verbs')})"
    det = rf"(?:{alt('determiners')})"
    det_word = rf"{det}(?:\s+|(?<=['’]))"  # a whole word: "the", not the "The" of "Theo"
    lead = r"^[\s,.:;–—-]*"
    adv = r"(?:(?:also|later|then|again|\w+ly)\s+)?"
    # whom a quote was said to, in lower case words: "aux journalistes", "a los periodistas"
    to_whom = rf"(?:\s+(?:{alt('to')})\s+(?-i:(?:[{LOW}][\w’'-]*\s*){{1,4}}))?" if alt("to") else ""
    # a named addressee between the verb and a speaker with a determiner: "ha detto
    # all'agenzia Nordpress la sindaca", "a confié à L'Écho du Val le maire"
    to_named = (
        rf"(?:\s+(?:{alt('to')})(?:\s+|(?<=['’]))(?:[{LOW}][\w’'-]*\s+){{0,2}}{_CHUNK}(?=\s+{det_word}))?"
        if alt("to")
        else ""
    )
    return _Patterns(
        subject_verb=re.compile(rf"(?<![\w’'-]){verb}(?![\w’'-])"),
        after_subject=re.compile(
            rf"{lead}(?P<role>(?:{det}\s+)?(?:[a-z][\w’'-]*\s+){{0,4}}?)(?P<chunk>{_CHUNK})"
            rf"(?:\s+(?:of|from|at|with)\s+(?:the\s+)?{_CHUNK}(?:\s+[{LOW}][\w’'-]*){{0,2}})?"
            # a second subject: "Ana Ferro and Luis Marek said in a joint statement"
            rf"(?P<also>\s+(?:and|et|und|y|e)\s+{_CHUNK})?"
            # the speaker with the people they work with: "Ana Ferro and her team wrote"
            r"(?:\s+and\s+(?:his|her|their)\s+(?:team|colleagues|co-?authors|staff))?"
            rf"(?:\s*\([^)]{{1,40}}\))?(?P<appos>,\s*[^,“”\"«»„]{{1,90}},)?\s*{adv}{verb}(?![\w’'-])"
        ),
        after_inverted_named=re.compile(  # "said the district attorney, Mara Velden"
            rf"{lead}(?:(?:{alt('aux')})[\s-]+)?(?:{alt('inverted')}){to_named}\s+{det_word}"
            rf"[^,.;“”\"«»„]{{1,60}},\s*(?P<chunk>{_CHUNK})"
        ),
        after_inverted=re.compile(
            rf"{lead}(?:(?:{alt('aux')})[\s-]+)?(?:{alt('inverted')})(?:-t-(?:il|elle))?\s+"
            rf"(?:{det_word})?(?P<role>(?:[{LOW}\d][\w’'-]*\s+){{0,4}}?)(?P<chunk>{_CHUNK})"
        ),
        after_pronoun=re.compile(
            rf"{lead}(?:(?:{alt('persons')})\s+{adv}{verb}(?![\w’'-])"
            # pronoun after the verb: "sagte er der Zeitung", "dit-il en souriant"
            rf"|(?:{alt('aux')})?[\s-]*(?:{alt('inverted')})(?:-t)?[\s-]+(?:{alt('persons')})"
            r"(?![\w’'-])"
            # or no pronoun at all: "a-t-il déclaré", "dijo.", "ha detto ai giornalisti."
            rf"|(?:{alt('aux')})?[\s-]*(?:{alt('inverted')})(?:-t)?{to_whom}"
            rf"\s*(?:[.,;:!?]|$))",
            re.I,
        ),
        after_inverted_description=re.compile(
            rf"{lead}(?:(?:{alt('aux')})[\s-]+)?(?:{alt('inverted')}){to_named}\s+"
            rf"(?P<desc>{det_word}[^,.;“”\"«»„]{{1,60}}?)\s*(?:[.,;:!?]|$)"
        ),
        after_thing=re.compile(rf"{lead}(?:{alt('things')})\s+{adv}{verb}(?![\w’'-])", re.I),
        after_description=re.compile(  # no clause word inside: "the software as the company
            # continued" after a quoted word is the sentence going on, not a speaker
            rf"{lead}(?P<desc>{det_word}(?:(?!(?:as|while|when|because|which|who|that|if|"
            rf"after|before)\b)[^,.;“”\"«»„]){{1,60}}?)\s+{adv}{verb}(?![\w’'-])"
        ),
        after_named_role=re.compile(
            rf"{lead}(?:{det}\s+|{_CHUNK}['’]s\s+)[^,.;“”\"«»„]{{1,50}},\s*(?P<chunk>{_CHUNK}),\s*"
            rf"{adv}{verb}(?![\w’'-])"
        ),
        according_pronoun=re.compile(
            rf"(?:(?:{alt('according')})\s+(?:him|her|lui|elle|él|ella|lei|ele|ela|ihm|ihr)"
            r"|по\s+(?:его|её|ее)\s+словам|за\s+(?:його|її)\s+словами"
            r"|(?:ihm|ihr)\s+zufolge)(?![\w’'-])",
            re.I,
        ),
        parenthetical_subject=re.compile(  # ", says Ana Rolle, a chemist," inside a sentence
            rf",\s*(?:{alt('inverted')})\s+(?P<chunk>{_CHUNK})\s*,"
        ),
        inverted_subject=re.compile(
            rf"[,;]\s*(?:(?:{alt('aux')})[\s-]+)?(?:{alt('inverted')})\s+(?P<chunk>{_CHUNK})"
            r"\s*(?=[.;]|$)"
        ),
        unnamed_subject=re.compile(
            rf"(?:^|[.!?”»\"]\s+|,\s+|\b(?:and|but)\s+)(?:(?i:{det})\s+)?(?:[{LOW}][\w’'-]*\s+){{0,3}}"
            rf"[{LOW}][\w’'-]*(?:\s*,[^,“”\"«»„]{{1,80}},)?\s+{adv}{verb}(?![\w’'-])\s*:?\s*$"
        ),
        after_affiliated=re.compile(
            rf"{lead}(?:(?:(?:{alt('aux')})[\s-]+)?(?:{alt('inverted')})\s+(?:{det_word})?)?"
            # another role first: "lead author and Tolvey College chemist Ana Rolle said"
            rf"(?:(?:[{LOW}][\w’'-]*\s+){{1,3}}and\s+)?"
            rf"(?P<org>{_CHUNK})\s+(?P<role>(?:[{LOW}][\w’'-]*\s+){{1,3}})(?P<chunk>{_CHUNK})"
            rf"(?P<verb>(?:\s*,[^,“”\"«»„]{{1,60}},)?\s*{adv}{verb}(?![\w’'-]))?"
        ),
        before_pronoun=re.compile(
            rf"(?:(?:^|[.!?”»\"]\s+|,\s+|\b(?:and|but|as|y|et|und)\s+)(?:{alt('persons')})\s+{adv}"
            rf"(?:[a-z][\w’'-]*\s+){{0,2}}?"
            # or anywhere right before its verb: "Outside the court she said:"
            rf"|(?<![\w’'-])(?:{alt('persons')})\s+{adv}){verb}(?![\w’'-])",
            re.I,
        ),
        before_thing=re.compile(
            rf"(?:^|[.!?”»\"]\s+|,\s+)(?:{alt('things')})\s+{adv}{verb}(?![\w’'-])", re.I
        ),
        before_description=re.compile(
            rf"(?:^|[.!?”»\"]\s+|,\s+)(?P<desc>{det_word}[^,.;“”\"«»„]{{1,60}}?)\s+{adv}{verb}(?![\w’'-])",
            re.I,
        ),
        according=re.compile(
            rf"(?:{alt('according')})\s+(?:{det_word})?(?P<role>(?:[{LOW}][\w’'-]*\s+){{0,4}}?)"
            rf"(?P<chunk>{_CHUNK})",
            re.I,
        ),
        dash=re.compile(rf"^\s*[—–-]+\s*(?P<chunk>{_CHUNK})"),
        after_group=re.compile(rf"{lead}(?P<group>{_GROUP_SUBJECTS})\s+{adv}{verb}(?![\w’'-])"),
        after_late=re.compile(  # the last words of the sentence: ", Ana Rolle said."
            rf"^[^“”\"«»„]{{1,120}}?,\s*(?:(?P<pronoun>(?:{alt('persons')})(?=\s))|"
            rf"(?P<chunk>{_CHUNK}))\s+{adv}{verb}\s*[.!?]?\s*$"
        ),
        after_described_name=re.compile(
            rf"{lead}(?P<chunk>{_CHUNK}),\s*(?:{det_word})[^“”\"«»„]{{1,160}}?\s{adv}{verb}"
            r"(?![\w’'-])"
        ),
        incise=re.compile(
            rf",\s+(?=(?:(?:{alt('aux')})[\s-]+)?(?:{alt('inverted')})"
            rf"(?:-t-(?:il|elle)|-(?:il|elle))?(?![\w’'-]))"
        ),
    )


@dataclass(slots=True)
class Mention:
    """A person or organisation named in the text, at a position in the article."""

    at: int
    name: str
    person: bool
    speaking: bool = False  # the subject of a speech verb ("Velden Works said in a statement")


@dataclass(slots=True)
class Context:
    """What attribution remembers across an article: who was named, with which roles."""

    common: set[str] = field(default_factory=set)  # words also written in lower case
    proper: set[str] = field(default_factory=set)  # words capitalised mid-sentence
    # ... standing alone there, between lower-case words: a surname ("as Ekk notes"), not a
    # word of a longer name only ("the Tolvey Research Centre", "Border" of "Border Force")
    alone: set[str] = field(default_factory=set)
    persons: dict[str, str] = field(default_factory=dict)  # surname key -> full name
    roles: dict[str, str] = field(default_factory=dict)  # role word -> full name
    orgs: set[str] = field(default_factory=set)  # organisation names (from an entity backend)
    definite: set[str] = field(default_factory=set)  # words after "the" ("the harbour master")
    mentions: list[Mention] = field(default_factory=list)  # in text order
    last_speaker: Mention | None = None
    genders: dict[str, str] = field(default_factory=dict)  # full name -> "f" or "m", when told
    nouns_capitalised: bool = False  # German: a capital mid-sentence is no sign of a name
    surnames: set[str] = field(default_factory=set)  # last words of names of two words or more

    def _before(self, before: int) -> list[Mention]:
        """The (at most 200) mentions before offset `before`, latest last."""
        end = bisect_left(self.mentions, before, key=lambda m: m.at)
        return self.mentions[max(0, end - 200) : end]

    def recent(self, before: int) -> Mention | None:
        """The mention right before offset `before`."""
        found = self._before(before)
        return found[-1] if found else None

    def last_org(self, before: int, speaking: bool = False) -> str | None:
        """The organisation named last before `before`: one an entity backend knows, or one
        that said something; else (unless `speaking`, as for a bare "it said") the last
        organisation named at all, for "the company said"."""
        for mention in reversed(self._before(before)):
            if mention.name in self.orgs or (mention.speaking and not mention.person):
                return mention.name
        return None if speaking else self.last(before, person=False)

    def last_org_named(self, before: int, noun: str) -> str | None:
        """The last organisation before `before` whose name holds `noun`, a public body's noun
        ("the ministry" -> "Defence Ministry", "das Ministerium" -> "Bundesministerium"), else
        the only one an entity backend found; None for other nouns ("the company")."""
        if noun not in _INSTITUTION_NOUNS:  # "the company" is not any "... Company" named
            return None
        for mention in reversed(self._before(before)):
            if mention.name and not mention.person and noun in mention.name.lower():
                return mention.name
        known = [org for org in self.orgs if noun in org.lower()]  # from an entity backend
        return known[0] if len(known) == 1 else None

    def last(self, before: int, person: bool, gender: str | None = None) -> str | None:
        """The last person (or organisation) named before offset `before`; with a `gender`
        ("f" for "she", "m" for "he"), the last one not known to be of the other gender."""
        skipped = False
        for mention in reversed(self._before(before)):
            if mention.person != person:
                continue
            if not mention.name:
                if person:
                    return None  # "A spokesman said ...", then "he said": no one named
                continue
            if gender is None or self.genders.get(mention.name, gender) == gender:
                if skipped and before - mention.at > _GENDER_REACH:
                    return None  # no one near enough: nobody rather than someone far back
                return mention.name
            skipped = True
        return None

    def last_by_pronoun(self, before: int, attribution: str) -> str | None:
        """The person a pronoun in `attribution` ("she said", "a-t-il déclaré") refers to;
        the pronoun also tells that person's gender, for the pronouns after it."""
        gender = pronoun_gender(attribution)
        name = self.last(before, True, gender)
        if name and gender:
            self.genders.setdefault(name, gender)
        return name


_GENDER_REACH = 1500  # characters back a pronoun may reach past a person of the other gender


def clean_speaker(
    raw: str, context: Context, preceding: str = "", strict: bool = False
) -> tuple[str, str, bool] | None:
    """(role, name, is_person) from a raw capitalised chunk, or None when it names no speaker.

    `strict` (a subject found anywhere, not next to a quote) also refuses a single word that
    is never capitalised mid-sentence: a sentence-initial "Additional" is no name.
    """
    raw = raw.strip(" ,.;:").removesuffix("’s").removesuffix("'s")
    words = raw.split()
    while words and (
        words[0] in _NOT_NAMES
        or words[0].lower() in ("the", "a", "an")
        or (len(words) > 1 and _leading_function_word(words[0]))  # "Ihr Mann", "Am Samstag"
    ):
        words = words[1:]
    lower = []
    while words and not words[0][:1].isupper():
        lower.append(words.pop(0))  # "engineer Mara Velden", "a tired Velden"
    if not words:
        return None
    words, affiliation = _without_affiliation(words, context)
    role, name = split_role(" ".join(words))
    if role.endswith((" of", " for")) and not is_role_word(role.split()[-2]):
        role, name = "", " ".join(words)  # "Bank of Norland": "of" continues a name, not a role
    role = " ".join(filter(None, [*lower, role, affiliation]))
    name = name.strip(" ,.")
    if not name or name in _NOT_NAMES or name.lower() in STOP_WORDS:
        return None
    name_words = name.split()
    if len(name_words) == 1 and (
        (name.lower() in context.common and name not in context.proper)
        or name.lower() in TITLE_WORDS
        or is_german_role(name)  # "sagte die Hafenmeisterin": a bare title
        or is_demonym(name)  # "Turkish"
        or name.lower() in GENERIC_SUBJECTS
        or (
            strict
            and (
                name not in context.proper or name not in context.alone or context.nouns_capitalised
            )
            and _key(name) not in context.persons
            and not (context.nouns_capitalised and name in context.surnames)
        )
    ):
        return None  # a sentence-initial ordinary word or a bare title
    if is_demonym(name_words[-1]) and name_words[-1][1:].islower():
        return None  # "Turkish", "North Korean" (not "UN", "EU")
    if all(w.lower() in TITLE_WORDS for w in name_words):
        return None
    if _PLACE_BEFORE.search(preceding[-20:]):
        return None  # "in Geneva"
    if name in countries():
        return None  # a place is never a speaker (the government speaks through people)
    is_org = (
        bool(_ORG_WORDS.search(name))
        or name.isupper()
        # QuillonLabs, BrightWave; not McArdy, DeVane
        or any(_INNER_CAPITAL.search(w) and not _NAME_PREFIX.match(w) for w in name_words)
    )
    person = not is_org and (len(name_words) <= 4 or _key(name) in context.persons)
    return role, name, person


# sentence-initial words of other languages that open no name: "Ihr Mann", "Am Samstag"
_FUNCTION_WORDS = MULTILINGUAL_STOP_WORDS | frozenset(
    ["ihr", "ihre", "ihren", "ihrem", "sein", "seine", "seinen", "seinem", "mein", "meine",
     "unser", "unsere", "dieser", "diese", "dieses", "am", "beim", "vom", "zum", "zur", "seit",
     "auch", "laut", "son", "sa", "ses", "leur", "notre", "votre", "su", "sus", "nuestro",
     "nuestra", "suo", "loro", "nostro", "nostra", "seu", "nosso", "nossa"]
)  # fmt: skip


def _leading_function_word(word: str) -> bool:
    return word.lower() in _FUNCTION_WORDS and not re.fullmatch(_PARTICLE, word.lower())


def _without_affiliation(words: list[str], context: Context) -> tuple[list[str], str]:
    """'Tom Ekk of Harlow' -> (['Tom', 'Ekk'], 'of Harlow'): a person's name ends where
    'of <place or organisation>' begins; 'Secretary of State', 'Bank of Norland' stay whole.
    German: 'sagte Rolle der Zeitung' (told the newspaper) ends a known person's name too."""
    for k, word in enumerate(words):
        if k == 0 or word not in ("of", "for", "from", "der", "dem", "den"):
            continue
        if word in ("der", "dem", "den") and words[k - 1].lower() in ("van", "von", "vom", "ter"):
            continue  # "Van der Berg", "von der Leyen"
        name = split_role(" ".join(words[:k]))[1].split()
        person_like = not _ORG_WORDS.search(" ".join(name)) and not any(
            w.isupper() or w.lower() in TITLE_WORDS for w in name
        )
        if person_like and (len(name) >= 2 or _key(name[-1]) in context.persons):
            return words[:k], " ".join(words[k:])
    return words, ""


def _key(name: str) -> str:
    return surname(name).lower()


def is_role_noun(word: str) -> bool:
    """Whether `word` names a role a person is introduced by ('spokeswoman', 'mayor')."""
    word = word.lower().strip(",.’'")
    return word in _ROLE_NOUNS or word in TITLE_WORDS


# titles written short before a name, and the noun a later "the ... said" uses for them
_TITLE_ABBREVIATIONS = {
    "sen": "senator", "gov": "governor", "rep": "representative", "gen": "general",
    "adm": "admiral", "col": "colonel", "lt": "lieutenant", "sgt": "sergeant",
    "capt": "captain", "prof": "professor", "dr": "doctor", "det": "detective",
    "insp": "inspector", "supt": "superintendent", "cmdr": "commander", "maj": "major",
    "rev": "reverend", "pres": "president", "sec": "secretary", "atty": "attorney",
}  # fmt: skip


def role_keys(role: str) -> list[str]:
    """The words a later 'the <role> said' can name this person by: role nouns, the role's
    head noun ('harbour master' -> 'master') and an age ('54-year-old')."""
    words = [w.strip(",.’'()") for w in role.lower().split()]
    words = [_TITLE_ABBREVIATIONS.get(w, w) for w in words]  # "Gov." -> "the governor"
    keys = [w for w in words if w in _ROLE_NOUNS]
    head = words[: next((i for i, w in enumerate(words) if w in ROLE_CUT), len(words))]
    if head and (
        (head[-1].isalpha() and len(head[-1]) >= 3 and head[-1] not in STOP_WORDS)
        or _AGE_KEY.fullmatch(head[-1])
    ):
        keys.append(head[-1])
    return list(dict.fromkeys(keys))


def remember(
    context: Context, at: int, role: str, name: str, person: bool, speaking: bool = False
) -> str:
    """Record a named speaker or subject; returns the fullest known form of its name."""
    if person:
        key = _key(name)
        if len(name.split()) >= 2:
            context.persons[key] = name
        else:
            name = context.persons.get(key, name)
        for word in role_keys(role):
            context.roles[word] = name
        gender = role_gender(role)
        if gender:
            context.genders.setdefault(name, gender)
    insort(context.mentions, Mention(at, name, person, speaking), key=lambda m: m.at)
    return name


# personal pronouns and nouns that tell a person's gender ("she", "elle", "his brother")
_PRONOUN_GENDER = {
    **dict.fromkeys(["he", "il", "er", "él", "lui", "ele", "hij", "он", "він", "on", "him", "his", "ihm",
                     "его", "його"], "m"),
    **dict.fromkeys(["she", "elle", "sie", "ella", "lei", "ela", "zij", "ze", "она", "вона", "ona",
                     "her", "ihr", "её", "ее", "її"], "f"),
}  # fmt: skip
_GENDER_NOUNS = {
    **dict.fromkeys(
        ["mr", "mr.", "spokesman", "chairman", "businessman", "father", "brother", "husband",
         "son", "grandfather", "widower", "king", "prince", "uncle", "nephew", "monsieur", "m.",
         "herr", "señor", "sr.", "signor", "mann", "ehemann", "sohn", "bruder", "vater", "mari",
         "fils", "frère", "père", "marido", "esposo", "hijo", "hermano", "padre", "marito",
         "figlio", "fratello"], "m"),
    **dict.fromkeys(
        ["mrs", "mrs.", "ms", "ms.", "spokeswoman", "chairwoman", "businesswoman", "mother",
         "sister", "wife", "daughter", "grandmother", "widow", "queen", "princess", "aunt",
         "niece", "madame", "mme", "frau", "señora", "sra.", "signora", "alcaldesa",
         "presidenta", "directora", "ministra", "directrice", "présidente", "direttrice",
         "prefeita", "vereadora", "concejala", "consejera", "secretaria", "ehefrau", "tochter",
         "schwester", "mutter", "femme", "épouse", "fille", "sœur", "mère", "esposa", "mujer",
         "hija", "hermana", "madre", "moglie", "figlia", "sorella"], "f"),
}  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+(?:[’'.][^\W\d_]+)*\.?")


def pronoun_gender(text: str) -> str | None:
    """'f' or 'm' for the first personal pronoun of `text` ("she said" -> 'f'), else None."""
    for word in re.findall(r"[^\W\d_]+", text.lower()):
        if word in _PRONOUN_GENDER:
            return _PRONOUN_GENDER[word]
    return None


def role_gender(role: str) -> str | None:
    """'f' or 'm' when role words tell a gender: 'spokeswoman', 'her brother', 'Sprecherin'."""
    for word in _WORD.findall(role.lower()):
        if word in _GENDER_NOUNS:
            return _GENDER_NOUNS[word]
        if word.endswith("in") and len(word) > 6 and is_german_role(word):
            return "f"  # "Bürgermeisterin", "Hafenmeisterin"
    return None


def role_person(description: str, context: Context) -> str | None:
    """The person named earlier with the role of 'the spokeswoman', 'the company's CEO'."""
    words = [w.lower().strip(",.") for w in re.split(r"[\s’']+", description)]
    for word in reversed(words):
        if word in context.roles:
            return context.roles[word]
    return None


def subject_before(left: str, offset: int, context: Context) -> str | None:
    """The speaker named just left of a speech verb ("Mara Velden, a diver, said")."""
    left = _PARENTHESIS_END.sub("", left[-200:])  # "Ana Rolle (Greens) said"
    found = _subject_before(_ADVERB_END.sub("", left), offset, context)
    # "Bo Lind, 30, one of those on the tram, recalled": no adverb, an appositive
    return found or (_subject_before(left, offset, context) if left.endswith(", ") else None)


def _subject_before(left: str, offset: int, context: Context) -> str | None:
    affiliated = _AFFILIATION_END.search(left)
    if affiliated:  # "Fiona Leigh of the county museum said": the person, not the museum
        left = left[: affiliated.start()]
    appositive = _APPOSITIVE_END.search(left)
    role_hint = ""
    if appositive:
        inside = appositive.group(0).strip(" ,")
        if re.fullmatch(_CHUNK, inside):  # "Microsoft’s VP of Security, Mara Velden, said"
            cleaned = clean_speaker(inside, context)
            if cleaned:
                # "Norland's finance minister, Agnes Rook, said": "the minister" is her later
                words = _LOWER_WORDS_END.search(left[: appositive.start()][-60:] + " ")
                role = " ".join(filter(None, [words.group(1).strip() if words else "", cleaned[0]]))
                return remember(context, offset, role, cleaned[1], cleaned[2], True)
        role_hint = appositive.group(0)
        left = left[: appositive.start()]
        # "Ana Rolle, 45, a mother of two, said", "Bo Lind, 30, from Tolvey, a driver, said"
        while extra := _AGE_APPOSITIVE_END.search(left) or _FROM_PLACE_END.search(left):
            role_hint = f"{extra.group(0)} {role_hint}"
            left = left[: extra.start()]
        # "Ana Rolle, a lecturer at Tolvey College, the city's oldest school, said": a
        # second description of the name before it, not a speaker of its own
        for _ in range(2):
            extra = _DESCRIPTION_END.search(left)
            if not extra or not _TRAILING_CHUNK.search(left[: extra.start()]):
                break
            role_hint = f"{extra.group(0)}, {role_hint}"
            left = left[: extra.start()]
    described = _DESCRIBER.search(left[-120:]) and _DESCRIBED_SUBJECT.search(left[-120:])
    if described:  # "a Velden Works spokesperson said", "Norland's ambassador to the UN said"
        desc = described.group("desc")
        first, _, rest = desc.partition(" ")
        if first.lower() in ("a", "an", "the") and rest[:1].islower():
            # "A company spokesperson said": the company last named speaks, no name is new
            org = context.last_org(offset) if org_noun(rest.rsplit(" ", 1)[0]) else None
            return role_person(desc, context) or org
        return role_person(desc, context) or remember(context, offset, "", desc, False, True)
    found = _TRAILING_CHUNK.search(left[-120:])
    if not found:
        return None
    preceding = left[: len(left) - len(found.group(0))]
    role_words = _LOWER_WORDS_END.search(preceding[-60:])
    role_prefix = role_words.group(1) if role_words else ""
    cleaned = clean_speaker(role_prefix + found.group("chunk"), context, preceding)
    if not cleaned:
        return None
    role, name, person = cleaned
    role = " ".join(filter(None, [role, appositive_role(role_hint)]))
    return remember(context, offset, role, name, person, True)


def appositive_role(appositive: str) -> str:
    """The role words of an appositive: ', the chairman of the board,' -> 'chairman';
    ', a harbour master,' -> 'harbour master'; ', 54,' -> '54-year-old'."""
    inside = appositive.strip(" ,").lower()
    if re.fullmatch(r"\d{1,3}", inside) and 0 < int(inside) < 120:
        return f"{inside}-year-old"
    words = re.findall(r"[\w’'-]+", inside)
    if not words or words[0] in _NOT_APPOSITIVE or words[0] in VERB_FORMS:
        return ""  # a clause (", who lives nearby,", ", told the paper that ..."), no role
    kept = [w for w in words if w in TITLE_WORDS or w in _ROLE_NOUNS]
    noun = words[: next((i for i, w in enumerate(words) if w in ROLE_CUT), len(words))]
    if noun and noun[0] in ("a", "an", "the") and noun[-1] not in kept:
        kept.append(noun[-1])  # "a resident", "the harbour master": its head noun
    return " ".join(kept)


# an appositive that is a clause, not a noun phrase (", who lives nearby,")
_NOT_APPOSITIVE = frozenset(["who", "which", "whose", "where", "when", "whom", "that", "as"])
# a role's head noun ends before these ("chairman of the board", "spokeswoman for the port")
ROLE_CUT = frozenset(
    ["of", "for", "at", "in", "with", "from", "to", "on", "and"]
    + ["de", "du", "des", "del", "della", "di", "da", "do", "dos", "das", "der", "van", "von"]
)
_AGE_KEY = re.compile(r"\d{1,3}-year-old")


_ROLE_NOUNS = frozenset(
    [
        "spokesman",
        "rear",
        "admiral",
        "adm.",
        "capt.",
        "lawyer",
        "attorney",
        "prosecutor",
        "judge",
        "senator",
        "general",
        "vp",
        "cto",
        "cfo",
        "coo",
        "owner",
        "head",
        "leader",
        "scientist",
        "researcher",
        "economist",
        "engineer",
        "pilot",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ceo",
        "president",
        "chairman",
        "chairwoman",
        "director",
        "founder",
        "co-founder",
        "minister",
        "secretary",
        "governor",
        "mayor",
        "captain",
        "commander",
        "chief",
        "officer",
        "analyst",
        "professor",
        "ambassador",
        "envoy",
        "representative",
        "coordinator",
        "administrator",
        "executive",
        "porte-parole",
        "ministre",
        "président",
        "directeur",
        "sprecher",
        "sprecherin",
        "minister",
        "präsident",
        "portavoz",
        "ministro",
        "presidente",
        "director",
        "alcalde",
    ]
)


def describe(description: str) -> str | None:
    """A qualified description kept as a speaker ("Syria's ambassador"); None for bare titles."""
    description = description.strip()
    words = description.split()
    if len(words) < 2 or len(words) > 9:
        return None
    last = words[-1].lower().strip(",.")
    if last in STOP_WORDS or last.endswith(("self", "selves")):
        return None  # "the kind of homage Prince himself once": no noun phrase, no speaker
    # German capitalises every noun: "die Sprecherin" is a bare title, not a qualified one
    named = words[2:] if words[0].lower() in _GERMAN_ARTICLES else words[1:]
    qualified = (
        any(w[0].isupper() for w in named)
        or bool(re.search(r"\bfamiliar\s+with\b", description))
        # "a port authority spokesman", "a police spokeswoman": whose voice it is
        or (bool(_DESCRIBER.search(description)) and any(w in _ORG_NOUNS for w in named[:-1]))
    )
    return description if qualified else None


_GERMAN_ARTICLES = frozenset(["der", "die", "das", "des", "dem", "den", "ein", "eine", "einer"])


def person_description(description: str) -> bool:
    """Whether a description names a person by role ("a foreign ministry spokesman in Berlin",
    "the official"), not an organisation or a document."""
    words = description.lower().split()
    cut = next((i for i, w in enumerate(words) if i and w in _HEAD_CUT), len(words))
    head = words[:cut][-1].strip(",.’'") if words[:cut] else ""
    return bool(_DESCRIBER.fullmatch(head)) and head not in _DOCUMENT_NOUNS and head[-1:] != "s"


def head_noun(description: str) -> str:
    """The head noun of a description, lower case: "the transport ministry in a statement" ->
    "ministry"."""
    words = description.lower().split()
    cut = next((i for i, w in enumerate(words) if i and w in _HEAD_CUT), len(words))
    return words[:cut][-1].strip(",.’'") if words[:cut] else ""


def org_noun(description: str) -> bool:
    """Whether 'the company', 'the ministry', 'the letter' names an organisation or document."""
    words = description.lower().split()
    cut = next((i for i, w in enumerate(words) if i and w in _HEAD_CUT), len(words))
    words = words[:cut]  # "a empresa em comunicado", "the ministry in a statement"
    return bool(words) and words[-1].strip(",.’'s") in _ORG_NOUNS


def institution(description: str) -> str | None:
    """'the ministry (in a statement)' -> 'the ministry': a public body with a definite article
    speaks as itself; None for other descriptions ('a company', 'the firm')."""
    words = description.split()
    if len(words) < 2 or words[0].lower() not in _DEFINITE_ARTICLES:
        return None
    cut = next((i for i, w in enumerate(words) if i and w.lower() in _HEAD_CUT), len(words))
    words = words[:cut]
    if len(words) > 4 or words[-1].lower().strip(",.") not in _INSTITUTION_NOUNS:
        return None
    return " ".join(words)


# a description's head noun ends before these: its complements and where it was said
_HEAD_CUT = ROLE_CUT | frozenset(["em", "en", "dans", "im", "nel", "nella", "per", "par", "por"])


def document_noun(description: str) -> bool:
    """Whether the description is a document that speaks for its authors ('the letter')."""
    words = description.lower().split()
    return bool(words) and words[-1] in _DOCUMENT_NOUNS


def acronym_tail(chunk: str, after: str) -> str:
    """The chunk extended to a following '(ACRONYM)': 'Organisation mondiale de la santé (OMS)',
    or, for an organisation's head noun, over its complements in lower case: 'Compagnie des
    eaux de Bressac', 'Ministerio de Sanidad'."""
    found = _ACRONYM_AFTER.match(after)
    if found:
        return f"{chunk}{found.group('tail')} ({found.group('acronym')})"
    if chunk.split()[0] in _ORG_HEADS and (tail := _OF_TAIL.match(after)):
        return f"{chunk}{tail.group(0)}"
    return chunk


# the head nouns of organisations named with lower-case words in Romance languages
_ORG_HEADS = frozenset(
    ["Compagnie", "Société", "Banque", "Caisse", "Fédération", "Syndicat", "Conseil", "Office",
     "Agence", "Institut", "Université", "Chambre", "Confédération", "Union", "Association",
     "Ministère", "Compañía", "Sociedad", "Asociación", "Federación", "Consejo", "Instituto",
     "Universidad", "Banco", "Ministerio", "Companhia", "Sociedade", "Associação", "Câmara",
     "Ministério", "Società", "Associazione", "Consiglio", "Istituto", "Università", "Banca",
     "Compagnia", "Ministero", "Federazione", "Agenzia", "Agencia", "Agência"]
)  # fmt: skip
_OF_TAIL = re.compile(
    r"^(?:\s+(?:de\s+la|de\s+los|de\s+las|des|du|de|d['’]|del|da|do|das|dos|di|della|dei|"
    rf"degli|delle|dell['’])\s*[{UP}{LOW}][\w’'-]*)+"
)


def leading_chunk(text: str) -> re.Match[str] | None:
    """A capitalised name at the start of `text`."""
    return _LEADING_CHUNK.match(text)
