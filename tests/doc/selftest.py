#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Self-test of doc/mkman.py and tests/doc/checkdoc.py on a small made-up tree.

A clean tree must generate pages that pass every check (and say what the
comments say); each broken variant must make the named check fail with the
expected message.  This is what shows that the checks of the real tree can
fail.  Usage: selftest.py SRCDIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

SYMBOLS = """# name\tnode\tkind\tstatus
_gnutls_private\tGNUTLS_PRIVATE_3_4\tfunc\timpl
gnutls_alpha\tGNUTLS_3_4\tfunc\timpl
gnutls_beta\tGNUTLS_3_4\tfunc\timpl
gnutls_delta\tGNUTLS_3_4\tfunc\tstub
gnutls_gamma\tGNUTLS_3_6_0\tfunc\tstub
gnutls_some_data\tGNUTLS_3_4\tdata\timpl
"""

GNUTLS_H = """/* test header */
#ifndef GNUTLS_GNUTLS_H
#define GNUTLS_GNUTLS_H
#include <stddef.h>
#ifdef __cplusplus
extern "C" {
#endif
#define _TLSHIM_ATTR_DEPRECATED __attribute__((__deprecated__))
typedef struct gnutls_session_int *gnutls_session_t;
typedef struct { int a; int b; } gnutls_pair_st;
extern const gnutls_pair_st gnutls_some_data;
int gnutls_alpha(gnutls_session_t session, const char *name,
                 size_t name_size);
int gnutls_gamma(gnutls_session_t, unsigned int flags);
gnutls_session_t gnutls_delta(void) _TLSHIM_ATTR_DEPRECATED;
#ifdef __cplusplus
}
#endif
#endif
"""

CRYPTO_H = """#ifndef GNUTLS_CRYPTO_H
#define GNUTLS_CRYPTO_H
#include <gnutls/gnutls.h>
typedef void (*gnutls_cb_func)(int, const char *);
void gnutls_beta(gnutls_cb_func func, void (*other)(int level),
                 unsigned flags);
#endif
"""

PRIVATE_H = """int _gnutls_private(int x);
"""

SOURCE = r'''// test source
#include "api/api.hh"

/* An ordinary comment. */
static const char *s = "/* not a comment */ TLSHIM_API";

/**
 * gnutls_alpha:
 * @session: the session
 * @name: a name, such as "a.b", or %NULL
 * @name_size: the length of @name,
 *   in bytes
 *
 * Looks the name up in the session.  Calls gnutls_beta() and may answer
 * %GNUTLS_E_SUCCESS; see also gnutls_gamma().
 * .A line starting with a dot, and a backslash \ here.
 * 'A line starting with a quote.
 *
 * A second paragraph (mail bugs@example.org) about a #gnutls_pair_st.
 * |[
 *   .code line
 *   x = a \ b;
 * ]|
 *
 * Returns: zero on success, or a negative error code.
 *
 * Since: 3.7.9
 **/
TLSHIM_API int gnutls_alpha(gnutls_session_t session, const char *name,
                            size_t name_size)
{
    return 0;
}

/**
 * gnutls_beta:
 * @func: a callback
 * @other: another callback
 * @flags: zero
 *
 * Installs @func.
 *
 * Deprecated: use gnutls_alpha() instead.
 **/
TLSHIM_API void gnutls_beta(gnutls_cb_func func, void (*other)(int level), unsigned flags)
{
}

TLSHIM_API int _gnutls_private(int x)
{
    return x;
}
'''


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def make_tree(root, repl=None):
    files = {
        "lib/abi/symbols.tsv": SYMBOLS,
        "lib/abi/private.h": PRIVATE_H,
        "include/gnutls/gnutls.h": GNUTLS_H,
        "include/gnutls/crypto.h": CRYPTO_H,
        "lib/api/test.cc": SOURCE,
    }
    for path, (old, new) in (repl or {}).items():
        assert old in files[path], (path, old)
        files[path] = files[path].replace(old, new, 1)
    for path, text in files.items():
        write(os.path.join(root, path), text)


class Runner:
    def __init__(self, srcdir):
        self.srcdir = srcdir
        self.failures = 0
        self.passes = 0

    def run(self, *args):
        r = subprocess.run([sys.executable] + list(args), stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
        return r.returncode, r.stdout.decode("utf-8", "replace")

    def generate(self, tree, man):
        rc, out = self.run(os.path.join(self.srcdir, "doc", "mkman.py"), "generate", tree, man, "--date", "2000-01-01")
        if rc != 0:
            self.fail("mkman.py generate failed on the test tree:\n" + out)
        return out

    def check(self, what, tree, man):
        return self.run(os.path.join(self.srcdir, "tests", "doc", "checkdoc.py"), what, tree, man)

    def fail(self, msg):
        print("FAIL: " + msg)
        self.failures += 1

    def ok(self, msg):
        print("ok: " + msg)
        self.passes += 1

    def expect_pass(self, label, what, tree, man):
        rc, out = self.check(what, tree, man)
        if rc == 77:
            print("skip: %s: %s" % (label, out.strip()))
        elif rc != 0:
            self.fail("%s: check %s should pass but failed:\n%s" % (label, what, out))
        else:
            self.ok("%s: %s passes" % (label, what))

    def expect_fail(self, label, what, tree, man, needle):
        rc, out = self.check(what, tree, man)
        if rc == 77:
            print("skip: %s: %s" % (label, out.strip()))
        elif rc == 0:
            self.fail("%s: check %s should fail but passed:\n%s" % (label, what, out))
        elif needle not in out:
            self.fail("%s: check %s failed without %r:\n%s" % (label, what, needle, out))
        else:
            self.ok("%s: %s fails as it should (%s)" % (label, what, needle))


def render_text(page):
    groff = shutil.which("groff")
    if groff is None:
        return None
    r = subprocess.run([groff, "-man", "-Tutf8", "-ww", "-P-cbou", page], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=dict(os.environ, LC_ALL="C.UTF-8"))
    return r.stdout.decode("utf-8", "replace")


def check_clean(t, tmp):
    tree, man = os.path.join(tmp, "clean"), os.path.join(tmp, "clean-man")
    make_tree(tree)
    warnings = t.generate(tree, man)
    if "warning" in warnings:
        t.fail("the clean tree gives warnings:\n" + warnings)
    pages = sorted(os.listdir(man))
    want = ["gnutls.3", "gnutls_alpha.3", "gnutls_beta.3", "gnutls_delta.3", "gnutls_gamma.3"]
    if pages != want:
        t.fail("pages of the clean tree: %s, expected %s (no page for private symbols)" % (pages, want))
    else:
        t.ok("one page per public function, stub pages, index; none for _gnutls_private")
    for what in ("comments", "coverage", "args", "render", "index"):
        t.expect_pass("clean tree", what, tree, man)
    alpha = open(os.path.join(man, "gnutls_alpha.3"), encoding="utf-8").read()
    for needle in ('.TH "gnutls_alpha" 3 "2000-01-01" "tlshim" "tlshim"', ".B #include <gnutls/gnutls.h>",
                   '"name_size" ");"', "\\&.A line starting", "\\&'A line starting",
                   "backslash \\e here", "\\fB\\%GNUTLS_E_SUCCESS\\fP", "\\fI\\%name\\fP",
                   "\\fB\\%gnutls_beta\\fP()", ".SH SINCE", ".BR \\%gnutls_beta (3),", ".BR \\%gnutls_gamma (3)",
                   "x = a \\e b;", "bugs@example.org", "a \\fB\\%gnutls_pair_st\\fP.", BUG_URL_TEXT):
        if needle not in alpha:
            t.fail("gnutls_alpha.3 lacks %r:\n%s" % (needle, alpha))
            break
    else:
        t.ok("gnutls_alpha.3 has the .TH line, the include, escapes and markup")
    beta = open(os.path.join(man, "gnutls_beta.3"), encoding="utf-8").read()
    for needle in (".B #include <gnutls/crypto.h>", '", void (*" "other" ")(int level), unsigned "',
                   ".SH DEPRECATED", '.IP "void (*\\fIother\\fP)(int level)" 4'):
        if needle not in beta:
            t.fail("gnutls_beta.3 lacks %r:\n%s" % (needle, beta))
            break
    else:
        t.ok("gnutls_beta.3 shows function-pointer parameters and the DEPRECATED section")
    if ".SH RETURNS" in beta:
        t.fail("gnutls_beta.3 (void) has a RETURNS section")
    gamma = open(os.path.join(man, "gnutls_gamma.3"), encoding="utf-8").read()
    delta = open(os.path.join(man, "gnutls_delta.3"), encoding="utf-8").read()
    if "GNUTLS_E_UNIMPLEMENTED_FEATURE" in gamma and "GNUTLS_3_6_0" in gamma and "Always \\fBNULL\\fP" in delta:
        t.ok("stub pages tell the node and what the stub returns (int: error code, pointer typedef: NULL)")
    else:
        t.fail("stub pages:\n%s\n%s" % (gamma, delta))
    text = render_text(os.path.join(man, "gnutls_alpha.3"))
    if text is not None:
        text = re.sub(r"[ \t]*\n[ \t]*(?=\S)", " ", text)  # unwrap the filled lines
        for needle in (".A line starting with a dot, and a backslash \\ here.", "'A line starting",
                       ".code line x = a \\ b;", "int gnutls_alpha(gnutls_session_t session, const char *name, size_t",
                       "Looks the name up in the session."):
            if needle not in text:
                t.fail("rendered gnutls_alpha.3 lacks %r:\n%s" % (needle, text))
                break
        else:
            t.ok("the rendered page shows the comment's text literally")
    return tree, man


BUG_URL_TEXT = "https://github.com/tlshim/tlshim/issues"


def broken_source(t, tmp, label, repl, expectations):
    tree, man = os.path.join(tmp, label), os.path.join(tmp, label + "-man")
    make_tree(tree, repl)
    t.generate(tree, man)
    for what, needle in expectations:
        t.expect_fail(label, what, tree, man, needle)


def broken_page(t, tmp, label, page, old, new, what, needle):
    tree, man = os.path.join(tmp, label), os.path.join(tmp, label + "-man")
    make_tree(tree)
    t.generate(tree, man)
    path = os.path.join(man, page)
    if old is None:
        os.remove(path)
    else:
        text = open(path, encoding="utf-8").read()
        if old not in text:
            t.fail("%s: %r not in %s" % (label, old, page))
            return
        write(path, text.replace(old, new, 1))
    t.expect_fail(label, what, tree, man, needle)


def broken_real_copy(t, tmp, srcdir):
    """A copy of the real lib/ and include/ with one parameter renamed in a comment."""
    sys.path.insert(0, os.path.join(srcdir, "doc"))
    import mkman
    project = mkman.Project(srcdir)
    victim = next((project.defs[n] for n in project.impl_pages if project.defs[n].doc.params), None)
    if victim is None:
        print("skip: no documented function with parameters in the real tree yet")
        return
    tree, man = os.path.join(tmp, "real"), os.path.join(tmp, "real-man")
    for sub in ("lib", "include"):
        shutil.copytree(os.path.join(srcdir, sub), os.path.join(tree, sub),
                        ignore=shutil.ignore_patterns("*.o", "*.lo", ".libs", ".deps"))
    pname, _text, ln = victim.doc.params[0]
    path = os.path.join(tree, victim.path)
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    lines[ln - 1] = lines[ln - 1].replace("@%s:" % pname, "@%s_bogus:" % pname, 1)
    write(path, "\n".join(lines))
    t.generate(tree, man)
    label = "real tree, %s's @%s renamed" % (victim.name, pname)
    t.expect_fail(label, "comments", tree, man, "describes @%s_bogus, which %s does not have" % (pname, victim.name))
    t.expect_fail(label, "args", tree, man, "%s.3: ARGUMENTS lists" % victim.name)


def main(argv):
    srcdir = argv[1]
    t = Runner(srcdir)
    tmp = tempfile.mkdtemp(prefix="tlshim-doc-")
    try:
        check_clean(t, tmp)
        broken_real_copy(t, tmp, srcdir)
        src = "lib/api/test.cc"
        broken_source(t, tmp, "unknown-param", {src: (" * @name_size: the", " * @name_len: the")},
                      [("comments", "describes @name_len, which gnutls_alpha does not have"),
                       ("args", "name_len is not a parameter there")])
        broken_source(t, tmp, "extra-param", {src: (" * @flags: zero\n", " * @flags: zero\n * @level: a level\n")},
                      [("comments", "describes @level, which gnutls_beta does not have"),
                       ("args", "ARGUMENTS lists (func, other, flags, level)")])
        broken_source(t, tmp, "order", {src: (" * @session: the session\n * @name: a name, such as \"a.b\", or %NULL\n",
                                              " * @name: a name\n * @session: the session\n")},
                      [("comments", "described in the order name, session"),
                       ("args", "same names, different order")])
        broken_source(t, tmp, "undescribed", {src: (" * @flags: zero\n", "")},
                      [("comments", "parameter flags of gnutls_beta is not described"),
                       ("args", "flags is missing")])
        broken_source(t, tmp, "header-name", {"include/gnutls/gnutls.h": ("const char *name,", "const char *label,")},
                      [("comments", "declared at include/gnutls/gnutls.h:12 with parameters (session, label, name_size)"),
                       ("args", "include/gnutls/gnutls.h:12 declares (session, label, name_size)")])
        broken_source(t, tmp, "header-count", {"include/gnutls/crypto.h": (",\n                 unsigned flags);", ");")},
                      [("comments", "with parameters (func, other)"), ("args", "flags is not a parameter there")])
        broken_source(t, tmp, "no-comment", {src: ("/**\n * gnutls_beta:", "/*\n * gnutls_beta:")},
                      [("comments", "gnutls_beta has no doc comment"), ("coverage", "has no doc comment"),
                       ("coverage", "gnutls_beta (lib/api/test.cc:")])
        broken_source(t, tmp, "detached-comment", {src: (" **/\nTLSHIM_API void", " **/\nstatic int x;\nTLSHIM_API void")},
                      [("comments", "doc comment for gnutls_beta is not immediately followed"),
                       ("coverage", "gnutls_beta (lib/api/test.cc:")])
        broken_source(t, tmp, "wrong-name", {src: (" * gnutls_beta:", " * gnutls_betta:")},
                      [("comments", "the comment is named gnutls_betta but precedes the definition of gnutls_beta")])
        broken_source(t, tmp, "malformed-param", {src: (" * @flags: zero", " * @flags zero")},
                      [("comments", "malformed parameter line '@flags zero'")])
        broken_source(t, tmp, "no-returns", {src: (" * Returns: zero on success, or a negative error code.\n *\n", "")},
                      [("comments", "gnutls_alpha returns int but the comment has no 'Returns:' section")])
        broken_source(t, tmp, "void-returns", {src: (" * Installs @func.\n", " * Installs @func.\n *\n * Returns: nothing.\n")},
                      [("comments", "gnutls_beta returns void but the comment has a 'Returns:' section")])
        broken_source(t, tmp, "bad-since", {src: (" * Since: 3.7.9", " * Since: the beginning")},
                      [("comments", "'Since:' should be a version number")])
        broken_source(t, tmp, "late-param", {src: (" * Installs @func.\n", " * Installs @func.\n * @flags: again\n")},
                      [("comments", "parameter @flags is described after the description")])
        broken_source(t, tmp, "impl-without-code", {"lib/abi/symbols.tsv": ("gnutls_gamma\tGNUTLS_3_6_0\tfunc\tstub",
                                                                            "gnutls_gamma\tGNUTLS_3_6_0\tfunc\timpl")},
                      [("comments", "gnutls_gamma is marked impl but no TLSHIM_API definition"),
                       ("coverage", "gnutls_gamma is marked impl in lib/abi/symbols.tsv but has no TLSHIM_API definition")])
        broken_source(t, tmp, "unnamed-definition-param", {src: ("void (*other)(int level), unsigned flags)", "void (*other)(int level), unsigned)")},
                      [("comments", "parameter 3 (unsigned) of the definition has no name")])
        # Pages damaged after generation: the checks read the pages themselves.
        broken_page(t, tmp, "page-args-order", "gnutls_alpha.3", '.IP "const char *\\fIname\\fP" 4\n',
                    "", "args", "name is missing")
        broken_page(t, tmp, "page-synopsis", "gnutls_gamma.3", '"flags"', '"flag"', "args",
                    "gnutls_gamma.3: SYNOPSIS names (flag)")
        broken_page(t, tmp, "page-include", "gnutls_beta.3", "<gnutls/crypto.h>", "<gnutls/gnutls.h>", "args",
                    "but the function is declared in include/gnutls/crypto.h")
        broken_page(t, tmp, "page-missing", "gnutls_alpha.3", None, None, "coverage", "gnutls_alpha (lib/api/test.cc:")
        broken_page(t, tmp, "stub-page-missing", "gnutls_gamma.3", None, None, "coverage", "stub gnutls_gamma has no page")
        broken_page(t, tmp, "troff-warning", "gnutls_alpha.3", ".SH DESCRIPTION\n", ".SH DESCRIPTION\n\\(xx oops\n",
                    "render", "groff warnings for gnutls_alpha.3")
        broken_page(t, tmp, "troff-unknown-macro", "gnutls_gamma.3", ".SH DESCRIPTION\n", ".SH DESCRIPTION\n.XYZ\n",
                    "render", "gnutls_gamma.3")
        broken_page(t, tmp, "no-description", "gnutls_beta.3", ".SH DESCRIPTION\n", "", "render",
                    "gnutls_beta.3: the rendered page has no DESCRIPTION section")
        broken_page(t, tmp, "double-escape", "gnutls_beta.3", "Installs", "\\efBInstalls", "render",
                    "troff escape left in the rendered text")
        broken_page(t, tmp, "index-missing", "gnutls.3", ".BR \\%gnutls_alpha (3)\n", ".BR \\%gnutls_alphx (3)\n",
                    "index", "implemented function gnutls_alpha is not listed")
        broken_page(t, tmp, "index-stubs", "gnutls.3", "\\%gnutls_gamma\n", "", "index", "missing: gnutls_gamma")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d passed, %d failed" % (t.passes, t.failures))
    return 1 if t.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
