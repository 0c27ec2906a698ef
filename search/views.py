"""The search page and the autocomplete endpoint."""

from dataclasses import replace
from urllib.parse import urlsplit

from django.http import HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe
from wagtail.models import Page

from search import best_bets, glossary, outcomes, service
from search.engines.base import SearchQuery, clean_query, languages
from search.forms import SearchForm
from search.labels import known, labels

# The filters: (facet, address parameter, SearchQuery field, the facet's name on the page).
FILTERS = (
    ("kind", "kind", "kinds", _("Type")),
    ("topics", "topic", "topics", _("Topic")),
    ("audience", "audience", "audiences", _("For")),
)
CLOSEST_TOPICS = 4  # topics offered when no page answers the question
# Unicode's first strong isolate and pop directional isolate: where markup (<bdi>) is impossible,
# as in <title>, they keep a query in another script from reordering the words around it.
FSI, PDI = "\u2068", "\u2069"


def known_values(facet, values):
    """The filter values that name something, each once (search.labels.known). An unknown value
    (a mistyped or stale link) is ignored: it would match nothing, and nothing on the page could
    say why."""
    return tuple(known(facet, list(dict.fromkeys(values))))


def search_url(query):
    """The address of a search, as searched: the query as cut (SearchForm), the filters known."""
    params = QueryDict(mutable=True)
    params["q"] = query.text
    for _facet, param, field, _name in FILTERS:
        params.setlist(param, list(getattr(query, field)))
    if query.upcoming_only:
        params["upcoming"] = "1"
    if query.as_typed:
        params["typed"] = "1"
    if query.page > 1:
        params["page"] = str(query.page)
    return "?" + params.urlencode()


def facet_links(query, results, facet, param, field):
    """Facet values with counts, labels, and the address that toggles each one."""
    counted = results.facets.get(facet, [])
    names = labels(facet, [value for value, _count in counted])
    chosen = getattr(query, field)
    links = []
    for value, count in counted:
        selected = value in chosen
        values = tuple(item for item in chosen if item != value) if selected else (*chosen, value)
        links.append(
            {
                "value": value,
                "label": names.get(value, value),
                "count": count,
                "selected": selected,
                "url": search_url(replace(query, **{field: values}, page=1)),
            }
        )
    return links


def active_filters(query):
    """The filters a search is narrowed by, named for the reader."""
    active = []
    for facet, _param, field, name in FILTERS:
        values = getattr(query, field)
        names = labels(facet, values) if values else {}
        active += [{"facet": name, "label": names.get(value, value)} for value in values]
    if query.upcoming_only:
        active.append({"facet": "", "label": _("Upcoming events only")})
    return active


def page_url(query, number):
    return search_url(replace(query, page=number))


def same_page(url):
    """What identifies the page at ``url`` whichever language it is served in: slugs are the same
    in every language (settings WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS), so a page's addresses
    differ only by their language prefix (/ar/paspor/…, /id/paspor/…)."""
    parts = urlsplit(url)
    prefix, _slash, rest = parts.path.lstrip("/").partition("/")
    path = "/" + rest if prefix in languages() else parts.path
    return parts.netloc, path


def shown_pinned(pinned, hits, language):
    """The pinned results as a result is shown: in the language the page is served in (the
    Indonesian stand-in of an untranslated page is marked and noted as such), known from the
    page's result when the search found it, else from the language of its title."""
    found = {same_page(hit.url): hit for hit in hits}
    shown = []
    for result in pinned:
        hit = found.get(same_page(result.url))
        written = result.language or language
        shown.append(
            {
                "title": result.title,
                "url": result.url,
                "language": hit.language if hit else written,
                "title_lang": hit.title_lang if hit else written,
            }
        )
    return shown


def closest_topics(hits, language, limit=CLOSEST_TOPICS):
    """The topics of the pages sharing some words with a question no page answers, those of the
    closest pages first: where the reader may find their way when search has no answer."""
    slugs = list(dict.fromkeys(slug for hit in hits for slug in hit.topics))[:limit]
    if not slugs:
        return []
    pages = (
        Page.objects.live()
        .public()
        .filter(content_type__app_label="cms", content_type__model="topicpage", slug__in=slugs)
    )
    pages = {page.slug: page for page in pages}
    return [
        {"title": page.title, "url": page.get_url(), "title_lang": best_bets.title_language(page, language)}
        for page in (pages.get(slug) for slug in slugs)
        if page is not None
    ]


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
            kinds=known_values("kind", data.get("kind") or ()),
            topics=known_values("topics", data.get("topic") or ()),
            audiences=known_values("audience", data.get("audience") or ()),
            upcoming_only=bool(data.get("upcoming")),
            page=data.get("page") or 1,
            as_typed=bool(data.get("typed")),
        )
        results = service.search(query)
        if results.total and query.page > results.pages:  # past the end: show the last page
            query = replace(query, page=results.pages)
            results = service.search(query)
        typed = query
        # The results of the corrected query, when they answer it clearly better (answer.py):
        # the box, the title and every link carry what was searched.
        query = results.query
        context["query"] = query.text
        pinned = best_bets.pinned(query.text, query.language) if query.page == 1 else []
        # A pinned page is not listed again, whichever language its result is in.
        pinned_pages = {same_page(result.url) for result in pinned}
        hits = [hit for hit in results.hits if same_page(hit.url) not in pinned_pages]
        # Results, but none clears the relevance floor, and no editor pinned an answer: say so.
        no_good_match = bool(results.total and results.no_good_match and not pinned)
        filters = active_filters(query)
        context.update(
            this_address=request.path + search_url(query),
            results=results,
            pinned=shown_pinned(pinned, results.hits, query.language),
            hits=hits,
            # The pinned results count among the results, once each.
            total=results.total + len(pinned) - (len(results.hits) - len(hits)),
            no_good_match=no_good_match,
            # The query within markup (<bdi>) and in the <title> (isolates): right-to-left text
            # around it, or it within right-to-left text, keeps its order.
            query_isolated=format_html("<bdi>{}</bdi>", query.text),
            query_title=FSI + query.text + PDI,
            ways_to_ask=ways_to_ask() if no_good_match or not results.total else [],
            topics=closest_topics(hits, query.language) if no_good_match else [],
            facets=[
                (name, facet_links(query, results, facet, param, field))
                for facet, param, field, name in FILTERS
            ],
            active_filters=filters,
            clear_filters_url=search_url(SearchQuery(text=query.text, language=query.language))
            if filters
            else "",
            previous_url=page_url(query, query.page - 1) if query.page > 1 else None,
            next_url=page_url(query, query.page + 1) if query.page < results.pages else None,
            first_number=query.offset + 1,
            last_number=query.offset + len(results.hits),
        )
        if query.page == 1:
            context["search_id"] = outcomes.new_search_id()
            outcomes.announce(
                outcomes.search_performed,
                search_id=context["search_id"],
                text=typed.text,  # what readers type, for the reports of searches finding nothing
                language=query.language,
                total=0 if no_good_match else results.total,  # recorded as finding nothing
                request=request,
            )
        if results.suggestion:
            context["corrected"] = format_html('<strong dir="auto">{}</strong>', query.text)
            context["as_typed_link"] = format_html(
                '<a href="{}" dir="auto">{}</a>',
                search_url(replace(typed, page=1, as_typed=True)),
                typed.text,
            )
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
