"""A reason for every history row written inside a block (a restore writes the item, its
sections and its points, each saved deep inside the services, and each row must say why)."""

import contextlib
from contextvars import ContextVar

_reason: ContextVar[str | None] = ContextVar("history_reason", default=None)


@contextlib.contextmanager
def change_reason(reason: str):
    token = _reason.set(reason)
    try:
        yield
    finally:
        _reason.reset(token)


def apply_reason(sender, history_instance, **kwargs):
    """pre_create_historical_record: the block's reason, unless the row brought its own."""
    reason = _reason.get()
    if reason and not history_instance.history_change_reason:
        history_instance.history_change_reason = reason[:100]
