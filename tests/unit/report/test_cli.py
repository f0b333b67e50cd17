"""The command line: the page written, the summary printed, problems in one line with exit 2."""

from __future__ import annotations

import sqlite3

import pytest

from refund_assistant.report.cli import main
from tests.unit.report.tracker_fixture import SINCE, UNTIL


def test_cli_writes_the_page_and_prints_a_summary(tracker_db, tmp_path, capsys):
    out = tmp_path / "out" / "report.html"
    code = main(
        ["--db", f"sqlite:///{tracker_db}", "--since", SINCE, "--until", UNTIL, "--out", str(out)]
    )
    assert code == 0
    assert "how much is the deposit?" in out.read_text(encoding="utf-8")
    printed = capsys.readouterr().out
    for line in [
        "Refund Assistant deflection report, 2024-05-06 to 2024-05-08 (UTC)",
        "conversations       15",
        # Containment is the answered share; the old "contained 5 (50.0%)" counted every
        # conversation without a handoff, the unanswered ones included.
        "answered            6 (40.0%), the containment rate",
        "unanswered          4 (26.7%): not understood 2, off-topic 1, unsupported language 1",
        "handed off          5 (33.3%)",
        "confirmed resolved  2 (13.3%)",
        "handoffs by reason  seller_request 1 (6.7%), not_understood 1 (6.7%), overdue_review 1 (6.7%), "
        "violations 1 (6.7%), legal_threat 1 (6.7%)",
        "fallback rate       18.2% (6 of 33 seller messages)",
        "feedback            helpful 3 (75.0%) / not helpful 1 (25.0%)",
        "English             13 of 15 conversations: answered 5 (38.5%), unanswered 3 (23.1%), "
        "handed off 5 (38.5%); feedback helpful 3 / not helpful 1",
        "Chinese             1 of 15 conversations: answered 1 (100.0%), unanswered 0 (0.0%), "
        "handed off 0 (0.0%); feedback helpful 0 / not helpful 0",
        "other (unsupported) 1 of 15 conversations: answered 0 (0.0%), unanswered 1 (100.0%), "
        "handed off 0 (0.0%); feedback helpful 0 / not helpful 0",
        "top topics          ask_deposit_amount (3), ask_review_time (3), ask_bank_fees (2)",
        f"HTML report         {out}",
    ]:
        assert line in printed, line


def test_cli_reads_the_database_from_the_environment(tracker_db, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("TRACKER_DB_URL", str(tracker_db))
    assert main(["--out", str(tmp_path / "r.html")]) == 0
    assert "conversations       16" in capsys.readouterr().out


def test_cli_missing_database_is_one_line_and_exit_2(tmp_path, capsys):
    missing = tmp_path / "nowhere.db"
    assert main(["--db", str(missing), "--out", str(tmp_path / "r.html")]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"deflection report: database not found: {missing}"
    assert not missing.exists() and not (tmp_path / "r.html").exists()


def test_cli_database_without_events_table_is_one_line_and_exit_2(tmp_path, capsys):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE tickets (id TEXT)")
    assert main(["--db", str(other), "--out", str(tmp_path / "r.html")]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "no `events` table" in err


def test_cli_rejects_a_bad_date(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--since", "6 May"])
    assert exit_info.value.code == 2
