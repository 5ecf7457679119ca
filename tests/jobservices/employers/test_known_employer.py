"""The employer registry answers core.employers.known_employer for the areas that record an employer by its code
(the supervision area's inspection cases): the employer of that code in the asking user's scope, with its page for
one who may open it; nothing for a user of another county."""

from hrss.core.employers import known_employer
from hrss.jobservices.employers import services
from tests.conftest import VILLAGE
from tests.jobservices.employers.conftest import USCC_HERE


def test_an_employer_of_the_registry_is_known_within_scope(heyuan, village_assistant, county_officer,
                                                           neighbour_county_officer):
    employer = services.register_employer(actor=village_assistant, name="河源市东埔建筑劳务有限公司", uscc=USCC_HERE,
                                          region_code=VILLAGE, address="东埔大道1号")[0]
    found = known_employer(county_officer, USCC_HERE)
    assert (found.name, found.region_code, found.address) == ("河源市东埔建筑劳务有限公司", VILLAGE, "东埔大道1号")
    assert found.url == f"/jobservices/employers/{employer.pk}/"
    assert known_employer(neighbour_county_officer, USCC_HERE) is None
    assert known_employer(county_officer, "") is None
