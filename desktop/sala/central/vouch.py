"""Offline registration: a device id bound to its key by an enrolled supervisor's vouch.

A batch forwarded for a device the service does not know is accepted only with a vouch
(``sala.wire.vouch``) signed by an enrolled, unrevoked device for this platform. The vouch binds
the id to the key it names and the row keeps who vouched and when. A vouch never re-binds an id
already bound to another key, never lifts a revocation, and a device that was itself only vouched
for (never enrolled) cannot vouch for others. Administrators list, reassign and revoke bindings
(``sala-central devices``).

A vouch is a statement at a moment, so two more rules bound how long a captured one is worth
anything. It expires: one older than :data:`MAX_AGE_S` is refused (``vouch_expired``). The
supervisor's app makes a fresh vouch at every forward (``sync/upload_batches.py``), so an honest
one is seconds old; the month allows for a supervisor whose clock is wrong by days. And it
cannot outlive an administrator's release: once an id is released from its key
(``devices reassign --release`` / ``unbind``, ``devices.released_at``), a vouch made at or
before that moment does not bind it again (``vouch_before_release``), nor does one its voucher
made before the voucher's own id was released. A reassigned id needs no such date: it stays bound
to the key the administrator gave it and no vouch re-binds a bound id (409).
"""

from __future__ import annotations

import time

from sqlalchemy import Engine, select, update

from sala.central import tables as t
from sala.central.db import write_tx
from sala.central.errors import ApiError
from sala.wire import vouch as vouch_wire

#: a vouch dated further ahead of the service's clock than this is refused (clocks drift; a
#: vouch from the future is a forgery or a laptop with a wildly wrong clock)
MAX_FUTURE_S = 24 * 3600
#: a vouch older than this is refused: a supervisor forwards days after collecting, and the app
#: signs a fresh vouch at every forward, so a month only ever refuses a replay or a clock gone wrong
MAX_AGE_S = 30 * 24 * 3600
UNBOUND = ""   # auth.UNBOUND: an id an administrator released


def _refuse(code: str, message: str, status: int = 403) -> ApiError:
    return ApiError(status, code, message)


def register(engine: Engine, header: str, *, origin_id: str, server_id: str,
             signer_key: str | None) -> str:
    """Bind ``origin_id`` by the vouch in ``header``; return the key batches of it must verify with.

    Raises ApiError 403 (unreadable, forged, wrong platform, expired, made before the id's or the
    voucher's release, voucher unknown or revoked, origin revoked) or 409 (the id is bound to
    another key). Idempotent: the same vouch again, or a vouch for the key the id already has,
    binds nothing new.
    """
    try:
        v = vouch_wire.parse(header)
    except vouch_wire.VouchError as exc:
        raise _refuse(exc.code, exc.message) from None
    if v.device_id != origin_id:
        raise _refuse("bad_vouch", "the vouch is for another device than the batch")
    if v.server_id != server_id:
        raise _refuse("bad_vouch", "the vouch was made for another platform")
    if signer_key is not None and signer_key != v.public_key:
        raise _refuse("key_mismatch", "the batch is signed with another key than the vouch names")
    if v.vouched_at > time.time() + MAX_FUTURE_S:
        raise _refuse("bad_vouch", "the vouch is dated in the future; check the supervisor "
                                   "laptop's clock")
    if v.vouched_at < time.time() - MAX_AGE_S:
        raise _refuse("vouch_expired", f"the vouch is older than {MAX_AGE_S // 86400} days; check "
                                       "the supervisor laptop's date and time, import the "
                                       "laptop's bundle again and sync")
    if v.voucher_id == origin_id:
        raise _refuse("bad_vouch", "a device cannot vouch for itself")
    d = t.devices.c
    with write_tx(engine) as conn:
        voucher = conn.execute(select(d.public_key, d.enrolled, d.revoked, d.released_at)
                               .where(d.device_id == v.voucher_id)).first()
        if voucher is None or not voucher.enrolled or voucher.public_key == UNBOUND:
            raise _refuse("voucher_unknown", "the vouching device is not enrolled with this "
                                             "service; only an enrolled supervisor can vouch")
        if voucher.revoked:
            raise _refuse("voucher_revoked", "the vouching device was revoked; its vouches are "
                                             "no longer accepted")
        try:
            v.verify(voucher.public_key)
        except vouch_wire.VouchError as exc:
            raise _refuse(exc.code, exc.message) from None
        if _made_before(v, voucher.released_at):
            raise _refuse("vouch_before_release", "the vouch was made before an administrator "
                                                  "released the vouching device's id; check the "
                                                  "supervisor laptop's date and time, import the "
                                                  "laptop's bundle again and sync")
        row = conn.execute(select(d.public_key, d.revoked, d.released_at).where(d.device_id == origin_id)
                           .with_for_update()).first()
        if row is not None and row.revoked:
            raise _refuse("origin_revoked", "the originating device was revoked")
        if row is not None and row.public_key not in (UNBOUND, v.public_key):
            raise _refuse("device_key_mismatch", "this device id is already registered with "
                                                 "another key; a vouch cannot re-bind it (an "
                                                 "administrator can reassign it)", 409)
        if row is not None and row.public_key == UNBOUND and _made_before(v, row.released_at):
            raise _refuse("vouch_before_release", "the vouch was made before an administrator "
                                                  "released this device id; check the supervisor "
                                                  "laptop's date and time, import the laptop's "
                                                  "bundle again and sync")
        if row is None:
            conn.execute(t.devices.insert().values(
                device_id=origin_id, name=v.device_name, public_key=v.public_key,
                token_hash=None, enrolled=False, revoked=False, first_seen_via="vouch",
                vouched_by=v.voucher_id, vouched_at=float(v.vouched_at), high_water=0,
                max_seq=0, created_at=time.time()))
        elif row.public_key == UNBOUND:
            conn.execute(update(t.devices).where(d.device_id == origin_id).values(
                public_key=v.public_key, first_seen_via="vouch", vouched_by=v.voucher_id,
                vouched_at=float(v.vouched_at)))
    return v.public_key


def _made_before(v: vouch_wire.Vouch, released_at: float | None) -> bool:
    """The vouch is dated at or before the release (whole seconds against the service's clock)."""
    return released_at is not None and v.vouched_at <= released_at
