"""Build validator/data/lang/<lang>/cues.jsonl from the pack's compact cues.source.toml.

    python scripts/build_cues.py bg ro ...      (all packs with a cues.source.toml when no argument)

Expands "{a|b}" alternatives, " @id" ids and the "<M>" messenger macro; adds spelling variants
(diacritic-free, ș/ş, ae/oe/ue, ё/е, apostrophes) and the Capitalised/UPPER spellings that the language's
blank tokenizer splits differently; then checks that every phrase matches inside a sentence.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
import unicodedata
from pathlib import Path

import spacy
from spacy.matcher import PhraseMatcher

LANG_DIR = Path(__file__).resolve().parents[1] / "validator" / "data" / "lang"
BRACE = re.compile(r"\{([^{}]*)\}")
COMMON_MESSENGERS = {
    "whatsapp": ["whatsapp", "whats app", "watsapp", "whatsap"],
    "viber": ["viber"],
    "telegram": ["telegram"],
    "signal": ["signal"],
}
ASCII_FOLDED = {"ro", "pl", "lt", "lv", "fr", "es", "it"}


def expand(phrase: str) -> list[str]:
    m = BRACE.search(phrase)
    if not m:
        return [" ".join(phrase.split())]
    out: list[str] = []
    for alt in m.group(1).split("|"):
        out += expand(phrase[: m.start()] + alt + phrase[m.end() :])
    return out


def ascii_fold(s: str) -> str:
    s = s.replace("ł", "l")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def variants(lang: str, p: str) -> set[str]:
    out = {p}
    if lang == "ro":
        out.add(p.replace("ș", "ş").replace("ț", "ţ"))
    if lang in ASCII_FOLDED:
        out.add(ascii_fold(p))
    if lang == "de":
        out.add(p.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss"))
        out.add(p.replace("ß", "ss"))
    if lang == "ru" and "ё" in p:
        out.add(p.replace("ё", "е"))
    if lang in {"uk", "fr", "it"} and "'" in p:
        out.add(p.replace("'", "’"))
        if lang == "uk":
            out.add(p.replace("'", "ʼ"))
    return out


def build(lang: str) -> None:
    src = tomllib.loads((LANG_DIR / lang / "cues.source.toml").read_text("utf-8"))
    nlp = spacy.blank(lang)
    names = {k: list(v) for k, v in COMMON_MESSENGERS.items()}
    for k, v in src.get("messengers", {}).items():
        names.setdefault(k, []).extend(v)
    rows: list[dict] = []
    seen: set = set()
    # [severe_cues]: the signs of trafficking-linked recruitment, kept in a table of their own
    blocks = [*src["cues"].items(), *src.get("severe_cues", {}).items()]
    for label, block in blocks:
        for raw in block.strip().splitlines():
            line = raw.split("  #", 1)[0].strip()
            if not line:
                continue
            ident = None
            if " @" in line:
                line, ident = line.rsplit(" @", 1)
            lines = [(line, ident)]
            if "<m>" in line.lower():
                lines = [(line.lower().replace("<m>", "{" + "|".join(v) + "}"), k) for k, v in names.items()]
            for text, id_ in lines:
                for phrase in expand(text.lower()):
                    for v in sorted(variants(lang, phrase)):
                        if (label, v, id_) in seen:
                            continue
                        seen.add((label, v, id_))
                        rows.append({"label": label, "pattern": v} | ({"id": id_} if id_ else {}))
    for row in list(rows):  # spellings the tokenizer splits differently ("Пон." vs "пон.")
        base = [t.lower_ for t in nlp.make_doc(row["pattern"])]
        for form in (row["pattern"][:1].upper() + row["pattern"][1:], row["pattern"].upper()):
            toks = [t.lower_ for t in nlp.make_doc(form)]
            if toks != base and (row["label"], form.lower(), tuple(toks)) not in seen:
                seen.add((row["label"], form.lower(), tuple(toks)))
                rows.append({**row, "pattern": form})
                base = toks
    for item in src.get("regex", []):
        re.compile(item["regex"])
        rows.append({k: item[k] for k in ("label", "regex", "id") if k in item})
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for row in rows:
        if "pattern" in row:
            matcher.add(row["label"], [nlp.make_doc(row["pattern"])])
    bad = [
        row["pattern"]
        for row in rows
        if "pattern" in row
        and row["label"] not in {nlp.vocab.strings[m] for m, _, _ in matcher(nlp.make_doc(f"Xx {row['pattern']}, xx."))}
    ]
    header = f"// {lang} cue patterns (labels: ../CUES.md), built from cues.source.toml by scripts/build_cues.py.\n"
    body = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
    (LANG_DIR / lang / "cues.jsonl").write_text(header + body + "\n", encoding="utf-8")
    print(f"{lang}: {len(rows)} rows, {len({r['label'] for r in rows})} labels, {len(bad)} unmatched {bad[:5]}")


if __name__ == "__main__":
    langs = sys.argv[1:] or sorted(p.parent.name for p in LANG_DIR.glob("*/cues.source.toml"))
    for code in langs:
        build(code)
