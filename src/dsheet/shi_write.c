/* shi_write.c - sp_wall_t -> D-Sheet Piling input file (.shi).
 *
 * The layout follows the files D-Sheet Piling 24.1 wrote for its benchmarks
 * (tests/data/dsheet/bm3-5a.shi is a complete example): the same sections in
 * the same order, the same keys in each block, the same column widths. Keys
 * that sp_wall_t has no value for (soil colour, grain type, combined wall,
 * partial factor sets, probabilistic options, ...) get the values D-Sheet
 * Piling writes by default; none of them changes a standard calculation (see
 * the top of shi.c). The file is built in memory and written in one go, so
 * an error leaves fp untouched. */
#define _POSIX_C_SOURCE 200809L
#include "shi_write.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define S_RING 16   /* formatted numbers alive at once */
#define S_NUM_MAX 48

typedef struct {
	FILE *fp;              /* memory stream */
	sp_err_t *err;
	int rc;                /* first error */
	char item[SP_NAME_MAX + 32]; /* what is being written, for messages */
	const char *section;   /* the list or table section open */
	char ring[S_RING][S_NUM_MAX];
	int k;
	/* distinct surfaces (the stage and side that use one first) and water
	 * levels, in order of first use */
	int surface_stage[2 * SP_WALL_MAX_STAGES], surface_side[2 * SP_WALL_MAX_STAGES];
	double water[2 * SP_WALL_MAX_STAGES];
	int n_surface, n_water;
} S_w;

static int S_bad(S_w *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int S_bad(S_w *o, const char *fmt, ...)
{
	if (o->rc != SP_OK)
		return o->rc;
	char msg[SP_MSG_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	o->rc = sp_err_set(o->err, SP_EDATA, "cannot write the D-Sheet Piling file: %s", msg);
	return o->rc;
}

/* One line, CRLF as D-Sheet Piling writes it. */
static void S_line(S_w *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void S_line(S_w *o, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(o->fp, fmt, ap);
	va_end(ap);
	fputs("\r\n", o->fp);
}

/* Constant lines, as they are. */
static void S_lines(S_w *o, const char *const *lines, size_t n)
{
	for (size_t k = 0; k < n; k++)
		S_line(o, "%s", lines[k]);
}
#define S_LINES(o, lines) S_lines((o), (lines), sizeof(lines) / sizeof(lines)[0])

/* A section that is a list of items ([SOIL COLLECTION], [UNIFORM LOADS],
 * ...): its count line; S_list_end closes it. */
static void S_list_begin(S_w *o, const char *section, int n)
{
	o->section = section;
	S_line(o, "[%s]", section);
	S_line(o, "%5d = number of items", n);
}

static void S_list_end(S_w *o)
{
	S_line(o, "[END OF %s]", o->section);
	S_line(o, "%s", "");
}

/* An item of a list opens with [tag] and its name; what names it in messages. */
static void S_item(S_w *o, const char *tag, const char *what, const char *name)
{
	snprintf(o->item, sizeof o->item, "%s '%s'", what, name);
	S_line(o, "[%s]", tag);
	S_line(o, "%s", name);
}

/* A section that is a table ([ANCHORS], [MOMENTS], ...): its count line
 * ("Number of" what) and column header; S_table_end closes it. */
static void S_table_begin(S_w *o, const char *section, int n, const char *what, const char *header)
{
	o->section = section;
	S_line(o, "[%s]", section);
	S_line(o, "%3d Number of %s", n, what);
	S_line(o, "%s", header);
}

static void S_table_end(S_w *o)
{
	S_line(o, "%s", "");
	S_line(o, "[END OF %s]", o->section);
	S_line(o, "%s", "");
}

/* ---- numbers ------------------------------------------------------------- */

static int S_reads_as(const char *s, double v)
{
	char *end;
	double x = strtod(s, &end);
	return *end == '\0' && x == v && signbit(x) == signbit(v);
}

/* The shortest %g form that reads back to v. */
static void S_shortest(char *b, double v)
{
	for (int p = 1; p <= 17; p++) {
		snprintf(b, S_NUM_MAX, "%.*g", p, v);
		if (S_reads_as(b, v))
			return;
	}
}

/* v as D-Sheet Piling prints it: style 'f' fixed with dec decimals, 'E'
 * mantissa with dec decimals (1.00000E+04), 'X' the same with a four-digit
 * exponent (2.100E+0008); the shortest exact form when that is not exact.
 * key names the value in the message when it is not finite. */
static const char *S_num(S_w *o, const char *key, double v, char style, int dec)
{
	char *b = o->ring[o->k++ % S_RING];
	if (!isfinite(v)) {
		S_bad(o, "%s: %s is not a finite number", o->item, key);
		snprintf(b, S_NUM_MAX, "0");
		return b;
	}
	if (style == 'f') {
		snprintf(b, S_NUM_MAX, "%.*f", dec, v);
	} else {
		snprintf(b, S_NUM_MAX, "%.*E", dec, v);
		char *e = strchr(b, 'E');
		if (style == 'X' && e != NULL && strlen(e + 2) < 4) { /* E+08 -> E+0008 */
			size_t nd = strlen(e + 2), pad = 4 - nd;
			memmove(e + 2 + pad, e + 2, nd + 1);
			memset(e + 2, '0', pad);
		}
	}
	if (!S_reads_as(b, v))
		S_shortest(b, v);
	return b;
}

#define F2(key, v) S_num(o, key, v, 'f', 2)

/* ---- names --------------------------------------------------------------- */

/* A name must read back unchanged: the reader takes the rest of a line,
 * without the blanks at either end. */
static int S_name_ok(S_w *o, const char *kind, int index, const char *name)
{
	size_t n = strlen(name);
	if (n == 0)
		return S_bad(o, "%s %d has an empty name (D-Sheet Piling needs one)", kind, index + 1);
	if (isspace((unsigned char)name[0]) || isspace((unsigned char)name[n - 1]))
		return S_bad(o, "%s '%s': a name cannot start or end with a blank", kind, name);
	if (name[0] == '[')
		return S_bad(o, "%s '%s': a name cannot start with '['", kind, name);
	for (const char *p = name; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return S_bad(o, "%s '%s': a name cannot hold control characters", kind, name);
	return SP_OK;
}

/* Names of count items of one kind (structs of size stride whose first
 * member is the name): each valid, none twice. */
static int S_names(S_w *o, const char *kind, const void *base, size_t stride, int count)
{
	for (int k = 0; k < count; k++) {
		const char *name = (const char *)base + (size_t)k * stride;
		if (S_name_ok(o, kind, k, name) != SP_OK)
			return o->rc;
		for (int j = 0; j < k; j++)
			if (strcmp(name, (const char *)base + (size_t)j * stride) == 0)
				return S_bad(o, "two %ss are named '%s' (names must be unique)", kind, name);
	}
	return SP_OK;
}

/* ---- checks of the whole wall --------------------------------------------- */

static int S_count_ok(S_w *o, const char *what, int n, int lo, int hi)
{
	if (n < lo || n > hi)
		return S_bad(o, "%d %s, expected %d to %d", n, what, lo, hi);
	return SP_OK;
}

/* The name of soil profile p in the file: "Profile 1" for the wall's layers
 * (unless another profile has that name: "Profile 0"), else its own. */
static const char *S_profile_name(const sp_wall_t *w, int p)
{
	if (p > 0)
		return w->profiles[p - 1].name;
	for (int k = 0; k < w->n_profiles; k++)
		if (strcmp(w->profiles[k].name, "Profile 1") == 0)
			return "Profile 0";
	return "Profile 1";
}

static int S_check(S_w *o, const sp_wall_t *w)
{
	if (w->n_profiles < 0 || w->n_profiles > SP_WALL_MAX_PROFILES)
		return S_bad(o, "%d soil profiles besides the layers, expected 0 to %d", w->n_profiles, SP_WALL_MAX_PROFILES);
	if (S_count_ok(o, "soils", w->n_soils, 1, SP_WALL_MAX_SOILS) || S_count_ok(o, "layers", w->n_layers, 1, SP_WALL_MAX_LAYERS) ||
	    S_count_ok(o, "wall elements", w->n_elements, 1, SP_WALL_MAX_ELEMENTS) ||
	    S_count_ok(o, "construction stages", w->n_stages, 1, SP_WALL_MAX_STAGES) ||
	    S_count_ok(o, "branches of the subgrade modulus", w->n_branches, 1, SP_WALL_BRANCHES) ||
	    S_count_ok(o, "anchors", w->n_anchors, 0, SP_WALL_MAX_ITEMS) || S_count_ok(o, "struts", w->n_struts, 0, SP_WALL_MAX_ITEMS) ||
	    S_count_ok(o, "spring supports", w->n_spring_supports, 0, SP_WALL_MAX_ITEMS) ||
	    S_count_ok(o, "rigid supports", w->n_rigid_supports, 0, SP_WALL_MAX_ITEMS) ||
	    S_count_ok(o, "uniform loads", w->n_uniform_loads, 0, SP_WALL_MAX_ITEMS) ||
	    S_count_ok(o, "surcharge loads", w->n_surcharges, 0, SP_WALL_MAX_ITEMS) ||
	    S_count_ok(o, "horizontal line loads", w->n_line_loads, 0, SP_WALL_MAX_ITEMS) ||
	    S_count_ok(o, "moments", w->n_moments, 0, SP_WALL_MAX_ITEMS) ||
	    S_count_ok(o, "normal forces", w->n_normal_forces, 0, SP_WALL_MAX_ITEMS))
		return o->rc;
	if (w->name[0] != '\0' && (isspace((unsigned char)w->name[0]) || w->name[0] == '[' ||
				   isspace((unsigned char)w->name[strlen(w->name) - 1])))
		return S_bad(o, "the wall's name '%s' cannot start or end with a blank or start with '['", w->name);
	for (const char *p = w->name; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return S_bad(o, "the wall's name cannot hold control characters");
	if (S_names(o, "soil", w->soils, sizeof w->soils[0], w->n_soils) ||
	    S_names(o, "wall element", w->elements, sizeof w->elements[0], w->n_elements) ||
	    S_names(o, "construction stage", w->stages, sizeof w->stages[0], w->n_stages) ||
	    S_names(o, "anchor", w->anchors, sizeof w->anchors[0], w->n_anchors) ||
	    S_names(o, "strut", w->struts, sizeof w->struts[0], w->n_struts) ||
	    S_names(o, "spring support", w->spring_supports, sizeof w->spring_supports[0], w->n_spring_supports) ||
	    S_names(o, "rigid support", w->rigid_supports, sizeof w->rigid_supports[0], w->n_rigid_supports) ||
	    S_names(o, "uniform load", w->uniform_loads, sizeof w->uniform_loads[0], w->n_uniform_loads) ||
	    S_names(o, "surcharge load", w->surcharges, sizeof w->surcharges[0], w->n_surcharges) ||
	    S_names(o, "horizontal line load", w->line_loads, sizeof w->line_loads[0], w->n_line_loads) ||
	    S_names(o, "moment", w->moments, sizeof w->moments[0], w->n_moments) ||
	    S_names(o, "normal force", w->normal_forces, sizeof w->normal_forces[0], w->n_normal_forces))
		return o->rc;
	if (S_names(o, "soil profile", w->profiles, sizeof w->profiles[0], w->n_profiles))
		return o->rc;
	for (int p = 0; p <= w->n_profiles; p++) {
		const sp_wall_layer_t *ls = p ? w->profiles[p - 1].layers : w->layers;
		int nl = p ? w->profiles[p - 1].n_layers : w->n_layers;
		if (p > 0 && S_count_ok(o, "layers of a soil profile", nl, 1, SP_WALL_MAX_LAYERS))
			return o->rc;
		for (int k = 0; k < nl; k++) {
			const sp_wall_layer_t *l = &ls[k];
			if (l->soil < 0 || l->soil >= w->n_soils)
				return S_bad(o, "layer %d refers to soil %d of %d", k + 1, l->soil + 1, w->n_soils);
			if (k > 0 && !(l->top_level_m < ls[k - 1].top_level_m))
				return S_bad(o, "layer %d: its top (%g m) is not below the top of the layer above (%g m)",
					     k + 1, l->top_level_m, ls[k - 1].top_level_m);
		}
	}
	for (int s = 0; s < w->n_stages; s++)
		for (int side = 0; side < 2; side++)
			if (w->stages[s].profile[side] < 0 || w->stages[s].profile[side] > w->n_profiles)
				return S_bad(o, "stage %d names soil profile %d of %d", s + 1, w->stages[s].profile[side],
					     w->n_profiles);
	for (int k = 0; k < w->n_elements; k++) {
		double above = k == 0 ? w->top_level_m : w->elements[k - 1].bottom_level_m;
		if (!(w->elements[k].bottom_level_m < above))
			return S_bad(o, "wall element '%s': its bottom (%g m) is not below %g m", w->elements[k].name,
				     w->elements[k].bottom_level_m, above);
	}
	double bottom = w->top_level_m - w->length_m;
	if (!(w->length_m > 0) || !(fabs(w->elements[w->n_elements - 1].bottom_level_m - bottom) <= 1e-6 * (1 + fabs(bottom))))
		return S_bad(o, "the last wall element ends at %g m, but top - length = %g m",
			     w->elements[w->n_elements - 1].bottom_level_m, bottom);
	for (int s = 0; s < w->n_stages; s++)
		for (int side = 0; side < 2; side++) {
			const sp_wall_stage_t *st = &w->stages[s];
			int n = st->n_surface_points[side], sloping = 0;
			const char *sn = side == SP_LEFT ? "left" : "right";
			if (n < 0 || n > SP_WALL_MAX_SURFACE_POINTS)
				return S_bad(o, "stage '%s': %d points of the %s surface, expected 0 to %d", st->name, n, sn,
					     SP_WALL_MAX_SURFACE_POINTS);
			for (int j = 0; j < n; j++) {
				double prev = j > 0 ? st->surface_distance_m[side][j - 1] : 0.0;
				if (!(st->surface_distance_m[side][j] > prev))
					return S_bad(o, "stage '%s': the distances of the %s surface must increase from 0",
						     st->name, sn);
				sloping |= fabs(st->surface_level_m[side][j] - st->surface_m[side]) > 1e-9;
			}
			if (n > 0 && !sloping)
				return S_bad(o, "stage '%s': the %s surface has points beyond the wall all at its level, which "
						"D-Sheet Piling reads as a horizontal surface without points",
					     st->name, sn);
			if (n > 0 && st->kmethod[side] != SP_KMETHOD_CPHID)
				return S_bad(o, "stage '%s': the sloping %s surface needs the c, phi, delta method on that side",
					     st->name, sn);
		}
	for (int k = 0; k < w->n_surcharges; k++)
		if (S_count_ok(o, "points of a surcharge load", w->surcharges[k].n_points, 1, SP_WALL_MAX_SURCHARGE_POINTS))
			return o->rc;
	for (int k = 0; k < w->n_anchors + w->n_struts; k++) {
		const sp_wall_anchor_t *a = k < w->n_anchors ? &w->anchors[k] : &w->struts[k - w->n_anchors];
		if (a->side != SP_LEFT && a->side != SP_RIGHT)
			return S_bad(o, "'%s': side %d is neither left nor right", a->name, a->side);
	}
	for (int k = 0; k < w->n_rigid_supports; k++) {
		const sp_wall_support_t *s = &w->rigid_supports[k];
		if ((s->rot_fixed != 0 && s->rot_fixed != 1) || (s->trans_fixed != 0 && s->trans_fixed != 1))
			return S_bad(o, "rigid support '%s': fixities must be 0 or 1", s->name);
	}
	return SP_OK;
}

/* ---- sections ------------------------------------------------------------ */

static void S_banner(S_w *o, const char *source_name)
{
	S_line(o, "INPUT FILE FOR D-SHEET PILING");
	S_line(o, "==============================================================================");
	S_line(o, "COMPANY    :    ");
	S_line(o, "%s", "");
	S_line(o, "DATE       : ");
	S_line(o, "TIME       : ");
	S_line(o, "FILENAME   : %s", source_name != NULL ? source_name : "");
	S_line(o, "CREATED BY : sheetpile version %s", SP_VERSION);
	static const char *const versions[] = {
		"==========================    BEGINNING OF DATA     ==========================",
		"[INPUT DATA]", "[VERSION]", "Soil=1012", "D-Sheet Piling=1034", "[END OF VERSION]", "",
		"[VERSION EXTERNALS]", "DGSCPTipCalc.dll=21.3.1.35380", "DGSCPTipUI.dll=21.3.1.35380",
		"[END OF VERSION EXTERNALS]", ""};
	S_LINES(o, versions);
}

/* key=v, the number written as S_num does (key names it in messages). */
static void S_key(S_w *o, const char *key, double v, char style, int dec)
{
	S_line(o, "%s=%s", key, S_num(o, key, v, style, dec));
}

/* key1=v[0] ... keyN=v[n-1], numbers written as S_num does. */
static void S_numbered(S_w *o, const char *key, const double *v, int n, char style, int dec)
{
	for (int j = 0; j < n; j++) {
		char numbered[16];
		snprintf(numbered, sizeof numbered, "%s%d", key, j + 1);
		S_key(o, numbered, v[j], style, dec);
	}
}

static void S_soils(S_w *o, const sp_wall_t *w)
{
	static const long colours[] = {9764853, 16575398, 10871982, 8421631, 12632256, 65535, 4227327, 16744448};
	/* secant "Cur" moduli: not used (Use Cur values = 0); D-Sheet's defaults */
	static const char *const tail[] = {
		"SoilCurKb1=2.00000E+03", "SoilCurKb2=8.00000E+02", "SoilCurKb3=5.00000E+02", "SoilCurKo1=2.00000E+03",
		"SoilCurKo2=8.00000E+02", "SoilCurKo3=5.00000E+02", "SoilHorizontalBehaviourType=2",
		"SoilElasticity=1.00000E+03", "SoilDefaultElasticity=1", "[END OF SOIL]"};
	S_list_begin(o, "SOIL COLLECTION", w->n_soils);
	for (int k = 0; k < w->n_soils; k++) {
		const sp_wall_soil_t *s = &w->soils[k];
		S_item(o, "SOIL", "soil", s->name);
		S_line(o, "SoilColor=%ld", colours[k % (int)(sizeof colours / sizeof colours[0])]);
		S_line(o, "SoilSoilType=2");
		S_line(o, "SoilGrainType=0");
		S_key(o, "SoilGamDry", s->gamma_dry_kN_m3, 'f', 2);
		S_key(o, "SoilGamWet", s->gamma_wet_kN_m3, 'f', 2);
		S_line(o, "SoilRelativeDensity=72.5");
		S_line(o, "SoilEModMenard=0.01");
		S_key(o, "SoilCohesion", s->c_kPa, 'f', 2);
		S_key(o, "SoilPhi", s->phi_deg, 'f', 2);
		S_key(o, "SoilDelta", s->delta_deg, 'f', 2);
		S_line(o, "SoilIsDeltaAngleAutomaticallyCalculated=0");
		S_key(o, "SoilOCR", s->ocr, 'f', 2);
		S_line(o, "SoilPermeabKx=1.00000E-03");
		S_line(o, "SoilStdCohesion=0.00");
		S_line(o, "SoilStdPhi=0.00");
		S_line(o, "SoilDistCohesion=3");
		S_line(o, "SoilDistPhi=3");
		S_key(o, "SoilLa", s->ka, 'f', 2);
		S_key(o, "SoilLn", s->k0, 'f', 2);
		S_key(o, "SoilLp", s->kp, 'f', 2);
		S_line(o, "SoilUseMenard=0");
		S_line(o, "SoilUseBrinchHansen=0");
		S_line(o, "SoilShellFactor=1.00");
		S_line(o, "SoilLambdaType=0");
		S_numbered(o, "SoilLam", s->branch_end_pct, SP_WALL_BRANCHES - 1, 'f', 0);
		S_key(o, "SoilKb0", s->kh_unload_top_kN_m3, 'E', 5);
		S_numbered(o, "SoilKb", s->kh_top_kN_m3, SP_WALL_BRANCHES, 'E', 5);
		S_key(o, "SoilKo0", s->kh_unload_bottom_kN_m3, 'E', 5);
		S_numbered(o, "SoilKo", s->kh_bottom_kN_m3, SP_WALL_BRANCHES, 'E', 5);
		S_LINES(o, tail);
	}
	S_list_end(o);
}

static void S_model(S_w *o, const sp_wall_t *w)
{
	S_line(o, "[RUN IDENTIFICATION]");
	if (w->name[0] != '\0') /* the reader takes the first line as the name */
		S_line(o, "%s", w->name);
	S_line(o, "[END OF RUN IDENTIFICATION]");
	S_line(o, "%s", "");
	int given = 0, cphid = 0;
	for (int s = 0; s < w->n_stages; s++)
		for (int side = 0; side < 2; side++)
			if (w->stages[s].kmethod[side] == SP_KMETHOD_CPHID)
				cphid++;
			else
				given++;
	S_line(o, "[MODEL]");
	S_line(o, "%s", w->single_pile ? "1 : Single pile" : "0 : Sheet piling");
	S_line(o, "%s", cphid && given ? "2 : Mixed" : cphid ? "1 : C, phi, delta soil parameters" : "0 : Ka, Ko, Kp soil parameters");
	S_line(o, "0 : Verification = FALSE");
	S_line(o, "%s", w->n_soil_displacements > 0 ? "1 : Pile loaded by soil displacements" : "0 : Pile loaded by forces");
	S_line(o, "0 : Pile loaded by user defined soil displacements");
	S_line(o, "0 : Probabilistic = FALSE");
	S_line(o, "0 : Check vertical balance = FALSE");
	S_line(o, "0 : Trildens calculation = FALSE");
	S_line(o, "%s", w->diaphragm ? "1 : Diepwand calculation = TRUE" : "0 : Diepwand calculation = FALSE");
	S_line(o, w->plastic ? "0 : Elastic calculation = FALSE" : "1 : Elastic calculation = TRUE");
	S_line(o, "0 : Wooden sheet piling = FALSE");
	S_line(o, "[END OF MODEL]");
	S_line(o, "%s", "");
	S_line(o, "[CPT LIST]");
	S_line(o, "Count=0");
	S_line(o, "[END OF CPT LIST]");
	S_line(o, "%s", "");
}

/* The rest of a [SHEET PILING ELEMENT]: D-Sheet Piling's defaults. */
static const char *const S_element_defaults[] = {
	"SheetPilingElementHeight=400", "SheetPilingPileWidth=1.00", "SheetPilingElementSectionArea=170",
	"SheetPilingElementResistingMoment=0", "SheetPilingElementReductionFactorEI=1.00", "SheetPilingElementNote=",
	"SheetPilingElementMaxCharacteristicMoment=0.00", "SheetPilingElementMaxPlasticCharacteristicMoment=0.00",
	"SheetPilingElementKMod=1.00", "SheetPilingElementMaterialFactor=1.00",
	"sSheetPilingElementReductionFactorMaxMoment=1.00", "DiaphragmWallIsSymmetric=0",
	"DiaphragmWallPosEIElastoPlastic1=2.000000E+04", "DiaphragmWallNegEIElastoPlastic1=2.000000E+04",
	"DiaphragmWallPosMomElastic=0.00", "DiaphragmWallNegMomElastic=0.00", "DiaphragmWallPosMomPlastic=0.00",
	"DiaphragmWallNegMomPlastic=0.00", "DiaphragmWallPosEIElastoPlastic2=2.000000E+04",
	"DiaphragmWallPosMomElastoPlastic=0.00", "DiaphragmWallNegEIElastoPlastic2=2.000000E+04",
	"DiaphragmWallNegMomElastoPlastic=0.00", "WoodenSheetPilingElementE=0.000000E+00",
	"WoodenSheetPilingElementCharacFlexuralStrength=0.00", "WoodenSheetPilingElementKSys=1.15",
	"WoodenSheetPilingElementKDef=2.00", "WoodenSheetPilingElementPsi2Eff=1.00",
	"WoodenSheetPilingElementMaterialFactor=1.30", "WoodenSheetPilingElementKModFShort=0.65",
	"WoodenSheetPilingElementKModFLong=0.50", "WoodenSheetPilingElementKModE=0.80",
	"[END OF SHEET PILING ELEMENT]",
};

/* The characteristic moment that reads back as the element's allowable
 * moment (shi_wall.c: characteristic x acting width of sheet piling x kmod
 * / material factor x reduction factor, all three written as 1): the
 * allowable moment / the width, moved by an ulp or a few when the product
 * does not give it back exactly. */
static double S_characteristic_moment(const sp_wall_t *w, const sp_wall_element_t *e)
{
	double width = w->single_pile || !(e->acting_width_m > 0) ? 1.0 : e->acting_width_m;
	double a = e->allowable_moment_kNm_per_m, m = a / width;
	for (int k = 0; k < 8 && m * width != a; k++)
		m = nextafter(m, m * width < a ? INFINITY : -INFINITY);
	return m;
}

/* The value of the diaphragm wall's M-kappa diagram that the default line
 * key=... of S_element_defaults names, NULL for another key. */
static const double *S_diagram_value(const sp_wall_element_t *e, const char *line)
{
	static const struct {
		const char *key;
		int sign, moment, j;
	} keys[] = {
		{"DiaphragmWallPosMomElastic=", 0, 1, 0},      {"DiaphragmWallNegMomElastic=", 1, 1, 0},
		{"DiaphragmWallPosMomElastoPlastic=", 0, 1, 1}, {"DiaphragmWallNegMomElastoPlastic=", 1, 1, 1},
		{"DiaphragmWallPosMomPlastic=", 0, 1, 2},      {"DiaphragmWallNegMomPlastic=", 1, 1, 2},
		{"DiaphragmWallPosEIElastoPlastic1=", 0, 0, 0}, {"DiaphragmWallNegEIElastoPlastic1=", 1, 0, 0},
		{"DiaphragmWallPosEIElastoPlastic2=", 0, 0, 1}, {"DiaphragmWallNegEIElastoPlastic2=", 1, 0, 1},
	};
	for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++)
		if (strncmp(line, keys[k].key, strlen(keys[k].key)) == 0)
			return keys[k].moment ? &e->diagram_moment_kNm_per_m[keys[k].sign][keys[k].j]
			                      : &e->diagram_ei_kNm2_per_m[keys[k].sign][keys[k].j];
	return NULL;
}

static void S_piling(S_w *o, const sp_wall_t *w)
{
	snprintf(o->item, sizeof o->item, "the wall");
	S_line(o, "[SHEET PILING]");
	S_line(o, "0");
	S_line(o, "%10s Level top sheet piling", F2("level of the top", w->top_level_m));
	S_line(o, "%10s Length", F2("length", w->length_m));
	S_line(o, "%3d Number of elements", w->n_elements);
	for (int k = 0; k < w->n_elements; k++) {
		const sp_wall_element_t *e = &w->elements[k];
		snprintf(o->item, sizeof o->item, "wall element '%s'", e->name);
		S_line(o, "[SHEET PILING ELEMENT]");
		S_line(o, "%s", e->name);
		S_line(o, "SheetPilingElementMaterialType=%d", w->diaphragm ? 2 : 1);
		S_line(o, "SheetPilingElementEI=%s", S_num(o, "EI", e->ei_kNm2_per_m, 'E', 6));
		S_line(o, "SheetPilingElementWidth=%s", F2("acting width", e->acting_width_m));
		S_line(o, "SheetPilingElementLevel=%s", F2("bottom level", e->bottom_level_m));
		for (size_t d = 0; d < sizeof S_element_defaults / sizeof S_element_defaults[0]; d++)
			if (strncmp(S_element_defaults[d], "SheetPilingElementMaxPlasticCharacteristicMoment=", 49) == 0)
				S_line(o, "SheetPilingElementMaxPlasticCharacteristicMoment=%s",
				       F2("plastic moment", e->plastic_moment_kNm_per_m));
			else if (strncmp(S_element_defaults[d], "SheetPilingElementMaxCharacteristicMoment=", 42) == 0)
				S_line(o, "SheetPilingElementMaxCharacteristicMoment=%s",
				       F2("allowable moment", S_characteristic_moment(w, e)));
			else if (w->diaphragm && strncmp(S_element_defaults[d], "DiaphragmWall", 13) == 0 &&
			         S_diagram_value(e, S_element_defaults[d]) != NULL) { /* the M-kappa diagram */
				const char *eq = strchr(S_element_defaults[d], '=');
				const double *v = S_diagram_value(e, S_element_defaults[d]);
				S_line(o, "%.*s=%s", (int)(eq - S_element_defaults[d]), S_element_defaults[d],
				       strstr(S_element_defaults[d], "Mom") ? F2("diagram moment", *v)
				                                            : S_num(o, "diagram EI", *v, 'E', 6));
			} else
				S_line(o, "%s", S_element_defaults[d]);
	}
	S_line(o, "[END OF SHEET PILING]");
	S_line(o, "%s", "");
	/* used only by material type "combined" and by the checks after the
	 * calculation: D-Sheet Piling's defaults */
	static const char *const combined[] = {
		"[COMBINED WALL]",
		"CombinedWallAreNeutralAxesOfPilesAndSheetPilesCoinciding=1",
		"CombinedWallDistanceBetweenNeutralAxisPilesAndSystemBoundary=0.000",
		"CombinedWallDistanceBetweenNeutralAxisSheetPilesAndSystemBoundary=0.000",
		"CombinedWallDistanceBetweenPlasticNeutralAxisPilesAndSystemBoundary=0.000",
		"CombinedWallDistanceBetweenPlasticNeutralAxisSheetPilesAndSystemBoundary=0.000",
		"CombinedWallPilesName=",
		"CombinedWallPilesMaterialType=1",
		"CombinedWallPilesBottomLevel=0.00",
		"CombinedWallPilesEI=1.0000E+05",
		"CombinedWallPilesWidth=1.00",
		"CombinedWallPilesMaxMoment=0.00",
		"CombinedWallPilesMaxPlasticMoment=0.00",
		"CombinedWallPilesElasticSectionModulus=0.00",
		"CombinedWallPilesPlasticSectionModulus=0.00",
		"CombinedWallPilesYieldStrength=0.00",
		"CombinedWallPilesSectionArea=0.00",
		"CombinedWallSheetPilesName=",
		"CombinedWallSheetPilesMaterialType=1",
		"CombinedWallSheetPilesBottomLevel=0.00",
		"CombinedWallSheetPilesEI=1.0000E+05",
		"CombinedWallSheetPilesWidth=1.00",
		"CombinedWallSheetPilesHeight=1.00",
		"CombinedWallSheetPilesYieldStrength=0.00",
		"CombinedWallSheetPilesSectionArea=0.00",
		"CombinedWallNumberOfSheetPiles=3",
		"[END OF COMBINED WALL]",
		"",
		"[VERTICAL BALANCE]",
		"SheetPilingQcRep=0.000",
		"SheetPilingXi=1.33",
		"[END OF VERTICAL BALANCE]",
		"",
		"[SETTLEMENT BY VIBRATION PARAMS]",
		"SheetPilingNumberOfPilesDrilled=2",
		"[END OF SETTLEMENT BY VIBRATION PARAMS]",
		"",
	};
	S_LINES(o, combined);
}

/* [ANCHORS] / [STRUTS]: Level E-mod Cross-sect. Length YieldF Angle Height Side Name */
static void S_anchors(S_w *o, const sp_wall_anchor_t *a, int n, int struts)
{
	if (n == 0)
		return;
	S_table_begin(o, struts ? "STRUTS" : "ANCHORS", n, struts ? "struts" : "anchors",
	              struts ? " Nr  Level        E-mod  Cross sect.   Length   BuckF    Angle   Height   Side Name"
	                     : " Nr  Level        E-mod  Cross sect.   Length   YieldF    Angle   Height   Side Name");
	for (int k = 0; k < n; k++) {
		snprintf(o->item, sizeof o->item, "%s '%s'", struts ? "strut" : "anchor", a[k].name);
		S_line(o, "%3d %6s %12s %12s %8s %8s %8s %8s %6d %s", k + 1, F2("level", a[k].level_m),
		       S_num(o, "E", a[k].e_kPa, 'X', 3), S_num(o, "cross-section", a[k].area_m2_per_m, 'X', 3),
		       F2("length", a[k].length_m), F2("yield force", a[k].yield_force_kN_per_m), F2("angle", a[k].angle_deg),
		       F2("height", a[k].anchorage_height_m), a[k].side == SP_LEFT ? 1 : 2, a[k].name);
	}
	S_table_end(o);
}

static void S_supports(S_w *o, const sp_wall_support_t *s, int n, int rigid)
{
	if (n == 0)
		return;
	S_table_begin(o, rigid ? "RIGID SUPPORTS" : "SPRING SUPPORTS", n, rigid ? "rigid supports" : "spring supports",
	              " Nr        Level    Rot stiff.    Tr stiff.");
	for (int k = 0; k < n; k++) {
		snprintf(o->item, sizeof o->item, "%s support '%s'", rigid ? "rigid" : "spring", s[k].name);
		if (rigid)
			S_line(o, "%3d %10s %d %d %s", k + 1, F2("level", s[k].level_m), s[k].rot_fixed, s[k].trans_fixed,
			       s[k].name);
		else
			S_line(o, "%3d %10s %13s %12s %s", k + 1, F2("level", s[k].level_m),
			       S_num(o, "rotational stiffness", s[k].rot_stiffness_kNm_per_rad_per_m, 'f', 5),
			       S_num(o, "translational stiffness", s[k].trans_stiffness_kN_per_m_per_m, 'f', 5), s[k].name);
	}
	S_table_end(o);
}

static void S_loads(S_w *o, const sp_wall_t *w)
{
	if (w->n_uniform_loads > 0) {
		S_list_begin(o, "UNIFORM LOADS", w->n_uniform_loads);
		for (int k = 0; k < w->n_uniform_loads; k++) {
			const sp_wall_uniform_load_t *u = &w->uniform_loads[k];
			S_item(o, "LOAD", "uniform load", u->name);
			S_key(o, "UniformLoadLeft", u->left_kPa, 'f', 2);
			S_key(o, "UniformLoadRight", u->right_kPa, 'f', 2);
			S_line(o, "UniformLoadPermanent=%d", u->kind.variable);
			S_line(o, "UniformLoadFavourable=%d", u->kind.favourable);
			S_line(o, "UniformLoadStandardDeviationLeft=0.00");
			S_line(o, "UniformLoadStandardDeviationRight=0.00");
			S_line(o, "UniformLoadDistLeft=2");
			S_line(o, "UniformLoadDistRight=2");
			S_line(o, "[END OF LOAD]");
		}
		S_list_end(o);
	}
	if (w->n_surcharges > 0) {
		S_list_begin(o, "SURCHARGE LOADS", w->n_surcharges);
		for (int k = 0; k < w->n_surcharges; k++) {
			const sp_wall_surcharge_t *q = &w->surcharges[k];
			S_item(o, "LOAD", "surcharge load", q->name);
			S_line(o, "%d", q->n_points);
			for (int j = 0; j < q->n_points; j++) {
				S_line(o, "[POINT]");
				S_key(o, "SurchargeLoadDistance", q->distance_m[j], 'f', 2);
				S_key(o, "SurchargeLoadValue", q->value_kPa[j], 'f', 2);
				S_line(o, "[END OF POINT]");
			}
			S_line(o, "SurchargeLoadPermanent=%d", q->kind.variable);
			S_line(o, "SurchargeLoadFavourable=%d", q->kind.favourable);
			S_line(o, "SurchargeLoadStandardDeviation=0.00");
			S_line(o, "SurchargeLoadDistribution=2");
			S_line(o, "[END OF LOAD]");
		}
		S_list_end(o);
	}
	for (int m = 0; m < 2; m++) {
		int n = m ? w->n_moments : w->n_line_loads;
		const sp_wall_point_load_t *l = m ? w->moments : w->line_loads;
		if (n == 0)
			continue;
		S_table_begin(o, m ? "MOMENTS" : "HORIZONTAL LINE LOADS", n, m ? "moments" : "horizontal line loads",
		              " Nr      Level      Value  Permanent Favourable Name");
		for (int k = 0; k < n; k++) {
			snprintf(o->item, sizeof o->item, "%s '%.63s'", m ? "moment" : "horizontal line load", l[k].name);
			S_line(o, "%3d %10s %10s      %d          %d     %s", k + 1, F2("level", l[k].level_m),
			       F2("value", l[k].value), l[k].kind.variable, l[k].kind.favourable, l[k].name);
		}
		S_table_end(o);
	}
	if (w->n_normal_forces > 0) {
		S_table_begin(o, "NORMAL FORCES", w->n_normal_forces, "normal forces",
		              " Nr   FPileTop  FSurfLeft FSurfRight   FPileToe  Permanent Favourable Name");
		for (int k = 0; k < w->n_normal_forces; k++) {
			const sp_wall_normal_force_t *f = &w->normal_forces[k];
			snprintf(o->item, sizeof o->item, "normal force '%s'", f->name);
			S_line(o, "%3d %10s %10s %10s %10s      %d          %d     %s", k + 1, F2("FPileTop", f->at_top_kN),
			       F2("FSurfLeft", f->at_surface_left_kN), F2("FSurfRight", f->at_surface_right_kN),
			       F2("FPileToe", f->at_toe_kN), f->kind.variable, f->kind.favourable, f->name);
		}
		S_table_end(o);
	}
}

/* The same surface (level at the wall and points beyond it, exactly)? */
static int S_same_surface(const sp_wall_stage_t *a, int sa, const sp_wall_stage_t *b, int sb)
{
	if (a->surface_m[sa] != b->surface_m[sb] || signbit(a->surface_m[sa]) != signbit(b->surface_m[sb]) ||
	    a->n_surface_points[sa] != b->n_surface_points[sb])
		return 0;
	for (int j = 0; j < a->n_surface_points[sa]; j++)
		if (a->surface_distance_m[sa][j] != b->surface_distance_m[sb][j] ||
		    a->surface_level_m[sa][j] != b->surface_level_m[sb][j] ||
		    signbit(a->surface_level_m[sa][j]) != signbit(b->surface_level_m[sb][j]))
			return 0;
	return 1;
}

/* Index of the surface of stage s, side, added when new. */
static int S_surface(S_w *o, const sp_wall_t *w, int s, int side)
{
	for (int k = 0; k < o->n_surface; k++)
		if (S_same_surface(&w->stages[o->surface_stage[k]], o->surface_side[k], &w->stages[s], side))
			return k;
	o->surface_stage[o->n_surface] = s;
	o->surface_side[o->n_surface] = side;
	return o->n_surface++;
}

/* Index of v in list[*n], added when new. */
static int S_level(double *list, int *n, double v)
{
	for (int k = 0; k < *n; k++)
		if (list[k] == v && signbit(list[k]) == signbit(v))
			return k;
	list[*n] = v;
	return (*n)++;
}

static void S_geometry(S_w *o, const sp_wall_t *w)
{
	snprintf(o->item, sizeof o->item, "the wall");
	if (w->n_soil_displacements > 0) { /* given soil displacements, in m (bm4-15a) */
		S_line(o, "[SOIL DISPLACEMENTS]");
		S_line(o, "[TABLE]");
		S_line(o, "DataCount=%d", w->n_soil_displacements);
		S_line(o, "[COLUMN INDICATION]");
		S_line(o, "Number");
		S_line(o, "Depth level");
		S_line(o, "Displacement value");
		S_line(o, "Name");
		S_line(o, "[END OF COLUMN INDICATION]");
		S_line(o, "[DATA]");
		for (int k = 0; k < w->n_soil_displacements; k++)
			S_line(o, "%d %.6f %.9f Undefined", k + 1, w->soil_displacement_level_m[k],
			       w->soil_displacement_mm[k] / 1000.0);
		S_line(o, "[END OF DATA]");
		S_line(o, "[END OF TABLE]");
		S_line(o, "[END OF SOIL DISPLACEMENTS]");
		S_line(o, "%s", "");
	}
	S_line(o, "[WATER]");
	S_line(o, "%6s  Unit weight of water", F2("unit weight of water", w->gamma_water_kN_m3));
	S_line(o, "[END OF WATER]");
	S_line(o, "%s", "");
	S_line(o, "[SOIL PROFILES]");
	S_line(o, "%3d Number of spring characteristics curves", w->n_branches);
	S_line(o, "%3d 1/0 : Yes/No Unloading curve", w->unloading_curve ? 1 : 0);
	S_line(o, "  0 1/0 : Yes/No Use Cur values");
	S_line(o, "%s", "");
	S_line(o, "%3d Number of soil profiles ", 1 + w->n_profiles);
	for (int p = 0; p <= w->n_profiles; p++) {
		const sp_wall_layer_t *ls = p ? w->profiles[p - 1].layers : w->layers;
		int nl = p ? w->profiles[p - 1].n_layers : w->n_layers;
		S_line(o, "%s", S_profile_name(w, p));
		S_line(o, "       0.000 X coordinate");
		S_line(o, "       0.000 Y coordinate");
		S_line(o, "%s", "");
		S_line(o, "%3d Number of soil layers per soil profile", nl);
		S_line(o, " Nr      Level   Wosp Top  Wosp Bott Material Name");
		for (int k = 0; k < nl; k++) {
			const sp_wall_layer_t *l = &ls[k];
			snprintf(o->item, sizeof o->item, "layer %d", k + 1);
			S_line(o, "%3d %10s %10s %10s %s", k + 1, F2("level", l->top_level_m),
			       F2("excess pore pressure at the top", l->excess_pore_top_kPa),
			       F2("excess pore pressure at the bottom", l->excess_pore_bottom_kPa),
			       w->soils[l->soil].name);
		}
	}
	S_line(o, "%s", "");
	S_line(o, "[END OF SOIL PROFILES]");
	S_line(o, "%s", "");

	for (int s = 0; s < w->n_stages; s++)
		for (int side = 0; side < 2; side++) {
			S_surface(o, w, s, side);
			S_level(o->water, &o->n_water, w->stages[s].water_m[side]);
		}
	S_line(o, "[SURFACES]");
	S_line(o, "%3d Number of surfaces ", o->n_surface);
	for (int k = 0; k < o->n_surface; k++) {
		const sp_wall_stage_t *st = &w->stages[o->surface_stage[k]];
		int side = o->surface_side[k], n = st->n_surface_points[side];
		snprintf(o->item, sizeof o->item, "stage '%s', %s surface", st->name, side == SP_LEFT ? "left" : "right");
		S_line(o, "%3d %5d Surface %d", k + 1, n + 1, k + 1);
		S_line(o, "0.00  Standard deviation");
		S_line(o, "  2  Distribution type");
		S_line(o, " Nr     X-coord     Value");
		S_line(o, "  1       0.00 %10s", F2("level", st->surface_m[side]));
		for (int j = 0; j < n; j++)
			S_line(o, "%3d %10s %10s", j + 2, F2("distance", st->surface_distance_m[side][j]),
			       F2("level", st->surface_level_m[side][j]));
	}
	S_line(o, "%s", "");
	S_line(o, "[END OF SURFACES]");
	S_line(o, "%s", "");
	S_line(o, "[WATERLEVELS]");
	S_line(o, "%3d Number of Waterlevels ", o->n_water);
	S_line(o, "  3 Number of Data per Waterlevel ");
	for (int k = 0; k < o->n_water; k++) {
		snprintf(o->item, sizeof o->item, "water level %d", k + 1);
		S_line(o, "Water level %d", k + 1);
		S_line(o, "%10s", F2("level", o->water[k]));
		S_line(o, "      0.00");
		S_line(o, "         2");
	}
	S_line(o, "%s", "");
	S_line(o, "[END OF WATERLEVELS]");
	S_line(o, "%s", "");
}

/* "count label" and one "ordinal [value] name" line per item on in the stage. */
static void S_stage_items(S_w *o, const char *label, const void *base, size_t stride, int n, const int *on,
			  const double *value)
{
	int count = 0;
	for (int k = 0; k < n; k++)
		count += on[k] != 0;
	S_line(o, "%10d              %s", count, label);
	for (int k = 0, ord = 0; k < n; k++) {
		if (!on[k])
			continue;
		const char *name = (const char *)base + (size_t)k * stride;
		ord++;
		if (value != NULL)
			S_line(o, "%10d %10s %s", ord, F2("prestress", value[k]), name);
		else
			S_line(o, "%10d %s", ord, name);
	}
}

/* The top displacement in m whose 1000-fold is exactly mm (the reader
 * multiplies by 1000). */
static const char *S_top_m(S_w *o, const char *stage, double mm)
{
	char *b = o->ring[o->k++ % S_RING];
	if (!isfinite(mm)) {
		S_bad(o, "stage '%s': the top displacement is not a finite number", stage);
		return "0";
	}
	/* mm / 1000, or one of its neighbouring doubles, whose 1000-fold rounds to mm */
	double up = mm / 1000.0, down = up;
	for (int step = 0; step < 8; step++) {
		for (int k = 0; k < 2; k++) {
			double d = k == 0 ? up : down;
			snprintf(b, S_NUM_MAX, "%.3f", d);
			if (!S_reads_as(b, d))
				S_shortest(b, d);
			if (1000.0 * strtod(b, NULL) == mm)
				return b;
		}
		up = nextafter(up, INFINITY);
		down = nextafter(down, -INFINITY);
	}
	S_bad(o, "stage '%s': the top displacement %.17g mm has no exact value in m", stage, mm);
	return "0";
}

static void S_stages(S_w *o, const sp_wall_t *w)
{
	S_line(o, "[CONSTRUCTION STAGES]");
	S_line(o, "%3d Number of Construction stages ", w->n_stages);
	for (int s = 0; s < w->n_stages; s++) {
		const sp_wall_stage_t *st = &w->stages[s];
		snprintf(o->item, sizeof o->item, "stage '%s'", st->name);
		S_line(o, "%s", st->name);
		static const char *const method[2] = {"Ka, Ko, Kp ", "C, phi, delta "};
		int ml = st->kmethod[SP_LEFT] == SP_KMETHOD_CPHID, mr = st->kmethod[SP_RIGHT] == SP_KMETHOD_CPHID;
		S_line(o, "%10d %10d Method Left: %s Method Right: %s", ml + 1, mr + 1, method[ml], method[mr]);
		for (int side = 0; side < 2; side++)
			S_line(o, "Surface %d", S_surface(o, w, s, side) + 1);
		for (int side = 0; side < 2; side++)
			S_line(o, "Water level %d", S_level(o->water, &o->n_water, st->water_m[side]) + 1);
		S_line(o, "%s", S_profile_name(w, st->profile[SP_LEFT]));
		S_line(o, "%s", S_profile_name(w, st->profile[SP_RIGHT]));
		S_line(o, "%10s             Displacement top sheet piling", S_top_m(o, st->name, st->top_displacement_mm));
		S_line(o, "%10d             Use top displacement", st->use_top_displacement ? 1 : 0);
		S_stage_items(o, "Anchors present in stage", w->anchors, sizeof w->anchors[0], w->n_anchors, st->anchor_on,
			      st->anchor_prestress_kN_per_m);
		S_stage_items(o, "Struts present in stage", w->struts, sizeof w->struts[0], w->n_struts, st->strut_on,
			      st->strut_precompression_kN_per_m);
		S_stage_items(o, "Spring supports present in stage", w->spring_supports, sizeof w->spring_supports[0],
			      w->n_spring_supports, st->spring_support_on, NULL);
		S_stage_items(o, "Rigid supports present in stage", w->rigid_supports, sizeof w->rigid_supports[0],
			      w->n_rigid_supports, st->rigid_support_on, NULL);
		S_stage_items(o, "Uniform loads in stage", w->uniform_loads, sizeof w->uniform_loads[0], w->n_uniform_loads,
			      st->uniform_load_on, NULL);
		int nq[2] = {0, 0};
		for (int side = 0; side < 2; side++)
			for (int k = 0; k < w->n_surcharges; k++)
				nq[side] += st->surcharge_on[side][k] != 0;
		S_line(o, "%10d %10d   Surcharge loads in stage", nq[0], nq[1]);
		for (int side = 0; side < 2; side++)
			for (int k = 0, ord = 0; k < w->n_surcharges; k++)
				if (st->surcharge_on[side][k])
					S_line(o, "%10d %s", ++ord, w->surcharges[k].name);
		S_stage_items(o, "Horizontal line loads in stage", w->line_loads, sizeof w->line_loads[0], w->n_line_loads,
			      st->line_load_on, NULL);
		S_stage_items(o, "Moments in stage", w->moments, sizeof w->moments[0], w->n_moments, st->moment_on, NULL);
		S_stage_items(o, "Normal forces in stage", w->normal_forces, sizeof w->normal_forces[0],
			      w->n_normal_forces, st->normal_force_on, NULL);
		S_line(o, "%10d              Passive side overrule", 0);
	}
	S_line(o, "%s", "");
	S_line(o, "[END OF CONSTRUCTION STAGES]");
	S_line(o, "%s", "");
	S_line(o, "[CALCULATION OPTIONS PER STAGE]");
	S_line(o, "%d = number of items", w->n_stages);
	static const char *const stage_options[] = {
		"[STAGE]", "StagePartialFactorSetCUR=-1", "StageVerify=0", "StageAnchorFactor=1.000",
		"StagePartialFactorSetEC7NADNL=1", "StageRiskClassEC7NADBE=1", "StageVerifyEC7NADNL=0",
		"StageAnchorFactorEC7NADNL=1.000", "StageVerifyEC7NADBE=0", "[END OF STAGE]"};
	for (int s = 0; s < w->n_stages; s++)
		S_LINES(o, stage_options);
	S_line(o, "[END OF CALCULATION OPTIONS PER STAGE]");
	S_line(o, "%s", "");
}

/* The partial factor sets D-Sheet Piling 24.1 writes by default; they act
 * only in verification and design calculations, never in a standard one. */
static const char *const S_factor_keys[] = {
	"LoadFactorPermUnfav", "LoadFactorPermFav", "LoadFactorVarUnfav", "LoadFactorVarFav",
	"ConstructLoadFactorPermFav", "ConstructLoadFactorVarFav", "ConstructLoadFactorPermUnfavCalc",
	"ConstructLoadFactorVarUnfavCalc", "EffectFactor", "EffectFactorVarUnfav", "MaterialFactorCohesion",
	"MaterialFactorTgPhi", "MaterialFactorSubgradeReaction", "ResistanceFactor", "GeometryIncRetainingHeight",
	"GeometryMaxIncRetainingHeight", "GeometryIncRetainingHeightDry", "GeometryDeltaPassiveSurfaceLevel",
	"GeometryDeltaPassivePhreaticLine", "GeometryDeltaActivePhreaticLine", "OverallStabilityFactorDrivingMoment",
	"OverallStabilityFactorCohesion", "OverallStabilityFactorTgPhi", "OverallStabilityFactorUnitWeight",
	"FactorRepValuesMDPmax", "VerticalBalanceGammaMb"};
#define S_N_FACTOR_KEYS ((int)(sizeof S_factor_keys / sizeof S_factor_keys[0]))

static const char *const S_factor_sets[][2] = {
	{"EUROCODE DA1 SET1", "1.000 1.000 1.000 0.000 1.000 1.000 1.000 1.000 1.350 1.111 1.000 1.000 1.000 1.000 10.00 0.50 0.00 0.00 0.00 0.00 1.000 1.000 1.000 1.000 1.000 1.000"},
	{"EUROCODE DA1 SET2", "1.000 1.000 1.300 0.000 1.000 1.000 1.000 1.000 1.000 1.000 1.250 1.250 1.000 1.000 10.00 0.50 0.00 0.00 0.00 0.00 1.000 1.250 1.250 1.000 1.000 1.300"},
	{"EUROCODE DA2", "1.000 1.000 1.000 0.000 1.000 1.000 1.000 1.000 1.350 1.111 1.000 1.000 1.000 1.400 10.00 0.50 0.00 0.00 0.00 0.00 1.000 1.000 1.000 1.000 1.000 1.100"},
	{"EUROCODE DA3", "1.000 1.000 1.300 0.000 1.000 0.000 1.350 1.500 1.000 1.000 1.250 1.250 1.000 1.000 10.00 0.50 0.00 0.00 0.00 0.00 1.000 1.250 1.250 1.000 1.000 1.000"},
	{"EC7 NL 0", "1.000 1.000 1.000 0.000 1.000 0.000 1.000 1.000 1.000 1.000 1.000 1.050 1.300 1.000 10.00 0.50 0.00 0.00 0.15 0.05 0.900 1.300 1.200 1.000 1.200 1.200"},
	{"EC7 NL 1", "1.000 1.000 1.000 0.000 0.900 0.000 1.215 1.350 1.000 1.000 1.150 1.150 1.300 1.000 10.00 0.50 0.00 0.00 0.20 0.05 1.000 1.300 1.200 1.000 1.200 1.200"},
	{"EC7 NL 2", "1.000 1.000 1.100 0.000 0.900 0.000 1.350 1.500 1.000 1.000 1.250 1.175 1.300 1.000 10.00 0.50 0.00 0.00 0.25 0.05 1.000 1.450 1.250 1.000 1.200 1.200"},
	{"EC7 NL 3", "1.000 1.000 1.250 0.000 0.900 0.000 1.485 1.650 1.000 1.000 1.400 1.200 1.300 1.000 10.00 0.50 0.00 0.00 0.25 0.05 1.000 1.600 1.300 1.000 1.350 1.200"},
	{"EC7 BE 1 SET1", "1.000 1.000 1.000 0.000 1.000 1.000 1.000 1.000 1.200 1.083 1.000 1.000 1.000 1.000 0.00 0.00 0.00 0.00 0.00 0.00 1.000 1.000 1.000 1.000 1.000 1.000"},
	{"EC7 BE 1 SET2", "1.000 1.000 1.100 0.000 1.000 1.000 1.000 1.000 1.000 1.000 1.100 1.100 1.000 1.000 10.00 0.50 0.30 0.00 0.00 0.00 1.000 1.100 1.100 1.000 1.000 1.300"},
	{"EC7 BE 2 SET1", "1.000 1.000 1.000 0.000 1.000 1.000 1.000 1.000 1.350 1.111 1.000 1.000 1.000 1.000 0.00 0.00 0.00 0.00 0.00 0.00 1.000 1.000 1.000 1.000 1.000 1.000"},
	{"EC7 BE 2 SET2", "1.000 1.000 1.100 0.000 1.000 1.000 1.000 1.000 1.000 1.000 1.250 1.250 1.000 1.000 10.00 0.50 0.30 0.00 0.00 0.00 1.000 1.250 1.250 1.000 1.000 1.300"},
	{"EC7 BE 3 SET1", "1.000 1.000 1.000 0.000 1.000 1.000 1.000 1.000 1.500 1.200 1.000 1.000 1.000 1.000 0.00 0.00 0.00 0.00 0.00 0.00 1.000 1.000 1.000 1.000 1.000 1.000"},
	{"EC7 BE 3 SET2", "1.000 1.000 1.200 0.000 1.000 1.000 1.000 1.000 1.000 1.000 1.400 1.400 1.000 1.000 10.00 0.50 0.30 0.00 0.00 0.00 1.000 1.400 1.400 1.000 1.000 1.300"},
	{"CUR I", "1.000 1.000 1.000 0.000 1.000 1.000 1.000 1.000 1.000 1.000 1.000 1.050 1.300 1.000 0.00 0.00 0.00 0.20 0.15 0.05 0.900 1.500 1.200 1.000 1.000 1.200"},
	{"CUR II", "1.000 1.000 1.000 0.000 1.000 1.000 1.000 1.000 1.000 1.000 1.000 1.150 1.300 1.000 0.00 0.00 0.00 0.30 0.20 0.05 1.000 1.500 1.200 1.000 1.000 1.200"},
	{"CUR III", "1.000 1.000 1.250 0.000 1.000 1.000 1.000 1.000 1.000 1.000 1.100 1.200 1.300 1.000 0.00 0.00 0.00 0.35 0.25 0.05 1.100 1.500 1.200 1.000 1.000 1.200"},
};

static void S_options(S_w *o, const sp_wall_t *w)
{
	S_line(o, "[CALCULATION OPTIONS]");
	S_line(o, "CalcFirstStageInitial=%d", w->first_stage_initial ? 1 : 0);
	S_line(o, "CalcMinorNodesOn=%d", w->minor_nodes ? 1 : 0);
	S_line(o, "CalcReduceDeltas=%d", w->reduce_delta ? 1 : 0);
	S_line(o, "InputCalculationType=0");
	S_line(o, "IsVibrationCalculation=0");
	static const char *const rest[] = {
		"AllowableAnchorForceCalculationType=0", "CalcAutoLambdasOn=1", "DesignStage=0",
		"DesignPileLengthFrom=0.00", "DesignPileLengthTo=0.00", "DesignPileLengthDecrement=0.00",
		"DesignPileLengthNew=1", "DesignType=0", "DesignEuroCodePartialFactorSet=0",
		"DesignPartialFactorSetEC7NADNL=1", "DesignEC7NLMethod=0", "DesignEC7BEPartialFactorSet=2",
		"DesignEC7BEMethod=0", "DesignPartialFactorSet=0", "DesignCURMethod=0", "VerifyType=0",
		"EuroCodePartialFactorSet=0", "EuroCodeOverallStability=0", "EC7NLMethod=0",
		"EC7NLOverallPartialFactorSet=1", "EC7NLOverallAnchorFactor=1.000", "EC7NADNLOverallStability=0",
		"EC7NLAssessmentType=0", "EC7BEOverallStability=0", "EC7BEMethod=0", "EC7BEOverallRiskClass=1",
		"CURMethod=0", "CUROverallPartialFactorSet=0", "CUROverallAnchorFactor=1.000", "CUROverallStability=0",
		"CURAnchorForceStage=0", "CURStabilityStage=0", "OverallStabilityType=0", "StabilityExport=0",
		"StabilityEuroCodePartialFactorSet=0", "StabilityEC7NLPartialFactorSet=1",
		"OverallStabilityEC7BEPartialFactorSet=2", "StabilityCURPartialFactorSet=0"};
	for (size_t k = 0; k < sizeof rest / sizeof rest[0]; k++)
		S_line(o, "%s", rest[k]);
	for (size_t s = 0; s < sizeof S_factor_sets / sizeof S_factor_sets[0]; s++) {
		S_line(o, "[PARTIAL FACTORS %s]", S_factor_sets[s][0]);
		const char *p = S_factor_sets[s][1];
		for (int k = 0; k < S_N_FACTOR_KEYS; k++) {
			size_t n = strcspn(p, " ");
			S_line(o, "%s=%.*s", S_factor_keys[k], (int)n, p);
			p += n + (p[n] == ' ');
		}
		S_line(o, "[END OF PARTIAL FACTORS %s]", S_factor_sets[s][0]);
	}
	S_line(o, "[END OF CALCULATION OPTIONS]");
	S_line(o, "%s", "");
	static const char *const prob[] = {
		"[PROBABILISTIC CALCULATION OPTIONS]", "ZFunctionType=0", "ZFunctionMobilisation=100.00",
		"ZFunctionMoment=0.00", "ZFunctionAnchorForce=0.00", "ZFunctionAnchor=0",
		"[END OF PROBABILISTIC CALCULATION OPTIONS]", "", "[PROBABILISTIC CONTROL PARAMETERS]",
		"IterationFactor=1.000", "IterationNumber=15", "CriteriaLimit1=0.010000", "CriteriaLimit2=0.010000",
		"ReliabilityStage=0", "[END OF PROBABILISTIC CONTROL PARAMETERS]", "", "[END OF INPUT DATA]"};
	for (size_t k = 0; k < sizeof prob / sizeof prob[0]; k++)
		S_line(o, "%s", prob[k]);
}

int sp_shi_write(FILE *fp, const sp_wall_t *w, const char *source_name, sp_err_t *err)
{
	S_w *o = calloc(1, sizeof *o);
	if (o == NULL)
		return sp_err_set(err, SP_ESOFTWARE, "out of memory");
	o->err = err;
	char *text = NULL;
	size_t len = 0;
	int rc = S_check(o, w);
	if (rc == SP_OK) {
		o->fp = open_memstream(&text, &len);
		if (o->fp == NULL) {
			free(o);
			return sp_err_set(err, SP_ESOFTWARE, "out of memory");
		}
		S_banner(o, source_name);
		S_soils(o, w);
		S_model(o, w);
		S_piling(o, w);
		S_anchors(o, w->anchors, w->n_anchors, 0);
		S_anchors(o, w->struts, w->n_struts, 1);
		S_supports(o, w->spring_supports, w->n_spring_supports, 0);
		S_supports(o, w->rigid_supports, w->n_rigid_supports, 1);
		S_loads(o, w);
		S_geometry(o, w);
		S_stages(o, w);
		S_options(o, w);
		int bad = ferror(o->fp);
		if (fclose(o->fp) != 0 || bad)
			rc = sp_err_set(err, SP_ESOFTWARE, "out of memory");
		else
			rc = o->rc;
	}
	if (rc == SP_OK && (fwrite(text, 1, len, fp) != len || fflush(fp) != 0))
		rc = sp_err_set(err, SP_EIO, "write error: %s", strerror(errno));
	free(text);
	free(o);
	return rc;
}
