"""Handoff: every trigger files exactly one ticket, with the right reason and content; the
webhook gets it when it is up, and a webhook that is down loses nothing."""

import json

import pytest
from aiohttp import web

from actions.actions import ActionAnswerYesNo, ActionClarifyIntent
from actions.handoff_actions import ActionHandOver
from refund_assistant.handoff import store as ticket_store
from tests.support import bot_event as bot
from tests.support import responses, run, slot_events, tracker
from tests.support import user_event as user

WEBHOOK_URL_ENV = "HANDOFF_WEBHOOK_URL"


@pytest.fixture(autouse=True)
def ticket_database(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'tickets.db'}"
    monkeypatch.setenv("TRACKER_DB_URL", url)
    monkeypatch.delenv(WEBHOOK_URL_ENV, raising=False)
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


STORE = {
    "store_cancelled": True,
    "has_pending_orders": False,
    "has_violations": True,
    "has_disputes": False,
    "refund_eligible": False,
    "refund_blockers": ["violations"],
}


async def test_seller_request_files_one_ticket_with_the_conversation(ticket_database):
    events = [
        user("my card 4111 1111 1111 1111 was charged, why?", "ask_wrong_amount", 1.0),
        bot("utter_wrong_amount", "If the amount..."),
    ]
    t = tracker("I want to talk to a human", "request_human", slots=STORE, events=events)
    messages, events_out = await run(ActionHandOver(), t)
    assert responses(messages) == ["utter_handoff_filed"]
    ticket_id = messages[0]["ticket_id"]
    assert slot_events(events_out) == {
        "handoff_ticket": ticket_id,
        "handoff_reason": "seller_request",
    }

    [row] = ticket_store.load_tickets(ticket_database)
    assert row["id"] == ticket_id and row["reason"] == "seller_request"
    assert row["delivery_status"] == "local"
    ticket = json.loads(row["ticket"])
    assert ticket["questions"] == ["my card [card number] was charged, why?"]
    assert ticket["store_facts"] == {
        "store_cancelled": True,
        "has_pending_orders": False,
        "has_violations": True,
        "has_disputes": False,
    }
    assert ticket["verdict"] == {"eligible": False, "blockers": ["violations"]}
    assert [line["from"] for line in ticket["transcript"]] == ["seller", "bot", "seller"]
    assert "4111" not in row["ticket"] and "4111" not in row["summary"]
    assert "violation/penalty record" in row["summary"]


async def test_a_second_request_in_the_same_session_reuses_the_ticket(ticket_database):
    t = tracker("a person please", "request_human")
    messages, _ = await run(ActionHandOver(), t)
    first = messages[0]["ticket_id"]
    earlier = [
        user("a person please", "request_human"),
        {"event": "slot", "name": "handoff_ticket", "value": first},
    ]
    messages, events_out = await run(
        ActionHandOver(), tracker("human!", "request_human", events=earlier)
    )
    assert responses(messages) == ["utter_handoff_already"] and messages[0]["ticket_id"] == first
    assert events_out == [] and len(ticket_store.load_tickets(ticket_database)) == 1


async def test_two_misunderstood_messages_in_a_row_hand_over(ticket_database):
    earlier = [user("blorp", "nlu_fallback", 1.0), bot("utter_did_you_mean")]
    t = tracker(
        "zzz qqq",
        "nlu_fallback",
        events=earlier,
        ranking=[{"name": "nlu_fallback", "confidence": 0.4}],
    )
    t.events[-1]["parse_data"]["intent"] = {"name": "nlu_fallback"}
    messages, events_out = await run(ActionClarifyIntent(), t)
    assert responses(messages) == ["utter_still_not_understood", "utter_handoff_filed"]
    assert slot_events(events_out)["handoff_reason"] == "not_understood"
    assert [row["reason"] for row in ticket_store.load_tickets(ticket_database)] == [
        "not_understood"
    ]


@pytest.mark.parametrize(
    "offer, reason",
    [
        ("utter_review_window_overdue", "overdue_review"),
        ("utter_offer_handoff_violations", "violations"),
    ],
)
async def test_yes_to_the_bots_offer_of_a_person_files_a_ticket_with_the_offers_reason(
    offer, reason, ticket_database
):
    slots = {
        "submission_date": "2026-10-01",
        "review_earliest": "2026-10-16",
        "review_latest": "2026-10-28",
        "review_status": "overdue",
    }
    messages, events_out = await run(
        ActionAnswerYesNo(), tracker("yes please", "affirm", slots=slots, events=[bot(offer)])
    )
    assert responses(messages) == ["utter_handoff_filed"]
    assert slot_events(events_out)["handoff_reason"] == reason
    [row] = ticket_store.load_tickets(ticket_database)
    assert row["reason"] == reason
    assert json.loads(row["ticket"])["review"]["review_latest"] == "2026-10-28"


async def test_button_request_right_after_an_offer_takes_the_offers_reason():
    events = [bot("utter_review_window_overdue")]
    messages, events_out = await run(
        ActionHandOver(), tracker("/request_human", "request_human", events=events)
    )
    assert slot_events(events_out)["handoff_reason"] == "overdue_review"


async def test_webhook_receives_the_ticket(webhook, monkeypatch, ticket_database):
    url, received = webhook
    monkeypatch.setenv(WEBHOOK_URL_ENV, url)
    messages, _ = await run(
        ActionHandOver(), tracker("talk to an agent", "request_human", slots=STORE)
    )
    assert responses(messages) == ["utter_handoff_filed"]
    [payload] = received
    assert payload["id"] == messages[0]["ticket_id"] and payload["reason"] == "seller_request"
    assert set(payload) >= {
        "id",
        "created_at",
        "channel",
        "reason",
        "summary",
        "questions",
        "store_facts",
        "verdict",
        "review",
        "transcript",
        "language",
        "chinese_script",
    }
    assert (payload["language"], payload["chinese_script"]) == ("en", None)
    [row] = ticket_store.load_tickets(ticket_database)
    assert row["delivery_status"] == "delivered"


async def test_a_chinese_sellers_ticket_records_the_language_everywhere(
    webhook, monkeypatch, ticket_database
):
    # "When will my deposit be returned? Card 4111 1111 1111 1111", then "I want a human", in
    # Traditional characters: the language tagger set both language slots.
    url, received = webhook
    monkeypatch.setenv(WEBHOOK_URL_ENV, url)
    events = [
        user("我的保證金什麼時候退？卡號 4111 1111 1111 1111", "ask_refund_time", 1.0),
        bot("utter_refund_time", "保證金在審核通過後退回……"),
    ]
    slots = {"language": "zh", "chinese_script": "traditional"}
    messages, _ = await run(
        ActionHandOver(), tracker("我要人工客服", "request_human", slots=slots, events=events)
    )
    assert responses(messages) == ["utter_handoff_filed"]

    [payload] = received
    assert (payload["language"], payload["chinese_script"]) == ("zh", "traditional")
    assert payload["summary"].startswith(
        "Handed over because the seller asked for a person. "
        "Seller's language: Chinese (Traditional). "
        'The seller asked: "我的保證金什麼時候退？卡號 [card number]".'
    )
    assert payload["questions"] == ["我的保證金什麼時候退？卡號 [card number]"]

    [row] = ticket_store.load_tickets(ticket_database)
    assert (row["language"], row["chinese_script"]) == ("zh", "traditional")
    assert row["summary"] == payload["summary"]
    assert json.loads(row["ticket"])["language"] == "zh"
    assert "4111" not in row["ticket"] and "4111" not in json.dumps(payload)


async def test_webhook_down_keeps_the_ticket_and_tells_the_seller(monkeypatch, ticket_database):
    monkeypatch.setenv(WEBHOOK_URL_ENV, "http://127.0.0.1:9/unreachable")
    messages, events_out = await run(ActionHandOver(), tracker("human please", "request_human"))
    assert responses(messages) == ["utter_handoff_delayed"]
    [row] = ticket_store.load_tickets(ticket_database)
    assert row["id"] == messages[0]["ticket_id"] and row["delivery_status"] == "pending"
    assert "ClientConnectorError" in row["delivery_error"]
    assert slot_events(events_out)["handoff_ticket"] == row["id"]


async def test_database_down_says_so_instead_of_pretending(monkeypatch):
    monkeypatch.setenv("TRACKER_DB_URL", "sqlite:////nonexistent-dir/x/tickets.db")
    messages, events_out = await run(ActionHandOver(), tracker("human please", "request_human"))
    assert responses(messages) == ["utter_handoff_failed"] and events_out == []


async def test_a_ticket_carried_over_from_an_earlier_session_does_not_count():
    new_session = [
        {"event": "action", "name": "action_session_start"},
        {"event": "session_started"},
        {"event": "slot", "name": "handoff_ticket", "value": "RA-OLD234"},
        {"event": "action", "name": "action_listen"},
    ]
    messages, events_out = await run(
        ActionHandOver(), tracker("a human please", "request_human", events=new_session)
    )
    assert responses(messages) == ["utter_handoff_filed"]
    assert slot_events(events_out)["handoff_ticket"] != "RA-OLD234"
