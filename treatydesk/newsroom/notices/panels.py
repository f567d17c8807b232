"""The notice editor's panel showing what the notice announces and whether it needs review."""

from wagtail.admin.panels import Panel


class RegisterPanel(Panel):
    """Show the register fact behind a notice, its review flag, and a deleted fact's warning."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "notices/admin/register_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            source = page.source if getattr(page, "source_id", None) else None
            context.update({"notice": page, "source": source,
                            "fact": source.fact if source else None})
            return context
