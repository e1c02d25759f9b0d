#pragma once
// Writers for plaintext exports that append straight into secure memory: CSV cells, XML text and
// JSON strings are escaped byte by byte from the secret's own buffer, so no QString or
// QByteArray copy of a secret is ever made while exporting.

#include "crypto/SecureBuffer.h"

#include <QString>

#include <string_view>

namespace tessera {

// A CSV cell, always quoted, quotes doubled (RFC 4180).
void appendCsvCell(SecureBuffer& out, std::string_view value);
void appendCsvCell(SecureBuffer& out, const QString& value);
// Text for XML 1.0 content or attribute values: & < > " escaped, CR as &#13; (so it survives
// line-end normalisation). Control characters XML 1.0 cannot hold are left out.
void appendXmlText(SecureBuffer& out, std::string_view value);
void appendXmlText(SecureBuffer& out, const QString& value);
// A JSON string with its quotes.
void appendJsonString(SecureBuffer& out, std::string_view value);
void appendJsonString(SecureBuffer& out, const QString& value);
void appendText(SecureBuffer& out, const QString& text); // UTF-8, no escaping
inline void appendText(SecureBuffer& out, std::string_view text) {
    out.append(text);
}

// The TOTP as an otpauth:// URI: a bare base32 secret becomes otpauth://totp/LABEL?secret=...
// with Tessera's defaults, a URI stays as it is.
SecureBuffer totpAsUri(const SecureBuffer& totp, const QString& label);

} // namespace tessera
