"""Matching (issue 11): the top 10 vacancies for a seeker among 50,000 open vacancies, and the top 10 seekers for a
vacancy among 200,000 seekers, each the median of calls of hrss.jobservices.seekers.matching, in a fresh SQLite
database of each size (built with plain bulk INSERTs, as `make run` stores it). Goal: at most 50 ms, and at most
3x the time at a tenth of the data. Printed beside the baselines of the same run: the same calls at a tenth of the
data, and a plain indexed `SELECT ... LIMIT 10` of the same rows (open vacancies of the seeker's first wanted
occupation; active seekers wanting the vacancy's 中类)."""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
CALLS = 41  # per figure: the median of this many calls, each on another seeker (vacancy)


def build(vacancies, seekers, seed=2011):
    """The data of one size: employers and open vacancies, people of Heyuan's villages and their 求职登记 (1-3
    wanted occupations, skewed towards the 大类 4 and 6 as a county's lists are), a few refusals."""
    import datetime
    import random

    from django.db import transaction

    from hrss.accounts import services as account_services
    from hrss.core.bulk import insert_rows
    from hrss.core.id_numbers import check_character
    from hrss.core.models import Level, Occupation, Region
    from hrss.jobservices.models import (
        Employer,
        JobSeeker,
        Referral,
        Vacancy,
        WantedOccupation,
        occupation_groups,
    )
    from hrss.residents.models import Person

    rng = random.Random(seed)
    today = datetime.date(2026, 6, 15)
    villages = list(Region.objects.filter(level=Level.VILLAGE, is_active=True).order_by("code")
                    .values_list("code", flat=True))
    city = Region.objects.get(code="441600000000")
    user, _ = account_services.create_user(actor=None, username="bench", region=city, password="Bench@2026x")
    detailed = list(Occupation.objects.filter(level=4).order_by("code").values_list("code", flat=True))
    rng.shuffle(detailed)
    # Popular occupations first (a Zipf-like tail), the 大类 4 (services) and 6 (production) three times as likely.
    weights = [(3 if code[0] in "46" else 1) / (rank + 20) for rank, code in enumerate(detailed)]

    def occupation():
        code = rng.choices(detailed, weights)[0]
        draw = rng.random()
        if draw < 0.05:
            return occupation_groups(code)[1]  # a 中类
        if draw < 0.15:
            return occupation_groups(code)[2]  # a 小类
        return code

    now = datetime.datetime(2026, 6, 15, 2, 0, tzinfo=datetime.UTC)
    with transaction.atomic():
        employers = min(2_000, max(vacancies // 25, 10))
        insert_rows(Employer, ["id", "name", "uscc", "org_code", "region_code", "address", "industry_code",
                               "contact_person", "phone", "note", "created_by_id", "created_at", "updated_at"],
                    [(index, f"单位{index}", f"91441602MA{index:07d}X", "", rng.choice(villages), "", "", "", "", "",
                      user.pk, now, now) for index in range(1, employers + 1)])
        rows = []
        for index in range(1, vacancies + 1):
            low = rng.randrange(2000, 5000, 100)
            age = rng.random() < 0.2
            sex = "M" if rng.random() < 0.03 else ""
            rows.append((index, rng.randrange(1, employers + 1), rng.choice(villages), f"岗位{index}", occupation(),
                         "", low, low + rng.randrange(500, 3000, 100), rng.randint(1, 10), 0,
                         rng.choice(["60", "70", "30"]) if rng.random() < 0.2 else "",
                         18 if age else None, rng.choice([35, 45, 55]) if age else None, sex,
                         "法定依据" if sex else "", "", today - datetime.timedelta(days=rng.randrange(0, 120)), None,
                         "open", None, user.pk, now, now))
        insert_rows(Vacancy, ["id", "employer_id", "region_code", "title", "occupation_code", "industry_code",
                              "wage_min", "wage_max", "headcount", "hired", "education_min", "age_min", "age_max",
                              "sex_required", "sex_reason", "description", "opens_on", "closes_on", "status",
                              "closed_on", "created_by_id", "created_at", "updated_at"], rows)
        people, seeker_rows, wanted_rows = [], [], []
        mobilities = ["village", "township", "county", "city", "province", "anywhere"]
        wanted_id = 0
        for index in range(1, seekers + 1):
            birth = datetime.date(1968, 1, 1) + datetime.timedelta(days=index * 7919 % 14600)  # 18 to 58
            first17 = f"441602{birth:%Y%m%d}{index // 14600 + 1:03d}"
            village = rng.choice(villages)
            people.append((index, first17 + check_character(first17), f"求职人{index}", "MF"[index % 2], birth,
                           village, rng.choice(["", "60", "70", "50", "30", "80"]), "unemployed", now, now))
            seeker_rows.append((index, index, village, today - datetime.timedelta(days=rng.randrange(0, 90)),
                                None if rng.random() < 0.2 else rng.randrange(2000, 6000, 100),
                                rng.choices(mobilities, [10, 20, 35, 20, 10, 5])[0], rng.random() < 0.4, None, "",
                                "", "active", None, "", user.pk, now, now))
            codes = list(dict.fromkeys(occupation() for _ in range(rng.choice([1, 1, 2, 2, 3]))))
            for rank, code in enumerate(codes, start=1):
                wanted_id += 1
                major, mid, minor = occupation_groups(code)
                wanted_rows.append((wanted_id, index, code, rank, major, mid, minor, village, True))
        insert_rows(Person, ["id", "id_number", "name", "sex", "birth_date", "region_code", "education",
                             "labour_status", "created_at", "updated_at"], people)
        insert_rows(JobSeeker, ["id", "person_id", "region_code", "registered_on", "wage_min", "mobility",
                                "not_selective", "available_from", "phone", "note", "status", "ended_on",
                                "end_reason", "created_by_id", "created_at", "updated_at"], seeker_rows)
        insert_rows(WantedOccupation, ["id", "seeker_id", "occupation_code", "rank", "major", "mid", "minor",
                                       "region_code", "active"], wanted_rows)
        refusals = []
        for index in range(1, seekers // 100 + 1):
            seeker = rng.randrange(1, seekers + 1)
            refusals.append((index, seeker, rng.randrange(1, vacancies + 1), seeker_rows[seeker - 1][2],
                             f"TJ{index:08d}", today, today, 0, "[]", False,
                             rng.choice(["refused_without_reason", "refused_with_reason"]), today, "", user.pk, now))
        insert_rows(Referral, ["id", "seeker_id", "vacancy_id", "region_code", "number", "referred_on", "due_on",
                               "score", "reasons", "suitable", "outcome", "outcome_on", "outcome_note",
                               "created_by_id", "created_at"], refusals)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def measure(vacancies, seekers):
    """In the child process: build, then time each figure (median of CALLS calls) in seconds."""
    import datetime
    import random
    import statistics
    import time

    build(vacancies, seekers)
    from hrss.jobservices.models import JobSeeker, Vacancy, WantedOccupation, occupation_groups
    from hrss.jobservices.seekers import matching

    today = datetime.date(2026, 6, 15)
    rng = random.Random(7)
    seeker_ids = rng.sample(range(1, seekers + 1), CALLS)
    vacancy_ids = rng.sample(range(1, vacancies + 1), CALLS)
    sample_seekers = list(JobSeeker.objects.filter(pk__in=seeker_ids).order_by("pk"))
    sample_vacancies = list(Vacancy.objects.filter(pk__in=vacancy_ids).order_by("pk"))

    def timed(function, items):
        """(median wall time, median CPU time of this process): on a busy machine the two part."""
        function(items[0])  # warm the caches (classification, prepared statements)
        walls, cpus = [], []
        for item in items:
            started, cpu = time.perf_counter(), time.process_time()
            function(item)
            walls.append(time.perf_counter() - started)
            cpus.append(time.process_time() - cpu)
        return statistics.median(walls), statistics.median(cpus)

    def plain_vacancies(seeker):
        code = seeker.wanted.values_list("occupation_code", flat=True).first()
        return list(Vacancy.objects.filter(status="open", occupation_code=code).values_list(
            *matching.VACANCY_FIELDS)[:10])

    def plain_seekers(vacancy):
        mid = occupation_groups(vacancy.occupation_code)[1]
        return list(WantedOccupation.objects.filter(active=True, mid=mid).order_by().values_list(
            "seeker_id", flat=True)[:10])

    found = [len(matching.matches_for_seeker(seeker, today=today)) for seeker in sample_seekers]
    return {
        "vacancies for a seeker": timed(lambda seeker: matching.matches_for_seeker(seeker, today=today),
                                        sample_seekers),
        "seekers for a vacancy": timed(lambda vacancy: matching.matches_for_vacancy(vacancy, today=today),
                                       sample_vacancies),
        "plain SELECT LIMIT 10 of vacancies": timed(plain_vacancies, sample_seekers),
        "plain SELECT LIMIT 10 of seekers": timed(plain_seekers, sample_vacancies),
        "full lists": sum(1 for count in found if count == 10) / len(found),
    }


def run(directory, vacancies, seekers):
    env = {**os.environ, "HRSS_DATABASE_URL": f"sqlite:///{directory}/matching-{vacancies}.sqlite3",
           "HRSS_HTTPS": "0", "HRSS_SECRET_KEY": os.environ.get("HRSS_SECRET_KEY", "bench-secret-key-" + "x" * 40)}
    for command in (["migrate", "-v0"], ["load-regions"]):
        subprocess.run([PYTHON, "-m", "hrss", *command], env=env, check=True, capture_output=True, cwd=ROOT)
    code = ("import os, django; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'hrss.settings'); django.setup(); "
            f"from bench import matching; print(repr(matching.measure({vacancies}, {seekers})))")
    out = subprocess.run([PYTHON, "-c", code], env=env, capture_output=True, cwd=ROOT, text=True)
    if out.returncode:
        raise RuntimeError(out.stderr[-3000:])
    return eval(out.stdout.strip().splitlines()[-1])  # noqa: S307 - our own child's repr of a dict of floats


def main(vacancies=50_000, seekers=200_000):
    with tempfile.TemporaryDirectory() as directory:
        small = run(directory, vacancies // 10, seekers // 10)
        big = run(directory, vacancies, seekers)
    rows = (("vacancies for a seeker", "plain SELECT LIMIT 10 of vacancies", f"{vacancies:,} open vacancies",
             f"{vacancies // 10:,}"),
            ("seekers for a vacancy", "plain SELECT LIMIT 10 of seekers", f"{seekers:,} seekers", f"{seekers // 10:,}"))
    load = os.getloadavg()[0]
    for name, plain, size, tenth in rows:
        (wall, cpu), (small_wall, small_cpu), (plain_wall, _) = big[name], small[name], big[plain]
        print(f"matching  top 10 {name}: {wall * 1000:.1f} ms among {size} (goal <= 50 ms; CPU {cpu * 1000:.1f} ms), "
              f"{small_wall * 1000:.1f} ms among {tenth} (CPU {small_cpu * 1000:.1f} ms): {wall / small_wall:.1f}x "
              f"(goal <= 3x); a plain indexed SELECT ... LIMIT 10: {plain_wall * 1000:.2f} ms "
              f"({wall / plain_wall:.0f}x)")
    print(f"matching  vacancy lists holding 10: {big['full lists']:.0%} (a tenth: {small['full lists']:.0%}); "
          f"load average {load:.1f} on {os.cpu_count()} CPUs")
    return max(big["vacancies for a seeker"][0] / small["vacancies for a seeker"][0],
               big["seekers for a vacancy"][0] / small["seekers for a vacancy"][0])


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:]))
