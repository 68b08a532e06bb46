#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Generate a C program that prints the constants and layouts of the
GnuTLS public headers, as NAME=value lines.

The list of things to print is taken from the *reference* headers
(default /usr/include, or the directory given with --ref): every enum
constant, every object-like macro whose value is an integer or a string,
the expansion of every other macro, every public struct/union (sizeof,
alignment, offset and size of each field, nested ones included) and the
size and alignment of every typedef.  Compiling the program once against
the reference and once against our include/ must give identical output.

  gen-constants.py [--ref DIR] [-o FILE]   write the program
  gen-constants.py --macro-names DIR       list macro names DIR defines
"""

import argparse
import os
import re
import sys

sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import refheaders as rh  # noqa: E402

# Configurations the program is built in; macros may depend on them.
MODES = [[], ["-DGNUTLS_INTERNAL_BUILD"]]

def c_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def nested_tags(node, out):
    for c in node.get("inner", []):
        if c["kind"] == "RecordDecl":
            if c.get("name"):
                out.append("%s %s" % (c["tagUsed"], c["name"]))
            nested_tags(c, out)


def collect_decls(ref):
    tree = rh.ast(ref)
    decls = rh.top_decls(tree, ref)
    enum_consts, records, typedefs, enum_tags = [], [], [], []
    owned = {}
    for _h, node, _x in decls:
        if node["kind"] == "TypedefDecl":
            for c in node.get("inner", []):
                if "ownedTagDecl" in c:
                    owned[c["ownedTagDecl"]["id"]] = node["name"]
    seen_rec = set()
    for _h, node, _x in decls:
        k = node["kind"]
        if k == "EnumDecl":
            for c in node.get("inner", []):
                if c["kind"] == "EnumConstantDecl":
                    enum_consts.append(c["name"])
            if node.get("name"):
                enum_tags.append("enum " + node["name"])
        elif k == "RecordDecl" and node.get("completeDefinition"):
            names = []
            if node["id"] in owned:
                names.append(owned[node["id"]])
            if node.get("name"):
                names.append("%s %s" % (node["tagUsed"], node["name"]))
            extra = []
            nested_tags(node, extra)
            if names[0] in seen_rec:
                continue
            seen_rec.add(names[0])
            records.append((names, rh.record_designators(node.get("inner", [])), extra))
        elif k == "TypedefDecl":
            t = node["type"].get("desugaredQualType", node["type"]["qualType"])
            if t.endswith(")") and "(*" not in t:
                continue          # function type: no size
            typedefs.append(node["name"])
    return enum_consts, records, typedefs, enum_tags


def compiling_probes(ref, names, probe):
    """Indexes of the names for which the probe line compiles."""
    src = rh.all_headers_source() + probe + "\n"
    first = src.count("\n") + 1
    lines = ["TLSHIM_PROBE(%d, %s)" % (i, n) for i, n in enumerate(names)]
    bad = set()
    # Drop the probes that do not compile until the rest does.
    for _ in range(10):
        body = "\n".join("" if i in bad else l for i, l in enumerate(lines))
        res = rh.run([rh.clang(), "-x", "c", "-std=gnu11", "-I", ref, "-fsyntax-only",
                      "-ferror-limit=0", "-Wno-everything", "-"],
                     input=(src + body + "\n").encode())
        if res.returncode == 0:
            return {i for i in range(len(names)) if i not in bad}
        for m in re.finditer(r"^<stdin>:(\d+):\d+: error", res.stderr.decode(), re.M):
            ln = int(m.group(1)) - first
            if 0 <= ln < len(lines):
                bad.add(ln)
    raise RuntimeError("cannot sort out which macros are values")


def value_macros(ref, names):
    """Object-like macros whose value is an integer (arithmetic expression)
    or a string literal; the others are only compared by expansion."""
    # Unary plus only accepts arithmetic operands; "" x only string literals.
    ints = compiling_probes(ref, names, "#define TLSHIM_PROBE(n, x) "
                            "__typeof__(+(x)) tlshim_probe_##n;")
    strs = compiling_probes(ref, names, "#define TLSHIM_PROBE(n, x) "
                            "static const char tlshim_probe_##n[] = \"\" x;")
    kinds = {}
    for i, n in enumerate(names):
        if i in ints:
            kinds[n] = "int"
        elif i in strs:
            kinds[n] = "string"
    return kinds


def gen(ref, out):
    enum_consts, records, typedefs, enum_tags = collect_decls(ref)
    guards = rh.guard_names(ref)
    macros = {}
    order = []
    for flags in MODES:
        for m in rh.macros(ref, flags):
            if m["name"] in guards:
                continue
            if m["name"] not in macros:
                order.append(m["name"])
            macros.setdefault(m["name"], m)
    objlike = [n for n in order if macros[n]["params"] is None and macros[n]["body"].strip()]
    kinds = value_macros(ref, objlike)

    w = out.write
    w("/* Generated by gen-constants.py from %s; do not edit. */\n" % ref)
    w("#include <stdio.h>\n#include <string.h>\n#include <stddef.h>\n")
    for h in rh.HEADERS:
        w("#include <gnutls/%s>\n" % h)
    w(r'''
#define TLSHIM_STR2(...) #__VA_ARGS__
#define TLSHIM_STR(...) TLSHIM_STR2(__VA_ARGS__)

static unsigned long n_int, n_str;

static void v_s(const char *tag, const char *name, const char *type, long long v)
{
    printf("%s %s=%lld (%s)\n", tag, name, v, type);
    n_int++;
}

static void v_u(const char *tag, const char *name, const char *type,
                unsigned long long v)
{
    printf("%s %s=%llu (%s)\n", tag, name, v, type);
    n_int++;
}

static void v_str(const char *tag, const char *name, const char *type,
                  const char *v)
{
    printf("%s %s=\"%s\" (%s, length %zu)\n", tag, name, v, type, strlen(v));
    n_str++;
}

static void v_other(const char *tag, const char *name, const char *type, ...)
{
    printf("%s %s has an unexpected type (%s)\n", tag, name, type);
}

/* Print an expression according to its type, chosen at compile time. */
#define TYPENAME(x) _Generic((x), char: "char", signed char: "signed char", unsigned char: "unsigned char", \
    short: "short", unsigned short: "unsigned short", int: "int", \
    unsigned int: "unsigned int", long: "long", unsigned long: "unsigned long", \
    long long: "long long", unsigned long long: "unsigned long long", \
    _Bool: "_Bool", default: "other")
#define VALUE(tag, name, x) _Generic((x), char: v_s, signed char: v_s, short: v_s, int: v_s, long: v_s, \
    long long: v_s, unsigned char: v_u, unsigned short: v_u, \
    unsigned int: v_u, unsigned long: v_u, unsigned long long: v_u, \
    _Bool: v_u, default: v_other)(tag, name, TYPENAME(x), x)

static void expansion(const char *name, const char *text)
{
    /* Token spelling only: drop the layout of the replacement list. */
    char buf[4096];
    size_t n = 0;
    for (; *text && n + 1 < sizeof(buf); text++)
        if (*text != ' ' && *text != '\t' && *text != '\n')
            buf[n++] = *text;
    buf[n] = 0;
    printf("expand %s=%s\n", name, buf);
}


int main(void)
{
''')
    nconst = 0
    w("    /* enum constants */\n")
    for n in enum_consts:
        w('    VALUE("enum", "%s", %s);\n' % (n, n))
        nconst += 1
    w("    /* object-like macros */\n")
    for n in objlike:
        w("#ifdef %s\n" % n)
        if kinds.get(n) == "int":
            w('    VALUE("macro", "%s", %s);\n' % (n, n))
            nconst += 1
        elif kinds.get(n) == "string":
            w('    v_str("macro", "%s", "string", "" %s);\n' % (n, n))
            nconst += 1
        w('    expansion("%s", TLSHIM_STR(%s));\n' % (n, n))
        w("#else\n")
        w('    puts("macro %s undefined");\n' % n)
        w("#endif\n")
    w("    /* macros that expand to nothing, and function-like macros */\n")
    for n in order:
        m = macros[n]
        if m["params"] is None and m["body"].strip():
            continue
        w("#ifdef %s\n" % n)
        if m["params"] is None:
            w('    expansion("%s", TLSHIM_STR(%s));\n' % (n, n))
        else:
            args = ", ".join("arg%d_" % i for i in range(len(m["params"])))
            w('    expansion("%s(%s)", TLSHIM_STR(%s(%s)));\n' % (n, args, n, args))
        w("#else\n")
        w('    puts("macro %s undefined");\n' % n)
        w("#endif\n")
    w("    /* structures and unions */\n")
    nfields = 0
    for names, fields, extra in records:
        t = names[0]
        for alt in names + extra:
            w('    printf("record %s sizeof=%%zu alignof=%%zu\\n", sizeof(%s), __alignof__(%s));\n'
              % (alt, alt, alt))
        for f in fields:
            w('    printf("record %s.%s offsetof=%%zu sizeof=%%zu\\n", offsetof(%s, %s), sizeof(((%s *)0)->%s));\n'
              % (t, f, t, f, t, f))
            nfields += 1
    w("    /* typedefs and enum types */\n")
    for n in typedefs + enum_tags:
        w('    printf("type %s sizeof=%%zu alignof=%%zu\\n", sizeof(%s), __alignof__(%s));\n'
          % (n, n, n))
    w('    printf("counts enum-constants=%d macros=%d records=%d fields=%d types=%d\\n");\n'
      % (len(enum_consts), len(order), len(records), nfields, len(typedefs) + len(enum_tags)))
    w('    printf("counts integer-values=%lu string-values=%lu\\n", n_int, n_str);\n')
    w("    return 0;\n}\n")
    return nconst


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ref", default="/usr/include")
    ap.add_argument("-o", "--output")
    ap.add_argument("--macro-names", metavar="DIR")
    a = ap.parse_args()
    if a.macro_names:
        names = set()
        for flags in MODES:
            for m in rh.macros(a.macro_names, flags):
                names.add(m["name"])
        for n in sorted(names):
            print(n)
        return 0
    out = open(a.output, "w") if a.output else sys.stdout
    n = gen(os.path.abspath(a.ref), out)
    sys.stderr.write("gen-constants: %d constants listed\n" % n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
