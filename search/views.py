"""The search page and the autocomplete endpoint."""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe
from wagtail.models import Page

from search import best_bets, glossary, outcomes, service
from search.engines.base import SearchQuery, clean_query
from search.forms import SearchForm
from search.labels import labels


def facet_links(request, results, name, param):
    """Facet values with counts, labels, and the URL that toggles each one."""
    values = [value for value, _count in results.facets.get(name, [])]
    names = labels(name, values)
    selected = set(request.GET.getlist(param))
    links = []
    for value, count in results.facets.get(name, []):
        params = request.GET.copy()
        params.pop("page", None)
        chosen = params.getlist(param)
        if value in selected:
            params.setlist(param, [item for item in chosen if item != value])
        else:
            params.setlist(param, [*chosen, value])
        links.append(
            {
                "value": value,
                "label": names.get(value, value),
                "count": count,
                "selected": value in selected,
                "url": "?" + params.urlencode(),
            }
        )
    return links


def page_url(request, number):
    params = request.GET.copy()
    params["page"] = str(number)
    return "?" + params.urlencode()


def ways_to_ask():
    """Where to turn when search has no answer: the forums, the service's contact form and the
    office finder; each only when its app is installed (search knows them by name only)."""
    links = []
    for name, label in (
        ("forums:index", _("Ask the community in the forums")),
        ("complaints:file", _("Write to the immigration service")),
    ):
        try:
            links.append({"url": reverse(name), "label": label})
        except NoReverseMatch:
            continue
    offices = (
        Page.objects.live()
        .public()
        .filter(content_type__app_label="cms", content_type__model="officeindexpage")
        .first()
    )
    if offices:
        links.append({"url": offices.get_url(), "label": _("Find an immigration office near you")})
    return links


@never_cache  # each view is recorded with its own search id; the results are cached (service.py)
@require_safe
def search_page(request):
    form = SearchForm(request.GET)
    form.is_valid()  # every field cleans to something usable
    data = form.cleaned_data
    context = {"form": form, "query": data.get("q", ""), "results": None}
    if context["query"]:
        query = SearchQuery(
            text=context["query"],
            language=get_language(),
            kinds=tuple(data.get("kind") or ()),
            topics=tuple(data.get("topic") or ()),
            audiences=tuple(data.get("audience") or ()),
            upcoming_only=bool(data.get("upcoming")),
            page=data.get("page") or 1,
        )
        results = service.search(query)
        if results.total and query.page > results.pages:  # past the end: show the last page
            query = SearchQuery(**{**query.__dict__, "page": results.pages})
            results = service.search(query)
        pinned = best_bets.pinned(query.text, query.language) if query.page == 1 else []
        pinned_urls = {result.url for result in pinned}
        # Results, but none clears the relevance floor, and no editor pinned an answer: say so.
        no_good_match = bool(results.total and results.no_good_match and not pinned)
        context.update(
            results=results,
            pinned=pinned,
            hits=[hit for hit in results.hits if hit.url not in pinned_urls],
            no_good_match=no_good_match,
            ways_to_ask=ways_to_ask() if no_good_match or not results.total else [],
            facets=[
                ("kind", facet_links(request, results, "kind", "kind")),
                ("topics", facet_links(request, results, "topics", "topic")),
                ("audience", facet_links(request, results, "audience", "audience")),
            ],
            previous_url=page_url(request, query.page - 1) if query.page > 1 else None,
            next_url=page_url(request, query.page + 1) if query.page < results.pages else None,
            first_number=query.offset + 1,
            last_number=query.offset + len(results.hits),
        )
        if query.page == 1:
            context["search_id"] = outcomes.new_search_id()
            outcomes.announce(
                outcomes.search_performed,
                search_id=context["search_id"],
                text=query.text,
                language=query.language,
                total=0 if no_good_match else results.total,  # recorded as finding nothing
                request=request,
            )
        if results.suggestion:
            params = request.GET.copy()
            params["q"] = results.suggestion
            params.pop("page", None)
            context["suggestion_url"] = "?" + params.urlencode()
    return render(request, "search/search.html", context)


@csrf_exempt  # a link's ping is a POST without a token; it carries nothing but a random id
@require_POST
def click(request):
    """Receives the ping of a result link (<a ping>): which search led to an opened result."""
    search_id = request.GET.get("s", "")
    position = request.GET.get("p", "")
    if outcomes.SEARCH_ID.match(search_id) and position.isascii() and position.isdigit():
        outcomes.announce(outcomes.result_clicked, search_id=search_id, position=int(position))
    return HttpResponse(status=204)


@require_safe
def suggest(request):
    text = clean_query(request.GET.get("q", ""))[:100]
    response = JsonResponse({"query": text, "suggestions": service.autocomplete(text, get_language())})
    response["Cache-Control"] = "public, max-age=60"
    return response


@require_safe
def glossary_page(request):
    """The public glossary in the reader's language: each term, its short definition, the other
    words for it (acronyms, everyday words, the Indonesian term) and related terms."""
    return render(request, "search/glossary.html", {"entries": glossary.entries(get_language())})
