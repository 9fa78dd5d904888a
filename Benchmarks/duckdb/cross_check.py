#!/usr/bin/env python3
"""Checks that DuckDB's per-tier counts (tier_shares.py) give exactly FaultLine's shares.

FaultLine's JSON holds each check's share met / applicable as a double; DuckDB's holds the two
counts, so the same division must give the same double. Restoration of the `untiered` row is
not computed by DuckDB (its limits include working days) and is not compared.

    cross_check.py DUCKDB.json FAULTLINE.json      (exit 1 on any difference)
"""
import json
import sys

CHECKS = ["dispatch", "accept", "restoration", "confirmation"]


def main():
    duck = json.load(open(sys.argv[1]))["byTier"]
    faultline = json.load(open(sys.argv[2]))["byTier"]
    differences = []
    compared = 0
    if sorted(duck) != sorted(faultline):
        differences.append(f"tiers: DuckDB {sorted(duck)} · faultline {sorted(faultline)}")
    for tier in sorted(set(duck) & set(faultline)):
        counts, shares = duck[tier], faultline[tier]
        if counts["tickets"] != shares["tickets"]:
            differences.append(f"{tier} tickets: DuckDB {counts['tickets']} · faultline {shares['tickets']}")
        for check in CHECKS:
            if check == "restoration" and tier == "untiered":
                continue
            applicable = counts[f"{check}_applicable"]
            expected = counts[f"{check}_met"] / applicable if applicable else None
            found = shares[f"{check}Met"]
            compared += 1
            if expected != found:
                differences.append(f"{tier} {check}: DuckDB {counts[f'{check}_met']}/{applicable} = {expected} · faultline {found}")
    for difference in differences:
        print("differs:", difference)
    print(f"cross-check: {compared} per-tier shares compared, {len(differences)} differ "
          f"({', '.join(CHECKS)}; restoration of `untiered` left out)")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
