"""The work directory next to OUTPUT: scored chunks and a manifest of the completed ones.

Every file is written to a temporary name and renamed (`os.replace`), chunk first, manifest second, so
a chunk counts as done only when both are on disk; a half-written chunk (Ctrl-C, kill -9, power loss)
is scored again by `--resume`.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from validator.errors import DataError

MANIFEST = "manifest.json"


def _atomic_write(path: Path, write) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def work_dir_for(output: Path) -> Path:
    return output.with_name(output.name + ".work")


def _saved_chunks(manifest: Path) -> int:
    """How many scored chunks an earlier run's manifest lists (0 when there is none or it is unreadable)."""
    try:
        return len(json.loads(manifest.read_text("utf-8")).get("done", {}))
    except (OSError, ValueError, AttributeError):
        return 0


class ChunkStore:
    def __init__(self, directory: Path, fingerprint: dict[str, Any], *, resume: bool, restart: bool = False):
        self.dir = directory
        self.fingerprint = fingerprint
        self.done: dict[int, int] = {}  # chunk index -> rows
        manifest = directory / MANIFEST
        if resume and manifest.exists():
            try:
                data = json.loads(manifest.read_text("utf-8"))
            except ValueError:
                data = {}
            if data.get("fingerprint") != fingerprint:
                raise DataError(
                    f"{directory} holds a run with other inputs or options; run the same command as "
                    "before, or delete that directory (or drop --resume) to start again"
                )
            self.done = {int(k): int(v) for k, v in data.get("done", {}).items() if self.chunk_path(int(k)).exists()}
        elif directory.exists():
            saved = _saved_chunks(manifest)
            if saved and not restart:
                raise DataError(
                    f"{directory} holds the saved progress of an earlier run ({saved} chunk{'s' if saved != 1 else ''} "
                    "scored): add --resume to continue it, or --restart to discard it and start again"
                )
            shutil.rmtree(directory)
        directory.mkdir(parents=True, exist_ok=True)
        self._save()

    def chunk_path(self, index: int) -> Path:
        return self.dir / f"chunk-{index:06d}.parquet"

    def _save(self) -> None:
        data = {"fingerprint": self.fingerprint, "done": {str(k): v for k, v in sorted(self.done.items())}}
        _atomic_write(self.dir / MANIFEST, lambda p: p.write_text(json.dumps(data, indent=1), "utf-8"))

    def is_done(self, index: int) -> bool:
        return index in self.done

    def write(self, index: int, frame: pd.DataFrame) -> None:
        table = pa.Table.from_pandas(frame, preserve_index=False)
        _atomic_write(self.chunk_path(index), lambda p: pq.write_table(table, p))
        self.done[index] = len(frame)
        self._save()

    @property
    def rows(self) -> int:
        return sum(self.done.values())

    def frames(self, columns: list[str] | None = None) -> Iterator[tuple[int, pd.DataFrame]]:
        """(first row position, chunk) for every chunk, in input order."""
        start = 0
        for index in sorted(self.done):
            frame = pq.read_table(self.chunk_path(index), columns=columns).to_pandas()
            yield start, frame
            start += len(frame)

    def remove(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)
