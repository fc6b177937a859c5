"""The CPU stages over several processes: the texts made, the tokenizer's word counts and the windows
cut. Each item is independent of the others (a text is seeded by its own index), so the result is the
same for any number of processes, in the same order."""
import multiprocessing
from collections.abc import Callable, Sequence

# Below this many items a pool costs more than it saves.
MIN_ITEMS = 4000


def map_chunks(work: Callable[[Sequence], list], items: Sequence, processes: int) -> list:
    """work(chunk) over consecutive chunks of items, its lists joined in order. Forked processes run pure
    Python only (no torch), so forking after torch started, CUDA included, is safe."""
    if processes <= 1 or len(items) < MIN_ITEMS:
        return work(items)
    size = -(-len(items) // (processes * 4))  # a few chunks a process, so one slow chunk does not hold up the end
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        return [item for part in pool.map(work, chunks) for item in part]
