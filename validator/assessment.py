"""The Assessment record every surface (CLI, API, widget, extension, batch) is a view of.

`Assessment.to_dict()` is the versioned JSON contract of DESIGN.md §2 (`schema_version` "1").
All offsets (`start`, `end`) index `Assessment.text`, the text that was analysed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from functools import cache
from typing import Any

SCHEMA_VERSION = "1"

FAMILIES = (
    "unrealistic_pay",
    "vague_job",
    "hidden_employer",
    "weak_contact",
    "fees_or_debt",
    "travel_and_housing",
    "low_requirements",
    "pressure_urgency",
    "personal_data_request",
    "documents_and_visa",
    "targeting",
    "working_conditions",
    "poor_language",
)
# "insufficient": too little to judge (too few words, a language without a pack or not told reliably,
# or only absent information on a short text), unless a severe sign is present (validator/bands.py)
BANDS = ("low", "medium", "high", "insufficient")
# indicator tiers, most serious first (data/indicators.toml header, data/risk_bands.toml)
SEVERITIES = ("severe", "strong", "moderate", "absence")


@dataclass(frozen=True)
class Evidence:
    """A quoted piece of the analysed text: `text == assessment.text[start:end]`."""

    start: int
    end: int
    text: str
    cue: str | None = None  # the cue label or rule that matched


@dataclass
class Wage:
    min: float | None
    max: float | None
    currency: str | None
    period: str | None  # hour | day | week | month | year | None
    start: int
    end: int
    text: str = ""
    gross_net: str | None = None  # gross | net | None
    up_to: bool = False
    eur_per_month: float | None = None
    ratio_to_min_wage: float | None = None
    reference_country: str | None = None
    reference_wage_eur_month: float | None = None
    reference_kind: str | None = None  # minimum_wage | median_earnings (countries without a statutory minimum)
    period_assumed: bool = False  # no period stated: guessed from the amount's size


@dataclass
class Location:
    text: str
    country: str | None  # ISO 3166-1 alpha-2
    kind: str  # country | city | region | vague
    start: int | None = None
    end: int | None = None
    name: str | None = None  # the gazetteer's name of the place ("Warszawa" for "Warszawie")


@dataclass
class Employer:
    name: str | None = None
    address: str | None = None
    postcode: str | None = None
    legal_form: str | None = None
    registration_numbers: list[str] = field(default_factory=list)
    website: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Phone:
    raw: str
    e164: str | None
    region: str | None
    type: str  # mobile | fixed_line | premium_rate | toll_free | voip | masked | unknown ...
    start: int
    end: int


@dataclass
class Email:
    address: str
    domain: str | None
    free_provider: bool
    start: int
    end: int
    masked: bool = False


@dataclass
class Url:
    url: str
    domain: str | None
    start: int
    end: int
    masked: bool = False


@dataclass
class Handle:
    """A messenger account: "@name" written next to the messenger's name, or read from a deep link
    (t.me/name -> "@name", wa.me/<digits> -> "+<digits>", else the link without its scheme)."""

    messenger: str
    handle: str
    start: int
    end: int


@dataclass
class Contacts:
    phones: list[Phone] = field(default_factory=list)
    emails: list[Email] = field(default_factory=list)
    messengers: list[str] = field(default_factory=list)  # whatsapp | viber | telegram | signal ...
    handles: list[Handle] = field(default_factory=list)
    urls: list[Url] = field(default_factory=list)
    contact_only_via: list[str] = field(default_factory=list)  # "contact only by ..." channels
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class JobDetails:
    title: str | None = None
    duties_stated: bool = False
    workplace_stated: bool = False
    hours_stated: bool = False
    contract_type: str | None = None
    # requirement -> "required" | "waived" (absent key: the ad says nothing)
    requirements: dict[str, str] = field(default_factory=dict)
    benefits: list[str] = field(default_factory=list)
    word_count: int = 0


@dataclass
class Facts:
    wages: list[Wage] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    destination_country: str | None = None
    employer: Employer = field(default_factory=Employer)
    contacts: Contacts = field(default_factory=Contacts)
    job: JobDetails = field(default_factory=JobDetails)


@dataclass
class IndicatorHit:
    id: str
    family: str
    title: str
    explanation: str
    advice: str
    sources: list[str]
    weight: float
    evidence: list[Evidence] = field(default_factory=list)
    looked_for: str | None = None  # for "absent information" indicators: what was searched for
    contribution: float | None = None  # log-odds contribution to the risk score
    severity: str = "moderate"  # severe | strong | moderate | absence (SEVERITIES)


@dataclass
class Risk:
    score: float
    band: str
    model: str
    calibrated: bool
    logit: float | None = None
    base_logit: float | None = None
    contributions: list[dict[str, Any]] = field(default_factory=list)  # top features and text terms
    signs_band: str | None = None  # low | medium | high: from the signs' severity tiers alone
    model_band: str | None = None  # low | medium | high: from the learned (or rule) score alone
    reason: str | None = None  # wording key of why `band` is what it is (data/risk_bands.toml [reasons])
    signs: dict[str, int] = field(default_factory=dict)  # number of signs raised per severity tier


@dataclass
class Assessment:
    text: str
    language: str
    risk: Risk
    indicators: list[IndicatorHit]
    facts: Facts
    source: str = "text"  # text | html | url
    url: str | None = None
    warnings: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)  # packs whose cues were read, `language` first

    @property
    def families(self) -> list[str]:
        return sorted({hit.family for hit in self.indicators})

    def to_dict(self, *, include_text: bool = True) -> dict[str, Any]:
        """The JSON form (DESIGN.md §2), stable across surfaces."""
        out: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "language": self.language,
            "languages": list(self.languages or [self.language]),
            "source": self.source,
            "url": self.url,
            "risk": as_plain(self.risk),
            "indicators": [as_plain(hit) for hit in self.indicators],
            "families": self.families,
            "facts": as_plain(self.facts),
            "warnings": list(self.warnings),
        }
        if include_text:
            out["text"] = self.text
        return out


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def as_plain(value: Any) -> Any:
    """`dataclasses.asdict` for our result types (dataclasses, lists, tuples, dicts, scalars), without
    its deep copies of every scalar: it was a fifth of an API request's time."""
    if is_dataclass(value) and not isinstance(value, type):
        return {name: as_plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, list):
        return [as_plain(v) for v in value]
    if isinstance(value, tuple):
        return tuple(as_plain(v) for v in value)
    if isinstance(value, dict):
        return {k: as_plain(v) for k, v in value.items()}
    return value
