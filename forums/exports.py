"""A member's own data, as JSON: profile, posts, votes, follows and reports.

It is the member's data, so their own posts are included whatever their state
(with the state, so they know which were hidden and why); nobody else's post is
in it, and no IP address (kept only for abuse handling).
"""

from forums.models import Member


def member_data(member: Member):
    user = member.user
    return {
        "account": {"email": user.email, "joined": member.joined_at.isoformat()},
        "profile": {
            "display_name": member.display_name,
            "language": member.language,
            "notify_replies": member.notify_replies,
        },
        "posts": [
            {
                "id": post.pk,
                "thread": post.thread_id,
                "thread_title": post.thread.title,
                "created": post.created_at.isoformat(),
                "state": post.state,
                "hidden_reason": post.hidden_reason,
                "text": post.body,
            }
            for post in member.posts.select_related("thread").order_by("created_at", "pk")
        ],
        "votes": [
            {"thread": vote.thread_id, "created": vote.created_at.isoformat()} for vote in member.votes.all()
        ],
        "follows": [
            {"thread": follow.thread_id, "board": follow.board_id, "created": follow.created_at.isoformat()}
            for follow in member.follows.all()
        ],
        "reports": [
            {"post": flag.post_id, "reason": flag.reason, "created": flag.created_at.isoformat()}
            for flag in member.flags.all()
        ],
    }
