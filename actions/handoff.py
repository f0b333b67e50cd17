"""What a person needs when the bot hands a seller over: one ticket that reads on its own.

An agent who has never seen the chat gets the reason, the seller's questions, what the seller
said about their store and the verdict, any review dates, and the transcript, with personal data
masked. Built from tracker events only, so it is a pure function tested without Rasa.
"""

from __future__ import annotations

import secrets
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Any, Dict, Iterable, List, Mapping, Optional

from actions.personal_data import mask_personal_data

SELLER_REQUEST = "seller_request"
NOT_UNDERSTOOD = "not_understood"
OVERDUE_REVIEW = "overdue_review"
VIOLATIONS = "violations"
REASON_TEXT = {
    SELLER_REQUEST: "the seller asked for a person",
    NOT_UNDERSTOOD: "the bot did not understand the seller twice in a row",
    OVERDUE_REVIEW: "the seller's refund review is overdue",
    VIOLATIONS: "the store has a violation or penalty record, for which the guide gives no procedure",
}
# The bot's offers of a person: a request that answers one takes the offer's reason.
REASON_BY_OFFER = {
    "utter_review_window_overdue": OVERDUE_REVIEW,
    "utter_offer_handoff_violations": VIOLATIONS,
}
FACT_SLOTS = ("store_cancelled", "has_pending_orders", "has_violations", "has_disputes")
REVIEW_SLOTS = ("submission_date", "review_earliest", "review_latest", "review_status")
TICKET_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read out over the phone


@dataclass(frozen=True)
class Ticket:
    id: str
    created_at: str
    channel: str
    seller_id: str
    reason: str
    summary: str
    questions: List[str]
    store_facts: Dict[str, Optional[bool]]
    verdict: Optional[Dict[str, Any]]
    review: Optional[Dict[str, Any]]
    transcript: List[Dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> Dict[str, Any]:
        return asdict(self)


def new_ticket_id() -> str:
    return "RA-" + "".join(secrets.choice(TICKET_ALPHABET) for _ in range(6))


def reason_for_request(last_bot_response: Optional[str]) -> str:
    return REASON_BY_OFFER.get(last_bot_response or "", SELLER_REQUEST)


def current_session(events: Iterable[Mapping[str, Any]]) -> List[Mapping[str, Any]]:
    """The events since the latest session start (the whole list if there is none)."""
    events = list(events)
    for index in range(len(events) - 1, -1, -1):
        if events[index].get("event") == "action" and events[index].get("name") == "action_session_start":
            return events[index:]
    return events


def existing_ticket(events: Iterable[Mapping[str, Any]]) -> Optional[str]:
    """The ticket already opened in this session, so one conversation gets one ticket.

    Only tickets set after the session's first seller message count: a new session starts by
    carrying the previous session's slots over, and that old ticket belongs to the old session.
    """
    ticket, seller_spoke = None, False
    for event in current_session(events):
        if event.get("event") == "user":
            seller_spoke = True
        elif seller_spoke and event.get("event") == "slot" and event.get("name") == "handoff_ticket":
            ticket = event.get("value") or ticket
    return ticket


def transcript(events: Iterable[Mapping[str, Any]]) -> List[Dict[str, str]]:
    lines = []
    for event in current_session(events):
        if event.get("event") not in ("user", "bot") or not event.get("text"):
            continue
        when = datetime.fromtimestamp(event.get("timestamp") or 0, timezone.utc)
        lines.append({
            "from": "seller" if event["event"] == "user" else "bot",
            "time": when.isoformat(timespec="seconds"),
            "text": mask_personal_data(event["text"]),
        })
    return lines


def seller_questions(events: Iterable[Mapping[str, Any]]) -> List[str]:
    """What the seller typed (button presses and yes/no answers left out)."""
    questions = []
    for event in current_session(events):
        text = (event.get("text") or "").strip()
        intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        if event.get("event") == "user" and text and not text.startswith("/") and intent not in (
            "affirm", "deny", "greet", "thank", "goodbye", "request_human",
        ):
            questions.append(mask_personal_data(text))
    return questions


def _describe_facts(facts: Mapping[str, Optional[bool]]) -> str:
    words = {
        "store_cancelled": ("store cancelled", "store NOT cancelled"),
        "has_pending_orders": ("pending orders", "no pending orders"),
        "has_violations": ("violation/penalty record", "no violations"),
        "has_disputes": ("open buyer dispute", "no open disputes"),
    }
    said = [words[name][0 if value else 1] for name, value in facts.items() if value is not None]
    return ", ".join(said) if said else "nothing said about the store"


def build_ticket(
    *,
    events: Iterable[Mapping[str, Any]],
    slots: Mapping[str, Any],
    reason: str,
    channel: Optional[str],
    seller_id: str,
    now: datetime,
    ticket_id: Optional[str] = None,
) -> Ticket:
    events = list(events)
    facts = {name: slots.get(name) for name in FACT_SLOTS}
    verdict = None
    if slots.get("refund_eligible") is not None:
        verdict = {"eligible": slots["refund_eligible"], "blockers": slots.get("refund_blockers") or []}
    review = {name: slots.get(name) for name in REVIEW_SLOTS} if slots.get("submission_date") else None
    questions = seller_questions(events)

    parts = [f"Handed over because {REASON_TEXT.get(reason, reason)}."]
    if questions:
        parts.append("The seller asked: " + " | ".join(f'"{q}"' for q in questions[-5:]) + ".")
    parts.append(f"Store, as the seller described it: {_describe_facts(facts)}.")
    if verdict is not None:
        parts.append(
            "Bot's verdict: eligible to apply." if verdict["eligible"]
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
        reason=reason,
        summary=" ".join(parts),
        questions=questions,
        store_facts=facts,
        verdict=verdict,
        review=review,
        transcript=transcript(events),
    )
