"""Limits that keep one client or a burst of questions from starving the rest: a per-caller
rate limit (token bucket, in memory) and a cap on concurrent answer computations that
queues instead of rejecting.

Both are per process: with N workers a caller gets up to N times the per-minute allowance
and up to N × ``max_concurrent_answers`` answers run at once (README, "Scale-out").
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from fastapi import Request

from api.security import caller_id
from qa.errors import QAError

#: Buckets idle this long are full again and can be forgotten.
_FORGET_AFTER_SECONDS = 120.0
_PRUNE_EVERY = 1024


class RateLimited(QAError):
    status_code = 429
    code = "rate_limited"
    user_message = "För många förfrågningar. Vänta en stund och försök igen."

    def __init__(self, retry_after: int) -> None:
        super().__init__(detail=f"rate limited, retry after {retry_after}s")
        self.headers = {"Retry-After": str(retry_after)}


class Overloaded(QAError):
    status_code = 503
    code = "overloaded"
    user_message = "Tjänsten har många frågor just nu. Försök igen om en stund."

    def __init__(self, retry_after: int) -> None:
        super().__init__(detail=f"answer queue wait timed out, retry after {retry_after}s")
        self.headers = {"Retry-After": str(retry_after)}


class RateLimiter:
    """Token buckets per caller: ``per_minute`` requests a minute on average, bursts of up
    to ``burst`` (default: the per-minute number). ``per_minute == 0`` switches it off."""

    def __init__(self, per_minute: int, burst: int | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.capacity = float(burst or per_minute)
        self.rate = per_minute / 60.0
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()
        self._calls = 0

    def retry_after(self, caller: str) -> int | None:
        """Take one token for ``caller``: None when allowed, else whole seconds to wait."""
        if self.per_minute <= 0:
            return None
        now = self._clock()
        with self._lock:
            tokens, last = self._buckets.get(caller, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            self._calls += 1
            if self._calls % _PRUNE_EVERY == 0:
                self._prune(now)
            if tokens >= 1.0:
                self._buckets[caller] = (tokens - 1.0, now)
                return None
            self._buckets[caller] = (tokens, now)
            return max(1, math.ceil((1.0 - tokens) / self.rate))

    def _prune(self, now: float) -> None:
        # Keeps memory bounded by the callers of the last two minutes.
        idle = [k for k, (_, last) in self._buckets.items() if now - last > _FORGET_AFTER_SECONDS]
        for k in idle:
            del self._buckets[k]


class AnswerGate:
    """At most ``capacity`` answers computed at once; others wait their turn up to
    ``timeout`` seconds, then get ``Overloaded`` with a ``Retry-After`` estimated from how
    long answers take."""

    def __init__(self, capacity: int, timeout: float) -> None:
        self.capacity = capacity
        self.timeout = timeout
        self._slots = threading.BoundedSemaphore(capacity)
        self._lock = threading.Lock()
        self.running = 0
        self.waiting = 0
        self._mean_seconds = 1.0

    @contextmanager
    def slot(self) -> Iterator[None]:
        """Hold one computation slot for the ``with`` block (blocking; call off the loop)."""
        with self._lock:
            self.waiting += 1
        acquired = self._slots.acquire(timeout=self.timeout)
        with self._lock:
            self.waiting -= 1
            if acquired:
                self.running += 1
        if not acquired:
            raise Overloaded(self._retry_after())
        started = time.perf_counter()
        try:
            yield
        finally:
            elapsed = time.perf_counter() - started
            with self._lock:
                self.running -= 1
                self._mean_seconds = 0.8 * self._mean_seconds + 0.2 * elapsed
            self._slots.release()

    def _retry_after(self) -> int:
        with self._lock:
            rounds = 1 + self.waiting / self.capacity
            return min(60, max(1, math.ceil(rounds * self._mean_seconds)))


def rate_limit(request: Request) -> None:
    """Dependency of every API router: 429 with ``Retry-After`` over the caller's allowance."""
    limiter: RateLimiter = request.app.state.rate_limiter
    if limiter.per_minute <= 0:
        return
    wait = limiter.retry_after(caller_id(request))
    if wait is not None:
        raise RateLimited(wait)


def get_gate(request: Request) -> AnswerGate:
    gate: AnswerGate = request.app.state.answer_gate
    return gate
