"""Hypothesis strategies for what a hostile or broken client sends a channel: bodies that are
deeply nested, huge, binary, wrongly typed or wrongly encoded. Shared by the property tests of
every channel (REST, Telegram, socket.io), so each faces the same input."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

from refund_assistant.message_checks import MAX_BODY_BYTES, MAX_JSON_DEPTH

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)

_OPENERS = [("[", "]"), ('{"a":', "}"), ('{"message":', "}"), ('{"sender":"s","message":', "}")]


@st.composite
def deep_json(draw: st.DrawFn, min_depth: int = MAX_JSON_DEPTH + 1) -> str:
    """Containers nested from just over the limit to 20,000 deep (Python's parser gives up near
    1,000 with RecursionError), closed or left open."""
    opener, closer = draw(st.sampled_from(_OPENERS))
    depth = draw(st.integers(min_depth, 20_000))
    closed = draw(st.booleans())
    return opener * depth + ("1" + closer * depth if closed else "")


@st.composite
def huge_json(draw: st.DrawFn, around: str = '{"sender": "huge", "message": "%s"}') -> str:
    """Valid JSON from just under the body limit to four times it: a long message or a long
    array of numbers."""
    size = draw(st.integers(MAX_BODY_BYTES - 2_000, 4 * MAX_BODY_BYTES))
    if draw(st.booleans()):
        return around % ("a" * size)
    return "[" + ",".join(["1"] * (size // 2)) + "]"


@st.composite
def wrongly_encoded(draw: st.DrawFn, value: Any) -> bytes:
    """`value` as JSON that is not UTF-8 or not valid Unicode: another encoding of text with
    non-ASCII characters, a byte order mark, stray bytes, or a lone surrogate escape."""
    text = json.dumps(value, ensure_ascii=False)
    how = draw(
        st.sampled_from(
            [
                "utf-16",
                "utf-16-be",
                "utf-32",
                "latin-1",
                "cp1251",
                "gb18030",
                "bom",
                "bytes",
                "lone",
            ]
        )
    )
    if how == "bom":
        return text.encode("utf-8-sig")
    if how == "bytes":
        raw = text.encode()
        cut = draw(st.integers(0, len(raw)))
        return (
            raw[:cut]
            + draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x80"]))
            + raw[cut:]
        )
    if how == "lone":
        return json.dumps(value).replace('"', '"\\ud83d', 1).encode()
    return text.encode(how, errors="replace")


def non_ascii_text() -> st.SearchStrategy[str]:
    return st.text(min_size=1, max_size=40).map(lambda t: "é " + t + " 退款 депозит")
