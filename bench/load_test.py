"""Load generator: many sellers, each holding a realistic multi-turn conversation over REST.

An asyncio client (aiohttp): every simulated seller sends its next message only after the bot
answered the previous one, as a person in a chat would, so latency is measured per message and
throughput is what the server sustains, not what a flood of requests can queue.
"""

from __future__ import annotations

import asyncio
import statistics
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

import aiohttp

# What sellers send to Refund Assistant: FAQ questions, an eligibility check with follow-ups,
# a review-window question.
REFUND_CONVERSATIONS: Sequence[Sequence[str]] = (
    (
        "hi",
        "how do I get my deposit back?",
        "what documents do I need?",
        "how long does the review take?",
        "thanks",
    ),
    (
        "am I eligible for the refund?",
        "yes the store is cancelled",
        "no pending orders",
        "no",
        "no",
        "ok walk me through it",
        "next",
    ),
    ("I applied on 2 November, when will I hear back?", "what if they reject it?", "bye"),
    (
        "my store is closed but a buyer opened a dispute",
        "no",
        "no",
        "actually the dispute was closed yesterday",
        "which documents?",
    ),
    # and in Chinese: a question, the store check from one description, the seller's dates
    (
        "你好",
        "保证金怎么退",
        "店铺已经注销了，没有未完成的订单，也没有违规和纠纷",
        "我11月3号提交的",
        "谢谢",
    ),
)
# The same shape of conversation for the bot `rasa init` creates.
BARE_RASA_CONVERSATIONS: Sequence[Sequence[str]] = (
    ("hi", "I am sad", "yes", "bye"),
    ("hello", "great", "are you a bot?", "goodbye"),
    ("hey", "not good", "no", "bye"),
)


@dataclass
class Result:
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    # each message text's latencies, so the tail can be traced to the turns that make it
    by_message: dict[str, list[float]] = field(default_factory=dict)
    wall_seconds: float = 0.0

    @property
    def messages(self) -> int:
        return len(self.latencies_ms)

    def percentile(self, p: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))
        return ordered[index]

    @property
    def median(self) -> float:
        return statistics.median(self.latencies_ms) if self.latencies_ms else float("nan")

    @property
    def throughput(self) -> float:
        return self.messages / self.wall_seconds if self.wall_seconds else 0.0

    def line(self, label: str) -> str:
        return (
            f"{label:<28} msgs {self.messages:5d}  errors {self.errors:3d}  "
            f"p50 {self.percentile(50):7.1f} ms  p95 {self.percentile(95):7.1f} ms  "
            f"p99 {self.percentile(99):7.1f} ms  {self.throughput:6.1f} msg/s"
        )

    def slowest(self, count: int = 6) -> list[str]:
        """The messages with the highest median latency: where the tail comes from."""
        medians = {text: statistics.median(times) for text, times in self.by_message.items()}
        ordered = sorted(medians, key=medians.get, reverse=True)[:count]
        return [f"{medians[text]:7.1f} ms  {text}" for text in ordered]


async def _seller(
    session: aiohttp.ClientSession,
    urls: Sequence[str],
    conversation: Sequence[str],
    rounds: int,
    result: Result,
) -> None:
    sent = 0
    for _ in range(rounds):
        sender = f"bench-{uuid.uuid4().hex[:12]}"
        for message in conversation:
            url = urls[sent % len(urls)]  # several servers: each message to the next one
            sent += 1
            started = time.perf_counter()
            try:
                async with session.post(
                    url, json={"sender": sender, "message": message}
                ) as response:
                    body = await response.json(content_type=None)
                    ok = response.status == 200 and isinstance(body, list) and body
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
                ok = False
            elapsed = (time.perf_counter() - started) * 1000
            if ok:
                result.latencies_ms.append(elapsed)
                result.by_message.setdefault(message, []).append(elapsed)
            else:
                result.errors += 1


async def run_load(
    base_urls: Sequence[str], sellers: int, rounds: int, conversations: Sequence[Sequence[str]]
) -> Result:
    """`sellers` concurrent sellers, each holding `rounds` conversations in a row; with several
    servers, a seller's messages go to them in turn, as behind a load balancer without sticky
    sessions."""
    urls = [f"{base_url}/webhooks/rest/webhook" for base_url in base_urls]
    result = Result()
    timeout = aiohttp.ClientTimeout(total=60)
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        started = time.perf_counter()
        await asyncio.gather(
            *(
                _seller(session, urls, conversations[i % len(conversations)], rounds, result)
                for i in range(sellers)
            )
        )
        result.wall_seconds = time.perf_counter() - started
    return result
