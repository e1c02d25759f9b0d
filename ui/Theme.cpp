#include "Theme.h"

#include <QApplication>
#include <QFile>
#include <QIconEngine>
#include <QImage>
#include <QPainter>
#include <QPixmap>
#include <QPixmapCache>
#include <QSvgRenderer>

static void registerTesseraResources() {
    Q_INIT_RESOURCE(tessera);
}

namespace tessera::ui::theme {

namespace {

// The colour every icon in resources/icons is drawn with; replaced by the palette's at paint time.
const QByteArray DrawingColour = QByteArrayLiteral("#7a8694");

class TintedSvgEngine : public QIconEngine {
public:
    TintedSvgEngine(QString name, QByteArray svg)
        : m_name(std::move(name))
        , m_svg(std::move(svg)) {}

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode,
               QIcon::State state) override {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        painter->drawPixmap(rect, render(rect.size(), ratio, mode, state));
    }
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override {
        return render(size, 1.0, mode, state);
    }
    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override {
        QPixmap pixmap = render(size / scale, scale, mode, state);
        return pixmap;
    }
    QSize actualSize(const QSize& size, QIcon::Mode, QIcon::State) override {
        const int side = std::min(size.width(), size.height());
        return {side, side};
    }
    QIconEngine* clone() const override { return new TintedSvgEngine(m_name, m_svg); }
    QString key() const override { return QStringLiteral("TesseraTintedSvg"); }
    QString iconName() override { return m_name; }

private:
    static QColor colourFor(QIcon::Mode mode) {
        const QPalette palette = QApplication::palette();
        switch (mode) {
        case QIcon::Disabled:
            return palette.color(QPalette::Disabled, QPalette::WindowText);
        case QIcon::Selected:
            return palette.color(QPalette::Active, QPalette::HighlightedText);
        default:
            return palette.color(QPalette::Active, QPalette::WindowText);
        }
    }

    QPixmap render(const QSize& size, qreal ratio, QIcon::Mode mode, QIcon::State) const {
        const QSize pixels = (QSizeF(size) * ratio).toSize();
        if (pixels.isEmpty())
            return {};
        const QColor colour = colourFor(mode);
        const QString cacheKey = QStringLiteral("tessera-icon/%1/%2x%3/%4")
                                     .arg(m_name)
                                     .arg(pixels.width())
                                     .arg(pixels.height())
                                     .arg(colour.name(QColor::HexArgb));
        QPixmap pixmap;
        if (!QPixmapCache::find(cacheKey, &pixmap)) {
            QByteArray svg = m_svg;
            svg.replace(DrawingColour, colour.name(QColor::HexRgb).toLatin1());
            QSvgRenderer renderer(svg);
            QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
            QPainter painter(&image);
            renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(pixels)));
            painter.end();
            if (colour.alphaF() < 1.0) {
                QPainter fade(&image);
                fade.setCompositionMode(QPainter::CompositionMode_DestinationIn);
                fade.fillRect(image.rect(), QColor(0, 0, 0, colour.alpha()));
            }
            pixmap = QPixmap::fromImage(std::move(image));
            QPixmapCache::insert(cacheKey, pixmap);
        }
        pixmap.setDevicePixelRatio(ratio);
        return pixmap;
    }

    QString m_name;
    QByteArray m_svg;
};

} // namespace

void initResources() {
    static const bool done = (registerTesseraResources(), true);
    (void)done;
}

bool isDark(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() <
           palette.color(QPalette::WindowText).lightness();
}

bool isDark() {
    return isDark(QApplication::palette());
}

QIcon icon(const QString& name, const QString& themeName) {
    initResources();
    QFile file(QStringLiteral(":/icons/%1.svg").arg(name));
    if (file.open(QIODevice::ReadOnly))
        return QIcon(new TintedSvgEngine(name, file.readAll()));
    if (!themeName.isEmpty())
        return QIcon::fromTheme(themeName);
    return {};
}

QIcon appIcon() {
    initResources();
    return QIcon(QStringLiteral(":/icons/tessera.svg"));
}

} // namespace tessera::ui::theme
