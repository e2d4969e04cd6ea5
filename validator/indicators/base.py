"""An indicator is one declared object (wording and sources from data/indicators.toml) with a detector.

Like a Presidio recognizer: the declaration says what it looks for and why; the detector returns the
evidence it found, `[]` when it fires on the *absence* of something (then `looked_for` says what), or
`None` when it does not fire.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.tokens import Doc

from validator.assessment import FAMILIES, SEVERITIES, Evidence, Facts, IndicatorHit
from validator.facts.context import Context
from validator.resources import load_toml

Detector = Callable[["DetectionContext", dict[str, Any]], list[Evidence] | None]
DETECTORS: dict[str, Detector] = {}


def detector(name: str) -> Callable[[Detector], Detector]:
    """Register a detector rule under the name used in indicators.toml."""

    def register(fn: Detector) -> Detector:
        DETECTORS[name] = fn
        return fn

    return register


@dataclass
class DetectionContext:
    doc: Doc
    facts: Facts
    ctx: Context
    cues: dict[str, list[Evidence]] = field(default_factory=dict)  # affirmed cues by label
    negated: dict[str, list[Evidence]] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Doc, facts: Facts, ctx: Context) -> DetectionContext:
        return cls(doc, facts, ctx, _spans_by_label(doc, "cues"), _spans_by_label(doc, "negated_cues"))

    def has(self, label: str) -> bool:
        return bool(self.cues.get(label))


def _spans_by_label(doc: Doc, key: str) -> dict[str, list[Evidence]]:
    out: dict[str, list[Evidence]] = {}
    for span in doc.spans.get(key, []):
        out.setdefault(span.label_, []).append(
            Evidence(span.start_char, span.end_char, span.text, span.id_ or span.label_)
        )
    for spans in out.values():
        spans.sort(key=lambda e: (e.start, e.end))
    return out


@dataclass(frozen=True)
class Indicator:
    id: str
    family: str
    title: str
    explanation: str
    advice: str
    sources: tuple[str, ...]
    weight: float
    detector: str
    looked_for: str | None = None
    severity: str = "moderate"  # severe | strong | moderate | absence (indicators.toml header)
    params: tuple[tuple[str, Any], ...] = ()

    def detect(self, dctx: DetectionContext) -> IndicatorHit | None:
        evidence = DETECTORS[self.detector](dctx, dict(self.params))
        if evidence is None:
            return None
        return IndicatorHit(
            id=self.id,
            family=self.family,
            title=self.title,
            explanation=self.explanation,
            advice=self.advice,
            sources=list(self.sources),
            weight=self.weight,
            evidence=_dedupe(evidence),
            looked_for=self.looked_for if not evidence else None,
            severity=self.severity,
        )

    def describe(self) -> dict[str, Any]:
        """The catalogue entry as JSON (for `validator indicators --json` and the API)."""
        return {
            "id": self.id,
            "family": self.family,
            "title": self.title,
            "explanation": self.explanation,
            "advice": self.advice,
            "sources": list(self.sources),
            "weight": self.weight,
            "looked_for": self.looked_for,
            "severity": self.severity,
        }


def _dedupe(evidence: list[Evidence]) -> list[Evidence]:
    """Evidence in text order, without spans inside a longer one already kept."""
    out: list[Evidence] = []
    reach = -1  # the furthest end of the spans kept; each starts at or before the current one
    for ev in sorted(evidence, key=lambda e: (e.start, -e.end)):
        if ev.end > reach:
            out.append(ev)
            reach = ev.end
    return out


_FIELDS = {"id", "family", "title", "explanation", "advice", "sources", "weight", "detector", "looked_for"}
_FIELDS |= {"severity"}


@cache
def catalogue() -> tuple[Indicator, ...]:
    """All indicators, validated once per process."""
    from validator.indicators import detectors  # noqa: F401  (registers the rules)

    out = []
    for entry in load_toml("indicators.toml")["indicator"]:
        params = tuple(
            sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in entry.items() if k not in _FIELDS)
        )
        ind = Indicator(
            **{k: entry.get(k) for k in _FIELDS if k != "sources"},
            sources=tuple(entry["sources"]),
            params=params,
        )
        if ind.family not in FAMILIES:
            raise ValueError(f"indicator {ind.id}: unknown family {ind.family!r}")
        if ind.severity not in SEVERITIES:
            raise ValueError(f"indicator {ind.id}: severity must be one of {SEVERITIES}, not {ind.severity!r}")
        if ind.detector not in DETECTORS:
            raise ValueError(f"indicator {ind.id}: unknown detector {ind.detector!r}")
        out.append(ind)
    return tuple(out)


def detect_all(doc: Doc, facts: Facts, ctx: Context) -> list[IndicatorHit]:
    dctx = DetectionContext.build(doc, facts, ctx)
    return [hit for ind in catalogue() if (hit := ind.detect(dctx)) is not None]
