"""Which domain response a reply text came from.

Why match texts: over the REST channel the bot sends only the rendered text of each reply,
not the response's name. Every reply text lives in `domain.yml` (the architecture's rule), so
each response variation can be turned back into a pattern: its text with every `{placeholder}`
as a non-greedy wildcard, matched against the whole reply after whitespace is normalised
(Rasa and the channels may re-flow newlines; slot values such as dates vary).

A reply can carry another response inside a placeholder: the verdict `utter_refund_not_eligible`
embeds the `utter_blocker_*` lines through `{blockers}`. `contains_response` finds those.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from refund_assistant.languages import to_simplified

# The domain's `responses:` section: response name -> list of variations (each with `text`).
Responses = Mapping[str, Sequence[Mapping[str, Any]]]

_PLACEHOLDER = re.compile(r"\{[^{}\s]+\}")
_WHITESPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The text with every run of whitespace as one space, trimmed at both ends."""
    return _WHITESPACE.sub(" ", text or "").strip()


def _as_sent(text: str) -> str:
    """A reply as the domain holds it: normalised, and in Simplified characters (a seller who
    writes Traditional gets the Chinese variation converted, addons/chinese_script_nlg.py)."""
    return normalise(to_simplified(text or ""))


def _pattern_source(template: str) -> str:
    """A regular expression for a response text: literal parts escaped, placeholders as `.*?`."""
    template = normalise(template)
    parts: list[str] = []
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        parts.append(re.escape(template[position : match.start()]))
        parts.append("(.*?)")
        position = match.end()
    parts.append(re.escape(template[position:]))
    return "".join(parts)


def _literal_length(template: str) -> int:
    """How much fixed text a template has: the more, the more specific its match."""
    return len(_PLACEHOLDER.sub("", normalise(template)))


@dataclass(frozen=True)
class Variation:
    """One variation of one response, compiled."""

    name: str
    template: str
    pattern: re.Pattern[str]  # fullmatch: the whole reply; search: embedded in a reply
    specificity: int  # characters of fixed text; breaks ties between matching variations


class ReplyMatcher:
    """Turns reply texts back into response names, for one domain's responses."""

    def __init__(self, responses: Responses) -> None:
        variations: list[Variation] = []
        for name, entries in responses.items():
            for entry in entries or ():
                text = entry.get("text") if isinstance(entry, Mapping) else None
                if not isinstance(text, str) or not text.strip():
                    continue  # a variation without text (buttons or custom payload only)
                source = _pattern_source(text)
                variations.append(
                    Variation(
                        name=name,
                        template=text,
                        pattern=re.compile(source, re.DOTALL),
                        specificity=_literal_length(text),
                    )
                )
        # Most specific first, so a template made mostly of a placeholder never shadows one
        # that matches the same reply with more fixed text.
        self._variations = sorted(variations, key=lambda v: -v.specificity)
        self._by_name: dict[str, list[Variation]] = {}
        for variation in self._variations:
            self._by_name.setdefault(variation.name, []).append(variation)

    @property
    def names(self) -> frozenset[str]:
        """Every response that has at least one text variation."""
        return frozenset(self._by_name)

    def name_of(self, text: str) -> str | None:
        """The response the whole reply text came from, or None if it matches none."""
        reply = _as_sent(text)
        for variation in self._variations:
            if variation.pattern.fullmatch(reply):
                return variation.name
        return None

    def identify(self, texts: Iterable[str]) -> list[str | None]:
        """The response name of each reply, in order (None for an unrecognised text)."""
        return [self.name_of(text) for text in texts]

    def contains_response(self, text: str, name: str) -> bool:
        """Whether response `name` appears in `text`, as the whole reply or embedded in it
        (a blocker line inside the verdict). An unknown name is never contained."""
        reply = _as_sent(text)
        return any(variation.pattern.search(reply) for variation in self._by_name.get(name, ()))

    def any_contains(self, texts: Iterable[str], name: str) -> bool:
        """Whether response `name` appears in any of the replies."""
        return any(self.contains_response(text, name) for text in texts)


def identify_replies(responses: Responses, texts: Iterable[str]) -> list[str | None]:
    """One-off form of `ReplyMatcher(responses).identify(texts)`."""
    return ReplyMatcher(responses).identify(texts)
