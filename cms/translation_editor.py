"""The page editor's translation tools: per-language field toggles and "copy from another language".

wagtail-modeltranslation ships both, but its toggles hide any panel whose text mentions a
language code (so "Identification" or "Public change notes" vanished behind the English
toggle), it has no translator's view (the source read-only beside the target: the scripts'
"Translate into" mode) and its copy button only knows StreamFields and guesses field names
from panel ids (``body_id`` for ``body_ind``, ``body_zh_id`` for ``body_zh_hans``). Sinergi
serves its own scripts under the package's static names (site/static comes first in the
static finders); they read their settings from the JSON this module renders, and copy through
``copy_view``, which works for any widget: it reads the source field from the form data with
the source widget and renders the target field's widget with that value.
"""

import json

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import json_script, strip_tags
from django.utils.translation import get_language_info, to_locale
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page

from cms.translation_state import SOURCE_LANGUAGE

RIGHT_TO_LEFT = {"ar"}


def languages():
    """Each content language with its column suffix, its ``lang`` tag in BCP 47's usual case
    (``zh-Hans``, where Django's code is ``zh-hans``), name (in the admin's language) and direction."""
    return [
        {
            "code": code,
            "lang": to_locale(code).replace("_", "-"),
            "suffix": build_localized_fieldname("", code)[1:],
            "name": get_language_info(code)["name_translated"],
            "dir": "rtl" if code in RIGHT_TO_LEFT else "ltr",
        }
        for code, _name in settings.LANGUAGES
    ]


def editor_settings():
    """The scripts' settings and interface strings, as a JSON script element."""
    config = {
        "source": SOURCE_LANGUAGE,
        "languages": languages(),
        "copyUrl": reverse("cms_copy_translation"),
        "strings": {
            "shown": _("Languages shown:"),
            "copyFrom": _("Copy from:"),
            "copied": _("Copied from {language}. Check the text before you save."),
            "empty": _("The {language} field is empty: there is nothing to copy."),
            "failed": _("Copying failed; nothing was changed."),
            "translateInto": _("Translate into:"),
            "off": _("Off (edit the languages shown)"),
            "sourceColumn": _("{language}: source, read-only"),
            "targetColumn": _("{language}: translation"),
            "sourceLocked": _(
                "The {language} source is read-only in this mode. To change it, set “Translate into” to Off."
            ),
        },
    }
    return json_script(config, "sinergi-translation-editor")


def _page_model(request):
    """The page type being edited (``page``) or created (``content_type``: "app_label.model")."""
    if request.POST.get("page"):
        page = get_object_or_404(Page, pk=request.POST["page"])
        if not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return page.specific_class
    app_label, _dot, model = request.POST.get("content_type", "").partition(".")
    content_type = get_object_or_404(ContentType, app_label=app_label, model=model)
    model_class = content_type.model_class()
    if model_class is None or not issubclass(model_class, Page):
        raise PermissionDenied
    return model_class


def _is_empty(value):
    if value is None:
        return True
    if hasattr(value, "raw_data"):  # StreamValue
        return len(value) == 0
    if isinstance(value, str):
        return not strip_tags(value).strip()
    return not value


@require_POST
def copy_view(request):
    """Render the target field's widget holding the source field's value from the posted form."""
    model = _page_model(request)
    fields = model.get_edit_handler().get_form_class().base_fields
    source, target = request.POST.get("source", ""), request.POST.get("target", "")
    if source not in fields or target not in fields or source == target:
        return HttpResponseBadRequest(json.dumps({"error": "unknown field"}), content_type="application/json")
    value = fields[source].widget.value_from_datadict(request.POST, request.FILES, source)
    if _is_empty(value):
        return JsonResponse({"empty": True})
    widget_id = request.POST.get("target_id") or target
    html = fields[target].widget.render(target, value, attrs={"id": widget_id})
    return JsonResponse({"html": html})
