"""The NLU guard's decision: a confident question with personal data keeps its intent and is
marked (warning, then the answer); anything else with personal data gets only the warning."""

from refund_assistant.privacy.guard import guard

ACCOUNT = "my account is 6222021234567890123"


def intent(name, confidence):
    return {"name": name, "confidence": confidence}


def test_a_confident_question_keeps_its_intent_and_is_marked():
    ranking = [intent("ask_review_time", 0.56), intent("ask_review_deadline", 0.24)]
    result = guard(f"{ACCOUNT}, how long does the review take?", ranking[0], ranking)
    assert result.intent["name"] == "ask_review_time" and result.marked
    assert result.ranking == ranking


def test_the_classifiers_own_share_guess_is_dropped_from_a_kept_ranking():
    ranking = [intent("ask_review_time", 0.6), intent("share_personal_data", 0.3)]
    result = guard(f"{ACCOUNT}, how long is the review?", ranking[0], ranking)
    assert result.marked and [i["name"] for i in result.ranking] == ["ask_review_time"]


def test_no_confident_intent_gets_the_warning_only():
    """The FallbackClassifier (before the guard) turned a low confidence into nlu_fallback."""
    ranking = [intent("nlu_fallback", 0.45), intent("ask_keep_records", 0.19)]
    result = guard("my email is joe@example.com, where is it?", ranking[0], ranking)
    assert result.intent == {"name": "share_personal_data", "confidence": 1.0}
    assert not result.marked
    assert [i["name"] for i in result.ranking] == [
        "share_personal_data",
        *[i["name"] for i in ranking],
    ]


def test_data_alone_gets_the_warning_only():
    ranking = [intent("share_personal_data", 0.9), intent("ask_bank_details", 0.05)]
    result = guard(ACCOUNT, ranking[0], ranking)
    assert result.intent["name"] == "share_personal_data" and not result.marked
    assert [i["name"] for i in result.ranking] == ["share_personal_data", "ask_bank_details"]


def test_without_personal_data_a_share_guess_gives_way_and_nothing_is_marked():
    ranking = [intent("share_personal_data", 0.5), intent("ask_bank_details", 0.4)]
    result = guard("my bank account number changed", ranking[0], ranking)
    assert result.intent["name"] == "ask_bank_details" and not result.marked
    plain = [intent("ask_documents", 0.9)]
    result = guard("which documents do I need", plain[0], plain)
    assert result.intent == plain[0] and result.ranking == plain and not result.marked
