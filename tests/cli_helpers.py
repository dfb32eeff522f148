"""Running the real `warehouse-station` console script in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def station_cmd() -> list[str]:
    exe = shutil.which("warehouse-station", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "warehouse_app.cli"]


def run_cli(
    data_dir: Path,
    *args: str,
    input: str | None = None,
    check: bool = True,
    lang: str = "en",
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    out = subprocess.run(
        [*station_cmd(), "--data-dir", str(data_dir), "--lang", lang, *args],
        input=input,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=ROOT,
    )
    if check and out.returncode != 0:
        raise AssertionError(f"exit {out.returncode}\nstdout:{out.stdout}\nstderr:{out.stderr}")
    return out


def json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip().startswith("{")]
