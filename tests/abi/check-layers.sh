#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# The layering rules of doc/architecture.md, checked on the sources:
# the core never includes the facade and never calls an exported gnutls_*
# function; the public headers never include library internals; every
# source file carries its one-line license.
set -u
: "${top_srcdir:?}"
PYTHON=${PYTHON:-python3}
exec "$PYTHON" - "$top_srcdir" <<'PY'
import os, re, sys
top = sys.argv[1]
errors = []

def strip_comments(text):
    text = re.sub(r'/\*.*?\*/', lambda m: '\n' * m.group(0).count('\n'), text, flags=re.S)
    text = re.sub(r'//[^\n]*', '', text)
    return re.sub(r'"(\\.|[^"\\\n])*"', '""', text)

def files(sub, exts):
    for root, _dirs, names in os.walk(os.path.join(top, sub)):
        for n in sorted(names):
            if n.endswith(exts):
                yield os.path.join(root, n)

call = re.compile(r'\b(gnutls_[a-z0-9_]+)\s*\(')
checked = 0
for path in files('lib/core', ('.cc', '.hh', '.h', '.inc')):
    rel = os.path.relpath(path, top)
    text = open(path, encoding='utf-8').read()
    code = strip_comments(text)
    checked += 1
    for m in re.finditer(r'#\s*include\s*["<](api/[^">]+)[">]', code):
        errors.append('%s includes the facade header %s' % (rel, m.group(1)))
    for m in call.finditer(code):
        name = m.group(1)
        if name.endswith('_t') or name.endswith('_st'):
            continue
        line = code.count('\n', 0, m.start()) + 1
        errors.append('%s:%d calls the exported function %s()' % (rel, line, name))

for path in files('include/gnutls', ('.h',)):
    rel = os.path.relpath(path, top)
    for m in re.finditer(r'#\s*include\s*["<]((core|api|abi)/[^">]+)[">]', open(path, encoding='utf-8').read()):
        errors.append('%s includes library internals (%s)' % (rel, m.group(1)))

for sub in ('lib', 'include', 'tests', 'doc', 'tools'):
    for path in files(sub, ('.cc', '.hh', '.h', '.c', '.py', '.sh', '.mk')):
        head = open(path, encoding='utf-8', errors='replace').read(400)
        if 'SPDX-License-Identifier: LGPL-2.1-or-later' not in head:
            errors.append('%s: no SPDX license line' % os.path.relpath(path, top))

if checked < 5:
    errors.append('only %d core files found: is top_srcdir right?' % checked)
for e in errors:
    print('FAIL:', e)
if errors:
    sys.exit(1)
print('PASS: %d core files respect the layering; every source file has its license line' % checked)
PY
