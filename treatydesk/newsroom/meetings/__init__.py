"""Meetings and events: dates, place, presidency and their documents with UN symbols."""
