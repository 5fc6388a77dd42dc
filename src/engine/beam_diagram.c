/* beam_diagram.c - the results of a solved stage (beam_diagram.h).
 *
 * The total nodal force K_beam u (equilibrium, reactions included) summed
 * above a section gives the shear; the moment comes from the bending part
 * alone, so that it includes the second-order effect of a normal force.
 * Compiled with -O3 like the Newton loop (src/CMakeLists.txt). */
#include "beam_diagram.h"
#include "beam_bending.h"
#include "beam_solve.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* Distributed force at node i from the half element above it and the one
 * below it: soil springs (their pressures p[side][half], 0 where off) and
 * water, as lumped in the solution. */
static void S_half_forces(const sp_beam_work_t *b, int i, double p[2][2], double *up, double *down)
{
	for (int side = 0; side < 2; side++) {
		double push = side == SP_RIGHT ? -1.0 : 1.0;
		for (int h = 0; h < 2; h++) {
			const sp_beam_spring_t *sp = SP_BEAM_WORK_SPR(b, i, side, h);
			if (!sp->on)
				continue;
			double f = push * p[side][h] * sp->trib_m;
			if (h == 1) {
				*down += f;
			} else if (SP_BEAM_WORK_SPR(b, i, side, 1)->merged) {
				double lu = b->elen[i - 1], ld = b->elen[i];
				*up += f * lu / (lu + ld);
				*down += f * ld / (lu + ld);
			} else {
				*up += f;
			}
		}
	}
	for (int h = 0; h < 2; h++) {
		int j = h == 0 ? i - 1 : i + 1;
		if (j < 0 || j >= b->n)
			continue;
		int e = h == 0 ? i - 1 : i;
		double width = b->width[e] > 0 ? b->width[e] : 1.0;
		double pl = (3.0 * b->water[SP_LEFT][i] + b->water[SP_LEFT][j]) / 4.0;
		double pr = (3.0 * b->water[SP_RIGHT][i] + b->water[SP_RIGHT][j]) / 4.0;
		double f = (pl - pr) * b->elen[e] / 2.0 * width;
		if (h == 0)
			*up += f;
		else
			*down += f;
	}
}

int sp_beam_diagram_stage(sp_beam_work_t *b, const sp_wall_stage_t *st, int want_nodes, sp_beam_stage_result_t *res)
{
	const sp_wall_t *w = b->w;
	int n = b->n, n2 = 2 * n;
	/* the Newton loop's residuals are free now: 4n doubles */
	double *kf = b->resid, *kb = b->resid + n2;
	/* total nodal force = K_beam u (equilibrium, reactions included): its sum
	 * above a section is the shear (horizontal); the moment comes from the
	 * bending part alone, so that it includes the second-order effect of a
	 * normal force (without one, the two are the same) */
	int normal = 0;
	for (int e = 0; e + 1 < n && !normal; e++)
		normal = b->etension[e] != 0.0;
	sp_beam_solve_beam_force(b, b->u, 1, kf);
	if (normal)
		sp_beam_solve_beam_force(b, b->u, 0, kb);
	else
		kb = kf;
	if (b->bend) { /* the plastic curvatures' forces are the beam's own (beam_bending.h) */
		sp_beam_bending_remove_load(b->bend, kf);
		if (kb != kf)
			sp_beam_bending_remove_load(b->bend, kb);
	}
	if (want_nodes) {
		res->nodes = calloc((size_t)n, sizeof *res->nodes);
		if (res->nodes == NULL)
			return SP_ESOFTWARE;
		res->n_nodes = (size_t)n;
	}
	double sum_f = 0.0, sum_b = 0.0, sum_bz = 0.0, sum_m = 0.0;
	double mmax = 0, mlev = w->top_level_m, vmax = 0, umax = 0;
	double eff[2] = {0, 0}, pas[2] = {0, 0};
	for (int i = 0; i < n; i++) {
		double z = b->z[i];
		/* the springs' pressures at the node, once */
		double p[2][2] = {{0, 0}, {0, 0}};
		for (int side = 0; side < 2; side++) {
			double s = side == SP_RIGHT ? b->u[2 * i] : -b->u[2 * i];
			for (int h = 0; h < 2; h++) {
				const sp_beam_spring_t *sp = SP_BEAM_WORK_SPR(b, i, side, h);
				double slope;
				if (sp->on)
					p[side][h] = sp_beam_spring_pressure(sp, s, &slope);
			}
		}
		/* moment at node i from everything above it */
		sum_m += kb[2 * i + 1]; /* a moment at this node acts just above the section below it */
		double m = sum_b * z - sum_bz + sum_m;
		/* shear at the node's level: everything above it, with the distributed
		 * (soil, water) force of the half element above the node; point loads
		 * and reactions at the node make the jump to the value just below */
		double f_i = kf[2 * i], f_up = 0.0, f_down = 0.0;
		S_half_forces(b, i, p, &f_up, &f_down);
		double v_above = -(sum_f + f_up);
		double v_below = -(sum_f + f_i - f_down);
		sum_f += f_i;
		sum_b += kb[2 * i];
		sum_bz += kb[2 * i] * z;
		if (fabs(m) > fabs(mmax))
			mmax = m, mlev = z;
		if (fabs(v_above) > fabs(vmax))
			vmax = v_above;
		if (fabs(v_below) > fabs(vmax))
			vmax = v_below;
		double ui = b->u[2 * i] * 1000.0;
		if (fabs(ui) > fabs(umax))
			umax = ui;
		for (int side = 0; side < 2; side++) {
			double pe = 0, pa = 0, pn = 0, pp = 0, trib = 0;
			for (int h = 0; h < 2; h++) {
				const sp_beam_spring_t *sp = SP_BEAM_WORK_SPR(b, i, side, h);
				if (!sp->on)
					continue;
				eff[side] += p[side][h] * sp->trib_m;
				pas[side] += sp->sig_p * sp->trib_m;
				if (res->nodes)
					pe += p[side][h] * sp->trib_m, pa += sp->sig_a * sp->trib_m,
					    pn += sp->sig_n * sp->trib_m, pp += sp->sig_p * sp->trib_m, trib += sp->trib_m;
			}
			if (res->nodes) {
				sp_beam_node_t *nd = &res->nodes[i];
				if (trib > 0) {
					nd->effective_kPa[side] = pe / trib;
					nd->active_kPa[side] = pa / trib;
					nd->neutral_kPa[side] = pn / trib;
					nd->passive_kPa[side] = pp / trib;
				}
				nd->water_kPa[side] = b->water[side][i];
			}
		}
		if (res->nodes) {
			sp_beam_node_t *nd = &res->nodes[i];
			nd->level_m = z;
			nd->displacement_mm = ui;
			nd->moment_kNm_per_m = m;
			nd->shear_kN_per_m = v_below;
		}
	}
	res->max_moment_kNm_per_m = mmax;
	res->max_moment_level_m = mlev;
	res->max_shear_kN_per_m = vmax;
	res->max_displacement_mm = umax;
	res->top_displacement_mm = b->u[0] * 1000.0;
	for (int side = 0; side < 2; side++)
		res->mobilised_pct[side] = pas[side] > 0 ? 100.0 * eff[side] / pas[side] : 0.0;
	for (int i = 0; i < w->n_anchors; i++)
		res->anchor_force_kN_per_m[i] = st->anchor_on[i] ? b->anchors[i].tension : 0.0;
	for (int i = 0; i < w->n_struts; i++)
		res->strut_force_kN_per_m[i] = st->strut_on[i] ? b->struts[i].tension : 0.0;
	return SP_OK;
}
