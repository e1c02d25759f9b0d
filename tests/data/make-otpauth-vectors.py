#!/usr/bin/env python3
"""Regenerates otpauth.vec and base32.vec. The cases and their expected outcomes (fields or the
error message's key phrase) are written by hand below; the expected bytes of valid base32 and the
expected one-time codes are computed with Python's base64, hmac and hashlib, independently of
Tessera's code.

Usage: tests/data/make-otpauth-vectors.py   (writes both files next to this script)
"""
import base64
import hashlib
import hmac
import os
import struct

SEED20 = b"12345678901234567890"            # RFC 6238 Appendix B seeds
SEED32 = SEED20 + b"123456789012"
SEED64 = SEED20 * 3 + b"1234"
B20 = base64.b32encode(SEED20).decode()      # GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ
B32 = base64.b32encode(SEED32).decode().rstrip("=")
B64 = base64.b32encode(SEED64).decode().rstrip("=")
B16 = base64.b32encode(SEED20[:16]).decode()  # 16 bytes: 26 characters and 6 '='


def code(seed, algorithm, counter, digits):
    mac = hmac.new(seed, struct.pack(">Q", counter), getattr(hashlib, algorithm.lower())).digest()
    offset = mac[-1] & 0x0F
    value = int.from_bytes(mac[offset:offset + 4], "big") & 0x7FFFFFFF
    return str(value % 10 ** digits).zfill(digits)


def ok(name, text, seed, issuer="", account="", algorithm="SHA1", digits=6, period=30,
       otp="totp", counter=0, time=59):
    moving = counter if otp == "hotp" else time // period
    return [("name", name), ("input", text), ("expect", "ok"), ("type", otp),
            ("secret", seed.hex()), ("algorithm", algorithm), ("digits", str(digits)),
            ("period", str(period)), ("counter", str(counter)), ("issuer", issuer),
            ("account", account), ("time", str(time)),
            ("code", code(seed, algorithm, moving, digits))]


def err(name, text, message):
    return [("name", name), ("input", text), ("expect", "error"), ("error", message)]


U = "otpauth://totp/"
OTPAUTH = [
    ok("bare base32", B20, SEED20),
    ok("bare base32, lower case", B20.lower(), SEED20),
    ok("bare base32 in groups of four", " ".join(B20[i:i + 4] for i in range(0, 32, 4)), SEED20),
    ok("bare base32 with hyphens", "-".join(B20[i:i + 8] for i in range(0, 32, 8)), SEED20),
    ok("bare base32 with padding", B16, SEED20[:16]),
    ok("bare base32 without padding", B16.rstrip("="), SEED20[:16]),
    ok("bare base32 beyond 2038", B20, SEED20, time=20000000000),
    ok("label is the account", U + "alice?secret=" + B20, SEED20, account="alice"),
    ok("issuer in label", U + "ACME%20Co:alice@example.com?secret=" + B20, SEED20,
       issuer="ACME Co", account="alice@example.com"),
    ok("issuer parameter, plus as space", U + "alice?secret=" + B20 + "&issuer=ACME+Co", SEED20,
       issuer="ACME Co", account="alice"),
    ok("issuer parameter wins over label", U + "Old:alice?issuer=New&secret=" + B20, SEED20,
       issuer="New", account="alice"),
    ok("encoded colon and spaces", U + "ACME%3A%20%20alice?secret=" + B20, SEED20,
       issuer="ACME", account="alice"),
    ok("percent-encoded UTF-8", U + "Caf%C3%A9:j%C3%B8rn?secret=" + B20 + "&issuer=Caf%C3%A9",
       SEED20, issuer="Caf\u00e9", account="j\u00f8rn"),
    ok("secret lower case with padding", U + "x?secret=" + B16.lower(), SEED20[:16], account="x"),
    ok("secret with encoded padding", U + "x?secret=" + B16.replace("=", "%3D"), SEED20[:16],
       account="x"),
    ok("secret with encoded spaces", U + "x?secret=" + B20[:16] + "%20" + B20[16:], SEED20,
       account="x"),
    ok("SHA1 explicit, 8 digits", U + "x?secret=" + B20 + "&algorithm=SHA1&digits=8", SEED20,
       account="x", digits=8),
    ok("SHA256, 8 digits", U + "x?secret=" + B32 + "&algorithm=SHA256&digits=8", SEED32,
       account="x", algorithm="SHA256", digits=8),
    ok("sha512 lower case, 8 digits", U + "x?algorithm=sha512&digits=8&secret=" + B64, SEED64,
       account="x", algorithm="SHA512", digits=8),
    ok("SHA512 beyond 2038", U + "x?algorithm=SHA512&digits=8&secret=" + B64, SEED64,
       account="x", algorithm="SHA512", digits=8, time=20000000000),
    ok("7 digits", U + "x?secret=" + B20 + "&digits=7", SEED20, account="x", digits=7),
    ok("6 digits explicit", U + "x?secret=" + B20 + "&digits=6", SEED20, account="x"),
    ok("period 60", U + "x?secret=" + B20 + "&period=60", SEED20, account="x", period=60,
       time=1111111111),
    ok("period 1", U + "x?secret=" + B20 + "&period=1", SEED20, account="x", period=1,
       time=1234567890),
    ok("period 86400", U + "x?secret=" + B20 + "&period=86400", SEED20, account="x",
       period=86400, time=2000000000),
    ok("upper-case scheme, type and names", "OTPAUTH://TOTP/x?SECRET=" + B20 + "&Digits=8",
       SEED20, account="x", digits=8),
    ok("unknown parameters ignored, even twice",
       U + "x?secret=" + B20 + "&image=https://example.com/a.png&foo=1&foo=2", SEED20,
       account="x"),
    ok("empty parameters ignored", U + "x?&secret=" + B20 + "&&", SEED20, account="x"),
    ok("fragment ignored", U + "x?secret=" + B20 + "#digits=8", SEED20, account="x"),
    ok("no label", "otpauth://totp?secret=" + B20, SEED20),
    ok("counter ignored for totp", U + "x?secret=" + B20 + "&counter=oops", SEED20, account="x"),
    ok("hotp", "otpauth://hotp/x?secret=" + B20 + "&counter=5", SEED20, account="x", otp="hotp",
       counter=5),
    ok("hotp, period ignored, biggest counter",
       "otpauth://hotp/x?secret=" + B20 + "&period=0&counter=18446744073709551615", SEED20,
       account="x", otp="hotp", counter=18446744073709551615),
    err("empty", "", "the TOTP secret is empty"),
    err("bare base32 with a bad character", "not base32!", "'!' at position 11"),
    err("bare base32 with a zero", "GEZDGNBV0Y3TQOJQ", "'0' at position 9"),
    err("bare base32, impossible length", B20[:9], "9 characters is an impossible length"),
    err("bare base32, wrong padding", B16[:-1], "padding does not fit"),
    err("bad scheme", "https://example.com/totp?secret=" + B20, "scheme 'https' is not otpauth"),
    err("scheme without slashes", "otpauth:totp/x?secret=" + B20, "starts with otpauth://"),
    err("bad type", "otpauth://xotp/x?secret=" + B20, "type 'xotp' is not totp or hotp"),
    err("no type", "otpauth:///x?secret=" + B20, "type '' is not totp or hotp"),
    err("missing secret", U + "x?issuer=ACME", "has no secret parameter"),
    err("no query", U + "alice", "has no secret parameter"),
    err("empty secret", U + "x?secret=&issuer=ACME", "the TOTP secret is empty"),
    err("secret of spaces", U + "x?secret=%20+%20", "the TOTP secret is empty"),
    err("bad base32 in URI", U + "x?secret=GEZDGNBVGY3TQOJ1", "'1' at position 16"),
    err("bad base32 length in URI", U + "x?secret=GEZDGNBVG", "impossible length"),
    err("base32 after padding", U + "x?secret=MY======MY======", "follow the '=' padding"),
    err("bad escape in secret", U + "x?secret=GEZD%G1", "bad %-escape in its secret"),
    err("digits 5", U + "x?secret=" + B20 + "&digits=5", "digits must be 6, 7 or 8, not '5'"),
    err("digits 9", U + "x?secret=" + B20 + "&digits=9", "digits must be 6, 7 or 8, not '9'"),
    err("digits empty", U + "x?secret=" + B20 + "&digits=", "digits must be 6, 7 or 8, not ''"),
    err("digits in words", U + "x?secret=" + B20 + "&digits=six", "digits must be 6, 7 or 8"),
    err("period 0", U + "x?secret=" + B20 + "&period=0", "period must be 1 to 86400 seconds"),
    err("period too long", U + "x?secret=" + B20 + "&period=86401", "not '86401'"),
    err("period negative", U + "x?secret=" + B20 + "&period=-30", "not '-30'"),
    err("period with unit", U + "x?secret=" + B20 + "&period=30s", "not '30s'"),
    err("algorithm MD5", U + "x?secret=" + B20 + "&algorithm=MD5", "algorithm 'MD5' is not SHA1"),
    err("algorithm SHA-1", U + "x?secret=" + B20 + "&algorithm=SHA-1", "is not SHA1, SHA256"),
    err("duplicate secret", U + "x?secret=" + B20 + "&secret=" + B20, "gives 'secret' more"),
    err("duplicate digits, other case", U + "x?digits=6&secret=" + B20 + "&DIGITS=8",
        "gives 'digits' more than once"),
    err("duplicate issuer", U + "x?issuer=A&secret=" + B20 + "&issuer=A", "gives 'issuer' more"),
    err("bad escape in label", U + "ACME%2:x?secret=" + B20, "bad %-escape in its label"),
    err("bad escape in issuer", U + "x?secret=" + B20 + "&issuer=100%", "bad %-escape in its issuer"),
    err("issuer not UTF-8", U + "x?secret=" + B20 + "&issuer=%FF", "issuer is not valid UTF-8"),
    err("hotp without counter", "otpauth://hotp/x?secret=" + B20, "needs a counter parameter"),
    err("hotp counter too big", "otpauth://hotp/x?secret=" + B20 + "&counter=18446744073709551616",
        "counter must be a whole number"),
    err("hotp counter negative", "otpauth://hotp/x?secret=" + B20 + "&counter=-1",
        "counter must be a whole number"),
]

RFC4648 = [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar"]
BASE32 = [(f"RFC 4648 '{s.decode()}'", base64.b32encode(s).decode(), s.hex()) for s in RFC4648[1:]]
BASE32 += [(f"RFC 4648 '{s.decode()}' unpadded", base64.b32encode(s).decode().rstrip("="), s.hex())
           for s in RFC4648[1:]]
BASE32 += [
    ("lower case", "mzxw6ytboi", b"foobar".hex()),
    ("mixed case, spaces and hyphens", "mZxW 6yTb-Oi======", b"foobar".hex()),
    ("spaces only between groups", "JBSW Y3DP EHPK 3PXP", "48656c6c6f21deadbeef"),
    ("non-zero trailing bits dropped", "MZXW6YR", b"foob".hex()),
    ("all 32 letters", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "00443214c74254b635cf84653a56d7c675be77df"),
    ("empty", "", "error: is empty"),
    ("separators only", " - -", "error: is empty"),
    ("padding only", "========", "error: only '=' padding"),
    ("one character", "M", "error: 1 characters is an impossible length"),
    ("three characters", "MZX", "error: 3 characters is an impossible length"),
    ("six characters", "MZXW6Y", "error: 6 characters is an impossible length"),
    ("nine characters", "MZXW6YTBO", "error: 9 characters is an impossible length"),
    ("padding too short", "MY=====", "error: padding does not fit"),
    ("padding too long", "MZXW6YQ==", "error: padding does not fit"),
    ("padding on a whole block", "MZXW6YTB========", "error: padding does not fit"),
    ("data after padding", "MY======MY", "error: follow the '=' padding"),
    ("padding in the middle", "MZ=XW6===", "error: follow the '=' padding"),
    ("digit one", "MZXW6YT1", "error: '1' at position 8"),
    ("digit eight", "8ZXW6YTB", "error: '8' at position 1"),
    ("tab inside", "MZXW\t6YTB", "error: byte 0x09 at position 5"),
    ("non-ASCII", "MZXW6YT\u00e9", "error: byte 0xc3 at position 8"),
]


def write(path, header, blocks):
    with open(path, "w", encoding="utf-8") as out:
        out.write(header)
        for block in blocks:
            out.write("\n")
            for key, value in block:
                out.write(f"{key} = {value}\n" if value != "" else f"{key} =\n")


here = os.path.dirname(os.path.abspath(__file__))
write(os.path.join(here, "otpauth.vec"),
      "# parseTotp over otpauth:// URIs and bare base32 secrets (core/totp/TotpParse.cpp rules).\n"
      "# expect = ok: the parsed fields (secret in hex) and the code at time (hotp: at counter),\n"
      "# computed with Python's hmac; expect = error: a phrase the one-line error must contain.\n"
      "# Generated by make-otpauth-vectors.py.\n", OTPAUTH)
write(os.path.join(here, "base32.vec"),
      "# decodeBase32 (core/totp/Base32.h): input and the bytes in hex, or 'error: ' and a phrase\n"
      "# the message must contain. Generated by make-otpauth-vectors.py.\n",
      [[("name", n), ("input", i), ("expect", e)] for n, i, e in BASE32])
