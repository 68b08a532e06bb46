// SPDX-License-Identifier: LGPL-2.1-or-later
// The exported data objects of the GnuTLS ABI.
#include "api/api.hh"

#include <cstdlib>
#include <cstring>

#include "core/pk/ffdhe.hh"

extern "C" {

// Memory functions.  Programs call through these pointers (gnutls_free on
// what the library hands out, gnutls_malloc for what they hand in); the
// library allocates everything it gives away through them.
TLSHIM_API_DATA gnutls_alloc_function gnutls_malloc = std::malloc;
TLSHIM_API_DATA gnutls_alloc_function gnutls_secure_malloc = std::malloc;
TLSHIM_API_DATA gnutls_calloc_function gnutls_calloc = std::calloc;
TLSHIM_API_DATA gnutls_realloc_function gnutls_realloc = std::realloc;
TLSHIM_API_DATA gnutls_free_function gnutls_free = std::free;
TLSHIM_API_DATA char *(*gnutls_strdup)(const char *) = ::strdup;

// Private variables that GnuTLS's own programs read.
TLSHIM_API_DATA int _gnutls_log_level = 0;
TLSHIM_API_DATA int _gnutls_global_version = GNUTLS_VERSION_NUMBER;
TLSHIM_API_DATA const char *_gnutls_default_priority_string = "NORMAL";

// GnuTLS exports its table of big-number operations (25 function pointers).
// tlshim does its arithmetic through GMP directly; the table keeps its size
// and stays empty (all null), which no program depends on.
}  // extern "C"
struct tlshim_mpi_ops_st {
    void (*op[25])(void);
};
extern "C" {
TLSHIM_API_DATA tlshim_mpi_ops_st _gnutls_mpi_ops = {};
static_assert(sizeof(tlshim_mpi_ops_st) == 200, "the exported object is 200 bytes in GnuTLS 3.7.9");

#include "api/data-groups.inc"

}  // extern "C"
