"""The stall rules on the socket itself, so they bound the whole exchange, headers included.

httpx bounds each socket operation (``timeout``) but not a request: a server that answers its
status line and headers one byte every few seconds keeps every read alive, and the body watchdog
in ``client._read`` starts only once the headers are in (issue 11). Here every read and write of
a request is reported to the request's :class:`http.ProgressWatch` (set per thread by
:func:`watching`): each socket operation is given only the time left before the watch would call
the link stalled, and at least ``http.PROGRESS_BYTES`` must move every stall period, whichever
phase the request is in — connecting, sending, waiting for, or reading the answer.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import httpcore
import httpx

from sala.wire import http

_local = threading.local()
STEP = http.PROGRESS_BYTES      # a write is reported in steps of this many bytes


@contextmanager
def watching(stall: float) -> Iterator[http.ProgressWatch]:
    """Bind this thread's socket operations to a fresh watch for the length of one request."""
    watch = http.ProgressWatch(stall, time.monotonic())
    _local.watch = watch
    try:
        yield watch
    finally:
        _local.watch = None


def _budget(timeout: float | None, what: str) -> float | None:
    """The socket timeout for the next operation: what is left of the watch's stall period."""
    watch: http.ProgressWatch | None = getattr(_local, "watch", None)
    if watch is None:
        return timeout
    left = watch.left(time.monotonic())
    if left <= 0:
        raise (httpcore.ReadTimeout if what == "read" else httpcore.WriteTimeout)(
            f"no progress for {watch.stall:g} s ({what})")
    return left if timeout is None else min(timeout, left)


def _moved(nbytes: int, what: str) -> None:
    watch: http.ProgressWatch | None = getattr(_local, "watch", None)
    if watch is not None:
        try:
            watch.moved(nbytes, time.monotonic(), what)
        except http.Stalled as exc:
            raise httpcore.ReadTimeout(str(exc)) from exc


class WatchedStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        data = self._inner.read(max_bytes, _budget(timeout, "read"))
        _moved(len(data), "reading the answer")
        return data

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        for i in range(0, len(buffer), STEP):
            piece = buffer[i:i + STEP]
            self._inner.write(piece, _budget(timeout, "write"))
            _moved(len(piece), "sending")

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return WatchedStream(self._inner.start_tls(ssl_context, server_hostname,
                                                   _budget(timeout, "write")))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class WatchedBackend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend | None = None) -> None:
        self._inner = inner or httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        return WatchedStream(self._inner.connect_tcp(host, port, _budget(timeout, "write"),
                                                     local_address, socket_options))

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        return WatchedStream(self._inner.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def transport(limits: httpx.Limits) -> httpx.HTTPTransport:
    """httpx's own transport with its connections on :class:`WatchedBackend`.

    httpx has no public hook for the network backend; its pool keeps it in ``_network_backend``
    (httpcore 1.x). If a later httpcore moves it, this fails loudly at the first client (tests)
    rather than silently losing the header watchdog."""
    t = httpx.HTTPTransport(limits=limits)
    pool = t._pool
    if not hasattr(pool, "_network_backend"):
        raise RuntimeError("httpcore changed: cannot watch the sync client's sockets")
    pool._network_backend = WatchedBackend(pool._network_backend)
    return t
