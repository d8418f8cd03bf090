"""Process-wide settings that keep the model stack offline and polite on a shared machine.

The embedding stack (transformers, sentence-transformers, chromadb) reads these
variables at import time, so `apply_offline_env` must run before any of them is
imported; `index/__init__.py` calls it for every `import index...`.
"""

from __future__ import annotations

import os

OFFLINE_ENV: dict[str, str] = {
    # A hub name would otherwise retry the network for ~100 s before failing.
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    # chromadb's posthog telemetry.
    "ANONYMIZED_TELEMETRY": "False",
    # The Rust tokenizers thread pool deadlocks after fork and competes for the two cores.
    "TOKENIZERS_PARALLELISM": "false",
    # Busy-waiting OpenMP threads turned 25 ms queries into 600 ms under contention.
    "OMP_WAIT_POLICY": "PASSIVE",
    # transformers' per-load "Loading weights" bars would clutter service logs and `make install`.
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
}


def apply_offline_env() -> None:
    """Set the offline/telemetry variables unless the operator already set them."""
    for name, value in OFFLINE_ENV.items():
        os.environ.setdefault(name, value)


def limit_torch_threads(n: int = 1) -> None:
    """Run torch with `n` intra-op threads; two threads on two shared cores made queries 15x slower."""
    import torch  # imported lazily: costs ~15 s, and most callers never need it

    if torch.get_num_threads() != n:
        torch.set_num_threads(n)
