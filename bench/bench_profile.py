"""B7 — reporting a big broken profile: ``load_profile`` on N accounts, each with an
unknown key, until the ``ProfileError`` text (N lines, each with its file:line) is built.
Sizes 1,000 / 4,000 / 10,000; the ratio 10k ÷ 1k is 10 when the cost is linear in the
profile's size (100 when quadratic).

Run: ``python -m bench.bench_profile [--sizes 1000 4000 10000] [--runs 3]``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.common import Report, watchdog
from sendreceive.config.profile import ProfileError, load_profile

SIZES = (1_000, 4_000, 10_000)


def broken_profile(accounts: int) -> str:
    """``accounts`` accounts, each with a misspelt key on its fourth line."""
    blocks = [
        f'[[accounts]]\nname = "Account {i}"\nprovider = "demo-fast"\nprovdier = "x"\n'
        for i in range(accounts)
    ]
    return "".join(blocks)


def report_seconds(path: Path, accounts: int) -> float:
    """Seconds from reading ``path`` to the full error text; checks every problem is there."""
    started = time.perf_counter()
    try:
        load_profile(path)
    except ProfileError as exc:
        text = str(exc)
    else:
        raise AssertionError("the broken profile loaded")
    elapsed = time.perf_counter() - started
    lines = text.splitlines()
    assert len(lines) == accounts, len(lines)
    assert lines[-1].startswith(f"{path}:{4 * accounts}: "), lines[-1]
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--runs", type=int, default=3, help="best of this many runs per size")
    args = parser.parse_args()
    watchdog(600)
    report = Report("B7", "a broken profile's problems reported, by the number of accounts")
    seconds: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for size in args.sizes:
            path = Path(scratch) / f"broken-{size}.toml"
            path.write_text(broken_profile(size), encoding="utf-8")
            seconds[size] = min(report_seconds(path, size) for _ in range(args.runs))
            target = 2.0 if size == 10_000 else None
            report.figure(
                f"{size:,} accounts, each with an unknown key",
                seconds[size],
                "s",
                at_most=target,
                digits=3,
            )
    if 1_000 in seconds and 10_000 in seconds:
        report.figure(
            "ratio 10,000 ÷ 1,000 accounts (linear: 10)",
            seconds[10_000] / seconds[1_000],
            "×",
            at_most=20,
            digits=1,
        )
    report.finish()


if __name__ == "__main__":
    main()
