"""What extractors and detectors know about an ad besides its text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Context:
    language: str
    # schema.org JobPosting fields found in the HTML (title, description, baseSalary, jobLocation,
    # hiringOrganization, datePosted, employmentType ...), as plain JSON values
    structured: dict[str, Any] = field(default_factory=dict)
    # metadata columns of an export (e.g. has_company_logo), passed through to the model
    metadata: dict[str, Any] = field(default_factory=dict)
    destination_country: str | None = None  # set by the locations extractor
    # country to assume for phone numbers written without a +prefix when the ad names none
    default_region: str | None = None
