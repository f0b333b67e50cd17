"""Refusing to run code that replaces a library's internals on a version it was not written for.

Why: the masking tracker store re-implements `SQLTrackerStore.save`, and the Rasa server's
patches replace how it calls the action server. Both copy private behaviour of one exact Rasa
release; on another release they could silently skip masking or break custom actions. Failing
at start-up with a clear message is safer than either.
"""

from __future__ import annotations


class IncompatibleVersion(RuntimeError):
    """An override was written for another version of the library it patches."""


def require_version(package: str, installed: str, written_for: str, override: str) -> None:
    """Raises IncompatibleVersion unless `installed` is exactly `written_for`."""
    if installed != written_for:
        raise IncompatibleVersion(
            f"{override} replaces internals of {package} {written_for}, but {package} "
            f"{installed} is installed. Check the override against {package} {installed} "
            f"(and requirements.lock), then update the version it names."
        )
