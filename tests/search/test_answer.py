"""What a search answers beyond the ranked list (search/answer.py): the relevance floor with an
honest "no page answers this", and "did you mean" that never replaces a known word."""

import pytest

from evaluation.models import SearchRecord
from search import answer, coverage
from search.engines import database_engine
from search.engines.base import SearchQuery
from search.engines.database import covered_total
from search.models import Concept, Term

pytestmark = pytest.mark.django_db


def ask(text, language="en"):
    return answer.answer(database_engine(), SearchQuery(text=text, language=language))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("how do I extend my visa", "en"),
        ("berapa denda overstay per hari", "id"),
        ("تمديد الإقامة", "ar"),
        ("签证逾期罚款", "zh-hans"),
        # Typed as in a chat: "kalo", "ngapain", 咋办 and ازاي are on no page; counted as words
        # asked, their rarity outweighed what the question is about, and the page said nothing
        # answered it above the right guide.
        ("kalo overstay visa bakal diapain", "id"),
        ("paspor ilang harus ngapain", "id"),
        ("护照丢了咋办", "zh-hans"),
        ("ازاي أمدد الإقامة", "ar"),
    ],
)
def test_a_question_the_service_answers_clears_the_floor(indexed, text, language):
    results = ask(text, language)
    assert not results.no_good_match, (text, results.confidence)


def test_an_everyday_question_the_service_does_not_cover_is_below_the_floor(indexed):
    for text, language in [
        ("best beaches in Lombok", "en"),
        ("resep nasi goreng kampung", "id"),
        ("أفضل الشواطئ في لومبوك", "ar"),
        ("巴厘岛租摩托车", "zh-hans"),
    ]:
        results = ask(text, language)
        # Some page holds a word of most of them ("Lombok", "kampung"): found, yet no answer.
        assert results.no_good_match, (text, results.confidence, results.total)


def test_an_everyday_question_in_words_a_guide_also_uses_is_below_the_floor(indexed):
    """Price, rupiah and day are all in the fees guide, month and begin in others: a question
    naming nothing of the service's vocabulary (the glossary) must hold more to be answered."""
    for text in ["سعر صرف الروبية اليوم", "متى يبدأ شهر رمضان", "كيف أفتح حسابا بنكيا في إندونيسيا"]:
        results = ask(text, "ar")
        assert results.total and results.no_good_match, (text, results.confidence)


def test_a_short_english_word_inside_longer_words_answers_nothing(indexed):
    """ "eat" is inside "creation", "treatment" and "threats", "cat" inside "certificate": found
    there, the question was answered with pages about none of it."""
    for text in ["where can I eat", "cat food"]:
        results = ask(text)
        assert results.no_good_match, (text, results.confidence, results.total)


def test_a_new_indonesian_term_is_answered_on_the_indonesian_site(indexed):
    """Each word of a longer term also counts alone, and "zqbiru" is on no page: on the other
    sites the concept's Indonesian terms stood in for it, on the Indonesian site nothing did, so
    a term an editor had just added named its concept and was still "not answered"."""
    Term.objects.create(
        concept=Concept.objects.get(key="kitas"), language="id", text="kartu zqbiru", kind="everyday"
    )
    results = ask("kartu zqbiru", "id")
    assert not results.no_good_match, results.confidence
    assert "kitas" in results.hits[0].title.lower()


def test_a_glossary_term_typed_on_the_english_site_finds_the_guides(indexed):
    """WNA is the Indonesian abbreviation for foreigner: the English guides write it out."""
    results = ask("WNA obligations")
    assert not results.no_good_match
    assert any(
        "foreign" in hit.title.lower() or "obligation" in hit.title.lower() for hit in results.hits[:3]
    )


def test_arabic_passport_with_or_without_the_article_finds_the_same_guides(indexed):
    with_article = [hit.url for hit in ask("جواز السفر", "ar").hits[:5]]
    without = [hit.url for hit in ask("جواز سفر", "ar").hits[:5]]
    assert set(with_article) & set(without)


def test_a_word_of_a_named_term_is_held_where_the_terms_concept_is(indexed):
    """ "kicked" of the everyday term "kicked out" is on no page: counted as a word of its own
    no page holds, it kept the deportation and overstay guides under the relevance floor."""
    results = ask("kicked out of Indonesia for overstaying")
    assert not results.no_good_match
    assert results.hits[0].url == "/en/hak-dan-kewajiban/denda-overstay/"


def test_did_you_mean_corrects_a_typo_when_the_correction_answers(indexed):
    assert ask("golden vissa").suggestion == "golden visa"
    assert ask("perpanjang visa kunjugan", "id").suggestion == "perpanjang visa kunjungan"


def test_the_results_shown_are_the_corrections_when_it_answers_clearly_better(indexed):
    """The results are the corrected query's, and say so (``query``, ``suggestion``): the
    database engine searched the correction while the page offered "did you mean" above
    those very results, and every link carried the typo."""
    results = ask("golden vissa")
    assert results.query.text == "golden visa" and results.suggestion == "golden visa"
    assert [hit.url for hit in results.hits] == [hit.url for hit in ask("golden visa").hits]


def test_a_query_searched_as_typed_is_not_corrected(indexed):
    """ "Search instead for" what was typed: the reader's words, not the correction."""
    typed = SearchQuery(text="golden vissa", language="en", as_typed=True)
    results = answer.answer(database_engine(), typed)
    assert results.query == typed and results.suggestion == ""
    assert results.hits != ask("golden visa").hits


def test_the_spelling_is_worked_out_once_per_search(indexed, monkeypatch):
    """The database engine corrected the query, and answer() asked the same again for its
    suggestion, and the engine again for the suggestion's search."""
    asked = []
    candidate = answer.spelling.candidate
    monkeypatch.setattr(answer.spelling, "candidate", lambda *args: asked.append(args) or candidate(*args))
    assert ask("golden vissa").suggestion == "golden visa"
    assert len(asked) == 1


def test_did_you_mean_never_replaces_a_word_of_the_content_or_the_glossary(indexed):
    assert ask("visa on arrival price").suggestion == ""
    assert ask("pasport for baby").suggestion == ""  # a misspelling the glossary knows: found anyway
    assert ask("jadwal buka bank hari Sabtu", "id").suggestion == ""  # Sabtu is no typo of satu
    assert ask("how do I renew my kitas quickly").suggestion == ""  # quickly is no typo of quick
    assert ask("هل يمكنني العمل بتأشيرة سياحية", "ar").suggestion == ""
    # a question word as chats spell it is no typo of a content word ("bareng" of "barang")
    assert answer.spelling.candidate("izin tinggal apa yg bisa dipake buat tinggal bareng", "id") == ""


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("غرامة التأخير في المغادرة", "ar"),  # التأخير (delay) is no typo of التأشيرة (visa)
        ("weather forecast bali", "en"),  # not "whether"
        ("renting an apartment", "en"),  # not "retiring an department"
        ("harga tiket pesawat", "id"),  # harga (price) is no typo of warga (resident)
    ],
)
def test_did_you_mean_never_replaces_a_common_word_of_the_language(indexed, text, language):
    """A word no page holds is not a typo when it is a common word of the reader's language
    (or of English or Indonesian, which readers type on every site)."""
    assert answer.spelling.candidate(text, language) == ""
    assert ask(text, language).suggestion == ""


@pytest.mark.parametrize(
    ("typed", "language", "meant"),
    [("جواذ سفر", "ar", "جواز سفر"), ("visq extension", "en", "visa extension")],
)
def test_did_you_mean_corrects_one_letter_of_a_four_letter_term(indexed, typed, language, meant):
    """One letter changed in four is a ratio of .75, under the cutoff of .8: "جواذ" (ذ for ز)
    was left uncorrected and the passport guides unfound."""
    assert ask(typed, language).suggestion == meant


def test_did_you_mean_still_corrects_a_rare_spelling_of_a_common_word(indexed):
    assert answer.spelling.candidate("permanant stay permit", "en") == "permanent stay permit"
    assert answer.spelling.candidate("perpanjangn visa", "id") == "perpanjangan visa"


def test_the_words_no_did_you_mean_replaces_are_the_same_for_every_engine(indexed):
    """One rule (spelling.never_replaced) for the suggestions made here and for the remote
    engines' own suggester: the glossary's words, misspellings included, and question words."""
    never_replaced = answer.spelling.never_replaced
    # a term, a known misspelling, question words as chats spell them
    assert never_replaced(["kitas", "pasport", "kalo", "bareng"]) == {"kitas", "pasport", "kalo", "bareng"}
    assert never_replaced(["kalo", "kitass"]) == {"kalo"}
    assert never_replaced([]) == set()


def test_the_page_says_plainly_when_nothing_answers_and_records_it_as_not_found(client, indexed):
    response = client.get("/en/search/", {"q": "best beaches in Lombok"})
    html = response.content.decode()
    assert "No page answers this question" in html
    assert 'href="/en/forums/"' in html and "/en/complaints/" in html
    assert "/en/search/glossary/" in html
    record = SearchRecord.objects.get(query="best beaches in lombok")
    assert record.results == 0


def test_the_no_match_page_is_translated(client, indexed):
    html = client.get("/id/search/", {"q": "resep nasi goreng kampung"}).content.decode()
    assert "No page answers this question" not in html
    assert 'class="zero-results no-good-match"' in html


def test_did_you_mean_changes_only_the_corrected_word(indexed):
    """The suggestion was the whole query in search's normalised spelling: capitals lower-cased
    and, in Arabic, hamza and taa marbuta dropped from words that were spelt right, so it read
    as a correction of those too."""
    assert ask("Golden vissa").suggestion == "Golden visa"
    assert ask("Perpanjang Visa kunjugan", "id").suggestion == "Perpanjang Visa kunjungan"
    typed = "تأشيرة الزيارة والإقامة"
    assert answer.spelling.candidate(typed, "ar") == ""  # nothing misspelt: nothing offered
    assert answer.spelling._as_typed(typed + " كيتاسس", {"كيتاسس": "كيتاس"}) == typed + " كيتاس"


def test_the_corrected_word_is_offered_as_the_content_writes_it(indexed):
    """Search compares "الزيارة" as "الزياره" and "الإلكتروني" as "الالكتروني"; the word put
    in place of a typo is the one the pages write, taa marbuta and hamza included."""
    assert ask("تأشيرة الزيراة", "ar").suggestion == "تأشيرة الزيارة"
    assert ask("جواز السفر الإلكتروتي", "ar").suggestion == "جواز السفر الإلكتروني"


def test_the_concepts_weights_are_counted_in_one_query(indexed, add_entry, django_assert_num_queries):
    """Each concept is counted among the reader's entries, all of them in one query."""
    add_entry("zzqa zzqb")
    add_entry("zzqa")
    add_entry("zzqc other")
    covered_total(language="en")  # counted once in a while, apart from the concepts
    meant = [["zzqa"], ["zzqb", "zzqc"], ["zzqd"]]
    with django_assert_num_queries(1):
        found = coverage.weights(meant, "en")
    assert [frequency for _weight, frequency in found] == [2, 2, 0]
    assert found[2][0] > found[0][0]  # the rarer concept weighs more


def test_a_term_naming_an_indonesian_only_guide_is_answered(indexed):
    """The re-entry and EPO guide has no Arabic or Chinese text: its Indonesian words answer
    "الخروج النهائي" (final exit) and "永久离境" through the glossary, and the words of those terms
    taken one by one must not count against it."""
    for text, language in [("الخروج النهائي", "ar"), ("永久离境", "zh-hans")]:
        results = ask(text, language)
        assert not results.no_good_match, (text, results.confidence)
        assert results.hits[0].url == "/id/izin-tinggal/izin-masuk-kembali-dan-epo/"


def test_an_indonesian_verb_as_spoken_reaches_its_formal_spelling(indexed):
    """ "nyogok" is "menyogok" (to bribe) as spoken: found on no page, it named nothing and
    the page said nothing answered; as its formal spelling it names the glossary's bribery
    concept, whose guide answers."""
    results = ask("nyogok petugas imigrasi", "id")
    assert not results.no_good_match, results.confidence
    assert results.hits[0].url == "/id/pelaporan/lapor-pungli-petugas/"


def test_a_typo_beside_a_word_of_the_glossary_is_corrected(indexed):
    """ "sponsorship" is on no page, as "kitass" is not: the corrected query clears the floor only
    when the glossary knows sponsorship as a name of the sponsor."""
    results = ask("kitass sponsorship")
    assert results.suggestion == "kitas sponsorship" and not results.no_good_match
