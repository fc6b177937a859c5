"""Training: one loop for the teacher (cross-entropy), the distilled student (with a teacher) and the
baseline student (the same student without a teacher). Checkpoints every epoch and on cancel; a resumed
stage continues at the exact step where it stopped."""
import contextlib
import random
import time

import torch
from torch.nn import functional as F

from .evaluate import entity_f1
from .model import TokenClassifier, distillation_loss
from .run import Run
from .tokenizer import PAD

# By time, not by steps: on a GPU the full teacher's step takes milliseconds and its checkpoint (weights and
# optimizer, 165 MB) does not, so a step count that suits a CPU would spend the GPU's time writing files.
CHECKPOINT_EVERY_SECONDS = 60.0


def pick_device(name: str) -> torch.device:
    if name == "cuda" or (name == "auto" and torch.cuda.is_available()):
        return torch.device("cuda")
    return torch.device("cpu")


def mixed_precision(device):
    """bfloat16 matrix products on a GPU that has them (the weights and the optimizer stay float32); the
    CPU keeps float32."""
    if device.type == "cuda" and torch.cuda.is_bf16_supported():
        return torch.autocast("cuda", dtype=torch.bfloat16)
    return contextlib.nullcontext()


def collate(batch: list, device):
    width = max(len(ids) for ids, _ in batch)
    # One tensor from padded lists, not one per row: 0.68 against 1.24 ms for 128 windows on this CPU, time a
    # GPU would spend waiting.
    ids = torch.tensor([list(x) + [PAD] * (width - len(x)) for x, _ in batch])
    labels = torch.tensor([list(y) + [-100] * (width - len(y)) for _, y in batch])
    mask = (ids != PAD).long()
    return ids.to(device), mask.to(device), torch.zeros_like(ids).to(device), labels.to(device)


def batch_indices(features: list, batch_size: int, seed: int, epoch: int) -> list:
    """Similar lengths together (less padding), batch order shuffled per epoch, reproducibly."""
    rng = random.Random(f"{seed}:{epoch}")
    order = sorted(range(len(features)), key=lambda i: (len(features[i][0]), rng.random()))
    groups = [order[i:i + batch_size] for i in range(0, len(order), batch_size)]
    rng.shuffle(groups)
    return groups


def batches(features: list, batch_size: int, seed: int, epoch: int) -> list:
    return [[features[i] for i in g] for g in batch_indices(features, batch_size, seed, epoch)]


@torch.no_grad()
def teacher_targets(teacher: TokenClassifier, features: list, device, batch_size: int = 256, stop_if_asked=lambda: None) -> list:
    """The teacher's logits at each window's labelled or unlabelled words, once. The teacher is frozen and
    in eval mode, so its output for a window never changes: computing it at every student step (epochs
    times over, the pool included) only repeated the teacher's forward pass."""
    targets = [None] * len(features)
    for group in batch_indices(features, batch_size, 0, 0):
        stop_if_asked()  # minutes on a CPU for the default preset's pool: a cancel must not wait for them
        ids, mask, types, labels = collate([features[i] for i in group], device)
        keep = labels != -100
        # One boolean index per batch, not per row: on a GPU each one waits for the device.
        with mixed_precision(device):
            logits = teacher(ids, mask, types)
        rows = logits[keep].float().split(keep.sum(dim=1).tolist())
        for i, row in zip(group, rows):
            targets[i] = row
    return targets


@torch.no_grad()
def predict(model: TokenClassifier, features: list, device, batch_size: int = 64):
    """(gold, predicted) label sequences over real tokens, for entity_f1."""
    model.eval()
    gold, predicted = [], []
    for batch in batches(features, batch_size, 0, 0):
        ids, mask, types, labels = collate(batch, device)
        best = model(ids, mask, types).argmax(-1)  # float32: the figures reported come from here
        for row_labels, row_best in zip(labels.tolist(), best.tolist()):
            keep = [i for i, y in enumerate(row_labels) if y != -100]
            gold.append([row_labels[i] for i in keep])
            predicted.append([row_best[i] for i in keep])
    return gold, predicted


def fit(run: Run, stage: str, model: TokenClassifier, train: list, validation: list, epochs: int, teacher: TokenClassifier | None = None) -> TokenClassifier:
    c = run.config
    device = pick_device(c["device"])
    on_gpu = device.type == "cuda"
    if on_gpu:
        # TF32 matrix products: the GPU's fast path, at a precision small encoders do not notice.
        torch.backends.cuda.matmul.allow_tf32 = torch.backends.cudnn.allow_tf32 = True
    model.to(device)
    targets = None
    if teacher is not None:
        # Minutes for a large teacher and pool: say so, or the run looks stuck to whoever watches it.
        run.log(stage, "progress", 0.0, message=f"the teacher reads the {len(train)} training windows once")
        targets = teacher_targets(teacher.to(device).eval(), train, device, stop_if_asked=run.raise_if_cancelled)
    steps_per_epoch = (len(train) + c["batch_size"] - 1) // c["batch_size"]
    total = steps_per_epoch * epochs
    # Fused on a GPU: one kernel for the whole update instead of several per tensor (torch 2; Debian's 1.13 for
    # the CPU has no such option).
    optimizer = torch.optim.AdamW(model.parameters(), lr=c["learning_rate"], weight_decay=0.01, **({"fused": True} if on_gpu else {}))
    warmup = max(1, total // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / max(1, total - warmup))))
    checkpoint = run.path("checkpoints", f"{stage}.pt")
    epoch, skip = 0, 0
    if checkpoint.exists():
        saved = torch.load(checkpoint, map_location=device)
        model.load_state_dict(saved["model"])
        optimizer.load_state_dict(saved["optimizer"])
        schedule.load_state_dict(saved["schedule"])
        epoch, skip = saved["epoch"], saved["step"]
        run.log(stage, "progress", (epoch * steps_per_epoch + skip) / total, message=f"resumed at epoch {epoch} step {skip}")
    else:
        run.log(stage, "start", 0.0, metrics={"parameters": model.num_parameters(), "train_windows": len(train)})

    saved_at = time.monotonic()

    def save(at_epoch: int, at_step: int) -> None:
        nonlocal saved_at
        tmp = checkpoint.with_suffix(".tmp")
        torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "schedule": schedule.state_dict(), "epoch": at_epoch, "step": at_step}, tmp)
        tmp.replace(checkpoint)
        saved_at = time.monotonic()

    while epoch < epochs:
        model.train()
        running = 0.0
        for step, group in enumerate(batch_indices(train, c["batch_size"], c["seed"], epoch)):
            if step < skip:
                continue
            if run.cancel_requested():
                save(epoch, step)
                run.raise_if_cancelled()
            ids, mask, types, labels = collate([train[i] for i in group], device)
            with mixed_precision(device):
                logits = model(ids, mask, types)
                if targets is None:
                    loss = F.cross_entropy(logits.view(-1, logits.shape[-1]), labels.view(-1), ignore_index=-100)
                else:
                    loss = distillation_loss(logits, torch.cat([targets[i] for i in group]), labels, c["alpha"], c["temperature"])
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            # Kept on the device and read every 20 steps: reading it each step would make the CPU wait
            # for the GPU at every step.
            running = 0.9 * running + 0.1 * loss.detach() if step else loss.detach()
            done = epoch * steps_per_epoch + step + 1
            if step % 20 == 0:
                run.log(stage, "progress", done / total, step=done, epoch=epoch, metrics={"loss": round(float(running), 5), "lr": schedule.get_last_lr()[0]})
            if time.monotonic() - saved_at > CHECKPOINT_EVERY_SECONDS:
                save(epoch, step + 1)
        skip = 0
        epoch += 1
        scores = entity_f1(*predict(model, validation, device))
        run.log(stage, "epoch", epoch / epochs, epoch=epoch, metrics={"loss": round(float(running), 5), "val_f1": scores["overall"]["f1"]})
        save(epoch, 0)
    return model.cpu().eval()
