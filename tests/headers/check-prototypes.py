#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Compare the declarations of our headers with the reference GnuTLS ones.

Three independent checks, each printing every mismatch it finds:

 1. Declaration sets and spelled types (clang AST, C and C++, several
    configurations): per header, the same functions, variables, typedefs
    and struct/union/enum tags; for each function the same type as written
    (return and parameter types, typedef names, const-ness, pointer levels),
    the same deprecated/const/pure attributes and storage class; for each
    typedef the same underlying type.
 2. Canonical types: a C++ program prints typeid(...).name() of every
    function, variable, typedef and struct field; built against each header
    set, the outputs must be identical.
 3. Redeclaration: per header, a C and a C++ translation unit include our
    header and then repeat the reference's own declaration text for each
    function, variable and (non-defining) typedef; a conflicting type is a
    compile error.

Usage: check-prototypes.py --ref DIR --ours DIR --tmp DIR
Exit status 0 when everything matches, 1 otherwise.
"""

import argparse
import os
import re
import subprocess
import sys

sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import refheaders as rh  # noqa: E402

MODES = [
    ("c", []),
    ("c", ["-D_GNU_SOURCE"]),
    ("c", ["-DGNUTLS_INTERNAL_BUILD"]),
    ("c++", []),
]

# Known, intended differences.  The reference self-test.h declares its
# functions outside extern "C" (so C++ callers cannot link to the C
# library); ours gives them C linkage like every other header.
LINKAGE_EXCEPTIONS = {"self-test.h"}

INTERESTING_ATTRS = {"DeprecatedAttr", "ConstAttr", "PureAttr"}

problems = []


def problem(msg):
    problems.append(msg)
    print("  " + msg)


def ty(node):
    return node["type"]["qualType"]


def facts(incdir, lang, flags):
    tree = rh.ast(incdir, lang, flags)
    res = {}
    for hdr, node, externc in rh.top_decls(tree, incdir):
        k = node["kind"]
        name = node.get("name")
        slot = res.setdefault(hdr, {"fn": {}, "var": {}, "typedef": {}, "tag": set()})
        if k == "FunctionDecl":
            has_body = any(c["kind"] == "CompoundStmt" for c in node.get("inner", []))
            attrs = sorted(set(rh.attrs(node)) & INTERESTING_ATTRS)
            ent = {"type": ty(node), "attrs": attrs,
                   "storage": node.get("storageClass", "extern"),
                   "inline": bool(node.get("inline")), "externc": externc}
            prev = slot["fn"].get(name)
            if prev:  # a prototype followed by the definition: merge
                ent["attrs"] = sorted(set(ent["attrs"]) | set(prev["attrs"]))
            ent["body"] = has_body or bool(prev and prev.get("body"))
            slot["fn"][name] = ent
        elif k == "VarDecl":
            slot["var"][name] = {"type": ty(node), "storage": node.get("storageClass"),
                                 "externc": externc}
        elif k == "TypedefDecl":
            attrs = sorted(set(rh.attrs(node)) & INTERESTING_ATTRS)
            slot["typedef"][name] = {"type": ty(node), "attrs": attrs}
        elif k in ("RecordDecl", "CXXRecordDecl", "EnumDecl") and name:
            if node.get("completeDefinition"):
                slot["tag"].add("%s %s" % (node.get("tagUsed", "enum"), name))
    return res


def compare_sets(mode, ref, ours):
    nfn = 0
    for hdr in rh.HEADERS:
        r = ref.get(hdr, {"fn": {}, "var": {}, "typedef": {}, "tag": set()})
        o = ours.get(hdr, {"fn": {}, "var": {}, "typedef": {}, "tag": set()})
        for kind in ("fn", "var", "typedef"):
            label = {"fn": "function", "var": "variable", "typedef": "typedef"}[kind]
            for name in sorted(set(r[kind]) - set(o[kind])):
                problem("%s [%s]: %s %s is missing" % (hdr, mode, label, name))
            for name in sorted(set(o[kind]) - set(r[kind])):
                problem("%s [%s]: %s %s is extra (not in the reference header)"
                        % (hdr, mode, label, name))
            for name in sorted(set(r[kind]) & set(o[kind])):
                a, b = r[kind][name], o[kind][name]
                if kind == "fn":
                    nfn += 1
                for field in ("type", "attrs", "storage", "inline", "externc"):
                    if field not in a:
                        continue
                    if field == "externc" and hdr in LINKAGE_EXCEPTIONS:
                        continue
                    if a[field] != b[field]:
                        problem("%s [%s]: %s %s: %s differs: reference %r, ours %r"
                                % (hdr, mode, label, name, field, a[field], b[field]))
        for tag in sorted(r["tag"] - o["tag"]):
            problem("%s [%s]: %s is not defined" % (hdr, mode, tag))
        for tag in sorted(o["tag"] - r["tag"]):
            problem("%s [%s]: %s is defined but is not in the reference header"
                    % (hdr, mode, tag))
    return nfn


# ---------------------------------------------------------------- check 2

def typeid_program(ref, ref_facts):
    tree = rh.ast(ref, "c++", [])
    records = []
    owned = {}
    decls = rh.top_decls(tree, ref)
    for _h, node, _x in decls:
        if node["kind"] == "TypedefDecl":
            for c in node.get("inner", []):
                if "ownedTagDecl" in c:
                    owned[c["ownedTagDecl"]["id"]] = node["name"]
    for _h, node, _x in decls:
        if node["kind"] in ("RecordDecl", "CXXRecordDecl") and node.get("completeDefinition"):
            name = owned.get(node["id"]) or ("%s %s" % (node["tagUsed"], node["name"]))
            fields = rh.record_designators(node.get("inner", []))
            records.append((name, fields))
    lines = ["#include <cstdio>", "#include <typeinfo>"]
    lines += ["#include <gnutls/%s>" % h for h in rh.HEADERS]
    lines += ["#define SHOW(what, x) std::printf(\"%s %s %s\\n\", what, #x, typeid(x).name())",
              "int main()", "{"]
    n = 0
    for hdr in rh.HEADERS:
        f = ref_facts.get(hdr, {})
        for name in sorted(f.get("fn", {})):
            lines.append('    SHOW("function", decltype(%s));' % name)
            n += 1
        for name in sorted(f.get("var", {})):
            lines.append('    SHOW("variable", decltype(%s));' % name)
        for name, t in sorted(f.get("typedef", {}).items()):
            lines.append('    SHOW("typedef", %s);' % name)
    for name, fields in records:
        for d in fields:
            lines.append('    SHOW("field", decltype(((%s *)0)->%s));' % (name, d))
    lines += ["    return 0;", "}"]
    return "\n".join(lines) + "\n", n


def check_typeids(ref, ours, tmp, ref_facts):
    src, n = typeid_program(ref, ref_facts)
    path = os.path.join(tmp, "typeids.cc")
    with open(path, "w") as f:
        f.write(src)
    cxx = os.environ.get("CXX") or "g++"
    outs = {}
    for label, inc in (("reference", ref), ("ours", ours)):
        exe = os.path.join(tmp, "typeids-" + label)
        res = rh.run([cxx, "-std=c++11", "-w", "-I", inc, path, "-o", exe])
        if res.returncode != 0:
            problem("typeid program does not build against %s headers:\n%s"
                    % (label, res.stderr.decode()[:4000]))
            return n
        outs[label] = rh.run([exe]).stdout.decode().splitlines()
    a, b = outs["reference"], outs["ours"]
    if len(a) != len(b):
        problem("typeid program printed %d lines with the reference, %d with ours"
                % (len(a), len(b)))
    for x, y in zip(a, b):
        if x != y:
            problem("canonical type differs: reference %s / ours %s"
                    % (x, y.split(" ", 2)[2]))
    return n


# ---------------------------------------------------------------- check 3

def decl_texts(ref):
    """Reference declaration text of each function, variable and typedef
    that does not define a tag, per header."""
    tree = rh.ast(ref, "c", ["-D_GNU_SOURCE"])
    texts = {}
    cache = {}

    def offset(loc):
        if "expansionLoc" in loc:
            loc = loc["expansionLoc"]
        return loc["offset"], loc.get("tokLen", 0)

    for hdr, node, _x in rh.top_decls(tree, ref):
        k = node["kind"]
        if k not in ("FunctionDecl", "VarDecl", "TypedefDecl"):
            continue
        if k == "TypedefDecl" and any("ownedTagDecl" in c for c in node.get("inner", [])):
            continue
        if k == "FunctionDecl" and any(c["kind"] == "CompoundStmt" for c in node.get("inner", [])):
            continue
        if k == "FunctionDecl" and node.get("storageClass") == "static":
            continue   # static inline: compared by type only
        if hdr not in cache:
            with open(os.path.join(ref, "gnutls", hdr), "rb") as f:
                cache[hdr] = f.read()
        b, _ = offset(node["range"]["begin"])
        e, n = offset(node["range"]["end"])
        text = cache[hdr][b:e + n].decode()
        texts.setdefault(hdr, []).append((node["name"], k, text))
    return texts


def check_redeclarations(ours, tmp, texts):
    cc = os.environ.get("CC") or "gcc"
    cxx = os.environ.get("CXX") or "g++"
    n = 0
    for hdr in rh.HEADERS:
        items = texts.get(hdr, [])
        n += sum(1 for i in items if i[1] == "FunctionDecl")
        body = "".join("#line %d \"%s:%s\"\n%s;\n" % (1, hdr, name, text)
                       for name, _k, text in items)
        for lang, compiler, std, wrap in (("c", cc, "-std=gnu11", False),
                                          ("c++", cxx, "-std=c++11", True)):
            src = "#include <gnutls/%s>\n" % hdr
            src += ('extern "C" {\n' + body + "}\n") if wrap else body
            path = os.path.join(tmp, "redecl-%s.%s" % (hdr.replace(".h", ""),
                                                      "c" if lang == "c" else "cc"))
            with open(path, "w") as f:
                f.write(src)
            res = rh.run([compiler, std, "-fsyntax-only", "-Wno-deprecated-declarations",
                          "-I", ours, path])
            if res.returncode != 0:
                errs = [l for l in res.stderr.decode().splitlines() if "error" in l]
                for l in errs[:50]:
                    problem("%s [%s redeclaration]: %s" % (hdr, lang, l))
                if not errs:
                    problem("%s [%s redeclaration]: compile failed:\n%s"
                            % (hdr, lang, res.stderr.decode()[:2000]))
    return n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ref", required=True)
    ap.add_argument("--ours", required=True)
    ap.add_argument("--tmp", required=True)
    a = ap.parse_args()
    ref, ours = os.path.abspath(a.ref), os.path.abspath(a.ours)

    print("1. declaration sets and spelled types")
    base = None
    nfn = 0
    for lang, flags in MODES:
        mode = " ".join([lang] + flags)
        rf, of = facts(ref, lang, flags), facts(ours, lang, flags)
        nfn = max(nfn, compare_sets(mode, rf, of))
        if lang == "c++" and not flags:
            base = rf
    total = sum(len(v["fn"]) for v in base.values())
    ncb = sum(1 for v in base.values() for t in v["typedef"].values() if "(" in t["type"])
    print("   %d functions (%d in C++ mode), %d callback typedefs, 4 configurations"
          % (nfn, total, ncb))
    if total < 1200:
        problem("suspiciously few functions found in the reference headers (%d)" % total)

    print("2. canonical types (C++ typeid)")
    n2 = check_typeids(ref, ours, a.tmp, base)
    print("   %d functions plus variables, typedefs and struct fields" % n2)

    print("3. redeclaration with the reference prototype text (C and C++)")
    n3 = check_redeclarations(ours, a.tmp, decl_texts(ref))
    print("   %d function prototypes redeclared" % n3)

    if problems:
        print("%d mismatches" % len(problems))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
