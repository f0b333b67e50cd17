"""What the Telegram channel sends, checked without servers: every button payload fits Telegram's
callback_data limit, long texts are split where a reader expects, keyboards are one button per
row, and "/start" means the greeting."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from channels.telegram import inline_keyboard
from refund_assistant.telegram_messages import (
    GREET,
    MESSAGE_LIMIT,
    split_message,
    start_to_greet,
    telegram_length,
)
from tests.support import DOMAIN

CALLBACK_DATA_LIMIT = 64  # bytes, https://core.telegram.org/bots/api#inlinekeyboardbutton


def domain_buttons():
    return [
        (name, button)
        for name, variations in DOMAIN["responses"].items()
        for variation in variations
        for button in variation.get("buttons") or []
    ]


# --- callback_data ------------------------------------------------------------------------------


def test_the_domain_has_buttons():
    assert len(domain_buttons()) > 20


@pytest.mark.parametrize(
    "response, button", domain_buttons(), ids=[f"{n}:{b['payload']}" for n, b in domain_buttons()]
)
def test_every_domain_payload_fits_telegram_callback_data(response, button):
    payload = button["payload"]
    assert 1 <= len(payload.encode("utf-8")) <= CALLBACK_DATA_LIMIT, payload
    assert button["title"].strip()


def test_every_intent_payload_fits_callback_data():
    """The "Did you mean ...?" action builds buttons as "/<intent>" for any intent."""
    too_long = [i for i in DOMAIN["intents"] if len(f"/{i}".encode()) > CALLBACK_DATA_LIMIT]
    assert too_long == []


# --- splitting ----------------------------------------------------------------------------------


def test_a_text_that_fits_is_sent_whole_with_its_line_breaks_and_paragraphs():
    text = "Before you apply:\n- close the store\n- finish every order\n\nThen apply."
    assert split_message(text) == [text]


def test_surrounding_whitespace_is_dropped_and_empty_texts_send_nothing():
    assert split_message("  \n hello \n\n") == ["hello"]
    assert split_message("") == []
    assert split_message(" \n\n ") == []


def test_exactly_the_limit_is_one_message_and_one_more_character_is_two():
    assert split_message("a" * MESSAGE_LIMIT) == ["a" * MESSAGE_LIMIT]
    assert split_message("a" * (MESSAGE_LIMIT + 1)) == ["a" * MESSAGE_LIMIT, "a"]


def test_cuts_at_the_last_paragraph_break_that_fits():
    first, second, third = "x" * 3000, "y" * 900, "z" * 1000
    text = f"{first}\n\n{second}\n\n{third}"
    assert split_message(text) == [f"{first}\n\n{second}", third]


def test_a_paragraph_break_wins_over_a_later_line_break():
    intro = "Intro paragraph."
    bullets = "\n".join(f"- item {n:04d} " + "w" * 40 for n in range(90))
    parts = split_message(f"{intro}\n\n{bullets}")
    assert parts[0] == intro
    assert "\n".join(parts[1:]) == bullets


def test_without_paragraphs_cuts_at_a_line_break_keeping_lines_whole():
    lines = [f"- point {n}: " + "word " * 20 for n in range(60)]
    text = "\n".join(line.strip() for line in lines)
    parts = split_message(text)
    assert len(parts) == 2
    assert all(telegram_length(p) <= MESSAGE_LIMIT for p in parts)
    assert "\n".join(parts) == text  # nothing lost, no line cut in two


def test_indentation_of_the_next_line_is_kept():
    text = "a" * 4090 + "\n  - indented item"
    assert split_message(text) == ["a" * 4090, "  - indented item"]


def test_without_line_breaks_cuts_between_words():
    words = [f"word{n}" for n in range(1200)]
    parts = split_message(" ".join(words))
    assert len(parts) == 3
    assert [w for p in parts for w in p.split(" ")] == words
    assert all(not p.startswith(" ") and not p.endswith(" ") for p in parts)


@pytest.mark.parametrize("separator", [" ", "\n", "\n\n", "\n\n\n"])
def test_a_boundary_right_after_a_full_message_is_used(separator):
    assert split_message("a" * MESSAGE_LIMIT + separator + "b") == ["a" * MESSAGE_LIMIT, "b"]


def test_a_word_longer_than_a_message_is_cut_hard():
    assert split_message("short " + "a" * 5000) == ["short", "a" * MESSAGE_LIMIT, "a" * 904]


def test_characters_outside_the_bmp_count_twice_and_are_never_cut_in_half():
    text = "\U0001f600" * 3000  # 6000 UTF-16 code units
    parts = split_message(text)
    assert parts == ["\U0001f600" * 2048, "\U0001f600" * 952]
    assert [telegram_length(p) for p in parts] == [4096, 1904]


def test_a_smaller_limit_works_the_same_way():
    assert split_message("one two three four", limit=9) == ["one two", "three", "four"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(alphabet=st.sampled_from("ab \n\U0001f600é"), max_size=60), max_size=30),
    st.integers(min_value=2, max_value=50),
)
def test_split_property_every_part_fits_and_nothing_but_whitespace_is_lost(chunks, limit):
    text = "".join(chunks)
    parts = split_message(text, limit=limit)
    assert all(p.strip() and telegram_length(p) <= limit for p in parts)
    assert "".join("".join(parts).split()) == "".join(text.split())


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.from_regex(r"[a-z]{1,8}", fullmatch=True), min_size=1, max_size=80),
    st.lists(st.sampled_from([" ", "\n", "\n\n"]), min_size=80, max_size=80),
    st.integers(min_value=8, max_value=40),
)
def test_split_property_words_shorter_than_the_limit_are_never_cut(words, separators, limit):
    text = "".join(w + s for w, s in zip(words, separators, strict=False)).strip()
    parts = split_message(text, limit=limit)
    assert [w for p in parts for w in p.split()] == words


# --- keyboard -----------------------------------------------------------------------------------


def test_inline_keyboard_has_one_button_per_row_in_order():
    buttons = DOMAIN["responses"]["utter_greet"][0]["buttons"]
    keyboard = inline_keyboard(buttons).to_python()
    assert keyboard == {
        "inline_keyboard": [[{"text": b["title"], "callback_data": b["payload"]}] for b in buttons]
    }


def test_inline_keyboard_of_a_single_button():
    keyboard = inline_keyboard([{"title": "Yes", "payload": "/affirm"}]).to_python()
    assert keyboard == {"inline_keyboard": [[{"text": "Yes", "callback_data": "/affirm"}]]}


# --- /start -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "/start",
        "/start@refund_test_bot",
        "/START@Refund_Test_Bot",
        "/start deep-link-param",
        "/start@refund_test_bot param",
    ],
)
def test_start_commands_for_this_bot_become_the_greeting(text):
    assert start_to_greet(text, "refund_test_bot") == GREET == "/greet"


@pytest.mark.parametrize(
    "text",
    [
        "/start@some_other_bot",
        "/started",
        "/restart",
        "start",
        "please /start",
        "/ask_documents",
        "how long does the review take?",
        "",
        None,
    ],
)
def test_other_texts_are_left_alone(text):
    assert start_to_greet(text, "refund_test_bot") == text


def test_greet_is_an_intent_of_the_domain_answered_with_buttons():
    assert "greet" in DOMAIN["intents"]
    assert DOMAIN["responses"]["utter_greet"][0]["buttons"]
