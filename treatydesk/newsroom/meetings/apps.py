from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "treatydesk.newsroom.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        # Lazy: models load only once the app registry is ready; the charts then mark the
        # Meetings of States Parties and Review Conferences (records/pictures/marks.py).
        from treatydesk.records.pictures.marks import provide_meetings

        from .marks import meetings_for_charts

        provide_meetings(meetings_for_charts)
