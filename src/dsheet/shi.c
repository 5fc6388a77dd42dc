/* shi.c - D-Sheet Piling input files (.shi) -> sp_wall_t.
 *
 * The file is a sequence of sections [NAME] ... [END OF NAME] (shi_scan.h);
 * this module finds them and hands each to its reader: the soils and soil
 * profiles (shi_soil.c), the sheet piling, anchors, struts and supports
 * (shi_wall.c), the loads (shi_load.c), the surfaces, water levels and
 * construction stages (shi_stage.c); the model and calculation options are
 * read here. Once the whole file is read, the soils get their moduli of
 * subgrade reaction (shi_soil.c).
 *
 * Read and mapped: SOIL COLLECTION, RUN IDENTIFICATION (first line = name),
 * MODEL (the "Pile loaded by soil displacements" flags are unused in the
 * Sheet piling model; "Diepwand calculation": a diaphragm wall, shi_wall.c),
 * CPT LIST (the CPTs' names, for a note), SHEET PILING, ANCHORS, STRUTS,
 * SPRING SUPPORTS, RIGID SUPPORTS, UNIFORM LOADS, SURCHARGE LOADS,
 * HORIZONTAL LINE LOADS, MOMENTS, NORMAL FORCES, SOIL DISPLACEMENTS (given
 * soil displacements, bm4-15a), WATER, SOIL PROFILES, SURFACES, WATERLEVELS,
 * CONSTRUCTION STAGES, CALCULATION OPTIONS PER STAGE, CALCULATION OPTIONS
 * (CalcFirstStageInitial: the first stage as initial stage, bm4-5b). A file
 * that is not UTF-8 is read as Latin-1 (shi_scan.h).
 *
 * Ignored, because they do not change the stage results of a standard
 * calculation: VERSION, VERSION EXTERNALS (program versions); COMBINED WALL
 * (used only with material type "combined", which is refused);
 * VERTICAL BALANCE and "Check vertical balance" (a check done after the
 * beam calculation); SETTLEMENT BY VIBRATION PARAMS (a separate calculation,
 * its stage results are ordinary results, the settlement itself is not
 * computed: a note says so); PROBABILISTIC * (refused through
 * "Probabilistic = TRUE"); the PARTIAL FACTORS sets and "Verification = TRUE"
 * (they act only in design/verification calculations: a standard
 * calculation, InputCalculationType=0 with every StageVerify*=0, writes the
 * same single result per stage, PartialFactorSet=4, in the .shd of bm1-11 and
 * bm4-9a as without verification); standard deviations and distribution
 * types (probabilistic only); what the section readers list at the top of
 * shi_wall.c and shi_soil.c. Their conventions found in the benchmarks are
 * described there too (see the report of the reader). */
#include "shi.h"
#include "shi_calc.h"
#include "shi_load.h"
#include "shi_scan.h"
#include "shi_soil.h"
#include "shi_stage.h"
#include "shi_wall.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	sp_shi_scan_t in;
	sp_wall_t *w;

	int seen_model, seen_soils, seen_piling, seen_profiles, seen_surfaces;
	int seen_water_levels, seen_stages;
	int single_pile;
	int verification; /* [MODEL] "Verification = TRUE" */
	int trildens;     /* [MODEL] "Trildens calculation = TRUE" or IsVibrationCalculation=1 */
	int method;     /* [MODEL] 0 Ka Ko Kp, 1 c phi delta, 2 mixed */
	int wooden_line; /* [MODEL] line of "Wooden sheet piling = TRUE", else 0 */

	sp_shi_soil_t soil;
	sp_shi_stage_t stage;
} S_ctx;

/* ---- sections read here -------------------------------------------------- */

static int S_run_id(S_ctx *c)
{
	sp_shi_scan_t *in = &c->in;
	const char *s = sp_shi_scan_get_nonblank(in);
	if (s == NULL)
		return sp_shi_scan_eof(in);
	if (strcmp(s, "[END OF RUN IDENTIFICATION]") == 0)
		return SP_OK;
	sp_strlcpy(c->w->name, sp_shi_scan_skip_space(s), SP_NAME_MAX);
	return sp_shi_scan_skip(in, "RUN IDENTIFICATION", sp_shi_scan_lno(in));
}

static int S_model(S_ctx *c)
{
	sp_shi_scan_t *in = &c->in;
	const char *s;
	int pos = 0;
	while ((s = sp_shi_scan_get(in)) != NULL && strcmp(s, "[END OF MODEL]") != 0) {
		if (sp_shi_scan_blank(s))
			continue;
		int line = sp_shi_scan_lno(in), v;
		const char *p = sp_shi_scan_skip_space(s);
		if (!sp_shi_scan_int(&p, &v) || *(p = sp_shi_scan_skip_space(p)) != ':')
			return sp_shi_scan_fail(in, line, "expected 'value : label', found '%.60s'", s);
		const char *label = sp_shi_scan_skip_space(p + 1);
		if (pos == 0) {
			if (v == 1)
				c->single_pile = c->w->single_pile = 1;
			else if (v != 0)
				return sp_shi_scan_fail(in, line, "model type %d is not supported", v);
		} else if (pos == 1) {
			if (v < 0 || v > 2)
				return sp_shi_scan_fail(in, line, "earth pressure method %d is not supported", v);
			c->method = v;
		} else if (strncmp(label, "Verification", 12) == 0) {
			c->verification = v != 0;
		} else if (strncmp(label, "EC7-SE", 6) == 0 ||
			   strncmp(label, "Check vertical balance", 22) == 0) {
			/* see the top of this file */
		} else if (strncmp(label, "Pile loaded by", 14) == 0) {
			/* a Sheet piling model carries these flags without using them:
			 * only a [SOIL DISPLACEMENTS] table loads the wall with soil
			 * displacements (bm4-17d: both flags set, its .shd the ordinary
			 * results); in the single pile model they mean that load */
			if (v != 0 && c->single_pile)
				return sp_shi_scan_fail(in, line,
							"single pile loaded by soil displacements is not supported");
		} else if (strncmp(label, "Probabilistic", 13) == 0) {
			if (v != 0)
				return sp_shi_scan_fail(in, line, "probabilistic analysis is not supported");
		} else if (strncmp(label, "Trildens", 8) == 0) {
			/* settlement by vibration (Trildens): D-Sheet computes the
			 * ordinary stage results and then, from them, the settlement
			 * of the soil behind the wall; the stage results are ours,
			 * the settlement is not computed (Tutorial-16) */
			if (v != 0)
				c->trildens = 1;
		} else if (strncmp(label, "Diepwand", 8) == 0) {
			/* a diaphragm wall: its elements' moment-curvature diagrams
			 * (shi_wall.c; ComplexProjects24) */
			c->w->diaphragm = v != 0;
		} else if (strncmp(label, "Elastic calculation", 19) == 0) {
			c->w->plastic = v == 0;
		} else if (strncmp(label, "Wooden sheet piling", 19) == 0) {
			/* refused by the elements, which name their wood
			 * properties (shi_wall.c); a file whose [SHEET PILING]
			 * comes first is refused here */
			if (v != 0 && c->seen_piling)
				return sp_shi_scan_fail(in, line,
							"wooden sheet piling (each element's stiffness and "
							"allowable moment from its Eurocode 5 wood properties) is "
							"not supported");
			c->wooden_line = v != 0 ? line : 0;
		} else {
			return sp_shi_scan_fail(in, line, "unknown model option '%.60s'", s);
		}
		pos++;
	}
	if (s == NULL)
		return sp_shi_scan_fail(in, in->n, "missing [END OF MODEL] (truncated file?)");
	if (pos < 2)
		return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "model type and earth pressure method missing");
	c->seen_model = 1;
	return SP_OK;
}

/* CPTs: D-Sheet interprets a CPT into soil layers once, when the engineer
 * asks, and stores the interpreted layers as an ordinary soil profile
 * (Tutorial-2a: "CPT 01", 1444 measurements, and the profile's layers in
 * [SOIL PROFILES]); the stage results use those layers only. The CPTs are
 * named in a note, their measurements are not read. */
static int S_cpt(S_ctx *c)
{
	sp_shi_scan_t *in = &c->in;
	int start = sp_shi_scan_lno(in) + 1, count = -1, n_named = 0;
	const char *s;
	char names[256] = "";
	while ((s = sp_shi_scan_get(in)) != NULL && strcmp(s, "[END OF CPT LIST]") != 0) {
		if (count < 0 && strncmp(s, "Count=", 6) == 0) {
			const char *p = s + 6;
			if (!sp_shi_scan_int(&p, &count) || count < 0)
				return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "Count must be a whole number >= 0");
		} else if (strncmp(s, "Name=", 5) == 0) {
			size_t len = strlen(names);
			if (len + 4 < sizeof names)
				snprintf(names + len, sizeof names - len, "%s'%.60s'", n_named ? ", " : "", s + 5);
			n_named++;
		}
	}
	if (s == NULL)
		return sp_shi_scan_fail(in, start - 1, "missing [END OF CPT LIST] (truncated file?)");
	if (count < 0)
		return sp_shi_scan_fail(in, start, "missing Count=");
	if (n_named != count)
		return sp_shi_scan_fail(in, start, "Count=%d but %d CPTs named", count, n_named);
	if (count > 0)
		sp_wall_note(c->w,
		             "soil layers interpreted from CPT %s by D-Sheet Piling (stored in the file's soil "
		             "profiles, used as given); the CPT measurements are not read",
		             names);
	return SP_OK;
}

static int S_water(S_ctx *c)
{
	sp_shi_scan_t *in = &c->in;
	int rc = sp_shi_scan_value(in, "Unit weight of water", &c->w->gamma_water_kN_m3);
	if (rc != SP_OK)
		return rc;
	if (!(c->w->gamma_water_kN_m3 > 0))
		return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "unit weight of water must be positive");
	return sp_shi_scan_expect_end(in);
}

static int S_calc_options(S_ctx *c)
{
	sp_shi_scan_t *in = &c->in;
	double first = 0, minor = 1, reduce = 1, type = 0, vibration = 0;
	sp_shi_scan_key_t keys[] = {
		{"CalcFirstStageInitial", &first, 0, 0},
		{"CalcMinorNodesOn", &minor, 0, 0},
		{"CalcReduceDeltas", &reduce, 0, 0},
		{"InputCalculationType", &type, 0, 0},
		{"IsVibrationCalculation", &vibration, 0, 0},
	};
	int line = sp_shi_scan_lno(in), body = in->i;
	int rc = sp_shi_scan_block(in, "[END OF CALCULATION OPTIONS]", keys, 5, 1);
	if (rc != SP_OK)
		return rc;
	if (type == 1 || type == 2) { /* design length, verification: shi_calc.c */
		if (!c->seen_stages)
			return sp_shi_scan_fail(in, line, "[CONSTRUCTION STAGES] must come first");
		if ((rc = sp_shi_calc_read(in, body, in->i - 1, (int)type, &c->stage, c->w)) != SP_OK)
			return rc;
	}
	if (type != 0 && type != 1 && type != 2 && type != 3)
		return sp_shi_scan_fail(in, line,
					"InputCalculationType=%g is not supported (0 standard, 1 design of the length, "
					"2 verification, 3 allowable anchor force)",
					type);
	if (vibration != 0)
		c->trildens = 1; /* see S_model */
	c->w->reduce_delta = sp_shi_scan_flag(reduce);
	c->w->minor_nodes = sp_shi_scan_flag(minor);
	c->w->first_stage_initial = sp_shi_scan_flag(first);
	return SP_OK;
}

static int S_earthquake(S_ctx *c)
{
	sp_shi_scan_t *in = &c->in;
	const char *s;
	while ((s = sp_shi_scan_get(in)) != NULL && strcmp(s, "[END OF EARTH QUAKE]") != 0)
		if (!sp_shi_scan_blank(s))
			return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "earthquake loading is not supported");
	return s == NULL ? sp_shi_scan_eof(in) : SP_OK;
}

/* A table of given soil displacements ("Nr level displacement name", the
 * displacement in m; bm4-15a) loads the wall through its springs (wall.h):
 * [TABLE], DataCount=n, [COLUMN INDICATION] ... [END OF COLUMN INDICATION],
 * [DATA], n rows, [END OF DATA], [END OF TABLE]. */
static int S_soil_displacements(S_ctx *c)
{
	sp_shi_scan_t *in = &c->in;
	sp_wall_t *w = c->w;
	int rc;
	if ((rc = sp_shi_scan_expect(in, "[TABLE]")) != SP_OK)
		return rc;
	const char *s = sp_shi_scan_get_nonblank(in);
	int n = -1;
	if (s == NULL)
		return sp_shi_scan_eof(in);
	if (strncmp(s, "DataCount=", 10) == 0) {
		const char *p = s + 10;
		if (!sp_shi_scan_int(&p, &n))
			n = -1;
	}
	if (n < 0 || n > SP_WALL_MAX_SOIL_DISPLACEMENTS)
		return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "DataCount: 0 to %d soil displacement points, found '%.40s'",
					SP_WALL_MAX_SOIL_DISPLACEMENTS, s);
	if ((rc = sp_shi_scan_expect(in, "[COLUMN INDICATION]")) != SP_OK ||
	    (rc = sp_shi_scan_skip(in, "COLUMN INDICATION", sp_shi_scan_lno(in))) != SP_OK ||
	    (rc = sp_shi_scan_expect(in, "[DATA]")) != SP_OK)
		return rc;
	for (int k = 0; k < n; k++) {
		if ((s = sp_shi_scan_get_nonblank(in)) == NULL)
			return sp_shi_scan_eof(in);
		const char *p = s;
		int nr;
		double level, d;
		if (!sp_shi_scan_int(&p, &nr) || !sp_shi_scan_dbl(&p, &level) || !sp_shi_scan_dbl(&p, &d))
			return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "expected 'number level displacement name', found '%.60s'",
						s);
		if (k > 0 && !(level < w->soil_displacement_level_m[k - 1]))
			return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "soil displacement levels must decrease (%g after %g)",
						level, w->soil_displacement_level_m[k - 1]);
		if (fabs(d) > 100.0)
			return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "soil displacement %g m is out of range -100..100", d);
		w->soil_displacement_level_m[k] = level;
		w->soil_displacement_mm[k] = d * 1000.0;
	}
	w->n_soil_displacements = n;
	if ((rc = sp_shi_scan_expect(in, "[END OF DATA]")) != SP_OK ||
	    (rc = sp_shi_scan_expect(in, "[END OF TABLE]")) != SP_OK)
		return rc;
	return sp_shi_scan_expect_end(in);
}

/* ---- the whole file ------------------------------------------------------ */

static int S_soils_sec(S_ctx *c)
{
	c->seen_soils = 1;
	return sp_shi_soil_read(&c->soil, &c->in, c->w);
}
static int S_piling_sec(S_ctx *c)
{
	c->seen_piling = 1;
	return sp_shi_wall_read_piling(&c->in, c->w, c->wooden_line);
}
static int S_profiles_sec(S_ctx *c)
{
	if (!c->seen_soils)
		return sp_shi_scan_fail(&c->in, sp_shi_scan_lno(&c->in), "[SOIL COLLECTION] must come first");
	c->seen_profiles = 1;
	return sp_shi_soil_read_profiles(&c->soil, &c->in, c->w);
}
static int S_surfaces_sec(S_ctx *c)
{
	c->seen_surfaces = 1;
	return sp_shi_stage_read_surfaces(&c->stage, &c->in);
}
static int S_water_levels_sec(S_ctx *c)
{
	c->seen_water_levels = 1;
	return sp_shi_stage_read_water_levels(&c->stage, &c->in);
}
static int S_stages_sec(S_ctx *c)
{
	c->seen_stages = 1;
	if (!c->seen_model || !c->seen_surfaces || !c->seen_water_levels || !c->seen_profiles)
		return sp_shi_scan_fail(&c->in, sp_shi_scan_lno(&c->in),
					"[MODEL], [SOIL PROFILES], [SURFACES] and [WATERLEVELS] must come first");
	return sp_shi_stage_read(&c->stage, &c->in, c->w, c->method, &c->soil);
}
static int S_stage_options_sec(S_ctx *c)
{
	return sp_shi_stage_read_options(&c->stage, &c->in);
}
static int S_uniform_loads_sec(S_ctx *c)
{
	return sp_shi_load_read_uniform(&c->in, c->w);
}
static int S_surcharges_sec(S_ctx *c)
{
	return sp_shi_load_read_surcharges(&c->in, c->w);
}
static int S_normal_forces_sec(S_ctx *c)
{
	return sp_shi_load_read_normal_forces(&c->in, c->w);
}

typedef struct {
	const char *name;
	int (*read)(S_ctx *c); /* NULL: read_items, else skipped (see the top of this file) */
	int (*read_items)(sp_shi_scan_t *in, sp_wall_t *w, int which); /* a list of items with two kinds */
	int which;
} S_section_t;

static const S_section_t S_sections[] = {
	{"VERSION", NULL, NULL, 0},
	{"VERSION EXTERNALS", NULL, NULL, 0},
	{"SOIL COLLECTION", S_soils_sec, NULL, 0},
	{"RUN IDENTIFICATION", S_run_id, NULL, 0},
	{"MODEL", S_model, NULL, 0},
	{"CPT LIST", S_cpt, NULL, 0},
	{"SHEET PILING", S_piling_sec, NULL, 0},
	{"COMBINED WALL", NULL, NULL, 0},
	{"VERTICAL BALANCE", NULL, NULL, 0},
	{"SETTLEMENT BY VIBRATION PARAMS", NULL, NULL, 0},
	{"SOIL DISPLACEMENTS", S_soil_displacements, NULL, 0},
	{"ANCHORS", NULL, sp_shi_wall_read_anchors, 0},
	{"STRUTS", NULL, sp_shi_wall_read_anchors, 1},
	{"SPRING SUPPORTS", NULL, sp_shi_wall_read_supports, 0},
	{"RIGID SUPPORTS", NULL, sp_shi_wall_read_supports, 1},
	{"UNIFORM LOADS", S_uniform_loads_sec, NULL, 0},
	{"SURCHARGE LOADS", S_surcharges_sec, NULL, 0},
	{"HORIZONTAL LINE LOADS", NULL, sp_shi_load_read_point, 0},
	{"MOMENTS", NULL, sp_shi_load_read_point, 1},
	{"NORMAL FORCES", S_normal_forces_sec, NULL, 0},
	{"WATER", S_water, NULL, 0},
	{"EARTH QUAKE", S_earthquake, NULL, 0},
	{"SOIL PROFILES", S_profiles_sec, NULL, 0},
	{"SURFACES", S_surfaces_sec, NULL, 0},
	{"WATERLEVELS", S_water_levels_sec, NULL, 0},
	{"CONSTRUCTION STAGES", S_stages_sec, NULL, 0},
	{"CALCULATION OPTIONS PER STAGE", S_stage_options_sec, NULL, 0},
	{"CALCULATION OPTIONS", S_calc_options, NULL, 0},
	{"PROBABILISTIC CALCULATION OPTIONS", NULL, NULL, 0},
	{"PROBABILISTIC CONTROL PARAMETERS", NULL, NULL, 0},
};
#define S_N_SECTIONS ((int)(sizeof S_sections / sizeof S_sections[0]))

/* Checks that need the whole file, then the moduli of subgrade reaction. */
static int S_finish(S_ctx *c)
{
	sp_shi_scan_t *in = &c->in;
	sp_wall_t *w = c->w;
	in->sec = NULL;
	const char *missing = !c->seen_model      ? "[MODEL]"
			      : !c->seen_soils    ? "[SOIL COLLECTION]"
			      : !c->seen_piling   ? "[SHEET PILING]"
			      : !c->seen_profiles ? "[SOIL PROFILES]"
			      : !c->seen_stages   ? "[CONSTRUCTION STAGES]"
						  : NULL;
	if (missing != NULL)
		return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "missing section %s", missing);
	if (c->stage.options_line > 0 && c->stage.n_options != w->n_stages)
		return sp_shi_scan_fail(in, c->stage.options_line,
					"[CALCULATION OPTIONS PER STAGE] has %d items for %d stages",
					c->stage.n_options, w->n_stages);
	/* per-stage verification options act only with "Verification = TRUE"
	 * (bm3-11, bm4-17d: StageVerify=1 without it, one ordinary result per
	 * stage in their .shd) */
	if (c->verification && c->stage.verify_line > 0 && w->calc.type != SP_CALC_VERIFY &&
	    w->calc.type != SP_CALC_DESIGN_LENGTH) {
		in->sec = "CALCULATION OPTIONS PER STAGE";
		return sp_shi_scan_fail(in, c->stage.verify_line,
					"%s with Verification = TRUE (design verification with partial factors) is "
					"not supported",
					c->stage.verify_what);
	}
	if (c->trildens)
		sp_wall_note(w, "settlement by vibration (Trildens): the stage results are computed as in a standard "
		                "calculation; the settlement by vibration itself is not computed");
	int rc = sp_shi_soil_assign_profiles(&c->soil, in, w);
	return rc != SP_OK ? rc : sp_shi_soil_finish(&c->soil, in, w, c->single_pile);
}

static int S_parse(S_ctx *c)
{
	sp_shi_scan_t *in = &c->in;
	int seen[S_N_SECTIONS] = {0};
	int in_data = 0;
	const char *s;
	while ((s = sp_shi_scan_get(in)) != NULL) {
		if (sp_shi_scan_blank(s))
			continue;
		if (s[0] != '[') {
			if (in_data)
				return sp_shi_scan_fail(in, sp_shi_scan_lno(in),
							"unexpected text outside a section: '%.60s'", s);
			continue; /* the banner before the data */
		}
		if (strcmp(s, "[INPUT DATA]") == 0) {
			in_data = 1;
			continue;
		}
		if (!in_data && strcmp(s, "[DUMPFILE]") == 0)
			continue; /* a .shd: the input block comes first */
		if (strcmp(s, "[END OF INPUT DATA]") == 0)
			return S_finish(c);
		size_t len = strlen(s);
		int k = 0;
		for (; k < S_N_SECTIONS; k++) {
			size_t n = strlen(S_sections[k].name);
			if (len == n + 2 && s[len - 1] == ']' && strncmp(s + 1, S_sections[k].name, n) == 0)
				break;
		}
		if (k == S_N_SECTIONS)
			return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "unknown section %.60s", s);
		if (seen[k]++)
			return sp_shi_scan_fail(in, sp_shi_scan_lno(in), "section %s appears twice", s);
		in->sec = S_sections[k].name;
		const S_section_t *sec = &S_sections[k];
		int rc = sec->read ? sec->read(c)
		         : sec->read_items ? sec->read_items(in, c->w, sec->which)
		         : sp_shi_scan_skip(in, sec->name, sp_shi_scan_lno(in));
		if (rc != SP_OK)
			return rc;
		in->sec = NULL;
	}
	return sp_shi_scan_fail(in, in->n, "missing [END OF INPUT DATA] (truncated file?)");
}

int sp_shi_read(const char *path, sp_wall_t *w, sp_err_t *err)
{
	S_ctx *c = calloc(1, sizeof *c);
	if (c == NULL)
		return sp_err_set(err, SP_ESOFTWARE, "%s: out of memory", path);
	c->w = w;
	/* D-Sheet's own points as the beam's nodes (wall.h SP_WALL_MESH_DSHEET) */
	w->mesh = SP_WALL_MESH_DSHEET;
	int rc = sp_shi_scan_open(&c->in, path, err);
	if (rc == SP_OK)
		rc = S_parse(c);
	sp_shi_scan_close(&c->in);
	free(c);
	return rc;
}
