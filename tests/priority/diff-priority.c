/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Differential test of priority strings: for each string, the result code,
 * the error position, and every list a priority cache reports (algorithm
 * names, and the cipher suites in index order).  Strings may also be given
 * on the command line (handy when probing a behaviour).
 */
/* The compression getters are deprecated, and still part of the API. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

#include <gnutls/gnutls.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/loaded-lib.h"

static void print_list(const char *label, int n, const unsigned *list, const char *(*name)(unsigned))
{
	int i;
	printf("  %s(%d):", label, n);
	for (i = 0; i < n; i++) {
		const char *s = name(list[i]);
		printf(" %s", s != NULL ? s : "?");
	}
	printf("\n");
}

static const char *n_proto(unsigned v) { return gnutls_protocol_get_name((gnutls_protocol_t)v); }
static const char *n_cipher(unsigned v) { return gnutls_cipher_get_name((gnutls_cipher_algorithm_t)v); }
static const char *n_mac(unsigned v) { return gnutls_mac_get_name((gnutls_mac_algorithm_t)v); }
static const char *n_kx(unsigned v) { return gnutls_kx_get_name((gnutls_kx_algorithm_t)v); }
static const char *n_comp(unsigned v) { return gnutls_compression_get_name((gnutls_compression_method_t)v); }
static const char *n_curve(unsigned v) { return gnutls_ecc_curve_get_name((gnutls_ecc_curve_t)v); }
static const char *n_group(unsigned v) { return gnutls_group_get_name((gnutls_group_t)v); }
static const char *n_sign(unsigned v) { return gnutls_sign_get_name((gnutls_sign_algorithm_t)v); }
static const char *n_ctype(unsigned v) { return gnutls_certificate_type_get_name((gnutls_certificate_type_t)v); }

static void dump(gnutls_priority_t p)
{
	const unsigned *l;
	int n;
	unsigned idx, sidx;

	n = gnutls_priority_protocol_list(p, &l);
	print_list("protocols", n, l, n_proto);
	n = gnutls_priority_cipher_list(p, &l);
	print_list("ciphers", n, l, n_cipher);
	n = gnutls_priority_mac_list(p, &l);
	print_list("macs", n, l, n_mac);
	n = gnutls_priority_kx_list(p, &l);
	print_list("kx", n, l, n_kx);
	n = gnutls_priority_compression_list(p, &l);
	print_list("comp", n, l, n_comp);
	n = gnutls_priority_ecc_curve_list(p, &l);
	print_list("curves", n, l, n_curve);
	n = gnutls_priority_group_list(p, &l);
	print_list("groups", n, l, n_group);
	n = gnutls_priority_sign_list(p, &l);
	print_list("sign", n, l, n_sign);
	n = gnutls_priority_certificate_type_list(p, &l);
	print_list("ctype", n, l, n_ctype);
	n = gnutls_priority_certificate_type_list2(p, &l, GNUTLS_CTYPE_CLIENT);
	print_list("ctype-cli", n, l, n_ctype);
	n = gnutls_priority_certificate_type_list2(p, &l, GNUTLS_CTYPE_SERVER);
	print_list("ctype-srv", n, l, n_ctype);
	printf("  suites:");
	for (idx = 0;; idx++) {
		int ret = gnutls_priority_get_cipher_suite_index(p, idx, &sidx);
		if (ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE)
			break;
		if (ret < 0) {
			printf(" [%u:%d]", idx, ret);
			continue;
		}
		printf(" %s", gnutls_cipher_suite_info(sidx, NULL, NULL, NULL, NULL, NULL));
		if (idx > 1000)
			break;
	}
	printf(" (%u)\n", idx);
}

static void run(const char *str, int mode)
{
	gnutls_priority_t p = NULL;
	const char *err = NULL;
	int ret;

	if (mode == 0)
		ret = gnutls_priority_init(&p, str, &err);
	else
		ret = gnutls_priority_init2(&p, str, &err, GNUTLS_PRIORITY_INIT_DEF_APPEND);
	printf("%s \"%s\": %d", mode == 0 ? "init" : "init2-append", str ? str : "(null)", ret);
	if (err == NULL)
		printf(" err=NULL\n");
	else if (str != NULL && err >= str && err <= str + strlen(str))
		printf(" err=%d \"%s\"\n", (int)(err - str), err);
	else
		printf(" err=other \"%s\"\n", err);
	if (ret == 0) {
		dump(p);
		gnutls_priority_deinit(p);
	}
}

/* "A:" marks a string given to gnutls_priority_init2() with
 * GNUTLS_PRIORITY_INIT_DEF_APPEND; "(null)" is a NULL string. */
static const char *const main_strings[] = {
	/* keywords */
	"NORMAL", "PERFORMANCE", "SECURE128", "SECURE192", "SECURE256", "SUITEB128", "SUITEB192",
	"LEGACY", "PFS", "SECURE", "NONE", "normal", "  NORMAL", "(null)",
	/* NORMAL, PERFORMANCE, SECURE128, SECURE256 with edits */
	"NORMAL:-VERS-TLS1.3", "NORMAL:-VERS-ALL:+VERS-TLS1.2", "NORMAL:-VERS-TLS1.1:-VERS-TLS1.0",
	"NORMAL:-VERS-TLS1.2", "NORMAL:-VERS-ALL:+VERS-TLS1.3", "NORMAL:-VERS-ALL:+VERS-TLS1.0",
	"NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.0", "NORMAL:-VERS-ALL:+VERS-TLS1.0:+VERS-TLS1.2",
	"NORMAL:-VERS-ALL:+VERS-DTLS1.2", "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-DTLS1.0",
	"NORMAL:-VERS-TLS-ALL", "NORMAL:-VERS-DTLS-ALL:+VERS-DTLS0.9", "NORMAL:-VERS-TLS1.3:+VERS-TLS1.3",
	"NORMAL:+VERS-SSL3.0", "NORMAL:-vers-tls1.2",
	"NORMAL:+AES-128-CFB8:+ARCFOUR-128:+3DES-CBC:+CAMELLIA-128-GCM:+CAMELLIA-256-CBC:+NULL",
	"NORMAL:-AES-256-GCM:!CHACHA20-POLY1305:+AES-256-GCM", "NORMAL:-CIPHER-ALL:+AES-128-GCM:+CIPHER-ALL",
	"NORMAL:+SHA256:+SHA384:+MD5:+UMAC-96", "NORMAL:-MAC-ALL:+SHA256", "NORMAL:-sha1",
	"NORMAL:+PSK:+DHE-PSK:+ECDHE-PSK:+RSA-PSK:+SRP:+SRP-RSA:+SRP-DSS:+ANON-DH:+ANON-ECDH:+VKO-GOST-12:+DHE-DSS",
	"NORMAL:-KX-ALL", "NORMAL:-RSA:-DHE-RSA", "NORMAL:+RSA-EXPORT:-RSA-EXPORT",
	"NORMAL:-GROUP-ALL:+GROUP-X448:+CURVE-ALL", "NORMAL:-GROUP-ALL:+GROUP-FFDHE4096:+GROUP-ALL",
	"NORMAL:-GROUP-DH-ALL", "NORMAL:-GROUP-EC-ALL", "NORMAL:+GROUP-GOST-ALL", "NORMAL:-CURVE-ALL",
	"NORMAL:+GROUP-GC256B:+GROUP-SECP192R1", "NORMAL:-GROUP-ALL:+GROUP-SECP224R1:+GROUP-GC256B:+GROUP-X25519",
	"NORMAL:-GROUP-ALL:+GROUP-FFDHE2048:+GROUP-X25519", "NORMAL:-GROUP-ALL",
	"NORMAL:-SIGN-ALL", "NORMAL:-SIGN-ALL:+SIGN-RSA-SHA1:+SIGN-RSA-SHA256:+SIGN-RSA-SHA1",
	"NORMAL:+SIGN-RSA-MD5:+SIGN-DSA-SHA256:+SIGN-GOSTR341012-256:-SIGN-RSA-SHA256",
	"NORMAL:+CTYPE-ALL", "NORMAL:+CTYPE-SRV-RAWPK", "NORMAL:+CTYPE-CLI-ALL", "NORMAL:-CTYPE-SRV-X509:+CTYPE-RAWPK",
	"NORMAL:-CTYPE-ALL:+CTYPE-SRV-ALL", "NORMAL:-CTYPE-CLI-X509", "NORMAL:+CTYPE-OPENPGP:+CTYPE-X.509",
	"NORMAL:+COMP-ALL:+COMP-DEFLATE:-COMP-NULL", "NORMAL:+CIPHER-FOO:+MAC-FOO:+KX-FOO:+COMP-FOO",
	"PERFORMANCE:-VERS-TLS1.3:+AES-128-CBC:-AES-256-GCM", "PERFORMANCE:-RSA:+SHA256:-CHACHA20-POLY1305",
	"PERFORMANCE:-VERS-ALL:+VERS-TLS1.2:+CAMELLIA-256-GCM",
	"SECURE128:-VERS-TLS-ALL:+VERS-TLS1.2:+VERS-TLS1.3", "SECURE128:+SIGN-RSA-SHA1:-GROUP-FFDHE8192:-AES-128-CCM",
	"SECURE128:-AES-128-GCM:-AES-128-CBC:-AES-128-CCM:+SHA384",
	"SECURE256:+SECURE128", "SECURE256:-VERS-TLS1.3:+AES-128-GCM", "SECURE256:-AES-256-CBC:+GROUP-X25519:+SIGN-ALL",
	"SECURE256:NORMAL", "NORMAL:SECURE256", "NORMAL:+PFS", "SUITEB128:+VERS-TLS1.3", "SUITEB192:+SECURE128",
	"%COMPAT:NORMAL", "+VERS-TLS1.2:NORMAL", "NORMAL: %COMPAT",
	/* which keyword replaces and which appends; what NONE leaves out */
	"+NORMAL:SECURE256", "+NORMAL:+SECURE256", "SECURE256:+NORMAL", "+AES-128-CFB8:NORMAL", "+SECURE256",
	"%COMPAT", "NONE:NORMAL", "NONE:SUITEB128:+VERS-TLS1.3", "NONE:SECURE256:+VERS-TLS1.2", "NONE:",
	"-CTYPE-ALL:-VERS-TLS1.3:-SIGN-RSA-SHA1:-GROUP-X448:NORMAL", "SUITEB128:NORMAL",
	"NORMAL:-VERS-ALL:+VERS-TLS1.2:NORMAL", "NORMAL:-AES-256-GCM:NORMAL", "+BOGUS:NORMAL",
	/* items that take TLS 1.3 away */
	"NORMAL:+SRP", "NORMAL:+SRP-RSA:-SRP-RSA", "NORMAL:+RSA-PSK", "NORMAL:+NULL", "NORMAL:+ANON-DH",
	"NONE:+VERS-TLS1.3:+NULL:+AEAD:+SIGN-ALL:+GROUP-ALL:+AES-128-GCM", "NORMAL:%NO_EXTENSIONS",
	"NORMAL:-VERS-ALL:+VERS-TLS1.3:%NO_EXTENSIONS", "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-DTLS1.2:%NO_EXTENSIONS",
	"NONE:+VERS-TLS1.2:+AES-128-GCM:+AEAD:+ECDHE-RSA:+SIGN-ALL",
	"NONE:+VERS-TLS1.2:+AES-128-GCM:+AEAD:+ECDHE-RSA:+GROUP-ALL",
	"NONE:+VERS-TLS1.3:+AES-128-GCM:+AEAD:+SIGN-ALL:+GROUP-ALL",
	"NONE:+VERS-TLS1.3:+AES-128-GCM:+AEAD:+SIGN-ALL",
	"NONE:+VERS-TLS1.3:+AES-128-GCM:+SIGN-ALL:+GROUP-ALL",
	"NONE:+VERS-TLS1.2:+CIPHER-ALL:+MAC-ALL:+KX-ALL:+SIGN-ALL:+GROUP-ALL:+CTYPE-ALL:+COMP-ALL",
	"NORMAL:-VERS-ALL", "NORMAL:-CIPHER-ALL", "NORMAL:-MAC-ALL", "NORMAL:-VERS-TLS1.3:-KX-ALL",
	"NORMAL:-VERS-ALL:+VERS-TLS1.3:-MAC-ALL:+SHA256",
	/* flags */
	"NORMAL:%COMPAT:%DUMBFW:%NO_EXTENSIONS:%NO_TICKETS:%NO_TICKETS_TLS12:%NO_SESSION_HASH",
	"NORMAL:%SERVER_PRECEDENCE:%SSL3_RECORD_VERSION:%LATEST_RECORD_VERSION:%STATELESS_COMPRESSION:%NEW_PADDING",
	"NORMAL:%ALLOW_SMALL_RECORDS:%NO_ETM:%FORCE_ETM:%FALLBACK_SCSV:%DISABLE_WILDCARDS:%DISABLE_TLS13_COMPAT_MODE",
	"NORMAL:%SAFE_RENEGOTIATION:%UNSAFE_RENEGOTIATION:%PARTIAL_RENEGOTIATION:%DISABLE_SAFE_RENEGOTIATION",
	"NORMAL:%VERIFY_ALLOW_SIGN_RSA_MD5:%VERIFY_DISABLE_CRL_CHECKS:%VERIFY_ALLOW_X509_V1_CA_CRT:%VERIFY_ALLOW_BROKEN",
	"NORMAL:%VERIFY_ALLOW_SIGN_WITH_SHA1:%DEBUG_ALLOW_KEY_USAGE_VIOLATIONS",
	"NORMAL:%PROFILE_VERY_WEAK:%PROFILE_LOW:%PROFILE_LEGACY:%PROFILE_MEDIUM:%PROFILE_HIGH",
	"NORMAL:%PROFILE_ULTRA:%PROFILE_FUTURE:%PROFILE_SUITEB128:%PROFILE_SUITEB192",
	"NORMAL:%FORCE_SESSION_HASH", "NORMAL:%NO_PADDING", "NORMAL:%NO_STATUS_REQUEST", "NORMAL:%NO_AUTO_REKEY",
	"NORMAL:%compat", "NORMAL:%PROFILE_NONE", "NORMAL:%",
	/* malformed */
	"NORMAL:+BOGUS", "NORMAL:", ":NORMAL", "", "NORMAL::%COMPAT", "BOGUS", "NORMAL:AES-128-GCM",
	"NORMAL:+CTYPE-BOGUS", "NORMAL:+SIGN-BOGUS", "NORMAL:+GROUP-BOGUS", "NORMAL:+CURVE-BOGUS",
	"NORMAL:+CURVE-FFDHE2048", "NORMAL:+VERS-BOGUS", "NORMAL:-BOGUS", "NORMAL:!BOGUS", "NORMAL:+",
	"NORMAL:NONE", "NORMAL:-SECURE256", "NORMAL:!NORMAL", "EXPORT", "NORMAL :%COMPAT", "NORMAL:%COMPAT ",
	"NORMAL: +BOGUS", "NORMAL:  :%COMPAT", "NORMAL:+VERS-TLS1.2: ", "@SYSTEM", "@", "NORMAL:@SYSTEM",
	/* gnutls_priority_init2() with GNUTLS_PRIORITY_INIT_DEF_APPEND */
	"A:%COMPAT", "A:-VERS-TLS1.3", "A:+BOGUS", "A:", "A:NORMAL", "A::+AES-128-CFB8",
	"A:%COMPAT:+BOGUS", "A:%COMPAT:-VERS-TLS1.3:+BOGUS:",
	NULL,
};

/* Run with GNUTLS_SYSTEM_PRIORITY_FILE pointing at the file the test script writes. */
static const char *const system_strings[] = {
	"@SYSTEM", "@MYKW", "@BOGUS,MYKW", "@BOGUS", "@MYKW:+AES-128-CFB8", "@BOGUS,MYKW:-VERS-TLS1.3",
	"@BOGUS,NOPE", "@BOGUS,NOPE:+AES-128-CBC", "@BADKW", "@BADKW,MYKW", "@mykw", "NORMAL:@MYKW",
	"@", "@:NORMAL", "@MYKW,", "@,MYKW", "@SYSTEM:%COMPAT:+BOGUS", "@MYKW:+BOGUS", "@SYSTEM,MYKW",
	"@SPACED", "@COLON", "@FIRST", "@UNUSED", "@SYSTEM:", "SYSTEM", "(null)", "A:-VERS-TLS1.3", "NORMAL",
	NULL,
};

/* Run with a system file whose [overrides] set the default priority string. */
static const char *const default_strings[] = {
	"(null)", "A:-VERS-TLS1.3", "A:+BOGUS", "A:%COMPAT:+BOGUS", "@SYSTEM", "NORMAL",
	NULL,
};

static void string_lists(void)
{
	unsigned flags[] = {0, GNUTLS_PRIORITY_LIST_INIT_KEYWORDS, GNUTLS_PRIORITY_LIST_SPECIAL,
			    GNUTLS_PRIORITY_LIST_INIT_KEYWORDS | GNUTLS_PRIORITY_LIST_SPECIAL, 4};
	unsigned f, i;

	for (f = 0; f < sizeof flags / sizeof flags[0]; f++) {
		printf("string_list flags=%u:", flags[f]);
		for (i = 0; i < 1000; i++) {
			const char *s = gnutls_priority_string_list(i, flags[f]);
			if (s == NULL)
				break;
			printf(" \"%s\"", s);
		}
		printf(" (%u)\n", i);
	}
}

static void run_set(const char *const *set)
{
	int i;
	for (i = 0; set[i] != NULL; i++) {
		if (strncmp(set[i], "A:", 2) == 0)
			run(set[i] + 2, 1);
		else
			run(strcmp(set[i], "(null)") == 0 ? NULL : set[i], 0);
	}
}

static void misc(void)
{
	gnutls_priority_t p;
	const unsigned *l;
	unsigned sidx = 12345;
	int ret;

	ret = gnutls_priority_init(&p, "NORMAL", NULL);
	printf("init without err_pos: %d\n", ret);
	if (ret == 0) {
		printf("ctype target 2: %d\n", gnutls_priority_certificate_type_list2(p, &l, 2) < 0);
		ret = gnutls_priority_get_cipher_suite_index(p, 100000, &sidx);
		printf("index past end: %d sidx=%u\n", ret, sidx);
		gnutls_priority_deinit(p);
	}
}

int main(int argc, char **argv)
{
	char path[4096];
	int i;

	if (tlshim_loaded_gnutls(path, sizeof path) != 0) {
		printf("LOADED ?\n");
		return 1;
	}
	printf("LOADED %s\n", path);
	if (argc > 1 && strcmp(argv[1], "--system") == 0) {
		run_set(system_strings);
		return 0;
	}
	if (argc > 1 && strcmp(argv[1], "--default") == 0) {
		run_set(default_strings);
		return 0;
	}
	if (argc > 1) {
		run_set((const char *const *)argv + 1);
		return 0;
	}
	run_set(main_strings);
	string_lists();
	misc();
	(void)i;
	return 0;
}
