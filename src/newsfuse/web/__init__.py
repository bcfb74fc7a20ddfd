"""The web page: server-rendered Jinja2 templates (autoescaped) plus one static script."""

from pathlib import Path

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
TEMPLATE_DIR = HERE / "templates"
DATA_DIR = HERE / "data"

__all__ = ["STATIC_DIR", "TEMPLATE_DIR", "DATA_DIR"]
