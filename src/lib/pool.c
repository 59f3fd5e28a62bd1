/*
 * pool.c: an ordered parallel map over items 0..n-1.  Worker threads take
 * the next item, run work() on it and park the result in a ring of
 * `window` slots; the calling thread hands the results to emit() in item
 * order.  When emit() asks to stop, no new item is taken and those
 * already taken are still emitted, so that their results are freed.  A
 * worker may not take item i before item i - window has been emitted, so
 * at most `window` items are in flight or waiting, whatever their order
 * of completion; at most `threads` are in work.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "smp.h"

struct slot {
	void	*result;
	int	 done;
};

struct pool {
	pthread_mutex_t	 mu;
	pthread_cond_t	 ready;		/* a slot was filled */
	pthread_cond_t	 room;		/* a slot was emptied */
	size_t		 n, window, next_take, next_emit;
	struct slot	*ring;
	smp_pool_work	 work;
	void		*arg;
	int		 stop;
};

static void *
pool_worker(void *p_)
{
	struct pool	*p = p_;
	size_t		 i;
	void		*r;

	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (!p->stop && p->next_take < p->n &&
		    p->next_take - p->next_emit >= p->window)
			pthread_cond_wait(&p->room, &p->mu);
		if (p->stop || p->next_take >= p->n)
			break;
		i = p->next_take++;
		pthread_mutex_unlock(&p->mu);
		r = p->work(i, p->arg);
		pthread_mutex_lock(&p->mu);
		p->ring[i % p->window].result = r;
		p->ring[i % p->window].done = 1;
		pthread_cond_signal(&p->ready);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

int
smp_pool_cpu_count(void)
{
	long	n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > SMP_MAX_THREADS ? SMP_MAX_THREADS : (int)n;
}

int
smp_pool_run(size_t n, int threads, smp_pool_work work, smp_pool_emit emit,
    void *arg, struct smp_err *e)
{
	struct pool	 p;
	pthread_t	 tid[SMP_MAX_THREADS];
	int		 k, started = 0, stop;
	size_t		 i;
	void		*r;

	if (threads > SMP_MAX_THREADS)
		threads = SMP_MAX_THREADS;
	if ((size_t)threads > n)
		threads = (int)n;
	if (threads <= 1) {
		for (i = 0; i < n; i++)
			if (emit(i, work(i, arg), arg) != 0)
				break;
		return 0;
	}
	p.n = n;
	/* Finished results are small (statistics, rankings); a wide window
	 * keeps workers busy behind one slow item (a 16-bit PNG among
	 * JPEGs).  Decoding memory is bounded by the threads, not this. */
	p.window = 64 * (size_t)threads;
	p.next_take = p.next_emit = 0;
	p.work = work;
	p.arg = arg;
	p.stop = 0;
	if ((p.ring = calloc(p.window, sizeof *p.ring)) == NULL)
		return smp_errf(e, SMP_E_NOMEM, "out of memory");
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.ready, NULL);
	pthread_cond_init(&p.room, NULL);
	for (k = 0; k < threads; k++)
		if (pthread_create(&tid[started], NULL, pool_worker, &p) == 0)
			started++;
	if (started == 0) {
		/* No thread at all: do the work here. */
		for (i = 0; i < n; i++)
			if (emit(i, work(i, arg), arg) != 0)
				break;
	} else {
		pthread_mutex_lock(&p.mu);
		/* After a stop, only the items already taken are emitted. */
		for (i = 0; i < n && (!p.stop || i < p.next_take); i++) {
			while (!p.ring[i % p.window].done)
				pthread_cond_wait(&p.ready, &p.mu);
			r = p.ring[i % p.window].result;
			p.ring[i % p.window].done = 0;
			pthread_mutex_unlock(&p.mu);
			stop = emit(i, r, arg) != 0;
			pthread_mutex_lock(&p.mu);
			if (stop)
				p.stop = 1;
			p.next_emit = i + 1;
			pthread_cond_broadcast(&p.room);
		}
		p.stop = 1;
		pthread_cond_broadcast(&p.room);
		pthread_mutex_unlock(&p.mu);
		for (k = 0; k < started; k++)
			pthread_join(tid[k], NULL);
	}
	pthread_cond_destroy(&p.room);
	pthread_cond_destroy(&p.ready);
	pthread_mutex_destroy(&p.mu);
	free(p.ring);
	return 0;
}
