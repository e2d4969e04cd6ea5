"""Linkage across ads: shared contacts and near-duplicate texts, in memory that grows by bytes per row.

- Contact groups: a phone number or e-mail address found in two or more ads that name different
  employers, places (destination country) or jobs (Di Nicola et al. 2017; GRETA 2022).
- Template groups: near-duplicate texts. Each worker computes a MinHash of the ad's word 3-shingles
  (datasketch) and keeps only the LSH band keys (the band/row split datasketch's MinHashLSH chooses
  for a Jaccard threshold of 0.8); ads sharing a band key are candidates, and connected candidates
  form a group. Bands are read one at a time, so memory is 8 bytes per row at each step.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import pandas as pd

THRESHOLD = 0.8
NUM_PERM = 128
SHINGLE = 3
MIN_WORDS = 12  # shorter texts are too short to call a template
SEP = "; "
_WORD = re.compile(r"\w+", re.UNICODE)


# (bands, rows per band) as datasketch's MinHashLSH picks them for THRESHOLD and NUM_PERM, by a numerical
# integration that costs 1.6 s in every process (the main one and each worker): kept here, tested equal
LSH_BANDS, LSH_ROWS = 9, 13

BAND_COLUMNS = tuple(f"_b{i}" for i in range(LSH_BANDS))


@cache
def _empty_minhash():
    from datasketch import MinHash

    # CRC-32 of each shingle (deterministic across processes, like datasketch's SHA-1 default, at a
    # tenth of its cost); the 128 permutations of the MinHash spread it over the signature
    return MinHash(num_perm=NUM_PERM, seed=1, hashfunc=zlib.crc32)


def band_keys(text: str) -> dict[str, int | None]:
    """The LSH band keys of a text (None for texts under MIN_WORDS words)."""
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return dict.fromkeys(BAND_COLUMNS)
    shingles = {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}
    mh = _empty_minhash().copy()  # shares the permutations: no re-generation per text
    mh.update_batch(list(shingles))
    values = mh.hashvalues
    out: dict[str, int | None] = {}
    for i, col in enumerate(BAND_COLUMNS):
        digest = hashlib.blake2b(values[i * LSH_ROWS : (i + 1) * LSH_ROWS].tobytes(), digest_size=8).digest()
        out[col] = int.from_bytes(digest, "little", signed=True)
    return out


def split_values(value) -> list[str]:
    if not isinstance(value, str) or not value:
        return []
    return [v for v in value.split(SEP) if v]


def _h(value) -> int:
    """A process-local hash of a normalised value; 0 for nothing."""
    if not isinstance(value, str) or not value.strip():
        return 0
    return hash(" ".join(value.lower().split())) or 1


@dataclass
class Group:
    group_id: str
    kind: str  # phone | email | template
    value: str
    members: list[int]  # row positions (0-based, input order)
    detail: dict[str, int] = field(default_factory=dict)  # distinct employers / places / jobs


@dataclass
class Links:
    contact_groups: list[Group]
    template_groups: list[Group]
    contact_of_row: dict[int, list[str]]  # row position -> contact group ids
    template_of_row: np.ndarray  # row position -> template group number (0: none)

    def template_id(self, pos: int) -> str | None:
        n = int(self.template_of_row[pos]) if pos < len(self.template_of_row) else 0
        return f"T{n}" if n else None


class ContactIndex:
    """Contact occurrences collected chunk by chunk: hashes and row positions only."""

    def __init__(self) -> None:
        self._parts: list[np.ndarray] = []

    def add(self, start: int, frame: pd.DataFrame) -> None:
        rows: list[tuple[int, int, int, int, int]] = []
        for offset, (phones, emails, handles, employer, country, job) in enumerate(
            zip(
                frame["phones"],
                frame["emails"],
                frame["handles"],
                frame["employer"],
                frame["destination_country"],
                frame["_job"],
                strict=True,
            )
        ):
            keys = [_h("phone:" + v) for v in split_values(phones)]
            keys += [_h("email:" + v) for v in split_values(emails)]
            keys += [_h("handle:" + v) for v in split_values(handles)]
            if keys:
                attrs = (_h(employer), _h(country), _h(job))
                rows.extend((k, start + offset, *attrs) for k in dict.fromkeys(keys))
        if rows:
            self._parts.append(np.array(rows, dtype=np.int64))

    def flagged(self) -> pd.DataFrame:
        """Keys shared by 2+ rows that name 2+ different employers, places or jobs."""
        if not self._parts:
            return pd.DataFrame(columns=["key", "rows", "employers", "places", "jobs"])
        occ = pd.DataFrame(np.concatenate(self._parts), columns=["key", "row", "employer", "place", "job"])
        self._parts = []
        for col in ("employer", "place", "job"):
            occ[col] = occ[col].where(occ[col] != 0)
        stats = occ.groupby("key").agg(
            rows=("row", "nunique"),
            employers=("employer", "nunique"),
            places=("place", "nunique"),
            jobs=("job", "nunique"),
            first=("row", "min"),
        )
        stats = stats[(stats.rows >= 2) & ((stats.employers >= 2) | (stats.places >= 2) | (stats.jobs >= 2))]
        members = occ[occ.key.isin(stats.index)].groupby("key")["row"].apply(lambda s: sorted(set(s)))
        stats = stats.assign(members=members)
        return stats.sort_values(["rows", "first"], ascending=[False, True])


def contact_groups(
    index: ContactIndex, values_of: Callable[[set[int]], dict[int, tuple[str, str]]]
) -> tuple[list[Group], dict[int, list[str]]]:
    """Number the flagged contact groups C1, C2 … (largest first); `values_of` maps key hashes back to
    (kind, value) with a second pass over the rows."""
    stats = index.flagged()
    names = values_of(set(stats.index.tolist()))
    groups: list[Group] = []
    of_row: dict[int, list[str]] = {}
    for n, (key, rec) in enumerate(stats.iterrows(), 1):
        kind, value = names.get(key, ("contact", "?"))
        gid = f"C{n}"
        detail = {"employers": int(rec.employers), "places": int(rec.places), "jobs": int(rec.jobs)}
        groups.append(Group(gid, kind, value, list(rec.members), detail))
        for pos in rec.members:
            of_row.setdefault(pos, []).append(gid)
    return groups, of_row


def contact_values(frames: Iterable[pd.DataFrame], wanted: set[int]) -> dict[int, tuple[str, str]]:
    """(kind, value) for the wanted key hashes, read back from the rows."""
    out: dict[int, tuple[str, str]] = {}
    if not wanted:
        return out
    for frame in frames:
        for phones, emails, handles in zip(frame["phones"], frame["emails"], frame["handles"], strict=True):
            for kind, values in (("phone", phones), ("email", emails), ("handle", handles)):
                for v in split_values(values):
                    key = _h(f"{kind}:{v}")
                    if key in wanted:
                        out.setdefault(key, (kind, v))
        if len(out) == len(wanted):
            break
    return out


def template_labels(n_rows: int, bands: Iterable[np.ndarray]) -> np.ndarray:
    """Group number (1 = largest group, 0 = none) per row from the LSH band keys, one band at a time.

    Each band's array holds one int64 key per row (rows without a key are masked out before)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    rep = np.arange(n_rows, dtype=np.int32)  # each row's representative row (the group's first)
    linked = np.zeros(n_rows, dtype=bool)
    for band in bands:
        keys, valid = band
        idx = np.flatnonzero(valid).astype(np.int32)
        if len(idx) < 2:
            continue
        order = idx[np.argsort(keys[idx], kind="stable")]
        sorted_keys = keys[order]
        same = sorted_keys[1:] == sorted_keys[:-1]
        del sorted_keys
        if not same.any():
            continue
        run_start = np.flatnonzero(np.concatenate(([True], ~same)))
        first_of = np.repeat(order[run_start], np.diff(np.concatenate((run_start, [len(order)]))))
        a, b = first_of[1:][same], order[1:][same]
        del first_of, order, run_start, same
        linked[a] = linked[b] = True
        # only linked rows take part: edges row -> its representative so far, plus this band's pairs
        nodes = np.flatnonzero(linked).astype(np.int32)
        rows = np.concatenate((nodes, a))
        cols = np.concatenate((rep[nodes], b))
        graph = coo_matrix((np.ones(len(rows), dtype=np.int8), (rows, cols)), shape=(n_rows, n_rows))
        _, labels = connected_components(graph, directed=False)
        del graph, rows, cols
        # the smallest row of each component among the linked rows becomes the representative
        comp = labels[nodes]
        first = np.full(labels.max() + 1, n_rows, dtype=np.int64)
        np.minimum.at(first, comp, nodes)
        rep[nodes] = first[comp].astype(np.int32)
    out = np.zeros(n_rows, dtype=np.int32)
    if not linked.any():
        return out
    reps = rep[linked]
    uniq, counts = np.unique(reps, return_counts=True)
    # representatives are the smallest row of their group: sort by size, then first row
    order = np.lexsort((uniq, -counts))
    number = np.zeros(n_rows, dtype=np.int32)
    number[uniq[order]] = np.arange(1, len(uniq) + 1, dtype=np.int32)
    out[linked] = number[reps]
    return out


def template_groups(labels: np.ndarray, limit: int | None = None) -> list[Group]:
    """The template groups (largest first) with their member row positions."""
    pos = np.flatnonzero(labels)
    if not len(pos):
        return []
    order = pos[np.argsort(labels[pos], kind="stable")]
    groups: list[Group] = []
    bounds = np.flatnonzero(np.diff(labels[order])) + 1
    for members in np.split(order, bounds):
        n = int(labels[members[0]])
        groups.append(
            Group(f"T{n}", "template", f"near-duplicate text (MinHash Jaccard ≥ {THRESHOLD})", members.tolist())
        )
        if limit and len(groups) >= limit:
            break
    return groups
