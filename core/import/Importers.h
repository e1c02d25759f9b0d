#pragma once
// One importer per source format (each in its own file). Input: the export file's bytes in
// secure memory. Output: the entries read, or an InvalidArgument/TooLarge error naming the line
// or record, in which case nothing is imported.

#include "ImportTypes.h"

#include "common/Result.h"
#include "crypto/SecureBuffer.h"

#include <QList>
#include <QString>

#include <utility>

namespace tessera {

// KeePassXC 2.7 "Export to CSV": "Group","Title","Username","Password","URL","Notes","TOTP",
// "Icon","Last Modified","Created".
Result<ParsedImport> importKeePassXcCsv(const SecureBuffer& bytes);
// KeePass 2 / KeePassXC XML export (QtCore's QXmlStreamReader; DTDs refused).
Result<ParsedImport> importKeePassXml(const SecureBuffer& bytes);
// Bitwarden unencrypted JSON export (encrypted exports refused).
Result<ParsedImport> importBitwardenJson(const SecureBuffer& bytes);
// Bitwarden CSV: folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,
// login_password,login_totp.
Result<ParsedImport> importBitwardenCsv(const SecureBuffer& bytes);
// 1Password 8 CSV: Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes.
Result<ParsedImport> importOnePasswordCsv(const SecureBuffer& bytes);
// Chrome, Chromium, Edge: name,url,username,password[,note].
Result<ParsedImport> importChromeCsv(const SecureBuffer& bytes);
// Firefox: url,username,password,httpRealm,formActionOrigin,guid,timeCreated,timeLastUsed,
// timePasswordChanged.
Result<ParsedImport> importFirefoxCsv(const SecureBuffer& bytes);

// The generic CSV's column mapping: (role, column header) pairs, e.g. from
// "title=Name,username=Login". Roles: title, username, password, url, notes, folder, tags, totp,
// favourite, expires.
using ColumnMapping = QList<std::pair<QString, QString>>;
Result<ColumnMapping> parseColumnMapping(const QString& spec);
QStringList mappingRoles();
// Without a mapping, columns named like a role (or like Tessera's own CSV export: urls,
// trashed, created, modified, field:NAME, protected:NAME) are taken as that role. Unmapped
// columns become custom fields.
Result<ParsedImport> importGenericCsv(const SecureBuffer& bytes, const ColumnMapping& mapping);

} // namespace tessera
