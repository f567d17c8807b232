class CommandError(Exception):
    """A problem to report to the user in plain words, without a traceback."""
