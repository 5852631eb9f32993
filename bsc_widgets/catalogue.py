"""Every page of the product, with the words its links use: one list for the home page, the dashboard and the hub."""

# Every workbook of the product, in the order a team uses them; only those present are linked.
WORKBOOKS = [
    ("00_home.ipynb", "Home", "The collaborative, its calendar and your team’s workbooks."),
    ("01_charter.ipynb", "Team charter and roster", "Your aim, your members and their roles, how you meet."),
    ("02_driver_diagram.ipynb", "Driver diagram", "The change framework, and the change ideas your team is testing."),
    ("03_pdsa.ipynb", "PDSA planner and log", "Plan, do, study and act on each test of change."),
    ("04_measures.ipynb", "Measures and run charts", "Enter your data and read your run charts."),
    ("05_monthly_report.ipynb", "Monthly report", "This month’s highlights, barriers and progress score."),
]
COACH_PAGES = [
    ("coach_dashboard.ipynb", "Coach dashboard", "Every team at a glance, and who needs attention."),
    ("participation.ipynb", "Participation and dosage", "Take attendance; see who takes part, by role."),
    ("equity.ipynb", "Equity: measures by group", "Measures by home language and other groups, small groups "
     "suppressed."),
    ("spread.ipynb", "Spread of change ideas", "Which ideas moved across the network, for learning sessions."),
    ("collaborative_setup.ipynb", "Collaborative set-up", "Calendar, change framework, assessment scale, teams."),
    ("leaders/system_assessment.ipynb", "System assessment (state and regional leaders)",
     "Your PD offerings on the PD Matrix, and where a BSC fits."),
]
# The scope (services.access.SCOPES) each collaborative page asks of a signed-in account.
PAGE_SCOPES = {
    "coach_dashboard.ipynb": "faculty",
    "participation.ipynb": "faculty",
    "equity.ipynb": "network",
    "spread.ipynb": "faculty",
    "collaborative_setup.ipynb": "setup",
    "leaders/system_assessment.ipynb": "system",
}
