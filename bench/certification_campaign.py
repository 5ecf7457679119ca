"""Issue 13's benchmark (certification_campaign): filled in by the part that owns it."""


def main():
    pass
