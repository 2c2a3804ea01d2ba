"""Real servers for integration tests: ``sala-central`` and PostgreSQL as child processes.

Nothing here is mocked: the service runs as its own process on 127.0.0.1 (random free port),
PostgreSQL is initdb'ed from the installed binaries into a temp folder. Every process started
here is stopped by its owner's ``stop()`` (fixtures call it in ``finally``).
"""

from __future__ import annotations

import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from sala.wire import crypto
from sala.wire.protocol import Hello, parse_hello

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def listening_socket(port: int = 0) -> socket.socket:
    """A socket already listening on 127.0.0.1, to hand to a server child (``--fd``).

    Connections made before the child is serving wait in the kernel's backlog, so the first
    request simply blocks until the server answers: no polling for readiness, and no window in
    which another process could take a port picked in advance.
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # a restart on the same port
    sock.bind(("127.0.0.1", port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def central_cmd() -> list[str]:
    """``sala-central`` from the venv, falling back to ``python -m`` (same code either way)."""
    exe = Path(sys.executable).with_name("sala-central")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "sala.central.cli"]


@dataclass
class CentralServer:
    """One ``sala-central serve`` child process bound to a database URL."""

    db_url: str
    blobs_dir: Path
    extra_args: list[str] = field(default_factory=list)
    port: int = 0
    proc: subprocess.Popen[bytes] | None = None
    hello: Hello | None = None
    log_path: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> CentralServer:
        sock = listening_socket(self.port or 0)
        self.port = int(sock.getsockname()[1])
        self.log_path = self.blobs_dir.parent / f"central-{self.port}.log"
        log = open(self.log_path, "wb")  # owned by the child
        with sock:
            self.proc = subprocess.Popen(
                [*central_cmd(), "serve", "--fd", str(sock.fileno()), "--db", self.db_url,
                 "--blobs", str(self.blobs_dir), *self.extra_args],
                stdout=log, stderr=subprocess.STDOUT, cwd=REPO, env=_child_env(), pass_fds=[sock.fileno()])
        log.close()
        try:  # waits in the backlog until the child serves; refused at once if the child died
            r = httpx.get(self.url + "/v1/hello", timeout=timeout)
            self.hello = parse_hello(r.content)
        except (httpx.HTTPError, ValueError) as exc:
            self.stop()
            raise RuntimeError(f"sala-central did not answer /v1/hello ({exc}):\n{self.log()}") from exc
        return self

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path else ""

    def cli(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run an admin command of the real CLI against this server's database."""
        return subprocess.run([*central_cmd(), *args, "--db", self.db_url], capture_output=True,
                              text=True, check=check, cwd=REPO, env=_child_env(), timeout=60)

    def mint_codes(self, n: int = 1) -> list[str]:
        """Enrollment codes, minted in-process on the same database (fast; the CLI path is
        covered by its own test)."""
        from sala.central import auth, db
        engine = db.make_engine(self.db_url)
        try:
            return auth.mint_codes(engine, n)
        finally:
            engine.dispose()

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.proc = None

    def kill(self) -> None:
        """Hard kill (fault tests: the server dies mid-batch)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        self.proc = None


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "desktop"), env.get("PYTHONPATH", "")])
    return env


@dataclass
class Device:
    """A test device: id, Ed25519 key and (after enroll) its token."""

    device_id: str
    key: object = field(default_factory=crypto.generate_signing_key)
    token: str = ""

    @property
    def public_key(self) -> str:
        return crypto.public_key_b64(self.key)  # type: ignore[arg-type]

    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


# -- PostgreSQL --------------------------------------------------------------------------------

class PostgresMissing(RuntimeError):  # noqa: N818 - a missing install that skips tests, not an error
    pass


def pg_bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise PostgresMissing("PostgreSQL server binaries (initdb, pg_ctl) not found; "
                          "install postgresql (packaging/system-deps.sh does)")


@dataclass
class PostgresCluster:
    """A throwaway cluster in ``root``; initdb refuses root, so run as ``postgres`` if needed."""

    root: Path
    port: int = 0
    bindir: Path | None = None
    _dbs: int = 0

    def _run(self, *cmd: str, timeout: float = 120) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        done = subprocess.run([*prefix, *cmd], capture_output=True, timeout=timeout, cwd="/",
                              text=True)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}):\n"
                               f"{done.stdout}\n{done.stderr}")

    def start(self) -> PostgresCluster:
        self.bindir = pg_bindir()
        self.port = free_port()
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "sock").mkdir(exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
            shutil.chown(self.root / "sock", "postgres", "postgres")
            os.chmod(self.root, 0o700)
        data = self.root / "data"
        self._run(str(self.bindir / "initdb"), "-D", str(data), "-U", "postgres",
                  "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        opts = (f"-c listen_addresses=127.0.0.1 -p {self.port} "
                f"-c unix_socket_directories={self.root / 'sock'} -c fsync=off "
                f"-c max_connections=100")
        self._run(str(self.bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-w", "-t", "60",
                  "-l", str(self.root / "pg.log"), "start")
        return self

    def create_database(self) -> str:
        import psycopg
        self._dbs += 1
        name = f"central_{os.getpid()}_{self._dbs}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        if self.bindir is not None:
            try:
                self._run(str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"), "-m",
                          "immediate", "stop", timeout=60)
            except RuntimeError:
                pass
            self.bindir = None


# -- small client helpers for tests (the real client lives in sala.sync, built on protocol) ---

def contribution(device_id: str, seq: int, text: str = "อยากให้ลดการเผาในที่โล่ง",
                 **body: object) -> dict:
    from sala.wire.protocol import make_record
    return dict(make_record(device_id=device_id, seq=seq, type="contribution",
                            body={"text": text, "stance": "support", **body}))


def post_batch(server: CentralServer, sender: Device, records: list, *,
               origin: Device | None = None, batch_id: str | None = None,
               signed: object = None, client: httpx.Client | None = None) -> httpx.Response:
    """Sign ``records`` as ``origin`` (default: the sender) and POST them with the sender's
    token. ``signed`` (a SignedBatch) is sent as-is instead, e.g. a forwarded or tampered one."""
    from sala.wire.protocol import Batch, sign_batch
    origin = origin or sender
    if signed is None:
        batch = Batch(origin.device_id, records, **({"batch_id": batch_id} if batch_id else {}))
        signed = sign_batch(batch, origin.key)  # type: ignore[arg-type]
    headers = signed.headers() | sender.auth()  # type: ignore[attr-defined]
    c = client or httpx
    return c.post(server.url + "/v1/batches", content=signed.body,  # type: ignore[attr-defined]
                  headers=headers, timeout=60)
