"""`--resume` after a real kill -9 (and a Ctrl-C) of a running `validator batch` process."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from test_batch_data import ads, read_output, write_csv

from validator.errors import DataError

ROWS = 40


def _start(src: Path, out: Path, workers: int) -> subprocess.Popen:
    cmd = [
        sys.executable,
        "-m",
        "validator.cli",
        "batch",
        str(src),
        "-o",
        str(out),
        "--chunk-rows",
        "2",
        "--workers",
        str(workers),
        "--language",
        "en",
        "--no-progress",
    ]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def _done_chunks(out: Path) -> int:
    try:
        return len(json.loads((out.parent / (out.name + ".work") / "manifest.json").read_text())["done"])
    except (OSError, ValueError, KeyError):
        return 0


def _wait_for_chunks(proc: subprocess.Popen, out: Path, n: int, timeout: float = 180) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"the run ended before it could be interrupted: {proc.stderr.read()}")
        done = _done_chunks(out)
        if done >= n:
            return done
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    pytest.fail("no chunk was completed in time")


def _finish(proc: subprocess.Popen) -> tuple[int, str]:
    try:
        _, err = proc.communicate(timeout=300)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    return proc.returncode, err


@pytest.mark.parametrize("sig,code,workers", [(signal.SIGKILL, -signal.SIGKILL, 2), (signal.SIGINT, 130, 1)])
def test_resume_after_interruption_gives_one_row_per_input_row(tmp_path, capsys, sig, code, workers):
    rows = ads(ROWS)
    src = write_csv(tmp_path / "in.csv", rows)
    out = tmp_path / "out.csv"
    proc = _start(src, out, workers)
    _wait_for_chunks(proc, out, 3)
    children = psutil.Process(proc.pid).children(recursive=True)
    proc.send_signal(sig)  # the main process only, as `kill -9 PID` or Ctrl-C would
    rc, err = _finish(proc)
    # worker processes do not outlive their parent
    _, alive = psutil.wait_procs(children, timeout=20)
    for child in alive:
        child.kill()
    assert not alive, "worker processes outlived the killed parent"
    assert rc == code, err
    assert "Traceback" not in err
    assert not out.exists()
    done = _done_chunks(out)
    assert 3 <= done < ROWS // 2
    # a half-written file and a chunk file the manifest does not list are never taken as done
    work = tmp_path / "out.csv.work"
    (work / ".chunk-000019.parquet.999.tmp").write_bytes(b"PAR1 half written")
    (work / "chunk-000019.parquet").write_bytes(b"PAR1 half written")

    from validator.cli import main

    # the same command again, with --resume (in this process: the pipeline is already loaded)
    argv = ["batch", str(src), "-o", str(out), "--chunk-rows", "2", "--workers", "1", "--language", "en"]
    assert main([*argv, "--no-progress", "--resume"]) == 0
    assert f"resuming: {done} chunks" in capsys.readouterr().err
    df = read_output(out)
    assert df["job_id"].tolist() == [r["job_id"] for r in rows]
    assert df["row"].tolist() == list(range(1, ROWS + 1))
    assert df["error"].isna().all() and df["risk_score"].notna().all()
    assert not work.exists()


def test_resume_refuses_a_work_directory_of_another_run(tmp_path):
    from validator.batch.store import ChunkStore

    work = tmp_path / "o.csv.work"
    ChunkStore(work, {"inputs": ["a"]}, resume=False)
    with pytest.raises(DataError, match="other inputs or options"):
        ChunkStore(work, {"inputs": ["b"]}, resume=True)
    # without --resume, an old work directory is cleared
    store = ChunkStore(work, {"inputs": ["b"]}, resume=False)
    assert store.done == {}


def test_saved_progress_is_kept_unless_resume_or_restart_is_said(tmp_path):
    import pandas as pd

    from validator.batch.store import ChunkStore

    work = tmp_path / "o.csv.work"
    ChunkStore(work, {"inputs": ["a"]}, resume=False).write(0, pd.DataFrame({"id": ["1"]}))
    with pytest.raises(DataError, match="--resume to continue it, or --restart"):
        ChunkStore(work, {"inputs": ["a"]}, resume=False)
    assert ChunkStore(work, {"inputs": ["a"]}, resume=True).done == {0: 1}  # nothing was lost
    assert ChunkStore(work, {"inputs": ["a"]}, resume=False, restart=True).done == {}


def test_resume_and_restart_exclude_each_other(capsys):
    from validator.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["batch", "in.csv", "-o", "out.csv", "--resume", "--restart"])
    assert exc.value.code == 2 and "not allowed with" in capsys.readouterr().err
