"""One event across many articles: which reports tell the same happening.

Pure Python, no I/O. The store hands in the new reports of a batch and, for their cluster keys
only, the clusters already stored; ``assign`` returns the clusters as they become and why each
report joined the one it joined.

A report joins a cluster when every rule agrees, and the reason is kept with it:

* **key**: same PLOVER type, same polarity (a negated report never merges with an asserted
  one), same actor keys (country or known group) for source and target -- in either order when
  the event type is symmetric (a meeting of A and B is a meeting of B and A);
* **date**: the two date windows nest (a day inside a month agrees with it; two different days
  do not), and the wider of the two is at most ``rules.max_window_days`` long, so a year-only
  date merges with nothing;
* **place**: both places unknown or either unknown; same gazetteer id; a country (or region)
  containing the other place; or two points within ``rules.max_place_km``.

Reports whose source has no key, or that carry no date, stay alone: nothing can show they
are the same event. The order of ``reports`` decides ties; the store hands them in input order
(articles as read, each one's reports as coded), and since each report meets everything made
before it, stored or in the batch, a batch of 7 and a batch of 500 make the same clusters.
Re-ingesting stored articles adds nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from math import asin, cos, radians, sin, sqrt

NEGATED = "negated"
AREA_KINDS = ("country", "region")
PLACE_SPECIFICITY = {"country": 0, "region": 1, "city": 2, "landmark": 3}
MODALITY_CERTAINTY = ("asserted", "reported", "alleged", "planned", "intended", "hypothetical", "negated")


@dataclass(frozen=True, slots=True)
class ClusterRules:
    """The thresholds of merging; conservative by default."""

    max_window_days: int = 31  # a month-precision date may absorb its days; a year may not
    max_place_km: float = 50.0  # a city and its airport or suburb; two capitals are >= 55 km apart
    max_region_km: float = 500.0  # a region (no admin1 on events) may contain points this far out


@dataclass(frozen=True, slots=True)
class DateWindow:
    """What a normalised date stands for: the days from ``start`` to ``end`` inclusive."""

    value: str
    precision: str  # day, week, month, year
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, other: DateWindow) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """An event's place as far as merging needs it."""

    name: str | None
    country: str | None
    geonameid: int | None
    kind: str | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class Report:
    """One event as one article tells it."""

    report_id: str
    article_id: str
    event_type: str
    source_key: str | None
    target_key: str | None
    symmetric: bool
    modality: str
    window: DateWindow | None
    place: PlaceRef | None
    outlet: str  # attributed outlet, else site, else URL host, else the article itself
    published: date | None
    mentions: int


@dataclass(frozen=True, slots=True)
class Cluster:
    """The state of one cross-article event that merging reads and updates."""

    cluster_id: int
    key: str
    window: DateWindow | None
    place: PlaceRef | None
    modality: str
    first_report: str
    first_article: str
    first_published: date | None
    articles: frozenset[str]
    outlets: frozenset[str]
    mentions: int


@dataclass(frozen=True, slots=True)
class Membership:
    report_id: str
    cluster_id: int
    reason: str


@dataclass(frozen=True, slots=True)
class Assignment:
    """What ``assign`` decided: clusters created, clusters changed, and every report's place."""

    created: dict[int, Cluster] = field(default_factory=dict)
    changed: dict[int, Cluster] = field(default_factory=dict)
    members: list[Membership] = field(default_factory=list)


def actor_key(country: str | None, known_group: str | None) -> str | None:
    """What an actor is grouped by: its known group (NATO, HAMAS), else its country."""
    key = known_group or country
    return key.upper() if key else None


def cluster_key(report: Report) -> str | None:
    """``TYPE|A|B|polarity``; None when the report has no source key and can merge with nothing."""
    if report.source_key is None:
        return None
    a, b = report.source_key, report.target_key or "-"
    if report.symmetric and b < a:
        a, b = b, a
    polarity = "-" if report.modality == NEGATED else "+"
    return f"{report.event_type}|{a}|{b}|{polarity}"


@lru_cache(maxsize=65_536)
def parse_window(value: str | None) -> DateWindow | None:
    """The window of a normalised date: 2024-10-11, 2024-W41, 2024-10 or 2024 (cached: dates repeat)."""
    if not value:
        return None
    try:
        return _window(value)
    except ValueError:
        return None


def _window(value: str) -> DateWindow:
    parts = value.split("-")
    if len(parts) == 3:
        day = date.fromisoformat(value)
        return DateWindow(value, "day", day, day)
    if len(parts) == 2 and parts[1].startswith("W"):
        monday = date.fromisocalendar(int(parts[0]), int(parts[1][1:]), 1)
        return DateWindow(value, "week", monday, monday + timedelta(days=6))
    if len(parts) == 2:
        first = date(int(parts[0]), int(parts[1]), 1)
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return DateWindow(value, "month", first, following - timedelta(days=1))
    year = int(parts[0])
    return DateWindow(value, "year", date(year, 1, 1), date(year, 12, 31))


def dates_agree(a: DateWindow | None, b: DateWindow | None, rules: ClusterRules) -> str | None:
    """Why two dates agree (a short phrase), or None when they do not."""
    if a is None or b is None:
        return None
    wide, narrow = (a, b) if a.days >= b.days else (b, a)
    if wide.days > rules.max_window_days or not wide.contains(narrow):
        return None
    return f"date {a.value}" if a.value == b.value else f"date {narrow.value} in {wide.value}"


def places_agree(a: PlaceRef | None, b: PlaceRef | None, rules: ClusterRules) -> str | None:
    """Why two places are compatible (a short phrase), or None when they are not."""
    if a is None or b is None:
        return "place unknown in one report"
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return f"place {a.name}"
    for area, point in ((a, b), (b, a)):
        if _contains(area, point, rules):
            return f"place {point.name} in {area.name}"
    km = _distance(a, b)
    return f"places {a.name} ~ {b.name} ({km:.0f} km)" if km <= rules.max_place_km else None


def _contains(area: PlaceRef, point: PlaceRef, rules: ClusterRules) -> bool:
    """A country contains every place of that country; a region, those of its country near it."""
    if area.kind not in AREA_KINDS or not area.country or area.country != point.country:
        return False
    return area.kind == "country" or _distance(area, point) <= rules.max_region_km


def _distance(a: PlaceRef, b: PlaceRef) -> float:
    """Great-circle kilometres; infinite when either point has no coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return float("inf")
    dlat, dlon = radians(b.lat - a.lat), radians(b.lon - a.lon)
    h = sin(dlat / 2) ** 2 + cos(radians(a.lat)) * cos(radians(b.lat)) * sin(dlon / 2) ** 2
    return 2 * 6371.0 * asin(sqrt(h))


def match_reason(cluster: Cluster, report: Report, rules: ClusterRules) -> str | None:
    """The explanation of a merge, or None when the report is not this cluster's event."""
    when = dates_agree(cluster.window, report.window, rules)
    if when is None:
        return None
    where = places_agree(cluster.place, report.place, rules)
    if where is None:
        return None
    return f"same {cluster.key}; {when}; {where}"


def months(window: DateWindow | None, rules: ClusterRules) -> tuple[tuple[int, int], ...]:
    """The (year, month) buckets a mergeable window touches; none for windows too wide to merge."""
    if window is None or window.days > rules.max_window_days:
        return ()
    first, last = (window.start.year, window.start.month), (window.end.year, window.end.month)
    return (first,) if first == last else (first, last)


class _Candidates:
    """Clusters by key and month, so a report only meets the clusters its date can agree with."""

    def __init__(self, rules: ClusterRules) -> None:
        self.rules = rules
        self._buckets: dict[tuple[str, tuple[int, int]], list[Cluster]] = {}

    def add(self, cluster: Cluster) -> None:
        for month in months(cluster.window, self.rules):
            self._buckets.setdefault((cluster.key, month), []).append(cluster)

    def replace(self, old: Cluster, new: Cluster) -> None:
        for month in months(old.window, self.rules):
            self._buckets[(old.key, month)].remove(old)
        self.add(new)

    def near(self, key: str, report: Report) -> list[Cluster]:
        found: dict[int, Cluster] = {}
        for month in months(report.window, self.rules):
            for cluster in self._buckets.get((key, month), ()):
                found[cluster.cluster_id] = cluster
        return list(found.values())


def assign(
    reports: Sequence[Report],
    stored: Mapping[str, Sequence[Cluster]],
    next_id: int,
    rules: ClusterRules | None = None,
) -> Assignment:
    """Put each report into an agreeing cluster (stored or made earlier in the batch) or a new one.

    ``stored`` holds, by cluster key, the stored clusters that may agree with the reports;
    new clusters are numbered from ``next_id`` in the order of ``reports``.
    """
    rules = rules or ClusterRules()
    result = Assignment()
    candidates = _Candidates(rules)
    for found in stored.values():
        for cluster in found:
            candidates.add(cluster)
    for report in reports:
        key = cluster_key(report)
        chosen, reason = _best_match(candidates.near(key, report) if key else [], report, rules)
        if chosen is None:
            cluster = _found(next_id, key or f"alone|{report.report_id}", report)
            next_id += 1
            result.created[cluster.cluster_id] = cluster
            candidates.add(cluster)
            result.members.append(Membership(report.report_id, cluster.cluster_id, "first report"))
            continue
        grown = grow(chosen, report)
        candidates.replace(chosen, grown)
        target = result.created if grown.cluster_id in result.created else result.changed
        target[grown.cluster_id] = grown
        result.members.append(Membership(report.report_id, grown.cluster_id, reason))
    return result


def _best_match(candidates: Iterable[Cluster], report: Report, rules: ClusterRules) -> tuple[Cluster | None, str]:
    """The agreeing cluster with the narrowest date (then the oldest), with its reason."""
    matches = [(c, r) for c in candidates if (r := match_reason(c, report, rules))]
    if not matches:
        return None, ""
    return min(matches, key=lambda m: (m[0].window.days if m[0].window else 0, m[0].cluster_id))


def _found(cluster_id: int, key: str, report: Report) -> Cluster:
    return Cluster(
        cluster_id=cluster_id,
        key=key,
        window=report.window,
        place=report.place,
        modality=report.modality,
        first_report=report.report_id,
        first_article=report.article_id,
        first_published=report.published,
        articles=frozenset({report.article_id}),
        outlets=frozenset({report.outlet}),
        mentions=report.mentions,
    )


def grow(cluster: Cluster, report: Report) -> Cluster:
    """The cluster with one more report: narrower date, more specific place, earliest first report."""
    earlier = _is_earlier(report, cluster)
    return Cluster(
        cluster_id=cluster.cluster_id,
        key=cluster.key,
        window=_narrower(cluster.window, report.window),
        place=_more_specific(cluster.place, report.place),
        modality=min(cluster.modality, report.modality, key=_certainty),
        first_report=report.report_id if earlier else cluster.first_report,
        first_article=report.article_id if earlier else cluster.first_article,
        first_published=report.published if earlier else cluster.first_published,
        articles=cluster.articles | {report.article_id},
        outlets=cluster.outlets | {report.outlet},
        mentions=cluster.mentions + report.mentions,
    )


def _is_earlier(report: Report, cluster: Cluster) -> bool:
    if report.published is None:
        return False
    return cluster.first_published is None or report.published < cluster.first_published


def _narrower(a: DateWindow | None, b: DateWindow | None) -> DateWindow | None:
    if a is None or b is None:
        return a or b
    return b if b.days < a.days else a


def _more_specific(a: PlaceRef | None, b: PlaceRef | None) -> PlaceRef | None:
    if a is None or b is None:
        return a or b
    return b if _specificity(b) > _specificity(a) else a


def _specificity(place: PlaceRef) -> int:
    return PLACE_SPECIFICITY.get(place.kind or "", 2)


def _certainty(modality: str) -> int:
    return MODALITY_CERTAINTY.index(modality) if modality in MODALITY_CERTAINTY else len(MODALITY_CERTAINTY)
