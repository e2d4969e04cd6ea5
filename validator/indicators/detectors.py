"""Detector rules named in data/indicators.toml. Each returns evidence, `[]` (fires on absence) or None."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from validator.assessment import Evidence
from validator.facts.contacts import is_company_channel
from validator.indicators.base import DetectionContext, detector
from validator.nlp.components import doc_text
from validator.resources import load_toml

WAIVED_REQUIREMENT_CUES = ("EXPERIENCE_WAIVED", "EDUCATION_WAIVED", "LANGUAGE_WAIVED")


def _wage_evidence(wage) -> Evidence:
    return Evidence(wage.start, wage.end, wage.text, "wage")


def _has_company_channel(d: DetectionContext) -> bool:
    c = d.facts.contacts
    return bool(d.facts.employer.website) or any(is_company_channel(item) for item in [*c.emails, *c.urls])


@detector("cue")
def cue(d: DetectionContext, p: dict[str, Any]) -> list[Evidence] | None:
    found = [ev for label in p["cues"] for ev in d.cues.get(label, [])]
    return found or None


@detector("high_pay")
def high_pay(d: DetectionContext, p: dict[str, Any]) -> list[Evidence] | None:
    """Fine Tune's sign is excessive pay for unskilled work: an ad stating a qualification never raises it
    (a qualification inside a waiver, "вища освіта не потрібна", is no qualification)."""
    waived = [ev for label in WAIVED_REQUIREMENT_CUES for ev in d.cues.get(label, [])]
    for label in p.get("qualified_cues", ()):
        if any(not any(_overlaps(q, w) for w in waived) for q in d.cues.get(label, [])):
            return None
    unskilled = bool(waived)
    bar = p["min_ratio_unskilled"] if unskilled else p["min_ratio"]
    found = [_wage_evidence(w) for w in d.facts.wages if w.ratio_to_min_wage and w.ratio_to_min_wage >= bar]
    return found or None


@detector("wage_up_to")
def wage_up_to(d: DetectionContext, p: dict[str, Any]) -> list[Evidence] | None:
    found = [_wage_evidence(w) for w in d.facts.wages if w.up_to]
    return found or None


@detector("vague_job")
def vague_job(d: DetectionContext, p: dict[str, Any]) -> list[Evidence] | None:
    job = d.facts.job
    if job.duties_stated:
        return None
    if job.workplace_stated and job.word_count >= p["min_words"]:
        return None
    return []


@detector("no_hours")
def no_hours(d: DetectionContext, p: dict[str, Any]) -> list[Evidence] | None:
    return None if d.facts.job.hours_stated else []


@detector("vague_destination")
def vague_destination(d: DetectionContext, p: dict[str, Any]) -> list[Evidence] | None:
    if d.facts.destination_country:
        return None
    found = [
        Evidence(loc.start, loc.end, loc.text, "vague_destination")
        for loc in d.facts.locations
        if loc.kind == "vague" and loc.start is not None
    ]
    return found or None


@detector("too_short")
def too_short(d: DetectionContext, p: dict[str, Any]) -> list[Evidence] | None:
    """A short ad that also leaves out the duties or the employer: too general to judge."""
    job = d.facts.job
    if job.word_count >= p["max_words"] or (job.duties_stated and d.facts.employer.name):
        return None
    return []


@detector("no_employer_address")
def no_employer_address(d: DetectionContext, p: dict[str, Any]) -> list[Evidence] | None:
    emp = d.facts.employer
    return None if (emp.address or emp.postcode or emp.registration_numbers) else []


@detector("no_employer_name")
def no_employer_name(d: DetectionContext, p: dict[str, Any]) -> list[Evidence] | None:
    return None if d.facts.employer.name else []


@detector("weak_contact_only")
def weak_contact_only(d: DetectionContext, p: dict[str, Any]) -> list[Evidence] | None:
    c = d.facts.contacts
    if not (c.phones or c.emails or c.messengers):
        return None
    if _has_company_channel(d):
        return None
    # the quotes are the phone numbers and e-mail addresses themselves, never the messenger's name
    # (that is `messenger_only`'s evidence); a messenger alone still raises it, with nothing to quote
    found = [Evidence(ph.start, ph.end, ph.raw, "phone") for ph in c.phones]
    found += [Evidence(e.start, e.end, e.address, "free_email") for e in c.emails]
    return found


@detector("messenger_only")
def messenger_only(d: DetectionContext, p: dict[str, Any]) -> list[Evidence] | None:
    c = d.facts.contacts
    if not c.messengers:
        return None
    only_stated = bool(set(c.contact_only_via) & set(c.messengers))
    no_other = not _has_company_channel(d)
    if not (only_stated or no_other):
        return None
    return d.cues.get("CONTACT_ONLY", []) + d.cues.get("MESSENGER", [])


@detector("free_email")
def free_email(d: DetectionContext, p: dict[str, Any]) -> list[Evidence] | None:
    found = [
        Evidence(e.start, e.end, e.address, "free_email") for e in d.facts.contacts.emails if e.free_provider
    ]
    return found or None


@detector("premium_rate_phone")
def premium_rate_phone(d: DetectionContext, p: dict[str, Any]) -> list[Evidence] | None:
    found = [
        Evidence(ph.start, ph.end, ph.raw, "premium_rate")
        for ph in d.facts.contacts.phones
        if ph.type == "premium_rate"
    ]
    return found or None


_UPPER = re.compile("[A-ZÀ-ÖØ-ÞА-ЯЁЄІЇҐΑ-Ω]")  # upper-case letters of the Latin-1, Cyrillic and Greek scripts
_SHOUTING = re.compile(r"\b[A-Z][A-Z'\-]{3,}(?:\s+[A-Z][A-Z'\-]{1,}){2,}\b")
# three or more of !?$€£, or three or more "!" with spaces between; written to begin with one character class,
# so `re` skips ahead to candidates instead of trying every position
_BANG_RUN = re.compile(r"[!?$€£](?:[!?$€£]{2,}|(?<=!)\s*!\s*!\s*(?:!\s*)*)")
_NOT_ASCII_LETTER = bytes(b for b in range(256) if not (b < 128 and chr(b).isalpha()))
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


_NOT_ASCII_UPPER = bytes(b for b in range(256) if not 65 <= b <= 90)


def _letter_count(text: str) -> int:
    """How many letters `text` holds: ASCII letters counted in C, the rest one by one."""
    return _letters_and_capitals(text)[0]


def _letters_and_capitals(text: str) -> tuple[int, int]:
    """How many letters `text` holds, and how many `_UPPER` capitals: the ASCII ones counted in the
    UTF-8 bytes (no byte of a longer character is ASCII), the others among the non-ASCII characters."""
    data = text.encode("utf-8", "surrogatepass")
    letters = len(data.translate(None, _NOT_ASCII_LETTER))
    capitals = len(data.translate(None, _NOT_ASCII_UPPER))
    if not text.isascii():
        rest = "".join(_NON_ASCII.findall(text))
        letters += sum(map(str.isalpha, rest))
        capitals += len(_UPPER.findall(rest))
    return letters, capitals


@detector("poor_writing")
def poor_writing(d: DetectionContext, p: dict[str, Any]) -> list[Evidence] | None:
    text = doc_text(d.doc)
    letters, capitals = _letters_and_capitals(text)
    if letters < 40:
        return None
    caps_ratio = capitals / letters
    bangs = text.count("!")
    runs = list(_BANG_RUN.finditer(text))
    if caps_ratio <= p["max_caps_ratio"] and bangs < p["min_exclamations"] and not runs:
        return None
    matches = runs + (list(_SHOUTING.finditer(text)) if caps_ratio > p["max_caps_ratio"] else [])
    found = [Evidence(m.start(), m.end(), m.group(), "poor_writing") for m in matches[:5]]
    if not found:
        found = [Evidence(m.start(), m.end(), m.group(), "poor_writing") for m in re.finditer("!", text)][:5]
    return found


@detector("document_retention")
def document_retention(d: DetectionContext, p: dict[str, Any]) -> list[Evidence] | None:
    """Passport or ID kept by the employer, but not a kept copy: a retention cue that begins inside a copy
    request ("a copy of [your passport will be kept] on file") is dropped."""
    copies = [ev for label in p["copy_cues"] for ev in d.cues.get(label, [])]
    found = [
        ev
        for label in p["cues"]
        for ev in d.cues.get(label, [])
        if not any(c.start < ev.start < c.end for c in copies)
    ]
    return found or None


def _overlaps(a: Evidence, b: Evidence) -> bool:
    return a.start < b.end and b.start < a.end


@detector("hostess_targeting")
def hostess_targeting(d: DetectionContext, p: dict[str, Any]) -> list[Evidence] | None:
    """Hostess, dancer, model or nightclub work together with age, gender or looks targeting.

    A `nightlife` job cue (escort, striptease, go-go ...) suffices; an ambiguous one (`hostess`: hostess,
    dancer, model, night club; trade fairs and restaurants hire them too) needs a sign of work abroad as
    well; a `not` span (air or trade-fair hostess) cancels the job cues inside it. The targeting cue must
    be another span than the job cue ("хостес" is both in some packs)."""
    found = [ev for label in p["job_cues"] for ev in d.cues.get(label, [])]
    ordinary = [ev for ev in found if ev.cue == "not"]
    all_jobs = [ev for ev in found if ev.cue != "not" and not any(_overlaps(ev, o) for o in ordinary)]
    if not all_jobs:
        return None
    abroad = _works_abroad(d, p["abroad_cues"])
    jobs = [ev for ev in all_jobs if ev.cue == "nightlife" or abroad]
    targets = [
        ev
        for label in p["targeting_cues"]
        for ev in d.cues.get(label, [])
        if not any(_overlaps(ev, job) for job in all_jobs)
    ]
    if not (jobs and targets):
        return None
    return jobs + targets


def _works_abroad(d: DetectionContext, cue_labels: tuple[str, ...]) -> bool:
    """A cue of work abroad, or a destination outside the countries where the ad's language is written."""
    if any(d.has(label) for label in cue_labels):
        return True
    dest = d.facts.destination_country
    return bool(dest) and dest not in _home_countries(d.ctx.language)


@cache
def _home_countries(lang: str) -> frozenset[str]:
    return frozenset(load_toml("lang", lang, "pack.toml").get("countries", ()))
