"""The ad text cut into plain and highlighted pieces, each highlight labelled with its warning signs."""

from __future__ import annotations

from dataclasses import dataclass, field

from validator.assessment import Assessment


@dataclass
class Piece:
    text: str
    marks: list[tuple[str, str]] = field(default_factory=list)  # (indicator id, title) raising it
    number: int | None = None  # 1-based highlight number (anchor "ev-N"); None for plain text


def anchor(indicator_id: str) -> str:
    """An HTML id for an indicator's section."""
    return "ind-" + "".join(ch if ch.isalnum() else "-" for ch in indicator_id)


def pieces(assessment: Assessment) -> list[Piece]:
    """Overlapping evidence spans are merged into one highlight listing every warning sign in it."""
    text = assessment.text
    spans = sorted(
        (ev.start, ev.end, hit.id, hit.title)
        for hit in assessment.indicators
        for ev in hit.evidence
        if 0 <= ev.start < ev.end <= len(text)
    )
    groups: list[list] = []  # [start, end, [(id, title), ...]]
    for start, end, ind_id, title in spans:
        if groups and start < groups[-1][1]:
            group = groups[-1]
            group[1] = max(group[1], end)
            if (ind_id, title) not in group[2]:
                group[2].append((ind_id, title))
        else:
            groups.append([start, end, [(ind_id, title)]])
    out: list[Piece] = []
    pos = 0
    for number, (start, end, marks) in enumerate(groups, 1):
        if start > pos:
            out.append(Piece(text[pos:start]))
        out.append(Piece(text[start:end], marks, number))
        pos = end
    if pos < len(text):
        out.append(Piece(text[pos:]))
    return out


def evidence_numbers(all_pieces: list[Piece]) -> dict[str, list[int]]:
    """For each indicator, the numbers of the highlights that show it (links back into the text)."""
    out: dict[str, list[int]] = {}
    for piece in all_pieces:
        for ind_id, _ in piece.marks:
            if piece.number is not None:
                out.setdefault(ind_id, []).append(piece.number)
    return out
