"""BSC Workbooks: coaching workbooks for Breakthrough Series Collaboratives in early care and education.

Layers, lowest first (a lower layer never imports a higher one):
model → store (and portable import/export) → analysis (timeline, spc, study, attention, dosage) → charts →
forms → workbook glue and reports → CLI.
"""
__version__ = "0.1.0"
