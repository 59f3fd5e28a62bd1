/*
 * atomic.c: write a file so that readers see the old one or the whole new
 * one: a temporary file in the same directory, fsync, rename.  On any
 * failure the temporary is removed and the old file stays.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "smp.h"

int
smp_write_atomic(const char *path, const void *data, size_t len,
    struct smp_err *e)
{
	char		*tmp;
	const char	*p = data;
	size_t		 n = strlen(path);
	ssize_t		 w;
	int		 fd, saved;

	if ((tmp = malloc(n + 16)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	snprintf(tmp, n + 16, "%s.tmp.XXXXXX", path);
	if ((fd = mkstemp(tmp)) == -1) {
		smp_errf(e, SMP_E_IO, "%s: cannot create a temporary file: %s",
		    path, strerror(errno));
		free(tmp);
		return -1;
	}
	while (len > 0) {
		if ((w = write(fd, p, len)) < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		p += w;
		len -= (size_t)w;
	}
	if (fsync(fd) == -1)
		goto fail;
	if (close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) == -1)
		goto fail;
	free(tmp);
	return 0;
fail:
	saved = errno;
	if (fd != -1)
		close(fd);
	unlink(tmp);
	free(tmp);
	return smp_errf(e, SMP_E_IO, "%s: %s", path, strerror(saved));
}
