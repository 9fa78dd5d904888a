// Only the declaration in include/ is needed; libFuzzer defines the function.
#include "CFuzzerDriver.h"
