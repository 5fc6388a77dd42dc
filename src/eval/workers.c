/* workers.c - how many worker threads, and a loop on them. */
#include "workers.h"
#include "dist.h"

#include <omp.h>

int sp_workers_count(int threads, int licenses, int *clamped)
{
	int cores = omp_get_num_procs();
	int n = threads > 0 ? threads : cores;
	*clamped = 0;
	int share = licenses > 0 ? sp_dist_split(licenses) : 0;
	if (licenses > 0 && n > share) {
		n = share;
		*clamped = 1;
	}
	if (n < 1 && sp_dist_size() > 1 && licenses > 0)
		return 0;
	return n < 1 ? 1 : n;
}

void sp_workers_for(int n_threads, size_t n, void (*fn)(void *data, size_t i, int tid), void *data)
{
	if (n_threads <= 1) {
		for (size_t i = 0; i < n; i++)
			fn(data, i, 0);
		return;
	}
#pragma omp parallel for schedule(dynamic, 1) num_threads(n_threads)
	for (size_t i = 0; i < n; i++)
		fn(data, i, omp_get_thread_num());
}
