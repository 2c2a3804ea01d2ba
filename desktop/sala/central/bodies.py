"""Request bodies read and decoded within bounds: the cost of a request is what it may ask.

Three rules, applied before anything is parsed or checked:

- a body is read with a cap (``Content-Length`` first, then counted while read, chunked or
  not) and each wait for more of it is bounded (:class:`BodyGuard`, in the ASGI receive path —
  uvicorn has no body read timeout);
- a gzip batch is decompressed in steps, and refused as soon as the output passes the
  uncompressed limit or holds more JSON values than a batch of ``max_records`` records could
  need (a 64 KB gzip of ``[{},{},…]`` is refused after a few MB, never parsed);
- JSON is parsed with integers of at most :data:`MAX_INT_DIGITS` digits and no
  NaN/Infinity; nesting past the parser's recursion limit is a 400, not a crash.
"""

from __future__ import annotations

import asyncio
import json
import zlib
from collections.abc import Callable
from typing import Any

from sala.central.errors import ApiError

MAX_INT_DIGITS = 20            # 2**63 has 19 digits; anything longer is not a protocol number
DECOMPRESS_STEP = 1 << 20      # bytes of output per decompression step
VALUES_PER_RECORD = 200        # JSON values (≈ ',' '[' '{' count) a record may average
MIN_VALUES = 100_000
ENROLL_BODY_BYTES = 16 << 10   # enrollment and challenge requests are a few hundred bytes
MIN_JSON_BODY_BYTES = 2 << 20  # reconcile: 20,000 ids with hashes fit


def too_large(limit: int) -> ApiError:
    return ApiError(413, "too_large", f"request bodies here are limited to {limit} bytes")


def value_budget(max_records: int) -> int:
    """Upper bound of JSON values in one batch (documented in PROTOCOL.md, "Limits")."""
    return max(MIN_VALUES, VALUES_PER_RECORD * max_records)


def _structure(chunk: bytes) -> int:
    # An upper bound on the values a JSON text holds: every value but the first of a
    # container follows a comma, every container opens with a bracket (commas and brackets
    # inside strings only make the bound looser). bytes.count runs at memory speed.
    return chunk.count(b",") + chunk.count(b"[") + chunk.count(b"{")


# every ASCII digit to "0", every other byte to " ": a run of MAX_INT_DIGITS + 1 zeros in the
# translation is such a run of digits in the text (14× faster than a regex search for it)
_DIGITS_TO_ZERO = bytes(0x30 if 0x30 <= b <= 0x39 else 0x20 for b in range(256))
_LONG_RUN = b"0" * (MAX_INT_DIGITS + 1)


def _has_long_digits(raw: bytes) -> bool:
    return _LONG_RUN in raw.translate(_DIGITS_TO_ZERO)


_ASTRAL_LEADS = (b"\xf0", b"\xf1", b"\xf2", b"\xf3", b"\xf4")   # of 4-byte UTF-8 characters


def measure_gzip(data: bytes, max_size: int, max_values: int) -> tuple[int, int, bool]:
    """(uncompressed size, JSON values bound, whether any character outside the BMP occurs)
    of a gzip body, decompressed in steps and kept nowhere: what processing it will cost is
    known before it costs it. ApiError 413 past ``max_size`` bytes out or ``max_values`` JSON
    values, 400 when it is not (complete) gzip."""
    measured = _measure_gzip(data, max_size, max_values, None)
    assert measured is not None
    return measured


INLINE_GZIP_BYTES = 64 << 10   # a body this small is measured on the event loop...
INLINE_OUT_BYTES = DECOMPRESS_STEP   # ...unless it holds more than this (then in a thread)


def measure_gzip_inline(data: bytes, max_size: int, max_values: int) -> tuple[int, int, bool] | None:
    """:func:`measure_gzip` of a small body, or None when it is not small (more than
    :data:`INLINE_GZIP_BYTES` in, or more than :data:`INLINE_OUT_BYTES` out): what the event
    loop may do itself (about 1 ms for 500 records) rather than pay a thread hop, which under
    load costs more than the work."""
    if len(data) > INLINE_GZIP_BYTES:
        return None
    return _measure_gzip(data, max_size, max_values, INLINE_OUT_BYTES)


def _measure_gzip(data: bytes, max_size: int, max_values: int,
                  give_up_after: int | None) -> tuple[int, int, bool] | None:
    if data[:2] != b"\x1f\x8b":
        raise ApiError(400, "not_gzip", "body must be gzip-compressed")
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    size = values = 0
    astral = False
    pending = data
    try:
        while True:
            chunk = d.decompress(pending, DECOMPRESS_STEP)
            pending = d.unconsumed_tail
            size += len(chunk)
            values += _structure(chunk)
            astral = astral or any(lead in chunk for lead in _ASTRAL_LEADS)
            if size > max_size:
                raise ApiError(413, "too_large", f"uncompressed batch exceeds {max_size} bytes")
            if values > max_values:
                raise ApiError(413, "too_complex",
                               f"batch holds more than {max_values} JSON values")
            if d.eof or (not pending and not chunk):
                break
            if give_up_after is not None and size >= give_up_after:
                return None
    except zlib.error as exc:
        raise ApiError(400, "bad_gzip", f"corrupt gzip data: {exc}") from None
    if not d.eof:
        raise ApiError(400, "bad_gzip", "truncated gzip data")
    if d.unused_data:
        raise ApiError(400, "bad_gzip", "data after the end of the gzip stream")
    return size, values, astral


def gunzip_measured(data: bytes, size: int) -> bytes:
    """Decompress a body :func:`measure_gzip` accepted, whose output is ``size`` bytes: one
    call, no steps or counting (they were done)."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, size + 1)
    except zlib.error as exc:
        raise ApiError(400, "bad_gzip", f"corrupt gzip data: {exc}") from None
    if len(out) != size or not d.eof:
        raise ApiError(400, "bad_gzip", "gzip data changed while read")
    return out


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise ApiError(400, "number_too_large",
                       f"integers are limited to {MAX_INT_DIGITS} digits")
    return int(text)


def _constant(name: str) -> Any:
    raise ApiError(400, "bad_json", f"{name} is not JSON")


def loads(raw: bytes, *, max_values: int | None = None) -> Any:
    """Parse UTF-8 JSON within bounds; ApiError 400/413 otherwise. Messages never quote input."""
    if max_values is not None and _structure(raw) > max_values:
        raise ApiError(413, "too_complex", f"body holds more than {max_values} JSON values")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, "bad_utf8", f"body is not UTF-8 (byte {exc.start})") from None
    try:
        if not _has_long_digits(raw):
            # no run of digits long enough to be a refused integer anywhere (strings included):
            # the parser's own ints, without a Python call per number
            return json.loads(text, parse_constant=_constant)
        return json.loads(text, parse_int=_int, parse_constant=_constant)
    except RecursionError:
        raise ApiError(400, "too_deep", "JSON nested too deeply") from None
    except json.JSONDecodeError as exc:
        raise ApiError(400, "bad_json",
                       f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None


async def read_body(request: Any, limit: int,
                    grow: Callable[[int], None] | None = None) -> bytes:
    """The whole body, or 413 once it passes ``limit``. A modest overrun (up to 4×) is drained
    first so the client reads our answer instead of a broken pipe; more is cut at once.
    ``grow(n)`` is told the bytes kept so far before each is kept (a memory budget may refuse)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and (len(declared) > 18 or int(declared) > 4 * limit):
        raise too_large(limit)
    buf = bytearray()
    seen = 0
    async for chunk in request.stream():
        seen += len(chunk)
        if seen <= limit:
            if grow is not None:
                grow(seen)
            buf += chunk
        elif seen > 4 * limit:
            break
    if seen > limit:
        raise too_large(limit)
    return bytes(buf)


class BodyGuard:
    """Pure ASGI middleware: every request body is counted and each wait for it is bounded.

    ``Content-Length`` is checked before the app runs (over ``hard_limit`` → 413 at once);
    bodies without one are counted as they arrive. While a body is incomplete, a receive that
    brings nothing for ``idle_timeout_s`` raises 408 (an idle upload holds no slot forever).
    Errors raised in the receive path reach the handler reading the body, whose ApiError
    handler answers them in the documented shape.
    """

    def __init__(self, app: Any, *, hard_limit: int, idle_timeout_s: float) -> None:
        self.app = app
        self.hard_limit = hard_limit
        self.idle_timeout_s = idle_timeout_s

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            bad = not declared.isdigit() or len(declared) > 18
            if bad or int(declared) > self.hard_limit:
                err = (ApiError(400, "bad_length", "Content-Length is not a byte count") if bad
                       else too_large(self.hard_limit))
                await send_error(send, err, close=True)
                return
        done = False
        seen = 0

        async def guarded() -> dict[str, Any]:
            nonlocal done, seen
            if done:
                return await receive()
            try:
                msg = await asyncio.wait_for(receive(), self.idle_timeout_s)
            except TimeoutError:
                done = True
                raise ApiError(408, "body_timeout",
                               f"no request data for {self.idle_timeout_s:g} s; send again",
                               {"Connection": "close"}) from None
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                done = not msg.get("more_body", False)
                if seen > self.hard_limit:
                    done = True
                    raise too_large(self.hard_limit)
            else:
                done = True
            return msg

        await self.app(scope, guarded, send)


async def send_error(send: Any, err: ApiError, *, close: bool = False) -> None:
    body = json.dumps(err.to_json(), ensure_ascii=False).encode("utf-8")
    headers = [(b"content-type", b"application/json"),
               (b"content-length", str(len(body)).encode())]
    headers += [(k.lower().encode(), v.encode()) for k, v in err.headers.items()]
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": err.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
