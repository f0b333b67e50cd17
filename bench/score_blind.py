"""Blind end-to-end score: the real bot, over REST, on the labelled sets in tests/blind/.

    python -m bench.score_blind tests/blind/en_set1.yml [more sets] [--json out.json]
        [--url http://127.0.0.1:5005 --token T] [--concurrency 4]

Why end to end: the NLU test set says whether the intent was right; sellers only see replies.
Each message gets a fresh conversation (its `context` sent first), then its reply texts are
turned back into response names and judged by `refund_assistant.evaluation` (rules there),
and its text is parsed once more over /model/parse for the NLU figure. Without --url it starts
the bot itself (`local_bot.start_bot`, Rasa HTTP API on with a random token) and stops it.

Prints figures only and exits 0 whatever they are (gates live elsewhere); it exits 2 only when
it cannot measure at all (no set file, no model, bot unreachable).
"""

from __future__ import annotations

import argparse
import json
import secrets
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from refund_assistant import intents
from refund_assistant.evaluation.expectations import (
    Judge,
    Judgement,
    LabelledMessage,
    expected_window_response,
    rule_answers,
)
from refund_assistant.evaluation.replies import ReplyMatcher
from refund_assistant.launcher.local_bot import MODEL, start_bot
from refund_assistant.review.window import today_in
from refund_assistant.settings import PROJECT_ROOT, Settings


class BotClient:
    """The two HTTP calls the score needs: the REST channel and Rasa's /model/parse."""

    def __init__(self, url: str, token: str | None, timeout: float = 90) -> None:
        self.url, self.token, self.timeout = url.rstrip("/"), token, timeout

    def _post(self, path: str, body: dict[str, Any]) -> Any:
        request = urllib.request.Request(
            self.url + path,
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            return json.loads(response.read() or b"null")

    def ping(self) -> None:
        """Raises OSError (URLError) when nothing answers at the URL."""
        with urllib.request.urlopen(self.url + "/", timeout=10):
            pass

    def say(self, sender: str, text: str) -> list[str]:
        replies = self._post("/webhooks/rest/webhook", {"sender": sender, "message": text})
        return [reply["text"] for reply in replies or [] if reply.get("text")]

    def parse(self, text: str) -> tuple[str | None, float]:
        query = "?" + urllib.parse.urlencode({"token": self.token}) if self.token else ""
        intent = (self._post("/model/parse" + query, {"text": text}) or {}).get("intent") or {}
        return intent.get("name"), float(intent.get("confidence") or 0.0)


@dataclass
class Outcome:
    message: LabelledMessage
    texts: list[str]
    judgement: Judgement
    nlu_intent: str | None = None
    nlu_confidence: float = 0.0
    expected_window: str | None = None
    error: str | None = None


def run_one(client: BotClient, judge: Judge, message: LabelledMessage, today: date) -> Outcome:
    """One message in a conversation of its own: context first, then the message."""
    submitted = message.submission_on(today)
    window = expected_window_response(submitted, today) if submitted else None
    texts: list[str] = []
    error = None
    intent, confidence = None, 0.0
    try:
        sender = f"blind-{message.id}-{uuid.uuid4().hex[:12]}"
        for turn in message.context:
            client.say(sender, turn)
        texts = client.say(sender, message.text)
        intent, confidence = client.parse(message.text)
    except (urllib.error.URLError, OSError, ValueError) as failure:
        error = f"{type(failure).__name__}: {failure}"
    judgement = judge.judge(message, texts, window)
    return Outcome(message, texts, judgement, intent, confidence, window, error)


def _rate(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.1f} %)" if whole else "n/a"


def summarise(outcomes: list[Outcome]) -> dict[str, Any]:
    """The headline figures, per-intent rows and failure kinds of one set."""
    in_scope = [o for o in outcomes if o.message.intent != intents.OUT_OF_SCOPE]
    out_scope = [o for o in outcomes if o.message.intent == intents.OUT_OF_SCOPE]
    parsed = [o for o in outcomes if o.nlu_intent is not None]
    undated = [o for o in outcomes if o.judgement.answered_first is not None]
    dated = [o for o in outcomes if o.expected_window is not None]
    lenient_dated = [
        o for o in dated if o.judgement.correct or o.judgement.kind == "wrong_window_type"
    ]
    counts = {
        "messages": len(outcomes),
        "intent_accuracy": _count(
            sum(o.nlu_intent == o.message.intent for o in parsed), len(parsed)
        ),
        "end_to_end_correct": _count(sum(o.judgement.correct for o in outcomes), len(outcomes)),
        "fallback_in_scope": _count(sum(o.judgement.fallback for o in in_scope), len(in_scope)),
        "out_of_scope_declined": _count(
            sum(o.judgement.declined for o in out_scope), len(out_scope)
        ),
        "in_scope_declined": _count(sum(o.judgement.declined for o in in_scope), len(in_scope)),
        "review_deadline_undated_correct": _count(
            sum(o.judgement.correct for o in undated), len(undated)
        ),
        "review_deadline_undated_answered_first": _count(
            sum(bool(o.judgement.answered_first) for o in undated), len(undated)
        ),
        "dated_window_type_as_expected": _count(
            sum(bool(o.judgement.window_type_ok) for o in dated), len(dated)
        ),
        "dated_correct_any_window_type": _count(len(lenient_dated), len(dated)),
        "unrecognised_reply_texts": sum(o.judgement.responses.count(None) for o in outcomes),
        "http_errors": sum(o.error is not None for o in outcomes),
    }
    rows: dict[str, Counter[str]] = {}
    for o in outcomes:
        row = rows.setdefault(o.message.intent, Counter())
        row["n"] += 1
        row["nlu_ok"] += o.nlu_intent == o.message.intent
        row["correct"] += o.judgement.correct
        row["fallback"] += o.judgement.fallback
        row["declined"] += o.judgement.declined
    failed = [o for o in outcomes if not o.judgement.correct]
    return {
        "summary": counts,
        "per_intent": {intent: dict(row) for intent, row in sorted(rows.items())},
        "failure_kinds": dict(Counter(o.judgement.kind for o in failed).most_common()),
        "failures": [_failure(o) for o in failed],
        "nlu_misses": [_failure(o) for o in parsed if o.nlu_intent != o.message.intent],
    }


def _count(part: int, whole: int) -> dict[str, Any]:
    return {"n": part, "of": whole, "rate": round(part / whole, 4) if whole else None}


def _failure(o: Outcome) -> dict[str, Any]:
    return {
        "id": o.message.id,
        "text": o.message.text,
        "context": list(o.message.context),
        "expected_intent": o.message.intent,
        "expected": o.judgement.expected,
        "kind": o.judgement.kind,
        "nlu_intent": o.nlu_intent,
        "nlu_confidence": round(o.nlu_confidence, 3),
        "responses": [name or "<unrecognised>" for name in o.judgement.responses],
        "reply_texts": o.texts,
        "error": o.error,
    }


LABELS = {
    "intent_accuracy": "intent accuracy (NLU)",
    "end_to_end_correct": "end-to-end correct replies",
    "fallback_in_scope": "fallback rate, in-scope messages",
    "out_of_scope_declined": "out-of-scope decline rate",
    "in_scope_declined": "in-scope messages declined as off-topic",
    "review_deadline_undated_correct": "undated review question: answered or asked date",
    "review_deadline_undated_answered_first": "undated review question: answered_first",
    "dated_window_type_as_expected": "dated: window type as the date calls for",
    "dated_correct_any_window_type": "dated: correct if any window type counted",
}


def print_report(path: Path, today: date, result: dict[str, Any], sealed: bool = False) -> None:
    summary = result["summary"]
    print(f"\n=== {path}  ({summary['messages']} messages, today {today} in review time zone)")
    for key, label in LABELS.items():
        print(f"  {label:<52} {_rate(summary[key]['n'], summary[key]['of'])}")
    print(f"  {'reply texts matching no response':<52} {summary['unrecognised_reply_texts']}")
    print(f"  {'messages with an HTTP error':<52} {summary['http_errors']}")
    print(f"\n  {'intent':<24}{'n':>4}{'NLU':>6}{'e2e':>6}{'fallbk':>8}{'declin':>8}")
    for intent, row in result["per_intent"].items():
        print(
            f"  {intent:<24}{row['n']:>4}{row['nlu_ok']:>6}{row['correct']:>6}"
            f"{row['fallback']:>8}{row['declined']:>8}"
        )
    print("\n  failure kinds: " + ", ".join(f"{k} {v}" for k, v in result["failure_kinds"].items()))
    if sealed:
        print("\n  (a sealed set: its misses are not shown, so nobody tunes against them)")
        return
    print(f"\n  failures ({len(result['failures'])}):")
    for f in result["failures"]:
        context = f"  (after {f['context']})" if f["context"] else ""
        print(f"  - {f['id']} [{f['kind']}] {f['text']!r}{context}")
        print(f"      expected: {f['expected_intent']} -> {f['expected']}")
        print(
            f"      got:      nlu={f['nlu_intent']} ({f['nlu_confidence']}) -> "
            f"{', '.join(f['responses']) or 'no reply'}"
            + (f"  ERROR {f['error']}" if f["error"] else "")
        )


def load_set(path: Path) -> tuple[list[LabelledMessage], bool]:
    """The set's messages, and whether it is sealed (`sealed: true`): scored, never read."""
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    messages = [LabelledMessage.from_dict(raw) for raw in document.get("messages") or []]
    return messages, bool(document.get("sealed"))


def make_judge() -> Judge:
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    rules = [
        yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((PROJECT_ROOT / "data" / "rules").glob("*.yml"))
    ]
    return Judge(ReplyMatcher(domain.get("responses") or {}), rule_answers(rules))


def score(paths: list[Path], client: BotClient, concurrency: int) -> dict[str, Any]:
    judge = make_judge()
    today = today_in(Settings.from_env().review_timezone)
    report: dict[str, Any] = {"today": today.isoformat(), "sets": {}}
    for path in paths:
        messages, sealed = load_set(path)
        with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
            outcomes = list(pool.map(lambda m: run_one(client, judge, m, today), messages))
        result = summarise(outcomes)
        print_report(path, today, result, sealed)
        if sealed:
            result = {k: v for k, v in result.items() if k not in ("failures", "nlu_misses")}
        report["sets"][str(path)] = result
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sets", nargs="+", type=Path, help="blind set YAML files")
    parser.add_argument("--json", type=Path, help="also write the full results here")
    parser.add_argument("--url", help="a running bot's Rasa URL (default: start one)")
    parser.add_argument("--token", help="that bot's RASA_API_TOKEN, for /model/parse")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument(
        "--model",
        type=Path,
        default=MODEL,
        help="the trained model to start the bot with (default: make train's)",
    )
    args = parser.parse_args(argv)
    missing = [str(p) for p in args.sets if not p.is_file()]
    if missing:
        print(f"no such set: {', '.join(missing)}", file=sys.stderr)
        return 2
    bot = None
    if args.url:
        client = BotClient(args.url, args.token)
        try:
            client.ping()
        except OSError as error:
            print(f"no bot answers at {args.url}: {error}", file=sys.stderr)
            return 2
    else:
        if not args.model.exists():
            print(f"no trained model at {args.model}: run `make train` first", file=sys.stderr)
            return 2
        token = secrets.token_urlsafe(24)
        try:
            bot = start_bot(env={"RASA_API_TOKEN": token, "RASA_MODEL": str(args.model.resolve())})
        except RuntimeError as error:
            print(f"could not start the bot: {error}", file=sys.stderr)
            return 2
        client = BotClient(bot.url, token)
    try:
        report = score(args.sets, client, args.concurrency)
    finally:
        if bot is not None:
            bot.stop()
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
