"""Throwaway SPARQL servers on 127.0.0.1: Oxigraph (from the oxigraph package) and Virtuoso
(Debian's virtuoso-opensource-7-bin, which .ci/run installs when it is missing)."""

from __future__ import annotations

import contextlib
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

OXIGRAPH = str(Path(sys.executable).with_name("oxigraph"))
START_SECONDS = 60  # longest wait for a server to listen (Virtuoso builds its database first)

VIRTUOSO_INI = """\
[Database]
DatabaseFile = db/virtuoso.db
ErrorLogFile = db/virtuoso.log
LockFile = db/virtuoso.lck
TransactionFile = db/virtuoso.trx
xa_persistent_file = db/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = db/virtuoso-temp.db
TransactionFile = db/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
ServerThreads = 10
CheckpointInterval = 0
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
DirsAllowed = ., {dirs_allowed}

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = www
ServerThreads = 4
MaxClientConnections = 4

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 600
MaxQueryCostEstimationTime = 0
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_for_port(port: int, process: subprocess.Popen[bytes], name: str) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{name} stopped at start (exit {process.returncode})")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.1)
    pytest.fail(f"{name} did not listen on port {port} within {START_SECONDS} s")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@contextlib.contextmanager
def oxigraph_server(data: Path, *, union: bool = False) -> Iterator[str]:
    """A real Oxigraph server on 127.0.0.1 and a free port (its base URL); stopped at the end.

    ``union``: queries see the union of the named graphs (``--union-default-graph``)."""
    port = free_port()
    command = [OXIGRAPH, "serve", "--location", str(data), "--bind", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        [*command, *(["--union-default-graph"] if union else [])],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, server, "oxigraph serve")
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(server)


@dataclass
class Virtuoso:
    directory: Path
    sql_port: int
    http_port: int
    password: str  # dba's, random for each server
    load_output: str = ""  # what isql printed when the bulk-load script ran

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    def isql(self, *statements: str, script: Path | None = None) -> str:
        """Run statements (or a script file) in isql as dba; its output. Fails on an error."""
        args = [str(script)] if script else [f"exec={' '.join(statements)}"]
        # A throwaway server's password may stand on the command line of a test.
        result = subprocess.run(
            [virtuoso_tool("isql-vt"), f"127.0.0.1:{self.sql_port}", "dba", self.password, *args],
            capture_output=True,
            text=True,
            timeout=600,
        )
        output = result.stdout + result.stderr
        if result.returncode != 0 or "*** Error" in output:
            pytest.fail(f"isql failed: {output[-2000:]}")
        return output

    def gsp_delete(self, graph: str) -> None:
        """Drop ``graph`` through the authenticated Graph Store Protocol endpoint."""
        url = f"{self.url}/sparql-graph-crud-auth?graph=" + urllib.parse.quote(graph, safe="")
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, url, "dba", self.password)
        opener = urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(passwords))
        with opener.open(urllib.request.Request(url, method="DELETE"), timeout=60) as answer:
            answer.read()


def virtuoso_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(
            f"{name} not found: install Debian's virtuoso-opensource-7-bin (.ci/run does)",
            pytrace=False,
        )
    return path


@contextlib.contextmanager
def virtuoso_server(directory: Path, allowed: Sequence[Path] = ()) -> Iterator[Virtuoso]:
    """A throwaway Virtuoso in ``directory`` on two free ports of 127.0.0.1, dba's password
    changed to a random one; its bulk loader may read the directories ``allowed``."""
    (directory / "db").mkdir(parents=True)
    (directory / "www").mkdir()
    sql_port, http_port = free_port(), free_port()
    ini = directory / "virtuoso.ini"
    ini.write_text(
        VIRTUOSO_INI.format(
            sql_port=sql_port,
            http_port=http_port,
            dirs_allowed=", ".join(str(path.resolve()) for path in allowed),
        ),
        encoding="utf-8",
    )
    with (directory / "server.log").open("wb") as log:
        process = subprocess.Popen(
            [virtuoso_tool("virtuoso-t"), "+foreground", "+configfile", str(ini)],
            cwd=directory,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for_port(http_port, process, "virtuoso-t")
        wait_for_port(sql_port, process, "virtuoso-t")
        password = secrets.token_urlsafe(12)
        Virtuoso(directory, sql_port, http_port, "dba").isql(
            f"USER_SET_PASSWORD('dba', '{password}');"
        )
        yield Virtuoso(directory, sql_port, http_port, password)
    finally:
        stop(process)
