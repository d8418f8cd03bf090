"""Prometheus metrics, kept in memory per process and written in the text exposition format
(small enough to do by hand; no client library needed).

Requests are labelled by route *template* (``/projects/{project}``), never the raw path, so
a scanner requesting random URLs cannot blow up the number of series.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

#: Latency histogram bucket bounds, in seconds (answers take from ~0.05 s to a few s).
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _labels(pairs: dict[str, str]) -> str:
    if not pairs:
        return ""
    return "{" + ",".join(f'{k}="{_escape(v)}"' for k, v in pairs.items()) + "}"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


@dataclass
class _Histogram:
    counts: list[int] = field(default_factory=lambda: [0] * len(BUCKETS))
    total: float = 0.0
    n: int = 0


@dataclass
class Gauge:
    """One sample computed at scrape time (index size, queue length …)."""

    name: str
    help: str
    value: float
    labels: dict[str, str] = field(default_factory=dict)
    kind: str = "gauge"


class Metrics:
    """Request counters, a latency histogram per route and error counters per code."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: dict[tuple[str, str, str], int] = defaultdict(int)
        self._errors: dict[tuple[str, str], int] = defaultdict(int)
        self._latency: dict[str, _Histogram] = defaultdict(_Histogram)

    def observe(self, method: str, route: str, status: int, seconds: float,
                error_code: str | None = None) -> None:
        """Count one finished request (called by the request middleware)."""
        with self._lock:
            self._requests[(method, route, str(status))] += 1
            hist = self._latency[route]
            hist.n += 1
            hist.total += seconds
            for i, bound in enumerate(BUCKETS):
                if seconds <= bound:
                    hist.counts[i] += 1
            if status >= 400:
                self._errors[(route, error_code or str(status))] += 1

    def render(self, gauges: Iterable[Gauge] = ()) -> str:
        """All metrics in the Prometheus text format, ``gauges`` appended."""
        lines: list[str] = []
        with self._lock:
            lines += _family("rapport_http_requests_total", "counter", "HTTP requests by route and status.")
            for (method, route, status), n in sorted(self._requests.items()):
                lines.append(f"rapport_http_requests_total"
                             f"{_labels({'method': method, 'route': route, 'status': status})} {n}")
            lines += _family("rapport_http_errors_total", "counter",
                             "HTTP error responses (status >= 400) by route and error code.")
            for (route, code), n in sorted(self._errors.items()):
                lines.append(f"rapport_http_errors_total{_labels({'route': route, 'code': code})} {n}")
            name = "rapport_http_request_duration_seconds"
            lines += _family(name, "histogram", "Time from request to the end of the response.")
            for route, hist in sorted(self._latency.items()):
                for bound, count in zip(BUCKETS, hist.counts, strict=True):
                    lines.append(f"{name}_bucket{_labels({'route': route, 'le': _number(bound)})} {count}")
                lines.append(f"{name}_bucket{_labels({'route': route, 'le': '+Inf'})} {hist.n}")
                lines.append(f"{name}_sum{_labels({'route': route})} {hist.total!r}")
                lines.append(f"{name}_count{_labels({'route': route})} {hist.n}")
        for g in gauges:
            lines += _family(g.name, g.kind, g.help)
            lines.append(f"{g.name}{_labels(g.labels)} {_number(g.value)}")
        return "\n".join(lines) + "\n"


def _family(name: str, kind: str, help_text: str) -> list[str]:
    return [f"# HELP {name} {help_text}", f"# TYPE {name} {kind}"]
