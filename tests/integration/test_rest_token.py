"""REST_TOKEN end to end: the real bot started with the token set answers the REST channel only
with `Authorization: Bearer <token>`; everything else is 401 with a JSON reason, before the body
is even read, and nothing reaches a conversation."""

import json
import sqlite3
import urllib.error
import urllib.request
import uuid

import pytest

from refund_assistant.launcher.local_bot import MODEL, start_bot

pytestmark = pytest.mark.servers

TOKEN = "rest-t0ken_for-the-site-backend"


@pytest.fixture(scope="module")
def token_bot():
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train` first")
    bot = start_bot(env={"REST_TOKEN": TOKEN})
    yield bot
    bot.stop()


def post(bot, body: bytes, headers: dict[str, str]):
    request = urllib.request.Request(
        f"{bot.url}/webhooks/rest/webhook",
        data=body,
        headers={"Content-Type": "application/json", **headers},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.loads(error.read())


def stored_events(bot, sender: str) -> int:
    with sqlite3.connect(bot.output.with_suffix(".db")) as db:
        (count,) = db.execute(
            "SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)
        ).fetchone()
    return count


QUESTION = json.dumps({"sender": "site-seller-1", "message": "how long does the review take?"})


def test_the_site_backend_with_the_token_gets_answers(token_bot):
    status, _, replies = post(token_bot, QUESTION.encode(), {"Authorization": f"Bearer {TOKEN}"})
    assert status == 200
    assert "7 to 15 working days" in replies[0]["text"]
    assert stored_events(token_bot, "site-seller-1") > 0


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": ""},
        {"Authorization": TOKEN},  # no scheme
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": f"Bearer {TOKEN[:-1]}"},
        {"Authorization": f"Bearer {TOKEN}x"},
        {"Authorization": "Bearer wrong"},
        {"X-Token": TOKEN},
    ],
)
def test_without_the_token_it_is_401_and_nothing_is_stored(token_bot, headers):
    sender = f"stranger-{uuid.uuid4().hex[:8]}"
    body = json.dumps({"sender": sender, "message": "how long does the review take?"})
    status, response_headers, reply = post(token_bot, body.encode(), headers)
    assert status == 401
    assert response_headers.get("WWW-Authenticate") == "Bearer"
    assert reply["error"] == "unauthorized" and "Authorization" in reply["detail"]
    assert stored_events(token_bot, sender) == 0


def test_bad_bodies_without_the_token_are_401_not_parsed(token_bot):
    for body in (b"[" * 10_000, b"\xff\xfe", b"{not json"):
        status, _, reply = post(token_bot, body, {})
        assert (status, reply["error"]) == (401, "unauthorized")
    status, _, reply = post(token_bot, b"[" * 10_000, {"Authorization": f"Bearer {TOKEN}"})
    assert (status, reply["error"]) == (400, "invalid_json")


def test_the_health_check_needs_no_token(token_bot):
    with urllib.request.urlopen(f"{token_bot.url}/webhooks/rest/", timeout=30) as reply:
        assert json.loads(reply.read()) == {"status": "ok"}


def test_the_token_is_not_logged(token_bot):
    assert TOKEN not in token_bot.output.read_text(errors="replace")
