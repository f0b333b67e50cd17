"""The deflection report, on conversations written through Rasa's own SQL tracker store.

Every figure is checked against a hand count of the fixture below, so a change in how the report
reads the `events` table (or in how Rasa writes it) shows up as a wrong number here.
"""

from __future__ import annotations

import html as html_lib
import re
import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import List

import pytest
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

from scripts import deflection_report

DAY_1 = datetime(2024, 5, 6, tzinfo=timezone.utc)
SINCE, UNTIL = "2024-05-06", "2024-05-08"
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def report():
    """The module under test (a fixture, so each test names what it uses)."""
    return deflection_report


class Session:
    """One session's events in the order Rasa stores them, one second apart from `start`."""

    def __init__(self, start: datetime, *, session_start: bool = True) -> None:
        self.clock = start.timestamp()
        self.events: List[Event] = []
        if session_start:
            self.events += [
                ActionExecuted("action_session_start", timestamp=self._tick()),
                SessionStarted(timestamp=self._tick()),
                ActionExecuted("action_listen", timestamp=self._tick()),
            ]

    def _tick(self) -> float:
        self.clock += 1
        return self.clock

    def seller(self, text: str, intent: str, confidence: float = 0.93) -> "Session":
        ranking = [{"name": intent, "confidence": confidence}]
        if intent == "nlu_fallback":
            ranking.append({"name": "ask_review_progress", "confidence": 0.31})
        intent_dict = {"name": intent, "confidence": confidence}
        parse_data = {"intent": intent_dict, "entities": [], "text": text, "intent_ranking": ranking}
        self.events.append(
            UserUttered(text, intent=intent_dict, parse_data=parse_data, timestamp=self._tick())
        )
        return self

    def bot(self, text: str) -> "Session":
        self.events += [
            ActionExecuted("utter_answer", timestamp=self._tick()),
            BotUttered(text, timestamp=self._tick()),
            ActionExecuted("action_listen", timestamp=self._tick()),
        ]
        return self

    def slot(self, name: str, value) -> "Session":
        self.events.append(SlotSet(name, value, timestamp=self._tick()))
        return self

    def handoff(self, reason: str, ticket: str) -> "Session":
        return self.slot("handoff_ticket", ticket).slot("handoff_reason", reason).bot(f"ticket {ticket}")


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    """`day` 1 is 2024-05-06 (UTC)."""
    return DAY_1 + timedelta(days=day - 1, hours=hour, minutes=minute, seconds=second)


def conversations_by_seller():
    """The fixture; each conversation's counts are in the comments (m = seller messages)."""
    return {
        # C1 day 1: answered and 👍. m=4: greet, ask_how_to_apply, 👍, goodbye. Contained, resolved.
        "seller-a": [Session(at(1, 9))
                     .seller("hi", "greet").bot("Hello!")
                     .seller("How do I apply for the refund?", "ask_how_to_apply").bot("Steps…")
                     .seller("/feedback_helpful", "feedback_helpful").bot("Glad it helped")
                     .seller("bye", "goodbye").bot("Bye")],
        # C2 day 1, stored before any session start (a session too), 10 s after midnight: the
        # --since day is included. Answered, no feedback. m=2: ask_review_time, ask_documents.
        "seller-b": [Session(at(1, 0, 0, 9), session_start=False)
                     .seller("how long does the review take", "ask_review_time").bot("7 to 15")
                     .seller("which documents do I need?", "ask_documents").bot("These…")],
        # C3 day 2: 👎. m=2: ask_bank_fees, 👎. Contained, not resolved.
        "seller-c": [Session(at(2, 8))
                     .seller("will my bank charge a fee", "ask_bank_fees").bot("Small banks…")
                     .seller("/feedback_not_helpful", "feedback_not_helpful").bot("Sorry")],
        # C4 day 2: two fallbacks, then handoff not_understood; the slot is reset to None
        # afterwards (not a second handoff). m=2, both nlu_fallback.
        "seller-d": [Session(at(2, 11))
                     .seller("my refnd thingy is brokn??", "nlu_fallback", 0.45).bot("Did you mean…")
                     .seller("ugh   where is my money", "nlu_fallback", 0.45)
                     .handoff("not_understood", "RA-AAAAA1")
                     .slot("handoff_reason", None)],
        # C5 day 2: a question the guide doesn't cover, then the seller asks for a person.
        # m=2: ask_deposit_amount ("How much is the deposit?"), request_human. Handoff seller_request.
        "seller-e": [Session(at(2, 14))
                     .seller("How much is the deposit?", "ask_deposit_amount").bot("The guide doesn't say")
                     .seller("I want to talk to a person", "request_human")
                     .handoff("seller_request", "RA-AAAAA2")],
        # C6 day 3: 👍, but handed off (overdue_review), so not contained, not confirmed resolved.
        # m=2: ask_review_deadline, 👍.
        "seller-f": [Session(at(3, 9))
                     .seller("I applied on 2 April, when will I hear back?", "ask_review_deadline")
                     .bot("Overdue")
                     .seller("/feedback_helpful", "feedback_helpful")
                     .handoff("overdue_review", "RA-AAAAA3")],
        # C7 day 3: off-topic, the deposit question again (other case and spaces), the script
        # text (not understood), the deposit question as a button press (not "unanswered"), thanks.
        # m=5: out_of_scope, ask_deposit_amount, nlu_fallback, ask_deposit_amount, thank. Contained.
        "seller-g": [Session(at(3, 12))
                     .seller("What's the weather in Hangzhou?", "out_of_scope").bot("I only know refunds")
                     .seller("  how much  is the   DEPOSIT? ", "ask_deposit_amount").bot("The guide doesn't say")
                     .seller(SCRIPT, "nlu_fallback", 0.2).bot("Did you mean…")
                     .seller("/ask_deposit_amount", "ask_deposit_amount").bot("The guide doesn't say")
                     .seller("ok thanks", "thank").bot("You're welcome")],
        # The same seller, two sessions (two conversations):
        # C8 day 1: m=2: ask_prerequisites, describe_store. Handoff violations.
        # C9 day 3 at 23:59:30 (the --until day is included): the new session carries the
        # handoff slots over (not a handoff), then m=2: ask_how_to_apply, 👍. Contained, resolved.
        "seller-h": [Session(at(1, 16))
                     .seller("what do I need before I can get the deposit back", "ask_prerequisites")
                     .bot("Four conditions")
                     .seller("my store has a penalty record", "describe_store")
                     .handoff("violations", "RA-AAAAA4"),
                     Session(at(3, 23, 59, 30))
                     .slot("handoff_ticket", "RA-AAAAA4").slot("handoff_reason", "violations")
                     .seller("how do I apply", "ask_how_to_apply").bot("Steps…")
                     .seller("/feedback_helpful", "feedback_helpful").bot("Glad it helped")],
        # C10 day 2: a reason the report doesn't know yet. m=1: ask_review_progress.
        "seller-k": [Session(at(2, 18))
                     .seller("this is taking forever, where is my review", "ask_review_progress")
                     .handoff("legal_threat", "RA-AAAAA5")],
        # Outside the window (day 4, 30 s after midnight): m=3: ask_deposit_amount, nlu_fallback,
        # 👎; handoff seller_request.
        "seller-i": [Session(at(4, 0, 0, 29))
                     .seller("how much is the deposit?", "ask_deposit_amount").bot("The guide doesn't say")
                     .seller("asdfgh", "nlu_fallback", 0.1).bot("Did you mean…")
                     .seller("/feedback_not_helpful", "feedback_not_helpful")
                     .handoff("seller_request", "RA-AAAAA6")],
        # A session without any seller message: not a conversation.
        "seller-j": [Session(at(2, 9))],
    }


@pytest.fixture
async def tracker_db(tmp_path: Path) -> Path:
    """The fixture conversations, saved by Rasa's SQLTrackerStore as the running bot saves them."""
    path = tmp_path / "conversations.db"
    domain = Domain.load("domain.yml")
    store = SQLTrackerStore(domain=domain, dialect="sqlite", db=str(path))
    for sender_id, sessions in conversations_by_seller().items():
        first, *later = sessions
        await store.save(DialogueStateTracker.from_events(sender_id, first.events, slots=domain.slots))
        for session in later:  # a later session: the stored tracker, continued, saved again
            tracker = await store.retrieve(sender_id)
            for event in session.events:
                tracker.update(event)
            await store.save(tracker)
    store.engine.dispose()
    return path


@pytest.fixture
def events(report, tracker_db):
    return report.load_events(str(tracker_db))


def in_window(report, events):
    return report.compute(events, since=date(2024, 5, 6), until=date(2024, 5, 8))


def test_the_fixture_is_stored_the_way_the_report_reads_it(tracker_db):
    with sqlite3.connect(tracker_db) as db:
        rows = db.execute(
            "SELECT type_name, intent_name, action_name FROM events WHERE sender_id = 'seller-h' ORDER BY id"
        ).fetchall()
    assert [r[2] for r in rows].count("action_session_start") == 2
    assert ("user", "feedback_helpful", None) in rows


def test_conversations_contained_and_resolved(report, events):
    r = in_window(report, events)
    # C1..C10 (C8 and C9 are one seller's two sessions); the day-4 one and the empty session out.
    assert r.conversations == 10
    # Handed off: C4, C5, C6, C8, C10.
    assert r.handed_off == 5
    # Contained: C1, C2, C3, C7, C9 (C9's carried-over slot is not a handoff).
    assert r.contained == 5
    assert r.contained_rate == pytest.approx(0.5)
    # Contained with 👍: C1, C9 (C6 has 👍 but was handed off).
    assert r.confirmed_resolved == 2
    assert r.confirmed_resolved_rate == pytest.approx(0.2)


def test_handoffs_by_reason(report, events):
    r = in_window(report, events)
    # One conversation each, the known reasons first, the unknown one after; C4's reset to None
    # and C9's carried-over value count nothing.
    assert r.handoffs_by_reason == {
        "seller_request": 1, "not_understood": 1, "overdue_review": 1, "violations": 1, "legal_threat": 1,
    }
    assert r.handoff_rate_for("violations") == pytest.approx(0.1)
    assert r.handoff_rate == pytest.approx(0.5)


def test_fallbacks_and_feedback(report, events):
    r = in_window(report, events)
    # m: C1 4 + C2 2 + C3 2 + C4 2 + C5 2 + C6 2 + C7 5 + C8 2 + C9 2 + C10 1 = 24.
    assert r.seller_messages == 24
    # nlu_fallback: C4 twice, C7 once.
    assert r.fallback_messages == 3
    assert r.fallback_rate == pytest.approx(3 / 24)
    # 👍: C1, C6, C9; 👎: C3.
    assert (r.helpful, r.not_helpful) == (3, 1)
    assert (r.helpful_share, r.not_helpful_share) == (pytest.approx(0.75), pytest.approx(0.25))


def test_topics_leave_out_conversation_mechanics(report, events):
    r = in_window(report, events)
    # ask_deposit_amount: C5, C7 typed, C7 button = 3; ask_how_to_apply: C1, C9 = 2; then one
    # each, by name. greet, goodbye, thank, 👍/👎 and nlu_fallback are mechanics.
    assert r.topics == [
        ("ask_deposit_amount", 3),
        ("ask_how_to_apply", 2),
        ("ask_bank_fees", 1),
        ("ask_documents", 1),
        ("ask_prerequisites", 1),
        ("ask_review_deadline", 1),
        ("ask_review_progress", 1),
        ("ask_review_time", 1),
        ("describe_store", 1),
        ("out_of_scope", 1),
        ("request_human", 1),
    ]


def test_unanswered_messages(report, events):
    r = in_window(report, events)
    # The deposit question typed in C5 and C7 (the button press and day 4 left out), then the
    # ones seen once, by text.
    assert [(u.text, u.count, u.category) for u in r.unanswered] == [
        ("how much is the deposit?", 2, "not covered by the guide"),
        (SCRIPT, 1, "not understood"),
        ("my refnd thingy is brokn??", 1, "not understood"),
        ("ugh where is my money", 1, "not understood"),
        ("what's the weather in hangzhou?", 1, "off-topic"),
    ]


def test_unanswered_messages_are_masked_again(report):
    # Stored texts are masked already; one that was not still leaves the report masked.
    events = [
        report.Event("s", "user", DAY_1.timestamp(), "nlu_fallback",
                     data={"text": "Refund to 4111 1111 1111 1111 or  mail ME@example.com"}),
    ]
    assert report.compute(events).unanswered == [
        report.UnansweredMessage("refund to [card number] or mail [email]", 1, "not understood"),
    ]


def test_daily_trend(report, events):
    r = in_window(report, events)
    # Day 1: C1, C2, C8 (C8 handed off). Day 2: C3, C4, C5, C10 (C4, C5, C10 handed off; C4's
    # two fallbacks). Day 3: C6, C7, C9 (C6 handed off; C7's fallback).
    assert [(d.day.isoformat(), d.conversations, d.handed_off, d.fallback_messages) for d in r.daily] == [
        ("2024-05-06", 3, 1, 0),
        ("2024-05-07", 4, 3, 2),
        ("2024-05-08", 3, 1, 1),
    ]


def test_without_a_window_every_conversation_counts(report, events):
    r = report.compute(events)
    # Plus the day-4 conversation: handed off (seller_request), 3 more messages, one fallback, 👎.
    assert (r.conversations, r.handed_off, r.seller_messages, r.fallback_messages) == (11, 6, 27, 4)
    assert r.handoffs_by_reason["seller_request"] == 2
    assert (r.helpful, r.not_helpful) == (3, 2)
    assert r.unanswered[0] == report.UnansweredMessage("how much is the deposit?", 3, "not covered by the guide")
    assert [d.day.isoformat() for d in r.daily] == ["2024-05-06", "2024-05-07", "2024-05-08", "2024-05-09"]


def page_text(html: str) -> str:
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_html_shows_every_figure_and_the_definitions(report, events):
    html = report.render_html(in_window(report, events), datetime(2024, 5, 9, 8, 30, tzinfo=timezone.utc), "sqlite:///x.db")
    text = page_text(html)
    for figure in [
        "Period: 2024-05-06 to 2024-05-08 (UTC)",
        "Generated 2024-05-09 08:30 UTC",
        "10 conversations",
        "50.0% contained: 5 of 10",
        "2 confirmed resolved (20.0%)",
        "5 handed off (50.0%)",
        "12.5% fallback rate: 3 of 24 seller messages",
        "👍 3 / 👎 1 feedback: 75.0% / 25.0%",
        "seller_request 1 10.0%", "not_understood 1 10.0%", "overdue_review 1 10.0%",
        "violations 1 10.0%", "legal_threat 1 10.0%", "any reason 5 50.0%",
        "👍 helpful 3 75.0%", "👎 not helpful 1 25.0%",
        "ask_deposit_amount 3", "ask_how_to_apply 2", "request_human 1",
        "1 how much is the deposit? 2 not covered by the guide",
        "4 ugh where is my money 1 not understood",
        "5 what's the weather in hangzhou? 1 off-topic",
        "2024-05-06 3 1 0", "2024-05-07 4 3 2", "2024-05-08 3 1 1",
    ]:
        assert figure in text, figure
    for term, meaning in report.DEFINITIONS:
        assert f"{term} {meaning}" in text
    assert "Conversation One session of one seller" in text
    assert html.count('src="data:image/png;base64,') == 3


def test_html_escapes_what_sellers_typed(report, events):
    html = report.render_html(in_window(report, events), datetime.now(timezone.utc), "sqlite:///x.db")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script" not in html
    assert "http://" not in html and "https://" not in html


def test_an_empty_period_still_makes_a_page(report, events):
    r = report.compute(events, since=date(2030, 1, 1))
    html = report.render_html(r, datetime.now(timezone.utc), "sqlite:///x.db")
    assert r.conversations == 0 and r.fallback_rate == 0
    assert "No conversations in this period." in html


def test_cli_writes_the_page_and_prints_a_summary(report, tracker_db, tmp_path, capsys):
    out = tmp_path / "out" / "report.html"
    code = report.main(["--db", f"sqlite:///{tracker_db}", "--since", SINCE, "--until", UNTIL, "--out", str(out)])
    assert code == 0
    assert "how much is the deposit?" in out.read_text(encoding="utf-8")
    printed = capsys.readouterr().out
    for line in [
        "Refund Assistant deflection report, 2024-05-06 to 2024-05-08 (UTC)",
        "conversations       10",
        "contained           5 (50.0%)",
        "confirmed resolved  2 (20.0%)",
        "handoffs by reason  seller_request 1 (10.0%), not_understood 1 (10.0%), overdue_review 1 (10.0%), "
        "violations 1 (10.0%), legal_threat 1 (10.0%)",
        "fallback rate       12.5% (3 of 24 seller messages)",
        "feedback            👍 3 (75.0%) / 👎 1 (25.0%)",
        "top topics          ask_deposit_amount (3), ask_how_to_apply (2), ask_bank_fees (1)",
        f"HTML report         {out}",
    ]:
        assert line in printed, line


def test_cli_reads_the_database_from_the_environment(report, tracker_db, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("TRACKER_DB_URL", str(tracker_db))
    assert report.main(["--out", str(tmp_path / "r.html")]) == 0
    assert "conversations       11" in capsys.readouterr().out


def test_cli_missing_database_is_one_line_and_exit_2(report, tmp_path, capsys):
    missing = tmp_path / "nowhere.db"
    assert report.main(["--db", str(missing), "--out", str(tmp_path / "r.html")]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"deflection report: database not found: {missing}"
    assert not missing.exists() and not (tmp_path / "r.html").exists()


def test_cli_database_without_events_table_is_one_line_and_exit_2(report, tmp_path, capsys):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE tickets (id TEXT)")
    assert report.main(["--db", str(other), "--out", str(tmp_path / "r.html")]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "no `events` table" in err


def test_cli_rejects_a_bad_date(report, capsys):
    with pytest.raises(SystemExit) as exit_info:
        report.main(["--since", "6 May"])
    assert exit_info.value.code == 2


def test_a_typed_yes_or_no_to_the_feedback_question_counts_as_feedback():
    from scripts.deflection_report import Event, compute

    def user(text, intent, ts):
        return Event("s1", "user", ts, intent, None, {"text": text})

    def bot(response, ts):
        return Event("s1", "bot", ts, None, None, {"metadata": {"utter_action": response}})

    events = [
        Event("s1", "action", 1.0, None, "action_session_start", {}),
        user("which documents?", "ask_documents", 2.0),
        bot("utter_ask_feedback", 3.0),
        user("yes", "affirm", 4.0),           # 👍
        user("yes", "affirm", 5.0),           # not after the question: just a yes
        user("how long is the review", "ask_review_time", 6.0),
        bot("utter_ask_feedback", 7.0),
        user("no", "deny", 8.0),              # 👎
    ]
    report = compute(events)
    assert (report.helpful, report.not_helpful) == (1, 1)


def test_handoff_tickets_are_listed_with_their_summary_for_agents(tmp_path):
    from datetime import datetime, timezone

    from actions import ticket_store
    from actions.handoff import build_ticket
    from scripts.deflection_report import load_tickets, main

    database = tmp_path / "tickets.db"
    url = f"sqlite:///{database}"
    events = [{"event": "user", "text": "my iban is DE89 3704 0044 0532 0130 00, refund is wrong",
               "timestamp": 1.0, "parse_data": {"intent": {"name": "ask_wrong_amount"}}}]
    for day, reason in ((3, "seller_request"), (5, "violations")):
        ticket = build_ticket(events=events, slots={}, reason=reason, channel="rest", seller_id="s",
                              now=datetime(2026, 11, day, 10, tzinfo=timezone.utc))
        ticket_store.save_ticket(ticket, ticket_store.Delivery(ticket_store.LOCAL), url=url)

    tickets = load_tickets(url, since=None, until=None)
    assert [t["reason"] for t in tickets] == ["seller_request", "violations"]
    assert tickets[0]["summary"].startswith("Handed over because the seller asked for a person.")
    assert "DE89" not in tickets[0]["summary"] and "[IBAN]" in tickets[0]["summary"]
    from datetime import date
    assert [t["reason"] for t in load_tickets(url, since=date(2026, 11, 4), until=None)] == ["violations"]

    # the tracker store's table must exist too for the report to run
    import sqlalchemy as sa
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(sa.text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, "
                                   "type_name TEXT, timestamp FLOAT, intent_name TEXT, "
                                   "action_name TEXT, data TEXT)"))
    engine.dispose()
    out = tmp_path / "report.html"
    assert main(["--db", str(database), "--out", str(out)]) == 0
    html = out.read_text()
    assert "Handoff tickets" in html and tickets[1]["id"] in html
    assert "the store has a violation or penalty record" in html
