/* engine.c - engine selection and results. */
#include "engine.h"

#include <stdlib.h>

const sp_engine_type *sp_engine_builtin(const sp_study_t *st)
{
	return st->method == SP_METHOD_SUBGRADE ? sp_engine_beam : sp_engine_le;
}

void sp_analysis_free(sp_analysis_t *a)
{
	if (a == NULL)
		return;
	free(a->diagram);
	a->diagram = NULL;
	a->n_diagram = 0;
}
