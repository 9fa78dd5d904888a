#!/usr/bin/env bash
# A one-node Slurm cluster on localhost, for the tests (scripts/test-slurm.sh) and for trying
# `faultline cluster slurm` by hand. Runs as root in a container without systemd.
#
#   scripts/slurm-cluster.sh start [DIR]   install slurm-wlm and munge when missing, start munged
#                                          (own key and socket), slurmctld and slurmd -N localhost;
#                                          prints the line to source: export SLURM_CONF=DIR/slurm.conf
#   scripts/slurm-cluster.sh stop [DIR]    stop exactly the daemons `start` recorded (DIR/pids), by PID
#   scripts/slurm-cluster.sh install       only install slurm-wlm and munge when missing
#
# DIR (default $FAULTLINE_SLURM_DIR or /tmp/faultline-slurm) holds the configuration, the munge
# key and socket, the spool and state folders, the logs and the PIDs. The cluster uses no cgroup
# plugin (they drain the node in a container), no accounting, and short scheduler intervals.
# Ports: FAULTLINE_SLURM_PORT (slurmctld, default 16817) and the next one (slurmd).
set -euo pipefail

command=${1:-}
dir=${2:-${FAULTLINE_SLURM_DIR:-/tmp/faultline-slurm}}
port=${FAULTLINE_SLURM_PORT:-16817}

install_when_missing() {
    if command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v munged >/dev/null; then return; fi
    echo "slurm-cluster: installing slurm-wlm and munge" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
}

write_config() {
    local node
    node=$(slurmd -C | head -1 | sed 's/^NodeName=[^ ]*/NodeName=localhost/')
    cat >"$dir/slurm.conf" <<CONF
ClusterName=faultline
SlurmctldHost=localhost
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge.socket
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SwitchType=switch/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=1,bf_interval=1,batch_sched_delay=0,sched_min_interval=0
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
ReturnToService=2
MinJobAge=600
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmdSpoolDir=$dir/spool
StateSaveLocation=$dir/state
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
$node State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
}

start() {
    if [[ -e "$dir/pids" ]]; then echo "slurm-cluster: $dir/pids exists: stop that cluster first" >&2; exit 2; fi
    install_when_missing
    mkdir -p "$dir/spool" "$dir/state"
    chmod 711 "$dir"
    dd if=/dev/urandom of="$dir/munge.key" bs=1024 count=1 status=none
    chmod 400 "$dir/munge.key"
    write_config
    : >"$dir/pids"
    munged --foreground --force --key-file="$dir/munge.key" --socket="$dir/munge.socket" \
        --pid-file="$dir/munged.pid" --log-file="$dir/munged.log" --seed-file="$dir/munged.seed" >>"$dir/munged.out" 2>&1 &
    echo $! >>"$dir/pids"
    wait_for "munge socket" test -S "$dir/munge.socket"
    slurmctld -D -f "$dir/slurm.conf" >>"$dir/slurmctld.out" 2>&1 &
    echo $! >>"$dir/pids"
    export SLURM_CONF="$dir/slurm.conf"
    wait_for "slurmctld" scontrol ping
    slurmd -D -N localhost -f "$dir/slurm.conf" >>"$dir/slurmd.out" 2>&1 &
    echo $! >>"$dir/pids"
    wait_for "node localhost idle" node_idle
    echo "export SLURM_CONF=$dir/slurm.conf"
}

node_idle() { sinfo -h -n localhost -o %t 2>/dev/null | grep -qx 'idle'; }

# Polls `$@` every 0.2 s for up to 30 s; on timeout prints the logs' tails and fails.
wait_for() {
    local what=$1; shift
    for _ in $(seq 150); do
        if "$@" >/dev/null 2>&1; then return; fi
        sleep 0.2
    done
    echo "slurm-cluster: $what not ready after 30 s; logs in $dir" >&2
    tail -n 5 "$dir"/*.log "$dir"/*.out >&2 2>/dev/null || true
    exit 1
}

stop() {
    [[ -f "$dir/pids" ]] || { echo "slurm-cluster: no cluster recorded in $dir" >&2; return 0; }
    local pids
    pids=$(tac "$dir/pids")
    for pid in $pids; do kill "$pid" 2>/dev/null || true; done
    for pid in $pids; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    done
    rm -rf "$dir"
}

case "$command" in
    start) start ;;
    stop) stop ;;
    install) install_when_missing ;;
    *) echo "usage: $0 start|stop|install [DIR]" >&2; exit 2 ;;
esac
