/* study_profile.c - the soil profiles of a subgrade study file
 * (study_profile.h): [soil-profile NAME] and a stage's reference to one. */
#include "study_profile.h"
#include "ini_numbers.h"

#include <string.h>

static const double S_level_lo = -1e4, S_level_hi = 1e4;

/* Index of the named item among n structs of size stride whose first
 * member is the name; -1 if none. */
static int S_lookup(const void *items, size_t stride, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp((const char *)items + (size_t)i * stride, name) == 0)
			return i;
	return -1;
}

/* [soil-profile NAME]: layers = soil names top-down ([layer NAME] or
 * [soil NAME]), top_levels_m, and optional excess pore pressures per layer. */
void sp_study_profile_read(sp_ini_t *c, const char *sec, const char *name, const sp_wall_t *w, sp_wall_profile_t *p)
{
	sp_strlcpy(p->name, name, sizeof p->name);
	int line = 0;
	const char *v = sp_ini_value(c, sec, "layers", &line);
	if (v == NULL) {
		sp_ini_fail(c, SP_EDATA, "%s:%d: [%s]: key 'layers' (soil names, top-down) is missing", sp_ini_path(c),
		            sp_ini_section_line(c, sec), sec);
		return;
	}
	int n = 0;
	for (const char *q = v; *q && n <= SP_WALL_MAX_LAYERS;) {
		const char *e = strchr(q, ',');
		size_t len = e ? (size_t)(e - q) : strlen(q);
		char nm[SP_NAME_MAX];
		while (len > 0 && (*q == ' ' || *q == '\t'))
			q++, len--;
		while (len > 0 && (q[len - 1] == ' ' || q[len - 1] == '\t'))
			len--;
		if (len == 0 || len >= sizeof nm || n == SP_WALL_MAX_LAYERS) {
			sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key 'layers': %s", sp_ini_path(c), line, sec,
			            n == SP_WALL_MAX_LAYERS ? "too many layers" : "an empty or too long soil name");
			return;
		}
		memcpy(nm, q, len);
		nm[len] = '\0';
		int k = S_lookup(w->soils, sizeof w->soils[0], w->n_soils, nm);
		if (k < 0) {
			sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key 'layers': no [layer %s] or [soil %s] section",
			            sp_ini_path(c), line, sec, nm, nm);
			return;
		}
		p->layers[n++].soil = k;
		q = e ? e + 1 : q + len;
	}
	p->n_layers = n;
	double lev[SP_WALL_MAX_LAYERS], top[SP_WALL_MAX_LAYERS] = {0}, bot[SP_WALL_MAX_LAYERS] = {0};
	int nl = sp_ini_numbers(c, sec, "top_levels_m", 1, lev, SP_WALL_MAX_LAYERS, S_level_lo, S_level_hi,
	                   "level of each layer's top, m, top-down");
	int nt = sp_ini_numbers(c, sec, "excess_pore_top_kPa", 0, top, SP_WALL_MAX_LAYERS, -1e4, 1e4,
	                   "excess pore pressure at each layer's top, kPa");
	int nb = sp_ini_numbers(c, sec, "excess_pore_bottom_kPa", 0, bot, SP_WALL_MAX_LAYERS, -1e4, 1e4,
	                   "excess pore pressure at each layer's bottom, kPa");
	if (sp_ini_status(c))
		return;
	const char *bad = nl != n ? "top_levels_m" : (nt != 0 && nt != n) ? "excess_pore_top_kPa"
	                                          : (nb != 0 && nb != n) ? "excess_pore_bottom_kPa" : NULL;
	if (bad) {
		sp_ini_value(c, sec, bad, &line);
		sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': one value per layer (%d) needed", sp_ini_path(c), line,
		            sec, bad, n);
		return;
	}
	for (int j = 0; j < n; j++) {
		p->layers[j].top_level_m = lev[j];
		p->layers[j].excess_pore_top_kPa = top[j];
		p->layers[j].excess_pore_bottom_kPa = bot[j];
		if (j > 0 && !(lev[j] < lev[j - 1])) {
			sp_ini_value(c, sec, "top_levels_m", &line);
			sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key 'top_levels_m': levels must decrease (%g after %g)",
			            sp_ini_path(c), line, sec, lev[j], lev[j - 1]);
			return;
		}
	}
}

/* left_soil_profile / right_soil_profile of a [stage]: 0 (the [layer]
 * sections) or the number of a [soil-profile NAME]. */
int sp_study_profile_of_stage(sp_ini_t *c, const char *sec, const char *key, const sp_wall_t *w)
{
	int line;
	const char *v = sp_ini_value(c, sec, key, &line);
	if (v == NULL)
		return 0;
	int k = S_lookup(w->profiles, sizeof w->profiles[0], w->n_profiles, v);
	if (k < 0) {
		sp_ini_fail(c, SP_EDATA, "%s:%d: [%s] key '%s': no [soil-profile %s] section", sp_ini_path(c), line, sec,
		            key, v);
		return 0;
	}
	return k + 1;
}

