"""Issue 13's benchmark (pension_contributions): filled in by the part that owns it."""


def main(rows=1_000_000):
    pass
