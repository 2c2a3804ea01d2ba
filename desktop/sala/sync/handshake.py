"""The first step of a run: probe ``/v1/hello`` and take in what the server says of itself.

Anything that is not sala-central is "no link" and nothing is sent. The advertised limits are
remembered (USB bundles are cut to them) and set on the run's context; a new sealing key
re-seals the personal data still waiting to go.
"""

from __future__ import annotations

from sala.sync import identity, outbox
from sala.sync.client import NoLink
from sala.sync.context import RunContext, RunStopped
from sala.sync.messages import Outcome
from sala.wire import http, protocol


def run(ctx: RunContext) -> protocol.Hello:
    if not ctx.client.token:
        raise RunStopped(Outcome.NOT_ENROLLED)
    hello = _probe(ctx)
    ctx.limits = hello.limits
    with ctx.db.write() as s:
        identity.remember_limits(s, hello.limits)
        if outbox.sealing_key(s) != hello.sealing_key:
            outbox.SEALING_KEY.put(s, hello.sealing_key)
            outbox.seal_pending_contacts(s)
    return hello


def _probe(ctx: RunContext) -> protocol.Hello:
    policy = ctx.policy
    for attempt in range(policy.network_attempts):
        try:
            return ctx.client.hello()
        except NoLink as exc:
            if attempt + 1 == policy.network_attempts or ctx.cancel.is_set():
                raise RunStopped(Outcome.NO_LINK, exc.detail) from exc
            policy.sleep(http.backoff_delay(attempt, base=policy.base, cap=policy.cap))
    raise RunStopped(Outcome.NO_LINK)
