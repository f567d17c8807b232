"""Admin pages of the DMARC reports: the overview of senders, and the upload form."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .importing import Summary, import_bytes
from .models import Report
from .parsing import MAX_INPUT_BYTES
from .summary import rows_since, sources, weeks

PERIODS = (30, 90, 365, 3650)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class UploadForm(forms.Form):
    files = forms.FileField(
        label=gettext_lazy("Report files"),
        widget=MultipleFileInput(attrs={"multiple": True, "accept": ".xml,.gz,.zip,.eml"}),
        help_text=gettext_lazy("XML, .xml.gz or .zip files as receivers send them, or the "
                               "e-mails (.eml) that carry them."))


def overview(request):
    if not request.user.has_perm("dmarc.view_report"):
        raise PermissionDenied
    try:
        days = int(request.GET.get("days") or 90)
    except ValueError:
        days = 90
    days = days if days in PERIODS else 90
    domains = list(Report.objects.order_by("domain").values_list("domain", flat=True)
                   .distinct())
    domain = request.GET.get("domain") or (domains[0] if len(domains) == 1 else "")
    rows = rows_since(days, domain or None)
    return TemplateResponse(request, "dmarc/overview.html", {
        "sources": sources(rows), "weeks": weeks(rows), "days": days, "periods": PERIODS,
        "domains": domains, "domain": domain, "form": UploadForm(),
        "reports": Report.objects.count(),
    })


def upload(request):
    if not request.user.has_perm("dmarc.add_report"):
        raise PermissionDenied
    if request.method != "POST":
        return redirect("dmarc_overview")
    summary = Summary()
    for upload in request.FILES.getlist("files"):
        if upload.size > MAX_INPUT_BYTES:
            summary.problems.append(_("%(name)s is larger than 25 MB.") % {"name": upload.name})
            continue
        import_bytes(upload.read(), f"upload {upload.name}", summary)
    messages.success(request, _("%(imported)s report(s) imported, %(duplicates)s already "
                                "there.") % {"imported": summary.imported,
                                             "duplicates": summary.duplicates})
    for problem in summary.problems:
        messages.error(request, problem)
    return redirect("dmarc_overview")
