"""Sample texts shared by the personal-data tests: valid and invalid numbers, texts that hold
one finding, texts that hold none, and the generators for the property tests."""

from hypothesis import strategies as st

from refund_assistant.privacy import PLACEHOLDERS

# Sample values, checked against the libraries (test_detect.py) so the tests cannot drift into
# testing invalid numbers.
VALID_CARDS = [
    "4111 1111 1111 1111",
    "5500-0000-0000-0004",
    "4111111111111111",
    "6222 0212 3456 7890 128",  # 19-digit UnionPay (ICBC prefix)
    "6228480012345671",  # 16-digit UnionPay (ABC prefix)
]
VALID_IBANS = [
    "DE89 3704 0044 0532 0130 00",
    "GB82WEST12345698765432",
    "FR14 2004 1010 0505 0001 3M02 606",
    "NL91ABNA0417164300",
]
VALID_USCC = "91350100M000100Y43"
LUHN_INVALID_16 = "1234 5678 9012 3456"
LUHN_INVALID_19 = "6222021234567890121"


POSITIVES = [
    # card numbers (Luhn-valid, 13-19 digits, grouped or not)
    (
        "Please send the refund to my card 4111 1111 1111 1111, thanks",
        "card_number",
        "4111 1111 1111 1111",
    ),
    ("card: 5500-0000-0000-0004 (Mastercard)", "card_number", "5500-0000-0000-0004"),
    ("my visa is 4111111111111111.", "card_number", "4111111111111111"),
    ("退款请打到我的卡号 6222 0212 3456 7890 128 谢谢", "card_number", "6222 0212 3456 7890 128"),
    ("农行卡6228480012345671", "card_number", "6228480012345671"),
    ("step 3 4111 1111 1111 1111", "card_number", "4111 1111 1111 1111"),
    # IBANs (validated)
    (
        "My IBAN is DE89 3704 0044 0532 0130 00, can the deposit go there?",
        "iban",
        "DE89 3704 0044 0532 0130 00",
    ),
    ("wire it to GB82WEST12345698765432 please", "iban", "GB82WEST12345698765432"),
    ("iban: de89370400440532013000", "iban", "de89370400440532013000"),
    (
        "FR14 2004 1010 0505 0001 3M02 606 is our French account",
        "iban",
        "FR14 2004 1010 0505 0001 3M02 606",
    ),
    ("NL91ABNA0417164300.", "iban", "NL91ABNA0417164300"),
    # e-mail addresses
    ("my email is john.doe@example.com", "email", "john.doe@example.com"),
    ("联系邮箱：13800138000@qq.com", "email", "13800138000@qq.com"),
    (
        "write to shop-owner+refunds@mail.example.co.uk.",
        "email",
        "shop-owner+refunds@mail.example.co.uk",
    ),
    ("E-mail: Li.Wei_88@163.com thanks", "email", "Li.Wei_88@163.com"),
    # phone numbers
    ("call me on +86 138 0013 8000 after 6pm", "phone", "+86 138 0013 8000"),
    ("my phone +86 138-0013-8000", "phone", "+86 138-0013-8000"),
    ("请打我电话13800138000谢谢", "phone", "13800138000"),
    ("or 138 0013 8000", "phone", "138 0013 8000"),
    ("my russian number +7 912 345-67-89", "phone", "+7 912 345-67-89"),
    ("US office: +1 (415) 555-2671", "phone", "+1 (415) 555-2671"),
    ("US office: (415) 555-2671", "phone", "(415) 555-2671"),
    ("call 8 (912) 345-67-89", "phone", "8 (912) 345-67-89"),
    ("0086 138 0013 8000 is my WeChat", "phone", "0086 138 0013 8000"),
    ("电话：010-6552 9988", "phone", "010-6552 9988"),
    ("London: +44 20 7946 0958", "phone", "+44 20 7946 0958"),
    # unified social credit codes (validated)
    ("统一社会信用代码：91350100M000100Y43，请查收", "credit_code", VALID_USCC),
    ("our USCC is 91350100M000100Y43.", "credit_code", VALID_USCC),
    # bank accounts: long digit runs that are nothing more specific
    ("my account number is 6222 0212 3456 7890 121", "bank_account", "6222 0212 3456 7890 121"),
    ("工行账号6222021234567890121", "bank_account", LUHN_INVALID_19),
    ("account 40817810099910004312 at Sberbank", "bank_account", "40817810099910004312"),
    ("Luhn-invalid 1234 5678 9012 3456 is still masked", "bank_account", LUHN_INVALID_16),
    ("acct 12345678.", "bank_account", "12345678"),
    ("refund for order 8123456789012345 please", "bank_account", "8123456789012345"),
    ("refund request for order number 8123456789", "bank_account", "8123456789"),
    ("account 6217-0012-3456-7890", "bank_account", "6217-0012-3456-7890"),
]


NEGATIVES = [
    "I applied on 2026-10-19, when will I hear back?",
    "My store was closed on 19.10.2026",
    "I applied on 02/11",
    "submitted 2026/10/19 at 10:30",
    "on 10/19/2026 or 19-10-2026 or 10-19-2026",
    "deadline 20261019",
    "from 2026-10-19 to 2026-11-02",
    "2026-10-19 2026-11-02",
    "I sold there 2019-2024",
    "2026年10月19日申请的",
    "2 orders still shipping",
    "it takes 7 to 15 working days",
    "what is step 3?",
    "it's been 40 days and no answer",
    "1234",
    "order #12345 shipped",
    "my deposit is 10000 yuan",
    "the refund was ¥12,345.00, not ¥10,000",
    "they sent 12345678.50 USD instead",
    "Rasa 3.6.21 on Python 3.10",
    "open 10:00-18:00, Monday to Friday",
    "how do I get my deposit back?",
    "",
    "😀 谢谢！",
]


# ---------------------------------------------------------------------------------------------
# Generators for the property tests
# ---------------------------------------------------------------------------------------------

ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=()), max_size=200)

FRAGMENTS = st.sampled_from(
    VALID_CARDS
    + VALID_IBANS
    + [VALID_USCC, LUHN_INVALID_16, LUHN_INVALID_19, "+86 138 0013 8000", "13800138000"]
    + ["li@shop.cn", "2026-10-19", "19.10.2026", "02/11", "step 3", "40 days", "¥", ".50"]
    + list(PLACEHOLDERS.values())
    + [" ", "-", "(", ")", "+", "@", ".", "x", "DE", "账号", "１", "\u00a0"]
)
NUMBERISH_TEXT = st.lists(
    st.one_of(FRAGMENTS, st.text(alphabet="0123456789 -+()@./aZ", max_size=12)), max_size=25
).map("".join)
TEXTS = st.one_of(ANY_TEXT, NUMBERISH_TEXT)
