/*
 * fuzz-file.c: hand fuzz inputs to library functions that take a path or a
 * string.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz.h"

const char *
fuzz_path(const uint8_t *data, size_t size)
{
	static int	fd = -1;
	static char	path[64];

	if (fd == -1) {
		if ((fd = memfd_create("fuzz", 0)) == -1) {
			perror("memfd_create");
			abort();
		}
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) == -1 || pwrite(fd, data, size, 0) !=
	    (ssize_t)size) {
		perror("fuzz input");
		abort();
	}
	return path;
}

const char *
fuzz_string(const uint8_t *data, size_t size)
{
	static char	*buf;
	static size_t	 cap;

	if (size + 1 > cap) {
		free(buf);
		cap = size + 1;
		if ((buf = malloc(cap)) == NULL)
			abort();
	}
	memcpy(buf, data, size);
	buf[size] = '\0';
	return buf;
}
