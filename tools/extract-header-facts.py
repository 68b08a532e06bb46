#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""List the interface facts of a set of GnuTLS-compatible public headers.

This is a one-shot development helper, not part of the build.  It only
*lists facts* (names, values, prototypes, struct layouts, include lines)
found in a header directory, as JSON on stdout, so that a person keeping
include/gnutls/ up to date can see what an interface contains.  It does
not copy header text, comments or layout.

Usage: tools/extract-header-facts.py [INCLUDE_DIR] > facts.json
       (INCLUDE_DIR is the directory that holds gnutls/; default /usr/include)

Needs clang (set $CLANG to override).
"""

import json
import os
import re
import subprocess
import sys
import tempfile

HEADERS = [
    "gnutls.h", "x509.h", "x509-ext.h", "abstract.h", "crypto.h", "dtls.h",
    "ocsp.h", "pkcs7.h", "pkcs11.h", "pkcs12.h", "compat.h", "socket.h",
    "urls.h", "system-keys.h", "self-test.h", "tpm.h", "openpgp.h",
]


def clang():
    return os.environ.get("CLANG", "clang")


class FileTracker:
    """clang's JSON dump only names a file when it changes; follow it."""

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


def ast_dump(incdir, lang="c", defines=()):
    src = "".join("#include <gnutls/%s>\n" % h for h in HEADERS)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "all." + ("c" if lang == "c" else "cc"))
        with open(path, "w") as f:
            f.write(src)
        cmd = [clang(), "-x", lang, "-I", incdir, "-fsyntax-only",
               "-Xclang", "-ast-dump=json"] + ["-D" + d for d in defines] + [path]
        out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE).stdout
    return json.loads(out)


def attrs_of(node):
    return sorted({c["kind"] for c in node.get("inner", [])
                   if c.get("kind", "").endswith("Attr")})


def qual(t):
    return {"as_written": t.get("qualType"),
            "desugared": t.get("desugaredQualType", t.get("qualType"))}


def record_fields(rec):
    fields = []
    for c in rec.get("inner", []):
        if c["kind"] == "FieldDecl":
            fields.append({"name": c.get("name", ""), "type": qual(c["type"])})
        elif c["kind"] == "RecordDecl":
            fields.append({"nested": c.get("tagUsed"), "tag": c.get("name"),
                           "fields": record_fields(c)})
    return fields


def decl_ref(expr):
    """Name of the constant an initialiser merely refers to, if any."""
    while expr.get("kind") in ("ConstantExpr", "ImplicitCastExpr", "ParenExpr"):
        inner = expr.get("inner", [])
        if len(inner) != 1:
            return None
        expr = inner[0]
    if expr.get("kind") == "DeclRefExpr":
        return expr.get("referencedDecl", {}).get("name")
    return None


def enum_constants(enum):
    out = []
    for c in enum.get("inner", []):
        if c["kind"] != "EnumConstantDecl":
            continue
        ent = {"name": c["name"], "init": None, "ref": None}
        for e in c.get("inner", []):
            if e["kind"] == "ConstantExpr":
                ent["init"] = e.get("value")
                ent["ref"] = decl_ref(e)
        out.append(ent)
    return out


def decls(incdir, defines=()):
    tree = ast_dump(incdir, defines=defines)
    track = FileTracker()
    facts = []
    for node in tree["inner"]:
        track.loc(node.get("loc", {}))
        fname = track.cur
        track.walk({k: v for k, v in node.items() if k != "loc"})
        if not fname or os.path.dirname(fname) != os.path.join(incdir, "gnutls"):
            continue
        hdr = os.path.basename(fname)
        kind = node["kind"]
        ent = {"header": hdr, "kind": kind, "name": node.get("name", "")}
        if kind == "FunctionDecl":
            ent["type"] = qual(node["type"])
            ent["params"] = [{"name": p.get("name", ""), "type": qual(p["type"])}
                             for p in node.get("inner", [])
                             if p["kind"] == "ParmVarDecl"]
            ent["variadic"] = bool(node.get("variadic"))
            ent["storage"] = node.get("storageClass")
            ent["inline"] = bool(node.get("inline"))
            ent["attrs"] = attrs_of(node)
        elif kind == "VarDecl":
            ent["type"] = qual(node["type"])
            ent["storage"] = node.get("storageClass")
        elif kind == "TypedefDecl":
            ent["type"] = qual(node["type"])
            ent["attrs"] = attrs_of(node)
            for c in node.get("inner", []):
                if "ownedTagDecl" in c:
                    ent["owns"] = c["ownedTagDecl"]["id"]
        elif kind == "EnumDecl":
            ent["id"] = node["id"]
            ent["constants"] = enum_constants(node)
        elif kind == "RecordDecl":
            ent["id"] = node["id"]
            ent["tag"] = node.get("tagUsed")
            ent["complete"] = bool(node.get("completeDefinition"))
            ent["fields"] = record_fields(node)
        facts.append(ent)
    return facts


def macros(incdir, defines=()):
    src = "".join("#include <gnutls/%s>\n" % h for h in HEADERS)
    cmd = [clang(), "-x", "c", "-I", incdir, "-E", "-dD", "-"] + \
        ["-D" + d for d in defines]
    out = subprocess.run(cmd, input=src.encode(), check=True,
                         stdout=subprocess.PIPE).stdout.decode()
    cur = None
    res = []
    for line in out.splitlines():
        m = re.match(r'# \d+ "([^"]+)"', line)
        if m:
            cur = m.group(1)
            continue
        m = re.match(r"#define (\w+)(\([^)]*\))? ?(.*)$", line)
        if m and cur and os.path.dirname(cur) == os.path.join(incdir, "gnutls"):
            res.append({"header": os.path.basename(cur), "name": m.group(1),
                        "params": m.group(2), "body": m.group(3)})
    return res


def includes(incdir):
    res = {}
    for h in HEADERS:
        with open(os.path.join(incdir, "gnutls", h)) as f:
            res[h] = re.findall(r"^\s*#\s*include\s*([<\"][^>\"]+[>\"])",
                                f.read(), re.M)
    return res


def main():
    incdir = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "/usr/include")
    facts = {
        "decls": decls(incdir),
        "decls_isoc99": decls(incdir, ["_ISOC99_SOURCE"]),
        "macros": macros(incdir),
        "macros_internal": macros(incdir, ["GNUTLS_INTERNAL_BUILD"]),
        "includes": includes(incdir),
    }
    json.dump(facts, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
