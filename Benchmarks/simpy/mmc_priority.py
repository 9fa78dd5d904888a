#!/usr/bin/env python3
"""The `faultline queue` model written in SimPy 4.1, for a side-by-side speed comparison.

Multi-class M/M/c queue with non-preemptive priority (class 0 first, FIFO within a class),
starting empty and stopping when N customers have completed. Prints one JSON line with the
customers per second and the mean wait per class, so the two simulators can also be checked
against each other and against Cobham's formula.

    pip install simpy==4.1.1
    python3 Benchmarks/simpy/mmc_priority.py --servers 10 --arrival-rate 8 --customers 200000
"""
import argparse
import json
import random
import time

import simpy


def run(servers, arrival_rate, service_mean, shares, customers, seed):
    env = simpy.Environment()
    pool = simpy.PriorityResource(env, capacity=servers)
    rng = random.Random(seed)
    waits = [[] for _ in shares]
    done = env.event()
    completed = [0]
    cumulative = [sum(shares[: k + 1]) for k in range(len(shares))]

    def customer(klass):
        arrival = env.now
        with pool.request(priority=klass) as request:
            yield request
            waits[klass].append(env.now - arrival)
            yield env.timeout(rng.expovariate(1.0 / service_mean))
        completed[0] += 1
        if completed[0] == customers and not done.triggered:
            done.succeed()

    def source():
        while True:
            yield env.timeout(rng.expovariate(arrival_rate))
            u = rng.random()
            klass = next(k for k, edge in enumerate(cumulative) if u < edge or k == len(shares) - 1)
            env.process(customer(klass))

    env.process(source())
    started = time.perf_counter()
    env.run(until=done)
    wall = time.perf_counter() - started
    return {
        "simulator": "SimPy " + simpy.__version__,
        "customers": customers,
        "wallSeconds": wall,
        "customersPerSecond": customers / wall,
        "meanWaitByClass": [sum(w) / len(w) if w else 0.0 for w in waits],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--servers", type=int, default=10)
    parser.add_argument("--arrival-rate", type=float, default=8.0)
    parser.add_argument("--service-mean", type=float, default=1.0)
    parser.add_argument("--class-shares", default="0.25,0.375,0.375")
    parser.add_argument("--customers", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    shares = [float(x) for x in args.class_shares.split(",")]
    print(json.dumps(run(args.servers, args.arrival_rate, args.service_mean, shares, args.customers, args.seed)))


if __name__ == "__main__":
    main()
