"""How search cuts text into words: one definition for the database engine, the glossary,
the relevance floor and "did you mean", so a term matches the same way everywhere."""

import re
import unicodedata
from collections import Counter
from functools import cache, lru_cache

import opencc
import snowballstemmer

WORD = re.compile(r"\w+", re.UNICODE)
# Han characters: the unified ideographs with Extension A, the compatibility ideographs, and
# Extension B onwards (rare characters of names, as Hong Kong and Taiwan write them).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Hiragana and katakana: Japanese, which no page is written in but a quotation may be.
KANA = "\u3040-\u30ff"
# Chinese: read in character pairs, segmented, given pinyin, converted to Simplified.
CJK = re.compile(f"[{HAN}]")
CJK_RUN = re.compile(f"[{HAN}]+")
# A word mixing scripts ("工作KITAS") is cut where the script changes: Chinese runs, other runs.
SCRIPT_RUN = re.compile(f"[{HAN}]+|[^{HAN}]+")
# Text written without spaces between words (Chinese, and Japanese with its kana): cut
# between any two characters. Kana stays out of ``CJK``: it has no pinyin, no Simplified
# form, and a kana word is no run of Chinese pairs.
UNSPACED = re.compile(f"[{KANA}{HAN}]")
# A space between two Chinese runs, which a query key leaves out (``query_key``).
CHINESE_GAP = re.compile(f"(?<=[{HAN}]) (?=[{HAN}])")
# A title's words in brackets, ASCII or full-width: its acronyms and other names
# ("Stay Permits (KITAS/KITAP)", "居留许可（KITAS/KITAP）").
BRACKETED = re.compile(r"\([^()]*\)|（[^（）]*）")


@cache
def _traditional_to_simplified():
    return opencc.OpenCC("t2s")


def simplified(text):
    """Chinese typed in Traditional characters (Taiwan, Hong Kong: 護照, 罰款) in the Simplified
    ones every Chinese page here is written in (护照, 罚款); other text as it is. OpenCC converts
    by phrase, not character by character (乾隆 stays, 乾燥 becomes 干燥)."""
    return _traditional_to_simplified().convert(text) if CJK.search(text) else text


def folded(text):
    """Text as typed in the forms the pages are written in: compatibility forms as the letters
    they stand for (NFKC), such as full-width Latin as a Chinese or Japanese keyboard types it
    ("ＫＩＴＡＳ　申请") and Arabic presentation forms ("ﺟﻮﺍﺯ") as some keyboards and PDFs give
    them; Traditional Chinese as Simplified (``simplified``)."""
    return simplified(unicodedata.normalize("NFKC", text or ""))


# Arabic spelling that varies in what people type: hamza on alif, taa marbuta written as haa,
# alif maqsura as yaa, and short-vowel marks (as the remote engines' arabic_normalization);
# and the hamza on its other seats or on the line, which people write apart, on the seat or
# not at all ("اللاجئ", "اللاجىء", "اللاجي": refugee), as Snowball's Arabic stemmer does on the
# remote engines; and the tatweel that stretches a word.
ARABIC = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ئ": "ي",
        "ؤ": "و",
        "ء": None,
        "ـ": None,
        **dict.fromkeys(map(chr, range(0x064B, 0x0653)), None),
    }
)


def script_runs(text):
    """Lower-cased words, Arabic normalised, each cut where its script changes (``SCRIPT_RUN``):
    what ``words`` and ``query_key`` are made of."""
    return [
        run
        for token in WORD.findall((text or "").translate(ARABIC))
        for run in SCRIPT_RUN.findall(token.lower())
    ]


def words(text):
    """Lower-cased words, Arabic normalised; Chinese, written without spaces, as overlapping
    character pairs."""
    found = []
    for word in script_runs(text):
        if CJK.search(word) and len(word) > 2:
            found.extend(word[index : index + 2] for index in range(len(word) - 1))
        else:
            found.append(word)
    return found


def written_forms(texts):
    """Each word as search compares it (``words``) -> its spelling most often written in
    ``texts``, lower-cased: a correction offers "الزيارة", not the "الزياره" compared."""
    written = Counter(token.lower() for text in texts for token in WORD.findall(text or ""))
    forms = {}
    for token, _count in written.most_common():
        compared = words(token)  # once per distinct spelling, not per occurrence
        if len(compared) == 1:
            forms.setdefault(compared[0], token)
    return forms


# Chinese question and function words: a question typed as people ask it ("护照丢了怎么办",
# passport lost, what to do) holds them, pages rarely do, so their rare character pairs would
# outweigh the words that matter. Cut out of queries (the run is split where they were), as
# the remote engines' stop lists do for the other languages. Single characters are left: most
# also begin or end real words (了解, 酒吧).
CHINESE_FUNCTION_WORDS = re.compile(
    "怎么办|怎么样|怎么|怎样|如何|为什么|什么|哪里|哪儿|哪些|哪个|是否|能否|可不可以|可以|请问|我的|我们|你们|他们"
    "|需要|应该|吗|呢"
    # as typed in chats: 咋办 (how), 啥 (what), 能不能 (can or not), 的话 (if)
    "|咋办|咋样|咋|啥|能不能|有没有|是不是|要不要|会不会|行不行|一下|的话|如果|已经|还是|这个|那个"
    "|我想|我要|想要|请帮忙|谢谢"
)
# Characters that are words of grammar on their own (particles, pronouns, prepositions): a
# pair joining one to its neighbour belongs to neither word (search/segment.py word_edges).
CHINESE_FUNCTION_CHARACTERS = frozenset(
    "了的吗呢吧啊在能和要我你他她是有不也就都被把给对从向于与及或而但这那"
)


# The same for the question and function words of the other languages (pronouns,
# conjunctions, prepositions, auxiliaries, negations, fillers of spoken questions), compared
# after ``words`` (lower-cased, Arabic normalised). Rare in the pages' formal prose, they would
# weigh more than the words that tell what the question is about ("mau", "won't", "أفعل").
# Words that name something the service does are never here ("baru", "new", "lost", "work").
FUNCTION_WORDS = frozenset(
    words(
        # Indonesian
        "bagaimana bagaimanakah gimana cara caranya apakah apa kapan dimana di mana siapa mengapa kenapa berapa"
        " saya aku kami kita anda kamu dia mereka ku nya sini situ bisa dapat yang dan atau tetapi"
        " tapi tidak tak bukan belum sudah telah akan sedang masih mau ingin harus perlu boleh"
        " ini itu ke dari untuk dengan pada oleh agar supaya jika kalau bila apabila karena sebagai"
        " ada saja juga lagi sangat lalu kemudian dong sih kah ya tolong mohon punya"
        # Indonesian as typed in chats: "kalo overstay visa bakal diapain" (if I overstay
        # my visa what happens to me). Not "buat" (also "make": "buat paspor"); "pake" (use) is
        # the chat spelling only, found on no page, where it outweighed what was asked.
        " gak ga nggak ngga enggak engga kagak tdk blm udah udh dah sdh gue gua gw lu lo loe elo sy"
        " gmn gmana knp kok ngapain diapain apaan brp kpn dmn kalo klo yg dgn utk krn tp trus terus"
        " gara soalnya biar sampe kayak gitu gini begitu begini bakal bakalan pengen pingin"
        " pengin mo aja doang nih tuh deh kan lho loh yah emang memang banget bgt pun pake dipake bareng"
        " bgmn hrs bs aq kl tpi emg gk pgn"
        # English
        " how what when where why who whom which whose can could do does did done doing i my me"
        " mine we our us you your he she it its they them their his her is are was were be been"
        " being am the a an to of and or but not no nor if so then than that this these those"
        " there here in on at by for with from about into onto over as will would shall should"
        " must may might have has had having want wants need needs please also just very any some"
        " im ive dont cant wont didnt doesnt isnt gonna wanna gotta u ur pls plz thanks hi hello hey"
        " really actually ok okay"
        " t s d ll m re ve don didn doesn isn aren wasn weren won wouldn shouldn couldn cannot"
        # Arabic
        " هل كيف ماذا متى أين لماذا يمكن يمكنني أستطيع أريد ما من في إلى على عن مع و أو ثم لكن لا"
        " لم لن قد أن إن كان كانت هذا هذه ذلك تلك الذي التي الذين أنا نحن أنت هو هي هم لي لدي"
        " عندي علي إذا لو كل أي أيضا فقط جدا حتى أفعل نفعل يجب ينبغي"
        # Arabic as spoken (Egypt, the Levant, the Gulf): ازاي (how), بدي (I want), عشان (because)
        " ايش إيش شو وش ليش ازاي إزاي عايز عايزة بدي ابغى أبغى عشان علشان لازم كده هيك يعني طيب الحين"
        " دلوقتي مش مو"
    )
)


def title_length(text):
    """How many words a title has beyond function words (Chinese: character pairs), stored with
    each document on the remote engines: a title no longer than the query that holds all its
    words is named after it (search/engines/database.py ``title_fit``). Words in brackets are
    other names of what the title names, not more of it: "Stay Permits (KITAS/KITAP)" is named
    after "stay permits" as much as after KITAS (the database engine's ``title_fit`` counts
    them as the concept's alternatives)."""
    return _counted_words(BRACKETED.sub(" ", text or "")) or _counted_words(text or "")


def _counted_words(text):
    return sum(word not in FUNCTION_WORDS for word in words(text))


def query_words(text, keep=frozenset()):
    """The words of a query: as ``words``, with question and function words left out (unless
    nothing else is left), except those in ``keep`` (the words of the glossary terms the
    query names, search/segment.py: "extension of stay" keeps its "of")."""
    found = [
        word
        for word in words(CHINESE_FUNCTION_WORDS.sub(" ", text or ""))
        if word not in FUNCTION_WORDS or word in keep
    ]
    return found or words(text)


def pairs_between(tokens, spans):
    """The Chinese character pairs of a query that belong to no word it holds: Chinese is
    written without spaces and cut into overlapping pairs (``words``), so where two known
    words stand side by side (家属 + 签证, family visa) the pair between them (属签) is half of
    each, and inside a known word of three pairs or more (逾期罚款, overstay fine) the middle
    pairs (期罚) are too. Such a pair is found on unrelated pages, or nowhere: it does not
    stand for what was asked. ``spans`` are the (start, end) runs of ``tokens`` that are known
    words (of the glossary, of the synonym lists); the result, indexes into ``tokens``."""

    def chinese(token):
        return len(token) == 2 and bool(CJK.search(token))

    found = set()
    for start, end in spans:
        if all(chinese(token) for token in tokens[start:end]):
            found.update(range(start + 1, end - 1))
    ends = {end for _start, end in spans}
    for index in ends & {start - 1 for start, _end in spans}:
        if 0 < index < len(tokens) - 1 and chinese(tokens[index]):
            before, token, after = tokens[index - 1], tokens[index], tokens[index + 1]
            if before[-1] == token[0] and token[-1] == after[0]:
                found.add(index)
    return found - {start for start, _end in spans}


def phrase(text):
    """A term as the words search compares: lower-cased, joined by single spaces."""
    return " ".join(words(text))


def query_key(text):
    """A best bet's query as search compares words (``words``): lower case, Arabic spelling
    normalised, compatibility forms and Traditional Chinese folded (``folded``, as the reader's
    query is, search.engines.base.clean_query), punctuation and spacing ignored; Chinese,
    written without spaces, compared without them ("绿卡 抽签", "绿卡抽签？" and "绿卡抽签" are
    one key). Stored with the bet when saved (search.models.BestBet), and made of the reader's
    query at every search (search/best_bets.py ``pinned``)."""
    return CHINESE_GAP.sub("", " ".join(script_runs(folded(text))))


# Between two of a document's places (SearchDocument.places) as the database engine keeps
# them: a name is then told whole ("bali") from a word of a longer name ("timur" in "jawa
# timur") or the letters of another ("bali" in "balikpapan"), as the remote engines'
# keyword field tells it.
NAME_BOUNDARY = " \n "


def place_keys(places):
    """A document's places as both engines compare them whole: each as ``phrase`` writes it,
    once, in order."""
    return list(dict.fromkeys(filter(None, map(phrase, places))))


def names_text(names):
    """A document's places as the database engine keeps them (``NAME_BOUNDARY``)."""
    return NAME_BOUNDARY.join(place_keys(names))


def whole_names(text):
    """The names in ``names_text``, each as ``phrase`` writes it."""
    return set(filter(None, text.split(NAME_BOUNDARY))) if text else set()


# Arabic writes a conjunction, a preposition and the article joined to the word that follows
# ("بجواز", with a passport; "والاقامه", and the residence), and a possessive pronoun joined to
# the word before it ("سفري", my travel; "تاشيرتي", my visa, where taa marbuta becomes taa).
# Longest first; a core keeps at least MIN_ARABIC_CORE letters. A final "ه" goes last, whether
# a normalised taa marbuta or "his": the noun of an act ends in taa marbuta where its verb does
# not ("سرقة جواز السفر", passport theft; "سرق جواز سفري", my passport was stolen).
ARABIC_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
ARABIC_SUFFIXES = ("هما", "كما", "ها", "هم", "هن", "كم", "كن", "نا", "ي", "ك")
MIN_ARABIC_CORE = 3


def arabic_core(word):
    """An Arabic word (as ``words`` gives it) without one joined prefix, one pronoun suffix and
    a final "ه": the same for "جواز سفري" and "جواز سفر", for "تاشيرتي" and "التاشيره", for
    "سرق" and "سرقه". Not a stem (the word's own letters stay), and only compared with other
    cores; other words are returned as they are."""
    if not ARABIC_LETTERS.search(word):
        return word
    for prefix in ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_ARABIC_CORE:
            word = word[len(prefix) :]
            break
    for suffix in ARABIC_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_ARABIC_CORE:
            word = word[: -len(suffix)]
            if word.endswith("ت"):
                word = word[:-1] + "ه"
            break
    if word.endswith("ه") and len(word) > MIN_ARABIC_CORE:
        word = word[:-1]
    return word


# Snowball stemmers, the algorithms the remote engines' analysers run (search/index.py), for
# the database engine, which matches strings: a word's stem, found inside longer words, reaches
# its other forms ("refugees" -> "refuge", "perpanjangan" -> "panjang", Arabic "بتأشيرة"
# -> "تاشير", with its prefix "bi-" off). Latin words use the reader's language's stemmer.
STEMMERS = {"id": "indonesian", "en": "english", "ar": "arabic"}
ARABIC_LETTERS = re.compile(r"[\u0600-\u06ff]")
# A shorter stem is found inside too many unrelated words to stand for the word.
MIN_STEM = {"arabic": 3}
MIN_STEM_DEFAULT = 4
# Indonesian prefixes that swallow a root's first letter before a vowel, longest first.
# (mem-/pem- are left out: "pemohon" is pe- + "mohon", not peN- + "pohon".)
NASAL_PREFIXES = (("meny", "s"), ("peny", "s"), ("men", "t"), ("pen", "t"))


# Spoken Indonesian drops the me- of a verb's nasal prefix ("ngurus" for "mengurus", "nyogok"
# for "menyogok") and writes -in for -kan ("ngajuin" for "mengajukan"); the pages write the
# formal verb. -in counts as -kan only in a word of at least this many letters with a spoken
# prefix (ng-, ny-, n-, di-): "izin", "kawin", "miskin" and "bermain" are words of their own.
MIN_COLLOQUIAL_IN = 6
MIN_COLLOQUIAL_WORD = 5
VOWELS = "aeiou"
MIN_SPOKEN_WORD = 4  # "abis", "ilang": shorter words ("ak", "ari") are too often others
# A vowel before, the last one e, then the consonants Indonesian words end in: "overstey" is
# a typo of "overstay", no Jakarta spelling, and "did you mean" offers it.
SPOKEN_LAST_E = re.compile(r"(.*[aeiou].*)e([bcdfghjklmnpqrstvxz]+)")
# Words of what the service is about as chats shorten them ("org asing", foreigners); the
# shortened question words are FUNCTION_WORDS ("yg", "utk", "brp").
CHAT_ABBREVIATIONS = {
    "org": "orang",
    "tgl": "tanggal",
    "hr": "hari",
    "mgg": "minggu",
    "bln": "bulan",
    "thn": "tahun",
    "kmrn": "kemarin",
    "sblm": "sebelum",
    "stlh": "setelah",
}


def formal(word):
    """An Indonesian verb as spoken, in its formal spelling ("ngajuin" -> "mengajukan",
    "nyogok" -> "menyogok", "nawarin" -> "menawarkan", "dibikinin" -> "dibikinkan"); other
    words unchanged. "n" before a vowel is taken as a prefix only with -in: "nikah", "nama"
    and "negara" begin with it. nge- before a consonant is me-: "ngelapor" -> "melapor"."""
    if len(word) < MIN_COLLOQUIAL_WORD:
        return word
    if word[:3] == "nge" and word[3:4].isalpha() and word[3:4] not in VOWELS:
        root = word[3:]
        if len(root) >= MIN_COLLOQUIAL_IN and root.endswith("in"):
            root = root[:-2] + "kan"
        return "me" + root
    nasal = word[:2] in ("ng", "ny") and word[2:3] in VOWELS
    spoken_n = word[:1] == "n" and word[1:2] in VOWELS
    if len(word) >= MIN_COLLOQUIAL_IN and word.endswith("in") and (nasal or spoken_n or word[:2] == "di"):
        word = word[:-2] + "kan"
        nasal = nasal or spoken_n
    return "me" + word if nasal else word


def formal_of(word, language):
    """``formal`` of an Indonesian reader's word when it differs from the word, else ""."""
    if language != "id" or not word.isascii():
        return ""
    found = formal(word)
    return found if found != word else ""


def spoken_spellings(word, language):
    """The written spellings an Indonesian reader's word may stand for as chats spell it:
    with the first h they drop ("ilang" -> "hilang", "abis" -> "habis"), and with a for the
    e that Jakarta speech puts in a last syllable ("cepet" -> "cepat", "bener" -> "benar",
    "temen" -> "teman"), or written out ("org" -> "orang", CHAT_ABBREVIATIONS). Candidates
    only: "anak" begins with a vowel of its own and "paket" ends in e, which the index tells
    (segment.spoken_words)."""
    if language != "id":
        return []
    if word in CHAT_ABBREVIATIONS:
        return [CHAT_ABBREVIATIONS[word]]
    if not word.isascii() or len(word) < MIN_SPOKEN_WORD or word in FUNCTION_WORDS:
        return []
    found = []
    if word[:1] in VOWELS:
        found.append("h" + word)
    last_syllable = SPOKEN_LAST_E.fullmatch(word)
    if last_syllable:
        found.append(last_syllable.group(1) + "a" + last_syllable.group(2))
    return [spelling for spelling in found if spelling not in FUNCTION_WORDS]


@lru_cache(maxsize=4096)
def stem(word, language):
    """The word's stem when it differs and is long enough to tell, else "". An Indonesian verb
    as spoken is stemmed as its formal spelling (``formal``: "nyogok" -> "sogok")."""
    if ARABIC_LETTERS.search(word):
        algorithm = "arabic"
    elif word.isascii() and language in STEMMERS and language != "ar":
        algorithm = STEMMERS[language]
    else:
        return ""
    written = formal(word) if algorithm == "indonesian" else word
    stemmed = _stemmer(algorithm).stemWord(written).translate(ARABIC)
    if algorithm == "indonesian":
        stemmed = _with_root_letter(written, stemmed)
    return stemmed if stemmed != word and len(stemmed) >= MIN_STEM.get(algorithm, MIN_STEM_DEFAULT) else ""


def _with_root_letter(word, stemmed):
    """The Indonesian stem with the first letter of its root that the prefix swallowed.

    meN- and peN- replace a root's first t or s with a nasal ("menahan" is meN- + "tahan",
    "penipuan" peN- + "tipu", "menyewa" meN- + "sewa"); Snowball strips the prefix but
    does not give the letter back, and its "ahan" is found inside "bahan", "perubahan",
    "pemerintahan". With the letter, the stem reaches the root's other forms ("ditahan",
    "tahanan") and only them. A stem that does not start where the prefix ends is left alone.
    """
    for prefix, letter in NASAL_PREFIXES:
        if stemmed[:1] in "aeiou" and word.startswith(prefix) and word[len(prefix) :].startswith(stemmed[:2]):
            return letter + stemmed
    return stemmed


@lru_cache(maxsize=4)
def _stemmer(algorithm):
    return snowballstemmer.stemmer(algorithm)
