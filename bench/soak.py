"""`make bench-soak`: Refund Assistant under a steady load for a long time, to see whether its
memory grows. 10 sellers hold conversations without pause (the `make bench` mix, English and
Chinese) for --minutes; the Rasa server's and action server's resident memory is sampled every
--every seconds. Prints errors, latency, and memory at the start of the load, at the end and the
growth in between; asserts nothing.

    python -m bench.soak --minutes 30 --sellers 10
"""

from __future__ import annotations

import argparse
import asyncio
import time

from bench.load_test import REFUND_CONVERSATIONS, Result, run_load
from bench.run_bench import rss_mb, server_pids, wait_for_first_answer
from refund_assistant.launcher.local_bot import start_bot


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--sellers", type=int, default=10)
    parser.add_argument("--every", type=float, default=60, help="seconds between memory samples")
    args = parser.parse_args()

    started = time.monotonic()
    bot = start_bot()
    try:
        wait_for_first_answer(bot.url, started)
        pids = server_pids(bot.process.pid)
        # A first short load, so that what is loaded lazily is in memory before the baseline.
        asyncio.run(run_load([bot.url], args.sellers, 1, REFUND_CONVERSATIONS))
        baseline = {name: rss_mb(pid) for name, pid in pids.items()}
        print("baseline RSS after warm-up: " + _memory(baseline), flush=True)
        total, deadline = Result(), time.monotonic() + args.minutes * 60
        next_sample = time.monotonic() + args.every
        load_started = time.perf_counter()
        while time.monotonic() < deadline:
            batch = asyncio.run(run_load([bot.url], args.sellers, 1, REFUND_CONVERSATIONS))
            total.latencies_ms += batch.latencies_ms
            total.errors += batch.errors
            if time.monotonic() >= next_sample:
                minute = (args.minutes * 60 - (deadline - time.monotonic())) / 60
                now = {name: rss_mb(pid) for name, pid in pids.items()}
                print(
                    f"  {minute:5.1f} min  {_memory(now)}  errors so far {total.errors}", flush=True
                )
                next_sample += args.every
        total.wall_seconds = time.perf_counter() - load_started
        final = {name: rss_mb(pid) for name, pid in pids.items()}
        print(total.line(f"{args.sellers} sellers, {args.minutes:g} min"))
        for name, mb in final.items():
            growth = (mb - baseline[name]) / baseline[name] * 100
            print(f"  {name}: {baseline[name]:.0f} MB -> {mb:.0f} MB ({growth:+.1f} %)")
    finally:
        bot.stop()
    return 0


def _memory(sample: dict[str, float]) -> str:
    return ", ".join(f"{name} {mb:.0f} MB" for name, mb in sample.items())


if __name__ == "__main__":
    raise SystemExit(main())
