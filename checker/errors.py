"""One error tree; ``str(exc)`` is ``path:line: message`` so every error names where it happened.

CheckerError
├── IngestError     a file cannot be read as a plan (empty, binary, corrupt, too large, encrypted, ...)
├── ParseError      a structured plan (.yaml/.json) does not follow the plan model
└── RulePackError   a rule pack or reference file is not valid (names file, line and field)
"""

from __future__ import annotations


class CheckerError(Exception):
    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.path = str(path)
        self.line = line
        self.message = message

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class IngestError(CheckerError):
    """The file cannot be read as a plan. ``status`` says how the batch reports it."""

    status = "unreadable"


class ParseError(CheckerError):
    pass


class RulePackError(CheckerError):
    pass
