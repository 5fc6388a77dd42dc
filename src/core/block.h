/* block.h - one allocation for a struct and the arrays it owns.
 *
 * A struct whose arrays are sized once, when it is made, is allocated with
 * them as one zeroed block: the struct (head bytes) first, then each array,
 * aligned for any type. One free() releases it all, and a constructor has
 * one failure path. Arrays that grow together (the same capacity) are one
 * block too, moved to a larger one as a whole. */
#ifndef SP_BLOCK_H
#define SP_BLOCK_H

#include <stddef.h>

/* An array of the block: n elements of size bytes each. */
typedef struct {
	size_t n;    /* 0 counts as 1: no array of a block is empty */
	size_t size;
} sp_block_part_t;

/* A zeroed block of head bytes followed by the n_parts arrays of part;
 * at[i] receives the address of array i (with head 0, at[0] is the block).
 * Returns the block, or NULL when out of memory or when the sizes overflow.
 * The caller frees it with free(). */
void *sp_block_alloc(size_t head, size_t n_parts, const sp_block_part_t *part, void **at);

/* Parallel arrays that grow together, as one block with no head: a new
 * block of the arrays of part, into which the first n_old elements of each
 * array old[i] of the old block are copied (old[0] is that block; NULL, or
 * n_old 0: nothing to copy); the old block is then freed. Returns the new
 * block, at[i] its arrays; NULL, the old block untouched, when out of
 * memory. */
void *sp_block_grow(size_t n_parts, const sp_block_part_t *part, void *const *old, size_t n_old, void **at);

#endif
