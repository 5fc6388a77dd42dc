/* test_block.c - one allocation for a struct and its arrays (core/block.c).
 *
 * The source is the C standard (C11 7.19, 7.22.3): calloc returns zeroed
 * storage aligned for any object of fundamental alignment, that of
 * max_align_t. Each array of a block must have that alignment, follow the
 * one before it without overlapping it, be zeroed, and hold at least one
 * element; sizes that do not fit a size_t give NULL, not a short block.
 * A grown block keeps the first elements of each array and zeroes the rest.
 * The writes below reach the last byte of every array: under the sanitizer
 * build, a layout one byte short is a heap-buffer-overflow. */
#include "harness.h"
#include "block.h"

#include <stdint.h>
#include <stdlib.h>

static int S_zero(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != 0)
			return 0;
	return 1;
}

int main(void)
{
	const size_t align = _Alignof(max_align_t);
	struct head {
		char name[23];
	};
	const sp_block_part_t part[] = {{3, sizeof(double)}, {5, 1}, {0, sizeof(long double)}, {7, 3}};
	void *at[4];
	unsigned char *b = sp_block_alloc(sizeof(struct head), 4, part, at);
	OK(b != NULL, "a block of a 23-byte head and four arrays");
	if (b == NULL)
		return sp_test_done("block");
	unsigned char *a[4] = {at[0], at[1], at[2], at[3]};
	for (int i = 0; i < 4; i++)
		OK((uintptr_t)a[i] % align == 0, "every array aligned for max_align_t");
	OK(a[0] >= b + sizeof(struct head), "the first array after the head");
	OK(a[1] >= a[0] + 3 * sizeof(double), "array 1 after the 3 doubles of array 0");
	OK(a[2] >= a[1] + 5, "array 2 after the 5 bytes of array 1");
	OK(a[3] >= a[2] + sizeof(long double), "an array of 0 elements holds one");
	OK(S_zero(b, sizeof(struct head)) && S_zero(a[0], 3 * sizeof(double)) && S_zero(a[1], 5)
	   && S_zero(a[2], sizeof(long double)) && S_zero(a[3], 21), "the block zeroed");
	memset(b, 0xa5, sizeof(struct head));
	for (int i = 0; i < 4; i++)
		memset(a[i], i + 1, (part[i].n ? part[i].n : 1) * part[i].size);
	INT_EQ(b[sizeof(struct head) - 1], 0xa5, "the head intact after the arrays were written");
	INT_EQ(a[0][3 * sizeof(double) - 1], 1, "array 0 intact after the later ones were written");
	INT_EQ(a[2][sizeof(long double) - 1], 3, "array 2 intact after array 3 was written");
	free(b);

	void *first[1];
	unsigned char *h = sp_block_alloc(0, 1, (const sp_block_part_t[]){{11, 2}}, first);
	OK(h != NULL && first[0] == (void *)h, "with no head, the first array is the block");
	free(h);

	void *big[2];
	OK(sp_block_alloc(16, 1, (const sp_block_part_t[]){{SIZE_MAX / 2, 4}}, big) == NULL,
	   "SIZE_MAX/2 elements of 4 bytes: NULL");
	OK(sp_block_alloc(16, 2, (const sp_block_part_t[]){{8, 8}, {SIZE_MAX - 64, 1}}, big) == NULL,
	   "an array that ends past SIZE_MAX after its alignment: NULL");
	OK(sp_block_alloc(SIZE_MAX - 2, 1, (const sp_block_part_t[]){{1, 1}}, big) == NULL,
	   "a head too large to align the array after it: NULL");

	/* growing: the first n_old elements of each array move to the new block */
	void *o[2];
	double *d;
	if (sp_block_alloc(0, 2, (const sp_block_part_t[]){{3, sizeof(double)}, {3, 1}}, o) == NULL) {
		OK(0, "a block of two arrays of 3");
		return sp_test_done("block");
	}
	d = o[0];
	d[0] = 2.385, d[1] = -1.5, d[2] = 7.25;
	memcpy(o[1], "abc", 3);
	void *g[2];
	OK(sp_block_grow(2, (const sp_block_part_t[]){{10, sizeof(double)}, {10, 1}}, o, 2, g) == g[0],
	   "grown to 10: the block starts with its first array");
	d = g[0];
	const unsigned char *c = g[1];
	OK(d[0] == 2.385 && d[1] == -1.5 && d[2] == 0, "n_old 2: the first two doubles copied, the third zero");
	OK(c[0] == 'a' && c[1] == 'b' && c[2] == 0 && c[9] == 0, "the first two bytes copied, the rest zero");
	OK((uintptr_t)g[1] % align == 0 && (unsigned char *)g[1] >= (unsigned char *)g[0] + 10 * sizeof(double),
	   "the second array aligned, after the ten doubles");
	void *fresh[1];
	unsigned char *f = sp_block_grow(1, (const sp_block_part_t[]){{4, 4}}, (void *[]){NULL}, 0, fresh);
	OK(f != NULL && fresh[0] == (void *)f && S_zero(f, 16), "no old block: a new zeroed one");
	free(f);
	OK(sp_block_grow(2, (const sp_block_part_t[]){{SIZE_MAX / 4, 8}, {1, 1}}, g, 10, o) == NULL && d[0] == 2.385,
	   "out of memory: NULL, the old block kept");
	free(g[0]);
	return sp_test_done("block");
}
