#!/usr/bin/env python3
"""Regenerates keyschedule.vec from core/FORMAT.md "Key schedule" with Python's hashlib BLAKE2b,
independently of libsodium, so the subkey contexts and domain prefixes are pinned.

crypto_kdf_derive_from_key(32, id, ctx, parent) is BLAKE2b-256 of the empty message with
key = parent, salt = u64le(id) padded to 16 bytes, personal = ctx padded to 16 bytes.

Usage: tests/data/make-keyschedule-vectors.py > tests/data/keyschedule.vec
"""
import hashlib

PURPOSES = [  # (KeyPurpose, id, ctx) as in core/FORMAT.md
    ("DatabaseKey", 1, b"TsDbKey1"),
    ("KeyWrapping", 2, b"TsKWrap1"),
    ("RecordSealing", 3, b"TsSeal_1"),
    ("RowMac", 4, b"TsRowMc1"),
    ("Manifest", 5, b"TsManif1"),
    ("TitleIndex", 6, b"TsTitle1"),
    ("EpochLink", 7, b"TsEpLnk1"),
    ("PreviousKey", 8, b"TsPrevK1"),
]
PARENT = bytes(range(32))
MASTER = bytes(range(0x40, 0x60))
SECRET = bytes(range(0xa0, 0xc0))
MAC_KEY = bytes(range(0x20, 0x40))


def b2b(data, **kwargs):
    return hashlib.blake2b(data, digest_size=32, **kwargs).hexdigest()


def field(data):
    return len(data).to_bytes(8, "little") + data


def block(**fields):
    print()
    for key, value in fields.items():
        print(f"{key} = {value}")


print("# Key schedule known answers (core/FORMAT.md \"Key schedule\"), made with Python's hashlib")
print("# by make-keyschedule-vectors.py. Hex unless stated; kind selects the function under test.")
for name, subkey_id, context in PURPOSES:
    expect = b2b(b"", key=PARENT, salt=subkey_id.to_bytes(8, "little"), person=context)
    block(kind="subkey", name=f"subkey {name}", purpose=name, parent=PARENT.hex(), expect=expect)
block(kind="mix", name="mixSecretKey", master=MASTER.hex(), secret=SECRET.hex(),
      expect=b2b(MASTER, key=SECRET, person=b"Tessera-secretk1"))
block(kind="hashKey", name="hashKey", key=MASTER.hex(),
      expect=b2b(b"tessera key hash v1" + MASTER))
for message in [b"", b"abc", bytes(range(256))]:
    block(kind="mac", name=f"mac {len(message)} bytes", key=MAC_KEY.hex(), message=message.hex(),
          expect=b2b(message, key=MAC_KEY))
    block(kind="hash", name=f"hash {len(message)} bytes", message=message.hex(),
          expect=b2b(message))
# Mac::addField = u64le(length) || bytes; Mac::addU64 = u64le.
block(kind="fields", name="fields ab|c then u64 7", key=MAC_KEY.hex(), fields="ab|c", u64=7,
      expect=b2b(field(b"ab") + field(b"c") + (7).to_bytes(8, "little"), key=MAC_KEY))
block(kind="fields", name="fields a|bc then u64 7", key=MAC_KEY.hex(), fields="a|bc", u64=7,
      expect=b2b(field(b"a") + field(b"bc") + (7).to_bytes(8, "little"), key=MAC_KEY))
