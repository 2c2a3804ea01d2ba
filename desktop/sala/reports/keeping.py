"""What must stay together on a printed page: a heading with what it heads, the sign-off with
what it signs. No Qt.

reportlab's own ``keepWithNext`` glues a heading to the *whole* next flowable, so a heading over
a long table drags the table to the next page and leaves most of a page blank. Here a heading
only asks for room for itself and the *start* of what follows (a table's header and first row,
two lines of a paragraph, a whole chart): :class:`KeepWithNext` sits before the heading and turns
into a page break when that room is missing. :func:`bind_headings` tells each one what follows.

A closing block (the signatures) must not be alone on the last page: :func:`keep_closing_with`
gives the layout to retry with when it was, pulling the last rows of the table before it (with
the table's header repeated, as on any continued page) or the last flowable onto that page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

FIRST_LINES = 2  # lines of a paragraph that must follow its heading on the same page
MOVE_ROWS = 2  # table rows carried onto the sign-off's page
MAX_SHARE = 0.6  # never ask for more than this share of a fresh page


class KeepWithNext(CondPageBreak):
    """Placed before a heading: a page break unless the heading (and any headings right after
    it) and the start of the first flowable under them fit on what is left of the page."""

    def __init__(self) -> None:
        super().__init__(0)
        self.following: list[Flowable] = []

    def __repr__(self) -> str:
        return f"KeepWithNext({len(self.following)} flowables)"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        frame = self._doctemplateAttr("frame")
        if frame is not None and getattr(frame, "_atTop", False):
            return 0, 0  # already at the top: a break would only waste a page
        need = room_needed(self.following, self.canv, availWidth, availHeight)
        full = getattr(frame, "_height", None) or availHeight
        self.height = min(need, full * MAX_SHARE)
        return super().wrap(availWidth, availHeight)


def is_heading(flowable: Flowable) -> bool:
    return bool(getattr(flowable, "_sala_heading", False))


def mark_heading(flowable: Flowable) -> Flowable:
    flowable._sala_heading = True
    return flowable


def room_needed(following: Sequence[Flowable], canv: Any, width: float, height: float) -> float:
    """Height of the headings in ``following`` plus the start of the first other flowable.

    A one- or two-line paragraph right under the headings ("รวม 53 รายการ") is a lead-in, not
    content: the start of what comes after it is needed too.
    """
    total = 0.0
    rest = [f for f in following if not isinstance(f, KeepWithNext)]
    for i, f in enumerate(rest):
        _w, h = f.wrapOn(canv, width, height)
        if isinstance(f, KeepTogether):
            h = getattr(f, "_H", h)  # its wrap() answers a huge height on purpose, to force a split
        space = f.getSpaceBefore() + f.getSpaceAfter()
        if is_heading(f) or isinstance(f, Spacer):
            total += h + space
            continue
        if _is_lead_in(f, h) and i + 1 < len(rest) and not is_heading(rest[i + 1]):
            total += h + space
            continue
        return total + f.getSpaceBefore() + _start_height(f, h)
    return total


def _is_lead_in(f: Flowable, height: float) -> bool:
    leading = getattr(getattr(f, "style", None), "leading", 0) or 0
    return isinstance(f, Paragraph) and bool(leading) and height <= FIRST_LINES * leading + 0.5


def _start_height(f: Flowable, height: float) -> float:
    if isinstance(f, Table):
        rows = list(getattr(f, "_rowHeights", None) or [])
        keep = (getattr(f, "repeatRows", 0) or 0) + 1
        return sum(rows[:keep]) if len(rows) > keep + 1 else height
    if isinstance(f, Paragraph):
        leading = getattr(f.style, "leading", 0) or 0
        return min(height, FIRST_LINES * leading) if leading else height
    return height  # a chart, an image, a KeepTogether: all of it


def bind_headings(flowables: Sequence[Flowable]) -> None:
    """Give every :class:`KeepWithNext` in ``flowables`` the flowables it must keep together:
    the headings right after it and the first flowable that is not a heading (and, should that
    be a short lead-in paragraph, the one after it)."""
    for i, f in enumerate(flowables):
        if not isinstance(f, KeepWithNext):
            continue
        j = i + 1
        while j < len(flowables) and (is_heading(flowables[j]) or isinstance(flowables[j], (KeepWithNext, Spacer))):
            j += 1
        f.following = list(flowables[i + 1:j + 2])


class PageProbe(Flowable):
    """Zero-size flowable that remembers the page it was drawn on."""

    def __init__(self) -> None:
        super().__init__()
        self.page: int | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        self.page = self.canv.getPageNumber()


def keep_closing_with(content: list[Flowable], closing: Sequence[Flowable]) -> list[Flowable]:
    """``content`` followed by ``closing`` kept together with the end of ``content``.

    The last flowable of ``content`` comes along (with its heading, if it has one); a table
    longer than a few rows gives only its last :data:`MOVE_ROWS` rows, under its repeated header.
    """
    body = list(content)
    group: list[Flowable] = []
    while body and isinstance(body[-1], (Spacer, PageProbe)) and not is_heading(body[-1]):
        group.insert(0, body.pop())
    if body:
        last = body.pop()
        split = getattr(last, "_sala_split_rows", None)
        if split is not None and (pieces := split(MOVE_ROWS)) is not None:
            head, tail = pieces
            body.append(head)
            group.insert(0, tail)
        else:
            group.insert(0, last)
            while body and (is_heading(body[-1]) or isinstance(body[-1], KeepWithNext)):
                f = body.pop()
                if is_heading(f):  # (a page-break guard inside KeepTogether would misfire)
                    group.insert(0, f)
    return [*body, KeepTogether([*group, *closing])]
