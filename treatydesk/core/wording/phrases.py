"""The words of the notices in English, French and Spanish, one table per language.

Every language fills the same ``Phrases``: ``notices`` picks the pattern for the case (an
instrument awaiting entry into force, a withdrawal that took effect, …) and fills its slots:

- ``{name}`` the state as the subject of the sentence ("l’Irak"), ``{Name}`` the same with a
  capital when it opens the sentence; ``{treaty}`` the treaty's name inside a sentence, from its
  definition file ("la Convention sur les armes à sous-munitions");
- ``{date}``, ``{on}`` (" on 29 June 2025", or nothing when no date is recorded), ``{article}``
  ("Art. 20", "art. 20"), ``{article_words}`` ("l’article 20"), ``{summary}`` (the withdrawal
  rule in words: "six months after");
- ``{place}``, ``{ordinal}``, ``{names}``, ``{infinitive}``, ``{perfect}``, ``{opening}`` and
  ``{verb}``, built from the other phrases. A verb whose subject is the state agrees with it
  ("les Pays-Bas deviendront"; see ``grammar.plural``); a withdrawal's verbs agree with the
  withdrawal and do not.

French and Spanish sentences then take their contractions ("à le" → "au"). A pattern that is
None does not exist in that language: French and Spanish have no notice of a bare signature.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .. import register as core

Kind = core.FactKind


@dataclass(frozen=True)
class Phrases:
    """One language's notices: patterns with {slots}, and the verbs that fill their {verb}."""

    infinitives: Mapping[core.FactKind, str]  # "As the 83rd State *to ratify* …"
    perfects: Mapping[core.FactKind, str]  # "Lebanon *has acceded to* …" (no deposit date)
    conjunction: str  # the last of several names: "A, B and C"
    on: str  # a date after a verb: "notified its withdrawal *on 29 June 2025*"
    # A consent instrument.
    place: str
    tied: str
    tied_verbs: tuple[str, str]  # in `tied`, for one state deposited the same day, for several
    opening: str
    undated: str
    awaiting: str  # before the treaty itself enters into force
    awaiting_verb: str
    in_force: Mapping[str, tuple[str, str]]  # tense ("past", "present", "future"): pattern, verb
    signed: str | None  # a signature, no instrument
    unsigned: str | None  # neither
    # A withdrawal.
    withdrawal: Mapping[str, tuple[str, str]]  # tense: pattern, verb (agreeing with the withdrawal)
    notified: str  # added while the withdrawal is still to take effect
    held: str
    held_verb: str
    announced: str  # a notification no source dates
    announced_verb: str
    # A notice's title: "Ratification: Iraq".
    kinds: Mapping[str, str]
    title_separator: str


ENGLISH = Phrases(
    infinitives={
        Kind.RATIFICATION: "to ratify",
        Kind.ACCEPTANCE: "to accept",
        Kind.APPROVAL: "to approve",
        Kind.ACCESSION: "to accede to",
        Kind.SUCCESSION: "to succeed to",
        Kind.CONSENT: "to consent to be bound by",
    },
    perfects={
        Kind.RATIFICATION: "has ratified",
        Kind.ACCEPTANCE: "has accepted",
        Kind.APPROVAL: "has approved",
        Kind.ACCESSION: "has acceded to",
        Kind.SUCCESSION: "has succeeded to",
        Kind.CONSENT: "has consented to be bound by",
    },
    conjunction="and",
    on=" on {date}",
    place="the {ordinal} State",
    tied=" (jointly with {names}, which deposited on the same day)",
    tied_verbs=("", ""),
    opening="As {place} {infinitive} {treaty}, {name}",
    undated="{name} {perfect} {treaty}; the date of deposit is not recorded, so no date of entry "
            "into force is given.",
    awaiting="{opening} {verb} a State Party when the treaty enters into force ({article}).",
    awaiting_verb="will become",
    in_force={
        "past": ("{opening} {verb} a State Party on {date}.", "became"),
        "present": ("{opening} {verb} a State Party on {date}.", "becomes"),
        "future": ("{opening} {verb} a State Party on {date}.", "will become"),
    },
    signed="{name} signed {treaty}{on}.",
    unsigned="{name} has no recorded signature or instrument.",
    withdrawal={
        "past": ("{name}'s withdrawal from {treaty} {verb} on {date}", "took effect"),
        "present": ("{name}'s withdrawal from {treaty} {verb} on {date}", "takes effect"),
        "future": ("{name}'s withdrawal from {treaty} {verb} on {date}", "will take effect"),
    },
    notified=", {summary} the Depositary received the notification on {date} ({article})",
    held="{name} {verb} its withdrawal from {treaty}{on}; under {article} the withdrawal does not "
         "take effect while {name} is engaged in an armed conflict.",
    held_verb="notified",
    announced="{name} {verb} its withdrawal from {treaty}; no date of notification is recorded, "
              "so the date it takes effect under {article} is not known.",
    announced_verb="has announced",
    kinds={"ratification": "Ratification", "acceptance": "Acceptance", "approval": "Approval",
           "accession": "Accession", "succession": "Succession", "consent": "Consent",
           "withdrawal_notified": "Withdrawal", "withdrawal_effective": "Withdrawal"},
    title_separator=": ",
)

FRENCH = Phrases(
    infinitives={
        Kind.RATIFICATION: "ratifier",
        Kind.ACCEPTANCE: "accepter",
        Kind.APPROVAL: "approuver",
        Kind.ACCESSION: "adhérer à",
        Kind.SUCCESSION: "succéder à",
        Kind.CONSENT: "consentir à être lié par",
    },
    perfects={
        Kind.RATIFICATION: "a ratifié",
        Kind.ACCEPTANCE: "a accepté",
        Kind.APPROVAL: "a approuvé",
        Kind.ACCESSION: "a adhéré à",
        Kind.SUCCESSION: "a succédé à",
        Kind.CONSENT: "a consenti à être lié par",
    },
    conjunction="et",
    on=" le {date}",
    place="{ordinal} État",
    tied=" (avec {names}, qui {verb} déposé le même jour)",
    tied_verbs=("a", "ont"),
    opening="En tant que {place} à {infinitive} {treaty}, {name}",
    undated="{Name} {perfect} {treaty} ; la date du dépôt n’étant pas consignée, aucune date "
            "d’entrée en vigueur n’est indiquée.",
    awaiting="{opening} {verb} État partie à l’entrée en vigueur du traité ({article}).",
    awaiting_verb="deviendra",
    in_force={
        "past": ("{opening} {verb} depuis le {date}.", "est État partie"),
        "present": ("{opening} {verb} État partie le {date}.", "devient"),
        "future": ("{opening} {verb} État partie le {date}.", "deviendra"),
    },
    signed=None,
    unsigned=None,
    withdrawal={
        "past": ("Le retrait de {name} de {treaty} {verb} le {date}", "a pris effet"),
        "present": ("Le retrait de {name} de {treaty} {verb} le {date}", "prend effet"),
        "future": ("Le retrait de {name} de {treaty} {verb} le {date}", "prendra effet"),
    },
    notified=", le dépositaire ayant reçu la notification le {date} ({article})",
    held="{Name} {verb} retrait de {treaty}{on} ; en vertu de {article_words}, ce retrait ne "
         "prend pas effet tant que cet État est engagé dans un conflit armé.",
    held_verb="a notifié son",
    announced="{Name} {verb} retrait de {treaty} ; aucune date de notification n’étant "
              "consignée, la date à laquelle il prendra effet ({article}) n’est pas connue.",
    announced_verb="a annoncé son",
    kinds={"ratification": "Ratification", "acceptance": "Acceptation", "approval": "Approbation",
           "accession": "Adhésion", "succession": "Succession", "consent": "Consentement",
           "withdrawal_notified": "Retrait", "withdrawal_effective": "Retrait"},
    title_separator=" : ",
)

SPANISH = Phrases(
    infinitives={
        Kind.RATIFICATION: "ratificar",
        Kind.ACCEPTANCE: "aceptar",
        Kind.APPROVAL: "aprobar",
        Kind.ACCESSION: "adherirse a",
        Kind.SUCCESSION: "suceder en",
        Kind.CONSENT: "consentir en obligarse por",
    },
    perfects={
        Kind.RATIFICATION: "ha ratificado",
        Kind.ACCEPTANCE: "ha aceptado",
        Kind.APPROVAL: "ha aprobado",
        Kind.ACCESSION: "se ha adherido a",
        Kind.SUCCESSION: "ha sucedido en",
        Kind.CONSENT: "ha consentido en obligarse por",
    },
    conjunction="y",
    on=" el {date}",
    place="{ordinal} Estado",
    tied=" (junto con {names}, que {verb} el mismo día)",
    tied_verbs=("depositó", "depositaron"),
    opening="Como {place} en {infinitive} {treaty}, {name}",
    undated="{Name} {perfect} {treaty}; como no consta la fecha de depósito, no se indica fecha "
            "de entrada en vigor.",
    awaiting="{opening} {verb} en Estado parte cuando el tratado entre en vigor ({article}).",
    awaiting_verb="se convertirá",
    in_force={
        "past": ("{opening} {verb} en Estado parte el {date}.", "se convirtió"),
        "present": ("{opening} {verb} en Estado parte el {date}.", "se convierte"),
        "future": ("{opening} {verb} en Estado parte el {date}.", "se convertirá"),
    },
    signed=None,
    unsigned=None,
    withdrawal={
        "past": ("La retirada de {name} de {treaty} {verb} el {date}", "surtió efecto"),
        "present": ("La retirada de {name} de {treaty} {verb} el {date}", "surte efecto"),
        "future": ("La retirada de {name} de {treaty} {verb} el {date}", "surtirá efecto"),
    },
    notified=", dado que el depositario recibió la notificación el {date} ({article})",
    held="{Name} {verb} su retirada de {treaty}{on}; conforme a {article_words}, la retirada no "
         "surte efecto mientras ese Estado participe en un conflicto armado.",
    held_verb="notificó",
    announced="{Name} {verb} su retirada de {treaty}; como no consta la fecha de notificación, "
              "se desconoce la fecha en que surtirá efecto ({article}).",
    announced_verb="ha anunciado",
    kinds={"ratification": "Ratificación", "acceptance": "Aceptación", "approval": "Aprobación",
           "accession": "Adhesión", "succession": "Sucesión", "consent": "Consentimiento",
           "withdrawal_notified": "Retirada", "withdrawal_effective": "Retirada"},
    title_separator=": ",
)

PHRASES = {"en": ENGLISH, "fr": FRENCH, "es": SPANISH}
