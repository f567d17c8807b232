"""The admin's bulk import of report records and declarations (one CSV file, all or nothing)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from treatydesk.records.facts.models import TreatyCode

from .actions import ObligationRejected
from .importing import ImportObligationFacts

MAX_BYTES = 5 * 1024 * 1024
PERMISSION = "obligations.add_report"


def import_records(request):
    """Show the upload form; on POST import the file or list every error with its line."""
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    errors: list[str] = []
    if request.method == "POST":
        treaty = request.POST.get("treaty", "")
        upload = request.FILES.get("file")
        if treaty not in TreatyCode.values:
            errors.append(_("Choose the treaty the records are about."))
        elif upload is None:
            errors.append(_("Choose a CSV file to import."))
        elif upload.size > MAX_BYTES:
            errors.append(_("The file is larger than 5 MB: split it."))
        else:
            try:
                summary = ImportObligationFacts(treaty, upload.read(), upload.name,
                                                user=request.user).execute()
            except ObligationRejected as rejected:
                errors = rejected.messages
            else:
                messages.success(request, _("%(n)s records imported for %(states)s States; "
                                            "the audit log keeps the import.")
                                 % {"n": summary.rows, "states": summary.states})
                return redirect("obligations_import")
    return TemplateResponse(request, "obligations/admin/import.html", {
        "treaties": TreatyCode.choices, "errors": errors,
    }, status=400 if errors else 200)
