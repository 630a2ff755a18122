"""Copies of the local PostgreSQL cluster for the replica and fault tests: `pg_basebackup` of the
running cluster into var/, started on another port (GEOMEKONG_PG_PORT + 100). As root the server
runs as the `postgres` user, like scripts/localdb.sh."""

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import psycopg

PROJECT_DIR = Path(__file__).resolve().parents[2]
PG_PORT = int(os.environ.get("GEOMEKONG_PG_PORT", "5433"))
SPARE_PG_PORT = PG_PORT + 100
DB_USER = os.environ.get("GEOMEKONG_DB_USER", "geomekong")


def _bindir() -> Path:
    return sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: float(p.parent.name))[-1]


def _as_server(*command: str, **kwargs) -> subprocess.CompletedProcess:
    if os.geteuid() == 0:
        command = ("runuser", "-u", "postgres", "--", *command)
    return subprocess.run(command, cwd="/", capture_output=True, text=True, timeout=300, check=True, **kwargs)


@dataclass
class Cluster:
    data: Path
    port: int

    @property
    def log(self) -> Path:
        return self.data / "server.log"  # inside the data folder: the server user can write there

    def start(self) -> None:
        _as_server(str(_bindir() / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60",
                   "-o", f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1", "start")

    def stop(self, mode: str = "fast") -> None:
        _as_server(str(_bindir() / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def running(self) -> bool:
        return subprocess.run(["runuser", "-u", "postgres", "--", str(_bindir() / "pg_ctl"), "-D",
                               str(self.data), "status"] if os.geteuid() == 0 else
                              [str(_bindir() / "pg_ctl"), "-D", str(self.data), "status"],
                              cwd="/", capture_output=True).returncode == 0

    def connect(self, dbname: str = "postgres", **kwargs) -> psycopg.Connection:
        return psycopg.connect(host="127.0.0.1", port=self.port, user=DB_USER, dbname=dbname,
                               autocommit=True, connect_timeout=5, **kwargs)

    def remove(self) -> None:
        if self.running():
            self.stop("immediate")
        shutil.rmtree(self.data, ignore_errors=True)
        self.log.unlink(missing_ok=True)


def copy_of_local_cluster(name: str, *, standby: bool, port: int = SPARE_PG_PORT) -> Cluster:
    """A started copy of the running local cluster: a streaming replica (`standby`, pg_basebackup -R)
    or an independent cluster."""
    data = PROJECT_DIR / "var" / name
    cluster = Cluster(data=data, port=port)
    cluster.remove()
    data.parent.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        data.mkdir(mode=0o700)
        shutil.chown(data, "postgres", "postgres")
    command = [str(_bindir() / "pg_basebackup"), "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", DB_USER,
               "-D", str(data), "-X", "stream", "-c", "fast"]
    _as_server(*command, *(["-R"] if standby else []))
    # The copy must not try to archive or replicate into the original's places.
    with open(data / "postgresql.auto.conf", "a") as conf:
        conf.write(f"\nport = {port}\nhot_standby = on\n")
    cluster.start()
    return cluster
