"""Tracking codes: randomness, format, and a check that catches every single typo and neighbour swap."""

import itertools

import pytest

from complaints import codes


def test_codes_carry_at_least_60_random_bits_and_read_in_four_groups():
    assert codes.RANDOM_BITS >= 60
    assert len(set(codes.ALPHABET)) == 32 and not set("ILOU") & set(codes.ALPHABET)
    code = codes.generate()
    groups = code.split("-")
    assert [len(group) for group in groups] == [4, 4, 4, 4]
    assert set(code.replace("-", "")) <= set(codes.ALPHABET)
    assert codes.diagnose(code).ok


def test_many_codes_are_all_different():
    generated = {codes.generate() for _ in range(20000)}
    assert len(generated) == 20000
    # Every alphabet character shows up in every random position: nothing is fixed.
    for position in (0, 1, 2, 5, 10, 17):
        assert {code[position] for code in generated} == set(codes.ALPHABET)


def test_the_check_quasigroup_is_totally_anti_symmetric():
    """The property Damm's algorithm relies on, over the whole table: (c*x)*y == (c*y)*x only if x == y."""
    table = codes.TIMES_MULTIPLIER

    def star(a, b):
        return table[a] ^ b

    for c, x, y in itertools.product(range(32), repeat=3):
        if x != y:
            assert star(star(c, x), y) != star(star(c, y), x)
    for x in range(32):  # a quasigroup: each row and column is a permutation
        assert sorted(star(x, y) for y in range(32)) == list(range(32))
        assert sorted(star(y, x) for y in range(32)) == list(range(32))


@pytest.fixture(scope="module")
def samples():
    return [codes.compact(codes.generate()) for _ in range(300)]


def test_every_single_character_typo_is_caught(samples):
    for code in samples:
        for position, wrong in itertools.product(range(codes.LENGTH), codes.ALPHABET):
            if wrong == code[position]:
                continue
            typo = code[:position] + wrong + code[position + 1 :]
            diagnosis = codes.diagnose(typo)
            assert not diagnosis.ok, typo
            assert diagnosis.wrong_groups == [position // 4 + 1]


def test_every_swap_of_neighbouring_characters_is_caught(samples):
    for code in samples:
        for position in range(codes.LENGTH - 1):
            a, b = code[position], code[position + 1]
            if a == b:
                continue
            swapped = code[:position] + b + a + code[position + 2 :]
            diagnosis = codes.diagnose(swapped)
            assert not diagnosis.ok, swapped
            groups = {position // 4 + 1, (position + 1) // 4 + 1}
            assert set(diagnosis.wrong_groups) <= groups and diagnosis.wrong_groups


def test_swapped_groups_are_caught(samples):
    for code in samples[:50]:
        groups = [code[i : i + 4] for i in range(0, 16, 4)]
        if groups[0] != groups[1]:
            assert not codes.diagnose("".join([groups[1], groups[0], *groups[2:]])).ok


def test_typed_codes_are_read_generously():
    code = codes.generate()
    typed = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert codes.diagnose(typed).ok
    assert codes.code_hash(typed) == codes.code_hash(code)


def test_diagnosis_names_the_bad_character_and_its_position():
    code = codes.compact(codes.generate())
    diagnosis = codes.diagnose(code[:6] + "U" + code[7:])
    assert (diagnosis.bad_character, diagnosis.bad_position) == ("U", 7)
    assert codes.diagnose(code[:15]).length == 15
    assert codes.diagnose("").empty


def test_only_a_hash_is_stored_and_it_is_not_the_code():
    code = codes.generate()
    assert codes.compact(code) not in codes.code_hash(code)
    assert len(codes.code_hash(code)) == 64


def test_the_example_code_shown_to_people_passes_the_check():
    from complaints.forms import TrackForm

    example = str(TrackForm.base_fields["code"].help_text).split()[-1].rstrip(".")
    assert codes.diagnose(example).ok
