"""The report's charts, drawn as PNGs and embedded in the page as base64.

Why embedded PNGs: the page is one file that a support lead can mail or archive and open
anywhere, offline, without a script loading a chart library from the internet. matplotlib's
object API (no pyplot) draws without a display and without global state.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from datetime import timedelta

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import DateFormatter, DayLocator
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, PercentFormatter

from refund_assistant.report.metrics import DayCounts, Report

TOPICS_IN_CHART = 15
BAR_COLOUR = "#2f6fb5"
# Answered, unanswered, handed off: the outcomes of a conversation, one colour each.
OUTCOME_COLOURS = ("#2f6fb5", "#e0a030", "#8a94a6")


def _chart_label(text: str, width: int = 40) -> str:
    text = text if len(text) <= width else text[: width - 1] + "…"
    return text.replace("$", r"\$")  # matplotlib would read $…$ as maths


def _png(figure: Figure) -> str:
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _bar_chart(items: Sequence[tuple[str, float]], xlabel: str, as_percent: bool) -> str:
    figure = Figure(figsize=(7, 0.45 * len(items) + 1.0))
    axes = figure.add_subplot()
    labels = [_chart_label(label) for label, _ in items][::-1]
    values = [value * 100 if as_percent else value for _, value in items][::-1]
    bars = axes.barh(labels, values, color=BAR_COLOUR)
    value_labels = [f"{v:.1f}%" if as_percent else f"{v:g}" for v in values]
    axes.bar_label(bars, labels=value_labels, padding=3)
    axes.set_xlabel(xlabel)
    axes.set_xlim(0, max(values + [1]) * 1.15)
    if as_percent:
        axes.xaxis.set_major_formatter(PercentFormatter(decimals=None))
    else:
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def _language_chart(report: Report) -> str:
    """One bar per language with conversations: answered, unanswered and handed-off shares of
    its conversations, stacked, each labelled with its count. Labels are words (no emoji, no
    Chinese characters), so the default font draws them all."""
    languages = [(name, f) for name, f in report.by_language.items() if f.conversations]
    figure = Figure(figsize=(7, 0.6 * len(languages) + 1.4))
    axes = figure.add_subplot()
    labels = [f"{_chart_label(name)}: {f.conversations}" for name, f in languages][::-1]
    left = [0.0] * len(languages)
    outcomes = [
        ("answered", [f.answered for _, f in languages]),
        ("unanswered", [f.unanswered_conversations for _, f in languages]),
        ("handed off", [f.handed_off for _, f in languages]),
    ]
    for (outcome, counts), colour in zip(outcomes, OUTCOME_COLOURS, strict=True):
        counts = counts[::-1]
        totals = [f.conversations for _, f in languages][::-1]
        widths = [count / total * 100 for count, total in zip(counts, totals, strict=True)]
        bars = axes.barh(labels, widths, left=left, color=colour, label=outcome)
        axes.bar_label(
            bars, labels=[str(c) if c else "" for c in counts], label_type="center", color="white"
        )
        left = [a + b for a, b in zip(left, widths, strict=True)]
    axes.set_xlabel("share of the language's conversations (their number after its name)")
    axes.set_xlim(0, 100)
    axes.xaxis.set_major_formatter(PercentFormatter(decimals=None))
    axes.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def _trend_chart(daily: Sequence[DayCounts]) -> str:
    figure = Figure(figsize=(8, 3.5))
    axes = figure.add_subplot()
    days = [d.day for d in daily]
    axes.plot(days, [d.conversations for d in daily], marker="o", label="conversations")
    axes.plot(days, [d.answered for d in daily], marker="o", label="answered conversations")
    axes.plot(days, [d.unanswered for d in daily], marker="o", label="unanswered conversations")
    axes.plot(days, [d.handed_off for d in daily], marker="o", label="handed-off conversations")
    axes.plot(days, [d.fallback_messages for d in daily], marker="o", label="fallback messages")
    axes.set_ylim(bottom=0)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlim(days[0] - timedelta(days=1), days[-1] + timedelta(days=1))
    axes.xaxis.set_major_locator(DayLocator(interval=max(1, len(days) // 10)))
    axes.xaxis.set_major_formatter(DateFormatter("%Y-%m-%d"))
    axes.legend(frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    axes.spines[["top", "right"]].set_visible(False)
    figure.autofmt_xdate()
    return _png(figure)


def charts(report: Report) -> dict[str, str | None]:
    """Base64 PNGs (None when there is nothing to draw)."""
    if not report.conversations:
        return {"handoffs": None, "languages": None, "topics": None, "trend": None}
    return {
        "languages": _language_chart(report),
        "handoffs": _bar_chart(
            [(reason, report.handoff_rate_for(reason)) for reason in report.handoffs_by_reason],
            "share of all conversations handed off for this reason",
            as_percent=True,
        ),
        "topics": _bar_chart(report.topics[:TOPICS_IN_CHART], "seller messages", as_percent=False)
        if report.topics
        else None,
        "trend": _trend_chart(report.daily),
    }
