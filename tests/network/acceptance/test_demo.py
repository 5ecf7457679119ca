"""The demo: 源城区 inspects 上城街道's 服务所 (made by the offices part's demo), the missing 新农保经办 window is an
item the township has fixed with a photo, waiting for the county's confirmation; made once."""

from hrss.accounts.demo import create_demo_users
from hrss.network.acceptance import demo
from hrss.network.models import Inspection, Rectification
from hrss.network.offices import demo as offices_demo


def test_the_demo_inspection_finds_the_missing_window_and_the_township_fixed_it(heyuan):
    create_demo_users()
    offices_demo.generate()
    assert demo.generate() == 1
    inspection = Inspection.objects.get(region_code="441602001000")
    window = Rectification.objects.get(finding__inspection=inspection, finding__rule="windows")
    assert "缺新农保经办" in window.finding.recorded
    assert window.state == "fixed" and window.photo is not None and window.fixed_by.username == "shangcheng"
    assert demo.generate() == 0 and Inspection.objects.count() == 1
