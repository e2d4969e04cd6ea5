"""A readable terminal report of an Assessment: band and why, warning signs (most serious first) with quoted
evidence, facts, advice. The score is not shown as a number: the band says what it means."""

from __future__ import annotations

import textwrap

from validator.assessment import Assessment, Evidence, Facts
from validator.bands import order_signs
from validator.notices import notice

WIDTH = 88


def band_line(band: str) -> str:
    """What a band means, in words (data/i18n/notices.en.toml `band_<band>`)."""
    try:
        return notice(f"band_{band}")
    except KeyError:
        return band


def reason_line(reason: str | None) -> str:
    """Why the band is what it is (`reason_<key>`), or ""."""
    try:
        return notice(f"reason_{reason}") if reason else ""
    except KeyError:
        return ""


class _Style:
    def __init__(self, color: bool):
        self.color = color

    def __call__(self, text: str, code: str) -> str:
        return f"\033[{code}m{text}\033[0m" if self.color else text


def _quote(text: str, ev: Evidence, style: _Style, context: int = 40) -> str:
    """The evidence in its sentence context, the quoted part marked with »…«."""
    left = max(0, ev.start - context)
    right = min(len(text), ev.end + context)
    before = text[left : ev.start].replace("\n", " ")
    after = text[ev.end : right].replace("\n", " ")
    mark = style(f"»{text[ev.start : ev.end]}«", "1;33")
    return f"{'…' if left else ''}{before}{mark}{after}{'…' if right < len(text) else ''}"


def _facts_lines(facts: Facts) -> list[str]:
    lines = []
    for w in facts.wages:
        values = list(dict.fromkeys(v for v in (w.min, w.max) if v is not None))  # "100", not "100–100"
        amount = "–".join(f"{v:,.2f}".rstrip("0").rstrip(".") for v in values)
        period = f"per {w.period}" if w.period else "(period not stated)"
        line = f"Wage: {'up to ' if w.up_to else ''}{amount} {w.currency or '?'} {period}"
        if w.eur_per_month is not None:
            line += f" ≈ {w.eur_per_month:,.0f} EUR/month{' (period assumed)' if w.period_assumed else ''}"
        if w.ratio_to_min_wage is not None:
            line += f", {w.ratio_to_min_wage:.1f}× the reference wage of {w.reference_country}"
        lines.append(line)
    places = [f"{loc.text} ({loc.country or loc.kind})" for loc in facts.locations]
    if places:
        lines.append("Places: " + ", ".join(dict.fromkeys(places)))
    lines.append(f"Destination country: {facts.destination_country or 'not stated'}")
    emp = facts.employer
    lines.append(f"Employer: {emp.name or 'not named'}" + (f" ({emp.legal_form})" if emp.legal_form else ""))
    lines.append(f"Employer address: {emp.address or emp.postcode or 'none found'}")
    c = facts.contacts
    contact_bits = [f"phone {p.e164 or p.raw} ({p.type})" for p in c.phones]
    contact_bits += [f"e-mail {e.address}{' (free webmail)' if e.free_provider else ''}" for e in c.emails]
    contact_bits += [f"messenger {m}" for m in c.messengers]
    contact_bits += [f"{h.messenger} account {h.handle}" for h in c.handles]
    contact_bits += [f"web {u.domain or u.url}" for u in c.urls]
    lines.append("Contacts: " + (", ".join(contact_bits) or "none found"))
    job = facts.job
    stated = [name for name, ok in (("duties", job.duties_stated), ("workplace", job.workplace_stated),
                                    ("hours", job.hours_stated)) if ok]
    lines.append(f"Job: {job.title or 'no title'}; states {', '.join(stated) or 'no duties, workplace or hours'}")
    return lines


def render_text(a: Assessment, color: bool = False) -> str:
    style = _Style(color)
    risk = a.risk
    out = [style(f"Risk: {band_line(risk.band)}", "1")]
    if reason_line(risk.reason):
        out.append(reason_line(risk.reason))
    out += [
        f"Signs band: {risk.signs_band or 'n/a'}; fraud model band: {risk.model_band or 'n/a'} ({risk.model}); "
        f"language: {a.language}",
        "A band is not a verdict: ordinary ads often show one or two warning signs.",
        "",
    ]
    if a.indicators:
        out.append(style(f"Warning signs ({len(a.indicators)}), most serious first", "1"))
        for hit in order_signs(a.indicators):
            out.append(f"• {style(hit.title, '1')}  [{hit.severity}, {hit.family}]")
            for line in textwrap.wrap(hit.explanation, WIDTH - 4):
                out.append(f"    {line}")
            for ev in hit.evidence[:3]:
                out.append(f"    quote: {_quote(a.text, ev, style)}")
            if hit.looked_for:
                out.append(f"    looked for, not found: {hit.looked_for}")
            out.append(f"    what to do: {hit.advice}")
            out.append(f"    sources: {'; '.join(hit.sources)}")
        out.append("")
    else:
        out += ["No warning signs found.", ""]
    out.append(style("What the ad says", "1"))
    out += [f"  {line}" for line in _facts_lines(a.facts)]
    out += [
        "",
        style("Before you answer any job ad", "1"),
        "  • Never pay a fee to get a job, and never hand over your passport.",
        "  • Check the employer in the public business register and ask for a written contract.",
        "  • Keep copies of the ad and of every message.",
        "  • Unsure? Ask a labour inspectorate, a trade union or an anti-trafficking helpline.",
    ]
    if a.warnings:
        out += ["", style("Notes", "1")] + [f"  • {w}" for w in a.warnings]
    return "\n".join(out) + "\n"
