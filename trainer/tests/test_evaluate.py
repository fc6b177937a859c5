"""Entity-level scoring and the distillation gain's interval."""
from fra_trainer.evaluate import entity_f1, paired_bootstrap_gain
from fra_trainer.schema import LABELS

B, I, O = LABELS.index("B-VILLAGE"), LABELS.index("I-VILLAGE"), LABELS.index("O")


def test_an_entity_counts_only_with_its_exact_extent():
    gold = [[B, I, O]]
    assert entity_f1(gold, [[B, I, O]])["overall"]["f1"] == 1.0
    assert entity_f1(gold, [[B, O, O]])["overall"]["f1"] == 0.0  # one token short is a miss and a false hit


def test_the_gain_interval_is_zero_for_identical_models_and_above_zero_for_a_better_one():
    gold = [[B, I, O, B]] * 200
    right, wrong = [B, I, O, B], [O, O, O, B]
    same = paired_bootstrap_gain(gold, [right] * 200, [right] * 200)
    assert same["gain"] == 0.0 and same["ci95"] == [0.0, 0.0]
    # a is right on every text; b misses one entity of two on every tenth text
    b = [wrong if i % 10 == 0 else right for i in range(200)]
    better = paired_bootstrap_gain(gold, [right] * 200, b, resamples=300)
    assert better["gain"] > 0 and 0 < better["ci95"][0] <= better["gain"] <= better["ci95"][1]
    # the interval is reproducible for a seed
    assert paired_bootstrap_gain(gold, [right] * 200, b, resamples=300) == better
