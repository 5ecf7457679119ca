import io

import openpyxl
from django.test import Client

from hrss.accounts import services as account_services


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def call(user, method, path, body=None):
    token = account_services.create_token(actor=None, user=user)
    headers = {"Authorization": f"Bearer {token}"}
    if method == "get":
        return Client().get("/api/v1" + path, body or {}, headers=headers)
    return Client().post("/api/v1" + path, body, content_type="application/json", headers=headers)


def xlsx_cells(response):
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    return [cell for row in book.active.iter_rows(values_only=True) for cell in row if cell is not None]
