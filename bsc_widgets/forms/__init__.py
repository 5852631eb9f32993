"""Widgets the workbooks are made of (ipywidgets; every shown text is escaped)."""
