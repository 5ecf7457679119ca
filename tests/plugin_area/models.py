from django.db import models

from hrss.core import scoping


class Visit(models.Model):
    """An inspection visit to a person of the ledger, opened as a case of the area's review chain."""

    region_code = models.CharField("区划代码", max_length=12, db_index=True)
    person = models.ForeignKey("residents.Person", on_delete=models.PROTECT, related_name="plugin_visits")
    title = models.CharField("事项", max_length=100)
    case = models.OneToOneField("core.ReviewCase", on_delete=models.PROTECT, related_name="plugin_visit")
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-recorded_at", "-id"]

    def __str__(self):
        return self.title


scoping.register(Visit)
