"""fra_trainer CLI. Exit codes: 0 done, 1 unexpected error, 2 bad input (config, dataset row, corrections),
3 not a run directory, 4 cancelled (resumable). Errors are one line on stderr: 'error <code>: message'.

  run     --preset tiny|default|full | --config FILE   --run-dir DIR [--set key=value ...]
          [--corrections FILE | --dataset DIR | --teacher-run DIR]
          --teacher-run DIR: reuse that run's dataset, tokenizer and teacher: distill a new student only
  dataset --preset P | --config FILE  --out DIR [--set ...] [--extra FILE ...]
          a dataset version: the synthetic splits of the config plus extra rows (corrections, imports) in
          the training split; prints its version, sha256 and counts as JSON
  resume  --run-dir DIR
  cancel  --run-dir DIR
  status  --run-dir DIR
"""
import argparse
import json
import sys
from pathlib import Path

from .dataset import read_jsonl, synthesize, write_dataset
from .errors import BadInput, TrainerError
from .pipeline import Pipeline, adopt_teacher, stage_inputs
from .run import Run
from .schema import check

PRESETS = Path(__file__).resolve().parent.parent / "presets"


def load_config(preset: str, overrides: list, config_file: Path | None = None) -> dict:
    if config_file is not None:
        if not config_file.is_file():
            raise BadInput(f"{config_file} does not exist")
        try:
            config = json.loads(config_file.read_text())
        except json.JSONDecodeError as e:
            raise BadInput(f"{config_file} is not JSON ({e.msg})") from None
    else:
        path = PRESETS / f"{preset}.json"
        if not path.is_file():
            raise BadInput(f"unknown preset {preset!r}; known: {', '.join(sorted(p.stem for p in PRESETS.glob('*.json')))}")
        config = json.loads(path.read_text())
    for item in overrides:
        key, _, raw = item.partition("=")
        if not raw:
            raise BadInput(f"--set {item!r}: use key=value (value in JSON, e.g. teacher_epochs=2)")
        try:
            value = json.loads(raw)
        except json.JSONDecodeError:
            value = raw
        target = config
        *parents, leaf = key.split(".")
        for p in parents:
            target = target.setdefault(p, {})
        target[leaf] = value
    return config


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="fra_trainer", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    run_p = sub.add_parser("run")
    run_p.add_argument("--preset", default="tiny")
    run_p.add_argument("--config", type=Path)
    run_p.add_argument("--run-dir", required=True, type=Path)
    run_p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    source = run_p.add_mutually_exclusive_group()
    source.add_argument("--corrections", type=Path)
    source.add_argument("--dataset", type=Path)
    source.add_argument("--teacher-run", type=Path)
    data_p = sub.add_parser("dataset")
    data_p.add_argument("--preset", default="tiny")
    data_p.add_argument("--config", type=Path)
    data_p.add_argument("--out", required=True, type=Path)
    data_p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE")
    data_p.add_argument("--extra", action="append", default=[], type=Path)
    for name in ("resume", "cancel", "status"):
        sub.add_parser(name).add_argument("--run-dir", required=True, type=Path)
    args = parser.parse_args(argv)
    try:
        if args.command == "run":
            for given in (args.corrections, args.dataset):
                if given is not None and not given.exists():
                    raise BadInput(f"{given} does not exist")
            teacher_source = Run.open(args.teacher_run) if args.teacher_run else None  # before creating anything
            run = Run.create(args.run_dir, load_config(args.preset, args.set, args.config))
            stage_inputs(run, args.dataset, args.corrections)
            if teacher_source:
                adopt_teacher(run, teacher_source)
            Pipeline(run).execute()
        elif args.command == "dataset":
            config = load_config(args.preset, args.set, args.config)
            check("trainer-config", config, "config")
            if args.out.exists() and any(args.out.iterdir()):
                raise BadInput(f"{args.out} already exists and is not empty")
            extra = [row for path in args.extra for row in read_jsonl(path)]  # every row checked before anything is written
            print(json.dumps(write_dataset(synthesize(config, extra), args.out)))
        elif args.command == "resume":
            run = Run.open(args.run_dir)
            if run.state["status"] == "succeeded":
                print(f"run {run.state['id']} already succeeded")
                return 0
            Pipeline(run).execute()
        elif args.command == "cancel":
            Run.open(args.run_dir)
            (args.run_dir / "CANCEL").write_text("cancel requested\n")
        elif args.command == "status":
            print(json.dumps(Run.open(args.run_dir).state, indent=2))
        return 0
    except TrainerError as e:
        if args.command in ("run", "resume") and "run" in locals():
            run.update(status="cancelled" if e.code == "cancelled" else "failed", error={"code": e.code, "message": str(e)})
        print(f"error {e.code}: {e}", file=sys.stderr)
        return e.exit_code
    except Exception as e:  # a bug or a broken environment: record it on the run, keep the traceback
        if args.command in ("run", "resume") and "run" in locals():
            run.update(status="failed", error={"code": "internal", "message": f"{type(e).__name__}: {e}"})
        raise


if __name__ == "__main__":
    sys.exit(main())
