"""Quantity frames: what a figure measures, where, when, and the range its wording allows.

A frame holds the value range (its bounds from the wording), the unit (converted to a base
unit: miles and feet to metres, °F to °C, mph to km/h), the dimension measured (depth,
length, magnitude, distance ...), the things counted (content words of the counted phrase),
the predicate (fled, killed, invested, fell ...), the scope (places named in the figure's
clause, "elsewhere"), the time (the article's day and the years its sentence states) and who
the figure is attributed to ("according to the ministry").

Two figures are the same quantity only when all of these are compatible. Their wording gives
a range: "about 13,000" allows 12,500-13,500 (what rounds to it, at most 15% either side),
"more than 100,000" 100,000-125,000, "tens of thousands" 10,000-100,000, a round "2,000"
1,900-2,100. Overlapping ranges agree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import zip_longest

from newsweave.extract.figures import unit_name
from newsweave.extract.names import fold
from newsweave.model import Entity, Figure, TimeExpression
from newsweave.text import (
    MONTH_PATTERN,
    MULTILINGUAL_STOP_WORDS,
    NUMBER_WORDS,
    WEEKDAY_PATTERN,
    stem,
    words,
)

# the predicate of a counted quantity: what happened to the things counted
_PREDICATE_WORDS = {
    "fled": "fled flee flees fleeing left leave leaves leaving exodus escaped escape displaced "
    "refugees refugee réfugiés déplacés flüchtlinge geflohen desplazados refugiados sfollati",
    "killed": "killed kill kills killing dead died die dying death deaths fatalities toll bodies "
    "drowned perished culled slaughtered noyés abattus abattues ertrunken sacrificados "
    "corpses cadavres leichen cadáveres cuerpos cadaveri "
    "bilan morts mort tués tuées tué décès victimes tote toten getötet ums leben muertos fallecidos "
    "murieron morti morto uccisi vittime погибли погибших погиб погибло погибшие убиты убитых "
    "жертв загинули загиблих загинуло загинув zginęło zginęli zginął zabitych ofiar",
    "injured": "injured injuring injuries wounded hurt blessés blessées verletzte verletzt "
    "heridos feriti ранены раненых пострадали пострадавших поранені поранених постраждали "
    "rannych ranni",
    "evacuated": "evacuated evacuate evacuating evacuation evacuees rescued saved moved transferred "
    "relocated évacués transférés evakuiert verlegt evacuados trasladados evacuati эвакуированы эвакуировано евакуйовано ewakuowano",
    "arrested": "arrested arrests detained detention jailed arrêtés festgenommen detenidos "
    "arrestati задержаны задержано арестованы затримано zatrzymano aresztowano",
    "missing": "missing disappeared unaccounted disparus vermisst desaparecidos dispersi пропали "
    "пропавших зникли зниклих zaginionych zaginęło",
    "deployed": "deployed deploy stationed placement sent",
    "lived": "home population inhabitants live lives living lived reside habitants einwohner "
    "habitantes abitanti",
    "invested": "invested invest investing investment investments investi investiert invertido",
    "withdrew": "withdrew withdraw withdrawn withdrawing withdrawal withdrawals pulled outflows "
    "retirés retraits abgezogen retiraron retirados ritirati",
    "fell": "fell fall falls falling dropped drop drops plunged plunge plunges slid sank "
    "tumbled declined lost shed chuté baisse gefallen verloren cayó",
    "rose": "rose rise rises rising jumped jump climbed climb gained surged soared grew "
    "hausse gestiegen subió",
    "cancelled": "cancelled canceled cancellations cancellation cancel cancelling canceling "
    "annulés annulations gestrichen cancelados",
    "lost": "losses loss damages damage pertes verluste pérdidas perdite",
    "cut": "cut cuts cutting axed axe axing slashed slash layoffs redundancies eliminated "
    "eliminate eliminating supprimés suppressions recortes despidos tagli",
    "trapped": "trapped stuck stranded buried ensevelis piégés bloqués eingeschlossen verschüttet "
    "atrapados sepultados intrappolati",
    "abducted": "abducted kidnapped seized hostage hostages captive captives otages geiseln rehenes "
    "secuestrados ostaggi",
    "launched": "launched fired lancés tirés abgefeuert lanzados lanciati",
    "destroyed": "destroyed collapsed razed flattened détruits effondrés zerstört eingestürzt "
    "destruidos derrumbados distrutti crollati",
    "affected": "affected sinistrés betroffen afectados colpiti",
    "produced": "produced produce produces producing generated generate generates output "
    "yielded produit produite erzeugt erzeugte produjo generó prodotto",
    "delayed": "delayed delays retardés retardées verspätet retrasados retrasadas ritardati",
    "infected": "infected infections cases infectés contaminés infiziert infizierte contagiados "
    "infectados contagiati",
    "attended": "attended joined marched rallied gathered participated "
    "crowd crowds attendance participants manifesté défilé participé teilgenommen demonstrierten "
    "asistieron participaron marcharon",
    "consumed": "consumed consume consumes consuming used input spent consommé verbraucht "
    "consumió consumato",
    "leaked": "leak leaks leaking leaked spewing spewed spew spews gushing gushed gush gushes "
    "spilling spilt escaping fuite fuites fuit déversés ausgetreten ausgelaufen "
    "derramados vertidos fuoriusciti",
    "collected": "collected collecting collect captured capturing capture siphoned siphoning "
    "funnelled funneled funnelling funneling skimmed recueillis aufgefangen recogidos raccolti",
}
PREDICATES = {word: kind for kind, text in _PREDICATE_WORDS.items() for word in text.split()}
_FROM_HOMES = re.compile(r"^\s*(?:\w+\s+){0,3}?(?:from|out\s+of|to\s+flee|to\s+leave)\b", re.I)
# what a share is of when a phrase says it: a share of voters who voted, of votes for one side
_SHARE_PREDICATES = frozenset({"turnout", "voted for", "voted against"})
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
# on board a vehicle: read when no other predicate is said ("all 150 on board were killed")
_ABOARD = re.compile(
    r"\bon\s*board\b|\baboard\b|\bcarrying\b|\bcarried\b|\btravell?ing\s+(?:on|in)\b|"
    r"\bon\s+(?:the|that|this)\s+(?:flight|plane|aircraft|jet|bus|coach|train|ferry|vessel|ship|"
    r"boat)\b|\bà\s+bord\b|\ban\s+bord\b|\ba\s+bordo\b",
    re.I,
)
# what happened, said in several words: read before single words ("lost their lives" is no fall,
# "left 250,000 homes without power" no exodus, "voters cast a ballot" a turnout)
_PREDICATE_PHRASES = [
    (re.compile(p, re.I), kind)
    for kind, p in (
        (
            "killed",
            r"\blost\s+(?:their\s+|his\s+|her\s+)?li(?:fe|ves)\b|\bums\s+Leben\b|"
            r"\bperdu\s+la\s+vie\b|\bperdieron\s+la\s+vida\b",
        ),
        (
            "blackout",
            r"\b(?:without|lost|lose|losing)\s+(?:power|electricity)\b|"
            r"\bsans\s+(?:électricité|courant)\b|\bohne\s+strom\b|\bsin\s+(?:luz|electricidad)\b",
        ),
        ("trapped", r"\bcaught\s+(?:under|in|beneath|by)\b"),
        ("delayed", r"\bheld\s+up\b"),
        (
            "hospitalised",
            r"\b(?:taken|admitted|rushed|brought|flown)\s+to\s+(?:the\s+|a\s+)?hospitals?\b|"
            r"\bhospitali[sz]ed\b|\bin\s+hospital\b",
        ),
        ("cut", r"\b(?:lay|laid|laying|lays)\s+off\b|\bwill\s+go\b(?!\s+(?:to|on|ahead|back))"),
        (
            "attended",
            r"\btook\s+part\b|\btaking\s+part\b|\bturned\s+out\b|\bwalked\s+out\b|"
            r"\bstopped\s+work(?:ing)?\b|\bwent\s+on\s+strike\b|\bdowned\s+tools\b",
        ),
        (
            "turnout",
            r"\bturnout\b|\bcast\s+(?:a\s+|their\s+)?(?:ballots?|votes?)\b|"
            r"\bwent\s+to\s+the\s+polls\b|\bparticipation\b|\bwahlbeteiligung\b|"
            r"\bparticipación\b|\baffluenza\b",
        ),
    )
]
# "lives" means "live there" after a figure ("120,000 people live") and "lost lives" before
_BEFORE_ONLY = {"lives": "killed"}
_AFTER_WINDOW = 6
# a subordinate clause after a figure has its own subject: "48 passengers when it left the road"
_SUBORDINATE = re.compile(r"\b(?:when|after|before|while|because|since|until|as|although)\b", re.I)
_VOTE = re.compile(r"\b(?:vot(?:e|es|ed|ing)|ballots?|passed|approved|adopted|rejected)\b", re.I)
_VOTE_TO = re.compile(r"^\s*(?:votes?\s+)?(?:to|-|–|against)\s*\d", re.I)
_VOTE_FROM = re.compile(r"\d\s*(?:votes?\s+)?(?:to|-|–)\s*$", re.I)
_FOR = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:votes?\s+)?(?:in\s+favou?r|vot(?:ed|es?)\s+(?:for|yes|in\s+favou?r)|"
    r"pour\b|dafür\b|a\s+favor\b)",
    re.I,
)
_AGAINST = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:votes?\s+)?(?:against|voted\s+(?:against|no)|opposed|contre\b|"
    r"dagegen\b|en\s+contra\b)",
    re.I,
)
_BEFORE_WINDOW = 4
_STOP_AFTER = re.compile(r"[.;:!?—–(]")
_VAGUE = re.compile(r"\b(?:dozens|scores|hundreds|thousands|millions|billions)\b", re.I)
_DURATION = re.compile(r"^P(?:T)?(\d+(?:\.\d+)?)([YMWDH])$")
_DAYS = {"Y": 365.25, "M": 30.44, "W": 7.0, "D": 1.0, "H": 1 / 24}
_YEAR = re.compile(r"^(\d{4})")
_PARENTHESIS = re.compile(r"\([^()]*\)")
_CONVERSION = re.compile(
    r"\d[\d.,]*[\s-]?[^\W\d]*\s*\(\s*(?:about|around|some|roughly|nearly|or|ca\.?|env\.?)?\s*$",
    re.I,
)
_NUMBER = re.compile(r"\d[\d.,]*")
_NUMBER_WORDS = frozenset(
    [
        "percent",
        "cent",
        "per",
        "billion",
        "million",
        "thousand",
        "hundred",
        "milliard",
        "milliards",
        "millions",
        "milliarden",
        "millionen",
        "millones",
        "milioni",
        "miliardi",
        "dollars",
        "euros",
        "pounds",
        "degrees",
        "degree",
        "celsius",
        "fahrenheit",
        "degrés",
        "grad",
        "grados",
        "gradi",
    ]
)
_LONG_SENTENCE = 1000  # characters of a sentence a frame reads around its figure, at most
_PLACE_PREFIX = 5  # "Syria", "Syrie" and "Syrien" share their first five letters
# prepositions that put a count in a place, and those that name where people went or came from
_LOCATIVE = frozenset(
    [
        "in",
        "across",
        "throughout",
        "within",
        "en",
        "dans",
        "au",
        "aux",
        "im",
        "der",
        "el",
        "nel",
        "nella",
        "a",
    ]
)
_MOTION = frozenset(["to", "into", "toward", "towards", "from", "vers", "nach", "hacia", "verso"])
# predicate words that are also what is counted ("tens of thousands of refugees")
_COUNTED_PREDICATES = {"refugees", "refugee", "evacuees", "inhabitants", "population"}
# words for people in general, in the languages figures are read in
_PEOPLE = dict.fromkeys(
    [
        "people",
        "persons",
        "person",
        "individuals",
        "personnes",
        "personne",
        "personas",
        "persona",
        "persone",
        "menschen",
        "personen",
        "человек",
        "людей",
        "люди",
        "осіб",
        "особи",
        "osób",
        "ludzi",
        "osoby",
        # the people of a place, as a count of those affected: "5,000 residents evacuated"
        "residents",
        "inhabitants",
        "villagers",
        "locals",
        "habitants",
        "einwohner",
        "habitantes",
        "abitanti",
    ],
    "people",
)
# words for the same counted thing, by meaning: a firm's staff are its workers, the jobs it cuts
# its workers' posts, a school's pupils its students; the head noun of a counted phrase that
# holds one of them is its class ("registered voters" are voters, "homes without power" homes)
_COUNTED_CLASS_WORDS = {
    "worker": "workers worker employees employee staff staffers workforce jobs job positions "
    "posts labourers laborers miners quarrymen salariés employés ouvriers mineurs emplois postes "
    "beschäftigte mitarbeiter arbeiter bergleute arbeitsplätze stellen empleados empleos puestos "
    "trabajadores mineros obreros dipendenti lavoratori minatori",
    "passenger": "passengers passenger travellers travelers passagers passagiere fahrgäste "
    "pasajeros passeggeri",
    "crew": "crew crewmembers équipage besatzung tripulantes tripulación equipaggio",
    "spectator": "fans spectators supporters attendees concertgoers concert-goers spectateurs "
    "zuschauer espectadores aficionados spettatori tifosi",
    "demonstrator": "demonstrators protesters protestors marchers manifestants demonstranten "
    "manifestantes manifestanti",
    "pupil": "pupils students schoolchildren schoolboys schoolgirls élèves étudiants écoliers "
    "schüler studenten alumnos estudiantes escolares alunni studenti",
    "home": "homes houses households dwellings residences customers maisons logements foyers "
    "häuser haushalte wohnungen viviendas casas hogares abitazioni",
    "patient": "patients pacientes patienten pazienti",
    "capacity": "capacity full capacité plein pleine kapazität voll gefüllt capacidad lleno llena "
    "capacità pieno",
    "voter": "voters electorate electors électeurs wähler wahlberechtigte votantes electores "
    "elettori",
    "vote": "votes lawmakers deputies mps legislators councillors councilors senators députés "
    "abgeordnete diputados deputati",
}
_COUNTED_CLASSES = {w: kind for kind, text in _COUNTED_CLASS_WORDS.items() for w in text.split()}
# the people of a happening counted by their part in it: "52 people on board" are its passengers
# and crew, "23 people" crushed at a match its fans (a part of everyone, such as soldiers or
# children, is not here: "12 soldiers" of "40 people" killed is a subgroup)
_EVERYONE_PRESENT = frozenset({"passenger", "crew", "spectator", "demonstrator"})
_HUMAN = frozenset(
    {"killed", "injured", "evacuated", "fled", "arrested", "missing", "trapped", "abducted",
     "infected"}
)  # fmt: skip
# counted words that say nothing of what was counted
_GENERIC = frozenset({"people", "#people", "person", "personn", "persona", "persone", "menschen"})
# a count named with another group is a part of those present: "four passengers and the pilot",
# "420 passengers and 85 crew", "six people from the construction crew"
_WITH_OTHERS = re.compile(
    r"^\s*(?:and|plus|as\s+well\s+as|et|und|y|e)\s+(?:the|a|an|its|their|le|la|les|der|die|el|los|"
    r"las|il|\d)|^\s*(?:from|of|among|amongst)\s+(?:the|its|their)\b",
    re.I,
)
# a count given as one of two: "two or three fans", "10 or 12"
_A_NUMBER = rf"(?:\d[\d,.]*|{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})"
_A_NUMBER_RE = re.compile(rf"(?i)\b{_A_NUMBER}\b")
_OR_BEFORE = re.compile(rf"(?i)\b{_A_NUMBER}\s+(?:or|ou|oder|o)\s*$")
_OR_AFTER = re.compile(rf"(?i)^\s*(?:or|ou|oder|o)\s+{_A_NUMBER}\b")
# a group's size: "a crew of eight", "une équipe de 12"
_GROUP_OF = re.compile(
    r"\b(?:crew|team|group|family|party|squad|contingent|delegation|équipe|groupe|famille|"
    r"mannschaft|gruppe|familie|equipo|grupo|familia|squadra|gruppo|famiglia)\s+(?:of|de|d'|von|di)"
    r"\s*(?:some\s+|about\s+|around\s+)?$",
    re.I,
)
# what befalls a part of those present: a count with no predicate may be all of them
_FATES = frozenset(
    {"killed", "injured", "missing", "trapped", "abducted", "arrested", "infected", "hospitalised"}
)
# predicates whose counts grow over a story: a higher figure later is a tally, not a conflict
GROWING = frozenset(
    {"killed", "injured", "evacuated", "fled", "arrested", "abducted", "destroyed", "affected",
     "infected"}
)  # fmt: skip
# ... and those that move either way (the missing are found, troops come and go)
CHANGING = GROWING | {"missing", "deployed", "remaining"}
# predicates that say little about what the figure is: shares fell, prices rose, losses
CONTEXT_PREDICATES = frozenset({"fell", "rose", "lost"})
# what a measure in a unit measures, from the words around it (English, French, German,
# Spanish, Italian)
_DIMENSION_WORDS = {
    "depth": "depth deep deeper beneath below underwater bottom seabed seafloor surface plunge "
    "dive profondeur profonde profond sous tiefe tief unter profundidad profundo profunda bajo "
    "profondità profonda sotto",
    "magnitude": "magnitude magnitud magnitudo richter measured registered mesuré mesurait "
    "gemessen midió registró misurato misurava",
    "length": "long length longueur longue länge lang lange longitud largo larga lunga lungo "
    "lunghezza spans spanned spanning stretches stretched",
    "height": "high tall height hauteur haute höhe hoch altura alto alta altezza",
    "width": "wide width largeur breit breite ancho anchura larghezza",
    "distance": "from away off distance distant éloigné entfernt lejos distante north south "
    "east west northeast northwest southeast southwest nord sud est ouest nördlich südlich "
    "östlich westlich norte oeste",
    "speed": "speed vitesse geschwindigkeit velocidad velocità",
}
DIMENSIONS = {word: kind for kind, text in _DIMENSION_WORDS.items() for word in text.split()}
# words that make a figure an average or a rate rather than a total
_AVERAGE = frozenset(
    [
        "average", "averaged", "averages", "each", "apiece", "median", "moyenne", "chacun",
        "durchschnittlich", "durchschnitt", "promedio", "cada", "ciascuno",
    ]
)  # fmt: skip
# what a figure is when it is not yet a fact: asked for, offered, planned or foreseen
_MODAL_WORDS = {
    "demanded": "demand demands demanded demanding seek seeks seeking sought want wants wanted "
    "asked asking exige exigent exigeaient réclame réclament réclamait réclamaient fordern fordert "
    "forderte forderten forderung exigen exigía exigían pedían chiede chiedono chiedevano",
    "offered": "offer offers offered offering propose proposes proposed proposal bid offre "
    "offert propose bietet angebot ofrece ofreció oferta offerto",
    "foreseen": "expect expects expected expecting forecast forecasts projected projects "
    "predicted predicts plan plans planned planning target targets aim aims prévu prévoit "
    "erwartet erwarten geplant prevé previsto prevede",
}
MODALS = {word: kind for kind, text in _MODAL_WORDS.items() for word in text.split()}
MONEY = frozenset({"$", "€", "£"})  # currency units: sums say what they are by their clause
# what a unit measures by itself: the speed of what, the weight of what, say the words around
_UNIT_DIMENSIONS = {
    "km/h": "speed", "kg": "mass", "°C": "temperature", "°F": "temperature", "ha": "area",
}  # fmt: skip
# base units: the family a unit belongs to and its factor to the family's base
_BASE_UNITS = {
    "km": ("m", 1000.0), "mile": ("m", 1609.344), "foot": ("m", 0.3048), "m": ("m", 1.0),
    "nautical mile": ("m", 1852.0), "km/h": ("km/h", 1.0), "mph": ("km/h", 1.609344),
    "knot": ("km/h", 1.852), "tonne": ("kg", 1000.0), "kg": ("kg", 1.0), "ha": ("ha", 1.0),
    "acre": ("ha", 0.404686), "km²": ("ha", 100.0), "square mile": ("ha", 258.999),
}  # fmt: skip
# what a thing's size is does not change with the year a sentence states
_TIMELESS = frozenset({"length", "size", "height", "width"})
# verbs of falling right before a length: "the bus fell 80 metres" measures the drop
_FALL_VERBS = frozenset(
    ["fell", "plunged", "plummeted", "dropped", "tumbled", "fall", "falls", "plunges", "drops",
     "chuté", "tombé", "stürzte", "fiel", "cayó", "precipitó", "precipitato"]
)  # fmt: skip
_ELSEWHERE = frozenset(
    [
        "elsewhere",
        "other",
        "another",
        "ailleurs",
        "autres",
        "anderen",
        "anderswo",
        "otros",
        "otras",
        "altrove",
        "altri",
    ]
)
_CLAUSE = re.compile(
    r"[;:—–]|,\s*(?:while|whereas|but|and|alors que|tandis que|während|mientras)\b"
)
_ATTRIBUTION = re.compile(
    r"\b(?:according to|citing|selon|d'après|laut|según|secondo)\s+(?:the\s+|la\s+|le\s+|l'|"
    r"der\s+|dem\s+|el\s+|il\s+)?(?P<after>[^,.;]{2,60})",
    re.IGNORECASE,
)
# "measured at 7.8 by the US survey": the credit right after the figure
_BY = re.compile(
    r"\s*(?:[a-z%-]+\s+){0,2}?(?:by|according to|selon|laut|según|secondo)\s+(?:the\s+|la\s+|le\s+|l['’])?"
    r"(?P<after>[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|and|of|for|de|du|des|la))*)"
)
# "by Thursday", "by March", "by Noon": a time, not who gives the figure
_WHEN_WORD = re.compile(rf"(?i)(?:{WEEKDAY_PATTERN}|{MONTH_PATTERN}|noon|midnight|dawn|now|then)\b")
# a total after a part of it: "took 79 of the 150 seats", "12 out of 40"
_OF_THE = re.compile(
    r"\d\s+(?:[^\W\d]+\s+)?(?:of|out\s+of|sur|von|de)\s+(?:the\s+|all\s+|les\s+|den\s+|los\s+|las\s+)?$",
    re.I,
)
# a value a change leaves behind: "fell from 8.2% to 7.5%", "revised from 60 to 45"
_CHANGED_FROM = re.compile(
    r"\b(?:fell|rose|dropped|increased|decreased|climbed|jumped|grew|declined|slipped|went\s+(?:up|down)|"
    r"cut|raised|lowered|revised|corrected|up|down|passé|passée|gestiegen|gesunken|pasó|bajó|subió)"
    r"(?:\s+\w+){0,2}?\s+(?:from|de|von|desde|da)\s*[$€£]?\s*$",
    re.I,
)
_CHANGED_TO = re.compile(r"^\s*(?:\S+\s+){0,3}?(?:to|à|auf|a)\s+[$€£]?\d", re.I)
# a figure its own source withdrew
_EARLIER = re.compile(
    r"\b(?:initially|originally|earlier|at first|first|previously|initialement|d'abord|"
    r"zunächst|ursprünglich|inicialmente|inizialmente)\b",
    re.I,
)
_REVISED = re.compile(
    r"\b(?:revised|corrected|lowered|raised|updated|amended|révisé|corrigé|rectifié|korrigiert|"
    r"revidiert|corrigió|rectificó|corretto)\b",
    re.I,
)
# a value named as an earlier one: "up from a previous offer of $70", "its first estimate, 45"
_EARLIER_VALUE = re.compile(
    r"\b(?:first|initial|previous|earlier|original|prior|old|former)\s+(?:[^\W\d]+\s+)?"
    r"(?:offer|bid|estimate|forecast|figure|target|price|tally|toll|count|guidance|projection|"
    r"reading)s?\b[^.;0-9]{0,20}$",
    re.I,
)
_EARLIER_VERSION = re.compile(
    r"\b(?:earlier|previous)\s+version\s+of\s+this\b|\bversion\s+précédente\b", re.I
)
# a sum restated in another currency right after it: "$3bn (£2bn)", "10m euros ($11.9m)"
_MONEY_CONVERSION = re.compile(
    r"(?:[$€£]\s?\d[\d.,]*|\d[\d.,]*\s?(?:euros?|dollars?|pounds?))\s?(?:bn|m|billion|million|"
    r"trillion|milliards?|millions?)?\s*\(\s*(?:about|around|some|roughly|nearly|or|ca\.?)?\s*$",
    re.I,
)
# how often an amount comes: "5,000 barrels a day", "$5 billion per year", "a daily leak of"
_RATE_AFTER = re.compile(
    r"^[^,;.()]{0,40}?\b(?:a|an|per|each|every|par|pro|al|por)\s+"
    r"(?P<unit>day|week|month|year|hour|minute|second|jour|semaine|mois|an|année|tag|woche|"
    r"monat|jahr|stunde|día|semana|mes|año|hora|giorno|anno|ora)\b"
    r"(?!\s+(?:ago|earlier|later|before|after|since|when|plus)\b)"
    r"|^\s*(?P<short>bpd|b/d)\b",
    re.I,
)
_RATE_BEFORE = re.compile(
    r"\b(?P<unit>daily|weekly|monthly|yearly|annual|annually|hourly|quotidien|täglich|"
    r"jährlich|diario|anual|giornaliero|annuale)\b(?:\s+[^\W\d]+){0,2}\s+(?:of\s+)?"
    r"(?:about\s+|around\s+|some\s+|up\s+to\s+|more\s+than\s+)?[$€£]?\s*$",
    re.I,
)
_RATE_UNITS = {
    "daily": "day", "jour": "day", "tag": "day", "día": "day", "giorno": "day",
    "quotidien": "day", "täglich": "day", "diario": "day", "giornaliero": "day", "bpd": "day",
    "b/d": "day", "weekly": "week", "semaine": "week", "woche": "week", "semana": "week",
    "monthly": "month", "mois": "month", "monat": "month", "mes": "month",
    "yearly": "year", "annual": "year", "annually": "year", "an": "year", "année": "year",
    "jahr": "year", "año": "year", "anno": "year", "jährlich": "year", "anual": "year",
    "annuale": "year", "hourly": "hour", "stunde": "hour", "hora": "hour", "ora": "hour",
}  # fmt: skip
# a number that is a rate's base, not a count: "four in every 1,000", "3 per 100,000"
_DENOMINATOR = re.compile(
    r"(?:\b(?:in|out\s+of|for|of|on|sur|von|de)\s+every|\bper|\bpour|\bsu\s+ogni|\bde\s+cada|"
    r"\bvon\s+je)\s*$",
    re.I,
)
# a count or a sum beside another of its kind, not the whole: "another 83,000 crossed",
# "a further 17 cases", "a separate $100 million fund"
_INCREMENT_BEFORE = re.compile(
    r"\b(?:another|further|additional|extra|separate|new|supplementary|autres?|weitere|"
    r"weiteren|otros|otras|altri|altre)\s+(?:[$€£]\s?)?$",
    re.I,
)
# the whole world as a figure's scope: "killed 61 people worldwide", "around the world"
_WORLD = re.compile(
    r"\b(?:worldwide|world-wide|globally|around\s+the\s+(?:world|globe)|across\s+the\s+"
    r"(?:world|globe)|in\s+the\s+world|across\s+\d+\s+countries|in\s+(?:some\s+)?\d+\s+countries|"
    r"dans\s+le\s+monde|weltweit|en\s+el\s+mundo|nel\s+mondo)\b",
    re.I,
)
_RATE_WORDS = re.compile(
    r"\b(?:each|every|cada|ogni|chaque|jeden|jede)\s+(?:day|week|month|year|hour|minute|día|"
    r"semana|mes|año|hora|giorno|anno|ora|jour|semaine|mois|an|année|tag|woche|monat|jahr|"
    r"stunde)\b",
    re.I,
)  # "each day" is how often, not "each" of many
_UNDERGROUND = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?(?:[^\W\d]+\s+){0,2}?(?:under|below|beneath|into|sous|unter|bajo)\s+"
    r"(?:the\s+|le\s+|la\s+|dem\s+|el\s+)?(?:seabed|sea\s*floor|sea\s+bed|ocean\s+floor|"
    r"ground|earth|rock|bedrock|fond\s+marin|meeresboden|lecho\s+marino)\b",
    re.I,
)  # a depth into the ground: a well's, a mine's
# countries often written by their initials, as the page writes them (case kept)
_PLACE_ABBREVIATIONS = {
    "US": "united states", "U.S.": "united states", "USA": "united states",
    "U.S.A.": "united states", "UK": "united kingdom", "U.K.": "united kingdom",
    "UAE": "united arab emirates", "DRC": "democratic republic of the congo",
}  # fmt: skip
# a disaster that took lives: "claimed five lives", "cost 12 lives", "a coûté la vie à"
_TOOK_LIVES = re.compile(
    r"\b(?:claimed|claiming|claims|cost|costing|costs|took|taken|takes|taking|coûté|"
    r"cobró|cobrado|costato|kostete|forderte)\s+(?:the\s+|at\s+least\s+|more\s+than\s+|"
    r"about\s+|some\s+|another\s+)?$",
    re.I,
)
_RANGE_GAP = re.compile(r"^\s*(?:to|and|or|-|–|à|bis|a|e|y)?\s*[$€£]?\s*$", re.I)
_IN_ENGLISH = frozenset({"in", "across", "throughout", "within"})
WORLD = "@world"  # the scope key of a figure said of the whole world
# a place that has, reports or records the count: "The United States has ... three deaths"
_PLACE_HAS = (
    r"\s+(?:has|have|had|now\s+has|reported|reports|recorded|records|confirmed|counts|counted)\b"
)
_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "officials"])
# "..., the interior ministry said on Tuesday." and "The coast guard said that ..."
_SAID = r"(?:said|says|reported|reports|estimated|announced|confirmed|told)"
# words before "said"/"reported" that make them no credit: a clause opening on a conjunction,
# a relative clause, or a passive ("who had been reported missing")
_NOT_A_SOURCE = re.compile(
    r"^(?:after|before|when|as|while|because|since|if|until|though|although|once)\b"
    r"|\b(?:who|which|that|been|being|had|have|has|was|were|is|are)$"
    r"|\b(?:who|which)\b",
    re.I,
)
_SAID_WORD = re.compile(rf"\b{_SAID}\b|\baccording\b|\bselon\b|\bsegún\b|\blaut\b", re.I)
_SAID_AFTER = re.compile(
    rf",\s*(?:the\s+)?(?P<after>(?:[A-Za-z][\w’'-]*\s+){{0,5}}?[A-Za-z][\w’'-]*)\s+{_SAID}\b[^,]*$"
)
_SAID_BEFORE = re.compile(
    rf"^(?:the\s+)?(?P<after>[A-Z][\w’'-]*(?:\s+[\w’'-]+){{0,5}}?)\s+{_SAID}\b", re.IGNORECASE
)


# words for the same measured thing or the same kind of sum, by meaning, in the languages
# figures are read in: a clause's subject says "wind" for winds and gusts
_SUBJECT_CLASS_WORDS = {
    "wind": "wind winds gust gusts windspeed windspeeds rafale rafales vent vents böen windböen "
    "ráfagas ráfaga viento vientos raffiche raffica vento venti",
    "temperature": "temperature temperatures thermometer thermometers mercury température "
    "températures thermomètre mercure temperatur temperaturen quecksilber temperatura "
    "temperaturas termómetro termometro",
    "fire": "fire fires blaze blazes wildfire wildfires flames feu feux incendie incendies brand "
    "feuer waldbrand incendio incendios fuego llamas",
    "bridge": "bridge bridges span footbridge viaduct pont passerelle brücke puente pasarela ponte",
    "oil": "oil crude petroleum pétrole brut öl rohöl petróleo crudo petrolio greggio",
    "spill": "spill spills spilled spilt leak leaks leaked leaking slick marée fuite fuites "
    "ölteppich leck derrame fuga sversamento",
    "fine": "fine fined fines penalty penalties amende amendes amendé geldstrafe bußgeld "
    "strafzahlung multa multas multado sanción sanzione",
    "ransom": "ransom ransoms rançon lösegeld rescate riscatto",
    "aid": "aid relief assistance package aide aides hilfe hilfspaket ayuda ayudas aiuti",
    "budget": "budget budgets haushalt presupuesto bilancio",
    "deposit": "deposit deposits dépôts einlagen depósitos depositi",
    "salary": "salary salaries wage wages salaire salaires lohn löhne gehalt salario salarios "
    "stipendio",
    "bail": "bail caution kaution fianza cauzione",
    "compensation": "compensation indemnisation indemnités entschädigung indemnización "
    "risarcimento",
    "revenue": "revenue revenues sales turnover umsatz ingresos ricavi",
    "profit": "profit profits bénéfice bénéfices gewinn beneficio beneficios utile",
    "debt": "debt debts dette dettes schulden deuda deudas debito",
}
_SUBJECT_CLASSES = {w: kind for kind, text in _SUBJECT_CLASS_WORDS.items() for w in text.split()}
_SUM_KINDS = frozenset(_SUBJECT_CLASS_WORDS) - {
    "wind",
    "temperature",
    "oil",
    "spill",
    "fire",
    "bridge",
}


@dataclass(frozen=True, slots=True)
class QuantityConfig:
    """How wide the range of each kind of wording is."""

    about: float = 0.15  # "about", "around", "some": at most this share either side
    nearly: float = 0.15  # "nearly", "almost": up to this share below
    more_than: float = 0.2  # "more than", "at least": up to this share above
    less_than: float = 0.2  # "up to", "fewer than": up to this share below
    round_share: float = 0.05  # the most a round number ("2,000") may stand for either side
    same_counted: float = 0.5  # Jaccard of counted words for the same things


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure's frame: what it measures, of what, where, when, and the range it allows."""

    figure: Figure
    counted: frozenset[str]
    predicate: str | None
    unit: str | None  # the base unit when the figure's unit converts ("m" for feet)
    years: frozenset[str]
    low: float
    high: float
    dimension: str | None = None  # "depth", "magnitude", "length" ... of a measure
    scope: frozenset[str] = frozenset()  # places named in the figure's clause (folded)
    elsewhere: bool = False  # "elsewhere", "in other provinces": outside the main scope
    day: str | None = None  # the article's publication day, when known
    attributed: str | None = None  # who the figure is credited to ("the health ministry")
    subject: frozenset[str] = frozenset()  # content stems of the figure's clause
    when: frozenset[str] = frozenset()  # dates and spans stated in the clause ("P5D", a day)
    past: bool = False  # pinned to a stated year before the article's
    reference: frozenset[str] = frozenset()  # what a distance is from (folded word starts)
    lead: frozenset[str] = frozenset()  # content stems right before the figure
    modal: str | None = None  # "demanded", "offered", "foreseen": not (yet) a fact
    contextual: bool = False  # says what it is only through its clause (money, shares)
    average: bool = False  # an average or a rate ("per company", "each"), not a total
    names: frozenset[str] = frozenset()  # capitalised words inside the figure's clause
    whole: bool = False  # the total a part is of: "79 of the 150 seats"
    head: frozenset[str] = frozenset()  # the class of the counted phrase's head ("voter")
    near: frozenset[str] = frozenset()  # content stems of the last words before the figure
    around: frozenset[str] = frozenset()  # content stems of the words next to it in its clause
    part: bool = False  # named with another group: "four passengers and the pilot"
    group: bool = False  # a group's size: "a crew of eight"
    rate: str | None = None  # how often it comes: "day" for "5,000 barrels a day"
    increment: bool = False  # beside another of its kind: "another 83,000", "three more deaths"


def format_number(value: float) -> str:
    """A value as readers write it: 100,000 rather than 100000.0, 0.33 rather than 1/3."""
    if value == int(value):
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def counted_words(counts: str) -> frozenset[str]:
    """What a counted phrase counts: its content stems, a class word standing for its class
    ("ethnic Armenian residents" counts ethnic, Armenian and people)."""
    return frozenset(_PEOPLE.get(w) or _COUNTED_CLASSES.get(w) or stem(w) for w in _kept(counts))


def _kept(counts: str) -> list[str]:
    return [
        w
        for w in words(counts)
        if w not in MULTILINGUAL_STOP_WORDS
        and not w.isdigit()
        and (w not in PREDICATES or w in _COUNTED_PREDICATES)
        and w not in DIMENSIONS
    ]


def head_words(counts: str) -> frozenset[str]:
    """What a counted phrase counts by its head noun's class, when it has one: "registered
    voters cast" counts voters, "homes without power" homes; a capitalised word stays ("British
    fans" are not all fans). Empty when no word of the phrase has a class."""
    kept = _kept(counts)
    classes = {_PEOPLE.get(w) or _COUNTED_CLASSES.get(w) for w in kept} - {None}
    if not classes:
        return frozenset()
    named = {  # "British fans", not German nouns ("Menschen") that are a class themselves
        stem(w.lower())
        for w in counts.split()
        if w[:1].isupper()
        and w.lower() in kept
        and w.lower() not in _COUNTED_CLASSES
        and w.lower() not in _PEOPLE
    }
    return frozenset({c for c in classes if c} | named)


def sentence_years(times: list[TimeExpression], sentence: str) -> frozenset[str]:
    """The years that the dates written in `sentence` fall in."""
    return frozenset(
        m.group(1)
        for t in times
        if t.kind == "DATE" and t.sentence == sentence and (m := _YEAR.match(t.value))
    )


def quantity(
    figure: Figure,
    years: frozenset[str] = frozenset(),
    config: QuantityConfig | None = None,
    places: Sequence[Entity] = (),
    day: str | None = None,
    when: Sequence[str] = (),
    year: str | None = None,
) -> Quantity:
    """The frame of a figure, with the value range its wording allows.

    `places` are the article's places (their names and aliases give the scope), `day` its
    publication day, `when` the dates and spans written in the figure's clause, `year` the
    year the figure is read in when the article has no day (the story's latest).
    """
    config = config or QuantityConfig()
    figure = bounded(figure)
    predicate = figure_predicate(figure)
    counted = counted_words(figure.counts or "")
    head = head_words(figure.counts or "")
    if figure.unit in MONEY or figure.unit == "percent":
        if predicate in _HUMAN:
            predicate = None  # "withdrew $42 billion, leaving it ...": no one left
        if predicate == "turnout":  # the share of voters who voted, of whatever electorate
            counted = head = frozenset({"voter"})
    elif not counted and predicate in (*_HUMAN, "attended"):  # "237 morts", "the crowd at 45,000"
        counted = head = frozenset({"people"})
    low, high = value_range(figure, config)
    unit, dimension = figure.unit, figure_dimension(figure)
    if unit in _BASE_UNITS:
        unit, factor = _BASE_UNITS[unit]
        low, high = low * factor, high * factor
        # "17.9 km" counts no things: its dimension says what it is; "a 22-foot vessel" sizes one
        counted = _sized(figure) if dimension == "size" else frozenset()
        head = frozenset()
    elif unit == "°F":
        unit, low, high = "°C", (low - 32) * 5 / 9, (high - 32) * 5 / 9
    if dimension is not None:
        predicate = None  # "a 13,000-foot plunge" is a depth, whatever fell
    clause = figure_clause(figure)
    at = locate(figure)
    near = (
        words(figure.sentence[max(0, at - 40) : at])
        + words(figure.sentence[at : at + len(figure.text) + 60])[:8]
    )  # "200 people elsewhere in the country", "in other provinces, 300"
    day = day[:10] if day else None
    return Quantity(
        figure,
        counted,
        predicate,
        unit,
        years,
        low,
        high,
        dimension,
        place_scope(figure, clause, places),
        bool(set(near) & _ELSEWHERE),
        day,
        figure_attribution(figure),
        _subject(figure, clause),
        frozenset(when),
        bool(years and (now := day[:4] if day else year) and max(years) < now),
        distance_reference(figure)
        if dimension == "distance"
        else depth_reference(figure, dimension),
        _lead(figure, clause),
        _modal(figure, clause),
        _contextual(unit, predicate, dimension),
        _is_average(figure, near),
        _names(clause),
        is_whole(figure),
        head,
        _near(clause[: max(clause.find(figure.text), 0)]),
        _around(figure, clause),
        with_others(figure),
        bool(_GROUP_OF.search(figure.sentence[max(0, at - 40) : max(at, 0)])),
        figure_rate(figure),
        is_increment(figure),
    )


def _is_average(figure: Figure, near: list[str]) -> bool:
    """Whether the words near a figure make it an average or a share per item ("per company",
    "each"); "each day" after it says how often, not of how many."""
    said = set(near) & _AVERAGE
    if not said:
        return False
    at = max(locate(figure), 0)
    end = at + len(figure.text)
    following = _A_NUMBER_RE.search(figure.sentence, end)  # "two in the US, and one each"
    if following and _RANGE_GAP.match(figure.sentence[end : following.start()]):
        following = _A_NUMBER_RE.search(figure.sentence, following.end())  # "$1bn to $3bn each"
    preceding = [m.end() for m in _A_NUMBER_RE.finditer(figure.sentence, max(0, at - 40), at)]
    own = (
        words(figure.sentence[preceding[-1] if preceding else max(0, at - 40) : at])
        + words(figure.sentence[end : following.start() if following else end + 80])[:8]
    )
    said &= set(own)
    often = _RATE_WORDS.search(figure.sentence[at : end + 80])
    return bool(said) and not (
        often and said <= {"each", "cada", "ogni", "chaque", "jeden", "jede"}
    )


def bounded(figure: Figure) -> Figure:
    """The figure with its sentence cut to a window around it when the sentence is run-on text.

    A frame reads the words near its figure; a 100,000-character "sentence" (a page with no
    full stops) would otherwise be read whole for each of its figures.
    """
    if len(figure.sentence) <= _LONG_SENTENCE:
        return figure
    at = max(locate(figure), 0)
    half = _LONG_SENTENCE // 2
    window = figure.sentence[max(0, at - half) : at + len(figure.text) + half]
    return replace(figure, sentence=window)


def figure_clause(figure: Figure) -> str:
    """The clause of the sentence that holds the figure ("..., while 1,500 died in X")."""
    sentence = figure.sentence
    at = locate(figure)
    if at < 0:
        return sentence
    start, end = 0, len(sentence)
    for match in _CLAUSE.finditer(sentence):
        if match.end() <= at:
            start = match.end()
        elif match.start() >= at + len(figure.text):
            end = match.start()
            break
    return sentence[start:end]


def figure_dimension(figure: Figure) -> str | None:
    """What a measure measures ("depth", "magnitude", "size"), from the words next to it.

    A length written before a noun ("a 22-foot vessel") is that thing's size; a length after
    "à"/"a" (French, Spanish, Italian "à 60 km de") a distance.
    """
    sentence = figure.sentence
    at = locate(figure)
    if at < 0:
        return None
    end = at + len(figure.text)
    before = words(sentence[max(0, at - 60) : at])[-3:]
    rest = _PARENTHESIS.sub(" ", sentence[end : end + 80])  # "18 km (11 miles) deep"
    after = [w for w in words(rest) if unit_name(w) not in _BASE_UNITS][:3]
    length = figure.unit in _BASE_UNITS and _BASE_UNITS[figure.unit][0] == "m"
    if figure.unit is not None and figure.unit not in _BASE_UNITS:
        return _UNIT_DIMENSIONS.get(figure.unit)  # a percentage or a sum has no depth
    nearest = [w for pair in zip_longest(after, reversed(before)) for w in pair if w]
    for word in nearest:
        kind = DIMENSIONS.get(word)
        if (
            kind
            and (kind == "magnitude") == (figure.unit is None)
            and (kind != "distance" or length)
        ):
            return kind
    if length and before[-1:] in (["à"], ["a"]):
        return "distance"
    if length and set(before[-2:]) & _FALL_VERBS:  # "fell 80 metres", "plunged about 50 metres"
        return "drop"
    if length and re.match(r"-\w+\s+[^\W\d]", sentence[end:]):
        return "size"
    family = _BASE_UNITS[figure.unit][0] if figure.unit in _BASE_UNITS else figure.unit
    return _UNIT_DIMENSIONS.get(family or "")


def _sized(figure: Figure) -> frozenset[str]:
    """What a size is of: the words after "22-foot" in "the 22-foot tourist vessel", less
    names ("the 30-metre Ferr barge" sizes a barge, not whatever else Ferr names)."""
    at = locate(figure)
    rest = _PARENTHESIS.sub(" ", figure.sentence[at + len(figure.text) :])
    following = re.findall(r"[^\W\d_][\w’'-]*", rest)[1:3]
    return _stems(" ".join(w for w in following if not w[:1].isupper()))


def _subject(figure: Figure, clause: str) -> frozenset[str]:
    """What a figure is about: content stems of its clause between the numbers around it.

    In "the healthcare sector lost $64.6 million, followed by banking at $71.8 million" the
    first figure is about the healthcare sector, the second about banking.
    """
    at = clause.find(figure.text)
    if at < 0:
        return _stems(clause)
    end = at + len(figure.text)
    before = [m.end() for m in _NUMBER.finditer(clause, 0, at)]
    after = _NUMBER.search(clause, end)
    following = clause[end : after.start() if after else len(clause)].split(",")[0]
    return _stems(clause[before[-1] if before else 0 : at]) | _stems(following)


def shared_subject(a: Quantity, b: Quantity) -> bool:
    """Whether two frames' clauses speak of the same thing: two stems in common, or most;
    or the same words right before both figures ("the shares fell 7% in early trading" and
    "its shares dropped 12 percent")."""
    if _shared(a.subject, b.subject) or bool(a.lead and a.lead == b.lead):
        return True
    # a measure in its own unit (°C, km/h, tonnes) of the thing named right before it:
    # "temperatures hit 44.5C", "the thermometer climbed to 46 degrees"
    return a.dimension in _UNIT_DIMENSIONS.values() and bool(a.near & b.near)


def sum_kinds(q: Quantity) -> frozenset[str]:
    """What kind of sum a money figure's clause names: a fine, a ransom, aid, a budget ..."""
    return q.subject & _SUM_KINDS if q.unit in MONEY else frozenset()


def _shared(a: frozenset[str], b: frozenset[str]) -> bool:
    shared = len(a & b)
    return shared >= 2 or (shared == 1 and shared / len(a | b) >= 0.5)


def _near(before: str) -> frozenset[str]:
    """The thing named right before a figure: content stems of the last three content words
    ("the blaze has burned 1,800 hectares" gives fire and burn)."""
    content = [w for w in words(before) if w not in MULTILINGUAL_STOP_WORDS and w.isalpha()]
    return _stems(" ".join(content[-3:]))


def _around(figure: Figure, clause: str, reach: int = 3) -> frozenset[str]:
    """What the words next to a figure say it is: content stems of the last `reach` content
    words before it and the first `reach` after it, inside its clause ("crews hauled 25 tonnes
    of dead fish from the beach" gives crew, haul, dead, fish, beach); a comma or a word of
    saying ends the words after it ("..., the council said")."""
    at = clause.find(figure.text)
    if at < 0:
        return frozenset()
    head, tail = clause[:at].rsplit(",", 1)[-1], clause[at + len(figure.text) :].split(",")[0]
    before = [w for w in _WORD.findall(head) if _stems(w)][-reach:]
    after = [w for w in _WORD.findall(_SAID_WORD.split(tail)[0]) if _stems(w)][:reach]
    return _stems(" ".join(before + after))


def with_others(figure: Figure) -> bool:
    """Whether a count is named with another group, so a part of those present ("four
    passengers and the pilot", "420 passengers and 85 crew", "six people from the crew"), or
    with another count as one of two ("two or three fans")."""
    at = locate(figure)
    if at < 0 or figure.unit is not None:
        return False
    rest = figure.sentence[at + len(figure.text) :]
    if _OR_BEFORE.search(figure.sentence[max(0, at - 30) : at]) or _OR_AFTER.match(rest):
        return True  # "two or three fans": neither is the count
    counts = (figure.counts or "").strip()
    if counts and rest.lstrip().startswith(counts):
        rest = rest.lstrip()[len(counts) :]
    return bool(_WITH_OTHERS.match(rest))


def _names(clause: str) -> frozenset[str]:
    """Capitalised words inside a clause (not its first): who or what it names."""
    found = re.findall(r"(?<=[\w,;] )[A-Z][\w’'-]+", clause.strip())
    return frozenset(fold(w) for w in found if not _WHEN_WORD.fullmatch(w))  # not "Monday"


def _modal(figure: Figure, clause: str) -> str | None:
    """Whether a figure is asked for, offered or foreseen rather than stated as done."""
    at = max(clause.find(figure.text), 0)
    near = words(clause[max(0, at - 60) : at])[-6:] + words(clause[at + len(figure.text) :])[:3]
    for word in near:
        if word in MODALS:
            return MODALS[word]
    return None


def _lead(figure: Figure, clause: str) -> frozenset[str]:
    """Content stems right before a figure in its clause, back to the previous number."""
    at = clause.find(figure.text)
    before = [m.end() for m in _NUMBER.finditer(clause, 0, max(at, 0))]
    return _stems(clause[before[-1] if before else 0 : max(at, 0)])


def _stems(text: str) -> frozenset[str]:
    return frozenset(
        _SUBJECT_CLASSES.get(w) or stem(w)
        for w in words(text)
        if w not in MULTILINGUAL_STOP_WORDS
        and w.isalpha()
        and (w not in PREDICATES or w in _SUBJECT_CLASSES)  # "leaked" is what, and the spill
        and w not in DIMENSIONS
        and w not in _NUMBER_WORDS
        and unit_name(w) not in _BASE_UNITS
        and len(w) > 2
    )


def depth_reference(figure: Figure, dimension: str | None) -> frozenset[str]:
    """What a depth is measured from when it is not the water's: "2.5 miles under the seabed"
    (into the ground) is no depth of water such as "5,000 feet deep"."""
    if dimension != "depth":
        return frozenset()
    at = locate(figure)
    rest = figure.sentence[at + len(figure.text) : at + len(figure.text) + 80]
    return frozenset({"ground"}) if _UNDERGROUND.match(rest) else frozenset()


def distance_reference(figure: Figure) -> frozenset[str]:
    """What a distance is measured from: the first words after it, folded and cut short."""
    at = locate(figure)
    rest = _PARENTHESIS.sub(" ", figure.sentence[at + len(figure.text) :])
    found: list[str] = []
    for word in words(fold(rest).replace("'", " ")):
        if len(found) == 6 or _NUMBER.match(word):
            break
        if (
            word not in MULTILINGUAL_STOP_WORDS
            and word not in DIMENSIONS
            and unit_name(word) not in _BASE_UNITS
        ):
            found.append(word[:4])
    return frozenset(found)


def is_whole(figure: Figure) -> bool:
    """Whether a figure is the total that a part before it is of: "79 of the 150 seats"."""
    at = locate(figure)
    return at > 0 and bool(_OF_THE.search(figure.sentence[max(0, at - 40) : at]))


def superseded(figure: Figure) -> bool:
    """Whether the figure's own sentence withdraws it or leaves it behind: "initially said 60 ...,
    later revised the figure to 45", "An earlier version of this article said 60", "fell from
    8.2% to 7.5%"."""
    at = locate(figure)
    if at < 0:
        return False
    before, after = figure.sentence[:at], figure.sentence[at + len(figure.text) :]
    return bool(
        _EARLIER_VALUE.search(before[-60:])
        or _EARLIER_VERSION.search(before)
        or (_EARLIER.search(before[-80:]) and _REVISED.search(after))
        or (_CHANGED_FROM.search(before[-60:]) and _CHANGED_TO.match(after))
    )


def is_conversion(figure: Figure) -> bool:
    """Whether a figure only restates the one before it in another unit: "18 km (11 miles)",
    "$3bn (£2bn)"."""
    at = locate(figure)
    if at <= 0:
        return False
    before = figure.sentence[max(0, at - 60) : at]
    if figure.unit in MONEY:
        return bool(_MONEY_CONVERSION.search(before))
    return figure.unit in _BASE_UNITS and bool(_CONVERSION.search(before))


def is_denominator(figure: Figure) -> bool:
    """Whether a number is a rate's base rather than a count: "four in every 1,000 infected",
    "3 deaths per 100,000 people"."""
    at = locate(figure)
    return at > 0 and bool(_DENOMINATOR.search(figure.sentence[max(0, at - 30) : at]))


def figure_rate(figure: Figure) -> str | None:
    """How often an amount comes, when its words say: "day" for "5,000 barrels a day", "a
    daily leak of 35,000 barrels" or "1.6 million bpd"; "year" for "$5 billion per year"."""
    at = locate(figure)
    if at < 0 or figure.unit in ("km/h", "mph", "knot"):
        return None  # "175 kilometres per hour" is a speed, not an amount each hour
    after = figure.sentence[at + len(figure.text) :]
    match = _RATE_AFTER.match(after)
    counts = (figure.counts or "").strip()
    if match is None and counts and after.lstrip().startswith(counts):
        match = _RATE_AFTER.match(after.lstrip()[len(counts) :])
    if match is None:
        match = _RATE_BEFORE.search(figure.sentence[max(0, at - 50) : at])
    if match is None:
        return None
    unit = (match.groupdict().get("short") or match.group("unit")).lower()
    return _RATE_UNITS.get(unit, unit)


def is_increment(figure: Figure) -> bool:
    """Whether a figure is an amount beside another of its kind rather than the whole:
    "another 83,000 crossed", "a further 17 cases", "a separate $100 million fund"."""
    at = locate(figure)
    return at >= 0 and bool(_INCREMENT_BEFORE.search(figure.sentence[max(0, at - 30) : at]))


def figure_attribution(figure: Figure) -> str | None:
    """Whom a figure is credited to: "7.4 by the national agency", else its sentence's source."""
    at = locate(figure)
    if at >= 0:
        match = _BY.match(figure.sentence, at + len(figure.text))
        if match and not _WHEN_WORD.match(match.group("after")):  # "rose to 12,391 by Thursday"
            name = match.group("after").split()[:6]
            while name and name[-1] in ("and", "of", "for", "de", "du", "des", "la"):
                name.pop()
            return " ".join(name).rstrip(".")
    return attribution(figure.sentence)


def attribution(sentence: str) -> str | None:
    """Who a sentence credits its facts to: "according to the ministry" gives "ministry"."""
    match = (
        _ATTRIBUTION.search(sentence)
        or _SAID_AFTER.search(sentence)
        or _SAID_BEFORE.search(sentence)
    )
    if match is None:
        return None
    who = " ".join(match.group("after").split()[:6]).strip(" \"'”“»«")
    if _NOT_A_SOURCE.search(who):  # "after several people who had been reported missing"
        return None
    return None if not who or who.lower() in _PRONOUNS else who


def _scope(clause: str, places: Sequence[Entity]) -> frozenset[str]:
    """Where a figure's count happened: places the clause puts it "in", as folded name starts.

    "killed in Turkey and Syria" is scoped to both; "fled to Armenia" names a destination,
    not where the count was made.
    """
    folded = fold(clause)
    found: set[str] = set()
    for place in places:
        for name in (place.name, *place.aliases):
            if name in _PLACE_ABBREVIATIONS:  # "the US": matched as written, not the word "us"
                matches = re.finditer(rf"(?<![\w.]){re.escape(name)}(?!\w)", clause)
                text, key = clause.lower(), _PLACE_ABBREVIATIONS[name]
            else:
                key = fold(name)
                if len(key) < 3:
                    continue
                matches = re.finditer(rf"\b{re.escape(key)}\b", folded)
                text = folded
            for match in matches:
                before = words(text[max(0, match.start() - 40) : match.start()])[-4:]
                if name in _PLACE_ABBREVIATIONS:  # "in the US", not "a ... for US air strikes"
                    before = [w for w in before[-2:] if w in _IN_ENGLISH]
                if before and before[-1] not in _MOTION and _LOCATIVE & set(before):
                    found.add(place_key(key))
                    break
    return frozenset(found)


def place_key(name: str) -> str:
    """A place's key: the first letters of each of its words ("Syria" and "Syrie" share
    "syria"; "United States" and "United Kingdom" stay apart)."""
    return " ".join(w[:_PLACE_PREFIX] for w in fold(name).split())


def place_scope(figure: Figure, clause: str, places: Sequence[Entity]) -> frozenset[str]:
    """Where a figure's count was made: the places its clause puts it "in" (`_scope`), else the
    whole world when the clause says so ("61 deaths worldwide"), else a place the sentence
    before it names as having or reporting it ("The United States has ... three deaths")."""
    after, before = _between_numbers(figure, clause)
    scope = _scope(after, places) or _scope(before, places) or _scope(clause, places)
    if scope:
        return scope
    if _WORLD.search(clause):
        return frozenset({WORLD})
    at = locate(figure)
    if at <= 0:
        return frozenset()
    before = fold(figure.sentence[max(0, at - 200) : at])
    found: list[tuple[int, str]] = []
    for place in places:
        for name in (place.name, *place.aliases):
            key = fold(name)
            if len(key) < 3:
                continue
            for match in re.finditer(rf"\b{re.escape(key)}{_PLACE_HAS}", before):
                found.append((match.start(), place_key(key)))
    return frozenset({max(found)[1]}) if found else frozenset()


def _between_numbers(figure: Figure, clause: str) -> tuple[str, str]:
    """The parts of a clause that are the figure's own: from it to the next number, and from
    the number before it to it ("12 people have died in the United States and two have died
    in Canada": the 12 died in the United States)."""
    at = clause.find(figure.text)
    if at < 0:
        return clause, ""
    end = at + len(figure.text)
    before = [m.end() for m in _A_NUMBER_RE.finditer(clause, 0, at)]
    after = _A_NUMBER_RE.search(clause, end)
    return clause[at : after.start() if after else len(clause)], clause[
        before[-1] if before else 0 : at
    ]


def locate(figure: Figure) -> int:
    """Where a figure's text stands in its sentence (not inside a longer number); -1 if lost."""
    match = re.search(
        rf"(?<![\w.,]){re.escape(figure.text)}(?![\d]|[.,]\d)", figure.sentence, re.IGNORECASE
    )
    return match.start() if match else figure.sentence.find(figure.text)


def figure_predicate(figure: Figure) -> str | None:
    """What happened to what the figure counts, from the words around it; None if unsaid."""
    at = locate(figure)
    lives = words(figure.counts or "")[:1] in (["lives"], ["vies"], ["vidas"], ["vite"])
    if lives and at > 0 and _TOOK_LIVES.search(figure.sentence[max(0, at - 40) : at]):
        return "killed"  # "the landslide claimed five lives": no lives lived
    for word in words(figure.counts or ""):
        if word in PREDICATES:
            return PREDICATES[word]
    sentence = figure.sentence
    at = locate(figure)
    if at < 0:
        return None
    after = _STOP_AFTER.split(sentence[at + len(figure.text) :], maxsplit=1)[0]
    after = _SUBORDINATE.split(after, maxsplit=1)[0]  # "48 passengers when it left the road"
    phrase = _phrase_predicate(sentence[max(0, at - 40) : at], after[:60])
    if phrase:
        return phrase
    right_before = words(sentence[max(0, at - 40) : at])[-1:]
    if right_before in (["forced"], ["drove"], ["chassé"]) and _FROM_HOMES.match(after):
        return "fled"  # "forced 75,000 people from their homes"
    if right_before and right_before[0] in PREDICATES:  # "killing at least 820 people and ..."
        return _BEFORE_ONLY.get(right_before[0], PREDICATES[right_before[0]])
    for word in words(after)[:_AFTER_WINDOW]:
        if word in PREDICATES:
            return PREDICATES[word]
    for word in reversed(words(sentence[:at])[-_BEFORE_WINDOW:]):
        if word in PREDICATES:
            return _BEFORE_ONLY.get(word, PREDICATES[word])
    if _ABOARD.search(after[:60]) or _ABOARD.search(sentence[max(0, at - 30) : at]):
        return "aboard"  # "carrying 48 passengers", "52 people on board"
    return None


def _phrase_predicate(before: str, after: str) -> str | None:
    """What happened, when a phrase says it: the nearest phrase after the figure, else before.

    A vote's two sides: "212 votes in favour", "by 198 votes to 143" (198 for, 143 against).
    """
    side = _vote_side(before, after) if _VOTE.search(before + after) else None
    if side:
        return side
    # a phrase after the figure, unless a predicate word comes first: "seven people have been
    # killed and more than 50 taken to hospital" are killed
    word = next((m.start() for m in _WORD.finditer(after) if m.group().lower() in PREDICATES), None)
    found = [
        (m.start(), kind)
        for pattern, kind in _PREDICATE_PHRASES
        if (m := pattern.search(after)) and (word is None or m.start() <= word)
    ]
    if found:
        return min(found)[1]
    found = [(m.end(), kind) for pattern, kind in _PREDICATE_PHRASES
             for m in pattern.finditer(before)]  # fmt: skip
    return max(found)[1] if found else None


def _vote_side(before: str, after: str) -> str | None:
    """Which side of a vote a count is: "voted for", "in favour" or "against"."""
    if _VOTE_TO.match(after):
        return "voted for"  # "passed by 198 votes to 143"
    if _VOTE_FROM.search(before):
        return "voted against"
    head = after[:40]
    if _AGAINST.search(head):
        return "voted against"
    if _FOR.search(head):
        return "voted for"
    return None


def value_range(figure: Figure, config: QuantityConfig) -> tuple[float, float]:
    """The lowest and highest value a figure's wording allows."""
    value = figure.value
    qualifier = figure.qualifier
    if figure.upper is not None:  # a vague amount read as a range: "thousands of"
        return value, figure.upper
    if _VAGUE.search(figure.text) and not _NUMBER.search(figure.text):
        # "tens of thousands" = 10,000 up to 100,000; "2 millions" (French) is two million
        return value, value * 10
    if qualifier in ("more than", "at least"):
        return value, value * (1 + config.more_than)
    if qualifier in ("up to", "less than", "at most"):
        return value * (1 - config.less_than), value
    if qualifier == "nearly":  # "nearly 13,000": under it, by less than its rounding
        return value - min(_rounding(value), config.nearly * abs(value)), value
    if qualifier == "about" or figure.approximate:
        half = min(_rounding(value), config.about * abs(value))
        return value - half, value + half
    return _round_range(value, config.round_share, count=figure.unit is None)


def _rounding(value: float) -> float:
    """Half the place of a number's last significant digit: 13,000 -> 500, 7.8 -> 0.05."""
    text = f"{abs(value):.6f}".rstrip("0")
    whole, _, decimals = text.partition(".")
    if decimals:
        return 0.5 * 10 ** -len(decimals)
    zeros = len(whole) - len(whole.rstrip("0"))
    return 0.5 * 10**zeros


def _round_range(value: float, share: float, count: bool = False) -> tuple[float, float]:
    """A written number stands for what rounds to it: 2,000 for 1,900-2,100 at most; a count
    under a hundred stands for itself ("80 deaths" and "83 deaths" are two counts), a measure
    ("20 miles") for what rounds to it."""
    if value != int(value) or value == 0:
        return value, value
    digits = str(int(abs(value)))
    zeros = len(digits) - len(digits.rstrip("0"))
    if count and abs(value) < 100:
        zeros = 0
    half = min(0.5 * 10**zeros, share * abs(value)) if zeros else 0.0
    return value - half, value + half


def same_quantity(a: Quantity, b: Quantity, config: QuantityConfig | None = None) -> bool:
    """Whether two frames measure the same thing (so differing values would conflict)."""
    config = config or QuantityConfig()
    if {a.dimension, b.dimension} == {"size", "length"} and a.unit == b.unit:
        # "the 380-metre bridge" and "the span, 380 metres long": the length of the same thing
        sized, long = (a, b) if a.dimension == "size" else (b, a)
        return bool(sized.counted & (long.subject | long.counted)) and sized.modal == long.modal
    if a.unit != b.unit or a.dimension != b.dimension or a.modal != b.modal:
        return False  # a pay rise demanded is not the one agreed
    if a.whole != b.whole:
        return False  # "79 of the 150 seats": the 150 is all the seats, not the party's
    if a.average != b.average:
        return False  # "$143 million per airline" is not the airlines' "$860 million"
    if a.rate != b.rate or a.increment != b.increment:
        return False  # 2.5 million gallons a day is no total spilled; "a further 17" no total
    sum_or_share = a.unit in MONEY or a.unit == "percent"
    said_of_share = {a.predicate, b.predicate} & _SHARE_PREDICATES  # turnout is no vote share
    lenient = sum_or_share and None in (a.predicate, b.predicate) and not said_of_share
    if a.predicate != b.predicate and not lenient:
        return False  # "lost $1.1 billion" and "followed by banking at $71.8 million" may meet
    stated_year = (a.years and b.years and not a.years & b.years) or a.past != b.past
    if stated_year and a.dimension not in _TIMELESS:  # "the 380-metre bridge, built in 1968"
        return False
    if not _same_time(a.when, b.when):
        return False  # "over two days" and "over five days", "Saturday's match" and "Sunday's"
    if a.elsewhere != b.elsewhere:
        return False
    if a.dimension in (None, "distance") and a.scope and b.scope and not a.scope & b.scope:
        return False  # the dead in one country and in another; distances from two places
    if a.dimension == "distance" and not a.reference & b.reference:
        return False  # 90 km from a border, 33 km from a city
    if a.dimension == "depth" and a.reference != b.reference:
        return False  # a well's depth under the seabed is not the water's depth
    if a.dimension == "size":  # "a 22-foot vessel": the size of the same thing
        return bool(a.counted & b.counted or a.scope & b.scope)
    kinds = (sum_kinds(a), sum_kinds(b))
    if all(kinds) and a.predicate == b.predicate:
        # "fined the company €45 million" and "a penalty of 60 million euros": the same kind of
        # sum, unless the clauses name different bearers ("Alvar was fined ..., Bellis ...")
        return bool(kinds[0] & kinds[1]) and not (a.names and b.names and not a.names & b.names)
    if (needs_subject(a) or needs_subject(b)) and not (
        shared_subject(a, b) or ((a.unit in MONEY or a.unit == "percent") and a.counted & b.counted)
    ):
        return False  # "the banking sector lost $1.1 billion", "the healthcare sector lost ..."
    if a.dimension in _TIMELESS and not shared_subject(a, b):
        return False  # a thing's size is its own: "the dam is 46 metres high", "the water rose
        # as high as three metres"
    if a.dimension is not None:
        return True  # "a depth of 17.9 km" and "7 km deep"
    if (
        a.unit == "percent"
        and a.predicate in (None, *CONTEXT_PREDICATES)
        and not _shared(a.lead, b.lead)
    ):
        return False  # "two sectors account for 57% of the total", "10% to 20% of the total"
    if not a.counted or not b.counted:  # a unit alone says what it is with a predicate, or
        # when the clauses speak of one thing: "a ransom of $5 million", "turnout was 54%"
        return (
            a.unit is not None
            and a.counted == b.counted
            and (a.predicate is not None or (needs_subject(a) and shared_subject(a, b)))
        )
    heads = (a.head or a.counted, b.head or b.counted)
    everyone = _everyone(*heads) or _everyone(heads[1], heads[0])
    if everyone and (a.part or b.part):
        return False  # "420 passengers and 85 crew" are not the "505 people on board"
    if everyone or (a.head and a.head == b.head):
        return True  # "52 people on board" and "48 passengers"; "homes" and "households"
    shared = len(a.counted & b.counted) / len(a.counted | b.counted)
    return shared >= config.same_counted


def compatible(a: Quantity, b: Quantity) -> bool:
    """Whether two frames could measure one thing, whatever their clauses say it is: the same
    unit, dimension, modality, kind of total, time, place and, when both say one, the same
    predicate and kind of sum ("killed" and "injured" never meet; nor a fine and a ransom).

    What the figures count is left to the clauses' words (`what_words`), compared by the caller.
    """
    if a.unit != b.unit or a.dimension != b.dimension or a.modal != b.modal:
        return False
    if a.whole != b.whole or a.average != b.average or a.elsewhere != b.elsewhere:
        return False
    if a.rate != b.rate or a.increment != b.increment:
        return False
    if a.part or b.part or a.group != b.group:
        return False  # "four passengers and the pilot" are not all of the five on board; "a
        # crew of eight" sizes a group that "six workers" may be part of
    if a.predicate != b.predicate and (
        (a.predicate and b.predicate) or {a.predicate, b.predicate} & _FATES
    ):
        return False  # "killing six workers" is a part of "a crew of eight workers"
    if {a.predicate, b.predicate} & _SHARE_PREDICATES and a.predicate != b.predicate:
        return False  # a vote's side or a turnout says what it is of
    stated_year = (a.years and b.years and not a.years & b.years) or a.past != b.past
    if (stated_year and a.dimension not in _TIMELESS) or not _same_time(a.when, b.when):
        return False
    if a.scope and b.scope and not a.scope & b.scope:
        return False
    if a.dimension == "distance" and not a.reference & b.reference:
        return False
    if a.dimension == "depth" and a.reference != b.reference:
        return False
    kinds = (sum_kinds(a), sum_kinds(b))
    if all(kinds) and not kinds[0] & kinds[1]:
        return False
    return not (a.contextual and a.names and b.names and not a.names & b.names)


def what_words(q: Quantity) -> frozenset[str]:
    """What a frame says it counts or measures, as features to weigh by rarity: the content
    stems next to the figure, the counted words, the class of the counted head ("#worker" for jobs,
    staff, postes) and the predicate ("@killed")."""
    classes = {f"#{h}" for h in q.head}
    said = {f"@{q.predicate}"} if q.predicate else set()
    return (q.counted | q.around | classes | said) - _GENERIC  # "people" says little


def _same_time(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether the dates and the spans two clauses state allow one time: spans ("P5D") must
    meet; dates ("2025-05-10", "1999") must meet or hold one another ("1999" holds 17 Aug)."""
    spans = ({x for x in a if _DURATION.match(x)}, {x for x in b if _DURATION.match(x)})
    if all(spans) and not spans[0] & spans[1]:
        return False
    # "now" (PRESENT_REF) and other unanchored values say no day
    days = (
        {x for x in a - spans[0] if x[:1].isdigit()},
        {x for x in b - spans[1] if x[:1].isdigit()},
    )
    return not all(days) or any(
        x.startswith(y) or y.startswith(x) for x in days[0] for y in days[1]
    )


def _everyone(people: frozenset[str], present: frozenset[str]) -> bool:
    """Whether "people" stands for all those present: passengers and crew, fans, marchers
    (a crew alone is a part of those on board: "killing two crewmembers and 10 citizens")."""
    return people == {"people"} and present <= _EVERYONE_PRESENT and present != {"crew"}


def needs_subject(q: Quantity) -> bool:
    """Whether a frame says what it is only through its clause: money, shares, prices."""
    return q.contextual


def _contextual(unit: str | None, predicate: str | None, dimension: str | None) -> bool:
    return (
        ((unit in MONEY or unit == "percent") and predicate is None)
        or predicate in CONTEXT_PREDICATES
        or dimension in _UNIT_DIMENSIONS.values()
    )


def frame_words(q: Quantity) -> frozenset[str]:
    """The words that say what a frame is about: its subject, what it counts, its origin."""
    return q.subject | q.counted | q.reference | q.scope


def agree(a: Quantity, b: Quantity) -> bool:
    """Whether the value ranges of two figures overlap ("about 100,000" and "over 100,000")."""
    return a.low <= b.high and b.low <= a.high


def duration_range(value: str) -> tuple[float, float] | None:
    """The days a TimeML duration ("P6W", "P44D", "PT24H") allows, give or take rounding."""
    match = _DURATION.match(value)
    if match is None:
        return None
    amount, unit = float(match.group(1)), match.group(2)
    if unit == "M" and value.startswith("PT"):
        return None  # minutes
    days = _DAYS[unit]
    return (amount - 0.5) * days, (amount + 0.5) * days
