"""A readable terminal report of an Assessment: band and why, warning signs (most serious first) with quoted
evidence, facts, advice. The score is not shown as a number: the band says what it means.

Every label comes from the notices catalogues (data/i18n/notices.<lang>.toml, keys `report_*`, `band_*`,
`reason_*`), the indicators' wording from indicators.<lang>.toml, numbers, country and language names
from Babel (CLDR) for the interface language; quotes stay in the ad's language."""

from __future__ import annotations

import textwrap
from functools import cache

from babel import Locale
from babel.lists import format_list
from babel.numbers import format_decimal

from validator.assessment import Assessment, Evidence, Facts
from validator.bands import order_signs
from validator.indicators.i18n import AUTO, DEFAULT_UI, localise_all, resolve_ui_language
from validator.notices import localise_notices, notice_in

WIDTH = 88
MESSENGER_NAMES = {"whatsapp": "WhatsApp", "wechat": "WeChat", "imo": "imo", "line": "LINE"}


def _say(ui: str, code: str, **params: object) -> str:
    return notice_in(ui, code, **params)


def _say_or(ui: str, code: str, fallback: str, **params: object) -> str:
    """The wording of `code`, or `fallback` for a value the catalogue has no key for."""
    try:
        return notice_in(ui, code, **params)
    except KeyError:
        return fallback


def band_line(band: str, ui: str = DEFAULT_UI) -> str:
    """What a band means, in words (data/i18n/notices.<ui>.toml `band_<band>`)."""
    return _say_or(ui, f"band_{band}", band)


def reason_line(reason: str | None, ui: str = DEFAULT_UI) -> str:
    """Why the band is what it is (`reason_<key>`), or ""."""
    return _say_or(ui, f"reason_{reason}", "") if reason else ""


@cache
def _names(ui: str) -> tuple[dict[str, str], dict[str, str]]:
    """(country names, language names) in `ui` from CLDR."""
    locale = Locale.parse(ui)
    return dict(locale.territories), dict(locale.languages)


def country_name(code: str, ui: str) -> str:
    """A country's name in `ui` ("DE" -> "Allemagne"), or the code when CLDR has none."""
    return _names(ui)[0].get(code.upper(), code)


def language_name(code: str, ui: str) -> str:
    """A language's name in `ui` ("pl" -> "polnisch"... as CLDR writes it), or the code."""
    return _names(ui)[1].get(code, code)


def number(value: float, ui: str, digits: int = 0) -> str:
    """`value` in the locale's digits and separators, with up to `digits` decimals ("2,000", "2 000,5")."""
    pattern = "#,##0" + ("." + "#" * digits if digits else "")
    return format_decimal(round(value, digits), format=pattern, locale=ui)


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


def _wage_lines(facts: Facts, ui: str) -> list[str]:
    lines = []
    for w in facts.wages:
        values = list(dict.fromkeys(v for v in (w.min, w.max) if v is not None))  # "100", not "100–100"
        amount = "–".join(number(v, ui, 2) for v in values)
        if w.up_to:
            amount = _say(ui, "report_up_to", amount=amount)
        if w.period:
            period = _say_or(ui, f"report_period_{w.period}", w.period)
        else:
            period = _say(ui, "report_period_not_stated")
        wage = f"{amount} {w.currency or '?'} {period}"
        if w.eur_per_month is not None and not (w.currency == "EUR" and w.period == "month"):
            wage += " " + _say(ui, "report_eur_per_month", amount=number(w.eur_per_month, ui))
            if w.period_assumed:
                wage += " " + _say(ui, "report_period_assumed")
        if w.ratio_to_min_wage is not None:
            country = country_name(w.reference_country, ui) if w.reference_country else "?"
            wage += ", " + _say(ui, "report_ratio", ratio=number(w.ratio_to_min_wage, ui, 1), country=country)
        lines.append(_say(ui, "report_wage", wage=wage))
    return lines


def _contact_bits(facts: Facts, ui: str) -> list[str]:
    c = facts.contacts
    bits = []
    for p in c.phones:
        kind = _say_or(ui, f"report_phone_type_{p.type}", p.type)
        bits.append(_say(ui, "report_phone", number=p.e164 or p.raw, type=kind))
    for e in c.emails:
        free = " " + _say(ui, "report_free_webmail") if e.free_provider else ""
        bits.append(_say(ui, "report_email", address=e.address) + free)
    bits += [_say(ui, "report_messenger", name=MESSENGER_NAMES.get(m, m.title())) for m in c.messengers]
    bits += [
        _say(ui, "report_handle", messenger=MESSENGER_NAMES.get(h.messenger, h.messenger.title()), handle=h.handle)
        for h in c.handles
    ]
    bits += [_say(ui, "report_web", address=u.domain or u.url) for u in c.urls]
    return bits


def _facts_lines(facts: Facts, ui: str = DEFAULT_UI) -> list[str]:
    """The facts of the ad, one line each, labelled in `ui`."""
    lines = _wage_lines(facts, ui)
    places = []
    for loc in facts.locations:
        what = country_name(loc.country, ui) if loc.country else _say_or(ui, f"report_kind_{loc.kind}", loc.kind)
        same = loc.kind == "country" and what.casefold() in (loc.text.casefold(), (loc.name or "").casefold())
        places.append(loc.text if same else f"{loc.text} ({what})")  # "Polska", not "Polska (Polska)"
    if places:
        lines.append(_say(ui, "report_places", places=", ".join(dict.fromkeys(places))))
    destination = facts.destination_country
    lines.append(
        _say(ui, "report_destination", country=country_name(destination, ui))
        if destination
        else _say(ui, "report_destination_none")
    )
    emp = facts.employer
    employer = _say(ui, "report_employer", name=emp.name) if emp.name else _say(ui, "report_employer_none")
    lines.append(employer + (f" ({emp.legal_form})" if emp.legal_form else ""))
    address = emp.address or emp.postcode
    lines.append(_say(ui, "report_address", address=address) if address else _say(ui, "report_address_none"))
    bits = _contact_bits(facts, ui)
    lines.append(_say(ui, "report_contacts", contacts=", ".join(bits)) if bits else _say(ui, "report_contacts_none"))
    job = facts.job
    parts = (("duties", job.duties_stated), ("workplace", job.workplace_stated), ("hours", job.hours_stated))
    stated = [_say(ui, f"report_job_{name}") for name, ok in parts if ok]
    states = (
        _say(ui, "report_job_states", items=format_list(stated, locale=ui))
        if stated
        else _say(ui, "report_job_states_none")
    )
    title = job.title or _say(ui, "report_job_no_title")
    lines.append(_say(ui, "report_job", title=title, stated=states))
    return lines


def render_text(a: Assessment, color: bool = False, ui_language: str | None = AUTO) -> str:
    """The report of `a` worded in `ui_language` (default and "auto": the ad's language when it has a
    catalogue, else English; None: English). The assessment is not changed."""
    ui = resolve_ui_language(ui_language, a.language)
    style = _Style(color)
    risk = a.risk
    out = [style(_say(ui, "report_risk", band=band_line(risk.band, ui)), "1")]
    if reason_line(risk.reason, ui):
        out.append(reason_line(risk.reason, ui))
    na = _say(ui, "report_not_available")
    out += [
        _say(
            ui,
            "report_bands",
            signs_band=_say_or(ui, f"report_band_{risk.signs_band}", na) if risk.signs_band else na,
            model_band=_say_or(ui, f"report_band_{risk.model_band}", na) if risk.model_band else na,
            model=risk.model,
            language=language_name(a.language, ui) if a.language else na,
        ),
        _say(ui, "report_not_a_verdict"),
        "",
    ]
    if a.indicators:
        out.append(style(_say(ui, "report_signs_heading", count=number(len(a.indicators), ui)), "1"))
        for hit in order_signs(localise_all(a.indicators, ui)):
            severity = _say_or(ui, f"report_severity_{hit.severity}", hit.severity)
            family = _say_or(ui, f"report_family_{hit.family}", hit.family)
            out.append(f"• {style(hit.title, '1')}  [{severity}, {family}]")
            for line in textwrap.wrap(hit.explanation, WIDTH - 4):
                out.append(f"    {line}")
            for ev in hit.evidence[:3]:
                out.append("    " + _say(ui, "report_quote", quote=_quote(a.text, ev, style)))
            if hit.looked_for:
                out.append("    " + _say(ui, "report_looked_for", looked_for=hit.looked_for))
            out.append("    " + _say(ui, "report_what_to_do", advice=hit.advice))
            out.append("    " + _say(ui, "report_sources", sources="; ".join(hit.sources)))
        out.append("")
    else:
        out += [_say(ui, "report_no_signs"), ""]
    out.append(style(_say(ui, "report_facts_heading"), "1"))
    out += [f"  {line}" for line in _facts_lines(a.facts, ui)]
    out += ["", style(_say(ui, "report_advice_heading"), "1")]
    out += [f"  • {_say(ui, f'report_advice_{tip}')}" for tip in ADVICE]
    if a.warnings:
        out += ["", style(_say(ui, "report_notes_heading"), "1")]
        out += [f"  • {w}" for w in localise_notices(a.warnings, ui)]
    return "\n".join(out) + "\n"


ADVICE = ("fee", "register", "copies", "help")  # report_advice_<tip>: the general advice, in this order
