/* workers.h - the worker threads of an evaluation: how many there are (the
 * licence bound) and a loop over a few long items on them. */
#ifndef SP_WORKERS_H
#define SP_WORKERS_H

#include <stddef.h>

/* Licence bound: min(threads, licenses), threads 0 meaning every core, and
 * at least 1; licenses <= 0: no bound. *clamped = 1 when the licences
 * reduced the threads. Under MPI the licences are split over the ranks
 * (dist.h): a rank may get none, and then 0 is returned (the rank only
 * hands on what the others evaluate). */
int sp_workers_count(int threads, int licenses, int *clamped);

/* Run fn(data, i, tid) for every i in [0, n) on n_threads threads (a serial
 * loop when n_threads <= 1), handing out one i at a time: for a few long
 * items (whole analyses), so that they spread over the threads. */
void sp_workers_for(int n_threads, size_t n, void (*fn)(void *data, size_t i, int tid), void *data);

#endif
