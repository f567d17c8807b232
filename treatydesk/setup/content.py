"""The default content's words: news items and meetings in English, French and Spanish.

The facts are public (the Convention's history, its meetings, the register); the prose is
written for Treaty Desk. Editors replace or unpublish these items as they see fit.
"""

import datetime as dt

CREDIT = "Treaty Desk"

NEWS = [
    {
        "slug": "vanuatu-accedes",
        "date": dt.date(2025, 9, 5),
        "category": "universalization",
        "tags": ["universalization", "Pacific"],
        "image": (11, "harbour"),
        "en": {
            "title": "Vanuatu joins the Convention",
            "lead": "Vanuatu deposited its instrument of accession with the Secretary-General "
                    "of the United Nations on 5 September 2025, bringing the Convention a step "
                    "closer to universal membership in the Pacific.",
            "body": "<p>With this accession the number of Pacific Island States bound by the "
                    "Convention grows again. The Presidency welcomed the decision and thanked "
                    "the regional partners that supported Vanuatu through the process.</p>"
                    "<h2>What accession means</h2><p>A State that did not sign the Convention "
                    "before its entry into force becomes party by accession. The Convention "
                    "enters into force for it on the first day of the sixth month after the "
                    "deposit of its instrument, as Article 17 provides; the register shows the "
                    "date and the rule behind it.</p>",
            "alt": "Illustration in blues and sand tones: a calm bay under a pale sky.",
            "caption": "An illustration for the accession of a Pacific Island State.",
        },
        "fr": {
            "title": "Le Vanuatu rejoint la Convention",
            "lead": "Le Vanuatu a déposé son instrument d’adhésion auprès du Secrétaire général "
                    "de l’Organisation des Nations Unies le 5 septembre 2025, rapprochant la "
                    "Convention de l’universalité dans le Pacifique.",
            "body": "<p>Avec cette adhésion, le nombre d’États insulaires du Pacifique liés par "
                    "la Convention augmente encore. La présidence a salué cette décision et "
                    "remercié les partenaires régionaux qui ont accompagné le Vanuatu.</p>"
                    "<h2>Ce que signifie l’adhésion</h2><p>Un État qui n’a pas signé la "
                    "Convention avant son entrée en vigueur y devient partie par adhésion. La "
                    "Convention entre en vigueur à son égard le premier jour du sixième mois "
                    "suivant le dépôt de son instrument, comme le prévoit l’article 17 ; le "
                    "registre indique la date et la règle appliquée.</p>",
            "alt": "Illustration en bleus et tons de sable : une baie calme sous un ciel pâle.",
            "caption": "Une illustration pour l’adhésion d’un État insulaire du Pacifique.",
        },
        "es": {
            "title": "Vanuatu se adhiere a la Convención",
            "lead": "Vanuatu depositó su instrumento de adhesión ante el Secretario General de "
                    "las Naciones Unidas el 5 de septiembre de 2025, acercando la Convención a "
                    "la universalidad en el Pacífico.",
            "body": "<p>Con esta adhesión vuelve a crecer el número de Estados insulares del "
                    "Pacífico obligados por la Convención. La Presidencia celebró la decisión "
                    "y agradeció a los socios regionales que acompañaron a Vanuatu.</p>"
                    "<h2>Qué significa la adhesión</h2><p>Un Estado que no firmó la Convención "
                    "antes de su entrada en vigor pasa a ser parte mediante la adhesión. La "
                    "Convención entra en vigor para ese Estado el primer día del sexto mes "
                    "siguiente al depósito de su instrumento, según el artículo 17; el "
                    "registro muestra la fecha y la regla aplicada.</p>",
            "alt": "Ilustración en azules y tonos arena: una bahía tranquila bajo un cielo "
                   "pálido.",
            "caption": "Una ilustración para la adhesión de un Estado insular del Pacífico.",
        },
    },
    {
        "slug": "lithuania-withdrawal-takes-effect",
        "date": dt.date(2025, 3, 6),
        "category": "statements",
        "tags": ["withdrawal"],
        "image": (23, "signal"),
        "en": {
            "title": "Lithuania’s withdrawal takes effect",
            "lead": "Lithuania’s withdrawal from the Convention took effect on 6 March 2025. "
                    "It is the first State to leave the Convention since its entry into force.",
            "body": "<p>The Presidency expressed its deep regret and recalled that the "
                    "prohibitions of the Convention protect civilians long after a conflict "
                    "ends. It called on Lithuania to reconsider and on all States Parties to "
                    "uphold their obligations in full.</p><p>Under Article 20, a withdrawal "
                    "takes effect six months after the Depositary receives the instrument of "
                    "withdrawal. The register records the date the withdrawal took effect; "
                    "the date of the notification is shown as not known until a source "
                    "confirms it.</p>",
            "alt": "Illustration in dark red and amber: hills under a darkening sky.",
            "caption": "An illustration for a statement of the Presidency.",
        },
        "fr": {
            "title": "Le retrait de la Lituanie prend effet",
            "lead": "Le retrait de la Lituanie de la Convention a pris effet le 6 mars 2025. "
                    "C’est le premier État à quitter la Convention depuis son entrée en "
                    "vigueur.",
            "body": "<p>La présidence a exprimé ses profonds regrets et rappelé que les "
                    "interdictions de la Convention protègent les civils bien après la fin "
                    "d’un conflit. Elle a appelé la Lituanie à revenir sur sa décision et "
                    "tous les États parties à respecter pleinement leurs obligations.</p>"
                    "<p>En vertu de l’article 20, un retrait prend effet six mois après la "
                    "réception de l’instrument de retrait par le dépositaire. Le registre "
                    "indique la date de prise d’effet ; la date de la notification reste "
                    "inconnue tant qu’aucune source ne la confirme.</p>",
            "alt": "Illustration en rouge sombre et ambre : des collines sous un ciel qui "
                   "s’assombrit.",
            "caption": "Une illustration pour une déclaration de la présidence.",
        },
        "es": {
            "title": "Surte efecto la retirada de Lituania",
            "lead": "La retirada de Lituania de la Convención surtió efecto el 6 de marzo de "
                    "2025. Es el primer Estado que abandona la Convención desde su entrada en "
                    "vigor.",
            "body": "<p>La Presidencia expresó su profundo pesar y recordó que las "
                    "prohibiciones de la Convención protegen a la población civil mucho "
                    "después del fin de un conflicto. Pidió a Lituania que reconsidere su "
                    "decisión y a todos los Estados partes que cumplan plenamente sus "
                    "obligaciones.</p><p>Conforme al artículo 20, la retirada surte efecto "
                    "seis meses después de que el depositario reciba el instrumento de "
                    "retirada. El registro consigna la fecha en que surtió efecto; la fecha "
                    "de la notificación figura como desconocida hasta que una fuente la "
                    "confirme.</p>",
            "alt": "Ilustración en rojo oscuro y ámbar: colinas bajo un cielo que se "
                   "oscurece.",
            "caption": "Una ilustración para una declaración de la Presidencia.",
        },
    },
    {
        "slug": "beware-of-false-emails",
        "date": dt.date(2026, 2, 10),
        "category": "security-notices",
        "tags": ["e-mail", "security"],
        "image": None,
        "en": {
            "title": "How to tell our e-mails from fakes",
            "lead": "Messages claiming to come from the secretariat have asked recipients to "
                    "pay registration fees. The secretariat never charges for participation "
                    "in meetings, and its e-mails are signed.",
            "body": "<p>Every message the secretariat sends carries a DKIM signature for its "
                    "domain, and the domain publishes a DMARC policy that tells mail servers "
                    "to reject unsigned messages. If a message asks for money, for passwords "
                    "or to open an unexpected attachment, do not reply: forward it to the "
                    "secretariat and delete it.</p><ul><li>Meetings of States Parties are "
                    "free of charge.</li><li>Registration is done on this website only."
                    "</li><li>The secretariat never asks for bank details by e-mail.</li>"
                    "</ul>",
        },
        "fr": {
            "title": "Reconnaître nos courriels des contrefaçons",
            "lead": "Des messages se réclamant du secrétariat ont demandé à leurs "
                    "destinataires de payer des frais d’inscription. Le secrétariat ne fait "
                    "jamais payer la participation aux réunions, et ses courriels sont signés.",
            "body": "<p>Chaque message envoyé par le secrétariat porte une signature DKIM de "
                    "son domaine, et le domaine publie une politique DMARC demandant aux "
                    "serveurs de messagerie de rejeter les messages non signés. Si un "
                    "message demande de l’argent, un mot de passe ou l’ouverture d’une pièce "
                    "jointe inattendue, n’y répondez pas : transférez-le au secrétariat et "
                    "supprimez-le.</p><ul><li>Les assemblées des États parties sont "
                    "gratuites.</li><li>L’inscription se fait uniquement sur ce site.</li>"
                    "<li>Le secrétariat ne demande jamais de coordonnées bancaires par "
                    "courriel.</li></ul>",
        },
        "es": {
            "title": "Cómo distinguir nuestros correos de las falsificaciones",
            "lead": "Mensajes que dicen provenir de la secretaría han pedido a sus "
                    "destinatarios el pago de tasas de inscripción. La secretaría nunca cobra "
                    "por participar en las reuniones, y sus correos están firmados.",
            "body": "<p>Cada mensaje que envía la secretaría lleva una firma DKIM de su "
                    "dominio, y el dominio publica una política DMARC que indica a los "
                    "servidores de correo que rechacen los mensajes sin firma. Si un mensaje "
                    "pide dinero, contraseñas o abrir un adjunto inesperado, no responda: "
                    "reenvíelo a la secretaría y bórrelo.</p><ul><li>Las reuniones de los "
                    "Estados partes son gratuitas.</li><li>La inscripción se hace únicamente "
                    "en este sitio.</li><li>La secretaría nunca pide datos bancarios por "
                    "correo electrónico.</li></ul>",
        },
    },
    {
        "slug": "fifteen-years-in-force",
        "date": dt.date(2025, 8, 1),
        "category": "presidency",
        "tags": ["anniversary"],
        "image": (37, "dawn"),
        "en": {
            "title": "Fifteen years of the Convention in force",
            "lead": "On 1 August 2025 the Convention marked fifteen years since its entry into "
                    "force. The Presidency looked back at what States Parties have achieved "
                    "and at the work still ahead.",
            "body": "<p>Adopted in Dublin on 30 May 2008 and opened for signature in Oslo on "
                    "3 December 2008, the Convention entered into force on 1 August 2010, the "
                    "first day of the sixth month after the thirtieth instrument was "
                    "deposited. Since then States Parties have destroyed stockpiles, cleared "
                    "contaminated land and supported survivors.</p><p>The Presidency invited "
                    "the States that have not yet joined to do so, and encouraged States "
                    "Parties to report on time, so that the register and the reports give a "
                    "full picture of the Convention’s reach.</p>",
            "alt": "Illustration at dawn: gold light over layered blue hills.",
            "caption": "An illustration for the fifteenth anniversary of entry into force.",
        },
        "fr": {
            "title": "Quinze ans de Convention en vigueur",
            "lead": "Le 1er août 2025, la Convention a célébré les quinze ans de son entrée en "
                    "vigueur. La présidence a dressé le bilan du travail accompli par les États "
                    "parties et de celui qui reste à faire.",
            "body": "<p>Adoptée à Dublin le 30 mai 2008 et ouverte à la signature à Oslo le "
                    "3 décembre 2008, la Convention est entrée en vigueur le 1er août 2010, le "
                    "premier jour du sixième mois suivant le dépôt du trentième instrument. "
                    "Depuis, les États parties ont détruit des stocks, dépollué des terres et "
                    "soutenu les survivants.</p><p>La présidence a invité les États qui ne "
                    "l’ont pas encore fait à rejoindre la Convention et encouragé les États "
                    "parties à remettre leurs rapports à temps.</p>",
            "alt": "Illustration à l’aube : une lumière dorée sur des collines bleues.",
            "caption": "Une illustration pour le quinzième anniversaire de l’entrée en "
                       "vigueur.",
        },
        "es": {
            "title": "Quince años de la Convención en vigor",
            "lead": "El 1 de agosto de 2025 la Convención cumplió quince años desde su entrada "
                    "en vigor. La Presidencia repasó lo logrado por los Estados partes y el "
                    "trabajo que queda por hacer.",
            "body": "<p>Aprobada en Dublín el 30 de mayo de 2008 y abierta a la firma en Oslo "
                    "el 3 de diciembre de 2008, la Convención entró en vigor el 1 de agosto de "
                    "2010, el primer día del sexto mes siguiente al depósito del trigésimo "
                    "instrumento. Desde entonces los Estados partes han destruido sus "
                    "existencias, limpiado tierras contaminadas y apoyado a los "
                    "supervivientes.</p><p>La Presidencia invitó a los Estados que aún no lo "
                    "han hecho a adherirse y alentó a los Estados partes a presentar sus "
                    "informes a tiempo.</p>",
            "alt": "Ilustración al amanecer: luz dorada sobre colinas azules.",
            "caption": "Una ilustración para el decimoquinto aniversario de la entrada en "
                       "vigor.",
        },
    },
    {
        "slug": "south-sudan-accedes",
        "date": dt.date(2023, 8, 3),
        "category": "universalization",
        "tags": ["universalization", "Africa"],
        "image": (41, "field"),
        "en": {
            "title": "South Sudan accedes to the Convention",
            "lead": "South Sudan deposited its instrument of accession on 3 August 2023. The "
                    "Convention enters into force for South Sudan on 1 February 2024.",
            "body": "<p>South Sudan has lived with the consequences of cluster munitions and "
                    "other explosive remnants of war. Its accession commits it never to use, "
                    "develop, produce, acquire, stockpile or transfer cluster munitions, and to "
                    "clear contaminated areas and assist victims.</p>",
            "alt": "Illustration in greens and ochre: open fields under a wide sky.",
            "caption": "An illustration for an accession in Africa.",
        },
        "fr": {
            "title": "Le Soudan du Sud adhère à la Convention",
            "lead": "Le Soudan du Sud a déposé son instrument d’adhésion le 3 août 2023. La "
                    "Convention entre en vigueur à son égard le 1er février 2024.",
            "body": "<p>Le Soudan du Sud vit avec les conséquences des armes à sous-munitions "
                    "et d’autres restes explosifs de guerre. Par son adhésion, il s’engage à ne "
                    "jamais employer, mettre au point, produire, acquérir, stocker ni "
                    "transférer d’armes à sous-munitions, ainsi qu’à dépolluer les zones "
                    "contaminées et à assister les victimes.</p>",
            "alt": "Illustration en verts et ocre : des champs sous un ciel immense.",
            "caption": "Une illustration pour une adhésion en Afrique.",
        },
        "es": {
            "title": "Sudán del Sur se adhiere a la Convención",
            "lead": "Sudán del Sur depositó su instrumento de adhesión el 3 de agosto de 2023. "
                    "La Convención entra en vigor para Sudán del Sur el 1 de febrero de 2024.",
            "body": "<p>Sudán del Sur vive con las consecuencias de las municiones en racimo y "
                    "de otros restos explosivos de guerra. Con su adhesión se compromete a no "
                    "emplear, desarrollar, producir, adquirir, almacenar ni transferir nunca "
                    "municiones en racimo, y a limpiar las zonas contaminadas y asistir a las "
                    "víctimas.</p>",
            "alt": "Ilustración en verdes y ocre: campos abiertos bajo un cielo amplio.",
            "caption": "Una ilustración para una adhesión en África.",
        },
    },
]

# Standard agenda items of a Meeting of States Parties, for the generated agenda documents.
AGENDA = {
    "en": ("Provisional agenda", [
        "1. Official opening of the Meeting.", "2. Election of the President.",
        "3. Adoption of the agenda.", "4. Adoption of the rules of procedure.",
        "5. Election of the Vice-Presidents and confirmation of the Secretary-General of the "
        "Meeting.", "6. Organization of work.",
        "7. Review of the status and operation of the Convention.",
        "8. Consideration of requests submitted under Article 4 (clearance deadlines).",
        "9. Reports of States Parties under Article 7.",
        "10. Date and venue of the next Meeting.", "11. Adoption of the final report.",
    ]),
    "fr": ("Ordre du jour provisoire", [
        "1. Ouverture officielle de l’Assemblée.", "2. Élection du Président.",
        "3. Adoption de l’ordre du jour.", "4. Adoption du règlement intérieur.",
        "5. Élection des Vice-Présidents et confirmation du Secrétaire général de "
        "l’Assemblée.", "6. Organisation des travaux.",
        "7. Examen de l’état et du fonctionnement de la Convention.",
        "8. Examen des demandes présentées en vertu de l’article 4 (délais de dépollution).",
        "9. Rapports des États parties présentés en vertu de l’article 7.",
        "10. Date et lieu de la prochaine Assemblée.", "11. Adoption du rapport final.",
    ]),
    "es": ("Programa provisional", [
        "1. Apertura oficial de la Reunión.", "2. Elección del Presidente.",
        "3. Aprobación del programa.", "4. Aprobación del reglamento.",
        "5. Elección de los Vicepresidentes y confirmación del Secretario General de la "
        "Reunión.", "6. Organización de los trabajos.",
        "7. Examen del estado y funcionamiento de la Convención.",
        "8. Examen de las solicitudes presentadas con arreglo al artículo 4 (plazos de "
        "limpieza).", "9. Informes de los Estados partes con arreglo al artículo 7.",
        "10. Fecha y lugar de la próxima Reunión.", "11. Aprobación del informe final.",
    ]),
}

MEETINGS = [
    {
        "slug": "first-meeting-of-states-parties",
        "kind": "msp",
        "start": dt.date(2010, 11, 9), "end": dt.date(2010, 11, 12),
        "symbol_base": "CCM/MSP/2010",
        "en": {"title": "First Meeting of States Parties", "place": "Vientiane, Lao People’s "
               "Democratic Republic", "presidency": "Lao People’s Democratic Republic",
               "summary": "The first meeting after entry into force, held in one of the "
               "countries most contaminated by cluster munition remnants. It adopted the "
               "Vientiane Declaration and Action Plan."},
        "fr": {"title": "Première Assemblée des États parties", "place": "Vientiane, "
               "République démocratique populaire lao", "presidency": "République "
               "démocratique populaire lao", "summary": "La première assemblée après "
               "l’entrée en vigueur, tenue dans l’un des pays les plus contaminés par les "
               "restes d’armes à sous-munitions. Elle a adopté la Déclaration et le Plan "
               "d’action de Vientiane."},
        "es": {"title": "Primera Reunión de los Estados Partes", "place": "Vientiane, "
               "República Democrática Popular Lao", "presidency": "República Democrática "
               "Popular Lao", "summary": "La primera reunión tras la entrada en vigor, "
               "celebrada en uno de los países más contaminados por restos de municiones en "
               "racimo. Aprobó la Declaración y el Plan de Acción de Vientiane."},
    },
    {
        "slug": "fourth-meeting-of-states-parties",
        "kind": "msp",
        "start": dt.date(2013, 9, 10), "end": dt.date(2013, 9, 13),
        "symbol_base": "CCM/MSP/2013",
        "en": {"title": "Fourth Meeting of States Parties", "place": "Lusaka, Zambia",
               "presidency": "Zambia", "summary": "States Parties met in Lusaka to review "
               "progress on stockpile destruction, clearance and victim assistance, three "
               "years after entry into force."},
        "fr": {"title": "Quatrième Assemblée des États parties", "place": "Lusaka, Zambie",
               "presidency": "Zambie", "summary": "Les États parties se sont réunis à Lusaka "
               "pour faire le point sur la destruction des stocks, la dépollution et "
               "l’assistance aux victimes, trois ans après l’entrée en vigueur."},
        "es": {"title": "Cuarta Reunión de los Estados Partes", "place": "Lusaka, Zambia",
               "presidency": "Zambia", "summary": "Los Estados partes se reunieron en Lusaka "
               "para examinar los avances en la destrucción de existencias, la limpieza y "
               "la asistencia a las víctimas, tres años después de la entrada en vigor."},
    },
    {
        "slug": "first-review-conference",
        "kind": "review-conference",
        "start": dt.date(2015, 9, 7), "end": dt.date(2015, 9, 11),
        "symbol_base": "CCM/CONF/2015",
        "en": {"title": "First Review Conference", "place": "Dubrovnik, Croatia",
               "presidency": "Croatia", "summary": "Five years after entry into force, the "
               "First Review Conference reviewed the operation of the Convention and adopted "
               "the Dubrovnik Action Plan."},
        "fr": {"title": "Première Conférence d’examen", "place": "Dubrovnik, Croatie",
               "presidency": "Croatie", "summary": "Cinq ans après l’entrée en vigueur, la "
               "première Conférence d’examen a examiné le fonctionnement de la Convention et "
               "adopté le Plan d’action de Dubrovnik."},
        "es": {"title": "Primera Conferencia de Examen", "place": "Dubrovnik, Croacia",
               "presidency": "Croacia", "summary": "Cinco años después de la entrada en "
               "vigor, la Primera Conferencia de Examen analizó el funcionamiento de la "
               "Convención y aprobó el Plan de Acción de Dubrovnik."},
    },
]
