/* test_sha256.c - SHA-256 (core/sha256.c) against the examples of FIPS 180-4
 * (NIST's "SHA256.pdf" example values, and the one-million-'a' message of the
 * earlier FIPS 180-2, appendix B.3), split across update calls in ways that
 * cross the 64-byte block and the 56-byte padding boundary. */
#include "harness.h"
#include "sha256.h"

int main(void)
{
	char hex[SP_SHA256_HEX];
	sp_sha256_hex("abc", 3, hex);
	OK(strcmp(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad") == 0, "\"abc\" (one block)");
	sp_sha256_hex("", 0, hex);
	OK(strcmp(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855") == 0, "the empty message");
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"; /* 56 bytes: two blocks */
	sp_sha256_hex(two, strlen(two), hex);
	OK(strcmp(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1") == 0, "448 bits (two blocks)");

	/* the same 56 bytes fed 1, 7 and 48 bytes at a time */
	sp_sha256_t s;
	unsigned char d[SP_SHA256_BYTES];
	sp_sha256_init(&s);
	sp_sha256_update(&s, two, 1);
	sp_sha256_update(&s, two + 1, 7);
	sp_sha256_update(&s, two + 8, 48);
	sp_sha256_final(&s, d);
	sp_sha256_to_hex(d, hex);
	OK(strcmp(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1") == 0, "448 bits in pieces");

	/* one million 'a': 15625 updates of 64 bytes, then again in 1000-byte pieces */
	const char *million = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
	for (size_t piece = 64; piece <= 1000; piece += 936) {
		char a[1000];
		memset(a, 'a', sizeof a);
		sp_sha256_init(&s);
		for (size_t i = 0; i < 1000000 / piece; i++)
			sp_sha256_update(&s, a, piece);
		sp_sha256_final(&s, d);
		sp_sha256_to_hex(d, hex);
		OK(strcmp(hex, million) == 0, piece == 64 ? "one million 'a' (64-byte updates)" : "one million 'a' (1000-byte updates)");
	}
	/* a changed byte changes the digest */
	sp_sha256_hex("abd", 3, hex);
	OK(strcmp(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad") != 0, "\"abd\" differs");
	return sp_test_done("test_sha256");
}
