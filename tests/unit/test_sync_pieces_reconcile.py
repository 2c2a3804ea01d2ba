"""Sealed pieces (Merkle proofs over a batch's records) and the reconcile view of server seqs."""

from __future__ import annotations

import pytest

from sala.sync.reconcile import ServerView
from sala.wire import crypto, pieces, protocol


def _batch(n: int) -> tuple[bytes, object]:
    recs = [protocol.make_record(device_id="dev-1", seq=i + 1, type="contribution",
                                 body={"text": f"ความเห็นที่ {i}"}) for i in range(n)]
    return protocol.encode_batch(protocol.Batch("dev-1", recs)), recs


@pytest.mark.parametrize("n", [1, 2, 3, 7, 8, 9, 100])
@pytest.mark.parametrize("size", [1, 3, 64])
def test_every_piece_verifies_and_covers_the_batch_once(n: int, size: int) -> None:
    key = crypto.generate_signing_key()
    pub = crypto.public_key_b64(key)
    raw, recs = _batch(n)
    seal = pieces.seal_batch(raw, key)
    pieces.verify_seal(raw, seal, pub)
    cuts = pieces.cut(raw, size, 1 << 30)
    seen = []
    for info, body, first, last in cuts:
        piece = protocol.parse_batch(body)
        again = pieces.PieceInfo.from_headers(*info.headers().values())   # over the wire
        pieces.verify_piece(piece, again, seal, pub)
        assert len(info.proof) <= 2 * max(1, n.bit_length())
        assert (first, last) == (piece.records[0]["seq"], piece.records[-1]["seq"])
        seen += [r["id"] for r in piece.records]
    assert seen == [r["id"] for r in recs]


def test_tampered_pieces_do_not_verify() -> None:
    key = crypto.generate_signing_key()
    pub = crypto.public_key_b64(key)
    raw, _ = _batch(20)
    seal = pieces.seal_batch(raw, key)
    (info, body, _, _), (info2, body2, _, _) = pieces.cut(raw, 10, 1 << 30)
    good = protocol.parse_batch(body)
    bad = [
        protocol.Batch(good.device_id, good.records[1:], batch_id=good.batch_id),     # dropped
        protocol.Batch(good.device_id, good.records[::-1], batch_id=good.batch_id),   # reordered
        protocol.Batch(good.device_id, good.records + protocol.parse_batch(body2).records[:1],
                       batch_id=good.batch_id),                                        # added
    ]
    altered = protocol.parse_batch(body)
    altered.records[0]["body"]["text"] = "แก้แล้ว"
    bad.append(altered)
    for b in bad:
        with pytest.raises(protocol.SignatureError):
            pieces.verify_piece(b, info, seal, pub)
    with pytest.raises(protocol.SignatureError):                     # another piece's proof
        pieces.verify_piece(good, info2, seal, pub)
    other = crypto.generate_signing_key()                       # another device's seal
    with pytest.raises(protocol.SignatureError):
        pieces.verify_piece(good, info, pieces.seal_batch(raw, other), pub)


def test_server_view_holds_seq() -> None:
    view = ServerView(high_water=10, gaps=((12, 14), (20, 20)), max_seq=25)
    held = [q for q in range(1, 30) if view.holds_seq(q)]
    assert held == [*range(1, 12), 15, 16, 17, 18, 19, 21, 22, 23, 24, 25]
    assert not ServerView(0, (), 0).holds_seq(1)
