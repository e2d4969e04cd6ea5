"""The Flask app factory: pages, the JSON API, the widget, security headers and rate limits."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Flask
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

from validator import __version__
from webapp import api, assessing, formatting, i18n, pages, problems, ratelimit_store, security  # noqa: F401
from webapp.config import defaults, is_in_networks


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(defaults())
    app.config.update(config or {})

    if app.config["BEHIND_PROXY"]:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)
    app.register_blueprint(pages.bp)
    app.register_blueprint(api.bp)

    csrf = CSRFProtect(app)
    csrf.exempt(api.bp)  # the JSON API uses no cookies
    # the widget runs in third-party iframes without cookies: its forms check Origin instead
    csrf.exempt("webapp.pages.widget")
    csrf.exempt("webapp.pages.widget_result")

    limiter = Limiter(
        get_remote_address,
        app=app,
        storage_uri=app.config["RATELIMIT_STORAGE_URI"],
        enabled=app.config["RATELIMIT_ENABLED"],
        default_limits=[],
    )
    trusted = app.config.get("RATELIMIT_EXEMPT_NETWORKS") or ()

    @limiter.request_filter
    def _trusted_network() -> bool:
        """Clients in VALIDATOR_RATELIMIT_EXEMPT (e.g. an NGO office behind one address) are not limited."""
        return bool(trusted) and is_in_networks(get_remote_address(), trusted)

    rate = str(app.config["ASSESS_RATE_LIMIT"])
    limiter.limit(rate, methods=["POST"])(api.bp)
    limiter.limit(rate, methods=["POST"])(pages.bp)

    security.install(app)
    problems.register(app)

    @app.errorhandler(CSRFError)
    def _csrf_error(exc: CSRFError):
        return problems._page(400, i18n.translate("error.csrf"))

    app.jinja_env.globals.update(
        t=i18n.translate,
        ind=i18n.indicator_text,
        notices=i18n.notices,
        ui_language=i18n.ui_language,
        ui_language_chosen=i18n.ui_language_chosen,
        ui_languages=i18n.languages,
        label=i18n.label,
        country_name=i18n.country_name,
        language_name=i18n.language_name,
        ad_languages=i18n.ad_languages,
        wage_line=formatting.wage_line,
        wage_lines=formatting.wage_lines,
        places=formatting.places,
        postcode_to_show=formatting.postcode_to_show,
        contact_lines=formatting.contact_lines,
        version=__version__,
    )
    if app.config["WARMUP"]:
        app.extensions["jobad_model_info"] = assessing.warm_up(app)
    return app
