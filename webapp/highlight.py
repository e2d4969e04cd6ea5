"""The ad text cut into plain and highlighted pieces, each highlight labelled with the numbers its warning
signs have in the sign list (the one order of every surface, `validator.bands.sort_key`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from validator.assessment import Assessment
from validator.bands import order_signs

QUOTE_MAX_CHARS = 80


class Mark(NamedTuple):
    """One warning sign raised by a highlight: its number in the sign list, its id and its title."""

    number: int
    id: str
    title: str


@dataclass
class Piece:
    text: str
    marks: list[Mark] = field(default_factory=list)  # the signs it shows, in sign-list order, each once
    number: int | None = None  # 1-based highlight number (anchor "ev-N"); None for plain text
    start: int = 0
    end: int = 0


def anchor(indicator_id: str) -> str:
    """An HTML id for an indicator's section."""
    return "ind-" + "".join(ch if ch.isalnum() else "-" for ch in indicator_id)


def sign_numbers(assessment: Assessment) -> dict[str, int]:
    """Each indicator's 1-based number in the sign list."""
    return {hit.id: n for n, hit in enumerate(order_signs(assessment.indicators), 1)}


def pieces(assessment: Assessment) -> list[Piece]:
    """Overlapping evidence spans are merged into one highlight carrying one label: the numbers of every
    warning sign in it, in the sign list's order."""
    text = assessment.text
    numbers = sign_numbers(assessment)
    titles = {hit.id: hit.title for hit in assessment.indicators}
    spans = sorted(
        (ev.start, ev.end, hit.id)
        for hit in assessment.indicators
        for ev in hit.evidence
        if 0 <= ev.start < ev.end <= len(text)
    )
    groups: list[list] = []  # [start, end, {indicator ids}]
    for start, end, ind_id in spans:
        if groups and start < groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], end)
            groups[-1][2].add(ind_id)
        else:
            groups.append([start, end, {ind_id}])
    out: list[Piece] = []
    pos = 0
    for number, (start, end, ids) in enumerate(groups, 1):
        if start > pos:
            out.append(Piece(text[pos:start], start=pos, end=start))
        marks = sorted(Mark(numbers[i], i, titles[i]) for i in ids)
        out.append(Piece(text[start:end], marks, number, start, end))
        pos = end
    if pos < len(text):
        out.append(Piece(text[pos:], start=pos, end=len(text)))
    return out


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_MAX_CHARS else text[: QUOTE_MAX_CHARS - 1].rstrip() + "…"


def evidence_links(assessment: Assessment, all_pieces: list[Piece]) -> dict[str, list[tuple[int, str]]]:
    """For each indicator, one (highlight number, quote) per highlight that shows it; the quote is the
    indicator's own words in that highlight, not the whole merged passage."""
    text = assessment.text
    marked = [p for p in all_pieces if p.number is not None]
    out: dict[str, list[tuple[int, str]]] = {}
    for hit in assessment.indicators:
        per_piece: dict[int, tuple[int, int]] = {}
        for ev in hit.evidence:
            if not 0 <= ev.start < ev.end <= len(text):
                continue
            piece = next((p for p in marked if p.start <= ev.start and ev.end <= p.end), None)
            if piece is None or piece.number is None:
                continue
            lo, hi = per_piece.get(piece.number, (ev.start, ev.end))
            per_piece[piece.number] = (min(lo, ev.start), max(hi, ev.end))
        if per_piece:
            out[hit.id] = [(n, _quote(text[lo:hi])) for n, (lo, hi) in sorted(per_piece.items())]
    return out


def evidence_numbers(all_pieces: list[Piece]) -> dict[str, list[int]]:
    """For each indicator, the numbers of the highlights that show it (links back into the text)."""
    out: dict[str, list[int]] = {}
    for piece in all_pieces:
        for mark in piece.marks:
            if piece.number is not None:
                out.setdefault(mark.id, []).append(piece.number)
    return out
