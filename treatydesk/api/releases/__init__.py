"""Dated, immutable releases of every register: files, data package, citation, changelog."""
