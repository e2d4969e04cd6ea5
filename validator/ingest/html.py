"""HTML to the text to analyse: schema.org JobPosting first, otherwise the page's main content.

With a JobPosting (JSON-LD or microdata, read with extruct) the text is a few labelled lines
("Job title: ...", "Employer: ...", "Location: ...", "Salary: 2000-3000 EUR per month", ...), a
blank line and the description as plain text; the raw JSON fields go to `AdInput.structured`.
Without one, the text is the page's main content without navigation, header, footer, scripts
and forms, one line per block element. Labels and tag lists are data (data/common/ingest.toml).
"""

from __future__ import annotations

import codecs
import html as htmllib
import json
import re
from functools import cache
from typing import Any

import lxml.etree
import lxml.html

from validator.errors import InputTooLargeError, NoTextInHtmlError, UndecodableInputError
from validator.ingest import AdInput
from validator.ingest.text import check_text, decode_bytes
from validator.notices import notice
from validator.resources import load_toml
from validator.settings import Settings

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[^\S\n]+")
_WS = re.compile(r"\s+")
_MAX_DEPTH = 8  # how deep JobPosting objects are looked for in JSON-LD
_MAX_LOCATIONS = 5
_LEGACY_SINGLE_BYTE = {"iso8859-1", "ascii", "latin-1", "iso-8859-1", "us-ascii"}
# share of undecodable bytes tolerated (replaced, with a warning) in a page that is otherwise
# valid in its charset; more than this and the page is refused
_MAX_BAD_BYTES_SHARE = 0.001


@cache
def _config() -> dict[str, Any]:
    return load_toml("common", "ingest.toml")


@cache
def _drop_xpath() -> lxml.etree.XPath:
    html = _config()["html"]
    always = " | ".join(f"//{tag}" for tag in html["drop_always"])
    chrome = " | ".join(f"//{tag}[not(ancestor::main or ancestor::article)]" for tag in html["drop_chrome"])
    hidden = (
        "//*[@hidden or @aria-hidden='true' or @role='navigation' or @role='search'"
        " or contains(translate(@style, 'DISPLAYNOE ', 'displaynoe'), 'display:none')]"
    )
    return lxml.etree.XPath(f"{always} | {chrome} | {hidden}")


@cache
def _block_tags() -> frozenset[str]:
    return frozenset(_config()["html"]["block"])


# --------------------------------------------------------------------------- entry point


def from_html(
    html: str | bytes,
    settings: Settings,
    url: str | None = None,
    *,
    encoding: str | None = None,
    source: str = "html",
    max_bytes: int | None = None,
) -> AdInput:
    """The AdInput of an HTML page (str, or bytes with an optional charset from the HTTP header).

    `max_bytes` caps the HTML's size (default `settings.max_text_bytes`; the fetcher passes its
    own cap); the extracted text is then held to `settings.max_text_bytes`.
    """
    limit = max_bytes if max_bytes is not None else settings.max_text_bytes
    warnings: list[str] = []
    if isinstance(html, bytes | bytearray):
        if len(html) > limit:
            raise InputTooLargeError(f"the HTML is {len(html):,} bytes; the limit is {limit:,} bytes")
        html = decode_html(bytes(html), encoding, warnings)
    else:
        size = len(html.encode("utf-8", "surrogatepass"))
        if size > limit:
            raise InputTooLargeError(f"the HTML is {size:,} bytes; the limit is {limit:,} bytes")
    root = parse_html(html)
    if root is None:
        raise NoTextInHtmlError("the HTML has no readable text")
    postings = job_postings(root, html, url)
    structured: dict[str, Any] = {}
    text = ""
    if postings:
        posting = max(postings, key=lambda p: len(str(p.get("description") or "")))
        if len(postings) > 1:
            warnings.append(notice("several_postings", count=len(postings)))
        structured = {k: v for k, v in posting.items() if k not in {"@context"}}
        text = render_job_posting(structured, root)
    if not text.strip():
        text = page_text(root)
    if not text.strip():
        text = _fallback_text(html)
    if not text.strip():
        raise NoTextInHtmlError("the HTML has no readable text (only markup, scripts or navigation)")
    return AdInput(
        text=check_text(text, settings, what="the page's text"),
        source=source,
        url=url,
        structured=structured,
        warnings=warnings,
    )


# --------------------------------------------------------------------------- decoding and parsing


def decode_html(data: bytes, declared: str | None = None, warnings: list[str] | None = None) -> str:
    """Decode by BOM, then the HTTP charset, then <meta charset>, then UTF-8; refuse binary data."""
    from bs4.dammit import EncodingDetector

    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if data.startswith(bom):
            try:
                return data.decode(name)
            except UnicodeDecodeError:
                raise UndecodableInputError(f"the HTML is not valid {name.upper()}") from None
    meta = EncodingDetector.find_declared_encoding(data, is_html=True)
    names = [n for n in (_codec(declared), _codec(meta)) if n]
    for name in dict.fromkeys(names):
        if name in _LEGACY_SINGLE_BYTE:  # browsers read these as windows-1252
            try:
                return data.decode("cp1252")
            except UnicodeDecodeError:
                return data.decode("latin-1")
        try:
            return data.decode(name)
        except UnicodeDecodeError:
            continue
    try:
        return decode_bytes(data, "the HTML")
    except UndecodableInputError:
        pass
    # mostly valid UTF-8 (or the declared charset) with a few stray bytes: replace them
    name = names[0] if names else "utf-8"
    text = data.decode(name, "replace")
    bad = text.count("\ufffd")
    if b"\x00" not in data[:8192] and bad <= max(1, len(data) * _MAX_BAD_BYTES_SHARE):
        if warnings is not None:
            warnings.append(notice("bad_bytes", count=bad, encoding=name))
        return text
    raise UndecodableInputError(
        f"the HTML is not valid {name.upper()} text"
        + (" and declares no charset" if not names else "")
        + ": save it as UTF-8 or declare its charset"
    )


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("'\"")).name
    except (LookupError, ValueError):
        return None


def parse_html(html: str) -> lxml.html.HtmlElement | None:
    """lxml's tolerant HTML parser; None when there is no document at all."""
    html = _CONTROL.sub(" ", html)
    if not html.strip():
        return None
    # huge_tree: nesting up to 2048 levels instead of 256 (the input size is capped already)
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None
    return root


# --------------------------------------------------------------------------- schema.org JobPosting


def job_postings(root: lxml.html.HtmlElement, html: str, url: str | None) -> list[dict[str, Any]]:
    """Every JobPosting in the page's JSON-LD, then its microdata, as plain JSON values."""
    found: list[dict[str, Any]] = []
    lowered = html.lower()
    if "ld+json" in lowered:
        for script in root.iter("script"):
            if "ld+json" in (script.get("type") or "").lower():
                _collect_postings(_json_ld(script, url), found, 0)
    if not found and "itemscope" in lowered and "jobposting" in lowered:
        from extruct.w3cmicrodata import MicrodataExtractor

        try:
            items = MicrodataExtractor().extract_items(root, url)
        except Exception:  # noqa: BLE001
            items = []
        for item in items:
            _collect_postings(_from_microdata(item), found, 0)
        if found:
            _microdata_description(root, found)
    return found


def _json_ld(script: lxml.html.HtmlElement, url: str | None) -> list[Any]:
    """One JSON-LD script's items: strict JSON first (fast), else extruct's tolerant reading
    (HTML/JS comments, as some sites emit); unreadable scripts give nothing."""
    try:
        data = json.loads(script.text or "", strict=False)
        return data if isinstance(data, list) else [data]
    except ValueError:
        pass
    from extruct.jsonld import JsonLdExtractor  # ~0.3 s import: only for the odd broken script

    try:
        return list(JsonLdExtractor().extract_items(script, base_url=url))
    except Exception:  # broken JSON in one script must not hide the others  # noqa: BLE001
        return []


def _is_posting(value: Any) -> bool:
    types = value.get("@type") if isinstance(value, dict) else None
    types = types if isinstance(types, list) else [types]
    return any(isinstance(t, str) and t.rsplit("/", 1)[-1].lower() == "jobposting" for t in types)


def _collect_postings(value: Any, found: list[dict[str, Any]], depth: int) -> None:
    if depth > _MAX_DEPTH:
        return
    if isinstance(value, dict):
        if _is_posting(value):
            found.append(value)
            return
        for child in value.values():
            _collect_postings(child, found, depth + 1)
    elif isinstance(value, list):
        for child in value:
            _collect_postings(child, found, depth + 1)


def _from_microdata(item: Any) -> Any:
    """extruct's microdata item {"type", "properties"} to the JSON-LD shape {"@type", ...}."""
    if isinstance(item, list):
        return [_from_microdata(v) for v in item]
    if not isinstance(item, dict):
        return item
    if "properties" not in item:
        return {k: _from_microdata(v) for k, v in item.items()}
    types = item.get("type")
    types = types if isinstance(types, list) else [types]
    out: dict[str, Any] = {"@type": [t.rsplit("/", 1)[-1] for t in types if isinstance(t, str)]}
    if len(out["@type"]) == 1:
        out["@type"] = out["@type"][0]
    for key, value in item["properties"].items():
        out[key] = _from_microdata(value)
    return out


def _microdata_description(root: lxml.html.HtmlElement, found: list[dict[str, Any]]) -> None:
    """extruct flattens the description's text; keep its line breaks from the element itself."""
    for scope in root.xpath("//*[@itemscope][contains(translate(@itemtype,'JOBPSTING','jobpsting'),'jobposting')]"):
        nodes = scope.xpath(".//*[@itemprop='description']")
        if nodes and found:
            text = element_text(nodes[0])
            if text:
                found[0]["description"] = text
            return


def _plain(value: Any) -> str:
    """A JSON value as one line of text (first element of a list, `name` of an object)."""
    if isinstance(value, list):
        return ", ".join(p for p in (_plain(v) for v in value[:5]) if p)
    if isinstance(value, dict):
        return _plain(value.get("name") or value.get("@value") or value.get("value") or "")
    if value is None or isinstance(value, bool):
        return ""
    return _WS.sub(" ", htmllib.unescape(str(value))).strip()


def _number(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("value", value.get("@value"))
    if isinstance(value, bool) or value is None:
        return ""
    try:
        number = float(str(value).replace(",", "").strip())
    except ValueError:
        return _plain(value)
    if number != number or number in (float("inf"), float("-inf")):
        return ""
    return str(int(number)) if number.is_integer() else f"{number:.2f}".rstrip("0").rstrip(".")


def render_salary(salary: Any, currency: Any = None) -> str:
    """schema.org baseSalary (MonetaryAmount, number or text) as "2000-3000 EUR per month"."""
    if isinstance(salary, list):
        return "; ".join(p for p in (render_salary(s, currency) for s in salary[:3]) if p)
    if not isinstance(salary, dict):
        amount = _number(salary) if salary is not None else ""
        return " ".join(p for p in (amount, _plain(currency)) if p)
    currency = salary.get("currency") or salary.get("salaryCurrency") or currency
    value = salary.get("value")
    unit = salary.get("unitText")
    low, high, single = salary.get("minValue"), salary.get("maxValue"), None
    if isinstance(value, dict):
        unit = value.get("unitText") or unit
        low = value.get("minValue", low)
        high = value.get("maxValue", high)
        single = value.get("value")
    elif value is not None:
        single = value
    low_s, high_s = _number(low), _number(high)
    ranged = low_s and high_s and low_s != high_s
    amount = f"{low_s}-{high_s}" if ranged else (_number(single) or low_s or high_s)
    if not amount:
        return ""
    period = _config()["salary_units"].get(_plain(unit).upper(), _plain(unit).lower())
    return " ".join(p for p in (amount, _plain(currency), period) if p)


def _country_name(value: Any) -> str:
    name = _plain(value)
    if len(name) in (2, 3) and name.isalpha():
        import pycountry

        country = pycountry.countries.get(**{f"alpha_{len(name)}": name.upper()})
        if country is not None:
            return country.name
    return name


def render_places(locations: Any) -> tuple[list[str], list[str]]:
    """(address lines, location lines) of schema.org jobLocation (Place, PostalAddress or text)."""
    addresses: list[str] = []
    places: list[str] = []
    for place in (locations if isinstance(locations, list) else [locations])[:_MAX_LOCATIONS]:
        address = place.get("address", place) if isinstance(place, dict) else place
        if not isinstance(address, dict):
            text = _plain(address) or (_plain(place.get("name")) if isinstance(place, dict) else "")
            if text:
                places.append(text)
            continue
        street = _plain(address.get("streetAddress"))
        postcode = _plain(address.get("postalCode"))
        locality = _plain(address.get("addressLocality"))
        region = _plain(address.get("addressRegion"))
        country = _country_name(address.get("addressCountry"))
        if street or postcode:
            town = " ".join(p for p in (postcode, locality) if p)
            addresses.append(", ".join(p for p in (street, town) if p))
        parts = [p for p in (locality, region, country) if p]
        place_text = ", ".join(dict.fromkeys(parts))
        if place_text:
            places.append(place_text)
    return list(dict.fromkeys(addresses)), list(dict.fromkeys(places))


def render_job_posting(posting: dict[str, Any], root: lxml.html.HtmlElement | None = None) -> str:
    """Labelled lines, a blank line, the description as text, then the separate text sections."""
    labels = _config()["labels"]
    lines: list[tuple[str, str]] = []

    def add(key: str, value: str) -> None:
        if value:
            lines.append((labels[key], value))

    add("title", _plain(posting.get("title")))
    org = posting.get("hiringOrganization")
    add("employer", _plain(org))
    if isinstance(org, dict):
        add("employer_website", _plain(org.get("sameAs") or org.get("url")))
    addresses, places = render_places(posting.get("jobLocation"))
    for address in addresses:
        add("address", address)
    for place in places:
        add("location", place)
    if _plain(posting.get("jobLocationType")).upper() == "TELECOMMUTE":
        add("remote", "yes")
    add("salary", render_salary(posting.get("baseSalary"), posting.get("salaryCurrency")))
    types = posting.get("employmentType")
    names = _config()["employment_types"]
    add("employment_type", ", ".join(
        names.get(t.upper().replace("-", "_").replace(" ", "_"), t) if isinstance(t, str) else _plain(t)
        for t in (types if isinstance(types, list) else [types] if types else [])
    ))  # fmt: skip
    add("work_hours", _plain(posting.get("workHours")))
    add("date_posted", _plain(posting.get("datePosted")))
    add("valid_through", _plain(posting.get("validThrough")))
    parts = ["\n".join(f"{label}: {value}" for label, value in lines)] if lines else []
    description = fragment_text(posting.get("description"))
    if description:
        parts.append(description)
    for key, label in _config()["sections"].items():
        section = fragment_text(posting.get(key))
        if section:
            parts.append(f"{label}: {section}")
    if not description and root is not None:
        page = page_text(root)
        if page:
            parts.append(page)
    return "\n\n".join(p for p in parts if p.strip())


# --------------------------------------------------------------------------- page text


def fragment_text(value: Any) -> str:
    """A JSON-LD text field, often HTML (sometimes entity-escaped HTML), as plain text."""
    if isinstance(value, list):
        return "\n".join(p for p in (fragment_text(v) for v in value) if p)
    if isinstance(value, dict):
        value = value.get("@value") or value.get("description") or value.get("name")
    if not isinstance(value, str) or not value.strip():
        return ""
    if "<" not in value:
        value = htmllib.unescape(value)  # entity-escaped HTML becomes HTML here
    if "<" not in value:  # plain text: keep its line breaks
        return "\n".join(_SPACES.sub(" ", line).strip() for line in value.splitlines() if line.strip())
    root = parse_html(f"<html><body><div>{value}</div></body></html>")
    return element_text(root) if root is not None else ""


def page_text(root: lxml.html.HtmlElement) -> str:
    """The main content: <main> (or role=main, or the only <article>) else <body>, minus page chrome."""
    for node in _drop_xpath()(root):
        if node.getparent() is not None:
            node.drop_tree()
    candidates = root.xpath("//main | //*[@role='main']")
    if not candidates:
        articles = root.xpath("//article")
        candidates = articles if len(articles) == 1 else []
    for node in candidates:
        text = element_text(node)
        if len(text) >= 80:
            return text
    body = root.find("body")
    return element_text(body if body is not None else root)


def _fallback_text(html: str) -> str:
    """Last resort when lxml found no text (e.g. nesting deeper than libxml2 reads): html.parser."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(_CONTROL.sub(" ", html), "html.parser")
    for tag in soup(_config()["html"]["drop_always"]):
        tag.decompose()
    text = _SPACES.sub(" ", soup.get_text("\n"))
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def element_text(node: lxml.html.HtmlElement) -> str:
    """Text of an element, one line per block element, spaces collapsed (iterative: no recursion limit)."""
    blocks = _block_tags()
    out: list[str] = []
    for event, el in lxml.etree.iterwalk(node, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in blocks:
                out.append("\n")
            if tag and el.text:
                out.append(_WS.sub(" ", el.text))
        else:
            if tag in blocks:
                out.append("\n")
            if el is not node and el.tail:
                out.append(_WS.sub(" ", el.tail))
    text = _SPACES.sub(" ", "".join(out))
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())
