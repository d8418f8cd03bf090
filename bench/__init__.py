"""Benchmarks of rapport-qa (``make bench`` → ``python -m bench.run`` → docs/benchmarks.md)."""
