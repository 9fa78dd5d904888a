# FaultLine: the two commands every machine must run.
#   make run   - set up, build in release, run the main job
#   make test  - set up, then the whole test suite
#   make fuzz  - coverage-guided fuzzing of the readers of user text, FUZZ_SECONDS per target
# Statistical validation tests are heavy, so the suite runs in release mode with testing enabled.
# After the Swift tests, `make test` checks the rule engine against every regression corpus in
# corpus/ (verdicts, credits and throughput floors; docs/rules-check.md).
# Then a one-node Slurm cluster on localhost runs a sharded run and its merge (scripts/test-slurm.sh:
# installs slurm-wlm and munge when missing; at most 2 minutes), and the Kubernetes manifests are
# validated offline and emulated (scripts/test-kubernetes.sh); docs/scale-out.md.
# `make test` ends with a bounded fuzz run (FUZZ_TEST_SECONDS per target, four targets) that fails
# the suite on a crash or a violated property; libFuzzer ships with the Swift toolchain.

SWIFT      ?= swift
RUN_ARGS   ?= run
TEST_FLAGS ?= -c release -Xswiftc -enable-testing
FUZZ_SECONDS ?= 300
FUZZ_TEST_SECONDS ?= 12

.PHONY: run test build setup bench fuzz clean

run: setup
	$(SWIFT) build -c release --product faultline
	.build/release/faultline $(RUN_ARGS)

test: setup
	$(SWIFT) build $(TEST_FLAGS) --product faultline
	$(SWIFT) test $(TEST_FLAGS)
	.build/release/faultline rules check --bench corpus/*
	scripts/test-slurm.sh .build/release/faultline
	scripts/test-kubernetes.sh .build/release/faultline
	scripts/fuzz.sh $(FUZZ_TEST_SECONDS)

build: setup
	$(SWIFT) build -c release --product faultline

## setup: install the C libraries FaultLine links (GSL) and pkg-config, when missing.
setup:
	@scripts/setup.sh

fuzz: setup
	scripts/fuzz.sh $(FUZZ_SECONDS)

bench: setup
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark

clean:
	rm -rf .build Fuzz/.build
