"""``sala-central``: serve the reference sync service and administer its ledger.

    sala-central serve --host 127.0.0.1 --port 8765 --db central.sqlite3 [--blobs DIR] [--fd N]
                 [--workers N]   (N processes over one PostgreSQL; README, "Running it for a country")
    sala-central enroll-code --db URL [--count N] [--ttl-hours H]   (code alone on last line)
    sala-central revoke DEVICE_ID --db URL
    sala-central reinstate DEVICE_ID --db URL  (a revoked device may enroll again)
    sala-central devices [list] --db URL        (every device id, its state, key, who vouched, released)
    sala-central devices reassign DEVICE_ID (--key KEY | --release) --db URL
    sala-central devices revoke DEVICE_ID --db URL
    sala-central unbind DEVICE_ID --db URL      (release an id from its key; it enrolls anew)
    sala-central catalog-import [FILE.json | --seed] --db URL
    sala-central deployment-file --url URL --out FILE --db URL [--agency A] [--unit U]
                 [--province P] [--days N]   (the signed file an installer ships, see below)
    sala-central openapi [--out FILE]
    sala-central migrate --db URL

``--db`` takes a SQLite path or URL, or ``postgresql+psycopg://…``; ``SALA_CENTRAL_DB`` is the
default. Blobs default to ``<db file>.blobs/`` beside a SQLite database.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import socket
import sys
import tempfile
from pathlib import Path
from typing import Any

OPENAPI_PATH = Path(__file__).with_name("openapi.json")


class UsageError(Exception):
    """A bad value or an unusable file: one clear line and exit status 2, no traceback."""


def _count(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text[:40]!r}") from None
    if not 1 <= n <= 1000:
        raise argparse.ArgumentTypeError("must be between 1 and 1000")
    return n


def _hours(text: str) -> float:
    try:
        h = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of hours: {text[:40]!r}") from None
    if not math.isfinite(h) or not 0 < h <= 24 * 366:
        raise argparse.ArgumentTypeError("must be a number of hours above 0 and at most a year")
    return h


def _port(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError("a TCP port is a number from 0 to 65535")
    return int(text)


def _positive(text: str) -> int:
    if not text.isdigit() or len(text) > 12:
        raise argparse.ArgumentTypeError("must be a whole number >= 0")
    return int(text)


def _seconds(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text[:40]!r}") from None
    if not math.isfinite(v) or not 0 < v <= 3600:
        raise argparse.ArgumentTypeError("must be above 0 and at most 3600 seconds")
    return v


def _workers(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 64:
        raise argparse.ArgumentTypeError("a whole number from 1 to 64")
    return int(text)


def _cache_seconds(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text[:40]!r}") from None
    if not math.isfinite(v) or not 0 <= v <= 300:
        raise argparse.ArgumentTypeError("from 0 to 300 seconds")
    return v


def _default_blobs(db_url: str) -> Path:
    from sala.central.db import normalize_url
    url = normalize_url(db_url)
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        return Path(url[len("sqlite:///"):] + ".blobs")
    return Path.cwd() / "sala-central-blobs"


def openapi_text() -> str:
    """The OpenAPI document of the app, as committed in ``openapi.json`` (stable formatting)."""
    from sala.central.app import Settings, create_app
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(Settings(db_url=str(Path(tmp) / "o.sqlite3"), blobs_dir=Path(tmp) / "b"))
        doc = app.openapi()
        app.state.engine.dispose()
    return json.dumps(doc, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _engine(args: argparse.Namespace):  # keeps heavy imports out of --help
    from sqlalchemy.exc import ArgumentError, DBAPIError

    from sala.central import db
    try:
        engine = db.make_engine(args.db)
        db.migrate(engine)
    except (ArgumentError, DBAPIError, ValueError) as exc:
        first = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or ["?"])[0]
        raise UsageError(f"cannot use the database {_redact(args.db)}: {first[:200]}") from None
    return engine


def _redact(url: str) -> str:
    """A database URL without its password, for messages."""
    head, sep, tail = url.partition("@")
    if sep and "://" in head:
        scheme, _, cred = head.partition("://")
        return f"{scheme}://{cred.partition(':')[0]}:***@{tail}"
    return url


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from sala.central.app import Settings, create_app
    from sala.wire.protocol import Limits
    base = Settings(db_url=args.db, blobs_dir=Path("."))
    lim = base.limits
    limits = Limits(max_body_bytes=args.max_body_bytes or lim.max_body_bytes,
                    max_uncompressed_bytes=lim.max_uncompressed_bytes,
                    max_records=args.max_records or lim.max_records,
                    max_blob_bytes=lim.max_blob_bytes,
                    max_reconcile_ids=lim.max_reconcile_ids)
    if args.name:
        os.environ["SALA_CENTRAL_NAME"] = args.name
    blobs = Path(args.blobs) if args.blobs else _default_blobs(args.db)
    settings = Settings(db_url=args.db, blobs_dir=blobs, limits=limits,
                        body_timeout_s=args.body_timeout,
                        partial_ttl_s=args.partial_ttl_hours * 3600,
                        max_inflight_per_device=args.max_per_device,
                        token_cache_s=args.token_cache_seconds)

    def config(app: Any) -> uvicorn.Config:
        return uvicorn.Config(app, host=args.host, port=args.port, log_level=args.log_level,
                              access_log=False, timeout_graceful_shutdown=5)

    if args.workers > 1:
        from sala.central import workers
        _engine(args).dispose()            # migrate once, before the workers start
        sock = (socket.socket(fileno=args.fd) if args.fd is not None
                else socket.create_server((args.host, args.port), backlog=2048))

        def run(s: socket.socket) -> None:
            uvicorn.Server(config(create_app(settings, migrate=False))).run(sockets=[s])
        return workers.serve(run, sock, args.workers)
    from sqlalchemy.exc import ArgumentError, DBAPIError
    try:
        app = create_app(settings)
    except (ArgumentError, DBAPIError, ValueError) as exc:
        first = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or ["?"])[0]
        raise UsageError(f"cannot use the database {_redact(args.db)}: {first[:200]}") from None
    # --fd: a socket already listening, handed over by whoever started us (systemd socket
    # activation, the tests): clients may connect before we are up and simply wait.
    sockets = [socket.socket(fileno=args.fd)] if args.fd is not None else None
    uvicorn.Server(config(app)).run(sockets=sockets)
    return 0


def cmd_enroll_code(args: argparse.Namespace) -> int:
    from sala.central import auth
    from sala.wire import enroll as enroll_wire
    engine = _engine(args)
    codes = auth.mint_codes(engine, args.count, args.ttl_hours * 3600)
    fingerprint = enroll_wire.group(enroll_wire.code_fingerprint(auth.public_key_of(engine)))
    print(f"{len(codes)} enrollment {'code' if len(codes) == 1 else 'codes'}, "
          f"valid {args.ttl_hours} h, each usable once. The "
          f"last three groups ({fingerprint}) are this platform's key: a laptop refuses a server "
          "that does not prove it. Give each code whole:", file=sys.stderr)
    for code in codes:
        print(code)
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    from sala.central import auth
    if not auth.revoke(_engine(args), args.device_id):
        return _no_device(args.device_id)
    print(f"revoked {args.device_id}")
    return 0


def cmd_reinstate(args: argparse.Namespace) -> int:
    from sala.central import auth
    if not auth.reinstate(_engine(args), args.device_id):
        print(f"no such device: {args.device_id}", file=sys.stderr)
        return 1
    print(f"reinstated {args.device_id}: it may enroll again with a new code")
    return 0


def _printable(text: object) -> str:
    return "".join(ch for ch in str(text) if ch.isprintable() and ch != "\t")


def cmd_devices(args: argparse.Namespace) -> int:
    """``devices`` / ``devices list``: one tab-separated line per device id."""
    from datetime import UTC, datetime

    from sala.central import auth
    rows = auth.list_devices(_engine(args))
    def stamp(when: object) -> str:
        return (datetime.fromtimestamp(float(when), UTC).isoformat(timespec="seconds")  # type: ignore[arg-type]
                if when is not None else "")

    print("device_id\tstate\tkey\tvia\tname\tvouched_by\tvouched_at\treleased_at")
    for r in rows:
        print(f"{r['device_id']}\t{r['state']}\t{r['key']}\t{r['via']}\t{_printable(r['name'])}"
              f"\t{r['vouched_by']}\t{stamp(r['vouched_at'])}\t{stamp(r['released_at'])}")
    print(f"{len(rows)} {'device' if len(rows) == 1 else 'devices'}. "
          "States: enrolled (proved its key), vouched (registered "
          "offline by the supervisor in vouched_by), assigned (bound by an administrator), "
          "unbound (released; binds at its next enrollment), revoked, pinned (key taken from a "
          "forwarded batch by an older service: check it, reassign or unbind)", file=sys.stderr)
    return 0


def _no_device(device_id: str) -> int:
    print(f"no such device: {_printable(device_id)[:80]} (see 'sala-central devices list')",
          file=sys.stderr)
    return 1


def cmd_devices_reassign(args: argparse.Namespace) -> int:
    from sala.central import auth
    from sala.wire import crypto
    if args.release:
        if not auth.unbind(_engine(args), args.device_id):
            return _no_device(args.device_id)
        print(f"released {args.device_id}: its token no longer works; its next enrollment "
              "(or a supervisor's vouch made from now on) binds the key it proves")
        return 0
    try:
        fingerprint = crypto.key_fingerprint(args.key)
        ok = auth.reassign(_engine(args), args.device_id, args.key)
    except crypto.CryptoError:
        raise UsageError("--key must be a base64 raw Ed25519 public key (44 characters, as in "
                         "the laptop's USB bundle, index.json)") from None
    if not ok:
        return _no_device(args.device_id)
    print(f"reassigned {args.device_id} to key {fingerprint}: its old token no longer works; "
          "batches signed with that key are accepted, and the laptop holding it enrolls with a "
          "new code")
    return 0


def cmd_devices_revoke(args: argparse.Namespace) -> int:
    return cmd_revoke(args)


def cmd_unbind(args: argparse.Namespace) -> int:
    from sala.central import auth
    if not auth.unbind(_engine(args), args.device_id):
        print(f"no such device: {args.device_id}", file=sys.stderr)
        return 1
    print(f"unbound {args.device_id}: its next enrollment (or a supervisor's vouch made from "
          "now on) binds the key it proves")
    return 0


def cmd_catalog_import(args: argparse.Namespace) -> int:
    from sala.central import catalog
    from sala.central.seed_catalog import SEED
    if args.seed:
        doc = SEED
    elif args.file:
        try:
            doc = json.loads(Path(args.file).read_text(encoding="utf-8"))
        except OSError as exc:
            raise UsageError(f"cannot read {args.file}: {exc.strerror or exc}") from None
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise UsageError(f"{args.file} is not a UTF-8 JSON catalogue: "
                             f"{str(exc)[:120]}") from None
        if not isinstance(doc, dict) or not set(doc) <= set(catalog.KINDS):
            raise UsageError(f"{args.file}: expected {{\"topics\": [...], \"venues\": [...], "
                             f"\"guides\": [...]}}")
    else:
        print("give FILE.json or --seed", file=sys.stderr)
        return 2
    try:
        changed = catalog.import_catalog(_engine(args), doc)
    except (ValueError, TypeError) as exc:
        raise UsageError(f"catalogue refused: {str(exc)[:200]}") from None
    print(f"{changed} catalogue {'item' if changed == 1 else 'items'} added or changed")
    return 0


def _days(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 3660:
        raise argparse.ArgumentTypeError("a number of days from 1 to 3660")
    return int(text)


def cmd_deployment_file(args: argparse.Namespace) -> int:
    """Sign the deployment file laptops of this platform are installed with
    (``sala setup FILE``; PROTOCOL.md, "The platform's identity")."""
    from datetime import UTC, datetime, timedelta
    from urllib.parse import urlsplit

    from sala.central import db
    from sala.wire import crypto
    from sala.wire import deployment as dep_wire

    parts = urlsplit(args.url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise UsageError("--url must be the address laptops sync to, https://host[:port]")
    province = dep_wire.province_code(args.province)
    if province is None:
        raise UsageError("--province: not one of the 77 provinces (Thai or English name, or code)")
    meta = db.meta(_engine(args))
    key = crypto.signing_key_from_bytes(crypto.b64d(meta["signing_private"]))
    issued = datetime.now(UTC)
    dep = dep_wire.Deployment(
        url=args.url.rstrip("/"), server_id=meta["server_id"], name=meta["name"],
        signing_key=meta["signing_public"], sealing_key=meta["sealing_public"],
        sealing_alg=crypto.SEAL_ALG, agency=args.agency.strip(), unit=args.unit.strip(),
        province=province, issued_at=dep_wire.iso(issued),
        expires_at=dep_wire.iso(issued + timedelta(days=args.days)))
    Path(args.out).write_bytes(dep_wire.sign(key, dep))
    print(f"{args.out}: {meta['server_id']} key {crypto.key_fingerprint(meta['signing_public'])}, "
          f"valid until {dep.expires_at}")
    return 0


def cmd_openapi(args: argparse.Namespace) -> int:
    text = openapi_text()
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    _engine(args)
    print("database is at the latest schema")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="sala-central", description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    default_db = os.environ.get("SALA_CENTRAL_DB")

    def with_db(sp: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sp.add_argument("--db", default=default_db, required=default_db is None,
                        help="SQLite path/URL or postgresql+psycopg:// URL")
        return sp

    s = with_db(sub.add_parser("serve", help="run the HTTP service"))
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=_port, default=8765)
    s.add_argument("--fd", type=int, help="serve on this inherited, already listening socket "
                                         "(socket activation); --host and --port are then unused")
    s.add_argument("--blobs", help="blob directory (default: beside the SQLite file)")
    s.add_argument("--name", help="server name shown in /v1/hello (first start only)")
    s.add_argument("--max-body-bytes", type=_positive, default=0)
    s.add_argument("--max-records", type=_positive, default=0)
    s.add_argument("--body-timeout", type=_seconds, default=30.0,
                   help="cut an upload that sends nothing for this many seconds (408)")
    s.add_argument("--partial-ttl-hours", type=_hours, default=24.0,
                   help="delete unfinished blob uploads untouched this long")
    s.add_argument("--workers", type=_workers, default=1,
                   help="service processes on one socket (1 to 64; PostgreSQL for more than 1)")
    s.add_argument("--max-per-device", type=_workers, default=4,
                   help="batches one device may have in the service at once (429 past it)")
    s.add_argument("--token-cache-seconds", type=_cache_seconds, default=5.0,
                   help="a verified token spares batches a lookup this long (each batch checks "
                        "it again in its transaction, so revocation is immediate); 0 = off")
    s.add_argument("--log-level", default="warning")
    s.set_defaults(func=cmd_serve)
    e = with_db(sub.add_parser("enroll-code", help="mint one-time enrollment codes"))
    e.add_argument("--count", type=_count, default=1, help="1 to 1000")
    e.add_argument("--ttl-hours", type=_hours, default=72.0)
    e.set_defaults(func=cmd_enroll_code)
    r = with_db(sub.add_parser("revoke", help="revoke a device"))
    r.add_argument("device_id")
    r.set_defaults(func=cmd_revoke)
    reinstate_help = ("lift a device's revocation (it must then enroll again with a new code). "
                      "Its key is trusted again, with whatever it signed while revoked: for a "
                      "laptop lost or stolen, release its id instead (sala-central unbind)")
    ri = with_db(sub.add_parser("reinstate", help=reinstate_help, description=reinstate_help))
    ri.add_argument("device_id")
    ri.set_defaults(func=cmd_reinstate)
    def any_db(sp: argparse.ArgumentParser) -> argparse.ArgumentParser:
        # --db before or after the action word; checked in main() (a subparser's default
        # would otherwise overwrite the value given before it)
        sp.add_argument("--db", default=argparse.SUPPRESS,
                        help="SQLite path/URL or postgresql+psycopg:// URL")
        return sp

    dv = any_db(sub.add_parser("devices", help="list, reassign or revoke device bindings"))
    dv.set_defaults(func=cmd_devices)
    dsub = dv.add_subparsers(dest="action", required=False)
    any_db(dsub.add_parser("list", help="every device id, its state, key and who vouched"))
    dr = any_db(dsub.add_parser("reassign", help="bind a device id to another key, or release it"))
    dr.add_argument("device_id")
    how = dr.add_mutually_exclusive_group(required=True)
    how.add_argument("--key", help="the new base64 Ed25519 public key")
    how.add_argument("--release", action="store_true",
                     help="release the id from any key (it binds at its next enrollment)")
    dr.set_defaults(func=cmd_devices_reassign)
    dk = any_db(dsub.add_parser("revoke", help="revoke a device: its token and batches are refused"))
    dk.add_argument("device_id")
    dk.set_defaults(func=cmd_devices_revoke)
    ub = with_db(sub.add_parser("unbind", help="release a device id from its key (it must "
                                               "enroll again, proving its key)"))
    ub.add_argument("device_id")
    ub.set_defaults(func=cmd_unbind)
    c = with_db(sub.add_parser("catalog-import", help="import topics/venues/guides JSON"))
    c.add_argument("file", nargs="?")
    c.add_argument("--seed", action="store_true", help="import the built-in Thai starter set")
    c.set_defaults(func=cmd_catalog_import)
    d = with_db(sub.add_parser("deployment-file",
                               help="write the signed deployment file laptops are installed with"))
    d.add_argument("--url", required=True, help="the address laptops sync to (https://…)")
    d.add_argument("--out", required=True, help="where to write the file")
    d.add_argument("--agency", default="", help="agency printed on reports")
    d.add_argument("--unit", default="", help="unit printed under the agency")
    d.add_argument("--province", default="", help="default province (name or code)")
    d.add_argument("--days", type=_days, default=365, help="valid this many days (default 365)")
    d.set_defaults(func=cmd_deployment_file)
    o = sub.add_parser("openapi", help="print the OpenAPI JSON of the service")
    o.add_argument("--out", help=f"write to this file (the committed copy is {OPENAPI_PATH})")
    o.set_defaults(func=cmd_openapi)
    m = with_db(sub.add_parser("migrate", help="create or upgrade the database schema"))
    m.set_defaults(func=cmd_migrate)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "db", None) is None:
        args.db = os.environ.get("SALA_CENTRAL_DB")
        if args.db is None and args.cmd == "devices":
            parser.error("devices: the following arguments are required: --db")
    try:
        return int(args.func(args))
    except UsageError as exc:
        print(f"sala-central {args.cmd}: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:   # e.g. serve: the port is taken; --out: cannot write
        print(f"sala-central {args.cmd}: {exc.strerror or exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
