#!/usr/bin/env python3
"""Writes a large inventory and ticket log in the CSV format `faultline evaluate` reads.

The built-in baseline's 48 circuit classes (38,280 circuits) times FACTOR (default 30:
1,148,400 circuits), every circuit in service for 2026, and TICKETS tickets (default 975,480,
a year's faults at the baseline's rate) spread over the circuits and the year, in time order.
Checkpoint delays are drawn so that every check has both met and missed tickets. Python's
`random.Random(SEED)` makes the files byte-identical from run to run.

    generate_log.py OUT_DIR [--factor 30] [--tickets 975480] [--seed 2026]
"""
import argparse
import os
import random
import time

# (class, product, tier or "", grade, monthly fee) of the baseline's inventory
# (Sources/Scenario/Resources/baseline.yaml), and each region's circuits per class.
CLASSES = [
    ("sdh-aaa", "sdh", "SLA-AAA", "group", 12000),
    ("vpn-aaa", "mpls-vpn", "SLA-AAA", "group", 9000),
    ("vpn-aa", "mpls-vpn", "SLA-AA", "provincial", 3500),
    ("vpn-a", "mpls-vpn", "SLA-A", "localA", 2500),
    ("sdh-aa", "sdh", "SLA-AA", "localA", 6000),
    ("lan-a", "lan-dedicated", "SLA-A", "localA", 2000),
    ("lease-mq1", "digital-circuit-lease", "MQ-I", "localB", 4000),
    ("lan-mq2", "lan-dedicated", "MQ-II", "localB", 1500),
    ("access-mq3", "lan-access", "MQ-III", "localC", 800),
    ("xdsl", "xdsl", "", "localC", 300),
    ("voice", "virtual-network", "", "localB", 600),
    ("it", "it-services", "", "localC", 1200),
]
REGIONS = [
    ("east", [150, 200, 600, 1500, 400, 1200, 500, 1500, 1500, 3000, 1200, 600]),
    ("west", [120, 160, 480, 1200, 320, 960, 400, 1200, 1200, 2400, 960, 480]),
    ("north", [90, 120, 360, 900, 240, 720, 300, 900, 900, 1800, 720, 360]),
    ("south", [100, 140, 420, 1050, 280, 840, 350, 1050, 1050, 2100, 840, 420]),
]

YEAR_START = 1767225600  # 2026-01-01T00:00:00 as a wall clock (seconds since 1970, no zone)
YEAR_SECONDS = 365 * 86400


def stamp(seconds):
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds))


def write_circuits(path, factor):
    ids = []
    start, end = stamp(YEAR_START), stamp(YEAR_START + YEAR_SECONDS)
    with open(path, "w", newline="") as out:
        out.write("circuit_id,customer_grade,product,tier,monthly_fee,vpn,region,start,end\n")
        for region, counts in REGIONS:
            for (name, product, tier, grade, fee), count in zip(CLASSES, counts):
                vpn = "true" if product == "mpls-vpn" else "false"
                for number in range(1, count * factor + 1):
                    circuit = f"{region}-{name}-{number}"
                    ids.append(circuit)
                    out.write(f"{circuit},{grade},{product},{tier},{fee},{vpn},{region},{start},{end}\n")
    return ids


def ticket_times(rng):
    """fault_start → report → dispatch → accept → repair → confirm → report sent, in seconds."""
    fault = YEAR_START + rng.randrange(YEAR_SECONDS - 86400)
    reported = fault + int(rng.expovariate(1 / 1200))
    dispatched = reported + int(rng.expovariate(1 / 480))
    accepted = dispatched + int(rng.expovariate(1 / 900)) if rng.random() < 0.9 else None
    repaired = (accepted or dispatched) + int(rng.lognormvariate(8.3, 0.9))
    confirmed = repaired + int(rng.expovariate(1 / 500))
    sent = confirmed + int(rng.expovariate(1 / 86400)) if rng.random() < 0.3 else None
    return fault, reported, dispatched, accepted, repaired, confirmed, sent


def write_tickets(path, circuits, tickets, rng):
    rows = []
    for _ in range(tickets):
        circuit = circuits[rng.randrange(len(circuits))]
        outage = "true" if rng.random() < 0.85 else "false"
        rows.append((ticket_times(rng), circuit, outage))
    rows.sort(key=lambda row: row[0][0])
    with open(path, "w", newline="") as out:
        out.write("ticket_id,circuit_id,fault_start,reported_at,dispatched_at,accepted_at,"
                  "repaired_at,confirmed_at,outage,report_sent_at\n")
        for number, (times, circuit, outage) in enumerate(rows, start=1):
            fields = [stamp(t) if t is not None else "" for t in times]
            out.write(f"T{number:07d},{circuit},{','.join(fields[:6])},{outage},{fields[6]}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--factor", type=int, default=30)
    parser.add_argument("--tickets", type=int, default=975_480)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    rng = random.Random(args.seed)
    circuits = write_circuits(os.path.join(args.out_dir, "circuits.csv"), args.factor)
    write_tickets(os.path.join(args.out_dir, "tickets.csv"), circuits, args.tickets, rng)


if __name__ == "__main__":
    main()
