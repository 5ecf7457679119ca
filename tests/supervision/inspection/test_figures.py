"""The 劳动保障监察 row of the statistics page (trial, Figures): the workers still owed wages are counted whatever
their case's state (a case concluded with wages unpaid leaves them owed), not for a case not accepted; the label
and the description say so, and the number opens the ledger of those cases. The amounts' labels say they are of
the cases received this year."""

import re

from django.test import Client

from hrss.supervision.inspection import services
from tests.conftest import TODAY, VILLAGE
from tests.supervision.inspection.conftest import opened, receive
from tests.supervision.inspection.test_pages_and_api import logged_in

LABEL = "工资未全部追回的劳动者（人次）"


def heading(page):
    section = page.split('<h2 class="h6">劳动保障监察</h2>')[1].split("</section>")[0]
    return section.split("<thead>")[1].split("</thead>")[0], section


def total_of(section, label_index):
    cells = re.findall(r'<td class="text-end">(.*?)</td>', section.split("<tfoot>")[1])
    return re.sub(r"<[^>]+>", "", cells[label_index])


def test_a_concluded_case_with_wages_unpaid_still_counts_its_workers(heyuan, inspector, county_officer):
    concluded = opened(inspector, employer_name="河源市宏达五金制品厂")
    services.add_worker(actor=inspector, case=concluded, name="王强", amount_owed="4500", today=TODAY)
    paid = services.add_worker(actor=inspector, case=concluded, name="陈大明", amount_owed="4500", today=TODAY)
    services.record_recovery(actor=inspector, worker=paid, amount_recovered="4500", today=TODAY)
    services.conclude_case(actor=inspector, case=concluded, result="单位无力支付，已移送", today=TODAY)
    running = opened(inspector, employer_name="河源市某制衣厂")
    services.add_worker(actor=inspector, case=running, name="李四", amount_owed="5000", amount_recovered="1200",
                        today=TODAY)
    declined = receive(inspector, employer_name="河源市不受理公司")
    services.add_worker(actor=inspector, case=declined, name="赵六", amount_owed="800", today=TODAY)
    services.decline_case(actor=inspector, case=declined, reason="属劳动争议，告知申请仲裁", today=TODAY)

    page = logged_in(county_officer).get("/supervision/statistics/").content.decode()
    head, section = heading(page)
    labels = re.findall(r'title="([^"]*)">([^<]*)</th>', head)
    names = [name for _title, name in labels]
    assert LABEL in names and "尚被欠薪的劳动者" not in page
    described = dict((name, title) for title, name in labels)[LABEL]
    assert "是否已结案" in described and "不含不予受理" in described
    assert "本年收到案件的拖欠工资（元）" in names and "本年收到案件的追回工资（元）" in names
    assert total_of(section, names.index(LABEL)) == "2"  # 王强 (concluded case) and 李四; not 陈大明, 赵六
    link = re.search(r'href="(/supervision/inspection/\?region=441602000000&amp;owed=1)"', section).group(1)
    ledger = Client()
    ledger.force_login(county_officer)
    listed = ledger.get(link.replace("&amp;", "&")).content.decode()
    assert "河源市宏达五金制品厂" in listed and "河源市某制衣厂" in listed and "河源市不受理公司" not in listed
    assert "尚有劳动者工资未全部追回" in listed
    assert "河源市宏达五金制品厂" in ledger.get("/supervision/inspection/", {"region": VILLAGE}).content.decode()


def test_the_ledgers_xlsx_writes_the_amounts_as_numbers_and_the_page_as_money(heyuan, inspector):
    import io

    import openpyxl

    case = opened(inspector, employer_name="河源市某制衣厂")
    services.add_worker(actor=inspector, case=case, name="李四", amount_owed="13500", amount_recovered="2000.50",
                        today=TODAY)
    client = logged_in(inspector)
    assert "13,500.00" in client.get("/supervision/inspection/").content.decode()
    sheet = openpyxl.load_workbook(io.BytesIO(client.get("/supervision/inspection/export.xlsx").content)).active
    rows = list(sheet.iter_rows(values_only=False))
    header = [cell.value for cell in rows[1]]
    [line] = [row for row in rows[2:] if row[0].value == case.number]
    owed, recovered = line[header.index("拖欠金额（元）")], line[header.index("追回金额（元）")]
    assert owed.value == 13500 and recovered.value == 2000.5
    assert isinstance(owed.value, int | float) and owed.number_format == "#,##0.00"
