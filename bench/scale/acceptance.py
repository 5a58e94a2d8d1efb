"""The acceptance run of issue 7: one `kabar run` command per engine over one corpus, on a terminal, compared.

    .venv/bin/python -m bench.scale.acceptance bench/out/scale/corpus-10k --out bench/out/scale/acceptance-10k \\
        --runs "local:--workers 2" "ray:--engine ray --workers 2"

Each run is the real command (`python -m kabar.cli run CORPUS --db OUT/NAME.db ARGS`) under `nice`, with its stderr
on a pseudo-terminal, as a user at a terminal would see it: the progress bar is drawn only there, and what it drew
is kept in OUT/NAME.stderr (the bar's last state of each stage is printed). While it runs, the resident memory and
CPU time of the whole process tree (driver, pool workers, Ray's processes) are sampled as in
`bench.scale.throughput`. After the runs, every store is compared with the first one (`bench.scale.compare`: every
document with its sources, every event with its briefing, the clusterer and chrome state). A store that already
exists is compared without running again, so a run can be made alone and compared later.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import re
import shlex
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path
from typing import Any

from bench.scale.compare import differences, store_content
from bench.scale.throughput import NICE, TreeSampler

TERMINAL_ROWS, TERMINAL_COLUMNS = 40, 120
_BAR_LINE = re.compile(r"(documents|clustering|briefing):\s*100%[^\r\n]*")


def run_on_terminal(command: list[str], stderr_path: Path, environment: dict[str, str]) -> dict[str, Any]:
    """Run `command` with its stderr on a pseudo-terminal copied to `stderr_path`; wall, CPU, peak memory."""
    master, slave = pty.openpty()
    # A terminal's size, as a user's terminal has one (a fresh pseudo-terminal reports 0 x 0).
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", TERMINAL_ROWS, TERMINAL_COLUMNS, 0, 0))
    started = time.perf_counter()
    child = subprocess.Popen(command, stderr=slave, stdout=subprocess.DEVNULL, env=environment)
    os.close(slave)
    sampler = TreeSampler(child.pid)
    with stderr_path.open("wb") as log:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            log.write(chunk)
            log.flush()
    child.wait()
    sampled = sampler.stop()
    os.close(master)
    return {
        "returncode": child.returncode,
        "wall_seconds": round(time.perf_counter() - started, 1),
        **sampled,
    }


def bar_states(stderr_path: Path) -> list[str]:
    """The last state the progress bar drew for each stage that reached 100 %, and the closing message."""
    text = stderr_path.read_text(encoding="utf-8", errors="replace")
    finished = [match.group(0).strip() for match in _BAR_LINE.finditer(text)]
    last: dict[str, str] = {}
    for line in finished:
        last[line.split(":")[0]] = line
    closing = [line.strip() for line in re.split(r"[\r\n]+", text) if line.startswith("kabar:")]
    return [*last.values(), *closing]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus")
    parser.add_argument("--out", required=True)
    parser.add_argument(
        "--runs", nargs="+", required=True, help='NAME:ARGS, e.g. "ray:--engine ray --workers 2"'
    )
    parser.add_argument("--threads", default="1", help="OMP_NUM_THREADS of the runs (default 1)")
    args = parser.parse_args()

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    environment = dict(os.environ, OMP_NUM_THREADS=args.threads)
    environment.pop("KABAR_DB", None)
    results: dict[str, Any] = {}
    for spec in args.runs:
        name, _, arguments = spec.partition(":")
        db = out / f"{name}.db"
        stderr_path = out / f"{name}.stderr"
        result: dict[str, Any] = {"name": name, "arguments": arguments}
        if not db.exists():
            command = ["nice", "-n", str(NICE), sys.executable, "-m", "kabar.cli", "run", args.corpus]
            command += ["--db", str(db), *shlex.split(arguments)]
            result["command"] = " ".join(command)
            result.update(run_on_terminal(command, stderr_path, environment))
            (out / f"{name}.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
        elif (out / f"{name}.json").exists():
            result = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        if stderr_path.exists():
            result["progress"] = bar_states(stderr_path)
        results[name] = result
        print(json.dumps(result, indent=1), flush=True)
    names = list(results)
    reference = store_content(out / f"{names[0]}.db")
    events = len(reference["briefing"]["events"])
    documents = len(reference["briefing"]["documents"])
    print(f"{names[0]}: {documents} documents, {events} events", flush=True)
    for name in names[1:]:
        found = differences(reference, store_content(out / f"{name}.db"))
        verdict = "identical" if not found else f"DIFFERENT: {found[:5]}"
        print(f"{name} vs {names[0]}: {verdict}", flush=True)


if __name__ == "__main__":
    main()
