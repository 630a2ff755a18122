"""Our web server for the benchmark: gunicorn (1 worker, 2 threads; DEBUG off) on the scratch
database, or Django's runserver for the map page (static files) until whitenoise serves them."""

import os
import subprocess
import sys
from pathlib import Path

from bench.scale.measure import stop_process, wait_for_http

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


def _env(database: str) -> dict:
    return {
        **os.environ,
        "GEOMEKONG_DB_NAME": database,
        "SECRET_KEY": "bench-only-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SETTINGS_MODULE": "geomekong.settings",
    }


class Server:
    def __init__(self, *, database: str, port: int, static: bool = False):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        log = (ROOT / "var" / "bench" / f"server-{port}.log").open("w")
        if static:  # the map page needs its static files: the development server serves them
            command = [
                sys.executable,
                "manage.py",
                "runserver",
                "--noreload",
                "--insecure",
                f"127.0.0.1:{port}",
            ]
            env = {**_env(database), "GEOMEKONG_DEVELOPMENT": "1"}
        else:
            command = [
                str(VENV_BIN / "gunicorn"),
                "geomekong.wsgi",
                "-b",
                f"127.0.0.1:{port}",
                "-w",
                "1",
                "-k",
                "gthread",
                "--threads",
                "2",
                "--timeout",
                "900",
                "--control-socket",
                str(ROOT / "var" / "bench" / f"gunicorn-{port}.ctl"),
            ]
            env = _env(database)
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        wait_for_http(f"{self.url}/healthz", seconds=90)

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self):
        stop_process(self.process)
