"""Wages: amounts, ranges, currency, period, gross/net and "up to", normalised to EUR per month.

One pass of precompiled regexes over `doc.text` (built once per language from
`data/lang/<lang>/wages.toml` and `data/common/currencies.toml`):

1. every number is read with its attached currency (before or after), "k", a thousands word ("тыс.",
   "tys.", "mil", "k€") and "+"; dates, times and numbers followed by a unit ("40 hours", "50%",
   "25 years", "$30 million") are not money;
2. neighbouring amounts joined by a dash or a range word ("to", "between ... and") form a range;
3. qualifiers next to the amount are read: period, gross/net, "up to" / "max", "from" / "at least" / "+";
4. an amount without a currency is kept only when the nearest context word in its clause is a salary
   word ("salary", "pay", "earn" ...); the nearest word being a non-wage word ("bonus", "fee",
   "revenue", "meal voucher") drops even an amount with a currency; a sum below 100 with a currency but
   no period, gross/net or salary word ("gift card of 50 €") is not pay, nor is "X + bonus" a minimum;
5. a wage whose number is part of a phone number or of a token like "401(k)" is dropped (checked only
   for wages: most numbers fail the cheaper tests first);
6. the wage is converted to EUR per month (`validator.facts.reference`) and divided by the destination
   country's reference wage.

Speed: ~20-30 % of spaCy's blank-English tokenizer time on the EMSCAD sample (benchmarks/wages.py).

Number layouts (1,800.50 / 1.800,50 / 1 800 / 12,5) are read by price-parser's `parse_number`, which
guesses the decimal separator per number; Babel's `parse_decimal` needs one locale per ad and rejects
the mixed layouts common in cross-border ads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import islice
from typing import Any

from price_parser.parser import parse_number
from spacy.tokens import Doc

from validator.assessment import Wage
from validator.facts import reference
from validator.facts.context import Context
from validator.nlp.components import doc_text
from validator.resources import load_toml

NEVER = r"(?!)"
# end of a word: no letter or digit follows, except a capitalised word glued on at a former line break
# ("$25/HrBenefits", "SalaryOTE" in the EMSCAD exports)
WORD_END = r"(?!(?![A-Z][a-z])[^\W_])"
SPACES = "[ \t\u00a0\u202f\u2009]"
# numbers: thousands groups of three (separated by , . ' ’ or a space) with optional decimals, or plain
# digits with up to four decimals ("$32.2778 an hour"); no word character or one of . , + # / \\ @ before.
# Written to begin with a digit (the check of the character before comes after it), so `re` skips ahead to digits
NUMBER = re.compile(
    r"(\d(?<![\w.,+#/\\@]\d)"
    r"(?:\d{0,2}(?:(?:[,.'’]|[ \u00a0\u202f\u2009])\d{3})+(?:[.,]\d{1,2})?|\d*(?:[.,]\d{1,4})?))"
    r"(?!\d)"
)
# phone numbers: international prefix, trunk 0 with 8+ digits, US (555) 123-4567 / 555-123-4567
# (a "00" or "0" that is the thousands group of an amount, "45 000 - 55 000", does not start one)
PHONE = re.compile(
    r"(?:\+|(?<!\d[ .,\u00a0\u202f\u2009])\b00)\d[\d \-().\u00a0/]{6,}\d"
    r"|(?<!\d[ .,\u00a0\u202f\u2009])\b0\d{2,4}[ \-./\u00a0]?\d{2,4}[ \-./\u00a0]?\d{2,4}(?:[ \-./\u00a0]?\d{2,4})?\b"
    r"|\(\d{3}\)\s?\d{3}[-.\s]\d{4}\b"
    r"|\b\d{3}[-.]\d{3}[-.]\d{4}\b"
)
NUMBER_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "'": None, "’": None})
NEXT_WORD = re.compile(f"{SPACES}*[^\\W\\d_]")
# what may stand between a gross/net or period word before the amount and the amount: at most two words
# what may stand between "from" / "up to" and the amount ("мінімум — 8100")
QUALIFIER_GAP = r"[\s:\u2013\u2014-]*\Z"
SHORT_GAP = re.compile(r"[\s:,()-]*(?:[^\W\d_]+[\s:,()-]+){0,2}\Z")
OWNED_BY_NUMBER = re.compile(r"\d[^\W\d_]*(?:\s+[^\W\d_]+)?\s*\Z")
SUM_FOLLOWS = re.compile(r"\s*(?:[^\W_]|%)")  # a word or figure after a "+": "2000 + bonus", "12 € + 10 %"
# "12-05-2024", "1.5.24" (but not the range "1.500-1.800")
DATE_AFTER = re.compile(r"[-/.]\d{1,2}[-/.](?:\d{4}|\d{1,2})(?!\d)")
DATE_BEFORE = re.compile(r"(?<!\d)\d{1,2}[-/.]\d{1,2}[-/.]\Z")
CLAUSE_BREAK = re.compile(r"[\n;!?•|]|\.(?=\s|[A-Z]|$)")
RIGHT_SALARY_GAP = 2  # chars allowed between an amount and a salary word after it
CUR_REACH = 20  # longest currency token written before an amount, plus a space
MASK_REACH = 24  # chars around a number searched for the phone number or token it may belong to
MIN_BARE = 100  # an amount without currency or period below this is not read as pay
MAX_AMOUNTS = 300  # amounts read per ad at most (see extract_text)
MAX_DIGITS = 9  # integer parts this long are identifiers, not pay
YEAR_RANGE = (1900, 2099)


def _phrase(words: list[str] | tuple[str, ...]) -> str:
    """Alternation of phrases, longest first, case-insensitive, whole words at alphanumeric ends.

    Phrases are grouped by whether they start/end with a letter or digit, so each group carries one
    boundary check instead of one per phrase (much faster on long alternations).
    """
    groups: dict[tuple[bool, bool], list[str]] = {}
    for word in sorted({w.lower() for w in words if w}, key=len, reverse=True):
        body = re.escape(word).replace(r"\ ", r"\s+").replace("/", r"\s*/\s*")
        groups.setdefault((word[0].isalnum(), word[-1].isalnum()), []).append(body)
    parts = []
    for (alnum_start, alnum_end), bodies in groups.items():
        part = "(?i:" + "|".join(bodies) + ")"
        if alnum_start:  # a letter may not precede; a digit may ("500pw", "2000EUR")
            part = r"(?<![^\W\d_])" + part
        if alnum_end:
            part += WORD_END
        parts.append(part)
    return "(?:" + "|".join(parts) + ")" if parts else NEVER


def _symbols(symbols: list[str]) -> str:
    """Alternation of currency symbols, case-sensitive, longest first; letters need a letter boundary."""
    parts = []
    for sym in sorted(set(symbols), key=len, reverse=True):
        body = re.escape(sym)
        if sym[0].isalpha():
            body = r"(?<![^\W\d_])" + body
        if sym[-1].isalpha():
            body += r"(?![^\W\d_])"
        parts.append(body)
    return "|".join(parts) or NEVER


def _start_guard(symbols: list[str], phrases: list[str]) -> str:
    """A zero-width test that every match of `_symbols(symbols)|_phrase(phrases)` passes where it starts:
    one of their first characters (the phrases' in any case), and no letter both before and at that
    point (a token that begins with a letter needs none before it; one that does not begins with no
    letter). `re` tries every alternative at every position of a search; this fails most at once.
    Empty when a phrase may begin otherwise (with a space or "/", which `_phrase` widens)."""
    words = [w.lower() for w in phrases if w]
    symbols = [s for s in symbols if s]
    if not words + symbols or any(w[0] in "/" or w[0].isspace() for w in words):
        return ""
    firsts = []
    if words:
        firsts.append("(?i:[" + "".join(sorted({re.escape(w[0]) for w in words})) + "])")
    if symbols:
        firsts.append("[" + "".join(sorted({re.escape(s[0]) for s in symbols})) + "]")
    guard = f"(?={'|'.join(firsts)})"
    if all(s[0].isalpha() or not _LETTER.match(s[0]) for s in symbols):
        guard += r"(?:(?<![^\W\d_])|(?![^\W\d_]))"
    return guard


_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Lexicon:
    """Compiled patterns and lookups of one language."""

    currency_token: dict[str, str]  # exact symbol or lower-cased code/word -> ISO code or "?symbol"
    cur_last_chars: frozenset[str]  # last characters of all currency tokens, both cases
    weak_tokens: frozenset[str]  # lower-cased currency words that are also units ("pounds")
    ambiguous: dict[str, dict[str, Any]]
    country_currency: dict[str, str]
    implied_country: dict[str, str]
    cur_before: re.Pattern[str]
    cur_after: re.Pattern[str]
    thousands: re.Pattern[str]
    periods_after: re.Pattern[str]
    period_of: dict[str, str]  # lower-cased phrase -> period
    time_like: frozenset[str]
    periods_before: re.Pattern[str]
    gross_net: re.Pattern[str]
    gross_net_of: dict[str, str]
    up_to_before: re.Pattern[str]
    up_to_after: re.Pattern[str]
    at_least_before: re.Pattern[str]
    at_least_after: re.Pattern[str]
    range_sep: re.Pattern[str]
    range_needs: dict[str, re.Pattern[str]]
    context: re.Pattern[str]
    window_before: int
    window_after: int
    units: re.Pattern[str]
    not_amounts: re.Pattern[str]
    bare_follower: re.Pattern[str]


def _norm(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.lower()).replace(" /", "/").replace("/ ", "/")


@cache
def lexicon(lang: str) -> Lexicon:
    common = load_toml("common", "currencies.toml")
    words = load_toml("lang", lang, "wages.toml")
    token: dict[str, str] = {}
    symbols: list[str] = []
    codes: list[str] = []
    country_currency: dict[str, str] = {}
    implied: dict[str, str] = {}
    for code, spec in common.get("currency", {}).items():
        codes.append(code)
        token[code.lower()] = code
        for sym in spec.get("symbols", []):
            symbols.append(sym)
            token[sym] = code
        countries = spec.get("countries", [])
        for country in countries:
            country_currency.setdefault(country, code)
        if spec.get("implies") and countries and lang in spec.get("implies_in_languages", [lang]):
            implied[code] = countries[0]
    ambiguous = common.get("ambiguous", {})
    for sym in ambiguous:
        symbols.append(sym)
        token[sym] = "?" + sym
    cur_words: list[str] = []
    for code, names in words.get("currency_words", {}).items():
        for name in names:
            cur_words.append(name)
            # a word shared by several currencies ("lei": RON, MDL) is resolved like an ambiguous symbol
            token[_norm(name)] = "?" + _norm(name) if _norm(name) in ambiguous else code
    currency = f"(?:{_symbols(symbols)}|{_phrase(codes + cur_words)})"

    periods = words.get("periods", {})
    period_of = {_norm(p): period for period, phrases in periods.get("after", {}).items() for p in phrases}
    before_of = {_norm(p): period for period, phrases in periods.get("before", {}).items() for p in phrases}
    gross_net_of = {_norm(p): kind for kind, phrases in words.get("gross_net", {}).items() for p in phrases}
    up_to, at_least = words.get("up_to", {}), words.get("at_least", {})
    rng = words.get("range", {})
    ctx = words.get("context", {})
    # non-wage phrases first: at one position "gross profit" must win over "gross"
    context = "|".join(f"(?P<{group}>{_phrase(ctx.get(group, []))})" for group in ("not_wage", "not_money", "salary"))
    units = words.get("units", {}).get("block", [])
    lead = f"\\.?{SPACES}*[,(+]?{SPACES}*"  # "EUR/mėn. (bruto)": an abbreviation's dot may come first
    # "max" / "or more" stand right after the amount: after a comma they start a clause of their own
    # ("мінімум — 8100 грн, максимум — без обмежень")
    bound_lead = f"\\.?{SPACES}*[(+]?{SPACES}*"
    return Lexicon(
        currency_token=token,
        cur_last_chars=frozenset(c for t in token for c in (t[-1], t[-1].upper(), t[-1].lower())),
        weak_tokens=frozenset(_norm(w) for w in words.get("weak_currency_words", {}).get("words", [])),
        ambiguous=ambiguous,
        country_currency=country_currency,
        implied_country=implied,
        cur_before=re.compile(f"{_start_guard(symbols, codes + cur_words)}({currency}){SPACES}?\\Z"),
        # a currency after the number, unless it starts the next amount ("$50 - $99 $550")
        # (Romanian puts "de" between a number from 20 up and its noun: "3000 de lei")
        cur_after=re.compile(
            f"{SPACES}?(?:{_phrase(words.get('currency_joiners', {}).get('words', []))}{SPACES}+)?"
            f"({currency})(?!{SPACES}?\\d)"
        ),
        # "120 тыс.", "7 tys.", "35 k€", "60 T€": the amount is in thousands
        thousands=re.compile(
            f"{SPACES}?(?:(?:{_phrase(words.get('thousands', {}).get('words', []))})\\.?"
            f"|[kKT](?={SPACES}?(?:{_symbols(symbols)}|(?i:eur|usd|gbp|pln|chf)(?![^\\W\\d_]))))"
        ),
        periods_after=re.compile(f"{lead}({_phrase(list(period_of))})"),
        period_of=period_of | before_of,
        time_like=frozenset(_norm(p) for p in periods.get("time_like", {}).get("phrases", [])),
        periods_before=re.compile(f"({_phrase(list(before_of))})"),
        gross_net=re.compile(f"{lead}({_phrase(list(gross_net_of))})"),
        gross_net_of=gross_net_of,
        up_to_before=re.compile(f"({_phrase(up_to.get('before', []))}){QUALIFIER_GAP}"),
        up_to_after=re.compile(f"{bound_lead}({_phrase(up_to.get('after', []))})"),
        at_least_before=re.compile(f"({_phrase(at_least.get('before', []))}){QUALIFIER_GAP}"),
        at_least_after=re.compile(f"{bound_lead}({_phrase(at_least.get('after', []))})"),
        range_sep=re.compile(f"\\s*(?:-{{1,2}}|[–—~]|{_phrase(rng.get('joiners', []))})\\s*"),
        range_needs={
            joiner.lower(): re.compile(f"(?:{_phrase([needed])})\\s*\\Z")
            for joiner, needed in rng.get("needs_before", {}).items()
        },
        context=re.compile(context),
        window_before=int(ctx.get("window_before", 60)),
        window_after=int(ctx.get("window_after", 40)),
        units=re.compile(f"{SPACES}?-?{SPACES}?(?:{_phrase(units)})"),
        not_amounts=re.compile(_phrase(words.get("not_amounts", {}).get("patterns", []))),
        bare_follower=re.compile(f"{SPACES}*(?:{_phrase(ctx.get('bare_followers', []))})"),
    )


@dataclass
class _Amount:
    start: int  # including an attached currency before
    end: int  # including k, +, and an attached currency after
    value: float
    token: str | None  # currency token as written
    k: bool = False
    plus: bool = False
    blocked: bool = False  # followed by a unit: not money
    year_like: bool = False
    number: tuple[int, int] = (0, 0)  # the digits alone


def _masked(text: str, s: int, e: int, lex: Lexicon) -> bool:
    """Whether the number at [s, e) is part of a phone number or a never-an-amount token ("401k")."""
    lo = max(0, s - MASK_REACH)
    for pattern in (PHONE, lex.not_amounts):
        for m in pattern.finditer(text, lo, e + MASK_REACH):
            if m.start() <= s < m.end():
                return True
            if m.start() > s:
                break
    return False


def _read_amount(text: str, m: re.Match[str], lex: Lexicon) -> _Amount | None:
    s, e = m.span(1)
    raw = m.group(1)
    if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
        return None  # 0888 ..., 05: identifiers, not amounts
    if len(raw) > MAX_DIGITS and sum(ch.isdigit() for ch in raw) > MAX_DIGITS + 2:
        return None
    blocked = False
    if (e < len(text) - 1 and text[e] == ":" and text[e + 1].isdigit()) or (
        s >= 2 and text[s - 1] == ":" and text[s - 2].isdigit()
    ):
        blocked = True  # a clock time
    if DATE_AFTER.match(text, e) or DATE_BEFORE.search(text, max(0, s - 8), s):
        blocked = True
    if raw.isdigit():
        value = float(raw)
    else:
        number = parse_number(raw.translate(NUMBER_SPACES))
        if number is None:
            return None
        value = float(number)
    pos = e
    if text.startswith((",-", ".-", ",–"), pos):
        pos += 2  # "1.500,- EUR": no cents
    amount = _Amount(s, e, value, None, number=(s, e), blocked=blocked)
    amount.year_like = raw.isdigit() and len(raw) == 4 and YEAR_RANGE[0] <= value <= YEAR_RANGE[1]
    if value == 0:
        return None  # "*hidden*0 €": a masked figure, never pay
    if pos < len(text) and text[pos] in "kK" and not (pos + 1 < len(text) and text[pos + 1].isalpha()):
        amount.k, pos = True, pos + 1
    elif (thousands := lex.thousands.match(text, pos)) is not None:
        amount.k, pos = True, thousands.end()
    if pos < len(text) and text[pos] == "+":
        amount.plus, pos = True, pos + 1
    after = lex.cur_after.match(text, pos)
    if after:
        amount.token, pos = after.group(1), after.end()
    else:
        if not lex.periods_after.match(text, pos):
            if lex.units.match(text, pos):
                amount.blocked = True
            elif pos < len(text) and text[pos].isalpha() and not _glued_word(text, pos):
                return None  # "3rd", "10am", "5G": letters stuck to the number
    before = None
    # a currency before the number ends right before it (or one space before): test that character first
    if s and (
        text[s - 1] in lex.cur_last_chars or (s > 1 and text[s - 1] in " \u00a0" and text[s - 2] in lex.cur_last_chars)
    ):
        before = lex.cur_before.search(text, max(0, s - CUR_REACH), s)
    if before:
        amount.start = before.start()
        amount.token = amount.token or before.group(1)
    amount.end = pos
    return amount


def _glued_word(text: str, pos: int) -> bool:
    """A capitalised word glued to the number at a former line break ("$45,000Position")."""
    return text[pos].isupper() and pos + 1 < len(text) and text[pos + 1].islower()


def _currency(token: str | None, lex: Lexicon, country: str | None) -> str | None:
    if token is None:
        return None
    code = lex.currency_token.get(token) or lex.currency_token.get(_norm(token))
    if code and code.startswith("?"):
        rule = lex.ambiguous.get(code[1:], {})
        code = rule.get("by_country", {}).get(country or "", rule.get("default", "")) or None
    return code


def _clause_before(text: str, start: int, width: int) -> tuple[str, int]:
    """The text before `start` back to the clause start (at most `width` chars) and its offset."""
    lo = max(0, start - width)
    window = text[lo:start]
    breaks = list(CLAUSE_BREAK.finditer(window))
    if breaks:
        cut = breaks[-1].end()
        return window[cut:], lo + cut
    return window, lo


def _clause_after(text: str, end: int, width: int) -> str:
    window = text[end : end + width]
    brk = CLAUSE_BREAK.search(window)
    return window[: brk.start()] if brk else window


def _scale(amounts: list[_Amount]) -> list[float]:
    """Values with "k" applied, "2-3k" and "£40-65,000" read as thousands at both ends."""
    values = [a.value * (1000 if a.k else 1) for a in amounts]
    if len(amounts) == 2:
        a, b = amounts
        if b.k and not a.k and a.value < 1000:
            values[0] = a.value * 1000
        else:
            lo, hi = values
            if not (a.k or b.k) and lo < 1000 <= hi and hi % 1000 == 0 and lo * 1000 <= hi:
                values[0] = lo * 1000
    return values


def _nearest_context(left: str, right: str, lex: Lexicon, has_currency: bool) -> str | None:
    best: tuple[int, str] | None = None
    for m in lex.context.finditer(left):
        kind = m.lastgroup or ""
        if kind == "not_money" and has_currency:
            continue
        dist = len(left) - m.end()
        if best is None or dist <= best[0]:
            best = (dist, kind)
    for m in lex.context.finditer(right):
        kind = m.lastgroup or ""
        if kind == "not_money" and has_currency:
            continue
        # a salary word after the amount must follow it directly ("$40,000 salary"): "10115 Berlin, salary"
        # is a postcode, "fee 150 EUR, to pay before departure" a fee
        if kind == "salary" and m.start() > RIGHT_SALARY_GAP:
            break
        if best is None or m.start() < best[0]:
            best = (m.start(), kind)
        break
    return best[1] if best else None


def _qualifiers_after(text: str, pos: int, lex: Lexicon) -> tuple[int, dict[str, str]]:
    """Period, gross/net, "max" and "or more" right after the amount; returns the new end and what was found."""
    found: dict[str, str] = {}
    for _ in range(4):
        for key, pattern in (
            ("period", lex.periods_after),
            ("gross_net", lex.gross_net),
            ("up_to", lex.up_to_after),
            ("at_least", lex.at_least_after),
        ):
            if key in found:
                continue
            m = pattern.match(text, pos)
            if m and key == "at_least" and m.group(1) == "+" and SUM_FOLLOWS.match(text, m.end()):
                return pos, found  # "оклад 34000 + премии", "14 €/h + primes": a sum, not "or more"
            if m:
                found[key] = _norm(m.group(1))
                pos = m.end()
                if pos < len(text) and text[pos] == ")" and "(" in text[m.start() : m.start(1)]:
                    pos += 1
                break
        else:
            break
    return pos, found


def _group(text: str, amounts: list[_Amount], i: int, lex: Lexicon) -> list[_Amount]:
    """`amounts[i]` alone or with the next amount when the two form a range."""
    a = amounts[i]
    if i + 1 >= len(amounts):
        return [a]
    b = amounts[i + 1]
    sep = lex.range_sep.fullmatch(text, a.end, b.start)
    if not sep:
        return [a]
    joiner = sep.group(0).strip().lower()
    needs = lex.range_needs.get(joiner)
    if needs and not needs.search(text, max(0, a.start - 20), a.start):
        return [a]
    lo, hi = _scale([a, b])
    if hi < lo:
        return [a]
    return [a, b]


def _gross_net_before(left: str, lex: Lexicon) -> str | None:
    near = list(lex.gross_net.finditer(left))
    if near and SHORT_GAP.match(left, near[-1].end()):
        return lex.gross_net_of.get(_norm(near[-1].group(1)))
    return None


def _period_before(left: str, lex: Lexicon) -> str | None:
    """ "monthly salary: 2000", but not "40 hours per week for 2500" (the phrase belongs to the 40)."""
    before = list(lex.periods_before.finditer(left))
    if before and SHORT_GAP.match(left, before[-1].end()) and not OWNED_BY_NUMBER.search(left, 0, before[-1].start()):
        return lex.period_of.get(_norm(before[-1].group(1)))
    return None


def _wage(text: str, members: list[_Amount], lex: Lexicon, ctx: Context) -> Wage | None:
    """The wage a group of amounts states, or None when it is not pay. Cheap tests come first: most
    numbers in an ad are not pay, and the clause searches below are the costly part."""
    if any(m.blocked for m in members):
        return None
    start, end = members[0].start, members[-1].end
    tokens = [a.token for a in members if a.token]
    has_currency = any(_norm(t) not in lex.weak_tokens for t in tokens)
    end, found = _qualifiers_after(text, end, lex)
    period = lex.period_of.get(found.get("period", ""))
    gross_net = lex.gross_net_of.get(found.get("gross_net", ""))
    values = _scale(members)
    if not has_currency:
        if period and found["period"] in lex.time_like:
            return None  # "3 pm"
        if not period and max(values) < MIN_BARE:
            # "1) earn more", "rate 5": too small to be pay without a currency or period, unless a period word
            # stands right before a figure with cents or after a colon ("taux horaire : 11,88 à 13,50")
            if not (any(v != int(v) for v in values) or ":" in text[max(0, start - 3) : start]):
                return None
            period = _period_before(_clause_before(text, start, lex.window_before)[0], lex)
            if period is None:
                return None
        if all(a.year_like for a in members) and not (period or gross_net or any(a.k for a in members)):
            return None  # "in 2024"
        if not found and NEXT_WORD.match(text, end) and not lex.bare_follower.match(text, end):
            return None  # "12,000 keystrokes", "6520 Indian River Road"
    left, left_at = _clause_before(text, start, lex.window_before)
    right = "" if "period" in found else _clause_after(text, end, lex.window_after)
    context = _nearest_context(left, right, lex, has_currency)
    if context == "not_wage":
        return None
    if gross_net is None:
        gross_net = _gross_net_before(left, lex)
    if not has_currency and context != "salary" and gross_net is None:
        return None
    if period is None:
        period = _period_before(left, lex)
    if has_currency and max(values) < MIN_BARE and not (period or gross_net or context == "salary"):
        return None  # "meal voucher of 9 €", "gift card of 50 €": a small sum with no word of pay
    up_to = lex.up_to_before.search(left)
    at_least = None if up_to else lex.at_least_before.search(left)
    if up_to:
        start = left_at + up_to.start()
    if len(values) == 2:
        lo, hi = values
    elif up_to or "up_to" in found:
        lo, hi = None, values[0]
    elif at_least or "at_least" in found or members[0].plus:
        lo, hi = values[0], None
    else:
        lo = hi = values[0]
    country = ctx.destination_country
    currency = _currency(tokens[0] if tokens else None, lex, country)
    wage = Wage(
        min=lo,
        max=hi,
        currency=currency,
        period=period,
        start=start,
        end=end,
        text=text[start:end],
        gross_net=gross_net,
        up_to=bool(up_to or "up_to" in found),
    )
    _normalise(wage, lex, country)
    return wage


def _normalise(wage: Wage, lex: Lexicon, country: str | None) -> None:
    """Fill eur_per_month and the ratio to the reference wage.

    The amount is the midpoint of a range, the maximum of an "up to", else the single figure or lower bound.
    A wage without a stated currency is converted with the destination country's currency. A wage
    without a stated period uses a period guessed from its size (`reference.guess_period`).
    The reference country is the destination, else the country a non-euro currency implies.
    """
    if wage.min is not None and wage.max is not None:
        amount = (wage.min + wage.max) / 2
    else:
        amount = wage.max if wage.min is None else wage.min
    if amount is None:
        return
    currency = wage.currency or (lex.country_currency.get(country) if country else None)
    eur = reference.to_eur(amount, currency)
    if eur is not None:
        period = wage.period or reference.guess_period(eur)
        wage.period_assumed = wage.period is None and period is not None
        if period:
            wage.eur_per_month = round(reference.to_month(eur, period), 2)
    ref_country = country or (lex.implied_country.get(wage.currency) if wage.currency else None)
    ref = reference.reference_wage(ref_country)
    if ref is None:
        return
    wage.reference_country = ref.country
    wage.reference_wage_eur_month = round(ref.eur_month, 2)
    wage.reference_kind = ref.kind
    if wage.eur_per_month is not None:
        wage.ratio_to_min_wage = round(wage.eur_per_month / ref.eur_month, 3)


def extract_text(text: str, ctx: Context) -> list[Wage]:
    """Wages in `text` (the same as `extract` on a doc of that text)."""
    lex = lexicon(ctx.language)
    # a real ad states a few amounts; past MAX_AMOUNTS the text is a table or hostile, and the rest is not read
    amounts = list(islice((a for m in NUMBER.finditer(text) if (a := _read_amount(text, m, lex))), MAX_AMOUNTS))
    wages: list[Wage] = []
    i = 0
    while i < len(amounts):
        members = _group(text, amounts, i, lex)
        i += len(members)
        wage = _wage(text, members, lex, ctx)
        if wage and any(_masked(text, *a.number, lex) for a in members):
            continue  # part of a phone number or of a token like "401(k)"
        if wage and (not wages or wage.start >= wages[-1].end):
            wages.append(wage)
    return wages


def extract(doc: Doc, ctx: Context) -> list[Wage]:
    """Wages of one ad, with character offsets into `doc.text`."""
    return extract_text(doc_text(doc), ctx)
