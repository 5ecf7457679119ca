"""The service catalogue (core.catalogue): a service's checklist and promise are dated rows read for a day, codes
and case types are unique, an area's services are registered with the area, and a bad declaration fails at start-up
rather than on a page."""

import datetime

import pytest

from hrss.core import areas, catalogue
from hrss.core.catalogue import Document, Service
from hrss.core.parts import Part, area_of

D = datetime.date


@pytest.fixture
def clean_catalogue(monkeypatch):
    """The made-up services of a test stay out of the platform's catalogue."""
    monkeypatch.setattr(catalogue, "_services", dict(catalogue._services))
    monkeypatch.setattr(areas, "_areas", dict(areas._areas))


FORM = Document("申请表", "窗口领取", original_shown=False)
ID = Document("居民身份证", copies=1)
PROOF = Document("收入证明", "近3个月", copies=2)

SAMPLE = Service(
    code="made_up/grant", name="示例补助申请", area_label="made_up",
    documents=((D(2015, 1, 1), (ID, FORM)), (D(2024, 7, 1), (ID, FORM, PROOF))),
    promised_days=((D(2015, 1, 1), 20), (D(2024, 7, 1), 10)), case_type="made_up.grant",
    who="本市居民", legal_basis="示例办法第3条", where="乡镇(街道)服务窗口")


def test_the_checklist_and_the_promise_are_those_in_force_on_the_day():
    assert SAMPLE.documents_on(D(2024, 6, 30)) == (ID, FORM)
    assert SAMPLE.documents_on(D(2024, 7, 1)) == (ID, FORM, PROOF)
    assert SAMPLE.documents_on(D(2014, 12, 31)) == ()
    assert (SAMPLE.promised_days_on(D(2024, 6, 30)), SAMPLE.promised_days_on(D(2024, 7, 1))) == (20, 10)
    assert SAMPLE.promised_days_on(D(2014, 12, 31)) is None
    assert SAMPLE.promise_label(D(2024, 6, 30)) == "20个工作日"
    assert SAMPLE.promise_label(D(2010, 1, 1)) == "不作时限承诺"


def test_calendar_days_and_same_day_promises_read_as_such():
    calendar = Service(code="made_up/calendar", name="甲", area_label="made_up",
                       promised_days=((D(2020, 1, 1), 60),), working_days=False)
    same_day = Service(code="made_up/same_day", name="乙", area_label="made_up", promised_days=((D(2020, 1, 1), 0),))
    assert calendar.promise_label(D(2024, 1, 1)) == "60日"
    assert same_day.promise_label(D(2024, 1, 1)) == "当场办结"


def test_how_a_document_is_handed_in_reads_for_the_citizen():
    assert (ID.how, FORM.how, PROOF.how) == ("原件、复印件1份", "—", "原件、复印件2份")


def test_a_service_as_a_guide_shows_the_day_s_rules():
    shown = SAMPLE.as_json(D(2024, 7, 1))
    assert shown["promise"] == "10个工作日" and shown["fee"] == "免费"
    assert [row["name"] for row in shown["documents"]] == ["居民身份证", "申请表", "收入证明"]


@pytest.mark.parametrize("kwargs, message", [
    ({"code": "grant"}, "area label"),
    ({"code": "made_up.grant"}, "area label"),  # a dotted code would read as an audit action
    ({"code": "other/grant"}, "area label"),
    ({"documents": ((D(2024, 1, 1), ()), (D(2020, 1, 1), ()))}, "ascending"),
    ({"promised_days": ((D(2020, 1, 1), -1),)}, "whole numbers"),
])
def test_a_bad_declaration_fails_when_it_is_made(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Service(**{"code": "made_up/x", "name": "甲", "area_label": "made_up", **kwargs})


def test_an_area_s_services_are_registered_and_found_by_code_and_case_type(clean_catalogue):
    areas.register(areas.Area(label="made_up", name="示例", services=(SAMPLE,)))
    assert catalogue.service("made_up/grant") is SAMPLE
    assert catalogue.service_for_case_type("made_up.grant") is SAMPLE
    assert SAMPLE in catalogue.services()
    assert catalogue.service("made_up/none") is None and catalogue.service_for_case_type("made_up.none") is None


def test_a_part_s_services_reach_the_area(clean_catalogue):
    class Permissions:
        PERMISSIONS, GRANTS, ROLES = (), {}, ()

    area = area_of((Part(label="one", services=(SAMPLE,)),), label="made_up", name="示例", order=1,
                   permissions=Permissions, menu=(), demo_order=1)
    areas.register(area)
    assert catalogue.service("made_up/grant") is SAMPLE


def test_a_code_or_a_case_type_declared_twice_and_a_service_of_another_area_are_refused(clean_catalogue):
    catalogue.register_service(SAMPLE)
    with pytest.raises(ValueError, match="twice"):
        catalogue.register_service(SAMPLE)
    with pytest.raises(ValueError, match="made_up.grant"):
        catalogue.register_service(Service(code="made_up/other", name="丙", area_label="made_up",
                                           case_type="made_up.grant"))
    with pytest.raises(ValueError, match="names area"):
        areas.register(areas.Area(label="another", name="另一个", services=(
            Service(code="made_up/third", name="丁", area_label="made_up"),)))
