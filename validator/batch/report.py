"""The batch report: one self-contained HTML file (inline CSS, inline SVG charts, no scripts, no external
references). Every value from the data (ids, evidence, employers, contacts) is escaped: ad text is
untrusted."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape
from typing import Any

from validator import __version__
from validator.bands import describe
from validator.report import reason_line

BINS = 20
TOP_ADS = 25
BAND_RANK = {"high": 3.0, "medium": 2.0, "low": 1.0, "insufficient": 0.0}  # report order: band, then score
TOP_GROUPS = 10
MEMBERS_SHOWN = 12


def plural(n: int, one: str, other: str) -> str:
    """ "1 employer", "2 employers" (the count in English, with its thousands separator)."""
    return f"{n:,} {one if n == 1 else other}"


def _scroll(html: str) -> str:
    """A wide table or chart scrolls inside its box, never the page (phones)."""
    return f'<div class="scroll">{html}</div>'


CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1100px;
padding:1.5rem;color:#1b1f24;background:#fff}
h1{font-size:1.6rem;margin:.2rem 0 1rem}h2{font-size:1.25rem;margin:2rem 0 .6rem;border-bottom:1px solid #ccd}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;vertical-align:top;
padding:.35rem .5rem;border-bottom:1px solid #e3e6ea}th{background:#f3f5f7}
.cards{display:flex;flex-wrap:wrap;gap:.8rem}.card{border:1px solid #d8dde3;border-radius:6px;padding:.6rem 1rem;
min-width:8rem}.card b{display:block;font-size:1.4rem}.note{background:#fff8e1;border-left:4px solid #f0b400;
padding:.6rem 1rem}.band-high{color:#a10000;font-weight:600}.band-medium{color:#8a5a00;font-weight:600}
.band-low{color:#23623b}q{font-style:italic}ul.ev{margin:.2rem 0;padding-left:1.1rem}small{color:#555}
svg text{font:12px system-ui,sans-serif}
.scroll{overflow-x:auto;max-width:100%}td,code,small,p{overflow-wrap:anywhere}td{min-width:4.5rem}
th{white-space:nowrap}
@media (max-width:600px){body{padding:.8rem}.card{min-width:6.5rem;flex:1 1 6.5rem}}
"""


@dataclass
class ReportData:
    inputs: list[str]
    id_column: str
    total: int = 0
    errors: int = 0
    bands: dict[str, int] = field(default_factory=lambda: {"low": 0, "medium": 0, "high": 0, "insufficient": 0})
    histogram: list[int] = field(default_factory=lambda: [0] * BINS)
    indicators: dict[str, int] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    families: dict[str, int] = field(default_factory=dict)
    error_kinds: dict[str, int] = field(default_factory=dict)
    top_ads: list[dict[str, Any]] = field(default_factory=list)
    contact_groups: list[dict[str, Any]] = field(default_factory=list)
    template_groups: list[dict[str, Any]] = field(default_factory=list)
    n_contact_groups: int = 0
    n_template_groups: int = 0
    duplicates: int = 0
    pseudonymised: bool = False
    models: set[str] = field(default_factory=set)


def _bar_chart(items: list[tuple[str, int]], total: int, label: str) -> str:
    """Horizontal bars, one per item, as inline SVG."""
    if not items:
        return "<p>None.</p>"
    width, bar_h, left = 760, 22, 330
    height = bar_h * len(items) + 10
    top = max(v for _, v in items) or 1
    parts = [
        f'<svg role="img" aria-label="{escape(label)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (name, value) in enumerate(items):
        y = 5 + i * bar_h
        w = int((width - left - 90) * value / top)
        pct = f"{100 * value / total:.1f} %" if total else ""
        parts.append(f'<text x="{left - 8}" y="{y + 15}" text-anchor="end">{escape(name[:48])}</text>')
        parts.append(f'<rect x="{left}" y="{y + 3}" width="{w}" height="{bar_h - 7}" fill="#3d6fb6"/>')
        parts.append(f'<text x="{left + w + 6}" y="{y + 15}">{value:,} ({pct})</text>')
    parts.append("</svg>")
    return "".join(parts)


def _histogram(counts: list[int]) -> str:
    width, height, pad = 760, 220, 36
    top = max(counts) or 1
    bw = (width - 2 * pad) / len(counts)
    parts = [
        f'<svg role="img" aria-label="Distribution of risk scores" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="#555"/>',
    ]
    for i, c in enumerate(counts):
        h = (height - 2 * pad) * c / top
        x = pad + i * bw
        lo = i / len(counts)
        color = "#3d6fb6"
        parts.append(
            f'<rect x="{x + 1:.1f}" y="{height - pad - h:.1f}" width="{bw - 2:.1f}" height="{h:.1f}" '
            f'fill="{color}"><title>{lo:.2f}–{lo + 1 / len(counts):.2f}: {c:,}</title></rect>'
        )
        if c:
            parts.append(f'<text x="{x + bw / 2:.1f}" y="{height - pad - h - 4:.1f}" text-anchor="middle">{c:,}</text>')
    for tick in range(0, 11, 2):
        x = pad + (width - 2 * pad) * tick / 10
        parts.append(f'<text x="{x:.1f}" y="{height - pad + 16}" text-anchor="middle">{tick / 10:.1f}</text>')
    parts.append(f'<text x="{width / 2}" y="{height - 4}" text-anchor="middle">risk score</text></svg>')
    return "".join(parts)


def _evidence_html(raw: str | None) -> str:
    if not raw:
        return ""
    items = json.loads(raw)
    rows = []
    for item in items:
        quotes = "; ".join(f"<q>{escape(t)}</q>" for t in item.get("evidence", []))
        if not quotes and item.get("looked_for"):
            quotes = f"<small>not found: {escape(item['looked_for'])}</small>"
        tier = f"{item['severity']}, " if item.get("severity") else ""
        rows.append(
            f"<li>{escape(item['title'])} <small>({escape(tier)}{escape(item['family'])})</small>"
            f"{': ' + quotes if quotes else ''}</li>"
        )
    return f'<ul class="ev">{"".join(rows)}</ul>'


def _groups_table(groups: list[dict[str, Any]], contact: bool) -> str:
    if not groups:
        return "<p>No group found.</p>"
    head = "<tr><th>group</th><th>ads</th>" + ("<th>shared value</th><th>differences</th>" if contact else "")
    head += "<th>member ids</th></tr>"
    rows = []
    for g in groups:
        members = ", ".join(escape(str(m)) for m in g["member_ids"][:MEMBERS_SHOWN])
        more = len(g["member_ids"]) - MEMBERS_SHOWN
        if more > 0:
            members += f" … and {more:,} more"
        cells = f"<td>{escape(g['group_id'])}</td><td>{g['size']:,}</td>"
        if contact:
            d = g.get("detail", {})
            diff = ", ".join(
                [
                    plural(d.get("employers", 0), "employer", "employers"),
                    plural(d.get("places", 0), "place", "places"),
                    plural(d.get("jobs", 0), "job title", "job titles"),
                ]
            )
            cells += f"<td>{escape(g['kind'])}: <code>{escape(g['value'])}</code></td><td>{escape(diff)}</td>"
        rows.append(f"<tr>{cells}<td>{members}</td></tr>")
    return _scroll(f"<table>{head}{''.join(rows)}</table>")


def render(data: ReportData) -> str:
    scored = data.total - data.errors
    cards = [
        ("ad" if data.total == 1 else "ads", data.total),
        ("scored", scored),
        ("could not be scored", data.errors),
        ("high", data.bands["high"]),
        ("medium", data.bands["medium"]),
        ("low", data.bands["low"]),
        ("insufficient (too little to judge)", data.bands.get("insufficient", 0)),
        ("contact group" if data.n_contact_groups == 1 else "contact groups", data.n_contact_groups),
        ("template group" if data.n_template_groups == 1 else "template groups", data.n_template_groups),
    ]
    if data.duplicates:
        cards.append(("row with a repeated id" if data.duplicates == 1 else "rows with a repeated id", data.duplicates))
    card_html = "".join(f'<div class="card"><b>{v:,}</b>{escape(k)}</div>' for k, v in cards)
    top_ind = sorted(data.indicators.items(), key=lambda kv: (-kv[1], kv[0]))[:15]
    ind_items = [(f"{data.titles.get(k, k)}", v) for k, v in top_ind if v]
    fam_items = sorted(((k, v) for k, v in data.families.items() if v), key=lambda kv: (-kv[1], kv[0]))
    ad_rows = []
    for ad in data.top_ads:
        band = escape(ad["band"] or "")
        facts = ", ".join(escape(str(ad[k])) for k in ("employer", "destination_country") if ad.get(k))
        ad_rows.append(
            f"<tr><td>{escape(str(ad['id']))}<br><small>row {ad['row']:,}</small></td>"
            f'<td><span class="band-{band}">{band}</span><br><small>{escape(reason_line(ad.get("reason")))}'
            f"</small></td>"
            f"<td>{escape(ad['families'] or '')}{('<br><small>' + facts + '</small>') if facts else ''}"
            f"{_evidence_html(ad.get('evidence'))}</td></tr>"
        )
    errors = "".join(
        f"<tr><td>{escape(k)}</td><td>{v:,}</td></tr>"
        for k, v in sorted(data.error_kinds.items(), key=lambda kv: -kv[1])[:10]
    )
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    pseudo = (
        (
            "<p>Phone numbers and e-mail addresses are pseudonymised (keyed hashes): equal values are "
            "still linked, but the identifiers are not shown.</p>"
        )
        if data.pseudonymised
        else ""
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Job-ad batch report</title><style>{CSS}</style></head>
<body>
<h1>Job-ad batch report</h1>
<p><small>{escape(", ".join(data.inputs))} · generated {generated} · jobad-validator {escape(__version__)}
· risk model: {escape(", ".join(sorted(data.models)) or "none")}</small></p>
<section class="note"><h2 style="margin-top:.2rem;border:0">How to read this report</h2>
<p>Each ad was checked for <b>warning signs</b> of fraudulent or trafficking-linked recruitment, drawn
from published research (Fine Tune Project 2011, Di Nicola et al. 2017, Volodko et al. 2019, ILO
indicators). A band is <b>not a verdict</b>: single signs are common in ordinary low-skilled ads
(98.4 % of the work-abroad ads studied by Volodko et al. showed at least one), so look at the ads with
severe signs or many signs from several families, read the evidence quoted (most serious sign first), and
check the facts before acting.
Shared contacts and re-used templates link ads; they are reasons to look closer, not proof.</p>{pseudo}
</section>
<h2>Counts</h2><div class="cards">{card_html}</div>
<h2>Score distribution (the learned score with the signs' floors)</h2>{_scroll(_histogram(data.histogram))}
<h3>How the bands were decided</h3>
<ul>{"".join(f"<li><small>{escape(line)}</small></li>" for line in describe())}</ul>
<h2>Most frequent warning signs</h2>{_scroll(_bar_chart(ind_items, scored, "Most frequent warning signs"))}
<h2>Families of warning signs</h2>{_scroll(_bar_chart(fam_items, scored, "Families of warning signs"))}
<h2>Highest-risk ads</h2>
<div class="scroll"><table><tr><th>{escape(data.id_column)}</th><th>band</th><th>warning signs and evidence</th></tr>
{"".join(ad_rows) or '<tr><td colspan="3">No scored ad.</td></tr>'}</table></div>
<h2>Largest groups sharing a contact</h2>
<p>A phone number or e-mail address found in ads that name different employers, places or jobs.</p>
{_groups_table(data.contact_groups, contact=True)}
<h2>Largest groups of near-duplicate texts</h2>
<p>Ads whose texts are nearly the same (a re-used template).</p>
{_groups_table(data.template_groups, contact=False)}
<h2>Rows that could not be scored</h2>
{_scroll(f"<table><tr><th>reason</th><th>rows</th></tr>{errors}</table>") if errors else "<p>None.</p>"}
</body></html>
"""
