"""REST API (FastAPI) and the web page, served by one app: ``create_app(store_url, token, allow_remote_reads)``."""

from .app import create_app

__all__ = ["create_app"]
