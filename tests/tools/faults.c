/*
 * faults.c: an LD_PRELOAD shim for the atomic-write tests (built by
 * tests/cli/atomic-writes.sh).  With SMP_FAULT=enospc, writes to a file
 * whose name contains ".tmp." or that has no name yet (O_TMPFILE: the
 * kernel calls it "#inode (deleted)") fail with ENOSPC, as on a full
 * disk; with SMP_FAULT=kill (sigkill), the first fsync() of such a file
 * sends the process SIGTERM (SIGKILL), so it dies with its temporary
 * written but not renamed; with SMP_FAULT=enospc-after, writes fail as
 * with enospc once one temporary has been completed (fsync'ed), so
 * that the first of several outputs is written and a later one is not.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int
is_temporary(int fd)
{
	char	link[64], name[4096];
	ssize_t	n;

	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	if ((n = readlink(link, name, sizeof name - 1)) <= 0)
		return 0;
	name[n] = '\0';
	return strstr(name, ".tmp.") != NULL ||
	    (strstr(name, "/#") != NULL && strstr(name, " (deleted)") != NULL);
}

static int	one_done;	/* enospc-after: a temporary was fsync'ed */

static int
fault(const char *what)
{
	const char	*f = getenv("SMP_FAULT");

	return f != NULL && strcmp(f, what) == 0;
}

ssize_t
write(int fd, const void *buf, size_t len)
{
	static ssize_t	(*real)(int, const void *, size_t);

	if (real == NULL)
		real = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT,
		    "write");
	if ((fault("enospc") || (fault("enospc-after") && one_done)) &&
	    is_temporary(fd)) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd, buf, len);
}

int
fsync(int fd)
{
	static int	(*real)(int);

	if (real == NULL)
		real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
	if (fault("kill") && is_temporary(fd))
		kill(getpid(), SIGTERM);
	if (fault("sigkill") && is_temporary(fd))
		kill(getpid(), SIGKILL);
	if (is_temporary(fd))
		one_done = 1;
	return real(fd);
}
