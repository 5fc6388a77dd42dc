/* block.c - one allocation for a struct and its arrays (block.h). */
#include "block.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define S_ALIGN _Alignof(max_align_t)

/* The offset of the next array: size rounded up to S_ALIGN; SIZE_MAX when
 * that overflows. */
static size_t S_aligned(size_t size)
{
	if (size > SIZE_MAX - (S_ALIGN - 1))
		return SIZE_MAX;
	return (size + (S_ALIGN - 1)) / S_ALIGN * S_ALIGN;
}

void *sp_block_alloc(size_t head, size_t n_parts, const sp_block_part_t *part, void **at)
{
	size_t size = head;
	for (size_t i = 0; i < n_parts; i++) {
		size_t n = part[i].n ? part[i].n : 1, offset = S_aligned(size);
		if (offset == SIZE_MAX || (part[i].size != 0 && n > (SIZE_MAX - offset) / part[i].size))
			return NULL;
		size = offset + n * part[i].size;
	}
	char *block = calloc(1, size ? size : 1);
	if (block == NULL)
		return NULL;
	size = head;
	for (size_t i = 0; i < n_parts; i++) {
		size_t offset = S_aligned(size);
		at[i] = block + offset;
		size = offset + (part[i].n ? part[i].n : 1) * part[i].size;
	}
	return block;
}

void *sp_block_grow(size_t n_parts, const sp_block_part_t *part, void *const *old, size_t n_old, void **at)
{
	void *block = sp_block_alloc(0, n_parts, part, at);
	if (block == NULL || old[0] == NULL)
		return block;
	for (size_t i = 0; i < n_parts && n_old > 0; i++)
		memcpy(at[i], old[i], n_old * part[i].size);
	free(old[0]);
	return block;
}
