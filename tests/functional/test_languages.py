"""Who sees which language: a team's reports come in the team's language (or the one asked for), and a signed-in
person's preference comes from the roster."""
import datetime as dt
import re

from bsc_widgets.model import Member, Team
from bsc_widgets.reports.team import team_report_html
from bsc_widgets.services import Actor, save
from tests.functional.test_access import account

TODAY = dt.date(2026, 11, 22)
OCTOBER = dt.date(2026, 10, 1)
TEAM = "sunrise-head-start"
ADVISOR = Actor.collaborative("Advisor")
SPANISH = ("todavía sin cambio", "una señal de")
ENGLISH = ("no change yet", "a signal of")


def _verdicts(html: str) -> str:
    """The charts' verdicts in a report (the sentences translated so far)."""
    found = re.findall(r'<p class="bsc-verdict"[^>]*>(.*?)</p>', html)
    assert found
    return " ".join(found)


def test_a_team_report_comes_in_the_teams_language_unless_another_is_asked_for(sample_store):
    english = _verdicts(team_report_html(sample_store, TEAM, OCTOBER, TODAY))
    assert any(w in english for w in ENGLISH) and not any(w in english for w in SPANISH)
    save(sample_store, ADVISOR, sample_store.get(Team, TEAM).model_copy(update={"language": "es"}))
    spanish = _verdicts(team_report_html(sample_store, TEAM, OCTOBER, TODAY))
    assert any(w in spanish for w in SPANISH) and not any(w in spanish for w in ENGLISH)
    asked = _verdicts(team_report_html(sample_store, TEAM, OCTOBER, TODAY, lang="en"))
    assert any(w in asked for w in ENGLISH) and not any(w in asked for w in SPANISH)


def test_a_signed_in_persons_language_is_the_one_on_their_roster_entry(sample_store):
    member = next(m for m in sample_store.list(Member, team_id=TEAM) if m.email)
    assert account(sample_store, member.email).language is None
    save(sample_store, ADVISOR, member.model_copy(update={"language": "es"}))
    from bsc_widgets.services.access import access_of

    assert access_of(sample_store, member.email).language == "es"


def test_a_spanish_page_reads_the_shared_framework_in_spanish_marks_english_and_never_saves_it(sample_store):
    import pytest

    from bsc_widgets.base.language import speaking
    from bsc_widgets.model import ChangeIdea, Collaborative, Measure
    from bsc_widgets.services import add

    measure = sample_store.get(Measure, "send-homes")
    save(sample_store, ADVISOR, measure.model_copy(update={"operational_definition_es": None}))
    add(sample_store, Actor.for_team("nuestra-casa-fcc"),
        ChangeIdea.build(id="new", title="Canción de despedida", team_id="nuestra-casa-fcc", position=200))
    shown = sample_store.translated()
    with speaking("es"):
        m = shown.get(Measure, "send-homes")
        assert m.name == "Salidas anticipadas y suspensiones por conducta difícil"
        assert m.operational_definition == measure.operational_definition + " (en inglés)"   # no Spanish: marked
        assert shown.collaborative().aim.startswith("Para diciembre de 2026")
        own = [i for i in shown.list(ChangeIdea) if i.team_id == "nuestra-casa-fcc"]
        assert "Canción de despedida" in [i.title for i in own]                             # a team's own: as typed
        with pytest.raises(ValueError):
            save(sample_store, ADVISOR, m)                                                    # shown only, never saved
        assert sample_store.get(Measure, "send-homes").name == measure.name                  # set-up reads as stored
    with speaking("en"):
        assert shown.get(Measure, "send-homes").name == measure.name
        assert shown.collaborative() == sample_store.collaborative()
    assert isinstance(sample_store.collaborative(), Collaborative)


def test_the_command_line_speaks_the_terminals_language_for_that_command_only(tmp_path):
    from click.testing import CliRunner

    from bsc_widgets.cli import main
    from bsc_widgets.base.language import language

    db = tmp_path / "bsc.sqlite"
    spanish = CliRunner().invoke(main, ["init", "--db", str(db)], env={"LANG": "es_US.UTF-8", "LC_ALL": "",
                                                                      "LANGUAGE": "", "LC_MESSAGES": ""})
    assert spanish.exit_code == 0 and spanish.output.startswith("Espacio de trabajo listo:"), spanish.output
    refused = CliRunner().invoke(main, ["reports", "--db", str(tmp_path / "none.sqlite")],
                                 env={"LANG": "es_US.UTF-8", "LC_ALL": "", "LANGUAGE": "", "LC_MESSAGES": ""})
    assert refused.exit_code == 1 and "No hay un espacio de trabajo en" in refused.output
    assert language() == "en"          # the test's own thread is not left speaking Spanish
    english = CliRunner().invoke(main, ["init", "--db", str(db)], env={"LANG": "C.UTF-8", "LC_ALL": "",
                                                                      "LANGUAGE": "", "LC_MESSAGES": ""})
    assert english.output.startswith("Workspace ready:"), english.output
