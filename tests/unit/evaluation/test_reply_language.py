"""A reply in the wrong language is not a correct reply, and Traditional replies are
recognised as the Simplified variation they were converted from."""

from refund_assistant.evaluation.expectations import Judge, LabelledMessage
from refund_assistant.evaluation.replies import ReplyMatcher

ZH = [{"type": "slot", "name": "language", "value": "zh"}]
RESPONSES = {
    "utter_review_time": [
        {"text": "The review takes 7 to 15 working days."},
        {"text": "审核一般需要7到15个工作日，进度可以在卖家后台查看。", "condition": ZH},
    ],
}
JUDGE = Judge(ReplyMatcher(RESPONSES), {"ask_review_time": frozenset({"utter_review_time"})})


def judge(text, *replies):
    message = LabelledMessage.from_dict({"id": "t", "text": text, "intent": "ask_review_time"})
    return JUDGE.judge(message, list(replies))


def test_a_chinese_question_needs_a_chinese_answer():
    assert judge("审核要多久", "审核一般需要7到15个工作日，进度可以在卖家后台查看。").correct
    english = judge("审核要多久", "The review takes 7 to 15 working days.")
    assert not english.correct and english.kind == "wrong_language"


def test_an_english_question_needs_an_english_answer():
    assert judge("how long is the review", "The review takes 7 to 15 working days.").correct
    assert not judge(
        "how long is the review", "审核一般需要7到15个工作日，进度可以在卖家后台查看。"
    ).correct


def test_a_message_without_a_language_takes_either():
    assert judge("ok", "The review takes 7 to 15 working days.").correct


def test_a_traditional_reply_is_its_simplified_variation():
    traditional = "審核一般需要7到15個工作日，進度可以在賣家後臺查看。"
    assert ReplyMatcher(RESPONSES).name_of(traditional) == "utter_review_time"
    assert judge("審核要多久", traditional).correct
