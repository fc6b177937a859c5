"""The CLI as a caller (the app's launcher) sees it: exit codes, run.json, metrics lines, cancel and resume."""
import json
import math
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from fra_trainer.schema import check

TRAINER = Path(__file__).resolve().parent.parent
MICRO = ["--set", "train_examples=120", "--set", "eval_examples=20", "--set", "vocab_size=500", "--set", "threads=1",
         "--set", 'teacher={"hidden":32,"layers":1,"heads":2,"ffn":64}', "--set", 'student={"hidden":16,"layers":1,"heads":2,"ffn":32}',
         "--set", "teacher_epochs=1", "--set", "student_epochs=1", "--set", "batch_size=8"]


def trainer(*args, wait=True):
    cmd = [sys.executable, "-m", "fra_trainer", *map(str, args)]
    env = {**os.environ, "PYTHONPATH": str(TRAINER)}
    if not wait:
        return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return subprocess.run(cmd, env=env, capture_output=True, text=True)


def state(run_dir):
    return json.loads((run_dir / "run.json").read_text())


def cancel_once_logged(process, run_dir, line: str) -> int:
    """`fra_trainer cancel` as soon as the run's metrics log has `line`; the run's exit code."""
    metrics = run_dir / "metrics.jsonl"
    deadline = time.time() + 120
    while time.time() < deadline and not (metrics.exists() and line in metrics.read_text()):
        time.sleep(0.05)
    assert trainer("cancel", "--run-dir", run_dir).returncode == 0
    return process.wait(timeout=120)


def test_a_micro_run_completes_with_a_valid_run_file_and_metrics(tmp_path):
    result = trainer("run", "--preset", "tiny", "--run-dir", tmp_path / "r", *MICRO)
    assert result.returncode == 0, result.stderr
    s = state(tmp_path / "r")
    check("run-state", s, "run.json")
    assert s["status"] == "succeeded" and s["package_dir"] == "package/student"
    lines = [json.loads(l) for l in (tmp_path / "r" / "metrics.jsonl").read_text().splitlines()]
    for line in lines:
        check("metrics-line", line, "metrics line")
    assert [l["stage"] for l in lines if l["event"] == "end"] == ["dataset", "tokenizer", "teacher", "student", "baseline", "export", "quantize", "evaluate", "package"]
    package = tmp_path / "r" / "package" / "student"
    for f in ["config.json", "tokenizer.json", "tokenizer_config.json", "onnx/model.onnx", "onnx/model_quantized.onnx", "card.json", "README.md", "parity.json", "test.jsonl"]:
        assert (package / f).is_file(), f
    card = json.loads((package / "card.json").read_text())
    assert card["metrics"]["baseline_student_test"] is not None and card["teacher"]
    evaluation = json.loads((tmp_path / "r" / "evaluation.json").read_text())
    assert card["distillation"]["gain_f1"] == evaluation["distillation_gain_f1"]
    # The card a person reads states the baseline and the gain with its interval.
    low, high = evaluation["distillation_gain_ci95"]
    assert f"a gain of {evaluation['distillation_gain_f1']:+.4f} (95% interval {low:+.4f} to {high:+.4f}" in (package / "README.md").read_text()


def test_a_malformed_corrections_row_is_refused_with_its_line_and_nothing_is_trained(tmp_path):
    corrections = tmp_path / "corrections.jsonl"
    good = {"text": "Village: Kotgul", "spans": [{"start": 9, "end": 15, "label": "VILLAGE"}], "source": "field_correction", "reviewer": "field.etapalli"}
    bad = {**good, "spans": [{"start": 9, "end": 15, "label": "PINCODE"}]}
    corrections.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n")
    result = trainer("run", "--preset", "tiny", "--run-dir", tmp_path / "r", "--corrections", corrections, *MICRO)
    assert result.returncode == 2
    assert "corrections.jsonl line 2" in result.stderr and "PINCODE" in result.stderr
    s = state(tmp_path / "r")
    assert s["status"] == "failed" and s["error"]["code"] == "bad_input" and s["completed_stages"] == []


def test_empty_rows_and_spans_outside_the_text_are_refused(tmp_path):
    for i, line in enumerate(["", '{"text": "", "spans": [], "source": "import", "reviewer": null}',
                              '{"text": "abc", "spans": [{"start": 1, "end": 9, "label": "DATE"}], "source": "import", "reviewer": null}', "{not json"]):
        corrections = tmp_path / f"c{i}.jsonl"
        corrections.write_text(line + "\n")
        result = trainer("run", "--preset", "tiny", "--run-dir", tmp_path / f"r{i}", "--corrections", corrections, *MICRO)
        assert result.returncode == 2, (line, result.stderr)
        assert "line 1" in result.stderr


def test_a_directory_that_is_not_a_run_is_refused(tmp_path):
    (tmp_path / "x").mkdir()
    result = trainer("resume", "--run-dir", tmp_path / "x")
    assert result.returncode == 3 and "not a run" in result.stderr
    (tmp_path / "x" / "run.json").write_text('{"format": "something else"}')
    assert trainer("status", "--run-dir", tmp_path / "x").returncode == 3


def test_a_config_out_of_range_is_refused(tmp_path):
    result = trainer("run", "--preset", "tiny", "--run-dir", tmp_path / "r", "--set", "alpha=3")
    assert result.returncode == 2 and "alpha" in result.stderr
    assert trainer("run", "--preset", "nope", "--run-dir", tmp_path / "r2").returncode == 2


def test_cancel_keeps_a_checkpoint_and_resume_finishes_the_run(tmp_path):
    run_dir = tmp_path / "r"
    args = [*MICRO, "--set", "teacher_epochs=40"]
    process = trainer("run", "--preset", "tiny", "--run-dir", run_dir, *args, wait=False)
    assert cancel_once_logged(process, run_dir, '"stage": "teacher", "event": "epoch"') == 4
    metrics = run_dir / "metrics.jsonl"
    s = state(run_dir)
    assert s["status"] == "cancelled" and "teacher" not in s["completed_stages"]
    assert (run_dir / "checkpoints" / "teacher.pt").is_file()
    result = trainer("resume", "--run-dir", run_dir)
    assert result.returncode == 0, result.stderr
    assert state(run_dir)["status"] == "succeeded"
    resumed = [json.loads(l) for l in metrics.read_text().splitlines() if "resumed at epoch" in l]
    assert resumed and resumed[0]["stage"] == "teacher"


def test_cancel_during_the_dataset_stage_stops_it_there_not_after_it(tmp_path):
    # 200,000 texts in one process: tens of seconds of the stage left when the cancel comes. It must be
    # seen between chunks of texts, so the run ends cancelled inside the stage, which is then still to do.
    run_dir = tmp_path / "r"
    process = trainer("run", "--preset", "tiny", "--run-dir", run_dir, "--set", "train_examples=200000", "--set", "threads=1", wait=False)
    assert cancel_once_logged(process, run_dir, '"stage": "dataset", "event": "start"') == 4
    s = state(run_dir)
    assert s["status"] == "cancelled" and s["stage"] == "dataset" and s["completed_stages"] == []
    assert not (run_dir / "dataset" / "train.jsonl").exists()  # nothing half written


def test_a_student_only_run_reuses_another_runs_teacher(tmp_path):
    assert trainer("run", "--preset", "tiny", "--run-dir", tmp_path / "a", *MICRO).returncode == 0
    result = trainer("run", "--preset", "tiny", "--run-dir", tmp_path / "b", "--teacher-run", tmp_path / "a", *MICRO, "--set", "student_epochs=2", "--set", "unlabeled_examples=60")
    assert result.returncode == 0, result.stderr
    b = state(tmp_path / "b")
    # The new student also learned from 60 unlabelled texts; the baseline (no teacher) did not see them.
    assert len((tmp_path / "b" / "dataset" / "unlabeled.jsonl").read_text().splitlines()) == 60
    evaluation = json.loads((tmp_path / "b" / "evaluation.json").read_text())
    assert evaluation["unlabeled_examples"] == 60
    low, high = evaluation["distillation_gain_ci95"]
    assert -1 <= low <= high <= 1  # its meaning is tested in test_evaluate.py
    windows = {line["stage"]: line["metrics"]["train_windows"] for line in map(json.loads, (tmp_path / "b" / "metrics.jsonl").read_text().splitlines())
               if line["event"] == "start" and "train_windows" in line.get("metrics", {})}
    assert windows["student"] > windows["baseline"]
    lines = list(map(json.loads, (tmp_path / "b" / "metrics.jsonl").read_text().splitlines()))
    assert any(line["stage"] == "student" and "the teacher reads" in line.get("message", "") for line in lines)
    # ...but it is given as many optimizer steps (batch_size 8, the student's 2 epochs over the larger set).
    baseline_epochs = [line["epoch"] for line in map(json.loads, (tmp_path / "b" / "metrics.jsonl").read_text().splitlines())
                       if line["stage"] == "baseline" and line["event"] == "epoch"][-1]
    assert baseline_epochs * math.ceil(windows["baseline"] / 8) >= 2 * math.ceil(windows["student"] / 8) > 2 * math.ceil(windows["baseline"] / 8)
    assert b["dataset"] == state(tmp_path / "a")["dataset"]
    assert (tmp_path / "b" / "models" / "teacher.pt").read_bytes() == (tmp_path / "a" / "models" / "teacher.pt").read_bytes()
    assert not (tmp_path / "b" / "checkpoints" / "teacher.pt").exists()  # not trained again
    refused = trainer("run", "--preset", "tiny", "--run-dir", tmp_path / "c", "--teacher-run", tmp_path / "a", *MICRO, "--set", "vocab_size=600")
    assert refused.returncode == 2 and "vocab_size" in refused.stderr


def test_corrections_join_the_training_split_and_are_kept_with_the_run(tmp_path):
    corrections = tmp_path / "corrections.jsonl"
    row = {"text": "Village: Kotgul", "spans": [{"start": 9, "end": 15, "label": "VILLAGE"}], "source": "field_correction", "reviewer": "field.etapalli"}
    corrections.write_text(json.dumps(row) + "\n")
    result = trainer("run", "--preset", "tiny", "--run-dir", tmp_path / "r", "--corrections", corrections, *MICRO)
    assert result.returncode == 0, result.stderr
    assert state(tmp_path / "r")["dataset"]["counts"]["corrections"] == 1
    assert (tmp_path / "r" / "inputs" / "corrections.jsonl").read_text() == corrections.read_text()
    train_rows = [json.loads(l) for l in (tmp_path / "r" / "dataset" / "train.jsonl").read_text().splitlines()]
    assert row in [{k: v for k, v in r.items() if k != "lang"} for r in train_rows]


def test_a_dataset_version_is_content_addressed_and_refuses_a_bad_extra_row(tmp_path):
    extra = tmp_path / "corrections.jsonl"
    row = {"text": "Village: Kotgul", "spans": [{"start": 9, "end": 15, "label": "VILLAGE"}], "source": "field_correction", "reviewer": "field.etapalli"}
    extra.write_text(json.dumps(row) + "\n")
    first = trainer("dataset", "--preset", "tiny", "--out", tmp_path / "a", "--extra", extra, *MICRO)
    assert first.returncode == 0, first.stderr
    info = json.loads(first.stdout)
    assert info["counts"] == {"train": 121, "validation": 20, "test": 20, "corrections": 1}
    again = json.loads(trainer("dataset", "--preset", "tiny", "--out", tmp_path / "b", "--extra", extra, *MICRO).stdout)
    assert again["sha256"] == info["sha256"]  # the same inputs make the same version
    without = json.loads(trainer("dataset", "--preset", "tiny", "--out", tmp_path / "c", *MICRO).stdout)
    assert without["sha256"] != info["sha256"]
    extra.write_text(json.dumps({**row, "spans": [{"start": 9, "end": 99, "label": "VILLAGE"}]}) + "\n")
    refused = trainer("dataset", "--preset", "tiny", "--out", tmp_path / "d", "--extra", extra, *MICRO)
    assert refused.returncode == 2 and "line 1" in refused.stderr and not (tmp_path / "d").exists()
    # A run trains on exactly that version.
    config = tmp_path / "config.json"
    config.write_text(json.dumps({**json.loads((TRAINER / "presets" / "tiny.json").read_text()), "train_examples": 120, "eval_examples": 20, "vocab_size": 500, "threads": 1,
                                  "teacher": {"hidden": 32, "layers": 1, "heads": 2, "ffn": 64}, "student": {"hidden": 16, "layers": 1, "heads": 2, "ffn": 32},
                                  "teacher_epochs": 1, "student_epochs": 1, "batch_size": 8}))
    run = trainer("run", "--config", config, "--run-dir", tmp_path / "r", "--dataset", tmp_path / "a")
    assert run.returncode == 0, run.stderr
    assert state(tmp_path / "r")["dataset"]["sha256"] == info["sha256"]


def test_a_stop_signal_to_the_process_group_during_a_parallel_stage_cancels_the_run(tmp_path):
    # What a supervisor (timeout, systemd) does: SIGTERM to every process of the group, the dataset
    # stage's worker processes included. The run must end as cancelled and resumable, not hang or fail.
    run_dir = tmp_path / "run"
    cmd = [sys.executable, "-m", "fra_trainer", "run", "--preset", "tiny", "--run-dir", str(run_dir),
           "--set", "train_examples=200000", "--set", "threads=2"]
    proc = subprocess.Popen(cmd, env={**os.environ, "PYTHONPATH": str(TRAINER)}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    metrics = run_dir / "metrics.jsonl"
    try:
        for _ in range(600):
            if metrics.exists() and '"dataset"' in metrics.read_text():
                break
            time.sleep(0.05)
        time.sleep(1.0)  # into the stage's worker processes
        os.killpg(proc.pid, signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:  # hung: do not leave it behind
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 4, err
    s = state(run_dir)
    assert s["status"] == "cancelled" and s["error"]["code"] == "cancelled"
    assert "resume" in err
