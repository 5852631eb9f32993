"""Run charts and control charts: one engine (``qic``) that matches qicharts2 0.8.1 number for number."""
from .engine import CHARTS, OUTPUT, qic
from .summary import summary

__all__ = ["qic", "summary", "CHARTS", "OUTPUT"]
