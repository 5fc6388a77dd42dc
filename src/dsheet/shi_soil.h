/* shi_soil.h - the soils of a .shi file: [SOIL COLLECTION] and [SOIL
 * PROFILES] into the wall's soils and layers, and, once the whole file is
 * read, the soils' moduli of subgrade reaction (branches, Cur secant moduli,
 * shell factor, Menard) and Brinch Hansen's coefficients. Each function
 * returns SP_OK or SP_EDATA with "file:line: [SECTION] message"
 * (shi_scan.h). */
#ifndef SP_SHI_SOIL_H
#define SP_SHI_SOIL_H

#include "shi_scan.h"
#include "wall.h"

#define SP_SHI_SOIL_MAX_PROFILES 16

/* What a soil of the file has beyond sp_wall_soil_t, until sp_shi_soil_finish. */
typedef struct {
	double kb[5], ko[5];         /* SoilKb0..4, SoilKo0..4 */
	double cur_kb[3], cur_ko[3]; /* SoilCurKb1..3, SoilCurKo1..3 */
	double lam[3];
	double shell_factor;         /* SoilShellFactor: multiplies the moduli (bm1-8/bm1-9 .shd: 4000 x 2.5 = 10000) */
	double menard, brinch_hansen;
	double e_menard, soil_type;  /* SoilEModMenard, SoilSoilType (0 gravel .. 4 peat) */
	double lambda_type;          /* SoilLambdaType: 0 as given, 1 Mueller-Breslau, 2 Koetter */
	int line;
} sp_shi_soil_extra_t;

/* The soils read so far (zero it before the first section). */
typedef struct {
	sp_shi_soil_extra_t x[SP_WALL_MAX_SOILS]; /* per soil of the wall */
	char profile_names[SP_SHI_SOIL_MAX_PROFILES][SP_NAME_MAX];
	sp_wall_profile_t profiles[SP_SHI_SOIL_MAX_PROFILES]; /* as in the file */
	int n_profiles;
	int use_cur;                 /* [SOIL PROFILES] "Use Cur values" */
} sp_shi_soil_t;

/* [SOIL COLLECTION], after its [NAME] line, up to its end: w->soils. */
int sp_shi_soil_read(sp_shi_soil_t *soil, sp_shi_scan_t *in, sp_wall_t *w);
/* [SOIL PROFILES], after the soils: every profile, the number of branches
 * and the unloading curve. */
int sp_shi_soil_read_profiles(sp_shi_soil_t *soil, sp_shi_scan_t *in, sp_wall_t *w);
/* After the stages (their profile[] hold indices into soil->profiles): the
 * profile of the first stage's left side becomes the wall's layers, every
 * other profile a stage uses one of the wall's profiles (a copy of the
 * wall's layers is not kept apart), and the stages refer to them. */
int sp_shi_soil_assign_profiles(const sp_shi_soil_t *soil, sp_shi_scan_t *in, sp_wall_t *w);
/* After the whole file (the elements, layers and stages are read): the moduli
 * of subgrade reaction of every soil and, in the single pile model, Brinch
 * Hansen's coefficients (soils in several layers are copied per layer). */
int sp_shi_soil_finish(const sp_shi_soil_t *soil, sp_shi_scan_t *in, sp_wall_t *w, int single_pile);

#endif
