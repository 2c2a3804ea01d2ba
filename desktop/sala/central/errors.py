"""The one error type the service raises on purpose: an HTTP status, a stable code, a message."""

from __future__ import annotations


class ApiError(Exception):
    """Answered as ``{"error": {"code", "message"}}`` with ``status`` (and ``headers``)."""

    def __init__(self, status: int, code: str, message: str,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}

    def to_json(self) -> dict[str, dict[str, str]]:
        return {"error": {"code": self.code, "message": self.message}}
