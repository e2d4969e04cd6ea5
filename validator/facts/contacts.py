"""Contacts: phone numbers, e-mail addresses, messengers and links, with offsets into the text.

Masked tokens of anonymised exports (`#PHONE_<hash>#`, `#EMAIL_<hash>#`, `#URL_<hash>#`, as in
EMSCAD) count as a contact of their kind. Everything else is found on a "scrubbed" copy of the
text in which masked tokens, e-mails and links are blanked out with spaces (same length, so
offsets stay valid): digits inside them are never read as phone numbers.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache

import phonenumbers
import tldextract
from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberMatcher, PhoneNumberType
from spacy.tokens import Doc

from validator.assessment import Contacts, Email, Evidence, Handle, Phone, Url
from validator.facts import wages
from validator.facts.context import Context
from validator.nlp.components import doc_text
from validator.resources import load_lines, load_toml

MASKED = re.compile(r"#(?P<kind>PHONE|EMAIL|URL)_[0-9A-Fa-f]{8,}(?:#(?!(?:PHONE|EMAIL|URL)_))?")
EMAIL_LOCAL = re.compile(r"(?<![\w.%+-])[\w.%+-]*\w\Z")  # searched in the 64 characters before "@"
EMAIL_HOST = re.compile(r"(?:[^\W_](?:[\w-]*[^\W_])?\.)+(?:[a-z]{2,24}|[A-Z]{2,24})(?![a-z\d_-])")
# "name [at] domain [dot] com", "name(at)domain.com", "name @ domain . com"
OBFUSCATED_EMAIL = re.compile(
    r"(?<![\w.%+-])(?P<user>[\w.%+-]*\w)\s*(?:[\[({<]\s*(?:at|@)\s*[\])}>]|\s@\s)\s*"
    r"(?P<host>[^\W_][\w-]*(?:\s*(?:[\[({<]\s*dot\s*[\])}>]|\.)\s*[^\W_][\w-]*)+)",
    re.IGNORECASE,
)
OBFUSCATED_DOT = re.compile(r"\s*(?:[\[({<]\s*dot\s*[\])}>]|\.)\s*", re.IGNORECASE)
URL_WITH_SCHEME = re.compile(r"(?:\b(?:https?|ftp)://|(?<![\w.@/-])www\d{0,3}\.)[^\s<>\"'`{}|\\^\[\]]+", re.I)
SCHEME_LINK = re.compile(r"\b(?P<scheme>[a-z]{2,10})://[^\s<>\"'`{}|\\^\[\]]+")
AT_SIGN = re.compile("@")
# "@name" right after a messenger's name ("Telegram: @jobs_eu", "Telegram - @jobs_eu")
HANDLE_AFTER_CUE = re.compile(r"[ \t:(\-–—]{0,4}(@[A-Za-z][A-Za-z0-9_]{3,31})\b")
USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{3,31}")
PHONE_PARAM = re.compile(r"[?&](?:phone|number)=(?:%2B|\+)?(\d{7,15})\b", re.I)
NOT_NEWLINE = re.compile(r"[^\n]")
OBFUSCATION_TRIGGER = re.compile(r"[\[({<] ?(?:at|AT|At|@) ?[\])}>]")
URL_TRAILING = ".,;:!?'\"»”’)*"

# a run of digits with phone-like separators; checked and parsed further below
PHONE_CANDIDATE = re.compile(r"[+(\d][\d \t\u00a0().\-/–]{5,40}\d")
PHONE_BODY = re.compile(r"(?:\+[ \t\u00a0]?|\(\+?)?\d(?:[ \t\u00a0().\-/–]{0,3}\d){5,17}(?![\w@])")
DATE_LIKE = re.compile(r"\(?\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\)?")
RANGE_LIKE = re.compile(r"[1-9]\d{2,5}\s*[-–/]\s*\d{3,6}")
THOUSANDS_LIKE = re.compile(r"[1-9]\d{0,2}(?:[ .,\u00a0]\d{3})+")
# groups that a phone number may have when it also reads as an amount ("600 123 456"); commas never
SPACE_GROUPED = re.compile(r"\d+(?:[ \u00a0]\d+)+")
CUE_GROUPED = re.compile(r"\d+(?:[ .\u00a0]\d+)+")
MOBILE_TYPES = (PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE)
CURRENCY_AFTER_REACH = 16  # characters after a digit run searched for a currency ("600 123 eurų")

TYPE_NAMES = {getattr(PhoneNumberType, name): name.lower() for name in dir(PhoneNumberType) if name.isupper()}
REGION_ALIASES = {"UK": "GB", "EL": "GR"}
DEFAULT_FALLBACK_REGIONS = ("GB", "US")
CUE_WINDOW = 30  # characters before an ungrouped digit run searched for a phone cue


@dataclass(frozen=True)
class Link:
    """A link found in the text: a web address, or a messenger deep link (`messenger` set)."""

    url: str
    host: str | None
    domain: str | None
    start: int
    end: int
    messenger: str | None = None


@cache
def _tld() -> tldextract.TLDExtract:
    """Offline extractor (bundled public-suffix snapshot; the default one goes to the network)."""
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@cache
def domain_lists() -> dict:
    """Job boards, social networks, shorteners, free hosts and messenger links (data/common/domains.toml)."""
    return load_toml("common", "domains.toml")


@cache
def _third_party_domains() -> frozenset[str]:
    lists = domain_lists()
    return frozenset(d for key in ("job_boards", "social", "shorteners", "free_hosts") for d in lists.get(key, []))


def is_company_channel(item: Email | Url) -> bool:
    """An e-mail or link of the company's own: not masked (unknown), not free webmail, not a job
    board, social network, URL shortener or free host."""
    if item.masked or not item.domain:
        return False
    if isinstance(item, Email):
        return not item.free_provider
    return item.domain not in _third_party_domains()


@cache
def _bare_domain_re() -> re.Pattern[str]:
    tlds = sorted(domain_lists().get("bare_domain_tlds", []), key=len, reverse=True)
    alt = "|".join(re.escape(t) for t in tlds)
    return re.compile(
        r"(?<![\w@./:#-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:" + alt + r")(?![\w-]|\.[a-z0-9])"
        r"(?:/[^\s<>\"'`{}|\\^\[\]]*)?"
    )


@cache
def _bare_trigger_re() -> re.Pattern[str]:
    """A dot then a known TLD: cheap to find, the host before it is read afterwards."""
    tlds = sorted(domain_lists().get("bare_domain_tlds", []), key=len, reverse=True)
    return re.compile(r"\.(?:" + "|".join(re.escape(t) for t in tlds) + r")(?![\w-]|\.[a-z0-9])")


@cache
def _free_providers() -> tuple[frozenset[str], frozenset[str]]:
    """Exact free-mail domains, and names that are free under any suffix (`yahoo.*`)."""
    exact, any_suffix = set(), set()
    for line in load_lines("common", "free_email_providers.txt"):
        entry = line.lower()
        (any_suffix.add(entry[:-2]) if entry.endswith(".*") else exact.add(entry))
    return frozenset(exact), frozenset(any_suffix)


@cache
def _lang_data(lang: str) -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    """The pack's phone cue pattern and fallback phone regions."""
    data = load_toml("lang", lang, "contacts.toml")
    cues = sorted(data.get("phone_cues", []), key=len, reverse=True)
    pattern = None
    if cues:
        pattern = re.compile(
            "|".join(
                (r"(?<!\w)" if c[0].isalnum() else "") + re.escape(c) + (r"(?!\w)" if c[-1].isalnum() else "")
                for c in cues
            ),
            re.IGNORECASE,
        )
    # the pack's countries (pack.toml), most likely first, for numbers written without a country code
    countries = load_toml("lang", lang, "pack.toml").get("countries", DEFAULT_FALLBACK_REGIONS)
    regions = tuple(r.upper() for r in countries)
    return pattern, regions


def host_matches(host: str, entries) -> bool:
    """True when `host` is one of `entries` or a subdomain of one."""
    return any(host == e or host.endswith("." + e) for e in entries)


def is_free_provider(domain: str | None) -> bool:
    if not domain:
        return False
    domain = domain.lower()
    exact, any_suffix = _free_providers()
    if domain in exact:
        return True
    ext = _tld()(domain)
    return bool(ext.suffix) and ext.domain in any_suffix and not ext.subdomain


def _blank(text: str, spans) -> str:
    """`text` with the (start, end) spans replaced by spaces (line breaks kept): offsets stay valid."""
    if not spans:
        return text
    parts, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            start = pos
        parts.append(text[pos:start])
        parts.append(NOT_NEWLINE.sub(" ", text[start:end]))
        pos = max(pos, end)
    parts.append(text[pos:])
    return "".join(parts)


def _split_host(url: str) -> str | None:
    rest = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url, flags=re.I)
    host = re.split(r"[/?#:]", rest, maxsplit=1)[0].lower()
    host = host.rsplit("@", 1)[-1]
    return host or None


def _trim_url(raw: str) -> str:
    while raw and raw[-1] in URL_TRAILING:
        if raw[-1] == ")" and raw.count("(") >= raw.count(")"):
            break
        raw = raw[:-1]
    return raw


def _messenger_for(host: str) -> str | None:
    for entry, name in domain_lists().get("messenger_links", {}).items():
        if host == entry or host.endswith("." + entry):
            return name
    return None


def parse_link(raw: str, start: int) -> Link | None:
    """A link from matched text starting at `start` (trailing punctuation dropped); None without a real host."""
    raw = _trim_url(raw)
    host = _split_host(raw)
    if not host:
        return None
    scheme = raw.split("://", 1)[0].lower() if "://" in raw else ""
    schemes = domain_lists().get("messenger_schemes", {})
    if scheme in schemes:
        return Link(raw, None, None, start, start + len(raw), schemes[scheme])
    ext = _tld()(host)
    if ext.ipv4:
        domain = ext.ipv4
    elif ext.suffix and ext.domain:
        domain = ext.top_domain_under_public_suffix
    else:
        return None
    return Link(raw, host, domain, start, start + len(raw), _messenger_for(host))


def link_handle(link: Link) -> str | None:
    """The account a messenger deep link opens: "@name" (t.me/name), "+<digits>" (wa.me/<digits>,
    ?phone=<digits>), else the link without scheme, query or trailing slash (lower-case host)."""
    rest = link.url.split("://", 1)[-1]
    number = PHONE_PARAM.search(rest)
    if number:
        return "+" + number.group(1)
    host, _, path = rest.partition("/")
    path = path.split("?", 1)[0].split("#", 1)[0].strip("/")
    if not path:
        return None
    first = path.split("/", 1)[0]
    if link.messenger == "telegram" and USERNAME.fullmatch(first) and first.lower() not in {"joinchat", "share"}:
        return "@" + first
    if link.messenger == "whatsapp" and first.isdigit() and 7 <= len(first) <= 15:
        return "+" + first
    return f"{host.lower()}/{path}"


def _handles_after_cues(text: str, spans) -> list[Handle]:
    """"@name" written right after a messenger's name."""
    found = []
    for span in spans:
        if span.label_ != "MESSENGER" or not span.id_:
            continue
        m = HANDLE_AFTER_CUE.match(text, span.end_char)
        if m:
            found.append(Handle(span.id_, m.group(1), m.start(1), m.end(1)))
    return found


def windows(text: str, hits, before: int, after: int) -> list[list[int]]:
    """Merged (start, end) windows around the trigger positions `hits`."""
    out: list[list[int]] = []
    for pos in hits:
        lo, hi = max(0, pos - before), min(len(text), pos + after)
        if out and lo <= out[-1][1]:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return out


def _find_emails(scrubbed: str) -> list[Email]:
    """E-mail addresses, read outwards from each "@" (a regex over the whole text is slow)."""
    emails: list[Email] = []
    for at in AT_SIGN.finditer(scrubbed):
        local = EMAIL_LOCAL.search(scrubbed, max(0, at.start() - 64), at.start())
        host = EMAIL_HOST.match(scrubbed, at.end())
        if not (local and host):
            continue
        start = local.start() + len(local.group(0)) - len(local.group(0).lstrip("."))
        if start >= at.start():
            continue
        domain = host.group(0).lower()
        if _tld()(domain).suffix:
            address = scrubbed[start : host.end()]
            emails.append(Email(address, domain, is_free_provider(domain), start, host.end()))
    if " @ " in scrubbed or OBFUSCATION_TRIGGER.search(scrubbed):
        for m in OBFUSCATED_EMAIL.finditer(scrubbed):
            if any(e.start < m.end() and m.start() < e.end for e in emails):
                continue
            host = OBFUSCATED_DOT.sub(".", m.group("host")).lower()
            if _tld()(host).suffix:
                address = f"{m.group('user')}@{host}"
                emails.append(Email(address, host, is_free_provider(host), m.start(), m.end()))
    return emails


def _find_links(scrubbed: str) -> list[Link]:
    patterns = []
    if "://" in scrubbed:
        patterns += [URL_WITH_SCHEME, SCHEME_LINK]
    elif "www" in scrubbed or "WWW" in scrubbed:
        patterns.append(URL_WITH_SCHEME)
    links: list[Link] = []
    starts: list[int] = []  # the links taken never overlap: sorted starts and their ends suffice
    ends: list[int] = []

    def add(m: re.Match[str]) -> None:
        i = bisect_left(starts, m.end())  # the links starting before this match ends
        if i and ends[i - 1] > m.start():
            return
        link = parse_link(m.group(0), m.start())
        if link is not None:
            links.append(link)
            j = bisect_left(starts, link.start)
            starts.insert(j, link.start)
            ends.insert(j, link.end)

    for pattern in patterns:
        for m in pattern.finditer(scrubbed):
            add(m)
    bare = _bare_domain_re()
    for hit in _bare_trigger_re().finditer(scrubbed):
        m = bare.search(scrubbed, max(0, hit.start() - 70), min(len(scrubbed), hit.end() + 300))
        while m and m.end() <= hit.start():
            m = bare.search(scrubbed, m.end(), min(len(scrubbed), hit.end() + 300))
        if m and m.start() <= hit.start():
            add(m)
    links.sort(key=lambda lk: lk.start)
    return links


@lru_cache(maxsize=8)
def scan(text: str) -> tuple[tuple[tuple[str, int, int], ...], tuple[Email, ...], tuple[Link, ...], str]:
    """Language-independent pass shared by the contacts and employer extractors.

    Returns the masked tokens (kind, start, end), the e-mails, the links and the scrubbed text."""
    masked = [(m.group("kind"), m.start(), m.end()) for m in MASKED.finditer(text)] if "#" in text else []
    scrubbed = _blank(text, [(s, e) for _, s, e in masked])
    emails = _find_emails(scrubbed)
    scrubbed = _blank(scrubbed, [(e.start, e.end) for e in emails])
    links = _find_links(scrubbed)
    scrubbed = _blank(scrubbed, [(lk.start, lk.end) for lk in links])
    return tuple(masked), tuple(emails), tuple(links), scrubbed


def _regions(ctx: Context) -> list[str]:
    _, fallback = _lang_data(ctx.language)
    out: list[str] = []
    for region in (ctx.destination_country, ctx.default_region, *fallback):
        if region:
            region = REGION_ALIASES.get(region.upper(), region.upper())
            if region not in out:
                out.append(region)
    return out


def _looks_like_other_number(cand: str, before: str, after: str, lang: str, cue: bool, regions: list[str]) -> bool:
    """Dates, ranges, amounts: digit runs that are no phone numbers. A run grouped like an amount
    ("600 123 456") is still read as a phone after a phone cue, or when it is a valid mobile number of
    one of the `regions` (Polish and Spanish mobiles are written 3-3-3)."""
    if cand.startswith(("+", "(+")):
        return False
    lex = wages.lexicon(lang)  # the currency symbols, codes and words of the ad's language
    if lex.cur_before.search(before.rstrip(" :\t")[-wages.CUR_REACH :]) or lex.cur_after.match(after):
        return True
    if DATE_LIKE.fullmatch(cand) or RANGE_LIKE.fullmatch(cand):
        return True
    if THOUSANDS_LIKE.fullmatch(cand):
        if cue and CUE_GROUPED.fullmatch(cand):
            return False
        return not (SPACE_GROUPED.fullmatch(cand) and _is_mobile(cand, tuple(regions)))
    return False


@lru_cache(maxsize=256)
def _is_mobile(cand: str, regions: tuple[str, ...]) -> bool:
    for region in regions:
        try:
            number = phonenumbers.parse(cand, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) in MOBILE_TYPES:
            return True
    return False


def _phone_type(number) -> str:
    return TYPE_NAMES.get(phonenumbers.number_type(number), "unknown")


def find_phones(scrubbed: str, ctx: Context) -> list[Phone]:
    """Phone numbers in the scrubbed text (no masked tokens, e-mails or links left in it). A digit run
    glued to a letter (IBANs, order numbers) or following a digit and a comma or dot is skipped."""
    cue_re, _ = _lang_data(ctx.language)
    regions: list[str] | None = None
    phones: list[Phone] = []
    for hit in PHONE_CANDIDATE.finditer(scrubbed):
        prev = scrubbed[hit.start() - 2 : hit.start()] if hit.start() >= 2 else " " + scrubbed[: hit.start()]
        if prev[-1:].isalnum() or prev[-1:] in "_@#/+" or (prev[:1].isdigit() and prev[-1:] in ".,"):
            continue
        m = PHONE_BODY.match(scrubbed, hit.start(), min(len(scrubbed), hit.end() + 1))
        if not m:
            continue
        regions = regions or _regions(ctx)
        cand = m.group(0)
        before = scrubbed[max(0, m.start() - CUE_WINDOW) : m.start()]
        after = scrubbed[m.end() : m.end() + CURRENCY_AFTER_REACH]
        cue = bool(cue_re and cue_re.search(before))
        if _looks_like_other_number(cand, before, after, ctx.language, cue, regions):
            continue
        international = cand.startswith(("+", "(+")) or cand.startswith("00")
        grouped = not cand.isdigit()
        if not (international or grouped or cue):
            continue
        text = "+" + cand[2:] if cand.startswith("00") else cand
        delta = len(cand) - len(text)
        found = False
        for region in [None] if international else regions:
            for match in PhoneNumberMatcher(text, region, leniency=Leniency.VALID):
                start = m.start() + (match.start + delta if match.start else 0)
                end = m.start() + match.end + delta
                phones.append(_phone(scrubbed[start:end], match.number, start))
                found = True
            if found:
                break
        if not found and international:
            number = _lenient_international(text)
            if number is not None:
                end = m.end() - (len(cand) - len(cand.rstrip(" )")))
                phones.append(_phone(scrubbed[m.start() : end], number, m.start()))
    return phones


def _phone(raw: str, number, start: int) -> Phone:
    return Phone(
        raw=raw,
        e164=phonenumbers.format_number(number, PhoneNumberFormat.E164),
        region=phonenumbers.region_code_for_number(number) or _main_region(number.country_code),
        type=_phone_type(number),
        start=start,
        end=start + len(raw),
    )


def _main_region(country_code: int) -> str | None:
    region = phonenumbers.region_code_for_country_code(country_code)
    return None if region == phonenumbers.UNKNOWN_REGION else region


def _lenient_international(text: str):
    """A `+` number that the metadata does not (yet) know as valid but that has a possible length."""
    try:
        number = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return number


def extract(doc: Doc, ctx: Context) -> Contacts:
    """Phones, e-mails, messengers and their handles, links and "contact only via ..." channels of one ad."""
    text = doc_text(doc)
    masked, emails, links, scrubbed = scan(text)
    out = Contacts(emails=list(emails))
    ev = out.evidence
    for kind, start, end in masked:
        token = text[start:end]
        if kind == "PHONE":
            out.phones.append(Phone(token, None, None, "masked", start, end))
        elif kind == "EMAIL":
            out.emails.append(Email(token, None, False, start, end, masked=True))
        else:
            out.urls.append(Url(token, None, start, end, masked=True))
        ev.append(Evidence(start, end, token, kind.lower()))
    out.phones.extend(find_phones(scrubbed, ctx))
    out.phones.sort(key=lambda p: p.start)
    out.emails.sort(key=lambda e: e.start)
    ev.extend(Evidence(p.start, p.end, text[p.start : p.end], "phone") for p in out.phones if p.e164)
    ev.extend(Evidence(e.start, e.end, text[e.start : e.end], "email") for e in emails)

    messengers: list[str] = []
    handles: list[Handle] = []
    for link in links:
        if link.messenger:
            messengers.append(link.messenger)
            ev.append(Evidence(link.start, link.end, text[link.start : link.end], "messenger_link"))
            handle = link_handle(link)
            if handle:
                handles.append(Handle(link.messenger, handle, link.start, link.end))
        else:
            out.urls.append(Url(link.url, link.domain, link.start, link.end))
            ev.append(Evidence(link.start, link.end, text[link.start : link.end], "url"))
    out.urls.sort(key=lambda u: u.start)

    spans = sorted(doc.spans["cues"], key=lambda s: s.start) if "cues" in doc.spans else []
    for span in spans:
        if span.label_ not in ("MESSENGER", "CONTACT_ONLY") or not span.id_:
            continue
        channel = span.id_
        if span.label_ == "CONTACT_ONLY":
            if channel not in out.contact_only_via:
                out.contact_only_via.append(channel)
            if channel in ("sms", "phone"):
                ev.append(Evidence(span.start_char, span.end_char, span.text, "contact_only"))
                continue
        messengers.append(channel)
        ev.append(Evidence(span.start_char, span.end_char, span.text, span.label_.lower()))
    out.messengers = list(dict.fromkeys(messengers))
    for handle in _handles_after_cues(text, spans):
        handles.append(handle)
        ev.append(Evidence(handle.start, handle.end, handle.handle, "messenger_handle"))
    seen: set[tuple[str, str]] = set()
    for handle in sorted(handles, key=lambda h: h.start):
        key = (handle.messenger, handle.handle.lower())
        if key not in seen:
            seen.add(key)
            out.handles.append(handle)
    ev.sort(key=lambda e: (e.start, e.end))
    return out
