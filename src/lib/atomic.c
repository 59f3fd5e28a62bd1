/*
 * atomic.c: write a file so that readers see the old one or the whole new
 * one: a temporary file in the same directory, fsync, rename.  On any
 * failure the temporary is removed and the old file stays; a tool that is
 * killed by a signal removes it in smp_atomic_abort (see smp_cli_init).
 * Safe to call from several threads at once.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "smp.h"

/*
 * The temporaries being written, for smp_atomic_abort: one slot per write
 * in flight, so that threads may write at once.  A slot is claimed with a
 * compare-and-swap (FREE -> FILLING), filled, then ARMED; the signal
 * handler only reads ARMED slots, so it needs no lock.  Beyond
 * SMP_ATOMIC_SLOTS writes at once, a temporary is not tracked.
 */
#define SMP_ATOMIC_SLOTS	16
enum { SLOT_FREE, SLOT_FILLING, SLOT_ARMED };
static struct {
	atomic_int	state;
	char		path[4096];
} inflight[SMP_ATOMIC_SLOTS];

void
smp_atomic_abort(void)
{
	int	i;

	for (i = 0; i < SMP_ATOMIC_SLOTS; i++)
		if (atomic_load(&inflight[i].state) == SLOT_ARMED)
			unlink(inflight[i].path);	/* async-signal-safe */
}

/* Returns the slot tracking tmp, or -1 when it cannot be tracked. */
static int
inflight_arm(const char *tmp)
{
	int	i, want;

	if (strlen(tmp) >= sizeof inflight[0].path)
		return -1;
	for (i = 0; i < SMP_ATOMIC_SLOTS; i++) {
		want = SLOT_FREE;
		if (atomic_compare_exchange_strong(&inflight[i].state, &want,
		    SLOT_FILLING)) {
			memcpy(inflight[i].path, tmp, strlen(tmp) + 1);
			atomic_store(&inflight[i].state, SLOT_ARMED);
			return i;
		}
	}
	return -1;
}

static void
inflight_disarm(int slot)
{
	if (slot >= 0)
		atomic_store(&inflight[slot].state, SLOT_FREE);
}

/* The mode a new file gets from open(2): 0666 less the umask, read once
 * (umask(2) can only be read by setting it). */
static mode_t		new_mode;
static pthread_once_t	mode_once = PTHREAD_ONCE_INIT;

static void
mode_init(void)
{
	mode_t	m = umask(022);

	umask(m);
	new_mode = 0666 & ~m;
}

int
smp_atomic_write(const char *path, const void *data, size_t len,
    struct smp_err *e)
{
	char		*tmp;
	const char	*p = data;
	size_t		 n = strlen(path);
	ssize_t		 w;
	int		 fd, saved, slot;

	if ((tmp = malloc(n + 16)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	snprintf(tmp, n + 16, "%s.tmp.XXXXXX", path);
	if ((fd = mkstemp(tmp)) == -1) {
		smp_errf(e, SMP_E_IO, "%s: cannot create a temporary file: %s",
		    path, strerror(errno));
		free(tmp);
		return -1;
	}
	slot = inflight_arm(tmp);
	pthread_once(&mode_once, mode_init);
	if (fchmod(fd, new_mode) == -1)		/* mkstemp made it 0600 */
		goto fail;
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
	inflight_disarm(slot);
	free(tmp);
	return 0;
fail:
	saved = errno;
	if (fd != -1)
		close(fd);
	unlink(tmp);
	inflight_disarm(slot);
	free(tmp);
	return smp_errf(e, SMP_E_IO, "%s: %s", path, strerror(saved));
}

int
smp_atomic_check_outputs(const char *const *out, size_t nout,
    const char *const *in, size_t nin, struct smp_err *e)
{
	struct stat	so, si, sp;
	size_t		i, k;

	for (i = 0; i < nout; i++) {
		if (out[i] == NULL)
			continue;
		for (k = 0; k < i; k++)
			if (out[k] != NULL && (strcmp(out[k], out[i]) == 0 ||
			    (stat(out[k], &sp) == 0 && stat(out[i], &so) == 0 &&
			    sp.st_dev == so.st_dev && sp.st_ino == so.st_ino)))
				return smp_errf(e, SMP_E_USAGE, "%s: given for "
				    "two outputs", out[i]);
		if (lstat(out[i], &so) == -1)
			continue;		/* a new file */
		if (S_ISLNK(so.st_mode))
			continue;		/* the link is replaced */
		if (!S_ISREG(so.st_mode))
			return smp_errf(e, SMP_E_USAGE, "%s: exists and is not "
			    "a regular file; refusing to replace it", out[i]);
		for (k = 0; k < nin; k++)
			if (in[k] != NULL && strcmp(in[k], "-") != 0 &&
			    stat(in[k], &si) == 0 && si.st_dev == so.st_dev &&
			    si.st_ino == so.st_ino)
				return smp_errf(e, SMP_E_USAGE, "%s: is the input "
				    "%s; refusing to overwrite it", out[i], in[k]);
	}
	return 0;
}
