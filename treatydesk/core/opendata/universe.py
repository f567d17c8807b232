"""The States a country-year panel lists: UN members and observer States, and any participant.

A panel has a row for every State of the site's universe in every year, not only for the
participants of a treaty, so that a researcher's "0" means "not a party" and not "missing".
The universe is the 193 Members of the United Nations, the two non-member observer States
(Holy See, State of Palestine) and every other State recorded as a participant of a register
(Cook Islands and Niue take part in treaties deposited with the Secretary-General).
"""

from __future__ import annotations

from collections.abc import Iterable

#: ISO 3166 alpha-3 codes of the 193 Member States of the United Nations.
UN_MEMBERS = frozenset("""
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA
BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK
COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD
GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ
LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE
MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT
QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF
SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA
USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split())

#: Non-member observer States of the United Nations.
OBSERVER_STATES = frozenset({"VAT", "PSE"})


def universe(participants: Iterable[str] = ()) -> list[str]:
    """Return the ISO3 codes of the panel's States: UN members, observers and ``participants``."""
    return sorted(UN_MEMBERS | OBSERVER_STATES | set(participants))
