#include "RecordCodec.h"

#include <algorithm>
#include <cstring>

namespace tessera {

namespace {

enum Tag : unsigned char {
    TagTitle = 0x01,
    TagUsername = 0x02,
    TagUrl = 0x03,
    TagTag = 0x04,
    TagFolder = 0x05,
    TagFavourite = 0x06,
    TagExpires = 0x07,
    TagTrashed = 0x08,
    TagCreated = 0x09,
    TagModified = 0x0a,
    TagPassword = 0x11,
    TagNotes = 0x12,
    TagTotp = 0x13,
    TagField = 0x14,
    TagHistory = 0x15,
    TagAttachmentName = 0x21,
    TagAttachmentSize = 0x22,
    TagAttachmentAdded = 0x23,
};

constexpr unsigned char FieldRemoved = 0x01;
constexpr unsigned char FieldProtected = 0x02;

Error malformed() {
    return makeError(ErrorCode::Damaged, QStringLiteral("a record is malformed"));
}

void putVarint(SecureBuffer& out, std::uint64_t value) {
    while (value >= 0x80) {
        out.appendByte(static_cast<unsigned char>(value | 0x80));
        value >>= 7;
    }
    out.appendByte(static_cast<unsigned char>(value));
}

void putU64(SecureBuffer& out, std::uint64_t value) {
    for (int i = 0; i < 8; ++i)
        out.appendByte(static_cast<unsigned char>(value >> (8 * i)));
}

void putStamp(SecureBuffer& out, const Stamp& stamp) {
    putU64(out, stamp.hlc);
    QByteArray device = stamp.device.leftJustified(qsizetype(DeviceIdBytes), '\0', true);
    out.append(device.constData(), DeviceIdBytes);
}

void putText(SecureBuffer& out, const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    out.append(utf8.constData(), std::size_t(utf8.size()));
}

// Writes tag ‖ varint(length) ‖ payload.
void putTlv(SecureBuffer& out, unsigned char tag, const SecureBuffer& payload) {
    out.appendByte(tag);
    putVarint(out, payload.size());
    out.append(payload);
}

struct Cursor {
    const unsigned char* at;
    std::size_t left;

    bool varint(std::uint64_t& value) {
        value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (left == 0)
                return false;
            const unsigned char byte = *at++;
            --left;
            if (shift == 63 && byte > 1)
                return false; // bits beyond 64 would be dropped: no number is written this way
            value |= std::uint64_t(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                return byte != 0 || shift == 0; // minimal encoding only
        }
        return false;
    }
    bool u8(unsigned char& value) {
        if (left < 1)
            return false;
        value = *at++;
        --left;
        return true;
    }
    bool u64(quint64& value) {
        if (left < 8)
            return false;
        value = 0;
        for (int i = 0; i < 8; ++i)
            value |= std::uint64_t(at[i]) << (8 * i);
        at += 8;
        left -= 8;
        return true;
    }
    bool i64(qint64& value) {
        quint64 raw = 0;
        if (!u64(raw))
            return false;
        value = qint64(raw);
        return true;
    }
    bool stamp(Stamp& value) {
        if (left < StampBytes || !u64(value.hlc))
            return false;
        // Nearly every stamp names one of a few devices: share the bytes instead of allocating.
        thread_local QByteArray lastDevice;
        const QByteArrayView device(at, qsizetype(DeviceIdBytes));
        if (lastDevice != device)
            lastDevice = device.toByteArray();
        value.device = lastDevice;
        at += DeviceIdBytes;
        left -= DeviceIdBytes;
        return true;
    }
    bool bytes(std::size_t size, const unsigned char*& out) {
        if (left < size)
            return false;
        out = at;
        at += size;
        left -= size;
        return true;
    }
    bool text(std::size_t size, QString& out) {
        const unsigned char* start = nullptr;
        if (!bytes(size, start))
            return false;
        const QByteArrayView utf8(start, qsizetype(size));
        if (!utf8.isValidUtf8()) // canonical: valid UTF-8 only
            return false;
        out = QString::fromUtf8(utf8);
        return true;
    }
    bool restText(QString& out) { return text(left, out); }
    SecureBuffer restSecret() {
        SecureBuffer out = SecureBuffer::copyOf(at, left);
        at += left;
        left = 0;
        return out;
    }
    bool done() const { return left == 0; }
};

struct Tlv {
    unsigned char tag;
    Cursor payload;
};

// Splits a TLV list, checking canonical order: tags ascending; only repeatable tags may repeat.
Result<std::vector<Tlv>> split(const SecureBuffer& plain,
                               std::initializer_list<unsigned char> singles,
                               std::initializer_list<unsigned char> repeatables) {
    std::vector<Tlv> out;
    out.reserve(16); // an overview has about a dozen
    Cursor cursor{plain.data(), plain.size()};
    int previous = -1;
    std::uint64_t seen = 0; // bit per tag below 64
    while (!cursor.done()) {
        unsigned char tag = 0;
        std::uint64_t length = 0;
        const unsigned char* payload = nullptr;
        if (!cursor.u8(tag) || !cursor.varint(length) || length > cursor.left ||
            !cursor.bytes(std::size_t(length), payload))
            return malformed();
        const bool repeatable =
            std::find(repeatables.begin(), repeatables.end(), tag) != repeatables.end();
        const bool single = std::find(singles.begin(), singles.end(), tag) != singles.end();
        if (!repeatable && !single)
            return malformed();
        if (tag < previous || (tag == previous && !repeatable))
            return malformed();
        previous = tag;
        if (tag < 64)
            seen |= std::uint64_t(1) << tag;
        out.push_back({tag, Cursor{payload, std::size_t(length)}});
    }
    for (unsigned char tag : singles) {
        const bool present = tag < 64 ? (seen >> tag & 1) != 0
                                      : std::any_of(out.begin(), out.end(),
                                                    [tag](const Tlv& t) { return t.tag == tag; });
        if (!present)
            return malformed();
    }
    return out;
}

SecureBuffer stampedText(const Stamp& stamp, const QString& text) {
    SecureBuffer payload;
    putStamp(payload, stamp);
    putText(payload, text);
    return payload;
}

SecureBuffer stampedSecret(const Stamp& stamp, const SecureBuffer& value) {
    SecureBuffer payload;
    putStamp(payload, stamp);
    payload.append(value);
    return payload;
}

SecureBuffer stampedInt(const Stamp& stamp, qint64 value, bool asByte) {
    SecureBuffer payload;
    putStamp(payload, stamp);
    if (asByte)
        payload.appendByte(value ? 1 : 0);
    else
        putU64(payload, std::uint64_t(value));
    return payload;
}

SecureBuffer plainInt(qint64 value) {
    SecureBuffer payload;
    putU64(payload, std::uint64_t(value));
    return payload;
}

SecureBuffer plainText(const QString& text) {
    SecureBuffer payload;
    putText(payload, text);
    return payload;
}

void putElements(SecureBuffer& out, unsigned char tag, const std::vector<SetElement>& elements) {
    for (const SetElement& element : elements) {
        SecureBuffer payload;
        putStamp(payload, element.stamp);
        payload.appendByte(element.removed ? 1 : 0);
        putText(payload, element.value);
        putTlv(out, tag, payload);
    }
}

bool readStampedText(Cursor c, Register<QString>& reg) {
    return c.stamp(reg.stamp) && c.restText(reg.value);
}

bool readStampedBool(Cursor c, Register<bool>& reg) {
    unsigned char flag = 0;
    if (!c.stamp(reg.stamp) || !c.u8(flag) || flag > 1 || !c.done())
        return false;
    reg.value = flag == 1;
    return true;
}

bool readElement(Cursor c, std::vector<SetElement>& into) {
    SetElement& element = into.emplace_back(); // decoded in place
    unsigned char removed = 0;
    if (!c.stamp(element.stamp) || !c.u8(removed) || removed > 1 || !c.restText(element.value)) {
        into.pop_back();
        return false;
    }
    element.removed = removed == 1;
    return true;
}

bool readInt(Cursor c, qint64& value) {
    return c.i64(value) && c.done();
}

} // namespace

QByteArray encodeStamp(const Stamp& stamp) {
    SecureBuffer out;
    putStamp(out, stamp);
    return QByteArray(reinterpret_cast<const char*>(out.data()), qsizetype(out.size()));
}

Result<Stamp> decodeStamp(QByteArrayView bytes) {
    Cursor c{reinterpret_cast<const unsigned char*>(bytes.data()), std::size_t(bytes.size())};
    Stamp stamp;
    if (!c.stamp(stamp) || !c.done())
        return malformed();
    return stamp;
}

SecureBuffer encodeOverview(const EntryOverview& o) {
    SecureBuffer out;
    putTlv(out, TagTitle, stampedText(o.title.stamp, o.title.value));
    putTlv(out, TagUsername, stampedText(o.username.stamp, o.username.value));
    putElements(out, TagUrl, o.urls);
    putElements(out, TagTag, o.tags);
    putTlv(out, TagFolder, stampedText(o.folder.stamp, o.folder.value));
    putTlv(out, TagFavourite, stampedInt(o.favourite.stamp, o.favourite.value, true));
    putTlv(out, TagExpires, stampedInt(o.expires.stamp, o.expires.value, false));
    putTlv(out, TagTrashed, stampedInt(o.trashed.stamp, o.trashed.value, true));
    putTlv(out, TagCreated, plainInt(o.created));
    putTlv(out, TagModified, plainInt(o.modified));
    return out;
}

Result<EntryOverview> decodeOverview(const SecureBuffer& plain, const EntryId& id) {
    EntryOverview o;
    TESSERA_TRY(decodeOverviewInto(plain, id, o));
    return o;
}

Status decodeOverviewInto(const SecureBuffer& plain, const EntryId& id, EntryOverview& o) {
    auto tlvs = split(plain,
                      {TagTitle, TagUsername, TagFolder, TagFavourite, TagExpires, TagTrashed,
                       TagCreated, TagModified},
                      {TagUrl, TagTag});
    if (!tlvs)
        return tlvs.error();
    o = EntryOverview();
    o.id = id;
    for (const Tlv& t : *tlvs) {
        bool ok = false;
        switch (t.tag) {
        case TagTitle:
            ok = readStampedText(t.payload, o.title);
            break;
        case TagUsername:
            ok = readStampedText(t.payload, o.username);
            break;
        case TagUrl:
            ok = readElement(t.payload, o.urls);
            break;
        case TagTag:
            ok = readElement(t.payload, o.tags);
            break;
        case TagFolder:
            ok = readStampedText(t.payload, o.folder);
            break;
        case TagFavourite:
            ok = readStampedBool(t.payload, o.favourite);
            break;
        case TagExpires: {
            Cursor c = t.payload;
            ok = c.stamp(o.expires.stamp) && readInt(c, o.expires.value);
            break;
        }
        case TagTrashed:
            ok = readStampedBool(t.payload, o.trashed);
            break;
        case TagCreated:
            ok = readInt(t.payload, o.created);
            break;
        case TagModified:
            ok = readInt(t.payload, o.modified);
            break;
        }
        if (!ok)
            return malformed();
    }
    return {};
}

SecureBuffer encodeDetails(const EntryDetails& d) {
    SecureBuffer out;
    putTlv(out, TagPassword, stampedSecret(d.password.stamp, d.password.value));
    putTlv(out, TagNotes, stampedSecret(d.notes.stamp, d.notes.value));
    putTlv(out, TagTotp, stampedSecret(d.totp.stamp, d.totp.value));
    for (const CustomField& field : d.fields) {
        SecureBuffer payload;
        putStamp(payload, field.stamp);
        payload.appendByte((field.removed ? FieldRemoved : 0) |
                           (field.isProtected ? FieldProtected : 0));
        const QByteArray name = field.name.toUtf8();
        putVarint(payload, std::uint64_t(name.size()));
        payload.append(name.constData(), std::size_t(name.size()));
        payload.append(field.value);
        putTlv(out, TagField, payload);
    }
    for (const HistoryItem& item : d.history) {
        SecureBuffer payload;
        putStamp(payload, item.stamp);
        const QByteArray name = item.field.toUtf8();
        putVarint(payload, std::uint64_t(name.size()));
        payload.append(name.constData(), std::size_t(name.size()));
        payload.append(item.value);
        putTlv(out, TagHistory, payload);
    }
    return out;
}

Result<EntryDetails> decodeDetails(const SecureBuffer& plain) {
    auto tlvs = split(plain, {TagPassword, TagNotes, TagTotp}, {TagField, TagHistory});
    if (!tlvs)
        return tlvs.error();
    EntryDetails d;
    for (Tlv& t : *tlvs) {
        Cursor& c = t.payload;
        bool ok = false;
        if (t.tag == TagPassword || t.tag == TagNotes || t.tag == TagTotp) {
            Register<SecureBuffer>& reg = t.tag == TagPassword ? d.password
                                          : t.tag == TagNotes  ? d.notes
                                                               : d.totp;
            ok = c.stamp(reg.stamp);
            if (ok)
                reg.value = c.restSecret();
        } else if (t.tag == TagField) {
            CustomField field;
            unsigned char flags = 0;
            std::uint64_t nameSize = 0;
            ok = c.stamp(field.stamp) && c.u8(flags) && flags <= (FieldRemoved | FieldProtected) &&
                 c.varint(nameSize) && nameSize <= c.left &&
                 c.text(std::size_t(nameSize), field.name);
            if (ok) {
                field.removed = flags & FieldRemoved;
                field.isProtected = flags & FieldProtected;
                field.value = c.restSecret();
                d.fields.push_back(std::move(field));
            }
        } else if (t.tag == TagHistory) {
            HistoryItem item;
            std::uint64_t nameSize = 0;
            ok = c.stamp(item.stamp) && c.varint(nameSize) && nameSize <= c.left &&
                 c.text(std::size_t(nameSize), item.field);
            if (ok) {
                item.value = c.restSecret();
                d.history.push_back(std::move(item));
            }
        }
        if (!ok)
            return malformed();
    }
    return d;
}

SecureBuffer encodeAttachmentInfo(const AttachmentInfo& info) {
    SecureBuffer out;
    putTlv(out, TagAttachmentName, plainText(info.name));
    putTlv(out, TagAttachmentSize, plainInt(info.size));
    putTlv(out, TagAttachmentAdded, plainInt(info.added));
    return out;
}

Result<AttachmentInfo> decodeAttachmentInfo(const SecureBuffer& plain, const QByteArray& id,
                                            const EntryId& entry) {
    auto tlvs = split(plain, {TagAttachmentName, TagAttachmentSize, TagAttachmentAdded}, {});
    if (!tlvs)
        return tlvs.error();
    AttachmentInfo info;
    info.id = id;
    info.entry = entry;
    for (Tlv& t : *tlvs) {
        bool ok = false;
        if (t.tag == TagAttachmentName)
            ok = t.payload.restText(info.name);
        else if (t.tag == TagAttachmentSize)
            ok = readInt(t.payload, info.size);
        else
            ok = readInt(t.payload, info.added);
        if (!ok)
            return malformed();
    }
    return info;
}

} // namespace tessera
