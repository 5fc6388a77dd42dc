/* corrosion.c - EN 1993-5 Tables 4.1 and 4.2. */
#include "corrosion.h"

static const double S_life_y[5] = {5, 25, 50, 75, 100};

/* Loss per face, mm; the rows of shared/reference/en1993_5_checks.md 1a, 1b. */
static const struct {
	double mm[5];
	double factor; /* compacted fills: half the non-compacted row */
	const char *source;
} S_rows[SP_EXP_N] = {
	[SP_EXP_UNDISTURBED_SOIL] = {{0.00, 0.30, 0.60, 0.90, 1.20}, 1.0, "S"},
	[SP_EXP_POLLUTED_SOIL] = {{0.15, 0.75, 1.50, 2.25, 3.00}, 1.0, "S"},
	[SP_EXP_AGGRESSIVE_SOIL] = {{0.20, 1.00, 1.75, 2.50, 3.25}, 1.0, "S"},
	[SP_EXP_NONCOMPACTED_FILL] = {{0.18, 0.70, 1.20, 1.70, 2.20}, 1.0, "S"},
	[SP_EXP_NONCOMPACTED_AGGRESSIVE_FILL] = {{0.50, 2.00, 3.25, 4.50, 5.75}, 1.0, "S"},
	[SP_EXP_COMPACTED_FILL] = {{0.18, 0.70, 1.20, 1.70, 2.20}, 0.5, "R"},
	[SP_EXP_COMPACTED_AGGRESSIVE_FILL] = {{0.50, 2.00, 3.25, 4.50, 5.75}, 0.5, "R"},
	[SP_EXP_FRESH_WATER] = {{0.15, 0.55, 0.90, 1.15, 1.40}, 1.0, "S"},
	[SP_EXP_POLLUTED_FRESH_WATER] = {{0.30, 1.30, 2.30, 3.30, 4.30}, 1.0, "R"},
	[SP_EXP_SEA_WATER_HIGH_ATTACK] = {{0.55, 1.90, 3.75, 5.60, 7.50}, 1.0, "S"},
	[SP_EXP_SEA_WATER_IMMERSION] = {{0.25, 0.90, 1.75, 2.60, 3.50}, 1.0, "S"},
};

double sp_corrosion_loss_mm(sp_exposure e, double life_years)
{
	double t = life_years < S_life_y[0] ? S_life_y[0] : life_years > S_life_y[4] ? S_life_y[4] : life_years;
	int i = 0;
	while (i < 3 && t > S_life_y[i + 1])
		i++;
	double w = (t - S_life_y[i]) / (S_life_y[i + 1] - S_life_y[i]);
	return S_rows[e].factor * ((1 - w) * S_rows[e].mm[i] + w * S_rows[e].mm[i + 1]);
}

const char *sp_corrosion_row_source(sp_exposure e)
{
	return S_rows[e].source;
}

double sp_corrosion_study_loss_mm(const sp_study_t *st, double loss_mm[2])
{
	const sp_durability_t *d = &st->durability;
	for (int f = 0; f < 2; f++)
		loss_mm[f] = !d->enabled         ? 0.0
		             : d->exposure[f] >= 0 ? sp_corrosion_loss_mm((sp_exposure)d->exposure[f], d->design_life_years)
		                                   : d->loss_given_mm[f];
	return loss_mm[0] + loss_mm[1];
}
