"""Public forum pages: boards, threads, posting, votes, follows, reports, JSON API.

Reading needs no account. Everything shown comes from ``Thread.objects.visible()``
and ``Post.objects.visible()``; hidden posts leave only their public reason.
Posting forms count against the rate limits only once they are valid, so
correcting a mistake never locks anyone out.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from cms.models import GuidePage
from core import rate_limit
from forums import conf, services, spam
from forums.forms import FORM_TOKENS, FlagForm, ReplyForm, ThreadForm
from forums.models import (
    Board,
    Follow,
    Post,
    PostState,
    SuggestionStatus,
    Thread,
    ThreadKind,
    ThreadStatus,
    Vote,
    is_official,
)
from forums.rendering import render as render_markdown

SORTS = {"recent": ("-last_activity_at", "-pk"), "votes": ("-vote_total", "-last_activity_at")}


def _member(request):
    return services.member_for(request.user) if request.user.is_authenticated else None


@require_safe
def index(request):
    boards = Board.objects.select_related("topic").annotate(
        thread_total=Count("threads", filter=Q(threads__in=Thread.objects.visible()))
    )
    recent = (
        Thread.objects.visible()
        .filter(status=ThreadStatus.ANSWERED)
        .select_related("board__topic")
        .order_by("-last_activity_at")[:5]
    )
    return render(
        request, "forums/index.html", {"boards": boards, "recent": recent, "member": _member(request)}
    )


def board_threads(board, kind="", status="", sort="recent"):
    threads = (
        Thread.objects.visible()
        .filter(board=board)
        .select_related("author")
        .annotate(vote_total=Count("votes", distinct=True))
    )
    if kind in ThreadKind.values:
        threads = threads.filter(kind=kind)
    if status in ThreadStatus.values:
        threads = threads.filter(status=status)
    return threads.order_by(*SORTS.get(sort, SORTS["recent"]))


@require_safe
def board_page(request, slug):
    board = get_object_or_404(Board.objects.select_related("topic"), slug=slug)
    kind, status, sort = (request.GET.get(name, "") for name in ("kind", "status", "sort"))
    threads = board_threads(board, kind, status, sort)
    page = Paginator(threads, conf.get("THREADS_PER_PAGE")).get_page(request.GET.get("page"))
    member = _member(request)
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "board": board,
        "threads_page": page,
        "kinds": ThreadKind.choices,
        "statuses": ThreadStatus.choices,
        "kind": kind,
        "status": status,
        "sort": sort if sort in SORTS else "recent",
        "query": params.urlencode(),
        "member": member,
        "following": bool(member and Follow.objects.filter(member=member, board=board).exists()),
    }
    return render(request, "forums/board.html", context)


def _thread_or_404(pk):
    thread = get_object_or_404(Thread.objects.select_related("board__topic", "author"), pk=pk)
    if thread.merged_into_id:
        return thread, redirect("forums:thread", thread.merged_into_id)
    if not Thread.objects.visible().filter(pk=pk).exists():
        raise Http404
    return thread, None


def thread_entries(thread, page_number, member=None):
    """The page of posts to show: visible ones with their HTML, hidden ones as their reason
    only, each with what the member may do with it."""
    shown = Post.objects.visible().filter(thread=thread).values("pk")
    placeholders = thread.posts.filter(state=PostState.HIDDEN).exclude(hidden_reason="").values("pk")
    posts = (
        Post.objects.filter(Q(pk__in=shown) | Q(pk__in=placeholders))
        .select_related("author")
        .order_by("-is_opening", "created_at", "pk")
    )
    page = Paginator(posts, conf.get("POSTS_PER_PAGE")).get_page(page_number)
    entries = []
    for post in page:
        visible = post.state == PostState.APPROVED
        entries.append(
            {
                "post": post,
                "visible": visible,
                "html": render_markdown(post.body) if visible else "",
                "author": post.author.display_name if post.author else _("Deleted member"),
                "hidden_reason": "" if visible else post.hidden_reason,
                "may_accept": post.may_be_accepted_by(member),
                "may_flag": post.may_be_flagged_by(member),
            }
        )
    return page, entries


def _reply_form(request, member, data=None):
    return ReplyForm(data, official_allowed=bool(member and is_official(member.user)))


def _thread_context(request, thread, member, reply_form=None):
    page, entries = thread_entries(thread, request.GET.get("page"), member)
    return {
        "thread": thread,
        "board": thread.board,
        "posts_page": page,
        "entries": entries,
        "member": member,
        "reply_form": reply_form or _reply_form(request, member),
        "form_token": FORM_TOKENS.issue(),
        "flag_form": FlagForm(),
        "vote_total": thread.votes.count(),
        "voted": bool(member and Vote.objects.filter(member=member, thread=thread).exists()),
        "following": bool(member and Follow.objects.filter(member=member, thread=thread).exists()),
        "declined": thread.suggestion_status == SuggestionStatus.DECLINED,
        "can_reply": services.posting_refusal(member, thread) is None,
    }


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def thread_page(request, pk):
    thread, moved = _thread_or_404(pk)
    if moved:
        return moved
    member = _member(request)
    if request.method != "POST":
        return render(request, "forums/thread.html", _thread_context(request, thread, member))
    if member is None:
        return redirect(f"{_login_url()}?next={request.path}")
    form = _reply_form(request, member, request.POST)
    status = _post_reply(request, member, thread, form)
    if status is None:
        return redirect(thread.get_absolute_url() + "#reply-done")
    return render(
        request, "forums/thread.html", _thread_context(request, thread, member, form), status=status
    )


def _login_url():
    return reverse("account_login")


def _limited(request, member):
    address = rate_limit.client_address(request)
    return rate_limit.exceeded(
        "forums-post-member", member.pk, conf.get("POST_LIMIT")
    ) or rate_limit.exceeded("forums-post-ip", address, conf.get("IP_POST_LIMIT"))


def _count_post(request, member):
    window = conf.get("POST_WINDOW")
    rate_limit.hit("forums-post-member", member.pk, conf.get("POST_LIMIT"), window)
    rate_limit.hit("forums-post-ip", rate_limit.client_address(request), conf.get("IP_POST_LIMIT"), window)


def _checked(request, member, form, thread=None):
    """Run the checks after the form is valid; returns an HTTP status on refusal, else None."""
    try:
        services.check_can_post(member, thread)
    except services.NotAllowed as refusal:
        form.add_error(None, refusal.message)
        return 403
    if _limited(request, member):
        form.add_error(None, _("You have posted a lot in a short time. Please wait an hour and try again."))
        return 429
    reason = spam.refusal(member, form.cleaned_data["body"])
    if reason:
        form.add_error("body", reason)
        return 400
    return None


def _post_reply(request, member, thread, form):
    if not form.is_valid():
        return 400
    status = _checked(request, member, form, thread)
    if status:
        return status
    try:
        post = services.reply(
            member,
            thread,
            form.cleaned_data["body"],
            rate_limit.client_address(request),
            official=form.cleaned_data.get("official", False),
        )
    except services.NotAllowed as refusal:
        form.add_error(None, refusal.message)
        return 403
    _count_post(request, member)
    _say_where_it_is(request, post)
    return None


def _say_where_it_is(request, post):
    if post.state == PostState.PENDING:
        messages.info(
            request,
            _("Thank you. Your post is waiting for a moderator and will appear once it is approved."),
        )
    else:
        messages.success(request, _("Thank you. Your post is published."))


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def new_thread(request, slug):
    board = get_object_or_404(Board.objects.select_related("topic"), slug=slug)
    member = _member(request)
    if member is None:
        messages.info(request, _("Choose a display name before you post."))
        return redirect("forums:profile")
    guide = (
        GuidePage.objects.live().filter(pk=request.GET.get("guide") or request.POST.get("guide") or 0).first()
    )
    form = ThreadForm(request.POST or None)
    context = {"board": board, "form": form, "form_token": FORM_TOKENS.issue(), "guide": guide}
    if request.method != "POST":
        return render(request, "forums/new_thread.html", context)
    status = 400 if not form.is_valid() else _checked(request, member, form)
    if status:
        return render(request, "forums/new_thread.html", context, status=status)
    thread, post = services.start_thread(
        member,
        board,
        form.cleaned_data["kind"],
        form.cleaned_data["title"],
        form.cleaned_data["body"],
        get_language(),
        rate_limit.client_address(request),
        guide=guide,
    )
    _count_post(request, member)
    _say_where_it_is(request, post)
    if post.state == PostState.PENDING:
        return redirect(board.get_absolute_url())
    return redirect(thread.get_absolute_url())


def _member_or_login(request):
    member = _member(request)
    if member is None:
        return None, redirect(f"{_login_url()}?next={request.path}")
    return member, None


@require_POST
def vote(request, pk):
    thread, _moved = _thread_or_404(pk)
    member, response = _member_or_login(request)
    if response:
        return response
    if services.toggle_vote(member, thread):
        messages.success(request, _("Your vote is counted."))
    else:
        messages.info(request, _("Your vote is taken back."))
    return redirect(thread.get_absolute_url())


@require_POST
def follow_thread(request, pk):
    thread, _moved = _thread_or_404(pk)
    member, response = _member_or_login(request)
    if response:
        return response
    if services.toggle_follow(member, thread=thread):
        messages.success(
            request, _("You follow this thread. We email you when it is answered or its status changes.")
        )
    else:
        messages.info(request, _("You no longer follow this thread."))
    return redirect(thread.get_absolute_url())


@require_POST
def follow_board(request, slug):
    board = get_object_or_404(Board, slug=slug)
    member, response = _member_or_login(request)
    if response:
        return response
    if services.toggle_follow(member, board=board):
        messages.success(request, _("You follow this board. We email you when an official answer is posted."))
    else:
        messages.info(request, _("You no longer follow this board."))
    return redirect(board.get_absolute_url())


@require_POST
def flag_post(request, pk):
    post = get_object_or_404(Post.objects.visible().select_related("thread"), pk=pk)
    member, response = _member_or_login(request)
    if response:
        return response
    form = FlagForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose why you are reporting the post."))
    else:
        try:
            services.flag(member, post, form.cleaned_data["reason"])
            messages.success(request, _("Thank you. A moderator will look at the post."))
        except services.AlreadyFlagged:
            messages.info(request, _("You have already reported this post."))
        except services.NotAllowed as refusal:
            messages.error(request, refusal.message)
    return redirect(post.thread.get_absolute_url())


@require_POST
def accept(request, pk):
    post = get_object_or_404(Post.objects.select_related("thread"), pk=pk)
    member, response = _member_or_login(request)
    if response:
        return response
    try:
        services.accept_answer(member, post)
        messages.success(request, _("You accepted this answer. Thank you."))
    except services.NotAllowed as refusal:
        messages.error(request, refusal.message)
    return redirect(post.thread.get_absolute_url())


def post_json(post):
    return {
        "id": post.pk,
        "author": post.author.display_name if post.author else None,
        "official": post.is_official,
        "accepted": post.is_accepted,
        "created": post.created_at.isoformat(),
        "text": post.body,
        "html": str(render_markdown(post.body)),
    }


@require_safe
def thread_json(request, pk):
    """The JSON API of a thread: only what the thread page shows."""
    thread = get_object_or_404(Thread.objects.visible().select_related("board"), pk=pk)
    posts = Post.objects.visible().filter(thread=thread).select_related("author").order_by("created_at", "pk")
    data = {
        "id": thread.pk,
        "board": thread.board.slug,
        "kind": thread.kind,
        "title": thread.title,
        "status": thread.status,
        "suggestion_status": thread.suggestion_status,
        "decline_reason": thread.decline_reason,
        "url": request.build_absolute_uri(thread.get_absolute_url()),
        "posts": [post_json(post) for post in posts],
    }
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@require_safe
def board_json(request, slug):
    board = get_object_or_404(Board, slug=slug)
    threads = board_threads(board)[:100]
    data = {
        "board": board.slug,
        "threads": [
            {
                "id": thread.pk,
                "title": thread.title,
                "kind": thread.kind,
                "status": thread.status,
                "votes": thread.vote_total,
                "url": request.build_absolute_uri(thread.get_absolute_url()),
            }
            for thread in threads
        ],
    }
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
