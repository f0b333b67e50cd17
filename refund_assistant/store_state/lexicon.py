"""The word tables of the store-state reader: which words matter, and what each one means.

Why the tables stand apart from the engine: every decision the reader makes should be traceable
to one line here, and most fixes ("sellers also say 'wound up' for closed") are a word added to a
table, not a change to the parsing code. The other modules of the package only apply these
tables; they hold no words of their own.

How the tables are used:
- TERMS: label -> words and phrases. A one-word entry matches a token's NORM (the word as
  listed, else its lemma: "closed" -> "close", but "pending" and "left" stay as listed); in a
  phrase each word matches the lower-case text, "a|b" = either (see `units`).
- EFFECTS: what a cue label means for each fact, as an `Effect` (see `reader`).
- The word sets below them describe noun phrases, lists, questions and fillers (see `clauses`
  and `phrases`).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum, IntEnum
from typing import Final, Literal, NamedTuple

from refund_assistant.facts import FACTS, Fact

STORE: Final = Fact.STORE_CANCELLED
ORDERS: Final = Fact.HAS_PENDING_ORDERS
VIOLATIONS: Final = Fact.HAS_VIOLATIONS
DISPUTES: Final = Fact.HAS_DISPUTES


class Label(str, Enum):
    """The kind of a matched word or phrase (the Matcher label of a TERMS entry)."""

    # Words that name a fact.
    STORE = "STORE"
    ORDER = "ORDER"
    VIOLATION = "VIOLATION"
    PENALIZED = "PENALIZED"
    DISPUTE = "DISPUTE"
    COMPLAINED = "COMPLAINED"
    CLAIM = "CLAIM"
    # Cues: what is said about a fact.
    CANCEL = "CANCEL"
    FINISH = "FINISH"
    APPROVE = "APPROVE"
    CONFIRM = "CONFIRM"
    RESOLVE = "RESOLVE"
    DELIVER = "DELIVER"
    RECEIVE = "RECEIVE"
    SHIP = "SHIP"
    OPEN = "OPEN"
    START = "START"
    PROGRESS = "PROGRESS"
    APPLY = "APPLY"
    REJECT = "REJECT"
    UNFINISHED = "UNFINISHED"
    ORDER_PENDING = "ORDER_PENDING"
    CLEAN = "CLEAN"
    EXIST = "EXIST"
    CAUSE = "CAUSE"
    STILL = "STILL"
    EXCEPT = "EXCEPT"
    # Negation, doubt, answers.
    NEG = "NEG"
    DET_NEG = "DET_NEG"
    HEDGE = "HEDGE"
    YES = "YES"
    NO = "NO"
    # Phrases that say nothing here, clause boundaries, conditions.
    NOOP = "NOOP"
    SPLIT = "SPLIT"
    HYPO = "HYPO"
    # Asks, so the clause states nothing: Chinese marks questions with words (吗, 有没有), and
    # no English phrase has this label (`lexicon_zh`).
    QUESTION = "QUESTION"


# The tables keep their hand-made layout: several short entries a line, grouped by meaning.
# fmt: off

# --------------------------------------------------------------------------------------------
# The table of key terms. The order of the entries is the order they are given to the Matcher.
# --------------------------------------------------------------------------------------------
TERMS: dict[Label, tuple[str, ...]] = {
    # Words that name a fact.
    Label.STORE: ("store", "shop", "storefront", "account", "cancellation", "cancelation",
                  "closure", "deactivation", "termination"),
    Label.ORDER: ("order", "shipment", "parcel", "package"),
    Label.VIOLATION: ("violation", "penalty", "punishment", "infringement", "strike",
                      "demerit"),
    Label.PENALIZED: ("penalize", "penalise", "punish", "violate", "infringe", "sanction"),
    Label.DISPUTE: ("dispute", "complaint", "chargeback"),
    Label.COMPLAINED: ("complain",),
    # a dispute only when a buyer or an opening is mentioned
    Label.CLAIM: ("claim", "issue", "case"),
    # Cues: what is said about a fact (EFFECTS says what each one means for each fact).
    Label.CANCEL: ("cancel", "close", "shut", "deactivate", "terminate", "delete"),
    Label.FINISH: ("complete", "finish", "done", "finalize", "finalise", "ended",
                   "is|was|are|were|be|been|'s over"),
    Label.APPROVE: ("approve", "accept", "success", "successful", "successfully", "succeed",
                    "processed", "go|goes|went|gone|going through"),
    Label.CONFIRM: ("confirm",),
    Label.RESOLVE: ("resolve", "settle", "solve", "clear", "remove", "withdraw", "lift",
                    "revoke", "drop", "expire", "waive", "reverse", "dismiss", "reset", "win",
                    "fix", "handle", "gone", "sort|sorted out"),
    Label.DELIVER: ("deliver", "fulfill", "fulfil"),
    Label.RECEIVE: ("receive",),
    Label.SHIP: ("ship", "dispatch", "send"),
    Label.OPEN: ("open", "reopen", "active", "live", "running", "operating", "operational",
                 "selling", "up and running"),
    Label.START: ("file", "raise", "start", "initiate", "escalate", "issued", "lodge"),
    Label.PROGRESS: ("pending", "processing", "waiting", "waited", "await", "awaiting",
                     "in progress", "in process", "in the process", "under review", "in review",
                     "being processed|reviewed"),
    Label.APPLY: ("apply", "request", "submit"),
    Label.REJECT: ("reject", "deny", "decline", "fail", "refuse", "unsuccessful"),
    Label.UNFINISHED: ("outstanding", "unresolved", "ongoing", "left", "remaining", "remain",
                       "unsettled"),
    Label.ORDER_PENDING: ("unfinished", "unshipped", "undelivered", "unfulfilled", "incomplete",
                          "uncompleted", "unpaid", "shipping", "delivering", "transit",
                          "on the|its|their way", "being shipped|delivered|sent"),
    Label.CLEAN: ("clean", "spotless"),
    Label.EXIST: ("have", "get", "exist", "incur",
                  "there is|are|was|were|'s|be|been|has|have"),
    # Starts a clause: "... because of pending orders" - the negation in "I can't close" does
    # not reach the orders.
    Label.CAUSE: ("because of", "due to", "owing to", "thanks to"),
    Label.STILL: ("still",),
    Label.EXCEPT: ("except", "except for", "apart from", "other than", "besides"),
    # Negation, doubt, answers.
    Label.NEG: ("not", "never", "neither", "nor", "hardly", "cannot", "no longer",
                "not|n't|nt anymore", "not|n't|nt any more"),
    Label.DET_NEG: ("no", "zero", "none", "nothing", "nobody", "noone", "no one", "without",
                    "nil"),
    Label.HEDGE: ("not|n't|nt|never sure|certain", "not 100 % sure", "unsure", "uncertain",
                  "no idea|clue", "do|does|did n't|not|nt know|remember|recall",
                  "ca|can|could n't|not|nt remember|recall|say|tell",
                  "cannot remember|recall|say", "idk", "dunno", "maybe", "perhaps", "possibly",
                  "might", "may be|have|still|not", "could be", "wonder", "hard to say",
                  "who knows", "forget"),
    Label.YES: ("yes", "yeah", "yep", "yup", "ya", "yea", "yess", "sure", "correct", "right",
                "true", "affirmative", "indeed", "definitely", "absolutely", "certainly",
                "of course", "think|thought|believe|guess|suppose so",
                "that is|'s right|correct|true",
                "probably", "likely", "i think|believe|guess"),  # a hedged yes is a yes
    Label.NO: ("nope", "nah", "negative", "of course not", "absolutely|definitely|certainly not",
               "not at all", "probably|likely not", "think|guess|believe not",
               "i think|believe|guess not"),
    # Phrases that contain a key word but say nothing here.
    Label.NOOP: ("in order to", "no problem|problems|worries|worry|matter|need", "not only",
                 "make sure", "did n't|not|nt know|realize|notice", "in any|that case",
                 "any case"),
    # Clause boundaries; "if ..." and friends open a condition, which states no fact.
    Label.SPLIT: (".", "!", "?", ";", "...", "\u2026", "but", "however", "although", "though",
                  "whereas", "while", "because", "cause", "cuz", "coz", "since", "after",
                  "before", "then", "when", "actually", "wait", "sorry", "correction", "oops",
                  "update", "anyway", "btw", "i mean", "scratch that"),
    Label.HYPO: ("if", "unless", "whether", "once", "until", "till", "in case", "what if"),
}

# Which label wins when two matches of the same length cover the same words.
LABEL_PRIORITY: tuple[Label, ...] = (
    Label.NOOP, Label.HEDGE, Label.NO, Label.YES, Label.SPLIT, Label.HYPO, Label.EXCEPT,
    Label.NEG, Label.DET_NEG,
)

# Fact words ("anchors"): the fact each label names.
FACT_OF_ANCHOR: Mapping[Label, Fact] = {
    Label.STORE: STORE, Label.ORDER: ORDERS, Label.VIOLATION: VIOLATIONS,
    Label.PENALIZED: VIOLATIONS, Label.DISPUTE: DISPUTES, Label.COMPLAINED: DISPUTES,
    Label.CLAIM: DISPUTES,
}
# Fact words that are verbs: "was penalized" says a penalty exists.
VERB_ANCHORS: frozenset[Label] = frozenset({Label.PENALIZED, Label.COMPLAINED})


# --------------------------------------------------------------------------------------------
# What a cue means for each fact.
# --------------------------------------------------------------------------------------------
class Value(Enum):
    """What a clause says about a fact."""

    P = "true"  # the fact holds: the store is cancelled, there are pending orders, ...
    N = "false"  # it does not hold
    UNSURE = "unsure"  # the seller says they do not know


P: Final = Value.P
N: Final = Value.N
UNSURE: Final = Value.UNSURE
Polarity = Literal[Value.P, Value.N]  # what a cue can say: it never doubts


class Strength(IntEnum):
    """How much a cue says: a later STATE cue outweighs any EXISTENCE cue in the clause."""

    EXISTENCE = 1  # mere existence: "I have", "still", "a dispute"
    STATE = 2  # a state of the thing: "closed", "pending"


class Effect(NamedTuple):
    """What one cue says about one fact; None = says nothing."""

    strength: Strength
    plain: Polarity | None  # "closed"
    negated: Polarity | None  # "not closed", or not done yet: "to close", "closing"


_STATE, _EXISTENCE = Strength.STATE, Strength.EXISTENCE
EFFECTS: Mapping[Label, Mapping[Fact, Effect]] = {
    Label.CANCEL: {STORE: Effect(_STATE, P, N), ORDERS: Effect(_STATE, N, P),
                   VIOLATIONS: Effect(_STATE, N, P), DISPUTES: Effect(_STATE, N, P)},
    Label.FINISH: {STORE: Effect(_STATE, P, N), ORDERS: Effect(_STATE, N, P),
                   VIOLATIONS: Effect(_STATE, N, P), DISPUTES: Effect(_STATE, N, P)},
    Label.APPROVE: {STORE: Effect(_STATE, P, N)},
    Label.CONFIRM: {STORE: Effect(_STATE, P, N), ORDERS: Effect(_STATE, N, P)},
    Label.RESOLVE: {VIOLATIONS: Effect(_STATE, N, P), DISPUTES: Effect(_STATE, N, P)},
    Label.DELIVER: {ORDERS: Effect(_STATE, N, P)},
    Label.RECEIVE: {ORDERS: Effect(_STATE, N, P), VIOLATIONS: Effect(_EXISTENCE, P, N),
                    DISPUTES: Effect(_EXISTENCE, P, N)},
    # "shipped" is not delivered; "not shipped" is pending
    Label.SHIP: {ORDERS: Effect(_STATE, None, P)},
    Label.OPEN: {STORE: Effect(_STATE, N, P), ORDERS: Effect(_STATE, P, N),
                 VIOLATIONS: Effect(_STATE, P, N), DISPUTES: Effect(_STATE, P, N)},
    Label.START: {STORE: Effect(_STATE, N, None), VIOLATIONS: Effect(_STATE, P, N),
                  DISPUTES: Effect(_STATE, P, N)},
    Label.PROGRESS: {STORE: Effect(_STATE, N, None), ORDERS: Effect(_STATE, P, N),
                     VIOLATIONS: Effect(_STATE, P, N), DISPUTES: Effect(_STATE, P, N)},
    Label.APPLY: {STORE: Effect(_STATE, N, None)},
    Label.REJECT: {STORE: Effect(_STATE, N, None)},
    Label.UNFINISHED: {ORDERS: Effect(_STATE, P, N), VIOLATIONS: Effect(_STATE, P, N),
                       DISPUTES: Effect(_STATE, P, N)},
    Label.ORDER_PENDING: {ORDERS: Effect(_STATE, P, N)},
    Label.CLEAN: {VIOLATIONS: Effect(_STATE, N, P)},
    Label.EXIST: {ORDERS: Effect(_EXISTENCE, P, N), VIOLATIONS: Effect(_EXISTENCE, P, N),
                  DISPUTES: Effect(_EXISTENCE, P, N)},
    Label.CAUSE: {ORDERS: Effect(_EXISTENCE, P, N), VIOLATIONS: Effect(_EXISTENCE, P, N),
                  DISPUTES: Effect(_EXISTENCE, P, N)},
    Label.STILL: {ORDERS: Effect(_EXISTENCE, P, None), VIOLATIONS: Effect(_EXISTENCE, P, None),
                  DISPUTES: Effect(_EXISTENCE, P, None)},
    # only for a clause that answers the question
    Label.YES: {fact: Effect(_STATE, P, N) for fact in FACTS},
    Label.NO: {fact: Effect(_STATE, N, N) for fact in FACTS},
}
# Cues describing an end state: "to close", "will be closed", "closing" mean not (yet) there.
COMPLETION: frozenset[Label] = frozenset({
    Label.CANCEL, Label.FINISH, Label.APPROVE, Label.CONFIRM, Label.RESOLVE, Label.DELIVER,
    Label.RECEIVE, Label.SHIP,
})
ANSWER_ONLY: frozenset[Label] = frozenset({Label.YES, Label.NO})
# A cue that can only be about one fact names that fact when the clause has no fact word.
IMPLIED_FACT: Mapping[Label, Fact] = {
    Label.APPROVE: STORE, Label.APPLY: STORE, Label.REJECT: STORE, Label.DELIVER: ORDERS,
    Label.SHIP: ORDERS, Label.ORDER_PENDING: ORDERS, Label.CLEAN: VIOLATIONS,
}

# --------------------------------------------------------------------------------------------
# Words and numbers.
# --------------------------------------------------------------------------------------------
# Shorthand the tokenizer leaves as fragments ("won't" -> "wo" "n't", "gonna" -> "gon" "na").
SHORTHAND: Mapping[str, str] = {
    "wo": "will", "ca": "can", "sha": "shall", "gon": "go", "na": "to", "re": "be",
    "'re": "be", "does": "do", "u": "you", "ur": "your", "r": "be", "im": "i",
    "pls": "please", "plz": "please", "thx": "thanks", "yday": "yesterday",
}
WORD_NUMBERS: Mapping[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "couple": 2, "several": 3, "few": 3, "many": 3, "multiple": 2,
    "single": 1, "another": 1, "some": 2, "lot": 3, "lots": 3,
}
INDEFINITE: frozenset[str] = frozenset({"a", "an"})  # "a dispute" = there is one
DETERMINERS: frozenset[str] = frozenset({  # after the fact word they start a new phrase
    "a", "an", "the", "my", "our", "your", "his", "her", "their", "its", "this",
    "that", "these", "those", "any", "some", "all", "every", "each", "both", "no",
    "zero", "another",
})
NUMBER_UNITS: frozenset[str] = frozenset({
    "day", "week", "month", "year", "hour", "minute", "working", "business", "time",
    "%", "percent", "usd", "dollar", "$", "rmb", "cny", "yuan", "euro", "eur",
    "am", "pm", "st", "nd", "rd", "th",
})
MONTHS: frozenset[str] = frozenset({
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec",
})

# Words that may stand inside a noun phrase around a fact word ("no open buyer disputes").
NP_WORDS: frozenset[str] = frozenset({
    "a", "an", "the", "my", "our", "your", "his", "her", "their", "its", "this", "that",
    "these", "those", "any", "some", "all", "every", "each", "both", "more", "other",
    "another", "single", "few", "several", "many", "multiple", "couple", "of", "lot",
    "lots", "kind", "type", "sort", "buyer", "customer", "seller", "old", "new",
    "previous", "current", "existing", "recent", "serious", "minor", "record", "point",
    "further", "additional", "late", "'s", "ip", "product", "quality", "refund",
    "return", "just", "only", "even", "open", "pending", "active", "such", "no", "zero",
})
NP_LABELS: frozenset[Label] = frozenset({
    Label.OPEN, Label.PROGRESS, Label.UNFINISHED, Label.ORDER_PENDING, Label.DET_NEG,
})
CONJ: frozenset[str] = frozenset({"and", "or", "nor", ",", "&", "plus", "/", "and/or"})
# What may follow the last item of a coordinated list ("no violations or disputes so far").
TRAILERS: frozenset[str] = frozenset({
    "on", "in", "at", "for", "from", "against", "with", "of", "since", "to", "so",
    "either", "too", "yet", "now", "anymore", "whatsoever", "currently", "ever", "both",
    "all", "each", "left", "remaining", "pending", "at all", "this", "last", "though",
})
PREPOSITIONS: frozenset[str] = frozenset({
    "on", "in", "at", "of", "for", "from", "against", "with", "about", "under",
    "within", "into", "regarding", "to", "by", "through",
})
LOCATIVE: frozenset[str] = frozenset({
    "on", "in", "at", "from", "with", "for", "against", "under", "within", "into",
    "through", "by",
})
PRONOUNS: frozenset[str] = frozenset({
    "it", "they", "them", "that", "this", "those", "these", "both", "which", "'em",
})
GOAL_WORDS: frozenset[str] = frozenset({
    "to", "will", "can", "shall", "should", "must", "would", "gonna", "wanna", "need",
    "want", "try", "plan", "going",
})
GOAL_SKIP: frozenset[str] = frozenset({
    "be", "fully", "completely", "successfully", "finally", "officially", "permanently",
    "eventually", "also", "just", "really", "actually", "soon", "get", "my", "the",
    "it",
})
QUESTION_WORDS: frozenset[str] = frozenset({"what", "how", "why", "where", "who", "whom", "whose"})
AUX: frozenset[str] = frozenset({
    "do", "be", "have", "can", "should", "would", "will", "must", "shall", "may", "could",
    "any",
})
AUX_ANSWER: frozenset[str] = frozenset({"do", "be", "have", "can", "will"})
QUESTION_SUBJECTS: frozenset[str] = frozenset({
    "i", "you", "we", "there", "it", "my", "the", "they", "this", "that", "a",
    "an", "any", "our", "your",
})
DISCOURSE: frozenset[str] = frozenset({
    "oh", "well", "ok", "okay", "so", "and", "also", "hmm", "um", "uh", "hey", "hi",
    "then", "now", "ah", "like", ",",
})
BUYER_WORDS: frozenset[str] = frozenset({"buyer", "customer", "client", "shopper"})
# Words that say nothing by themselves; a clause made only of them (plus cues, numbers and
# negations) is about whatever fact is under discussion: "it was closed yesterday", "not yet".
FILLERS: frozenset[str] = frozenset({
    "a", "an", "the", "my", "our", "your", "its", "their", "his", "her", "it", "they", "them",
    "that", "this", "these", "those", "i", "we", "me", "us", "you", "he", "she", "be", "have",
    "do", "get", "just", "already", "also", "too", "now", "yet", "all", "both", "every",
    "each", "everything", "anything", "something", "any", "some", "last", "next", "ago",
    "yesterday", "today", "tonight", "tomorrow", "week", "month", "year", "day", "hour",
    "time", "recently", "finally", "fully", "completely", "totally", "officially", "really",
    "well", "oh", "ok", "okay", "so", "and", "or", "by", "on", "in", "at", "of", "for", "to",
    "from", "with", "up", "down", "out", "off", "again", "long", "there", "here", "as", "far",
    "know", "think", "guess", "believe", "suppose", "hope", "probably", "likely", "pretty",
    "quite", "buyer", "customer", "seller", "aliexpress", "platform", "system", "either",
    "anymore", "more", "longer", "please", "thanks", "thank", "lol", "hmm", "um", "uh",
    "haha", "only", "soon", "plan", "planning", "go", "want", "wanna", "gonna", "intend", "try",
    "about", "will", "can", "could", "should", "would", "must", "shall", "need", "approval",
    "confirmation", "review", "process", "ones", "whole", "entire", "currently", "ever",
    "morning", "night", "weekend", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "few", "like", "one", "mean", "said",
    "say", "'em", "certain", "whatsoever", "alright", "fine", "good", "sir",
    "madam", "admin", "support", "team", "itself", "themselves", "single",
}) | MONTHS
# Words that quantify over all of a kind: "all orders delivered" says nothing is left.
ALL_WORDS: frozenset[str] = frozenset({"all", "every", "everything", "both"})

# Typos: an unknown word this close to a key word counts as it (edit distance 1, 2 if long).
# Spelling -> the NORM it stands for.
FUZZY_TARGETS: Mapping[str, str] = {
    "dispute": "dispute", "disputes": "dispute", "violation": "violation",
    "violations": "violation", "penalty": "penalty", "penalties": "penalty",
    "punishment": "punishment", "infringement": "infringement", "complaint": "complaint",
    "complaints": "complaint", "chargeback": "chargeback", "pending": "pending",
    "cancel": "cancel", "cancelled": "cancel", "canceled": "cancel",
    "cancellation": "cancellation", "closed": "close", "order": "order", "orders": "order",
    "unfinished": "unfinished", "unshipped": "unshipped", "undelivered": "undelivered",
    "delivered": "deliver", "resolved": "resolve", "removed": "remove", "approved": "approve",
    "completed": "complete", "finished": "finish", "shipping": "shipping",
    "penalized": "penalize", "outstanding": "outstanding", "successfully": "successfully",
    "processing": "processing",
}
# fmt: on
