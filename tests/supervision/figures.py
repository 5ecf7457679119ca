"""What a test reads off an area's statistics page (core/_part_figures.html)."""

import re


def figure(page, label, place):
    """The statistics page's number under `label` on the row of `place` (or 合计)."""
    section = next(part for part in page.split("<section") if label in part)
    labels = re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', section)
    row = re.search(rf'<tr[^>]*>\s*<th scope="row"[^>]*>(?:<a [^>]*>)?{place}.*?</tr>', section, re.S).group(0)
    cells = [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    return int(cells[labels.index(label) - 1])
