"""The reply matcher on texts rendered from the real domain: every response is recognised, with
its placeholders filled, whatever the whitespace; texts not from the domain are not; blocker
lines are found inside the verdict that embeds them."""

import re

import pytest

from refund_assistant.evaluation.replies import ReplyMatcher, identify_replies, normalise
from tests.support import DOMAIN

RESPONSES = DOMAIN["responses"]
MATCHER = ReplyMatcher(RESPONSES)


def render(name, **values):
    """A response's first text as Rasa sends it: each {placeholder} filled (default "X")."""
    text = RESPONSES[name][0]["text"]
    return re.sub(r"\{([^{}\s]+)\}", lambda m: str(values.get(m.group(1), "X")), text)


def not_eligible(*blockers):
    lines = "\n".join(render(name) for name in blockers)
    return render("utter_refund_not_eligible", blockers=lines)


@pytest.mark.parametrize("name", sorted(RESPONSES))
def test_every_domain_response_is_recognised_as_itself(name):
    assert MATCHER.name_of(render(name, date="Mon 2 Nov 2026", ticket_id="RA-7KQ2MX")) == name


def test_placeholders_match_any_value():
    text = render(
        "utter_review_window_overdue", submitted="Tue 20 Oct 2026", earliest="Thu 29 Oct 2026",
        latest="Tue 10 Nov 2026", passed=28, overdue_by=13,
    )  # fmt: skip
    assert MATCHER.name_of(text) == "utter_review_window_overdue"
    assert MATCHER.name_of(render("utter_handoff_filed", ticket_id="RA-ABC123")) == (
        "utter_handoff_filed"
    )


def test_review_window_types_are_told_apart():
    names = ["utter_review_window_not_yet_due", "utter_review_window_in_window",
             "utter_review_window_overdue", "utter_review_window_just_closed"]  # fmt: skip
    assert MATCHER.identify(render(name) for name in names) == names


def test_whitespace_differences_do_not_matter():
    text = render("utter_capabilities").replace("\n", " \n\n  ").replace(" ", "  ")
    assert MATCHER.name_of("  " + text + "\n") == "utter_capabilities"
    assert normalise(" a \n\t b ") == "a b"


def test_the_whole_reply_must_match():
    assert MATCHER.name_of(render("utter_greet") + " And one more thing.") is None
    assert MATCHER.name_of(render("utter_greet")[:-10]) is None
    assert MATCHER.name_of("I am not a domain response.") is None
    assert MATCHER.name_of("") is None


def test_identify_keeps_the_order_and_marks_unknown_texts():
    texts = [render("utter_documents"), "something else entirely", render("utter_ask_feedback")]
    assert identify_replies(RESPONSES, texts) == ["utter_documents", None, "utter_ask_feedback"]


def test_the_verdict_is_recognised_and_its_blockers_are_found_inside_it():
    text = not_eligible("utter_blocker_store_not_cancelled", "utter_blocker_disputes")
    assert MATCHER.name_of(text) == "utter_refund_not_eligible"
    assert MATCHER.contains_response(text, "utter_blocker_store_not_cancelled")
    assert MATCHER.contains_response(text, "utter_blocker_disputes")
    assert not MATCHER.contains_response(text, "utter_blocker_pending_orders")
    assert not MATCHER.contains_response(text, "utter_blocker_violations")
    assert MATCHER.any_contains(["hi", text], "utter_blocker_disputes")


def test_contains_response_also_takes_the_whole_reply_and_refuses_unknown_names():
    assert MATCHER.contains_response(render("utter_out_of_scope"), "utter_out_of_scope")
    assert not MATCHER.contains_response(render("utter_out_of_scope"), "utter_no_such_response")


def test_variations_without_text_are_skipped_and_the_most_specific_template_wins():
    matcher = ReplyMatcher(
        {
            "utter_anything": [{"text": "{everything}"}],
            "utter_hello": [{"text": "Hello {name}, welcome back."}, {"text": "Hi {name}!"}],
            "utter_image_only": [{"image": "https://example.com/x.png"}],
            "utter_empty": [],
        }
    )
    assert matcher.name_of("Hello Ana, welcome back.") == "utter_hello"
    assert matcher.name_of("Hi Ana!") == "utter_hello"
    assert matcher.name_of("anything at all") == "utter_anything"
    assert matcher.names == {"utter_anything", "utter_hello"}


def test_regex_characters_in_templates_are_literal():
    matcher = ReplyMatcher({"utter_price": [{"text": "Cost (approx.): $5 + {fee}?"}]})
    assert matcher.name_of("Cost (approx.): $5 + 2 USD?") == "utter_price"
    assert matcher.name_of("Cost (approx.): $5 + 2 USD!") is None
