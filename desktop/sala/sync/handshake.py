"""The first step of a run: probe ``/v1/hello`` and check who answers before anything is sent.

Anything that is not sala-central is "no link" and nothing is sent. Then the server must prove
it is the platform this laptop pinned (its id and signing key, see ``identity.check_hello``):
it signs a fresh nonce together with its current sealing key. Only then may the device token
leave the laptop (``client.trusted``), and only a sealing key so vouched for replaces the one
personal data is sealed to. A plain ``http://`` address the user never allowed stops the run
before any request. The advertised limits are remembered (USB bundles are cut to them) and set
on the run's context; a new sealing key re-seals the personal data still waiting to go.
"""

from __future__ import annotations

import logging
import secrets

from sala.sync import identity, outbox
from sala.sync.client import NoLink
from sala.sync.context import RunContext, RunStopped
from sala.sync.messages import Outcome
from sala.wire import http, protocol

log = logging.getLogger(__name__)


def run(ctx: RunContext) -> protocol.Hello:
    if not ctx.client.token:
        raise RunStopped(Outcome.NOT_ENROLLED)
    with ctx.db.read() as s:
        pin = identity.pinned(s)
        legacy_id = identity.SERVER_ID.get(s)
        allow_http = bool(identity.ALLOW_HTTP.get(s))
    try:
        identity.check_url(ctx.client.base_url, allow_http)
    except identity.PlainHttpRefusedError as exc:
        raise RunStopped(Outcome.PLAIN_HTTP, exc.en) from exc
    except identity.BadAddressError as exc:
        raise RunStopped(Outcome.NO_LINK, exc.en) from exc
    nonce = secrets.token_hex(32)
    hello = _probe(ctx, nonce)
    try:
        identity.check_hello(hello, nonce, pin)
        if pin is None and legacy_id and hello.server_id != legacy_id:
            # enrolled before pinning existed: the id it kept must still match
            raise identity.WrongPlatformError("not_pinned", f"expected {legacy_id}")
    except identity.WrongPlatformError as exc:
        log.warning("sync refused: %s (%s)", exc.code, exc.detail)
        raise RunStopped(Outcome.WRONG_SERVER, f"{exc.code}: {exc.detail}") from exc
    ctx.client.trusted = True
    ctx.limits = hello.limits
    with ctx.db.write() as s:
        if pin is None:   # enrolled before pinning: pin what proved itself under the kept id
            identity.pin(s, identity.Pin(hello.server_id, hello.signing_key, "enrollment"))
        identity.remember_limits(s, hello.limits)
        if outbox.sealing_key(s) != hello.sealing_key:
            # vouched for by the pinned key: the proof signs the sealing key too
            log.info("sealing key changed by a statement of the pinned platform")
            outbox.SEALING_KEY.put(s, hello.sealing_key)
            outbox.seal_pending_contacts(s)
    return hello


def _probe(ctx: RunContext, nonce: str) -> protocol.Hello:
    policy = ctx.policy
    for attempt in range(policy.network_attempts):
        try:
            return ctx.client.hello(nonce)
        except NoLink as exc:
            if attempt + 1 == policy.network_attempts or ctx.cancel.is_set():
                raise RunStopped(Outcome.NO_LINK, exc.detail) from exc
            policy.sleep(http.backoff_delay(attempt, base=policy.base, cap=policy.cap))
    raise RunStopped(Outcome.NO_LINK)
