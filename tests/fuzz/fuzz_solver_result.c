/* fuzz_solver_result.c - libFuzzer harness of the solver result reader
 * (output_format = sheetpile, src/exec/solver_io.c): the file an external
 * solver writes and sheetpile believes.
 *
 * The first byte chooses whether the diagrams are asked for (odd) or not;
 * the rest is the result file. A result read has every number within the
 * ranges of checks.h and finite diagram points; it journals to a line the
 * journal reader takes back (what one reader accepts, the other must); and
 * the code checks of a design with it are never feasible unless every
 * utilisation is a number <= 1 (a NaN once was). Errors carry a sysexits
 * code and a message. */
#include "fuzz_common.h"

#include "checks.h"
#include "journal.h"
#include "solver_io.h"
#include "study_read.h"

#include <math.h>

static sp_study_t *S_sr_st; /* for the checks: capacity, deflection and mobilised limits */

static void S_sr_cleanup(void)
{
	sp_study_free(S_sr_st);
}

/* the checks of a Z-pile of 2385 cm3/m in S355, 6 m below the excavation, anchored */
static void S_sr_checks(const sp_analysis_t *a)
{
	sp_profile_t p;
	sp_grade_t g;
	sp_anchor_option_t an;
	memset(&p, 0, sizeof p);
	memset(&g, 0, sizeof g);
	memset(&an, 0, sizeof an);
	p.shape = SP_SHAPE_Z;
	p.w_el_cm3_per_m = 2385;
	/* the geometry of AZ 26-700 (designs/profiles.csv), for the shear check and the class */
	p.width_mm = 700, p.height_mm = 460, p.area_cm2_per_m = 187.2, p.inertia_cm4_per_m = 59720;
	p.t_flange_mm = p.t_web_mm = 12.2;
	g.fy_MPa = 355;
	g.E_MPa = 210000;
	an.anchored = 1;
	an.level_m = S_sr_st->top_of_wall_m - 1.5;
	sp_checks_t k;
	sp_checks_run(S_sr_st, &p, &g, S_sr_st->top_of_wall_m - S_sr_st->excavation_level_m + 6, &an, a, &k);
	const double u[] = {k.util_bending, k.util_shear, k.util_embedment, k.util_anchor, k.util_deflection,
	                    k.util_mobilised, k.util_max};
	for (size_t i = 0; i < sizeof u / sizeof *u; i++)
		if (isnan(u[i]) || (k.feasible && !(u[i] <= 1.0)))
			FUZZ_FAIL(); /* numbers in range make no NaN; feasible only when each is <= 1 */
	if (k.feasible && !a->ok)
		FUZZ_FAIL();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (S_sr_st == NULL) {
		S_sr_st = sp_study_read(SP_DATA_DIR "/anchored-quay-wall-subgrade.ini", NULL);
		if (S_sr_st == NULL) {
			FUZZ_FAIL();
			return 0;
		}
		atexit(S_sr_cleanup);
	}
	if (size < 1)
		return 0;
	double step = data[0] & 1 ? 0.5 : 0.0;
	const char *path = fuzz_scratch(data + 1, size - 1, ".res");
	if (path == NULL)
		return 0;
	sp_solver_job_t job;
	memset(&job, 0, sizeof job);
	job.st = S_sr_st;
	job.output_path = path;
	job.diagram_step_m = step;
	sp_analysis_t a;
	sp_err_t err = {0, ""};
	int rc = sp_solver_output_find("sheetpile")->read(&job, &a, &err);
	fuzz_check_err(rc, err.text);
	if (rc != SP_OK)
		return 0;
	if ((a.ok != 0 && a.ok != 1) || (a.has_displacement != 0 && a.has_displacement != 1)
	    || (!a.ok && a.reason[0] == '\0') || (step == 0 && a.diagram != NULL))
		FUZZ_FAIL();
	for (int k = 0; k < SP_CHECKS_N_NUMBERS; k++)
		if (sp_checks_number_range(k, *sp_checks_number(&a, k)) != NULL)
			FUZZ_FAIL();
	for (size_t i = 0; i < a.n_diagram; i++) {
		const sp_diagram_point_t *d = &a.diagram[i];
		if (!(fabs(d->level_m) <= 1e9 && fabs(d->net_pressure_kPa) <= 1e9 && fabs(d->shear_kN_per_m) <= 1e9
		      && fabs(d->moment_kNm_per_m) <= 1e9))
			FUZZ_FAIL();
	}
	S_sr_checks(&a);
	/* journaled and read back by --resume: the same numbers */
	sp_pool_job_t j;
	memset(&j, 0, sizeof j);
	j.attempts = 1, j.start_s = 0.25, j.end_s = 1.5;
	char line[4096], why[160];
	sp_journal_line(line, sizeof line, 0x2385, 3, &a, &j, 0);
	size_t id;
	sp_journal_entry_t e;
	if (sp_journal_parse(line, 4, 0x2385, &id, &e, why, sizeof why) != SP_JOURNAL_WHOLE)
		FUZZ_FAIL();
	for (int k = 0; k < SP_CHECKS_N_NUMBERS; k++)
		if (memcmp(&e.v[k], sp_checks_number(&a, k), sizeof(double)) != 0)
			FUZZ_FAIL();
	if (!a.ok && strcmp(e.reason, a.reason) != 0)
		FUZZ_FAIL();
	sp_analysis_free(&a);
	return 0;
}
