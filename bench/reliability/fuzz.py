"""`make fuzz`: the long schemathesis campaign against both OpenAPI documents on `make serve`
(every phase, every check, fresh seeds, 10,000+ cases per document), summarised into
docs/reliability.md. The bounded run of `make test` is tests/conformance/test_schemathesis.py."""

import argparse
import platform
import random
import re
import subprocess
import time
from datetime import date

from bench.reliability.report import write_section
from tests.conformance.run import DOCUMENTS, PROJECT_DIR, run
from tests.serving.live import HTTP_PORT, start_server

PORT = HTTP_PORT + 2000
FAILURE_RE = re.compile(r"❌ (ST\d+ [^:]+): (\d+)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max-examples", type=int, default=1000, help="cases per operation and phase")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT_DIR,
                            capture_output=True, text=True).stdout.strip()  # what the server runs
    server = start_server(port=PORT, env={"GEOMEKONG_RATE_LIMIT": "off"}, name="fuzz")
    results = []
    try:
        for name, schema, base in DOCUMENTS:
            started = time.monotonic()
            result = run(PORT, schema=schema, base=base, name=name, max_examples=args.max_examples,
                         phases="examples,coverage,fuzzing,stateful", seed=seed, timeout=4 * 3600)
            results.append((result, time.monotonic() - started))
            print(f"{name}: {result.cases} cases, {result.failures} failures "
                  f"({results[-1][1]:.0f} s)", flush=True)
            log = PROJECT_DIR / "var" / f"fuzz-{schema.strip('/').replace('/', '-')}.txt"
            log.write_text(result.output)
    finally:
        server.stop()
    write_section("fuzz", summary(results, seed=seed, max_examples=args.max_examples, commit=commit))
    if not all(result.passed for result, _ in results):
        raise SystemExit("failures found: see var/fuzz-*.txt")


def summary(results, *, seed: int, max_examples: int, commit: str) -> str:
    lines = [f"Run {date.today().isoformat()} at {commit} on {platform.node() or 'this machine'} "
             f"(`make fuzz`: schemathesis, all phases and checks, --max-examples {max_examples}, "
             f"seed {seed}, against `make serve` with the rate limit off).", "",
             "| document | cases | unique failures | time |", "|---|---:|---:|---:|"]
    for result, seconds in results:
        lines.append(f"| {result.name} | {result.cases:,} | {result.failures} | {seconds / 60:.1f} min |")
    kinds = sorted({kind for result, _ in results for kind, _n in FAILURE_RE.findall(result.output)})
    lines += ["", "Failures by kind: " + (", ".join(kinds) if kinds else "none") + "."]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
