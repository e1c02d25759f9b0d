#pragma once
// Shared fixtures for the core suites: where the test vectors live and a reader for their format.
//
// A .vec file is blocks of "key = value" lines separated by blank lines; '#' starts a comment
// line. Each block is one vector: its inputs and, beside them, the expected outcome.

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QMap>
#include <QString>
#include <QTest>

namespace tessera::test {

// $TESSERA_TEST_DATA (set by CTest) or the source tree's tests/data when run by hand.
inline QString dataPath(const QString& fileName) {
    QString dir = qEnvironmentVariable("TESSERA_TEST_DATA");
    if (dir.isEmpty())
        dir = QStringLiteral(TESSERA_TEST_DATA_DIR);
    return dir + QLatin1Char('/') + fileName;
}

class Vector {
public:
    QString text(const QString& key) const {
        if (!m_fields.contains(key))
            qFatal("test vector '%s' has no field '%s'", qPrintable(name()), qPrintable(key));
        return m_fields.value(key);
    }
    QByteArray hex(const QString& key) const { return QByteArray::fromHex(text(key).toLatin1()); }
    qint64 integer(const QString& key) const {
        bool ok = false;
        const qint64 value = text(key).toLongLong(&ok);
        if (!ok)
            qFatal("test vector '%s': field '%s' is not an integer", qPrintable(name()),
                   qPrintable(key));
        return value;
    }
    QString name() const { return m_fields.value(QStringLiteral("name")); }
    QByteArray tag() const { return name().toUtf8(); } // for QTest::newRow
    void set(const QString& key, const QString& value) { m_fields.insert(key, value); }
    bool isEmpty() const { return m_fields.isEmpty(); }

private:
    QMap<QString, QString> m_fields;
};

// Reads every vector of a file in tests/data; a missing or empty file fails the test run.
inline QList<Vector> readVectors(const QString& fileName) {
    QFile file(dataPath(fileName));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        qFatal("cannot read test vectors %s", qPrintable(file.fileName()));
    QList<Vector> vectors;
    Vector current;
    auto finish = [&] {
        if (!current.isEmpty())
            vectors.append(current);
        current = Vector();
    };
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.startsWith(QLatin1Char('#')))
            continue;
        if (line.isEmpty()) {
            finish();
            continue;
        }
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals <= 0)
            qFatal("%s: malformed line '%s'", qPrintable(fileName), qPrintable(line));
        current.set(line.left(equals).trimmed(), line.mid(equals + 1).trimmed());
    }
    finish();
    if (vectors.isEmpty())
        qFatal("%s holds no test vectors", qPrintable(fileName));
    return vectors;
}

} // namespace tessera::test
