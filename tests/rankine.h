/* rankine.h - the closed forms the limit-equilibrium tests take their
 * expected values from, written here independently of src/engine/earth.c:
 * Rankine's Ka = tan^2(45 - phi/2) and Kp = tan^2(45 + phi/2) (Rankine 1857;
 * any soil mechanics text, e.g. Craig's Soil Mechanics ch. 11). */
#ifndef SP_TEST_RANKINE_H
#define SP_TEST_RANKINE_H

#include <math.h>

static inline double rad(double deg)
{
	return deg * (acos(-1.0) / 180.0);
}

static inline double ka_rankine(double phi_deg)
{
	double t = tan(rad(45.0 - phi_deg / 2.0));
	return t * t;
}

static inline double kp_rankine(double phi_deg)
{
	double t = tan(rad(45.0 + phi_deg / 2.0));
	return t * t;
}

#endif
