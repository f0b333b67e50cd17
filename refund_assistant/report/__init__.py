"""The customer-service deflection report: what Refund Assistant dealt with and what it missed.

Why a package: support teams read the report to see how many seller conversations the bot
handled on its own, why the others went to a person, which topics sellers ask about and which
messages the bot could not answer. Reading the database, cutting conversations, counting, drawing
and printing are separate concerns, each a module here, so each can be tested on its own:

- `database`: the report's own read-only connection, and `ReportError`;
- `events`: the one query on Rasa's `events` table, rows as `Event`s;
- `tickets`: the handoff tickets created in the period;
- `conversations`: events cut into one `Conversation` per seller session;
- `language`: which language a seller message and a conversation were in (English, Chinese, or
  one the bot does not answer in), read from the language tagger's slot;
- `metrics`: `compute` (pure: events in, `Report` out) and the `DEFINITIONS` of every figure;
- `charts`, `render` (with `template.html.j2`): the HTML page and the terminal summary;
- `cli`: the command line (`python -m refund_assistant.report`).

Nothing here imports Rasa: the report reads what Rasa wrote, never Rasa's code. This file imports
nothing, so using one module does not load matplotlib.
"""
