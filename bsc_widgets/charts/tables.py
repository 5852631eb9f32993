"""HTML tables shared by the workbooks and the offline reports, so both say the same thing the same way.

Every value is escaped. Tables scroll sideways inside their own box on a phone.
"""
from __future__ import annotations

from ..dosage import RoleDose, expected_by_now
from ..effectiveness import Effectiveness
from ..equity import SUPPRESSED, GroupView
from ..model import ROLE_LABELS, Team, period_label
from ..spread import IdeaSpread
from ..text import esc

DECISION_WORDS = {None: "testing", "adapt": "adapted", "adopt": "adopted", "abandon": "abandoned"}


def matrix_html(rows: list[tuple[str, list[str]]], columns: list[str], label: str) -> str:
    """Rows named in their first cell, one column each (teams × months, ideas × teams…)."""
    head = "".join(f"<th scope='col'>{esc(c)}</th>" for c in columns)
    body = "".join(f"<tr><th scope='row'>{esc(name)}</th>" + "".join(f"<td>{esc(v)}</td>" for v in cells) + "</tr>"
                   for name, cells in rows)
    return (f"<div class='bsc-scroll'><table class='bsc-table' aria-label='{esc(label)}'><thead><tr><th></th>{head}"
            f"</tr></thead><tbody>{body}</tbody></table></div>")


def dosage_html(doses: list[RoleDose], teams: list[Team], years: float) -> str:
    """Per team and role: who takes part, learning-session and affinity-group hours, PDSA cycles."""
    low, high = expected_by_now("learning_session", years)
    rows = [(t.name, [next((f"{d.attending}/{d.members} · {d.learning_hours:.0f} h LS · "
                            f"{d.affinity_hours:.0f} h AG · {d.coaching_hours:.0f} h calls · {d.pdsa_cycles} PDSA"
                            for d in doses if d.team_id == t.id and d.role == r), "no one")
                      for r in ROLE_LABELS]) for t in teams]
    return (f"<p>Expected by now, per member: {low:.0f}–{high:.0f} h of learning sessions (30–35 h a year) and "
            f"{expected_by_now('affinity_group', years)[0]:.0f} h of affinity groups (50 h a year). Each cell: "
            "members taking part / members · learning-session hours per member · affinity-group hours per member "
            "· coaching-call hours per member · PDSA cycles the role took part in.</p>"
            + matrix_html(rows, [ROLE_LABELS[r] for r in ROLE_LABELS], "Dosage and participation by role"))


def spread_html(spreads: list[IdeaSpread], names: dict[str, str]) -> str:
    if not spreads:
        return "<p>No team has tested a change idea yet.</p>"
    rows = "".join(
        f"<tr><th scope='row'>{esc(s.idea.title)}{' <em>(retired)</em>' if not s.idea.is_current() else ''}</th>"
        f"<td>{esc(names.get(s.first_team, s.first_team))}, {s.first_date:%-d %b %Y}</td>"
        f"<td>{len(s.testing)}</td><td>{len(s.teams_with('adopt'))}</td>"
        f"<td>{esc(', '.join(f'{names.get(t, t)} ({DECISION_WORDS[s.decisions[t]]})' for t in s.testing))}</td>"
        f"<td>{'<br>'.join(esc(x.text(names)) for x in s.signals) or '—'}</td></tr>" for s in spreads)
    return ("<div class='bsc-scroll'><table class='bsc-table' aria-label='Spread of change ideas'><thead><tr>"
            "<th scope='col'>Change idea</th><th scope='col'>First tested by</th><th scope='col'>Teams testing</th>"
            "<th scope='col'>Adopted by</th><th scope='col'>Where it stands</th><th scope='col'>Signals near a cycle"
            f"</th></tr></thead><tbody>{rows}</tbody></table></div>")


def group_table_html(view: GroupView, last: int = 12) -> str:
    """The last periods by group; a suppressed cell says "suppressed" and nothing else."""
    table = view.table
    periods = sorted(set(table["period"]))[-last:]
    groups = [s for s in view.strata if s.id in set(table["stratum_id"])]
    sign = "%" if view.percent else ""
    cell = {(r.period, r.stratum_id): SUPPRESSED if r.suppressed else
            f"{r.value:.0f}{sign} ({r.numerator:g} of {r.denominator:g})" for r in table.itertuples()}
    rows = [(period_label(p.date(), view.measure.frequency), [cell.get((p, s.id), "—") for s in groups])
            for p in reversed(periods)]
    return matrix_html(rows, [s.label for s in groups], f"{view.measure.name} by group")


def effectiveness_html(e: Effectiveness) -> str:
    """Team × measure: the end against the baseline, judged by signals."""
    rows = [(t.name, [e.results[(t.id, m.id)].verdict for m in e.measures]) for t in e.teams]
    return matrix_html(rows, [m.name for m in e.measures], "End against baseline, by signals")


def framework_history_html(record, changes: list) -> str:
    """A framework record's retirement and earlier wording: what older data was entered against."""
    if not record.is_current():
        lead = (f"<p class='bsc-warn' role='status'>Retired on {record.retired_on:%-d %B %Y}. Its data is kept and "
                "still shown; nothing dated from then on can be added to it.</p>")
    else:
        lead = ""
    if not changes:
        return lead
    label = type(record).field_label
    items = "".join(f"<li>{c.changed_on:%-d %b %Y}: <strong>{esc(label(c.field))}</strong> changed from "
                    f"“{esc(c.before or '—')}” to “{esc(c.after or '—')}”"
                    f"{(' by ' + esc(c.changed_by)) if c.changed_by else ''}.</li>"
                    for c in sorted(changes, key=lambda c: c.changed_on))
    return (lead + "<details class='bsc-help' open><summary>History: what earlier data was entered against</summary>"
            f"<ul>{items}</ul></details>")
