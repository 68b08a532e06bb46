#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Generate tlshim's section 3 manual pages from the doc comments in lib/.

Every exported function is defined in lib/ as `TLSHIM_API <type> name(...)`,
directly preceded by a gtk-doc style comment:

    /**
     * gnutls_foo:
     * @session: what the parameter is (continuation lines allowed)
     *
     * Description paragraphs.  %CONSTANT, @param and func() are marked up.
     * A block between a line "|[" and a line "]|" is shown verbatim.
     *
     * Returns: what the function returns (not for void functions).
     *
     * Since: 3.6.0
     * Deprecated: what to use instead.
     **/

Usage:
  mkman.py generate SRCDIR OUTDIR [--date YYYY-MM-DD]
        write OUTDIR/<function>.3 for every public function of lib/abi/symbols.tsv
        (documented implementations, and short pages for the stubs), plus the
        index page OUTDIR/gnutls.3; stale *.3 files in OUTDIR are removed.
        Problems in the comments are printed as warnings; pages are still made.
  mkman.py list SRCDIR       the file names that `generate` writes, one a line
  mkman.py problems SRCDIR   print every problem in the comments; exit 1 if any

The date on the pages is SOURCE_DATE_EPOCH's (UTC) when that is set, otherwise
the fixed PROJECT_DATE below, so the pages are reproducible.

Private symbols (version nodes GNUTLS_PRIVATE_3_4 and GNUTLS_FIPS140_3_4: the
_gnutls*, _dsa*, _rsa* and dsa_* functions that GnuTLS's own tools use) are not
part of the public API: they need no comment and get no page, stub or not.  A
comment that one of them does carry is still parsed and checked.

Only the Python standard library is used.  The module is also imported by the
checks in tests/doc/.
"""
import datetime
import os
import re
import sys

PROJECT_DATE = "2026-11-26"
PACKAGE = "tlshim"
BUG_URL = "https://github.com/tlshim/tlshim/issues"
COMPAT_VERSION = "3.7.9"
PRIVATE_NODES = ("GNUTLS_PRIVATE_3_4", "GNUTLS_FIPS140_3_4")
INDEX_PAGE = "gnutls"
# Section names recognised after the parameters, and the key each is stored under.
TAGS = {"returns": "returns", "return value": "returns", "since": "since",
        "deprecated": "deprecated", "stability": "stability"}


# --------------------------------------------------------------------------
# C/C++ lexing helpers

def lex_comments(text):
    """Return (code, comments).

    code is text with every comment replaced by blanks (newlines kept, so
    offsets and line numbers are unchanged); comments lists (start, end) spans.
    String and character literals are skipped so that "//" inside them is not
    taken for a comment.
    """
    out = list(text)
    comments = []
    i, n = 0, len(text)

    def blank(a, b):
        for k in range(a, b):
            if out[k] != "\n":
                out[k] = " "

    while i < n:
        c = text[i]
        if c == "/" and text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            comments.append((i, j))
            blank(i, j)
            i = j
        elif c == "/" and text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            comments.append((i, j))
            blank(i, j)
            i = j
        elif c == '"' and i > 0 and text[i - 1] == "R" and (i < 2 or not (text[i - 2].isalnum() or text[i - 2] == "_")):
            m = re.match(r'"([^(\s]*)\(', text[i:])
            if m:
                end = text.find(")" + m.group(1) + '"', i)
                i = n if end < 0 else end + len(m.group(1)) + 2
            else:
                i += 1
        elif c in "\"'":
            if c == "'" and i > 0 and text[i - 1].isalnum() and text[i - 1] not in "LuU8":
                i += 1  # a digit separator (1'000), not a character literal
                continue
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            i = j + 1
        else:
            i += 1
    return "".join(out), comments


def blank_preprocessor(code):
    """Blank every preprocessor directive (with its continuation lines)."""
    lines = code.split("\n")
    cont = False
    for k, line in enumerate(lines):
        if cont or line.lstrip().startswith("#"):
            cont = line.endswith("\\")
            lines[k] = " " * len(line)
    return "\n".join(lines)


def line_of(text, pos):
    return text.count("\n", 0, pos) + 1


def match_paren(s, start):
    """Index just past the parenthesis group opening at s[start] ('('), or -1."""
    depth = 0
    for k in range(start, len(s)):
        if s[k] == "(":
            depth += 1
        elif s[k] == ")":
            depth -= 1
            if depth == 0:
                return k + 1
    return -1


def split_top(s, sep=","):
    parts, depth, cur = [], 0, []
    for ch in s:
        if ch in "([{<":
            depth += 1
        elif ch in ")]}>":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return parts


def norm_space(s):
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"\s*\*\s*", " *", s)          # "char*x" / "char * x" -> "char *x"
    s = re.sub(r"\*\s+(?=\*)", "*", s)         # "* *" -> "**"
    s = re.sub(r"\*\s+(?=[A-Za-z_])", "*", s)  # "* x" -> "*x"
    s = re.sub(r"\(\s+", "(", s)
    s = re.sub(r"\s+\)", ")", s)
    s = re.sub(r"\s*,\s*", ", ", s)
    s = re.sub(r"\s*\[\s*", "[", s)
    s = re.sub(r"\s*\]", "]", s)
    return s.strip()


# Words that can end a parameter's type, so that the parameter has no name.
TYPE_WORDS = {"void", "char", "short", "int", "long", "float", "double", "signed",
              "unsigned", "const", "volatile", "_Bool", "bool", "struct", "enum", "union"}


class Param:
    """One parameter: pre + name + post spell it (name may be '' if unnamed)."""

    def __init__(self, pre, name, post):
        self.pre, self.name, self.post = pre, name, post

    def decl(self):
        if not self.name:
            return norm_space(self.pre + self.post)
        return self.pre + self.name + self.post

    def type_text(self):
        return norm_space(self.pre + self.post)


def parse_param(text):
    t = norm_space(text)
    if t == "...":
        return Param("", "...", "")
    m = re.match(r"^(.*?\(\s*\*+\s*(?:const\s+)?)([A-Za-z_]\w*)(\s*\).*)$", t)
    if m and "(" in t:  # pointer to function (or to array): the name is inside
        return Param(m.group(1), m.group(2), m.group(3))
    m = re.match(r"^(.*?)([A-Za-z_]\w*)((?:\[[^\]]*\])*)$", t)
    if m:
        pre, name, post = m.groups()
        words = re.findall(r"[A-Za-z_]\w*", pre)
        # "gnutls_session_t", "unsigned int" and "struct foo" are types alone.
        if words and name not in TYPE_WORDS and words[-1] not in ("struct", "enum", "union"):
            if not pre.endswith("*"):
                pre = pre.rstrip() + " "
            return Param(pre, name, post)
    return Param(t, "", "")


def parse_prototype(text):
    """Parse 'ret name(params) trailer' -> (ret, name, [Param], trailer) or None."""
    text = text.strip()
    k = text.find("(")
    if k < 0:
        return None
    m = re.search(r"([A-Za-z_]\w*)\s*$", text[:k])
    if not m:
        return None
    name = m.group(1)
    ret = norm_space(text[:m.start()])
    if not ret:
        return None
    end = match_paren(text, k)
    if end < 0:
        return None
    inner = text[k + 1:end - 1].strip()
    trailer = text[end:].strip()
    params = []
    if inner and norm_space(inner) != "void":
        params = [parse_param(p) for p in split_top(inner)]
    return ret, name, params, trailer


def prototype_text(ret, name, params):
    sep = "" if ret.endswith("*") else " "
    args = ", ".join(p.decl() for p in params) if params else "void"
    return "%s%s%s(%s)" % (ret, sep, name, args)


# --------------------------------------------------------------------------
# Doc comments

class Doc:
    def __init__(self, path, line):
        self.path, self.line = path, line
        self.name = None
        self.summary = ""
        self.params = []          # [(name, text, line)]
        self.description = []     # list of source lines ('' separates paragraphs)
        self.sections = {}        # key -> list of lines
        self.problems = []

    def where(self, line=None):
        return "%s:%d" % (self.path, line or self.line)


def comment_lines(body, first_line):
    """The comment's text lines without the ' * ' decoration, with line numbers."""
    lines = []
    for k, raw in enumerate(body.split("\n")):
        s = raw.strip()
        if s.startswith("*"):
            s = s[1:]
            if s.startswith(" "):
                s = s[1:]
        lines.append((s.rstrip(), first_line + k))
    while lines and not lines[0][0].strip():
        lines.pop(0)
    while lines and not lines[-1][0].strip():
        lines.pop()
    return lines


def parse_doc(body, path, first_line):
    """Parse the text between '/**' and '*/'.  Returns a Doc or None (not a doc comment)."""
    lines = comment_lines(body, first_line)
    if not lines:
        return None
    m = re.match(r"^\s*([A-Za-z_]\w*)\s*:\s*(.*)$", lines[0][0])
    if not m:
        return None
    doc = Doc(path, lines[0][1])
    doc.name = m.group(1)
    doc.summary = m.group(2).strip()
    k = 1
    # Parameters: "@name: text", continued on the following non-blank lines.
    while k < len(lines):
        text, ln = lines[k]
        if not text.strip():
            break
        pm = re.match(r"^\s*@(\w+|\.\.\.)\s*:\s*(.*)$", text)
        if pm:
            doc.params.append([pm.group(1), pm.group(2).strip(), ln])
        elif text.lstrip().startswith("@"):
            doc.problems.append("%s: malformed parameter line %r (expected '@name: text')" % (doc.where(ln), text.strip()))
        elif doc.params:
            doc.params[-1][1] = (doc.params[-1][1] + " " + text.strip()).strip()
        else:
            break  # no parameters: the description starts here
        k += 1
    current = doc.description
    for text, ln in lines[k:]:
        tm = re.match(r"^\s*([A-Za-z][A-Za-z ]*?)\s*:\s*(.*)$", text)
        if tm and tm.group(1).lower() in TAGS:
            key = TAGS[tm.group(1).lower()]
            if key in doc.sections:
                doc.problems.append("%s: second '%s:' section" % (doc.where(ln), tm.group(1)))
            current = doc.sections.setdefault(key, [])
            if tm.group(2).strip():
                current.append(tm.group(2).strip())
            continue
        pm = re.match(r"^\s*@(\w+|\.\.\.)\s*:(\s|$)", text)
        if pm and current is doc.description and not any(l.strip() for l in doc.description):
            doc.problems.append("%s: parameter @%s is separated from the name line by a blank line" % (doc.where(ln), pm.group(1)))
        elif pm:
            doc.problems.append("%s: parameter @%s is described after the description; list all parameters right after the name line" % (doc.where(ln), pm.group(1)))
        current.append(text)
    for key in list(doc.sections):
        doc.sections[key] = trim_blank(doc.sections[key])
    doc.description = trim_blank(doc.description)
    for name, text, ln in doc.params:
        if not text:
            doc.problems.append("%s: @%s has no description" % (doc.where(ln), name))
    since = " ".join(doc.sections.get("since", [])).strip()
    if "since" in doc.sections and not re.match(r"^\d+(\.\d+)*$", since):
        doc.problems.append("%s: 'Since:' should be a version number such as 3.7.9, not %r" % (doc.where(), since))
    return doc


def trim_blank(lines):
    while lines and not lines[0].strip():
        lines = lines[1:]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


# --------------------------------------------------------------------------
# Sources: definitions with their comments

class Func:
    def __init__(self, path, line, ret, name, params, trailer):
        self.path, self.line = path, line
        self.ret, self.name, self.params, self.trailer = ret, name, params, trailer
        self.doc = None

    def where(self):
        return "%s:%d" % (self.path, self.line)

    def prototype(self):
        return prototype_text(self.ret, self.name, self.params)


def scan_source(path, rel):
    """Return (funcs, orphan_docs, problems) of one .cc file."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    code, comments = lex_comments(text)
    code = blank_preprocessor(code)
    by_end = {end: start for start, end in comments}
    funcs, problems, used = [], [], set()
    for m in re.finditer(r"\bTLSHIM_API\b", code):
        depth, k, seen_paren = 0, m.end(), False
        while k < len(code):
            ch = code[k]
            if ch == "(":
                depth += 1
                seen_paren = True
            elif ch == ")":
                depth -= 1
            elif depth == 0 and ch in "{;=":
                break
            k += 1
        if k >= len(code) or code[k] != "{" or not seen_paren:
            continue  # a declaration or an object, not a function definition
        line = line_of(text, m.start())
        proto = parse_prototype(code[m.end():k])
        if proto is None:
            problems.append("%s:%d: cannot parse the definition after TLSHIM_API" % (rel, line))
            continue
        fn = Func(rel, line, *proto)
        # The comment must end right before TLSHIM_API (only blanks between).
        j = m.start()
        while j > 0 and text[j - 1] in " \t\r\n":
            j -= 1
        start = by_end.get(j)
        if start is not None and text.startswith("/**", start) and not text.startswith("/**/", start):
            used.add(start)
            doc = parse_doc(text[start + 3:j - 2], rel, line_of(text, start))
            if doc is None:
                problems.append("%s:%d: the comment before %s is not a doc comment (its first line must be '%s:')"
                                % (rel, line_of(text, start), fn.name, fn.name))
            else:
                fn.doc = doc
        funcs.append(fn)
    orphans = []
    for start, end in comments:
        if start in used or not text.startswith("/**", start) or text.startswith("/**/", start):
            continue
        doc = parse_doc(text[start + 3:end - 2], rel, line_of(text, start))
        if doc is not None:
            orphans.append(doc)
    return funcs, orphans, problems


def scan_sources(srcdir):
    funcs, orphans, problems = [], [], []
    lib = os.path.join(srcdir, "lib")
    for root, dirs, files in os.walk(lib):
        dirs.sort()
        for fname in sorted(files):
            if fname.endswith(".cc"):
                path = os.path.join(root, fname)
                rel = os.path.relpath(path, srcdir)
                try:
                    f, o, p = scan_source(path, rel)
                except Exception as e:  # keep the build going; the checks report it
                    problems.append("%s: mkman.py could not parse this file (%s: %s)" % (rel, type(e).__name__, e))
                    continue
                funcs += f
                orphans += o
                problems += p
    return funcs, orphans, problems


# --------------------------------------------------------------------------
# Headers: declarations

class Decl:
    def __init__(self, header, line, ret, name, params):
        self.header, self.line = header, line
        self.ret, self.name, self.params = ret, name, params

    def where(self):
        return "%s:%d" % (self.header, self.line)

    def prototype(self):
        return prototype_text(self.ret, self.name, self.params)


ATTR_RE = re.compile(r"\b__attribute__\s*\(\(|\b_[A-Z][A-Z0-9_]*\b|\b__extension__\b")


def strip_attributes(s):
    out, k = [], 0
    while True:
        m = ATTR_RE.search(s, k)
        if not m:
            out.append(s[k:])
            break
        out.append(s[k:m.start()])
        if m.group(0).startswith("__attribute__"):
            end = match_paren(s, m.end() - 2)
            k = len(s) if end < 0 else end
        else:
            k = m.end()
            rest = s[k:]
            am = re.match(r"\s*\(", rest)
            if am and m.group(0).startswith("_") and not re.match(r"\s*\(\s*\*", rest):
                # an attribute macro with arguments, e.g. _X_DEPRECATED_MSG("...")
                end = match_paren(s, k + am.end() - 1)
                k = len(s) if end < 0 else end
    return "".join(out)


def scan_header(path, rel):
    """Return ({name: Decl}, set of pointer typedef names) of one header."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    code, _ = lex_comments(text)
    code = blank_preprocessor(code)
    code = re.sub(r'extern\s*"C"\s*\{', lambda mm: " " * len(mm.group(0)), code)
    decls, ptr_types = {}, set()
    depth_paren = depth_brace = 0
    start = 0
    for k, ch in enumerate(code):
        if ch == "(":
            depth_paren += 1
        elif ch == ")":
            depth_paren -= 1
        elif ch == "{":
            depth_brace += 1
        elif ch == "}":
            if depth_brace == 0:
                start = k + 1  # the end of extern "C" { ... }
            else:
                depth_brace -= 1
        elif ch == ";" and depth_paren == 0 and depth_brace == 0:
            stmt = code[start:k]
            stmt_start = start + len(stmt) - len(stmt.lstrip())
            start = k + 1
            s = stmt.strip()
            if not s:
                continue
            if re.match(r"^typedef\b", s):
                tm = re.search(r"(\*+)\s*(?:const\s+)?([A-Za-z_]\w*)\s*$", s)
                if tm and not re.search(r"\(\s*\*", s):
                    ptr_types.add(tm.group(2))
                continue
            if "{" in s:
                continue
            s = strip_attributes(s)
            s = re.sub(r"^\s*extern\b", "", s)
            proto = parse_prototype(s)
            if proto is None:
                continue
            ret, name, params, _trailer = proto
            if name in decls:
                continue
            decls[name] = Decl(rel, line_of(text, stmt_start), ret, name, params)
    return decls, ptr_types


def header_order(name):
    # gnutls.h first: it is the header that every other one includes.
    return (name != "gnutls.h", name)


def scan_headers(srcdir):
    """Return ({name: [Decl, ...]}, pointer typedefs).  Public headers come first."""
    decls, ptr_types = {}, set()
    inc = os.path.join(srcdir, "include", "gnutls")
    paths = []
    if os.path.isdir(inc):
        paths = [os.path.join(inc, h) for h in sorted(os.listdir(inc), key=header_order) if h.endswith(".h")]
    private = os.path.join(srcdir, "lib", "abi", "private.h")
    if os.path.exists(private):
        paths.append(private)
    for path in paths:
        d, p = scan_header(path, os.path.relpath(path, srcdir))
        ptr_types |= p
        for name, decl in d.items():
            decls.setdefault(name, []).append(decl)
    return decls, ptr_types


def include_line(decl):
    if decl.header.startswith("include/"):
        return "#include <%s>" % decl.header[len("include/"):]
    return None


# --------------------------------------------------------------------------
# The symbol table

class Symbol:
    def __init__(self, name, node, kind, status):
        self.name, self.node, self.kind, self.status = name, node, kind, status

    def private(self):
        return self.node in PRIVATE_NODES


def read_symbols(srcdir):
    syms = {}
    with open(os.path.join(srcdir, "lib", "abi", "symbols.tsv"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            row = line.split("\t")
            if len(row) == 4:
                syms[row[0]] = Symbol(*row)
    return syms


class Project:
    """Everything the pages are made from."""

    def __init__(self, srcdir):
        self.srcdir = srcdir
        self.symbols = read_symbols(srcdir)
        self.funcs, self.orphans, self.scan_problems = scan_sources(srcdir)
        self.decls, self.ptr_types = scan_headers(srcdir)
        self.defs = {}
        for fn in self.funcs:
            self.defs.setdefault(fn.name, fn)
        public = [s for s in self.symbols.values() if s.kind == "func" and not s.private()]
        self.impl = sorted(s.name for s in public if s.status == "impl")
        self.stubs = sorted(s.name for s in public if s.status == "stub")
        # Pages: documented public implementations, and public stubs.
        self.impl_pages = [n for n in self.impl if n in self.defs and self.defs[n].doc is not None]
        self.pages = set(self.impl_pages) | set(self.stubs)

    def decl(self, name):
        d = self.decls.get(name)
        if not d:
            return None
        pub = [x for x in d if x.header.startswith("include/")]
        return (pub or d)[0]

    def page_names(self):
        return sorted(n + ".3" for n in self.pages) + [INDEX_PAGE + ".3"]

    def problems(self):
        """Every problem in the comments and definitions, as 'file:line: text'."""
        out = list(self.scan_problems)
        for fn in self.funcs:
            out += check_func(self, fn)
        for doc in self.orphans:
            sym = self.symbols.get(doc.name)
            if sym is not None or doc.name.startswith("gnutls_"):
                out.append("%s: doc comment for %s is not immediately followed by its TLSHIM_API definition"
                           % (doc.where(), doc.name))
        for name in self.impl:
            if name not in self.defs:
                out.append("lib/abi/symbols.tsv: %s is marked impl but no TLSHIM_API definition was found in lib/" % name)
        return out


def names(params):
    return [p.name or "?" for p in params]


def same_names(decl_params, def_params):
    """Same count and names; an unnamed parameter of a declaration matches any name
    (the reference headers leave a few unnamed, e.g. gnutls_buffer_append_data)."""
    if len(decl_params) != len(def_params):
        return False
    return all(not a.name or a.name == b.name for a, b in zip(decl_params, def_params))


def check_func(project, fn):
    """Problems of one definition and its comment."""
    out = []
    sym = project.symbols.get(fn.name)
    public = sym is not None and not sym.private()
    if sym is None:
        out.append("%s: %s is defined with TLSHIM_API but is not in lib/abi/symbols.tsv" % (fn.where(), fn.name))
    elif sym.kind == "func" and sym.status != "impl":
        out.append("%s: %s is defined here but lib/abi/symbols.tsv marks it %s" % (fn.where(), fn.name, sym.status))
    for i, p in enumerate(fn.params):
        if not p.name:
            out.append("%s: %s: parameter %d (%s) of the definition has no name" % (fn.where(), fn.name, i + 1, p.type_text()))
    if fn.trailer:
        out.append("%s: %s: unexpected %r after the parameter list" % (fn.where(), fn.name, fn.trailer))
    doc = fn.doc
    if doc is None:
        if public:
            out.append("%s: %s has no doc comment" % (fn.where(), fn.name))
        return out
    out += doc.problems
    if doc.name != fn.name:
        out.append("%s: the comment is named %s but precedes the definition of %s" % (doc.where(), doc.name, fn.name))
    have = [p.name for p in fn.params if p.name]
    described = [p[0] for p in doc.params]
    for pname, _text, ln in doc.params:
        if pname not in have:
            out.append("%s: the comment describes @%s, which %s does not have (its parameters: %s)"
                       % (doc.where(ln), pname, fn.name, ", ".join(have) or "none"))
    seen = set()
    for pname in described:
        if pname in seen:
            out.append("%s: @%s is described twice" % (doc.where(), pname))
        seen.add(pname)
    for pname in have:
        if pname not in described:
            out.append("%s: parameter %s of %s is not described (add '@%s: ...')" % (doc.where(), pname, fn.name, pname))
    common_doc = [n for n in described if n in have]
    common_def = [n for n in have if n in described]
    if common_doc != common_def:
        out.append("%s: parameters are described in the order %s but %s has %s"
                   % (doc.where(), ", ".join(common_doc), fn.name, ", ".join(common_def)))
    if not any(l.strip() for l in doc.description):
        out.append("%s: %s has no description" % (doc.where(), fn.name))
    void = fn.ret == "void"
    if void and "returns" in doc.sections:
        out.append("%s: %s returns void but the comment has a 'Returns:' section" % (doc.where(), fn.name))
    if not void and not doc.sections.get("returns"):
        out.append("%s: %s returns %s but the comment has no 'Returns:' section" % (doc.where(), fn.name, fn.ret))
    if public:
        decl = project.decl(fn.name)
        if decl is None:
            out.append("%s: %s is not declared in any include/gnutls/*.h" % (fn.where(), fn.name))
        elif not same_names(decl.params, fn.params):
            out.append("%s: %s is declared at %s with parameters (%s) but defined with (%s)"
                       % (fn.where(), fn.name, decl.where(), ", ".join(names(decl.params)), ", ".join(names(fn.params))))
    return out


# --------------------------------------------------------------------------
# troff output

def esc(s):
    """Escape text for troff (inside a line; see protect_line for line starts).
    Characters outside ASCII become troff's \\[uXXXX] escapes, which groff
    renders on every output device."""
    s = s.replace("\\", "\\e")
    return "".join(c if ord(c) < 0x80 else "\\[u%04X]" % ord(c) for c in s)


def esc_arg(s):
    """Escape text for a double-quoted macro argument."""
    return esc(s).replace('"', '\\(dq')


def protect_line(s):
    s = s.strip()
    if s.startswith(".") or s.startswith("'"):
        s = "\\&" + s
    return s


def markup(s, known=None):
    """Escape one line of comment text and render %CONST, @param and func()."""
    s = esc(s)
    s = re.sub(r"(?<![\w%])%([A-Za-z_]\w*)", r"\\fB\\%\1\\fP", s)
    s = re.sub(r"(?<![\w.@])@(\w+|\.\.\.)", r"\\fI\\%\1\\fP", s)
    s = re.sub(r"(?<![\w%\\])([A-Za-z_]\w*)\(\)", r"\\fB\\%\1\\fP()", s)
    s = re.sub(r"(?<![\w&#<])#(?!(?:include|define|if|ifdef|ifndef|endif|else|elif|pragma)\b)([A-Za-z_]\w*)",
               r"\\fB\\%\1\\fP", s)  # a #type reference
    return protect_line(s)


def plain(s):
    """Comment text without markup, for the NAME line and the index."""
    s = re.sub(r"(?<![\w%])%([A-Za-z_]\w*)", r"\1", s)
    s = re.sub(r"(?<![\w.@])@(\w+)", r"\1", s)
    s = re.sub(r"(?<![\w&#<])#(?!(?:include|define|if|ifdef|ifndef|endif|else|elif|pragma)\b)([A-Za-z_]\w*)", r"\1", s)
    return s


def first_sentence(lines):
    para = []
    for l in lines:
        if not l.strip() or l.strip() == "|[":
            break
        para.append(l.strip())
    text = " ".join(para)
    m = re.search(r"(?<!\be\.g)(?<!\bi\.e)(?<!\betc)[.!?](?=\s|$)", text)
    if m:
        text = text[:m.end()]
    return text.strip()


def render_paragraphs(lines):
    """Comment lines -> troff lines: blank lines separate paragraphs, |[ ... ]| is verbatim."""
    out, verbatim, pending_break = [], False, False
    for l in lines:
        if verbatim:
            if l.strip() == "]|":
                out += [".fi", ".RE"]
                verbatim = False
                pending_break = True
            else:
                v = esc(l.rstrip())
                out.append("\\&" + v if v.startswith((".", "'")) else v)
            continue
        if l.strip() == "|[":
            out += [".PP", ".RS 4", ".nf"] if out else [".RS 4", ".nf"]
            verbatim = True
            pending_break = False
            continue
        if not l.strip():
            pending_break = True
            continue
        if pending_break and out:
            out.append(".PP")
        pending_break = False
        out.append(markup(l))
    if verbatim:
        out += [".fi", ".RE"]
    return [("\\&" if o == "" else o) for o in out]


def see_also_refs(project, name, texts):
    refs = []
    for t in texts:
        for m in re.finditer(r"(?<![\w%])([A-Za-z_]\w*)\(\)", t):
            r = m.group(1)
            if r != name and r in project.pages and r not in refs:
                refs.append(r)
    return refs


def page_date():
    sde = os.environ.get("SOURCE_DATE_EPOCH")
    if sde:
        try:
            return datetime.datetime.fromtimestamp(int(sde), datetime.timezone.utc).strftime("%Y-%m-%d")
        except (ValueError, OverflowError, OSError):
            pass
    return PROJECT_DATE


def th(name, date):
    # No hyphenation (the pages are full of identifiers, which must not be
    # split), and so a ragged right margin: long names cannot be justified.
    return '.TH "%s" 3 "%s" "%s" "%s"\n.nh\n.ad l' % (esc_arg(name), date, PACKAGE, PACKAGE)


def synopsis(include, ret, name, params):
    out = [".SH SYNOPSIS"]
    if include:
        out += [".B %s" % esc(include), ".sp"]
    sep = "" if ret.endswith("*") else " "
    head = "%s%s%s(" % (ret, sep, name)
    # "\:" lets a long prototype break after the parenthesis.
    if not params:
        out.append('.B "%s"' % esc_arg(head + "void);"))
        return out
    args = []
    bold = head
    for i, p in enumerate(params):
        if not p.name:
            bold += p.type_text()
        else:
            args += ['"%s"' % (esc_arg(head) + "\\:" + esc_arg(bold[len(head):] + p.pre)
                               if bold.startswith(head) else esc_arg(bold + p.pre)),
                     '"%s"' % esc_arg(p.name)]
            bold = p.post
        bold += ", " if i + 1 < len(params) else ");"
    args.append('"%s"' % esc_arg(bold))
    out.append(".BI " + " ".join(args))
    return out


def tail(refs):
    out = [".SH \"REPORTING BUGS\"",
           "Please report problems with %s at" % PACKAGE,
           ".br",
           "\\%%%s" % BUG_URL,
           ".SH COPYRIGHT",
           "Copyright \\(co the %s contributors." % PACKAGE,
           ".br",
           "%s is free software, distributed under the GNU Lesser General Public" % PACKAGE,
           "License, version 2.1 or (at your option) any later version",
           "(SPDX: LGPL-2.1-or-later).",
           ".SH \"SEE ALSO\""]
    items = [INDEX_PAGE] + refs
    for i, r in enumerate(items):
        out.append(".BR \\%%%s (3)%s" % (r, "," if i + 1 < len(items) else ""))
    return out


def impl_page(project, fn, date):
    doc = fn.doc
    decl = project.decl(fn.name)
    include = include_line(decl) if decl else None
    summary = doc.summary or first_sentence(doc.description) or "exported function"
    out = ['.\\" Generated by doc/mkman.py from %s; do not edit.' % fn.where(),
           th(fn.name, date),
           ".SH NAME",
           "\\%%%s \\- %s" % (fn.name, esc(plain(summary)))]
    out += synopsis(include, fn.ret, fn.name, fn.params)
    types = {p.name: p for p in fn.params if p.name}
    if doc.params:
        out.append(".SH ARGUMENTS")
        for pname, text, _ln in doc.params:
            p = types.get(pname)
            if p is not None:
                label = "%s\\fI%s\\fP%s" % (esc_arg(p.pre), esc_arg(pname), esc_arg(p.post))
            else:
                label = "\\fI%s\\fP" % esc_arg(pname)
            out.append('.IP "%s" 4' % label)
            out.append(markup(text))
    out.append(".SH DESCRIPTION")
    out += render_paragraphs(doc.description)
    if doc.sections.get("returns"):
        out.append(".SH RETURNS")
        out += render_paragraphs(doc.sections["returns"])
    if doc.sections.get("deprecated"):
        out.append(".SH DEPRECATED")
        out += render_paragraphs(doc.sections["deprecated"])
    if doc.sections.get("since"):
        out.append(".SH SINCE")
        out.append(protect_line(esc(" ".join(doc.sections["since"]))))
    texts = doc.description + doc.sections.get("returns", []) + doc.sections.get("deprecated", []) \
        + [t for _n, t, _l in doc.params]
    out += tail(see_also_refs(project, fn.name, texts))
    return "\n".join(out) + "\n"


def stub_result(project, ret):
    r = re.sub(r"\b(const|volatile)\b", "", ret).strip()
    if r == "void":
        return None
    if r == "int":
        return "Always \\fB\\%GNUTLS_E_UNIMPLEMENTED_FEATURE\\fP."
    if r.endswith("*") or r in project.ptr_types:
        return "Always \\fBNULL\\fP."
    return "Always 0."


def stub_page(project, name, date):
    decl = project.decl(name)
    sym = project.symbols[name]
    out = ['.\\" Generated by doc/mkman.py for a stub of lib/abi/symbols.tsv; do not edit.',
           th(name, date),
           ".SH NAME",
           "\\%%%s \\- not implemented in %s (exported for binary compatibility)" % (name, PACKAGE)]
    if decl is not None:
        out += synopsis(include_line(decl), decl.ret, name, decl.params)
    out += [".SH DESCRIPTION",
            "%s exports this function (version node %s of libgnutls.so.30) so that" % (PACKAGE, sym.node),
            "programs built against GnuTLS %s link and load, but does not implement" % COMPAT_VERSION,
            "it yet.  The call ignores its arguments, changes nothing, and writes a",
            "message naming the function at debug level 2 (see",
            ".BR \\%gnutls_global_set_log_level (3))."]
    result = stub_result(project, decl.ret) if decl is not None else None
    if result:
        out += [".SH RETURNS", result]
    refs = ["gnutls_global_set_log_level"] if "gnutls_global_set_log_level" in project.pages else []
    out += tail(refs)
    return "\n".join(out) + "\n"


def index_page(project, date):
    out = ['.\\" Generated by doc/mkman.py; do not edit.',
           th(INDEX_PAGE, date),
           ".SH NAME",
           "gnutls \\- %s, a library with the interface of GnuTLS %s: list of functions" % (PACKAGE, COMPAT_VERSION),
           ".SH SYNOPSIS",
           ".B #include <gnutls/gnutls.h>",
           ".SH DESCRIPTION",
           "%s builds libgnutls.so.30 with the binary interface of GnuTLS %s, so" % (PACKAGE, COMPAT_VERSION),
           "that programs linked against GnuTLS can use it unchanged.",
           "Each public function has a page in section 3.",
           "%d of the %d are implemented;" % (len(project.impl), len(project.impl) + len(project.stubs)),
           "the others are exported as stubs that do nothing and report failure.",
           ".SH \"IMPLEMENTED FUNCTIONS\""]
    for name in project.impl:
        fn = project.defs.get(name)
        if fn is not None and fn.doc is not None:
            summary = fn.doc.summary or first_sentence(fn.doc.description)
        else:
            summary = "(not documented yet)"
        out += [".TP", ".BR \\%%%s (3)" % name, protect_line(esc(plain(summary)))]
    out += [".SH \"FUNCTIONS NOT IMPLEMENTED YET\"",
            "These functions are exported for binary compatibility only.",
            "Functions returning int answer",
            ".BR \\%GNUTLS_E_UNIMPLEMENTED_FEATURE ;",
            "the others return NULL or 0.",
            ".PP",
            ".nf"]
    out += ["\\%%%s" % name for name in project.stubs]
    out += [".fi"]
    out += tail(["gnutls_check_version"] if "gnutls_check_version" in project.pages else [])
    return "\n".join(out) + "\n"


def generate(srcdir, outdir, date):
    project = Project(srcdir)
    for p in project.problems():
        sys.stderr.write("mkman.py: warning: %s\n" % p)
    os.makedirs(outdir, exist_ok=True)
    pages = {}
    makers = [(n, impl_page, project.defs[n]) for n in project.impl_pages] + \
        [(n, stub_page, n) for n in project.stubs]
    for name, maker, arg in makers:
        try:
            pages[name + ".3"] = maker(project, arg, date)
        except Exception as e:  # keep the build going; the checks report the missing page
            sys.stderr.write("mkman.py: warning: no page for %s (%s: %s)\n" % (name, type(e).__name__, e))
    pages[INDEX_PAGE + ".3"] = index_page(project, date)
    for fname, text in pages.items():
        path = os.path.join(outdir, fname)
        try:
            with open(path, encoding="utf-8") as f:
                if f.read() == text:
                    continue
        except OSError:
            pass
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(path + ".tmp", path)
    for fname in os.listdir(outdir):
        if fname.endswith(".3") and fname not in pages:
            os.remove(os.path.join(outdir, fname))
    return project


def main(argv):
    sys.dont_write_bytecode = True
    args = argv[1:]
    date = None
    if "--date" in args:
        k = args.index("--date")
        date = args[k + 1]
        del args[k:k + 2]
    if len(args) == 3 and args[0] == "generate":
        generate(args[1], args[2], date or page_date())
        return 0
    if len(args) == 2 and args[0] == "list":
        print("\n".join(Project(args[1]).page_names()))
        return 0
    if len(args) == 2 and args[0] == "problems":
        probs = Project(args[1]).problems()
        for p in probs:
            print(p)
        return 1 if probs else 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
