/*
 * atomic.c: write a file so that readers see the old one or the whole new
 * one: a temporary file in the same directory, fsync, rename.  On any
 * failure the temporary is removed and the old file stays; a tool that is
 * killed by a signal removes it in smp_atomic_abort (see smp_cli_init).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "smp.h"

/* The temporary being written, for smp_atomic_abort; one at a time. */
static char		 inflight[4096];
static volatile int	 inflight_set;

void
smp_atomic_abort(void)
{
	if (inflight_set)
		unlink(inflight);	/* async-signal-safe */
}

static void
inflight_track(const char *tmp)
{
	inflight_set = 0;
	if (tmp != NULL && strlen(tmp) < sizeof inflight) {
		memcpy(inflight, tmp, strlen(tmp) + 1);
		inflight_set = 1;
	}
}

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
	inflight_track(tmp);
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
	inflight_track(NULL);
	free(tmp);
	return 0;
fail:
	saved = errno;
	if (fd != -1)
		close(fd);
	unlink(tmp);
	inflight_track(NULL);
	free(tmp);
	return smp_errf(e, SMP_E_IO, "%s: %s", path, strerror(saved));
}
