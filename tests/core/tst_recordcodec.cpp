// The plaintext codec of sealed parts (core/vault/RecordCodec.h, core/FORMAT.md "Sealed parts").
// Encodings are checked byte for byte against an independent encoder written from FORMAT.md (so a
// codec that round-trips but writes another format fails), decode(encode(x)) gives x back, and the
// parser accepts only the canonical form: every malformed input below is rejected.

#include "crypto/Crypto.h"
#include "vault/RecordCodec.h"

#include <QTest>

#include <limits>

using namespace tessera;

namespace {

// ---- An encoder written from FORMAT.md alone ----

QByteArray varint(quint64 value) {
    QByteArray out;
    while (value >= 0x80) {
        out.append(char((value & 0x7f) | 0x80));
        value >>= 7;
    }
    out.append(char(value));
    return out;
}

QByteArray le64(quint64 value) {
    QByteArray out;
    for (int i = 0; i < 8; ++i)
        out.append(char(value >> (8 * i)));
    return out;
}

QByteArray stampBytes(const Stamp& stamp) {
    return le64(stamp.hlc) + stamp.device;
}

struct Tlv {
    quint8 tag;
    QByteArray payload;
};
using TlvList = std::vector<Tlv>;

QByteArray join(const TlvList& list) {
    QByteArray out;
    for (const Tlv& t : list)
        out += char(t.tag) + varint(quint64(t.payload.size())) + t.payload;
    return out;
}

QByteArray bytesOf(const SecureBuffer& buffer) {
    return QByteArray(reinterpret_cast<const char*>(buffer.data()), qsizetype(buffer.size()));
}

SecureBuffer secret(const QByteArray& bytes) {
    return SecureBuffer::copyOf(bytes.constData(), std::size_t(bytes.size()));
}

TlvList overviewTlvs(const EntryOverview& o) {
    TlvList list;
    list.push_back({0x01, stampBytes(o.title.stamp) + o.title.value.toUtf8()});
    list.push_back({0x02, stampBytes(o.username.stamp) + o.username.value.toUtf8()});
    for (const SetElement& e : o.urls)
        list.push_back({0x03, stampBytes(e.stamp) + char(e.removed ? 1 : 0) + e.value.toUtf8()});
    for (const SetElement& e : o.tags)
        list.push_back({0x04, stampBytes(e.stamp) + char(e.removed ? 1 : 0) + e.value.toUtf8()});
    list.push_back({0x05, stampBytes(o.folder.stamp) + o.folder.value.toUtf8()});
    list.push_back({0x06, stampBytes(o.favourite.stamp) + char(o.favourite.value ? 1 : 0)});
    list.push_back({0x07, stampBytes(o.expires.stamp) + le64(quint64(o.expires.value))});
    list.push_back({0x08, stampBytes(o.trashed.stamp) + char(o.trashed.value ? 1 : 0)});
    list.push_back({0x09, le64(quint64(o.created))});
    list.push_back({0x0a, le64(quint64(o.modified))});
    return list;
}

TlvList detailsTlvs(const EntryDetails& d) {
    TlvList list;
    list.push_back({0x11, stampBytes(d.password.stamp) + bytesOf(d.password.value)});
    list.push_back({0x12, stampBytes(d.notes.stamp) + bytesOf(d.notes.value)});
    list.push_back({0x13, stampBytes(d.totp.stamp) + bytesOf(d.totp.value)});
    for (const CustomField& f : d.fields) {
        const QByteArray name = f.name.toUtf8();
        const char flags = char((f.removed ? 1 : 0) | (f.isProtected ? 2 : 0));
        list.push_back({0x14, stampBytes(f.stamp) + flags + varint(quint64(name.size())) + name +
                                  bytesOf(f.value)});
    }
    for (const HistoryItem& h : d.history) {
        const QByteArray name = h.field.toUtf8();
        list.push_back(
            {0x15, stampBytes(h.stamp) + varint(quint64(name.size())) + name + bytesOf(h.value)});
    }
    return list;
}

TlvList attachmentTlvs(const AttachmentInfo& info) {
    return {{0x21, info.name.toUtf8()},
            {0x22, le64(quint64(info.size))},
            {0x23, le64(quint64(info.added))}};
}

// ---- Sample records ----

Stamp makeStamp(quint64 hlc, char device) {
    return Stamp{hlc, QByteArray(qsizetype(DeviceIdBytes), device)};
}

const EntryId SampleId = QByteArray::fromHex("00112233445566778899aabbccddeeff");

EntryOverview typicalOverview() {
    EntryOverview o;
    o.id = SampleId;
    o.title = {QStringLiteral("GitHub"), makeStamp(0x18bc1234567ULL << 16 | 3, 'a')};
    o.username = {QStringLiteral("octocat"), makeStamp(0x18bc1234567ULL << 16, 'a')};
    o.urls = {{QStringLiteral("https://github.com/login"), makeStamp(100, 'a'), false},
              {QStringLiteral("https://old.github.com"), makeStamp(101, 'b'), true}};
    o.tags = {{QStringLiteral("dev"), makeStamp(102, 'a'), false}};
    o.folder = {QStringLiteral("Work/Code"), makeStamp(103, 'c')};
    o.favourite = {true, makeStamp(104, 'a')};
    o.expires = {1'800'000'000'000, makeStamp(105, 'a')};
    o.trashed = {false, makeStamp(106, 'a')};
    o.created = 1'700'000'000'000;
    o.modified = 1'700'000'123'456;
    return o;
}

EntryDetails typicalDetails() {
    EntryDetails d;
    d.password = {secret("correct horse"), makeStamp(1, 'a')};
    d.notes = {secret("some notes\nline 2"), makeStamp(2, 'a')};
    d.totp = {secret("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP"), makeStamp(3, 'b')};
    d.fields.push_back({QStringLiteral("PIN"), secret("1234"), true, makeStamp(4, 'a'), false});
    d.fields.push_back(
        {QStringLiteral("Account"), secret("DE89"), false, makeStamp(5, 'a'), false});
    d.history.push_back({makeStamp(6, 'a'), QStringLiteral("password"), secret("old password")});
    return d;
}

AttachmentInfo typicalAttachment() {
    return AttachmentInfo{QByteArray(16, '\x07'), SampleId, QStringLiteral("scan.pdf"), 123456,
                          1'700'000'000'000};
}

// ---- Comparable descriptions (every field, stamps included) ----

QByteArray describeStamp(const Stamp& s) {
    return QByteArray::number(s.hlc) + '@' + s.device.toHex();
}

QByteArray describe(const EntryOverview& o) {
    QByteArray out = o.id.toHex() + '\n';
    out += "title " + o.title.value.toUtf8().toHex() + ' ' + describeStamp(o.title.stamp) + '\n';
    out +=
        "user " + o.username.value.toUtf8().toHex() + ' ' + describeStamp(o.username.stamp) + '\n';
    for (const SetElement& e : o.urls)
        out += "url " + e.value.toUtf8().toHex() + ' ' + QByteArray::number(e.removed) + ' ' +
               describeStamp(e.stamp) + '\n';
    for (const SetElement& e : o.tags)
        out += "tag " + e.value.toUtf8().toHex() + ' ' + QByteArray::number(e.removed) + ' ' +
               describeStamp(e.stamp) + '\n';
    out += "folder " + o.folder.value.toUtf8().toHex() + ' ' + describeStamp(o.folder.stamp) + '\n';
    out += "fav " + QByteArray::number(o.favourite.value) + ' ' + describeStamp(o.favourite.stamp) +
           '\n';
    out += "expires " + QByteArray::number(o.expires.value) + ' ' + describeStamp(o.expires.stamp) +
           '\n';
    out += "trashed " + QByteArray::number(o.trashed.value) + ' ' + describeStamp(o.trashed.stamp) +
           '\n';
    out += "times " + QByteArray::number(o.created) + ' ' + QByteArray::number(o.modified) + '\n';
    return out;
}

QByteArray describe(const EntryDetails& d) {
    QByteArray out;
    out += "pw " + bytesOf(d.password.value).toHex() + ' ' + describeStamp(d.password.stamp) + '\n';
    out += "notes " + bytesOf(d.notes.value).toHex() + ' ' + describeStamp(d.notes.stamp) + '\n';
    out += "totp " + bytesOf(d.totp.value).toHex() + ' ' + describeStamp(d.totp.stamp) + '\n';
    for (const CustomField& f : d.fields)
        out += "field " + f.name.toUtf8().toHex() + ' ' + bytesOf(f.value).toHex() + ' ' +
               QByteArray::number(f.isProtected) + QByteArray::number(f.removed) + ' ' +
               describeStamp(f.stamp) + '\n';
    for (const HistoryItem& h : d.history)
        out += "history " + h.field.toUtf8().toHex() + ' ' + bytesOf(h.value).toHex() + ' ' +
               describeStamp(h.stamp) + '\n';
    return out;
}

QByteArray describe(const AttachmentInfo& a) {
    return a.id.toHex() + ' ' + a.entry.toHex() + ' ' + a.name.toUtf8().toHex() + ' ' +
           QByteArray::number(a.size) + ' ' + QByteArray::number(a.added);
}

enum class Kind { Overview, Details, Attachment };

// Decodes plain as the given kind; returns its re-encoding, or the error.
Result<QByteArray> decodeAs(Kind kind, const QByteArray& plain) {
    const SecureBuffer buffer = secret(plain);
    switch (kind) {
    case Kind::Overview: {
        auto o = decodeOverview(buffer, SampleId);
        if (!o)
            return o.error();
        return bytesOf(encodeOverview(*o));
    }
    case Kind::Details: {
        auto d = decodeDetails(buffer);
        if (!d)
            return d.error();
        return bytesOf(encodeDetails(*d));
    }
    case Kind::Attachment: {
        auto a = decodeAttachmentInfo(buffer, QByteArray(16, '\x07'), SampleId);
        if (!a)
            return a.error();
        return bytesOf(encodeAttachmentInfo(*a));
    }
    }
    return makeError(ErrorCode::InvalidArgument, QString());
}

QByteArray canonical(Kind kind) {
    switch (kind) {
    case Kind::Overview:
        return join(overviewTlvs(typicalOverview()));
    case Kind::Details:
        return join(detailsTlvs(typicalDetails()));
    case Kind::Attachment:
        return join(attachmentTlvs(typicalAttachment()));
    }
    return {};
}

TlvList canonicalList(Kind kind) {
    switch (kind) {
    case Kind::Overview:
        return overviewTlvs(typicalOverview());
    case Kind::Details:
        return detailsTlvs(typicalDetails());
    case Kind::Attachment:
        return attachmentTlvs(typicalAttachment());
    }
    return {};
}

// Invalid UTF-8 sequences (each must make a text field invalid).
const QList<QPair<const char*, QByteArray>>& invalidUtf8() {
    static const QList<QPair<const char*, QByteArray>> list{
        {"lone continuation byte", QByteArray("\x80", 1)},
        {"overlong '/'", QByteArray("\xc0\xaf", 2)},
        {"overlong NUL", QByteArray("\xc0\x80", 2)},
        {"UTF-16 surrogate", QByteArray("\xed\xa0\x80", 3)},
        {"truncated sequence", QByteArray("ab\xe2\x82", 4)},
        {"above U+10FFFF", QByteArray("\xf4\x90\x80\x80", 4)},
        {"byte 0xff", QByteArray("x\xffy", 3)},
    };
    return list;
}

} // namespace

Q_DECLARE_METATYPE(Kind)

class TestRecordCodec : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(initializeCrypto().ok()); }

    void overviewRoundTrip_data();
    void overviewRoundTrip();
    void detailsRoundTrip_data();
    void detailsRoundTrip();
    void attachmentInfoRoundTrip_data();
    void attachmentInfoRoundTrip();
    void stampCodec_data();
    void stampCodec();

    void malformed_data();
    void malformed();
    void truncated_data();
    void truncated();
};

// ---- Round trips ----

void TestRecordCodec::overviewRoundTrip_data() {
    QTest::addColumn<int>("variant");
    QTest::newRow("typical") << 0;
    QTest::newRow("empty strings, zero stamps, no URLs or tags") << 1;
    QTest::newRow("non-ASCII everywhere") << 2;
    QTest::newRow("many URLs and tags, some removed") << 3;
    QTest::newRow("extreme integers") << 4;
    QTest::newRow("long title (multi-byte lengths)") << 5;
    QTest::newRow("trashed, not favourite") << 6;
}

void TestRecordCodec::overviewRoundTrip() {
    QFETCH(int, variant);
    EntryOverview o = typicalOverview();
    switch (variant) {
    case 1: {
        EntryOverview empty;
        empty.id = SampleId;
        for (Stamp* s : {&empty.title.stamp, &empty.username.stamp, &empty.folder.stamp,
                         &empty.favourite.stamp, &empty.expires.stamp, &empty.trashed.stamp})
            *s = makeStamp(0, '\0');
        o = empty;
        break;
    }
    case 2:
        o.title.value = QStringLiteral("Ünïcødé 📧 עברית ﷽ e\u0301");
        o.username.value = QStringLiteral("ユーザー");
        o.folder.value = QStringLiteral("Привет/世界");
        o.urls[0].value = QStringLiteral("https://bücher.example/ü");
        o.tags[0].value = QStringLiteral("🏷️");
        break;
    case 3:
        o.urls.clear();
        o.tags.clear();
        for (int i = 0; i < 40; ++i) {
            o.urls.push_back({QStringLiteral("https://u%1.example").arg(i),
                              makeStamp(quint64(i), 'u'), i % 3 == 0});
            o.tags.push_back(
                {QStringLiteral("t%1").arg(i), makeStamp(quint64(i), 't'), i % 4 == 1});
        }
        break;
    case 4:
        o.expires.value = std::numeric_limits<qint64>::min();
        o.created = -1;
        o.modified = std::numeric_limits<qint64>::max();
        o.title.stamp.hlc = std::numeric_limits<quint64>::max();
        o.username.stamp.device = QByteArray(16, '\xff');
        break;
    case 5:
        o.title.value = QString(20000, QLatin1Char('x'));
        break;
    case 6:
        o.trashed.value = true;
        o.favourite.value = false;
        break;
    default:
        break;
    }
    const SecureBuffer encoded = encodeOverview(o);
    QCOMPARE(bytesOf(encoded).toHex(), join(overviewTlvs(o)).toHex()); // FORMAT.md, byte for byte
    auto decoded = decodeOverview(encoded, o.id);
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
    QCOMPARE(describe(*decoded), describe(o));
}

void TestRecordCodec::detailsRoundTrip_data() {
    QTest::addColumn<int>("variant");
    QTest::newRow("typical") << 0;
    QTest::newRow("all empty") << 1;
    QTest::newRow("binary secrets (NUL, 0xff, invalid UTF-8)") << 2;
    QTest::newRow("field flags: removed, protected, both") << 3;
    QTest::newRow("history of every field") << 4;
    QTest::newRow("long values (multi-byte lengths)") << 5;
    QTest::newRow("non-ASCII field names") << 6;
}

void TestRecordCodec::detailsRoundTrip() {
    QFETCH(int, variant);
    EntryDetails d = typicalDetails();
    switch (variant) {
    case 1:
        d = EntryDetails();
        d.password.stamp = d.notes.stamp = d.totp.stamp = makeStamp(0, '\0');
        break;
    case 2:
        d.password.value = secret(QByteArray("\0\xff\xfe\x80 pass\0", 10));
        d.notes.value = secret(QByteArray("\xc0\xaf", 2));
        break;
    case 3:
        d.fields.clear();
        d.fields.push_back({QStringLiteral("plain"), secret("v"), false, makeStamp(1, 'a'), false});
        d.fields.push_back(
            {QStringLiteral("protected"), secret("v"), true, makeStamp(2, 'a'), false});
        d.fields.push_back({QStringLiteral("removed"), secret(""), false, makeStamp(3, 'a'), true});
        d.fields.push_back({QStringLiteral("both"), secret(""), true, makeStamp(4, 'a'), true});
        d.fields.push_back({QString(), secret("no name"), false, makeStamp(5, 'a'), false});
        break;
    case 4:
        for (const char* field : {"title", "username", "notes", "totp", "PIN", "password"})
            d.history.push_back({makeStamp(9, 'h'), QString::fromLatin1(field),
                                 secret(QByteArray("old ") + field)});
        break;
    case 5:
        d.notes.value = secret(QByteArray(70000, 'n'));
        d.fields[0].name = QString(200, QLatin1Char('N'));
        d.fields[0].value = secret(QByteArray(20000, 'v'));
        d.history[0].field = QString(130, QLatin1Char('h'));
        break;
    case 6:
        d.fields[0].name = QStringLiteral("Geheimzahl für die Bank 🏦");
        d.history[0].field = QStringLiteral("Geheimzahl für die Bank 🏦");
        break;
    default:
        break;
    }
    const SecureBuffer encoded = encodeDetails(d);
    QCOMPARE(bytesOf(encoded).toHex(), join(detailsTlvs(d)).toHex());
    auto decoded = decodeDetails(encoded);
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
    QCOMPARE(describe(*decoded), describe(d));
}

void TestRecordCodec::attachmentInfoRoundTrip_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<qint64>("added");
    QTest::newRow("typical") << QStringLiteral("scan.pdf") << qint64(123456)
                             << qint64(1'700'000'000'000);
    QTest::newRow("empty file") << QStringLiteral("empty") << qint64(0) << qint64(0);
    QTest::newRow("at the size limit")
        << QStringLiteral("big.iso") << MaxAttachmentBytes << qint64(1);
    QTest::newRow("non-ASCII name")
        << QStringLiteral("Reisepass – Scan (Rückseite).jpg") << qint64(99) << qint64(-5);
    QTest::newRow("empty name") << QString() << qint64(1) << qint64(2);
}

void TestRecordCodec::attachmentInfoRoundTrip() {
    QFETCH(QString, name);
    QFETCH(qint64, size);
    QFETCH(qint64, added);
    const AttachmentInfo info{QByteArray(16, '\x07'), SampleId, name, size, added};
    const SecureBuffer encoded = encodeAttachmentInfo(info);
    QCOMPARE(bytesOf(encoded).toHex(), join(attachmentTlvs(info)).toHex());
    auto decoded = decodeAttachmentInfo(encoded, info.id, info.entry);
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
    QCOMPARE(describe(*decoded), describe(info));
}

void TestRecordCodec::stampCodec_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");
    const QByteArray good = stampBytes(makeStamp(0x0102030405060708ULL, 'd'));
    QTest::newRow("24 bytes") << good << true;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("23 bytes") << good.chopped(1) << false;
    QTest::newRow("25 bytes") << good + 'x' << false;
    QTest::newRow("hlc only") << good.left(8) << false;
}

void TestRecordCodec::stampCodec() {
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    auto decoded = decodeStamp(bytes);
    QCOMPARE(decoded.ok(), valid);
    if (!valid)
        return;
    QCOMPARE(decoded->hlc, quint64(0x0102030405060708ULL));
    QCOMPARE(decoded->device, QByteArray(16, 'd'));
    QCOMPARE(encodeStamp(*decoded), bytes);
}

// ---- Malformed input: rejected ----

void TestRecordCodec::malformed_data() {
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QByteArray>("plain");

    // The canonical encodings decode (so every rejection below is due to its one change).
    for (Kind kind : {Kind::Overview, Kind::Details, Kind::Attachment})
        QVERIFY(decodeAs(kind, canonical(kind)).ok());

    const auto row = [](const QByteArray& what, Kind kind, const QByteArray& plain) {
        const char* name = kind == Kind::Overview  ? "overview"
                           : kind == Kind::Details ? "details"
                                                   : "attachment info";
        QTest::addRow("%s: %s", name, what.constData()) << kind << plain;
    };
    const auto without = [](Kind kind, std::size_t index) {
        TlvList list = canonicalList(kind);
        list.erase(list.begin() + qsizetype(index));
        return join(list);
    };
    const auto swapped = [](Kind kind, std::size_t i, std::size_t j) {
        TlvList list = canonicalList(kind);
        std::swap(list[i], list[j]);
        return join(list);
    };
    const auto repeated = [](Kind kind, std::size_t index) {
        TlvList list = canonicalList(kind);
        list.insert(list.begin() + qsizetype(index) + 1, list[index]);
        return join(list);
    };
    const auto withPayload = [](Kind kind, std::size_t index, const QByteArray& payload) {
        TlvList list = canonicalList(kind);
        list[index].payload = payload;
        return join(list);
    };
    const auto inserted = [](Kind kind, std::size_t index, Tlv tlv) {
        TlvList list = canonicalList(kind);
        list.insert(list.begin() + qsizetype(index), tlv);
        return join(list);
    };
    const QByteArray st = stampBytes(makeStamp(7, 's'));

    for (Kind kind : {Kind::Overview, Kind::Details, Kind::Attachment}) {
        const QByteArray good = canonical(kind);
        const TlvList list = canonicalList(kind);
        row("empty", kind, QByteArray());
        row("trailing zero byte", kind, good + '\0');
        row("trailing tag without length", kind, good + char(list.back().tag));
        if (kind != Kind::Details) { // details end in repeatable TLVs
            row("the last TLV again", kind,
                good + char(list.back().tag) + varint(quint64(list.back().payload.size())) +
                    list.back().payload);
            row("last singleton missing", kind, without(kind, list.size() - 1));
        }
        row("first singleton missing", kind, without(kind, 0));
        row("first two TLVs swapped", kind, swapped(kind, 0, 1));
        row("first singleton repeated", kind, repeated(kind, 0));
        row("unknown tag 0x00 first", kind, inserted(kind, 0, {0x00, QByteArray()}));
        row("unknown tag 0xff last", kind, good + QByteArray("\xff\x00", 2));
        // Length fields: non-minimal, beyond the end, overlong.
        {
            QByteArray plain;
            plain += char(list[0].tag);
            plain += char(quint8(list[0].payload.size() | 0x80)) + QByteArray(1, '\0');
            plain += list[0].payload;
            plain += join(TlvList(list.begin() + 1, list.end()));
            if (list[0].payload.size() < 0x80)
                row("non-minimal length varint", kind, plain);
        }
        row("length beyond the end", kind,
            good.left(good.size() - list.back().payload.size() - 1) +
                char(list.back().payload.size() + 1) + list.back().payload);
        row("length varint of 11 bytes", kind,
            QByteArray(1, char(list[0].tag)) + QByteArray(10, '\xff') + QByteArray(1, '\x01'));
        row("length 2^63", kind,
            QByteArray(1, char(list[0].tag)) + varint(quint64(1) << 63) + list[0].payload);
    }

    // A 10-byte length whose last byte carries bits beyond 64 once decoded as 0 (an empty name):
    // not the minimal form of any number. Found with tests/fuzz/fuzz_record's round trip.
    {
        const TlvList list = canonicalList(Kind::Attachment);
        row("name length: 10-byte varint with bits beyond 64", Kind::Attachment,
            QByteArray(1, char(list[0].tag)) + QByteArray(9, '\x80') + '\x02' +
                join(TlvList(list.begin() + 1, list.end())));
    }

    // Overview specifics.
    const Kind o = Kind::Overview;
    row("tag 0x0b (unknown)", o, inserted(o, 10, {0x0b, le64(0)}));
    row("details tag 0x11 in an overview", o, inserted(o, 10, {0x11, st}));
    row("attachment tag 0x21 in an overview", o, inserted(o, 10, {0x21, "x"}));
    row("username before title", o, swapped(o, 0, 1));
    row("tag before the urls", o, swapped(o, 2, 4)); // urls at 2, 3; tag at 4
    {
        TlvList list = canonicalList(o);
        std::swap(list[3], list[4]); // url, tag, url: repeatable tags not consecutive
        row("url, tag, url", o, join(list));
    }
    row("title repeated", o, repeated(o, 0));
    row("folder repeated", o, repeated(o, 5));
    row("favourite repeated", o, repeated(o, 6));
    row("modified repeated", o, repeated(o, 10));
    row("created missing", o, without(o, 9));
    row("trashed missing", o, without(o, 8));
    row("title stamp short (23 bytes)", o, withPayload(o, 0, st.left(23)));
    row("favourite = 2", o, withPayload(o, 6, st + '\x02'));
    row("favourite without its flag", o, withPayload(o, 6, st));
    row("favourite with a trailing byte", o, withPayload(o, 6, st + QByteArray("\x01\x00", 2)));
    row("trashed = 0xff", o, withPayload(o, 8, st + '\xff'));
    row("url removed flag = 2", o, withPayload(o, 2, st + '\x02' + QByteArray("https://x")));
    row("url without its removed flag", o, withPayload(o, 2, st));
    row("expires 7 bytes", o, withPayload(o, 7, st + le64(5).left(7)));
    row("expires 9 bytes", o, withPayload(o, 7, st + le64(5) + '\0'));
    row("created 7 bytes", o, withPayload(o, 9, le64(5).left(7)));
    row("modified 9 bytes", o, withPayload(o, 10, le64(5) + '\0'));
    for (const auto& [what, bad] : invalidUtf8()) {
        row(QByteArray("title invalid UTF-8: ") + what, o, withPayload(o, 0, st + bad));
        row(QByteArray("username invalid UTF-8: ") + what, o, withPayload(o, 1, st + bad));
        row(QByteArray("url invalid UTF-8: ") + what, o, withPayload(o, 2, st + '\0' + bad));
        row(QByteArray("tag invalid UTF-8: ") + what, o, withPayload(o, 4, st + '\0' + bad));
        row(QByteArray("folder invalid UTF-8: ") + what, o, withPayload(o, 5, st + bad));
    }

    // Details specifics. Canonical list: password 0, notes 1, totp 2, fields 3-4, history 5.
    const Kind d = Kind::Details;
    row("notes before password", d, swapped(d, 0, 1));
    row("history before a field", d, swapped(d, 4, 5));
    row("notes repeated", d, repeated(d, 1));
    row("totp missing", d, without(d, 2));
    row("overview tag 0x01 in details", d, inserted(d, 0, {0x01, st + "x"}));
    row("tag 0x16 (unknown)", d, inserted(d, 6, {0x16, st}));
    row("password stamp short", d, withPayload(d, 0, st.left(20)));
    row("field flags = 4", d, withPayload(d, 3, st + '\x04' + varint(1) + "n" + "v"));
    row("field flags = 0x83", d, withPayload(d, 3, st + '\x83' + varint(1) + "n" + "v"));
    row("field without flags", d, withPayload(d, 3, st));
    row("field name longer than the payload", d,
        withPayload(d, 3, st + '\x00' + varint(5) + "abc"));
    row("field name length non-minimal", d,
        withPayload(d, 3, st + '\x00' + QByteArray("\x81\x00", 2) + "n" + "v"));
    row("history name longer than the payload", d, withPayload(d, 5, st + varint(9) + "abc"));
    row("history name length non-minimal", d,
        withPayload(d, 5, st + QByteArray("\x88\x00", 2) + "password" + "old"));
    row("history without a name length", d, withPayload(d, 5, st));
    for (const auto& [what, bad] : invalidUtf8()) {
        row(QByteArray("field name invalid UTF-8: ") + what, d,
            withPayload(d, 3, st + '\x00' + varint(quint64(bad.size())) + bad + "v"));
        row(QByteArray("history name invalid UTF-8: ") + what, d,
            withPayload(d, 5, st + varint(quint64(bad.size())) + bad + "v"));
    }

    // Attachment info specifics: name 0, size 1, added 2.
    const Kind a = Kind::Attachment;
    row("size before name", a, swapped(a, 0, 1));
    row("name repeated", a, repeated(a, 0));
    row("size 7 bytes", a, withPayload(a, 1, le64(1).left(7)));
    row("added 9 bytes", a, withPayload(a, 2, le64(1) + '\0'));
    row("tag 0x24 (unknown)", a, canonical(a) + QByteArray("\x24\x01\x00", 3));
    for (const auto& [what, bad] : invalidUtf8())
        row(QByteArray("name invalid UTF-8: ") + what, a, withPayload(a, 0, bad));
}

void TestRecordCodec::malformed() {
    QFETCH(Kind, kind);
    QFETCH(QByteArray, plain);
    auto decoded = decodeAs(kind, plain);
    QVERIFY2(!decoded.ok(), "malformed input was accepted");
    QVERIFY2(decoded.code() == ErrorCode::Damaged || decoded.code() == ErrorCode::Tampered,
             qPrintable(decoded.error().message));
}

// ---- Truncated at every length ----

void TestRecordCodec::truncated_data() {
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QByteArray>("plain");
    QTest::addColumn<QList<int>>("validPrefixes"); // lengths at which a shorter list is valid
    QTest::newRow("overview") << Kind::Overview << canonical(Kind::Overview) << QList<int>{};
    QTest::newRow("attachment info")
        << Kind::Attachment << canonical(Kind::Attachment) << QList<int>{};
    EntryDetails bare = typicalDetails();
    bare.fields.clear();
    bare.history.clear();
    QTest::newRow("details without fields or history")
        << Kind::Details << join(detailsTlvs(bare)) << QList<int>{};
    // With fields and history the list ends in repeatable TLVs: cut exactly after one of them
    // (or after totp), a shorter list remains, which is well-formed; the AEAD around the whole
    // plaintext is what rules such a cut out in a vault. Everywhere else: rejected.
    const TlvList list = detailsTlvs(typicalDetails());
    QList<int> boundaries;
    int length = 0;
    for (std::size_t i = 0; i < list.size(); ++i) {
        length += int(join({list[i]}).size());
        if (i >= 2)
            boundaries.append(length);
    }
    boundaries.removeLast(); // the whole list is not a truncation
    QTest::newRow("details with fields and history") << Kind::Details << join(list) << boundaries;
}

void TestRecordCodec::truncated() {
    QFETCH(Kind, kind);
    QFETCH(QByteArray, plain);
    QFETCH(QList<int>, validPrefixes);
    QVERIFY(decodeAs(kind, plain).ok());
    int rejected = 0;
    for (qsizetype length = 0; length < plain.size(); ++length) {
        const QByteArray prefix = plain.left(length);
        auto decoded = decodeAs(kind, prefix);
        if (validPrefixes.contains(int(length))) {
            QVERIFY2(decoded.ok(), qPrintable(QStringLiteral("length %1").arg(length)));
            QCOMPARE(*decoded, prefix); // exactly the shorter list, canonical
        } else {
            QVERIFY2(!decoded.ok(),
                     qPrintable(QStringLiteral("truncated to %1 of %2 bytes was accepted")
                                    .arg(length)
                                    .arg(plain.size())));
            ++rejected;
        }
    }
    QVERIFY(rejected >= plain.size() - validPrefixes.size());
}

QTEST_GUILESS_MAIN(TestRecordCodec)
#include "tst_recordcodec.moc"
