"""Errors that carry a message fit to show a user; everything else is a bug and is logged."""

from __future__ import annotations


class JanjiError(Exception):
    """An expected failure with a message for the person who caused it (citizen, officer, admin)."""

    def __init__(self, user_message: str, *, detail: str | None = None) -> None:
        super().__init__(detail or user_message)
        self.user_message = user_message


class ConfigError(JanjiError):
    """Settings are missing or malformed; start-up stops with one clear line."""


class KnowledgeError(JanjiError):
    """A knowledge file is invalid. ``location`` is ``file:line`` for the admin."""

    def __init__(self, location: str, problem: str) -> None:
        super().__init__(f"{location}: {problem}")
        self.location = location
        self.problem = problem


class TicketError(JanjiError):
    """A ticket operation that cannot be done (unknown number, already claimed, closed ...)."""


class RateLimited(JanjiError):
    """A citizen sent too many messages in a short time."""


class AlreadyHandled(Exception):
    """The update was handled before (a replay raced with the original, or another process had
    it): nothing happens again and nobody is told anything."""

    def __init__(self, update_id: int) -> None:
        super().__init__(f"update {update_id} was handled before")
        self.update_id = update_id
