#!/usr/bin/env python3
"""DuckDB's side of Benchmarks/compare-duckdb-evaluate.sh: per-tier checkpoint shares.

Reads circuits.csv and tickets.csv on one thread, joins each ticket to its circuit for the
tier, and counts per tier how many tickets met the dispatch (15 min from report), accept
(30 min from dispatch), restoration (the tier's limit, VPN variant for VPN circuits; outage
tickets) and confirmation (15 min from repair) limits — the built-in rules' checks, exactly at
the limit being met — among the tickets where each applies. A circuit without a tier is judged
by the product x grade repair-limit matrix when its product has a row there (FaultLine's
`untiered` row; its limits include working days, so its restoration is left out here), else by
the fallback tier QLC. Writes the counts as JSON and prints the query's own time.

    tier_shares.py CIRCUITS TICKETS OUT.json
"""
import json
import sys
import time

import duckdb

# Products with a row in the built-in repair-limit matrix (by product, or by family: ICT and
# converged products), which makes an untiered circuit `untiered` rather than QLC.
MATRIX_PRODUCTS = [
    "virtual-network", "ngn-virtual-network", "enterprise-ringback", "800", "4008",
    "switchboard", "wireless-broadband", "office-suite", "custom-terminal", "sales-manager",
    "logistics-elink", "global-eye", "it-services", "ptt", "location", "industry-sms", "vpdn",
    "police-elink", "commerce-elink", "tobacco-elink",
]

QUERY = """
WITH circuits AS (
    SELECT circuit_id, vpn,
           CASE WHEN tier IS NOT NULL AND trim(tier) <> '' THEN tier
                WHEN product IN ({products}) THEN 'untiered'
                ELSE 'QLC' END AS tier
    FROM read_csv(?, header = true)
),
tickets AS (
    SELECT t.*, c.tier,
           CASE c.tier WHEN 'SLA-AAA' THEN 60
                       WHEN 'SLA-AA' THEN CASE WHEN c.vpn THEN 120 ELSE 90 END
                       WHEN 'SLA-A' THEN CASE WHEN c.vpn THEN 240 ELSE 180 END
                       WHEN 'MQ-I' THEN 240 WHEN 'MQ-II' THEN 240 WHEN 'MQ-III' THEN 240
                       WHEN 'QLC' THEN 360 END AS limit_minutes
    FROM read_csv(?, header = true) AS t JOIN circuits AS c USING (circuit_id)
)
SELECT tier,
       count(*) AS tickets,
       count(*) FILTER (WHERE dispatched_at - reported_at <= INTERVAL 15 MINUTE) AS dispatch_met,
       count(dispatched_at) AS dispatch_applicable,
       count(*) FILTER (WHERE accepted_at - dispatched_at <= INTERVAL 30 MINUTE) AS accept_met,
       count(*) FILTER (WHERE accepted_at IS NOT NULL AND dispatched_at IS NOT NULL) AS accept_applicable,
       count(*) FILTER (WHERE outage AND limit_minutes IS NOT NULL
                        AND repaired_at - reported_at <= limit_minutes * INTERVAL 1 MINUTE) AS restoration_met,
       count(*) FILTER (WHERE outage AND limit_minutes IS NOT NULL) AS restoration_applicable,
       count(*) FILTER (WHERE confirmed_at - repaired_at <= INTERVAL 15 MINUTE) AS confirmation_met,
       count(confirmed_at) AS confirmation_applicable
FROM tickets
GROUP BY tier
ORDER BY tier
"""


def main():
    circuits, tickets, out = sys.argv[1:4]
    connection = duckdb.connect()
    connection.execute("SET threads TO 1")
    products = ", ".join(f"'{product}'" for product in MATRIX_PRODUCTS)
    started = time.perf_counter()
    result = connection.execute(QUERY.format(products=products), [circuits, tickets])
    columns = [column[0] for column in result.description]
    rows = [dict(zip(columns, row)) for row in result.fetchall()]
    elapsed = time.perf_counter() - started
    with open(out, "w") as file:
        json.dump({"byTier": {row.pop("tier"): row for row in rows}, "querySeconds": elapsed}, file, indent=1)
    print(f"query {elapsed:.3f} s")


if __name__ == "__main__":
    main()
