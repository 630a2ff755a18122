"""`make load`: locust (headless) against `make serve` — 50 concurrent users for 60 s on the mix of
bench/reliability/locustfile.py, once with keep-alive and once with a new connection per request —
and the result (requests/s, p50/p95/p99, errors) into docs/reliability.md. Zero errors is the bar.

The rate limit is off for the run: every simulated user comes from 127.0.0.1, which a deployment
would see as one client (the limit itself is tested in tests/serving/test_ratelimit.py)."""

import argparse
import csv
import os
import platform
import subprocess
import sys
from datetime import date
from pathlib import Path

from bench.reliability.report import write_section
from tests.serving.live import HTTP_PORT, PROJECT_DIR, start_server

PORT = HTTP_PORT + 3000
LOCUSTFILE = Path(__file__).with_name("locustfile.py")
OUT = PROJECT_DIR / "var" / "load"


def run_locust(label: str, *, keepalive: bool, users: int, seconds: int) -> dict:
    OUT.mkdir(parents=True, exist_ok=True)
    prefix = OUT / label
    command = [str(Path(sys.executable).with_name("locust")), "-f", str(LOCUSTFILE), "--headless",
               "-u", str(users), "-r", str(max(1, users // 5)), "-t", f"{seconds}s",
               "--host", f"http://127.0.0.1:{PORT}", "--csv", str(prefix), "--only-summary",
               "--stop-timeout", "10"]
    env = {**os.environ, "GEOMEKONG_KEEPALIVE": "1" if keepalive else "0"}
    done = subprocess.run(command, cwd=PROJECT_DIR, env=env, capture_output=True, text=True)
    (OUT / f"{label}.log").write_text(done.stdout + done.stderr)
    rows = list(csv.DictReader(open(f"{prefix}_stats.csv")))
    return {"label": label, "rows": rows, "failures": _failures(prefix)}


def _failures(prefix: Path) -> list[dict]:
    path = Path(f"{prefix}_failures.csv")
    return list(csv.DictReader(open(path))) if path.exists() else []


def summary(runs: list[dict], *, users: int, seconds: int, load_before: float) -> str:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT_DIR,
                            capture_output=True, text=True).stdout.strip()
    lines = [f"Run {date.today().isoformat()} at {commit} on {platform.node() or 'this machine'} "
             f"({os.cpu_count()} cores; locust on the same machine): `make load`, {users} users for "
             f"{seconds} s each, 0.2-1 s think time, against `make serve` (gunicorn 2 workers x 4 threads, "
             f"pool of 4 connections per worker) with the real data; load average {load_before:.1f} "
             "when it started (other work on the machine makes the times longer, not the errors fewer).",
             ""]
    for run in runs:
        lines += [f"**{run['label']}**", "",
                  "| request | count | errors | req/s | p50 ms | p95 ms | p99 ms |",
                  "|---|---:|---:|---:|---:|---:|---:|"]
        for row in run["rows"]:
            name = "**all**" if row["Name"] == "Aggregated" else f"`{row['Name']}`"
            lines.append(f"| {name} | {int(row['Request Count']):,} | {row['Failure Count']} | "
                         f"{float(row['Requests/s']):.1f} | {row['50%']} | {row['95%']} | {row['99%']} |")
        errors = "; ".join(f"{f['Name']}: {f['Error']} ({f['Occurrences']}x)" for f in run["failures"])
        lines += ["", f"Errors: {errors or 'none'}.", ""]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    server = start_server(port=PORT, env={"GEOMEKONG_RATE_LIMIT": "off"}, name="load")
    try:
        runs = [run_locust("with keep-alive", keepalive=True, users=args.users, seconds=args.seconds),
                run_locust("a new connection per request", keepalive=False, users=args.users,
                           seconds=args.seconds)]
    finally:
        server.stop()
    write_section("load", summary(runs, users=args.users, seconds=args.seconds,
                                   load_before=load_before))
    total_errors = sum(int(row["Failure Count"]) for run in runs for row in run["rows"]
                       if row["Name"] == "Aggregated")
    print(f"load: {total_errors} errors; see docs/reliability.md and var/load/")
    if total_errors:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
