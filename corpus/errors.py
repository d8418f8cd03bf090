"""Errors raised by the corpus pipeline, each with a Swedish message safe to show a user."""

from __future__ import annotations


class CorpusError(Exception):
    """Base of every corpus error: ``message`` for logs (English), ``user_message`` (Swedish)."""

    def __init__(self, message: str, user_message: str) -> None:
        super().__init__(message)
        self.message = message
        self.user_message = user_message


class ReportReadError(CorpusError):
    """A report file could not be read as text: empty, binary, or in an unknown encoding."""

    def __init__(self, name: str, reason: str, user_reason: str) -> None:
        super().__init__(
            f"cannot read report {name!r}: {reason}",
            f"Rapporten ”{name}” kunde inte läsas: {user_reason}",
        )
        self.name = name
