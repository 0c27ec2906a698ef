"""Public views: rate a page, comment, answer an event survey, the dashboard and open data."""

import json

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from core import rate_limit
from core.signed_links import LinkError, link_error_page
from evaluation import conf, dashboard, opendata, periods, ratings
from evaluation.forms import CommentForm, SurveyForm
from evaluation.masking import mask_personal_data
from evaluation.models import EvaluationRoundPage, EventFeedback
from evaluation.surveys import registration_from_survey_token


# Rating is anonymous and changes nothing anyone owns, so the forms carry no CSRF
# token: that keeps every rated page cacheable (a token would set a cookie).
# Cross-site POSTs refused by their headers, honeypot, rate limits, one rating per
# visitor and day and burst flags (ratings.py) keep it honest.
@csrf_exempt
@require_POST
def rate(request, page_id):
    page = get_object_or_404(Page.objects.live().public(), pk=page_id)
    if ratings.cross_site(request):
        return render(request, "evaluation/rating_problem.html", {"back": page.url}, status=403)
    if not ratings.can_be_rated(page) or request.POST.get("helpful") not in ("yes", "no"):
        return render(request, "evaluation/rating_problem.html", {"back": page.url}, status=400)
    if request.POST.get("website"):
        return redirect(page.url)  # a bot
    address = rate_limit.client_address(request)
    if rate_limit.hit("evaluation-rate", address, conf.get("RATINGS_PER_HOUR"), 3600):
        return render(
            request, "evaluation/rating_problem.html", {"back": page.url, "too_many": True}, status=429
        )
    rating = ratings.record(request, page, request.POST["helpful"] == "yes", get_language())
    return redirect(
        reverse("evaluation:thanks", kwargs={"page_id": page.pk}) + f"?r={ratings.token_for(rating)}"
    )


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def thanks(request, page_id):
    page = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    if request.method == "POST" and ratings.cross_site(request):
        return render(request, "evaluation/rating_problem.html", {"back": page.url}, status=403)
    token = request.POST.get("token") or request.GET.get("r", "")
    form = CommentForm(request.POST or None, initial={"token": token})
    try:
        rating = ratings.rating_from_token(token, page)
        context = {"page": page, "rating": rating, "form": form, "commented": False}
        if request.method == "POST" and form.is_valid():
            if not form.cleaned_data["website"]:
                ratings.add_comment(rating, form.cleaned_data["comment"])
            context["commented"] = True
    except LinkError as error:
        return link_error_page(
            request,
            error,
            advice=_("To add a comment, rate the page again."),
            next_url=page.url,
            next_label=_("Back to the page"),
        )
    status = 400 if request.method == "POST" and not form.is_valid() else 200
    return render(request, "evaluation/thanks.html", context, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def survey(request, token):
    """The survey behind the emailed link: answered once (the link is used by the answer)."""
    form = SurveyForm(request.POST or None)
    try:
        registration = registration_from_survey_token(token)
        if request.method == "POST" and form.is_valid():
            _feedback, created = EventFeedback.objects.get_or_create(
                registration=registration,
                defaults={
                    "satisfaction": form.cleaned_data["satisfaction"],
                    "useful": mask_personal_data(form.cleaned_data["useful"]),
                    "improve": mask_personal_data(form.cleaned_data["improve"]),
                },
            )
            if not created:  # a second copy of the form that arrived at the same time
                raise LinkError(LinkError.USED)
            return render(request, "evaluation/survey_done.html", {})
    except LinkError as error:
        return link_error_page(
            request,
            error,
            advice=_("If you have answered this survey already, thank you: we have your answers."),
            next_url=reverse("agenda:calendar"),
            next_label=_("Go to the events calendar"),
        )
    status = 400 if request.method == "POST" else 200
    return render(
        request, "evaluation/survey.html", {"form": form, "session": registration.session}, status=status
    )


def _period(request, key=None):
    key = key or request.GET.get("period", periods.DEFAULT)
    period = periods.resolve(key)
    return period or periods.resolve(periods.DEFAULT), period is None


def dashboard_page(request):
    period, unknown = _period(request)
    data = dashboard.figures(period)
    context = {
        "period": period,
        "period_choices": periods.choices(),
        "unknown_period": unknown,
        "data": data,
        "sections": dashboard.shown(data),
        "datasets": list(opendata.datasets(data)),
        "rounds": EvaluationRoundPage.objects.live().public().order_by("-period_end")[:5],
        "empty": dashboard.is_empty(data),
    }
    return render(request, "evaluation/dashboard.html", context)


def _unknown_period():
    return JsonResponse(
        {
            "error": _("Unknown period. Use one of: %(keys)s")
            % {"keys": ", ".join(k for k, _l in periods.choices())}
        },
        status=400,
    )


def dataset(request, name, file_format, period_key=None):
    """One dataset as CSV or JSON; the period from the address (``data/2026/guides.csv``, a
    stable URL) or from ``?period=``."""
    period, unknown = _period(request, period_key)
    if unknown:
        return _unknown_period()
    data = dashboard.figures(period)
    if name not in opendata.datasets(data) or file_format not in ("csv", "json"):
        raise Http404
    filename = f"sinergi-{name}-{period.key}.{file_format}"
    if file_format == "json":
        body = json.dumps(
            opendata.as_json(name, data, request.build_absolute_uri(reverse("evaluation:schema"))),
            ensure_ascii=False,
            indent=1,
        )
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        response = HttpResponse(opendata.as_csv(name, data), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def datapackage(request, period_key):
    """The Frictionless Data Package of one period's CSV files (titles in the page's language)."""
    period, unknown = _period(request, period_key)
    if unknown:
        return _unknown_period()

    def csv_url(name):
        return request.build_absolute_uri(
            reverse("evaluation:dataset_of_period", args=[period.key, name, "csv"])
        )

    body = json.dumps(opendata.datapackage(period.key, csv_url), ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    return response


def schema(request):
    """The data dictionary: every dataset, its columns with their units, and its codes with
    their labels, in the reader's language."""
    described = [
        {"name": name, "dataset": dataset, "columns": opendata.all_columns(dataset)}
        for name, dataset in opendata.dictionary().items()
    ]
    context = {
        "licence": opendata.LICENCE,
        "datasets": described,
        "period": periods.DEFAULT,
        "period_choices": periods.choices(),
    }
    return render(request, "evaluation/schema.html", context)
