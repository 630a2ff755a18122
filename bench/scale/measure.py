"""Timing helpers: medians over runs, HTTP bodies read to the end, psql statements, process RSS."""

import http.client
import os
import statistics
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass
class Timing:
    """Median and best of `runs` (seconds), with the size of the last answer in bytes."""

    median: float
    best: float
    runs: int
    nbytes: int = 0
    note: str = ""
    samples: list[float] = field(default_factory=list)


def timed(call: Callable[[], int], *, runs: int, warmup: bool = True) -> Timing:
    """Run `call` (returning the answer's size in bytes) once to warm up, then `runs` times."""
    if warmup:
        call()
    samples, nbytes = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        nbytes = call()
        samples.append(time.perf_counter() - start)
    return Timing(statistics.median(samples), min(samples), runs, nbytes, samples=samples)


def http_get(url: str, *, timeout: float = 900) -> tuple[int, int, dict]:
    """(status, body bytes, headers) of a GET read to the end in 1 MB chunks (nothing kept)."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    conn.request(
        "GET",
        parts.path + (f"?{parts.query}" if parts.query else ""),
        headers={"Accept-Encoding": "identity"},
    )
    response = conn.getresponse()
    size = 0
    while chunk := response.read(1 << 20):
        size += len(chunk)
    headers = dict(response.getheaders())
    conn.close()
    return response.status, size, headers


def fetch_size(url: str) -> int:
    status, size, _ = http_get(url)
    if status != 200:
        raise RuntimeError(f"{url} answered {status}")
    return size


def http_body(url: str) -> bytes:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=900)
    conn.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
    response = conn.getresponse()
    body = response.read()
    conn.close()
    if response.status != 200:
        raise RuntimeError(f"{url} answered {response.status}: {body[:300]!r}")
    return body


def psql_statement(dsn: dict, sql: str) -> Callable[[], int]:
    """A call that runs `sql` through psql (unaligned, tuples only) and returns the output's size."""
    env = {
        **os.environ,
        "PGHOST": dsn["host"],
        "PGPORT": str(dsn["port"]),
        "PGUSER": dsn["user"],
        "PGDATABASE": dsn["dbname"],
    }
    command = ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql]

    def call() -> int:
        result = subprocess.run(command, env=env, stdout=subprocess.PIPE, check=True)
        return len(result.stdout)

    return call


def rss_of_tree(pid: int) -> int:
    """Resident memory (bytes) of a process and all its descendants, from /proc."""
    total = 0
    for p in [pid, *_descendants(pid)]:
        try:
            with open(f"/proc/{p}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
        except FileNotFoundError:
            pass
    return total


def _descendants(pid: int) -> list[int]:
    out = []
    try:
        children = open(f"/proc/{pid}/task/{pid}/children").read().split()
    except FileNotFoundError:
        return out
    for child in map(int, children):
        out += [child, *_descendants(child)]
    return out


class RssSampler:
    """Samples a process tree's RSS every 20 ms while a `with` block runs: baseline and peak."""

    def __init__(self, pid: int):
        self.pid = pid
        self.baseline = rss_of_tree(pid)
        self.peak = self.baseline
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_of_tree(self.pid))
            time.sleep(0.02)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_of_tree(self.pid))

    @property
    def growth(self) -> int:
        return self.peak - self.baseline


def wait_for_http(url: str, *, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            status, _, _ = http_get(url, timeout=5)
            if status < 500:
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not come up within {seconds} s")
        time.sleep(0.5)


def stop_process(process: subprocess.Popen) -> None:
    """Stop a server the benchmark started: terminate, kill if it lingers, let its port go."""
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
    time.sleep(0.2)
