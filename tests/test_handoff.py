"""Handoff: every trigger files exactly one ticket, with the right reason and content; the
webhook gets it when it is up, and a webhook that is down loses nothing."""

import json
from datetime import datetime, timezone

import pytest
from aiohttp import web

from actions import handoff, ticket_store
from actions.actions import ActionAnswerYesNo, ActionClarifyIntent
from actions.handoff_actions import ActionHandOver
from tests.test_actions import responses, run, slot_events, tracker


@pytest.fixture(autouse=True)
def ticket_database(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'tickets.db'}"
    monkeypatch.setenv("TRACKER_DB_URL", url)
    monkeypatch.delenv(ticket_store.WEBHOOK_URL_ENV, raising=False)
    return url


@pytest.fixture
async def webhook(aiohttp_server_factory):
    received = []

    async def receive(request):
        received.append(await request.json())
        return web.json_response({"ok": True})

    app = web.Application()
    app.router.add_post("/tickets", receive)
    server = await aiohttp_server_factory(app)
    return server, received


@pytest.fixture
async def aiohttp_server_factory():
    runners = []

    async def start(app):
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        runners.append(runner)
        port = site._server.sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}/tickets"

    yield start
    for runner in runners:
        await runner.cleanup()


def bot(response, text="..."):
    return {"event": "bot", "text": text, "metadata": {"utter_action": response}, "timestamp": 1.0}


def user(text, intent, timestamp=2.0):
    return {"event": "user", "text": text, "timestamp": timestamp,
            "parse_data": {"intent": {"name": intent}}}


STORE = {"store_cancelled": True, "has_pending_orders": False, "has_violations": True,
         "has_disputes": False, "refund_eligible": False, "refund_blockers": ["violations"]}


async def test_seller_request_files_one_ticket_with_the_conversation():
    events = [user("my card 4111 1111 1111 1111 was charged, why?", "ask_wrong_amount", 1.0),
              bot("utter_wrong_amount", "If the amount...")]
    t = tracker("I want to talk to a human", "request_human", slots=STORE, events=events)
    messages, events_out = await run(ActionHandOver(), t)
    assert responses(messages) == ["utter_handoff_filed"]
    ticket_id = messages[0]["ticket_id"]
    assert slot_events(events_out) == {"handoff_ticket": ticket_id, "handoff_reason": "seller_request"}

    [row] = ticket_store.load_tickets()
    assert row["id"] == ticket_id and row["reason"] == "seller_request"
    assert row["delivery_status"] == "local"
    ticket = json.loads(row["ticket"])
    assert ticket["questions"] == ["my card [card number] was charged, why?"]
    assert ticket["store_facts"] == {"store_cancelled": True, "has_pending_orders": False,
                                     "has_violations": True, "has_disputes": False}
    assert ticket["verdict"] == {"eligible": False, "blockers": ["violations"]}
    assert [line["from"] for line in ticket["transcript"]] == ["seller", "bot", "seller"]
    assert "4111" not in row["ticket"] and "4111" not in row["summary"]
    assert "violation/penalty record" in row["summary"]


async def test_a_second_request_in_the_same_session_reuses_the_ticket():
    t = tracker("a person please", "request_human")
    messages, _ = await run(ActionHandOver(), t)
    first = messages[0]["ticket_id"]
    earlier = [user("a person please", "request_human"), {"event": "slot", "name": "handoff_ticket", "value": first}]
    messages, events_out = await run(ActionHandOver(), tracker("human!", "request_human", events=earlier))
    assert responses(messages) == ["utter_handoff_already"] and messages[0]["ticket_id"] == first
    assert events_out == [] and len(ticket_store.load_tickets()) == 1


async def test_two_misunderstood_messages_in_a_row_hand_over():
    earlier = [user("blorp", "nlu_fallback", 1.0), bot("utter_did_you_mean")]
    t = tracker("zzz qqq", "nlu_fallback", events=earlier,
                ranking=[{"name": "nlu_fallback", "confidence": 0.4}])
    t.events[-1]["parse_data"]["intent"] = {"name": "nlu_fallback"}
    messages, events_out = await run(ActionClarifyIntent(), t)
    assert responses(messages) == ["utter_still_not_understood", "utter_handoff_filed"]
    assert slot_events(events_out)["handoff_reason"] == "not_understood"
    assert [row["reason"] for row in ticket_store.load_tickets()] == ["not_understood"]


@pytest.mark.parametrize("offer, reason", [
    ("utter_review_window_overdue", "overdue_review"),
    ("utter_offer_handoff_violations", "violations"),
])
async def test_yes_to_the_bots_offer_of_a_person_files_a_ticket_with_the_offers_reason(offer, reason):
    slots = {"submission_date": "2026-10-01", "review_earliest": "2026-10-16",
             "review_latest": "2026-10-28", "review_status": "overdue"}
    messages, events_out = await run(
        ActionAnswerYesNo(), tracker("yes please", "affirm", slots=slots, events=[bot(offer)]))
    assert responses(messages) == ["utter_handoff_filed"]
    assert slot_events(events_out)["handoff_reason"] == reason
    [row] = ticket_store.load_tickets()
    assert row["reason"] == reason
    assert json.loads(row["ticket"])["review"]["review_latest"] == "2026-10-28"


async def test_button_request_right_after_an_offer_takes_the_offers_reason():
    events = [bot("utter_review_window_overdue")]
    messages, events_out = await run(ActionHandOver(), tracker("/request_human", "request_human", events=events))
    assert slot_events(events_out)["handoff_reason"] == "overdue_review"


async def test_webhook_receives_the_ticket(webhook, monkeypatch):
    url, received = webhook
    monkeypatch.setenv(ticket_store.WEBHOOK_URL_ENV, url)
    messages, _ = await run(ActionHandOver(), tracker("talk to an agent", "request_human", slots=STORE))
    assert responses(messages) == ["utter_handoff_filed"]
    [payload] = received
    assert payload["id"] == messages[0]["ticket_id"] and payload["reason"] == "seller_request"
    assert set(payload) >= {"id", "created_at", "channel", "reason", "summary", "questions",
                            "store_facts", "verdict", "review", "transcript"}
    [row] = ticket_store.load_tickets()
    assert row["delivery_status"] == "delivered"


async def test_webhook_down_keeps_the_ticket_and_tells_the_seller(monkeypatch):
    monkeypatch.setenv(ticket_store.WEBHOOK_URL_ENV, "http://127.0.0.1:9/unreachable")
    messages, events_out = await run(ActionHandOver(), tracker("human please", "request_human"))
    assert responses(messages) == ["utter_handoff_delayed"]
    [row] = ticket_store.load_tickets()
    assert row["id"] == messages[0]["ticket_id"] and row["delivery_status"] == "pending"
    assert "ClientConnectorError" in row["delivery_error"]
    assert slot_events(events_out)["handoff_ticket"] == row["id"]


async def test_database_down_says_so_instead_of_pretending(monkeypatch):
    monkeypatch.setenv("TRACKER_DB_URL", "sqlite:////nonexistent-dir/x/tickets.db")
    messages, events_out = await run(ActionHandOver(), tracker("human please", "request_human"))
    assert responses(messages) == ["utter_handoff_failed"] and events_out == []


def test_ticket_ids_are_short_and_unambiguous():
    ids = {handoff.new_ticket_id() for _ in range(200)}
    assert len(ids) == 200
    assert all(len(i) == 9 and i.startswith("RA-") and not set(i[3:]) & set("01IO") for i in ids)


def test_ticket_reads_on_its_own():
    events = [user("when will my review finish, i applied 1 october", "ask_review_deadline", 1.0),
              bot("utter_review_window_overdue", "You applied on Thu 1 Oct 2026...")]
    slots = {"submission_date": "2026-10-01", "review_earliest": "2026-10-16",
             "review_latest": "2026-10-28", "review_status": "overdue"}
    ticket = handoff.build_ticket(events=events, slots=slots, reason="overdue_review",
                                  channel="rest", seller_id="s1",
                                  now=datetime(2026, 11, 26, 9, 0, tzinfo=timezone.utc), ticket_id="RA-TEST23")
    assert ticket.summary == (
        "Handed over because the seller's refund review is overdue. "
        'The seller asked: "when will my review finish, i applied 1 october". '
        "Store, as the seller described it: nothing said about the store. "
        "Review: applied 2026-10-01, expected 2026-10-16 to 2026-10-28, status overdue."
    )
    assert ticket.created_at == "2026-11-26T09:00:00+00:00"


async def test_a_ticket_carried_over_from_an_earlier_session_does_not_count():
    new_session = [
        {"event": "action", "name": "action_session_start"},
        {"event": "session_started"},
        {"event": "slot", "name": "handoff_ticket", "value": "RA-OLD234"},
        {"event": "action", "name": "action_listen"},
    ]
    messages, events_out = await run(ActionHandOver(), tracker("a human please", "request_human", events=new_session))
    assert responses(messages) == ["utter_handoff_filed"]
    assert slot_events(events_out)["handoff_ticket"] != "RA-OLD234"
