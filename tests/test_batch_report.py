"""The batch report's wording and layout: plurals, one spelling of masked tokens, phone-width layout."""

from __future__ import annotations

import re

from validator import assess
from validator.batch.report import ReportData, plural, render
from validator.batch.scoring import assessment_row, masked_token

LONG = "x" * 300


def report(**extra) -> str:
    data = ReportData(inputs=["ads.csv"], id_column="job_id", total=1, **extra)
    data.bands["high"] = 1
    return render(data)


def test_counts_are_singular_for_one() -> None:
    assert plural(1, "employer", "employers") == "1 employer"
    assert plural(0, "place", "places") == "0 places"
    assert plural(1200, "job title", "job titles") == "1,200 job titles"
    group = {
        "group_id": "C1",
        "size": 2,
        "member_ids": ["a", "b"],
        "kind": "phone",
        "value": "+359888123456",
        "detail": {"employers": 1, "places": 2, "jobs": 1},
    }
    html = report(contact_groups=[group], n_contact_groups=1)
    assert "1 employer, 2 places, 1 job title" in html
    assert "1 employers" not in html and "1 job titles" not in html
    assert "</b>ad</div>" in html and "</b>contact group</div>" in html


def test_masked_tokens_read_the_same_in_every_column() -> None:
    assert masked_token("#email_1A2B3C4D#") == "#EMAIL_1a2b3c4d#"
    assert masked_token("#PHONE_1a2b3c4d") == "#PHONE_1a2b3c4d#"
    a = assess("Warehouse work in Germany. Write to #EMAIL_1A2B3C4D# or call #PHONE_9F8E7D6C# today.")
    row = assessment_row(a)
    assert row["emails"] == "#EMAIL_1a2b3c4d#"
    assert row["phones"] == "#PHONE_9f8e7d6c#"


def test_wide_tables_and_charts_scroll_in_their_box_and_long_values_wrap() -> None:
    ad = {"id": LONG, "row": 1, "band": "high", "reason": None, "families": LONG, "employer": LONG}
    html = report(top_ads=[ad], indicators={"a.sign": 1}, titles={"a.sign": LONG}, families={"fees": 1})
    assert '<meta name="viewport" content="width=device-width' in html
    assert html.count('<div class="scroll"><table>') == 1 and html.count('<div class="scroll"><svg') == 3
    assert re.search(r"\.scroll\{overflow-x:auto", html) and "overflow-wrap:anywhere" in html
