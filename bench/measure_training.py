"""Prints training time (cold and warm cache), model size and held-out NLU accuracy.

Run with `make bench-training`. Figures go into bench/RESULTS.md by hand, with the machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from refund_assistant.settings import PROJECT_ROOT

RASA = Path(sys.executable).parent / "rasa"
HELDOUT = PROJECT_ROOT / "tests" / "nlu" / "heldout_nlu.yml"


def timed_train(out_dir: Path, cache_dir: Path) -> float:
    """A training run into an empty `out_dir`: cold with an empty `cache_dir`, warm when an
    earlier run filled it (Rasa then restores unchanged components instead of training them)."""
    env = dict(os.environ, RASA_CACHE_DIRECTORY=str(cache_dir), TF_CPP_MIN_LOG_LEVEL="2")
    started = time.perf_counter()
    subprocess.run(
        [str(RASA), "train", "--out", str(out_dir), "--fixed-model-name", "bench"],
        cwd=PROJECT_ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def heldout_accuracy(model: Path, out_dir: Path) -> float:
    subprocess.run(
        [
            str(RASA),
            "test",
            "nlu",
            "--model",
            str(model),
            "--nlu",
            str(HELDOUT),
            "--out",
            str(out_dir),
        ],
        cwd=PROJECT_ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2"),
    )
    return json.loads((out_dir / "intent_report.json").read_text())["accuracy"]


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        scratch_dir = Path(scratch)
        cache = scratch_dir / "cache"
        cold = timed_train(scratch_dir / "cold", cache)
        warm = timed_train(scratch_dir / "warm", cache)
        model = scratch_dir / "cold" / "bench.tar.gz"
        size_mb = model.stat().st_size / 1e6
        accuracy = heldout_accuracy(model, scratch_dir / "nlu")
    print(f"training, cold cache:  {cold:6.1f} s")
    print(f"training, warm cache:  {warm:6.1f} s")
    print(f"model size:            {size_mb:6.1f} MB")
    print(f"held-out NLU accuracy: {accuracy:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
