"""Customer-service deflection report: what Refund Assistant dealt with and what it missed.

Support teams read it to see how many seller conversations the bot handled on its own, why the
others went to a person, which topics sellers ask about, and which messages the bot could not
answer. It reads Rasa's SQL tracker store (the `events` table) with one read-only query, never
by loading trackers, so it runs against the live database without touching it.

    python scripts/deflection_report.py [--db URL_OR_SQLITE_PATH] [--since YYYY-MM-DD]
                                        [--until YYYY-MM-DD] [--out PATH]

The parts: `load_events` (the query), `compute` (pure: events in, `Report` out), `render_html`
and `summary_text` (output), `main` (the command line). Every figure is defined in words in
`DEFINITIONS`, which the HTML report prints.
"""

from __future__ import annotations

import argparse
import base64
import io
import json
import os
import sqlite3
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:  # run as `python scripts/deflection_report.py`
    sys.path.insert(0, str(PROJECT_ROOT))

import jinja2  # noqa: E402
import sqlalchemy as sa  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.dates import DateFormatter, DayLocator  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import MaxNLocator, PercentFormatter  # noqa: E402

from actions.database import DATABASE_URL_ENV as DB_ENV_VAR  # noqa: E402
from actions.database import DEFAULT_SQLITE_PATH as DEFAULT_DB  # noqa: E402
from actions.handoff import REASON_TEXT  # noqa: E402
from actions.personal_data import mask_personal_data  # noqa: E402

DEFAULT_OUT = PROJECT_ROOT / "results" / "deflection-report.html"

SESSION_START_ACTION = "action_session_start"
HANDOFF_REASON_SLOT = "handoff_reason"
FALLBACK_INTENT = "nlu_fallback"
HELPFUL_INTENT = "feedback_helpful"
NOT_HELPFUL_INTENT = "feedback_not_helpful"
FEEDBACK_QUESTION = "utter_ask_feedback"
# A typed "yes"/"no" right after "Did this answer your question?" is feedback too.
FEEDBACK_BY_ANSWER = {"affirm": HELPFUL_INTENT, "deny": NOT_HELPFUL_INTENT}
KNOWN_HANDOFF_REASONS: Tuple[str, ...] = tuple(REASON_TEXT)
# Intents that run the conversation rather than ask about something: left out of "topics".
MECHANICS_INTENTS = frozenset({
    "greet", "goodbye", "thank", "affirm", "deny", "unsure", "stop", "next_step",
    "previous_step", "inform_date", "feedback_helpful", "feedback_not_helpful", "nlu_fallback",
    "share_personal_data", "bot_challenge",
})
NOT_UNDERSTOOD = "not understood"
OFF_TOPIC = "off-topic"
NOT_COVERED = "not covered by the guide"
NOT_COVERED_INTENTS = ("ask_deposit_amount", "ask_account_access", "ask_buyer_refund")
UNANSWERED_CATEGORY_BY_INTENT = {
    FALLBACK_INTENT: NOT_UNDERSTOOD,
    "out_of_scope": OFF_TOPIC,
    **{intent: NOT_COVERED for intent in NOT_COVERED_INTENTS},
}
TOP_UNANSWERED = 20
TOPICS_IN_CHART = 15


class ReportError(Exception):
    """A problem the user can fix (wrong database, missing table): reported in one line."""


# --- what the tracker store holds --------------------------------------------------------------


@dataclass(frozen=True)
class Event:
    """One row of the tracker store's `events` table, `data` already parsed from JSON."""

    sender_id: str
    type_name: str
    timestamp: Optional[float]
    intent_name: Optional[str] = None
    action_name: Optional[str] = None
    data: Dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SellerMessage:
    text: str
    intent: Optional[str]

    @property
    def is_button_press(self) -> bool:
        return self.text.lstrip().startswith("/")


@dataclass(frozen=True)
class Conversation:
    sender_id: str
    day: date
    messages: Tuple[SellerMessage, ...]
    handoff_reasons: Tuple[str, ...]

    @property
    def handed_off(self) -> bool:
        return bool(self.handoff_reasons)

    def count(self, intent: str) -> int:
        return sum(1 for message in self.messages if message.intent == intent)


def _utc_day(timestamp: float) -> date:
    return datetime.fromtimestamp(timestamp, timezone.utc).date()


def _is_session_start(event: Event) -> bool:
    return event.type_name == "action" and event.action_name == SESSION_START_ACTION


def _sessions(events: Sequence[Event]) -> List[List[Event]]:
    """One seller's events cut at each session start; events before the first one are a session."""
    sessions: List[List[Event]] = []
    for event in events:
        if _is_session_start(event) or not sessions:
            sessions.append([])
        sessions[-1].append(event)
    return sessions


def _conversation(sender_id: str, session: Sequence[Event]) -> Optional[Conversation]:
    """None for a session without a seller message (or whose first message has no timestamp)."""
    first_user = next((i for i, e in enumerate(session) if e.type_name == "user"), None)
    if first_user is None or session[first_user].timestamp is None:
        return None
    messages = []
    feedback_asked = False
    for event in session:
        if event.type_name == "bot":
            feedback_asked = (event.data.get("metadata") or {}).get("utter_action") == FEEDBACK_QUESTION
        elif event.type_name == "user":
            intent = event.intent_name
            if feedback_asked:
                intent = FEEDBACK_BY_ANSWER.get(intent, intent)
            messages.append(SellerMessage(text=event.data.get("text") or "", intent=intent))
            feedback_asked = False
    reasons: List[str] = []
    # Slots set before the first seller message are the previous session's values, carried over
    # by action_session_start: not a new handoff.
    for event in session[first_user:]:
        if event.type_name == "slot" and event.data.get("name") == HANDOFF_REASON_SLOT:
            value = event.data.get("value")
            if value is not None and str(value) not in reasons:
                reasons.append(str(value))
    return Conversation(
        sender_id=sender_id,
        day=_utc_day(session[first_user].timestamp),
        messages=tuple(messages),
        handoff_reasons=tuple(reasons),
    )


def split_conversations(events: Iterable[Event]) -> List[Conversation]:
    """Conversations in the order their sellers first appear; `events` in table (id) order."""
    by_sender: Dict[str, List[Event]] = {}
    for event in events:
        by_sender.setdefault(event.sender_id, []).append(event)
    conversations = []
    for sender_id, sender_events in by_sender.items():
        for session in _sessions(sender_events):
            conversation = _conversation(sender_id, session)
            if conversation is not None:
                conversations.append(conversation)
    return conversations


# --- the figures ---------------------------------------------------------------------------------


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


def share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@dataclass(frozen=True)
class Report:
    since: Optional[date]
    until: Optional[date]
    conversations: int
    handed_off: int
    confirmed_resolved: int
    handoffs_by_reason: Dict[str, int]
    seller_messages: int
    fallback_messages: int
    helpful: int
    not_helpful: int
    topics: List[Tuple[str, int]]
    unanswered: List[UnansweredMessage]
    daily: List[DayCounts]

    @property
    def contained(self) -> int:
        return self.conversations - self.handed_off

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


def _handoffs_by_reason(conversations: Sequence[Conversation]) -> Dict[str, int]:
    counts = Counter(reason for c in conversations for reason in c.handoff_reasons)
    unknown = sorted(
        (r for r in counts if r not in KNOWN_HANDOFF_REASONS), key=lambda r: (-counts[r], r)
    )
    return {reason: counts.get(reason, 0) for reason in (*KNOWN_HANDOFF_REASONS, *unknown)}


def _unanswered(messages: Iterable[SellerMessage]) -> List[UnansweredMessage]:
    counts: Counter = Counter()
    categories: Dict[str, Counter] = {}
    for message in messages:
        category = UNANSWERED_CATEGORY_BY_INTENT.get(message.intent or "")
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


def _daily(conversations: Sequence[Conversation]) -> List[DayCounts]:
    """Every day from the first conversation to the last, days without any included."""
    if not conversations:
        return []
    first = min(c.day for c in conversations)
    last = max(c.day for c in conversations)
    days = []
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        on_day = [c for c in conversations if c.day == day]
        days.append(DayCounts(
            day=day,
            conversations=len(on_day),
            handed_off=sum(c.handed_off for c in on_day),
            fallback_messages=sum(c.count(FALLBACK_INTENT) for c in on_day),
        ))
    return days


def compute(
    events: Iterable[Event], since: Optional[date] = None, until: Optional[date] = None
) -> Report:
    """Every figure of the report, for the conversations dated from `since` to `until` inclusive."""
    conversations = [
        c for c in split_conversations(events)
        if (since is None or c.day >= since) and (until is None or c.day <= until)
    ]
    messages = [m for c in conversations for m in c.messages]
    topics = Counter(m.intent for m in messages if m.intent and m.intent not in MECHANICS_INTENTS)
    return Report(
        since=since,
        until=until,
        conversations=len(conversations),
        handed_off=sum(c.handed_off for c in conversations),
        confirmed_resolved=sum(
            1 for c in conversations if not c.handed_off and c.count(HELPFUL_INTENT) > 0
        ),
        handoffs_by_reason=_handoffs_by_reason(conversations),
        seller_messages=len(messages),
        fallback_messages=sum(c.count(FALLBACK_INTENT) for c in conversations),
        helpful=sum(c.count(HELPFUL_INTENT) for c in conversations),
        not_helpful=sum(c.count(NOT_HELPFUL_INTENT) for c in conversations),
        topics=sorted(topics.items(), key=lambda item: (-item[1], item[0])),
        unanswered=_unanswered(messages),
        daily=_daily(conversations),
    )


# --- reading the tracker store -------------------------------------------------------------------


def database_url(value: str) -> str:
    """A SQLAlchemy URL as given, or a SQLite file path turned into one."""
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def _open_engine(url: str) -> sa.engine.Engine:
    try:
        parsed = sa.engine.make_url(url)
    except sa.exc.ArgumentError:
        raise ReportError(f"not a database URL or SQLite path: {url}") from None
    if parsed.get_backend_name() != "sqlite":
        try:
            return sa.create_engine(parsed)
        except (ImportError, sa.exc.SQLAlchemyError) as error:
            raise ReportError(f"cannot use database {_shown(url)}: {_first_line(error)}") from None
    path = Path(parsed.database or "")
    if not parsed.database or not path.is_file():
        raise ReportError(f"database not found: {parsed.database or url}")
    # Opened read-only, so a wrong path never leaves an empty database file behind.
    uri = path.resolve().as_uri().replace("file://", "file:", 1) + "?mode=ro"
    return sa.create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True))


def _shown(url: str) -> str:
    """The URL with any password hidden, for messages and the report."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return url


def _first_line(error: BaseException) -> str:
    return str(getattr(error, "orig", None) or error).strip().splitlines()[0]


def _events_query() -> sa.sql.Select:
    """Only the rows the figures need: seller messages, session starts, handoff slots, and the
    feedback questions (which make a typed yes/no count as feedback)."""
    columns = ("id", "sender_id", "type_name", "timestamp", "intent_name", "action_name", "data")
    events = sa.table("events", *(sa.column(name) for name in columns))
    c = events.c
    return (
        sa.select(c.sender_id, c.type_name, c.timestamp, c.intent_name, c.action_name, c.data)
        .where(sa.or_(
            c.type_name == "user",
            sa.and_(c.type_name == "action", c.action_name == SESSION_START_ACTION),
            sa.and_(c.type_name == "slot", c.data.like(f'%"{HANDOFF_REASON_SLOT}"%')),
            sa.and_(c.type_name == "bot", c.data.like(f'%"{FEEDBACK_QUESTION}"%')),
        ))
        .order_by(c.sender_id, c.id)
    )


def _event(row: Any) -> Event:
    try:
        data = json.loads(row.data) if row.data else {}
    except json.JSONDecodeError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    intent = row.intent_name
    if intent is None and row.type_name == "user":
        intent = ((data.get("parse_data") or {}).get("intent") or {}).get("name")
    return Event(
        sender_id=row.sender_id,
        type_name=row.type_name,
        timestamp=row.timestamp if row.timestamp is not None else data.get("timestamp"),
        intent_name=intent,
        action_name=row.action_name,
        data=data,
    )


def load_events(db: str) -> List[Event]:
    """The events the report needs, each seller's in the order they were stored.

    `db` is a SQLAlchemy URL or the path of a SQLite file.
    """
    url = database_url(db)
    engine = _open_engine(url)
    try:
        with engine.connect() as connection:
            if not sa.inspect(connection).has_table("events"):
                raise ReportError(
                    f"no `events` table in {_shown(url)}: is this Rasa's tracker store?"
                )
            return [_event(row) for row in connection.execute(_events_query())]
    except sa.exc.SQLAlchemyError as error:
        raise ReportError(f"cannot read {_shown(url)}: {_first_line(error)}") from None
    finally:
        engine.dispose()


def load_tickets(db: str, since: Optional[date] = None, until: Optional[date] = None) -> List[Dict[str, Any]]:
    """The handoff tickets (actions/ticket_store.py) created in the period, oldest first; none
    when the bot has not written any yet. Their summaries are written for agents."""
    url = database_url(db)
    engine = _open_engine(url)
    try:
        with engine.connect() as connection:
            if not sa.inspect(connection).has_table("handoff_tickets"):
                return []
            rows = connection.execute(sa.text(
                "SELECT id, created_at, reason, channel, delivery_status, summary "
                "FROM handoff_tickets ORDER BY created_at")).mappings().all()
    except sa.exc.SQLAlchemyError as error:
        raise ReportError(f"cannot read tickets from {_shown(url)}: {_first_line(error)}") from None
    finally:
        engine.dispose()
    tickets = []
    for row in rows:
        created = datetime.fromisoformat(row["created_at"]).astimezone(timezone.utc)
        if (since and created.date() < since) or (until and created.date() > until):
            continue
        tickets.append({**row, "created_at": created.strftime("%Y-%m-%d %H:%M"),
                        "summary": mask_personal_data(row["summary"])})
    return tickets


# --- the definitions, printed in the report ------------------------------------------------------


def _codes(names: Iterable[str]) -> str:
    return ", ".join(sorted(names))


DEFINITIONS: List[Tuple[str, str]] = [
    ("Conversation",
     "One session of one seller: the seller's events from a session start (Rasa's "
     f"{SESSION_START_ACTION}) up to the next one. Events stored before a seller's first session "
     "start count as a session too. Sessions in which the seller sent no message are left out. "
     "A conversation's date is the date (UTC) of its first seller message; the period selects "
     "conversations by that date, both ends included."),
    ("Seller message",
     "Anything the seller sent: typed text, or a button press (text starting with \"/\"). Its "
     "intent is what the bot understood it to be about."),
    ("Fallback and fallback rate",
     f"A seller message the bot was not confident about (intent {FALLBACK_INTENT}): it answered "
     "\"Did you mean…\". Fallback rate = fallback messages ÷ all seller messages."),
    ("Handoff",
     f"The bot passed the conversation to a person: the slot {HANDOFF_REASON_SLOT} was set to a "
     "reason. "
     + " ".join(f"{reason}: {text}." for reason, text in REASON_TEXT.items())
     + " Any other reason found is shown as it is. A value carried over from the seller's "
     "previous session when a new session starts is not a new handoff. A conversation is handed "
     "off if it has at least one handoff. Handoff rate for a reason = conversations with a handoff "
     "for that reason ÷ all conversations (a conversation with two reasons counts under both)."),
    ("Contained",
     "A conversation that ended without a handoff: the bot dealt with it on its own. That alone "
     "does not prove the seller got what they needed; see confirmed resolved."),
    ("Feedback 👍 / 👎",
     f"Seller messages with intent {HELPFUL_INTENT} (👍) or {NOT_HELPFUL_INTENT} (👎), or a "
     "typed yes (👍) or no (👎) right after the bot asked \"Did this answer your question?\"; "
     "counted as messages, not conversations. Each share = its count ÷ (👍 + 👎)."),
    ("Confirmed resolved",
     "A contained conversation with at least one 👍. Its rate is over all conversations."),
    ("Topics asked most",
     "Seller messages counted by intent, button presses included, leaving out the intents that "
     f"only run the conversation: {_codes(MECHANICS_INTENTS)}."),
    ("Top unanswered seller messages",
     "Typed seller messages (button presses left out) the bot could not answer: intent "
     f"{FALLBACK_INTENT} (\"{NOT_UNDERSTOOD}\"), out_of_scope (\"{OFF_TOPIC}\"), or a question "
     f"the guide does not answer, {_codes(NOT_COVERED_INTENTS)} "
     f"(\"{NOT_COVERED}\"). Personal data is masked; messages are grouped by their text, ignoring "
     f"case and extra spaces, and listed most frequent first (top {TOP_UNANSWERED}). A text seen "
     "with different intents takes its most frequent category."),
    ("Daily trend",
     "Per day (the conversation's date, UTC): conversations, handed-off conversations, and "
     "fallback messages in those conversations, so the days add up to the totals above."),
]


# --- output --------------------------------------------------------------------------------------


def percent(value: float) -> str:
    return f"{value * 100:.1f}%"


def _chart_label(text: str, width: int = 40) -> str:
    text = text if len(text) <= width else text[: width - 1] + "…"
    return text.replace("$", r"\$")  # matplotlib would read $…$ as maths


def _png(figure: Figure) -> str:
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _bar_chart(items: Sequence[Tuple[str, float]], xlabel: str, as_percent: bool) -> str:
    figure = Figure(figsize=(7, 0.45 * len(items) + 1.0))
    axes = figure.add_subplot()
    labels = [_chart_label(label) for label, _ in items][::-1]
    values = [value * 100 if as_percent else value for _, value in items][::-1]
    bars = axes.barh(labels, values, color="#2f6fb5")
    value_labels = [f"{v:.1f}%" if as_percent else f"{v:g}" for v in values]
    axes.bar_label(bars, labels=value_labels, padding=3)
    axes.set_xlabel(xlabel)
    axes.set_xlim(0, max(values + [1]) * 1.15)
    if as_percent:
        axes.xaxis.set_major_formatter(PercentFormatter(decimals=None))
    else:
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def _trend_chart(daily: Sequence[DayCounts]) -> str:
    figure = Figure(figsize=(8, 3.5))
    axes = figure.add_subplot()
    days = [d.day for d in daily]
    axes.plot(days, [d.conversations for d in daily], marker="o", label="conversations")
    axes.plot(days, [d.handed_off for d in daily], marker="o", label="handed-off conversations")
    axes.plot(days, [d.fallback_messages for d in daily], marker="o", label="fallback messages")
    axes.set_ylim(bottom=0)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlim(days[0] - timedelta(days=1), days[-1] + timedelta(days=1))
    axes.xaxis.set_major_locator(DayLocator(interval=max(1, len(days) // 10)))
    axes.xaxis.set_major_formatter(DateFormatter("%Y-%m-%d"))
    axes.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    axes.spines[["top", "right"]].set_visible(False)
    figure.autofmt_xdate()
    return _png(figure)


def charts(report: Report) -> Dict[str, Optional[str]]:
    """Base64 PNGs (None when there is nothing to draw)."""
    if not report.conversations:
        return {"handoffs": None, "topics": None, "trend": None}
    return {
        "handoffs": _bar_chart(
            [(reason, report.handoff_rate_for(reason)) for reason in report.handoffs_by_reason],
            "share of all conversations handed off for this reason", as_percent=True,
        ),
        "topics": _bar_chart(report.topics[:TOPICS_IN_CHART], "seller messages", as_percent=False)
        if report.topics else None,
        "trend": _trend_chart(report.daily),
    }


HTML_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Refund Assistant: deflection report, {{ r.period }}</title>
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto;
         max-width: 60rem; padding: 0 1rem; color: #1d2330; line-height: 1.45; }
  h1 { margin-bottom: .2rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #d8dde6; }
  .meta { color: #5a6372; margin-top: 0; }
  .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .8rem; }
  .card { border: 1px solid #d8dde6; border-radius: .5rem; padding: .7rem .9rem; }
  .card .value { font-size: 1.7rem; font-weight: 600; }
  .card .label { color: #5a6372; font-size: .9rem; }
  table { border-collapse: collapse; margin: .8rem 0; }
  th, td { text-align: left; padding: .3rem .8rem .3rem 0; border-bottom: 1px solid #eceff4;
           vertical-align: top; }
  td.n { text-align: right; font-variant-numeric: tabular-nums; }
  img { max-width: 100%; }
  dt { font-weight: 600; margin-top: .8rem; } dd { margin-left: 0; }
  .empty { color: #5a6372; font-style: italic; }
</style>
</head>
<body>
<h1>Refund Assistant: deflection report</h1>
<p class="meta">Period: {{ r.period }} · Generated {{ generated_at }} · Source: {{ source }}</p>

<h2>Headline figures</h2>
{% if not r.conversations %}<p class="empty">No conversations in this period.</p>{% endif %}
<div class="cards">
  <div class="card"><div class="value">{{ r.conversations }}</div><div class="label">conversations</div></div>
  <div class="card"><div class="value">{{ pct(r.contained_rate) }}</div>
    <div class="label">contained: {{ r.contained }} of {{ r.conversations }}</div></div>
  <div class="card"><div class="value">{{ r.confirmed_resolved }}</div>
    <div class="label">confirmed resolved ({{ pct(r.confirmed_resolved_rate) }})</div></div>
  <div class="card"><div class="value">{{ r.handed_off }}</div>
    <div class="label">handed off ({{ pct(r.handoff_rate) }})</div></div>
  <div class="card"><div class="value">{{ pct(r.fallback_rate) }}</div>
    <div class="label">fallback rate: {{ r.fallback_messages }} of {{ r.seller_messages }} seller messages</div></div>
  <div class="card"><div class="value">👍 {{ r.helpful }} / 👎 {{ r.not_helpful }}</div>
    <div class="label">feedback: {{ pct(r.helpful_share) }} / {{ pct(r.not_helpful_share) }}</div></div>
</div>

<h2>Handoffs by reason</h2>
{% if charts.handoffs %}<img alt="Bar chart of the handoff rate by reason" src="data:image/png;base64,{{ charts.handoffs }}">{% endif %}
<table>
  <tr><th>reason</th><th>conversations</th><th>handoff rate</th></tr>
  {% for reason, count in r.handoffs_by_reason.items() %}
  <tr><td>{{ reason }}</td><td class="n">{{ count }}</td><td class="n">{{ pct(r.handoff_rate_for(reason)) }}</td></tr>
  {% endfor %}
  <tr><th>any reason</th><th class="n">{{ r.handed_off }}</th><th class="n">{{ pct(r.handoff_rate) }}</th></tr>
</table>

<h2>Feedback and fallbacks</h2>
<table>
  <tr><th></th><th>messages</th><th>share</th></tr>
  <tr><td>👍 helpful</td><td class="n">{{ r.helpful }}</td><td class="n">{{ pct(r.helpful_share) }}</td></tr>
  <tr><td>👎 not helpful</td><td class="n">{{ r.not_helpful }}</td><td class="n">{{ pct(r.not_helpful_share) }}</td></tr>
  <tr><td>fallback (“Did you mean…”)</td><td class="n">{{ r.fallback_messages }}</td>
      <td class="n">{{ pct(r.fallback_rate) }} of {{ r.seller_messages }} seller messages</td></tr>
</table>

<h2>Topics asked most</h2>
{% if charts.topics %}<img alt="Bar chart of seller messages by topic" src="data:image/png;base64,{{ charts.topics }}">{% endif %}
{% if r.topics %}
<table>
  <tr><th>topic (intent)</th><th>seller messages</th></tr>
  {% for intent, count in r.topics %}<tr><td>{{ intent }}</td><td class="n">{{ count }}</td></tr>
  {% endfor %}
</table>
{% else %}<p class="empty">No topic questions in this period.</p>{% endif %}

<h2>Top unanswered seller messages</h2>
{% if r.unanswered %}
<table>
  <tr><th>#</th><th>message</th><th>times</th><th>category</th></tr>
  {% for item in r.unanswered %}
  <tr><td class="n">{{ loop.index }}</td><td>{{ item.text }}</td><td class="n">{{ item.count }}</td><td>{{ item.category }}</td></tr>
  {% endfor %}
</table>
{% else %}<p class="empty">No unanswered messages in this period.</p>{% endif %}

<h2>Handoff tickets</h2>
{% if tickets %}
<table>
  <tr><th>ticket</th><th>created (UTC)</th><th>reason</th><th>channel</th><th>delivery</th><th>summary for the agent</th></tr>
  {% for t in tickets %}
  <tr><td>{{ t.id }}</td><td>{{ t.created_at }}</td><td>{{ t.reason }}</td><td>{{ t.channel }}</td><td>{{ t.delivery_status }}</td><td>{{ t.summary }}</td></tr>
  {% endfor %}
</table>
{% else %}<p class="empty">No handoff tickets in this period.</p>{% endif %}

<h2>Daily trend</h2>
{% if charts.trend %}<img alt="Line chart of conversations, handoffs and fallbacks per day" src="data:image/png;base64,{{ charts.trend }}">{% endif %}
{% if r.daily %}
<table>
  <tr><th>day (UTC)</th><th>conversations</th><th>handed off</th><th>fallback messages</th></tr>
  {% for d in r.daily %}
  <tr><td>{{ d.day }}</td><td class="n">{{ d.conversations }}</td><td class="n">{{ d.handed_off }}</td><td class="n">{{ d.fallback_messages }}</td></tr>
  {% endfor %}
</table>
{% endif %}

<h2>Definitions</h2>
<dl>
{% for term, meaning in definitions %}  <dt>{{ term }}</dt><dd>{{ meaning }}</dd>
{% endfor %}</dl>
</body>
</html>
"""


def render_html(report: Report, generated_at: datetime, source: str,
                tickets: Sequence[Dict[str, Any]] = ()) -> str:
    """The self-contained page; every inserted text is escaped by jinja2's autoescape."""
    environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return environment.from_string(HTML_TEMPLATE).render(
        r=report,
        tickets=tickets,
        pct=percent,
        charts=charts(report),
        definitions=DEFINITIONS,
        generated_at=generated_at.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        source=_shown(source),
    )


def summary_text(report: Report, html_path: Path) -> str:
    handoffs = ", ".join(
        f"{reason} {count} ({percent(report.handoff_rate_for(reason))})"
        for reason, count in report.handoffs_by_reason.items()
    )
    topics = ", ".join(f"{intent} ({count})" for intent, count in report.topics[:3]) or "none"
    rows = [
        ("conversations", str(report.conversations)),
        ("contained", f"{report.contained} ({percent(report.contained_rate)})"),
        ("confirmed resolved",
         f"{report.confirmed_resolved} ({percent(report.confirmed_resolved_rate)})"),
        ("handoffs by reason", handoffs),
        ("fallback rate", f"{percent(report.fallback_rate)} ({report.fallback_messages} of "
                          f"{report.seller_messages} seller messages)"),
        ("feedback", f"👍 {report.helpful} ({percent(report.helpful_share)}) / "
                     f"👎 {report.not_helpful} ({percent(report.not_helpful_share)})"),
        ("top topics", topics),
        ("HTML report", str(html_path)),
    ]
    lines = [f"Refund Assistant deflection report, {report.period}"]
    lines += [f"  {label:<20}{value}" for label, value in rows]
    return "\n".join(lines)


# --- command line --------------------------------------------------------------------------------


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}") from None


def parse_args(argv: Optional[Sequence[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--db", default=os.environ.get(DB_ENV_VAR) or str(DEFAULT_DB),
        help=f"SQLAlchemy URL or SQLite file of the tracker store (default: ${DB_ENV_VAR}, "
             f"else var/conversations.db)",
    )
    parser.add_argument("--since", type=_day, help="first conversation date, YYYY-MM-DD (UTC)")
    parser.add_argument("--until", type=_day, help="last conversation date, YYYY-MM-DD (UTC)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="HTML file to write (default: results/deflection-report.html)")
    args = parser.parse_args(argv)
    if args.since and args.until and args.since > args.until:
        parser.error("--since is after --until")
    return args


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse_args(argv)
    url = database_url(args.db)
    try:
        events = load_events(url)
        tickets = load_tickets(url, since=args.since, until=args.until)
    except ReportError as error:
        print(f"deflection report: {error}", file=sys.stderr)
        return 2
    report = compute(events, since=args.since, until=args.until)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render_html(report, datetime.now(timezone.utc), url, tickets), encoding="utf-8")
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")  # a terminal without UTF-8 still gets the figures
    print(summary_text(report, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
