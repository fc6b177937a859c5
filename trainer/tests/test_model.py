import pytest
import torch
from torch.nn import functional as F

from fra_trainer import model as model_module
from fra_trainer.model import EncoderConfig, TokenClassifier, distillation_loss


def small(**kw):
    c = dict(vocab_size=50, max_length=32, hidden=16, layers=2, heads=2, ffn=32, num_labels=23, dropout=0.0)
    c.update(kw)
    return TokenClassifier(EncoderConfig(**c)).eval()


def test_logits_shape():
    ids = torch.randint(5, 50, (3, 11))
    out = small()(ids, torch.ones_like(ids), torch.zeros_like(ids))
    assert out.shape == (3, 11, 23)


def test_padding_does_not_change_real_tokens():
    model = small()
    ids = torch.randint(5, 50, (1, 7))
    alone = model(ids, torch.ones_like(ids), torch.zeros_like(ids))
    padded = torch.cat([ids, torch.zeros(1, 5, dtype=torch.long)], dim=1)
    mask = torch.cat([torch.ones(1, 7, dtype=torch.long), torch.zeros(1, 5, dtype=torch.long)], dim=1)
    with_pad = model(padded, mask, torch.zeros_like(padded))
    assert torch.allclose(alone, with_pad[:, :7], atol=1e-5)



@pytest.mark.skipif(not model_module.FUSED_ATTENTION, reason="torch 1.13 has no fused attention; the GPU image's torch 2 runs this")
def test_fused_attention_gives_the_plain_attentions_logits(monkeypatch):
    model = small()
    ids = torch.randint(5, 50, (2, 9))
    mask = torch.ones_like(ids)
    mask[1, 6:] = 0
    fused = model(ids, mask, torch.zeros_like(ids))
    monkeypatch.setattr(model_module, "FUSED_ATTENTION", False)
    plain = model(ids, mask, torch.zeros_like(ids))
    assert torch.allclose(fused, plain, atol=1e-5)

def test_student_is_much_smaller_than_teacher():
    teacher, student = small(hidden=64, layers=4, ffn=256), small(hidden=16, layers=1, ffn=32)
    assert teacher.num_parameters() > 8 * student.num_parameters()


def test_distillation_loss_is_cross_entropy_at_alpha_one():
    s, t = torch.randn(2, 5, 23), torch.randn(2, 5, 23)
    y = torch.randint(0, 23, (2, 5))
    y[0, 0] = -100
    mask = y != -100
    expected = F.cross_entropy(s[mask], y[mask])
    assert torch.allclose(distillation_loss(s, t, y, alpha=1.0, temperature=3.0), expected)


def test_distillation_loss_kl_term_is_zero_for_identical_logits_and_scaled_by_t_squared():
    s = torch.randn(2, 5, 23)
    y = torch.randint(0, 23, (2, 5))
    assert distillation_loss(s, s.clone(), y, alpha=0.0, temperature=2.0).item() == pytest.approx(0.0, abs=1e-6)
    t = torch.randn(2, 5, 23)
    kl = F.kl_div(F.log_softmax(s.view(-1, 23) / 2, -1), F.log_softmax(t.view(-1, 23) / 2, -1), log_target=True, reduction="batchmean")
    assert distillation_loss(s, t, y, alpha=0.0, temperature=2.0).item() == pytest.approx(4 * kl.item(), rel=1e-5)


def test_distillation_moves_student_towards_teacher():
    student, teacher = small(), small(hidden=32)
    ids = torch.randint(5, 50, (4, 9))
    args = (ids, torch.ones_like(ids), torch.zeros_like(ids))
    y = torch.randint(0, 23, (4, 9))
    loss = distillation_loss(student(*args), teacher(*args).detach(), y, alpha=0.5, temperature=2.0)
    loss.backward()
    assert all(p.grad is not None for p in student.parameters() if p.requires_grad)


def test_distillation_loss_on_unlabeled_words_is_the_kl_term_alone():
    s, t = torch.randn(2, 5, 23), torch.randn(2, 5, 23)
    y = torch.full((2, 5), -1)
    y[:, 0] = -100  # [CLS]
    real = y != -100
    kl = F.kl_div(F.log_softmax(s[real] / 2, -1), F.log_softmax(t[real] / 2, -1), log_target=True, reduction="batchmean")
    loss = distillation_loss(s, t, y, alpha=0.5, temperature=2.0)
    assert torch.isfinite(loss)
    assert loss.item() == pytest.approx(0.5 * 4 * kl.item(), rel=1e-5)


def test_distillation_loss_mixes_labelled_and_unlabeled_words():
    s, t = torch.randn(1, 6, 23), torch.randn(1, 6, 23)
    y = torch.tensor([[-100, 3, -1, -1, 0, -100]])
    gold = y >= 0
    ce = F.cross_entropy(s[gold], y[gold])
    real = y != -100
    kl = F.kl_div(F.log_softmax(s[real] / 2, -1), F.log_softmax(t[real] / 2, -1), log_target=True, reduction="batchmean")
    assert distillation_loss(s, t, y, alpha=0.3, temperature=2.0).item() == pytest.approx(0.3 * ce.item() + 0.7 * 4 * kl.item(), rel=1e-5)


def test_cached_teacher_targets_give_the_same_loss_as_the_teacher_run_on_the_batch():
    from fra_trainer.train import batch_indices, collate, teacher_targets

    torch.manual_seed(0)
    teacher, student = small(hidden=32).eval(), small()
    # Windows of different lengths, some unlabelled (-1), so batches pad and the cache must skip padding.
    features = []
    for n in (5, 9, 7, 3, 8, 6):
        labels = [-100] + [int(x) for x in torch.randint(-1, 23, (n - 2,))] + [-100]
        features.append(([2] + [int(x) for x in torch.randint(5, 50, (n - 2,))] + [3], labels))
    targets = teacher_targets(teacher, features, torch.device("cpu"), batch_size=4)
    for group in batch_indices(features, 3, seed=1, epoch=2):
        ids, mask, types, labels = collate([features[i] for i in group], torch.device("cpu"))
        logits = student(ids, mask, types)
        with torch.no_grad():
            direct = distillation_loss(logits, teacher(ids, mask, types), labels, alpha=0.4, temperature=2.0)
        cached = distillation_loss(logits, torch.cat([targets[i] for i in group]), labels, alpha=0.4, temperature=2.0)
        assert cached.item() == pytest.approx(direct.item(), rel=1e-5)


def test_the_teachers_pass_over_the_pool_stops_at_the_batch_where_a_cancel_is_asked():
    from fra_trainer.errors import Cancelled
    from fra_trainer.train import teacher_targets

    features = [([2, 7, 8, 3], [-100, 0, 0, -100])] * 40
    asked = []

    def stop_if_asked():
        asked.append(True)
        if len(asked) == 3:
            raise Cancelled("cancelled by the test")

    with pytest.raises(Cancelled):
        teacher_targets(small().eval(), features, torch.device("cpu"), batch_size=4, stop_if_asked=stop_if_asked)
    assert len(asked) == 3  # of 10 batches
