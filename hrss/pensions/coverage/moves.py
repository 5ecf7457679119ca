"""A moved person's employees' scheme records follow them (residents.services.after_person_moved, registered in
declare.py): the records are kept where the person lives, so the new village counts and sees them."""

from hrss.pensions.models import EmployeeSchemeRecord


def follow_person(person, from_code, to_code):
    EmployeeSchemeRecord.objects.filter(person=person, region_code=from_code).update(region_code=to_code)
