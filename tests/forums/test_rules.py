"""Who may accept an answer and who may report a post: model methods the thread page
and the services both ask."""

import pytest

from forums import services
from forums.models import Post

from .conftest import en, signed_in


@pytest.fixture
def question(asker, board, trusted):
    thread, _opening = services.start_thread(asker, board, "question", "Which form do I need?", "Text", "en")
    return thread


@pytest.fixture
def answer(question, make_member):
    return services.reply(make_member("helper"), question, "Form B, from the office.")


def test_only_the_asker_of_a_question_may_accept_an_answer(question, answer, asker, board):
    helper = answer.author
    assert question.may_accept_answer(asker)
    assert not question.may_accept_answer(helper)
    assert not question.may_accept_answer(None)
    assert answer.may_be_accepted_by(asker) and not answer.may_be_accepted_by(helper)
    opening = question.posts.get(is_opening=True)
    assert not opening.may_be_accepted_by(asker)
    feedback, _post = services.start_thread(asker, board, "feedback", "The form is long", "Text", "en")
    assert not feedback.may_accept_answer(asker)


def test_accepting_twice_changes_nothing(question, answer, asker):
    services.accept_answer(asker, answer)
    services.accept_answer(asker, Post.objects.get(pk=answer.pk))
    assert list(question.posts.filter(is_accepted=True)) == [answer]


def test_a_member_may_report_others_posts_but_not_their_own(answer, asker):
    assert answer.may_be_flagged_by(asker)
    assert not answer.may_be_flagged_by(answer.author)
    assert not answer.may_be_flagged_by(None)


def test_the_thread_page_shows_the_accept_button_to_the_asker_only(client, question, answer, asker):
    accept_url = en("accept", answer.pk)
    opening_url = en("accept", question.posts.get(is_opening=True).pk)
    assert accept_url not in client.get(en("thread", question.pk)).content.decode()
    html = signed_in(client, answer.author).get(en("thread", question.pk)).content.decode()
    assert accept_url not in html
    html = signed_in(client, asker).get(en("thread", question.pk)).content.decode()
    assert accept_url in html and opening_url not in html
    services.accept_answer(asker, answer)
    assert accept_url not in client.get(en("thread", question.pk)).content.decode()


def test_the_thread_page_offers_reporting_only_others_posts(client, question, answer, asker):
    flag_answer, flag_opening = (
        en("flag", answer.pk),
        en("flag", question.posts.get(is_opening=True).pk),
    )
    html = signed_in(client, asker).get(en("thread", question.pk)).content.decode()
    assert flag_answer in html and flag_opening not in html
