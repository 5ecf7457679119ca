import pytest
from django.db import transaction
from django.utils import timezone

from hrss.core.bulk import insert_rows, reserve_ids, stored_datetime
from hrss.residents.models import Household


def test_reserved_ids_are_used_once_and_never_given_out_again(db):
    now = stored_datetime(timezone.now())
    with transaction.atomic():
        ids = list(reserve_ids(Household, 3))
        insert_rows(Household, ["id", "region_code", "head_id_number", "created_at"],
                    [(id_, "441602001003", f"{id_:018d}", now) for id_ in ids])  # an ID number's shape
    assert len(set(ids)) == 3
    later = Household.objects.create(region_code="441602001003", head_id_number="44160219900501999X")
    assert later.pk > max(ids)
    with transaction.atomic():
        assert min(reserve_ids(Household, 2)) > later.pk


def test_ids_are_not_reserved_outside_a_transaction(transactional_db):
    with pytest.raises(RuntimeError, match="outside a transaction"):
        reserve_ids(Household, 1)
