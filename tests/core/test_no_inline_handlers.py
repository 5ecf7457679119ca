"""The Content-Security-Policy allows scripts from this server only (script-src 'self'), so an inline event handler
(onclick="...") in a template does nothing in the browser: a print button would not print and a confirmation would
not be asked. Templates declare such behaviours with data- attributes that hrss/static/hrss.js serves
(data-confirm, data-print, data-autosubmit)."""

import re
from pathlib import Path

import hrss

TEMPLATES = Path(hrss.__file__).resolve().parent / "templates"
INLINE_HANDLER = re.compile(r"""\son[a-z]+\s*=\s*["']""", re.IGNORECASE)


def test_no_template_has_an_inline_event_handler():
    found = [f"{path.relative_to(TEMPLATES)}:{number}: {line.strip()[:80]}"
             for path in sorted(TEMPLATES.rglob("*.html"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if INLINE_HANDLER.search(line)]
    assert found == []


def test_the_data_attributes_the_templates_use_are_served_by_hrss_js():
    script = (Path(hrss.__file__).resolve().parent / "static" / "hrss.js").read_text(encoding="utf-8")
    for attribute in ("data-confirm", "data-print", "data-autosubmit"):
        assert f"[{attribute}]" in script
