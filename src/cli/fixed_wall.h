/* fixed_wall.h - what analyze and run say of a study's fixed wall (an
 * imported D-Sheet Piling project) besides its numbers: the importer's
 * notes, why a stage has no results, and the check of the moment against
 * the elements' allowable moments (engine/moment_check.h). */
#ifndef SP_FIXED_WALL_H
#define SP_FIXED_WALL_H

#include <stddef.h>
#include "beam.h"
#include "moment_check.h"
#include "wall.h"

/* Each of w's notes (the importer's: what it read but does not compute) as
 * "[WARNING] path: note" on stderr. */
void sp_fixed_wall_notes(const sp_wall_t *w, const char *path);

/* Why a stage that is not SP_BEAM_OK has no results: the engine's reason
 * (a mechanism of plastic hinges names the plastic moment and the level,
 * never a moment of the failed computation), else its status's name. */
void sp_fixed_wall_why_failed(const sp_beam_stage_result_t *r, char *buf, size_t size);

/* The moment check of a computed stage (0 when the wall has no allowable
 * moment or the stage failed) and, when its unity check passes 1, the
 * warning "[WARNING] path: stage N 'name': allowable moment exceeded: ..."
 * on stderr (D-Sheet Piling: "Allowable moment exceeded"). */
int sp_fixed_wall_check_moment(const sp_wall_t *w, int stage, const sp_beam_stage_result_t *r, const char *path,
                               sp_moment_check_t *out);

#endif
