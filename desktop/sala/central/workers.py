"""``sala-central serve --workers N``: N service processes on one listening socket.

Nothing is shared between the processes but the database (and the socket the kernel hands
connections out of): each builds its own app, engine, token cache and admission after the fork.
Exactly-once does not depend on which process a batch reaches: the ledger serialises batches of
one device on its database row (``ledger``). The parent migrates once, forks, forwards SIGTERM
and SIGINT, and starts a worker again when one dies on its own; workers that keep dying at once
(the database is gone, say) stop the service with exit status 1 instead of a restart loop.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

QUICK_DEATH_S = 5.0      # a worker dying this soon after its start counts as failing to start
MAX_QUICK_DEATHS = 5


def _child(run: Callable[[socket.socket], None], sock: socket.socket) -> None:
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGCHLD):
        signal.signal(sig, signal.SIG_DFL)
    code = 0
    try:
        run(sock)
    except BaseException:   # logged here: nothing above this frame in the child may run the parent's code
        log.exception("service worker failed")
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(code)


def serve(run: Callable[[socket.socket], None], sock: socket.socket, workers: int) -> int:
    """Run ``run(sock)`` in ``workers`` forked processes until SIGTERM/SIGINT; exit status."""
    children: dict[int, float] = {}
    stopping = False
    quick_deaths = 0

    def spawn() -> None:
        pid = os.fork()
        if pid == 0:
            _child(run, sock)
        children[pid] = time.monotonic()

    def stop(_sig: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True
        for pid in list(children):
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for _ in range(workers):
        spawn()
    status = 0
    while children:
        try:
            pid, _ = os.wait()
        except ChildProcessError:
            break
        except InterruptedError:
            continue
        started = children.pop(pid, None)
        if started is None or stopping:
            continue
        quick_deaths = quick_deaths + 1 if time.monotonic() - started < QUICK_DEATH_S else 0
        if quick_deaths >= MAX_QUICK_DEATHS:
            print("sala-central serve: service workers keep failing at start; stopping "
                  "(see the messages above)", file=sys.stderr)
            status = 1
            stop(signal.SIGTERM, None)
            continue
        print(f"sala-central serve: worker {pid} ended; starting another", file=sys.stderr)
        spawn()
    return status
