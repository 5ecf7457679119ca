"""Dated configuration (the house rule for anything that changes with time: deadlines, amounts, categories, titles):
a rule is a tuple of (effective_from, value) rows, ascending; the row in force on a day is the last one that has
started. A changed rule is a new row, so a case keeps the rule of its own day."""


def in_force(rows, day):
    """The value of the dated `rows` in force on `day`, or None before the first row."""
    value = None
    for effective_from, row_value in rows:
        if effective_from <= day:
            value = row_value
    return value
