/* earth.h - earth pressure: coefficients (earth.c) and depth-wise pressure
 * profiles of a layered soil with water on both sides (earth_profile.c).
 * Pure functions, no allocation unless stated.
 *
 * Angles are in degrees. Every coefficient is for the HORIZONTAL component of
 * the earth pressure on a vertical wall with horizontal ground surface, so
 * that sigma'_h = K * sigma'_v. For theories that give the resultant inclined
 * at the wall friction angle delta (Coulomb) that is K_resultant * cos(delta);
 * EN 1997-1 Annex C gives the normal component directly.
 * Wall friction delta >= 0 is the magnitude; the functions apply the physically
 * right sign (soil moves down relative to the wall on the active side, up on
 * the passive side).
 *
 * Input limits. Checking 0 <= delta <= phi is the caller's job, but no
 * function returns NaN or inf for finite angles: delta > phi is taken as
 * delta = phi, delta < 0 as 0, phi < 0 as 0 and phi > 89 as 89. phi = 0 (below
 * 1e-9 degrees) is the undrained case: Ka = Kp = 1, Kac = Kpc = 2 for every
 * theory. An unknown theory gives NaN from the dispatchers and "unknown" as
 * its name. */
#ifndef SP_EARTH_H
#define SP_EARTH_H

/* sp_earth_theory, the theory a study names, is declared in study.h. */
#include "study.h"

/* Name as used in study files: "rankine", "coulomb", "ec7". */
const char *sp_earth_theory_name(sp_earth_theory t);

double sp_k0_jaky(double phi_deg);                    /* 1 - sin(phi) */
double sp_ka_rankine(double phi_deg);                 /* tan^2(45 - phi/2) */
double sp_kp_rankine(double phi_deg);                 /* tan^2(45 + phi/2) */
/* Coulomb (plane wedge), horizontal component K cos(delta). The plane wedge has
 * no finite passive value once sin(phi + delta) sin(phi) >= cos(delta) (phi >=
 * 45 with delta near phi); Kp is then capped at cos^2(phi) * 1e6 and is not
 * meaningful (EN 1997-1 9.5.3(2): use a curved surface for high phi, delta). */
double sp_ka_coulomb(double phi_deg, double delta_deg);
double sp_kp_coulomb(double phi_deg, double delta_deg);
/* D-Sheet Piling's reduction of the wall friction angle "according to CUR
 * 166" (CalcReduceDeltas): delta at most 16.6 deg for 30 < phi <= 35 and 17.2
 * deg for phi > 35; unchanged for phi <= 30 and for delta <= 0. D-Sheet
 * applies it to the passive wedges only (bm4-16a.shd). */
double sp_delta_cur166(double phi_deg, double delta_deg);
/* EN 1997-1:2004 Annex C.2 (C.3)-(C.6) for theta = beta = 0: Kn, the normal
 * (= horizontal) component; the active case is the passive one with phi and
 * delta of opposite sign. Equal to Rankine for delta = 0; the passive value is
 * Lancellotta's (2002) lower bound, below the Annex C charts at high delta. */
double sp_ka_ec7(double phi_deg, double delta_deg);   /* Annex C.2, Kn (active) */
double sp_kp_ec7(double phi_deg, double delta_deg);   /* Annex C.2, Kn (passive) */

/* Dispatch on theory. */
double sp_ka(sp_earth_theory t, double phi_deg, double delta_deg);
double sp_kp(sp_earth_theory t, double phi_deg, double delta_deg);

/* Cohesion coefficients: sigma'_h = K sigma'_v -/+ Kc c'. Rankine: 2 sqrt(K).
 * Coulomb: 2 sqrt(K) with the horizontal Coulomb K, i.e. no wall adhesion.
 * For EC7 Annex C: Kc = (Kn - 1) cot(phi) for passive and (1 - Kn) cot(phi) for active
 * (C.8), which holds for an adhesion a = c' tan(delta)/tan(phi), so a = 0 for
 * delta = 0 where it equals 2 sqrt(K); limited for phi -> 0 to the undrained
 * value 2 (with no adhesion). */
double sp_kac(sp_earth_theory t, double phi_deg, double delta_deg);
double sp_kpc(sp_earth_theory t, double phi_deg, double delta_deg);

/* Brinch Hansen (1961), "The ultimate resistance of rigid piles against
 * transversal forces", Danish Geotechnical Institute Bulletin 12: the
 * ultimate lateral resistance of a pile of width D at depth z is
 * p = K_q(z/D) sigma'_v + K_c(z/D) c, with
 *   K_q = (K_q0 + K_qinf a_q z/D) / (1 + a_q z/D),
 *   K_c = (K_c0 + K_cinf a_c z/D) / (1 + a_c z/D)
 * between the surface values K_q0, K_c0 (a wedge) and the values at great
 * depth K_qinf = K_cinf K0 tan phi, K_cinf = N_c d_cinf (flow round the pile),
 * K0 = 1 - sin phi, N_c = (e^(pi tan phi) tan^2(45 + phi/2) - 1) cot phi,
 * d_cinf = 1.58 + 4.09 tan^4 phi. phi below 1e-4 degrees is taken as 1e-4
 * (K_c then tends to 2.57 at the surface and 8.14 at depth, K_q to 0). */
void sp_brinch_hansen(double phi_deg, double depth_over_width, double *k_q, double *k_c);

#endif
