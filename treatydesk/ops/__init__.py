"""Operations: ``treatydesk backup``, ``restore`` and ``bake``, one module per concern.

``archive`` is the backup file's format, ``sqlite`` and ``postgres`` copy the database in and
out, ``backup`` and ``restore`` put them together with the media files, and ``bake`` writes the
public site as static files. The command-line side is ``treatydesk/cli/ops_commands.py``.
"""
