import datetime

from hrss.residents.demo import id_number_for


def make_id_number(area="441602", birth=datetime.date(1980, 1, 1), sequence=1):
    """A valid ID number: sequence odd for men, even for women."""
    return id_number_for(area, birth, sequence)


MAN_1980 = make_id_number(birth=datetime.date(1980, 1, 1), sequence=11)
WOMAN_1982 = make_id_number(birth=datetime.date(1982, 3, 4), sequence=22)
CHILD_2015 = make_id_number(birth=datetime.date(2015, 1, 1), sequence=33)
