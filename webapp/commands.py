"""`validator serve`: the web app under gunicorn (never Flask's development server)."""

from __future__ import annotations

import argparse
import os
import secrets
import tempfile
from typing import Any

from validator.errors import UsageError

# method, path without query string, status, bytes, duration: no bodies, no query strings, no client IP
ACCESS_LOG_FORMAT = '"%(m)s %(U)s" %(s)s %(B)s %(M)sms'


def gunicorn_options(host: str, port: int, workers: int, *, access_log: bool = True) -> dict[str, Any]:
    return {
        "bind": f"{host}:{port}",
        "workers": workers,
        # gevent: a connection waits for its request without holding a worker, so slow or idle
        # clients (slowloris) cannot stall the server; the assessments themselves are short CPU work
        "worker_class": os.environ.get("VALIDATOR_WORKER_CLASS", "gevent"),
        "worker_connections": 1000,
        "timeout": 60,
        "graceful_timeout": 10,
        "keepalive": 5,
        "accesslog": "-" if access_log else None,
        "access_log_format": ACCESS_LOG_FORMAT,
        "errorlog": "-",
        "logger_class": "webapp.serving_log.RedactingLogger",  # no client addresses in the error log
        "loglevel": "info",
        # long URLs are refused (ad text never goes in a URL): past MAX_URL_CHARS by the app as a
        # problem+json 414, past gunicorn's own ceiling by gunicorn
        "limit_request_line": 8190,
        "forwarded_allow_ips": os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
        # no recycling: a pipeline whose vocabulary has grown is rebuilt in place (validator.nlp), and a
        # recycled worker would only add a cold start
        "max_requests": 0,
        "preload_app": False,  # each worker builds the app and warms up its pipelines and model once
        "proc_name": "jobad-validator",
        "control_socket_disable": True,  # no shared ~/.gunicorn socket between several servers
    }


def run_gunicorn(options: dict[str, Any]) -> None:
    from gunicorn.app.base import BaseApplication

    class ValidatorApp(BaseApplication):
        def load_config(self) -> None:
            for key, value in options.items():
                if value is not None and key in self.cfg.settings:
                    self.cfg.set(key, value)

        def load(self):
            from webapp import create_app

            return create_app()

    ValidatorApp().run()


def cmd_serve(args: argparse.Namespace) -> int:
    if not 0 < args.port < 65536:
        raise UsageError(f"--port must be between 1 and 65535, not {args.port}")
    if args.workers < 1:
        raise UsageError("--workers must be at least 1")
    # one secret for all workers, or a form served by one worker fails its CSRF check in another
    os.environ.setdefault("VALIDATOR_SECRET_KEY", secrets.token_hex(32))
    # one rate limit for the whole server, kept when a worker restarts: counters in one SQLite file
    if not os.environ.get("VALIDATOR_RATELIMIT_STORAGE_URI"):
        folder = tempfile.mkdtemp(prefix="jobad-ratelimit-")
        os.environ["VALIDATOR_RATELIMIT_STORAGE_URI"] = f"sqlite:///{folder}/counters.db"
    if os.environ["VALIDATOR_RATELIMIT_STORAGE_URI"].startswith("sqlite://"):
        from webapp.ratelimit_store import SQLiteStorage

        SQLiteStorage(os.environ["VALIDATOR_RATELIMIT_STORAGE_URI"])  # file, table and WAL before the workers
    print(f"validator: serving on http://{args.host}:{args.port}/ with {args.workers} worker(s)", flush=True)
    run_gunicorn(gunicorn_options(args.host, args.port, args.workers, access_log=not args.no_access_log))
    return 0


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def register(subparsers: argparse._SubParsersAction) -> None:
    serve = subparsers.add_parser(
        "serve",
        help="run the web app, JSON API and widget under gunicorn",
        description="Run the web app (pages, /api/v1, /widget) under gunicorn. Settings come from "
        "VALIDATOR_* environment variables (see README).",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument(
        "--workers", type=int, default=default_workers(), help="worker processes (default: CPUs, at most 4)"
    )
    serve.add_argument("--no-access-log", action="store_true", help="no access log at all")
    serve.set_defaults(func=cmd_serve)
