// Build-time tool: renders the app's SVG icon to the PNG sizes of the hicolor theme, so desktops
// and software centres that do not read SVG still get a sharp icon.
//
//   tessera-render-icon SOURCE.svg OUTPUT.png SIZE
//
// QSvgRenderer and QImage need no display and no QGuiApplication, so this runs on build machines
// without X.

#include <QImage>
#include <QPainter>
#include <QString>
#include <QSvgRenderer>

#include <cstdio>
#include <cstdlib>

namespace {

constexpr int MinSize = 8;
constexpr int MaxSize = 1024;

} // namespace

int main(int argc, char* argv[]) {
    if (argc != 4) {
        std::fputs("usage: tessera-render-icon SOURCE.svg OUTPUT.png SIZE\n", stderr);
        return 2;
    }
    const QString source = QString::fromLocal8Bit(argv[1]);
    const QString output = QString::fromLocal8Bit(argv[2]);
    char* end = nullptr;
    const long size = std::strtol(argv[3], &end, 10);
    if (*end != '\0' || size < MinSize || size > MaxSize) {
        std::fprintf(stderr, "tessera-render-icon: size must be %d..%d, not %s\n", MinSize, MaxSize,
                     argv[3]);
        return 2;
    }

    QSvgRenderer renderer(source);
    if (!renderer.isValid()) {
        std::fprintf(stderr, "tessera-render-icon: cannot read %s\n", argv[1]);
        return 1;
    }
    const int pixels = static_cast<int>(size);
    QImage image(pixels, pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        renderer.render(&painter);
    }
    if (!image.convertToFormat(QImage::Format_ARGB32).save(output, "PNG")) {
        std::fprintf(stderr, "tessera-render-icon: cannot write %s\n", argv[2]);
        return 1;
    }
    return 0;
}
