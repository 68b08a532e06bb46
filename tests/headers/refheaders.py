# SPDX-License-Identifier: LGPL-2.1-or-later
"""Shared helpers for the header conformance tests.

Reads a set of gnutls/*.h headers (ours or the reference GnuTLS 3.7.9
ones) through clang and returns what they declare, attributed to the
header that declares it.
"""

import json
import os
import re
import subprocess
import tempfile

# The public headers we provide (dane.h, openssl.h and gnutlsxx.h are not
# part of the set).
HEADERS = [
    "gnutls.h", "x509.h", "x509-ext.h", "abstract.h", "crypto.h", "dtls.h",
    "ocsp.h", "pkcs7.h", "pkcs11.h", "pkcs12.h", "compat.h", "socket.h",
    "urls.h", "system-keys.h", "self-test.h", "tpm.h", "openpgp.h",
]


def clang():
    return os.environ.get("CLANG") or "clang"


def all_headers_source(headers=HEADERS):
    return "".join("#include <gnutls/%s>\n" % h for h in headers)


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          **kw)


def ast(incdir, lang="c", flags=(), source=None):
    """JSON AST of a translation unit that includes every header."""
    src = source if source is not None else all_headers_source()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "all." + ("c" if lang == "c" else "cc"))
        with open(path, "w") as f:
            f.write(src)
        std = ["-std=gnu11"] if lang == "c" else ["-std=c++11"]
        cmd = [clang(), "-x", lang] + std + ["-I", incdir, "-fsyntax-only",
               "-Wno-everything", "-Xclang", "-ast-dump=json"] + list(flags) + [path]
        res = run(cmd)
        if res.returncode != 0:
            raise RuntimeError("clang failed on %s:\n%s" % (incdir, res.stderr.decode()))
    return json.loads(res.stdout)


class _Tracker:
    """clang's JSON dump names a file only when it changes; follow it."""

    def __init__(self):
        self.cur = None

    def loc(self, loc):
        if not isinstance(loc, dict):
            return
        for sub in ("spellingLoc", "expansionLoc"):
            if sub in loc:
                self.loc(loc[sub])
        if "file" in loc:
            self.cur = loc["file"]

    def walk(self, node):
        for key, val in node.items():
            if key == "loc":
                self.loc(val)
            elif key == "range":
                self.loc(val.get("begin"))
                self.loc(val.get("end"))
            elif key == "inner":
                for child in val:
                    self.walk(child)


def top_decls(tree, incdir):
    """Yield (header, node, in_extern_c) for top-level declarations made by
    incdir/gnutls/*.h, in order."""
    gdir = os.path.realpath(os.path.join(incdir, "gnutls"))
    track = _Tracker()
    out = []

    def visit(node, externc):
        track.loc(node.get("loc", {}))
        fname = track.cur
        if node.get("kind") == "LinkageSpecDecl":
            if "range" in node:
                track.loc(node["range"].get("begin"))
            for child in node.get("inner", []):
                visit(child, externc or node.get("language") == "C")
            if "range" in node:
                track.loc(node["range"].get("end"))
            return
        track.walk({k: v for k, v in node.items() if k != "loc"})
        if fname and os.path.realpath(os.path.dirname(fname)) == gdir:
            out.append((os.path.basename(fname), node, externc))

    for node in tree.get("inner", []):
        visit(node, False)
    return out


def attrs(node):
    return sorted({c["kind"] for c in node.get("inner", [])
                   if c.get("kind", "").endswith("Attr")})


def macros(incdir, flags=(), lang="c"):
    """Macros defined by incdir/gnutls/*.h, in definition order."""
    gdir = os.path.realpath(os.path.join(incdir, "gnutls"))
    cmd = [clang(), "-x", lang, "-I", incdir, "-E", "-dD", "-"] + list(flags)
    res = run(cmd, input=all_headers_source().encode())
    if res.returncode != 0:
        raise RuntimeError("preprocessing failed:\n" + res.stderr.decode())
    cur = None
    out = []
    for line in res.stdout.decode().splitlines():
        m = re.match(r'# \d+ "([^"]+)"', line)
        if m:
            cur = m.group(1)
            continue
        m = re.match(r"#define (\w+)(\([^)]*\))? ?(.*)$", line)
        if m and cur and os.path.realpath(os.path.dirname(cur)) == gdir:
            params = None
            if m.group(2) is not None:
                params = [p.strip() for p in m.group(2)[1:-1].split(",") if p.strip()]
            out.append({"header": os.path.basename(cur), "name": m.group(1),
                        "params": params, "body": m.group(3)})
    return out


def guard_names(incdir):
    """Include guard macro of each header (first #ifndef/#define pair)."""
    res = set()
    for h in HEADERS:
        with open(os.path.join(incdir, "gnutls", h)) as f:
            text = f.read()
        m = re.search(r"^\s*#\s*ifndef\s+(\w+)\s*\n\s*#\s*define\s+(\w+)\s*$", text, re.M)
        if m and m.group(1) == m.group(2):
            res.add(m.group(1))
    return res


def record_designators(fields, prefix=""):
    """Member designators (for offsetof/decltype) of every field of a
    record, nested records included, depth first."""
    res = []
    pending = None
    for node in fields:
        if node["kind"] in ("RecordDecl", "CXXRecordDecl"):
            if not node.get("isImplicit"):
                pending = node
            continue
        if node["kind"] != "FieldDecl":
            continue
        name = node.get("name", "")
        t = node["type"].get("desugaredQualType", node["type"]["qualType"])
        arr = re.search(r"\[(\d+)\]$", t)
        des = prefix + name
        res.append(des)
        nested = None
        if pending is not None and ("unnamed" in t or
                                    re.search(r"\b%s\b" % re.escape(pending.get("name") or "@"), t)):
            nested = pending
        pending = None
        if nested is not None:
            sub = des + ("[0]" if arr else "")
            res += record_designators(nested.get("inner", []), sub + ".")
    return res
