"""The one request-with-retry helper: PROTOCOL.md's status table, checked without a network.

A scripted ``send`` plays the server; the policy's ``sleep`` records the waits instead of
waiting, so every rule is seen exactly (how long, how often, how the run ends).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from sala.sync.client import Answer, NoLink
from sala.sync.context import RunContext, RunStopped
from sala.sync.messages import Outcome
from sala.sync.retry import Tries, call, request
from sala.sync.run_report import RetryPolicy, RunReport


def _ans(status: int, doc: object = None, **headers: str) -> Answer:
    return Answer(status, {k.replace("_", "-"): v for k, v in headers.items()}, doc, 10, 20)


class _Server:
    """Answers in order; an exception in the script is raised as the transport's failure."""

    def __init__(self, *script: Answer | Exception) -> None:
        self._script: Iterator[Answer | Exception] = iter(script)
        self.calls = 0

    def __call__(self) -> Answer:
        self.calls += 1
        step = next(self._script)
        if isinstance(step, Exception):
            raise step
        return step


def _ctx(**policy: object) -> tuple[RunContext, list[float]]:
    waits: list[float] = []
    pol = RetryPolicy(**({"base": 0.5, "cap": 8.0, "network_attempts": 3, "busy_attempts": 2, "max_wait": 60.0,
                          "busy_patience": 0.0, "sleep": waits.append} | policy))  # type: ignore[arg-type]
    ctx = RunContext(db=None, ident=None, attachments=None, client=None,  # type: ignore[arg-type]
                     report=RunReport("run", Outcome.OK), policy=pol)
    return ctx, waits


def test_retry_after_is_honoured_then_the_answer_returned() -> None:
    ctx, waits = _ctx()
    server = _Server(_ans(503, Retry_After="7"), _ans(429, Retry_After="3"), _ans(200, {"ok": 1}))
    assert request(ctx, server, "batch").status == 200
    assert waits == [7.0, 3.0] and server.calls == 3
    assert ctx.report.bytes_up == 30 and ctx.report.bytes_down == 60   # every answer counted


def test_busy_past_the_policy_ends_the_run_as_busy() -> None:
    ctx, waits = _ctx()
    with pytest.raises(RunStopped) as stop:
        request(ctx, _Server(*[_ans(503, Retry_After="1")] * 3), "batch")
    assert stop.value.outcome is Outcome.BUSY and waits == [1.0, 1.0]


def test_busy_patience_is_time_as_well_as_a_count() -> None:
    """A crowd booked by tenths of a second: thirty 429s of 0.1 s each are three seconds, not
    the patience of thirty whole-second ones; the batch keeps its turn until 30 s were waited
    (and the count is past too), then the run ends as busy."""
    ctx, waits = _ctx(busy_attempts=30, busy_patience=30.0)
    tenth = _ans(429, Retry_After="1", Retry_After_Ms="100")
    with pytest.raises(RunStopped) as stop:
        request(ctx, _Server(*[tenth] * 400), "batch")
    assert stop.value.outcome is Outcome.BUSY
    assert waits == [0.1] * 300 and sum(waits) == pytest.approx(30.0)
    ctx, waits = _ctx(busy_attempts=30, busy_patience=30.0)           # whole seconds: as before
    with pytest.raises(RunStopped):
        request(ctx, _Server(*[_ans(503, Retry_After="1")] * 40), "batch")
    assert waits == [1.0] * 30
    ctx, waits = _ctx(busy_attempts=30, busy_patience=30.0)           # served once its turn comes
    assert request(ctx, _Server(*[tenth] * 120, _ans(200, {})), "batch").status == 200
    assert len(waits) == 120


def test_a_retry_after_longer_than_the_run_waits_is_busy_at_once() -> None:
    ctx, waits = _ctx()
    with pytest.raises(RunStopped) as stop:
        request(ctx, _Server(_ans(429, Retry_After="3600")), "catalog")
    assert stop.value.outcome is Outcome.BUSY and waits == []


def test_no_retry_after_backs_off_with_jitter_within_the_cap() -> None:
    ctx, waits = _ctx()
    assert request(ctx, _Server(_ans(503), _ans(200, {})), "reconcile").status == 200
    assert len(waits) == 1 and 0.5 <= waits[0] <= 8.0


@pytest.mark.parametrize("status", [401, 403])
def test_refused_token_stops_the_run_to_reenroll(status: int) -> None:
    ctx, _ = _ctx()
    with pytest.raises(RunStopped) as stop:
        request(ctx, _Server(_ans(status, {"error": {"code": "token_revoked"}})), "batch")
    assert stop.value.outcome is Outcome.REENROLL and "token_revoked" in stop.value.detail


def test_a_kept_status_goes_back_to_the_step() -> None:
    ctx, _ = _ctx()
    assert request(ctx, _Server(_ans(403)), "batch", keep=(403,)).status == 403


def test_network_trouble_and_5xx_back_off_then_no_link() -> None:
    ctx, waits = _ctx()
    with pytest.raises(RunStopped) as stop:
        request(ctx, _Server(NoLink("reset"), _ans(502), NoLink("timeout")), "batch")
    assert stop.value.outcome is Outcome.NO_LINK and stop.value.detail == "timeout"
    assert len(waits) == 2


def test_a_stranger_s_200_is_backed_off_and_one_tries_counts_across_calls() -> None:
    ctx, waits = _ctx()
    tries = Tries()
    ans = request(ctx, _Server(_ans(200, "<html>login</html>"), _ans(200, {"a": 1})), "catalog",
                  ours=lambda a: isinstance(a.doc, dict), tries=tries)
    assert ans.doc == {"a": 1} and tries.failures == 1 and len(waits) == 1


@pytest.mark.parametrize("status", [400, 413, 422])
def test_what_the_step_decides_comes_back(status: int) -> None:
    ctx, waits = _ctx()
    assert request(ctx, _Server(_ans(status)), "batch").status == status and waits == []


def test_blob_409_is_a_resync_not_a_wait() -> None:
    ctx, waits = _ctx()
    assert request(ctx, _Server(_ans(409)), "blob PUT", blob=True).status == 409 and waits == []


def test_call_missing_endpoint_is_none_and_a_refusal_is_an_error() -> None:
    ctx, _ = _ctx()
    assert call(ctx, _Server(_ans(404)), "reconcile") is None
    assert call(ctx, _Server(_ans(413)), "reconcile").status == 413
    with pytest.raises(RunStopped) as stop:
        call(ctx, _Server(_ans(422, {"error": {"code": "bad"}})), "reconcile")
    assert stop.value.outcome is Outcome.ERROR


def test_cancel_and_another_worker_s_stop_end_before_sending() -> None:
    ctx, _ = _ctx()
    ctx.cancel = threading.Event()
    ctx.cancel.set()
    server = _Server(_ans(200, {}))
    with pytest.raises(RunStopped) as stop:
        request(ctx, server, "batch")
    assert stop.value.outcome is Outcome.CANCELLED and server.calls == 0
    ctx2, _ = _ctx()
    ctx2.stop(RunStopped(Outcome.REENROLL, "401"))
    with pytest.raises(RunStopped) as stop2:
        request(ctx2, server, "batch")
    assert stop2.value.outcome is Outcome.REENROLL and server.calls == 0
