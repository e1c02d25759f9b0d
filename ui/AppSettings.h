#pragma once
// The app's preferences over QSettings, typed and with their defaults in one place. Never a secret:
// paths, numbers, switches, window geometry and the generator's spec string only.

#include <QByteArray>
#include <QObject>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <memory>

namespace tessera::ui {

class AppSettings : public QObject {
    Q_OBJECT
public:
    static constexpr int DefaultClipboardSeconds = 20;
    static constexpr int MaxClipboardSeconds = 3600;
    static constexpr int DefaultIdleLockMinutes = 5;
    static constexpr int MaxIdleLockMinutes = 24 * 60;
    static constexpr int MaxRecentVaults = 8;

    // The user's settings (~/.config/Tessera/tessera.conf).
    explicit AppSettings(QObject* parent = nullptr);
    // An INI file of its own (tests, portable use).
    explicit AppSettings(const QString& iniPath, QObject* parent = nullptr);
    ~AppSettings() override;

    QString fileName() const { return m_settings->fileName(); }
    void sync() { m_settings->sync(); }

    // Seconds until a copied value is cleared from the clipboard (1..3600).
    int clipboardSeconds() const;
    void setClipboardSeconds(int seconds);
    // Minutes without input before the vault locks; 0 = never.
    int idleLockMinutes() const;
    void setIdleLockMinutes(int minutes);
    bool lockOnMinimise() const;
    void setLockOnMinimise(bool on);
    bool lockOnScreenLock() const; // screen saver / screen lock and suspend
    void setLockOnScreenLock(bool on);
    bool startMinimised() const;
    void setStartMinimised(bool on);
    bool showPasswordsInList() const;
    void setShowPasswordsInList(bool on);

    // Most recent first, without duplicates, at most MaxRecentVaults.
    QStringList recentVaults() const;
    void addRecentVault(const QString& path); // also makes it the last vault
    void removeRecentVault(const QString& path);
    QString lastVault() const;
    void setLastVault(const QString& path);

    QString generatorSpec() const; // empty: the generator's default
    void setGeneratorSpec(const QString& spec);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);

Q_SIGNALS:
    void changed();

private:
    void write(const QString& key, const QVariant& value);
    std::unique_ptr<QSettings> m_settings;
};

} // namespace tessera::ui
