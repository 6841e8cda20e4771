"""What the matrix and its chart look like: compact figures for cells, bar geometry for the inline SVG chart."""

from __future__ import annotations

from dataclasses import dataclass

from checker.checks.targets import WORDS
from checker.report.desk import Desk

SYMBOLS = {">=": "≥", ">": ">", "=": "", "~": "~", "<=": "≤", "<": "<"}
CHART_WIDTH = 760
LABEL_WIDTH = 230
BAR_HEIGHT = 18
GAP = 8


def compact_figure(figure: str) -> str:
    """"tối thiểu 85%" → "≥85%", "trên 90% (phấn đấu)" → ">90%*": a cell is narrow, the title says it in full."""
    out = figure.replace(" (phấn đấu)", "*")
    for comparator, word in WORDS.items():
        if out.startswith(word + " "):
            return SYMBOLS[comparator] + out[len(word) + 1 :]
    return out


@dataclass(frozen=True)
class Bar:
    label: str
    title: str
    y: int
    missing: int
    weaker: int
    w_missing: float
    w_weaker: float


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    label_width: int
    bar_height: int
    scale_max: int
    bars: list[Bar]
    ticks: list[tuple[float, int]]  # (x, value)


def chart(desk: Desk, limit: int = 10) -> Chart:
    """Horizontal stacked bars (missing, then weaker) of the items most often short, on a scale of all units."""
    worst = desk.weakest(limit)
    scale = max(1, len(desk.rows))
    span = CHART_WIDTH - LABEL_WIDTH - 60
    bars = []
    for k, (item, missing, weaker) in enumerate(worst):
        bars.append(Bar(item.label, item.message, 28 + k * (BAR_HEIGHT + GAP), missing, weaker,
                        span * missing / scale, span * weaker / scale))
    step = _tick_step(scale)
    values = list(range(0, scale + 1, step))
    if values[-1] != scale:  # the axis ends at the number of units: say so, unless a tick stands too close
        values = values[:-1] if scale - values[-1] < step / 2 else values
        values.append(scale)
    ticks = [(LABEL_WIDTH + span * v / scale, v) for v in values]
    height = 28 + len(bars) * (BAR_HEIGHT + GAP) + 24
    return Chart(CHART_WIDTH, height, LABEL_WIDTH, BAR_HEIGHT, scale, bars, ticks)


def _tick_step(scale: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500):
        if scale / step <= 6:
            return step
    return max(1, scale // 5)
