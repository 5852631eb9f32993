"""The driver diagram, left to right: aim → primary drivers → secondary drivers → change ideas; on a phone, top to
bottom.

Plain SVG (``charts/driver_diagram.html``: no script, no CDN). Links are many-to-many: strong links
solid, weak links dotted. Columns are ordered so that linked boxes sit near each other,
and every box keeps the same size, so 5 primary, 15 secondary drivers and 40 change ideas
stay readable (a test checks that no boxes overlap and every line of text fits its box).

A 1040 px picture on a 360 px screen is text too small to read, so ``driver_diagram_html`` gives both: the picture,
and the same diagram top to bottom (the aim, then each primary driver with its secondary drivers and their change
ideas beneath, each link solid or dotted and said in words) in the page's own text size. The style sheet shows the
one that fits the screen, and the picture on paper.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass, field

from ..base.language import N_, Labels, _
from ..model import ChangeIdea, Driver, DriverLink
from ..render import render

COLUMNS = ("aim", "primary", "secondary", "idea")
HEADINGS = Labels({"aim": N_("Aim"), "primary": N_("Primary drivers"), "secondary": N_("Secondary drivers"),
                   "idea": N_("Change ideas")})
X = {"aim": 10, "primary": 250, "secondary": 500, "idea": 770}
WIDTH = {"aim": 200, "primary": 210, "secondary": 230, "idea": 260}
FONT = 12
CHAR_W = 6.6          # average width of a character at 12px in a sans-serif font, generous
LINE_H = 14
ROW_H = 52            # vertical room per box in the busiest column
TOP = 40
FILL = {"aim": "#1f6f8b", "primary": "#3d8fb0", "secondary": "#99c1d1", "idea": "#f4f4f4"}
TEXT = {"aim": "#ffffff", "primary": "#ffffff", "secondary": "#10323f", "idea": "#1a1a1a"}


@dataclass
class Box:
    id: str
    column: str
    lines: list[str]
    x: float
    y: float
    w: float
    h: float
    tag: str = ""                       # e.g. "testing", "adopted", "our idea": said in words
    highlight: bool = False
    links: list[tuple[str, str]] = field(default_factory=list)


def wrap(text: str, width_px: float, max_lines: int) -> list[str]:
    chars = max(8, int((width_px - 12) / CHAR_W))
    lines = textwrap.wrap(" ".join(text.split()), chars) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: chars - 1].rstrip() + "…"
    return lines


def _order(items: list, key_of_targets, target_rank: dict[str, int]) -> list:
    """Sort a column by the mean position of what each item links to (fewer crossings)."""
    def rank(item):
        ranks = [target_rank[t] for t in key_of_targets(item) if t in target_rank]
        return (sum(ranks) / len(ranks) if ranks else 1e9, getattr(item, "position", 0))
    return sorted(items, key=rank)


def layout(aim: str, drivers: list[Driver], ideas: list[ChangeIdea], links: list[DriverLink],
           tags: dict[str, str] | None = None, highlight: set[str] | None = None) -> tuple[list[Box], list, float]:
    """Boxes and links with positions; returns (boxes, links as (source box, target box, strength), height)."""
    tags, highlight = tags or {}, highlight or set()
    primary = sorted((d for d in drivers if d.kind == "primary"), key=lambda d: d.position)
    idea_ids = {i.id for i in ideas}
    targets: dict[str, list[str]] = {}
    for link in links:
        targets.setdefault(link.source_id, []).append(link.target_id)
    p_rank = {d.id: n for n, d in enumerate(primary)}
    secondary = _order([d for d in drivers if d.kind == "secondary"], lambda d: targets.get(d.id, []), p_rank)
    s_rank = {d.id: n for n, d in enumerate(secondary)}
    ideas = _order(list(ideas), lambda i: targets.get(i.id, []), s_rank)
    columns = {"aim": [("aim", aim)], "primary": [(d.id, d.title) for d in primary],
               "secondary": [(d.id, d.title) for d in secondary], "idea": [(i.id, i.title) for i in ideas]}
    busiest = max(len(v) for v in columns.values())
    height = TOP + max(busiest, 1) * ROW_H + 10
    boxes: dict[str, Box] = {}
    for col, items in columns.items():
        slot = (height - TOP - 10) / max(len(items), 1)
        tag_room = 1 if col == "idea" else 0
        max_lines = max(1, int((min(slot, 8 * ROW_H) - 10) / LINE_H) - tag_room)
        for n, (node_id, text) in enumerate(items):
            lines = wrap(text, WIDTH[col], max_lines if col != "aim" else 30)
            h = (len(lines) + (1 if tags.get(node_id) else 0)) * LINE_H + 10
            y = TOP + n * slot + (slot - h) / 2
            boxes[node_id] = Box(node_id, col, lines, X[col], y, WIDTH[col], h, tags.get(node_id, ""),
                                 node_id in highlight)
    drawn = [("aim", d.id, "strong") for d in primary]
    for link in links:
        if link.source_id in boxes and link.target_id in boxes and (
                link.source_id in idea_ids or boxes[link.source_id].column == "secondary"):
            drawn.append((link.target_id, link.source_id, link.strength))
    return list(boxes.values()), [(boxes[a], boxes[b], s) for a, b, s in drawn], height


def driver_diagram_svg(aim: str, drivers: list[Driver], ideas: list[ChangeIdea], links: list[DriverLink],
                       tags: dict[str, str] | None = None, highlight: set[str] | None = None) -> str:
    boxes, drawn, height = layout(aim, drivers, ideas, links, tags, highlight)
    width = X["idea"] + WIDTH["idea"] + 10
    curves = []
    for a, b, strength in drawn:
        x1, y1, x2, y2 = a.x + a.w, a.y + a.h / 2, b.x, b.y + b.h / 2
        mid = (x1 + x2) / 2
        curves.append(dict(d=f"M{x1:.0f},{y1:.0f} C{mid:.0f},{y1:.0f} {mid:.0f},{y2:.0f} {x2:.0f},{y2:.0f}",
                           strength=strength))
    label = _("Driver diagram: %(primary)s primary drivers, %(secondary)s secondary drivers, %(ideas)s change "
              "ideas. The same content follows as a list.", primary=sum(b.column == "primary" for b in boxes),
              secondary=sum(b.column == "secondary" for b in boxes), ideas=sum(b.column == "idea" for b in boxes))
    return render("charts/driver_diagram.html", "svg", headings=[(X[c], HEADINGS[c]) for c in COLUMNS],
                  curves=curves, width=width, height=height, label=label, font=FONT, line_h=LINE_H,
                  boxes=[dict(column=b.column, x=b.x, y=b.y, w=b.w, h=b.h, lines=b.lines, tag=b.tag,
                              highlight=b.highlight, fill=FILL[b.column], text=TEXT[b.column]) for b in boxes])


def tree(drivers: list[Driver], ideas: list[ChangeIdea], links: list[DriverLink], tags: dict[str, str] | None = None,
         highlight: set[str] | None = None) -> list[dict]:
    """Each primary driver with the secondary drivers linked to it, each with the change ideas linked to it (a
    driver or idea linked twice appears under both): the diagram read top to bottom."""
    tags, highlight = tags or {}, highlight or set()
    by_target: dict[str, list[DriverLink]] = {}
    for link in links:
        by_target.setdefault(link.target_id, []).append(link)
    names = {i.id: i.title for i in ideas} | {d.id: d.title for d in drivers}

    def linked(link: DriverLink, below: list[dict] | None = None) -> dict:
        node = link.source_id
        return dict(title=names[node], weak=link.strength == "weak", tag=tags.get(node, ""),
                    highlight=node in highlight, ideas=below or [])

    primaries = sorted((d for d in drivers if d.kind == "primary"), key=lambda d: d.position)
    return [dict(title=p.title, secondaries=[
        linked(ls, [linked(li) for li in by_target.get(ls.source_id, []) if li.source_id in names])
        for ls in by_target.get(p.id, []) if ls.source_id in names]) for p in primaries]


def driver_diagram_html(aim: str, drivers: list[Driver], ideas: list[ChangeIdea], links: list[DriverLink],
                        tags: dict[str, str] | None = None, highlight: set[str] | None = None) -> str:
    """The diagram as a picture for a wide screen and paper, and top to bottom for a phone (the style sheet
    chooses)."""
    return render("charts/driver_diagram.html", "both", wide=driver_diagram_svg(aim, drivers, ideas, links, tags,
                                                                                highlight),
                  aim=aim, primaries=tree(drivers, ideas, links, tags, highlight), headings=HEADINGS)
