"""The `kabar` command end to end on the bundled example, and every error path of the foundation."""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from kabar import api
from kabar.cli import main
from kabar.render.json import briefing_schema
from kabar.store import Store


def kabar(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run the real command in a subprocess (stderr is not a terminal, so no progress bar)."""
    return subprocess.run(
        [sys.executable, "-m", "kabar.cli", *args],
        input=stdin,
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


@pytest.fixture(scope="module")
def ingested_store(example_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store made once by `kabar ingest` of the example (in-process: models load once per test session)."""
    db = tmp_path_factory.mktemp("store") / "k.db"
    assert main(["-q", "ingest", str(example_dir), "--db", str(db)]) == 0
    return db


@pytest.fixture()
def store_copy(ingested_store: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "k.db"
    copy.write_bytes(ingested_store.read_bytes())
    return copy


def store_snapshot(path: Path) -> list[tuple]:
    with Store(path) as store:
        documents = store._db.execute("SELECT id, text, title FROM documents ORDER BY id").fetchall()
        events = store._db.execute(
            "SELECT event_id, document_id FROM event_documents ORDER BY 1, 2"
        ).fetchall()
    return [tuple(row) for row in documents] + [tuple(row) for row in events]


@pytest.fixture(scope="module")
def example_briefing(example_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, str]:
    """`kabar brief examples/kim-putin-2023 --no-store --json FILE`, run once: (the JSON, the Markdown)."""
    out = tmp_path_factory.mktemp("brief") / "out.json"
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        assert main(["--quiet", "brief", str(example_dir), "--no-store", "--json", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8")), stdout.getvalue()


def test_brief_example_writes_valid_json_with_five_documents(example_briefing: tuple[dict, str]) -> None:
    data, markdown = example_briefing
    jsonschema.validate(data, briefing_schema())
    assert data["schema"] == "kabar.briefing/1"
    assert len(data["documents"]) == 5
    assert all(len(document["text"]) > 500 for document in data["documents"])
    assert {Path(document["source"]).name[:3] for document in data["documents"]} == {
        "000",
        "001",
        "002",
        "003",
        "004",
    }
    assert markdown.startswith("#") and "Vostochny" in markdown


def test_schema_rejects_a_broken_briefing(example_briefing: tuple[dict, str]) -> None:
    data = copy.deepcopy(example_briefing[0])
    data["documents"][0]["published"] = "14 September 2023"  # not ISO 8601: the contract must catch it
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, briefing_schema())
    data = copy.deepcopy(example_briefing[0])
    del data["events"][0]["summary"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, briefing_schema())


def test_json_to_stdout_replaces_markdown(example_dir: Path, capsys) -> None:
    assert (
        main(["-q", "brief", str(example_dir / "002_2cb02904a071195f.txt"), "--no-store", "--json", "-"]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, briefing_schema())
    assert len(data["documents"]) == 1


def test_ingest_is_idempotent_and_says_so(example_dir: Path, tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "k.db")
    assert main(["ingest", str(example_dir / "002_2cb02904a071195f.txt"), "--db", db]) == 0
    assert "1 new document(s) stored, 0 already in the store" in capsys.readouterr().err
    assert main(["ingest", str(example_dir), "--db", db]) == 0
    assert "4 new document(s) stored, 1 already in the store" in capsys.readouterr().err
    before = store_snapshot(Path(db))
    assert main(["ingest", str(example_dir), "--db", db]) == 0
    assert "0 new document(s) stored, 5 already in the store (nothing new)" in capsys.readouterr().err
    assert store_snapshot(Path(db)) == before


def test_ls_show_search_over_the_store(store_copy: Path) -> None:
    db = str(store_copy)
    documents = kabar("ls", "--db", db).stdout.decode().splitlines()
    assert len(documents) == 5
    events = kabar("ls", "events", "--db", db).stdout.decode().splitlines()
    assert len(events) >= 1
    # Filters as in the web app: an alias of an entity, an outlet in any case, a day range.
    seed_event = events[0].split("\t")[0]
    assert kabar("ls", "events", "--entity", "kim jong-un", "--db", db).stdout.decode().startswith(seed_event)
    assert kabar("ls", "events", "--outlet", "akurat.co", "--db", db).stdout.decode().startswith(seed_event)
    assert kabar("ls", "events", "--entity", "Nobody Whatsoever", "--db", db).stdout == b""
    assert kabar("ls", "events", "--since", "2023-09-01", "--until", "2023-09-30", "--db", db).stdout
    assert kabar("ls", "events", "--since", "2030-01-01", "--db", db).stdout == b""
    typo = kabar("ls", "events", "--since", "13/9/2023", "--db", db)
    assert typo.returncode == 2 and "YYYY-MM-DD" in typo.stderr.decode()
    doc_id = documents[0].split("\t")[0]
    shown = kabar("show", doc_id[:8], "--db", db)
    assert shown.returncode == 0 and f"- id: {doc_id}" in shown.stdout.decode()
    event_shown = kabar("show", events[0].split("\t")[0], "--db", db)
    assert event_shown.returncode == 0 and event_shown.stdout.decode().startswith("#")
    hits = kabar("search", "Peskov", "--db", db).stdout.decode()
    assert "[Peskov]" in hits
    missing = kabar("show", "ffffffffffff", "--db", db)
    assert missing.returncode != 0 and "no document or event" in missing.stderr.decode()


def test_kabar_db_environment_variable(example_dir: Path, tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "env.db"
    monkeypatch.setenv("KABAR_DB", str(db))
    assert main(["-q", "ingest", str(example_dir / "003_f435064e29848ece.txt")]) == 0
    with Store(db) as store:
        assert store.count_documents() == 1


def test_stdin_input(example_dir: Path) -> None:
    text = (example_dir / "003_f435064e29848ece.txt").read_bytes()
    result = kabar("brief", "-", "--no-store", "--json", "-", stdin=text)
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["documents"][0]["source"] == "-"


@pytest.mark.parametrize(
    "name,content,reason",
    [
        ("scan.pdf", b"%PDF-1.4", "unknown format"),
        ("blob.txt", bytes(range(256)) * 4, "binary file"),
        ("empty.txt", b"", "empty input"),
        ("missing.txt", None, "no such file"),
    ],
)
def test_bad_input_one_line_nonzero_store_unchanged(
    store_copy: Path, tmp_path: Path, name: str, content: bytes | None, reason: str
) -> None:
    db = store_copy
    before = store_snapshot(db)
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    result = kabar("ingest", str(bad), "--db", str(db))
    errors = result.stderr.decode().strip().splitlines()
    assert result.returncode == 2
    assert errors == [f"kabar: {bad}: {errors[0].split(': ', 2)[2]}"] and reason in errors[0]
    assert store_snapshot(db) == before


def test_a_folder_of_unknown_formats_says_what_was_skipped(store_copy: Path, tmp_path: Path) -> None:
    # Wire archives often name files without an extension (DUC's "APW19981027.0241"): the folder is not empty, and
    # the error says so instead of "no input files found" alone.
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "APW19981027.0241").write_text(
        "Hurricane Mitch roared through the Caribbean.", encoding="utf-8"
    )
    (folder / "notes.csv").write_text("a,b\n", encoding="utf-8")
    before = store_snapshot(store_copy)
    result = kabar("ingest", str(folder), "--db", str(store_copy))
    errors = result.stderr.decode().strip().splitlines()
    assert result.returncode == 2 and len(errors) == 1
    assert (
        "no input files found (2 file(s) of other formats skipped; kabar reads" in errors[0]
        and ".txt" in errors[0]
    )
    assert store_snapshot(store_copy) == before


def test_too_large_input(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("kata " * 5000, encoding="utf-8")
    result = kabar("brief", str(big), "--no-store", "--max-bytes", "1000")
    assert result.returncode == 2 and "too large" in result.stderr.decode()


def test_keep_going_reports_bad_files_at_the_end(example_dir: Path, tmp_path: Path, capsys) -> None:
    db = tmp_path / "k.db"
    bad = tmp_path / "blob.txt"
    bad.write_bytes(bytes(range(256)) * 4)
    good = example_dir / "003_f435064e29848ece.txt"
    assert main(["ingest", str(bad), str(good), "--db", str(db), "--keep-going"]) == 1
    stderr = capsys.readouterr().err
    assert f"kabar: {bad}: binary file" in stderr and "1 input(s) could not be read" in stderr
    assert stderr.index("1 new document(s) stored") < stderr.index(f"kabar: {bad}")  # reported at the end
    with Store(db) as store:
        assert store.count_documents() == 1


def test_interrupted_ingest_keeps_what_was_written(example_dir: Path, tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "k.db"
    real_prepare = api.prepare
    calls = {"n": 0}

    def interrupted_on_third(raw, chrome=None):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real_prepare(raw, chrome)

    monkeypatch.setattr(api, "prepare", interrupted_on_third)
    assert main(["-q", "ingest", str(example_dir), "--db", str(db)]) == 130
    with Store(db) as store:
        assert store.count_documents() == 2
        assert store._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    monkeypatch.setattr(api, "prepare", real_prepare)
    assert main(["-q", "ingest", str(example_dir), "--db", str(db)]) == 0  # a rerun completes the work
    with Store(db) as store:
        assert store.count_documents() == 5
        assert store.unassigned_document_ids() == []


def test_two_ingest_processes_on_one_store(example_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "k.db")
    first_half, second_half = tmp_path / "a", tmp_path / "b"
    for folder, names in (
        (first_half, sorted(example_dir.iterdir())[:2]),
        (second_half, sorted(example_dir.iterdir())[2:]),
    ):
        folder.mkdir()
        for path in names:
            (folder / path.name).write_bytes(path.read_bytes())
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "kabar.cli", "-q", "ingest", str(folder), "--db", db],
            stderr=subprocess.PIPE,
        )
        for folder in (first_half, second_half)
    ]
    for process in processes:
        _, errors = process.communicate(timeout=300)
        assert process.returncode == 0, errors.decode()
    with Store(db) as store:
        assert store.count_documents() == 5
        assert store.unassigned_document_ids() == []  # every document ended up in an event
        assert sum(len(event.documents) for event in store.events(limit=None)) == 5


def test_version_and_help() -> None:
    assert kabar("--version").stdout.decode().startswith("kabar ")
    helped = kabar("--help").stdout.decode()
    assert "examples:" in helped and "exit codes" in helped


def test_progress_bar_only_on_a_terminal(monkeypatch, capsys) -> None:
    from kabar.cli import Console

    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert Console(quiet=False).progress(10, "ingest") is None
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert Console(quiet=True).progress(10, "ingest") is None
    advance = Console(quiet=False).progress(10, "ingest")
    assert advance is not None
    advance("a.txt")
    assert "ingest" in capsys.readouterr().err
