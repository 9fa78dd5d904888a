# FaultLine: the two commands every machine must run.
#   make run   - set up, build in release, run the main job
#   make test  - set up, then the whole test suite
# Statistical validation tests are heavy, so the suite runs in release mode with testing enabled.

SWIFT      ?= swift
RUN_ARGS   ?= run
TEST_FLAGS ?= -c release -Xswiftc -enable-testing

.PHONY: run test build setup bench clean

run: setup
	$(SWIFT) build -c release --product faultline
	.build/release/faultline $(RUN_ARGS)

test: setup
	$(SWIFT) build $(TEST_FLAGS) --product faultline
	$(SWIFT) test $(TEST_FLAGS)

build: setup
	$(SWIFT) build -c release --product faultline

## setup: install the C libraries FaultLine links (GSL) and pkg-config, when missing.
setup:
	@scripts/setup.sh

bench: setup
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark

clean:
	rm -rf .build
