#!/usr/bin/env python3
"""Regenerates argon2id.vec with the Argon2 reference implementation, independent of libsodium.

Needs Debian's `argon2` CLI (apt-get install argon2) and libargon2.so.1 (libargon2-1). The CLI
cannot take an empty password or a binary salt, so those rows come from libargon2 through ctypes;
every CLI row is cross-checked against libargon2 as well. libsodium's crypto_pwhash uses
parallelism 1 and Argon2 version 0x13, so both are fixed here.

Usage: tests/data/make-argon2id-vectors.py > tests/data/argon2id.vec
"""
import ctypes
import subprocess

OUTPUT_BYTES = 32

# (name, ops, mem KiB, password bytes, salt bytes); salts are 16 bytes (crypto_pwhash_SALTBYTES).
ROWS = [
    ("cli example", 2, 64, b"password", b"somesalt16bytes!"),
    ("minimum memory", 1, 8, b"password", b"somesalt16bytes!"),
    ("three passes", 3, 32, b"password", b"somesalt16bytes!"),
    ("other salt", 4, 16, b"password", b"another salt 16b"),
    ("utf-8 nfc password", 2, 64, "pässwörd ünïcödé 🔑".encode(), b"somesalt16bytes!"),
    ("long password", 1, 64, b"correct horse battery staple " * 4, b"somesalt16bytes!"),
    ("empty password", 2, 64, b"", b"somesalt16bytes!"),
    ("tessera header as salt", 2, 64, b"hunter2",
     bytes.fromhex("0100030d") + bytes.fromhex("a1b2c3d4e5f60718293a4b5c")),
]

libargon2 = ctypes.CDLL("libargon2.so.1")


def reference(ops, mem_kib, password, salt):
    out = ctypes.create_string_buffer(OUTPUT_BYTES)
    rc = libargon2.argon2id_hash_raw(ctypes.c_uint32(ops), ctypes.c_uint32(mem_kib), ctypes.c_uint32(1),
                                     password, ctypes.c_size_t(len(password)), salt,
                                     ctypes.c_size_t(len(salt)), out, ctypes.c_size_t(OUTPUT_BYTES))
    assert rc == 0, rc
    return out.raw.hex()


def cli(ops, mem_kib, password, salt):
    result = subprocess.run(["argon2", salt, "-id", "-t", str(ops), "-k", str(mem_kib), "-p", "1",
                             "-l", str(OUTPUT_BYTES), "-r"], input=password, capture_output=True,
                            check=True)
    return result.stdout.decode().strip()


print("# Argon2id known answers for tessera::argon2id (version 0x13, parallelism 1, 32-byte output).")
print("# Made by make-argon2id-vectors.py with the reference implementation (argon2 CLI, libargon2).")
print("# One block per vector: ops = opslimit, mem_kib = memory in KiB (memlimit = mem_kib * 1024),")
print("# password and salt in hex, expect = the derived key in hex.")
for name, ops, mem_kib, password, salt in ROWS:
    expected = reference(ops, mem_kib, password, salt)
    printable = all(0x20 < b < 0x7f for b in salt)
    if password and printable:
        assert cli(ops, mem_kib, password, salt) == expected, name
    print()
    print(f"name = {name}")
    print(f"ops = {ops}")
    print(f"mem_kib = {mem_kib}")
    print(f"password = {password.hex()}")
    print(f"salt = {salt.hex()}")
    print(f"expect = {expected}")
