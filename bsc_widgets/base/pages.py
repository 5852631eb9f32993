"""Every page of the product, with the words its links use: one list for the home page, the dashboard and the hub.
The words are marked for the catalogs, and translated where they are shown."""

from .language import N_

HOME = "00_home.ipynb"
# Every workbook of the product, in the order a team uses them; only those present are linked.
WORKBOOKS = [
    ("00_home.ipynb", N_("Home"), N_("The collaborative, its calendar and your team’s workbooks.")),
    ("01_charter.ipynb", N_("Team charter and roster"), N_("Your aim, your members and their roles, how you meet.")),
    ("02_driver_diagram.ipynb", N_("Driver diagram"),
     N_("The change framework, and the change ideas your team is testing.")),
    ("03_pdsa.ipynb", N_("PDSA planner and log"), N_("Plan, do, study and act on each test of change.")),
    ("04_measures.ipynb", N_("Measures and run charts"), N_("Enter your data and read your run charts.")),
    ("05_monthly_report.ipynb", N_("Monthly report"), N_("This month’s highlights, barriers and progress score.")),
    ("06_storyboard.ipynb", N_("Storyboard"), N_("Our storyboard for the next learning session, ready to print.")),
]
COACH_PAGES = [
    ("coach_dashboard.ipynb", N_("Coach dashboard"), N_("Every team at a glance, and who needs attention.")),
    ("participation.ipynb", N_("Participation and dosage"), N_("Take attendance; see who takes part, by role.")),
    ("support_log.ipynb", N_("Support log"),
     N_("Log a visit, a call or technical assistance; see each team’s dose of support.")),
    ("equity.ipynb", N_("Equity: measures by group"), N_("Measures by home language and other groups, small groups "
     "suppressed.")),
    ("spread.ipynb", N_("Spread of change ideas"), N_("Which ideas moved across the network, for learning sessions.")),
    ("storyboards.ipynb", N_("Storyboards for a session"),
     N_("Every team’s storyboard for a learning session, on one page.")),
    ("shared_by_teams.ipynb", N_("Shared by teams"),
     N_("The cycles teams shared: feature one for a learning session, or hide one with a reason.")),
    ("change_package.ipynb", N_("Change package"),
     N_("Every change idea teams tested, with what worked where, and the lessons learned.")),
    ("collaborative_setup.ipynb", N_("Collaborative set-up"),
     N_("Calendar, change framework, assessment scale, teams.")),
    ("leaders/system_assessment.ipynb", N_("System assessment (state and regional leaders)"),
     N_("Your PD offerings on the PD Matrix, and where a BSC fits.")),
]
# The scope (services.access.SCOPES) each collaborative page asks of a signed-in account.
PAGE_SCOPES = {
    "coach_dashboard.ipynb": "faculty",
    "participation.ipynb": "faculty",
    "support_log.ipynb": "faculty",
    "equity.ipynb": "network",
    "spread.ipynb": "faculty",
    "shared_by_teams.ipynb": "faculty",
    "storyboards.ipynb": "faculty",
    "change_package.ipynb": "network",
    "collaborative_setup.ipynb": "setup",
    "leaders/system_assessment.ipynb": "system",
}
