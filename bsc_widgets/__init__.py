"""BSC Workbooks: coaching workbooks for Breakthrough Series Collaboratives in early care and education.

Layers, lowest first (a lower layer never imports a higher one, and nothing imports in a circle):
errors, clock, render… → model → store (and portable) → services (every write) → analysis
(measure_analysis, spc, attention, dosage…) → charts → forms → reports → notebooks → serve and CLI.
"""
__version__ = "0.1.0"
