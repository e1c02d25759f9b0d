#pragma once
// Shows a generated password in a fixed-width font, wrapped at any character, digits and symbols
// coloured apart from letters so look-alikes are told apart (as 1Password and Bitwarden do). The
// password is kept in a SecureBuffer; painting needs a QString, made when the value is set and
// wiped when it is replaced or cleared. Not selectable: copying goes through the ClipboardGuard.

#include "crypto/SecureBuffer.h"

#include <QString>
#include <QWidget>

#include <vector>

namespace tessera::ui {

class PasswordPreview : public QWidget {
    Q_OBJECT
public:
    explicit PasswordPreview(QWidget* parent = nullptr);
    ~PasswordPreview() override;

    // Shows a copy of the password (UTF-8).
    void setPassword(const SecureBuffer& password);
    void clear();
    bool isEmpty() const { return m_text.isEmpty(); }
    // What is shown, for tests (a copy: wipe it).
    QString text() const { return m_text; }
    // Characters per line at the current width.
    int charactersPerLine() const;
    // Passphrases: break lines after a separator rather than inside a word.
    void setWrapAtSeparators(bool wrap);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Cell { // one code point of m_text
        qsizetype offset;
        qsizetype units; // UTF-16 code units: 1, or 2 for a surrogate pair
    };
    int advance() const;
    int charactersPerLine(int width) const;
    std::vector<Cell> cells() const;
    // The first cell of every line at that width.
    std::vector<std::size_t> lineStarts(const std::vector<Cell>& cells, int width) const;

    QString m_text; // the one QString copy, wiped in place when replaced
    bool m_wrapAtSeparators = false;
};

} // namespace tessera::ui
