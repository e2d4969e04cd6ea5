"""`score_frame`: the pure scoring function every engine maps over chunks (local pool or dask).

Input: a DataFrame with an `id` column, the ad in `text` (and/or `html`, `url`), optional `_row`
(input row number) and `_error` (a read error), and any other columns as metadata for the model.
Output: one row per input row, same order: risk, one 0/1 column per indicator, families, key facts
and `error`; columns starting with `_` are working columns for linkage and the report.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from typing import Any

import pandas as pd

from validator.assessment import Assessment
from validator.errors import ValidatorError
from validator.ingest import AdInput, load

RESERVED = {"id", "text", "html", "url", "language"}
FACT_COLUMNS = (
    "language",
    "wage_eur_month",
    "wage_ratio_to_min_wage",
    "destination_country",
    "employer",
    "job_title",
    "phones",
    "emails",
    "messengers",
    "handles",
)
WORK_COLUMNS = ("_row", "_job", "_contact_raw", "_evidence", "_text_words", "_model", "_reason")
EVIDENCE_PER_INDICATOR = 3
EVIDENCE_CHARS = 200
SEP = "; "


@dataclass(frozen=True)
class ScoreOptions:
    language: str | None = None  # None: detect per ad
    signatures: bool = True  # MinHash band keys for template linkage


@cache
def indicator_ids() -> tuple[str, ...]:
    from validator.indicators import catalogue

    return tuple(ind.id for ind in catalogue())


def score_columns() -> list[str]:
    """The public columns `score_frame` returns after `id`, in order."""
    return ["risk_score", "risk_band", *indicator_ids(), "n_indicators", "families", *FACT_COLUMNS, "error"]


def _present(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, float) and math.isnan(value):
        return False
    return not (isinstance(value, str) and not value.strip())


def _clean_meta(value: Any) -> Any:
    return value if _present(value) else None


def masked_token(token: str) -> str:
    """A masked token of an anonymised export written one way ("#email_1A2b" -> "#EMAIL_1a2b#"), so the
    same contact links and reads the same in every column and in the report."""
    body = token.strip().strip("#")
    kind, _, digest = body.partition("_")
    return f"#{kind.upper()}_{digest.lower()}#"


def _contact_key(phone) -> str:
    if phone.type == "masked":
        return masked_token(phone.raw)
    return phone.e164 or phone.raw.strip()


def _email_key(email) -> str:
    return masked_token(email.address) if email.masked else email.address.strip().lower()


def _key_wage(a: Assessment) -> tuple[float | None, float | None]:
    wages = [w for w in a.facts.wages if w.eur_per_month is not None]
    if not wages:
        return None, None
    best = max(wages, key=lambda w: (w.ratio_to_min_wage or 0.0, w.eur_per_month or 0.0))
    ratio = round(best.ratio_to_min_wage, 3) if best.ratio_to_min_wage is not None else None
    return round(best.eur_per_month, 2), ratio


def _evidence(a: Assessment) -> str:
    items = []
    for hit in a.indicators:
        items.append(
            {
                "id": hit.id,
                "family": hit.family,
                "severity": hit.severity,
                "title": hit.title,
                "evidence": list(dict.fromkeys(ev.text[:EVIDENCE_CHARS] for ev in hit.evidence))[
                    :EVIDENCE_PER_INDICATOR
                ],
                "looked_for": hit.looked_for,
            }
        )
    return json.dumps(items, ensure_ascii=False)


def assessment_row(a: Assessment) -> dict[str, Any]:
    """The output columns of one assessed ad."""
    raised = {hit.id for hit in a.indicators}
    eur, ratio = _key_wage(a)
    contacts = a.facts.contacts
    phones = list(dict.fromkeys(_contact_key(p) for p in contacts.phones if _contact_key(p)))
    emails = list(dict.fromkeys(_email_key(e) for e in contacts.emails if e.address))
    handles = list(dict.fromkeys(f"{h.messenger}:{h.handle.lower()}" for h in contacts.handles))
    raw = [p.raw for p in contacts.phones] + [e.address for e in contacts.emails]
    raw += [a.text[h.start : h.end] for h in contacts.handles] + [h.handle for h in contacts.handles]
    row: dict[str, Any] = {"risk_score": a.risk.score, "risk_band": a.risk.band}
    row.update({ind: int(ind in raised) for ind in indicator_ids()})
    row.update(
        {
            "n_indicators": len(a.indicators),
            "families": SEP.join(a.families),
            "language": a.language,
            "wage_eur_month": eur,
            "wage_ratio_to_min_wage": ratio,
            "destination_country": a.facts.destination_country,
            "employer": a.facts.employer.name,
            "job_title": a.facts.job.title,
            "phones": SEP.join(phones) or None,
            "emails": SEP.join(emails) or None,
            "messengers": SEP.join(dict.fromkeys(contacts.messengers)) or None,
            "handles": SEP.join(handles) or None,
            "error": None,
            "_job": a.facts.job.title,
            "_contact_raw": json.dumps(raw, ensure_ascii=False) if raw else None,
            "_evidence": _evidence(a),
            "_text_words": len(a.text.split()),
            "_model": a.risk.model,
            "_reason": a.risk.reason,
        }
    )
    return row


def error_row(message: str) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(score_columns())
    row.update(dict.fromkeys(WORK_COLUMNS))
    row["error"] = message
    return row


def _assess_record(rec: dict[str, Any], metadata: dict[str, Any], options: ScoreOptions) -> Assessment:
    from validator.engine import assess_input, default_settings

    settings = default_settings()
    text, html, url = rec.get("text"), rec.get("html"), rec.get("url")
    url = str(url).strip() if _present(url) else None
    if _present(text):
        ad = load(str(text), settings=settings)
    elif _present(html):
        ad = load(html=str(html), settings=settings)
    elif url:
        ad = load(url=url, settings=settings)
    else:
        raise ValidatorError("the row has no ad text (empty)")
    if url and ad.url is None:
        ad = AdInput(ad.text, ad.source, url, ad.structured, ad.warnings)
    return assess_input(ad, language=options.language, metadata=metadata, settings=settings)


def score_record(rec: dict[str, Any], options: ScoreOptions) -> dict[str, Any]:
    """One row: assess it, or give its error; nothing of the ad reaches a log."""
    from validator.batch.linkage import BAND_COLUMNS, band_keys

    metadata = {
        (k[5:] if k.startswith("meta:") else k): _clean_meta(v)
        for k, v in rec.items()
        if k not in RESERVED and not k.startswith("_")
    }
    if _present(rec.get("_error")):
        row = error_row(str(rec["_error"]))
    else:
        try:
            a = _assess_record(rec, metadata, options)
        except ValidatorError as exc:
            row = error_row(exc.message)
        except RecursionError:
            row = error_row("the ad is too deeply nested to read")
        except Exception as exc:  # a bug must cost one row, not the run
            row = error_row(f"internal error while scoring this row ({type(exc).__name__})")
        else:
            row = assessment_row(a)
            if options.signatures:
                try:
                    row.update(band_keys(a.text))
                except Exception:  # no template linkage for this row, the score stands
                    row.update(dict.fromkeys(BAND_COLUMNS))
    return row


def score_frame(frame: pd.DataFrame, options: ScoreOptions | None = None) -> pd.DataFrame:
    """Score every row of `frame` (columns `id`, `text` and/or `html`/`url`, metadata); same order."""
    from validator.batch.linkage import BAND_COLUMNS

    options = options or ScoreOptions()
    ids = frame["id"].tolist() if "id" in frame.columns else [str(i) for i in frame.index]
    rows = [score_record(rec, options) for rec in frame.to_dict("records")]
    columns = ["id", *score_columns(), *WORK_COLUMNS, *(BAND_COLUMNS if options.signatures else ())]
    out = pd.DataFrame(rows, columns=columns[1:], index=frame.index, dtype=object)
    out.insert(0, "id", [None if not _present(i) else str(i) for i in ids])
    out["_row"] = frame["_row"].tolist() if "_row" in frame.columns else list(range(1, len(frame) + 1))
    return normalise_types(out)


def normalise_types(out: pd.DataFrame) -> pd.DataFrame:
    """Stable column types, so chunks from any engine concatenate and compare equal."""
    from validator.batch.linkage import BAND_COLUMNS

    for col in (*indicator_ids(), "n_indicators", "_text_words"):
        out[col] = pd.array(out[col].tolist(), dtype="Int64")
    for col in ("risk_score", "wage_eur_month", "wage_ratio_to_min_wage"):
        out[col] = pd.to_numeric(pd.Series(out[col].tolist(), index=out.index, dtype=object), errors="coerce")
    out["_row"] = out["_row"].astype("int64")
    for col in BAND_COLUMNS:
        if col in out.columns:
            out[col] = pd.array(out[col].tolist(), dtype="Int64")
    return out
