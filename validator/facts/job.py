"""Job details: title, duties, workplace, hours, contract, requirements and benefits (from cue spans)."""

from __future__ import annotations

from spacy.attrs import IS_ALPHA
from spacy.tokens import Doc

from validator.assessment import Facts, JobDetails
from validator.facts.context import Context
from validator.nlp.components import doc_text

REQUIREMENT_CUES = {
    "EXPERIENCE_REQUIRED": ("experience", "required"),
    "EXPERIENCE_WAIVED": ("experience", "waived"),
    "LANGUAGE_REQUIRED": ("language", "required"),
    "LANGUAGE_WAIVED": ("language", "waived"),
    "EDUCATION_REQUIRED": ("education", "required"),
    "EDUCATION_WAIVED": ("education", "waived"),
}
BENEFIT_CUES = {
    "FREE_ACCOMMODATION": "free_accommodation",
    "SHARED_ACCOMMODATION": "shared_accommodation",
    "EMPLOYER_HOUSING": "accommodation",
    "TRANSPORT_TO_WORK": "transport",
    "TRAVEL_ARRANGED": "travel",
    "MEALS_PROVIDED": "meals",
}
HOURS_CUES = {"HOURS", "EXCESSIVE_HOURS"}
MAX_TITLE_WORDS = 12


def _title(doc: Doc, ctx: Context) -> str | None:
    title = ctx.structured.get("title") or ctx.metadata.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    for line in doc_text(doc).splitlines():
        line = line.strip(" \t*#-•:")
        if not line:
            continue
        words = line.split()
        if len(words) <= MAX_TITLE_WORDS and not line.endswith((".", "?")):
            return line
        return None
    return None


def extract(doc: Doc, ctx: Context, facts: Facts) -> JobDetails:
    labels: dict[str, list[str]] = {}
    for span in doc.spans.get("cues", []):
        labels.setdefault(span.label_, []).append(span.id_ or "")
    requirements: dict[str, str] = {}
    for label, (what, state) in REQUIREMENT_CUES.items():
        # an explicit waiver wins over a generic "experience" mention
        if label in labels and requirements.get(what) != "waived":
            requirements[what] = state
    contract = next((cid for cid in labels.get("CONTRACT", []) if cid), None)
    workplace = (
        "WORKPLACE" in labels
        or bool(facts.employer.address)
        or any(loc.kind == "city" for loc in facts.locations)
        or bool(ctx.structured.get("jobLocation"))
    )
    return JobDetails(
        title=_title(doc, ctx),
        duties_stated="DUTIES" in labels or bool(ctx.structured.get("responsibilities")),
        workplace_stated=workplace,
        hours_stated=bool(HOURS_CUES & labels.keys()) or contract in {"full_time", "part_time"},
        contract_type=contract,
        requirements=requirements,
        benefits=sorted({BENEFIT_CUES[label] for label in labels if label in BENEFIT_CUES}),
        word_count=doc.count_by(IS_ALPHA).get(1, 0),
    )
