#include "EmergencyKit.h"

#include "crypto/Crypto.h"
#include "vault/SecretKey.h"

#include <QCoreApplication>
#include <QFile>
#include <QFont>
#include <QFontDatabase>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tessera {

namespace {

constexpr int PointsPerInch = 72; // resolution: one device unit = one point
constexpr qreal Margin = 56;
constexpr qreal Gap = 14;
constexpr qreal MasterBoxHeight = 44;
constexpr int VaultIdGroup = 4;

// Draws paragraphs and labelled fields down the page.
class PageWriter {
public:
    PageWriter(QPainter& painter, qreal width)
        : m_painter(painter)
        , m_width(width)
        , m_y(Margin) {}

    void paragraph(const QString& body, const QFont& font, QColor color = Qt::black) {
        m_painter.setFont(font);
        m_painter.setPen(color);
        const QRectF area(Margin, m_y, m_width, 1000);
        QRectF used;
        m_painter.drawText(area, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, body, &used);
        m_y += used.height() + Gap;
    }

    void label(const QString& name) {
        QFont font = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
        font.setPointSizeF(8.5);
        font.setBold(true);
        m_painter.setFont(font);
        m_painter.setPen(QColor(0x55, 0x55, 0x55));
        QRectF used;
        m_painter.drawText(QRectF(Margin, m_y, m_width, 100), Qt::AlignLeft | Qt::AlignTop,
                           name.toUpper(), &used);
        m_y += used.height() + 3;
    }

    // A framed box holding text, or empty (for handwriting) when body is empty.
    void box(const QString& body, const QFont& font, qreal minHeight) {
        const qreal padding = 8;
        m_painter.setFont(font);
        QRectF used;
        if (!body.isEmpty()) {
            m_painter.setPen(Qt::black);
            m_painter.drawText(QRectF(Margin + padding, m_y + padding, m_width - 2 * padding, 200),
                               Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, body, &used);
        }
        const qreal height = std::max(minHeight, used.height() + 2 * padding);
        m_painter.setPen(QPen(QColor(0x33, 0x33, 0x33), 1.2));
        m_painter.setBrush(Qt::NoBrush);
        m_painter.drawRoundedRect(QRectF(Margin, m_y, m_width, height), 4, 4);
        m_y += height + Gap;
    }

    void space(qreal points) { m_y += points; }

private:
    QPainter& m_painter;
    qreal m_width;
    qreal m_y;
};

Error ioError(const QString& what, const QString& path) {
    return makeError(ErrorCode::Io,
                     QStringLiteral("cannot %1 %2: %3")
                         .arg(what, path, QString::fromLocal8Bit(std::strerror(errno))));
}

void drawKit(QPdfWriter& writer, const EmergencyKit& kit) {
    QPainter painter(&writer);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal width = writer.width() - 2 * Margin;
    PageWriter page(painter, width);

    QFont body = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    body.setPointSizeF(10.5);
    QFont title = body;
    title.setPointSizeF(22);
    title.setBold(true);
    QFont value = body;
    value.setPointSizeF(11);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(17);
    mono.setBold(true);
    mono.setStyleHint(QFont::Monospace);

    page.paragraph(QCoreApplication::translate("tessera::EmergencyKit", "Tessera Emergency Kit"),
                   title);
    page.paragraph(
        QCoreApplication::translate("tessera::EmergencyKit", "Made on %1 for the vault “%2”.")
            .arg(QLocale().toString(kit.made.date(), QLocale::LongFormat), kit.vaultName),
        body, QColor(0x44, 0x44, 0x44));
    page.paragraph(QCoreApplication::translate(
                       "tessera::EmergencyKit",
                       "This vault needs two things to open: your master password and the secret "
                       "key below. Print this page, write your master password in the box by "
                       "hand, and keep the sheet somewhere safe, away from your computer. Then "
                       "delete this PDF file."),
                   body);

    page.label(QCoreApplication::translate("tessera::EmergencyKit", "Vault name"));
    page.box(kit.vaultName, value, 0);
    // Identifiers in a fixed-width font: no ligatures ("ff" stays two letters for people and
    // for text extraction), every character as wide as the next.
    QFont fixedValue = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    fixedValue.setStyleHint(QFont::Monospace);
    fixedValue.setPointSizeF(10.5);
    page.label(QCoreApplication::translate("tessera::EmergencyKit", "Vault ID"));
    page.box(formatVaultId(kit.vaultId), fixedValue, 0);
    page.label(QCoreApplication::translate("tessera::EmergencyKit",
                                           "Vault file (where it was when this kit was made)"));
    page.box(kit.vaultPath, fixedValue, 0);

    page.label(QCoreApplication::translate("tessera::EmergencyKit", "Secret key"));
    // QPainter needs the key as a QString: that copy is wiped right after drawing.
    SecureBuffer keyText = formatSecretKey(*kit.secretKey);
    QString key = QString::fromLatin1(reinterpret_cast<const char*>(keyText.data()),
                                      qsizetype(keyText.size()));
    page.box(key, mono, 0);
    wipe(key);
    keyText.clear();

    page.label(QCoreApplication::translate(
        "tessera::EmergencyKit",
        "Master password (write it by hand; never type it into this file)"));
    page.box(QString(), value, MasterBoxHeight);

    page.space(4);
    page.paragraph(QCoreApplication::translate(
                       "tessera::EmergencyKit",
                       "To open the vault on a new device: install Tessera, open the vault file "
                       "(from your cloud folder or a copy of it), then type your master password "
                       "and this secret key. Each device asks for the secret key once and can "
                       "remember it."),
                   body);
    page.paragraph(QCoreApplication::translate(
                       "tessera::EmergencyKit",
                       "Anyone who has this sheet, your master password and a copy of the vault "
                       "file can open your vault. Without the secret key nobody can, not even "
                       "you. If you turn the secret key off or make a new one, this kit no "
                       "longer works: make a new kit and destroy this one."),
                   body);
}

} // namespace

QString formatVaultId(const QByteArray& vaultId) {
    const QString hex = QString::fromLatin1(vaultId.toHex());
    QStringList groups;
    for (qsizetype i = 0; i < hex.size(); i += VaultIdGroup)
        groups.append(hex.mid(i, VaultIdGroup));
    return groups.join(QLatin1Char(' '));
}

Status writeEmergencyKit(const QString& path, const EmergencyKit& kit, bool replace) {
    if (!kit.secretKey || kit.secretKey->size() != SecretKeyBytes)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("no secret key"));
    const QByteArray name = QFile::encodeName(path);
    const int flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | (replace ? O_TRUNC : O_EXCL);
    const int fd = ::open(name.constData(), flags, S_IRUSR | S_IWUSR);
    if (fd < 0)
        return errno == EEXIST
                   ? makeError(ErrorCode::Io, QStringLiteral("%1 already exists").arg(path))
                   : ioError(QStringLiteral("create"), path);
    if (::fchmod(fd, S_IRUSR | S_IWUSR) != 0) { // a replaced file would keep its old mode
        const Error error = ioError(QStringLiteral("protect"), path);
        ::close(fd);
        ::unlink(name.constData());
        return error;
    }
    bool written = false;
    {
        QFile file;
        if (file.open(fd, QIODevice::WriteOnly, QFileDevice::DontCloseHandle)) {
            QPdfWriter writer(&file);
            writer.setResolution(PointsPerInch);
            writer.setPageSize(QPageSize(QPageSize::A4));
            writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Point);
            writer.setTitle(
                QCoreApplication::translate("tessera::EmergencyKit", "Tessera Emergency Kit"));
            writer.setCreator(QStringLiteral("Tessera"));
            drawKit(writer, kit);
            written = file.flush() && file.error() == QFileDevice::NoError;
        }
    }
    written = written && ::fsync(fd) == 0;
    const Error failure = ioError(QStringLiteral("write"), path);
    if (::close(fd) != 0)
        written = false;
    if (!written) {
        ::unlink(name.constData());
        return failure;
    }
    return {};
}

} // namespace tessera
