"""Which language a seller's message is written in, so the replies follow the seller.

Why a rule and not a detector: the bot answers in English and Chinese only, and the two are told
apart by script alone. What needs care is the mixed message ("deposit 退款怎么申请", "我的store已经
closed了"): Chinese sellers drop English shop words into Chinese sentences, so the language that
carries the sentence is Chinese as soon as its characters are as many as the English words. A
message with no language of its own ("ok", "好的", "👍", "3", "2026-11-03", a button) returns
None, and the conversation keeps the language it had. Traditional characters (Taiwan standard when converting) are told apart with
OpenCC's own dictionary: a message that changes when converted to Simplified was written in
Traditional.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache

import opencc

# The slots the language tagger fills (addons/language_tagger.py) and the domain's responses are
# chosen by ("condition: slot language = zh").
LANGUAGE_SLOT = "language"
SCRIPT_SLOT = "chinese_script"


class Language(str, Enum):
    ENGLISH = "en"
    CHINESE = "zh"


class ChineseScript(str, Enum):
    SIMPLIFIED = "simplified"
    TRADITIONAL = "traditional"


DEFAULT_LANGUAGE = Language.ENGLISH
# The message-metadata keys a client sends its language in: the widget's page language, and
# Telegram's `from.language_code` (addons/language_tagger.py reads them, in this order).
CLIENT_LANGUAGE_KEYS = ("language", "language_code")

# Chinese characters (the unified ideographs, extension A, compatibility ideographs), as the body
# of a character class: every module that looks for Chinese uses this one range.
HAN_CHARACTERS = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RE = re.compile(f"[{HAN_CHARACTERS}]")
_KANA_RE = re.compile(r"[\u3040-\u30ff]")
_LATIN_WORD_RE = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
# The placeholders the privacy masking puts in texts ("[phone]") are the bot's, not the seller's.
_MASK_PLACEHOLDER_RE = re.compile(r"\[[A-Za-z ]+\]")
# Acknowledgements every seller types whatever their language, and the texts that buttons in
# both languages send ("today" and "yesterday" answer "When did you submit?"): they keep the
# current language.
_NEUTRAL_WORDS = frozenset(
    {"ok", "okay", "k", "kk", "okk", "好", "好的", "嗯", "嗯嗯", "行", "哦", "噢", "ok了", "好滴"}
    | {"today", "yesterday"}
)
# English month names and ordinal endings in a date ("Nov 3rd") are not a sentence.
_DATE_WORDS = frozenset(
    {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
    | {"st", "nd", "rd", "th"}
)


def has_chinese(text: str) -> bool:
    return _HAN_RE.search(text) is not None


def message_language(text: str) -> Language | None:
    """The language that carries `text`, or None when it has none of its own (or is neither
    English nor Chinese: Japanese kana, Cyrillic, ... keep the conversation's language too)."""
    text = _MASK_PLACEHOLDER_RE.sub(" ", text).strip()
    if text.startswith("/") or text.lower().strip(" .!~。！,，") in _NEUTRAL_WORDS:
        return None
    if _KANA_RE.search(text):
        return None
    han = len(_HAN_RE.findall(text))
    words = [w.lower() for w in _LATIN_WORD_RE.findall(text)]
    if han and han >= len(words):
        return Language.CHINESE
    if any(len(w) > 1 and w not in _DATE_WORDS for w in words):
        return Language.ENGLISH
    return None


@lru_cache(maxsize=1)
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _to_traditional() -> opencc.OpenCC:
    return opencc.OpenCC("s2tw")


def chinese_script(text: str) -> ChineseScript | None:
    """Simplified or Traditional, for a message with Chinese characters; None without any."""
    han = "".join(_HAN_RE.findall(text))
    if not han:
        return None
    if _to_simplified().convert(han) != han:
        return ChineseScript.TRADITIONAL
    return ChineseScript.SIMPLIFIED


def to_simplified(text: str) -> str:
    return str(_to_simplified().convert(text))


def to_traditional(text: str) -> str:
    return str(_to_traditional().convert(text))


def primary_code(code: str) -> str:
    """ "zh-CN", "zh_Hans", " ZH " -> "zh"."""
    return re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]


def language_from_code(code: str | None) -> Language | None:
    """A client's language code ("zh-CN", "zh_Hant", "en-GB", Telegram's "zh-hans") as a reply
    language; None for any other language or none."""
    primary = primary_code(code or "")
    for language in Language:
        if primary == language.value:
            return language
    return None


def script_from_code(code: str | None) -> ChineseScript | None:
    """Traditional for the codes of Taiwan, Hong Kong and Macau or an explicit Hant."""
    lowered = (code or "").strip().lower().replace("_", "-")
    if language_from_code(lowered) is not Language.CHINESE:
        return None
    if any(part in ("hant", "tw", "hk", "mo") for part in lowered.split("-")[1:]):
        return ChineseScript.TRADITIONAL
    return ChineseScript.SIMPLIFIED
