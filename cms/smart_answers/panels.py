"""The flow's outline in the page editor: every step and where each answer leads, as text.

Editors build the flow as a list of blocks; the outline lets them read the whole tree at
once (and see a typo in a key) without following keys from block to block.
"""

from wagtail.admin.panels import Panel


class FlowOutlinePanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/admin/flow_outline.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["lines"] = self.instance.outline() if self.instance.pk else []
            return context
