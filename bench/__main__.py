"""`make bench`: every benchmark prints its figure beside a baseline measured in the same run, as a ratio.
`make bench ROWS=100000` runs the import benchmark on fewer rows (the default is the 1,000,000 of issue 3)."""

import sys

from bench import (
    certification_campaign,
    import_ledger,
    ledger_pages,
    matching,
    network_dashboard,
    pension_contributions,
    sqlite_writers,
)

if __name__ == "__main__":
    sqlite_writers.main()
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    import_ledger.main(rows=rows)
    ledger_pages.main()
    matching.main()
    pension_contributions.main(rows=rows)
    certification_campaign.main()
    network_dashboard.main()
