"""`make bench`: latency, throughput, memory and cold start of Refund Assistant, and of a bare
`rasa init` bot measured the same way in the same run, so our figures read as a ratio.

Prints figures only; nothing here asserts a target. Record what it prints, with the command and
the machine, in bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path

import psutil

from bench.load_test import BARE_RASA_CONVERSATIONS, REFUND_CONVERSATIONS, Result, run_load
from refund_assistant.launcher.local_bot import free_port, start_bot
from refund_assistant.launcher.scratch_services import two_server_cluster

RASA = Path(sys.executable).parent / "rasa"


def rss_mb(pid: int) -> float:
    try:
        return psutil.Process(pid).memory_info().rss / 1e6
    except psutil.NoSuchProcess:
        return float("nan")


def server_pids(root_pid: int) -> dict[str, int]:
    """The Rasa server and action server among a launcher's child processes."""
    found = {}
    for child in psutil.Process(root_pid).children(recursive=True):
        command = " ".join(child.cmdline())
        if "run actions" in command:
            found["action server"] = child.pid
        elif " run " in f"{command} " and "--model" in command:
            found["rasa server"] = child.pid
    return found


class PeakMemory:
    """Samples resident memory of some processes in the background while a load runs."""

    def __init__(self, pids: dict[str, int]):
        self.pids = pids
        self.peak = {name: 0.0 for name in pids}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            for name, pid in self.pids.items():
                self.peak[name] = max(self.peak[name], rss_mb(pid))
            time.sleep(0.2)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def wait_for_first_answer(url: str, started: float, timeout: float = 300) -> float:
    body = b'{"sender": "cold-start", "message": "hi"}'
    while time.monotonic() - started < timeout:
        try:
            request = urllib.request.Request(
                f"{url}/webhooks/rest/webhook",
                data=body,
                headers={"Content-Type": "application/json"},
            )
            with urllib.request.urlopen(request, timeout=5) as response:
                if response.status == 200:
                    return time.monotonic() - started
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"no answer from {url} within {timeout} s")


def measure(
    urls: Sequence[str],
    levels: Sequence[int],
    rounds: int,
    conversations: Sequence[Sequence[str]],
    pids: dict[str, int],
) -> dict[int, Result]:
    results = {}
    for sellers in levels:
        with PeakMemory(pids) as memory:
            results[sellers] = asyncio.run(run_load(urls, sellers, rounds, conversations))
        label = f"{sellers} seller{'s' if sellers > 1 else ''}"
        print("  " + results[sellers].line(label), flush=True)
        if sellers > 1:
            print("    slowest turns (median):", flush=True)
            for line in results[sellers].slowest():
                print(f"      {line}", flush=True)
        print(
            "    peak RSS under load: "
            + ", ".join(f"{name} {mb:.0f} MB" for name, mb in memory.peak.items()),
            flush=True,
        )
    return results


def bench_refund_assistant(levels, rounds, env: dict[str, str] | None = None) -> dict[int, Result]:
    print("Refund Assistant (make run's servers: Rasa + action server + SQLite tracker store)")
    started = time.monotonic()
    bot = start_bot(env=env)
    try:
        cold = wait_for_first_answer(bot.url, started)
        pids = server_pids(bot.process.pid)
        print(f"  cold start (launch to first answer): {cold:.1f} s")
        print("  idle RSS: " + ", ".join(f"{n} {rss_mb(p):.0f} MB" for n, p in pids.items()))
        return measure([bot.url], levels, rounds, REFUND_CONVERSATIONS, pids)
    finally:
        bot.stop()


def bench_bare_rasa(levels, rounds) -> dict[int, Result]:
    print("Bare Rasa bot (rasa init, trained in a temporary folder, in-memory tracker store)")
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [str(RASA), "init", "--no-prompt", "--init-dir", folder],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2"),
        )
        port = free_port()
        started = time.monotonic()
        process = subprocess.Popen(
            [
                str(RASA),
                "run",
                "--model",
                "models",
                "--port",
                str(port),
                "--interface",
                "127.0.0.1",
            ],
            cwd=folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2"),
        )
        try:
            url = f"http://127.0.0.1:{port}"
            cold = wait_for_first_answer(url, started)
            print(f"  cold start (launch to first answer): {cold:.1f} s")
            print(f"  idle RSS: rasa server {rss_mb(process.pid):.0f} MB")
            return measure(
                [url], levels, rounds, BARE_RASA_CONVERSATIONS, {"rasa server": process.pid}
            )
        finally:
            process.terminate()
            process.wait(timeout=60)


def bench_cluster(levels, rounds) -> dict[int, Result]:
    """The production profile on this machine: two Rasa servers (each with its action server)
    sharing PostgreSQL and Redis, a seller's messages alternating between them."""
    print("Production profile (2 Rasa servers + 2 action servers, PostgreSQL, Redis lock store)")
    with two_server_cluster() as (_, first, second):
        pids = {
            f"{name} {i}": pid
            for i, bot in enumerate((first, second), 1)
            for name, pid in server_pids(bot.process.pid).items()
        }
        return measure([first.url, second.url], levels, rounds, REFUND_CONVERSATIONS, pids)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", default="1,10,50", help="concurrent sellers per run")
    parser.add_argument("--rounds", type=int, default=3, help="conversations per seller")
    parser.add_argument("--skip-bare", action="store_true", help="don't measure the bare bot")
    parser.add_argument(
        "--profile",
        choices=("single", "cluster"),
        default="single",
        help="cluster: the two-server production profile instead",
    )
    args = parser.parse_args()
    levels = [int(n) for n in args.levels.split(",")]
    if args.profile == "cluster":
        bench_cluster(levels, args.rounds)
        return 0

    ours = bench_refund_assistant(levels, args.rounds)
    if args.skip_bare:
        return 0
    bare = bench_bare_rasa(levels, args.rounds)
    print("Refund Assistant / bare Rasa: median latency, p95 latency, throughput")
    for sellers in levels:
        mine, theirs = ours[sellers], bare[sellers]
        print(
            f"  {sellers:3d} sellers: {mine.median / theirs.median:.2f}  "
            f"{mine.percentile(95) / theirs.percentile(95):.2f}  "
            f"{mine.throughput / theirs.throughput:.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
