"""Job details: title (schema.org, a title label, the first line or a gender-marked line), duties, workplace,
hours, contract, requirements and benefits (from cue spans)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import numpy as np
from spacy.attrs import IS_ALPHA
from spacy.tokens import Doc

from validator.assessment import Facts, JobDetails
from validator.facts.context import Context
from validator.nlp.components import doc_text, token_table
from validator.resources import language_packs, load_toml

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
FULL_OR_PART_TIME = {"full_time", "part_time"}
HEAD_LINES = 15  # a title with a gender mark is looked for in the first lines only
STRIP = " \t\u00a0*#-–—•·▪►|"
# a sentence, a list or a contact, never a title; an enumerated section ("B) SEKTOR ...", "2. Aufgaben")
SENTENCE_END = re.compile(r"[.!?:;,]$|[!?•]|:\s|@|https?:|www\.|^(?:[A-Za-z]|\d{1,2})[.)]\s")
NON_WORD = re.compile(r"[\W_]+")
WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class TitleWords:
    """What marks a job title in ads of one language (data/common/job_titles.toml, lang/<lang>/job.toml)."""

    label_re: re.Pattern[str] | None
    gender_re: re.Pattern[str] | None
    headings: frozenset[str]
    not_first: tuple[str, ...]
    words: frozenset[str]
    suffixes: tuple[str, ...]
    not_endings: tuple[str, ...]
    not_last: frozenset[str]
    max_words: int
    max_chars: int


def _norm(line: str) -> str:
    return NON_WORD.sub(" ", line.lower()).strip()


# list items: lines, bullets, clauses after ";" and sentences (after a letter of any script: "...ă. ", "...ų. ")
LIST_ITEM_SPLIT = re.compile(r"[\n;•·▪►✓◦●■]+|\s[-–—*]\s|(?<=[^\W\d_][.!?])\s*(?=[^\W\d_])")
COMMA = re.compile(r",\s+")


@dataclass(frozen=True)
class TaskWords:
    """What begins a task in a list of one language (lang/<lang>/job.toml [duties])."""

    endings: tuple[str, ...]
    words: frozenset[str]
    min_chars: int
    min_items: int

    def begins(self, word: str) -> bool:
        word = word.lower()
        return word in self.words or (len(word) >= self.min_chars and word.endswith(self.endings))


@cache
def task_words(lang: str) -> TaskWords | None:
    duties = load_toml("lang", lang, "job.toml").get("duties") if lang in language_packs() else None
    if not duties:
        return None
    return TaskWords(
        endings=tuple(sorted({e.lower() for e in duties.get("task_endings", [])}, key=len, reverse=True)),
        words=frozenset(w.lower() for w in duties.get("task_words", [])),
        min_chars=int(duties.get("min_word_chars", 5)),
        min_items=int(duties.get("min_items", 3)),
    )


def _task_list(text: str, lang: str) -> bool:
    """A list of tasks without a heading: at least `min_items` list items of three or more words whose
    first word begins a task in the language ("Réaliser …", "Gestione …", "Извършва …", "rengti …"); the
    items are lines, bullets, clauses and sentences, or the parts of one comma-separated run."""
    tasks = task_words(lang)
    if tasks is None:
        return False
    found = 0
    for item in LIST_ITEM_SPLIT.split(text):
        words = WORD.findall(item[:120])
        if len(words) >= 3 and tasks.begins(words[0]):
            found += 1
            if found >= tasks.min_items:
                return True
        if _comma_run(item, tasks):
            return True
    return False


def _comma_run(item: str, tasks: TaskWords) -> bool:
    """One line or sentence that is a comma-separated run of tasks ("gestione delle e-mail, supporto
    nella redazione di documenti, archiviazione della documentazione"): it begins with a task, `min_items`
    parts of three or more words begin a task, and they are at least half of such parts (a run of benefits
    or skills is not)."""
    if item.count(",") < tasks.min_items - 1:
        return False
    first = WORD.search(item)
    if first is None or not tasks.begins(first.group()):
        return False
    parts = [words for part in COMMA.split(item) if len(words := WORD.findall(part[:120])) >= 3]
    found = sum(tasks.begins(words[0]) for words in parts)
    return found >= tasks.min_items and 2 * found >= len(parts)


@cache
def _all_headings() -> frozenset[str]:
    """Section headings of every pack: ads mix languages ("Requisitos" above an English ad)."""
    packs = [load_toml("lang", lang, "job.toml").get("title", {}) for lang in language_packs()]
    return frozenset(_norm(w) for pack in packs for w in pack.get("headings", []))


@cache
def title_words(lang: str) -> TitleWords:
    common = load_toml("common", "job_titles.toml")
    own = load_toml("lang", lang, "job.toml").get("title", {})
    en = load_toml("lang", "en", "job.toml").get("title", {})
    labels = {*own.get("labels", []), *en.get("labels", []), load_toml("common", "ingest.toml")["labels"]["title"]}
    label_re = re.compile(
        r"(?im)^[ \t]*(?:[-*•·▪►]\s*)?(?:" + "|".join(re.escape(w) for w in sorted(labels, key=len, reverse=True))
        + r")[ \t]*:[ \t]*(?P<value>[^\n]+)"
    ) if labels else None  # fmt: skip
    marks = common.get("gender_marks", [])

    def both(key: str) -> list[str]:
        return [*own.get(key, []), *en.get(key, [])]

    return TitleWords(
        label_re=label_re,
        gender_re=re.compile("|".join(marks)) if marks else None,
        headings=_all_headings(),
        not_first=tuple(_norm(w) + " " for w in both("not_first")),
        words=frozenset(w.lower() for w in both("words")),
        suffixes=tuple(w.lower() for w in own.get("suffixes", [])),  # English endings would read "Développer"
        not_endings=tuple(common.get("not_endings", [])),
        not_last=frozenset(w.lower() for w in common.get("not_last", [])),
        max_words=int(common.get("max_words", 12)),
        max_chars=int(common.get("max_chars", 100)),
    )


def _has_title_word(line: str, w: TitleWords) -> bool:
    """Whether a line names an occupation: a gender mark, a listed word, or an agent-noun ending."""
    if w.gender_re and w.gender_re.search(line):
        return True
    for word in WORD.findall(line.lower()):
        if word in w.words:
            return True
        if not word.endswith(w.not_endings) and any(word.endswith(s) and len(word) >= len(s) + 3 for s in w.suffixes):
            return True
    return False


def _looks_like_title(line: str, w: TitleWords, employer: str | None) -> bool:
    """A short capitalised line that is no sentence, section heading, greeting or company name."""
    words = line.split()
    if not words or len(words) > w.max_words or len(line) > w.max_chars or SENTENCE_END.search(line):
        return False
    first = line.lstrip("(\"'«„“")[:1]
    norm = _norm(line)
    if not first.isupper() or norm in w.headings or (norm + " ").startswith(w.not_first):
        return False
    last = words[-1]
    if (last.isalpha() and last.islower() and len(last) <= 3) or last.lower() in w.not_last:
        return False  # cut mid-sentence: "Safety-Kleen in"
    if sum(c.isdigit() for c in line) * 3 > len(line) or sum(c.isalpha() for c in line) < 3:
        return False
    return not (employer and norm == _norm(employer))


def _title(doc: Doc, ctx: Context, employer: str | None = None) -> str | None:
    """The job title: schema.org `title`, else a title label line, else the first line when it looks like
    a title, else a short line near the top with a gender mark ("Lagerhelfer (m/w/d)")."""
    title = ctx.structured.get("title") or ctx.metadata.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    w = title_words(ctx.language)
    text = doc_text(doc)
    if w.label_re:
        for m in w.label_re.finditer(text):
            value = m.group("value").strip(STRIP)
            if _looks_like_title(value, w, employer):
                return value
    lines = [line.strip(STRIP) for line in text.split("\n", HEAD_LINES)[:HEAD_LINES]]
    lines = [line for line in lines if line]
    if lines and _looks_like_title(lines[0], w, employer) and _has_title_word(lines[0], w):
        return lines[0]
    if w.gender_re:
        for line in lines:
            if w.gender_re.search(line) and _looks_like_title(line, w, employer):
                return line
    return None


def _hours_stated(doc: Doc, labels: dict[str, list[str]]) -> bool:
    """Working hours, shifts or days are stated: an hours cue, also a negated one ("no weekend work",
    "keine Nachtschichten" still say when you work), or a full- or part-time contract anywhere in the ad
    (not only the first contract cue: "Offizielle Anstellung, Vollzeit")."""
    if HOURS_CUES & labels.keys() or FULL_OR_PART_TIME & set(labels.get("CONTRACT", ())):
        return True
    return any(span.label_ in HOURS_CUES for span in doc.spans.get("negated_cues", []))


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
        title=_title(doc, ctx, facts.employer.name),
        duties_stated="DUTIES" in labels
        or bool(ctx.structured.get("responsibilities"))
        or _task_list(doc_text(doc), ctx.language),
        workplace_stated=workplace,
        hours_stated=_hours_stated(doc, labels),
        contract_type=contract,
        requirements=requirements,
        benefits=sorted({BENEFIT_CUES[label] for label in labels if label in BENEFIT_CUES}),
        word_count=int(np.count_nonzero(token_table(doc)[IS_ALPHA])),
    )
