"""The one exception the command line turns into a readable sentence and exit status 2."""


class InputError(Exception):
    """The input could not be read as a disclosure; the message is one sentence for the user."""
