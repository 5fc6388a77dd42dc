/* harness.h - a tiny test harness: every check is named, failures are printed,
 * and sp_test_done() prints the plain closing line "N passed, N failed". */
#ifndef SP_HARNESS_H
#define SP_HARNESS_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int sp_test_pass, sp_test_fail;

#define OK(cond, name)                                                            \
	do {                                                                      \
		if (cond) {                                                       \
			sp_test_pass++;                                           \
		} else {                                                          \
			sp_test_fail++;                                           \
			printf("FAIL %s:%d %s\n", __FILE__, __LINE__, (name));    \
		}                                                                 \
	} while (0)

#define INT_EQ(got, want, name)                                                   \
	do {                                                                      \
		long long g_ = (long long)(got), w_ = (long long)(want);          \
		if (g_ == w_) {                                                   \
			sp_test_pass++;                                           \
		} else {                                                          \
			sp_test_fail++;                                           \
			printf("FAIL %s:%d %s: got %lld, want %lld\n", __FILE__,  \
			       __LINE__, (name), g_, w_);                         \
		}                                                                 \
	} while (0)

/* |got - want| <= rel * |want|, or <= abs_tol when want is near zero */
#define DBL_REL(got, want, rel, name)                                             \
	do {                                                                      \
		double g_ = (got), w_ = (want);                                   \
		if (isfinite(g_) && fabs(g_ - w_) <= (rel)*fabs(w_) + 1e-12) {    \
			sp_test_pass++;                                           \
		} else {                                                          \
			sp_test_fail++;                                           \
			printf("FAIL %s:%d %s: got %.6g, want %.6g (rel %.3g%%)\n", \
			       __FILE__, __LINE__, (name), g_, w_,               \
			       w_ != 0 ? 100 * fabs(g_ - w_) / fabs(w_) : 0.0);   \
		}                                                                 \
	} while (0)

#define DBL_ABS(got, want, tol, name)                                             \
	do {                                                                      \
		double g_ = (got), w_ = (want);                                   \
		if (isfinite(g_) && fabs(g_ - w_) <= (tol)) {                     \
			sp_test_pass++;                                           \
		} else {                                                          \
			sp_test_fail++;                                           \
			printf("FAIL %s:%d %s: got %.6g, want %.6g\n", __FILE__,  \
			       __LINE__, (name), g_, w_);                         \
		}                                                                 \
	} while (0)

static inline int sp_test_done(const char *suite)
{
	printf("%s: %d passed, %d failed\n", suite, sp_test_pass, sp_test_fail);
	return sp_test_fail == 0 ? 0 : 1;
}

#endif
