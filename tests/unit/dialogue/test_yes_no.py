from refund_assistant.dialogue import yes_no


def _bot(response):
    return {"event": "bot", "text": "...", "metadata": {"utter_action": response}}


USER = {"event": "user", "text": "yes"}


def test_yes_after_the_eligible_verdict_starts_the_walkthrough():
    events = [_bot("utter_refund_eligible"), {"event": "action", "name": "action_listen"}, USER]
    assert yes_no.reply_to(events, "affirm") == yes_no.START_WALKTHROUGH
    assert yes_no.reply_to(events, "deny") == "utter_anything_else"


def test_no_after_anything_else_says_goodbye():
    assert yes_no.reply_to([_bot("utter_anything_else"), USER], "deny") == "utter_goodbye"


def test_a_yes_to_nothing_in_particular_asks_what_else():
    assert yes_no.reply_to([_bot("utter_greet"), USER], "affirm") == "utter_anything_else"
    assert yes_no.reply_to([USER], "affirm") == "utter_anything_else"
    custom_message = {"event": "bot", "text": "free text", "metadata": {}}
    assert yes_no.reply_to([custom_message, USER], "affirm") == "utter_anything_else"


def test_yes_to_checking_the_rest_resumes_the_check_and_no_ends_it():
    offer = [_bot("utter_offer_check_rest"), USER]
    assert yes_no.reply_to(offer, "affirm") == yes_no.RESUME_STORE_CHECK
    assert yes_no.reply_to(offer, "deny") == "utter_check_rest_declined"
