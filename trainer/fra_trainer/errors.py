"""Errors a caller can act on, each with its own process exit code (see __main__.py)."""


class TrainerError(Exception):
    exit_code = 1
    code = "internal"


class BadInput(TrainerError):
    """A dataset row, config or corrections file the trainer refuses; nothing trained is touched."""

    exit_code = 2
    code = "bad_input"


class NotARun(TrainerError):
    """A directory given as a run that has no valid run.json."""

    exit_code = 3
    code = "not_a_run"


class Cancelled(TrainerError):
    """The run was asked to stop; its checkpoints stay, `resume` continues it."""

    exit_code = 4
    code = "cancelled"
