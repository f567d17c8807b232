"""Open data: the read-only API (``/api/v1/``), its documentation, and the dated releases."""
