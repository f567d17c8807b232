"""Notices drafted from the register in English, French and Spanish, reviewed and published."""
