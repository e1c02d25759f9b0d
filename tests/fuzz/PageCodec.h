#pragma once
// SQLCipher 3 page encryption done by hand (layout: core/crypto/PageCheck.h), so that a fuzz target
// can change a vault's PLAINTEXT pages — b-tree structure, records, schema — and still hand Tessera
// a correctly encrypted and authenticated file under the vault's real database key. Flipping bytes
// of the encrypted file only ever reaches the page HMAC; this reaches everything behind it.

#include "crypto/Crypto.h"

#include <QByteArray>
#include <QByteArrayView>

namespace tessera::fuzz {

// Every page of an encrypted vault file decrypted with the raw database key. Page 1 starts with
// SQLite's "SQLite format 3\0" instead of the salt, as SQLCipher shows it to SQLite; the 48
// reserved bytes at the end of each page are kept as they were. Empty if a page does not
// authenticate or the size is not whole pages.
QByteArray decryptPages(QByteArrayView file, const Key& databaseKey, QByteArrayView salt);

// The reverse: plaintext pages (a multiple of 4096 bytes) encrypted and authenticated exactly as
// SQLCipher 3.4.1 writes them, with the salt in front. The IVs are derived from the page number
// and content (not random) so that one fuzz input always gives the same file.
QByteArray encryptPages(QByteArrayView plain, const Key& databaseKey, QByteArrayView salt);

} // namespace tessera::fuzz
