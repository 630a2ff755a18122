"""The production server (`scripts/serve.sh`, what `make serve` runs) started by a test on
127.0.0.1, and a small HTTP client that never leaves 127.0.0.1."""

import http.client
import os
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
PG_PORT = int(os.environ.get("GEOMEKONG_PG_PORT", "5433"))
# make serve's port in tests: 8000 + (the cluster's port - 5300), e.g. 8112 for 5412.
HTTP_PORT = int(os.environ.get("GEOMEKONG_SERVE_TEST_PORT", str(8000 + PG_PORT - 5300)))


@dataclass
class Reply:
    status: int
    headers: dict
    body: bytes = field(repr=False)

    def json(self):
        import json

        return json.loads(self.body)


def request(path: str, *, port: int = HTTP_PORT, method: str = "GET", headers: dict | None = None,
            timeout: float = 30) -> Reply:
    """One request on a fresh connection (no keep-alive)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, headers={"Connection": "close", **(headers or {})})
        response = conn.getresponse()
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    finally:
        conn.close()


@dataclass
class Server:
    port: int
    process: subprocess.Popen
    log: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)

    def output(self) -> str:
        return self.log.read_text(errors="replace")


def start_server(*, port: int = HTTP_PORT, env: dict | None = None, name: str = "serve") -> Server:
    """scripts/serve.sh with the given environment (on top of this one, without DEBUG and the test
    settings), waiting until /healthz answers."""
    log = PROJECT_DIR / "var" / f"test-{name}.log"
    log.parent.mkdir(exist_ok=True)
    environ = {k: v for k, v in os.environ.items()
               if k not in ("DJANGO_SETTINGS_MODULE", "DEBUG", "GEOMEKONG_DEVELOPMENT", "GEOMEKONG_TEST_DB")}
    environ.update({"HOST": "127.0.0.1", "PORT": str(port), "GEOMEKONG_ACCESS_LOG": "/dev/null",
                    "DJANGO_SETTINGS_MODULE": "geomekong.settings", **(env or {})})
    with open(log, "wb") as out:
        process = subprocess.Popen([str(PROJECT_DIR / "scripts" / "serve.sh")], cwd=PROJECT_DIR, env=environ,
                                   stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    server = Server(port=port, process=process, log=log)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"make serve exited with {process.returncode}:\n{server.output()[-3000:]}")
        try:
            request("/healthz", port=port, timeout=5)
            return server
        except OSError:
            time.sleep(0.5)
    server.stop()
    raise RuntimeError(f"make serve did not answer within 240 s:\n{server.output()[-3000:]}")
