"""``sala``: no argument starts the GUI; subcommands serve scripts and supervisors.

Every command takes ``--db PATH``. Known trouble (bad input, damaged database, no link) exits
non-zero with a message in Thai and English; anything else is a bug, logged with its traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from sala import __version__
from sala.domain.errors import SalaError, StorageError
from sala.paths import UnusableLocationError

# Each module offers ``add_parser(subparsers)``; the parser it adds sets ``func(args, services)``.
# Imported only when a command is asked for: the GUI's start must not pay for them.
COMMANDS = ("info_cmd", "demo_cmd", "backup_cmd", "restore_cmd", "report_cmd", "export_cmd", "sync_cmd",
            "setup_cmd", "participant_cmd", "audit_cmd", "retention_cmd")

# The exit codes the README lists: 0 done, 2 bad input or a local database/disk that cannot be
# used, 70 a bug; ``sala sync`` adds its own (sala.sync.messages.EXIT_CODES: 3–8), and a
# StorageError during a sync is its "disk" outcome (7), as the README says.
EXIT_USER_ERROR = 2
EXIT_BUG = 70
PRIVATE_UMASK = 0o077  # every file Sala creates (database, backups, logs, exports, keys) is the user's own


def _exit_code(command: str | None, exc: SalaError | UnusableLocationError) -> int:
    if command == "sync" and isinstance(exc, StorageError | UnusableLocationError):
        from sala.commands.sync_cmd import EXIT_CODES, Outcome

        return EXIT_CODES[Outcome.DISK]
    return int(getattr(exc, "exit_code", EXIT_USER_ERROR))


def _common_parser(add_help: bool) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sala", add_help=add_help,
                                     description="Sala — บันทึกเวทีรับฟังความคิดเห็น / consultation field tool")
    parser.add_argument("--version", action="version", version=f"sala {__version__}")
    parser.add_argument("--db", type=Path, help="database file (default: the user's data folder)")
    parser.add_argument("--lang", choices=("th", "en"), default=None, help="language of messages")
    parser.add_argument("--self-check", action="store_true",
                        help="ตรวจความพร้อมของโปรแกรมที่ติดตั้ง / check this installation is whole, then exit")
    return parser


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = _common_parser(add_help=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"sala.commands.{name}").add_parser(sub)
    return parser


def _load_qt_checks():  # the Qt part's qt_checks, imported only for --self-check
    from sala.ui.shell.self_check import qt_checks

    return qt_checks


def main(argv: list[str] | None = None) -> int:
    """Run ``sala`` with files created owner-only (the umask is put back after, for callers that
    run it in-process, such as tests)."""
    if not hasattr(os, "umask"):
        return _main(argv)
    before = os.umask(PRIVATE_UMASK)
    try:
        return _main(argv)
    finally:
        os.umask(before)


def _main(argv: list[str] | None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # No command (only --db/--lang): the GUI, without importing every command first.
    gui_args, rest = _common_parser(add_help=False).parse_known_args(argv)
    if gui_args.self_check:
        from sala.self_check import main as self_check

        return self_check(_load_qt_checks)
    if gui_args.db is None:
        with _thai_words_data_in_our_folder():
            return _run(rest, gui_args, argv)
    return _run(rest, gui_args, argv)


@contextlib.contextmanager
def _thai_words_data_in_our_folder() -> Iterator[None]:
    """PyThaiNLP makes a data folder when first used, ``~/pythainlp-data`` unless told otherwise: a
    stray folder in the user's home (on Windows, in their profile). Point it inside Sala's own data
    folder for the run (put back after, for callers that run ``main`` in-process, such as tests)."""
    keys = ("PYTHAINLP_DATA", "PYTHAINLP_DATA_DIR")
    if any(os.environ.get(k) for k in keys):
        yield
        return
    from sala.paths import AppPaths

    os.environ["PYTHAINLP_DATA"] = str(AppPaths.default().data_dir / "pythainlp")
    try:
        yield
    finally:
        os.environ.pop("PYTHAINLP_DATA", None)


def _run(rest: list[str], gui_args: argparse.Namespace, argv: list[str]) -> int:
    if not rest:
        from sala.ui.shell.main import run_gui

        try:
            return run_gui(gui_args.db, lang=gui_args.lang)
        except (SalaError, UnusableLocationError) as exc:  # an unusable --db, refused before the window opens
            print(exc.bilingual(), file=sys.stderr)
            return EXIT_USER_ERROR
    args = build_parser().parse_args(argv)
    from sala.bootstrap import build_services
    from sala.logging_setup import setup_logging
    from sala.paths import AppPaths

    try:
        paths = AppPaths.resolve(args.db)
        if getattr(args, "before_open", None):
            args.before_open(args, paths)
        services = build_services(paths)
    except (SalaError, UnusableLocationError) as exc:
        print(exc.bilingual(), file=sys.stderr)
        return _exit_code(args.command, exc)
    setup_logging(paths)
    try:
        return int(args.func(args, services) or 0)
    except SalaError as exc:
        print(exc.bilingual(), file=sys.stderr)
        return _exit_code(args.command, exc)
    except KeyboardInterrupt:
        return 130
    except Exception:
        logging.getLogger("sala.cli").exception("unexpected error in %s", args.command)
        print("เกิดข้อผิดพลาดภายในโปรแกรม รายละเอียดอยู่ในไฟล์บันทึก\nAn internal error occurred; details are in the log: "
              f"{paths.log_dir / 'sala.log'}", file=sys.stderr)
        return EXIT_BUG
    finally:
        services.close()
