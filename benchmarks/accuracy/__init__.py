"""Accuracy benchmarks: one script per task, each runnable alone (see common.py)."""
