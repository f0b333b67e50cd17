"""The report's two outputs: the HTML page and the few lines printed in the terminal.

Why a template file: the page's markup and style are edited as HTML, with a template engine
that escapes every inserted text (sellers type anything, `<script>` included) and stops on any
name it does not know instead of printing nothing. The terminal summary shows the headline
figures, overall and by language, so a run in a shell or a CI log needs no browser. Both label every figure in words, never
an emoji: a viewer without an emoji font would see empty boxes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from refund_assistant.report.charts import charts
from refund_assistant.report.database import shown
from refund_assistant.report.metrics import DEFINITIONS, Figures, Report

TEMPLATE_DIR = Path(__file__).resolve().parent
TEMPLATE = "template.html.j2"
ALL_LANGUAGES = "all languages"


def percent(value: float) -> str:
    return f"{value * 100:.1f}%"


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )


def language_columns(report: Report) -> list[tuple[str, Figures]]:
    """The columns of the page's table by language: each language, then all of them."""
    return [*report.by_language.items(), (ALL_LANGUAGES, report)]


def render_html(
    report: Report, generated_at: datetime, source: str, tickets: Sequence[dict[str, Any]] = ()
) -> str:
    """The self-contained page; every inserted text is escaped by jinja2's autoescape."""
    return (
        _environment()
        .get_template(TEMPLATE)
        .render(
            r=report,
            language_columns=language_columns(report),
            tickets=tickets,
            pct=percent,
            charts=charts(report),
            definitions=DEFINITIONS,
            generated_at=generated_at.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            source=shown(source),
        )
    )


def _language_line(figures: Figures, all_conversations: int) -> str:
    return (
        f"{figures.conversations} of {all_conversations} conversations: answered {figures.answered} "
        f"({percent(figures.answered_rate)}), unanswered {figures.unanswered_conversations} "
        f"({percent(figures.unanswered_rate)}), handed off {figures.handed_off} "
        f"({percent(figures.handoff_rate)}); feedback helpful {figures.helpful} / not helpful "
        f"{figures.not_helpful}"
    )


def summary_text(report: Report, html_path: Path) -> str:
    """The headline figures, for the terminal."""
    handoffs = ", ".join(
        f"{reason} {count} ({percent(report.handoff_rate_for(reason))})"
        for reason, count in report.handoffs_by_reason.items()
    )
    topics = ", ".join(f"{intent} ({count})" for intent, count in report.topics[:3]) or "none"
    unanswered = ", ".join(
        f"{reason} {count}" for reason, count in report.unanswered_by_reason.items()
    )
    rows = [
        ("conversations", str(report.conversations)),
        ("answered", f"{report.answered} ({percent(report.answered_rate)}), the containment rate"),
        (
            "unanswered",
            f"{report.unanswered_conversations} ({percent(report.unanswered_rate)}): {unanswered}",
        ),
        ("handed off", f"{report.handed_off} ({percent(report.handoff_rate)})"),
        (
            "confirmed resolved",
            f"{report.confirmed_resolved} ({percent(report.confirmed_resolved_rate)})",
        ),
        ("handoffs by reason", handoffs),
        (
            "fallback rate",
            f"{percent(report.fallback_rate)} ({report.fallback_messages} of "
            f"{report.seller_messages} seller messages)",
        ),
        (
            "feedback",
            f"helpful {report.helpful} ({percent(report.helpful_share)}) / "
            f"not helpful {report.not_helpful} ({percent(report.not_helpful_share)})",
        ),
    ]
    rows += [
        (language, _language_line(figures, report.conversations))
        for language, figures in report.by_language.items()
    ]
    rows += [("top topics", topics), ("HTML report", str(html_path))]
    lines = [f"Refund Assistant deflection report, {report.period}"]
    lines += [f"  {label:<20}{value}" for label, value in rows]
    return "\n".join(lines)
