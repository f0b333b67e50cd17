"""The intent classifier: a linear model over character and word n-grams, in both languages.

Why not Rasa's DIET: on messages nobody on the team wrote (the blind sets), a linear support
vector machine over TF-IDF n-grams understood more of them than DIET did (bench/RESULTS.md),
and it trains in seconds instead of minutes, for English and Chinese together, with one
small model and almost no time per message. Character n-grams (1 to 4, within words) carry
typos, inflections and Chinese, which has no spaces to split words on; word n-grams (1 and 2,
on spaCy's lemmas) carry English word order ("review time" against "time of the review").
Traditional characters are read as Simplified, so the two scripts share what was learnt.

The scores become confidences through a softmax with a fixed temperature, so that Rasa's
FallbackClassifier thresholds keep their meaning: a message far from every intent, or between
two, still gets "Did you mean ...?". A message with no known n-gram at all (emoji, another
script) gets no intent. A message that is exactly one of the examples (case, spaces and
punctuation aside) gets that example's intent for certain: a margin-based model does not
memorise, and a seller typing "ok" should not be asked what they meant.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import skops.io
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

from refund_assistant.languages import to_simplified
from refund_assistant.privacy.detect import find_personal_data

# What a saved model holds beyond skops' own default trusted types: the TF-IDF weights.
_TRUSTED_TYPES = frozenset({"scipy.sparse._csr.csr_matrix"})
_NOT_A_LETTER = re.compile(r"[\W_]+")
# How many intents a ranking lists (Rasa's own default for its classifiers).
RANKING_LENGTH = 10


@dataclass(frozen=True)
class Document:
    """What the model reads of one message: its text, and its words as lemmas."""

    text: str
    lemmas: str

    @classmethod
    def of(cls, text: str, lemmas: Sequence[str] | None = None) -> Document:
        """The classifier never reads personal data: a card number's digits say nothing about
        what the seller wants, so "my account is 6222…, how long is the review?" keeps the
        question's intent (the guard then warns before the answer), and the examples of
        `share_personal_data` teach the words around such data, not the numbers."""
        kept = _without_personal_data(text)
        simplified = to_simplified(kept)
        # Lemmas of a message with personal data would carry its digits: its words it is.
        words = " ".join(lemmas) if lemmas and kept == text else kept
        return cls(text=simplified, lemmas=to_simplified(words).lower())

    @property
    def key(self) -> str:
        """The text as an exact match sees it: lower case, letters and digits only."""
        return _NOT_A_LETTER.sub(" ", self.text.lower()).strip()


def _without_personal_data(text: str) -> str:
    findings = find_personal_data(text)
    if not findings:
        return text
    kept, position = [], 0
    for finding in findings:
        kept.append(text[position : finding.start])
        position = finding.end
    kept.append(text[position:])
    return " ".join(kept)


def _features(
    characters: TfidfVectorizer, words: TfidfVectorizer, documents: Sequence[Document]
) -> csr_matrix:
    """Character n-gram columns first (so a column below their count is a character n-gram),
    then word n-grams."""
    return hstack(
        [
            characters.transform([d.text for d in documents]),
            words.transform([d.lemmas for d in documents]),
        ]
    ).tocsr()


def _characters() -> TfidfVectorizer:
    return TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 4), sublinear_tf=True)


def _words() -> TfidfVectorizer:
    return TfidfVectorizer(
        analyzer="word", ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b"
    )


class IntentModel:
    def __init__(
        self,
        characters: TfidfVectorizer,
        words: TfidfVectorizer,
        classifier: LinearSVC,
        temperature: float,
        examples: dict[str, str],
    ) -> None:
        self._characters = characters
        self._words = words
        self._classifier = classifier
        self.temperature = temperature
        self._examples = examples  # Document.key -> intent, for keys with one intent only
        # Character n-grams of nothing but spaces are in every message: they tell nothing.
        self._blank = np.array(
            [i for gram, i in characters.vocabulary_.items() if not gram.strip()], dtype=int
        )

    @classmethod
    def train(
        cls,
        documents: Sequence[Document],
        intents: Sequence[str],
        regularisation: float = 1.0,
        temperature: float = 8.0,
    ) -> IntentModel:
        """`regularisation`: the SVM's C; `temperature`: how sharply scores become confidences."""
        if len(set(intents)) < 2:
            raise ValueError("the intent model needs examples of at least two intents")
        characters, words = _characters(), _words()
        characters.fit([d.text for d in documents])
        words.fit([d.lemmas for d in documents])
        features = _features(characters, words, documents)
        classifier = LinearSVC(C=regularisation).fit(features, list(intents))
        by_key: dict[str, set[str]] = {}
        for document, intent in zip(documents, intents, strict=True):
            by_key.setdefault(document.key, set()).add(intent)
        examples = {key: next(iter(found)) for key, found in by_key.items() if len(found) == 1}
        return cls(characters, words, classifier, temperature, examples)

    @property
    def intents(self) -> list[str]:
        return [str(name) for name in self._classifier.classes_]

    def rank(self, document: Document, length: int = RANKING_LENGTH) -> list[tuple[str, float]]:
        """The likeliest intents with their confidences (summing to 1 over all intents), best
        first; empty when the message shares no n-gram with anything the model was taught."""
        features = _features(self._characters, self._words, [document])
        if np.setdiff1d(features.indices, self._blank).size == 0:
            return []
        names = self._classifier.classes_
        exact = self._examples.get(document.key)
        if exact is not None:
            others = [(str(name), 0.0) for name in names if name != exact]
            return [(exact, 1.0), *others][:length]
        scores = np.asarray(self._classifier.decision_function(features))[0] * self.temperature
        confidences = np.exp(scores - scores.max())
        confidences /= confidences.sum()
        order = np.argsort(-confidences)[:length]
        return [(str(names[i]), float(confidences[i])) for i in order]

    def save(self, path: Path) -> None:
        """Saved with skops, not pickle (as Rasa saves its own scikit-learn models): loading
        runs no code, only the types listed in `_TRUSTED_TYPES` are rebuilt."""
        parts = {
            "characters": self._characters,
            "words": self._words,
            "classifier": self._classifier,
            "temperature": self.temperature,
            "examples": self._examples,
        }
        skops.io.dump(parts, path)

    @classmethod
    def load(cls, path: Path) -> IntentModel:
        untrusted = set(skops.io.get_untrusted_types(file=path)) - _TRUSTED_TYPES
        if untrusted:
            raise ValueError(f"{path} holds types an intent model never has: {sorted(untrusted)}")
        parts = skops.io.load(path, trusted=sorted(_TRUSTED_TYPES))
        return cls(
            parts["characters"],
            parts["words"],
            parts["classifier"],
            parts["temperature"],
            parts["examples"],
        )
