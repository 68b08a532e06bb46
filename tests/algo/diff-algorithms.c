/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Differential test of the algorithm tables, names and error codes.
 *
 * Walks every id range of every algorithm family, every name the library
 * reports (plus spelling variants), a sweep of object identifiers, every
 * cipher suite and every error code, and prints each answer.  The output
 * must be byte-identical on the real GnuTLS and on tlshim.  The texts of
 * gnutls_strerror() are the one exception: only their classification is
 * printed (known / the unknown-code text / empty / NULL).
 */
/* The compression functions are deprecated but still part of the ABI. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gnutls/gnutls.h>
#include <gnutls/crypto.h>
#include <gnutls/pkcs11.h>
#include <gnutls/x509.h>

#include "../common/loaded-lib.h"

/* Private but exported (GNUTLS_PRIVATE_3_4). */
unsigned _gnutls_ecc_curve_is_supported(gnutls_ecc_curve_t curve);

#define S(x) ((x) != NULL ? (x) : "(null)")
#define MAXID 600

/* ---- a small set of names to try with every get_id function ---------- */

#define MAXNAMES 8192
static char *names[MAXNAMES];
static int nnames;

static void add_name(const char *n)
{
	int i;
	if (n == NULL || nnames >= MAXNAMES)
		return;
	for (i = 0; i < nnames; i++)
		if (strcmp(names[i], n) == 0)
			return;
	names[nnames++] = strdup(n);
}

/* The name and a few spellings of it: other case, other separators. */
static void add_variants(const char *n)
{
	char buf[256];
	size_t i, j, len;
	if (n == NULL || (len = strlen(n)) >= 120)
		return;
	add_name(n);
	for (i = 0; i <= len; i++)
		buf[i] = (char)tolower((unsigned char)n[i]);
	add_name(buf);
	for (i = 0; i <= len; i++)
		buf[i] = (char)toupper((unsigned char)n[i]);
	add_name(buf);
	/* first letter only in the other case */
	memcpy(buf, n, len + 1);
	buf[0] = islower((unsigned char)buf[0]) ? (char)toupper((unsigned char)buf[0]) : (char)tolower((unsigned char)buf[0]);
	add_name(buf);
	for (i = 0; i <= len; i++)
		buf[i] = n[i] == '-' ? '_' : n[i] == '_' ? '-' : n[i];
	add_name(buf);
	for (i = j = 0; i <= len; i++)
		if (n[i] != '-' && n[i] != '_' && n[i] != ' ')
			buf[j++] = n[i];
	add_name(buf);
	snprintf(buf, sizeof buf, "%s ", n);
	add_name(buf);
	snprintf(buf, sizeof buf, "%sX", n);
	add_name(buf);
	if (len > 1) {
		memcpy(buf, n, len - 1);
		buf[len - 1] = '\0';
		add_name(buf);
	}
	snprintf(buf, sizeof buf, "GNUTLS_%s", n);
	add_name(buf);
	/* the part after a prefix such as "VERS-", "SIGN-", "GROUP-", "CTYPE-" */
	if (strchr(n, '-') != NULL)
		add_name(strchr(n, '-') + 1);
}

static const char *const extra_names[] = {
	"", " ", "NULL", "null", "UNKNOWN", "unknown", "ALL", "ANY", "NONE", "(null)",
	/* protocols */
	"SSL3.0", "SSL3", "TLS1", "TLS1.0", "TLS1.1", "TLS1.2", "TLS1.3", "TLS1.4", "DTLS0.9",
	"DTLS1.0", "DTLS1.2", "DTLS1.3", "TLS 1.2", "TLSv1.2", "VERS-TLS1.2", "VERS-TLS-ALL",
	/* ciphers */
	"AES-128-CBC", "AES128", "AES-128", "AES-256-GCM", "3DES-CBC", "3DES", "DES", "RC4",
	"ARCFOUR", "ARCFOUR-40", "ARCFOUR-128", "RC2-40", "RC2-40-CBC", "CHACHA20-POLY1305",
	"CHACHA20", "SALSA20-256", "IDEA-PGP-CFB", "CAST5-PGP-CFB", "AES128-PGP-CFB",
	"TWOFISH-PGP-CFB", "BLOWFISH-PGP-CFB", "SAFER-SK128-PGP-CFB", "3DES-PGP-CFB",
	"AES192-PGP-CFB", "AES256-PGP-CFB", "CAMELLIA-192-GCM", "AES-192-CCM",
	"GOST28147-TC26Z-CNT", "MAGMA-CTR-ACPKM", "KUZNYECHIK-CTR-ACPKM",
	/* MACs and digests */
	"SHA", "SHA1", "SHA-1", "SHA256", "SHA-256", "SHA2-256", "MD5", "MD2", "RMD160",
	"RIPEMD160", "RIPEMD-160", "SHA3-224", "SHA3-256", "SHA3-384", "SHA3-512", "SHA3_256",
	"MD5+SHA1", "MD5-SHA1", "GOSTR341194", "GOSTR341194-94", "STREEBOG-256", "STREEBOG-512",
	"STREEBOG256", "SHAKE-128", "SHAKE-256", "SHAKE128", "AEAD", "UMAC-96", "UMAC-128",
	"AES-CMAC-128", "AES-CMAC-256", "AES-GMAC-128", "AES-GMAC-192", "AES-GMAC-256",
	"GOST28147-TC26Z-IMIT", "OMAC-MAGMA", "OMAC-KUZNYECHIK", "MAGMA-OMAC",
	"KUZNYECHIK-OMAC", "HMAC-SHA1", "HMAC-SHA256",
	/* key exchange */
	"RSA", "DHE-RSA", "DHE-DSS", "ANON-DH", "ANON-ECDH", "SRP", "SRP-RSA", "SRP-DSS", "PSK",
	"DHE-PSK", "ECDHE-PSK", "RSA-PSK", "ECDHE-RSA", "ECDHE-ECDSA", "VKO-GOST-12",
	"RSA-EXPORT", "DH", "ECDH", "ECDHE",
	/* public key */
	"DSA", "EC", "ECDSA", "EC/ECDSA", "ECC", "RSA-PSS", "RSA-OAEP", "X25519", "X448",
	"Ed25519", "Ed448", "EdDSA (Ed25519)", "EdDSA (Ed448)", "ECDH (X25519)",
	"ECDH (X448)", "EDDSA-ED25519", "EDDSA-ED448", "ECDH-X25519", "ECDH-X448",
	"GOST R 34.10-2001", "GOST R 34.10-2012-256", "GOST R 34.10-2012-512", "GOST-01",
	"GOST-12-256", "GOST-12-512", "GOST01", "GOST12-256", "GOST12-512", "RSA (X.509)",
	/* signatures */
	"RSA-SHA1", "RSA-SHA", "RSA-SHA256", "RSA-SHA224", "DSA-SHA", "DSA-SHA1", "ECDSA-SHA1",
	"ECDSA-SHA256", "RSA-PSS-SHA256", "RSA-PSS-RSAE-SHA256", "RSA-PSS-SHA384",
	"EdDSA-Ed25519", "EdDSA-Ed448", "ED25519", "ED448", "RSA-RAW", "RSA-MD5", "RSA-MD2",
	"RSA-RMD160", "ECDSA-SECP256R1-SHA256", "GOSTR341012-512", "GOSTR341012-256",
	"GOSTR341001", "RSA-SHA3-256", "DSA-SHA3-256", "ECDSA-SHA3-256",
	/* curves and groups */
	"SECP192R1", "SECP224R1", "SECP256R1", "SECP384R1", "SECP521R1", "P-256", "P256",
	"prime256v1", "NIST P-256", "CurveGOST256A", "GOST256A", "GOST256CPA", "GOST256CPB",
	"GOST256CPC", "GOST256CPXA", "GOST256CPXB", "GOST512A", "GOST512B", "GOST512C",
	"GOST256B", "GOST256C", "GOST256D", "GC256A", "GC256B", "GC256C", "GC256D", "GC512A",
	"GC512B", "GC512C", "FFDHE2048", "FFDHE3072", "FFDHE4096", "FFDHE6144", "FFDHE8192",
	"FFDHE1024", "GROUP-FFDHE2048", "GROUP-SECP256R1",
	/* certificate types */
	"X.509", "X509", "x509", "OpenPGP", "OPENPGP", "PGP", "RawPK", "RAWPK", "Raw Public Key",
	"RAW PUBLIC KEY", "CTYPE-X.509", "CTYPE-OPENPGP", "CTYPE-RAWPK",
	/* compression */
	"DEFLATE", "ZLIB", "BROTLI", "ZSTD", "COMP-NULL", "COMP-DEFLATE",
	/* verification profiles */
	"Very weak", "VERY WEAK", "VERY_WEAK", "Low", "LOW", "Legacy", "LEGACY", "Medium",
	"MEDIUM", "High", "HIGH", "Ultra", "ULTRA", "Future", "FUTURE", "SuiteB128",
	"SUITEB128", "SuiteB192", "SUITEB192", "Normal", "Export", "Insecure", "Weak",
	/* SRTP profiles */
	"SRTP_AES128_CM_HMAC_SHA1_80", "SRTP_AES128_CM_HMAC_SHA1_32", "SRTP_NULL_HMAC_SHA1_80",
	"SRTP_NULL_HMAC_SHA1_32", "SRTP_NULL_SHA1_80", "SRTP_NULL_SHA1_32",
	"srtp_aes128_cm_hmac_sha1_80", "SRTP_AES128_CM_HMAC_SHA1_80:SRTP_NULL_HMAC_SHA1_80",
	NULL,
};

/* ---- object identifiers to feed to every oid_to_* function ---------- */

#define MAXOIDS 8192
static char *oids[MAXOIDS];
static int noids;

static void add_oid(const char *o)
{
	int i;
	if (o == NULL || noids >= MAXOIDS)
		return;
	for (i = 0; i < noids; i++)
		if (strcmp(oids[i], o) == 0)
			return;
	oids[noids++] = strdup(o);
}

static void add_oid_range(const char *prefix, int lo, int hi)
{
	char buf[160];
	int i;
	for (i = lo; i <= hi; i++) {
		snprintf(buf, sizeof buf, "%s.%d", prefix, i);
		add_oid(buf);
	}
}

static void sweep_oids(void)
{
	char buf[128];
	int i;
	add_oid("");
	add_oid("1");
	add_oid("1.2");
	add_oid("garbage");
	add_oid_range("1.2.840.113549.1.1", 0, 20);
	add_oid_range("1.2.840.113549.2", 0, 15);
	add_oid_range("1.2.840.113549.1.5", 0, 20);
	add_oid_range("1.2.840.113549.1.12.1", 0, 8);
	add_oid_range("1.2.840.113549.3", 0, 10);
	add_oid_range("1.2.840.10040.4", 0, 5);
	add_oid_range("1.2.840.10045.1", 0, 3);
	add_oid_range("1.2.840.10045.2", 0, 3);
	add_oid_range("1.2.840.10045.3.1", 0, 8);
	add_oid_range("1.2.840.10045.4", 0, 4);
	add_oid_range("1.2.840.10045.4.3", 0, 5);
	add_oid_range("1.2.840.10046.2", 0, 3);
	add_oid_range("1.3.14.3.2", 0, 40);
	add_oid_range("1.3.36.3.2", 0, 3);
	add_oid_range("1.3.36.3.3.1", 0, 4);
	add_oid_range("1.3.101", 100, 115);
	add_oid_range("1.3.132.0", 0, 40);
	add_oid_range("1.3.6.1.5.5.8.1", 0, 4);
	add_oid_range("2.5.8.1", 0, 2);
	add_oid_range("2.16.840.1.101.3.4.1", 0, 50);
	add_oid_range("2.16.840.1.101.3.4.2", 0, 20);
	add_oid_range("2.16.840.1.101.3.4.3", 0, 20);
	add_oid_range("1.2.392.200011.61.1.1.1", 0, 5);
	add_oid_range("1.2.410.200004.1", 0, 10);
	add_oid_range("1.3.6.1.4.1.11591.15", 0, 5);
	add_oid_range("1.2.643.2.2", 0, 40);
	for (i = 0; i <= 40; i++) {
		snprintf(buf, sizeof buf, "1.2.643.2.2.%d", i % 100);
		add_oid_range(buf, 0, 4);
	}
	add_oid_range("1.2.643.2.2.31", 0, 8);
	add_oid_range("1.2.643.7.1.1.1", 0, 3);
	add_oid_range("1.2.643.7.1.1.2", 0, 4);
	add_oid_range("1.2.643.7.1.1.3", 0, 4);
	add_oid_range("1.2.643.7.1.1.4", 0, 3);
	add_oid_range("1.2.643.7.1.1.5", 0, 3);
	add_oid_range("1.2.643.7.1.1.6", 0, 3);
	add_oid_range("1.2.643.7.1.1.6.1", 0, 3);
	add_oid_range("1.2.643.7.1.1.6.2", 0, 3);
	add_oid_range("1.2.643.7.1.2.1.1", 0, 5);
	add_oid_range("1.2.643.7.1.2.1.2", 0, 5);
	add_oid_range("1.2.643.7.1.2.5.1", 0, 3);
	add_oid_range("1.2.643.7.1.1.5.1", 0, 3);
	add_oid_range("1.2.643.7.1.1.5.2", 0, 3);
	add_oid_range("1.2.643.7.1.1.7.1", 0, 3);
	add_oid_range("1.2.643.7.1.1.7.2", 0, 3);
	add_oid_range("1.2.643.2.4.3.2", 0, 3);
	add_oid("1.2.840.113549.1.1.1 ");
	add_oid("1.2.840.113549.1.1.01");
	add_oid("1.2.840.113549.1.1.1.0");
	add_oid("1.2.840.113549.1.1");
	add_oid("2.16.840.1.101.3.4.2.1.");
	add_oid("2.16.840.1.101.3.4.2.01");
}

/* ---- families -------------------------------------------------------- */

static void print_list_head(const char *what, int n)
{
	printf("%s list count=%d\n", what, n);
}

static void dump_protocols(void)
{
	const gnutls_protocol_t *l = gnutls_protocol_list();
	int i, n = 0;
	for (; l != NULL && l[n] != 0; n++)
		;
	print_list_head("protocol", n);
	for (i = 0; i < n; i++) {
		printf("  %d %s\n", (int)l[i], S(gnutls_protocol_get_name(l[i])));
		add_variants(gnutls_protocol_get_name(l[i]));
	}
	for (i = 0; i <= MAXID; i++) {
		const char *name = gnutls_protocol_get_name((gnutls_protocol_t)i);
		if (name != NULL)
			printf("protocol %d name=%s\n", i, name);
		add_variants(name);
	}
	for (i = -3; i < 0; i++)
		printf("protocol %d name=%s\n", i, S(gnutls_protocol_get_name((gnutls_protocol_t)i)));
}

static void dump_ciphers(void)
{
	const gnutls_cipher_algorithm_t *l = gnutls_cipher_list();
	int i, n = 0;
	for (; l != NULL && l[n] != 0; n++)
		;
	print_list_head("cipher", n);
	for (i = 0; i < n; i++) {
		printf("  %d %s\n", (int)l[i], S(gnutls_cipher_get_name(l[i])));
		add_variants(gnutls_cipher_get_name(l[i]));
	}
	for (i = -2; i <= MAXID; i++) {
		gnutls_cipher_algorithm_t c = (gnutls_cipher_algorithm_t)i;
		const char *name = gnutls_cipher_get_name(c);
		size_t key = gnutls_cipher_get_key_size(c);
		unsigned bs = gnutls_cipher_get_block_size(c), iv = gnutls_cipher_get_iv_size(c),
			 tag = gnutls_cipher_get_tag_size(c);
		if (name == NULL && key == 0 && bs == 0 && iv == 0 && tag == 0)
			continue;
		printf("cipher %d name=%s key=%zu block=%u iv=%u tag=%u\n", i, S(name), key, bs, iv, tag);
		add_variants(name);
	}
}

static void dump_macs(void)
{
	const gnutls_mac_algorithm_t *l = gnutls_mac_list();
	int i, n = 0;
	for (; l != NULL && l[n] != 0; n++)
		;
	print_list_head("mac", n);
	for (i = 0; i < n; i++) {
		printf("  %d %s\n", (int)l[i], S(gnutls_mac_get_name(l[i])));
		add_variants(gnutls_mac_get_name(l[i]));
	}
	for (i = -2; i <= MAXID; i++) {
		gnutls_mac_algorithm_t m = (gnutls_mac_algorithm_t)i;
		const char *name = gnutls_mac_get_name(m);
		size_t key = gnutls_mac_get_key_size(m), nonce = gnutls_mac_get_nonce_size(m);
		unsigned len = gnutls_hmac_get_len(m), hkey = gnutls_hmac_get_key_size(m);
		if (name == NULL && key == 0 && nonce == 0 && len == 0 && hkey == 0)
			continue;
		printf("mac %d name=%s key=%zu nonce=%zu hmac_len=%u hmac_key=%u\n", i, S(name), key,
		       nonce, len, hkey);
		add_variants(name);
	}
}

static void dump_digests(void)
{
	const gnutls_digest_algorithm_t *l = gnutls_digest_list();
	int i, n = 0;
	for (; l != NULL && l[n] != 0; n++)
		;
	print_list_head("digest", n);
	for (i = 0; i < n; i++) {
		printf("  %d %s\n", (int)l[i], S(gnutls_digest_get_name(l[i])));
		add_variants(gnutls_digest_get_name(l[i]));
	}
	for (i = -2; i <= MAXID; i++) {
		gnutls_digest_algorithm_t d = (gnutls_digest_algorithm_t)i;
		const char *name = gnutls_digest_get_name(d), *oid = gnutls_digest_get_oid(d);
		unsigned len = gnutls_hash_get_len(d);
		if (name == NULL && oid == NULL && len == 0)
			continue;
		printf("digest %d name=%s oid=%s len=%u\n", i, S(name), S(oid), len);
		add_variants(name);
		add_oid(oid);
	}
}

static void dump_kx(void)
{
	const gnutls_kx_algorithm_t *l = gnutls_kx_list();
	int i, n = 0;
	for (; l != NULL && l[n] != 0; n++)
		;
	print_list_head("kx", n);
	for (i = 0; i < n; i++) {
		printf("  %d %s\n", (int)l[i], S(gnutls_kx_get_name(l[i])));
		add_variants(gnutls_kx_get_name(l[i]));
	}
	for (i = -2; i <= MAXID; i++) {
		const char *name = gnutls_kx_get_name((gnutls_kx_algorithm_t)i);
		if (name == NULL)
			continue;
		printf("kx %d name=%s\n", i, name);
		add_variants(name);
	}
}

static void dump_pk(void)
{
	const gnutls_pk_algorithm_t *l = gnutls_pk_list();
	int i, j, n = 0;
	static const unsigned bits[] = {0, 1, 8, 64, 80, 96, 112, 128, 160, 192, 224, 255, 256,
					 283, 384, 448, 511, 512, 521, 576, 768, 816, 1000, 1008,
					 1023, 1024, 1025, 1248, 1536, 1776, 2047, 2048, 2049,
					 3071, 3072, 3073, 4096, 6144, 7680, 8192, 15360, 15361,
					 16384, 65536, 1000000, UINT_MAX};
	static const int params[] = {0, 1, 4, 5, 6, 10, 15, 20, 25, 30, 35, 40, 45, 50, 51, 55, 100, -1};
	for (; l != NULL && l[n] != 0; n++)
		;
	print_list_head("pk", n);
	for (i = 0; i < n; i++) {
		printf("  %d %s\n", (int)l[i], S(gnutls_pk_get_name(l[i])));
		add_variants(gnutls_pk_get_name(l[i]));
	}
	for (i = -2; i <= MAXID; i++) {
		gnutls_pk_algorithm_t p = (gnutls_pk_algorithm_t)i;
		const char *name = gnutls_pk_get_name(p), *aname = gnutls_pk_algorithm_get_name(p),
			   *oid = gnutls_pk_get_oid(p);
		if (aname == NULL && oid == NULL && i > 0 && i != 13 && name != NULL &&
		    strcmp(name, "Unknown") == 0)
			continue;
		printf("pk %d name=%s algname=%s oid=%s\n", i, S(name), S(aname), S(oid));
		add_variants(name);
		add_variants(aname);
		add_oid(oid);
	}
	/* pk + hash -> signature */
	for (i = 0; i <= 20; i++)
		for (j = 0; j <= 220; j++) {
			gnutls_sign_algorithm_t s = gnutls_pk_to_sign((gnutls_pk_algorithm_t)i,
								     (gnutls_digest_algorithm_t)j);
			if (s != 0)
				printf("pk_to_sign %d %d -> %d\n", i, j, (int)s);
		}
	/* key sizes and security levels */
	for (i = 0; i <= 14; i++) {
		for (j = 0; j < (int)(sizeof bits / sizeof bits[0]); j++)
			printf("pk_bits_to_sec_param %d %u -> %d\n", i, bits[j],
			       (int)gnutls_pk_bits_to_sec_param((gnutls_pk_algorithm_t)i, bits[j]));
		for (j = 0; j < (int)(sizeof params / sizeof params[0]); j++)
			printf("sec_param_to_pk_bits %d %d -> %u\n", i, params[j],
			       gnutls_sec_param_to_pk_bits((gnutls_pk_algorithm_t)i,
							   (gnutls_sec_param_t)params[j]));
	}
	for (i = -1; i <= 60; i++)
		printf("sec_param %d name=%s symbits=%u\n", i,
		       S(gnutls_sec_param_get_name((gnutls_sec_param_t)i)),
		       gnutls_sec_param_to_symmetric_bits((gnutls_sec_param_t)i));
}

static void dump_signs(void)
{
	const gnutls_sign_algorithm_t *l = gnutls_sign_list();
	int i, j, n = 0;
	for (; l != NULL && l[n] != 0; n++)
		;
	print_list_head("sign", n);
	for (i = 0; i < n; i++) {
		printf("  %d %s\n", (int)l[i], S(gnutls_sign_get_name(l[i])));
		add_variants(gnutls_sign_get_name(l[i]));
	}
	for (i = -2; i <= MAXID; i++) {
		gnutls_sign_algorithm_t s = (gnutls_sign_algorithm_t)i;
		const char *name = gnutls_sign_get_name(s), *oid = gnutls_sign_get_oid(s);
		int hash = (int)gnutls_sign_get_hash_algorithm(s);
		int pk = (int)gnutls_sign_get_pk_algorithm(s);
		unsigned sec = gnutls_sign_is_secure(s);
		unsigned sec2[4];
		for (j = 0; j < 4; j++)
			sec2[j] = gnutls_sign_is_secure2(s, (unsigned)j);
		if (name == NULL && oid == NULL && hash == 0 && pk == 0 && sec == 0 && sec2[0] == 0 &&
		    sec2[1] == 0 && sec2[2] == 0 && sec2[3] == 0)
			continue;
		printf("sign %d name=%s oid=%s hash=%d pk=%d secure=%u secure2=%u,%u,%u,%u supports=", i,
		       S(name), S(oid), hash, pk, sec, sec2[0], sec2[1], sec2[2], sec2[3]);
		for (j = 0; j <= 14; j++)
			putchar(gnutls_sign_supports_pk_algorithm(s, (gnutls_pk_algorithm_t)j) ? '1' : '0');
		putchar('\n');
		add_variants(name);
		add_oid(oid);
	}
}

static void dump_curves(void)
{
	const gnutls_ecc_curve_t *l = gnutls_ecc_curve_list();
	int i, n = 0;
	for (; l != NULL && l[n] != 0; n++)
		;
	print_list_head("ecc_curve", n);
	for (i = 0; i < n; i++) {
		printf("  %d %s\n", (int)l[i], S(gnutls_ecc_curve_get_name(l[i])));
		add_variants(gnutls_ecc_curve_get_name(l[i]));
	}
	for (i = -2; i <= MAXID; i++) {
		gnutls_ecc_curve_t c = (gnutls_ecc_curve_t)i;
		const char *name = gnutls_ecc_curve_get_name(c), *oid = gnutls_ecc_curve_get_oid(c);
		int size = gnutls_ecc_curve_get_size(c);
		int pk = (int)gnutls_ecc_curve_get_pk(c);
		unsigned sup = _gnutls_ecc_curve_is_supported(c);
		if (name == NULL && oid == NULL && size == 0 && pk == 0 && sup == 0)
			continue;
		printf("ecc_curve %d name=%s oid=%s size=%d pk=%d supported=%u\n", i, S(name), S(oid),
		       size, pk, sup);
		add_variants(name);
		add_oid(oid);
	}
}

static void dump_groups(void)
{
	const gnutls_group_t *l = gnutls_group_list();
	int i, n = 0;
	for (; l != NULL && l[n] != 0; n++)
		;
	print_list_head("group", n);
	for (i = 0; i < n; i++) {
		printf("  %d %s\n", (int)l[i], S(gnutls_group_get_name(l[i])));
		add_variants(gnutls_group_get_name(l[i]));
	}
	for (i = -2; i <= MAXID; i++) {
		const char *name = gnutls_group_get_name((gnutls_group_t)i);
		if (name == NULL)
			continue;
		printf("group %d name=%s\n", i, name);
		add_variants(name);
	}
}

static void dump_misc_names(void)
{
	const gnutls_certificate_type_t *ct = gnutls_certificate_type_list();
	const gnutls_compression_method_t *cm = gnutls_compression_list();
	const char *unknown;
	int i, n;
	for (n = 0; ct != NULL && ct[n] != 0; n++)
		;
	print_list_head("certificate_type", n);
	for (i = 0; i < n; i++)
		printf("  %d %s\n", (int)ct[i], S(gnutls_certificate_type_get_name(ct[i])));
	for (i = -2; i <= MAXID; i++) {
		const char *name = gnutls_certificate_type_get_name((gnutls_certificate_type_t)i);
		if (name != NULL)
			printf("certificate_type %d name=%s\n", i, name);
		add_variants(name);
	}
	for (n = 0; cm != NULL && cm[n] != 0; n++)
		;
	print_list_head("compression", n);
	for (i = 0; i < n; i++)
		printf("  %d %s\n", (int)cm[i], S(gnutls_compression_get_name(cm[i])));
	for (i = -2; i <= MAXID; i++) {
		const char *name = gnutls_compression_get_name((gnutls_compression_method_t)i);
		if (name != NULL)
			printf("compression %d name=%s\n", i, name);
		add_variants(name);
	}
	for (i = -2; i <= MAXID; i++) {
		const char *a = gnutls_alert_get_name((gnutls_alert_description_t)i);
		const char *b = gnutls_alert_get_strname((gnutls_alert_description_t)i);
		if (a != NULL || b != NULL)
			printf("alert %d name=%s strname=%s\n", i, S(a), S(b));
	}
	unknown = gnutls_handshake_description_get_name((gnutls_handshake_description_t)-1);
	printf("handshake -1 name=%s\n", S(unknown));
	for (i = -2; i <= 70000; i++) {
		const char *h = gnutls_handshake_description_get_name((gnutls_handshake_description_t)i);
		if (h == NULL || unknown == NULL || strcmp(h, unknown) != 0)
			printf("handshake %d name=%s\n", i, S(h));
	}
	printf("handshake 65535 name=%s\n",
	       S(gnutls_handshake_description_get_name((gnutls_handshake_description_t)65535)));
	for (i = -2; i <= 40; i++) {
		const char *name = gnutls_gost_paramset_get_name((gnutls_gost_paramset_t)i);
		const char *oid = gnutls_gost_paramset_get_oid((gnutls_gost_paramset_t)i);
		if (name != NULL || oid != NULL)
			printf("gost_paramset %d name=%s oid=%s\n", i, S(name), S(oid));
		add_variants(name);
		add_oid(oid);
	}
	for (i = -2; i <= 300; i++) {
		const char *name = gnutls_certificate_verification_profile_get_name(
			(gnutls_certificate_verification_profiles_t)i);
		if (name != NULL)
			printf("profile %d name=%s\n", i, name);
		add_variants(name);
	}
	for (i = -2; i <= 300; i++) {
		const char *name = gnutls_pkcs11_type_get_name((gnutls_pkcs11_obj_type_t)i);
		if (name != NULL)
			printf("pkcs11_type %d name=%s\n", i, name);
	}
	for (i = 0; i <= 300; i++) {
		const char *name = gnutls_pkcs_schema_get_name((unsigned)i);
		const char *oid = gnutls_pkcs_schema_get_oid((unsigned)i);
		if (name != NULL || oid != NULL)
			printf("pkcs_schema %d name=%s oid=%s\n", i, S(name), S(oid));
	}
	for (i = 9; i < 32; i++) {
		const char *name = gnutls_pkcs_schema_get_name(1u << i);
		const char *oid = gnutls_pkcs_schema_get_oid(1u << i);
		if (name != NULL || oid != NULL)
			printf("pkcs_schema 1<<%d name=%s oid=%s\n", i, S(name), S(oid));
	}
	for (i = -2; i <= 300; i++) {
		const char *name = gnutls_srtp_get_profile_name((gnutls_srtp_profile_t)i);
		if (name != NULL)
			printf("srtp %d name=%s\n", i, name);
		add_variants(name);
	}
}

/* ---- every name through every get_id function ------------------------- */

static void dump_get_ids(void)
{
	int i;
	for (i = 0; extra_names[i] != NULL; i++)
		add_variants(extra_names[i]);
	add_name("");
	printf("names tried: %d\n", nnames);
	/* The only lookups the real library survives with a null name. */
	printf("null name: pk=%d profile=%d\n", (int)gnutls_pk_get_id(NULL),
	       (int)gnutls_certificate_verification_profile_get_id(NULL));
	for (i = 0; i < nnames; i++) {
		const char *n = names[i];
		gnutls_srtp_profile_t srtp = (gnutls_srtp_profile_t)12345;
		int srtp_rc = gnutls_srtp_get_profile_id(n, &srtp);
		printf("id '%s': proto=%d cipher=%d mac=%d digest=%d kx=%d pk=%d sign=%d curve=%d "
		       "group=%d ctype=%d comp=%d profile=%d srtp=%d/%d\n",
		       n, (int)gnutls_protocol_get_id(n), (int)gnutls_cipher_get_id(n),
		       (int)gnutls_mac_get_id(n), (int)gnutls_digest_get_id(n), (int)gnutls_kx_get_id(n),
		       (int)gnutls_pk_get_id(n), (int)gnutls_sign_get_id(n),
		       (int)gnutls_ecc_curve_get_id(n), (int)gnutls_group_get_id(n),
		       (int)gnutls_certificate_type_get_id(n), (int)gnutls_compression_get_id(n),
		       (int)gnutls_certificate_verification_profile_get_id(n), srtp_rc,
		       srtp_rc == 0 ? (int)srtp : -1);
	}
}

static void dump_oids(void)
{
	int i;
	sweep_oids();
	printf("oids tried: %d\n", noids);
	for (i = 0; i < noids; i++) {
		const char *o = oids[i];
		int d = (int)gnutls_oid_to_digest(o), m = (int)gnutls_oid_to_mac(o),
		    p = (int)gnutls_oid_to_pk(o), s = (int)gnutls_oid_to_sign(o),
		    c = (int)gnutls_oid_to_ecc_curve(o), g = (int)gnutls_oid_to_gost_paramset(o);
		if (d == 0 && m == 0 && p == 0 && s == 0 && c == 0 && g == 0)
			continue;
		printf("oid '%s': digest=%d mac=%d pk=%d sign=%d curve=%d gost=%d\n", o, d, m, p, s, c, g);
	}
}

/* ---- cipher suites ---------------------------------------------------- */

static void dump_suites(void)
{
	size_t idx;
	int kx, ci, mac;
	for (idx = 0;; idx++) {
		unsigned char id[2] = {0xee, 0xee};
		gnutls_kx_algorithm_t k = (gnutls_kx_algorithm_t)99;
		gnutls_cipher_algorithm_t c = (gnutls_cipher_algorithm_t)99;
		gnutls_mac_algorithm_t m = (gnutls_mac_algorithm_t)99;
		gnutls_protocol_t v = (gnutls_protocol_t)99;
		const char *name = gnutls_cipher_suite_info(idx, id, &k, &c, &m, &v);
		if (name == NULL) {
			printf("suite_info %zu -> NULL id=%02x%02x\n", idx, id[0], id[1]);
			break;
		}
		printf("suite_info %zu %s id=%02x%02x kx=%d cipher=%d mac=%d min=%d\n", idx, name, id[0],
		       id[1], (int)k, (int)c, (int)m, (int)v);
		/* with NULL outputs */
		if (gnutls_cipher_suite_info(idx, NULL, NULL, NULL, NULL, NULL) != name)
			printf("  (different pointer with NULL outputs)\n");
	}
	/* every triple */
	for (kx = 0; kx <= 18; kx++)
		for (ci = 0; ci <= 210; ci++) {
			if (ci > 45 && ci < 200)
				continue;
			for (mac = 0; mac <= 213; mac++) {
				const char *name;
				if (mac > 20 && mac < 200)
					continue;
				name = gnutls_cipher_suite_get_name((gnutls_kx_algorithm_t)kx,
								    (gnutls_cipher_algorithm_t)ci,
								    (gnutls_mac_algorithm_t)mac);
				if (name != NULL)
					printf("suite_name %d %d %d -> %s\n", kx, ci, mac, name);
			}
		}
}

/* ---- errors ------------------------------------------------------------ */

static const char *unknown_msg;

static void dump_error(int e)
{
	const char *name = gnutls_strerror_name(e);
	const char *msg = gnutls_strerror(e);
	int level = -7, level2;
	int alert = gnutls_error_to_alert(e, &level);
	int alert2 = gnutls_error_to_alert(e, NULL);
	const char *cls;
	(void)level2;
	if (msg == NULL)
		cls = "null";
	else if (*msg == '\0')
		cls = "empty";
	else if (unknown_msg != NULL && strcmp(msg, unknown_msg) == 0)
		cls = "unknown";
	else
		cls = "known";
	printf("error %d name=%s fatal=%d alert=%d level=%d alert_nolevel=%d msg=%s\n", e, S(name),
	       gnutls_error_is_fatal(e), alert, level, alert2, cls);
}

static void dump_errors(void)
{
	int e;
	unknown_msg = gnutls_strerror(-999999);
	printf("unknown message: %s\n", unknown_msg == NULL ? "null" : *unknown_msg ? "text" : "empty");
	for (e = 5; e >= -1300; e--)
		dump_error(e);
	for (e = -1301; e >= -70000; e -= 97)
		dump_error(e);
	for (e = -64990; e >= -65510; e--)
		if (gnutls_strerror_name(e) != NULL || e % 13 == 0)
			dump_error(e);
	dump_error(INT_MIN);
	dump_error(INT_MAX);
	dump_error(1000);
	dump_error(-100000);
}

/* gnutls_perror(): capture what it writes to stderr and print it, with the
 * gnutls_strerror() text replaced by a marker. */
static void dump_perror(int e)
{
	int fds[2], saved;
	char buf[4096];
	ssize_t got;
	size_t total = 0;
	const char *msg = gnutls_strerror(e), *pos;
	if (pipe(fds) != 0)
		return;
	fflush(stderr);
	saved = dup(2);
	dup2(fds[1], 2);
	gnutls_perror(e);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	close(fds[1]);
	while ((got = read(fds[0], buf + total, sizeof buf - 1 - total)) > 0)
		total += (size_t)got;
	close(fds[0]);
	buf[total] = '\0';
	pos = msg != NULL && *msg != '\0' ? strstr(buf, msg) : NULL;
	printf("perror %d: ", e);
	if (pos != NULL) {
		fwrite(buf, 1, (size_t)(pos - buf), stdout);
		fputs("<MSG>", stdout);
		pos += strlen(msg);
	} else {
		pos = buf;
	}
	for (; *pos != '\0'; pos++) {
		if (*pos == '\n')
			fputs("\\n", stdout);
		else
			putchar(*pos);
	}
	printf("|\n");
}

/* ---- the functions that change the tables at run time ------------------ */

static void dump_setters(void)
{
	printf("digest_set_secure sha1 0 -> %d\n", gnutls_digest_set_secure(GNUTLS_DIG_SHA1, 0));
	printf("sign_set_secure rsa-sha1 0 -> %d\n", gnutls_sign_set_secure(GNUTLS_SIGN_RSA_SHA1, 0));
	printf("sign_set_secure_for_certs rsa-sha1 0 -> %d\n",
	       gnutls_sign_set_secure_for_certs(GNUTLS_SIGN_RSA_SHA1, 0));
	printf("ecc_curve_set_enabled secp256r1 0 -> %d\n",
	       gnutls_ecc_curve_set_enabled(GNUTLS_ECC_CURVE_SECP256R1, 0));
	printf("protocol_set_enabled tls1.2 0 -> %d\n", gnutls_protocol_set_enabled(GNUTLS_TLS1_2, 0));
	printf("after: sign secure=%u curve supported=%u\n", gnutls_sign_is_secure(GNUTLS_SIGN_RSA_SHA1),
	       _gnutls_ecc_curve_is_supported(GNUTLS_ECC_CURVE_SECP256R1));
}

int main(void)
{
	char lib[4096];
	int e;
	if (tlshim_loaded_gnutls(lib, sizeof lib) != 0) {
		fprintf(stderr, "libgnutls.so.30 is not mapped\n");
		return 1;
	}
	printf("LOADED %s\n", lib);
	dump_protocols();
	dump_ciphers();
	dump_macs();
	dump_digests();
	dump_kx();
	dump_pk();
	dump_signs();
	dump_curves();
	dump_groups();
	dump_misc_names();
	dump_get_ids();
	dump_oids();
	dump_suites();
	dump_errors();
	for (e = 1; e >= -1300; e--)
		if (e >= -3 || e == -50 || e == -1250 || gnutls_strerror_name(e) != NULL)
			dump_perror(e);
	dump_perror(-999999);
	dump_setters();
	return 0;
}
