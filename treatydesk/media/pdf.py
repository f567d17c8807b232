"""The PDF features that make a document refused: code, automatic actions, files inside.

A reader opening an instrument of ratification must not run code (JavaScript), be sent
somewhere or have a program started when the file opens (OpenAction, additional actions,
Launch) or receive other files packed inside it (embedded files, rich media). The media app's
validator (``treatydesk/media/validators.py``) looks for these names in every object of the
file and refuses the upload when it finds one.
"""

REFUSED_NAMES = frozenset({
    "/JS", "/JavaScript",           # scripts
    "/Launch",                      # start another program
    "/OpenAction", "/AA",           # actions run on opening, or on page and field events
    "/EmbeddedFile", "/EmbeddedFiles", "/FileAttachment",  # files packed inside
    "/RichMedia",                   # Flash and other players
    "/SubmitForm", "/ImportData",   # send or load data elsewhere
})
