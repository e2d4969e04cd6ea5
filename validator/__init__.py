"""jobad-validator: how strongly does a job ad show the warning signs of fraudulent or
trafficking-linked recruitment, and why."""

from importlib.metadata import PackageNotFoundError, version

from validator.assessment import Assessment
from validator.engine import assess
from validator.errors import ValidatorError

try:
    __version__ = version("jobad-validator")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"

__all__ = ["Assessment", "ValidatorError", "__version__", "assess"]
