"""The NLU guard on Rasa messages: the intent and the mark it leaves in the parse data."""

from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from addons.personal_data_guard import PersonalDataGuard
from refund_assistant.privacy.guard import MARK


def classified(text, *ranking):
    ranking = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    message = Message(data={TEXT: text})
    message.set(INTENT, ranking[0], add_to_output=True)
    message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
    return message


def parse_data(message):
    return message.as_dict(only_output_properties=True)


def test_a_confident_question_with_an_account_number_keeps_its_intent_and_is_marked():
    message = classified(
        "my account is 6222021234567890123, how long does the review take?",
        ("ask_review_time", 0.56),
        ("ask_review_deadline", 0.24),
    )
    data = parse_data(PersonalDataGuard().process([message])[0])
    assert data[INTENT]["name"] == "ask_review_time" and data[MARK] is True


def test_an_unconfident_message_with_an_e_mail_gets_the_warning_intent_unmarked():
    message = classified(
        "my email is joe@example.com, hmm", ("nlu_fallback", 0.45), ("ask_keep_records", 0.19)
    )
    data = parse_data(PersonalDataGuard().process([message])[0])
    assert data[INTENT] == {"name": "share_personal_data", "confidence": 1.0}
    assert MARK not in data


def test_a_message_without_personal_data_is_left_alone():
    message = classified("which documents do I need", ("ask_documents", 0.9))
    data = parse_data(PersonalDataGuard().process([message])[0])
    assert data[INTENT]["name"] == "ask_documents" and MARK not in data
