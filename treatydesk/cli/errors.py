from contextlib import contextmanager


class CommandError(Exception):
    """A problem to report to the user in plain words, without a traceback."""


@contextmanager
def reported(*kinds: type[BaseException]):
    """Turn an error of one of `kinds` into a CommandError with its message (no traceback)."""
    try:
        yield
    except kinds as error:
        raise CommandError(str(error)) from None
