"""WSGI entry for other servers (`gunicorn webapp.wsgi:app`); `validator serve` is the usual way."""

from webapp import create_app

app = create_app()
