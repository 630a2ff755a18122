"""Schemathesis against both OpenAPI documents of a running server, with our hooks and settings:
the bounded run of `make test` (test_schemathesis.py) and the long campaign of `make fuzz`."""

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
CONFIG = Path(__file__).with_name("schemathesis.toml")
ST = Path(sys.executable).with_name("st")
# (name, schema path, base URL path): the map API's paths are absolute, OGC's relative to /ogc.
DOCUMENTS = [("map API", "/api/openapi.json", ""), ("OGC API", "/ogc/api", "/ogc")]
CASES_RE = re.compile(r"(\d+) generated, (?:(\d+) passed|(\d+) found (\d+) unique failures?)")


@dataclass
class Run:
    name: str
    returncode: int
    output: str
    cases: int
    failures: int

    @property
    def passed(self) -> bool:
        return self.returncode == 0


def run(port: int, *, schema: str, base: str, name: str, max_examples: int, phases: str,
        seed: int | None = None, workers: int = 2, timeout: float = 3600) -> Run:
    base_url = f"http://127.0.0.1:{port}"
    command = [str(ST), "--config-file", str(CONFIG), "--no-color", "run", base_url + schema,
               "--url", base_url + base, "--checks", "all", "--max-examples", str(max_examples),
               "--phases", phases, "--workers", str(workers), "--request-timeout", "60"]
    if seed is not None:
        command += ["--seed", str(seed)]
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "tests.conformance.hooks",
           "PYTHONPATH": str(PROJECT_DIR), "NO_COLOR": "1"}
    done = subprocess.run(command, cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=timeout)
    output = done.stdout + done.stderr
    match = CASES_RE.search(output)
    cases = int(match.group(1)) if match else 0
    failures = int(match.group(4)) if match and match.group(4) else 0
    return Run(name, done.returncode, output, cases, failures)
