"""A throwaway PostgreSQL server for the store tests: initdb a cluster in a temporary folder,
start it on a free port (TCP on 127.0.0.1, trust authentication), stop it and delete the folder
after. The binaries are looked for on PATH, then in /usr/lib/postgresql/<version>/bin (Debian);
as root, the server runs as the `postgres` user (or `nobody`), since PostgreSQL refuses root."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


def find_bin_dir() -> Path | None:
    """The folder holding initdb and pg_ctl, or None when no PostgreSQL is installed."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                      key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0, reverse=True)
    return versions[0].parent if versions else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run_as() -> list[str]:
    if os.geteuid() != 0:
        return []
    for name in ("postgres", "nobody"):
        try:
            user = pwd.getpwnam(name)
        except KeyError:
            continue
        return ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups"]
    raise RuntimeError("running as root and no postgres or nobody user to run PostgreSQL as")


def _owner() -> tuple[int, int] | None:
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            user = pwd.getpwnam(name)
            return user.pw_uid, user.pw_gid
        except KeyError:
            continue
    return None


@dataclass
class Server:
    bin_dir: Path
    folder: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgresql://yusuan@127.0.0.1:{self.port}/postgres"

    def url_of(self, database: str) -> str:
        return f"postgresql://yusuan@127.0.0.1:{self.port}/{database}"

    def _pg(self, *args: str) -> None:
        subprocess.run([*_run_as(), str(self.bin_dir / args[0]), *args[1:]], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)

    def start(self) -> None:
        data = self.folder / "data"
        self._pg("initdb", "-D", str(data), "-U", "yusuan", "--auth=trust", "-E", "UTF8",
                 "--locale=C")
        self._pg("pg_ctl", "-D", str(data), "-l", str(self.folder / "log"), "-w", "-t", "60",
                 "-o", f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1",
                 "start")

    def stop(self) -> None:
        try:
            self._pg("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def start_server(bin_dir: Path) -> Server:
    folder = Path(tempfile.mkdtemp(prefix="yusuan-pg-"))
    owner = _owner()
    if owner:
        os.chown(folder, *owner)
    server = Server(bin_dir, folder, free_port())
    try:
        server.start()
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return server
