"""The web app: pages for job seekers, the JSON API (/api/v1) and the NGO widget.

`create_app(config)` (webapp/app.py) builds it; `validator serve` runs it under gunicorn
(webapp/commands.py). Flask is imported only when the app is built, so that the `validator` command
line does not pay for it.
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from webapp.app import create_app

        return create_app
    raise AttributeError(f"module 'webapp' has no attribute {name!r}")
