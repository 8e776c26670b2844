"""Direct quotes and their speakers, from attribution patterns around quotation marks."""

from __future__ import annotations

import re

from newsweave.model import Quote
from newsweave.text import split_sentences

_QUOTE = re.compile(r"“([^”]{3,})”|\"([^\"]{3,})\"")
_NAME = r"((?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+)"
_VERBS = r"(?:said|says|told\s+\w+|stated|added|stressed|warned|asked|explained|noted)"
_ROLE = r"(?:(?:a|an|the)\s+)?(?:[a-z][\w-]*\s+){0,3}"
_AFTER_NAME_VERB = re.compile(rf"^[\s,]*{_ROLE}{_NAME}\s*,?\s*(?:a\s+[^,]+,\s*)?{_VERBS}")
_AFTER_VERB_NAME = re.compile(rf"^[\s,]*{_VERBS}\s+{_ROLE}{_NAME}")
_BEFORE = re.compile(rf"{_NAME}\s*,?\s*(?:[a-z][\w ]*\s)?{_VERBS}\b[^“”\"]*$")
_ACCORDING = re.compile(rf"according to\s+(?:the\s+)?{_NAME}")
_PRONOUN = re.compile(rf"^(?:He|She)\s+(?:also\s+)?(?:{_VERBS}|continued)\b")
_NOT_SPEAKERS = {"The", "This", "That", "It", "In", "But", "And", "When", "After"}


def extract_quotes(text: str, article_id: str) -> list[Quote]:
    """Direct quotes in `text`; the speaker is None when no attribution is found."""
    quotes: list[Quote] = []
    last_speaker: str | None = None
    for sentence in split_sentences(text):
        for match in _QUOTE.finditer(sentence):
            quoted = (match.group(1) or match.group(2)).strip()
            if len(quoted.split()) < 2 and not quoted[0].isupper():
                continue
            speaker = _speaker(sentence, match, last_speaker)
            if speaker:
                last_speaker = speaker
            quotes.append(
                Quote(text=quoted, speaker=speaker, article=article_id, sentence=sentence)
            )
    return quotes


def _speaker(sentence: str, match: re.Match[str], last: str | None) -> str | None:
    after, before = sentence[match.end() :], sentence[: match.start()]
    for pattern, text in ((_AFTER_NAME_VERB, after), (_AFTER_VERB_NAME, after), (_BEFORE, before)):
        found = pattern.search(text)
        if found and found.group(1).split()[0] not in _NOT_SPEAKERS:
            return found.group(1)
    found = _ACCORDING.search(sentence)
    if found:
        return found.group(1)
    if last and (_PRONOUN.search(before.strip()) or re.match(r"^[\s,]*(?:he|she)\s+\w+", after)):
        return last
    return None
