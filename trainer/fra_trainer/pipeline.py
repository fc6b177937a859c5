"""The whole run, stage by stage. A stage that completed is never redone on resume; a stage that was
interrupted continues from its checkpoint."""
import json
import math
import shutil
import time
from pathlib import Path

import torch

from .dataset import SPLITS, load_split, load_unlabeled, read_jsonl, synthesize, synthesize_unlabeled, write_dataset, write_unlabeled
from .evaluate import entity_f1, paired_bootstrap_gain
from .export import export_onnx, write_parity_samples
from .features import featurize, featurize_unlabeled
from .model import EncoderConfig, TokenClassifier
from .package import write_package
from .quantize import quantize_dynamic
from .errors import BadInput
from .run import Run, now
from .schema import ENTITIES, LABELS
from .tokenizer import WordPiece
from .train import fit, pick_device, predict

STAGES = ["dataset", "tokenizer", "teacher", "student", "baseline", "export", "quantize", "evaluate", "package"]
ROLES = ("teacher", "student", "baseline")


def encoder_config(run: Run, role: str) -> EncoderConfig:
    c = run.config
    size = c["teacher" if role == "teacher" else "student"]
    return EncoderConfig(vocab_size=c["vocab_size"], max_length=c["max_length"], num_labels=len(LABELS), **size)


def load_model(run: Run, role: str) -> TokenClassifier:
    model = TokenClassifier(encoder_config(run, role))
    model.load_state_dict(torch.load(run.dir / "models" / f"{role}.pt", map_location="cpu"))
    return model.eval()


def stage_inputs(run: Run, dataset_dir: Path | None, corrections: Path | None) -> None:
    """Copies what the run was given into it, so that a resumed run reads exactly the same inputs."""
    if dataset_dir:
        shutil.copytree(dataset_dir, run.dir / "inputs" / "dataset")
    if corrections:
        run.path("inputs", "corrections.jsonl").write_bytes(corrections.read_bytes())


class Pipeline:
    def __init__(self, run: Run):
        self.run = run
        given = run.dir / "inputs"
        self.dataset_source = given / "dataset" if (given / "dataset").is_dir() else None
        self.corrections = given / "corrections.jsonl" if (given / "corrections.jsonl").is_file() else None
        self._features = {}
        torch.manual_seed(run.config["seed"])
        torch.set_num_threads(run.config["threads"])

    # -- helpers shared by stages -------------------------------------------------------------------
    def features(self, split: str) -> list:
        if split not in self._features:
            tokenizer = WordPiece.load(self.run.dir / "tokenizer")
            processes, stop = self.run.config["threads"], self.run.raise_if_cancelled
            if split == "unlabeled":
                self._features[split] = featurize_unlabeled(load_unlabeled(self.run.dir / "dataset"), tokenizer, self.run.config["max_length"], processes, stop)
            else:
                # The reported test figures come from windows cut as the app cuts them; validation only
                # picks checkpoints, so it keeps the training cuts (and earlier runs reproduce exactly).
                self._features[split] = featurize(load_split(self.run.dir / "dataset", split), tokenizer, self.run.config["max_length"], as_the_app_cuts=split == "test", processes=processes, stop_if_asked=stop)
        return self._features[split]

    def student_train(self) -> list:
        # Only the distilled student sees the unlabelled pool: without a teacher it has no target there.
        return self.features("train") + self.features("unlabeled")

    def baseline_epochs(self) -> int:
        """As many optimizer steps as the distilled student took: with a pool, the student's epochs are
        longer, and a baseline given fewer steps would lose for want of training, not of a teacher."""
        c = self.run.config
        student_steps = c["student_epochs"] * math.ceil(len(self.student_train()) / c["batch_size"])
        return math.ceil(student_steps / math.ceil(len(self.features("train")) / c["batch_size"]))

    def train_role(self, role: str) -> None:
        teacher = load_model(self.run, "teacher") if role == "student" else None
        torch.manual_seed(self.run.config["seed"] + 1)  # student and baseline start from the same weights
        model = TokenClassifier(encoder_config(self.run, role))
        epochs = self.baseline_epochs() if role == "baseline" else self.run.config[f"{role}_epochs"]
        train = self.student_train() if role == "student" else self.features("train")
        model = fit(self.run, role, model, train, self.features("validation"), epochs, teacher)
        torch.save(model.state_dict(), self.run.path("models", f"{role}.pt"))

    # -- stages ---------------------------------------------------------------------------------------
    def stage_dataset(self) -> None:
        if self.dataset_source:
            splits = {s: read_jsonl(self.dataset_source / f"{s}.jsonl") for s in SPLITS}
        else:
            corrections = read_jsonl(self.corrections) if self.corrections else []
            splits = synthesize(self.run.config, corrections, self.run.raise_if_cancelled)
        self.run.update(dataset=write_dataset(splits, self.run.dir / "dataset"))

    def stage_tokenizer(self) -> None:
        texts = [row["text"] for row in load_split(self.run.dir / "dataset", "train")]
        tokenizer = WordPiece.train(texts, self.run.config["vocab_size"], self.run.config["threads"], self.run.raise_if_cancelled)
        out = self.run.dir / "tokenizer"
        out.mkdir(exist_ok=True)
        tokenizer.save(out, self.run.config["max_length"])

    def stage_teacher(self) -> None:
        self.train_role("teacher")

    def stage_student(self) -> None:
        # The pool follows from the seed, so a resumed stage writes the same texts again.
        write_unlabeled(synthesize_unlabeled(self.run.config, self.run.raise_if_cancelled), self.run.dir / "dataset")
        self.train_role("student")

    def stage_baseline(self) -> None:
        self.train_role("baseline")

    def stage_export(self) -> None:
        for role in ("teacher", "student"):
            self.run.raise_if_cancelled()
            model = load_model(self.run, role)
            export_onnx(model, self.run.path("onnx", role, "model.onnx"))
            write_parity_samples(model, self.features("test"), self.run.path("onnx", role, "parity.json"))

    def stage_quantize(self) -> None:
        for role in ("teacher", "student"):
            self.run.raise_if_cancelled()
            folder = self.run.dir / "onnx" / role
            counts = quantize_dynamic(folder / "model.onnx", folder / "model_quantized.onnx")
            self.run.log("quantize", "progress", 1.0, message=f"{role}: {counts['matmul']} MatMul and {counts['gather']} Gather quantized")

    def stage_evaluate(self) -> None:
        device = pick_device(self.run.config["device"])
        report, test_predictions = {}, {}
        for role in ROLES:
            self.run.raise_if_cancelled()
            model = load_model(self.run, role).to(device)
            gold, test_predictions[role] = predict(model, self.features("test"), device)
            test = entity_f1(gold, test_predictions[role])
            validation = entity_f1(*predict(model, self.features("validation"), device))
            report[role] = {"test": test, "validation": validation, "parameters": model.num_parameters(), "latency_ms_torch_cpu": torch_latency_ms(load_model(self.run, role))}
            self.run.log("evaluate", "progress", (ROLES.index(role) + 1) / len(ROLES), metrics={f"{role}_test_f1": test["overall"]["f1"]})
        # The gain with its 95% interval over the test texts: a gain inside the test set's own noise is no
        # gain. Both come from the unrounded F1s.
        gain = paired_bootstrap_gain(gold, test_predictions["student"], test_predictions["baseline"], seed=self.run.config["seed"])
        report["distillation_gain_f1"], report["distillation_gain_ci95"] = gain["gain"], gain["ci95"]
        report["unlabeled_examples"] = self.run.config.get("unlabeled_examples", 0)
        report["baseline_epochs"] = self.baseline_epochs()
        (self.run.dir / "evaluation.json").write_text(json.dumps(report, indent=2))

    def stage_package(self) -> None:
        report = json.loads((self.run.dir / "evaluation.json").read_text())
        c = self.run.config
        for role in ("teacher", "student"):
            size = c["teacher" if role == "teacher" else "student"]
            card = {
                "name": f"fra-ner-{role}",
                "role": role,
                "run_id": self.run.state["id"],
                "preset": c["preset"],
                "trained_at": now(),
                "entities": list(ENTITIES),
                "dataset": self.run.state["dataset"],
                "encoder": {**size, "vocab_size": c["vocab_size"], "max_length": c["max_length"]},
                "parameters": report[role]["parameters"],
                "metrics": {"test": report[role]["test"], "validation": report[role]["validation"], "baseline_student_test": report["baseline"]["test"]["overall"] if role == "student" else None},
                "latency_ms_torch_cpu": report[role]["latency_ms_torch_cpu"],
                "teacher": f"fra-ner-teacher of run {self.run.state['id']} ({report['teacher']['parameters']:,} parameters, test F1 {report['teacher']['test']['overall']['f1']})" if role == "student" else None,
                "parent": None,
                "distillation": {"alpha": c["alpha"], "temperature": c["temperature"], "unlabeled_examples": c.get("unlabeled_examples", 0),
                                 **({"gain_f1": report["distillation_gain_f1"], "gain_ci95": report["distillation_gain_ci95"]} if role == "student" else {})},
            }
            out = self.run.dir / "package" / role
            write_package(out, role=role, encoder=card["encoder"], tokenizer_dir=self.run.dir / "tokenizer",
                          onnx_dir=self.run.dir / "onnx" / role, parity=self.run.dir / "onnx" / role / "parity.json", card=card)
            # The held-out set travels with the model: the registry measures the int8 graph on it.
            shutil.copy(self.run.dir / "dataset" / "test.jsonl", out / "test.jsonl")
        self.run.update(package_dir="package/student")

    # -- driver ---------------------------------------------------------------------------------------
    def execute(self) -> None:
        run = self.run
        run.watch_signals()
        if (run.dir / "CANCEL").exists():
            (run.dir / "CANCEL").unlink()
        run.update(status="running", error=None)
        for stage in STAGES:
            if stage in run.state["completed_stages"]:
                continue
            run.raise_if_cancelled()
            run.update(stage=stage)
            run.log(stage, "start", 0.0)
            started = time.time()
            try:
                getattr(self, f"stage_{stage}")()
            except Exception:
                # A SIGTERM to the whole process group also ends the stage's worker processes, and the
                # stage breaks: the run was stopped (and resumes), it did not fail.
                run.raise_if_cancelled()
                raise
            run.log(stage, "end", 1.0, metrics={"seconds": round(time.time() - started, 2)})
            run.update(completed_stages=run.state["completed_stages"] + [stage])
        run.update(status="succeeded", stage=None)


# What must match for a teacher to be reused: the data it saw, its vocabulary and its shape.
TEACHER_KEYS = ("seed", "train_examples", "eval_examples", "vocab_size", "max_length", "teacher")


def adopt_teacher(run: Run, source: Run) -> None:
    """Starts `run` from `source`'s dataset, tokenizer and trained teacher (a student-only retrain)."""
    missing = [s for s in ("dataset", "tokenizer", "teacher") if s not in source.state["completed_stages"]]
    if missing:
        raise BadInput(f"run {source.state['id']} has not completed {', '.join(missing)}: its teacher cannot be reused")
    differ = [k for k in TEACHER_KEYS if source.config[k] != run.config[k]]
    if differ:
        raise BadInput(f"run {source.state['id']} was trained with other {', '.join(differ)}: its teacher does not fit this config")
    for folder in ("dataset", "tokenizer"):
        shutil.copytree(source.dir / folder, run.dir / folder)
    shutil.copy(source.dir / "models" / "teacher.pt", run.path("models", "teacher.pt"))
    run.update(dataset=source.state["dataset"], completed_stages=["dataset", "tokenizer", "teacher"])
    run.log("teacher", "end", 1.0, message=f"teacher reused from run {source.state['id']}")


@torch.no_grad()
def torch_latency_ms(model: TokenClassifier, tokens: int = 40, repeats: int = 30) -> float:
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    ids = torch.randint(5, model.config.vocab_size, (1, tokens))
    mask, types = torch.ones_like(ids), torch.zeros_like(ids)
    for _ in range(3):
        model(ids, mask, types)
    started = time.perf_counter()
    for _ in range(repeats):
        model(ids, mask, types)
    torch.set_num_threads(threads)
    return round((time.perf_counter() - started) * 1000 / repeats, 3)
