"""The engine on all ads of the shared EMSCAD sample (skipped when the sample is absent)."""

from __future__ import annotations

import csv

import pytest

from validator import assess
from validator.errors import ValidatorError

TEXT_COLUMNS = ("title", "location", "company_profile", "description", "requirements", "benefits")


@pytest.mark.slow
def test_engine_runs_on_every_emscad_ad(emscad_csv) -> None:
    with emscad_csv.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 824
    errors, bands = [], {"low": 0, "medium": 0, "high": 0, "insufficient": 0}
    for row in rows:
        text = "\n".join(row[c] for c in TEXT_COLUMNS if row.get(c))
        try:
            a = assess(text)
        except ValidatorError as exc:  # only empty or oversize ads may be refused, with a clear message
            errors.append((row["job_id"], exc.message))
            continue
        bands[a.risk.band] += 1
        for hit in a.indicators:
            for ev in hit.evidence:
                assert a.text[ev.start : ev.end] == ev.text
    assert not errors
    assert sum(bands.values()) == 824
