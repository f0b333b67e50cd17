"""The blind test sets stay blind: none of their sentences is in the training data, and their
labels name intents the domain has (so a renamed intent cannot silently score as a miss)."""

import re

import pytest
import yaml

from refund_assistant.languages import HAN_CHARACTERS, to_simplified
from tests.support import DOMAIN, PROJECT_ROOT

BLIND_SETS = sorted((PROJECT_ROOT / "tests" / "blind").glob("*.yml"))


HAN = re.compile(f"[{HAN_CHARACTERS}]")


def normalised(text: str) -> str:
    """Lower case, Simplified characters, punctuation and spacing aside."""
    return " ".join(re.sub(r"[^\w\s]", " ", to_simplified(text).lower()).split())


def length(text: str) -> int:
    """Words, counting each Chinese character as one (Chinese has no spaces)."""
    return len(HAN.sub(" x ", normalised(text)).split())


def training_examples() -> set[str]:
    examples = set()
    for path in (PROJECT_ROOT / "data" / "nlu").rglob("*.yml"):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            for line in (block.get("examples") or "").splitlines():
                if line.strip().startswith("- "):
                    examples.add(normalised(line.strip()[2:]))
    return examples


def blind_messages(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]


def test_there_are_blind_sets_of_at_least_300_messages():
    assert len(BLIND_SETS) >= 3
    assert all(len(blind_messages(path)) >= 300 for path in BLIND_SETS)


@pytest.mark.parametrize("path", BLIND_SETS, ids=lambda p: p.name)
def test_no_blind_sentence_is_in_the_training_data(path):
    training = training_examples()
    leaked = [m["text"] for m in blind_messages(path) if normalised(m["text"]) in training]
    # A one-word message ("yes", "next", "谢谢") may be in both by chance; anything longer may not.
    assert [text for text in leaked if length(text) > 2] == []


@pytest.mark.parametrize("path", BLIND_SETS, ids=lambda p: p.name)
def test_every_label_is_an_intent_of_the_domain(path):
    assert {m["intent"] for m in blind_messages(path)} <= set(DOMAIN["intents"])
