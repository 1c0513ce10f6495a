"""B5 — cold start: process spawn → first painted main window (``python main.py``) and →
first painted Send/Receive dialog (``python main.py --run``), median of several runs,
timed from outside; beside the floors (bare interpreter, bare Qt window), plus the
heaviest imports from ``python -X importtime``.

Run: ``python -m bench.b5_cold_start``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from bench.common import ROOT, Report, median, watchdog

RUNS = 5
TIMEOUT = 20.0
PROBE = [sys.executable, "-m", "bench.paint_probe"]


def child_env(home: Path) -> dict[str, str]:
    """Offscreen, and settings/data in a scratch folder (no user settings read or written)."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
    )
    return env


def time_to_first_line(command: Sequence[str], env: dict[str, str]) -> float:
    """Seconds from spawning ``command`` to its first line on stdout (killed after)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    killer = threading.Timer(TIMEOUT, proc.kill)
    killer.start()
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        elapsed = time.perf_counter() - start
    finally:
        killer.cancel()
        proc.kill()
        proc.wait(TIMEOUT)
    if command[-1] != "pass" and not line.startswith("painted"):
        raise RuntimeError(f"{' '.join(command)}: no paint within {TIMEOUT:g} s")
    return elapsed


def import_offenders(env: dict[str, str], store: Path, count: int = 12) -> list[str]:
    """The slowest imports of the app's start, by cumulative and by self time."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *PROBE[1:], "window", "--store-dir", str(store)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    rows: list[tuple[int, int, str]] = []  # self µs, cumulative µs, indented name
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "[us]" in line:
            continue
        own_us, cumulative_us, module = line.removeprefix("import time:").split("|")
        rows.append((int(own_us), int(cumulative_us), module.rstrip()))
    total = sum(own for own, _, _ in rows)
    packages: dict[str, int] = {}
    for own, _, module in rows:
        top = module.strip().split(".")[0]
        packages[top] = packages.get(top, 0) + own
    lines = [f"-X importtime: {len(rows)} modules, {total / 1000:.0f} ms of imports in all"]
    lines.append("self time by top-level package:")
    for top, own in sorted(packages.items(), key=lambda p: -p[1])[:count]:
        lines.append(f"  {own / 1000:7.1f} ms  {top}")
    lines.append("modules by cumulative time (first three levels):")
    shallow = [r for r in rows if len(r[2]) - len(r[2].lstrip()) <= 5]
    for _, cumulative, module in sorted(shallow, key=lambda r: -r[1])[:count]:
        lines.append(f"  {cumulative / 1000:7.1f} ms  {module.strip()}")
    lines.append("modules by self time:")
    for own, _, module in sorted(rows, key=lambda r: -r[0])[:count]:
        lines.append(f"  {own / 1000:7.1f} ms  {module.strip()}")
    return lines


def main() -> None:
    watchdog(150)
    report = Report("B5", f"cold start, median of {RUNS} process runs")
    with tempfile.TemporaryDirectory(prefix="bench-b5-") as scratch:
        home = Path(scratch)
        env = child_env(home)
        store = ["--store-dir", str(home / "stores")]
        cases = {
            "interpreter: python -c pass": [sys.executable, "-c", "pass"],
            "floor: bare QMainWindow painted": [*PROBE, "bare"],
            "python main.py → main window painted": [*PROBE, "window", *store],
            "python main.py --run → dialog painted": [*PROBE, "dialog", "--run", *store],
        }
        results: dict[str, float] = {}
        for name, command in cases.items():
            runs = [time_to_first_line(command, env) for _ in range(RUNS)]
            report.note(f"{name}: runs " + ", ".join(f"{r * 1000:.0f}" for r in runs) + " ms")
            results[name] = median(runs) * 1000
        for name, value in results.items():
            bound = 600.0 if "main window" in name else None
            report.figure(name, value, "ms", at_most=bound, digits=0)
        app_window = results["python main.py → main window painted"]
        report.figure(
            "main window ÷ bare Qt window",
            app_window / results["floor: bare QMainWindow painted"],
            "×",
        )
        for line in import_offenders(env, home / "stores"):
            report.note(line)
    report.finish()


if __name__ == "__main__":
    main()
