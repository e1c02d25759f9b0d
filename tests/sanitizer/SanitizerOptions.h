#pragma once
// The sanitizer runtimes call these (weak hooks) before main to read their default options.

extern "C" {
const char* __asan_default_options();
const char* __ubsan_default_options();
const char* __lsan_default_options();
const char* __lsan_default_suppressions();
}
