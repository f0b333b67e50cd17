"""Every reply must trace to ../shared/knowledge/facts.md: no invented numbers, durations,
menu names, amounts, web addresses or phone numbers. These checks read the domain as shipped.

The Chinese variations (condition: slot language = zh) are held to the same facts through their
English siblings: a Chinese reply states no number, duration or menu name its English sibling and
the facts don't, and it names the guide's things with ../shared/knowledge/glossary-zh.md's terms."""

import re

import pytest

from tests.support import DOMAIN, PROJECT_ROOT
from tests.unit.response_languages import sibling_pairs
from tests.unit.response_languages import texts as variation_texts

# The facts file is shared by the team beside the project; docs/facts.md is the copy that travels
# with the repository (CI clones only the project), kept identical by the test at the end.
SHARED_FACTS = PROJECT_ROOT.parent / "shared" / "knowledge" / "facts.md"
SHARED_GLOSSARY = PROJECT_ROOT.parent / "shared" / "knowledge" / "glossary-zh.md"
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


# Chinese numerals: 七 7, 十五 15, 两 2, 一万 10000. The idioms 万一 (in case) and 千万 (by all
# means) are words, not numbers.
CHINESE_DIGITS = dict(
    zip("零〇一二两三四五六七八九", [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9], strict=True)
)
CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
CHINESE_NUMERAL = "[" + "".join(CHINESE_DIGITS) + "".join(CHINESE_UNITS) + "]+"
CHINESE_IDIOMS = re.compile("万一|千万")


def chinese_numeral_value(numeral: str) -> int:
    """The value of a Chinese numeral: 十五 15, 二十 20, 一百零五 105, 三万 30000."""
    total = section = digit = 0
    for char in numeral:
        if char in CHINESE_DIGITS:
            digit = CHINESE_DIGITS[char]
        elif CHINESE_UNITS[char] < 10_000:
            section += (digit or 1) * CHINESE_UNITS[char]
            digit = 0
        else:
            total = (total + section + digit or 1) * CHINESE_UNITS[char]
            section = digit = 0
    return total + section + digit


def chinese_numbers_in(text: str) -> set:
    text = CHINESE_IDIOMS.sub(" ", PLACEHOLDER.sub(" ", text))
    found = set()
    for numeral in re.findall(CHINESE_NUMERAL, text):
        if any(char in CHINESE_UNITS for char in numeral):
            found.add(chinese_numeral_value(numeral))
        else:  # 一一, 一二: digits one after another, each a number
            found |= {CHINESE_DIGITS[char] for char in numeral}
    return found


def numbers_in(text: str) -> set:
    text = PLACEHOLDER.sub(" ", text)
    found = {int(n) for n in re.findall(r"\d+", text)}
    found |= {NUMBER_WORDS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in NUMBER_WORDS}
    return found | chinese_numbers_in(text)


# Durations as (from, to, unit), to compare a Chinese reply's with its English sibling's and the
# facts': "7 to 15 working days" and "7到15个工作日" are both (7, 15, "working day"); "a year" and
# "一年" are (1, None, "year"). A point in time is not a duration: 下一个工作日 (the next working
# day), 第一个工作日 (the first working day).
ENGLISH_DURATION = re.compile(
    r"\b(\d+|an?|" + "|".join(NUMBER_WORDS) + r")(?:\s+to\s+(\d+|" + "|".join(NUMBER_WORDS) + r"))?"
    r"\s+(working\s+|business\s+)?(minute|hour|day|week|month|year)s?\b",
    re.I,
)
CHINESE_DURATION_UNITS = {
    "工作日": "working day",
    "天": "day",
    "日": "day",
    "小时": "hour",
    "钟头": "hour",
    "分钟": "minute",
    "周": "week",
    "星期": "week",
    "礼拜": "week",
    "月": "month",
    "年": "year",
}
CHINESE_DURATION = re.compile(
    r"(?<![下上前后每任第哪同当])(\d+|" + CHINESE_NUMERAL + r")(?:\s*(?:到|至|-|~|～|—|－)\s*"
    r"(\d+|"
    + CHINESE_NUMERAL
    + r"))?\s*(?:多)?(个)?(半)?\s*(工作日|天|小时|钟头|分钟|周|星期|礼拜|月|年)"
)


def _number(word: str) -> int:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in ("a", "an"):
        return 1
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    return chinese_numeral_value(word)


def english_durations(text: str) -> set:
    found = set()
    for match in ENGLISH_DURATION.finditer(PLACEHOLDER.sub(" ", text)):
        low, high, working, unit = match.groups()
        unit = "working day" if working and unit.lower() == "day" else unit.lower()
        found.add((_number(low), _number(high) if high else None, unit))
    return found


def chinese_durations(text: str) -> set:
    found = set()
    for match in CHINESE_DURATION.finditer(PLACEHOLDER.sub(" ", text)):
        low, high, measure_word, _half, unit = match.groups()
        if unit == "月" and not measure_word:  # 11月 is November; a month is 一个月
            continue
        found.add((_number(low), _number(high) if high else None, CHINESE_DURATION_UNITS[unit]))
    return found


FACT_NUMBERS = {int(n) for n in re.findall(r"(?<![PST])\b\d+\b", FACTS)} | {
    NUMBER_WORDS[w] for w in re.findall(r"[a-z]+", FACTS.lower()) if w in NUMBER_WORDS
}
FACT_QUOTED = set(re.findall(r'"([^"]+)"', FACTS))
FACT_DURATIONS = {m.group(0).lower() for m in DURATION.finditer(FACTS)}
FACT_DURATION_VALUES = english_durations(FACTS)

# The guide's menu and button names (quoted in facts.md) as the Chinese replies quote them (in
# 「」 or “”), from the glossary's "answer with" column.
CHINESE_MENU_NAMES = {
    "Capital management": "资金管理",
    "Deposit": "保证金",
    "Apply for refund": "申请退款",
}
CHINESE_QUOTED = re.compile(r"「([^」]+)」|“([^”]+)”|『([^』]+)』")

# What an English reply names, the Chinese sibling names with the glossary's term.
GLOSSARY_TERMS = [
    (r"seller backend", "卖家后台"),
    (r"deposit management page", "保证金管理页面"),
    (r"current deposit balance", "当前保证金余额"),
    (r"refundable amount", "可退金额"),
    (r"refund rules", "退还规则"),
    (r"business licence", "营业执照复印件"),
    (r"bank account information", "银行账户信息"),
    (r"quality and format requirements", "文件质量和格式要求"),
    (r"7 to 15 working days", "7到15个工作日"),
    (r"AliExpress customer service", "速卖通客服"),
    (r"application records", "申请记录"),
    (r"vouchers", "凭证"),
    (r"\bcancell", "注销"),
    (r"\bpending\b", "未完成的订单"),
    (r"\bviolation", "违规"),
    (r"\bdisputes?\b", "纠纷"),
    (r"\breject", "驳回"),
    (r"official calendar", "法定节假日安排"),
    (r"cross-border", "跨境"),
    (r"\bsmall(er)? .*banks", "小银行"),
    (r"local bank", "当地银行"),
]


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
    amount_zh = (
        r"[＄￥％]|百分之|人民币|美元|美金|欧元|英镑|卢布|(\d|" + CHINESE_NUMERAL + r")\s*[元块角]"
    )
    assert not re.search(amount_zh, text), "amount (Chinese)"


# --- the Chinese variations, through their English siblings ---------------------------------------

CHINESE_SIBLINGS = [
    pytest.param(name, en, zh, id=f"{name}[{index}]")
    for name, index, en, zh in sibling_pairs(DOMAIN["responses"])
]


def _all_text(variation) -> str:
    return "\n".join(variation_texts(variation))


@pytest.mark.parametrize("name, en, zh", CHINESE_SIBLINGS)
def test_chinese_numbers_are_ones_its_english_sibling_states(name, en, zh):
    """一 (one, a) is everywhere in Chinese (一下, 一起, 一步一步), so it is always allowed."""
    invented = numbers_in(_all_text(zh)) - numbers_in(_all_text(en)) - {1}
    assert not invented, f"{name}: the Chinese states numbers the English doesn't: {invented}"


@pytest.mark.parametrize("name, en, zh", CHINESE_SIBLINGS)
def test_chinese_durations_are_the_facts_or_its_english_siblings(name, en, zh):
    allowed = FACT_DURATION_VALUES | english_durations(_all_text(en))
    invented = chinese_durations(_all_text(zh)) - allowed
    assert not invented, f"{name}: the Chinese states durations the English doesn't: {invented}"
    lost = {d for d in english_durations(_all_text(en)) if d in FACT_DURATION_VALUES}
    assert lost <= chinese_durations(_all_text(zh)), f"{name}: the Chinese leaves out {lost}"


@pytest.mark.parametrize("name, en, zh", CHINESE_SIBLINGS)
def test_chinese_menu_names_are_the_guides_as_its_english_sibling_quotes_them(name, en, zh):
    quoted_en = [q for text in variation_texts(en) for q in re.findall(r'"([^"]+)"', text)]
    quoted_zh = [
        "".join(groups) for text in variation_texts(zh) for groups in CHINESE_QUOTED.findall(text)
    ]
    assert quoted_zh == [CHINESE_MENU_NAMES.get(q, q) for q in quoted_en], name


@pytest.mark.parametrize("name, en, zh", CHINESE_SIBLINGS)
def test_chinese_names_the_guides_things_with_the_glossary_terms(name, en, zh):
    text_en, text_zh = _all_text(en), _all_text(zh)
    missing = [
        term
        for english, term in GLOSSARY_TERMS
        if re.search(english, text_en, re.I) and term not in text_zh
    ]
    assert not missing, f"{name}: the English names it, the Chinese should say {missing}"


def test_the_checks_catch_invented_facts():
    """The checks above must be able to fail: run them on made-up replies."""
    assert numbers_in("The deposit is 10000 and takes 9 days") - FACT_NUMBERS == {10000, 9}
    assert DURATION.search("takes three days").group(0).lower() not in FACT_DURATIONS
    assert DURATION.search("about 3 working days").group(0).lower() not in FACT_DURATIONS
    assert "7 to 15 working days" in FACT_DURATIONS
    assert "Capital management" in FACT_QUOTED and "Refund centre" not in FACT_QUOTED
    # ... and on made-up Chinese ones.
    assert numbers_in("保证金一万，审核要九天，退十五") - FACT_NUMBERS == {10000, 9}
    assert numbers_in("第1步（共5步），一步一步来，千万别急") == {1, 5}
    assert chinese_numeral_value("二十") == 20 and chinese_numeral_value("一百零五") == 105
    assert (
        chinese_durations("通常7到15个工作日") == {(7, 15, "working day")} <= FACT_DURATION_VALUES
    )
    assert chinese_durations("大约三个工作日") == {(3, None, "working day")}
    assert chinese_durations("七至十五天，两周，3个月，一年") == {
        (7, 15, "day"),
        (2, None, "week"),
        (3, None, "month"),
        (1, None, "year"),
    }
    assert chinese_durations("下一个工作日、第一个工作日、2026年11月3日") == {(2026, None, "year")}
    assert chinese_durations("{passed}个工作日，{date}") == set()
    assert english_durations("more than a year ago, 7 to 15 working days") == {
        (1, None, "year"),
        (7, 15, "working day"),
    }
    assert CHINESE_QUOTED.findall("打开「资金管理」，再点“保证金”") == [
        ("资金管理", "", ""),
        ("", "保证金", ""),
    ]
    assert set(CHINESE_MENU_NAMES) <= FACT_QUOTED


@pytest.mark.skipif(
    not SHARED_GLOSSARY.exists(), reason="the shared knowledge folder is not beside this checkout"
)
def test_the_chinese_terms_are_the_glossarys():
    glossary = SHARED_GLOSSARY.read_text()
    answer_with = "".join(row.split("|")[2] for row in glossary.splitlines() if row.count("|") >= 4)
    terms = list(CHINESE_MENU_NAMES.values()) + [term for _, term in GLOSSARY_TERMS]
    assert [term for term in terms if term not in answer_with] == []


@pytest.mark.skipif(
    not SHARED_FACTS.exists(), reason="the shared knowledge folder is not beside this checkout"
)
def test_the_projects_copy_of_the_facts_is_the_shared_one():
    assert FACTS == SHARED_FACTS.read_text(), "copy ../shared/knowledge/facts.md to docs/facts.md"
