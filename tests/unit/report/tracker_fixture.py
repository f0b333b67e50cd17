"""The conversations the report's tests count, written as Rasa's own SQL tracker store writes them.

Every figure is checked against a hand count of the fixture below, so a change in how the report
reads the `events` table (or in how Rasa writes it) shows up as a wrong number in the tests.
Rasa is imported here, in the tests only: the report itself never imports it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from refund_assistant.report.metrics import compute
from refund_assistant.settings import PROJECT_ROOT

DAY_1 = datetime(2024, 5, 6, tzinfo=timezone.utc)
SINCE, UNTIL = "2024-05-06", "2024-05-08"
SCRIPT = "<script>alert(1)</script>"
# "When will the deposit be returned?" and "When can the deposit be refunded?", in Chinese.
CHINESE_QUESTION = "押金什么时候退回？"
CHINESE_QUESTION_2 = "押金什么时候能退？"
SPANISH_QUESTION = "¿Cuándo me devuelven el depósito?"
# "When will the deposit be returned?" in Russian: a script the bot does not read.
RUSSIAN_QUESTION = "Когда вернут депозит?"
# The slot the language tagger sets (refund_assistant.languages.LANGUAGE_SLOT); added to the
# fixture's domain should the project's domain not have it.
LANGUAGE_SLOT_DOMAIN = {
    "slots": {
        "language": {
            "type": "text",
            "influence_conversation": False,
            "mappings": [{"type": "custom"}],
        }
    }
}


class Session:
    """One session's events in the order Rasa stores them, one second apart from `start`."""

    def __init__(self, start: datetime, *, session_start: bool = True) -> None:
        self.clock = start.timestamp()
        self.events: list[Event] = []
        if session_start:
            self.events += [
                ActionExecuted("action_session_start", timestamp=self._tick()),
                SessionStarted(timestamp=self._tick()),
                ActionExecuted("action_listen", timestamp=self._tick()),
            ]

    def _tick(self) -> float:
        self.clock += 1
        return self.clock

    def seller(self, text: str, intent: str, confidence: float = 0.93) -> Session:
        ranking = [{"name": intent, "confidence": confidence}]
        if intent == "nlu_fallback":
            ranking.append({"name": "ask_review_progress", "confidence": 0.31})
        intent_dict = {"name": intent, "confidence": confidence}
        parse_data = {
            "intent": intent_dict,
            "entities": [],
            "text": text,
            "intent_ranking": ranking,
        }
        self.events.append(
            UserUttered(text, intent=intent_dict, parse_data=parse_data, timestamp=self._tick())
        )
        return self

    def bot(self, text: str) -> Session:
        self.events += [
            ActionExecuted("utter_answer", timestamp=self._tick()),
            BotUttered(text, timestamp=self._tick()),
            ActionExecuted("action_listen", timestamp=self._tick()),
        ]
        return self

    def slot(self, name: str, value) -> Session:
        self.events.append(SlotSet(name, value, timestamp=self._tick()))
        return self

    def handoff(self, reason: str, ticket: str) -> Session:
        return (
            self.slot("handoff_ticket", ticket)
            .slot("handoff_reason", reason)
            .bot(f"ticket {ticket}")
        )


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    """`day` 1 is 2024-05-06 (UTC)."""
    return DAY_1 + timedelta(days=day - 1, hours=hour, minutes=minute, seconds=second)


def conversations_by_seller():
    """The fixture; each conversation's counts are in the comments (m = seller messages)."""
    return {
        # C1 day 1: answered and 👍. m=4: greet, ask_how_to_apply, 👍, goodbye. Contained, resolved.
        # The language tagger sets the slot to "en" after each typed message, as the live bot
        # does (not after the button press, which has no language); the other English
        # conversations have no slot at all, as those stored before the tagger: English either way.
        "seller-a": [
            Session(at(1, 9))
            .seller("hi", "greet")
            .slot("language", "en")
            .bot("Hello!")
            .seller("How do I apply for the refund?", "ask_how_to_apply")
            .slot("language", "en")
            .bot("Steps…")
            .seller("/feedback_helpful", "feedback_helpful")
            .bot("Glad it helped")
            .seller("bye", "goodbye")
            .slot("language", "en")
            .bot("Bye")
        ],
        # C2 day 1, stored before any session start (a session too), 10 s after midnight: the
        # --since day is included. Answered, no feedback. m=2: ask_review_time, ask_documents.
        "seller-b": [
            Session(at(1, 0, 0, 9), session_start=False)
            .seller("how long does the review take", "ask_review_time")
            .bot("7 to 15")
            .seller("which documents do I need?", "ask_documents")
            .bot("These…")
        ],
        # C3 day 2: 👎. m=2: ask_bank_fees, 👎. Contained, not resolved.
        "seller-c": [
            Session(at(2, 8))
            .seller("will my bank charge a fee", "ask_bank_fees")
            .bot("Small banks…")
            .seller("/feedback_not_helpful", "feedback_not_helpful")
            .bot("Sorry")
        ],
        # C4 day 2: two fallbacks, then handoff not_understood; the slot is reset to None
        # afterwards (not a second handoff). m=2, both nlu_fallback.
        "seller-d": [
            Session(at(2, 11))
            .seller("my refnd thingy is brokn??", "nlu_fallback", 0.45)
            .bot("Did you mean…")
            .seller("ugh   where is my money", "nlu_fallback", 0.45)
            .handoff("not_understood", "RA-AAAAA1")
            .slot("handoff_reason", None)
        ],
        # C5 day 2: a question the guide doesn't cover, then the seller asks for a person.
        # m=2: ask_deposit_amount ("How much is the deposit?"), request_human. Handoff seller_request.
        "seller-e": [
            Session(at(2, 14))
            .seller("How much is the deposit?", "ask_deposit_amount")
            .bot("The guide doesn't say")
            .seller("I want to talk to a person", "request_human")
            .handoff("seller_request", "RA-AAAAA2")
        ],
        # C6 day 3: 👍, but handed off (overdue_review), so not contained, not confirmed resolved.
        # m=2: ask_review_deadline, 👍.
        "seller-f": [
            Session(at(3, 9))
            .seller("I applied on 2 April, when will I hear back?", "ask_review_deadline")
            .bot("Overdue")
            .seller("/feedback_helpful", "feedback_helpful")
            .handoff("overdue_review", "RA-AAAAA3")
        ],
        # C7 day 3: off-topic, the deposit question again (other case and spaces), the script
        # text (not understood), the deposit question as a button press (not "unanswered"), thanks.
        # m=5: out_of_scope, ask_deposit_amount, nlu_fallback, ask_deposit_amount, thank. Contained:
        # the last message before the thanks is the not-covered question, answered honestly.
        "seller-g": [
            Session(at(3, 12))
            .seller("What's the weather in Hangzhou?", "out_of_scope")
            .bot("I only know refunds")
            .seller("  how much  is the   DEPOSIT? ", "ask_deposit_amount")
            .bot("The guide doesn't say")
            .seller(SCRIPT, "nlu_fallback", 0.2)
            .bot("Did you mean…")
            .seller("/ask_deposit_amount", "ask_deposit_amount")
            .bot("The guide doesn't say")
            .seller("ok thanks", "thank")
            .bot("You're welcome")
        ],
        # The same seller, two sessions (two conversations):
        # C8 day 1: m=2: ask_prerequisites, describe_store. Handoff violations.
        # C9 day 3 at 23:59:30 (the --until day is included): the new session carries the
        # handoff slots over (not a handoff), then m=2: ask_how_to_apply, 👍. Contained, resolved.
        "seller-h": [
            Session(at(1, 16))
            .seller("what do I need before I can get the deposit back", "ask_prerequisites")
            .bot("Four conditions")
            .seller("my store has a penalty record", "describe_store")
            .handoff("violations", "RA-AAAAA4"),
            Session(at(3, 23, 59, 30))
            .slot("handoff_ticket", "RA-AAAAA4")
            .slot("handoff_reason", "violations")
            .seller("how do I apply", "ask_how_to_apply")
            .bot("Steps…")
            .seller("/feedback_helpful", "feedback_helpful")
            .bot("Glad it helped"),
        ],
        # C10 day 2: a reason the report doesn't know yet. m=1: ask_review_progress.
        "seller-k": [
            Session(at(2, 18))
            .seller("this is taking forever, where is my review", "ask_review_progress")
            .handoff("legal_threat", "RA-AAAAA5")
        ],
        # Outside the window (day 4, 30 s after midnight): m=3: ask_deposit_amount, nlu_fallback,
        # 👎; handoff seller_request.
        "seller-i": [
            Session(at(4, 0, 0, 29))
            .seller("how much is the deposit?", "ask_deposit_amount")
            .bot("The guide doesn't say")
            .seller("asdfgh", "nlu_fallback", 0.1)
            .bot("Did you mean…")
            .seller("/feedback_not_helpful", "feedback_not_helpful")
            .handoff("seller_request", "RA-AAAAA6")
        ],
        # A session without any seller message: not a conversation.
        "seller-j": [Session(at(2, 9))],
        # The conversations below end without a handoff but without an answer either: they are
        # not answered (not contained), but unanswered, each for one reason.
        # C11 day 2: answered first, then the last message got "Did you mean…" and the seller
        # left. m=2: ask_review_time, nlu_fallback. Unanswered, not understood.
        "seller-l": [
            Session(at(2, 19))
            .seller("how long does the review take?", "ask_review_time")
            .bot("7 to 15")
            .seller("Can I pay to make it faster?", "nlu_fallback", 0.4)
            .bot("Did you mean…")
        ],
        # C12 day 3: the last message got the out-of-scope reply. m=2: greet, out_of_scope.
        # Unanswered, off-topic.
        "seller-m": [
            Session(at(3, 15))
            .seller("hello", "greet")
            .bot("Hello!")
            .seller("Can you recommend a good phone?", "out_of_scope")
            .bot("I only know refunds")
        ],
        # C13 day 1: a Russian question (mostly Cyrillic letters; the tagger sets no language for
        # it), which the NLU misread as ask_bank_fees. m=1: ask_bank_fees. Unanswered,
        # unsupported language, whatever the intent; its conversation's language is other.
        "seller-n": [
            Session(at(1, 20)).seller(RUSSIAN_QUESTION, "ask_bank_fees", 0.52).bot("Small banks…")
        ],
        # C14 day 2: "Did you mean…", then a goodbye: the sign-off does not make the conversation
        # answered. m=2: nlu_fallback, goodbye. Unanswered, not understood.
        "seller-o": [
            Session(at(2, 21))
            .seller("is the refnd stuck", "nlu_fallback", 0.38)
            .bot("Did you mean…")
            .seller("ok bye", "goodbye")
            .bot("Bye")
        ],
        # C15 day 3: the language slot set for a message decides instead of the script: Spanish
        # (Latin script, slot "es", a value the tagger itself never sets: it takes Spanish for
        # English) is an unsupported language; Chinese (slot "zh") is answered. m=2: nlu_fallback,
        # ask_review_time. Answered; a Chinese conversation (the slot's last value).
        "seller-p": [
            Session(at(3, 18))
            .seller(SPANISH_QUESTION, "nlu_fallback", 0.3)
            .slot("language", "es")
            .bot("Sorry, English or Chinese only")
            .seller(CHINESE_QUESTION_2, "ask_review_time", 0.9)
            .slot("language", "zh")
            .bot("7到15个工作日")
        ],
    }


async def save_conversations(path: Path) -> None:
    """The fixture conversations, saved by Rasa's SQLTrackerStore as the running bot saves them."""
    domain = Domain.load(str(PROJECT_ROOT / "domain.yml"))
    if "language" not in {slot.name for slot in domain.slots}:
        domain = domain.merge(Domain.from_dict(LANGUAGE_SLOT_DOMAIN))
    store = SQLTrackerStore(domain=domain, dialect="sqlite", db=str(path))
    for sender_id, sessions in conversations_by_seller().items():
        first, *later = sessions
        await store.save(
            DialogueStateTracker.from_events(sender_id, first.events, slots=domain.slots)
        )
        for session in later:  # a later session: the stored tracker, continued, saved again
            tracker = await store.retrieve(sender_id)
            for event in session.events:
                tracker.update(event)
            await store.save(tracker)
    store.engine.dispose()


def in_window(events):
    return compute(events, since=date(2024, 5, 6), until=date(2024, 5, 8))
