"""A handoff ticket reads on its own for an agent who never saw the chat."""

from datetime import datetime, timezone

import pytest

from refund_assistant.handoff import ticket as handoff
from tests.support import bot_event as bot
from tests.support import user_event as user


def test_ticket_ids_are_short_and_unambiguous():
    ids = {handoff.new_ticket_id() for _ in range(200)}
    assert len(ids) == 200
    assert all(len(i) == 9 and i.startswith("RA-") and not set(i[3:]) & set("01IO") for i in ids)


def test_ticket_reads_on_its_own():
    events = [
        user("when will my review finish, i applied 1 october", "ask_review_deadline", 1.0),
        bot("utter_review_window_overdue", "You applied on Thu 1 Oct 2026..."),
    ]
    slots = {
        "submission_date": "2026-10-01",
        "review_earliest": "2026-10-16",
        "review_latest": "2026-10-28",
        "review_status": "overdue",
    }
    ticket = handoff.build_ticket(
        events=events,
        slots=slots,
        reason="overdue_review",
        channel="rest",
        seller_id="s1",
        now=datetime(2026, 11, 26, 9, 0, tzinfo=timezone.utc),
        ticket_id="RA-TEST23",
    )
    assert ticket.summary == (
        "Handed over because the seller's refund review is overdue. "
        "Seller's language: English. "
        'The seller asked: "when will my review finish, i applied 1 october". '
        "Store, as the seller described it: nothing said about the store. "
        "Review: applied 2026-10-01, expected 2026-10-16 to 2026-10-28, status overdue."
    )
    assert ticket.created_at == "2026-11-26T09:00:00+00:00"
    # No language slot: English, the bot's default.
    assert (ticket.language, ticket.chinese_script) == ("en", None)


NOW = datetime(2026, 11, 26, 9, 0, tzinfo=timezone.utc)


def chinese_ticket(events, slots):
    return handoff.build_ticket(
        events=events,
        slots=slots,
        reason="seller_request",
        channel="telegram",
        seller_id="s2",
        now=NOW,
        ticket_id="RA-TEST24",
    )


def test_a_chinese_sellers_words_are_quoted_as_written_in_an_english_summary():
    # "My store is closed, when will the deposit be returned? My phone is 13812345678", then
    # "I want a human agent", both in Traditional characters.
    events = [
        user("我的店鋪已經關閉了，保證金什麼時候退？我的電話是13812345678", "ask_refund_time", 1.0),
        bot("utter_refund_time", "保證金在審核通過後退回……"),
        user("我要人工客服", "request_human", 3.0),
    ]
    slots = {"language": "zh", "chinese_script": "traditional", "store_cancelled": True}
    ticket = chinese_ticket(events, slots)
    assert ticket.summary == (
        "Handed over because the seller asked for a person. "
        "Seller's language: Chinese (Traditional). "
        'The seller asked: "我的店鋪已經關閉了，保證金什麼時候退？我的電話是[phone]". '
        "Store, as the seller described it: store cancelled."
    )
    assert (ticket.language, ticket.chinese_script) == ("zh", "traditional")
    assert ticket.language_name == "Chinese (Traditional)"
    # The transcript keeps the Chinese too, masked as before.
    assert [line["text"] for line in ticket.transcript] == [
        "我的店鋪已經關閉了，保證金什麼時候退？我的電話是[phone]",
        "保證金在審核通過後退回……",
        "我要人工客服",
    ]
    assert "13812345678" not in str(ticket.as_dict())


def test_the_ticket_dict_carries_the_language_for_the_webhook_and_the_store():
    ticket = chinese_ticket(
        [user("押金什么时候退", "ask_refund_time", 1.0)],
        {"language": "zh", "chinese_script": "simplified"},
    )
    payload = ticket.as_dict()
    assert (payload["language"], payload["chinese_script"]) == ("zh", "simplified")
    assert "Seller's language: Chinese (Simplified)." in ticket.summary


@pytest.mark.parametrize(
    "slots, language, script, name",
    [
        ({}, "en", None, "English"),
        ({"language": None}, "en", None, "English"),
        ({"language": "en", "chinese_script": "traditional"}, "en", None, "English"),
        ({"language": "zh"}, "zh", None, "Chinese"),
        (
            {"language": "zh", "chinese_script": "simplified"},
            "zh",
            "simplified",
            "Chinese (Simplified)",
        ),
        ({"language": "zh", "chinese_script": "klingon"}, "zh", None, "Chinese"),
        (
            {"language": "zh-TW", "chinese_script": "traditional"},
            "zh",
            "traditional",
            "Chinese (Traditional)",
        ),
        # Anything the bot does not answer in is not recorded as a language: the bot spoke English.
        ({"language": "ru"}, "en", None, "English"),
        ({"language": 3}, "en", None, "English"),
    ],
)
def test_the_language_comes_from_the_slots_with_english_as_the_default(
    slots, language, script, name
):
    ticket = chinese_ticket([], slots)
    assert (ticket.language, ticket.chinese_script, ticket.language_name) == (
        language,
        script,
        name,
    )
    assert f"Seller's language: {name}." in ticket.summary


def test_language_names():
    assert handoff.language_name(None) == "English"
    assert handoff.language_name("zh", "traditional") == "Chinese (Traditional)"
    assert handoff.language_name("zh", None) == "Chinese"
    assert handoff.language_name("fr") == "fr"
