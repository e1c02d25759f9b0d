// Defaults for the sanitizer runtimes in the sanitizer build (-DTESSERA_SANITIZE=ON). Linked into
// every executable of that build (test programs, tessera, tessera-cli, fuzz targets), so a test
// and the binaries it starts report alike without any environment. ASAN_OPTIONS, UBSAN_OPTIONS
// and LSAN_OPTIONS still add to or override them.

#include "SanitizerOptions.h"

namespace {

// LeakSanitizer suppressions, generated from tests/sanitizer/lsan.supp (third-party frames only).
constexpr const char* LeakSuppressions =
#include "lsan_suppressions.inc"
    ;

} // namespace

extern "C" {

// exitcode: a report ends the process with 86, which no Tessera program uses (tessera-cli's exit
// codes are 0..6), so a test that expects "failed with exit 1" cannot mistake a report for it.
// Leaks end the process with the same code (LSan runs inside ASan and shares its common flags).
const char* __asan_default_options() {
    return "exitcode=86:check_initialization_order=1:strict_init_order=1:"
           "detect_invalid_pointer_pairs=0:print_suppressions=0";
}

const char* __ubsan_default_options() {
    return "exitcode=86:print_stacktrace=1:halt_on_error=1";
}

const char* __lsan_default_options() {
    return "exitcode=86:print_suppressions=0";
}

const char* __lsan_default_suppressions() {
    return LeakSuppressions;
}

} // extern "C"
