#!/usr/bin/env python3
"""Runs the Jobs `faultline cluster kubernetes` wrote as Kubernetes would, without a cluster.

For every completion index of DIR/job.yaml (an Indexed Job), the container's command runs with
JOB_COMPLETION_INDEX set, at most `parallelism` at once, in the container's workingDir; then
DIR/merge-job.yaml's command runs. The image is this machine: `faultline` is found on PATH,
with the folder given by --path put first. Exit 0 when every pod succeeded, else 1.

    scripts/k8s-emulate.py DIR [--path FOLDER]
"""
import argparse
import concurrent.futures
import os
import subprocess
import sys

import yaml


def container(manifest):
    spec = manifest["spec"]["template"]["spec"]
    if spec.get("restartPolicy") != "Never":
        sys.exit(f"k8s-emulate: restartPolicy is {spec.get('restartPolicy')!r}, expected 'Never'")
    (box,) = spec["containers"]
    mounts = {m["name"]: m["mountPath"] for m in box.get("volumeMounts", [])}
    volumes = {v["name"] for v in spec.get("volumes", [])}
    if set(mounts) - volumes:
        sys.exit(f"k8s-emulate: mounts without a volume: {sorted(set(mounts) - volumes)}")
    return box["command"] + box.get("args", []), box.get("workingDir", "/")


def run_pod(command, folder, env, label):
    done = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        print(f"k8s-emulate: {label} failed (exit {done.returncode}): {done.stderr.strip()}", file=sys.stderr)
    return done.returncode == 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--path", default=None)
    options = parser.parse_args()
    with open(os.path.join(options.dir, "job.yaml")) as file:
        job = yaml.safe_load(file)
    with open(os.path.join(options.dir, "merge-job.yaml")) as file:
        merge = yaml.safe_load(file)
    spec = job["spec"]
    if spec.get("completionMode") != "Indexed":
        sys.exit("k8s-emulate: job.yaml is not an Indexed Job")
    completions, parallelism = spec["completions"], spec.get("parallelism", 1)
    env = dict(os.environ)
    if options.path:
        env["PATH"] = options.path + os.pathsep + env.get("PATH", "")
    command, folder = container(job)
    with concurrent.futures.ThreadPoolExecutor(max_workers=parallelism) as pool:
        pods = [pool.submit(run_pod, command, folder, dict(env, JOB_COMPLETION_INDEX=str(index)), f"pod {index}")
                for index in range(completions)]
        succeeded = all(pod.result() for pod in pods)
    if not succeeded:
        return 1
    print(f"k8s-emulate: {completions} indexed pods done, {parallelism} at once")
    command, folder = container(merge)
    if not run_pod(command, folder, env, "merge"):
        return 1
    print("k8s-emulate: merge done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
