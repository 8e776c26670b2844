"""Direct quotes and their speakers: quoted spans (`quotemarks`) read with `attribution`.

Only text inside quotation marks is a quote; reported speech never is. Quotes may span
sentences or paragraphs, be split by an attribution ("A,” he said, “B.”), or be fragments
inside reported speech (partial quotes). Titles of works, nicknames and scare quotes (one to
three words with no speaker, or written in title case, or after "called", "dubbed") are not
quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import dropwhile
from typing import NamedTuple

from newsweave.extract import attribution as at
from newsweave.extract.names import surname
from newsweave.extract.quotemarks import QuotedSpan, find_quoted
from newsweave.model import Quote
from newsweave.text import MULTILINGUAL_STOP_WORDS, VERB_FORMS, sentence_spans, wording_key

_SENTENCE_END = re.compile(  # the stop first: the look-behinds (abbreviations) run only on it
    # an initial ("J. Smith") or a title or month abbreviation ends no sentence; a short
    # surname does ('said Ana Li. Tom Ekk disagreed')
    r"[.!?](?<![A-Z][.!?])"
    rf"(?<!\b(?:{'|'.join(a for a in at.ABBREVIATIONS if len(a) == 2)})[.])"
    rf"(?<!\b(?:{'|'.join(a for a in at.ABBREVIATIONS if len(a) == 3)})[.])"
    rf"(?<!\b(?:{'|'.join(a for a in at.ABBREVIATIONS if len(a) == 4)})[.])"
    r"(?=\s|$)"
)
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[\w,;:’'] )[A-ZÀ-Ý][\w’'-]+")
_ALONE_CAPITAL = re.compile(  # one capitalised word between lower-case ones or punctuation
    r"(?<![\w’'-])[a-zà-ÿ0-9][\w’'-]*[,;:]? ([A-ZÀ-Ý][\w’'-]+)"
    r"(?=[’']s\b|[,.;:!?)”\"»]|\s+[a-zà-ÿ(—–-]|$)"
)
_NAMING = re.compile(
    r"\b(?:called|dubbed|named|nicknamed|known\s+as|so-called|titled|entitled|"
    r"surnommée?|appelée?|genannt|sogenannte[nmrs]?|llamad[oa]|conocid[oa]\s+como)\s*$",
    re.IGNORECASE,
)
# the naming words before a name whoever the sentence's speaker is ("called" may introduce a
# speaker's own words: 'what Ekk once called "the worst idea"')
_KNOWN_AS = re.compile(
    r"\b(?:dubbed|nicknamed|known\s+as|so-called|titled|entitled|surnommée?|genannt|"
    r"sogenannte[nmrs]?|conocid[oa]\s+como)\s*$",
    re.IGNORECASE,
)
_NOBODY = ""  # an attribution was read and names no one: look no further
# the roles a text names speakers by ("the harbour master said"): a later role word to trust
_DEFINITE = re.compile(
    r"\bthe ((?:[a-zà-ÿ][\w’'-]* ){0,2}[a-zà-ÿ][\w’'-]*) (?:said|says|told|added|wrote|noted)\b"
)
# the last word of a name of two capitalised words or more: "Marco Weiland" -> "Weiland"
_LAST_NAME_WORD = re.compile(
    rf"(?<=[{at.LOW}] )[{at.UP}][\w’'-]+ (?:[{at.UP}][\w’'-]+ )*([{at.UP}][\w’'-]+)\b"
)
# a post embedded in a page as its words, then "— Author (@handle) Month D, YYYY"
_EMBEDDED_POST = re.compile(
    rf"(?P<text>[^\W_].{{9,1000}}?)\s+[—–-]+\s*(?P<name>{at._CHUNK})\s*\(@\w{{1,30}}\)"
    r"(?:\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})?\s*$"
)
_CARRY_CHARS = 1500  # a quote-only paragraph continues a speaker named at most this far back


@dataclass(frozen=True, slots=True)
class QuoteConfig:
    """Tunables of quote extraction."""

    short_words: int = 3  # quotes this short are titles or scare quotes unless attributed
    max_attribution_words: int = 10


def extract_quotes(
    text: str,
    article_id: str,
    config: QuoteConfig | None = None,
    language: str | None = None,
    orgs: Iterable[str] = (),
    title: str | None = None,
) -> list[Quote]:
    """Direct quotes in `text`; the speaker is None when the text names no speaker.

    `language` adds that language's attribution patterns to English ones; `orgs` are
    organisation names found by an entity backend, which help "the company said"; a quotation
    of the `title` the text does not repeat is kept when the title itself names its speaker
    ('Tarnby mayor: "We will rebuild"', with the mayor named in the text).
    """
    config = config or QuoteConfig()
    patterns = at.patterns(language)
    context = at.Context(
        common={w.lower() for w in re.findall(rf"\b[{at.LOW}][\w’'-]*", text)},
        proper=set(_MID_SENTENCE_CAPITAL.findall(text)),
        alone=set(_ALONE_CAPITAL.findall(text)),
        orgs=set(orgs),
        definite={w for phrase in _DEFINITE.findall(text.lower()) for w in phrase.split()},
        nouns_capitalised=language == "de",
        surnames={m.group(1) for m in _LAST_NAME_WORD.finditer(text)}
        if language == "de"
        else set(),
    )
    quotes: list[Quote] = []
    offset = 0
    running: Quote | None = None  # a quotation still open at the end of the last paragraph
    paragraphs = [(p, find_quoted(p)) for p in text.split("\n")]
    if title is None and len(paragraphs) > 1 and paragraphs[0][1] and _headline(paragraphs[0][0]):
        title = paragraphs[0][0]  # the text opens with its headline: read it as one, last
        paragraphs[0] = (title, [])
    last = max((i for i, (p, spans) in enumerate(paragraphs) if spans or "(@" in p), default=-1)
    if title and find_quoted(title):
        last = len(paragraphs) - 1  # a headline's quotation needs the people of the whole text
    for paragraph, spans in paragraphs[: last + 1]:  # nothing after the last quote matters
        if not spans and paragraph.strip():
            running = None  # a paragraph of the writer's own ends a quotation left open
        post = None if spans or "(@" not in paragraph else _EMBEDDED_POST.match(paragraph.strip())
        if post:  # a post embedded as its words, its author and handle: the author's quote
            cleaned = at.clean_speaker(post.group("name"), context)
            speaker = at.remember(context, offset, *cleaned) if cleaned else None
            text = post.group("text").strip()
            quotes.append(Quote(text=text, speaker=speaker, article=article_id, sentence=text))
            running = None
            offset += len(paragraph) + 1
            continue
        masked = _mask(paragraph, spans)
        sentences = sentence_spans(paragraph) if spans else []
        frame = _Frame(
            masked,
            [m.end() for m in _SENTENCE_END.finditer(masked)],
            _scan_subjects(masked, offset, context, patterns),
        )
        previous: tuple[QuotedSpan, Quote] | None = None
        for index, span in enumerate(spans):
            quoted = paragraph[span.start : span.end].strip().rstrip(",")
            continues = running is not None and index == 0 and not masked[: span.start - 1].strip()
            if continues and running is not None:
                running.text = f"{running.text} {quoted}"
                if running.speaker is None:
                    running.speaker = _speaker(frame, span, offset, context, patterns)
                previous = (span, running)
                running = running if not span.closed else None
                continue
            running = None
            if not quoted or not _is_quote(
                quoted, masked[max(0, span.start - 41) : span.start - 1]
            ):
                continue
            ends = quoted.rstrip(" \"”»’'").endswith(_STOPS)
            bare = span.closed and not paragraph[span.start : span.end].rstrip(" \"”»’'").endswith(
                _PUNCTUATION
            )
            short = len(quoted.split()) <= config.short_words
            speaker = _speaker(frame, span, offset, context, patterns, ends, bare=bare, short=short)
            incise = _incise(quoted, offset + span.start, context, patterns)
            if incise:  # « A, a ajouté Name. B »: the words inside name the speaker
                quoted, named, by_pronoun = incise
                speaker = speaker if speaker and by_pronoun else named  # a name outside wins
            lead_in = masked[max(0, span.start - 41) : span.start - 1]
            # 'a “fresh, wild-caught fillet”', 'the “Save the pier” campaign', 'known as the
            # “blue screen”': a term, unless the text says someone speaks
            term = bool(_TERM_BEFORE.search(masked[max(0, span.start - 12) : span.start]))
            if len(quoted.split()) <= 6 and _KNOWN_AS.search(
                re.sub(r"\s+(?:the|a|an)$", "", lead_in.rstrip())
            ):
                continue  # "known as the “blue screen” error": a name, whoever speaks nearby
            if speaker is None and not term and len(quoted.split()) > config.short_words:
                speaker = _paragraph_speaker(frame, span, offset, context, previous, patterns)
            if speaker is None and (term or len(quoted.split()) <= config.short_words):
                continue  # a title, nickname, term or scare quote
            between = masked[previous[0].end + 1 : span.start - 1] if previous else ""
            if (
                previous
                and speaker in (None, previous[1].speaker)
                and _is_attribution(between, config, patterns)
            ):
                prev_quote = previous[1]
                prev_quote.text = _joined(prev_quote.text, quoted, between)
                prev_quote.speaker = prev_quote.speaker or speaker
                previous = (span, prev_quote)
                continue
            quote = Quote(
                text=quoted,
                speaker=speaker,
                article=article_id,
                sentence=_sentence(sentences, span),
                partial=_is_partial(masked, span, quoted),
            )
            quotes.append(quote)
            previous = (span, quote)
            if not span.closed:
                running = quote
        offset += len(paragraph) + 1
    if title and (title_quotes := _title_quotes(title, offset, context, patterns, article_id)):
        said = [wording_key(q.text) for q in quotes]
        quotes += [q for q in title_quotes if not any(wording_key(q.text) in s for s in said)]
    return quotes


def _headline(line: str) -> bool:
    """Whether a text's first line reads as its headline: short, no full stop at its end."""
    return len(line) <= 200 and not line.rstrip(" \"”»“«„’'").endswith((".", "!", "?", ":"))


def _title_quotes(
    title: str, offset: int, context: at.Context, patterns: at._Patterns, article_id: str
) -> list[Quote]:
    """The quotations of a headline that names their speaker, read after the whole text (whose
    people and roles are then known); nothing is carried over to a headline."""
    spans = [s for s in find_quoted(title) if s.closed]
    masked = _mask(title, spans)
    frame = _Frame(masked, [m.end() for m in _SENTENCE_END.finditer(masked)], [])
    frame = frame._replace(verbs=[v.start() for v in patterns.subject_verb.finditer(masked)])
    found = []
    for span in spans:
        quoted = title[span.start : span.end].strip().rstrip(",")
        speaker = _speaker(frame, span, offset, context, patterns, carry=False)
        if speaker and _is_quote(quoted, masked[max(0, span.start - 41) : span.start - 1]):
            found.append(Quote(text=quoted, speaker=speaker, article=article_id, sentence=title))
    return found


# where an attribution inside a quotation ends: a full stop before a new sentence, or a comma
# before the quotation goes on in lower case ("a-t-il ajouté, nous ...")
_INCISE_END = re.compile(rf"[.!?;](?=\s+[{at.UP}«»“”\"„]|\s*$)|,(?=\s+[{at.LOW}])|$")


def _incise(
    quoted: str, where: int, context: at.Context, patterns: at._Patterns
) -> tuple[str, str, bool] | None:
    """A speaker named inside the quotation marks, in the French, Spanish or Italian manner
    (« Nous avons tout essayé, a ajouté Ana Rolle. Il faut attendre »): the quotation without
    those words, the speaker, and whether a pronoun (or no subject) named them; None when no
    such attribution names someone."""
    for found in patterns.incise.finditer(quoted):
        rest = quoted[found.end() :]
        stop = _INCISE_END.search(rest)
        end = stop.end() if stop else len(rest)
        clause = rest[:end]
        if len(clause) > 120:
            continue
        speaker = _after(clause, where + found.start(), context, patterns)
        if speaker:
            mark = clause[-1] if clause[-1:] in ".!?;" else ","
            kept = quoted[: found.start()].rstrip() + mark + " " + rest[end:].lstrip()
            by_pronoun = bool(patterns.after_pronoun.match(clause))  # "a-t-il ajouté"
            return kept.strip().rstrip(","), speaker, by_pronoun
    return None


def _mask(paragraph: str, spans: list[QuotedSpan]) -> str:
    """The paragraph with quoted text blanked out (offsets kept), so patterns see only the frame."""
    chars = list(paragraph)
    for span in spans:
        chars[span.start : span.end] = "x" * (span.end - span.start)
    return "".join(chars)


def _is_quote(quoted: str, before: str) -> bool:
    words = quoted.split()
    if len(words) <= 3 and _NAMING.search(before.rstrip()):
        return False
    if len(words) <= 3 and all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        return False  # a title in title case: "Game of Thrones" keeps its "of" below
    if len(words) <= 8 and re.fullmatch(_TITLE_CASE, quoted.rstrip(".,!?;: ")):
        return False  # "Dancing with the Stars"

    return any(c.isalpha() for c in quoted)


_TITLE_CASE = re.compile(
    r"(?:[A-Z][\w’'-]*\s*|(?:of|the|and|a|an|with|in|on|for|to|at|from|by|or)\s+)+"
)


def _joined(first: str, second: str, between: str) -> str:
    """Two parts of one quotation around its attribution: a sentence the attribution ends
    ('“... a controlled way,” she said. “The inflow ...') ends the first part with a stop,
    where the writer's comma stood for it."""
    if _SENTENCE_END.search(between) and not first.rstrip(" \"”»’'").endswith(_STOPS):
        first = first.rstrip(" ,;") + "."
    return f"{first} {second}"


_STOPS = (".", "!", "?", "…")
_PUNCTUATION = (*_STOPS, ",", ";", ":")


def _is_attribution(between: str, config: QuoteConfig, patterns: at._Patterns) -> bool:
    """Whether the text between two quotations only attributes them ('," Rolle said. "'):
    a new sentence after the attribution ('Ekk disagreed: "') introduces another quotation."""
    words = between.split()
    ends = _SENTENCE_END.search(between)
    if ends and between[ends.end() :].strip():
        return False
    return 0 < len(words) <= config.max_attribution_words and bool(
        patterns.subject_verb.search(between)
    )


def _is_partial(masked: str, span: QuotedSpan, quoted: str) -> bool:
    before = masked[max(0, span.start - 400) : max(0, span.start - 1)].rstrip()
    opens = not before or before[-1] in ",:.!?—–-"
    return not (opens and (quoted[0].isupper() or quoted[0] in "‘'\"“«„"))


def _sentence(sentences: list[tuple[int, int, str]], span: QuotedSpan) -> str:
    first = bisect_right(sentences, span.start, key=lambda s: s[1])
    chosen = []
    for start, _, text in sentences[first:]:
        if start >= span.end:
            break
        chosen.append(text)
    return " ".join(chosen)


# the definite articles before a role: "the", "la directora", "der Gewerkschafter"
_DETERMINERS = r"the|le|la|les|l['’]|der|die|das|des|dem|el|los|las|il|lo|a|an|o|os|un|una|une"
_SUBJECT = re.compile(
    rf"(?:^|[.!?]\s+|(?<=[x])[”»\"]\s+|,\s+|\b(?:that|but|while|when|after|before|because)\s+)"
    rf"(?:(?i:{_DETERMINERS})\s+(?P<roles>(?:[{at.LOW}][\w’'-]*\s+){{1,3}}))?"
    rf"(?P<chunk>{at._CHUNK})(?:(?P<appos>\s*,\s*[^,“”\"«»„]{{1,90}},)\s*|\s*,\s+|\s+)"
    r"(?!(?:for|of|in|on|at|to|and|or|with|from|by|as|than|into|over|under)\b)"
    rf"(?=[{at.LOW}])"
)


class _Frame(NamedTuple):
    """A paragraph with its quotations blanked, its sentence ends and its speech verbs."""

    masked: str
    ends: list[int]
    verbs: list[int]


def _scan_subjects(
    masked: str, offset: int, context: at.Context, patterns: at._Patterns
) -> list[int]:
    """Remember people and organisations named as subjects outside quotes, for 'he said' later;
    returns where the paragraph's speech verbs start."""
    verbs = list(patterns.subject_verb.finditer(masked))
    for verb in verbs:
        at.subject_before(masked[: verb.start()], offset + verb.start(), context)
    for found in patterns.before_description.finditer(masked) if verbs else ():
        speaker = _described(found.group("desc"), offset + found.start("desc"), context)
        if speaker:  # "the board said in a statement"; "the chief executive added" (a person)
            person = speaker in context.persons.values() or at.person_description(speaker)
            at.remember(context, offset + found.start("desc"), "", speaker, person, True)
        elif at.person_description(found.group("desc")):
            # "A spokesman said ...": the "he said" after it is his, not the last name's
            insort(context.mentions, at.Mention(offset + found.start("desc"), "", True),
                   key=lambda m: m.at)  # fmt: skip
    for found in patterns.inverted_subject.finditer(masked) if verbs else ():
        cleaned = at.clean_speaker(found.group("chunk"), context, strict=True)
        if cleaned and cleaned[2]:  # "..., erzählt Anna Reimers."
            at.remember(context, offset + found.start("chunk"), *cleaned, True)
    for found in patterns.parenthetical_subject.finditer(masked) if verbs else ():
        cleaned = at.clean_speaker(found.group("chunk"), context, strict=True)
        if cleaned and cleaned[2]:  # "This system, says Ana Rolle, a chemist, helps ..."
            at.remember(context, offset + found.start("chunk"), *cleaned, True)
    for found in _SUBJECT.finditer(masked):
        if (
            found.group(0)[:1] == ","
            and masked[found.end("chunk") : found.end("chunk") + 1] == ","
            and re.search(
                rf"[{at.UP}][\w’'-]*\s*$", masked[max(0, found.start() - 40) : found.start()]
            )
        ):
            continue  # "the University of Tolvey, North Fenwick, helps": a place's part
        roles = (found.group("roles") or "").split()
        org_role = any(at.org_noun(w) for w in roles)  # "A fábrica de conservas Atlântida"
        last = roles[-1].lower() if roles else ""
        if roles and (
            (last in VERB_FORMS or last.endswith("ed"))
            if org_role  # "de conservas": a plural noun, not a verb
            else _verb_like(last) and not at.is_role_noun(last)
        ):
            continue  # "The council met Tom Ekk": the name is an object
        lowered = [w.lower() for w in roles]
        if lowered and lowered[-1] in _ARTICLES:
            lowered.pop()
        if not org_role and lowered and lowered[-1] in at.ROLE_CUT:
            # "La maire de Vernay", "a resident of the Turkish city": a place, no person
            _remember_appositive(found, " ".join(roles), offset, context)
            continue
        preceding = masked[max(0, found.start("chunk") - 40) : found.start("chunk")]
        chunk = (found.group("roles") or "") + found.group("chunk")  # "El presidente Pedro Ruiz"
        cleaned = at.clean_speaker(chunk, context, preceding, strict=True)
        if not cleaned:  # "Ihr Mann, Karl Reimers, sei ...": the name in apposition
            _remember_appositive(found, found.group("chunk"), offset, context)
        if cleaned:  # a person, or an organisation by its words ("Wexmoor Water was fined")
            role, name, person = cleaned
            person = person and not org_role  # "la empresa X"
            kin = preceding.rstrip(" ,").rsplit(" ", 1)[-1]  # "Her brother, Hugo Lanz"
            role = " ".join(
                filter(
                    None,
                    [kin if at.role_gender(kin) else "", role,
                     at.appositive_role(found.group("appos") or "")],
                )
            )  # fmt: skip
            at.remember(context, offset + found.start("chunk"), role, name, person)
    for found in _GERMAN_LATE_SUBJECT.finditer(masked) if context.nouns_capitalised else ():
        cleaned = at.clean_speaker(found.group("chunk"), context, strict=True)
        if cleaned and cleaned[2] and len(cleaned[1].split()) >= 2:
            # "Nach dem Abstieg hat Trainer Mirko Wendt ...": the subject after the verb
            at.remember(context, offset + found.start("chunk"), *cleaned)
    for found in _ROLE_APPOSITIVE.finditer(masked):  # "The boy's mother, Kelly Price, wept"
        cleaned = at.clean_speaker(found.group("name"), context, strict=True)
        if cleaned and cleaned[2] and len(cleaned[1].split()) >= 2:
            role = found.group("roles").lower()
            at.remember(context, offset + found.start("name"), role, cleaned[1], True)
        elif cleaned and at.org_noun(found.group("roles")):  # "The group, Fair Pay Now, said"
            context.roles[at.head_noun(found.group("roles"))] = cleaned[1]
            at.remember(context, offset + found.start("name"), "", cleaned[1], False)
    for found in _ROLE_SUBJECT.finditer(masked):
        roles = list(dropwhile(lambda w: w.lower() in at.STOP_WORDS, found.group("roles").split()))
        if not roles:
            continue
        last = roles[-1].lower()
        if re.fullmatch(at._PARTICLE, last):
            continue  # "María del Carmen Castellón": one name, not a role and a name
        role_like = at.is_role_noun(last) or (
            not any(w.lower() in at.STOP_WORDS for w in roles)
            and (last in context.definite or not _verb_like(last))
        )
        if not role_like:
            continue  # "saw Ana Rolle leave", "The council met Tom Ekk": not a role
        cleaned = at.clean_speaker(found.group("chunk"), context, strict=True)
        if cleaned and cleaned[2] and len(cleaned[1].split()) >= 2:
            role = " ".join(filter(None, [" ".join(roles).lower(), cleaned[0]]))
            at.remember(context, offset + found.start("chunk"), role, cleaned[1], True)
    context.mentions.sort(key=lambda m: m.at)
    return [verb.start() for verb in verbs]


def _remember_appositive(found: re.Match[str], role: str, offset: int, context: at.Context) -> None:
    """'La maire de Vernay, Claire Dutour, ...': the person in apposition to a role of a place
    or organisation, remembered with that role (the place itself is no person)."""
    inside = (found.group("appos") or "").strip(" ,")
    if not re.fullmatch(at._CHUNK, inside):
        return
    cleaned = at.clean_speaker(inside, context)
    if cleaned and cleaned[2] and len(cleaned[1].split()) >= 2:
        full_role = role if role == found.group("chunk") else f"{role} {found.group('chunk')}"
        full_role = full_role.lower()
        at.remember(context, offset + found.start("appos"), full_role, cleaned[1], True)


# "Harbour master Ana Rolle inspected", ", and police chief Ana Rolle ordered": a person named
# after role words with no determiner, as the subject of a clause
_ROLE_SUBJECT = re.compile(
    rf"(?:^|[.!?]\s+|,\s+|\b(?i:and|but|while|when|after|before|because|that)\s+)"
    rf"(?P<roles>(?:[{at.UP}{at.LOW}][\w’'-]*\s+){{0,2}}[{at.LOW}][\w’'-]*\s+)"
    rf"(?P<chunk>{at._CHUNK})(?:\s*,\s*\d{{1,3}}\s*,\s*|\s*,\s*|\s+)(?=[{at.LOW}])"
)


# a German sentence that opens with a time, a place or a cause puts its subject after the
# finite verb: "Nach dem Abstieg hat Trainer Mirko Wendt ...", "Am Montag sagte Anna Reimers"
_GERMAN_LATE_SUBJECT = re.compile(
    r"(?:^|[.!?]\s+)(?:Nach|Am|Im|Vor|Seit|Bei|Trotz|Wegen|Während|Gestern|Heute|Zuvor|"
    r"Inzwischen|Bereits|Zuletzt|Damals|Danach|Dann|Deshalb|Daher|Auch|Noch)\b[^.!?,]{0,80}?\s"
    r"(?:hat|hatte|ist|war|wird|wurde|will|wollte|soll|sollte|sagte|sagt|erklärte|betonte)\s+"
    rf"(?P<chunk>{at._CHUNK})\s+(?=[{at.LOW}])"
)


def _role_words(words: str) -> bool:
    """Whether lower-case words between two names read as a role ("coach", "chief
    executive"), not a preposition or a verb ("in", "met")."""
    return all(
        w not in MULTILINGUAL_STOP_WORDS
        and not re.fullmatch(at._PARTICLE, w)  # "Ursula von der Lenne" is one name
        and (at.is_role_noun(w) or not _verb_like(w))
        for w in words.split()
    )


# a sentence that opens with a role of any length and the person's name in apposition:
# "O presidente da associação de agricultores, Manuel Sousa, pediu ..."
_ROLE_APPOSITIVE = re.compile(
    rf"(?:^|[.!?]\s+)(?i:{_DETERMINERS})\s+(?P<roles>[^,.;:“”\"«»„]{{1,80}}?),\s*"
    rf"(?P<name>{at._CHUNK})\s*,\s*(?=[{at.LOW}])"
)


def _verb_like(word: str) -> bool:
    """Whether a lower-case word before a name reads as a verb: 'met', 'praised', 'visits'."""
    return (
        word in VERB_FORMS
        or word.endswith(("ed", "ly"))
        or (word.endswith("s") and not word.endswith("ss"))
    )


def _speaker(
    frame: _Frame,
    span: QuotedSpan,
    offset: int,
    context: at.Context,
    patterns: at._Patterns,
    ends_sentence: bool = True,
    carry: bool = True,
    bare: bool = False,
    short: bool = False,
) -> str | None:
    """The speaker of one quoted span: after it, then before it, then carried over.

    Carried over only when nothing after the quote, in its sentence, could name someone else:
    '"...", lamented a resident, Ana Ruiz.' with a verb no pattern knows is nobody's, not the
    last speaker's. `ends_sentence`: the quotation itself ends its sentence ("... .”); `bare`: it
    ends with no punctuation at all (a quotation alone in its paragraph is then a heading)."""
    masked = frame.masked
    start, end = max(0, span.start - 1), min(len(masked), span.end + 1)
    sentence_start = _sentence_start(frame.ends, start)
    before = masked[sentence_start:start]
    window = masked[end : end + 300]
    stop = _SENTENCE_END.search(window)
    after = window[: stop.end()] if stop else window
    where = offset + start
    found = _after(after, where, context, patterns, late=not short)
    if found is _NOBODY:
        _unnamed(context, where)
        return None
    if found is None:
        verbs = frame.verbs[
            bisect_left(frame.verbs, sentence_start) : bisect_left(frame.verbs, start)
        ]
        found = _before(before, [v - sentence_start for v in verbs], where, context, patterns)
        if found is None and verbs and patterns.unnamed_subject.search(before):
            _unnamed(context, where)  # 'A neighbour, who asked not to be named, said: "..."'
            return None
    unread = not ends_sentence and bool(re.search(r"[^\W\d_]", after))
    heading = bare and not after.strip(" \t\"“”«»„‘’'")  # no stop, no comma, nothing after
    if found is None and carry and not before.strip(" \t\"“”«»„‘’'-—–:") and not unread:
        recent = context.recent(where)
        if (
            recent is not None
            and recent.name
            and (recent.person or recent.speaking)
            and where - recent.at <= _CARRY_CHARS
            and not heading  # a quotation standing as a heading ("“Alarming rate”")
        ):
            found = recent.name  # a paragraph that only quotes: the last one named goes on
    if found is not None:
        insort(context.mentions, at.Mention(where, found, _is_person(found, context)),
               key=lambda m: m.at)  # fmt: skip
    return found


def _paragraph_speaker(
    frame: _Frame,
    span: QuotedSpan,
    offset: int,
    context: at.Context,
    previous: tuple[QuotedSpan, Quote] | None,
    patterns: at._Patterns,
) -> str | None:
    """The speaker a paragraph goes on with when a later quotation of it names no one: the
    speaker of its previous quotation, or the person it says spoke ('..., Ekk says. Just
    because ..., “that does not follow.”'); None when the sentence names another person."""
    where = offset + max(0, span.start - 1)
    window = frame.masked[span.end + 1 : span.end + 300]
    stop = _SENTENCE_END.search(window)
    after = window[: stop.end()] if stop else window
    if patterns.subject_verb.search(after) or patterns.according.search(after):
        return None  # '“...,” according to its website': an attribution no name fills
    mentions = [m for m in context.mentions if offset <= m.at < where]
    if any(not m.name for m in mentions):
        return None  # "a neighbour said": someone unnamed spoke in between
    speaker = previous[1].speaker if previous else None
    if not speaker:
        speakers = [m for m in mentions if m.person and m.speaking]
        speaker = speakers[-1].name if speakers else None
    if not speaker:
        return None
    before = frame.masked[_sentence_start(frame.ends, span.start - 1) : span.start - 1]
    if _OTHERS_SPEAK.search(before):
        return None  # "Critics call it “...”": other people speak in this sentence
    named = {w for w in re.findall(rf"[{at.UP}][\w’'-]+", before) if w.lower() in context.persons}
    if named and surname(speaker).lower() not in {w.lower() for w in named}:
        return None  # "Ana Rolle disagreed, calling it “...”": hers, if anyone's
    return speaker


# people other than the paragraph's speaker who speak or judge in a sentence
_OTHERS_SPEAK = re.compile(
    rf"\b(?i:{'|'.join(sorted(at.GENERIC_SUBJECTS))})\s+(?:\w+ly\s+)?(?:call|calls|called|"
    r"say|says|said|describe|described|argue|argued|think|thinks|believe|believes|consider|"
    r"considers|fear|fears|warn|warned|see|sees)\b"
)
# a determiner right before the opening mark: the quoted words are a noun phrase, a name or a
# term ('a “fresh, wild-caught fillet”'), not a quotation, unless someone is said to speak
_TERM_BEFORE = re.compile(r"(?<![\w’'-])(?:a|an|the|its|their|this)\s+[“\"«„‘']?$", re.I)


def _unnamed(context: at.Context, where: int) -> None:
    """Mark a quotation whose attribution names no one ("one resident asked"), so that a
    quotation right after it does not go on with the last person named before."""
    insort(context.mentions, at.Mention(where, "", False), key=lambda m: m.at)


def _is_person(name: str, context: at.Context) -> bool:
    return any(m.name == name and m.person for m in context.mentions[-50:])


def _sentence_start(ends: list[int], position: int) -> int:
    """Where the sentence holding `position` starts (at most 400 characters back)."""
    i = bisect_right(ends, position)
    return max(ends[i - 1] if i else 0, position - 400, 0)


def _after(
    after: str, where: int, context: at.Context, p: at._Patterns, late: bool = True
) -> str | None:
    """The speaker named after a quotation, in the rest of its sentence; `late`: also at the
    sentence's end, past other words (not for a word or two in quotes, often a term)."""
    pronoun = p.after_pronoun.match(after)
    if pronoun:
        return context.last_by_pronoun(where, pronoun.group(0)) or _NOBODY
    thing = p.after_thing.match(after)
    if thing:
        if re.search(r"\bread", thing.group(0)):
            return _NOBODY  # "it reads": a document, not its authors
        return context.last_org(where, speaking=True)
    affiliated = p.after_affiliated.match(after)
    if (
        affiliated
        and (affiliated.group("verb") or not affiliated.group(0).lstrip(" ,.:;–—-")[:1].isupper())
        and _role_words(affiliated.group("role"))
    ):
        cleaned = at.clean_speaker(affiliated.group("chunk"), context)
        if cleaned and cleaned[2]:  # "said Tolvey coach Ana Rolle": Tolvey is her team
            role = f"{affiliated.group('org')} {affiliated.group('role')}".strip()
            return at.remember(context, where, role, cleaned[1], True)
    named = p.after_named_role.match(after) or p.after_inverted_named.match(after)
    if named and (cleaned := at.clean_speaker(named.group("chunk"), context)):
        return at.remember(context, where, "", cleaned[1], cleaned[2])
    for pattern in (p.after_subject, p.after_inverted):
        found = pattern.match(after)
        if found:
            chunk = at.acronym_tail(found.group("chunk"), after[found.end("chunk") :])
            cleaned = at.clean_speaker((found.group("role") or "") + chunk, context)
            if cleaned:
                name = at.remember(context, where, *cleaned)
                also = found.groupdict().get("also")
                other = at.clean_speaker(also.split(None, 1)[1], context) if also else None
                if also and other and cleaned[2] and other[2]:  # "Ana Ferro and Luis Marek said"
                    return f"{name} {also.split()[0]} {other[1]}"
                return name
    group = p.after_group.match(after)
    if group:  # '," police said': the body itself
        return group.group("group")
    described = p.after_description.match(after) or p.after_inverted_description.match(after)
    if described:  # "the treasurer said" with no treasurer named: nobody, not the last person
        return _described(described.group("desc"), where, context) or _NOBODY
    according = p.according.search(after[:40])
    if according and not after[: according.start()].strip(" ,;:—–-"):
        speaker = _according(according, after, where, context)
        if speaker:
            return speaker
    dash = p.dash.match(after)
    if dash and (cleaned := at.clean_speaker(dash.group("chunk"), context)):
        return at.remember(context, where, *cleaned)
    late_found = p.after_late.search(after[:200]) if late else None
    if late_found:  # 'to "take detailed histories" of the patients, Ekk said.'
        if late_found.group("pronoun"):
            return context.last_by_pronoun(where, late_found.group(0)) or _NOBODY
        cleaned = at.clean_speaker(late_found.group("chunk"), context)
        if cleaned:
            return at.remember(context, where, *cleaned)
    described = p.after_described_name.match(after)
    if described:  # a description too long or with commas inside for the patterns above
        cleaned = at.clean_speaker(described.group("chunk"), context)
        if cleaned and cleaned[2] and len(cleaned[1].split()) >= 2:
            return at.remember(context, where, *cleaned)
    return None


def _before(
    before: str, verbs: list[int], where: int, context: at.Context, p: at._Patterns
) -> str | None:
    """The attribution nearest the quote in the text before it, in the same sentence;
    `verbs` are where speech verbs start in `before`."""
    candidates: list[tuple[int, str | None]] = []
    for verb in verbs:
        name = at.subject_before(before[:verb], where, context)
        if (
            not name
            and (_AND_VERB.search(before[:verb]) or _PARTICIPLE.match(before, verb))
            and not _RELATIVE.search(before[:verb])  # "a refugee who feared ... and asked"
        ):
            name = _sentence_subject(where - len(before), where - len(before) + verb, context)
        if name:
            candidates.append((verb, name))
    if verbs:  # the pronoun and description patterns all end in a speech verb
        for found in p.before_pronoun.finditer(before):
            candidates.append((found.end(), context.last_by_pronoun(where, found.group(0))))
        for found in p.before_thing.finditer(before):
            candidates.append((found.end(), context.last_org(where, speaking=True)))
        for found in p.before_description.finditer(before):
            candidates.append((found.end(), _described(found.group("desc"), where, context)))
    for found in p.according.finditer(before):
        speaker = _according(found, before, where, context)
        if speaker:
            candidates.append((found.end(), speaker))
    for found in p.according_pronoun.finditer(before):  # "Selon lui, « ... »"
        candidates.append((found.end(), context.last_by_pronoun(where, found.group(0))))
    for found in _POSTPOSED_ACCORDING.finditer(before):  # "Tom Ekk zufolge „...“"
        cleaned = at.clean_speaker(found.group("chunk"), context)
        if cleaned:
            candidates.append((found.end(), at.remember(context, where, *cleaned)))
    named = [c for c in candidates if c[1]]
    label = None
    if not named:
        label = (
            _NAME_COLON.match(before)
            or _ROLE_NAME_COLON.match(before)
            or _SUBJECT_COLON.match(before)
        )
    if not named and not label and (long := _LONG_SUBJECT_COLON.match(before)):
        cleaned = at.clean_speaker(long.group("chunk"), context, strict=True)
        if cleaned and cleaned[2] and at._key(cleaned[1]) in context.persons:
            return at.remember(context, where, *cleaned)  # 'Ekk summed it up ...: “...”'
    possessive = None if named else _POSSESSIVE_COLON.match(before)
    if possessive:  # 'His reaction: "..."': the person the pronoun refers to
        return context.last_by_pronoun(where, possessive.group(1))
    if label and at.is_role_noun(label.group("tail").split()[0] if label.group("tail") else ""):
        # 'Ryland chief of police: "..."': a place's role, not a name, speaks; the person
        # named with that role in the article, if any
        return at.role_person(label.group("tail"), context)
    if label:  # 'Rolle: "We need help."', 'Mayor Tom Ekk disagreed: "It is too late."'
        cleaned = at.clean_speaker(label.group("chunk"), context, strict=True)
        if cleaned and (cleaned[2] or cleaned[1] in context.orgs):
            return at.remember(context, where, *cleaned)
    return max(named, key=lambda c: c[0])[1] if named else None


# a sentence that is only a person's name (its role words before it) and a colon before the
# quote: 'Rolle: "', 'Police chief Omar Vance: "'
_NAME_COLON = re.compile(
    rf"\s*(?P<chunk>(?:{at._CAPWORD}\s+)?(?:[{at.LOW}][\w’'-]*\s+){{0,3}}{at._CHUNK})"
    rf"(?P<tail>)\s*:\s*$"
)
# a speech verb joined to an earlier verb of its sentence: "Ekk visited the site, noting that",
# "Ekk touched on the idea and noted there should be": its subject is the sentence's
_AND_VERB = re.compile(r"\b(?:and|to)\s+(?:[a-z]+ly\s+)?$")  # "and noted", "to describe"
_PARTICIPLE = re.compile(r"[a-z]+ing\b")  # not "Ekk, a diver, said": an appositive ends there
# ("a letter to the board stating that": the letter's writer, the sentence's subject)
_RELATIVE = re.compile(r"\b(?:who|whom|whose|which)\b")


def _sentence_subject(start: int, end: int, context: at.Context) -> str | None:
    """The person or organisation last named as a subject between `start` and `end`."""
    found = [m for m in context.mentions if start <= m.at < end and m.name]
    return found[-1].name if found else None


# a person who opens the sentence, whatever the verbs, and a colon before the quote
_LONG_SUBJECT_COLON = re.compile(
    rf"\s*(?P<chunk>{at._CHUNK})\s+[{at.LOW}][^“”\"«»„:]{{0,250}}:\s*$"
)
# a possessive pronoun and a noun before a colon: "His reaction:", "Her answer:"
_POSSESSIVE_COLON = re.compile(r"\s*(his|her)\s+[a-z]+\s*:\s*$", re.IGNORECASE)
# a sentence of a subject, a verb or two and a colon: "Mayor Tom Ekk disagreed:"
_SUBJECT_COLON = re.compile(
    rf"\s*(?P<chunk>{at._CHUNK})(?:\s*,[^,:]{{1,40}},)?(?P<tail>(?:\s+[{at.LOW}][\w’'-]*){{1,4}})"
    rf"\s*:\s*$"
)
# a role, the name in apposition, a verb or a few and a colon: "El alcalde, Tomás Herrera,
# defendió el proyecto:", "Die Sprecherin des Vereins, Katrin Ost, sieht das anders:"
_ROLE_NAME_COLON = re.compile(
    rf"\s*[^,:“”\"«»„]{{1,60}},\s*(?P<chunk>{at._CHUNK})\s*,"
    rf"(?P<tail>)(?:\s+[{at.LOW}][\w’'-]*){{1,5}}\s*:\s*$"
)


# German "according to" after its name: "Tom Ekk zufolge"
_POSTPOSED_ACCORDING = re.compile(rf"(?P<chunk>{at._CHUNK}),?\s+zufolge\b")
# ", Marco Rossi," right after "according to the mayor of Ostrand": the person named
_APPOSITIVE_NAME = re.compile(rf"\s*,\s*(?P<chunk>{at._CHUNK})\s*(?:,|$)")


def _according(found: re.Match[str], text: str, where: int, context: at.Context) -> str | None:
    """The speaker of "according to X": the name in apposition to a role ("according to the
    mayor of Ostrand, Marco Rossi,"), else X itself."""
    rest = text[found.end("chunk") :]
    named = _APPOSITIVE_NAME.match(rest)
    if named:
        cleaned = at.clean_speaker(named.group("chunk"), context)
        if cleaned and cleaned[2] and len(cleaned[1].split()) >= 2:
            role = f"{found.group('role') or ''}{found.group('chunk')}".strip()
            return at.remember(context, where, role, cleaned[1], True)
    chunk = at.acronym_tail(found.group("chunk"), rest)
    cleaned = at.clean_speaker((found.group("role") or "") + chunk, context)
    return at.remember(context, where, *cleaned) if cleaned else None


# "la directora Mara Lind", "der Gewerkschafter Pol Arren": a role, then the person's name
_ROLE_THEN_NAME = re.compile(
    rf"^(?P<det>(?i:{_DETERMINERS}))\s+"
    rf"(?P<role>(?:[{at.LOW}][\w’'-]*\s+){{0,3}})(?P<name>{at._CHUNK})$"
)
_ARTICLES = frozenset(["the", "la", "le", "les", "el", "los", "las", "il", "lo", "a", "o"])
# "sagte der 48-Jährige (am Sonntag)": the person named last, like a pronoun
_AGED = re.compile(
    r"(der|die|the)\s+\d{1,3}-(?:[Jj]ährige|year-old)(?:\s+(?:am|an|im|in|bei|nach|vor|auf|gegenüber)\s[^,]{1,40})?$",
    re.IGNORECASE,
)
_NOUN_DETERMINERS = frozenset(["der", "die", "das", "des", "dem"])  # German capitalises nouns


def _described(description: str, where: int, context: at.Context) -> str | None:
    """'the spokeswoman' -> the person named with that role; 'the company' -> the organisation;
    'la directora Mara Lind' -> Mara Lind."""
    named = _ROLE_THEN_NAME.match(description.strip())
    if named:
        words = named.group("name").split()
        if named.group("det").lower() in _NOUN_DETERMINERS and not named.group("role"):
            words = words[1:]  # "der Gewerkschafter Pol Arren": the noun is the role
        cleaned = at.clean_speaker(" ".join(words), context)
        if cleaned and cleaned[2] and len(cleaned[1].split()) >= 2:
            return at.remember(context, where, named.group("role").strip(), cleaned[1], True)
    person = at.role_person(description, context)
    if person:
        return person
    aged = _AGED.match(description.strip())
    if aged:  # "sagte die 41-Jährige": the woman named last, like a pronoun
        article = aged.group(1).lower()
        if article == "the":  # "the 48-year-old said": the person named last, of either gender
            return context.last(where, True)
        return context.last_by_pronoun(where, "sie" if article == "die" else "er")
    if at.document_noun(description):  # "the statement said": its organisation, or itself
        return context.last_org(where) if "statement" in description else description
    members = _members_org(description, where, context)
    if members:  # "the doctors said" after "Doctors for Open Camps" was named
        return members
    if at.org_noun(description):  # "the ministry said" with no ministry named: itself
        body = at.institution(description)
        org = context.last_org_named(where, at.head_noun(description)) or context.last_org(where)
        if org and org[:1].islower() and org != body:
            org = None  # "the company said" after "the ministry said": not the ministry
        return org or body
    return at.describe(description)


def _members_org(description: str, where: int, context: at.Context) -> str | None:
    """The organisation whose name holds the plural noun of 'the doctors', 'the workers':
    its members speak for it ('Doctors for Open Camps', 'Tolvey Workers Union')."""
    words = description.split()
    if len(words) != 2 or words[0].lower() != "the" or not re.fullmatch(r"[a-z]{3,}s", words[1]):
        return None
    noun = re.compile(rf"\b{words[1]}\b", re.IGNORECASE)
    named = [m.name for m in context._before(where) if m.name and not m.person]
    for name in [*reversed(named), *sorted(context.orgs)]:
        if noun.search(name) and name[:1].isupper():
            return name
    return None


def speaker_surname(speaker: str | None) -> str | None:
    """The surname of a speaker, for matching 'Velden' with 'Mara Velden'."""
    return surname(speaker) if speaker else None
