"""``sala``: no argument starts the GUI; subcommands serve scripts and supervisors.

Every command takes ``--db PATH``. Known trouble (bad input, damaged database, no link) exits
non-zero with a message in Thai and English; anything else is a bug, logged with its traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from sala import __version__
from sala.commands import backup_cmd, demo_cmd, export_cmd, info_cmd, report_cmd, sync_cmd
from sala.domain.errors import SalaError

# Each module offers ``add_parser(subparsers)``; the parser it adds sets ``func(args, services)``.
COMMANDS = (info_cmd, demo_cmd, backup_cmd, report_cmd, export_cmd, sync_cmd)

EXIT_USER_ERROR = 2
EXIT_BUG = 70


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sala", description="Sala — บันทึกเวทีรับฟังความคิดเห็น / consultation field tool")
    parser.add_argument("--version", action="version", version=f"sala {__version__}")
    parser.add_argument("--db", type=Path, help="database file (default: the user's data folder)")
    parser.add_argument("--lang", choices=("th", "en"), default=None, help="language of messages")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from sala.ui.main import run_gui

        return run_gui(args.db, lang=args.lang)
    from sala.bootstrap import build_services, resolve_paths, setup_logging

    paths = resolve_paths(args.db)
    try:
        services = build_services(paths)
    except SalaError as exc:
        print(exc.bilingual(), file=sys.stderr)
        return EXIT_USER_ERROR
    setup_logging(paths)
    try:
        return int(args.func(args, services) or 0)
    except SalaError as exc:
        print(exc.bilingual(), file=sys.stderr)
        return getattr(exc, "exit_code", EXIT_USER_ERROR)
    except KeyboardInterrupt:
        return 130
    except Exception:
        logging.getLogger("sala.cli").exception("unexpected error in %s", args.command)
        print("เกิดข้อผิดพลาดภายในโปรแกรม รายละเอียดอยู่ในไฟล์บันทึก\nAn internal error occurred; details are in the log: "
              f"{paths.log_dir / 'sala.log'}", file=sys.stderr)
        return EXIT_BUG
    finally:
        services.close()
