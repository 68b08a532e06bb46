#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Checks that keep the generated manual pages honest (run by tests/doc/*.sh).

  checkdoc.py comments SRCDIR          every doc comment is well formed and agrees
                                       with its definition and declaration
  checkdoc.py coverage SRCDIR MANDIR   every implemented public function has a doc
                                       comment and a page; every stub has a page
  checkdoc.py args     SRCDIR MANDIR   each page's ARGUMENTS and SYNOPSIS name the
                                       parameters of the definition and of the
                                       declaration in include/gnutls/*.h, in order
  checkdoc.py render   SRCDIR MANDIR   each page renders with groff without a
                                       warning and has NAME, SYNOPSIS, DESCRIPTION
  checkdoc.py index    SRCDIR MANDIR   gnutls.3 lists every implemented function
                                       (and every stub)

Exit status: 0 pass, 1 fail, 77 skipped (render without groff).  The expected
sets come from doc/mkman.py's parser; what is checked is the troff text of the
pages in MANDIR, parsed here independently.
"""
import os
import re
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True


def load_mkman():
    """doc/mkman.py of the tree this file belongs to (SRCDIR may be a test tree)."""
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, os.path.join(here, "..", "..", "doc"))
    import mkman  # noqa: E402
    return mkman


# --------------------------------------------------------------------------
# Reading troff

def macro_args(rest):
    """Arguments of a macro line (after the macro name), troff quoting rules."""
    args, k, n = [], 0, len(rest)
    while k < n:
        while k < n and rest[k] == " ":
            k += 1
        if k >= n:
            break
        if rest[k] == '"':
            k += 1
            cur = []
            while k < n:
                if rest[k] == '"':
                    if k + 1 < n and rest[k + 1] == '"':
                        cur.append('"')
                        k += 2
                        continue
                    k += 1
                    break
                cur.append(rest[k])
                k += 1
            args.append("".join(cur))
        else:
            j = k
            while j < n and rest[j] != " ":
                j += 1
            args.append(rest[k:j])
            k = j
    return args


def unescape(s):
    s = re.sub(r"\\f[BIRP]|\\f\(..|\\f\[[^\]]*\]", "", s)
    s = s.replace("\\%", "").replace("\\&", "").replace("\\(dq", '"').replace("\\e", "\\")
    return s


def read_page(path):
    """{section name: [lines]} of a page; '' holds the lines before the first .SH."""
    sections, current = {"": []}, ""
    with open(path, encoding="utf-8") as f:
        for line in f.read().split("\n"):
            if line.startswith(".SH"):
                args = macro_args(line[3:])
                current = " ".join(args)
                sections.setdefault(current, [])
            else:
                sections[current].append(line)
    return sections


def page_arguments(sections):
    """Parameter names of the ARGUMENTS section (the italic part of each .IP label)."""
    out = []
    for line in sections.get("ARGUMENTS", []):
        if line.startswith(".IP"):
            args = macro_args(line[3:])
            m = re.search(r"\\fI(.*?)\\f[PR]", args[0] if args else "")
            out.append(unescape(m.group(1)) if m else "?" + unescape(args[0] if args else ""))
    return out


def page_synopsis(sections):
    """(include line, parameter names) of the SYNOPSIS: the italic arguments of .BI."""
    include, names, proto = None, None, None
    for line in sections.get("SYNOPSIS", []):
        if line.startswith(".B ") and "#include" in line:
            include = unescape(line[3:]).strip()
        elif line.startswith(".BI "):
            args = macro_args(line[4:])
            names = [unescape(a) for a in args[1::2]]
            proto = "".join(unescape(a) for a in args)
        elif line.startswith(".B ") and "(" in line:
            names = []
            proto = unescape("".join(macro_args(line[3:])))
    return include, names, proto


def compare(what, got, where, want, wildcard=False):
    """A message if the name lists differ (None if they agree)."""
    if len(got) == len(want) and all(a == b or (wildcard and b == "?") for a, b in zip(got, want)):
        return None
    extra = [n for n in got if n not in want]
    missing = [n for n in want if n not in got and n != "?"]
    detail = []
    if extra:
        detail.append("%s %s not a parameter there" % (", ".join(extra), "is" if len(extra) == 1 else "are"))
    if missing:
        detail.append("%s %s missing" % (", ".join(missing), "is" if len(missing) == 1 else "are"))
    if not extra and not missing:
        detail.append("same names, different order or count")
    return "%s (%s) but %s (%s): %s" % (what, ", ".join(got) or "none", where, ", ".join(want) or "none", "; ".join(detail))


# --------------------------------------------------------------------------
# The checks; each returns a list of failure messages.

def check_comments(mk, srcdir, _mandir):
    project = mk.Project(srcdir)
    return project.problems()


def check_coverage(mk, srcdir, mandir):
    project = mk.Project(srcdir)
    out = []
    for name in project.impl:
        fn = project.defs.get(name)
        if fn is None:
            out.append("%s is marked impl in lib/abi/symbols.tsv but has no TLSHIM_API definition in lib/" % name)
            continue
        if fn.doc is None:
            out.append("%s (%s) has no doc comment" % (name, fn.where()))
        path = os.path.join(mandir, name + ".3")
        if not os.path.exists(path):
            out.append("%s (%s) has no page %s" % (name, fn.where(), path))
            continue
        head = read_page(path).get("NAME", [])
        if not head or not unescape(head[0]).startswith(name + " \\- ") and not unescape(head[0]).startswith(name + " "):
            out.append("%s: the NAME section does not start with %s" % (path, name))
    for name in project.stubs:
        if not os.path.exists(os.path.join(mandir, name + ".3")):
            out.append("stub %s has no page in %s" % (name, mandir))
    expected = set(project.page_names())
    if os.path.isdir(mandir):
        for fname in sorted(os.listdir(mandir)):
            if fname.endswith(".3") and fname not in expected:
                out.append("%s/%s: page of no public function (stale?)" % (mandir, fname))
    return out


def check_args(mk, srcdir, mandir):
    project = mk.Project(srcdir)
    out = []
    for name in project.impl:
        fn = project.defs.get(name)
        path = os.path.join(mandir, name + ".3")
        if fn is None or not os.path.exists(path):
            continue  # reported by the coverage check
        sections = read_page(path)
        args = page_arguments(sections)
        include, syn, _proto = page_synopsis(sections)
        defined = [p.name or "?" for p in fn.params]
        msg = compare("%s.3: ARGUMENTS lists" % name, args, "%s defines" % fn.where(), defined)
        if msg:
            out.append(msg)
        if syn is None:
            out.append("%s.3: no prototype in the SYNOPSIS" % name)
        else:
            msg = compare("%s.3: SYNOPSIS names" % name, syn, "%s defines" % fn.where(), defined)
            if msg:
                out.append(msg)
        decl = project.decl(name)
        if decl is None or not decl.header.startswith("include/gnutls/"):
            out.append("%s: not declared in include/gnutls/*.h" % name)
            continue
        declared = [p.name or "?" for p in decl.params]
        msg = compare("%s.3: ARGUMENTS lists" % name, args, "%s declares" % decl.where(), declared, wildcard=True)
        if msg:
            out.append(msg)
        want_inc = "#include <%s>" % decl.header[len("include/"):]
        if include != want_inc:
            out.append("%s.3: SYNOPSIS has %r but the function is declared in %s" % (name, include, decl.header))
    for name in project.stubs:
        path = os.path.join(mandir, name + ".3")
        decl = project.decl(name)
        if decl is None or not os.path.exists(path):
            continue
        _inc, syn, _proto = page_synopsis(read_page(path))
        declared = [p.name for p in decl.params if p.name]
        msg = compare("%s.3: SYNOPSIS names" % name, syn or [], "%s declares" % decl.where(), declared)
        if msg:
            out.append(msg)
    return out


def render(groff, paths):
    """Render pages with one groff run; returns (stderr, {page name: text lines}).

    Pages are told apart by their header line, "name(3)  tlshim  name(3)": not
    indented, not the footer (which starts with "tlshim"), and ending with the
    next expected name (with a long name the right-hand title overwrites the
    middle of the line, so only its end is reliable).
    """
    env = dict(os.environ, LC_ALL="C.UTF-8")
    r = subprocess.run([groff, "-man", "-Tutf8", "-ww", "-P-cbou"] + paths, env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    text = r.stdout.decode("utf-8", "replace")
    err = r.stderr.decode("utf-8", "replace")
    if r.returncode != 0:
        err += "groff exited with status %d\n" % r.returncode
    expected = [os.path.basename(p)[:-2] for p in paths]
    pages, current, k = {}, None, 0
    for line in text.split("\n"):
        if (k < len(expected) and line and not line[0].isspace() and not line.startswith("tlshim")
                and line.rstrip().endswith(expected[k] + "(3)")):
            current = expected[k]
            pages[current] = []
            k += 1
        if current is not None:
            pages[current].append(line)
    return err, pages


def check_rendered(name, lines):
    out = []
    heads = {l.strip() for l in lines if l and not l[0].isspace()}
    for sect in ("NAME", "SYNOPSIS", "DESCRIPTION"):
        if sect not in heads:
            out.append("%s.3: the rendered page has no %s section" % (name, sect))
    for l in lines:
        if re.search(r"\\f[BIRP(\[]|\\\(|\\%|\\&", l):
            out.append("%s.3: troff escape left in the rendered text: %r" % (name, l.strip()))
            break
    return out


def check_render(mk, srcdir, mandir):
    groff = shutil.which("groff")
    if groff is None:
        print("SKIP: groff is not installed (Debian: apt-get install groff-base man-db)")
        sys.exit(77)
    project = mk.Project(srcdir)
    pages = sorted(f for f in os.listdir(mandir) if f.endswith(".3"))
    if not pages:
        return ["no pages in %s" % mandir]
    stubs = set(n + ".3" for n in project.stubs)
    # Pages written from comments are rendered one by one, so that a warning or a
    # troff state left open is blamed on the right page; the stub pages all come
    # from one template and are rendered in batches (one groff run costs ~60 ms).
    single = [p for p in pages if p not in stubs]
    batched = [p for p in pages if p in stubs]
    groups = [[p] for p in single] + [batched[k:k + 200] for k in range(0, len(batched), 200)]
    out = []
    for group in groups:
        err, texts = render(groff, [os.path.join(mandir, p) for p in group])
        if err.strip():
            out.append("groff warnings for %s:\n%s" % (group[0] if len(group) == 1 else "%s ... %s" % (group[0], group[-1]), err.rstrip()))
        for p in group:
            name = p[:-2]
            if name not in texts:
                out.append("%s: the rendered output has no page header for %s" % (p, name))
                continue
            out += check_rendered(name, texts[name])
    return out


def check_index(mk, srcdir, mandir):
    project = mk.Project(srcdir)
    path = os.path.join(mandir, mk.INDEX_PAGE + ".3")
    if not os.path.exists(path):
        return ["no index page %s" % path]
    sections = read_page(path)
    listed = []
    for line in sections.get("IMPLEMENTED FUNCTIONS", []):
        if line.startswith(".BR "):
            listed.append(unescape(macro_args(line[4:])[0]))
    stubs = []
    verbatim = False
    for line in sections.get("FUNCTIONS NOT IMPLEMENTED YET", []):
        if line == ".nf":
            verbatim = True
        elif line == ".fi":
            verbatim = False
        elif verbatim:
            stubs.append(unescape(line).strip())
    out = []
    for name in project.impl:
        if name not in listed:
            out.append("%s: implemented function %s is not listed under IMPLEMENTED FUNCTIONS" % (path, name))
    for name in listed:
        if name not in project.impl:
            out.append("%s: %s is listed as implemented but is not an implemented public function" % (path, name))
    if sorted(stubs) != project.stubs:
        missing = sorted(set(project.stubs) - set(stubs))
        extra = sorted(set(stubs) - set(project.stubs))
        out.append("%s: the stub list differs from lib/abi/symbols.tsv (missing: %s; extra: %s)"
                   % (path, ", ".join(missing[:10]) or "none", ", ".join(extra[:10]) or "none"))
    groff = shutil.which("groff")
    if groff is not None:
        err, texts = render(groff, [path])
        text = "\n".join(texts.get(mk.INDEX_PAGE, []))
        if err.strip():
            out.append("groff warnings for %s:\n%s" % (path, err.rstrip()))
        part = text.split("IMPLEMENTED FUNCTIONS", 1)[-1].split("FUNCTIONS NOT IMPLEMENTED YET", 1)[0]
        words = set(re.findall(r"[A-Za-z_]\w*(?=\(3\))", part))
        for name in project.impl:
            if name not in words:
                out.append("%s: %s(3) does not appear in the rendered list of implemented functions" % (path, name))
    return out


CHECKS = {"comments": check_comments, "coverage": check_coverage, "args": check_args,
          "render": check_render, "index": check_index}


def main(argv):
    if len(argv) < 3 or argv[1] not in CHECKS or (argv[1] != "comments" and len(argv) < 4):
        sys.stderr.write(__doc__)
        return 2
    what, srcdir = argv[1], argv[2]
    mandir = argv[3] if len(argv) > 3 else None
    mk = load_mkman()
    failures = CHECKS[what](mk, srcdir, mandir)
    for f in failures:
        print("FAIL: " + f)
    if failures:
        print("%s: %d problem(s)" % (what, len(failures)))
        return 1
    print("PASS: %s" % what)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
