"""The dask engine on a real local cluster (`dask scheduler` + two `dask worker` processes on 127.0.0.1)
gives exactly the local engine's output and links."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_batch_data import ads, read_output, write_csv

from validator.cli import main

DASK = Path(sys.executable).with_name("dask")


def _stop(procs: list[subprocess.Popen]) -> None:
    for proc in procs:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    if not DASK.exists():
        pytest.fail(f"the dask command is missing from the virtual environment ({DASK})")
    d = tmp_path_factory.mktemp("dask")
    info = d / "scheduler.json"
    log = (d / "log.txt").open("w")
    common = {"stdout": log, "stderr": subprocess.STDOUT, "start_new_session": True, "cwd": d}
    procs = [
        subprocess.Popen(
            [
                str(DASK),
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--no-dashboard",
                "--scheduler-file",
                str(info),
            ],
            **common,
        )
    ]
    try:
        deadline = time.monotonic() + 30
        while not info.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert info.exists(), "the dask scheduler did not start"
        for _ in range(2):
            procs.append(
                subprocess.Popen(
                    [
                        str(DASK),
                        "worker",
                        "--scheduler-file",
                        str(info),
                        "--nthreads",
                        "1",
                        "--nworkers",
                        "1",
                        "--host",
                        "127.0.0.1",
                        "--no-dashboard",
                        "--local-directory",
                        str(d),
                        "--death-timeout",
                        "60",
                    ],
                    **common,
                )
            )
        address = json.loads(info.read_text())["address"]
        from distributed import Client

        with Client(address, timeout="20s") as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        _stop(procs)
        log.close()


def test_dask_engine_output_equals_local_engine(tmp_path, scheduler):
    src = write_csv(tmp_path / "ads.csv", ads(14))
    common = ["--language", "en", "--chunk-rows", "3", "--no-progress"]
    local_out, dask_out = tmp_path / "local.parquet", tmp_path / "dask.parquet"
    assert (
        main(
            [
                "batch",
                str(src),
                "-o",
                str(local_out),
                "--workers",
                "1",
                "--links",
                str(tmp_path / "l.csv"),
                *common,
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "batch",
                str(src),
                "-o",
                str(dask_out),
                "--engine",
                "dask",
                "--scheduler",
                scheduler,
                "--links",
                str(tmp_path / "d.csv"),
                *common,
            ]
        )
        == 0
    )
    local, remote = read_output(local_out), read_output(dask_out)
    assert len(remote) == 14
    assert remote.equals(local)
    assert (tmp_path / "l.csv").read_text() == (tmp_path / "d.csv").read_text()
    assert remote["template_reuse"].sum() >= 3 and remote["shared_contact"].sum() == 3


def test_unreachable_scheduler_is_a_clear_error(tmp_path, capsys, monkeypatch):
    import socket

    import validator.batch.engines as engines

    monkeypatch.setattr(engines, "SCHEDULER_TIMEOUT", "3s")
    with socket.socket() as s:  # a free port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    src = write_csv(tmp_path / "ads.csv", ads(8))
    code = main(
        [
            "batch",
            str(src),
            "-o",
            str(tmp_path / "o.csv"),
            "--engine",
            "dask",
            "--scheduler",
            f"tcp://127.0.0.1:{port}",
            "--no-progress",
        ]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert "cannot reach the dask scheduler" in err and "Traceback" not in err
