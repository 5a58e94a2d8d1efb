"""Layouts of the two pictures of an event, computed server-side: the timeline and the coverage chart.

This module only computes coordinates and labels; `templates/_charts.html` draws them as inline SVG (escaped by
Jinja like everything else, with presentation attributes rather than inline styles so the strict CSP holds).
Both charts use a fixed viewBox and scale to the width of the page, so they read the same on a phone and printed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

# Drawing units of the viewBox; the SVG scales to its container, so these fix proportions, not pixels.
CHART_WIDTH = 720
LABEL_WIDTH = 170  # room for an outlet name on the coverage chart
MARGIN_RIGHT = 56  # room for the per-outlet count
ROW_HEIGHT = 30
AXIS_HEIGHT = 34
DOT_RADIUS = 6

# At most this many tick labels on a time axis: more overlap at phone width (720 units ≈ 360 px there).
MAX_TICKS = 7


def parse_published(value: str | None) -> datetime | None:
    """An ISO 8601 timestamp or date as a datetime (aware when the value carries an offset), or None."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    for pattern in ("%Y-%m", "%Y"):
        try:
            return datetime.strptime(text, pattern)
        except ValueError:
            continue
    return None


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


# ------------------------------------------------------------------------------------------------ coverage


@dataclass(slots=True)
class Tick:
    x: float
    label: str


@dataclass(slots=True)
class Dot:
    x: float
    y: float
    number: int
    title: str
    href: str


@dataclass(slots=True)
class CoverageRow:
    outlet: str
    y: float
    count: int
    undated: int


@dataclass(slots=True)
class CoverageChart:
    width: int
    height: int
    plot_left: float
    plot_right: float
    axis_y: float
    zone: str
    rows: list[CoverageRow]
    dots: list[Dot]
    ticks: list[Tick]
    undated: int
    description: str


def _common_zone(moments: list[datetime]) -> timezone:
    """The UTC offset most of the articles were written in: an Indonesian reader reads times in WIB, not UTC."""
    offsets = Counter(m.utcoffset() for m in moments if m.tzinfo is not None and m.utcoffset() is not None)
    if not offsets:
        return UTC
    offset = offsets.most_common(1)[0][0]
    return timezone(offset) if offset else UTC


def _zone_label(zone: timezone) -> str:
    offset = zone.utcoffset(None)
    if not offset:
        return "UTC"
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _time_ticks(start: datetime, end: datetime, zone: timezone) -> list[datetime]:
    """Round tick moments between start and end (in `zone`): hours for a day's news, days or months beyond."""
    span = end - start
    steps = [
        timedelta(hours=1),
        timedelta(hours=3),
        timedelta(hours=6),
        timedelta(hours=12),
        timedelta(days=1),
        timedelta(days=2),
        timedelta(days=7),
        timedelta(days=30),
        timedelta(days=91),
        timedelta(days=365),
    ]
    step = next((s for s in steps if span / s <= MAX_TICKS - 1), steps[-1])
    local_start = start.astimezone(zone)
    if step < timedelta(days=1):
        hours = int(step.total_seconds() // 3600)
        first = local_start.replace(minute=0, second=0, microsecond=0)
        first = first.replace(hour=(first.hour // hours) * hours)
    else:
        first = local_start.replace(hour=0, minute=0, second=0, microsecond=0)
    ticks: list[datetime] = []
    moment = first
    while moment <= end and len(ticks) < 4 * MAX_TICKS:
        if moment >= start:
            ticks.append(moment)
        moment = moment + step
    return ticks[: MAX_TICKS + 1]


def _tick_label(moment: datetime, span: timedelta) -> str:
    if span <= timedelta(days=2):
        return moment.strftime("%d %b %H:%M")
    if span <= timedelta(days=120):
        return moment.strftime("%d %b")
    return moment.strftime("%b %Y")


def coverage_chart(articles: list[tuple[int, str, str | None, str, str]]) -> CoverageChart | None:
    """Articles per outlet over time: one row per outlet, one dot per article at its publication time.

    `articles` are (source number, outlet, published, headline, href). Undated articles are counted on their row
    but not placed (a guessed time would be a lie).
    """
    if not articles:
        return None
    parsed = [
        (number, outlet, parse_published(published), title, href)
        for number, outlet, published, title, href in articles
    ]
    dated = [_utc(p[2]) for p in parsed if p[2] is not None]
    zone = _common_zone([p[2] for p in parsed if p[2] is not None])
    first_seen: dict[str, datetime] = {}
    for _, outlet, moment, _, _ in parsed:
        key = _utc(moment) if moment else datetime.max.replace(tzinfo=UTC)
        first_seen[outlet] = min(first_seen.get(outlet, key), key)
    outlets = sorted(first_seen, key=lambda o: (first_seen[o], o))
    plot_left, plot_right = float(LABEL_WIDTH), float(CHART_WIDTH - MARGIN_RIGHT)
    rows: list[CoverageRow] = []
    row_of: dict[str, CoverageRow] = {}
    for position, outlet in enumerate(outlets):
        row = CoverageRow(
            outlet=outlet, y=AXIS_HEIGHT / 2 + ROW_HEIGHT * position + ROW_HEIGHT / 2, count=0, undated=0
        )
        rows.append(row)
        row_of[outlet] = row
    height = int(AXIS_HEIGHT / 2 + ROW_HEIGHT * len(rows) + AXIS_HEIGHT)
    axis_y = AXIS_HEIGHT / 2 + ROW_HEIGHT * len(rows) + 4
    ticks: list[Tick] = []
    dots: list[Dot] = []
    if dated:
        start, end = min(dated), max(dated)
        if end - start < timedelta(hours=1):
            # A single moment still needs an axis: centre it in a two-hour window.
            start, end = start - timedelta(hours=1), end + timedelta(hours=1)
        pad = (end - start) * 0.04
        start, end = start - pad, end + pad
        span = end - start

        def x_of(moment: datetime) -> float:
            return plot_left + (plot_right - plot_left) * ((moment - start) / span)

        ticks = [Tick(round(x_of(t), 1), _tick_label(t, span)) for t in _time_ticks(start, end, zone)]
    for number, outlet, moment, title, href in parsed:
        row = row_of[outlet]
        row.count += 1
        if moment is None:
            row.undated += 1
            continue
        when = _utc(moment).astimezone(zone).strftime("%d %b %Y %H:%M")
        dots.append(
            Dot(round(x_of(_utc(moment)), 1), row.y, number, f"[{number}] {outlet}, {when}: {title}", href)
        )
    undated = sum(row.undated for row in rows)
    description = (
        f"{len(articles)} articles from {len(rows)} outlets"
        + (f", {undated} without a publication time" if undated else "")
        + "."
    )
    return CoverageChart(
        width=CHART_WIDTH,
        height=height,
        plot_left=plot_left,
        plot_right=plot_right,
        axis_y=axis_y,
        zone=_zone_label(zone),
        rows=rows,
        dots=dots,
        ticks=ticks,
        undated=undated,
        description=description,
    )


# ------------------------------------------------------------------------------------------------ timeline


@dataclass(slots=True)
class TimelineMark:
    x: float
    y: float
    number: int
    title: str


@dataclass(slots=True)
class TimelineChart:
    width: int
    height: int
    line_y: float
    left: float
    right: float
    marks: list[TimelineMark]
    ticks: list[Tick]


TIMELINE_STACK_GAP = 19  # vertical distance between marks of the same day
TIMELINE_MAX_STACK = 6  # deeper stacks are capped (their numbers still appear in the list below)


def _timeline_day(value: str) -> date | None:
    # "2023-09-13", "2023-09-13T10:00", "2023-09" (a month: drawn at its first day), "2023".
    for pattern, width in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            return datetime.strptime(value[:width], pattern).date()
        except ValueError:
            continue
    return None


def timeline_chart(entries: list[tuple[int, str, str]]) -> TimelineChart | None:
    """Numbered marks on a horizontal time axis, spaced by date; same-day marks stack upwards.

    `entries` are (number, ISO date, text); the numbers match the list printed under the chart, which carries the
    text (an SVG is a poor place for sentences).
    """
    placed = [(number, day, text) for number, value, text in entries if (day := _timeline_day(value))]
    if not placed:
        return None
    first = min(day for _, day, _ in placed)
    last = max(day for _, day, _ in placed)
    if first == last:
        first, last = first - timedelta(days=1), last + timedelta(days=1)
    pad = max((last - first).days * 0.05, 0.5)
    left, right = 24.0, float(CHART_WIDTH - 24)
    stacks: Counter[date] = Counter(day for _, day, _ in placed)
    tallest = min(max(stacks.values()), TIMELINE_MAX_STACK)
    line_y = 24 + TIMELINE_STACK_GAP * tallest
    span_days = (last - first).days + 2 * pad

    def x_of(day: date) -> float:
        return left + (right - left) * (((day - first).days + pad) / span_days)

    used: Counter[date] = Counter()
    marks: list[TimelineMark] = []
    for number, day, text in placed:
        level = min(used[day], TIMELINE_MAX_STACK - 1)
        used[day] += 1
        marks.append(
            TimelineMark(
                round(x_of(day), 1),
                line_y - 12 - TIMELINE_STACK_GAP * level,
                number,
                f"{number}. {day.isoformat()}: {text}",
            )
        )
    span = timedelta(days=span_days)
    start = datetime.combine(first, datetime.min.time(), UTC) - timedelta(days=pad)
    end = datetime.combine(last, datetime.min.time(), UTC) + timedelta(days=pad)
    ticks = []
    for moment in _time_ticks(max(start, datetime.combine(first, datetime.min.time(), UTC)), end, UTC):
        label = moment.strftime("%d %b %Y") if span <= timedelta(days=120) else moment.strftime("%b %Y")
        ticks.append(Tick(round(x_of(moment.date()), 1), label))
    return TimelineChart(
        width=CHART_WIDTH,
        height=int(line_y + 30),
        line_y=line_y,
        left=left,
        right=right,
        marks=marks,
        ticks=ticks,
    )
