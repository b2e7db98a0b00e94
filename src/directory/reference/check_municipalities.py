#!/usr/bin/env python3
"""Validate municipalities.csv (reference list of local self-government units).

Usage: python3 check_municipalities.py [path/to/municipalities.csv]
Exits with status 0 when the file is valid, 1 otherwise. Standard library only.
"""
import csv
import os
import re
import sys
from collections import Counter

HEADER = ["country", "region", "name", "name_cyrl", "latitude", "longitude"]

# (lat_min, lat_max, lon_min, lon_max) per country: plausibility boxes.
BOXES = {
    "RS": (42.2, 46.2, 18.8, 23.0),
    "ME": (41.8, 43.6, 18.4, 20.4),
    "BA": (42.5, 45.3, 15.7, 19.7),
    "MK": (40.8, 42.4, 20.4, 23.1),
    "XK": (41.8, 43.3, 20.0, 21.8),
    "HR": (42.3, 46.6, 13.4, 19.5),
}

REQUIRED = {
    "RS": ["Vranje", "Bela Palanka", "Doljevac", "Šid", "Vrbas",
           "Sremska Mitrovica", "Beograd", "Novi Sad", "Niš"],
    "ME": ["Podgorica", "Budva", "Cetinje", "Tuzi", "Petnjica", "Gusinje", "Zeta"],
    "BA": ["Sarajevo", "Centar Sarajevo", "Stari Grad Sarajevo", "Novo Sarajevo",
           "Novi Grad Sarajevo", "Banja Luka"],
    "MK": ["Skopje"],
}

# Countries whose rows must carry a Cyrillic name (BA only for Republika Srpska).
CYRILLIC_REQUIRED = {"RS", "ME", "MK"}
CYRILLIC_RE = re.compile(r"^[\u0400-\u04FF0-9 .,()\-]+$")
COORD_RE = re.compile(r"^-?\d{1,3}\.\d{4}$")


def check(path):
    errors = []
    with open(path, encoding="utf-8", newline="") as f:
        raw = f.read()
    if raw.startswith("\ufeff"):
        errors.append("file starts with a BOM")
        raw = raw[1:]
    rows = list(csv.reader(raw.splitlines()))
    if not rows:
        return ["file is empty"], Counter()
    if rows[0] != HEADER:
        errors.append("bad header: %r (expected %r)" % (rows[0], HEADER))
    seen = set()
    counts = Counter()
    names = {}
    for lineno, row in enumerate(rows[1:], start=2):
        if len(row) != len(HEADER):
            errors.append("line %d: %d columns instead of %d: %r"
                          % (lineno, len(row), len(HEADER), row))
            continue
        country, region, name, name_cyrl, lat_s, lon_s = row
        where = "line %d (%s, %s)" % (lineno, country, name)
        if country not in BOXES:
            errors.append("%s: unknown country code %r" % (where, country))
            continue
        for field, value in (("region", region), ("name", name)):
            if not value.strip():
                errors.append("%s: empty %s" % (where, field))
            if value != value.strip():
                errors.append("%s: stray whitespace in %s" % (where, field))
        key = (country, name)
        if key in seen:
            errors.append("%s: duplicate (country, name)" % where)
        seen.add(key)
        counts[country] += 1
        names.setdefault(country, set()).add(name)
        if not (COORD_RE.match(lat_s) and COORD_RE.match(lon_s)):
            errors.append("%s: coordinates must have 4 decimals: %r, %r"
                          % (where, lat_s, lon_s))
        try:
            lat, lon = float(lat_s), float(lon_s)
        except ValueError:
            errors.append("%s: non-numeric coordinates %r, %r" % (where, lat_s, lon_s))
            continue
        la0, la1, lo0, lo1 = BOXES[country]
        if not (la0 <= lat <= la1 and lo0 <= lon <= lo1):
            errors.append("%s: coordinates %s, %s outside %s box"
                          % (where, lat_s, lon_s, country))
        needs_cyrl = country in CYRILLIC_REQUIRED or (
            country == "BA" and region in ("Republika Srpska", "Brčko distrikt"))
        if needs_cyrl and not name_cyrl:
            errors.append("%s: missing name_cyrl" % where)
        if name_cyrl and not CYRILLIC_RE.match(name_cyrl):
            errors.append("%s: name_cyrl %r contains non-Cyrillic letters"
                          % (where, name_cyrl))
        if re.search(r"[\u0400-\u04FF]", name):
            errors.append("%s: Latin name contains Cyrillic letters" % where)
    for country, required in REQUIRED.items():
        for name in required:
            if name not in names.get(country, set()):
                errors.append("required name missing: %s %s" % (country, name))
    return errors, counts


def main():
    default = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                           "municipalities.csv")
    path = sys.argv[1] if len(sys.argv) > 1 else default
    errors, counts = check(path)
    for country in ["RS", "ME", "BA", "MK", "XK", "HR"]:
        if counts.get(country):
            print("%s: %d" % (country, counts[country]))
    print("total: %d" % sum(counts.values()))
    if errors:
        for e in errors:
            print("ERROR: " + e, file=sys.stderr)
        print("%d error(s)" % len(errors), file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
