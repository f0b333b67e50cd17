"""Builds the project's own spaCy pipeline from code and saves it inside the project.

No pretrained spaCy model can be downloaded on our machines, so the NLU pipeline (`SpacyNLP` in
`config.yml`) and the store-state reader (`refund_assistant.store_state`) both load this one instead: a blank
English tokenizer, a lookup lemmatizer (tables from `spacy-lookups-data`, copied into the saved
pipeline so loading it needs nothing else), and an attribute ruler that maps the shorthand and
spelling variants sellers type onto one lemma, so "acct", "pls" or "licence" count as the words
they stand for.

Run `python -m refund_assistant.spacy_pipeline` (the Makefile does) to (re)build `nlp/en_refund`.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import cast

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler

PIPELINE_DIR = Path(__file__).resolve().parent.parent / "nlp" / "en_refund"
PIPELINE_NAME = "en_refund"
PIPELINE_VERSION = "1.0.0"

# Seller shorthand, contractions split by the tokenizer, and regional spellings, mapped to the
# lemma the lookup table would give the full word.
LEMMA_OVERRIDES: dict[str, str] = {
    "wo": "will",
    "ca": "can",
    "sha": "shall",
    "pls": "please",
    "plz": "please",
    "pleas": "please",
    "u": "you",
    "ur": "your",
    "r": "be",
    "acct": "account",
    "acc": "account",
    "a/c": "account",
    "docs": "document",
    "doc": "document",
    "licence": "license",
    "licences": "license",
    "info": "information",
    "shop": "store",
    "shops": "store",
    "cancellation": "cancel",
    "cancelation": "cancel",
    "canceled": "cancel",
    "cancelled": "cancel",
    "pending": "pending",
    "thx": "thanks",
    "thanx": "thanks",
    "ty": "thanks",
    "nope": "no",
    "nah": "no",
    "yep": "yes",
    "yeah": "yes",
    "ya": "yes",
    "yup": "yes",
    "2day": "today",
    "tmrw": "tomorrow",
    "yday": "yesterday",
}


def build() -> Language:
    """Returns the pipeline, initialised and ready to save."""
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    ruler = cast(AttributeRuler, nlp.add_pipe("attribute_ruler", after="lemmatizer"))
    nlp.initialize()  # loads the lemma tables; it would also clear rules added before it
    for word, lemma in LEMMA_OVERRIDES.items():
        ruler.add(patterns=[[{"LOWER": word}]], attrs={"LEMMA": lemma})
    nlp.meta.update(
        {
            "name": PIPELINE_NAME,
            "version": PIPELINE_VERSION,
            "description": "Blank English + lookup lemmas + seller shorthand rules (built from code).",
        }
    )
    return nlp


def save(target: Path = PIPELINE_DIR) -> Path:
    """Builds the pipeline and writes it to `target`; returns the path."""
    nlp = build()
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=PIPELINE_DIR)
    args = parser.parse_args()
    print(f"spaCy pipeline saved to {save(args.output)}")


if __name__ == "__main__":
    main()
