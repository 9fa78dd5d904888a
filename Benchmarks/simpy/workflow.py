#!/usr/bin/env python3
"""The dispatch workflow of Benchmarks/workflow.yaml written in SimPy 4.1, judged in plain Python.

Poisson faults in three classes (5, 20 and 75 a day; restoration limits 4, 8 and 24 h). Two agents
do intake (lognormal mean 5 min, sd 3) and confirmation (exponential mean 3 min), confirmation
first, first come within a task, as FaultLine's monitoring centre does. Twelve crews, always on
duty, are each held for travel (lognormal 40 ± 20 min) plus repair (lognormal 90 ± 60 min); the
crews' line serves class 0 first, first come within a class, non-preemptive. As in FaultLine,
a ticket still waiting for a crew when its restoration limit has run out (escalation at
`atFractionOfLimit: 1`) joins the escalated tickets, who go before every other ticket.

Each ticket is then judged as FaultLine's rule engine judges it: dispatch within 15 min of the
report, acceptance within 30 min of dispatch, restoration within the class's limit, confirmation
within 15 min of repair, and availability per circuit and calendar month (target 99.9 %); tickets
open at the horizon are judged as of the horizon. Prints one JSON line: faults simulated and
judged per second (wall clock and CPU), and per class the compliance and mean crew wait (mean of
the replications' figures ± a 95 % Student-t half-width), to check the two models agree.

    pip install simpy==4.1.1
    python3 Benchmarks/simpy/workflow.py --replications 10 --days 365

With --faultline-tickets, judges FaultLine's exported ticket logs instead (one folder per
replication, as `faultline run --export-tickets DIR --export-replication R` writes them):

    python3 Benchmarks/simpy/workflow.py --faultline-tickets /tmp/r0 /tmp/r1 ...
"""
import argparse
import bisect
import csv
import datetime
import json
import math
import os
import random
import statistics
import time

import simpy

START = datetime.datetime(2026, 1, 1)  # the scenario's `start`; months are judged from it
FAULTS_PER_DAY = (5.0, 20.0, 75.0)  # by class
CIRCUITS = (1825, 7300, 27375)  # by class: 1 fault per circuit-year
RESTORATION_LIMIT = (240.0, 480.0, 1440.0)  # minutes, by class
DISPATCH_WITHIN, ACCEPT_WITHIN, CONFIRM_WITHIN = 15.0, 30.0, 15.0  # minutes
AVAILABILITY_TARGET = 0.999
AGENTS, CREWS = 2, 12
CONFIRMATION, INTAKE = 0, 1  # agents' task priorities (smaller first)
ESCALATED, NORMAL = 0, 10  # crews' line: priority = base + class


def lognormal(rng, mean, sd):
    """A draw of the lognormal with this mean and standard deviation (minutes)."""
    sigma2 = math.log(1.0 + (sd / mean) ** 2)
    return rng.lognormvariate(math.log(mean) - sigma2 / 2.0, math.sqrt(sigma2))


class Ticket:
    """One fault's checkpoints, in minutes from the start; None until reached."""

    __slots__ = ("klass", "circuit", "fault", "dispatched", "accepted", "repaired", "confirmed")

    def __init__(self, klass, circuit, fault):
        self.klass, self.circuit, self.fault = klass, circuit, fault
        self.dispatched = self.accepted = self.repaired = self.confirmed = None


def simulate(days, rng):
    """One replication of `days` days, starting empty; returns its tickets and escalation count."""
    env = simpy.Environment()
    agents = simpy.PriorityResource(env, capacity=AGENTS)
    crews = simpy.PriorityResource(env, capacity=CREWS)
    tickets = []
    escalations = [0]

    def crew_for(ticket):
        """Waits for a crew; escalates the request when the restoration limit runs out."""
        escalate_at = ticket.fault + RESTORATION_LIMIT[ticket.klass]
        base = ESCALATED if env.now >= escalate_at else NORMAL
        request = crews.request(priority=base + ticket.klass)
        if not request.triggered and base == NORMAL:
            yield request | env.timeout(escalate_at - env.now)
            if not request.triggered:
                request.cancel()
                escalations[0] += 1
                request = crews.request(priority=ESCALATED + ticket.klass)
        yield request
        return request

    def repair(ticket):
        request = agents.request(priority=INTAKE)
        yield request
        yield env.timeout(lognormal(rng, 5.0, 3.0))
        agents.release(request)
        ticket.dispatched = env.now
        crew = yield from crew_for(ticket)
        ticket.accepted = env.now
        yield env.timeout(lognormal(rng, 40.0, 20.0) + lognormal(rng, 90.0, 60.0))
        crews.release(crew)
        ticket.repaired = env.now
        request = agents.request(priority=CONFIRMATION)
        yield request
        yield env.timeout(rng.expovariate(1.0 / 3.0))
        agents.release(request)
        ticket.confirmed = env.now

    def faults(klass):
        rate = FAULTS_PER_DAY[klass] / 1440.0  # per minute
        while True:
            yield env.timeout(rng.expovariate(rate))
            ticket = Ticket(klass, rng.randrange(CIRCUITS[klass]), env.now)
            tickets.append(ticket)
            env.process(repair(ticket))

    for klass in range(len(FAULTS_PER_DAY)):
        env.process(faults(klass))
    env.run(until=days * 1440.0)
    return tickets, escalations[0]


def month_edges(horizon):
    """Minutes from START of each calendar month's start inside [0, horizon), then the horizon."""
    edges, month = [], START
    while (month - START).total_seconds() / 60.0 < horizon:
        edges.append((month - START).total_seconds() / 60.0)
        month = datetime.datetime(month.year + month.month // 12, month.month % 12 + 1, 1)
    return edges + [horizon]


def judge(tickets, horizon, circuits):
    """Per class: the checks met and judged, crew waits and circuit-months, as FaultLine's engine."""
    rows = [dict(judged=[0] * 4, met=[0] * 4, pending=0, waits=0.0, accepted=0, tickets=0)
            for _ in circuits]
    outages = {}
    for t in tickets:
        row = rows[t.klass]
        row["tickets"] += 1
        checks = (
            within(t.fault, t.dispatched, DISPATCH_WITHIN, horizon),
            within(t.dispatched, t.accepted, ACCEPT_WITHIN, None),
            within(t.fault, t.repaired, RESTORATION_LIMIT[t.klass], horizon),
            within(t.repaired, t.confirmed, CONFIRM_WITHIN, None),
        )
        for k, verdict in enumerate(checks):
            if verdict is not None:
                row["judged"][k] += 1
                row["met"][k] += verdict
        row["pending"] += t.repaired is None and checks[2] is None
        if t.accepted is not None:
            row["waits"] += t.accepted - t.dispatched
            row["accepted"] += 1
        end = horizon if t.repaired is None else t.repaired
        outages.setdefault((t.klass, t.circuit), []).append((t.fault, end))
    missed = months_missed(outages, month_edges(horizon), len(circuits))
    months = len(month_edges(horizon)) - 1
    return [summary(row, circuits[k] * months, missed[k]) for k, row in enumerate(rows)]


def within(start, end, limit, horizon):
    """True/False when judged; None when not (missing end, or still within the limit at the horizon)."""
    if start is None:
        return None
    if end is not None:
        return end - start <= limit
    return False if horizon is not None and horizon - start > limit else None


def months_missed(outages, edges, classes):
    """Per class, the circuit-months whose availability (union of outages, clipped) is below target.

    Only the months an outage touches are looked at: every other circuit-month is met.
    """
    missed = [0] * classes
    for (klass, _), intervals in outages.items():
        down = {}
        for start, end in merge(sorted(intervals)):
            month = bisect.bisect_right(edges, start) - 1
            while month < len(edges) - 1 and edges[month] < end:
                lo, hi = edges[month], edges[month + 1]
                down[month] = down.get(month, 0.0) + min(end, hi) - max(start, lo)
                month += 1
        missed[klass] += sum(1.0 - minutes / (edges[m + 1] - edges[m]) < AVAILABILITY_TARGET
                             for m, minutes in down.items())
    return missed


def merge(intervals):
    """The union of sorted [start, end) intervals."""
    merged = [list(intervals[0])]
    for a, b in intervals[1:]:
        if a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return merged


def summary(row, circuit_months, missed):
    """One class's figures of one replication."""
    share = [row["met"][k] / row["judged"][k] if row["judged"][k] else None for k in range(4)]
    return {
        "tickets": row["tickets"],
        "dispatchMet": share[0],
        "acceptMet": share[1],
        "restorationMet": share[2],
        "confirmationMet": share[3],
        "availabilityMet": 1.0 - missed / circuit_months,
        "meanCrewWaitMinutes": row["waits"] / row["accepted"] if row["accepted"] else None,
        "pendingRestorations": row["pending"],
    }


# Two-sided 95 % Student-t quantiles for 1 … 30 degrees of freedom.
T95 = (12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
       2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
       2.052, 2.048, 2.045, 2.042)


def across(values):
    """Mean of the replications' values ± the half-width of a 95 % Student-t interval."""
    values = [v for v in values if v is not None]
    if len(values) < 2:
        return {"mean": values[0] if values else None, "halfWidth": None}
    t = T95[len(values) - 2] if len(values) - 1 <= len(T95) else 1.96
    return {"mean": statistics.fmean(values),
            "halfWidth": t * statistics.stdev(values) / math.sqrt(len(values))}


def per_class(replications):
    """Each class's figures across replications."""
    keys = replications[0][0].keys()
    return [{key: across([rep[k][key] for rep in replications]) for key in keys}
            for k in range(len(replications[0]))]


def run(replications, days, seed):
    """Simulates and judges every replication; returns the JSON result."""
    wall, cpu = time.perf_counter(), time.process_time()
    figures, faults, escalations = [], 0, 0
    for r in range(replications):
        tickets, escalated = simulate(days, random.Random(seed * 1_000_003 + r))
        figures.append(judge(tickets, days * 1440.0, CIRCUITS))
        faults += len(tickets)
        escalations += escalated
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {
        "simulator": "SimPy " + simpy.__version__,
        "replications": replications,
        "days": days,
        "faults": faults,
        "escalations": escalations,
        "wallSeconds": wall,
        "cpuSeconds": cpu,
        "faultsPerSecond": faults / wall,
        "faultsPerCPUSecond": faults / cpu,
        "classes": per_class(figures),
    }


def read_faultline_log(folder):
    """FaultLine's exported circuits.csv and tickets.csv as Tickets, the horizon and circuits per class."""
    def minutes(text):
        return (datetime.datetime.fromisoformat(text) - START).total_seconds() / 60.0 if text else None

    with open(os.path.join(folder, "circuits.csv"), newline="") as file:
        rows = list(csv.DictReader(file))
    circuits = [sum(row["tier"] == f"CLASS-{k}" for row in rows) for k in range(len(CIRCUITS))]
    horizon = minutes(rows[0]["end"])
    tickets = []
    with open(os.path.join(folder, "tickets.csv"), newline="") as file:
        for row in csv.DictReader(file):
            klass = int(row["circuit_id"].split("-")[1])  # ids are class-<k>-<n>
            ticket = Ticket(klass, row["circuit_id"], minutes(row["reported_at"]))
            ticket.dispatched, ticket.accepted = minutes(row["dispatched_at"]), minutes(row["accepted_at"])
            ticket.repaired, ticket.confirmed = minutes(row["repaired_at"]), minutes(row["confirmed_at"])
            tickets.append(ticket)
    return tickets, horizon, circuits


def judge_faultline(folders):
    """The same judging and summary, on FaultLine's exported ticket logs (one per replication)."""
    figures, faults = [], 0
    for folder in folders:
        tickets, horizon, circuits = read_faultline_log(folder)
        figures.append(judge(tickets, horizon, circuits))
        faults += len(tickets)
    return {"simulator": "FaultLine (exported ticket logs)", "replications": len(folders),
            "faults": faults, "classes": per_class(figures)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--replications", type=int, default=10)
    parser.add_argument("--days", type=int, default=365, help="simulated days per replication")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--faultline-tickets", nargs="+", metavar="DIR",
                        help="judge these exported FaultLine ticket logs instead of simulating")
    args = parser.parse_args()
    if args.replications < 1 or args.days < 1:
        parser.error("--replications and --days must be at least 1")
    if args.faultline_tickets:
        try:
            print(json.dumps(judge_faultline(args.faultline_tickets)))
        except (OSError, KeyError, ValueError, IndexError) as problem:
            parser.exit(2, f"workflow.py: --faultline-tickets: not a FaultLine ticket log export "
                           f"(circuits.csv, tickets.csv of Benchmarks/workflow.yaml): {problem}\n")
    else:
        print(json.dumps(run(args.replications, args.days, args.seed)))


if __name__ == "__main__":
    main()
