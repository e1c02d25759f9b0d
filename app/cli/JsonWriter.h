#pragma once
// A small streaming JSON writer over Output. Unlike QJsonDocument it can write a secret value
// straight from secure memory, so `show --json --show-protected` never copies a password into a
// QString.

#include "Output.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace tessera::cli {

class JsonWriter {
public:
    explicit JsonWriter(Output& out)
        : m_out(out) {}

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(const char* asciiName);

    void value(const QString& text);
    void value(const char*) = delete; // would silently become a bool
    void value(qint64 number);
    void value(int number) { value(qint64(number)); }
    void value(double number); // null when not finite (JSON has no NaN or infinity)
    void value(bool flag);
    void value(const QStringList& texts);
    void secretValue(const SecureBuffer& secret);
    void null();

    template <typename T> void field(const char* asciiName, const T& v) {
        key(asciiName);
        value(v);
    }
    void secretField(const char* asciiName, const SecureBuffer& secret) {
        key(asciiName);
        secretValue(secret);
    }

    // Ends the document with a newline.
    void finish();

private:
    void beforeValue();
    void begin(char bracket);
    void end(char bracket);
    void indent();

    struct Level {
        bool empty = true;
    };
    Output& m_out;
    std::vector<Level> m_levels;
    bool m_afterKey = false;
};

} // namespace tessera::cli
