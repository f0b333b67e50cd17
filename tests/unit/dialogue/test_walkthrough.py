import pytest

from refund_assistant.dialogue import walkthrough


@pytest.mark.parametrize(
    "text, number",
    [
        ("what is step 3?", 3),
        ("step3", 3),
        ("tell me the third step", 3),
        ("what do i do in step five", 5),
        ("explain the first step", 1),
        ("show step 1 again", 1),
        ("the 4th step please", 4),
        ("step two?", 2),
        ("steps no. 2", 2),
        ("what about step 7", 7),
        ("second one", 2),
        ("what is the step after the deposit page", None),
        ("", None),
        ("第三步是什么", 3),
        ("第3步", 3),
        ("第 3 步怎么做", 3),
        ("步骤3", 3),
        ("步驟五", 5),
        ("第二步要干嘛", 2),
        ("我想看第二个步骤", 2),
        ("最后一步呢", 5),
        ("第十步", 10),
        ("下一步", None),
        ("step 2是什么", 2),
        ("step3怎么弄", 3),
    ],
)
def test_parse_step_number(text, number):
    assert walkthrough.parse_step_number(text) == number


def test_next_walks_from_the_first_step_to_the_end():
    assert walkthrough.next_from(None) == walkthrough.Move(step=1)
    assert walkthrough.next_from(1) == walkthrough.Move(step=2)
    assert walkthrough.next_from(4) == walkthrough.Move(step=5)
    assert walkthrough.next_from(5) == walkthrough.Move(step=None, finished=True)


def test_back_stops_at_the_first_step():
    assert walkthrough.back_from(3) == walkthrough.Move(step=2)
    assert walkthrough.back_from(1) == walkthrough.Move(step=1, at_start=True)
    assert walkthrough.back_from(None) == walkthrough.Move(step=1, at_start=True)


@pytest.mark.parametrize("number", [1, 2, 3, 4, 5])
def test_jump_to_an_existing_step(number):
    assert walkthrough.jump_to(number) == walkthrough.Move(step=number)
    assert walkthrough.step_response(number) == f"utter_step_{number}"


@pytest.mark.parametrize("number", [None, 0, 6, 7])
def test_jump_to_a_missing_step_asks_which_one(number):
    assert walkthrough.jump_to(number) == walkthrough.Move(step=None, unknown_step=True)
