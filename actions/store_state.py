"""Reads what a seller says about their own store as the four refund prerequisites.

A deposit refund needs (facts.md P1-P3): the store successfully cancelled, no pending orders, no
violation/penalty record, no open buyer dispute. Sellers describe this in free text ("I closed my
shop last month but a buyer opened a dispute"), so this module turns such text into four facts,
each True, False or None (not said), plus the facts the seller says they are unsure about.

Why rules and not a trained model: the answer is used to tell a seller whether they may apply, so
a wrong True/False is worse than None. The hard parts are logical, not lexical: negation ("never
had a violation", "no violations or disputes"), numbers ("0 orders left", "two penalties"),
unfinished states ("applied to close" is not closed), resolution ("the dispute was closed" means
no open dispute, "my store was closed" means cancelled) and corrections across sentences. Rules
over the project's own spaCy pipeline (nlp/build_spacy_pipeline.py) handle these predictably,
need no training data, and every decision can be traced to one line of the tables below.

How a text is read:
1. The pipeline tokenises and lemmatises; each token gets a NORM: its lower-case form if TERMS
   lists it as a word, else its lemma, else (for an unknown word) the closest key word within a
   small edit distance, so "dispte", "violaton" or "canceld" still count (spaCy 3.4 has no FUZZY).
   The lower-case form comes first so the reading is the same whether or not the pipeline's
   shorthand lemma rules ("shop" -> "store", "cancellation" -> "cancel") are active.
2. A spaCy Matcher finds the terms of TERMS: words on NORM ("closed", "cancelling" -> "cancel"),
   phrases on the lower-case text ("not sure", "no longer", "on the way"); the longest match wins.
3. The text is cut into clauses (sentence ends, "but", "because", corrections like "actually";
   "and" and commas too, except inside a list such as "no violations, disputes or orders").
   Questions ("is my store closed?") and conditions ("if I have a dispute") state nothing.
4. In each clause the cues attach to the fact words they describe (nearest one that the cue can
   describe; "closed" inside "closed dispute" goes to the dispute) and EFFECTS says what each cue
   means for each fact. A determiner negation ("no", "zero", "0", "none") settles the facts it
   governs, including a coordination ("no violations or disputes"); a verbal negation ("not",
   "never", "n't") flips the cues after it; "to close", "will close", "closing" are not done yet.
5. Clauses with no fact word ("it was closed yesterday", "yes", "not yet") are about the fact
   just mentioned, or, in parse_answer, about the fact that was asked. Later clauses correct
   earlier ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, FrozenSet, Iterable, List, Optional, Sequence, Set, Tuple

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from nlp.build_spacy_pipeline import PIPELINE_DIR, build

FACTS = ("store_cancelled", "has_pending_orders", "has_violations", "has_disputes")
STORE, ORDERS, VIOLATIONS, DISPUTES = FACTS
EXISTENCE_FACTS = (ORDERS, VIOLATIONS, DISPUTES)  # facts that are about something existing


@dataclass(frozen=True)
class StoreFacts:
    store_cancelled: Optional[bool] = None
    has_pending_orders: Optional[bool] = None
    has_violations: Optional[bool] = None
    has_disputes: Optional[bool] = None
    unsure: FrozenSet[str] = frozenset()  # fact names the seller says they are not sure about

    def known(self) -> Dict[str, bool]:
        """Only the facts that are True/False."""
        return {name: getattr(self, name) for name in FACTS if getattr(self, name) is not None}


# --------------------------------------------------------------------------------------------
# The table of key terms: Matcher label -> words and phrases. A one-word entry matches a
# token's NORM (the word as listed, else its lemma: "closed" -> "close", but "pending" and
# "left" stay as listed); in a phrase each word matches the lower-case text, "a|b" = either.
# --------------------------------------------------------------------------------------------
TERMS: Dict[str, Tuple[str, ...]] = {
    # Words that name a fact.
    "STORE": ("store", "shop", "storefront", "account", "cancellation", "cancelation", "closure",
              "deactivation", "termination"),
    "ORDER": ("order", "shipment", "parcel", "package"),
    "VIOLATION": ("violation", "penalty", "punishment", "infringement", "strike", "demerit"),
    "PENALIZED": ("penalize", "penalise", "punish", "violate", "infringe", "sanction"),
    "DISPUTE": ("dispute", "complaint", "chargeback"),
    "COMPLAINED": ("complain",),
    "CLAIM": ("claim", "issue", "case"),  # a dispute only when a buyer or an opening is mentioned
    # Cues: what is said about a fact (EFFECTS says what each one means for each fact).
    "CANCEL": ("cancel", "close", "shut", "deactivate", "terminate", "delete"),
    "FINISH": ("complete", "finish", "done", "finalize", "finalise", "ended",
               "is|was|are|were|be|been|'s over"),
    "APPROVE": ("approve", "accept", "success", "successful", "successfully", "succeed",
                "processed", "go|goes|went|gone|going through"),
    "CONFIRM": ("confirm",),
    "RESOLVE": ("resolve", "settle", "solve", "clear", "remove", "withdraw", "lift", "revoke",
                "drop", "expire", "waive", "reverse", "dismiss", "reset", "win", "fix", "handle",
                "gone", "sort|sorted out"),
    "DELIVER": ("deliver", "fulfill", "fulfil"),
    "RECEIVE": ("receive",),
    "SHIP": ("ship", "dispatch", "send"),
    "OPEN": ("open", "reopen", "active", "live", "running", "operating", "operational",
             "selling", "up and running"),
    "START": ("file", "raise", "start", "initiate", "escalate", "issued", "lodge"),
    "PROGRESS": ("pending", "processing", "waiting", "waited", "await", "awaiting",
                 "in progress", "in process", "in the process", "under review", "in review",
                 "being processed|reviewed"),
    "APPLY": ("apply", "request", "submit"),
    "REJECT": ("reject", "deny", "decline", "fail", "refuse", "unsuccessful"),
    "UNFINISHED": ("outstanding", "unresolved", "ongoing", "left", "remaining", "remain",
                   "unsettled"),
    "ORDER_PENDING": ("unfinished", "unshipped", "undelivered", "unfulfilled", "incomplete",
                      "uncompleted", "unpaid", "shipping", "delivering", "transit",
                      "on the|its|their way", "being shipped|delivered|sent"),
    "CLEAN": ("clean", "spotless"),
    "EXIST": ("have", "get", "exist", "incur", "there is|are|was|were|'s|be|been|has|have"),
    "CAUSE": ("because of", "due to", "owing to", "thanks to"),  # starts a clause: "... because
    # of pending orders" - the negation in "I can't close" does not reach the orders
    "STILL": ("still",),
    "EXCEPT": ("except", "except for", "apart from", "other than", "besides"),
    # Negation, doubt, answers.
    "NEG": ("not", "never", "neither", "nor", "hardly", "cannot", "no longer",
            "not|n't|nt anymore", "not|n't|nt any more"),
    "DET_NEG": ("no", "zero", "none", "nothing", "nobody", "noone", "no one", "without", "nil"),
    "HEDGE": ("not|n't|nt|never sure|certain", "not 100 % sure", "unsure", "uncertain",
              "no idea|clue", "do|does|did n't|not|nt know|remember|recall",
              "ca|can|could n't|not|nt remember|recall|say|tell", "cannot remember|recall|say",
              "idk", "dunno", "maybe", "perhaps", "possibly", "might", "may be|have|still|not",
              "could be", "wonder", "hard to say", "who knows", "forget"),
    "YES": ("yes", "yeah", "yep", "yup", "ya", "yea", "yess", "sure", "correct", "right", "true",
            "affirmative", "indeed", "definitely", "absolutely", "certainly", "of course",
            "think|thought|believe|guess|suppose so", "that is|'s right|correct|true",
            "probably", "likely", "i think|believe|guess"),  # a hedged yes is a yes
    "NO": ("nope", "nah", "negative", "of course not", "absolutely|definitely|certainly not",
           "not at all", "probably|likely not", "think|guess|believe not",
           "i think|believe|guess not"),
    # Phrases that contain a key word but say nothing here.
    "NOOP": ("in order to", "no problem|problems|worries|worry|matter|need", "not only",
             "make sure", "did n't|not|nt know|realize|notice", "in any|that case",
             "any case"),
    # Clause boundaries; "if ..." and friends open a condition, which states no fact.
    "SPLIT": (".", "!", "?", ";", "...", "\u2026", "but", "however", "although", "though",
              "whereas", "while", "because", "cause", "cuz", "coz", "since", "after", "before",
              "then", "when", "actually", "wait", "sorry", "correction", "oops", "update", "anyway",
              "btw", "i mean", "scratch that"),
    "HYPO": ("if", "unless", "whether", "once", "until", "till", "in case", "what if"),
}

# Which Matcher label wins when two matches of the same length cover the same words.
LABEL_PRIORITY = ("NOOP", "HEDGE", "NO", "YES", "SPLIT", "HYPO", "EXCEPT", "NEG", "DET_NEG")

FACT_OF_ANCHOR = {"STORE": STORE, "ORDER": ORDERS, "VIOLATION": VIOLATIONS,
                  "PENALIZED": VIOLATIONS, "DISPUTE": DISPUTES, "COMPLAINED": DISPUTES,
                  "CLAIM": DISPUTES}
VERB_ANCHORS = {"PENALIZED", "COMPLAINED"}  # "was penalized" says a penalty exists

P, N = +1, -1
# Label -> fact -> (strength, value when plain, value when negated or not yet done).
# Strength 2 = a state of the thing ("closed", "pending"), 1 = mere existence ("I have", "still").
EFFECTS: Dict[str, Dict[str, Tuple[int, int, int]]] = {
    "CANCEL": {STORE: (2, P, N), ORDERS: (2, N, P), VIOLATIONS: (2, N, P), DISPUTES: (2, N, P)},
    "FINISH": {STORE: (2, P, N), ORDERS: (2, N, P), VIOLATIONS: (2, N, P), DISPUTES: (2, N, P)},
    "APPROVE": {STORE: (2, P, N)},
    "CONFIRM": {STORE: (2, P, N), ORDERS: (2, N, P)},
    "RESOLVE": {VIOLATIONS: (2, N, P), DISPUTES: (2, N, P)},
    "DELIVER": {ORDERS: (2, N, P)},
    "RECEIVE": {ORDERS: (2, N, P), VIOLATIONS: (1, P, N), DISPUTES: (1, P, N)},
    "SHIP": {ORDERS: (2, 0, P)},  # "shipped" is not delivered; "not shipped" is pending
    "OPEN": {STORE: (2, N, P), ORDERS: (2, P, N), VIOLATIONS: (2, P, N), DISPUTES: (2, P, N)},
    "START": {STORE: (2, N, 0), VIOLATIONS: (2, P, N), DISPUTES: (2, P, N)},
    "PROGRESS": {STORE: (2, N, 0), ORDERS: (2, P, N), VIOLATIONS: (2, P, N), DISPUTES: (2, P, N)},
    "APPLY": {STORE: (2, N, 0)},
    "REJECT": {STORE: (2, N, 0)},
    "UNFINISHED": {ORDERS: (2, P, N), VIOLATIONS: (2, P, N), DISPUTES: (2, P, N)},
    "ORDER_PENDING": {ORDERS: (2, P, N)},
    "CLEAN": {VIOLATIONS: (2, N, P)},
    "EXIST": {ORDERS: (1, P, N), VIOLATIONS: (1, P, N), DISPUTES: (1, P, N)},
    "CAUSE": {ORDERS: (1, P, N), VIOLATIONS: (1, P, N), DISPUTES: (1, P, N)},
    "STILL": {ORDERS: (1, P, 0), VIOLATIONS: (1, P, 0), DISPUTES: (1, P, 0)},
    "YES": {fact: (2, P, N) for fact in FACTS},  # only for a clause that answers the question
    "NO": {fact: (2, N, N) for fact in FACTS},
}
# Cues describing an end state: "to close", "will be closed", "closing" mean not (yet) there.
COMPLETION = {"CANCEL", "FINISH", "APPROVE", "CONFIRM", "RESOLVE", "DELIVER", "RECEIVE", "SHIP"}
ANSWER_ONLY = {"YES", "NO"}
# A cue that can only be about one fact names that fact when the clause has no fact word.
IMPLIED_FACT = {"APPROVE": STORE, "APPLY": STORE, "REJECT": STORE, "DELIVER": ORDERS,
                "SHIP": ORDERS, "ORDER_PENDING": ORDERS, "CLEAN": VIOLATIONS}

# Shorthand the tokenizer leaves as fragments ("won't" -> "wo" "n't", "gonna" -> "gon" "na").
SHORTHAND = {"wo": "will", "ca": "can", "sha": "shall", "gon": "go", "na": "to", "re": "be",
             "'re": "be", "does": "do", "u": "you", "ur": "your", "r": "be", "im": "i",
             "pls": "please", "plz": "please", "thx": "thanks", "yday": "yesterday"}
WORD_NUMBERS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                "couple": 2, "several": 3, "few": 3, "many": 3, "multiple": 2,
                "single": 1, "another": 1, "some": 2, "lot": 3, "lots": 3}
INDEFINITE = {"a", "an"}  # "a dispute" = there is one
DETERMINERS = {"a", "an", "the", "my", "our", "your", "his", "her", "their", "its", "this",
               "that", "these", "those", "any", "some", "all", "every", "each", "both", "no",
               "zero", "another"}  # after the fact word they start a new phrase
NUMBER_UNITS = {"day", "week", "month", "year", "hour", "minute", "working", "business", "time",
                "%", "percent", "usd", "dollar", "$", "rmb", "cny", "yuan", "euro", "eur",
                "am", "pm", "st", "nd", "rd", "th"}
MONTHS = {"january", "february", "march", "april", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
          "sep", "sept", "oct", "nov", "dec"}

# Words that may stand inside a noun phrase around a fact word ("no open buyer disputes").
NP_WORDS = {"a", "an", "the", "my", "our", "your", "his", "her", "their", "its", "this", "that",
            "these", "those", "any", "some", "all", "every", "each", "both", "more", "other",
            "another", "single", "few", "several", "many", "multiple", "couple", "of", "lot",
            "lots", "kind", "type", "sort", "buyer", "customer", "seller", "old", "new",
            "previous", "current", "existing", "recent", "serious", "minor", "record", "point",
            "further", "additional", "late", "'s", "ip", "product", "quality", "refund",
            "return", "just", "only", "even", "open", "pending", "active", "such", "no", "zero"}
NP_LABELS = {"OPEN", "PROGRESS", "UNFINISHED", "ORDER_PENDING", "DET_NEG"}
CONJ = {"and", "or", "nor", ",", "&", "plus", "/", "and/or"}
# What may follow the last item of a coordinated list ("no violations or disputes so far").
TRAILERS = {"on", "in", "at", "for", "from", "against", "with", "of", "since", "to", "so",
            "either", "too", "yet", "now", "anymore", "whatsoever", "currently", "ever", "both",
            "all", "each", "left", "remaining", "pending", "at all", "this", "last", "though"}
PREPOSITIONS = {"on", "in", "at", "of", "for", "from", "against", "with", "about", "under",
                "within", "into", "regarding", "to", "by", "through"}
LOCATIVE = {"on", "in", "at", "from", "with", "for", "against", "under", "within", "into",
            "through", "by"}
PRONOUNS = {"it", "they", "them", "that", "this", "those", "these", "both", "which", "'em"}
GOAL_WORDS = {"to", "will", "can", "shall", "should", "must", "would", "gonna", "wanna", "need",
              "want", "try", "plan", "going"}
GOAL_SKIP = {"be", "fully", "completely", "successfully", "finally", "officially", "permanently",
             "eventually", "also", "just", "really", "actually", "soon", "get", "my", "the",
             "it"}
QUESTION_WORDS = {"what", "how", "why", "where", "who", "whom", "whose"}
AUX = {"do", "be", "have", "can", "should", "would", "will", "must", "shall", "may", "could",
       "any"}
AUX_ANSWER = {"do", "be", "have", "can", "will"}
QUESTION_SUBJECTS = {"i", "you", "we", "there", "it", "my", "the", "they", "this", "that", "a",
                     "an", "any", "our", "your"}
DISCOURSE = {"oh", "well", "ok", "okay", "so", "and", "also", "hmm", "um", "uh", "hey", "hi",
             "then", "now", "ah", "like", ","}
BUYER_WORDS = {"buyer", "customer", "client", "shopper"}
# Words that say nothing by themselves; a clause made only of them (plus cues, numbers and
# negations) is about whatever fact is under discussion: "it was closed yesterday", "not yet".
FILLERS = {
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
    "morning", "night", "week", "weekend", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "ago", "few", "like", "one", "far", "as", "mean", "said",
    "say", "them", "'em", "certain", "whatsoever", "at", "alright", "fine", "good", "sir",
    "madam", "admin", "support", "team", "by", "itself", "themselves", "single", "already",
} | MONTHS

# Typos: an unknown word this close to a key word counts as it (edit distance 1, 2 if long).
FUZZY_TARGETS = {
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


# --------------------------------------------------------------------------------------------
# Pipeline and matcher, loaded once.
# --------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _nlp() -> Language:
    """The project's own pipeline; built in memory when it has not been saved yet."""
    if PIPELINE_DIR.exists():
        return spacy.load(PIPELINE_DIR)
    return build()


@lru_cache(maxsize=1)
def _single_words() -> FrozenSet[str]:
    """One-word entries of TERMS: a token spelled like one keeps that spelling as its NORM."""
    return frozenset(p for phrases in TERMS.values() for p in phrases if " " not in p)


def _pattern(phrase: str) -> List[dict]:
    if " " not in phrase:
        return [{"NORM": phrase}]
    return [{"LOWER": {"IN": part.split("|")}} for part in phrase.split()]


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    matcher = Matcher(_nlp().vocab)
    for label, phrases in TERMS.items():
        matcher.add(label, [_pattern(p) for p in phrases])
    return matcher


@lru_cache(maxsize=1)
def _known_words() -> Tuple[FrozenSet[str], object]:
    """English words the lemmatizer knows (its lemmas, and its table of inflected forms)."""
    try:
        table = _nlp().get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    except (KeyError, ValueError):
        return frozenset(), {}
    return frozenset(table.values()), table


def _is_known(word: str) -> bool:
    lemmas, inflected = _known_words()
    return word in lemmas or word in inflected


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (swapping two letters counts once)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: List[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], before[j - 2] + 1)
        before, previous = previous, current
    return previous[-1]


@lru_cache(maxsize=4096)
def _typo_of(word: str) -> Optional[str]:
    """The NORM of the key word an unknown word misspells, if any ("dispte" -> "dispute")."""
    if len(word) < 5 or not word.isalpha() or _is_known(word):
        return None
    best, best_distance = None, 99
    for target, norm in FUZZY_TARGETS.items():
        if target[0] != word[0]:
            continue
        limit = 1 if len(target) <= 7 else 2
        distance = _edit_distance(word, target, limit)
        if distance <= limit and distance < best_distance:
            best, best_distance = norm, distance
    return best


def _norm_of(lower: str, lemma: str) -> str:
    """Listed spelling, else shorthand, else lemma, else the key word it is a typo of."""
    if lower in _single_words():
        return lower
    if lower in SHORTHAND:
        return SHORTHAND[lower]
    lemma = (lemma or lower).lower()
    if lemma in _single_words() or lemma in SHORTHAND:
        return SHORTHAND.get(lemma, lemma)
    return _typo_of(lower) or lemma


# --------------------------------------------------------------------------------------------
# Units: matched phrases and the remaining tokens, in order.
# --------------------------------------------------------------------------------------------
@dataclass
class _Unit:
    text: str
    norm: str
    label: Optional[str] = None
    count: Optional[int] = None  # a quantity ("2", "two", "zero") when it counts things


def _preprocess(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower()
    text = re.sub(r"([!?;])", r" \1 ", text)
    text = re.sub(r"(?<=[a-z])([.,])(?=[a-z0-9])", r"\1 ", text)
    text = re.sub(r"(\d)(?!(?:st|nd|rd|th)\b)([a-z]{3,})", r"\1 \2", text)
    return text


def _units(text: str) -> List[_Unit]:
    doc: Doc = _nlp()(_preprocess(text))
    for token in doc:
        token.norm_ = _norm_of(token.lower_, token.lemma_)
    priority = {label: i for i, label in enumerate(LABEL_PRIORITY)}
    matches = sorted(
        _matcher()(doc),
        key=lambda m: (-(m[2] - m[1]), priority.get(doc.vocab.strings[m[0]], 99), m[1]),
    )
    taken: Dict[int, Tuple[int, str]] = {}
    covered: Set[int] = set()
    for match_id, start, end in matches:
        if covered.intersection(range(start, end)):
            continue
        covered.update(range(start, end))
        taken[start] = (end, doc.vocab.strings[match_id])
    units: List[_Unit] = []
    i = 0
    while i < len(doc):
        if i in taken:
            end, label = taken[i]
            span = doc[i:end]
            units.append(_Unit(span.text, " ".join(t.norm_ for t in span), label))
            i = end
            continue
        token = doc[i]
        units.append(_Unit(token.text, token.norm_))
        i += 1
    _mark_counts(units)
    return units


def _number_value(text: str) -> Optional[int]:
    if text in WORD_NUMBERS:
        return WORD_NUMBERS[text]
    cleaned = text.replace(",", "")
    return int(cleaned) if cleaned.isdigit() else None


def _mark_counts(units: List[_Unit]) -> None:
    """Numbers that count things: "2 orders", "zero violations", not "2 weeks" or "2024"."""
    for k, unit in enumerate(units):
        if unit.label not in (None, "DET_NEG"):
            continue
        value = _number_value(unit.text)
        if value is None:
            continue
        nxt = units[k + 1].norm if k + 1 < len(units) else ""
        prv = units[k - 1].norm if k > 0 else ""
        if nxt in NUMBER_UNITS or nxt in MONTHS or prv in MONTHS or prv in {"$", "usd", "on"}:
            continue
        if value >= 1900 and len(unit.text) == 4:
            continue  # a year
        if prv in {"#", "no", "number", "id"} or (k > 0 and _is_anchor(units[k - 1])
                                                   and len(unit.text) >= 3):
            continue  # an order number: "order #12345", "order 8812 shipped"
        if unit.text == "one" and prv in PRONOUNS | {"the", "last", "first", "each", "every"}:
            continue  # "that one was removed" is a pronoun, not a count
        if value == 0:
            unit.label = "DET_NEG"
        unit.count = value


# --------------------------------------------------------------------------------------------
# Clauses.
# --------------------------------------------------------------------------------------------
@dataclass
class _Clause:
    units: List[_Unit]
    skip: bool = False  # a question or a condition: states no fact
    question_mark: bool = False  # ended by "?"
    interjection: bool = False  # only "yes" / "no"


def _is_anchor(unit: _Unit) -> bool:
    return unit.label in FACT_OF_ANCHOR


def _is_np(unit: _Unit) -> bool:
    """Can the unit stand inside a noun phrase around a fact word?"""
    return (unit.norm in NP_WORDS or unit.text in NP_WORDS or unit.label in NP_LABELS
            or unit.count is not None or _is_anchor(unit))


def _np_run(units: Sequence[_Unit], start: int) -> Tuple[List[int], int]:
    """Fact words reached scanning right from `start` through one noun phrase.

    Returns their positions and the position where the phrase ends. One unknown word is
    allowed right before a fact word ("ip infringement", "quality dispute")."""
    found: List[int] = []
    k = start
    while k < len(units):
        unit = units[k]
        if _is_anchor(unit):
            found.append(k)
        elif found and unit.norm in DETERMINERS:
            break  # "dispute and violation | both removed"
        elif not _is_np(unit):
            if (unit.label is None and unit.norm.isalpha() and unit.norm not in FILLERS
                    and k + 1 < len(units) and _is_anchor(units[k + 1])):
                k += 1
                continue
            break
        k += 1
    return found, k


def _coordinated(units: Sequence[_Unit], conj: int) -> bool:
    """Does the conjunction at `conj` join a further fact word to a list ("A, B or C")?"""
    found, end = _np_run(units, conj + 1)
    if not found:
        return False
    if end >= len(units):
        return True
    after = units[end]
    if after.label in {"SPLIT", "HYPO"} or after.norm in CONJ or after.norm in TRAILERS:
        return True
    last = units[found[-1]]
    plural_verb = after.text in {"are", "were", "have"}
    return plural_verb and last.text == last.norm  # "the penalty and the dispute were cleared"


def _starts_np_to_anchor(units: Sequence[_Unit], k: int) -> bool:
    """ "no" + "pending orders" / "pending" is a determiner; "no" + "," or "2" is an answer."""
    if k >= len(units) or (units[k].count is not None and units[k].label != "DET_NEG"):
        return False
    found, _ = _np_run(units, k)
    return bool(found) or units[k].label == "ORDER_PENDING" or units[k].norm == "pending"


def _split(units: List[_Unit]) -> List[_Clause]:
    """Cuts the text into clauses; marks questions, conditions and bare yes/no answers."""
    clauses: List[_Clause] = []
    current: List[_Unit] = []
    hypothetical = False

    def close(question_mark: bool = False) -> None:
        nonlocal current, hypothetical
        if current:
            clauses.append(_Clause(current, skip=hypothetical, question_mark=question_mark))
        current, hypothetical = [], False

    for k, unit in enumerate(units):
        if unit.label == "SPLIT":
            close(question_mark=unit.text == "?")
            continue
        if unit.label == "CAUSE":
            close()
        if unit.label == "HYPO":
            if any(u.label == "HEDGE" for u in current):
                continue  # "not sure if ..." is a doubt about what follows
            close()
            hypothetical = True
            continue
        if unit.norm in {"and", ",", "&", "plus"} and not _coordinated(units, k):
            close()
            continue
        current.append(unit)
        if len(current) == 1 and _is_interjection(units, k):
            close()
    close()
    for clause in clauses:
        clause.interjection = len(clause.units) == 1 and _is_interjection(clause.units, 0)
        if not clause.skip:
            clause.skip = _is_question(clause.units, clause.question_mark)
    return clauses


def _is_interjection(units: Sequence[_Unit], k: int) -> bool:
    """A leading "yes"/"no" that answers a question, not "no" in "no pending orders"."""
    unit = units[k]
    if unit.label in {"YES", "NO"} and unit.text not in {"sure", "right", "true", "correct"}:
        return True
    if unit.label == "DET_NEG" and unit.norm == "no" and unit.count is None:
        return not _starts_np_to_anchor(units, k + 1)
    return False


def _is_question(units: Sequence[_Unit], question_mark: bool) -> bool:
    words = [u for u in units if u.norm not in DISCOURSE]
    if not words:
        return False
    first = words[0].norm
    if first in QUESTION_WORDS:
        return True
    if first in AUX:
        second = words[1].norm if len(words) > 1 else ""
        return question_mark or second in QUESTION_SUBJECTS
    return False


# --------------------------------------------------------------------------------------------
# Reading one clause.
# --------------------------------------------------------------------------------------------
UNSURE = "unsure"
Value = object  # +1, -1 or UNSURE


@dataclass
class _Anchor:
    pos: int  # -1 for the fact under discussion when the clause names none
    fact: str
    oblique: Optional[str] = None  # its preposition: "a violation on my store" -> "on"


@dataclass
class _Topic:
    fact: str
    value: Optional[Value]
    from_answer: bool  # the asked question, not a fact the seller named


@dataclass
class _Reading:
    values: Dict[str, Value]
    topic: Optional[_Topic]
    from_answer: bool
    partial: bool  # "2 orders were delivered" says nothing about the other orders


def _preposition(units: Sequence[_Unit], pos: int) -> Optional[str]:
    """The preposition whose phrase holds the fact word at `pos`, if any."""
    k = pos - 1
    while k >= 0 and (_is_np(units[k]) and not _is_anchor(units[k])):
        k -= 1
    return units[k].norm if k >= 0 and units[k].norm in PREPOSITIONS else None


def _anchors(units: Sequence[_Unit]) -> List[_Anchor]:
    has_buyer = any(u.norm in BUYER_WORDS or u.label == "START" or u.norm == "open"
                    for u in units)
    anchors: List[_Anchor] = []
    for k, unit in enumerate(units):
        if not _is_anchor(unit):
            continue
        if unit.label == "CLAIM" and not has_buyer:
            continue  # "an issue with my login" is not a buyer dispute
        if unit.norm == "account" and k > 0 and units[k - 1].norm in {"bank", "paypal", "alipay"}:
            continue
        anchors.append(_Anchor(k, FACT_OF_ANCHOR[unit.label], _preposition(units, k)))
    if not any(a.fact == ORDERS for a in anchors):
        anchors.extend(_implied_order_anchors(units))
    if any(u.label == "CLEAN" for u in units) and not any(a.fact == VIOLATIONS for a in anchors):
        anchors.append(_Anchor(next(k for k, u in enumerate(units) if u.label == "CLEAN"),
                               VIOLATIONS))
    return sorted(anchors, key=lambda a: a.pos)


def _implied_order_anchors(units: Sequence[_Unit]) -> List[_Anchor]:
    """ "nothing pending", "2 still shipping": a counted pending thing is an order."""
    found = []
    for k, unit in enumerate(units):
        if unit.label != "ORDER_PENDING" and unit.norm != "pending":
            continue
        j = k - 1
        while j >= 0 and units[j].norm in {"be", "still", "currently", "left", "that"}:
            j -= 1
        if j >= 0 and (units[j].label == "DET_NEG" or units[j].count is not None
                       or units[j].norm in {"anything", "something", "everything", "all"}):
            found.append(_Anchor(k, ORDERS))
    return found


def _neg_before(units: Sequence[_Unit], pos: int) -> bool:
    """An odd number of verbal negations before `pos` in the clause."""
    return sum(1 for u in units[:max(pos, 0)] if u.label == "NEG") % 2 == 1


def _aux_negated(units: Sequence[_Unit], pos: int) -> bool:
    """ "there isn't", "I haven't": the negation right after an existence verb."""
    return pos + 1 < len(units) and units[pos + 1].label == "NEG"


def _is_goal(units: Sequence[_Unit], pos: int) -> bool:
    k = pos - 1
    while k >= 0 and units[k].norm in GOAL_SKIP and units[k].text != "being":
        k -= 1
    return k >= 0 and units[k].norm in GOAL_WORDS


def _is_progressive(units: Sequence[_Unit], pos: int) -> bool:
    unit = units[pos]
    if " " not in unit.text and unit.text.endswith("ing"):
        return True
    return pos > 0 and units[pos - 1].text == "being"


def _groups(units: Sequence[_Unit], anchors: Sequence[_Anchor]) -> Dict[int, Set[int]]:
    """Fact words joined in one list ("violations or disputes") share cues and negations."""
    group: Dict[int, Set[int]] = {a.pos: {a.pos} for a in anchors}
    for k, unit in enumerate(units):
        if unit.norm not in CONJ or not _coordinated(units, k):
            continue
        before = [a.pos for a in anchors if a.pos < k]
        after, _ = _np_run(units, k + 1)
        after = [p for p in after if p in group]
        if before and after:
            merged = group[before[-1]].union(*(group[p] for p in after))
            for p in merged:
                group[p] = merged
    return group


def _target(units: Sequence[_Unit], anchors: Sequence[_Anchor], pos: int,
            accepts: Iterable[str]) -> Optional[_Anchor]:
    """The fact word a cue at `pos` describes: inside its noun phrase, else the nearest."""
    accepts = set(accepts)
    candidates = [a for a in anchors if a.fact in accepts]
    if not candidates:
        return None
    if candidates[0].pos < 0:
        return candidates[0]
    following, _ = _np_run(units, pos + 1)
    for p in following:
        for a in candidates:
            if a.pos == p:
                return a
    plain = [a for a in candidates if not a.oblique] or candidates
    return min(plain, key=lambda a: (abs(a.pos - pos), a.pos > pos))


class _ClauseReader:
    """Collects, per fact, the evidence of one clause and concludes a value for each fact.

    Evidence is (position, strength, +1/-1); `decided` holds what settles a fact outright:
    a determiner negation or zero ("no disputes", "0 orders") and an exception ("except one")."""

    def __init__(self, units: Sequence[_Unit], anchors: List[_Anchor]) -> None:
        self.units = units
        self.anchors = anchors
        self.virtual = anchors[0].pos < 0
        self.by_pos = {a.pos: a for a in anchors}
        self.groups = {-1: {-1}} if self.virtual else _groups(units, anchors)
        self.evidence: Dict[str, List[Tuple[int, int, int]]] = {a.fact: [] for a in anchors}
        self.decided: Dict[str, int] = {}

    def read(self) -> Dict[str, Value]:
        self.determiner_negations()
        self.cues()
        self.fact_words()
        self.lone_negations()
        return self.conclude()

    def add(self, anchor: _Anchor, label: str, pos: int, negated: bool) -> None:
        """Evidence of cue `label` for the fact word and the list it belongs to."""
        for p in self.groups.get(anchor.pos, {anchor.pos}):
            fact = self.by_pos[p].fact
            if fact in EFFECTS[label]:
                strength, plain, when_negated = EFFECTS[label][fact]
                value = when_negated if negated else plain
                if value:
                    self.evidence[fact].append((pos, strength, value))

    def determiner_negations(self) -> None:
        """ "no violations or disputes", "0 orders", "nobody opened a dispute", "none"."""
        units = self.units
        for k, unit in enumerate(units):
            if unit.label != "DET_NEG":
                continue
            governed = [p for p in _np_run(units, k + 1)[0] if p in self.by_pos]
            if governed:
                # spreads over the rest of a list, not into an item with its own number
                members = set(governed)
                for p in governed:
                    members |= {q for q in self.groups.get(p, {p})
                                if q > k and not _has_own_count(units, q, k)}
            else:
                nearest = min(self.anchors, key=lambda a: abs(a.pos - k))
                members = self.groups.get(nearest.pos, {nearest.pos})
            for p in members:
                fact = self.by_pos[p].fact
                if fact != STORE or self.virtual:  # "no store" means nothing; "no" answers
                    self.decided[fact] = N

    def cues(self) -> None:
        units = self.units
        for k, unit in enumerate(units):
            if unit.label == "EXCEPT":
                self.exception(k)
            elif unit.label in EFFECTS:
                if unit.label in ANSWER_ONLY and not self.virtual:
                    continue  # "yes"/"no" only answer a question
                anchor = _target(units, self.anchors, k, EFFECTS[unit.label])
                if anchor is not None:
                    self.add(anchor, unit.label, k, self.cue_negated(unit.label, k))
            elif unit.count is not None and unit.count > 0:
                anchor = _count_target(units, self.anchors, k)
                if anchor is not None:
                    self.add(anchor, "EXIST", k, negated=False)
            elif unit.norm in INDEFINITE:  # "a dispute", "I didn't get a penalty"
                governed = [p for p in _np_run(units, k + 1)[0] if p in self.by_pos]
                if governed:
                    self.add(self.by_pos[governed[0]], "EXIST", k, _neg_before(units, k))

    def cue_negated(self, label: str, k: int) -> bool:
        if label in COMPLETION and (_is_goal(self.units, k) or _is_progressive(self.units, k)):
            return True  # "to close", "will be closed", "closing": not done yet
        if label == "EXIST" and _aux_negated(self.units, k):
            return True  # "there isn't", "I haven't"
        return _neg_before(self.units, k)

    def exception(self, k: int) -> None:
        """ "all orders delivered except one": one is left."""
        before = [a for a in self.anchors if a.pos < k and a.fact in EXISTENCE_FACTS]
        if before:
            for p in self.groups.get(before[-1].pos, {before[-1].pos}):
                self.decided[self.by_pos[p].fact] = P
        elif self.virtual and self.anchors[0].fact in EXISTENCE_FACTS:
            self.decided[self.anchors[0].fact] = P

    def fact_words(self) -> None:
        """ "never had a violation" (negated fact word), "was penalized" (a verb fact word)."""
        for anchor in self.anchors:
            if anchor.pos < 0 or anchor.fact not in EXISTENCE_FACTS:
                continue
            negated = _neg_before(self.units, anchor.pos)
            if self.units[anchor.pos].label in VERB_ANCHORS:
                self.add(anchor, "EXIST", anchor.pos, negated)
            elif negated:
                self.evidence[anchor.fact].append((anchor.pos, 1, N))

    def lone_negations(self) -> None:
        """A negation with nothing after it: "the penalty isn't there anymore", "not yet"."""
        units = self.units
        for k, unit in enumerate(units):
            if unit.label != "NEG":
                continue
            if any(u.label in EFFECTS or _is_anchor(u) or u.count for u in units[k + 1:]):
                continue
            before = [a for a in self.anchors if a.pos < k] or self.anchors
            self.evidence[before[-1].fact].append((k, 1, N))

    def conclude(self) -> Dict[str, Value]:
        units = self.units
        hedged = any(u.label == "HEDGE" for u in units)
        # "not sure about disputes" doubts the disputes; "a penalty on my account" not the account
        doubted = {a.fact for a in self.anchors
                   if a.oblique not in LOCATIVE or self.evidence[a.fact]}
        values: Dict[str, Value] = {}
        for fact, evidence in self.evidence.items():
            if hedged:
                if fact in doubted:
                    values[fact] = UNSURE
                continue
            value = self.decided.get(fact, _strongest(evidence))
            if value is None and self.virtual and _is_bare_aux_answer(units):
                value = P  # "I do", "there is"
            if value is not None:
                values[fact] = value
        return values


def _read_clause(clause: _Clause, carried: Optional[_Topic],
                 answering: bool) -> Optional[_Reading]:
    """The facts one clause states; a clause naming no fact continues the topic, if it can."""
    units = clause.units
    anchors = _anchors(units)
    from_answer = False
    if not anchors:
        topic = _infer_topic(units, carried, answering)
        if topic is None:
            return None
        anchors = [_Anchor(-1, topic.fact)]
        from_answer = topic.from_answer
    values = _ClauseReader(units, anchors).read()
    partial = any(u.count and u.label != "DET_NEG" for u in units) and not any(
        u.norm in {"all", "every", "everything", "both"} for u in units)
    return _Reading(values, _next_topic(anchors, values, from_answer), from_answer, partial)


def _has_own_count(units: Sequence[_Unit], pos: int, neg_pos: int) -> bool:
    """Does the fact word at `pos` have its own number or article after the negation?"""
    k = pos - 1
    while k > neg_pos and not _is_anchor(units[k]) and units[k].norm not in CONJ:
        unit = units[k]
        if (unit.count is not None and unit.label != "DET_NEG") or unit.norm in INDEFINITE:
            return True
        k -= 1
    return False


def _count_target(units: Sequence[_Unit], anchors: Sequence[_Anchor],
                  pos: int) -> Optional[_Anchor]:
    """The fact word a number counts: the one in its phrase ("2 pending orders"), else nearest."""
    by_pos = {a.pos: a for a in anchors}
    for p in _np_run(units, pos + 1)[0]:
        if p in by_pos and by_pos[p].fact in EXISTENCE_FACTS:
            return by_pos[p]
    return _target(units, anchors, pos, EXISTENCE_FACTS)


def _strongest(evidence: List[Tuple[int, int, int]]) -> Optional[int]:
    """The last state cue in the clause, else the last existence cue."""
    for strength in (2, 1):
        cues = [value for _, s, value in sorted(evidence) if s == strength]
        if cues:
            return cues[-1]
    return None


def _is_bare_aux_answer(units: Sequence[_Unit]) -> bool:
    """ "I do", "it is", "there are": a yes when answering."""
    return (any(u.norm in AUX_ANSWER for u in units)
            and not any(u.label in {"NEG", "DET_NEG"} for u in units))


def _next_topic(anchors: Sequence[_Anchor], values: Dict[str, Value], from_answer: bool) -> _Topic:
    with_value = [a for a in anchors if a.fact in values]
    last = (with_value or list(anchors))[-1]
    return _Topic(last.fact, values.get(last.fact), from_answer)


def _is_pure(units: Sequence[_Unit]) -> bool:
    """Only fillers, cues, numbers and negations: the clause continues the current topic."""
    for unit in units:
        if unit.label is not None or unit.count is not None:
            continue
        if unit.norm in FILLERS or unit.norm in PRONOUNS or not unit.norm.isalpha():
            continue
        return False
    return True


def _accepts(fact: str, units: Sequence[_Unit]) -> bool:
    generic = {"NEG", "DET_NEG", "HEDGE", "YES", "NO", "EXCEPT"}
    return any(
        u.label in generic or (u.label in EFFECTS and fact in EFFECTS[u.label])
        or (u.count is not None and fact in EXISTENCE_FACTS)
        for u in units
    ) or _is_bare_aux_answer(units)


def _infer_topic(units: Sequence[_Unit], carried: Optional[_Topic],
                 answering: bool) -> Optional[_Topic]:
    """Which fact a clause without a fact word is about, if any."""
    if not _is_pure(units):
        return None
    has_pronoun = any(u.norm in PRONOUNS for u in units)
    if carried is not None and (answering or has_pronoun) and _accepts(carried.fact, units):
        return carried
    implied = {IMPLIED_FACT[u.label] for u in units if u.label in IMPLIED_FACT}
    if len(implied) == 1:
        return _Topic(implied.pop(), None, False)
    if carried is not None and carried.value == P and _accepts(carried.fact, units):
        return carried  # "I had a penalty, removed last month"
    if any(u.label == "CANCEL" for u in units):
        return _Topic(STORE, None, False)  # "already cancelled", "haven't closed yet"
    return None


# --------------------------------------------------------------------------------------------
# Public API.
# --------------------------------------------------------------------------------------------
def _merge(into: Dict[str, Value], reading: _Reading) -> None:
    for fact, value in reading.values.items():
        if reading.partial and value == N and into.get(fact) == P:
            continue  # "2 pending orders, 3 delivered": some are still pending
        into[fact] = value


def _parse(text: str, asked: Optional[str]) -> StoreFacts:
    explicit: Dict[str, Value] = {}
    bare: Dict[str, Value] = {}
    carried = _Topic(asked, None, True) if asked else None
    for clause in _split(_units(text or "")):
        if clause.skip or (clause.interjection and asked is None):
            continue
        reading = _read_clause(clause, carried, answering=asked is not None)
        if reading is None:
            continue
        _merge(bare if reading.from_answer else explicit, reading)
        if reading.topic is not None:
            carried = reading.topic
    final = dict(explicit)
    if asked is not None and asked not in final and asked in bare:
        final[asked] = bare[asked]
    return StoreFacts(
        **{fact: (final[fact] == P) if final.get(fact) in (P, N) else None for fact in FACTS},
        unsure=frozenset(fact for fact, value in final.items() if value == UNSURE),
    )


def parse_store_state(text: str) -> StoreFacts:
    """Facts stated in the text, nothing else."""
    return _parse(text, asked=None)


def parse_answer(text: str, asked: str) -> StoreFacts:
    """Like parse_store_state, but the text answers the question about fact `asked`
    (e.g. asked='has_pending_orders' after "Do you still have pending orders?"), so a bare
    "yes" / "yep" / "i think so" / "yes 2 orders still shipping" => True for that fact,
    "no" / "nope" / "no, none" / "none" / "zero" / "nothing" => False, "not sure" / "no idea" /
    "i don't know" / "maybe" => added to `unsure`. Facts named explicitly in the text always win
    over the bare yes/no, and other facts mentioned are returned too."""
    if asked not in FACTS:
        raise ValueError(f"asked must be one of {FACTS}, got {asked!r}")
    return _parse(text, asked=asked)
