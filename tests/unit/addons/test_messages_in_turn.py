"""Messages handled a few at a time, first come first served (addons/messages_in_turn.py)."""

import asyncio

import pytest
from rasa.core.agent import Agent

from addons import messages_in_turn


@pytest.fixture
def slow_agent(monkeypatch):
    """Agent.handle_message replaced by one that records when each message starts and ends and
    awaits several times in between, as a turn with action-server calls does."""
    log = []

    async def handle(agent, message):
        log.append(("start", message))
        for _ in range(5):
            await asyncio.sleep(0.001)
        log.append(("end", message))
        return [message]

    monkeypatch.setattr(messages_in_turn, "_handle_message", handle)
    monkeypatch.setattr(Agent, "handle_message", Agent.handle_message)
    return log


async def send_all(count):
    agent = Agent.__new__(Agent)
    return await asyncio.gather(*(agent.handle_message(n) for n in range(count)))


async def test_at_most_the_limit_in_progress_and_started_in_arrival_order(slow_agent):
    messages_in_turn.install(2)
    answers = await send_all(8)
    assert answers == [[n] for n in range(8)]  # every message answered, none lost
    in_progress, most = 0, 0
    for kind, _ in slow_agent:
        in_progress += 1 if kind == "start" else -1
        most = max(most, in_progress)
    assert most == 2
    assert [n for kind, n in slow_agent if kind == "start"] == list(range(8))


async def test_without_the_gate_all_messages_interleave(slow_agent):
    # the contrast that makes the tail: every message in progress at once
    messages_in_turn.install(100)
    await send_all(8)
    assert [kind for kind, _ in slow_agent[:8]] == ["start"] * 8
