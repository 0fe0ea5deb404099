"""``memo.keep``: a memo table never holds more than its limit."""

from briefing_studio.memo import keep


def test_a_full_table_starts_again_and_keeps_the_new_entry() -> None:
    table: dict[int, str] = {}
    for number in range(10):
        assert keep(table, number, str(number), limit=4) == str(number)
        assert len(table) <= 4
    assert table == {8: "8", 9: "9"}
