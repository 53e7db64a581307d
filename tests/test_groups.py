"""groups.Groups: union-find, the one helper for single-linkage grouping."""

from dossier.groups import Groups


def test_items_join_through_any_chain_and_a_group_is_named_by_its_lowest_item():
    groups = Groups(6)
    assert groups.join(4, 2) == 2
    assert groups.join(5, 4) == 2  # 5 joins 4's group, which 2 names
    assert groups.join(1, 3) == 1
    assert [groups.root(i) for i in range(6)] == [0, 1, 2, 1, 2, 2]
    assert groups.join(3, 5) == 1 and {groups.root(i) for i in range(1, 6)} == {1}
    assert groups.root(0) == 0 and groups.join(0, 0) == 0
