"""A run directory: run.json (state, atomically rewritten), metrics.jsonl (appended, read by the server for
progress), checkpoints/, and a CANCEL file or SIGTERM to stop at the next step with a checkpoint."""
import json
import os
import signal
from datetime import datetime, timezone
from pathlib import Path

from .errors import BadInput, Cancelled, NotARun
from .schema import check

RUN_FORMAT = "fra-trainer-run/1"


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Run:
    def __init__(self, directory: Path, state: dict):
        self.dir = directory
        self.state = state
        self._stop = False

    @staticmethod
    def create(directory: Path, config: dict) -> "Run":
        check("trainer-config", config, "config")
        if directory.exists() and any(directory.iterdir()):
            raise BadInput(f"{directory} already exists and is not empty: use `resume` for a run, or a new directory")
        directory.mkdir(parents=True, exist_ok=True)
        run = Run(directory, {
            "format": RUN_FORMAT, "id": directory.name, "status": "queued", "stage": None, "config": config,
            "created_at": now(), "updated_at": now(), "completed_stages": [], "dataset": None, "error": None, "package_dir": None,
        })
        run.save()
        return run

    @staticmethod
    def open(directory: Path) -> "Run":
        path = directory / "run.json"
        if not path.is_file():
            raise NotARun(f"{directory} is not a run: it has no run.json")
        try:
            state = json.loads(path.read_text())
        except json.JSONDecodeError as e:
            raise NotARun(f"{path} is not valid JSON ({e.msg})") from None
        if not isinstance(state, dict) or state.get("format") != RUN_FORMAT:
            raise NotARun(f"{path} is not a {RUN_FORMAT} run file")
        try:
            check("run-state", state, str(path))
        except BadInput as e:
            raise NotARun(str(e)) from None
        return Run(directory, state)

    @property
    def config(self) -> dict:
        return self.state["config"]

    def path(self, *parts) -> Path:
        p = self.dir.joinpath(*parts)
        p.parent.mkdir(parents=True, exist_ok=True)
        return p

    def save(self) -> None:
        self.state["updated_at"] = now()
        tmp = self.dir / "run.json.tmp"
        tmp.write_text(json.dumps(self.state, indent=2))
        os.replace(tmp, self.dir / "run.json")  # readers never see half a file

    def update(self, **fields) -> None:
        self.state.update(fields)
        self.save()

    def log(self, stage: str, event: str, progress: float, **extra) -> None:
        line = {"time": now(), "stage": stage, "event": event, "progress": round(min(max(progress, 0.0), 1.0), 4)}
        line.update({k: v for k, v in extra.items() if v is not None})
        check("metrics-line", line, "metrics line")
        with open(self.dir / "metrics.jsonl", "a", encoding="utf-8") as f:
            f.write(json.dumps(line) + "\n")

    def watch_signals(self) -> None:
        def stop(_signum, _frame):
            self._stop = True
        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)

    def cancel_requested(self) -> bool:
        return self._stop or (self.dir / "CANCEL").exists()

    def raise_if_cancelled(self) -> None:
        if self.cancel_requested():
            raise Cancelled(f"run {self.state['id']} was cancelled; `resume` continues it from its last checkpoint")
