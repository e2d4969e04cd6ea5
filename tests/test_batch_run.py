"""`validator batch` end to end, in process (one worker): formats, error rows, ids, links, report."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from test_batch_data import SHARED_PHONE_E164, ads, read_output, write_csv, write_jsonl, write_parquet

from validator.batch.pseudonymise import KEY_VARIABLE
from validator.cli import main
from validator.indicators import catalogue

FAST = ["--language", "en", "--workers", "1", "--no-progress", "--chunk-rows", "4"]


def run(*args: str) -> int:
    return main(["batch", *map(str, args), *FAST])


@pytest.fixture(scope="module")
def linked_run(tmp_path_factory):
    """One run over the planted fixture, with links and report (shared by several tests)."""
    d = tmp_path_factory.mktemp("linked")
    src = write_csv(d / "ads.csv", ads(12))
    assert run(src, "-o", d / "out.csv", "--links", d / "links.csv", "--report", d / "report.html") == 0
    return d


@pytest.mark.parametrize("out_name", ["out.csv", "out.jsonl", "out.parquet"])
@pytest.mark.parametrize(
    "writer,in_name", [(write_csv, "in.csv"), (write_jsonl, "in.jsonl"), (write_parquet, "in.parquet")]
)
def test_every_format_in_and_out_keeps_rows_ids_and_order(tmp_path, writer, in_name, out_name):
    rows = ads(9)
    src = writer(tmp_path / in_name, rows)
    out = tmp_path / out_name
    assert run(src, "-o", out) == 0
    df = read_output(out)
    assert df["job_id"].astype(str).tolist() == [r["job_id"] for r in rows]
    assert df["row"].tolist() == list(range(1, 10))
    ids = [ind.id for ind in catalogue()]
    assert set(ids) <= set(df.columns)
    assert df[ids].isin([0, 1]).all().all()
    assert df["risk_score"].between(0, 1).all()
    assert set(df["risk_band"]) <= {"low", "medium", "high"}
    assert df["error"].isna().all()
    # the indicators raised agree with the families column
    families = {ind.id: ind.family for ind in catalogue()}
    for _, rec in df.iterrows():
        raised = {families[i] for i in ids if rec[i] == 1}
        assert raised == set(filter(None, str(rec["families"] or "").split("; "))) - {"nan"}
    assert not (tmp_path / (out_name + ".work")).exists()  # work directory removed when done


def test_output_matches_the_single_ad_check(tmp_path):
    from validator import assess

    rows = ads(8)
    out = tmp_path / "out.csv"
    assert run(write_csv(tmp_path / "in.csv", rows), "-o", out, "--text-columns", "description") == 0
    df = read_output(out)
    for rec, row in zip(rows, df.to_dict("records"), strict=True):
        a = assess(rec["description"], language="en", metadata={"title": rec["title"]})
        assert row["risk_score"] == pytest.approx(a.risk.score)
        assert {i.id for i in a.indicators} == {c for c in (i.id for i in catalogue()) if row[c] == 1}


def test_rows_that_cannot_be_scored_stay_with_their_error(tmp_path):
    path = tmp_path / "in.csv"
    big = "x " * 600_000
    path.write_bytes(
        b"id,text\n"
        b"1,Warehouse work in Berlin for 12 EUR per hour\n"
        b"2,\n"
        b'3,"   "\n'
        b'4,"bad \xff bytes here"\n'
        b"5,too,many,fields\n" + f'6,"{big}"\n'.encode() + b"7,Cleaning job in Leeds\n"
    )
    out = tmp_path / "out.csv"
    assert run(path, "-o", out) == 0
    df = read_output(out)
    assert df["id"].astype(str).tolist() == ["1", "2", "3", "4", "5", "6", "7"]
    err = df["error"].tolist()
    assert pd.isna(err[0]) and pd.isna(err[6])
    assert "no ad text" in err[1] and "empty" in err[2]
    assert "not UTF-8" in err[3] and "fields" in err[4] and "limit" in err[5]
    assert df.loc[1:5, "risk_score"].isna().all() and df.loc[[0, 6], "risk_score"].notna().all()


def test_duplicate_ids_are_kept_and_flagged(tmp_path, capsys):
    rows = ads(8)
    rows[5]["job_id"] = rows[2]["job_id"]
    out = tmp_path / "out.csv"
    assert run(write_csv(tmp_path / "in.csv", rows), "-o", out) == 0
    df = read_output(out)
    assert len(df) == 8
    assert df["duplicate_id"].tolist() == [0, 0, 1, 0, 0, 1, 0, 0]
    assert "2 rows share their 'job_id' with another row (e.g. 'A003')" in capsys.readouterr().err


def test_detected_columns_are_announced_and_rows_without_id_get_row_numbers(tmp_path, capsys):
    rows = [{"Body": r["description"], "fraudulent": "1"} for r in ads(8)]
    out = tmp_path / "out.jsonl"
    assert run(write_csv(tmp_path / "in.csv", rows), "-o", out) == 0
    err = capsys.readouterr().err
    assert "text columns 'Body'" in err and "row numbers as ids" in err
    df = pd.read_json(out, lines=True)
    assert df["row"].tolist() == list(range(1, 9)) and "fraudulent" not in df.columns


@pytest.mark.parametrize(
    "args,code,message",
    [
        (["--text-columns", "descriptoin"], 13, "Did you mean 'description'"),
        (["--id-column", "nope"], 13, "Available columns: 'job_id', 'title', 'description', 'fraudulent'"),
        (["--format", "xlsx"], 2, "invalid choice"),
    ],
)
def test_bad_columns_and_options_exit_cleanly(tmp_path, capsys, args, code, message):
    src = write_csv(tmp_path / "in.csv", ads(8))
    with pytest.raises(SystemExit) if code == 2 else _nothing():
        assert run(src, "-o", tmp_path / "out.csv", *args) == code
    assert message in capsys.readouterr().err


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_missing_empty_and_unknown_inputs(tmp_path, capsys):
    assert run(tmp_path / "missing.csv", "-o", tmp_path / "o.csv") == 13
    (tmp_path / "empty.csv").write_bytes(b"")
    assert run(tmp_path / "empty.csv", "-o", tmp_path / "o.csv") == 13
    (tmp_path / "header.csv").write_text("id,text\n", "utf-8")
    assert run(tmp_path / "header.csv", "-o", tmp_path / "o.csv") == 13
    assert run(write_csv(tmp_path / "in.csv", ads(8)), "-o", tmp_path / "o.xlsx") == 2
    err = capsys.readouterr().err
    assert "no such file" in err and "is empty" in err and "no rows" in err and "--format" in err
    assert "Traceback" not in err


def test_pseudonymised_contacts_still_link(tmp_path, monkeypatch, capsys):
    src = write_csv(tmp_path / "in.csv", ads(12))
    out, links, report = tmp_path / "out.csv", tmp_path / "links.csv", tmp_path / "r.html"
    monkeypatch.delenv(KEY_VARIABLE, raising=False)
    assert run(src, "-o", out, "--pseudonymise-contacts") == 2
    assert KEY_VARIABLE in capsys.readouterr().err
    monkeypatch.setenv(KEY_VARIABLE, "k" * 32)
    assert run(src, "-o", out, "--pseudonymise-contacts", "--links", links, "--report", report) == 0
    df = read_output(out)
    text = out.read_text("utf-8") + links.read_text("utf-8") + report.read_text("utf-8")
    assert SHARED_PHONE_E164 not in text and "23456789" not in text
    phones = df.loc[:2, "phones"].tolist()
    assert phones[0] == phones[1] == phones[2] and phones[0].startswith("hmac:")
    assert df.loc[:2, "shared_contact"].tolist() == [1, 1, 1]
    # another key gives other pseudonyms
    monkeypatch.setenv(KEY_VARIABLE, "z" * 32)
    assert run(src, "-o", out, "--pseudonymise-contacts") == 0
    assert read_output(out).loc[0, "phones"] != phones[0]


def test_links_find_the_planted_contact_and_template_groups(linked_run):
    df = read_output(linked_run / "out.csv")
    links = pd.read_csv(linked_run / "links.csv", dtype=str)
    contact = links[links.kind == "phone"]
    assert contact["value"].tolist() == [SHARED_PHONE_E164]
    assert contact["member_ids"].tolist() == ["A001; A002; A003"]
    templates = links[links.kind == "template"]
    assert "A004; A005; A006" in templates["member_ids"].tolist()
    gid = templates.loc[templates.member_ids == "A004; A005; A006", "group_id"].item()
    assert df["shared_contact"].tolist()[:4] == [1, 1, 1, 0]
    assert df["shared_contact_group"].tolist()[:3] == [contact["group_id"].item()] * 3
    assert df["template_group"].tolist()[3:6] == [gid] * 3
    assert df["template_reuse"].tolist()[3:7] == [1, 1, 1, 0]


def test_report_is_self_contained_and_escaped(linked_run, tmp_path):
    html = (linked_run / "report.html").read_text("utf-8")
    assert html.startswith("<!doctype html>") and html.rstrip().endswith("</html>")
    assert "<script" not in html.lower()
    refs = re.findall(r"""(?:src|href)\s*=\s*["']?([^"' >]+)""", html, flags=re.I)
    assert all(not r.lower().startswith(("http:", "https:", "//")) for r in refs)
    assert "@import" not in html and "url(" not in html
    assert html.count("<svg") >= 3  # score distribution, indicators, families
    assert "not a verdict" in html
    assert "A001" in html and "Highest-risk ads" in html and "+4915123456789" in html

    # untrusted ad text is escaped
    rows = ads(8)
    rows[0]["description"] = (
        '<script>alert(1)</script><img src="http://evil.example/x.png"> Pay 5000 EUR per month, '
        "no experience, free accommodation, send passport copy, start immediately, no interview. Call +48 501 234 567"
    )
    rows[0]["job_id"] = '<b onmouseover="x">id</b>'
    out = tmp_path / "out.csv"
    assert run(write_csv(tmp_path / "in.csv", rows), "-o", out, "--report", tmp_path / "r.html") == 0
    evil = (tmp_path / "r.html").read_text("utf-8")
    assert "<script" not in evil and "<img" not in evil and "<b onmouseover" not in evil
    assert "&lt;b onmouseover=" in evil


def test_several_inputs_are_one_run(tmp_path):
    a = write_csv(tmp_path / "a.csv", ads(8, seed=1))
    rows_b = ads(8, seed=2)
    for r in rows_b:
        r["job_id"] = "B" + r["job_id"]
    b = write_jsonl(tmp_path / "b.jsonl", rows_b)
    out = tmp_path / "out.csv"
    assert run(a, b, "-o", out) == 0
    df = read_output(out)
    assert len(df) == 16 and df["input_file"].tolist() == ["a.csv"] * 8 + ["b.jsonl"] * 8
    assert df["row"].tolist() == list(range(1, 17))


def test_two_worker_processes_give_the_one_worker_output(tmp_path, monkeypatch):
    import validator.batch.engines as engines

    monkeypatch.setattr(engines, "CHUNKS_PER_POOL", 2)  # the pool is renewed once during the run
    src = write_csv(tmp_path / "in.csv", ads(12))
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    assert run(src, "-o", one) == 0
    assert (
        main(
            [
                "batch",
                str(src),
                "-o",
                str(two),
                "--language",
                "en",
                "--workers",
                "2",
                "--no-progress",
                "--chunk-rows",
                "3",
            ]
        )
        == 0
    )
    assert one.read_text("utf-8") == two.read_text("utf-8")


@pytest.mark.slow
def test_the_shared_emscad_sample(emscad_csv, tmp_path):
    out, report = tmp_path / "emscad.parquet", tmp_path / "report.html"
    assert (
        main(
            [
                "batch",
                str(emscad_csv),
                "-o",
                str(out),
                "--report",
                str(report),
                "--links",
                str(tmp_path / "links.csv"),
                "--workers",
                "2",
                "--no-progress",
            ]
        )
        == 0
    )
    df = pd.read_parquet(out)
    src = pd.read_csv(emscad_csv, usecols=["job_id", "fraudulent"], dtype={"job_id": str})
    assert df["job_id"].tolist() == src["job_id"].tolist()
    assert "fraudulent" not in df.columns
    assert df["error"].isna().mean() > 0.99
    labelled = df.assign(fraudulent=src["fraudulent"].to_numpy())
    means = labelled.groupby("fraudulent")["risk_score"].mean()
    assert means[1] > means[0]  # the scores carry signal: the right text reached the engine
    assert df["template_reuse"].sum() > 0  # EMSCAD repeats templates
    assert "Highest-risk ads" in report.read_text("utf-8")


def test_html_column_is_read_as_html(tmp_path):
    rows = [
        {
            "ref": "h1",
            "page": "<html><body><h1>Cook</h1><p>Kitchen job in Leeds, 12 GBP per hour, "
            "40 hours a week.</p><script>var x = 'ignored';</script></body></html>",
        },
        {"ref": "h2", "page": "<html><body><script>only()</script></body></html>"},
    ]
    out = tmp_path / "out.csv"
    assert run(write_csv(tmp_path / "in.csv", rows), "-o", out, "--id-column", "ref", "--html-column", "page") == 0
    df = pd.read_csv(out, keep_default_na=False, na_values=[""])
    assert df["ref"].tolist() == ["h1", "h2"]
    assert pd.isna(df.loc[0, "error"]) and df.loc[0, "risk_score"] >= 0
    assert isinstance(df.loc[1, "error"], str) and pd.isna(df.loc[1, "risk_score"])


def test_ads_sharing_a_messenger_handle_are_linked(tmp_path, monkeypatch):
    texts = [
        "Warehouse work in Germany for Nordic Staffing, good pay. Telegram: @fast_jobs_eu",
        "Cleaning jobs in the Netherlands, free housing. Write on https://t.me/Fast_Jobs_EU",
        "Farm work in Spain, start tomorrow, Telegram @fast_jobs_eu",
        "Office assistant in Dublin, apply with your CV by e-mail.",
    ]
    rows = [{"id": f"H{i}", "text": t} for i, t in enumerate(texts, 1)]
    src, out, links = write_csv(tmp_path / "in.csv", rows), tmp_path / "out.csv", tmp_path / "links.csv"
    assert run(src, "-o", out, "--links", links) == 0
    df = read_output(out)
    assert df["handles"].tolist()[:3] == ["telegram:@fast_jobs_eu"] * 3
    group = pd.read_csv(links, dtype=str).query("kind == 'handle'")
    assert group["value"].tolist() == ["telegram:@fast_jobs_eu"]
    assert group["member_ids"].tolist() == ["H1; H2; H3"]
    assert df["shared_contact"].tolist() == [1, 1, 1, 0]
    # pseudonymised, the handle is gone but the ads still link
    monkeypatch.setenv(KEY_VARIABLE, "k" * 32)
    assert run(src, "-o", out, "--pseudonymise-contacts", "--links", links) == 0
    text = out.read_text("utf-8") + links.read_text("utf-8")
    assert "fast_jobs" not in text.lower()
    assert read_output(out)["shared_contact"].tolist() == [1, 1, 1, 0]
