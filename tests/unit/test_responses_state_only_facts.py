"""Every reply must trace to ../shared/knowledge/facts.md: no invented numbers, durations,
menu names, amounts, web addresses or phone numbers. These checks read the domain as shipped."""

import re

import pytest

from tests.support import DOMAIN, PROJECT_ROOT

# The facts file is shared by the team beside the project; docs/facts.md is the copy that travels
# with the repository (CI clones only the project), kept identical by the test at the end.
SHARED_FACTS = PROJECT_ROOT.parent / "shared" / "knowledge" / "facts.md"
FACTS = (PROJECT_ROOT / "docs" / "facts.md").read_text()

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "hundred": 100,
    "thousand": 1000,
}
STEP_NUMBERS = {1, 2, 3, 4, 5}  # the five steps S1-S5
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
DURATION = re.compile(
    r"\b(\d+|" + "|".join(NUMBER_WORDS) + r")(\s+to\s+(\d+))?\s+(working\s+|business\s+)?"
    r"(minutes?|hours?|days?|weeks?|months?|years?)\b",
    re.I,
)


def numbers_in(text: str) -> set:
    text = PLACEHOLDER.sub(" ", text)
    found = {int(n) for n in re.findall(r"\d+", text)}
    found |= {NUMBER_WORDS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in NUMBER_WORDS}
    return found


FACT_NUMBERS = {int(n) for n in re.findall(r"(?<![PST])\b\d+\b", FACTS)} | {
    NUMBER_WORDS[w] for w in re.findall(r"[a-z]+", FACTS.lower()) if w in NUMBER_WORDS
}
FACT_QUOTED = set(re.findall(r'"([^"]+)"', FACTS))
FACT_DURATIONS = {m.group(0).lower() for m in DURATION.finditer(FACTS)}


def reply_texts():
    for name, variations in DOMAIN["responses"].items():
        for index, variation in enumerate(variations):
            texts = [variation.get("text", "")]
            texts += [button["title"] for button in variation.get("buttons") or []]
            for text in texts:
                yield pytest.param(name, text, id=f"{name}[{index}]:{text[:30]}")


@pytest.mark.parametrize("name, text", list(reply_texts()))
def test_numbers_are_ones_the_facts_state(name, text):
    invented = numbers_in(text) - FACT_NUMBERS - STEP_NUMBERS
    assert not invented, f"{name} states numbers the facts don't: {sorted(invented)}"


@pytest.mark.parametrize("name, text", list(reply_texts()))
def test_durations_are_ones_the_facts_state(name, text):
    for match in DURATION.finditer(PLACEHOLDER.sub(" ", text)):
        assert match.group(0).lower() in FACT_DURATIONS, f"{name}: '{match.group(0)}'"


@pytest.mark.parametrize("name, text", list(reply_texts()))
def test_quoted_menu_and_button_names_are_the_guides(name, text):
    for quoted in re.findall(r'"([^"]+)"', text):
        assert quoted in FACT_QUOTED, f"{name} names a menu or button the guide doesn't: {quoted}"


@pytest.mark.parametrize("name, text", list(reply_texts()))
def test_no_addresses_amounts_or_phone_numbers(name, text):
    text = PLACEHOLDER.sub(" ", text)
    assert not re.search(r"https?://|www\.|\.com\b|@\w", text, re.I), "web or e-mail address"
    assert not re.search(r"[$€£¥]|\b(usd|cny|rmb|eur|yuan|dollars?)\b|%", text, re.I), "amount"
    assert not re.search(r"\+?\d[\d\s-]{6,}\d", text), "phone number"


def test_the_checks_catch_invented_facts():
    """The checks above must be able to fail: run them on made-up replies."""
    assert numbers_in("The deposit is 10000 and takes 9 days") - FACT_NUMBERS == {10000, 9}
    assert DURATION.search("takes three days").group(0).lower() not in FACT_DURATIONS
    assert DURATION.search("about 3 working days").group(0).lower() not in FACT_DURATIONS
    assert "7 to 15 working days" in FACT_DURATIONS
    assert "Capital management" in FACT_QUOTED and "Refund centre" not in FACT_QUOTED


@pytest.mark.skipif(
    not SHARED_FACTS.exists(), reason="the shared knowledge folder is not beside this checkout"
)
def test_the_projects_copy_of_the_facts_is_the_shared_one():
    assert FACTS == SHARED_FACTS.read_text(), "copy ../shared/knowledge/facts.md to docs/facts.md"
