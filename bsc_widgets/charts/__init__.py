"""Plotly figures built from the engine's output. Every free-text label is escaped."""
from .spc_chart import small_multiples, spc_figure

__all__ = ["spc_figure", "small_multiples"]
