"""Whether the bot's replies answer a labelled message: the end-to-end verdict of a blind test.

Why not compare intents only: a right intent can still get the wrong reply (a form that asks
about a fact the seller just stated, a verdict without the blocker), and a wrong intent can
still get a helpful one. So each label is judged on the responses the bot actually sent
(names from `replies.ReplyMatcher`). Which response answers which FAQ comes from the dialogue
rules in `data/rules/` (`rule_answers`), so a rule change never needs an edit here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from refund_assistant import intents
from refund_assistant.dialogue.walkthrough import STEP_COUNT, STEP_RESPONSES, parse_step_number
from refund_assistant.evaluation.replies import ReplyMatcher
from refund_assistant.facts import BLOCKING_VALUES, FACTS, Blocker, Fact
from refund_assistant.languages import message_language
from refund_assistant.review.responses import WINDOW_RESPONSES, window_response
from refund_assistant.review.submission_date import MAX_AGE_DAYS
from refund_assistant.review.window import review_window

# Labels with `relative: true` were written on this day ("3 days ago" = 2026-11-27).
REFERENCE_DAY = date(2026, 11, 30)

FALLBACK_RESPONSES = frozenset(
    {"utter_did_you_mean", "utter_default", "utter_still_not_understood"}
)
OUT_OF_SCOPE_RESPONSE = "utter_out_of_scope"
HANDOFF_RESPONSES = frozenset(
    {"utter_handoff_filed", "utter_handoff_delayed", "utter_handoff_already"}
)
WALKTHROUGH_MOVES = frozenset(STEP_RESPONSES) | {
    "utter_walkthrough_done",
    "utter_walkthrough_at_start",
}
ELIGIBLE_RESPONSE = "utter_refund_eligible"
REVIEW_TIME_RESPONSE = "utter_review_time"
ASK_DATE_RESPONSE = "utter_ask_submission_date"
SUBMISSION_DATE_RESPONSES = frozenset(
    {
        "utter_submission_date_not_found",
        "utter_submission_date_future",
        "utter_submission_date_too_old",
    }
)
# Answers, not questions: right whatever the bot does with them, as long as it understood.
ANSWER_INTENTS = frozenset(
    {intents.AFFIRM, intents.DENY, intents.UNSURE, intents.STOP,
     intents.FEEDBACK_HELPFUL, intents.FEEDBACK_NOT_HELPFUL}
)  # fmt: skip
STORE_INTENTS = frozenset({"check_eligibility", intents.DESCRIBE_STORE})


def ask_response(fact: Fact) -> str:
    return f"utter_ask_{fact.value}"


def blocker_response(blocker: Blocker) -> str:
    return f"utter_blocker_{blocker.value}"


def _step_intents(step: Mapping[str, Any]) -> list[str]:
    """The intents a rule step matches: `intent: X`, or each branch of an `or:`."""
    if isinstance(step.get("intent"), str):
        return [step["intent"]]
    branches = step.get("or")
    if isinstance(branches, list):
        return [b["intent"] for b in branches if isinstance(b, Mapping) and "intent" in b]
    return []


def rule_answers(documents: Iterable[Mapping[str, Any]]) -> dict[str, frozenset[str]]:
    """Intent -> the responses that answer it, from loaded `data/rules/*.yml` documents: a step
    `intent: X` (or an `or:` of intents) directly followed by `action: utter_Y`."""
    found: dict[str, set[str]] = {}
    for document in documents:
        for rule in (document or {}).get("rules") or []:
            steps = [s for s in rule.get("steps") or [] if isinstance(s, Mapping)]
            for step, following in zip(steps, steps[1:], strict=False):
                action = following.get("action")
                if isinstance(action, str) and action.startswith("utter_"):
                    for intent in _step_intents(step):
                        found.setdefault(intent, set()).add(action)
    return {intent: frozenset(names) for intent, names in found.items()}


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


@dataclass(frozen=True)
class LabelledMessage:
    """One message of a blind set, as labelled (see tests/blind/*.yml for the format)."""

    id: str
    text: str
    intent: str
    context: tuple[str, ...] = ()
    facts: Mapping[Fact, bool] = field(default_factory=dict)
    submitted: date | None = None
    relative: bool = False
    tags: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> LabelledMessage:
        """Reads one YAML entry; an unknown fact name or a bad date raises ValueError."""
        facts = {Fact(name): bool(value) for name, value in (raw.get("facts") or {}).items()}
        return cls(
            id=str(raw["id"]),
            text=str(raw["text"]),
            intent=str(raw["intent"]),
            context=tuple(str(turn) for turn in raw.get("context") or ()),
            facts=facts,
            submitted=_as_date(raw.get("submitted")),
            relative=bool(raw.get("relative", False)),
            tags=tuple(str(tag) for tag in raw.get("tags") or ()),
        )

    def submission_on(self, today: date) -> date | None:
        """The labelled submission date as the bot should read it today: relative labels move
        with the clock (written on REFERENCE_DAY), absolute ones do not."""
        if self.submitted is None or not self.relative:
            return self.submitted
        return self.submitted + (today - REFERENCE_DAY)


def expected_window_response(submitted: date, today: date) -> str | None:
    """The review-window response the bot should pick for `submitted` seen on `today` (the
    same choice as action_estimate_review_window); None when the date is not one it accepts
    (in the future, or older than the bot's limit), where no window is given at all."""
    if submitted > today or (today - submitted).days > MAX_AGE_DAYS:
        return None
    return window_response(review_window(submitted, today))


@dataclass(frozen=True)
class Judgement:
    """The verdict on one message. `kind` is "ok" or why it failed (for grouping failures)."""

    correct: bool
    kind: str
    expected: str  # what a right reply would have contained, for people
    responses: tuple[str | None, ...]
    fallback: bool  # "Did you mean ...?" or the core fallback
    declined: bool  # the out-of-scope reply
    answered_first: bool | None = None  # ask_review_deadline without a date only
    window_type_ok: bool | None = None  # a dated review question with an expected window


@dataclass(frozen=True)
class _Check:
    ok: bool
    kind: str
    expected: str
    answered_first: bool | None = None
    window_type_ok: bool | None = None


def _one_of(
    present: set[str | None], wanted: Iterable[str], kind: str = "wrong_response"
) -> _Check:
    wanted = frozenset(wanted)
    return _Check(bool(present & wanted), kind, " or ".join(sorted(wanted)))


class Judge:
    """Judges the replies to labelled messages, for one domain and one set of rules."""

    def __init__(self, matcher: ReplyMatcher, answers: Mapping[str, frozenset[str]]) -> None:
        self.matcher = matcher
        self.answers = answers

    def judge(
        self, message: LabelledMessage, texts: Sequence[str], expected_window: str | None = None
    ) -> Judgement:
        """`texts`: the bot's replies to the message itself (not to its context);
        `expected_window`: the window response the labelled date calls for, when known."""
        names = tuple(self.matcher.identify(texts))
        present = set(names)
        fallback = bool(present & FALLBACK_RESPONSES)
        declined = OUT_OF_SCOPE_RESPONSE in present
        check = self._check(message, texts, names, expected_window)
        kind = check.kind
        if not texts:
            kind = "no_reply"
        elif fallback:
            kind = "fallback"
        elif not check.ok and declined:
            kind = "declined_in_scope"
        language = message_language(message.text)
        wrong_language = language is not None and any(
            message_language(text) not in (None, language) for text in texts
        )
        if check.ok and wrong_language:
            kind = "wrong_language"
        correct = check.ok and bool(texts) and not fallback and not wrong_language
        return Judgement(
            correct=correct,
            kind="ok" if correct else kind,
            expected=check.expected,
            responses=names,
            fallback=fallback,
            declined=declined,
            answered_first=check.answered_first,
            window_type_ok=check.window_type_ok,
        )

    def _check(
        self,
        message: LabelledMessage,
        texts: Sequence[str],
        names: tuple[str | None, ...],
        expected_window: str | None,
    ) -> _Check:
        present = set(names)
        intent = message.intent
        if intent == intents.OUT_OF_SCOPE:
            return _one_of(present, [OUT_OF_SCOPE_RESPONSE])
        if intent == intents.REQUEST_HUMAN:
            return _one_of(present, HANDOFF_RESPONSES)
        if intent == "start_walkthrough":
            return _one_of(present, [STEP_RESPONSES[0]], "wrong_step")
        if intent == intents.ASK_STEP:
            number = parse_step_number(message.text)
            if number is not None and 1 <= number <= STEP_COUNT:
                return _one_of(present, [STEP_RESPONSES[number - 1]], "wrong_step")
            return _one_of(present, STEP_RESPONSES, "wrong_step")
        if intent in (intents.NEXT_STEP, intents.PREVIOUS_STEP):
            return _one_of(present, WALKTHROUGH_MOVES, "wrong_step")
        if intent in STORE_INTENTS:
            return self._check_store(message, texts, present)
        if intent in (intents.ASK_REVIEW_DEADLINE, intents.INFORM_DATE):
            return _check_review(message, names, expected_window)
        if intent in ANSWER_INTENTS:
            return _Check(True, "ok", "anything but a fallback")
        if intent not in self.answers:
            return _Check(False, "no_rule", f"a rule answering {intent}")
        return _one_of(present, self.answers[intent])

    def _check_store(
        self, message: LabelledMessage, texts: Sequence[str], present: set[str | None]
    ) -> _Check:
        """A stated blocker must be in the verdict; all four known and fine: the good news;
        otherwise a question about a fact still unknown. Never a question about a stated fact."""
        stated = message.facts
        asked_stated = sorted(ask_response(f) for f in stated if ask_response(f) in present)
        blocking = [rule for rule in BLOCKING_VALUES if stated.get(rule.fact) is rule.blocks_when]
        if blocking:
            wanted = [blocker_response(rule.blocker) for rule in blocking]
            missing = [name for name in wanted if not self.matcher.any_contains(texts, name)]
            check = _Check(not missing, "missing_blocker", "verdict with " + " + ".join(wanted))
        elif len(stated) == len(FACTS):
            check = _one_of(present, [ELIGIBLE_RESPONSE], "missing_verdict")
        else:
            unknown = [ask_response(fact) for fact in FACTS if fact not in stated]
            check = _one_of(present, unknown, "no_question_for_unknown_fact")
        if asked_stated:
            return _Check(
                False, "asked_stated_fact", f"{check.expected}, not {', '.join(asked_stated)}"
            )
        return check


def _check_review(
    message: LabelledMessage, names: tuple[str | None, ...], expected_window: str | None
) -> _Check:
    """Dated: the review window (of the type the date calls for, when known). Undated
    ask_review_deadline: the general rule or the date question; `answered_first` tells apart
    the bot that answers before it asks. Undated inform_date: anything but a fallback."""
    present = set(names)
    if message.submitted is not None:
        wanted = {expected_window} if expected_window else set(WINDOW_RESPONSES)
        if message.intent == intents.INFORM_DATE:
            wanted |= SUBMISSION_DATE_RESPONSES
        got_window = present & WINDOW_RESPONSES
        type_ok = (expected_window in present) if expected_window else None
        ok = bool(present & wanted)
        kind = "wrong_window_type" if got_window else "no_review_window"
        return _Check(ok, kind, " or ".join(sorted(wanted)), window_type_ok=type_ok)
    if message.intent == intents.INFORM_DATE:
        return _Check(True, "ok", "anything but a fallback")
    answered_first = REVIEW_TIME_RESPONSE in present and (
        ASK_DATE_RESPONSE not in present
        or names.index(REVIEW_TIME_RESPONSE) < names.index(ASK_DATE_RESPONSE)
    )
    check = _one_of(present, [REVIEW_TIME_RESPONSE, ASK_DATE_RESPONSE])
    return _Check(check.ok, check.kind, check.expected, answered_first=answered_first)
