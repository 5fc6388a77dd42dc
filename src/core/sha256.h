/* sha256.h - SHA-256 (FIPS 180-4), for the fingerprints of the trust store
 * (trust.c). A small, self-contained implementation written from the
 * standard; tests/test_sha256.c checks it against the standard's examples.
 * Never prints, never allocates. */
#ifndef SP_SHA256_H
#define SP_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SP_SHA256_BYTES 32
#define SP_SHA256_HEX (2 * SP_SHA256_BYTES + 1) /* hex digits and the NUL */

typedef struct {
	uint32_t h[8];          /* the hash value so far */
	uint64_t bytes;         /* message length so far */
	unsigned char block[64];
	size_t fill;            /* bytes waiting in block */
} sp_sha256_t;

void sp_sha256_init(sp_sha256_t *s);
void sp_sha256_update(sp_sha256_t *s, const void *data, size_t n);
/* The digest into out; s must be initialised again before another use. */
void sp_sha256_final(sp_sha256_t *s, unsigned char out[SP_SHA256_BYTES]);
/* The digest of data[0..n) as lowercase hex (SP_SHA256_HEX bytes with the NUL). */
void sp_sha256_hex(const void *data, size_t n, char hex[SP_SHA256_HEX]);
/* A finished digest as lowercase hex. */
void sp_sha256_to_hex(const unsigned char digest[SP_SHA256_BYTES], char hex[SP_SHA256_HEX]);

#endif
