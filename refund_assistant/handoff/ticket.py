"""What a person needs when the bot hands a seller over: one ticket that reads on its own.

An agent who has never seen the chat gets the reason, the seller's language, the seller's
questions, what the seller said about their store and the verdict, any review dates, and the
transcript, with personal data masked. Built from tracker events and slots only, so it is a pure
function tested without Rasa.

The support team reads English, so the summary is written in English; but the seller's questions
are quoted as the seller wrote them (Chinese stays Chinese, Traditional stays Traditional: a
translation would put words in the seller's mouth), and the summary says which language they
wrote in, so the ticket can go to an agent who reads it. The language comes from the slots the
language tagger fills (`refund_assistant.languages`); a conversation without them is English,
the bot's default.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from enum import Enum
from typing import Any

from refund_assistant import intents
from refund_assistant.conversation import Event, current_session, intent_of
from refund_assistant.facts import FACTS, Fact
from refund_assistant.languages import (
    DEFAULT_LANGUAGE,
    LANGUAGE_SLOT,
    SCRIPT_SLOT,
    ChineseScript,
    Language,
    language_from_code,
)
from refund_assistant.privacy import mask_personal_data


class HandoffReason(str, Enum):
    """Why a conversation went to a person; the value fills the `handoff_reason` slot."""

    SELLER_REQUEST = "seller_request"
    NOT_UNDERSTOOD = "not_understood"
    OVERDUE_REVIEW = "overdue_review"
    VIOLATIONS = "violations"


REASON_TEXT: dict[str, str] = {
    HandoffReason.SELLER_REQUEST: "the seller asked for a person",
    HandoffReason.NOT_UNDERSTOOD: "the bot did not understand the seller twice in a row",
    HandoffReason.OVERDUE_REVIEW: "the seller's refund review is overdue",
    HandoffReason.VIOLATIONS: (
        "the store has a violation or penalty record, for which the guide gives no procedure"
    ),
}
# The bot's offers of a person: a request that answers one takes the offer's reason.
REASON_BY_OFFER: dict[str, HandoffReason] = {
    "utter_review_window_overdue": HandoffReason.OVERDUE_REVIEW,
    "utter_offer_handoff_violations": HandoffReason.VIOLATIONS,
}
REVIEW_SLOTS = ("submission_date", "review_earliest", "review_latest", "review_status")
TICKET_SLOT = "handoff_ticket"
REASON_SLOT = "handoff_reason"
TICKET_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read out over the phone
# How the summary names each fact's value (True, False) for an agent.
FACT_WORDS: dict[Fact, tuple[str, str]] = {
    Fact.STORE_CANCELLED: ("store cancelled", "store NOT cancelled"),
    Fact.HAS_PENDING_ORDERS: ("pending orders", "no pending orders"),
    Fact.HAS_VIOLATIONS: ("violation/penalty record", "no violations"),
    Fact.HAS_DISPUTES: ("open buyer dispute", "no open disputes"),
}
# How the summary names the seller's language and Chinese script, in English words.
LANGUAGE_NAMES: dict[str, str] = {
    Language.ENGLISH.value: "English",
    Language.CHINESE.value: "Chinese",
}
SCRIPT_NAMES: dict[str, str] = {
    ChineseScript.SIMPLIFIED.value: "Simplified",
    ChineseScript.TRADITIONAL.value: "Traditional",
}


@dataclass(frozen=True)
class Ticket:
    id: str
    created_at: str
    channel: str
    seller_id: str
    reason: str
    summary: str
    questions: list[str]
    store_facts: dict[str, bool | None]
    verdict: dict[str, Any] | None
    review: dict[str, Any] | None
    transcript: list[dict[str, str]] = field(default_factory=list)
    # The seller's language ("en" or "zh") and, for Chinese, the script they write
    # ("simplified" or "traditional"; None when not known or not Chinese). The defaults are what
    # a ticket filed before tickets recorded the language is read as.
    language: str = DEFAULT_LANGUAGE.value
    chinese_script: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def language_name(self) -> str:
        return language_name(self.language, self.chinese_script)


def new_ticket_id() -> str:
    return "RA-" + "".join(secrets.choice(TICKET_ALPHABET) for _ in range(6))


def seller_language(slots: Mapping[str, Any]) -> tuple[Language, ChineseScript | None]:
    """The seller's language from the `language` slot (English when it is not set, or holds
    anything else) and, for Chinese, the script from the `chinese_script` slot."""
    value = slots.get(LANGUAGE_SLOT)
    language = (language_from_code(value) if isinstance(value, str) else None) or DEFAULT_LANGUAGE
    if language is not Language.CHINESE:
        return language, None
    try:
        return language, ChineseScript(slots.get(SCRIPT_SLOT))
    except ValueError:
        return language, None


def language_name(language: str | None, chinese_script: str | None = None) -> str:
    """ "English", "Chinese (Traditional)", "Chinese" (script not known); an unknown code as it
    is; no code at all is the default, English."""
    code = language or DEFAULT_LANGUAGE.value
    name = LANGUAGE_NAMES.get(code, code)
    if code == Language.CHINESE.value and chinese_script in SCRIPT_NAMES:
        name += f" ({SCRIPT_NAMES[chinese_script]})"
    return name


def reason_for_request(last_bot_response: str | None) -> HandoffReason:
    return REASON_BY_OFFER.get(last_bot_response or "", HandoffReason.SELLER_REQUEST)


def existing_ticket(events: Iterable[Event]) -> str | None:
    """The ticket already opened in this session, so one conversation gets one ticket.

    Only tickets set after the session's first seller message count: a new session starts by
    carrying the previous session's slots over, and that old ticket belongs to the old session.
    """
    ticket, seller_spoke = None, False
    for event in current_session(events):
        if event.get("event") == "user":
            seller_spoke = True
        elif seller_spoke and event.get("event") == "slot" and event.get("name") == TICKET_SLOT:
            ticket = event.get("value") or ticket
    return ticket


def transcript(events: Iterable[Event]) -> list[dict[str, str]]:
    lines = []
    for event in current_session(events):
        if event.get("event") not in ("user", "bot") or not event.get("text"):
            continue
        when = datetime.fromtimestamp(event.get("timestamp") or 0, timezone.utc)
        lines.append(
            {
                "from": "seller" if event["event"] == "user" else "bot",
                "time": when.isoformat(timespec="seconds"),
                "text": mask_personal_data(event["text"]),
            }
        )
    return lines


def seller_questions(events: Iterable[Event]) -> list[str]:
    """What the seller typed (button presses and yes/no answers left out)."""
    questions = []
    for event in current_session(events):
        text = (event.get("text") or "").strip()
        if (
            event.get("event") == "user"
            and text
            and not text.startswith("/")
            and intent_of(event) not in intents.NOT_QUESTIONS
        ):
            questions.append(mask_personal_data(text))
    return questions


def _describe_facts(facts: Mapping[Fact, bool | None]) -> str:
    said = [
        FACT_WORDS[fact][0 if value else 1] for fact, value in facts.items() if value is not None
    ]
    return ", ".join(said) if said else "nothing said about the store"


def build_ticket(
    *,
    events: Iterable[Event],
    slots: Mapping[str, Any],
    reason: str,
    channel: str | None,
    seller_id: str,
    now: datetime,
    ticket_id: str | None = None,
) -> Ticket:
    events = list(events)
    facts = {fact: slots.get(fact.value) for fact in FACTS}
    verdict = None
    if slots.get("refund_eligible") is not None:
        verdict = {
            "eligible": slots["refund_eligible"],
            "blockers": slots.get("refund_blockers") or [],
        }
    review = (
        {name: slots.get(name) for name in REVIEW_SLOTS} if slots.get("submission_date") else None
    )
    questions = seller_questions(events)
    language, script = seller_language(slots)
    script_code = script.value if script else None

    parts = [
        f"Handed over because {REASON_TEXT.get(reason, reason)}.",
        f"Seller's language: {language_name(language.value, script_code)}.",
    ]
    if questions:
        parts.append("The seller asked: " + " | ".join(f'"{q}"' for q in questions[-5:]) + ".")
    parts.append(f"Store, as the seller described it: {_describe_facts(facts)}.")
    if verdict is not None:
        parts.append(
            "Bot's verdict: eligible to apply."
            if verdict["eligible"]
            else "Bot's verdict: not eligible yet (" + ", ".join(verdict["blockers"]) + ")."
        )
    if review:
        parts.append(
            f"Review: applied {review['submission_date']}, expected {review.get('review_earliest')}"
            f" to {review.get('review_latest')}, status {review.get('review_status')}."
        )
    return Ticket(
        id=ticket_id or new_ticket_id(),
        created_at=now.astimezone(timezone.utc).isoformat(timespec="seconds"),
        channel=channel or "unknown",
        seller_id=seller_id,
        reason=str(getattr(reason, "value", reason)),
        summary=" ".join(parts),
        questions=questions,
        store_facts={fact.value: value for fact, value in facts.items()},
        verdict=verdict,
        review=review,
        transcript=transcript(events),
        language=language.value,
        chinese_script=script_code,
    )
