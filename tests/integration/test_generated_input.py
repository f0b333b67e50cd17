"""Property-based: whatever text arrives, the NLU-to-action path answers it, over the real
servers, and never with a server error."""

import json
import urllib.error
import urllib.request

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from refund_assistant.message_checks import MAX_MESSAGE_CHARS

pytestmark = pytest.mark.servers

seller_text = st.one_of(
    st.text(max_size=300),  # any unicode, control characters and surrogates excluded by JSON
    st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=200),
    st.lists(
        st.sampled_from(
            [
                "deposit",
                "refund",
                "store",
                "closed",
                "no",
                "yes",
                "dispute",
                "2 orders",
                "step",
                "next",
                "back",
                "review",
                "applied",
                "yesterday",
                "40 days",
                "iban",
                "@",
                "+86",
                "4111 1111 1111 1111",
                "不",
                "депозит",
                "?",
                "!",
                "/",
                "{",
                "}",
                '"',
            ]
        ),
        max_size=25,
    ).map(" ".join),
    st.text(min_size=MAX_MESSAGE_CHARS - 5, max_size=MAX_MESSAGE_CHARS + 5),
)


@settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=seller_text, turn=st.integers(min_value=0, max_value=3))
def test_any_text_gets_an_answer_or_a_clear_refusal(bot, text, turn):
    body = json.dumps({"sender": f"generated-{turn}", "message": text}).encode()
    request = urllib.request.Request(
        f"{bot.url}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            replies = json.loads(response.read())
            assert replies and all(reply.get("text") for reply in replies), (text, replies)
    except urllib.error.HTTPError as error:
        assert 400 <= error.code < 500, (text, error.code)
        assert json.loads(error.read())["detail"]
