"""Model features of one assessed ad, read generically from the engine's indicator hits and facts.

Feature names carry their kind, which is how contributions are reported:

    indicator:<id>       1 when the indicator was raised (every id of the catalogue)
    family:<family>      number of indicators raised in that family
    indicators:count     number of indicators raised; indicators:families  number of families
    fact:<name>          a fact of the ad (wage ratio, employer address present, contact kinds ...)
    meta:<column>        an export's metadata column (e.g. has_company_logo), only when present
    text:<term>          TF-IDF weight of a word or word pair (English heads only)

No protected attribute of a person is a feature: the features describe the ad, never the reader.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from validator.assessment import FAMILIES, Facts, IndicatorHit
from validator.resources import load_toml

KINDS = {"indicator": "indicator", "family": "indicator", "indicators": "indicator", "fact": "fact"}
KINDS.update({"meta": "metadata", "text": "text"})

FACT_FEATURES = (
    "wage_stated",
    "wage_ratio_known",
    "wage_log2_ratio",
    "wage_up_to",
    "wage_hourly_or_daily",
    "locations_log_count",
    "destination_known",
    "location_vague",
    "employer_name",
    "employer_address",
    "employer_legal_form",
    "employer_registration",
    "employer_website",
    "phone",
    "phone_mobile",
    "phone_premium_or_unknown",
    "phone_foreign",
    "email",
    "email_free",
    "url",
    "messenger",
    "messenger_only",
    "contact_only_via",
    "contacts_log_count",
    "duties_stated",
    "workplace_stated",
    "hours_stated",
    "contract_type_stated",
    "requirements_required",
    "requirements_waived",
    "benefits_count",
    "log_word_count",
)

# Direction a weight may take, from the literature (DESIGN.md §3): +1 may only raise the risk, -1 may
# only lower it (signs that an employer can be checked), absent: free. Training data from another
# setting (EMSCAD: US postings, where listed benefits and mobile numbers are common in genuine ads)
# must not turn a warning sign into a reassurance. Indicator, family and count weights are all +1.
SIGNED_PREFIXES = {"indicator:": 1, "family:": 1, "indicators:": 1}
FACT_SIGNS = {
    "wage_up_to": 1,
    "location_vague": 1,
    "phone_mobile": 1,
    "phone_premium_or_unknown": 1,
    "phone_foreign": 1,
    "email_free": 1,
    "messenger": 1,
    "messenger_only": 1,
    "contact_only_via": 1,
    "requirements_waived": 1,
    "benefits_count": 1,
    "employer_name": -1,
    "employer_address": -1,
    "employer_legal_form": -1,
    "employer_registration": -1,
    "employer_website": -1,
    "duties_stated": -1,
    "workplace_stated": -1,
    "hours_stated": -1,
    "contract_type_stated": -1,
    "requirements_required": -1,
}


def sign_of(feature: str) -> int:
    """The allowed sign of a feature's weight: 1, -1, or 0 (free)."""
    if feature.startswith("fact:"):
        return FACT_SIGNS.get(feature[5:], 0)
    return next((s for prefix, s in SIGNED_PREFIXES.items() if feature.startswith(prefix)), 0)


def _may_hold_url(text: str) -> bool:
    """False when the URL rule cannot match: each match holds "://" or "www." (in any case; no
    character but W case-folds to w)."""
    return "://" in text or "www." in text.lower()


def _holds(marker: str):
    return lambda text: marker in text


# masked contacts of the EMSCAD export, real contacts and numbers, turned into class words; each rule
# runs only when its test passes, a test every match of the rule passes (the same output, less time)
_TEXT_RULES = (
    (_holds("#"), re.compile(r"#(PHONE|EMAIL|URL)_[^#\s]*#"), lambda m: f" contact{m.group(1).lower()} "),
    (_holds("@"), re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"), lambda m: " contactemail "),
    (_may_hold_url, re.compile(r"\b(?:https?://|www\.)\S+", re.I), lambda m: " contacturl "),
    (None, re.compile(r"\d"), "0"),
)


def kind_of(feature: str) -> str:
    """The contribution kind (indicator | fact | text | metadata) of a feature name."""
    return KINDS[feature.split(":", 1)[0]]


def normalise_text(text: str) -> str:
    """The text the TF-IDF block reads: contacts replaced by their kind, digits by 0."""
    for may_match, pattern, repl in _TEXT_RULES:
        if may_match is None or may_match(text):
            text = pattern.sub(repl, text)
    return text


@cache
def exclusions() -> dict[str, frozenset[str]]:
    """The sign tiers and facts a new model leaves out (data/model_features.toml)."""
    cfg = load_toml("model_features.toml")
    facts = frozenset(cfg.get("exclude_facts", ()))
    unknown = facts - set(FACT_FEATURES)
    if unknown:
        raise ValueError(f"model_features.toml: unknown facts {', '.join(sorted(unknown))}")
    return {"tiers": frozenset(cfg.get("exclude_tiers", ())), "facts": facts}


def structured_names(indicator_ids: Iterable[str], meta_columns: Iterable[str] = ()) -> list[str]:
    """The ordered structured feature names for a catalogue and a set of metadata columns (facts
    excluded by data/model_features.toml left out)."""
    names = [f"indicator:{i}" for i in indicator_ids]
    names += [f"family:{f}" for f in FAMILIES]
    names += ["indicators:count", "indicators:families"]
    names += [f"fact:{f}" for f in FACT_FEATURES if f not in exclusions()["facts"]]
    names += [f"meta:{c}" for c in meta_columns]
    return names


def model_names(meta_columns: Iterable[str] = ()) -> list[str]:
    """The structured feature names a new model is trained on: the catalogue's signs but those of the
    excluded tiers (and the families that only hold such signs), and the facts but the excluded ones
    (data/model_features.toml)."""
    from validator.indicators import catalogue

    tiers = exclusions()["tiers"]
    kept = [ind for ind in catalogue() if ind.severity not in tiers]
    families = {ind.family for ind in kept}
    names = structured_names([ind.id for ind in kept], meta_columns)
    return [n for n in names if not n.startswith("family:") or n[7:] in families]


def _flag(value: Any) -> float:
    return 1.0 if value else 0.0


def fact_features(facts: Facts) -> dict[str, float]:
    """The fact block; robust to extractors that return nothing."""
    wages = facts.wages
    ratios = [w.ratio_to_min_wage for w in wages if w.ratio_to_min_wage]
    ratio = max(ratios) if ratios else None
    places = facts.locations
    emp = facts.employer
    con = facts.contacts
    phone_types = {p.type for p in con.phones}
    dest = facts.destination_country
    n_contacts = len(con.phones) + len(con.emails) + len(con.urls) + len(con.messengers)
    job = facts.job
    req = list(job.requirements.values())
    return {
        "wage_stated": _flag(wages),
        "wage_ratio_known": _flag(ratio),
        "wage_log2_ratio": max(-3.0, min(3.0, math.log2(ratio))) if ratio else 0.0,
        "wage_up_to": _flag(any(w.up_to for w in wages)),
        "wage_hourly_or_daily": _flag(any(w.period in ("hour", "day") for w in wages)),
        "locations_log_count": math.log1p(len(places)),
        "destination_known": _flag(dest),
        "location_vague": _flag(any(p.kind == "vague" for p in places)),
        "employer_name": _flag(emp.name),
        "employer_address": _flag(emp.address or emp.postcode),
        "employer_legal_form": _flag(emp.legal_form),
        "employer_registration": _flag(emp.registration_numbers),
        "employer_website": _flag(emp.website),
        "phone": _flag(con.phones),
        "phone_mobile": _flag("mobile" in phone_types),
        "phone_premium_or_unknown": _flag(phone_types & {"premium_rate", "unknown", "voip"}),
        "phone_foreign": _flag(dest and any(p.region and p.region != dest for p in con.phones)),
        "email": _flag(con.emails),
        "email_free": _flag(any(e.free_provider for e in con.emails)),
        "url": _flag(con.urls),
        "messenger": _flag(con.messengers),
        "messenger_only": _flag(con.messengers and not (con.emails or con.urls or emp.address)),
        "contact_only_via": _flag(con.contact_only_via),
        "contacts_log_count": math.log1p(n_contacts),
        "duties_stated": _flag(job.duties_stated),
        "workplace_stated": _flag(job.workplace_stated),
        "hours_stated": _flag(job.hours_stated),
        "contract_type_stated": _flag(job.contract_type),
        "requirements_required": float(sum(v == "required" for v in req)),
        "requirements_waived": float(sum(v == "waived" for v in req)),
        "benefits_count": float(len(job.benefits)),
        "log_word_count": math.log1p(job.word_count),
    }


def meta_value(value: Any) -> float | None:
    """A metadata cell as a number: booleans, 0/1, t/f, yes/no; None when missing or unreadable."""
    if value is None or isinstance(value, bool):
        return None if value is None else float(value)
    if isinstance(value, int | float):
        return None if math.isnan(value) else float(value)
    text = str(value).strip().lower()
    if text in {"1", "t", "true", "yes", "y"}:
        return 1.0
    if text in {"0", "f", "false", "no", "n"}:
        return 0.0
    try:
        number = float(text)
    except ValueError:
        return None
    return None if math.isnan(number) else number


def structured_features(
    facts: Facts, hits: list[IndicatorHit], metadata: Mapping[str, Any] | None = None
) -> dict[str, float]:
    """Every structured feature of one ad as a name -> value dict (absent names mean 0)."""
    out: dict[str, float] = {f"indicator:{h.id}": 1.0 for h in hits}
    for h in hits:
        out[f"family:{h.family}"] = out.get(f"family:{h.family}", 0.0) + 1.0
    out["indicators:count"] = float(len(hits))
    out["indicators:families"] = float(len({h.family for h in hits}))
    out.update({f"fact:{k}": v for k, v in fact_features(facts).items()})
    for key, value in (metadata or {}).items():
        number = meta_value(value)
        if number is not None:
            out[f"meta:{key}"] = number
    return out
