"""Slugs and ids: bounded, never empty, and one rule for making a taken id unique everywhere."""

from dossier.slugs import MAX_LENGTH, bounded_slug, unique_id


def test_a_taken_id_gets_the_first_free_number():
    used: set[str] = set()
    assert [unique_id(w, used) for w in ["acme", "acme", "acme-2", "acme", "beta"]] == [
        "acme",
        "acme-2",
        "acme-2-2",
        "acme-3",
        "beta",
    ]
    assert used == {"acme", "acme-2", "acme-2-2", "acme-3", "beta"}


def test_a_slug_is_bounded_and_never_empty():
    long_a, long_b = "word " * 40 + "alpha", "word " * 40 + "beta"
    assert len(bounded_slug(long_a, "entity")) <= MAX_LENGTH
    assert bounded_slug(long_a, "entity") != bounded_slug(long_b, "entity")
    assert bounded_slug("!!!", "entity").startswith("entity-")
