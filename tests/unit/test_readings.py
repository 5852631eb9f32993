"""One verdict per chart: every kind of series the engine can read, under every rule set a collaborative
can choose, gets one leading sentence that agrees with the chosen rules and with everything said under it.

The series are made to hit each case (a shift up or down, a trend, a point outside the limits, too few
crossings or too many runs, short series, points on the median, several phases, missing values) and,
beside them, many random ones.
"""
import re

import numpy as np
import pandas as pd
import pytest

from bsc_widgets.model import SIGNAL_RULES
from bsc_widgets.spc import qic
from bsc_widgets.analysis.reading import SIGNALS, VERDICTS, Cycle, read_chart

MONTHS = pd.date_range("2024-01-01", periods=40, freq="MS")
WHEN = r"(, from [A-Z][a-z]+ \d{4}( to [A-Z][a-z]+ \d{4})?| since [A-Z][a-z]+ \d{4})?"
LEADS = {"improvement": r"a signal of improvement" + WHEN + r"\.$",
         "concern": r"a signal of concern" + WHEN + r"\.$",
         "change": r"a signal of change" + WHEN + r"\.$",
         "no_signal": r"no change yet( since [A-Z][a-z]+ \d{4})?: the data vary as before\.$",
         "too_few": r"(\d+ more months? (is|are) needed before the rules can show a change|no change yet( since "
                    r"[A-Z][a-z]+ \d{4})?, but \d+ more months? (is|are) needed for a dependable reading|there is no data "
                    r"yet)\.$"}
RULE_NAMES = {"anhoej": "(Anhøj rules)", "ihi": "(IHI rules)", "mdc": "Making Data Count"}
NEVER = ["because", "caused by", "due to", "thanks to", "after the cycle", "stable", "useful points",
         "too few runs (", "By the IHI rules"]

rng = np.random.default_rng(20261204)
SHAPES = {
    "shift up": [10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 15, 16, 17, 15, 16, 18, 17, 16, 15, 17],
    "shift down": [10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 5, 4, 6, 5, 4, 3, 5, 4, 6, 5],
    "past shift": [5, 4, 6, 5, 4, 3, 5, 4, 10, 11, 9, 12, 10, 11, 9, 10, 12, 11],
    "trend up": [10, 9, 11, 10, 9, 10, 11, 12, 13, 14, 15, 16],
    "trend down": [10, 11, 9, 10, 11, 10, 9, 8, 7, 6, 5, 4],
    "outlier high": [10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 11, 9, 30],
    "outlier low": [10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 11, 9, -10],
    "few crossings": [1, 2, 1, 2, 1, 2, 1, 9, 8, 9, 8, 9, 8, 9, 1, 2, 1, 2, 1, 2, 9, 8, 9, 8],
    "too many runs": [1, 9] * 10,
    "three points": [3, 5, 4],
    "eight points": [3, 5, 4, 6, 2, 7, 1, 8],
    "on the median": [5, 5, 5, 5, 5, 6, 4, 5, 5, 6, 4, 5],
    "flat": [7] * 12,
    "with gaps": [10, np.nan, 11, 9, np.nan, 10, 12, 8, 10, np.nan, 11, 9, 10, 16, 17, 18, 16, 17, 18, 19],
    "one point": [4],
}
SHAPES.update({f"random {k}": list(np.round(rng.normal(20, 4, int(rng.integers(4, 36))), 1)) for k in range(24)})
CASES = [(shape, chart, key, direction, phases)
         for shape in SHAPES for chart in ("run", "i", "c") for key in SIGNAL_RULES
         for direction in ("up", "down", "neutral") for phases in (False, True)
         if not (key == "mdc" and chart == "run") and not (chart == "c" and min(np.nan_to_num(SHAPES[shape])) < 0)
         and not (phases and len(SHAPES[shape]) < 12)]
GROUPS = sorted({(chart, key) for _, chart, key, _, _ in CASES})


def _fired(result: pd.DataFrame, rules: tuple[str, ...]) -> bool:
    """Whether the chosen rules found anything in the current phase, from the engine's own columns."""
    cur = result[result["part"] == result["part"].max()]
    if "mdc" in rules:
        return cur["mdc_variation"].iloc[-1] != "common_cause"
    fired = bool(cur["sigma_signal"].any())
    if "anhoej" in rules:
        fired |= bool(cur["runs_signal"].iloc[0])
    if "ihi" in rules:
        fired |= bool(cur["ihi_signal"].any())
    return fired


@pytest.mark.parametrize("chart,key", GROUPS)
def test_one_verdict_that_agrees_with_the_chosen_rules(chart, key):
    for shape, _, _, direction, phases in [c for c in CASES if c[1:3] == (chart, key)]:
        _one_verdict(shape, chart, key, direction, phases)


def _one_verdict(shape, chart, key, direction, phases):
    case = (shape, chart, key, direction, phases)
    rules = SIGNAL_RULES[key]
    y = SHAPES[shape]
    result = qic(y, x=MONTHS[:len(y)], chart=chart, rules=rules, direction=direction,
                 part=[len(y) // 2] if phases else None)
    reading = read_chart(result, "Routines", direction, False, "monthly", rules=rules)
    assert reading.verdict in VERDICTS
    assert reading.lead.startswith("Routines: ")
    assert re.search(LEADS[reading.verdict], reading.lead), (case, reading.lead)
    assert reading.lead.count(".") == 1 and reading.lead.endswith("."), (case, "one sentence leads")
    if direction == "neutral":
        assert reading.verdict not in ("improvement", "concern"), case
    # the verdict is a signal exactly when the chosen rules found one
    assert (reading.verdict in SIGNALS) == _fired(result, rules), (case, reading.lead, reading.why)
    # nothing under the lead contradicts it, and only the chosen rules speak
    rest = " ".join(reading.notes + reading.why)
    if reading.verdict in SIGNALS:
        assert "no change yet" not in rest, case
    else:
        assert "a signal of" not in rest and "a signal (" not in rest, case
    for rule, words in RULE_NAMES.items():
        if rule not in rules or ("mdc" in rules and rule != "mdc"):
            assert words not in rest, (case, rule, rest)
    text = reading.text
    assert not [w for w in NEVER if w in text], (case, text)


@pytest.mark.parametrize("key", [k for k in SIGNAL_RULES if k != "mdc"])
def test_a_rule_set_reads_the_same_whatever_else_was_computed(key):
    """The reading under IHI alone is the same on a result that also carries Anhøj's columns (and the other
    way round): what decides it is the collaborative's choice, not what happens to be in the frame."""
    rules = SIGNAL_RULES[key]
    for shape, y in SHAPES.items():
        x = MONTHS[:len(y)]
        alone = read_chart(qic(y, x=x, rules=rules), "R", "up", False, "monthly", rules=rules)
        both = read_chart(qic(y, x=x, rules=("anhoej", "ihi")), "R", "up", False, "monthly", rules=rules)
        assert (alone.verdict, alone.lead, alone.why) == (both.verdict, both.lead, both.why), shape


def test_every_verdict_is_reached():
    seen = set()
    for shape, chart, key, direction, phases in CASES[::3]:
        y = SHAPES[shape]
        rules = SIGNAL_RULES[key]
        result = qic(y, x=MONTHS[:len(y)], chart=chart, rules=rules, direction=direction)
        seen.add(read_chart(result, "R", direction, False, "monthly", rules=rules).verdict)
    assert seen == set(VERDICTS)


def test_the_examples_that_used_to_contradict():
    """ "No signal of change" above "By the IHI rules: a shift": now the shift leads, under the rules that found it."""
    y = [10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 11, 12, 13, 12, 13, 14]
    result = qic(y, x=MONTHS[:16], rules=("anhoej", "ihi"))
    assert not result["runs_signal"].iloc[0] and result["ihi_signal"].any()
    both = read_chart(result, "Routines", "up", False, "monthly", rules=("anhoej", "ihi"))
    assert both.verdict == "improvement"
    anhoej = read_chart(result, "Routines", "up", False, "monthly", rules=("anhoej",))
    assert anhoej.verdict == "no_signal" and "IHI" not in anhoej.text


# ---- the same readings in Spanish: the same verdict, in whole Spanish sentences, with no English left ----
MES = r"[a-záéíóú]+ de \d{4}"
WHEN_ES = rf"(, desde {MES}|, de {MES} a {MES}| desde {MES})?"
LEADS_ES = {"improvement": r"una señal de mejora" + WHEN_ES + r"\.$",
            "concern": r"una señal de empeoramiento" + WHEN_ES + r"\.$",
            "change": r"una señal de cambio" + WHEN_ES + r"\.$",
            "no_signal": rf"todavía sin cambio( desde {MES})?: los datos varían como antes\.$",
            "too_few": rf"(se necesita 1 mes más|se necesitan [2-9] meses más) para que las reglas puedan mostrar un "
                       rf"cambio\.$|todavía sin cambio( desde {MES})?, pero (se necesita 1 mes más|se necesitan [2-9] "
                       rf"meses más) para una lectura confiable\.$|todavía no hay datos\.$"}
ENGLISH = re.compile(r"\b(the|of|signal|months?|weeks?|points?|rules|since|from|above|below|yet|change|"
                     r"improvement|concern|shift|trend|runs?|median|center|line|limits?|needed|PDSA cycle was)\b")


@pytest.mark.parametrize("chart,key", GROUPS)
def test_the_same_readings_in_spanish(chart, key):
    from bsc_widgets.base.language import speaking

    for shape, _, _, direction, phases in [c for c in CASES if c[1:3] == (chart, key)][::2]:
        case = (shape, chart, key, direction, phases)
        y = SHAPES[shape]
        rules = SIGNAL_RULES[key]
        result = qic(y, x=MONTHS[:len(y)], chart=chart, rules=rules, direction=direction,
                     part=[len(y) // 2] if phases else None)
        cycles = [Cycle("Canción de bienvenida", MONTHS[len(y) // 2].date(), None, "adopt")]
        english = read_chart(result, "Rutinas", direction, False, "monthly", cycles, goal=12, rules=rules)
        with speaking("es"):
            spanish = read_chart(result, "Rutinas", direction, False, "monthly", cycles, goal=12, rules=rules)
        assert spanish.verdict == english.verdict, case
        assert (len(spanish.why), len(spanish.notes)) == (len(english.why), len(english.notes)), case
        assert spanish.lead.startswith("Rutinas: ") and re.search(LEADS_ES[spanish.verdict], spanish.lead), \
            (case, spanish.lead)
        left = ENGLISH.findall(spanish.text.replace("Making Data Count", ""))
        assert not left, (case, left, spanish.text)


@pytest.mark.parametrize("frequency,one,many", [("monthly", "mes", "meses"), ("weekly", "semana", "semanas"),
                                                ("events", "evento", "eventos"), (None, "punto", "puntos")])
def test_spanish_counts_take_the_plural_the_number_asks_for(frequency, one, many):
    from bsc_widgets.base.language import speaking

    x = pd.date_range("2026-01-05", periods=12, freq="W-MON" if frequency == "weekly" else "MS")
    with speaking("es"):
        for n in range(1, 10):
            result = qic(list(range(n)), x=x[:n])
            lead = read_chart(result, "Rutinas", "up", False, frequency).lead
            useful = int(result["n_useful"].iloc[0])
            more = (6 - useful) if useful < 6 else (10 - useful)
            verb, unit = ("se necesita", one) if more == 1 else ("se necesitan", many)
            assert f"{verb} {more} {unit} más" in lead, (n, lead)


def test_spanish_dates_in_a_reading():
    from bsc_widgets.base.language import speaking

    y = [10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 15, 16, 17, 15, 16, 18, 17, 16, 15, 17]
    with speaking("es"):
        weekly = read_chart(qic(y, x=pd.date_range("2026-01-05", periods=20, freq="W-MON")), "Rutinas", "up",
                            False, "weekly")
        monthly = read_chart(qic(y, x=MONTHS[:20]), "Rutinas", "down", False, "monthly")
    assert weekly.lead == "Rutinas: una señal de mejora, desde la semana del 16 de marzo de 2026.", weekly.lead
    assert monthly.lead == "Rutinas: una señal de empeoramiento, desde noviembre de 2024.", monthly.lead
