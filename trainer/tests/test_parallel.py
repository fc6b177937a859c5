"""The CPU stages give the same texts, vocabulary and windows in one process and in several, and stop
between chunks when asked."""
import pytest

from fra_trainer.dataset import synthesize, synthesize_unlabeled
from fra_trainer.features import featurize, featurize_unlabeled
from fra_trainer.parallel import MIN_ITEMS, SERIAL_CHUNK, map_chunks
from fra_trainer.tokenizer import WordPiece


def config(threads: int) -> dict:
    # Enough texts that the stages do start worker processes.
    return {"seed": 11, "train_examples": MIN_ITEMS + 500, "eval_examples": 20, "unlabeled_examples": MIN_ITEMS + 100, "threads": threads}


def test_several_processes_give_what_one_gives():
    one, two = synthesize(config(1), []), synthesize(config(2), [])
    assert one == two
    pool = synthesize_unlabeled(config(1))
    assert pool == synthesize_unlabeled(config(2)) and len(pool) == MIN_ITEMS + 100

    texts = [row["text"] for row in one["train"]]
    tokenizer = WordPiece.train(texts, 2000)
    assert WordPiece.train(texts, 2000, processes=2).vocab == tokenizer.vocab

    windows = featurize(one["train"], tokenizer, 128)
    assert len(windows) >= len(one["train"])
    assert featurize(one["train"], tokenizer, 128, processes=2) == windows
    assert featurize(one["train"], tokenizer, 128, as_the_app_cuts=True, processes=2) == featurize(one["train"], tokenizer, 128, as_the_app_cuts=True)
    assert featurize_unlabeled(pool, tokenizer, 128, processes=2) == featurize_unlabeled(pool, tokenizer, 128)


class Stop(Exception):
    pass


def stop_after(checks: int):
    seen = []

    def stop_if_asked():
        seen.append(1)
        if len(seen) > checks:
            raise Stop()
    return stop_if_asked


def test_a_stop_between_chunks_ends_the_work_in_one_process_before_the_rest_is_done():
    done = []
    work = lambda chunk: done.extend(chunk) or list(chunk)
    with pytest.raises(Stop):
        map_chunks(work, range(10 * SERIAL_CHUNK), 1, stop_after(2))
    assert len(done) == 2 * SERIAL_CHUNK


def test_a_stop_between_chunks_ends_the_pooled_work_and_the_pool():
    with pytest.raises(Stop):
        map_chunks(_squares, range(4 * MIN_ITEMS), 2, stop_after(1))
    # The pool is gone and nothing is left half set: the next call works and gives everything.
    assert map_chunks(_squares, range(4 * MIN_ITEMS), 2) == [i * i for i in range(4 * MIN_ITEMS)]


def _squares(chunk) -> list:
    return [i * i for i in chunk]
