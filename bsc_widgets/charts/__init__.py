"""Plotly figures built from the engine's output. Every free-text label is escaped."""
from .spc_chart import Marker, figure_for, small_multiples, spc_figure, chart_markers

__all__ = ["spc_figure", "small_multiples", "figure_for", "chart_markers", "Marker"]
