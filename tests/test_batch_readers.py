"""Streaming readers and column detection (no scoring)."""

from __future__ import annotations

import pytest
from test_batch_data import ads, write_csv, write_jsonl, write_parquet

from validator.batch.columns import plan_columns
from validator.batch.readers import BAD_BYTES, Source
from validator.errors import DataError


def _rows(src: Source, needed: tuple[str, ...], size: int = 3):
    frames, errors = [], []
    for chunk in src.chunks(size, needed):
        frames.extend(chunk.frame.to_dict("records"))
        errors.extend(chunk.errors)
    return frames, errors


@pytest.mark.parametrize("writer,name", [(write_csv, "a.csv"), (write_jsonl, "a.jsonl"), (write_parquet, "a.parquet")])
def test_each_format_streams_every_row_in_order(tmp_path, writer, name):
    rows = ads(10)
    src = Source(writer(tmp_path / name, rows))
    assert src.columns == ["job_id", "title", "description", "fraudulent"]
    got, errors = _rows(src, ("job_id", "description"))
    assert [r["job_id"] for r in got] == [r["job_id"] for r in rows]
    assert [r["description"] for r in got] == [r["description"] for r in rows]
    assert errors == [None] * 10


def test_csv_multiline_quoted_fields_and_sniffed_delimiters(tmp_path):
    rows = [
        {"id": "1", "text": 'line one\nline "two"; with; semicolons\n\nand a blank line'},
        {"id": "2", "text": "x"},
    ]
    for delimiter, suffix in ((";", ".csv"), ("\t", ".tsv"), ("|", ".csv"), ("\t", ".txt")):
        path = write_csv(tmp_path / f"s{ord(delimiter)}{suffix}", rows, delimiter=delimiter)
        src = Source(path)
        assert src.delimiter == delimiter
        got, errors = _rows(src, ("id", "text"), size=1)
        assert got == rows and errors == [None, None]


def test_bad_bytes_and_malformed_rows_become_error_rows(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b'id,text\n1,fine\n2,"bad \xff\xfe byte"\n3,too,many,fields\n4,short\n' + b"5\n")
    got, errors = _rows(Source(path), ("id", "text"))
    assert [r["id"] for r in got] == ["1", "2", "3", "4", "5"]
    assert errors[0] is None and errors[1] == BAD_BYTES
    assert "4 fields" in errors[2] and "header has 2" in errors[2]
    assert errors[3] is None and errors[4] is None and got[4]["text"] is None


def test_jsonl_bad_lines_become_error_rows(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(
        b'{"id": 1, "text": "a"}\n\nnot json\n[1, 2]\n{"id": 4, "text": "caf\xe9"}\n{"id": 5, "text": {"x": 1}}\n'
    )
    got, errors = _rows(Source(path), ("id", "text"))
    assert len(got) == 5
    assert errors[0] is None
    assert errors[1] == "line 3 is not valid JSON"
    assert errors[2] == "line 4 is not a JSON object"
    assert errors[3] == BAD_BYTES and got[3]["id"] == 4
    assert got[4]["text"] == '{"x": 1}' and errors[4] is None


@pytest.mark.parametrize(
    "content,name,message",
    [
        (b"", "e.csv", "is empty"),
        (b"\n\n", "e2.csv", "is empty"),
        (b"id,text\x00\x01\x02", "bin.csv", "looks binary"),
        ("id,text\n1,caf\xe9\n".encode("latin-1"), "latin.csv", "not UTF-8"),
        (b'[{"id": 1}]', "arr.json", "JSON array"),
        (b"whatever", "data.xlsx", "cannot tell the format"),
        (b"not parquet at all", "x.parquet", "not a readable Parquet file"),
        (b"id,id,text\n1,2,3\n", "dup.csv", "repeated"),
    ],
)
def test_unusable_files_give_a_clear_data_error(tmp_path, content, name, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DataError, match=message):
        Source(path)


def test_missing_file(tmp_path):
    with pytest.raises(DataError, match="no such file"):
        Source(tmp_path / "nope.csv")


def test_unterminated_quote_is_a_clear_error(tmp_path, monkeypatch):
    import validator.batch.readers as readers

    monkeypatch.setattr(readers, "FIELD_LIMIT", 1000)
    path = tmp_path / "q.csv"
    path.write_text('id,text\n1,"never closed\n' + "x" * 5000 + "\n", "utf-8")
    with pytest.raises(DataError, match="unterminated quote"):
        _rows(Source(path), ("id", "text"))


def test_column_detection_on_an_emscad_like_header():
    cols = ["job_id", "title", "location", "company_profile", "description", "telecommuting", "fraudulent"]
    plan = plan_columns(cols)
    assert plan.id_column == "job_id"
    assert plan.text_columns == ("title", "company_profile", "description")
    assert "telecommuting" in plan.metadata_columns and "location" in plan.metadata_columns
    assert "fraudulent" not in plan.needed  # a label never reaches the model
    assert plan.chosen  # says what it picked


def test_misspelled_column_lists_the_available_ones_and_suggests():
    with pytest.raises(DataError) as info:
        plan_columns(["job_id", "description"], text_columns=["descripton"])
    assert "Did you mean 'description'?" in info.value.message
    assert "'job_id', 'description'" in info.value.message
    with pytest.raises(DataError, match="--id-column: no column 'adid'"):
        plan_columns(["job_id", "text"], id_column="adid")
    assert plan_columns(["Job ID", "Text"], id_column="job_id").id_column == "Job ID"


def test_no_text_column_is_a_clear_error():
    with pytest.raises(DataError, match="no text column found.*'a', 'b'"):
        plan_columns(["a", "b"])


def test_template_groups_join_rows_linked_through_any_band():
    import numpy as np

    from validator.batch.linkage import template_groups, template_labels

    ones = np.ones(8, dtype=bool)
    band0 = (np.array([9, 1, 9, 2, 3, 9, 4, 5]), ones)  # rows 0, 2, 5 share a key
    band1 = (np.array([10, 11, 12, 11, 13, 14, 15, 14]), ones)  # rows 1, 3 and rows 5, 7
    labels = template_labels(8, [band0, band1])
    assert labels.tolist() == [1, 2, 1, 2, 0, 1, 0, 1]  # largest group first
    assert [(g.group_id, g.members) for g in template_groups(labels)] == [("T1", [0, 2, 5, 7]), ("T2", [1, 3])]
    masked = (np.full(8, 9), np.array([1, 0, 0, 0, 0, 0, 0, 1], dtype=bool))  # rows without a key never join
    assert template_labels(8, [masked]).tolist() == [1, 0, 0, 0, 0, 0, 0, 1]


def test_a_record_swallowed_by_an_unclosed_quote_is_reported_with_both_ids(tmp_path):
    path = tmp_path / "quote.csv"
    path.write_text('id,title,text\n1,a,"good ad\n2,b,"broken ad here\n3,c,fine\n', encoding="utf-8")
    got, errors = _rows(Source(path), ("id", "text"))
    assert [r["id"] for r in got] == ["1", "2", "3"]
    assert "'2'" in errors[0] and "unclosed quote" in errors[0]
    assert "'1'" in errors[1] and errors[2] is None


def test_a_multiline_field_that_only_looks_like_a_record_is_kept(tmp_path):
    path = tmp_path / "multi.csv"
    path.write_text('id,title,text\n1,a,"Shifts:\nearly, late, night"\n2,b,x\n', encoding="utf-8")
    got, errors = _rows(Source(path), ("id", "text"))
    assert [r["id"] for r in got] == ["1", "2"] and errors == [None, None]


def test_a_nul_byte_in_a_row_does_not_refuse_the_file(tmp_path):
    path = tmp_path / "nul.csv"
    path.write_bytes(b"id,text\n1,Cleaner wanted\x00 in Berlin\n2,fine\n")
    got, errors = _rows(Source(path), ("id", "text"))
    assert [r["id"] for r in got] == ["1", "2"]  # the text is cleaned, with a warning, when scored


def test_an_export_in_the_training_layout_is_composed_as_in_training():
    """The full EMSCAD layout: exactly the training text columns in the training order (salary_range
    and location stay metadata, as in `validator train`), so batch and evaluate score the same text."""
    from validator.model.data import DEFAULT_TEXT_COLUMNS

    cols = ["job_id", "title", "location", "salary_range", "company_profile", "description", "requirements",
            "benefits", "fraudulent"]
    plan = plan_columns(cols)
    assert plan.text_columns == DEFAULT_TEXT_COLUMNS
    assert {"location", "salary_range"} <= set(plan.metadata_columns)


def test_the_lsh_banding_is_datasketchs_choice():
    from datasketch import MinHashLSH

    from validator.batch.linkage import LSH_BANDS, LSH_ROWS, NUM_PERM, THRESHOLD

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    assert (lsh.b, lsh.r) == (LSH_BANDS, LSH_ROWS)
