"""The variations of a domain response that are meant for one language.

Why the code needs this at all: Rasa picks the variation of a response it sends, by the
`language` slot condition; but a few actions build a reply out of other responses' texts (the
verdict's list of blockers, the "Did you mean ...?" button titles), and those texts must come
from the same language's variations as the reply around them. English is the variations without
a language condition; a language with no variation of its own gets those too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from refund_assistant.languages import LANGUAGE_SLOT

Variation = Mapping[str, Any]


def _language_of(variation: Variation) -> str | None:
    for condition in variation.get("condition") or []:
        if condition.get("type") == "slot" and condition.get("name") == LANGUAGE_SLOT:
            return str(condition.get("value"))
    return None


def for_language(variations: Sequence[Variation], language: str | None) -> list[Variation]:
    """The variations conditioned on `language`, else the ones with no language condition."""
    own = [v for v in variations if language and _language_of(v) == language]
    return own or [v for v in variations if _language_of(v) is None]


def text_for(variations: Sequence[Variation], language: str | None) -> str:
    """The first text of the variations for `language`."""
    return str(for_language(variations, language)[0]["text"])
