"""`kabar run`: every executor gives the same store, a killed run resumes to the same result, and the inputs and
outputs it promises (folders, JSON lines, WARC, fsspec URLs; SQLite, Parquet, JSON) work.

The corpus is sixteen short synthetic reports of four happenings (two Indonesian, two English) from several
outlets, spread over text files, a JSON-lines file and a WARC, so that clustering has real choices to make. It is
small because briefing embeds every sentence, and the module runs the whole pipeline about eight times.
Runs go through the `kabar` command in subprocesses, each with its own (random) string hash seed, as a user's runs
would: worker processes never share the driver's seed, so a step whose output depended on set iteration order
would show up here as an engine difference, which for a user it would be.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from bench.scale.compare import store_content

from kabar.cli import main
from kabar.executors.base import InProcessExecutor, ProcessExecutor, make_executor
from kabar.executors.sources import discover_sources, read_source
from kabar.records import briefing_from_dict
from kabar.store import Store

KABAR = [sys.executable, "-m", "kabar.cli"]

# Four happenings, each told by several outlets in their own words: (language, date, outlet names, sentences).
# Sentences use {n}, {m} for numbers that every report of one happening shares.
HAPPENINGS: list[dict[str, Any]] = [
    {
        "language": "id",
        "date": "2024-02-03",
        "outlets": ["kabarjateng.id", "warta-semarang.com", "beritakota.co.id", "suaratimur.id"],
        "title": [
            "Banjir Rendam {n} Rumah di Semarang",
            "Ribuan Warga Semarang Mengungsi Akibat Banjir",
            "Banjir Besar Landa Kota Semarang",
        ],
        "sentences": [
            "Banjir merendam {n} rumah warga di Kecamatan Genuk, Kota Semarang, Jawa Tengah, pada Sabtu (3/2/2024).",
            "Kepala BPBD Kota Semarang, Endro Pudyo Martanto, mengatakan ketinggian air mencapai {m} sentimeter.",
            "Hujan deras yang mengguyur Semarang sejak Jumat malam membuat Sungai Babon meluap.",
            "Sebanyak {m}0 warga dievakuasi ke posko pengungsian di Masjid Agung Jawa Tengah.",
            "Wali Kota Semarang Hevearita Gunaryanti Rahayu meninjau lokasi banjir bersama Basarnas.",
            "BPBD Semarang menyiagakan perahu karet dan dapur umum bagi pengungsi.",
            '"Kami minta warga tetap waspada karena hujan diperkirakan masih turun," kata Endro.',
            "Jalur Pantura Semarang-Demak sempat lumpuh akibat genangan air.",
        ],
    },
    {
        "language": "id",
        "date": "2024-03-12",
        "outlets": ["kabarjateng.id", "ekonomi-hari-ini.id", "beritakota.co.id"],
        "title": [
            "Bank Indonesia Tahan Suku Bunga di {n} Persen",
            "BI Pertahankan Suku Bunga Acuan",
            "Suku Bunga Acuan BI Tetap {n} Persen",
        ],
        "sentences": [
            "Bank Indonesia mempertahankan suku bunga acuan BI-Rate di level {n} persen pada Selasa (12/3/2024).",
            "Gubernur Bank Indonesia Perry Warjiyo mengatakan keputusan itu sejalan dengan upaya menjaga inflasi.",
            "Rapat Dewan Gubernur BI berlangsung selama dua hari di Jakarta.",
            "Nilai tukar rupiah ditutup melemah ke level Rp15.{m}0 per dolar AS.",
            "Ekonom Bank Mandiri menilai keputusan BI sudah sesuai perkiraan pasar.",
            '"Stabilitas nilai tukar rupiah tetap menjadi prioritas," kata Perry Warjiyo.',
            "Inflasi Februari tercatat {m} persen secara tahunan menurut Badan Pusat Statistik.",
        ],
    },
    {
        "language": "en",
        "date": "2024-01-09",
        "outlets": ["pacific-wire.com", "daily-observer.net", "asia-report.org", "globe-news.com"],
        "title": [
            "Magnitude {n} Earthquake Strikes Sulawesi",
            "Strong Quake Rocks Central Sulawesi, Residents Flee",
            "Sulawesi Earthquake Damages Hundreds of Homes",
        ],
        "sentences": [
            "A magnitude {n} earthquake struck Central Sulawesi, Indonesia, on Tuesday, January 9, 2024.",
            "The Meteorology, Climatology and Geophysics Agency said the quake was centred {m} kilometres south of Palu.",
            "At least {m}0 houses were damaged in Donggala and Sigi, the disaster agency reported.",
            "Residents of Palu ran out of their homes as the ground shook for several seconds.",
            "The agency said there was no risk of a tsunami, and no deaths were reported.",
            '"We felt a strong jolt and everyone ran outside," said Andi Rahman, a resident of Palu.',
            "The National Disaster Mitigation Agency sent tents and food to Sigi regency.",
            "Palu was devastated by an earthquake and tsunami in 2018 that killed more than 4,000 people.",
        ],
    },
    {
        "language": "en",
        "date": "2024-04-22",
        "outlets": ["daily-observer.net", "globe-news.com", "tech-ledger.com"],
        "title": [
            "Garuda Indonesia Orders {n} Airbus Jets",
            "Garuda Signs Deal for {n} New Airbus Aircraft",
            "Indonesian Flag Carrier Expands Fleet With Airbus Order",
        ],
        "sentences": [
            "Garuda Indonesia signed an agreement with Airbus for {n} A330neo aircraft in Jakarta on Monday.",
            "Garuda chief executive Irfan Setiaputra said the jets would serve routes to Europe and Australia.",
            "The deal is worth about {m} billion dollars at list prices, according to Airbus.",
            "Deliveries are expected to begin in 2026, the airline said in a statement.",
            '"This order marks a new chapter for Garuda," Irfan Setiaputra told reporters.',
            "Garuda completed a debt restructuring in 2022 after losses during the pandemic.",
            "Airbus has been competing with Boeing for orders from Southeast Asian airlines.",
        ],
    },
]
REPORTS_PER_HAPPENING = 4
# Small tasks make a killed run stop between tasks, with some work stored and some not (task size never changes
# what a run produces).
SMALL_TASKS = ["--task-documents", "4"]


def _reports(seed: int = 7) -> list[dict[str, str]]:
    """Reports of the happenings: each outlet picks, orders and words its own selection of the facts."""
    rng = random.Random(seed)
    reports = []
    for number, happening in enumerate(HAPPENINGS):
        n, m = 5 + number, 20 + 3 * number
        for index in range(REPORTS_PER_HAPPENING):
            sentences = rng.sample(happening["sentences"], k=rng.randint(3, 5))
            paragraphs = [
                " ".join(sentences[i : i + 2]).format(n=n, m=m) for i in range(0, len(sentences), 2)
            ]
            reports.append(
                {
                    "title": rng.choice(happening["title"]).format(n=n, m=m),
                    "outlet": happening["outlets"][index % len(happening["outlets"])],
                    "published": f"{happening['date']}T{8 + index:02d}:{rng.randint(0, 59):02d}:00+07:00",
                    "text": "\n\n".join(paragraphs),
                    "language": happening["language"],
                }
            )
    return reports


def _write_warc(path: Path, pages: list[tuple[str, str]]) -> None:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as output:
        writer = WARCWriter(output, gzip=True)
        for url, html in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(html.encode("utf-8")), http_headers=headers
            )
            writer.write_record(record)


def _html(report: dict[str, str]) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in report["text"].split("\n\n"))
    return (
        f'<html lang="{report["language"]}"><head><title>{report["title"]}</title>'
        f'<meta property="article:published_time" content="{report["published"]}">'
        f'<meta property="og:site_name" content="{report["outlet"]}"></head>'
        f"<body><nav>Home | News | Sport</nav><article><h1>{report['title']}</h1>{paragraphs}</article>"
        "<footer>Copyright 2024</footer></body></html>"
    )


def build_corpus(root: Path) -> Path:
    """A third of the reports as text files, a third as JSON lines, a third in a WARC."""
    corpus = root / "corpus"
    reports = _reports()
    texts, lines, pages = reports[0::3], reports[1::3], reports[2::3]
    (corpus / "text").mkdir(parents=True)
    for index, report in enumerate(texts):
        body = f"{report['title']}\n\n{report['outlet']} - {report['text']}\n"
        (corpus / "text" / f"{index:03d}.txt").write_text(body, encoding="utf-8")
    with (corpus / "reports.jsonl").open("w", encoding="utf-8") as output:
        for report in lines:
            record = {key: report[key] for key in ("title", "outlet", "published", "text")}
            output.write(json.dumps(record, ensure_ascii=False) + "\n")
    _write_warc(
        corpus / "crawl.warc.gz",
        [(f"https://{r['outlet']}/news/{i}", _html(r)) for i, r in enumerate(pages)],
    )
    return corpus


# -- running the command -------------------------------------------------------------------------------------------


def _environment() -> dict[str, str]:
    # One embedding thread: on a busy machine the engine's OpenMP threads otherwise wait on each other (about four
    # times slower on two shared cores). The vectors do not depend on the thread count.
    environment = dict(os.environ, OMP_NUM_THREADS="1")
    environment.pop("PYTHONHASHSEED", None)
    environment.pop("KABAR_DB", None)
    return environment


def kabar_run(*arguments: str | Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [*KABAR, "run", *map(str, arguments)],
        capture_output=True,
        text=True,
        env=_environment(),
        timeout=240,
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("executors"))


@pytest.fixture(scope="module")
def reference(corpus: Path) -> dict[str, Any]:
    """The in-process run (the default executor) that every other executor must equal."""
    db = corpus.parent / "in-process.db"
    json_path = corpus.parent / "in-process.json"
    result = kabar_run(corpus, "--db", db, "--json", json_path)
    return {"db": db, "json": json_path, "content": store_content(db), "stderr": result.stderr}


# -- the corpus and the reference run make sense ---------------------------------------------------------------------


def test_reference_run_reads_every_format_and_forms_several_events(corpus: Path, reference: dict) -> None:
    briefing = reference["content"]["briefing"]
    expected = len(HAPPENINGS) * REPORTS_PER_HAPPENING
    assert len(briefing["documents"]) == expected
    sources = [source for document in briefing["documents"] for source in document["sources"]]
    assert any("#L" in source for source in sources)
    assert any("#record-" in source for source in sources)
    assert {document["language"] for document in briefing["documents"]} >= {"id", "en"}
    events = briefing["events"]
    # Four happenings: whatever the clusterer's finer choices, it must not put everything together or nothing.
    assert 2 <= len(events) < expected
    assert all(event["summary"] for event in events)
    assert "in-process" in reference["stderr"]


def test_json_output_is_the_briefing_of_the_input(reference: dict) -> None:
    written = json.loads(Path(reference["json"]).read_text(encoding="utf-8"))
    briefing = briefing_from_dict(written)
    stored = reference["content"]["briefing"]
    assert sorted(event.id for event in briefing.events) == [event["id"] for event in stored["events"]]
    assert written["schema"] == "kabar.briefing/1"


# -- executors give equal results ------------------------------------------------------------------------------------


def test_in_process_run_gives_the_same_store_as_kabar_ingest(corpus: Path, reference: dict) -> None:
    """One way to do each thing: `kabar run` is `kabar ingest` with the heavy steps spread out."""
    db = corpus.parent / "ingest.db"
    result = subprocess.run(
        [*KABAR, "ingest", str(corpus), "--db", str(db)], capture_output=True, text=True, env=_environment()
    )
    assert result.returncode == 0, result.stderr
    ingested, ran = store_content(db), reference["content"]
    assert ingested["briefing"] == ran["briefing"]
    for key in ("clusterer", "chrome"):
        assert ingested["state"][key] == ran["state"][key]


def test_local_workers_give_the_same_store_as_in_process(corpus: Path, reference: dict) -> None:
    db = corpus.parent / "local.db"
    result = kabar_run(corpus, "--db", db, "--workers", "2")
    assert "local, 2 worker(s)" in result.stderr
    assert store_content(db) == reference["content"]


@pytest.mark.ray
def test_ray_gives_the_same_store_as_in_process(corpus: Path, reference: dict) -> None:
    pytest.importorskip("ray", reason="Ray is not installed (pip install 'kabar[ray]')")
    db = corpus.parent / "ray.db"
    parquet = corpus.parent / "ray-parquet"
    result = kabar_run(corpus, "--db", db, "--engine", "ray", "--workers", "2", "--parquet", parquet)
    assert "ray, 2 worker(s)" in result.stderr
    assert store_content(db) == reference["content"]
    import pyarrow.parquet as pq

    documents = pq.read_table(parquet / "documents.parquet").to_pylist()
    events = pq.read_table(parquet / "events.parquet").to_pylist()
    briefings = pq.read_table(parquet / "briefings.parquet").to_pylist()
    stored = reference["content"]["briefing"]
    assert sorted(row["id"] for row in documents) == [d["id"] for d in stored["documents"]]
    assert sorted(row["id"] for row in events) == [e["id"] for e in stored["events"]]
    by_event = {row["event_id"]: row for row in briefings}
    for event in stored["events"]:
        assert json.loads(by_event[event["id"]]["briefing"]) == event
        assert by_event[event["id"]]["summary"] == " ".join(s["text"] for s in event["summary"])
    members = {d["id"]: d["event_id"] for d in documents}
    for event in stored["events"]:
        assert all(members[document_id] == event["id"] for document_id in event["documents"])


# -- resuming --------------------------------------------------------------------------------------------------------


def _count(db: Path, table: str) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    except sqlite3.Error:
        return 0


def _kill_when(db: Path, arguments: list[str | Path], reached: Any) -> None:
    """Start `kabar run`, SIGKILL it as soon as `reached(db)` holds, and make sure it did not finish first.

    The run and its worker processes are killed together (its own process group), as when a machine dies; killing
    the driver alone would leave its pool's workers behind on the machine.
    """
    process = subprocess.Popen(
        [*KABAR, "run", *map(str, arguments)],
        env=_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 180
    while process.poll() is None and time.monotonic() < deadline:
        if reached(db):
            os.killpg(process.pid, signal.SIGKILL)
            break
        time.sleep(0.02)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, (
        f"the run ended before it was killed: {process.stderr.read()}"
    )


def test_a_run_killed_twice_resumes_to_the_same_store(corpus: Path, reference: dict) -> None:
    """Killed while storing documents, then killed again while briefing, then finished: same store."""
    db = corpus.parent / "killed.db"
    total = len(reference["content"]["briefing"]["documents"])
    _kill_when(db, [corpus, "--db", db, *SMALL_TASKS], lambda path: _count(path, "documents") >= 6)
    stored_before = _count(db, "documents")
    assert 6 <= stored_before < total
    assert _count(db, "events") == 0

    def clustered_not_briefed(path: Path) -> bool:
        # Events exist once the clusterer's slice is saved; briefing then rewrites them task by task.
        return _count(path, "events") > 0

    _kill_when(db, [corpus, "--db", db, "--workers", "2", *SMALL_TASKS], clustered_not_briefed)
    assert _count(db, "documents") == total
    with Store(db) as store:
        unbriefed = store.state("executors.unbriefed")
    assert unbriefed, "killed after briefing had finished: nothing left to resume"
    result = kabar_run(corpus, "--db", db)
    assert (
        f"0 new document(s) stored, {total} already in the store; {len(unbriefed)} event(s)" in result.stderr
    )
    assert store_content(db) == reference["content"]


def test_a_second_run_over_the_same_input_changes_nothing(
    corpus: Path, reference: dict, capsys: pytest.CaptureFixture[str]
) -> None:
    db = corpus.parent / "again.db"
    shutil.copy(reference["db"], db)
    assert main(["run", str(corpus), "--db", str(db)]) == 0
    total = len(reference["content"]["briefing"]["documents"])
    stderr = capsys.readouterr().err
    assert f"0 new document(s) stored, {total} already in the store; 0 event(s) briefed" in stderr
    assert store_content(db) == reference["content"]


# -- inputs ----------------------------------------------------------------------------------------------------------


def test_fsspec_urls_read_like_local_paths(corpus: Path) -> None:
    fsspec = pytest.importorskip("fsspec")
    memory = fsspec.filesystem("memory")
    local = sorted(discover_sources([corpus]))
    for path in local:
        memory.pipe(f"/executors-test/{Path(path).relative_to(corpus)}", Path(path).read_bytes())
    remote = discover_sources(["memory://executors-test"])
    assert len(remote) == len(local)
    assert all(source.startswith("memory://") for source in remote)

    def articles(sources: list[str]) -> list[tuple[str, str | None]]:
        return sorted((raw.body, raw.url) for source in sources for raw in read_source(source))

    assert articles(remote) == articles(local)
    memory.rm("/executors-test", recursive=True)


def test_a_bad_input_stops_the_run_unless_keep_going(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for index, report in enumerate(_reports()[:2]):
        (corpus / f"{index}.txt").write_text(f"{report['title']}\n\n{report['text']}\n", encoding="utf-8")
    (corpus / "broken.jsonl").write_text('{"text": "fine"}\n{not json\n', encoding="utf-8")
    assert main(["run", str(corpus), "--db", str(tmp_path / "a.db")]) == 2
    assert "broken.jsonl#L2: invalid JSON" in capsys.readouterr().err
    assert main(["run", str(corpus), "--db", str(tmp_path / "b.db"), "--keep-going"]) == 1
    assert "broken.jsonl#L2: invalid JSON" in capsys.readouterr().err
    with Store(tmp_path / "b.db") as store:
        assert store.count_documents() == 2
        assert store.count_events() >= 1


# -- executors on their own ------------------------------------------------------------------------------------------


def _square_plus(shared: int, task: int) -> int:
    return task * task + shared


def test_executors_return_results_in_task_order_with_bounded_work_in_flight() -> None:
    pulled: list[int] = []

    def tasks() -> Any:
        for task in range(40):
            pulled.append(task)
            yield task

    expected = [task * task + 3 for task in range(40)]
    assert list(InProcessExecutor().map(_square_plus, tasks(), 3)) == expected
    with ProcessExecutor(2) as executor:
        pulled.clear()
        results = executor.map(_square_plus, tasks(), 3, window=4)
        first = next(results)
        assert first == 3
        assert len(pulled) <= 5  # the window, plus the one task that freed a place
        assert [first, *results] == expected


def test_make_executor_choices() -> None:
    assert isinstance(make_executor("local", None), InProcessExecutor)
    assert isinstance(make_executor("local", 1), InProcessExecutor)
    executor = make_executor("local", 0)
    assert isinstance(executor, ProcessExecutor) and executor.workers >= 1
    with pytest.raises(ValueError):
        make_executor("spark", 2)
    with pytest.raises(ValueError):
        make_executor("local", 2, address="ray://head:10001")
