#!/usr/bin/env python3
"""Generates examples/circuits.csv and examples/tickets.csv for the FaultLine walkthrough.

Deterministic: a fixed seed and no clock, so running it again gives byte-identical files.
Every block of rows is labelled in the `note` column of tickets.csv (an extra column the
reader ignores with a notice); examples/README.md explains the blocks.

    python3 examples/generate.py          # rewrites the two CSVs next to this script
"""

import csv
import random
from datetime import datetime, timedelta
from pathlib import Path

SEED = 20260302
HERE = Path(__file__).resolve().parent
MIN = timedelta(minutes=1)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)

CIRCUIT_COLUMNS = ["circuit_id", "customer_grade", "product", "tier", "monthly_fee",
                   "vpn", "region", "start", "end"]
TICKET_COLUMNS = ["ticket_id", "circuit_id", "fault_start", "reported_at", "dispatched_at",
                  "accepted_at", "repaired_at", "confirmed_at", "outage", "report_sent_at",
                  "excluded", "note"]


def stamp(moment):
    """ISO-8601 local wall-clock text, or empty for a missing checkpoint."""
    return "" if moment is None else moment.strftime("%Y-%m-%dT%H:%M:%S")


class Inventory:
    """Collects circuit rows; `bad` rows are deliberately invalid."""

    def __init__(self):
        self.rows = []
        self.bad = 0

    def add(self, cid, grade, product, tier, fee, vpn="", region="Pudong", start="", end="", bad=False):
        self.rows.append([cid, grade, product, tier, fee, vpn, region, start, end])
        self.bad += bad
        return cid


class TicketLog:
    """Collects ticket rows with sequential ids; `bad` rows are deliberately invalid."""

    def __init__(self):
        self.rows = []
        self.bad = 0
        self.next_id = 1

    def new_id(self):
        tid = f"T26-{self.next_id:04d}"
        self.next_id += 1
        return tid

    def add(self, circuit, reported, *, note, lead=5, dispatch=10, accept=12, restore=45,
            confirm=6, outage="true", report=None, excluded="", tid=None):
        """One ticket; minute offsets: lead before reported, dispatch after reported, accept
        after dispatch, restore after reported, confirm after repair; None leaves it empty."""
        fault = reported - lead * MIN
        dispatched = None if dispatch is None else reported + dispatch * MIN
        accepted = None if accept is None or dispatched is None else dispatched + accept * MIN
        repaired = reported + restore * MIN
        confirmed = None if confirm is None else repaired + confirm * MIN
        return self.raw([tid or self.new_id(), circuit, stamp(fault), stamp(reported),
                         stamp(dispatched), stamp(accepted), stamp(repaired), stamp(confirmed),
                         outage, stamp(report), excluded, note])

    def raw(self, row, bad=False):
        self.rows.append(row)
        self.bad += bad
        return row[0]


def circuits(inv):
    """The inventory: one or more circuits per tier, VPN variants, matrix products, part-period."""
    c = {}
    c["aaa"] = inv.add("SH-AAA-001", "group", "sdh", "SLA-AAA", "52000", "false", "Huangpu")
    c["aaa2"] = inv.add("SH-AAA-002", "provincial", "digital-circuit-lease", "SLA-AAA", "38000", "", "Pudong")
    c["aa"] = inv.add("SH-AA-001", "provincial", "lan-dedicated", "SLA-AA", "18000", "", "Xuhui")
    c["aa_vpn"] = inv.add("SH-AA-VPN-001", "group", "mpls-vpn", "SLA-AA", "26000", "true", "Jing'an")
    c["a"] = inv.add("SH-A-001", "localA", "ddn", "SLA-A", "6000", "", "Minhang")
    c["a_vpn"] = inv.add("SH-A-VPN-001", "localA", "mpls-vpn", "SLA-A", "9000", "", "Minhang")
    c["mq1"] = inv.add("SH-MQ1-001", "localA", "frame-relay", "MQ-I", "7000", "", "Baoshan")
    c["mq2"] = inv.add("SH-MQ2-001", "localB", "atm", "MQ-II", "5200", "", "Baoshan")
    c["mq3"] = inv.add("SH-MQ3-001", "localC", "leased-fibre", "MQ-III", "4100", "", "Jiading")
    c["qlc"] = inv.add("SH-QLC-001", "localC", "xdsl", "QLC", "800", "", "Jiading")
    # Empty tier: the repair-limit matrix decides (voice, 800/4008, ICT), else QLC.
    c["vn_group"] = inv.add("SH-VN-001", "group", "virtual-network", "", "3000", "", "Huangpu")
    c["vn_localA"] = inv.add("SH-VN-002", "localA", "ngn-virtual-network", "", "2500", "", "Xuhui")
    c["vn_localB"] = inv.add("SH-VN-003", "localB", "virtual-network", "", "1800", "", "Songjiang")
    c["ring_localB"] = inv.add("SH-RBT-001", "localB", "enterprise-ringback", "", "600", "", "Songjiang")
    c["800_group"] = inv.add("SH-800-001", "group", "800", "", "2200", "", "Huangpu")
    c["4008_localC"] = inv.add("SH-4008-001", "localC", "4008", "", "1500", "", "Fengxian")
    c["ict"] = inv.add("SH-ICT-001", "localA", "logistics-elink", "", "1200", "", "Pudong")
    c["ict2"] = inv.add("SH-ICT-002", "localB", "global-eye", "", "900", "", "Pudong")
    c["conv"] = inv.add("SH-PTT-001", "localB", "ptt", "", "700", "", "Qingpu")
    c["bw_empty"] = inv.add("SH-BW-001", "localC", "lan-access", "", "1000", "", "Qingpu")
    # Repeat-fault circuits (one per windowed tier) and the availability circuits.
    c["rep_aaa"] = inv.add("SH-AAA-REP", "group", "sdh", "SLA-AAA", "48000", "", "Huangpu")
    c["rep_aa"] = inv.add("SH-AA-REP", "provincial", "lan-dedicated", "SLA-AA", "16000", "", "Xuhui")
    c["rep_a"] = inv.add("SH-A-REP", "localA", "ddn", "SLA-A", "5500", "", "Minhang")
    c["rep_mq"] = inv.add("SH-MQ1-REP", "localA", "frame-relay", "MQ-I", "6500", "", "Baoshan")
    c["avail_aaa"] = inv.add("SH-AAA-AV", "group", "sdh", "SLA-AAA", "60000", "", "Huangpu")
    c["avail_aa"] = inv.add("SH-AA-AV", "provincial", "digital-trunk", "SLA-AA", "20000", "", "Xuhui")
    c["avail_a"] = inv.add("SH-A-AV", "localA", "ddn", "SLA-A", "6000", "", "Minhang")
    c["avail_mq2"] = inv.add("SH-MQ2-AV", "localB", "atm", "MQ-II", "5000", "", "Baoshan")
    # Part-period circuits: in service from 10 March / until 20 May (end exclusive).
    c["part_start"] = inv.add("SH-AA-NEW", "provincial", "lan-dedicated", "SLA-AA", "18000", "", "Pudong",
                              start="2026-03-10")
    c["part_end"] = inv.add("SH-A-OLD", "localA", "ddn", "SLA-A", "6000", "", "Minhang",
                            end="2026-05-20T00:00:00")
    c["part_both"] = inv.add("SH-MQ3-TMP", "localC", "leased-fibre", "MQ-III", "4000", "", "Jiading",
                             start="2026-06-15", end="2026-09-01")
    c["protected"] = inv.add("SH-AAA-PROT", "group", "sdh", "SLA-AAA", "50000", "true", "Huangpu")
    c["excl"] = inv.add("SH-AA-EXCL", "provincial", "lan-dedicated", "SLA-AA", "17000", "", "Xuhui")
    c["offsets"] = inv.add("SH-A-TZ", "localB", "ddn", "SLA-A", "5000", "", "Hongkou")
    # Background circuits for the random tickets.
    products = [("sdh", "SLA-AAA"), ("lan-dedicated", "SLA-AA"), ("mpls-vpn", "SLA-AA"), ("ddn", "SLA-A"),
                ("mpls-vpn", "SLA-A"), ("frame-relay", "MQ-I"), ("atm", "MQ-II"), ("leased-fibre", "MQ-III"),
                ("xdsl", "QLC"), ("virtual-network", ""), ("800", ""), ("logistics-elink", ""), ("lan-access", "")]
    grades = ["group", "provincial", "localA", "localB", "localC"]
    regions = ["Huangpu", "Pudong", "Xuhui", "Minhang", "Baoshan", "Jiading"]
    rng = random.Random(SEED)
    background = []
    for n in range(1, 53):
        product, tier = products[n % len(products)]
        fee = rng.choice([900, 1500, 4000, 6000, 12000, 18000, 30000])
        background.append(inv.add(f"SH-BG-{n:03d}", grades[n % 5], product, tier, str(fee), "",
                                  regions[n % len(regions)]))
    # Two deliberately bad inventory rows.
    inv.add("SH-BAD-TIER", "localA", "ddn", "SLA-AAAA", "6000", "", "Minhang", bad=True)  # unknown tier
    inv.add("SH-BAD-GRADE", "platinum", "ddn", "SLA-A", "6000", "", "Minhang", bad=True)  # unknown grade
    return c, background


def checkpoint_blocks(log, c):
    """Dispatch, accept and confirmation limits: exactly at, one minute over, and empty."""
    d = datetime(2026, 1, 12, 10, 0)
    log.add(c["aa"], d, dispatch=15, note="A dispatch exactly 15 min: met")
    log.add(c["aa"], d + DAY, dispatch=16, note="A dispatch 16 min: missed")
    log.add(c["aa"], d + 2 * DAY, accept=30, note="A accept exactly 30 min: met")
    log.add(c["aa"], d + 3 * DAY, accept=31, note="A accept 31 min: missed")
    log.add(c["aa"], d + 4 * DAY, confirm=15, note="A confirm exactly 15 min: met")
    log.add(c["aa"], d + 7 * DAY, confirm=16, note="A confirm 16 min: missed")
    log.add(c["aa"], d + 8 * DAY, dispatch=None, note="A no dispatch time: dispatch and accept not applicable")
    log.add(c["aa"], d + 9 * DAY, accept=None, note="A no accept time: accept not applicable")
    log.add(c["aa"], d + 10 * DAY, confirm=None, note="A no confirm time: confirmation not applicable")


def restoration_blocks(log, c):
    """Restoration limit of every tier and matrix cell: under, exactly at, one minute over."""
    limits = [("aaa", 60), ("aa", 90), ("aa_vpn", 120), ("a", 180), ("a_vpn", 240), ("mq1", 240),
              ("mq2", 240), ("mq3", 240), ("qlc", 360), ("vn_group", 20 * 60), ("vn_localA", 24 * 60),
              ("vn_localB", 48 * 60), ("ring_localB", 24 * 60), ("800_group", 12 * 60),
              ("4008_localC", 24 * 60), ("bw_empty", 360)]
    start = datetime(2026, 2, 2, 9, 0)
    for index, (key, limit) in enumerate(limits):
        day = start + index * 3 * DAY
        for offset, label in [(-limit // 2, "well under"), (0, "exactly at"), (1, "one minute over")]:
            log.add(c[key], day, restore=limit + offset, dispatch=5, accept=10,
                    note=f"B restoration {label} the {limit} min limit")
            day += 8 * HOUR
    # ICT / converged: 3 working days (Mon-Fri 08:30-17:30). Reported Fri 16:00 -> due Wed 16:00.
    fri = datetime(2026, 3, 6, 16, 0)
    due = datetime(2026, 3, 11, 16, 0)
    minutes = int((due - fri) / MIN)
    log.add(c["ict"], fri, restore=minutes, note="B ICT 3 working days over a weekend: exactly at, met")
    log.add(c["ict2"], fri, restore=minutes + 1, note="B ICT 3 working days: one minute over, missed")
    sat = datetime(2026, 3, 14, 10, 0)  # Saturday: the clock starts Mon 08:30, due Wed 17:30
    log.add(c["conv"], sat, restore=int((datetime(2026, 3, 18, 17, 30) - sat) / MIN),
            note="B converged reported Saturday: 3 working days end Wed 17:30, met")


def fault_report_blocks(log, c):
    """Fault report after repair: 1 working day (SLA-AAA), 2 working days (SLA-AA, SLA-A)."""
    fri = datetime(2026, 4, 10, 15, 0)  # reported Fri 15:00, repaired Fri 16:00
    log.add(c["aaa2"], fri, restore=60, report=datetime(2026, 4, 13, 16, 0),
            note="C SLA-AAA report Mon 16:00 = repaired Fri 16:00 + 1 working day: met")
    log.add(c["aaa2"], fri + 14 * DAY, restore=60, report=datetime(2026, 4, 27, 16, 1),
            note="C SLA-AAA report one minute after 1 working day: missed")
    sat = datetime(2026, 5, 9, 9, 30)  # repaired Sat 10:00 -> due Mon 17:30
    log.add(c["aaa2"], sat, restore=30, report=datetime(2026, 5, 11, 17, 30),
            note="C SLA-AAA repaired Saturday, report Mon 17:30: met")
    log.add(c["aa"], fri + 7 * DAY, restore=60, report=datetime(2026, 4, 21, 16, 0),
            note="C SLA-AA report Tue 16:00 = Fri 16:00 + 2 working days: met")
    log.add(c["a"], fri + 7 * DAY, restore=60, report=datetime(2026, 4, 22, 9, 0),
            note="C SLA-A report Wed 09:00, after 2 working days: missed")
    log.add(c["a"], fri + 21 * DAY, restore=60, report=None,
            note="C SLA-A no report time: fault report not applicable")
    log.add(c["mq1"], fri, restore=60, report=datetime(2026, 4, 20, 9, 0),
            note="C MQ-I promises no fault report: report time ignored")


def availability_blocks(log, c):
    """Outage minutes: month-end crossing, overlapping outages, bands, exclusions, part periods."""
    log.add(c["avail_aaa"], datetime(2026, 3, 31, 23, 0), lead=0, restore=180, dispatch=5,
            note="D outage 23:00 31 Mar to 02:00 1 Apr: 60 min in March, 120 min in April")
    log.add(c["avail_aa"], datetime(2026, 5, 12, 10, 0), lead=0, restore=120,
            note="D overlapping outages: first 10:00-12:00")
    log.add(c["avail_aa"], datetime(2026, 5, 12, 11, 0), lead=0, restore=120,
            note="D overlapping outages: second 11:00-13:00, union 180 min")
    log.add(c["avail_a"], datetime(2026, 7, 3, 8, 0), lead=0, restore=10 * 60,
            note="D 600 outage min in July: availability 98.66 %, below 99.0 (highest credit band)")
    log.add(c["avail_mq2"], datetime(2026, 8, 4, 9, 0), lead=0, restore=40,
            note="D MQ-II 40 outage min in August: availability 99.91 %, target 99.95 missed")
    log.add(c["avail_aaa"], datetime(2026, 7, 7, 9, 0), lead=0, restore=4, dispatch=1, accept=2,
            note="D SLA-AAA 4 outage min in July: availability 99.9910 %, target 99.99 met")
    log.add(c["part_start"], datetime(2026, 3, 20, 9, 0), lead=0, restore=60,
            note="D part period: circuit in service from 10 March, judged on 22 days")
    log.add(c["part_end"], datetime(2026, 5, 18, 9, 0), lead=0, restore=60,
            note="D part period: circuit in service until 20 May, judged on 19 days")
    log.add(c["part_both"], datetime(2026, 7, 1, 9, 0), lead=0, restore=90,
            note="D part period: circuit in service 15 June to 1 September")


def repeat_blocks(log, c):
    """Repeat faults: inside, exactly at and outside each window; equal starts; exclusions."""
    windows = [("rep_aaa", 90), ("rep_aa", 60), ("rep_a", 30)]
    for key, days in windows:
        base = datetime(2026, 1, 5, 9, 0)
        log.add(c[key], base, note=f"E repeat window {days} days: first fault")
        log.add(c[key], base + (days - 1) * DAY, note=f"E {days - 1} days after a fault: repeat")
        second = base + (days - 1) * DAY
        log.add(c[key], second + days * DAY, note=f"E exactly {days} days after the previous fault: repeat")
        third = second + days * DAY
        log.add(c[key], third + days * DAY + MIN,
                note=f"E {days} days and 1 min after the previous fault: not a repeat")
    same = datetime(2026, 10, 6, 14, 0)
    log.add(c["rep_a"], same, tid="T26-9001", note="E equal fault starts: lower ticket id is the first")
    log.add(c["rep_a"], same, tid="T26-9002", note="E equal fault starts: later ticket id is the repeat")
    log.add(c["rep_aa"], datetime(2026, 11, 2, 9, 0), outage="false",
            note="E protected-segment ticket starts no repeat window")
    log.add(c["rep_aa"], datetime(2026, 11, 20, 9, 0),
            note="E outage 18 days after a protected-segment ticket: not a repeat")
    log.add(c["aaa2"], datetime(2026, 11, 3, 9, 0), excluded="customer-caused",
            note="E excluded outage starts no repeat window")
    log.add(c["aaa2"], datetime(2026, 11, 10, 9, 0),
            note="E outage 7 days after an excluded one: not a repeat")
    log.add(c["rep_mq"], datetime(2026, 3, 2, 9, 0), note="E MQ-I has no repeat rule: first")
    log.add(c["rep_mq"], datetime(2026, 3, 9, 9, 0), note="E MQ-I has no repeat rule: 7 days later, no violation")


def protected_and_excluded_blocks(log, c):
    """Protected-segment tickets (no downtime) and excluded tickets, with the accepted spellings."""
    d = datetime(2026, 9, 7, 10, 0)
    for n, word in enumerate(["false", "FALSE", "no", "0"]):
        log.add(c["protected"], d + n * DAY, outage=word, restore=300,
                note=f"F protected segment (outage={word}): a ticket, no outage minutes, no restoration check")
    for n, word in enumerate(["True", "YES", "1"]):
        log.add(c["protected"], d + (10 + n) * DAY, outage=word, restore=30,
                note=f"F outage spelled {word}")
    for n, reason in enumerate(["customer-caused", "force majeure (typhoon)", "planned work"]):
        log.add(c["excl"], datetime(2026, 9, 14, 9, 0) + n * 2 * DAY, restore=600, excluded=reason,
                note="G excluded ticket: listed, counts for no compliance or credit")
    log.add(c["excl"], datetime(2026, 9, 22, 9, 0), restore=60, excluded="no",
            note="G excluded=no means not excluded")


def format_blocks(log, c):
    """Accepted timestamp spellings: offsets, a space separator, no seconds, fractions."""
    tid = log.new_id()
    log.raw([tid, c["offsets"], "2026-03-03T01:00:00Z", "2026-03-03T09:05:00+08:00", "2026-03-03 09:10",
             "2026-03-03T09:20:00.500", "2026-03-03T10:00:00", "2026-03-03T02:10:00+00:00", "true",
             "", "", "H offsets, space separator, no seconds, fraction: all +08:00 wall clock"])
    tid = log.new_id()
    log.raw([tid, c["offsets"], "2026-03-04T08:00:00+07:00", "2026-03-04T09:01", "2026-03-04T09:05",
             "2026-03-04T09:15", "2026-03-04T10:00", "2026-03-04T10:05", "1", "", "",
             "H +07:00 08:00 is 09:00 at +08:00, quoted note, with a comma"])


def background_block(log, background, rng):
    """Random but valid tickets across the background circuits (mostly met, some misses)."""
    start = datetime(2026, 1, 1)
    for _ in range(260):
        reported = start + rng.randrange(0, 364 * 24 * 60) * MIN
        circuit, lead = rng.choice(background), rng.randrange(0, 30)
        dispatch, accept = rng.randrange(1, 20), rng.randrange(2, 40)
        restore = dispatch + accept + rng.randrange(1, 400)  # repaired after acceptance
        log.add(circuit, reported, lead=lead, dispatch=dispatch, accept=accept, restore=restore,
                confirm=rng.randrange(1, 20), outage=rng.choice(["true"] * 9 + ["false"]), note="J background")


def bad_rows(log, c):
    """Deliberately bad rows: each is rejected with its line and reason."""
    t = lambda moment: stamp(moment)
    d = datetime(2026, 12, 7, 10, 0)
    ok = [t(d), t(d + 5 * MIN), t(d + 10 * MIN), t(d + 20 * MIN), t(d + 60 * MIN), t(d + 65 * MIN)]
    log.raw([log.new_id(), c["a"], "2026-02-29T10:00:00"] + ok[1:] + ["true", "", "",
             "K bad timestamp: 2026 is not a leap year"], bad=True)
    log.raw([log.new_id(), c["a"], ok[0], "yesterday 10:05"] + ok[2:] + ["true", "", "",
             "K bad timestamp: not ISO-8601"], bad=True)
    log.raw([log.new_id(), c["a"]] + ok[:2] + [ok[3], ok[2]] + ok[4:] + ["true", "", "",
             "K times out of order: accepted before dispatched"], bad=True)
    log.raw([log.new_id(), "SH-NOWHERE-999"] + ok + ["true", "", "", "K unknown circuit"], bad=True)
    log.raw(["T26-0001", c["a"]] + ok + ["true", "", "", "K duplicate ticket id (first on line 2)"], bad=True)
    log.raw([log.new_id(), c["a"]] + ok[:4] + ["", ok[5], "true", "", "",
             "K not closed: repaired_at empty"], bad=True)
    log.raw([log.new_id(), c["a"]] + ok + ["maybe", "", "", "K bad boolean in outage"], bad=True)
    log.raw([log.new_id(), "SH-BAD-TIER"] + ok + ["true", "", "",
             "K circuit rejected in the inventory (unknown tier)"], bad=True)
    log.raw([log.new_id(), c["a"]] + ok + ["true", "", "K wrong field count"][:2], bad=True)


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main():
    rng = random.Random(SEED)
    inv = Inventory()
    c, background = circuits(inv)
    log = TicketLog()
    checkpoint_blocks(log, c)
    restoration_blocks(log, c)
    fault_report_blocks(log, c)
    availability_blocks(log, c)
    repeat_blocks(log, c)
    protected_and_excluded_blocks(log, c)
    format_blocks(log, c)
    background_block(log, background, rng)
    bad_rows(log, c)
    write_csv(HERE / "circuits.csv", CIRCUIT_COLUMNS, inv.rows)
    write_csv(HERE / "tickets.csv", TICKET_COLUMNS, log.rows)
    print(f"circuits.csv: {len(inv.rows)} rows, {inv.bad} bad")
    print(f"tickets.csv: {len(log.rows)} rows, {log.bad} bad")


if __name__ == "__main__":
    main()
