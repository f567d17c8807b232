from contextlib import contextmanager


class CommandError(Exception):
    """A problem to report to the user in plain words, without a traceback."""

    exit_status = 1


class UsageError(CommandError):
    """An argument the command cannot take (a date outside the register's bounds): exit
    status 2, as for argparse's own errors."""

    exit_status = 2


@contextmanager
def reported(*kinds: type[BaseException]):
    """Turn an error of one of `kinds` into a CommandError with its message (no traceback)."""
    try:
        yield
    except kinds as error:
        raise CommandError(str(error)) from None
