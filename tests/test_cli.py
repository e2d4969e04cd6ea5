"""The `validator` command: report, JSON, catalogue, version and exit codes for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from validator.cli import main

ADS = Path(__file__).parent / "fixtures" / "ads"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "validator.cli", *args], input=stdin, capture_output=True, timeout=120)


def test_check_file_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--file", str(ADS / "risky_farm_en.txt")]) == 0
    out = capsys.readouterr().out
    assert "HIGH" in out and "»Registration fee«" in out and "You are asked to pay a fee" in out


def test_check_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--json", "Free accommodation, no experience needed, call +44 7700 900123"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"] == "1"


def test_check_stdin() -> None:
    proc = run("check", "--json", "-", stdin=b"Registration fee 100 EUR before departure.")
    assert proc.returncode == 0, proc.stderr
    assert any(h["id"] == "ilo.recruitment_fee" for h in json.loads(proc.stdout)["indicators"])


def test_indicators_listing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["indicators", "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert len(entries) >= 25


def test_version() -> None:
    proc = run("--version")
    assert proc.returncode == 0 and proc.stdout.startswith(b"validator ")


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", 3),
        (b"   \n  ", 3),
        ("Emploi à l'étranger".encode("latin-1"), 5),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 5),
    ],
)
def test_bad_files_exit_codes(tmp_path: Path, content: bytes, code: int) -> None:
    f = tmp_path / "ad.txt"
    f.write_bytes(content)
    proc = run("check", "--file", str(f))
    assert proc.returncode == code
    assert b"Traceback" not in proc.stderr
    assert len(proc.stderr.decode().strip().splitlines()) == 1


def test_too_large_exit_code(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_bytes(b"word " * 250_000)  # 1.25 MB, over the 1 MB default
    proc = run("check", "--file", str(f))
    assert proc.returncode == 4 and b"limit" in proc.stderr


def test_missing_file_is_usage_error() -> None:
    proc = run("check", "--file", "/nonexistent/ad.txt")
    assert proc.returncode == 2 and b"no such file" in proc.stderr


def test_refused_url_exit_code() -> None:
    proc = run("check", "--url", "http://127.0.0.1:9/")
    assert proc.returncode == 7, proc.stderr
    assert b"Traceback" not in proc.stderr


def test_french_explanations(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--ui-language", "fr", "--file", str(ADS / "risky_farm_en.txt")]) == 0
    out = capsys.readouterr().out
    assert "On vous demande de payer des frais" in out and "»Registration fee«" in out


def test_unknown_interface_language_is_a_usage_error() -> None:
    result = run("check", "--ui-language", "xx", "Warehouse work in Berlin, 2,000 EUR a month.")
    assert result.returncode == 2
    assert b"invalid choice: 'xx'" in result.stderr and b"Traceback" not in result.stderr


def test_a_single_amount_without_a_period_reads_plainly(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--no-color", "Cleaner wanted in Berlin. Pay: 2,000 EUR. Call 030 1234567."]) == 0
    out = capsys.readouterr().out
    assert "Wage: 2,000 EUR (period not stated)" in out and "2,000–2,000" not in out


def test_one_language_rule_in_the_cli_and_batch(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A code without a pack is read language-independently (cannot judge); a malformed one is a usage error."""
    assert main(["check", "--json", "--language", "ja", "Warehouse job, 1,200 EUR a month"]) == 0
    assert json.loads(capsys.readouterr().out)["risk"]["band"] == "insufficient"
    assert main(["check", "--language", "english", "Warehouse job"]) == 2
    assert "ISO 639-1" in capsys.readouterr().err
    src = tmp_path / "in.csv"
    src.write_text("id,text\n1,Warehouse job\n", encoding="utf-8")
    assert main(["batch", str(src), "-o", str(tmp_path / "out.csv"), "--language", "english", "--no-progress"]) == 2
