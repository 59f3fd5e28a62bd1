/*
 * budget.c: one memory budget shared by the images a process works on at
 * once (-j).  An image takes what its decoding and sampling will need in
 * one piece before it decodes, waiting while other images hold the
 * budget, and gives it back when done; what it takes is a bound computed
 * from the header, not a count of allocations.  Taking in one piece is
 * what keeps workers from deadlocking: no image waits while holding.
 * What an image finds it needs while reading (its regions' colours) is
 * added without waiting: the total may be passed until that image is
 * done, and images that have not started wait for it.
 */
#include "config.h"

#include <pthread.h>

#include "smp.h"

struct smp_budget {
	pthread_mutex_t	mu;
	pthread_cond_t	freed;
	uint64_t	total, used;
};

static struct smp_budget	process_budget = {
	PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0
};

struct smp_budget *
smp_budget_process(uint64_t total)
{
	pthread_mutex_lock(&process_budget.mu);
	process_budget.total = total;
	pthread_mutex_unlock(&process_budget.mu);
	return &process_budget;
}

int
smp_budget_take(struct smp_budget *b, uint64_t n)
{
	pthread_mutex_lock(&b->mu);
	if (n > b->total) {
		pthread_mutex_unlock(&b->mu);
		return -1;
	}
	while (b->used + n > b->total)
		pthread_cond_wait(&b->freed, &b->mu);
	b->used += n;
	pthread_mutex_unlock(&b->mu);
	return 0;
}

void
smp_budget_give(struct smp_budget *b, uint64_t n)
{
	if (n == 0)
		return;
	pthread_mutex_lock(&b->mu);
	b->used = n > b->used ? 0 : b->used - n;
	pthread_cond_broadcast(&b->freed);
	pthread_mutex_unlock(&b->mu);
}

void
smp_budget_add(struct smp_budget *b, uint64_t n)
{
	pthread_mutex_lock(&b->mu);
	b->used += n;
	pthread_mutex_unlock(&b->mu);
}
