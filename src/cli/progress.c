/* progress.c - progress of the analyses and the candidates on stderr. */
#include "progress.h"
#include "cli.h"

#include <math.h>
#include <stdio.h>
#include <unistd.h>

void sp_progress_start(sp_progress_t *p, double t0)
{
	p->mode = sp_cli_quiet ? 0 : isatty(2) ? 1 : 2;
	p->t0 = p->last_s = t0;
	p->last_tenth = 0;
	p->drawn = 0;
}

/* The end of a phase: the bar's line is finished. */
void sp_progress_end(sp_progress_t *p)
{
	if (p->drawn)
		fputc('\n', stderr);
	p->drawn = 0;
}

static void S_eta(char *buf, size_t size, double s)
{
	long t = (long)(s + 0.5);
	if (t >= 3600)
		snprintf(buf, size, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
	else
		snprintf(buf, size, "%ld:%02ld", t / 60, t % 60);
}

/* One progress report of `what` (analyses or candidates); eta_s < 0: from
 * the rate since progress_start. A terminal bar is redrawn at most every
 * 0.1 s (and at the end). */
void sp_progress_show(sp_progress_t *p, const char *what, size_t done, size_t total, double eta_s)
{
	if (p->mode == 0 || total == 0)
		return;
	double t = sp_cli_now_s(), el = t - p->t0;
	double rate = el > 0 ? (double)done / el : 0.0;
	double frac = (double)done / (double)total;
	char eta[32] = "--:--";
	if (eta_s >= 0)
		S_eta(eta, sizeof eta, eta_s);
	else if (rate > 0)
		S_eta(eta, sizeof eta, (double)(total - done) / rate);
	if (p->mode == 1) {
		if ((t - p->last_s < 0.1 && done != total) || (p->drawn && done == p->shown_done && total == p->shown_total))
			return;
		p->shown_done = done;
		p->shown_total = total;
		p->last_s = t;
		char bar[31];
		int full = (int)(frac * 30);
		for (int i = 0; i < 30; i++)
			bar[i] = i < full ? '#' : '.';
		bar[30] = '\0';
		fprintf(stderr, "\r[%s] %zu/%zu %s %5.1f%%  %.*f/s  ETA %s ", bar, done, total, what, 100 * frac,
		        rate < 10 ? 1 : 0, rate, eta);
		p->drawn = 1;
		fflush(stderr);
		return;
	}
	int tenth = (int)(frac * 10);
	if (tenth > p->last_tenth || t - p->last_s >= 2.0 || done == total) {
		fprintf(stderr, "progress %zu/%zu %s (%.0f%%), %.*f/s, ETA %s\n", done, total, what, 100 * frac,
		        rate < 10 ? 1 : 0, rate, eta);
		p->last_tenth = tenth;
		p->last_s = t;
	}
}

void sp_progress_update(sp_progress_t *p, size_t done, size_t total)
{
	sp_progress_show(p, "candidates", done, total, -1.0);
}

/* Progress of the analysis phase of one or more studies (a batch). With an
 * external solver the ETA is the remaining lower bound max(remaining sum of
 * the solver jobs' expected times / licences, longest remaining job), the
 * expected times being the pool's estimates scaled by the finished jobs. */
void sp_progress_analyses(sp_progress_t *p, const sp_eval_stats_t *s, size_t n)
{
	size_t done = 0, total = 0;
	double sum = 0, max = 0;
	int slots = 1, lb = 1, any = 0;
	for (size_t i = 0; i < n; i++) {
		if (!s[i].analysing && s[i].analyses_known == 0)
			continue;
		any = 1;
		done += s[i].analyses_done;
		total += s[i].analyses_known;
		if (!s[i].analysing)
			continue;
		if (!s[i].exec || !s[i].remaining_known)
			lb = 0;
		sum += s[i].remaining_sum_s;
		max = fmax(max, s[i].remaining_max_s);
		slots = s[i].pool_slots > 0 ? s[i].pool_slots : 1;
	}
	/* best-first (one study): the total is the exhaustive count, and the
	 * bound closing in on the k-th feasible design is shown */
	if (n == 1 && s[0].search == SP_SEARCH_BEST_FIRST && s[0].analysing) {
		char what[96];
		snprintf(what, sizeof what, "analyses, %zu/%d feasible, bound %.6g", s[0].bf_feasible, s[0].bf_feasible_goal,
		         s[0].bf_bound_objective);
		sp_progress_show(p, what, s[0].analyses_done, s[0].analyses_exhaustive, -1.0);
		return;
	}
	if (any)
		sp_progress_show(p, "analyses", done, total, lb ? fmax(sum / slots, max) : -1.0);
}
