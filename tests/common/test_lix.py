from common.lix import lix


def test_lix_is_words_per_sentence_plus_percentage_of_long_words():
    # 6 words, 2 sentences, 1 word longer than six letters: 6/2 + 100 * 1/6 = 19.7
    assert lix("Hunden løb. Katten sprang over plankeværket") == 20


def test_lix_counts_colons_as_sentence_ends_and_ignores_numbers():
    assert lix("Det indstilles: 1) at rådmanden godkender klimaplanen.") == round(
        6 / 2 + 100 * 4 / 6)


def test_lix_of_no_words_is_none():
    assert lix("") is None
    assert lix("- 12 -") is None
