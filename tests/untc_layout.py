"""A UNTC-layout status table written from a register's facts (docs/untc-format.md), for tests.

Written independently of the parser: UNTC's header with the codes in a shuffled order, dates
as ``3 Dec 2008`` with the kind's letter, former names as older copies have them, and
footnote marks after some names (spaced or glued).
"""

import csv
import datetime as dt
import io
import random

OLD_NAMES = {
    "CPV": "Cape Verde", "CZE": "Czech Republic", "SWZ": "Swaziland", "TUR": "Turkey",
    "KNA": "St. Kitts and Nevis", "MKD": "The former Yugoslav Republic of Macedonia",
}
LETTERS = {"ratification": "", "acceptance": "A", "approval": "AA", "accession": "a",
           "succession": "d"}
WORDS = {"ratification": "Ratification", "acceptance": "Acceptance", "approval": "Approval",
         "accession": "Accession", "succession": "Succession"}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def untc_date(day: dt.date, letter: str = "") -> str:
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{text} {letter}" if letter else text


def untc_table(facts, names: dict[str, str], taken_on: dt.date, seed: int = 1) -> str:
    rng = random.Random(seed)
    kinds = list(LETTERS)
    rng.shuffle(kinds)
    consent_header = ", ".join(WORDS[k] if not LETTERS[k] else f"{WORDS[k]}({LETTERS[k]})"
                               for k in kinds)
    rows: dict[str, dict] = {}
    for fact in facts:
        if fact.date is None or fact.date > taken_on:
            continue
        row = rows.setdefault(fact.state, {})
        kind = str(fact.kind)
        if kind == "signature":
            row["sig"] = untc_date(fact.date)
        elif kind == "provisional_application":
            row["pa"] = untc_date(fact.date, "n")
        elif kind in LETTERS:
            row["consent"] = untc_date(fact.date, LETTERS[kind])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Participant", "Signature", "Provisional application(n)", consent_header])
    for number, iso3 in enumerate(sorted(rows, key=lambda s: names[s])):
        name = OLD_NAMES.get(iso3, names[iso3])
        if number % 9 == 4:
            name = f"{name} {number % 7 + 1}"
        elif number % 9 == 7:
            name = f"{name}{number % 7 + 1}"
        row = rows[iso3]
        writer.writerow([name, row.get("sig", ""), row.get("pa", ""), row.get("consent", "")])
    return out.getvalue()
