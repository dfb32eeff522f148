"""Resident memory of a process, for the benchmarks that print it."""

from __future__ import annotations

from pathlib import Path


def rss_mb(pid: int | str = "self") -> float:
    """Current resident set size in MB (Linux /proc). Elsewhere, this process's peak from
    getrusage; another process's is unknown there (nan)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    if pid != "self":
        return float("nan")
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
