"""An example area that lives only in the tests (installed by hrss/pytest_plugin.py through HRSS_EXTRA_APPS): it
adds a role, a permission, a review chain, a panel on the person page, a menu entry, a scoped model, a page and its
rows of the scope sweep, all from inside this package, as docs/architecture.md's checklist says a new area does.
test_plugin_area.py checks that the platform sees each of them."""
