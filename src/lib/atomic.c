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
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
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

/* The name of the temporary beside path: path.tmp.XXXXXX, or, when
 * that would be longer than the directory allows (a name of 245 bytes
 * or more), .tmp.XXXXXX in path's directory. */
static char *
temp_name(const char *path)
{
	const char	*slash = strrchr(path, '/');
	const char	*base = slash != NULL ? slash + 1 : path;
	size_t		 dir = (size_t)(base - path), n = strlen(path);
	char		*tmp;

	if ((tmp = malloc(n + 16)) == NULL)
		return NULL;
	if (strlen(base) + 11 <= NAME_MAX)
		snprintf(tmp, n + 16, "%s.tmp.XXXXXX", path);
	else
		snprintf(tmp, n + 16, "%.*s.tmp.XXXXXX", (int)dir, path);
	return tmp;
}

/* The mode the new file gets: an existing regular file's own, else what
 * open(2) would give (0666 less the umask). */
static mode_t
target_mode(const char *path)
{
	struct stat	st;

	pthread_once(&mode_once, mode_init);
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		return st.st_mode & 07777;
	return new_mode;
}

/* Signals that would run smp_atomic_abort are held while a temporary
 * gets its name and its slot, so that none is named but untracked. */
static void
hold_signals(sigset_t *old)
{
	sigset_t	all;

	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, old);
}

static void
release_signals(const sigset_t *old)
{
	pthread_sigmask(SIG_SETMASK, old, NULL);
}

#ifdef O_TMPFILE
/* An unnamed file in path's directory (Linux O_TMPFILE), or -1 when the
 * file system has none. */
static int
open_unnamed(const char *path, mode_t mode)
{
	const char	*slash = strrchr(path, '/');
	char		*dir;
	int		 fd;

	if (slash == NULL)
		return open(".", O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
	if ((dir = strndup(path, slash == path ? 1 : (size_t)(slash - path))) == NULL)
		return -1;
	fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
	free(dir);
	return fd;
}

/* Six characters of a fresh name: the clock, the thread and a count
 * mixed; a name that exists already is retried by the caller. */
static void
fill_template(char *x)
{
	static const char	 digits[] =
	    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	static atomic_uint	 count;
	struct timespec		 ts;
	uint64_t		 v;
	int			 i;

	clock_gettime(CLOCK_REALTIME, &ts);
	v = (uint64_t)ts.tv_nsec * 0x9E3779B97F4A7C15ULL ^
	    (uint64_t)getpid() << 20 ^ (uint64_t)atomic_fetch_add(&count, 1) *
	    0xBF58476D1CE4E5B9ULL ^ (uint64_t)(uintptr_t)&ts;
	for (i = 0; i < 6; i++, v /= 62)
		x[i] = digits[v % 62];
}

/* Give the unnamed fd the name tmp (a fresh one from its template). */
static int
name_unnamed(int fd, char *tmp)
{
	char	proc[64];
	size_t	n = strlen(tmp);
	int	tries;

	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	for (tries = 0; tries < 100; tries++) {
		fill_template(tmp + n - 6);
		if (linkat(AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0)
			return 0;
		if (errno != EEXIST)
			return -1;
	}
	return -1;
}
#endif

int
smp_atomic_write(const char *path, const void *data, size_t len,
    struct smp_err *e)
{
	char		*tmp;
	const char	*p = data;
	ssize_t		 w;
	mode_t		 mode = target_mode(path);
	sigset_t	 held;
	int		 fd = -1, saved, slot = -1, named = 0;

	if ((tmp = temp_name(path)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
#ifdef O_TMPFILE
	fd = open_unnamed(path, mode);
#endif
	if (fd == -1) {
		hold_signals(&held);
		if ((fd = mkstemp(tmp)) != -1) {
			named = 1;
			slot = inflight_arm(tmp);
		}
		release_signals(&held);
		if (fd == -1) {
			smp_errf(e, SMP_E_IO, "%s: cannot create a temporary "
			    "file: %s", path, strerror(errno));
			free(tmp);
			return -1;
		}
	}
	if (fchmod(fd, mode) == -1)	/* mkstemp made it 0600; umask */
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
#ifdef O_TMPFILE
	if (!named) {
		/* Complete: only now does it get a name, and only until the
		 * rename below. */
		hold_signals(&held);
		if (name_unnamed(fd, tmp) == 0) {
			named = 1;
			slot = inflight_arm(tmp);
		}
		release_signals(&held);
		if (!named)
			goto fail;
	}
#endif
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
	if (named)
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
