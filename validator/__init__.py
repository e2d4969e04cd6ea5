"""jobad-validator: how strongly does a job ad show the warning signs of fraudulent or
trafficking-linked recruitment, and why."""

import os
import sys
from importlib.metadata import PackageNotFoundError, version

# `validator serve` runs gevent workers: gevent must patch the standard library (ssl above all) before
# requests and urllib3 are imported, and the workers inherit what the server process imported first.
if sys.argv[1:2] == ["serve"] and os.environ.get("VALIDATOR_WORKER_CLASS", "gevent") == "gevent":
    from gevent import monkey

    monkey.patch_all()

from validator.assessment import Assessment  # noqa: E402
from validator.engine import assess  # noqa: E402
from validator.errors import ValidatorError  # noqa: E402

try:
    __version__ = version("jobad-validator")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"

__all__ = ["Assessment", "ValidatorError", "__version__", "assess"]
