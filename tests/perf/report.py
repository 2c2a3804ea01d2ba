"""The figures ``make bench`` prints: each measured value beside its target and its baseline."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    target: str = ""          # human text, e.g. "≤ 15 ms"
    ok: bool | None = None    # None when there is no pass/fail target
    baseline: float | None = None
    baseline_name: str = ""
    ratio_target: str = ""    # e.g. "≤ 3×"

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        return self.value / self.baseline


@dataclass
class Report:
    figures: list[Figure] = field(default_factory=list)

    def add(self, name: str, value: float, unit: str, *, target: str = "", ok: bool | None = None,
            baseline: float | None = None, baseline_name: str = "", ratio_target: str = "") -> Figure:
        fig = Figure(name, value, unit, target, ok, baseline, baseline_name, ratio_target)
        if ratio_target and fig.ratio is not None:
            # A stated ratio target is a target: the figure misses when the ratio does.
            limit = float(ratio_target.strip("≤ ×"))
            fig.ok = (ok is not False) and fig.ratio <= limit
        self.figures.append(fig)
        print(format_figure(fig), flush=True)
        return fig


def format_figure(f: Figure) -> str:
    verdict = {True: "OK  ", False: "MISS", None: "    "}[f.ok]
    line = f"{verdict} {f.name:<58} {f.value:>12.2f} {f.unit:<6} target {f.target or '-':<14}"
    if f.baseline is not None:
        line += f" baseline {f.baseline_name} {f.baseline:.2f} {f.unit}, ratio {f.ratio:.2f}×"
        if f.ratio_target:
            line += f" (target {f.ratio_target})"
    return line
