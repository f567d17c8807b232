"""Default content of ``treatydesk init``: the security notice about the 2013 phishing mail."""

import datetime as dt

from django.db import transaction

SLUG = "phishing-2013"
DATE = dt.date(2013, 6, 14)
NOTICE = {
    "en": {
        "title": "Beware of forged e-mail: “Re: Important Confidential Document”",
        "summary": "Messages with the subject “Re: Important Confidential Document” were sent "
                   "in the Convention's name. They are not from us: their link leads to "
                   "malicious software. Do not open it.",
        "body": "<p>In 2013 the Convention's domain was used to send a forged message whose "
                "link installed malicious software. The secretariat never sends attachments "
                "you did not ask for and never asks for a password.</p>"
                "<p>Every message we send now carries a DKIM signature. If in doubt, check a "
                "message on our page “Is this e-mail from us?” before opening its links.</p>",
    },
    "fr": {
        "title": "Attention aux faux courriels : « Re: Important Confidential Document »",
        "summary": "Des messages ayant pour objet « Re: Important Confidential Document » ont "
                   "été envoyés au nom de la Convention. Ils ne viennent pas de nous : leur "
                   "lien mène à un logiciel malveillant. Ne l’ouvrez pas.",
        "body": "<p>En 2013, le domaine de la Convention a servi à envoyer un faux message "
                "dont le lien installait un logiciel malveillant. Le secrétariat n’envoie "
                "jamais de pièce jointe non demandée et ne demande jamais de mot de passe.</p>"
                "<p>Chaque message que nous envoyons porte désormais une signature DKIM. En cas "
                "de doute, vérifiez le message sur notre page « Ce courriel vient-il de "
                "nous ? » avant d’ouvrir ses liens.</p>",
    },
    "es": {
        "title": "Cuidado con los correos falsos: «Re: Important Confidential Document»",
        "summary": "Se enviaron en nombre de la Convención mensajes con el asunto «Re: "
                   "Important Confidential Document». No son nuestros: su enlace lleva a un "
                   "programa malicioso. No lo abra.",
        "body": "<p>En 2013 se usó el dominio de la Convención para enviar un mensaje falso "
                "cuyo enlace instalaba un programa malicioso. La secretaría nunca envía "
                "archivos adjuntos que usted no haya pedido ni pide contraseñas.</p>"
                "<p>Todos los mensajes que enviamos llevan ahora una firma DKIM. En caso de "
                "duda, compruebe el mensaje en nuestra página «¿Este correo es nuestro?» antes "
                "de abrir sus enlaces.</p>",
    },
}


@transaction.atomic
def ensure_security_notice(out=None) -> int:
    """Publish the 2013 phishing notice under each language's home page; return how many."""
    from wagtail.models import Locale

    from treatydesk.mail.verification.models import SecurityNoticePage
    from treatydesk.site.models import HomePage

    made = 0
    english = SecurityNoticePage.objects.filter(slug=SLUG, locale__language_code="en").first()
    for locale in sorted(Locale.objects.all(), key=lambda loc: loc.language_code != "en"):
        code = locale.language_code
        home = HomePage.objects.filter(locale=locale).first()
        if home is None or SecurityNoticePage.objects.child_of(home).filter(slug=SLUG).exists():
            continue
        text = NOTICE.get(code, NOTICE["en"])
        page = SecurityNoticePage(
            title=text["title"], slug=SLUG, locale=locale, date=DATE, summary=text["summary"],
            forged_subject="Re: Important Confidential Document", body=text["body"],
            search_description=text["summary"][:255])
        if english is not None:
            page.translation_key = english.translation_key
        home.add_child(instance=page)
        page.save_revision().publish()
        english = english or page
        made += 1
    if made and out is not None:
        out.write(f"Security notice about the 2013 forged mail published in {made} "
                  "languages.\n")
    return made
