#ifndef FAULTLINE_FUZZER_DRIVER_H
#define FAULTLINE_FUZZER_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's own driver (linked by -sanitize=fuzzer): runs the fuzzing loop with the command
/// line's options, calling `test_one_input` per input. SwiftPM gives every executable its own
/// `main`, so each fuzz target calls this from there instead of relying on libFuzzer's `main`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test_one_input)(const uint8_t *data, size_t size));

#endif
