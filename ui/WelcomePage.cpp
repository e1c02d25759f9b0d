#include "WelcomePage.h"

#include "Theme.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace tessera::ui {

namespace {
constexpr int LogoPixels = 96;
constexpr int TextWidth = 460;
} // namespace

WelcomePage::WelcomePage(QWidget* parent)
    : QWidget(parent)
    , m_create(new QPushButton(theme::icon(QStringLiteral("new-vault")), tr("&Create a new vault…"),
                               this))
    , m_open(
          new QPushButton(theme::icon(QStringLiteral("open")), tr("&Open a vault file…"), this)) {
    auto* logo = new QLabel(this);
    logo->setPixmap(theme::appIcon().pixmap(LogoPixels, LogoPixels));
    logo->setAlignment(Qt::AlignCenter);
    auto* title = new QLabel(tr("Welcome to Tessera"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);
    auto* text = new QLabel(
        tr("Your passwords live in one encrypted vault file. Keep it in a cloud folder (Dropbox, "
           "Nextcloud, Syncthing…) to use it on every computer: the cloud only ever sees "
           "ciphertext."),
        this);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    text->setMinimumWidth(TextWidth);
    text->setMaximumWidth(TextWidth);
    m_create->setDefault(true);
    m_create->setAccessibleName(tr("Create a new vault"));
    m_open->setAccessibleName(tr("Open a vault file"));
    setFocusProxy(m_create);
    connect(m_create, &QPushButton::clicked, this, &WelcomePage::createRequested);
    connect(m_open, &QPushButton::clicked, this, &WelcomePage::openRequested);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_create);
    buttons->addWidget(m_open);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(logo);
    layout->addSpacing(8);
    layout->addWidget(title);
    // In a row with stretches, not with an alignment: an aligned label loses its height-for-width
    // and its wrapped lines get cut.
    auto* textRow = new QHBoxLayout;
    textRow->addStretch();
    textRow->addWidget(text);
    textRow->addStretch();
    layout->addLayout(textRow);
    layout->addSpacing(16);
    layout->addLayout(buttons);
    layout->addStretch(3);
}

} // namespace tessera::ui
