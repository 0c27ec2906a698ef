"""Request IDs and structured (JSON) logs.

Each request gets an ID: the one the load balancer sent in ``X-Request-ID`` (when
it looks like one) or a new one. It is returned in the response header and added
to every log record written while the request is handled, so one request can be
followed across the web process, its logs and the proxy's logs.
"""

import contextvars
import json
import logging
import re
import uuid

request_id = contextvars.ContextVar("request_id", default="-")
VALID_ID = re.compile(r"[A-Za-z0-9._-]{8,100}")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        token = request_id.set(given if VALID_ID.fullmatch(given) else uuid.uuid4().hex)
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id.get()
            return response
        finally:
            request_id.reset(token)


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: what log collectors read without parsing rules."""

    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        entry.update(
            getattr(record, "fields", {})
        )  # structured fields a caller passed (extra={"fields": ...})
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            entry.update(self.access_fields(record.args))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)

    @staticmethod
    def access_fields(atoms):
        """gunicorn's request atoms as keys, so requests can be filtered without parsing
        (the request ID is the one the site sent back in ``X-Request-ID``)."""
        return {
            "request_id": atoms.get("{x-request-id}o", "-"),
            "client": atoms.get("h"),
            "method": atoms.get("m"),
            "path": atoms.get("U"),
            "status": int(atoms["s"]) if str(atoms.get("s", "")).isdigit() else atoms.get("s"),
            "bytes": atoms.get("B"),
            "duration_ms": atoms.get("M"),
            "user_agent": atoms.get("a"),
        }
