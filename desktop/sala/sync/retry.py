"""The one request-with-retry helper every step uses: PROTOCOL.md's status table, once.

Network trouble, a 5xx and a 2xx that is not the server's (a proxy's page) back off with full
jitter until the run's patience ends ("no link"); 429/503 (and 409 with ``Retry-After``) wait
what the server asks, or back off when it does not say, and end the run as "busy" past the
policy; 401/403 end it as "re-enroll". Everything else (a 2xx, 400/404/405/415/422, 413, a
blob's 409, or a status in ``keep``) is returned for the step to decide.

A stalled link (``LinkStalled``: no progress within ``RetryPolicy.stall``) is network trouble
like any other: the request is retried after a backoff, and when the run's patience ends the
run stops as "no link" with the stall's bilingual reason as its detail.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass

from sala.sync.client import Answer, NoLink
from sala.sync.context import RunContext, RunStopped
from sala.sync.messages import Outcome
from sala.wire import http

Action = http.Action


@dataclass
class Tries:
    """Consecutive failures of one request so far; a step that retries on its own (an answer
    it could not read) passes the same ``Tries`` back in, so the run's patience is one count."""

    failures: int = 0
    busy: int = 0
    busy_waited: float = 0.0       # seconds waited on busy answers

    def backoff(self, ctx: RunContext, detail: str) -> None:
        self.failures = ctx.backoff(self.failures, detail)


def request(ctx: RunContext, send: Callable[[], Answer], what: str, *, blob: bool = False,
            keep: Container[int] = (), ours: Callable[[Answer], bool] | None = None,
            tries: Tries | None = None) -> Answer:
    """``send()`` until the answer is one the caller decides on (see the module docstring).

    ``ours`` tells a 2xx answer of the server from a stranger's (backed off like no link).
    """
    t = tries if tries is not None else Tries()
    while True:
        ctx.check()
        try:
            ans = send()
        except NoLink as exc:
            t.backoff(ctx, exc.detail)
            continue
        ctx.count_bytes(ans)
        if ans.status in keep:
            return ans
        retry_after = ans.retry_after()
        act = http.action_for(ans.status, blob=blob, has_retry_after=retry_after is not None)
        if act is Action.APPLY:
            if ours is None or ours(ans):
                return ans
            t.backoff(ctx, f"{what}: the answer is not sala-central's")
        elif act is Action.REENROLL:
            raise RunStopped(Outcome.REENROLL, f"{ans.status} {ans.error_code} on {what}".strip())
        elif act is Action.RETRY_AFTER:
            t.busy += 1
            wait = retry_after
            if wait is None:
                wait = http.backoff_delay(t.busy - 1, base=ctx.policy.base, cap=ctx.policy.cap)
            patience_over = t.busy > ctx.policy.busy_attempts and t.busy_waited >= ctx.policy.busy_patience
            if patience_over or wait > ctx.policy.max_wait:
                raise RunStopped(Outcome.BUSY, f"{ans.status} {ans.error_code} on {what}")
            t.busy_waited += wait
            ctx.policy.sleep(wait)
        elif act is Action.BACKOFF:
            t.backoff(ctx, f"{what}: HTTP {ans.status}")
        else:
            return ans


def call(ctx: RunContext, send: Callable[[], Answer], what: str,
         passthrough: tuple[int, ...] = (413,)) -> Answer | None:
    """One small JSON request (reconcile, catalogue) under :func:`request`'s rules. Returns a
    2xx JSON answer or one of ``passthrough``; None when the server lacks the endpoint
    (404/405); any other refusal ends the run as an error (a bug on one side)."""
    ans = request(ctx, send, what, keep=(*passthrough, 404, 405),
                  ours=lambda a: isinstance(a.doc, dict))
    if ans.status in (404, 405):
        return None
    if ans.status in passthrough or 200 <= ans.status < 300:
        return ans
    raise RunStopped(Outcome.ERROR, f"{what}: HTTP {ans.status} {ans.error_code}")
