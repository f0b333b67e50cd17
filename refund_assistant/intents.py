"""Intent names the code acts on, and the groups of them that several parts share.

Why one home: the clarification, the store check, the review-date form, handoff tickets and the
deflection report each need to know which intents are conversation mechanics, which answer a
yes/no question, and which the guide does not cover. The names match `domain.yml`.
"""

from __future__ import annotations

from collections.abc import Mapping

FALLBACK = "nlu_fallback"  # the FallbackClassifier's intent: not understood
AFFIRM = "affirm"
DENY = "deny"
UNSURE = "unsure"
GREET = "greet"
GOODBYE = "goodbye"
THANK = "thank"
STOP = "stop"
REQUEST_HUMAN = "request_human"
OUT_OF_SCOPE = "out_of_scope"
DESCRIBE_STORE = "describe_store"
INFORM_DATE = "inform_date"
ASK_REVIEW_DEADLINE = "ask_review_deadline"
NEXT_STEP = "next_step"
PREVIOUS_STEP = "previous_step"
ASK_STEP = "ask_step"
BOT_CHALLENGE = "bot_challenge"
FEEDBACK_HELPFUL = "feedback_helpful"
FEEDBACK_NOT_HELPFUL = "feedback_not_helpful"
SHARE_PERSONAL_DATA = "share_personal_data"
ASK_DEPOSIT_AMOUNT = "ask_deposit_amount"
ASK_ACCOUNT_ACCESS = "ask_account_access"
ASK_BUYER_REFUND = "ask_buyer_refund"

# What a bare answer to a yes/no question means (the Yes / No / Not sure buttons send these).
YES_NO_VALUES: Mapping[str, bool | None] = {AFFIRM: True, DENY: False, UNSURE: None}

# Questions the guide has no answer for: the bot says so and points to customer service.
NOT_COVERED: frozenset[str] = frozenset({ASK_DEPOSIT_AMOUNT, ASK_ACCOUNT_ACCESS, ASK_BUYER_REFUND})

# Intents that run the conversation rather than ask about a topic.
MECHANICS: frozenset[str] = frozenset(
    {
        GREET,
        GOODBYE,
        THANK,
        AFFIRM,
        DENY,
        UNSURE,
        STOP,
        NEXT_STEP,
        PREVIOUS_STEP,
        INFORM_DATE,
        FEEDBACK_HELPFUL,
        FEEDBACK_NOT_HELPFUL,
        FALLBACK,
        SHARE_PERSONAL_DATA,
        BOT_CHALLENGE,
    }
)

# Intents never offered as a "Did you mean ...?" topic: they only mean something as an answer,
# carry the seller's own text, or are not ours to answer.
NOT_SUGGESTED: frozenset[str] = MECHANICS | {
    OUT_OF_SCOPE,
    DESCRIBE_STORE,
    ASK_STEP,
    ASK_BUYER_REFUND,
    ASK_ACCOUNT_ACCESS,
}

# Seller messages that are not questions, left out of a handoff ticket's "the seller asked".
NOT_QUESTIONS: frozenset[str] = frozenset({AFFIRM, DENY, GREET, THANK, GOODBYE, REQUEST_HUMAN})

# Messages meant as an answer to "When did you submit?": a yes/no/not sure is an answer without
# a date; anything else (another topic, "stop") is left to the dialogue.
DATE_ANSWERS: frozenset[str] = frozenset(
    {INFORM_DATE, ASK_REVIEW_DEADLINE, FALLBACK, AFFIRM, DENY, UNSURE}
)
