"""BSC Workbooks: coaching workbooks for Breakthrough Series Collaboratives in early care and education.

The folders are the layers of ``LAYERS``, lowest first: a lower layer never imports a higher one, and nothing
imports in a circle (``tests/unit/test_layers.py``; the README's "The house" shows the same table).
"""
__version__ = "0.1.0"

# (layer, folder or module, what it holds): the one declaration of the house's order.
LAYERS = (
    (0, "base", "the day, the words and their translations, errors, ids, paths, the list of pages, how kernels run"),
    (1, "model", "typed, validated records (bounded text, finite numbers), and merging two people's edits"),
    (1, "spc", "the SPC engine: limits, run rules, Making Data Count; it knows nothing else of ours"),
    (1, "render", "all HTML, from autoescaped Jinja2 templates"),
    (2, "store", "the one persistence layer: every query is built here"),
    (2, "portable", "files in and out within bounds: export folders, a team's sheet, the sample"),
    (3, "services", "every write, each one checked transaction, and the one gate for reading"),
    (4, "analysis", "read only: a measure's analysis and its reading, the network, equity, spread, dosage…"),
    (5, "charts", "plotly figures and SVG diagrams that draw the analysis' columns and never re-run it"),
    (6, "reports", "offline HTML reports, paper worksheets, and bsc reports' batch"),
    (6, "mail", "the outbox and reminders"),
    (7, "forms", "the widgets of every page: they gather input and show results"),
    (8, "notebooks", "the one entry point of every workbook and report notebook"),
    (9, "server", "Voilà for one machine: pages, errors, scripts sent compressed"),
    (10, "hub", "JupyterHub in front: sign-in, roles, one server each"),
    (11, "cli", "a thin command line: each command one call"),
)
