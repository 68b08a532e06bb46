#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# Turns the output of `openssl pkey -text -noout` (a private key) into the
# raw key file read by pk-driver: one "name hex" pair per line.
import re
import sys

RSA_FIELDS = {"modulus": "n", "publicExponent": "e", "privateExponent": "d", "prime1": "p",
              "prime2": "q", "exponent1": "dp", "exponent2": "dq", "coefficient": "qinv"}
CURVES = {"prime256v1": "P-256", "secp384r1": "P-384", "secp521r1": "P-521"}


def main():
    text = sys.stdin.read().splitlines()
    fields, name, kind, curve = {}, None, None, None
    for line in text:
        if line.startswith("Private-Key:") and "primes" in line:
            kind = "rsa"
        elif line.startswith("Private-Key:"):
            kind = kind or "ec"
        elif line.startswith("ED25519 Private-Key"):
            kind = "ed25519"
        elif line.startswith("ED448 Private-Key"):
            kind = "ed448"
        if line.startswith(" ") and name:
            fields[name] += re.sub(r"[^0-9a-fA-F]", "", line)
            continue
        name = None
        m = re.match(r"^(\w[\w ]*):\s*(.*)$", line)
        if not m:
            continue
        key, rest = m.group(1), m.group(2)
        if key == "ASN1 OID":
            curve = CURVES[rest.strip()]
        elif key == "publicExponent":
            fields["publicExponent"] = "%x" % int(rest.split()[0])
        elif rest == "":
            name = key
            fields[name] = ""
    out = ["type " + kind]
    if kind == "rsa":
        for k, v in RSA_FIELDS.items():
            h = fields[k]
            out.append("%s %s" % (v, h if len(h) % 2 == 0 else "0" + h))
    elif kind == "ec":
        pub = fields["pub"]
        assert pub[:2] == "04", "uncompressed point expected"
        half = (len(pub) - 2) // 2
        out += ["curve " + curve, "x " + pub[2:2 + half], "y " + pub[2 + half:], "k " + fields["priv"]]
    else:
        out += ["priv " + fields["priv"], "pub " + fields["pub"]]
    print("\n".join(out))


if __name__ == "__main__":
    main()
