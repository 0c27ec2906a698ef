"""The guides that rest on a regulation, shown in the regulation's editor.

The link between a guide and a regulation is kept on the guide (its "based on these
regulations" field, saved with the guide's revisions), so an editor of a regulation cannot
tick guides here; this panel shows which guides cite it, published or not, each with a link
to its editor, so that a change to the regulation reaches the guides that explain it.
"""

from wagtail.admin.panels import Panel


class CitingGuidesPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/admin/citing_guides.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["guides"] = self.instance.guides.order_by("path") if self.instance.pk else []
            return context
