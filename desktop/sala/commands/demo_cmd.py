"""``sala demo-data --sessions N``: realistic Thai sessions for trying the app out."""

from __future__ import annotations

import argparse

from sala.services.demo import generate


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo-data", help="fill the database with realistic Thai demo sessions")
    p.add_argument("--sessions", type=int, default=50, help="how many sessions (default 50)")
    p.add_argument("--seed", type=int, default=2569)
    p.add_argument("--contributions-per-session", type=int, default=None)
    p.set_defaults(func=run)


def run(args: argparse.Namespace, services) -> int:
    if args.sessions < 1 or args.sessions > 100_000:
        from sala.domain.errors import ValidationError

        raise ValidationError("sessions", "จำนวนเวทีต้องอยู่ระหว่าง 1 ถึง 100,000", "--sessions must be 1 to 100,000")
    counts = generate(services.db, args.sessions, seed=args.seed,
                      contributions_per_session=args.contributions_per_session)
    print(", ".join(f"{k} {v:,}" for k, v in counts.items()))
    return 0
