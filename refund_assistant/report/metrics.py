"""Every figure of the report, computed from the conversations, and what each one means.

Why pure: `compute` takes events and returns a `Report`, with no database and no output, so each
figure is checked against a hand count and the same numbers feed the HTML page and the terminal
summary. `DEFINITIONS` says in words how each figure is counted; the page prints it, so a reader
never has to guess and a change to a rule shows up next to the number it changes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date, timedelta
from typing import Any

from refund_assistant.conversation import SESSION_START_ACTION
from refund_assistant.handoff.ticket import REASON_SLOT as HANDOFF_REASON_SLOT
from refund_assistant.handoff.ticket import REASON_TEXT
from refund_assistant.intents import FALLBACK as FALLBACK_INTENT
from refund_assistant.intents import FEEDBACK_HELPFUL as HELPFUL_INTENT
from refund_assistant.intents import FEEDBACK_NOT_HELPFUL as NOT_HELPFUL_INTENT
from refund_assistant.intents import GOODBYE, OUT_OF_SCOPE, THANK
from refund_assistant.intents import MECHANICS as MECHANICS_INTENTS
from refund_assistant.intents import NOT_COVERED as NOT_COVERED_INTENTS
from refund_assistant.languages import LANGUAGE_SLOT
from refund_assistant.privacy import mask_personal_data
from refund_assistant.report.conversations import Conversation, SellerMessage, split_conversations
from refund_assistant.report.events import Event
from refund_assistant.report.language import (
    CHINESE,
    ENGLISH,
    LANGUAGE_GROUPS,
    OTHER_LANGUAGE,
    REPLY_LANGUAGES,
)


def _code(reason: str) -> str:
    """A reason code as plain text: `REASON_TEXT`'s keys may be a str Enum, whose str() differs."""
    return str(getattr(reason, "value", reason))


# The reasons the bot hands over for, in the order the report lists them.
KNOWN_HANDOFF_REASONS: tuple[str, ...] = tuple(_code(reason) for reason in REASON_TEXT)
# Why the bot did not answer a seller message: the language first (whatever intent the NLU
# guessed for text it cannot read), else the intent of the message.
UNSUPPORTED_LANGUAGE = "unsupported language"
NOT_UNDERSTOOD = "not understood"
OFF_TOPIC = "off-topic"
UNANSWERED_REASON_BY_INTENT = {FALLBACK_INTENT: NOT_UNDERSTOOD, OUT_OF_SCOPE: OFF_TOPIC}
UNANSWERED_REASONS: tuple[str, ...] = (NOT_UNDERSTOOD, OFF_TOPIC, UNSUPPORTED_LANGUAGE)
# A question the guide has no answer for gets an honest answer (the guide does not say; ask
# customer service): its conversation counts as answered, yet the message is listed among the
# top unanswered ones, so the guide's gaps stay visible.
NOT_COVERED = "not covered by the guide"
TOP_UNANSWERED = 20
# Messages that close a conversation rather than ask something: a conversation's outcome is read
# from the seller's last message before them.
SIGN_OFFS: frozenset[str] = frozenset({GOODBYE, THANK, HELPFUL_INTENT, NOT_HELPFUL_INTENT})


@dataclass(frozen=True)
class UnansweredMessage:
    text: str
    count: int
    category: str


@dataclass(frozen=True)
class DayCounts:
    day: date
    conversations: int
    handed_off: int
    fallback_messages: int
    answered: int
    unanswered: int


def share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@dataclass(frozen=True)
class Figures:
    """The main counts of a set of conversations: all of them (`Report`), or one language's."""

    conversations: int
    answered: int
    # Unanswered conversations by reason, every reason of UNANSWERED_REASONS listed in order.
    unanswered_by_reason: dict[str, int]
    handed_off: int
    # Handed-off conversations by reason: the known reasons in order, then any other found.
    handoffs_by_reason: dict[str, int]
    confirmed_resolved: int
    seller_messages: int
    fallback_messages: int
    helpful: int
    not_helpful: int

    @property
    def unanswered_conversations(self) -> int:
        return sum(self.unanswered_by_reason.values())

    @property
    def answered_rate(self) -> float:
        return share(self.answered, self.conversations)

    @property
    def unanswered_rate(self) -> float:
        return share(self.unanswered_conversations, self.conversations)

    def unanswered_rate_for(self, reason: str) -> float:
        return share(self.unanswered_by_reason.get(reason, 0), self.conversations)

    @property
    def contained(self) -> int:
        """Containment counts only what was really answered: the answered conversations."""
        return self.answered

    @property
    def contained_rate(self) -> float:
        return share(self.contained, self.conversations)

    @property
    def handoff_rate(self) -> float:
        return share(self.handed_off, self.conversations)

    @property
    def confirmed_resolved_rate(self) -> float:
        return share(self.confirmed_resolved, self.conversations)

    @property
    def fallback_rate(self) -> float:
        return share(self.fallback_messages, self.seller_messages)

    @property
    def helpful_share(self) -> float:
        return share(self.helpful, self.helpful + self.not_helpful)

    @property
    def not_helpful_share(self) -> float:
        return share(self.not_helpful, self.helpful + self.not_helpful)

    def handoff_rate_for(self, reason: str) -> float:
        return share(self.handoffs_by_reason.get(reason, 0), self.conversations)


@dataclass(frozen=True)
class Report(Figures):
    since: date | None
    until: date | None
    topics: list[tuple[str, int]]
    unanswered: list[UnansweredMessage]
    daily: list[DayCounts]
    # The same figures for each language group of LANGUAGE_GROUPS, all listed, in that order.
    by_language: dict[str, Figures]

    @property
    def period(self) -> str:
        if self.since and self.until:
            return f"{self.since} to {self.until} (UTC)"
        if self.since:
            return f"from {self.since} (UTC)"
        if self.until:
            return f"up to {self.until} (UTC)"
        if self.daily:
            return f"all dates: {self.daily[0].day} to {self.daily[-1].day} (UTC)"
        return "all dates"


def normalise_text(text: str) -> str:
    return " ".join(text.split()).lower()


def _handoffs_by_reason(
    conversations: Sequence[Conversation], reasons: Sequence[str] = ()
) -> dict[str, int]:
    """Every reason of `reasons` (else the known ones) listed, then any other found, most
    frequent first."""
    counts = Counter(reason for c in conversations for reason in c.handoff_reasons)
    listed = tuple(reasons) or KNOWN_HANDOFF_REASONS
    unknown = sorted((r for r in counts if r not in listed), key=lambda r: (-counts[r], r))
    return {reason: counts.get(reason, 0) for reason in (*listed, *unknown)}


def unanswered_reason(message: SellerMessage) -> str | None:
    """Why the bot's reply did not answer `message` (one of UNANSWERED_REASONS), None if it did."""
    if message.in_unsupported_language:
        return UNSUPPORTED_LANGUAGE
    return UNANSWERED_REASON_BY_INTENT.get(message.intent or "")


def is_sign_off(message: SellerMessage) -> bool:
    """Goodbye, thanks or feedback, in a language the bot reads (an unreadable message is no
    sign-off, whatever intent the NLU guessed for it)."""
    return message.intent in SIGN_OFFS and not message.in_unsupported_language


def conversation_unanswered_reason(conversation: Conversation) -> str | None:
    """Why a conversation that was not handed off ended unanswered: the reason of the seller's last
    message, sign-offs after it left out (a "bye" after "Did you mean...?" is still a seller
    leaving unanswered). None for an answered conversation, and for a handed-off one."""
    if conversation.handed_off or not conversation.messages:
        return None
    last = next(
        (m for m in reversed(conversation.messages) if not is_sign_off(m)),
        conversation.messages[-1],
    )
    return unanswered_reason(last)


def is_answered(conversation: Conversation) -> bool:
    return not conversation.handed_off and conversation_unanswered_reason(conversation) is None


def _unanswered_by_reason(conversations: Sequence[Conversation]) -> dict[str, int]:
    counts = Counter(conversation_unanswered_reason(c) for c in conversations)
    return {reason: counts.get(reason, 0) for reason in UNANSWERED_REASONS}


def _list_category(message: SellerMessage) -> str | None:
    reason = unanswered_reason(message)
    if reason is None and message.intent in NOT_COVERED_INTENTS:
        return NOT_COVERED
    return reason


def _unanswered(messages: Iterable[SellerMessage]) -> list[UnansweredMessage]:
    counts: Counter[str] = Counter()
    categories: dict[str, Counter[str]] = {}
    for message in messages:
        category = _list_category(message)
        if category is None or message.is_button_press or not message.text.strip():
            continue
        text = mask_personal_data(normalise_text(message.text))
        counts[text] += 1
        categories.setdefault(text, Counter())[category] += 1
    ranked = sorted(counts, key=lambda text: (-counts[text], text))[:TOP_UNANSWERED]
    return [
        UnansweredMessage(text, counts[text], categories[text].most_common(1)[0][0])
        for text in ranked
    ]


def _daily(conversations: Sequence[Conversation]) -> list[DayCounts]:
    """Every day from the first conversation to the last, days without any included."""
    if not conversations:
        return []
    first = min(c.day for c in conversations)
    last = max(c.day for c in conversations)
    days = []
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        on_day = [c for c in conversations if c.day == day]
        days.append(
            DayCounts(
                day=day,
                conversations=len(on_day),
                handed_off=sum(c.handed_off for c in on_day),
                fallback_messages=sum(c.count(FALLBACK_INTENT) for c in on_day),
                answered=sum(is_answered(c) for c in on_day),
                unanswered=sum(conversation_unanswered_reason(c) is not None for c in on_day),
            )
        )
    return days


def figures(conversations: Sequence[Conversation], handoff_reasons: Sequence[str] = ()) -> Figures:
    """The main counts of `conversations`, with every reason of `handoff_reasons` listed."""
    return Figures(
        conversations=len(conversations),
        answered=sum(is_answered(c) for c in conversations),
        unanswered_by_reason=_unanswered_by_reason(conversations),
        handed_off=sum(c.handed_off for c in conversations),
        handoffs_by_reason=_handoffs_by_reason(conversations, handoff_reasons),
        confirmed_resolved=sum(
            1 for c in conversations if is_answered(c) and c.count(HELPFUL_INTENT) > 0
        ),
        seller_messages=sum(len(c.messages) for c in conversations),
        fallback_messages=sum(c.count(FALLBACK_INTENT) for c in conversations),
        helpful=sum(c.count(HELPFUL_INTENT) for c in conversations),
        not_helpful=sum(c.count(NOT_HELPFUL_INTENT) for c in conversations),
    )


def _by_language(
    conversations: Sequence[Conversation], handoff_reasons: Sequence[str]
) -> dict[str, Figures]:
    """Each language group's figures, with the same handoff reasons listed as the totals."""
    return {
        group: figures([c for c in conversations if c.language_group == group], handoff_reasons)
        for group in LANGUAGE_GROUPS
    }


def compute(
    events: Iterable[Event], since: date | None = None, until: date | None = None
) -> Report:
    """Every figure of the report, for the conversations dated from `since` to `until` inclusive."""
    conversations = [
        c
        for c in split_conversations(events)
        if (since is None or c.day >= since) and (until is None or c.day <= until)
    ]
    messages = [m for c in conversations for m in c.messages]
    topics = Counter(m.intent for m in messages if m.intent and m.intent not in MECHANICS_INTENTS)
    totals = figures(conversations)
    main_counts: dict[str, Any] = {f.name: getattr(totals, f.name) for f in fields(Figures)}
    return Report(
        **main_counts,
        since=since,
        until=until,
        topics=sorted(topics.items(), key=lambda item: (-item[1], item[0])),
        unanswered=_unanswered(messages),
        daily=_daily(conversations),
        by_language=_by_language(conversations, tuple(totals.handoffs_by_reason)),
    )


# --- the definitions, printed in the report ------------------------------------------------------


def _codes(names: Iterable[str]) -> str:
    return ", ".join(sorted(names))


DEFINITIONS: list[tuple[str, str]] = [
    (
        "Conversation",
        "One session of one seller: the seller's events from a session start (Rasa's "
        f"{SESSION_START_ACTION}) up to the next one. Events stored before a seller's first session "
        "start count as a session too. Sessions in which the seller sent no message are left out. "
        "A conversation's date is the date (UTC) of its first seller message; the period selects "
        "conversations by that date, both ends included.",
    ),
    (
        "Seller message",
        'Anything the seller sent: typed text, or a button press (text starting with "/"). Its '
        "intent is what the bot understood it to be about.",
    ),
    (
        "Fallback and fallback rate",
        f"A seller message the bot was not confident about (intent {FALLBACK_INTENT}): it answered "
        '"Did you mean…". Fallback rate = fallback messages ÷ all seller messages.',
    ),
    (
        "Handoff",
        f"The bot passed the conversation to a person: the slot {HANDOFF_REASON_SLOT} was set to a "
        "reason. "
        + " ".join(f"{_code(reason)}: {text}." for reason, text in REASON_TEXT.items())
        + " Any other reason found is shown as it is. A value carried over from the seller's "
        "previous session when a new session starts is not a new handoff. A conversation is handed "
        "off if it has at least one handoff. Handoff rate for a reason = conversations with a handoff "
        "for that reason ÷ all conversations (a conversation with two reasons counts under both).",
    ),
    (
        "Answered, unanswered, handed off",
        "Every conversation is exactly one of the three. Handed off: it has a handoff (see "
        "Handoff), whatever else happened in it. Unanswered: not handed off, and the seller's last "
        "message got no answer: it was in an unsupported language (see below; checked first), or "
        f'the bot replied "Did you mean…" (intent {FALLBACK_INTENT}: "{NOT_UNDERSTOOD}") or with '
        f'its out-of-scope reply (intent {OUT_OF_SCOPE}: "{OFF_TOPIC}"), and the seller left. '
        "Sign-offs after that message do not change it: the last message is read leaving out "
        f"{_codes(SIGN_OFFS)} at the end. Answered: every other conversation, including one that "
        f"ends with a question the guide does not cover ({_codes(NOT_COVERED_INTENTS)}): the bot "
        "answers it honestly, pointing to customer service. Each share = its count ÷ all "
        "conversations; the three add up to all conversations.",
    ),
    (
        "Unsupported language",
        "A typed seller message in a language the bot does not answer in; it answers in English "
        f"and Chinese ({_codes(REPLY_LANGUAGES)}). The language tagger sets the slot "
        f"{LANGUAGE_SLOT} after every seller message in which it finds English or Chinese. "
        "Where it set the slot for a message (after the message, before the seller's next one), "
        "that value decides: a language code (the part before any - or _) other than "
        f"{_codes(REPLY_LANGUAGES)} is unsupported. Where no value was set for it (an "
        'acknowledgement such as "ok", a date, or a language the tagger does not know), the '
        "script decides: the message is unsupported when more than half of its letters are "
        "neither Latin letters nor Chinese characters (Cyrillic, Arabic, Thai, Japanese kana…; "
        "in a text with kana the Chinese characters count as Japanese too). Digits, punctuation, "
        "symbols and masking placeholders such as [phone] are not counted. Other Latin-script "
        "languages (Spanish…) are not caught: the tagger takes them for English. Button presses "
        "are in no language.",
    ),
    (
        "Conversation language",
        f"{ENGLISH}, {CHINESE} or {OTHER_LANGUAGE}: the last value of the slot {LANGUAGE_SLOT} in "
        "the conversation, a value carried over from the seller's previous session included, "
        "which is the language the bot was answering in at the end: en is "
        f"{ENGLISH}, zh {CHINESE} (a region or script subtag such as zh-TW counts by its "
        f"language), any other value {OTHER_LANGUAGE}. A conversation without a value (stored "
        "before the language tagger was added, or in which it recognised nothing) gets the "
        "language the tagger's own rule finds in its seller messages, the last one found; "
        f"failing that, {OTHER_LANGUAGE} if one of its messages was in an unsupported language, "
        f"else {ENGLISH}, the bot's default. So a Chinese conversation stored before the tagger "
        f"counts as {CHINESE}, although the bot answered it in English then.",
    ),
    (
        "Contained",
        "An answered conversation. Containment = answered ÷ all conversations: a conversation the "
        "seller left unanswered is not contained, although no person took it over. Being answered "
        "does not prove the seller got what they needed; see confirmed resolved.",
    ),
    (
        "Feedback: helpful / not helpful",
        f"Seller messages with intent {HELPFUL_INTENT} (helpful) or {NOT_HELPFUL_INTENT} (not "
        "helpful), or a typed yes (helpful) or no (not helpful) right after the bot asked "
        '"Did this answer your question?"; counted as messages, not conversations. Each share = '
        "its count ÷ (helpful + not helpful).",
    ),
    (
        "Confirmed resolved",
        "An answered conversation with at least one helpful feedback. Its rate is over all "
        "conversations.",
    ),
    (
        "Topics asked most",
        "Seller messages counted by intent, button presses included, leaving out the intents that "
        f"only run the conversation: {_codes(MECHANICS_INTENTS)}.",
    ),
    (
        "Top unanswered seller messages",
        "Typed seller messages (button presses left out) the bot could not answer: in an "
        f'unsupported language ("{UNSUPPORTED_LANGUAGE}"), intent {FALLBACK_INTENT} '
        f'("{NOT_UNDERSTOOD}"), {OUT_OF_SCOPE} ("{OFF_TOPIC}"), or a question the guide does not '
        f'answer, {_codes(NOT_COVERED_INTENTS)} ("{NOT_COVERED}"): these get an honest pointer to '
        "customer service, so their conversations count as answered, but they are listed here to "
        "show where the guide falls short. Personal data is masked; messages are grouped by their "
        "text, ignoring case and extra spaces, and listed most frequent first (top "
        f"{TOP_UNANSWERED}). A text seen with different categories takes its most frequent one.",
    ),
    (
        "Daily trend",
        "Per day (the conversation's date, UTC): conversations; answered, unanswered and "
        "handed-off conversations; and fallback messages in those conversations, so the days add "
        "up to the totals above.",
    ),
    (
        "By language",
        "The main figures (answered, unanswered and their reasons, handed off and its reasons, "
        "confirmed resolved, seller messages, fallbacks, feedback), counted the same way over the "
        "conversations of one language only (see Conversation language), with their messages. "
        "Shares and rates are within that language: of its conversations, of its seller "
        "messages, of its feedback. Each conversation is in exactly one language, so the "
        "languages add up to all.",
    ),
]
