/* study_solver.h - the [solver] section of a study file: an external
 * program does the analyses (engine exec). */
#ifndef SP_STUDY_SOLVER_H
#define SP_STUDY_SOLVER_H

#include "sp_ini.h"
#include "study.h"

/* Fill st->solver from [solver] when the section is given (licences default
 * to 1 then); SP_OK or the error recorded in c. */
int sp_study_read_solver(sp_ini_t *c, sp_study_t *st);

#endif
