"""The corridor lines are reproducible: rerunning the derivation script on the committed waypoints
and basemap roads gives exactly the committed geodata/data/corridors.geojson."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "geodata" / "data" / "build" / "derive_corridors.py"


def test_rerunning_the_derivation_changes_no_corridor_line():
    result = subprocess.run([sys.executable, str(SCRIPT), "--check"], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr or result.stdout
