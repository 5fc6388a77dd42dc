/* plot.c - gnuplot plots. */
#define _POSIX_C_SOURCE 200809L
#include "plot.h"
#include "datadir.h"
#include "outfile.h"
#include "describe.h"
#include "pareto.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

#define S_MAX_POINTS 50000 /* candidates drawn in the scatter plot */
#define S_MAX_LINES 10      /* profiles drawn in cost vs length */

static const char *const S_scripts[] = {"cost_vs_utilisation.gp", "best_diagrams.gp", "cost_vs_length.gp", "pareto.gp"};

struct sp_plot {
	const sp_study_t *st;
	char dir[4096];
	sp_outfile_t cand;
	size_t stride;             /* every stride-th candidate is drawn */
	double *min_cost;          /* [profile][length], cheapest feasible, INFINITY if none */
	const sp_beam_result_t *stages; /* best design's stages (beam engine), or NULL */
	const sp_wall_t *wall;
	const sp_explain_point_t *space; /* search-space plot, borrowed; NULL: not drawn */
	size_t n_space, space_best;
	int space_has_best;
	const sp_result_t *front;  /* Pareto front, borrowed */
	size_t n_front;
	int disp;                  /* third Pareto criterion is the displacement (else util_max) */
	int timeline;              /* draw OUTDIR/timeline.csv too */
	int dfd;                   /* OUTDIR/plots, or -1 */
	char svg[10][32];          /* the SVG plots drawn, by name */
	const char *svgs[10];
	size_t n_svgs;
};

void sp_plot_set_timeline(sp_plot_t *p)
{
	p->timeline = 1;
}

static const char *const S_timeline_scripts[] = {"gantt.gp", "case_times.gp"};

void sp_plot_set_pareto(sp_plot_t *p, const sp_result_t *front, size_t n)
{
	p->front = front;
	p->n_front = n;
}

/* pareto.dat: cost_per_m co2_kg_per_m third-criterion, the front by cost */
static void S_pareto_dat(FILE *fp, const void *plot)
{
	const sp_plot_t *p = plot;
	fprintf(fp, "# cost_per_m co2_kg_per_m %s (Pareto front)\n", p->disp ? "max_displacement_mm" : "util_max");
	for (size_t i = 0; i < p->n_front; i++) {
		double c[3];
		sp_pareto_criteria(&p->front[i], c);
		fprintf(fp, "%.2f %.1f %.4f\n", c[0], c[1], c[2]);
	}
	if (p->n_front == 0)
		fputs("? ? ?\n", fp); /* "?": missing (the .gp set it so) */
}

void sp_plot_set_search_space(sp_plot_t *p, const sp_explain_point_t *pts, size_t n, size_t best_id, int has_best)
{
	p->space = pts;
	p->n_space = n;
	p->space_best = best_id;
	p->space_has_best = has_best;
}

/* search_space.dat: one block per class present (feasible, then each check
 * that excludes designs), its title on its first line */
static void S_space_dat(FILE *fp, const void *plot)
{
	const sp_plot_t *p = plot;
	int blocks = 0;
	for (int why = -1; why < SP_WHY_N; why++) {
		int any = 0;
		for (size_t i = 0; i < p->n_space; i++) {
			const sp_explain_point_t *q = &p->space[i];
			if (q->why != why)
				continue;
			if (!any)
				fprintf(fp, "%s\"%s\" \"mass_kg_per_m2\"\n", blocks++ ? "\n\n" : "",
				        why < 0 ? "feasible" : sp_why_name(why));
			any = 1;
			fprintf(fp, "%.3f %.2f\n", q->length_m, q->mass_kg_per_m2);
		}
	}
}

/* search_chosen.dat: the chosen design */
static void S_chosen_dat(FILE *fp, const void *plot)
{
	const sp_plot_t *p = plot;
	fputs("# length_m mass_kg_per_m2 of the chosen design\n", fp);
	int found = 0;
	for (size_t i = 0; i < p->n_space && p->space_has_best; i++)
		if (p->space[i].id == p->space_best) {
			fprintf(fp, "%.3f %.2f\n", p->space[i].length_m, p->space[i].mass_kg_per_m2);
			found = 1;
		}
	if (!found)
		fputs("? ?\n", fp);
}

void sp_plot_set_stages(sp_plot_t *p, const sp_beam_result_t *r, const sp_wall_t *w)
{
	p->stages = r;
	p->wall = w;
}

/* best_stages.dat: one gnuplot data block per stage */
static void S_stages_dat(FILE *fp, const void *plot)
{
	const sp_plot_t *p = plot;
	for (int s = 0; s < p->stages->n_stages; s++) {
		const sp_beam_stage_result_t *r = &p->stages->stage[s];
		fprintf(fp, "# stage %d: level_m displacement_mm moment_kNm_per_m shear_kN_per_m "
		              "left_total_kPa right_total_kPa\n", s + 1);
		for (size_t i = 0; i < r->n_nodes; i++) {
			const sp_beam_node_t *d = &r->nodes[i];
			fprintf(fp, "%.3f %.3f %.3f %.3f %.3f %.3f\n", d->level_m, d->displacement_mm, d->moment_kNm_per_m,
			        d->shear_kN_per_m, d->effective_kPa[SP_LEFT] + d->water_kPa[SP_LEFT],
			        d->effective_kPa[SP_RIGHT] + d->water_kPa[SP_RIGHT]);
		}
		fputs(r->n_nodes ? "\n\n" : "? ? ? ? ? ?\n\n\n", fp); /* "?": missing (the .gp set it so) */
	}
}

int sp_plot_template_path(char *path, size_t size, const char *script)
{
	const char *d = getenv("SHEETPILE_PLOTS_DIR");
	char dir[SP_PATH_MAX];
	if (d == NULL || *d == '\0') { /* the data directory's plots/ (datadir.h), never the source tree */
		sp_datadir_find(dir, sizeof dir);
		size_t n = strlen(dir);
		if (n + sizeof "/plots" > sizeof dir)
			return -1;
		memcpy(dir + n, "/plots", sizeof "/plots");
		d = dir;
	}
	int n = snprintf(path, size, "%s/%s", d, script);
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

sp_plot_t *sp_plot_alloc(const sp_study_t *st, const char *outdir, sp_err_t *err)
{
	sp_plot_t *p = calloc(1, sizeof *p);
	if (p == NULL) {
		sp_err_set(err, SP_ESOFTWARE, "out of memory");
		return NULL;
	}
	p->st = st;
	snprintf(p->dir, sizeof p->dir, "%s/plots", outdir ? outdir : ".");
	/* made in the output directory, never through a link (outfile.h) */
	if ((p->dfd = outdir ? sp_outdir_open(p->dir, 1, err) : -1) < 0 && outdir) {
		free(p);
		return NULL;
	}
	size_t n = sp_study_n_candidates(st);
	p->stride = n > S_MAX_POINTS ? (n + S_MAX_POINTS - 1) / S_MAX_POINTS : 1;
	size_t cells = st->n_profiles * st->n_lengths;
	p->min_cost = malloc((cells ? cells : 1) * sizeof *p->min_cost);
	if (p->min_cost == NULL) {
		sp_err_set(err, SP_ESOFTWARE, "out of memory");
		sp_plot_free(p);
		return NULL;
	}
	for (size_t i = 0; i < cells; i++)
		p->min_cost[i] = INFINITY;
	if (outdir == NULL)
		return p;
	if (sp_outfile_open(&p->cand, p->dir, "candidates.dat", err) != SP_OK) {
		sp_plot_free(p);
		return NULL;
	}
	fprintf(p->cand.fp, "# cost_per_m util_max feasible(1/0) co2_kg_per_m pareto_third (max_displacement_mm, else util_max)%s\n",
	        p->stride > 1 ? " - every n-th candidate only" : "");
	return p;
}

void sp_plot_free(sp_plot_t *p)
{
	if (p == NULL)
		return;
	sp_outfile_abort(&p->cand);
	if (p->dfd >= 0)
		close(p->dfd);
	free(p->min_cost);
	free(p);
}

const char *const *sp_plot_svgs(const sp_plot_t *p, size_t *n)
{
	*n = p->n_svgs;
	return p->svgs;
}

size_t sp_plot_format_sampled(const sp_plot_t *p, const sp_result_t *rows, size_t n, char *out)
{
	char *o = out;
	for (size_t i = 0; i < n; i++) {
		const sp_result_t *r = &rows[i];
		if (r->status >= SP_CAND_FAILED || r->cand.id % p->stride != 0) /* failed, or skipped (best-first) */
			continue;
		double c[3];
		sp_pareto_criteria(r, c);
		int len = snprintf(o, SP_PLOT_LINE_MAX, "%.2f %.4f %d %.1f %.4f\n", r->cost.cost_per_m,
		                   r->checks.util_max, r->status == SP_CAND_OK, c[1], c[2]);
		if (len > 0)
			o += len < SP_PLOT_LINE_MAX ? len : SP_PLOT_LINE_MAX - 1;
	}
	return (size_t)(o - out);
}

void sp_plot_write_sampled(sp_plot_t *p, const char *lines, size_t bytes)
{
	sp_outfile_write(&p->cand, lines, bytes); /* a failure: sp_outfile_commit() in sp_plot_finish() */
}

void sp_plot_gather(sp_plot_t *p, const sp_result_t *rows, size_t n)
{
	const sp_study_t *st = p->st;
	for (size_t i = 0; i < n; i++) {
		const sp_result_t *r = &rows[i];
		if (r->status == SP_CAND_OK) {
			double *c = &p->min_cost[r->cand.profile * st->n_lengths + r->cand.length];
			if (r->cost.cost_per_m < *c)
				*c = r->cost.cost_per_m;
		}
		if (r->status >= SP_CAND_FAILED) /* failed, or skipped (best-first): no checks */
			continue;
		double c[3];
		p->disp |= sp_pareto_criteria(r, c);
	}
}

/* the state: the displacement flag, then min_cost, as doubles */
size_t sp_plot_state_bytes(const sp_plot_t *p)
{
	return (1 + p->st->n_profiles * p->st->n_lengths) * sizeof(double);
}

void sp_plot_state_pack(const sp_plot_t *p, char *out)
{
	double disp = p->disp;
	memcpy(out, &disp, sizeof disp);
	memcpy(out + sizeof disp, p->min_cost, sp_plot_state_bytes(p) - sizeof disp);
}

int sp_plot_state_merge(sp_plot_t *p, const char *in, size_t bytes)
{
	if (bytes != sp_plot_state_bytes(p))
		return SP_ESOFTWARE;
	double disp, cost;
	memcpy(&disp, in, sizeof disp);
	p->disp |= disp != 0;
	for (size_t i = 0; i < p->st->n_profiles * p->st->n_lengths; i++) {
		memcpy(&cost, in + (1 + i) * sizeof cost, sizeof cost);
		if (cost < p->min_cost[i])
			p->min_cost[i] = cost;
	}
	return SP_OK;
}

/* the cheapest profiles first, for the legend of cost vs length */
typedef struct {
	double cost;
	size_t profile;
} S_pc;

static int S_cmp_pc(const void *a, const void *b)
{
	const S_pc *x = a, *y = b;
	if (x->cost != y->cost)
		return x->cost < y->cost ? -1 : 1;
	return (x->profile > y->profile) - (x->profile < y->profile);
}

static int S_write_length(sp_plot_t *p, size_t *nprof, sp_err_t *err)
{
	const sp_study_t *st = p->st;
	S_pc *pc = malloc((st->n_profiles ? st->n_profiles : 1) * sizeof *pc);
	if (pc == NULL)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory");
	size_t m = 0;
	for (size_t i = 0; i < st->n_profiles; i++) {
		double best = INFINITY;
		for (size_t j = 0; j < st->n_lengths; j++)
			best = fmin(best, p->min_cost[i * st->n_lengths + j]);
		if (isfinite(best))
			pc[m++] = (S_pc){best, i};
	}
	qsort(pc, m, sizeof *pc, S_cmp_pc);
	if (m > S_MAX_LINES)
		m = S_MAX_LINES;
	sp_outfile_t f;
	int rc = sp_outfile_open(&f, p->dir, "length.dat", err);
	if (rc == SP_OK) {
		for (size_t k = 0; k < m; k++) {
			size_t i = pc[k].profile;
			fprintf(f.fp, "%s\"%s\" \"cost_per_m\"\n", k ? "\n\n" : "", st->profiles[i]);
			for (size_t j = 0; j < st->n_lengths; j++)
				if (isfinite(p->min_cost[i * st->n_lengths + j]))
					fprintf(f.fp, "%.3f %.2f\n", st->lengths_m[j], p->min_cost[i * st->n_lengths + j]);
		}
		if (m == 0)
			fputs("\"none\" \"cost_per_m\"\n", f.fp);
		rc = sp_outfile_commit(&f, err);
	}
	free(pc);
	*nprof = m ? m : 1;
	return rc;
}

/* best.dat: the best design's point on the plots of cost (NULL: none feasible) */
static void S_best_dat(FILE *fp, const void *result)
{
	const sp_result_t *best = result;
	fputs("# cost_per_m util_max co2_kg_per_m pareto_third\n", fp);
	if (best) {
		double c[3];
		sp_pareto_criteria(best, c);
		fprintf(fp, "%.2f %.4f %.1f %.4f\n", best->cost.cost_per_m, best->checks.util_max, c[1], c[2]);
	} else {
		fputs("? ? ? ?\n", fp); /* no feasible design; "?" is gnuplot's missing value here */
	}
}

/* best_diagram.dat: the diagrams of the best design's analysis (NULL: none) */
static void S_diagram_dat(FILE *fp, const void *analysis)
{
	const sp_analysis_t *a = analysis;
	fputs("# level_m net_pressure_kPa shear_kN_per_m moment_kNm_per_m\n", fp);
	if (a && a->n_diagram)
		for (size_t i = 0; i < a->n_diagram; i++)
			fprintf(fp, "%.3f %.3f %.3f %.3f\n", a->diagram[i].level_m, a->diagram[i].net_pressure_kPa,
			        a->diagram[i].shear_kN_per_m, a->diagram[i].moment_kNm_per_m);
	else
		fputs("? ? ? ?\n", fp);
}

/* copy a template next to the data so the user can re-run it */
static int S_copy(const char *src, const char *dir, const char *name, sp_err_t *err)
{
	FILE *in = fopen(src, "rb");
	if (in == NULL)
		return sp_err_set(err, SP_ENOINPUT, "%s: cannot open the plot template: %s", src, strerror(errno));
	sp_outfile_t f;
	int rc = sp_outfile_open(&f, dir, name, err);
	if (rc == SP_OK) {
		char buf[8192];
		size_t n;
		while ((n = fread(buf, 1, sizeof buf, in)) > 0)
			fwrite(buf, 1, n, f.fp);
		rc = ferror(in) ? (sp_outfile_abort(&f), sp_err_set(err, SP_EIO, "%s: read error", src))
		                : sp_outfile_commit(&f, err);
	}
	fclose(in);
	return rc;
}

/* Run gnuplot on a script, its messages to log (a descriptor); 0 ok, -1
 * gnuplot missing, >0 its exit status. */
static int S_gnuplot(const char *dir, const char *script, const char *vars, int log)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/%s", dir, script);
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, log, 2);
	char *argv[] = {"gnuplot", "-e", (char *)vars, path, NULL};
	pid_t pid;
	int rc = posix_spawnp(&pid, "gnuplot", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0)
		return -1;
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return 1;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

/* The plots a script draws (NAME.gp: NAME.png and NAME.svg) from the
 * scratch directory tmp into p->dfd when gnuplot succeeded (keep), else
 * removed: a failed plot leaves no half-drawn file. Only these names are
 * moved, and only regular files. */
static void S_take_plots(sp_plot_t *p, int tmp, const char *script, int keep)
{
	static const char *const ext[] = {".png", ".svg"};
	for (size_t k = 0; k < 2; k++) {
		char name[32];
		snprintf(name, sizeof name, "%.*s%s", (int)(strlen(script) - 3), script, ext[k]);
		struct stat sb;
		int drawn = keep && fstatat(tmp, name, &sb, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(sb.st_mode)
		            && renameat(tmp, name, p->dfd, name) == 0;
		if (!drawn)
			unlinkat(tmp, name, 0);
		else if (k == 1 && sb.st_size > 0 && p->n_svgs < sizeof p->svg / sizeof *p->svg) {
			memcpy(p->svg[p->n_svgs], name, sizeof name);
			p->svgs[p->n_svgs] = p->svg[p->n_svgs];
			p->n_svgs++;
		}
	}
}

/* keep quotes out of the gnuplot -e string */
static void S_clean(char *dst, size_t size, const char *src)
{
	size_t j = 0;
	for (size_t i = 0; src[i] && j + 1 < size; i++)
		dst[j++] = (src[i] == '\'' || src[i] == '"' || src[i] == '\\' || src[i] == ';') ? ' ' : src[i];
	dst[j] = '\0';
}

/* The template `script` copied into the plots folder (SHEETPILE_PLOTS_DIR or
 * the data directory's, sp_plot_template_path). */
static int S_copy_template(const sp_plot_t *p, const char *script, sp_err_t *err)
{
	char src[SP_PATH_MAX + 64];
	if (sp_plot_template_path(src, sizeof src, script))
		return sp_err_set(err, SP_ESOFTWARE, "the path of the plot template %s is too long", script);
	return S_copy(src, p->dir, script, err);
}

int sp_plot_finish(sp_plot_t *p, const sp_result_t *best, const sp_analysis_t *a, char *warning, size_t wsize,
                   sp_err_t *err)
{
	warning[0] = '\0';
	int rc = sp_outfile_commit(&p->cand, err);
	size_t nprof = 1;
	if (rc == SP_OK)
		rc = sp_outfile_save(p->dir, "best.dat", S_best_dat, best, err);
	if (rc == SP_OK)
		rc = sp_outfile_save(p->dir, "best_diagram.dat", S_diagram_dat, a, err);
	if (rc == SP_OK)
		rc = S_write_length(p, &nprof, err);
	if (rc == SP_OK && p->stages)
		rc = sp_outfile_save(p->dir, "best_stages.dat", S_stages_dat, p, err);
	if (rc == SP_OK)
		rc = sp_outfile_save(p->dir, "pareto.dat", S_pareto_dat, p, err);
	if (rc == SP_OK && p->space)
		rc = sp_outfile_save(p->dir, "search_space.dat", S_space_dat, p, err);
	if (rc == SP_OK && p->space)
		rc = sp_outfile_save(p->dir, "search_chosen.dat", S_chosen_dat, p, err);
	if (rc == SP_OK && p->space)
		rc = S_copy_template(p, "search_space.gp", err);
	if (rc == SP_OK && p->stages)
		rc = S_copy_template(p, "best_stages.gp", err);
	for (size_t i = 0; rc == SP_OK && i < sizeof S_scripts / sizeof *S_scripts; i++)
		rc = S_copy_template(p, S_scripts[i], err);
	for (size_t i = 0; rc == SP_OK && p->timeline && i < 2; i++)
		rc = S_copy_template(p, S_timeline_scripts[i], err);
	if (rc != SP_OK)
		return rc;

	char name[SP_NAME_MAX * 2], cur[32], sub[SP_NAME_MAX * 4], vars[20480];
	S_clean(name, sizeof name, p->st->name);
	S_clean(cur, sizeof cur, p->st->currency);
	if (best) {
		const sp_study_t *st = p->st;
		char tmp[SP_NAME_MAX * 4];
		sp_describe_design(tmp, sizeof tmp, st, &best->cand);
		S_clean(sub, sizeof sub, tmp);
	} else if (sp_study_fixed_wall_only(p->st)) {
		snprintf(sub, sizeof sub, "the wall of the study, no search space");
	} else {
		snprintf(sub, sizeof sub, "no feasible design");
	}
	if (strpbrk(p->dir, "'\\") != NULL) {
		snprintf(warning, wsize, "the output path contains a quote or backslash: plots skipped (data and "
		         "scripts are in %s)", p->dir);
		return SP_OK;
	}
	/* gnuplot draws into a new scratch directory of a random name (mkdtemp);
	 * what it was asked to draw is renamed into p->dir */
	char tmp[4200];
	snprintf(tmp, sizeof tmp, "%s/.gnuplot-XXXXXX", p->dir);
	int log = sp_outdir_openat(p->dfd, p->dir, "gnuplot.log", SP_OUTDIR_APPEND, err);
	if (log < 0)
		return err->code;
	int tfd = mkdtemp(tmp) ? open(tmp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1;
	if (tfd < 0) {
		rc = sp_err_set(err, SP_ECANTCREAT, "%s: cannot create: %s", tmp, strerror(errno));
		close(log);
		return rc;
	}
	snprintf(vars, sizeof vars, "datadir='%s'; outdir='%s'; timeline='%s/../timeline.csv'; currency='%s'; "
	         "subtitle='%s: %s'; nprofiles=%zu; nstages=%d; third='%s'", p->dir, tmp, p->dir, cur, name, sub, nprof,
	         p->stages ? p->stages->n_stages : 0,
	         p->disp ? "maximum displacement (mm)" : "maximum utilisation util\\_max (-)");
	size_t n_fixed = sizeof S_scripts / sizeof *S_scripts;
	const char *extra[4];
	size_t n_extra = 0;
	if (p->space && p->n_space)
		extra[n_extra++] = "search_space.gp";
	if (p->stages)
		extra[n_extra++] = "best_stages.gp";
	if (p->timeline) {
		extra[n_extra++] = S_timeline_scripts[0];
		extra[n_extra++] = S_timeline_scripts[1];
	}
	for (size_t i = 0; i < n_fixed + n_extra; i++) {
		const char *script = i < n_fixed ? S_scripts[i] : extra[i - n_fixed];
		if (best == NULL && (strcmp(script, "best_diagrams.gp") == 0 || strcmp(script, "cost_vs_length.gp") == 0 ||
		                     strcmp(script, "pareto.gp") == 0))
			continue; /* no feasible design: nothing to draw (gnuplot would fail on empty data) */
		if (sp_study_n_candidates(p->st) == 0 && strcmp(script, "cost_vs_utilisation.gp") == 0)
			continue; /* no candidate at all (a fixed wall): no scatter */
		int g = S_gnuplot(p->dir, script, vars, log);
		S_take_plots(p, tfd, script, g == 0);
		if (g < 0) {
			snprintf(warning, wsize, "gnuplot not found: plots skipped (data and scripts are in %s)", p->dir);
			break;
		}
		if (g > 0)
			snprintf(warning, wsize, "gnuplot failed on %s/%s (see %s/gnuplot.log)", p->dir, script, p->dir);
	}
	close(tfd);
	sp_outdir_remove(p->dir, strrchr(tmp, '/') + 1); /* with anything else gnuplot left in it */
	/* keep gnuplot's log only when it said something */
	struct stat sb;
	if (fstat(log, &sb) == 0 && sb.st_size == 0)
		unlinkat(p->dfd, "gnuplot.log", 0);
	close(log);
	return SP_OK;
}
