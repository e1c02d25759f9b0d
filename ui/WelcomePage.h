#pragma once
// The first-run page: what Tessera is, and the two ways in (create a vault, open a vault file).

#include <QWidget>

class QPushButton;

namespace tessera::ui {

class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget* parent = nullptr);
    QPushButton* createButton() const { return m_create; }
    QPushButton* openButton() const { return m_open; }

Q_SIGNALS:
    void createRequested();
    void openRequested();

private:
    QPushButton* m_create;
    QPushButton* m_open;
};

} // namespace tessera::ui
