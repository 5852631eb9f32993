"""Plotly figures built from the engine's output. Every free-text label is escaped."""
from .funnel import funnel_figure
from .spc_chart import Marker, chart_markers, figure_for, rebased_multiples, small_multiples, spc_figure

__all__ = ["funnel_figure", "spc_figure", "small_multiples", "rebased_multiples", "figure_for", "chart_markers", "Marker"]
