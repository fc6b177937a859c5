"""The CPU stages over several processes: the texts made, the tokenizer's word counts and the windows
cut. Each item is independent of the others (a text is seeded by its own index), so the result is the
same for any number of processes, in the same order, and for any chunking."""
import multiprocessing
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor

# Below this many items a pool costs more than it saves.
MIN_ITEMS = 4000
# In one process the work still goes in chunks of this many items, so that a cancel is seen between them.
SERIAL_CHUNK = 1000

# The work and its items, which forked workers inherit: only (start, end) pairs go through the pipe. Sent
# whole, a chunk of texts fills the pipe, and if the workers die its writer waits for ever.
_job: tuple = ()


def map_chunks(work: Callable[[Sequence], list], items: Sequence, processes: int, stop_if_asked: Callable[[], None] = lambda: None) -> list:
    """work(chunk) over consecutive chunks of items, its lists joined in order. stop_if_asked() runs
    between chunks and may raise: a cancelled stage waits for a chunk, not for the whole stage. Forked
    processes run pure Python only (no torch), so forking after torch started, CUDA included, is safe. A
    worker that dies (a SIGTERM to the whole process group, the OOM killer) raises BrokenProcessPool."""
    global _job
    if processes <= 1 or len(items) < MIN_ITEMS:
        joined = []
        for start in range(0, len(items), SERIAL_CHUNK):
            stop_if_asked()
            joined.extend(work(items[start:start + SERIAL_CHUNK]))
        return joined
    size = -(-len(items) // (processes * 4))  # a few chunks a process, so one slow chunk does not hold up the end
    spans = [(i, min(i + size, len(items))) for i in range(0, len(items), size)]
    _job = (work, items)
    try:
        with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork"), initializer=_plain_signals) as pool:
            joined = []
            for part in pool.map(_run, spans):
                joined.extend(part)
                try:
                    stop_if_asked()
                except BaseException:
                    pool.shutdown(wait=True, cancel_futures=True)  # the chunks not yet started never start
                    raise
            return joined
    finally:
        _job = ()


def _run(span: tuple) -> list:
    work, items = _job
    return work(items[span[0]:span[1]])


def _plain_signals() -> None:
    # A forked worker inherits the run's handlers, which only note a stop request. A worker should instead
    # end on SIGTERM; Ctrl-C reaches the whole group, and the run alone handles it.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
