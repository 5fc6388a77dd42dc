/* partial_factors.h - the verifications a subgrade search may ask for
 * ([design] verification, docs/study-file.md) and their built-in partial
 * factor sets: D-Sheet Piling's default [PARTIAL FACTORS ...] sets, as
 * D-Sheet writes them into every project file (see the .c file for the
 * source of each number). Plain data. */
#ifndef SP_PARTIAL_FACTORS_H
#define SP_PARTIAL_FACTORS_H

#include "wall_calc.h"

/* [design] verification */
typedef enum {
	SP_VERIFICATION_NONE = 0,
	SP_VERIFICATION_EC7_NL,  /* NEN 9997-1 (Dutch annex), reliability class RC0..RC3 */
	SP_VERIFICATION_EC7_BE,  /* Belgian annex, risk class 1..3, two sets */
	SP_VERIFICATION_EC7_DA1, /* EN 1997-1 design approach 1, sets 1 and 2 */
	SP_VERIFICATION_EC7_DA2,
	SP_VERIFICATION_EC7_DA3,
	SP_VERIFICATION_CUR_A,   /* CUR 166 method A, safety class I..III */
	SP_VERIFICATION_CUR_B,   /* CUR 166 method B: each stage verified from the characteristic stages before it */
	SP_VERIFICATION_N
} sp_partial_factors_verification;

/* "none", "ec7-nl", ... in the order above, NULL-terminated */
extern const char *const sp_partial_factors_words[];

/* The class words of verification v (NULL-terminated), or NULL when it has
 * none (ec7-da1/2/3, none): ec7-nl rc0..rc3, ec7-be rc1..rc3, cur i..iii. */
const char *const *sp_partial_factors_classes(int v);

/* The built-in sets of verification v, class index cls (into its class
 * words; ignored without classes), into sets[]; returns how many (1 or 2),
 * 0 for none or an unknown verification or class. */
int sp_partial_factors_sets(int v, int cls, sp_factor_set_t sets[SP_CALC_MAX_SETS]);

/* 1 if verification v runs CUR 166's four steps (low/high modulus x
 * high/low passive water): cur-a, cur-b and ec7-nl (the Dutch annex
 * verifies by CUR 166's design procedure, wall_calc.h
 * sp_calc_cur_procedure); 0 if each set is one factored run. */
int sp_partial_factors_cur(int v);

#endif
