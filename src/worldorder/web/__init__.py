"""``worldorder serve``: a read-only JSON API over the store and the page that explores it.

The JSON API lives under ``/api`` (OpenAPI schema at ``/api/openapi.json``, browsable at
``/api/docs``); the page and its vendored libraries are static files under ``static/``.
"""

from worldorder.web.app import create_app

__all__ = ["create_app"]
