"""Fails `make test` when intent accuracy on the held-out NLU test set drops below the bar.

`rasa test nlu` reports accuracy but never fails on it; the report's per-intent lines also
show which intents to improve (with new training phrasings, never by moving test examples).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path, help="intent_report.json written by rasa test nlu")
    parser.add_argument("--min", type=float, required=True, help="minimum accuracy, 0..1")
    args = parser.parse_args()

    report = json.loads(args.report.read_text())
    accuracy = report["accuracy"]
    weak = sorted(
        (name, scores["f1-score"], scores["support"])
        for name, scores in report.items()
        if isinstance(scores, dict)
        and "support" in scores
        and scores["f1-score"] < 0.9
        and name not in {"macro avg", "weighted avg", "micro avg"}
    )
    print(f"Held-out intent accuracy: {accuracy:.3f} (minimum {args.min:.2f})")
    for name, f1, support in weak:
        print(f"  weak intent {name}: f1 {f1:.2f} on {support} examples")
    if accuracy < args.min:
        print("NLU accuracy is below the minimum.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
