"""Generate the sample collaborative in ``sample_data/collaborative/`` (deterministic).

    python sample_data/generate.py            # rewrite the committed output
    python sample_data/generate.py --check    # exit 1 if the committed output is stale

"Growing Together" is a social-emotional learning BSC of 8 early care and education
programs over 16 months, built in the spirit of the Pyramid Model with an equity
driver. Its data has what real data has: teams with a clear sustained shift after
a change and teams without one, missing months, points on the median, ties, and a
team that joined late.
"""
from __future__ import annotations

import argparse
import datetime as dt
import filecmp
import math
import random
import sys
import tempfile
from pathlib import Path

from bsc_widgets.model import COLLABORATIVE as COLLABORATIVE_LESSONS
from bsc_widgets.model import (
    DEFAULT_ASSESSMENT_SCALE,
    Account,
    AffinityGroup,
    AssessmentLevel,
    AssessmentScore,
    Attendance,
    ChangeIdea,
    ChartMark,
    CoachAssignment,
    Collaborative,
    Comment,
    Dataset,
    Driver,
    DriverLink,
    Event,
    FrameworkChange,
    Grouping,
    Lesson,
    Measure,
    Member,
    MonthlyReport,
    Observation,
    PdOffering,
    PdsaCycle,
    Phase,
    ReadinessTick,
    Removal,
    Sample,
    Share,
    ShareReview,
    Storyboard,
    SupportContact,
    Stratum,
    StratumObservation,
    Team,
    TeamChangeIdea,
    TeamFile,
    first_aimed,
)
from bsc_widgets.portable import write_folder
from bsc_widgets.portable.uploads import digest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import spanish as es  # noqa: E402  (the sample's Spanish, beside this script)

OUT = Path(__file__).resolve().parent / "collaborative"
PICTURES = Path(__file__).resolve().parent / "pictures"   # files as an upload keeps them (re-encoded, no metadata)
SEED = 20250901
D = dt.date


def months(first: dt.date, last: dt.date):
    day = first.replace(day=1)
    while day <= last:
        yield day
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def weeks(first: dt.date, last: dt.date):
    day = first - dt.timedelta(days=first.weekday())
    while day <= last:
        yield day
        day += dt.timedelta(days=7)


# ---- the collaborative and its calendar -----------------------------------------------------

COLLABORATIVE = dict(
    id="growing-together", name="Growing Together: Social-Emotional Learning Collaborative",
    topic="Social-emotional learning and reducing exclusionary discipline",
    aim=("By December 2026, every participating program will have no send-homes or suspensions for "
         "challenging behavior for 3 consecutive months, and at least 70% of observed routines will "
         "include positive descriptive feedback, for all children and especially those most often excluded."),
    start=D(2025, 9, 1), end=D(2026, 12, 31), data_from=D(2025, 3, 1), report_due_day=5)

CALENDAR = [
    ("pre-work", "pre_work", None, "Pre-work", D(2025, 9, 1), D(2025, 11, 5)),
    ("ls1", "learning_session", 1, "Learning Session 1", D(2025, 11, 6), D(2025, 11, 7)),
    ("ap1", "action_period", 1, "Action Period 1", D(2025, 11, 8), D(2026, 2, 11)),
    ("ls2", "learning_session", 2, "Learning Session 2", D(2026, 2, 12), D(2026, 2, 13)),
    ("ap2", "action_period", 2, "Action Period 2", D(2026, 2, 14), D(2026, 5, 13)),
    ("ls3", "learning_session", 3, "Learning Session 3", D(2026, 5, 14), D(2026, 5, 15)),
    ("ap3", "action_period", 3, "Action Period 3", D(2026, 5, 16), D(2026, 8, 19)),
    ("ls4", "learning_session", 4, "Learning Session 4", D(2026, 8, 20), D(2026, 8, 21)),
    ("ap4", "action_period", 4, "Action Period 4", D(2026, 8, 22), D(2026, 11, 30)),
    ("summative", "summative", None, "Summative session: documenting results", D(2026, 12, 1), D(2026, 12, 31)),
]
DATA_UNTIL = D(2026, 10, 31)   # the last complete month of data in the sample

MEASURES = [
    dict(id="positive-feedback", name="Routines with positive descriptive feedback", type="process",
         kind="proportion", frequency="monthly", direction="up", goal=70, multiplier=100, unit="%",
         operational_definition=("Each month a coach or peer observes a sample of classroom routines (arrival, "
                                 "circle, meals, transitions, outdoor play) for 10 minutes each. A routine counts "
                                 "when the teacher gives at least 4 positive descriptive feedback statements "
                                 "(e.g. “You waited for your turn — that’s being a good friend”)."),
         numerator="Observed routines with 4 or more positive descriptive feedback statements",
         denominator="Routines observed that month"),
    dict(id="send-homes", name="Send-homes and suspensions for challenging behavior", type="outcome",
         kind="count", frequency="monthly", direction="down", goal=0, unit="incidents",
         operational_definition=("Count of times a child was sent home early, asked to stay home, suspended or "
                                 "expelled because of behavior, from the program’s incident log, per month. "
                                 "Includes “soft” exclusions such as a call asking a parent to pick up early.")),
    dict(id="family-notes", name="Families receiving a positive note this week", type="process",
         kind="proportion", frequency="weekly", direction="up", goal=80, multiplier=100, unit="%",
         operational_definition=("Share of enrolled families who received at least one positive, specific note "
                                 "about their child (paper, text or app, in the family’s home language) in the "
                                 "week starting Monday."),
         numerator="Families who received at least one positive note that week",
         denominator="Families enrolled that week", stratified_by="home-language"),
    dict(id="visual-schedules", name="Classrooms using a visual schedule", type="process", kind="proportion",
         frequency="monthly", direction="up", goal=100, multiplier=100, unit="%",
         operational_definition=("Share of classrooms (or family child care homes) where, on a spot check on the "
                                 "first Tuesday of the month, a picture schedule is posted at children’s eye "
                                 "level AND the teacher refers to it at least once during a transition."),
         numerator="Classrooms meeting both parts of the definition", denominator="Classrooms checked"),
    dict(id="staff-stress", name="Average teacher stress rating", type="balancing", kind="value",
         frequency="monthly", direction="down", unit="1–5 scale",
         operational_definition=("Mean answer of teaching staff to “How stressful was your work this month?” "
                                 "(1 = not at all, 5 = extremely), from the anonymous monthly pulse survey. "
                                 "Watched so that new routines do not overload teachers.")),
    dict(id="send-home-days", name="Days between send-homes", type="outcome", kind="events", frequency="monthly",
         direction="down", unit="days",
         operational_definition=("The date of every send-home, suspension or expulsion for behavior (as counted "
                                 "in the monthly measure), from the incident log. The chart shows the days "
                                 "between one and the next: the longer, the better, and our aim is none at all.")),
    dict(id="classroom-interactions", name="Classroom interaction score, each observation", type="process",
         kind="subgroups", frequency="monthly", direction="up", goal=5.5, unit="1–7 scale",
         operational_definition=("Each classroom observation this month, scored 1 to 7 on the emotional-support "
                                 "items of the program's observation tool. Several observations a month; the "
                                 "chart shows their mean and how much they differ.")),
]

PRIMARY = [
    ("relationships", "Nurturing and responsive relationships with children, families and colleagues"),
    ("environments", "High-quality, supportive classroom environments"),
    ("targeted-supports", "Targeted social-emotional supports for children who need them"),
    ("equity", "Equitable, culturally responsive practice that centers families’ voices"),
    ("leadership", "Program-wide leadership, data use and staff well-being"),
]
SECONDARY = [  # id, title, [(primary, strength)]
    ("positive-feedback-practice", "Teachers give frequent positive descriptive feedback",
     [("relationships", "strong"), ("environments", "weak")]),
    ("family-partnerships", "Two-way partnerships with families that honor home culture and language",
     [("relationships", "strong"), ("equity", "strong")]),
    ("predictable-routines", "Predictable schedules, routines and transitions", [("environments", "strong")]),
    ("taught-expectations", "Clear behavior expectations that are taught and acknowledged",
     [("environments", "strong"), ("targeted-supports", "weak")]),
    ("emotional-literacy", "Children learn friendship skills, feeling words and problem solving",
     [("targeted-supports", "strong"), ("relationships", "weak")]),
    ("individual-plans", "Individualized support plans for children with persistent challenging behavior",
     [("targeted-supports", "strong")]),
    ("bias-aware-data", "Reviewing discipline data by race, ethnicity, language and disability",
     [("equity", "strong"), ("leadership", "weak")]),
    ("alternatives-to-exclusion", "Program policy replaces exclusion with support",
     [("equity", "strong"), ("leadership", "strong")]),
    ("reflective-supervision", "Reflective supervision and staff wellness supports",
     [("leadership", "strong"), ("relationships", "weak")]),
    ("leadership-team-data", "A leadership team that uses data monthly to guide decisions",
     [("leadership", "strong")]),
]
DRIVER_MEASURES = {   # the measures that show each driver move (a team's new cycle is first aimed at them)
    "relationships": ["positive-feedback", "family-notes"],
    "environments": ["visual-schedules", "classroom-interactions"],
    "targeted-supports": ["send-homes", "send-home-days"],
    "equity": ["family-notes", "send-homes"],
    "leadership": ["staff-stress"],
    "positive-feedback-practice": ["positive-feedback", "classroom-interactions"],
    "family-partnerships": ["family-notes"],
    "predictable-routines": ["visual-schedules", "send-homes"],
    "emotional-literacy": ["classroom-interactions", "send-homes"],
    "individual-plans": ["send-homes", "send-home-days"],
    "bias-aware-data": ["send-homes"],
    "alternatives-to-exclusion": ["send-homes", "send-home-days"],
    "reflective-supervision": ["staff-stress"],
}
NOT_CHOSEN_YET = {"eastside-community"}
# cycles teams shared with the collaborative: (cycle, shared on, contact or None, taken back on or None)
SHARED = [("sunrise-visual-schedules-3", D(2026, 2, 12), "sunrise-1", None),
          ("eastside-feeling-word-1", D(2026, 2, 13), None, None),
          ("hearth-solution-kit-1", D(2026, 5, 14), "hearth-1", None),
          ("maple-solution-kit-1", D(2026, 2, 12), None, None),
          ("lincoln-incident-review-2", D(2026, 6, 15), None, None),
          ("little-positive-notes-home-2", D(2026, 2, 12), None, D(2026, 3, 2))]
LESSONS = {   # written at the summative session: each team's, and the collaborative's
    "sunrise-head-start": dict(
        learned="Visual schedules worked once teachers pointed to them at every transition, not just posted them.",
        proud_of="Eight months with no send-homes in the Butterflies room.",
        for_next_wave="Start with one room and one routine; let the teacher who tried it first coach the next."),
    "hearth-fcc": dict(
        learned="Solution-kit cards were too abstract for under-threes; a shared schedule kit travelled well between "
                "homes.",
        proud_of="Every provider in the network now posts a picture schedule.",
        for_next_wave="Test with the youngest children first in family child care; mixed ages change everything."),
    "nuestra-casa-fcc": dict(
        learned="Las notas en el idioma de cada familia abrieron conversaciones que no teníamos antes.",
        proud_of="Las familias ahora nos mandan fotos de las canciones en casa.",
        for_next_wave="Pidan a las familias que escriban las notas con ustedes."),
    "collaborative": dict(
        learned="Teams that shared a cycle at a learning session saw another team adopt it within two months.",
        proud_of="Send-homes fell across the network, and families' voices shaped three of the change ideas.",
        for_next_wave="Begin with visual schedules and positive notes home: every team that tested them adopted "
                      "them."),
}
STORYBOARDS = {   # what teams wrote on their storyboards for Learning Session 4
    "sunrise-head-start": ("Pointing to the schedule at every transition matters more than posting it.",
                           "Eight months with no send-homes in the Butterflies room.",
                           "Ideas for keeping families' notes going over the summer."),
    "maple-street-ehs": ("Solution-kit cards are too abstract for toddlers; feeling words work.",
                         "Every teacher now names a feeling at circle.", "A coach visit to try reflective check-ins."),
    "nuestra-casa-fcc": ("Las canciones bilingües calman las transiciones en casas con niños de varias edades.",
                         "Las familias cantan las canciones en casa.", "Tarjetas impresas para todas las casas."),
}
FILES = [  # (id, team, cycle, title, file, small picture, added on, shared on)
    ("sunrise-visual-schedule-photo", "sunrise-head-start", "sunrise-visual-schedules-3",
     "Our visual schedule in the Butterflies room", "visual-schedule.jpg", "visual-schedule.small.jpg",
     D(2026, 11, 2), D(2026, 11, 16)),
    ("hearth-family-letter", "hearth-fcc", "hearth-visual-schedules-1", "Letter to families about the picture schedule",
     "family-letter.pdf", None, D(2026, 4, 8), D(2026, 4, 10)),
]
AGES = {   # the children each team's cycles were tested with: early Head Start's babies, family child care's mix
    "maple-street-ehs": ["infants", "toddlers"], "sunrise-head-start": ["preschool"], "lincoln-prek": ["preschool"],
    "riverbend-prek": ["preschool"], "little-acorns": ["toddlers", "preschool"],
    "eastside-community": ["toddlers", "preschool"], "hearth-fcc": ["infants", "toddlers", "preschool", "school_age"],
    "nuestra-casa-fcc": ["infants", "toddlers", "preschool", "school_age"],
}
SHARED_STORYBOARDS = [("maple-street-ehs", "ls4", D(2026, 11, 10))]
COMMENTS = [  # (on: share or cycle id, by team (None: faculty), account, day, language, text)
    ("share-sunrise-visual-schedules-3", "lincoln-prek", "lincoln-1@example.org", D(2026, 2, 20), "en",
     "We are trying this in two rooms. Did you laminate the cards, and who moves them along during the day?"),
    ("share-sunrise-visual-schedules-3", "sunrise-head-start", "sunrise-1@example.org", D(2026, 2, 23), "en",
     "Laminated, with hook-and-loop tape: the helper of the day moves the card. Children check it on their own now."),
    ("share-hearth-solution-kit-1", "maple-street-ehs", "maple-1@example.org", D(2026, 5, 20), "en",
     "Did the toddlers use the kit, or only the older children?"),
    ("share-sunrise-visual-schedule-photo", "nuestra-casa-fcc", "nuestra-1@example.org", D(2026, 11, 17), "es",
     "¡Qué buena idea! Vamos a probar las tarjetas en casa con los niños más pequeños."),
    ("share-maple-street-ehs-ls4", None, "marcus.bell@example.org", D(2026, 11, 12), "en",
     "Please bring this storyboard to the summative session: the feeling-word story is one every team can use."),
    ("riverbend-huddle-before-send-home-1", None, "renee.okafor@example.org", D(2026, 11, 16), "en",
     "What did the huddle notes show about which children were close to being sent home?"),
    ("riverbend-huddle-before-send-home-1", "riverbend-prek", "riverbend-1@example.org", D(2026, 11, 18), "en",
     "Mostly the same three children, all in the afternoon. We will try the huddle before nap next."),
]
REVIEWS = [  # faculty's word: (cycle, reviewed on, hidden because, featured for)
    ("lincoln-incident-review-2", D(2026, 6, 18), "The study notes name a child and family. Rewrite them without "
                                                 "names, then ask us to show it again.", None),
    ("sunrise-visual-schedules-3", D(2026, 11, 2), None, "summative"),
]   # a team that has not yet said which measures its cycles aim at
IDEAS = [  # id, title, [(secondary, strength)]
    ("five-to-one", "Five positives for every correction", [("positive-feedback-practice", "strong")]),
    ("feedback-cue-cards", "Feedback cue cards on the wall for each routine", [("positive-feedback-practice", "strong")]),
    ("positive-notes-home", "Positive notes home every week", [("family-partnerships", "strong"),
                                                               ("positive-feedback-practice", "weak")]),
    ("home-language-notes", "Notes and signs in each family’s home language", [("family-partnerships", "strong"),
                                                                               ("bias-aware-data", "weak")]),
    ("family-cafe", "Monthly family café co-led by parents", [("family-partnerships", "strong")]),
    ("visual-schedules", "A visual schedule in every room", [("predictable-routines", "strong")]),
    ("transition-songs", "Transition warnings with a song or timer", [("predictable-routines", "strong"),
                                                                      ("taught-expectations", "weak")]),
    ("three-expectations", "Three program-wide expectations, taught with pictures", [("taught-expectations", "strong")]),
    ("feeling-word", "A feeling word of the week at circle time", [("emotional-literacy", "strong")]),
    ("solution-kit", "Solution kit for problem solving between children", [("emotional-literacy", "strong")]),
    ("super-friend", "Super friend of the day", [("emotional-literacy", "weak"), ("positive-feedback-practice", "weak")]),
    ("support-plan-10-days", "A behavior support plan within 10 days of a second incident",
     [("individual-plans", "strong")]),
    ("incident-review", "Monthly review of incident reports by child subgroup", [("bias-aware-data", "strong"),
                                                                                 ("leadership-team-data", "strong")]),
    ("huddle-before-send-home", "No send-home without a team huddle first", [("alternatives-to-exclusion", "strong"),
                                                                              ("individual-plans", "weak")]),
    ("reflective-check-ins", "Reflective supervision every two weeks", [("reflective-supervision", "strong")]),
    ("wellness-minute", "A wellness minute at every staff huddle", [("reflective-supervision", "weak")]),
    ("data-wall", "A run-chart data wall in the staff room", [("leadership-team-data", "strong")]),
]

# ---- teams ------------------------------------------------------------------------------------

TEAMS = [  # id, name, program type, joined, pattern, classrooms, families
    ("sunrise-head-start", "Sunrise Head Start", "head_start", D(2025, 9, 1), "shift", 6, 68),
    ("maple-street-ehs", "Maple Street Early Head Start", "head_start", D(2025, 9, 1), "flat", 4, 32),
    ("little-acorns", "Little Acorns Child Care Center", "community_child_care", D(2025, 9, 1), "shift_late", 5, 54),
    ("eastside-community", "Eastside Community Child Care", "community_child_care", D(2025, 9, 1), "gaps", 4, 41),
    ("lincoln-prek", "Lincoln Elementary Pre-K", "school_pre_k", D(2025, 9, 1), "shift_mid", 3, 46),
    ("riverbend-prek", "Riverbend School District Pre-K", "school_pre_k", D(2026, 2, 12), "late_joiner", 4, 50),
    ("hearth-fcc", "Hearth Family Child Care Network", "family_child_care_network", D(2025, 9, 1), "small_n", 5, 22),
    ("nuestra-casa-fcc", "Nuestra Casa Family Child Care Network", "family_child_care_network", D(2025, 9, 1),
     "trend", 6, 30),
]

TEAM_LANGUAGES = {"nuestra-casa-fcc": "es"}     # a team that works in Spanish: its pages and reports are in Spanish
SPANISH_SPEAKERS = {"Roberto Díaz", "Luis Ortega"}   # members of English-speaking teams who prefer Spanish

MEMBERS = {
    "sunrise-head-start": [("Denise Carter", "administrator", "Center director"),
                           ("Marisol Vega", "teacher", "Lead teacher, Butterflies room"),
                           ("Kevin O'Neill", "teacher", "Lead teacher, Owls room"),
                           ("Aisha Bello", "staff", "Family service worker"),
                           ("Tamika Reed", "family", "Parent of a 4-year-old"),
                           ("Luis Ortega", "family", "Grandparent and Policy Council member")],
    "maple-street-ehs": [("Patricia Nguyen", "administrator", "Site manager"),
                         ("Grace Kim", "teacher", "Infant-toddler teacher"),
                         ("Shanice Brooks", "staff", "Home visitor"),
                         ("Roberto Díaz", "family", "Father of twins in the toddler room"),
                         ("Emily Foster", "teacher", "Toddler teacher")],
    "little-acorns": [("Janet Morales", "administrator", "Owner and director"),
                      ("Brianna Scott", "teacher", "Preschool lead teacher"),
                      ("Hye-jin Park", "teacher", "Assistant teacher"),
                      ("Omar Haddad", "staff", "Cook and bus driver"),
                      ("Keisha Williams", "family", "Parent"),
                      ("Sofía Ramírez", "family", "Parent, Family Council chair"),
                      ("Megan Liu", "staff", "Inclusion coach")],
    "eastside-community": [("Carl Jefferson", "administrator", "Executive director"),
                           ("Dawn Whitehorse", "teacher", "Pre-K teacher"),
                           ("Fatima Yusuf", "teacher", "Toddler teacher"),
                           ("Irene Kowalski", "staff", "Assistant director"),
                           ("Andre Thomas", "family", "Parent")],
    "lincoln-prek": [("Dr. Helen Tran", "administrator", "Principal"),
                     ("Samantha Greene", "teacher", "Pre-K teacher"),
                     ("Miguel Santos", "teacher", "Pre-K teacher (dual language)"),
                     ("Linda Perez", "staff", "Paraprofessional"),
                     ("Jasmine Howard", "family", "PTA parent representative"),
                     ("Ahmed Ali", "family", "Parent")],
    "riverbend-prek": [("Mark Sullivan", "administrator", "Early learning coordinator"),
                       ("Rachel Adams", "teacher", "Pre-K teacher"),
                       ("Nia Johnson", "staff", "School social worker"),
                       ("Veronica Chávez", "family", "Parent"),
                       ("Tom Becker", "teacher", "Pre-K teacher")],
    "hearth-fcc": [("Gloria Mensah", "administrator", "Network coordinator"),
                   ("Barbara Lee", "teacher", "Family child care provider"),
                   ("Yolanda Rivers", "teacher", "Family child care provider"),
                   ("Dev Patel", "staff", "Network coach"),
                   ("Chloe Martin", "family", "Parent")],
    "nuestra-casa-fcc": [("Ana Lucía Herrera", "administrator", "Directora de la red"),
                         ("Carmen Flores", "teacher", "Proveedora de cuidado infantil"),
                         ("María José Torres", "teacher", "Proveedora de cuidado infantil"),
                         ("Rosa Jiménez", "staff", "Coach bilingüe"),
                         ("Guadalupe Núñez", "family", "Madre"),
                         ("Jorge Castillo", "family", "Padre")],
}
AFFINITY = {"administrator": ("directors-circle", "Directors’ circle"),
            "teacher": ("teachers-circle", "Teachers and providers’ circle"),
            "staff": ("staff-circle", "Support staff circle"),
            "family": ("family-voices", "Family voices")}

# Ramps: change idea -> cycles (title, scale, objective, prediction, result, decision)
RAMPS = {
    "visual-schedules": [
        ("Picture schedule for arrival and circle, one room", "1 classroom, 1 week",
         "Learn whether a picture schedule reduces waiting and wandering at circle time.",
         "Children will need fewer reminders at circle; we predict at most 3 reminders a day.",
         "Reminders fell from about 9 to 4 a day; children pointed at the next picture on their own.", "adapt"),
        ("Add transition warnings with a song, same room", "1 classroom, 2 weeks",
         "Test whether a 2-minute song warning before each transition makes transitions calmer.",
         "Transitions will take under 5 minutes and no child will need to be carried.",
         "Transitions averaged 4 minutes; one hard day when the song was skipped.", "adapt"),
        ("Visual schedules in every room", "all classrooms, 1 month",
         "Spread the schedule and song to every classroom.",
         "Every room will meet the visual-schedule definition on the spot check.",
         "All rooms met the definition on the spot check; teachers asked for laminated cards.", "adopt"),
    ],
    "positive-notes-home": [
        ("Two positive notes home a week, two teachers", "2 teachers, 2 weeks",
         "See whether teachers can fit two specific positive notes a week into their routine.",
         "Teachers will manage 2 notes a week and 3 families will reply.",
         "One teacher managed it; the other ran out of time at pick-up. Five families replied!", "adapt"),
        ("Notes in home language through the family app", "all teachers, 1 month",
         "Use the family app's translation and a sentence starter card.",
         "At least 60% of families will get a note each week.",
         "Reached 71% of families in week 4; Spanish- and Arabic-speaking families replied most.", "adopt"),
    ],
    "feeling-word": [
        ("Feeling word of the week at circle", "1 classroom, 2 weeks",
         "Teach one feeling word a week with a picture card and a puppet.",
         "Children will use the word on their own at least twice a week.",
         "Children used “frustrated” 6 times in week two, often during block play.", "adopt"),
    ],
    "solution-kit": [
        ("Solution kit at the block area", "1 classroom, 2 weeks",
         "Try the solution kit cards when children argue over materials.",
         "Teachers will step in to fewer conflicts.",
         "Cards were lost or chewed by the toddlers; too abstract for under-threes.", "abandon"),
    ],
    "reflective-check-ins": [
        ("Director check-in with each lead teacher every two weeks", "2 teachers, 1 month",
         "Give lead teachers protected time to reflect on hard moments.",
         "Teachers will rate their stress lower by half a point.",
         "Teachers valued it but meetings were cancelled twice for coverage.", "adapt"),
        ("Group reflective supervision at the staff meeting", "all staff, 2 months",
         "Move reflection into the existing staff meeting so coverage is not needed.",
         "Attendance above 80% and stress ratings lower.",
         "Attendance 90%; stress rating dropped from 3.6 to 3.1.", "adopt"),
    ],
    "incident-review": [
        ("Leadership team reviews incidents by subgroup", "leadership team, 2 months",
         "Look at who is being sent home, by race, home language and disability.",
         "We expect to find no difference between groups.",
         "Black boys were 3 of 4 send-homes in October — a difference we had not seen.", "adapt"),
        ("Add family members to the monthly review", "leadership team + 2 parents, 2 months",
         "Bring family voices into the review and the plan that follows.",
         "Parents will suggest at least one change we had not thought of.",
         "Parents suggested a welcome ritual at drop-off; we will test it next.", "adopt"),
    ],
    "huddle-before-send-home": [
        ("Huddle before any send-home", "whole program, 1 month",
         "Require a 5-minute huddle with the director before a child is sent home.",
         "Send-homes will fall by half.",
         "Two send-homes in the month (was 5); huddles found other supports both times.", "adopt"),
    ],
    "home-language-notes": [
        ("Bilingual signs and song cards for transitions", "2 homes, 1 month",
         "Use Spanish and English picture cards so every child follows transitions.",
         "Children who speak Spanish at home will join transitions without extra help.",
         "Worked well; one provider asked for cards with fewer words.", "adapt"),
    ],
}
TEAM_RAMPS = {
    "sunrise-head-start": [("visual-schedules", D(2025, 11, 17)), ("positive-notes-home", D(2026, 1, 12)),
                           ("incident-review", D(2026, 3, 2))],
    "maple-street-ehs": [("solution-kit", D(2025, 12, 1)), ("feeling-word", D(2026, 4, 6)),
                         ("reflective-check-ins", D(2026, 6, 1))],
    "little-acorns": [("positive-notes-home", D(2025, 12, 1)), ("visual-schedules", D(2026, 3, 2)),
                      ("huddle-before-send-home", D(2026, 6, 8))],
    "eastside-community": [("feeling-word", D(2026, 1, 12)), ("reflective-check-ins", D(2026, 4, 13))],
    "lincoln-prek": [("visual-schedules", D(2026, 3, 9)), ("incident-review", D(2026, 5, 18)),
                     ("feeling-word", D(2026, 9, 14))],
    "riverbend-prek": [("positive-notes-home", D(2026, 3, 16)), ("huddle-before-send-home", D(2026, 6, 1))],
    "hearth-fcc": [("visual-schedules", D(2025, 12, 8)), ("solution-kit", D(2026, 4, 6))],
    "nuestra-casa-fcc": [("home-language-notes", D(2025, 11, 17)), ("positive-notes-home", D(2026, 2, 16)),
                         ("reflective-check-ins", D(2026, 6, 15))],
}
# The cycles teams began this autumn, still running: every team but Riverbend, which has begun none since June (the
# stalled team the coach dashboard flags). (idea, start, title, scale, objective, prediction)
AUTUMN_CYCLES = {
    "sunrise-head-start": ("incident-review", D(2026, 10, 12), "Incident review in every classroom",
                           "All 6 classrooms, 4 weeks", "Every classroom reviews each incident within two days.",
                           "Reviews will find the same two transitions behind most incidents."),
    "maple-street-ehs": ("reflective-check-ins", D(2026, 10, 19), "Check-ins for the new toddler teachers",
                         "2 new teachers, 3 weeks", "New teachers get a weekly reflective check-in from day one.",
                         "They will rate their stress lower by the third week."),
    "little-acorns": ("huddle-before-send-home", D(2026, 10, 5), "Huddle before any send-home, all rooms",
                      "All rooms, 4 weeks", "No child is sent home without a two-minute huddle first.",
                      "Half the huddles will find another way through the day."),
    "eastside-community": ("reflective-check-ins", D(2026, 10, 12), "Check-ins at the evening shift",
                           "Evening staff, 3 weeks", "The evening shift has the same check-ins as the day shift.",
                           "Evening staff will join if the check-in fits before pick-up."),
    "lincoln-prek": ("feeling-word", D(2026, 10, 19), "Feeling word of the week with families",
                     "2 classrooms, 4 weeks", "Families hear the week's feeling word in the Monday note.",
                     "Some families will use the word at home and tell us."),
    "hearth-fcc": ("solution-kit", D(2026, 10, 12), "Solution kit passed between homes", "3 homes, 4 weeks",
                   "One solution kit travels between three homes, a week in each.",
                   "Each home will use it at least once a day."),
    "nuestra-casa-fcc": ("reflective-check-ins", D(2026, 10, 19), "Charlas reflexivas en los dos hogares nuevos",
                         "2 hogares, 4 semanas", "Las dos proveedoras nuevas tienen una charla reflexiva cada semana.",
                         "Dirán que se sienten menos solas al final del mes."),
}
LOCAL_IDEAS = [
    ("nc-bilingual-song-cards", "Bilingual song cards for transitions", "nuestra-casa-fcc",
     [("predictable-routines", "strong"), ("family-partnerships", "weak")]),
    ("hearth-schedule-kit", "A shared visual-schedule kit passed between homes", "hearth-fcc",
     [("predictable-routines", "strong")]),
]

# ---- measure data patterns -----------------------------------------------------------------

def level(pattern: str, month: dt.date, base: float, lift: float) -> float:
    """The underlying level of a team's process measure at a month, by pattern."""
    t = (month.year - 2025) * 12 + month.month
    if pattern == "shift":        # Sunrise: clear sustained shift from January 2026
        return base + (lift if month >= D(2026, 1, 1) else 0)
    if pattern == "shift_late":   # Little Acorns: shift from April 2026
        return base + (lift if month >= D(2026, 4, 1) else 0)
    if pattern == "shift_mid":    # Lincoln: shift from June 2026
        return base + (lift if month >= D(2026, 6, 1) else 0)
    if pattern == "trend":        # Nuestra Casa: a gradual climb
        return base + max(0, t - 22) * lift / 10
    return base                   # flat, gaps, small_n, late_joiner: no real change


def binomial(rng: random.Random, n: int, p: float) -> int:
    return sum(rng.random() < p for _ in range(n))


def poisson(rng: random.Random, lam: float) -> int:
    k, p, limit = 0, 1.0, math.exp(-lam)
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


GAP_MONTHS = {D(2025, 12, 1), D(2026, 1, 1), D(2026, 7, 1)}   # Eastside's missing months


def team_data_start(pattern: str) -> dt.date:
    return D(2025, 12, 1) if pattern == "late_joiner" else COLLABORATIVE["data_from"]


def observations(rng: random.Random, team, records: list) -> None:
    tid, _, _, _, pattern, rooms, families = team
    base = {"flat": 0.42, "small_n": 0.5}.get(pattern, 0.33)
    lift = 0.27 if pattern != "trend" else 0.3
    start = team_data_start(pattern)
    for month in months(start, DATA_UNTIL):
        if pattern == "gaps" and month in GAP_MONTHS:
            continue
        p = min(0.95, level(pattern, month, base, lift))
        n = rng.randint(4, 8) if pattern == "small_n" else rng.randint(12, 30)
        num = binomial(rng, n, p)
        if pattern == "small_n" and month.month in (4, 8, 11):  # several exact 50% months: ties on the median
            n, num = 6, 3
        records.append(Observation(team_id=tid, measure_id="positive-feedback", period=month,
                                   numerator=num, denominator=n))
        # send-homes: counts that fall where the huddle / review ramps were adopted
        lam = 2.6 if pattern != "small_n" else 0.8
        if pattern in ("shift", "shift_late") and month >= D(2026, 4, 1):
            lam = 0.6
        records.append(Observation(team_id=tid, measure_id="send-homes", period=month,
                                   value=poisson(rng, lam),
                                   note="Includes 2 early pick-up calls" if (tid, month) == (
                                       "little-acorns", D(2025, 10, 1)) else None))
        # classrooms using a visual schedule: tiny denominators, many ties
        adopted = pattern in ("shift", "shift_late", "shift_mid", "small_n") and month >= D(2026, 2, 1)
        vis_p = 0.9 if adopted else 0.35
        records.append(Observation(team_id=tid, measure_id="visual-schedules", period=month,
                                   numerator=binomial(rng, rooms, vis_p), denominator=rooms))
        # teacher stress, one decimal: ties are common
        stress = 3.4 + rng.uniform(-0.4, 0.4) - (0.4 if pattern == "shift" and month >= D(2026, 6, 1) else 0)
        records.append(Observation(team_id=tid, measure_id="staff-stress", period=month, value=round(stress, 1)))
    # family notes, weekly, from the start of pre-work (or from joining)
    first = max(COLLABORATIVE["start"], start)
    notes_from = dict(TEAM_RAMPS[tid]).get("positive-notes-home")
    for week in weeks(first, D(2026, 11, 9)):
        if pattern == "gaps" and week.replace(day=1) in GAP_MONTHS:
            continue
        if week.month == 12 and week.day >= 22 or (week.month == 1 and week.day <= 2):
            continue  # winter break: no data those weeks
        p = 0.25 + (0.5 if notes_from and week >= notes_from + dt.timedelta(days=35) else 0)
        fam = families + rng.randint(-2, 2)
        records.append(Observation(team_id=tid, measure_id="family-notes", period=week,
                                   numerator=binomial(rng, fam, p), denominator=fam))


# ---- people, cycles, reports --------------------------------------------------------------

HIGHLIGHTS = [
    "Teachers noticed calmer transitions after lunch.",
    "Two families joined our team meeting for the first time.",
    "Our data wall is up in the staff room; teachers check it at huddles.",
    "A parent suggested a welcome song at drop-off & we tried it the next day.",
    "Children are using feeling words during block play — “I’m frustrated!”",
    "- fewer calls home this month, and the director tracked every one",
    "We finished our first full PDSA ramp and adopted the change.",
]
BARRIERS = [
    "Staff turnover: we lost an assistant teacher and coverage is thin.",
    "Flu season meant many absences; fewer routines were observed.",
    "Hard to find a meeting time that works for working parents.",
    "The observation form is long; <5 minutes would help.",
    "Substitutes don't know our routines yet.",
]
SUPPORT = [
    "Could the coach visit to model positive descriptive feedback?",
    "Translation of the family note templates into Arabic, please.",
    "Help reading our run chart: is this a shift or just noise?",
    None,
]
MISSING_REPORTS = {("eastside-community", D(2026, 1, 1)), ("eastside-community", D(2026, 7, 1)),
                   ("maple-street-ehs", D(2026, 4, 1)), ("hearth-fcc", D(2026, 9, 1))}
SCORE_PATHS = {"shift": 4.0, "shift_late": 3.5, "shift_mid": 3.5, "trend": 3.5, "flat": 2.5, "gaps": 2.5,
               "small_n": 3.0, "late_joiner": 3.0}


def half_steps(x: float, top: float = 5.0) -> float:
    return max(1.0, min(top, round(x * 2) / 2))


def build() -> Dataset:
    rng = random.Random(SEED)
    ds = Dataset()
    records: list = [Collaborative(**COLLABORATIVE, aim_es=es.AIM)]
    records += [Phase(id=i, kind=k, number=n, name=name, name_es=es.PHASES[i], start=s, end=e)
                for i, k, n, name, s, e in CALENDAR]
    records += [AssessmentLevel(score=s, label=lab, definition=d, label_es=lab_es, definition_es=d_es)
                for s, lab, d, lab_es, d_es in DEFAULT_ASSESSMENT_SCALE]
    records += [AffinityGroup(id=gid, name=name, role=role) for role, (gid, name) in AFFINITY.items()]
    records += [Measure(position=i, **m, **es.MEASURES[m["id"]]) for i, m in enumerate(MEASURES)]
    records += [Driver(id=i, kind="primary", title=t, title_es=es.DRIVERS[i], position=n,
                       measure_ids=DRIVER_MEASURES.get(i, [])) for n, (i, t) in enumerate(PRIMARY)]
    records += [Driver(id=i, kind="secondary", title=t, title_es=es.DRIVERS[i], position=n,
                       measure_ids=DRIVER_MEASURES.get(i, [])) for n, (i, t, _) in enumerate(SECONDARY)]
    records += [DriverLink(source_id=i, target_id=p, strength=s) for i, _, links in SECONDARY for p, s in links]
    records += [ChangeIdea(id=i, title=t, title_es=es.IDEAS[i], position=n) for n, (i, t, _) in enumerate(IDEAS)]
    records += [DriverLink(source_id=i, target_id=s, strength=st) for i, _, links in IDEAS for s, st in links]
    for n, (i, t, team_id, links) in enumerate(LOCAL_IDEAS):
        records.append(ChangeIdea(id=i, title=es.LOCAL_IDEAS.get(i, t), team_id=team_id, position=100 + n))
        records += [DriverLink(source_id=i, target_id=s, strength=st) for s, st in links]

    for team in TEAMS:
        tid, name, ptype, joined, pattern, _, _ = team
        records.append(Team(id=tid, name=name, program_type=ptype, joined=joined,
                            language=TEAM_LANGUAGES.get(tid, "en"),
                            aim=es.TEAM_AIM if tid in TEAM_LANGUAGES else _team_aim(name), meeting_rhythm=rng.choice(
                                ["Every other Tuesday, 3:30–4:15 pm", "Weekly huddle, Thursdays at nap time",
                                 "First and third Monday evenings (childcare provided)"])))
        members = []
        for k, (person, role, title) in enumerate(MEMBERS[tid]):
            mid = f"{tid.split('-')[0]}-{k + 1}"
            members.append(Member(id=mid, team_id=tid, name=person, role=role, title=title,
                                  affinity_group_id=AFFINITY[role][0],
                                  email=None if role == "family" else f"{mid}@example.org",
                                  language="es" if tid in TEAM_LANGUAGES or person in SPANISH_SPEAKERS else None))
        records += members
        if tid not in LEADS_NOT_NAMED:   # the charter names the pre-work's two leads, from the roster
            at = next(i for i, r in enumerate(records) if isinstance(r, Team) and r.id == tid)
            records[at] = records[at].model_copy(update={
                "senior_leader_id": next(m.id for m in members if m.role == "administrator"),
                "day_to_day_lead_id": next((m.id for m in members if m.role == "teacher"), members[-1].id)})
        cycles = _cycles(rng, tid, members)
        if tid not in NOT_CHOSEN_YET:
            cycles = [c.model_copy(update={"measure_ids": first_aimed(
                c.change_idea_id, ds_of(records, DriverLink), ds_of(records, Driver), ds_of(records, Measure)) or None})
                for c in cycles]
        records += [TeamChangeIdea(team_id=tid, change_idea_id=i) for i in dict.fromkeys(c.change_idea_id for c in cycles)]
        records += cycles
        observations(rng, team, records)
        records += _reports(rng, team, members)
        records += _attendance(rng, team, members)
    records += _shares(records)
    records += _files_and_comments(records, ds)
    records += [Storyboard(team_id=t, phase_id="ls4", learned=a, proud_of=b, need=c)
                for t, (a, b, c) in STORYBOARDS.items()]
    records += [Lesson(id=i, team_id=None if i == COLLABORATIVE_LESSONS else i, **text) for i, text in LESSONS.items()]
    records += _equity_and_history(records)
    records += _events_and_subgroups(records)
    records += [PdOffering(id=i, name=n, funding_stream=f, reach=r, hours=h, audience=a, purpose=p)
                for i, n, f, r, h, a, p in PD_OFFERINGS]
    records += [Account(username=e, name=n, access=a, email=e) for n, e, a in ACCOUNTS]
    records += [CoachAssignment(team_id=t, coach=coach) for coach, teams in CASELOADS.items() for t in teams]
    records += [ReadinessTick(team_id=t, item="spreading", ticked_on=on, ticked_by=by) for t, on, by in SPREADING]
    records += _support()
    records = _turnover_and_corrections(records)
    ds.extend(records)
    return ds.check()


def _turnover_and_corrections(records: list) -> list:
    """What a first year brings: a teacher who left at the end of October and the one who joined after her, and a typo removed
    (Lincoln typed 42 for a stress score of 4.2, took it out, and entered 4.2): history to read, not to undo."""
    out = [r.model_copy(update={"left_on": D(2026, 11, 1)}) if isinstance(r, Member) and r.id == "eastside-3" else r
           for r in records]
    out.append(Member(id="eastside-6", team_id="eastside-community", name="Priya Raman", role="teacher",
                      title="Toddler teacher", affinity_group_id=AFFINITY["teacher"][0], email="eastside-6@example.org",
                      joined_on=D(2026, 11, 2)))
    typo = Observation(team_id="lincoln-prek", measure_id="staff-stress", period=D(2026, 9, 1), value=42.0,
                       note="Typed 42 for 4.2")
    removal = Removal.of([typo], "lincoln-prek", dt.datetime(2026, 10, 2, 15, 40), "Samantha Greene")
    out.append(removal.model_copy(update={"id": "lincoln-prek-removal"}))
    return out


# The accounts that are not on a team's roster (team members get theirs from an invitation).
ACCOUNTS = [
    ("Dr. Renee Okafor", "renee.okafor@example.org", "advisor"),
    ("Marcus Bell", "marcus.bell@example.org", "faculty"),
    ("Ana Lucía Torres", "ana.torres@example.org", "faculty"),
    ("Jordan Whitfield", "jordan.whitfield@example.org", "leader"),
]


# the coach's tick where no record can show it: these began spreading their changes through the organization
SPREADING = [("sunrise-head-start", D(2026, 4, 20), "Marcus Bell"), ("little-acorns", D(2026, 5, 4), "Marcus Bell"),
             ("nuestra-casa-fcc", D(2026, 5, 11), "Ana Lucía Torres")]
LEADS_NOT_NAMED = {"riverbend-prek", "eastside-community"}     # their charters name no leads yet: not ready

# Two coaches share the teams; Riverbend, the stalled team, has no coach yet (the advisor's dashboard says so).
CASELOADS = {
    "marcus.bell@example.org": ["sunrise-head-start", "maple-street-ehs", "little-acorns", "eastside-community"],
    "ana.torres@example.org": ["lincoln-prek", "hearth-fcc", "nuestra-casa-fcc"],
}


# ---- equity views, the framework's history, the state's PD system -------------------------------

GROUPS = [("english", "English"), ("spanish", "Spanish"), ("other-languages", "Other languages")]
LANGUAGE_MIX = {  # share of families by home language: English, Spanish, other
    "sunrise-head-start": (0.50, 0.32, 0.18), "maple-street-ehs": (0.50, 0.25, 0.25),
    "little-acorns": (0.55, 0.25, 0.20), "eastside-community": (0.45, 0.30, 0.25),
    "lincoln-prek": (0.40, 0.35, 0.25), "riverbend-prek": (0.45, 0.30, 0.25),
    "hearth-fcc": (0.80, 0.15, 0.05), "nuestra-casa-fcc": (0.20, 0.65, 0.15),
}
CHANGED_AT_LS2 = D(2026, 2, 12)
OLD_FEEDBACK_DEFINITION = ("Each month a coach or peer observes a sample of classroom routines for 10 minutes each. "
                           "A routine counts when the teacher gives at least 3 positive statements.")
PD_OFFERINGS = [  # id, name, funding stream, reach a year, hours each, audience 0-100, purpose 0-100
    ("cda-coursework", "CDA coursework at community colleges", "CCDF quality set-aside", 820, 120, 5, 10),
    ("health-safety-online", "Online health and safety modules", "CCDF quality set-aside", 5200, 10, 0, 5),
    ("pyramid-workshops", "Pyramid Model workshops", "Preschool Development Grant", 1300, 18, 10, 25),
    ("standards-inservice", "In-service days on the early learning standards", "State pre-K", 610, 12, 80, 20),
    ("qris-coaching", "QRIS coaching for directors and lead teachers", "QRIS", 450, 24, 25, 75),
    ("infant-toddler-specialists", "Infant-toddler specialist coaching", "CCDF infant-toddler set-aside", 310, 40,
     15, 85),
    ("mental-health-consultation", "Early childhood mental health consultation", "State general funds", 220, 30,
     50, 80),
    ("fcc-plc", "Family child care peer learning community", "CCDF quality set-aside", 90, 20, 20, 60),
    ("growing-together-bsc", "Growing Together BSC (pilot)", "Preschool Development Grant", 52, 85, 95, 95),
]


def _equity_and_history(records: list) -> list:
    """Home-language groups for the family-notes measure, a retired measure, reworded records.

    Uses its own random stream, so the rest of the sample does not move when this changes.
    """
    rng = random.Random(SEED + 1)
    out: list = [Grouping(id="home-language", name="Family’s home language")]
    out += [Stratum(id=i, grouping_id="home-language", label=label, position=n) for n, (i, label) in enumerate(GROUPS)]
    ideas = {(c.team_id, c.change_idea_id) for c in records if isinstance(c, PdsaCycle)}
    for o in [r for r in records if isinstance(r, Observation) and r.measure_id == "family-notes"]:
        mix = LANGUAGE_MIX[o.team_id]
        sizes = [round(o.denominator * share) for share in mix[1:]]
        sizes = [int(o.denominator) - sum(sizes)] + sizes
        closing = o.period >= D(2026, 3, 1) and ((o.team_id, "home-language-notes") in ideas
                                                 or (o.team_id, "nc-bilingual-song-cards") in ideas
                                                 or (o.team_id, "positive-notes-home") in ideas)
        weight = [1.0, 0.95 if closing else 0.55, 0.9 if closing else 0.45]
        families = [g for g, size in enumerate(sizes) for _ in range(size)]
        chosen = [0] * 3
        for _ in range(int(o.numerator)):  # weighted draw without replacement of who got a note
            total = sum(weight[g] for g in families)
            pick, acc = rng.random() * total, 0.0
            for k, g in enumerate(families):
                acc += weight[g]
                if acc >= pick:
                    chosen[g] += 1
                    families.pop(k)
                    break
        out += [StratumObservation(team_id=o.team_id, measure_id=o.measure_id, period=o.period, stratum_id=GROUPS[g][0],
                                   numerator=chosen[g], denominator=sizes[g]) for g in range(3) if sizes[g] > 0]
    # a measure the faculty dropped at Learning Session 2: its data stays, marked retired
    out.append(Measure(id="circle-minutes", name="Minutes of large-group circle time", type="balancing", kind="value",
                       frequency="monthly", direction="neutral", unit="minutes", position=9, retired_on=CHANGED_AT_LS2,
                       operational_definition="Average length of large-group circle time on three observed days.",
                       **es.RETIRED_MEASURE))
    for team in TEAMS:
        for month in months(team_data_start(team[4]), D(2026, 1, 1)):
            out.append(Observation(team_id=team[0], measure_id="circle-minutes", period=month,
                                   value=round(rng.uniform(14, 26))))
    out += [
        FrameworkChange(id="positive-feedback-definition-1", record_table="measures", record_id="positive-feedback",
                        field="operational_definition", before=OLD_FEEDBACK_DEFINITION,
                        after=MEASURES[0]["operational_definition"], changed_on=CHANGED_AT_LS2,
                        changed_by="Dr. Renee Okafor, improvement advisor"),
        FrameworkChange(id="feeling-word-title-1", record_table="change_ideas", record_id="feeling-word",
                        field="title", before="A feelings chart at circle time",
                        after="A feeling word of the week at circle time",
                        changed_on=CHANGED_AT_LS2, changed_by="Dr. Renee Okafor, improvement advisor"),
        FrameworkChange(id="circle-minutes-retired-1", record_table="measures", record_id="circle-minutes",
                        field="retired_on", before=None, after=CHANGED_AT_LS2.isoformat(), changed_on=CHANGED_AT_LS2,
                        changed_by="Dr. Renee Okafor, improvement advisor"),
    ]
    return out


def _events_and_subgroups(records: list) -> list:
    """Each monthly send-home dated within its month, several observation scores a month, and marks on charts.

    Drawn from their own random numbers, so the rest of the sample stays as it was.
    """
    rng = random.Random(SEED + 14)
    out: list = []
    for o in records:
        if isinstance(o, Observation) and o.measure_id == "send-homes" and o.value:
            last = (o.period.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            days = sorted(o.period + dt.timedelta(days=rng.randrange((last - o.period).days + 1))
                          for _ in range(int(o.value)))
            for day in sorted(set(days)):
                out.append(Event(team_id=o.team_id, measure_id="send-home-days", day=day, count=days.count(day)))
    patterns = {t[0]: (t[4], t[5]) for t in TEAMS}
    for team_id, (pattern, rooms) in patterns.items():
        for month in months(team_data_start(pattern), DATA_UNTIL):
            if pattern == "gaps" and month in GAP_MONTHS:
                continue
            better = 0.9 if pattern in ("shift", "shift_mid") and month >= D(2026, 3, 1) else 0.0
            for k in range(min(rooms, rng.randint(3, 5))):
                score = half_steps(4.2 + better + rng.gauss(0, 0.45), 7.0)
                out.append(Sample(team_id=team_id, measure_id="classroom-interactions", period=month, number=k + 1,
                                  value=score))
    coach = "Marcus Bell"
    out += [
        ChartMark(id="sunrise-head-start-classroom-interactions-baseline", team_id="sunrise-head-start",
                  measure_id="classroom-interactions", at=D(2026, 2, 1), kind="baseline",
                  reason="Our months before the feedback cue cards: the baseline we compare with.", set_by=coach,
                  set_on=D(2026, 3, 12)),
        ChartMark(id="sunrise-head-start-send-home-days-note", team_id="sunrise-head-start",
                  measure_id="send-home-days", at=sorted(e.day for e in out if isinstance(e, Event) and e.team_id == "sunrise-head-start")[3],
                  kind="note", reason="Two children sent home the same week after a fire drill.",
                  set_by="Marisol Vega", set_on=D(2025, 11, 20)),
        ChartMark(id="lincoln-prek-classroom-interactions-exclude", team_id="lincoln-prek",
                  measure_id="classroom-interactions", at=D(2026, 1, 1), kind="exclude",
                  reason="Substitute teachers in every room that month.", set_by=coach, set_on=D(2026, 2, 5),
                  withdrawn_on=D(2026, 2, 20), withdrawn_by=coach),
    ]
    return out


def _shares(records: list) -> list:
    cycles = {c.id: c for c in ds_of(records, PdsaCycle)}
    shares = {cid: Share(id=f"share-{cid}", team_id=cycles[cid].team_id, kind="cycle", item_id=cid, shared_on=on,
                         contact_id=contact, withdrawn_on=back) for cid, on, contact, back in SHARED}
    return list(shares.values()) + [ShareReview(share_id=shares[cid].id, reviewed_on=on, hidden_reason=why,
                                                featured_for=session) for cid, on, why, session in REVIEWS]


COACH_NAMES = {"marcus.bell@example.org": "Marcus Bell", "ana.torres@example.org": "Ana Lucía Torres"}
PEER_VISITS = [("eastside-community", "sunrise-head-start", D(2026, 4, 21)), ("hearth-fcc", "nuestra-casa-fcc",
                D(2026, 6, 10)), ("lincoln-prek", "little-acorns", D(2026, 10, 14))]   # (visitors, hosts, day)


def _support() -> list:
    """A season of support from the two coaches: a call a month, an on-site visit a season, technical assistance
    when a team asked, and three peer-to-peer visits. Riverbend, with no coach, had the calls of the first months."""
    rng = random.Random(SEED + 1)        # its own stream: the rest of the sample stays as it was
    topics = Collaborative(**COLLABORATIVE).topics
    out = []
    for coach, teams in [*CASELOADS.items(), ("renee.okafor@example.org", ["riverbend-prek"])]:
        for tid in teams:
            last = D(2026, 2, 28) if tid == "riverbend-prek" else D(2026, 11, 20)
            for month in months(D(2025, 10, 1), last):
                on = month + dt.timedelta(days=rng.randint(8, 20))
                roles = ["administrator", "teacher"] + (["staff"] if rng.random() < 0.4 else [])
                out.append(SupportContact(id=f"{tid}-call-{on}", team_id=tid, kind="call", day=on, minutes=rng.choice(
                    [30, 45, 60]), mode=rng.choice(["phone", "video"]), roles=roles,
                    logged_by=COACH_NAMES.get(coach, "Dr. Renee Okafor")))
                if month.month in (11, 2, 5, 9) and tid != "riverbend-prek":
                    out.append(SupportContact(
                        id=f"{tid}-visit-{on}", team_id=tid, kind="on_site", day=on + dt.timedelta(days=2),
                        minutes=rng.choice([90, 120, 150]), roles=roles + (["family"] if rng.random() < 0.3 else []),
                        logged_by=COACH_NAMES[coach]))
                if rng.random() < 0.3:
                    out.append(SupportContact(
                        id=f"{tid}-ta-{on}", team_id=tid, kind="ta", day=on + dt.timedelta(days=5),
                        minutes=rng.choice([15, 20, 30]), mode=rng.choice(["email", "phone"]),
                        topic=rng.choice(topics), roles=[rng.choice(["administrator", "teacher"])],
                        logged_by=COACH_NAMES.get(coach, "Dr. Renee Okafor")))
    out += [SupportContact(id=f"{a}-peer-{on}", team_id=a, kind="peer_visit", host_team_id=b, day=on, minutes=150,
                           roles=["administrator", "teacher"], logged_by="Ana Lucía Torres")
            for a, b, on in PEER_VISITS]
    return out


def _files_and_comments(records: list, ds: Dataset) -> list:
    """Teams' files (their bytes kept in ``ds.contents``), the storyboards and files they shared, and comments."""
    out: list = []
    for fid, team, cycle, title, name, small, added, shared in FILES:
        content = (PICTURES / name).read_bytes()
        thumb = (PICTURES / small).read_bytes() if small else None
        ds.contents[digest(content)] = content
        if thumb:
            ds.contents[digest(thumb)] = thumb
        cycle_record = next(c for c in ds_of(records, PdsaCycle) if c.id == cycle)
        kind = "application/pdf" if name.endswith(".pdf") else "image/jpeg"
        out.append(TeamFile(id=fid, team_id=team, title=title, pdsa_cycle_id=cycle,
                            change_idea_id=cycle_record.change_idea_id, file_type=kind, sha256=digest(content),
                            thumbnail_sha256=digest(thumb) if thumb else None, size=len(content), added_on=added))
        out.append(Share(id=f"share-{fid}", team_id=team, kind="file", item_id=fid, shared_on=shared))
    out += [Share(id=f"share-{team}-{session}", team_id=team, kind="storyboard", item_id=session, shared_on=on)
            for team, session, on in SHARED_STORYBOARDS]
    for n, (on, team, author, day, lang, text) in enumerate(COMMENTS, start=1):
        share = next((s for s in ds_of(records + out, Share) if s.id == on), None)
        about = share.team_id if share else next(c.team_id for c in ds_of(records, PdsaCycle) if c.id == on)
        out.append(Comment(id=f"{about}-comment-{n}", about_team_id=about, team_id=team, text=text,
                           share_id=on if share else None, pdsa_cycle_id=None if share else on, written_on=day,
                           written_at=dt.datetime.combine(day, dt.time(10 + n % 6, 5 * n % 60)), author=author,
                           language=lang))
    return out


def ds_of(records: list, model: type) -> list:
    return [r for r in records if isinstance(r, model)]


def _team_aim(name: str) -> str:
    return (f"By November 2026, {name} will have zero send-homes for 3 months in a row, and 70% of observed "
            "routines will include positive descriptive feedback.")


def _cycles(rng: random.Random, tid: str, members: list[Member]) -> list[PdsaCycle]:
    out = []
    lead = {m.role: m.name for m in reversed(members)}
    spanish = tid in TEAM_LANGUAGES          # a team that works in Spanish writes its cycles in Spanish
    text = es.CYCLE_TEXT if spanish else dict(
        questions="Will it work in our setting? What will get in the way?", plan_who="{teacher} leads; {admin} supports",
        data_collection="Tally sheet on a clipboard by the door; coach reviews it at the end of the week.",
        do_notes="Ran as planned, with one day missed for a field trip.", next_steps="Plan the next, larger cycle.")
    for idea, first_start in TEAM_RAMPS[tid]:
        start = first_start
        steps = (es.RAMPS if spanish else RAMPS)[idea]
        for step, (title, scale, objective, prediction, result, decision) in enumerate(steps, start=1):
            if start > D(2026, 11, 20):
                break
            end = start + dt.timedelta(days=rng.choice([7, 14, 21, 28]))
            in_progress = end > D(2026, 11, 1)
            roles = sorted({"teacher", "administrator"} | ({"family"} if rng.random() < 0.5 else set())
                           | ({"staff"} if rng.random() < 0.5 else set()))
            out.append(PdsaCycle(
                id=f"{tid.split('-')[0]}-{idea}-{step}", team_id=tid,
                change_idea_id="nc-bilingual-song-cards" if (tid, idea) == ("nuestra-casa-fcc", "home-language-notes")
                else idea,
                title=title, objective=objective, questions=text["questions"], predictions=prediction,
                plan_who=text["plan_who"].format(teacher=lead.get("teacher", lead.get("administrator")),
                                                 admin=lead.get("administrator")),
                plan_what=title, plan_when=(f"{start:%d/%m} al {end:%d/%m/%Y}" if spanish else
                                            f"{start:%-d %b} to {end:%-d %b %Y}"), plan_where=scale,
                data_collection=text["data_collection"],
                participant_roles=roles, scale=scale, age_groups=AGES[tid], start=start,
                end=None if in_progress else end,
                do_notes=None if in_progress else text["do_notes"],
                study_notes=None if in_progress else result, decision=None if in_progress else decision,
                next_steps=None if in_progress or decision == "adopt" else text["next_steps"]))
            start = end + dt.timedelta(days=rng.choice([7, 14, 21]))
    if tid in AUTUMN_CYCLES:
        idea, start, title, scale, objective, prediction = AUTUMN_CYCLES[tid]
        out.append(PdsaCycle(
            id=f"{tid.split('-')[0]}-{idea}-autumn", team_id=tid, change_idea_id=idea, title=title,
            objective=objective, questions=text["questions"], predictions=prediction,
            plan_who=text["plan_who"].format(teacher=lead.get("teacher", lead.get("administrator")),
                                             admin=lead.get("administrator")),
            plan_what=title, plan_where=scale, data_collection=text["data_collection"],
            participant_roles=["administrator", "teacher"], scale=scale, age_groups=AGES[tid], start=start))
    return out


def _reports(rng: random.Random, team, members: list[Member]) -> list:
    tid, _, _, joined, pattern, _, _ = team
    out = []
    first = max(D(2025, 11, 1), joined.replace(day=1))
    all_months = list(months(first, D(2026, 10, 1)))
    for i, month in enumerate(all_months):
        if (tid, month) in MISSING_REPORTS:
            continue
        progress = i / max(1, len(all_months) - 1)
        team_score = half_steps(1.5 + progress * (SCORE_PATHS[pattern] - 1.5) + rng.choice([0, 0, 0.5]))
        faculty_score = half_steps(team_score - rng.choice([0, 0.5, 0.5, 1.0]))
        admin = next(m for m in members if m.role == "administrator")
        words = es if tid in TEAM_LANGUAGES else None      # a team that works in Spanish reports in Spanish
        status = words.MEASURES_STATUS if words else ("All five measures entered.",
                                                      "Stress survey not collected this month.")
        out.append(MonthlyReport(team_id=tid, month=month,
                                 highlights=rng.choice(words.HIGHLIGHTS if words else HIGHLIGHTS),
                                 barriers=rng.choice(words.BARRIERS if words else BARRIERS),
                                 support_requested=rng.choice(words.SUPPORT if words else SUPPORT),
                                 measures_status=status[0] if rng.random() < 0.8 else status[1],
                                 submitted_by=admin.name))
        out.append(AssessmentScore(team_id=tid, month=month, source="team", score=team_score,
                                   rationale=words.TEAM_RATIONALE if words else
                                   "We tested changes and our chart is moving.", scored_by=admin.name))
        if not (month == D(2026, 10, 1) and tid in ("lincoln-prek", "maple-street-ehs")):  # faculty behind
            out.append(AssessmentScore(team_id=tid, month=month, source="faculty", score=faculty_score,
                                       rationale=words.FACULTY_RATIONALE if words else
                                       "Keep going: link each PDSA to the measure it should move.",
                                       scored_by="Dr. Renee Okafor, improvement advisor"))
    return out


def _attendance(rng: random.Random, team, members: list[Member]) -> list[Attendance]:
    tid, _, _, joined, _, _, _ = team
    chance = {"administrator": 0.95, "teacher": 0.85, "staff": 0.7, "family": 0.6}
    out = []
    for pid, kind, _, _, start, end in CALENDAR:
        if kind != "learning_session" or start < joined or start > D(2026, 11, 22):
            continue
        for m in members:
            if rng.random() < chance[m.role]:
                day = start
                while day <= end:
                    out.append(Attendance(member_id=m.id, event_kind="learning_session", date=day,
                                          hours=6.5 if rng.random() < 0.9 else 3.5, phase_id=pid))
                    day += dt.timedelta(days=1)
    for month in months(max(D(2025, 11, 1), joined), D(2026, 10, 1)):
        session = month.replace(day=20)
        for m in members:
            if rng.random() < chance[m.role] - 0.2:
                out.append(Attendance(member_id=m.id, event_kind="affinity_group", date=session, hours=1.5))
    return out


def _differing(cmp: filecmp.dircmp, prefix: str = "") -> list[str]:
    """Files that differ, are missing or are extra, in the folder and in its subfolders (the files' bytes)."""
    found = [prefix + n for n in cmp.diff_files + cmp.left_only + cmp.right_only]
    for name, sub in cmp.subdirs.items():
        found += _differing(sub, f"{prefix}{name}/")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if the committed output is not what this script makes")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    ds = build()
    if not args.check:
        write_folder(ds, args.out)
        print(f"wrote {len(ds)} records to {args.out}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        write_folder(ds, tmp)
        stale = _differing(filecmp.dircmp(tmp, args.out))
        if stale:
            print("sample data is stale: " + ", ".join(stale), file=sys.stderr)
            return 1
    print("sample data is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
