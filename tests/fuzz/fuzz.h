/*
 * fuzz.h: the harnesses under tests/fuzz.  Each defines the libFuzzer entry
 * point; built with --enable-fuzzing (clang) it links libFuzzer, otherwise
 * replay.c drives it over a corpus in make check.
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <stddef.h>
#include <stdint.h>

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A path whose file holds exactly data (one memfd, reused); the library
 * reads files by name. */
const char *fuzz_path(const uint8_t *data, size_t size);
/* data as a NUL-terminated string (reused buffer). */
const char *fuzz_string(const uint8_t *data, size_t size);

#endif
