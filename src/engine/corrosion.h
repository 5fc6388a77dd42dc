/* corrosion.h - loss of steel thickness over the design life (EN 1993-5 4.4).
 *
 * Tables 4.1 (soils) and 4.2 (fresh and sea water): loss per face, mm, at
 * 5, 25, 50, 75 and 100 years, linear in between (the standard gives no rule;
 * practice and the codes in shared/reference/en1993_5_checks.md 1a/1b do so).
 * Compacted fills: the non-compacted value / 2 (EN 1993-5 note to Table
 * 4.1, recalled: see docs/validation.md). Which rows were read in a printed
 * copy and which are recalled only is in sp_corrosion_row_source(). */
#ifndef SP_CORROSION_H
#define SP_CORROSION_H

#include "study.h"

#define SP_CORROSION_LIFE_MIN_Y 5.0
#define SP_CORROSION_LIFE_MAX_Y 100.0

/* Loss of thickness of one face, mm, after life_years (clamped to 5..100). */
double sp_corrosion_loss_mm(sp_exposure e, double life_years);

/* "S" when the row was read in a printed copy, "R" when recalled only. */
const char *sp_corrosion_row_source(sp_exposure e);

/* The loss of each face of the study's wall (index SP_FACE_RETAINED /
 * SP_FACE_EXCAVATION), mm: 0 without [durability]. Returns their sum, the
 * loss of thickness of every plate of the pile (each plate of a Z or U
 * wall has one face on each side). */
double sp_corrosion_study_loss_mm(const sp_study_t *st, double loss_mm[2]);

#endif
