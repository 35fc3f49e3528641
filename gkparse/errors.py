"""The only exceptions gkparse lets escape.

Every error names the input it concerns (``source``) and says what was wrong, so a batch run can turn
it into an error record (see :mod:`gkparse.records`) without losing the document. Anything that goes
wrong inside a parse and is not one of these is a bug; the pipeline wraps it in :class:`InternalError`
so that callers still only ever see gkparse's own types.
"""

from __future__ import annotations

__all__ = [
    "GkparseError",
    "InputError",
    "EmptyInputError",
    "BinaryInputError",
    "DecodeError",
    "NotAReportError",
    "PluginError",
    "LimitError",
    "InternalError",
]


class GkparseError(Exception):
    """Base class of every error gkparse raises.

    ``source`` is the input as the caller named it (a path, or ``"<str>"`` / ``"<bytes>"``).
    """

    def __init__(self, message: str, *, source: str = "<input>") -> None:
        super().__init__(message)
        self.source = source
        self.message = message

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


class InputError(GkparseError):
    """The input cannot be read: a missing path, a directory, an unreadable file, an unsupported type."""


class EmptyInputError(InputError):
    """The input holds no text at all (zero bytes, or only whitespace)."""


class BinaryInputError(InputError):
    """The input is binary data (NUL bytes, control characters), not text or HTML."""


class DecodeError(GkparseError):
    """The bytes could not be turned into text, not even lossily."""


class NotAReportError(GkparseError):
    """The text decodes but is not a government information disclosure annual report.

    Raised when no format plugin recognizes the document.
    """


class PluginError(GkparseError):
    """A plugin failed while handling a document (it raised, or returned something invalid)."""

    def __init__(self, message: str, *, source: str = "<input>", plugin: str = "?") -> None:
        super().__init__(message, source=source)
        self.plugin = plugin


class LimitError(GkparseError):
    """A document exceeds one of the resource limits (:class:`gkparse.limits.Limits`): too large,
    too deeply nested, too many cells, or too slow. ``limit`` names the limit."""

    def __init__(self, message: str, *, source: str = "<input>", limit: str = "?") -> None:
        super().__init__(message, source=source)
        self.limit = limit


class InternalError(GkparseError):
    """An unexpected failure inside gkparse itself (a bug): reported, never raised raw."""
