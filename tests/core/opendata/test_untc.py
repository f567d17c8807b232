"""The UNTC status table parser and merge (plain Python, no database)."""

import datetime as dt

from tests.untc_layout import untc_table
from treatydesk.core import opendata
from treatydesk.core import register as core

SAMPLE_HEADER = ('Participant,Signature,Provisional application(n),'
                 '"Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)"\n')


def ccm():
    facts, problems = core.load_shipped_facts("ccm")
    assert not [p for p in problems if p.is_error]
    return facts


def table_kinds(facts):
    return sorted((f.state, str(f.kind), f.date) for f in facts
                  if f.kind in opendata.TABLE_KINDS)


def test_a_generated_copy_of_the_ccm_reads_back_to_the_same_acts():
    facts = ccm()
    names = {f.state: f.state_name for f in facts}
    text = untc_table(facts, names, dt.date(2030, 1, 1))
    assert "Cabo Verde" not in text and "Cape Verde" in text
    table = opendata.parse_untc_table(text, "ccm-untc.csv")
    assert table.ok, [str(p) for p in table.problems]
    assert table_kinds(table.facts) == table_kinds(facts)


def test_names_old_and_with_footnote_marks():
    assert opendata.participant_country("Lithuania 4").iso3 == "LTU"
    assert opendata.participant_country("Lithuania4").iso3 == "LTU"
    assert opendata.participant_country("St. Kitts and Nevis").iso3 == "KNA"
    assert opendata.participant_country("The former Yugoslav Republic of Macedonia").iso3 == "MKD"


def test_kinds_from_the_letter_codes_in_any_header_order():
    text = ('Participant,Signature,"Accession(a), Ratification, Succession(d), Acceptance(A)"\n'
            "Norway,3 Dec 2008,3 Dec 2008\nAndorra,,9 Apr 2013 a\nJapan,3 Dec 2008,14 Jul 2009 A\n"
            "Montenegro,,25 Jan 2010 d\n")
    table = opendata.parse_untc_table(text)
    assert table.ok
    kinds = {(f.state, str(f.kind)) for f in table.facts}
    assert {("NOR", "ratification"), ("AND", "accession"), ("JPN", "acceptance"),
            ("MNE", "succession"), ("NOR", "signature")} <= kinds


def test_errors_name_the_line_and_the_column():
    text = SAMPLE_HEADER + "Norway,3 Dec 2008,,3 Dec 2008\nAtlantis,,,1 Jan 2010\n" \
        "Japan,31 Feb 2009,,\nPeru,3 Dec 2008,,26 Sep 2012 x\n"
    table = opendata.parse_untc_table(text, "copy.csv")
    messages = [str(p) for p in table.problems]
    assert not table.ok
    assert any(m.startswith("copy.csv:3 [Participant]") and "Atlantis" in m for m in messages)
    assert any(m.startswith("copy.csv:4 [Signature]") and "no such day" in m for m in messages)
    assert any(m.startswith("copy.csv:5 [Ratification") and "“x”" in m for m in messages)


def test_a_header_that_is_not_untc_is_refused():
    table = opendata.parse_untc_table("state,signature_date\nNorway,2008-12-03\n", "mine.csv")
    assert not table.ok
    assert all(p.line == 1 for p in table.problems)


def test_merge_keeps_withdrawals_later_acts_and_provenance():
    before = [
        core.Fact("LTU", core.FactKind.SIGNATURE, dt.date(2008, 12, 3), source="C.N. kept"),
        core.Fact("LTU", core.FactKind.WITHDRAWAL_EFFECTIVE, dt.date(2025, 3, 6)),
        core.Fact("PER", core.FactKind.RATIFICATION, dt.date(2012, 9, 26)),
        core.Fact("CAN", core.FactKind.SIGNATURE, dt.date(2008, 12, 3)),
    ]
    table = [core.Fact("LTU", core.FactKind.SIGNATURE, dt.date(2008, 12, 3), source="UNTC"),
             core.Fact("NOR", core.FactKind.SIGNATURE, dt.date(2008, 12, 3))]
    merged = opendata.merge_table(before, table, taken_on=dt.date(2011, 1, 1))
    assert before[0] in merged and before[1] in merged  # provenance kept; withdrawal kept
    assert before[2] in merged  # after the copy was taken: the copy says nothing of it
    assert before[3] not in merged  # the copy lacks it: removed
    changes = opendata.diff_facts("CCM", before, merged)
    assert [r["iso3"] for r in changes.added] == ["NOR"]
    assert [r["iso3"] for r in changes.removed] == ["CAN"]
    assert changes.changed == ()
