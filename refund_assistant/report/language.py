"""Which language a seller message and a conversation were in, as the report counts them.

The bot answers in English and Chinese, and has a detector now: the language tagger
(`refund_assistant.languages`, run in the NLU pipeline) sets the slot `LANGUAGE_SLOT` of that
module to "en" or "zh" after every seller message that has a language of its own, and the
replies follow it. The report reads that slot rather than detecting anything itself:

- A message's language is the slot's value set for it (after it, before the seller's next
  message). Where none was set, the tagger found no English or Chinese in the message: an
  acknowledgement ("ok", "好的"), a date, a button, or another language, which the tagger leaves
  alone and the bot cannot answer. The script tells those apart: a message written mostly in
  letters that are neither Latin nor Chinese (Cyrillic, Arabic, Thai, Japanese kana, ...) is in
  an unsupported language. Other Latin-script languages (Spanish, ...) are not caught: the
  tagger takes them for English.
- A conversation's language is the slot's last value in it (one carried over from the seller's
  previous session included): the language the bot was answering in at the end; a value other
  than "en" or "zh" is "other (unsupported)". A conversation without a value (stored before the
  tagger was added, or with nothing the tagger recognised) gets what the tagger's own rule finds
  in its messages, the last language found; failing that, "other (unsupported)" if one of its
  messages was in an unsupported language, else English, the slot's initial value.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from refund_assistant.languages import (
    Language,
    language_from_code,
    message_language,
    primary_code,
)

# The languages the bot answers in; a slot value with another primary code is unsupported.
REPLY_LANGUAGES: frozenset[str] = frozenset(language.value for language in Language)

# The report's language groups, in the order it lists them: words, so they show in any font.
ENGLISH = "English"
CHINESE = "Chinese"
OTHER_LANGUAGE = "other (unsupported)"
LANGUAGE_GROUPS: tuple[str, ...] = (ENGLISH, CHINESE, OTHER_LANGUAGE)
_GROUP_BY_LANGUAGE = {Language.ENGLISH: ENGLISH, Language.CHINESE: CHINESE}

# The placeholders the privacy masking puts in stored texts ("[phone]", "[card number]") are the
# bot's English, not the seller's: left out before the letters are counted.
_MASK_PLACEHOLDER_RE = re.compile(r"\[[A-Za-z ]+\]")


def _script(letter: str) -> str:
    """ "latin", "han" (a Chinese character), "kana" or "other"."""
    name = unicodedata.name(letter, "")
    words = name.split()
    if "LATIN" in words:  # "LATIN SMALL LETTER A", "FULLWIDTH LATIN CAPITAL LETTER H"
        return "latin"
    if name.startswith("CJK ") and "IDEOGRAPH" in name:
        return "han"
    if "HIRAGANA" in name or "KATAKANA" in name:
        return "kana"
    return "other"


def mostly_unsupported_script(text: str) -> bool:
    """More than half of the letters in `text` are in a script the bot does not read: neither
    Latin letters nor Chinese characters. Japanese counts as a whole: in a text with any kana, the
    Chinese characters are Japanese kanji. Digits, punctuation, spaces, symbols and masking
    placeholders do not count; False when there are no letters."""
    scripts = [_script(c) for c in _MASK_PLACEHOLDER_RE.sub(" ", text) if c.isalpha()]
    readable = {"latin"} if "kana" in scripts else {"latin", "han"}
    unsupported = sum(1 for script in scripts if script not in readable)
    return unsupported * 2 > len(scripts)


def in_unsupported_language(text: str, language: str | None) -> bool:
    """Whether a message was in a language the bot does not answer in: by the `language` slot's
    value set for it (`language`) when there is one, else by its script."""
    if language:
        return primary_code(language) not in REPLY_LANGUAGES
    return mostly_unsupported_script(text)


def conversation_language(
    language: str | None, texts: Sequence[str], has_unsupported_message: bool
) -> str:
    """The group of `LANGUAGE_GROUPS` a conversation is counted in, from the slot's last value in
    it (`language`); without one, from its seller messages (`texts`) and whether any of them was
    in an unsupported language."""
    if language:
        found = language_from_code(language)
        return _GROUP_BY_LANGUAGE[found] if found else OTHER_LANGUAGE
    found = next((f for f in map(message_language, reversed(texts)) if f is not None), None)
    if found is not None:
        return _GROUP_BY_LANGUAGE[found]
    return OTHER_LANGUAGE if has_unsupported_message else ENGLISH
