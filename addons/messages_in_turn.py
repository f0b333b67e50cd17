"""Seller messages are handled a few at a time, the rest waiting their turn in arrival order.

Rasa handles every message as one asyncio task on one event loop, and each await inside it
(a call to the action server, a form's validation) sends the task to the back of the loop's
queue. With fifty sellers writing at once, a store-check turn that calls the action server three
times waits behind the other forty-nine messages three times, while an FAQ answer waits once:
the tail of the latency is made by the number of round trips, not by the work. Admitting only a
few messages at once (`MESSAGES_IN_PROGRESS`, default 4) makes every message wait once, in order,
and then run nearly alone, so its latency is the queue plus its own work. The few in progress
keep the CPU busy while one of them waits for the action server, so throughput stays the same.

anyio's CapacityLimiter hands a freed slot to the longest-waiting message; asyncio's Semaphore
in Python 3.10 lets a newcomer take it first, which would bring the unfair tail back.
"""

from __future__ import annotations

from typing import Any

import anyio
from rasa.core.agent import Agent

_handle_message = Agent.handle_message


def install(messages_in_progress: int) -> None:
    """Makes every channel's messages go through `Agent.handle_message` at most
    `messages_in_progress` at a time, first come first served."""
    limiter: anyio.CapacityLimiter | None = None

    async def handle_in_turn(agent: Agent, message: Any) -> Any:
        nonlocal limiter
        if limiter is None:  # anyio needs the running event loop to make one
            limiter = anyio.CapacityLimiter(messages_in_progress)
        async with limiter:
            return await _handle_message(agent, message)

    Agent.handle_message = handle_in_turn  # type: ignore[method-assign]
