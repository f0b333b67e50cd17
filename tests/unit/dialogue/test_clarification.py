from refund_assistant import intents
from refund_assistant.dialogue import clarification
from tests.support import DOMAIN

RESPONSES = {
    "utter_a": [
        {
            "text": "a",
            "buttons": [
                {"title": "Which documents?", "payload": "/ask_documents"},
                {"title": "Step 3", "payload": '/ask_step{"step_number":"3"}'},
            ],
        }
    ],
    "utter_b": [
        {
            "text": "b",
            "buttons": [
                {"title": "Documents again", "payload": "/ask_documents"},
                {"title": "How long is the review?", "payload": "/ask_review_time"},
                {"title": "Talk to a person", "payload": "/request_human"},
            ],
        }
    ],
    "utter_c": [{"text": "no buttons"}],
}


def test_titles_come_from_the_first_button_that_sends_the_intent():
    assert clarification.topic_titles(RESPONSES) == {
        "ask_documents": "Which documents?",
        "ask_review_time": "How long is the review?",
        "request_human": "Talk to a person",
    }


def test_suggestions_are_the_two_likeliest_topics_with_a_title():
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.9},
        {"name": "affirm", "confidence": 0.4},
        {"name": "ask_review_time", "confidence": 0.2},
        {"name": "ask_tips", "confidence": 0.15},  # no title: skipped
        {"name": "ask_documents", "confidence": 0.3},
        {"name": "request_human", "confidence": 0.1},
    ]
    titles = clarification.topic_titles(RESPONSES)
    assert clarification.suggestions(ranking, titles) == [
        ("ask_documents", "Which documents?"),
        ("ask_review_time", "How long is the review?"),
    ]


def _user(intent):
    return {"event": "user", "parse_data": {"intent": {"name": intent}}}


def test_counts_misunderstood_messages_in_a_row():
    bot = {"event": "bot", "text": "..."}
    assert clarification.misunderstood_in_a_row([]) == 0
    assert clarification.misunderstood_in_a_row([_user("greet"), bot]) == 0
    assert clarification.misunderstood_in_a_row([_user("nlu_fallback"), bot]) == 1
    events = [_user("nlu_fallback"), bot, _user("greet"), bot, _user("nlu_fallback"), bot]
    assert clarification.misunderstood_in_a_row(events) == 1
    events += [{"event": "action", "name": "action_listen"}, _user("nlu_fallback")]
    assert clarification.misunderstood_in_a_row(events) == 2


def test_every_topic_the_bot_can_suggest_has_a_title_in_the_domain():
    titles = clarification.topic_titles(DOMAIN["responses"])
    suggestable = set(DOMAIN["intents"]) - intents.NOT_SUGGESTED
    assert suggestable - set(titles) == set()
