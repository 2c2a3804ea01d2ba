"""A supervisor's vouch and a forwarded batch, as the vouch attack tests send them over HTTP."""

from __future__ import annotations

from datetime import datetime

import httpx
from sqlalchemy import Row, select

from sala.central import db
from sala.central import tables as t
from sala.wire import vouch as vouch_wire
from sala.wire.protocol import Batch, sign_batch
from tests.integration.servers import CentralServer, Device, contribution


def row(server: CentralServer, device_id: str) -> Row | None:
    """The service's ``devices`` row for ``device_id``, read from its database."""
    engine = db.make_engine(server.db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(select(t.devices).where(t.devices.c.device_id == device_id)).first()
    finally:
        engine.dispose()


def vouch(server: CentralServer, voucher: Device, laptop: Device, *, at: datetime | None = None,
          **over: object) -> str:
    """``voucher``'s ``Sala-Vouch`` header for ``laptop`` (made now, or ``at``)."""
    v = vouch_wire.make(voucher.key, voucher_id=voucher.device_id,  # type: ignore[arg-type]
                        server_id=server.hello.server_id,  # type: ignore[union-attr]
                        device_id=laptop.device_id,
                        public_key=laptop.public_key, device_name="Tambon hall laptop", at=at)
    if over:
        v = vouch_wire.Vouch(**{**v.__dict__, **over})
    return v.header()


def forward(server: CentralServer, sender: Device, laptop: Device, seq: int, vouch: str | None,
            *, signer: Device | None = None) -> httpx.Response:
    """POST a batch of ``laptop`` (signed by ``signer``, default the laptop) with ``sender``'s
    token, as a supervisor forwarding a USB bundle does."""
    signed = sign_batch(Batch(laptop.device_id, [contribution(laptop.device_id, seq)]),
                        (signer or laptop).key)  # type: ignore[arg-type]
    headers = signed.headers() | sender.auth()
    if vouch is not None:
        headers[vouch_wire.H_VOUCH] = vouch
    return httpx.post(server.url + "/v1/batches", content=signed.body, headers=headers, timeout=60)


def code(r: httpx.Response) -> str:
    """The error code of a refused request (the documented error shape)."""
    return str(r.json()["error"]["code"])
