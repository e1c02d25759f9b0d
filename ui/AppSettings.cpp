#include "AppSettings.h"

#include <QFileInfo>

#include <algorithm>

namespace tessera::ui {

namespace {

const QString ClipboardSecondsKey = QStringLiteral("clipboard/seconds");
const QString IdleLockKey = QStringLiteral("lock/idleMinutes");
const QString LockOnMinimiseKey = QStringLiteral("lock/onMinimise");
const QString LockOnScreenLockKey = QStringLiteral("lock/onScreenLock");
const QString StartMinimisedKey = QStringLiteral("window/startMinimised");
const QString ShowPasswordsKey = QStringLiteral("view/showPasswordsInList");
const QString RecentKey = QStringLiteral("vaults/recent");
const QString LastKey = QStringLiteral("vaults/last");
const QString GeneratorKey = QStringLiteral("generator/spec");
const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");

QString normalisedPath(const QString& path) {
    return path.isEmpty() ? path : QFileInfo(path).absoluteFilePath();
}

} // namespace

AppSettings::AppSettings(QObject* parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
                                             QStringLiteral("Tessera"),
                                             QStringLiteral("tessera"))) {
}

AppSettings::AppSettings(const QString& iniPath, QObject* parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat)) {
}

AppSettings::~AppSettings() = default;

void AppSettings::write(const QString& key, const QVariant& value) {
    if (m_settings->value(key) == value)
        return;
    m_settings->setValue(key, value);
    Q_EMIT changed();
}

int AppSettings::clipboardSeconds() const {
    return std::clamp(m_settings->value(ClipboardSecondsKey, DefaultClipboardSeconds).toInt(), 1,
                      MaxClipboardSeconds);
}

void AppSettings::setClipboardSeconds(int seconds) {
    write(ClipboardSecondsKey, std::clamp(seconds, 1, MaxClipboardSeconds));
}

int AppSettings::idleLockMinutes() const {
    return std::clamp(m_settings->value(IdleLockKey, DefaultIdleLockMinutes).toInt(), 0,
                      MaxIdleLockMinutes);
}

void AppSettings::setIdleLockMinutes(int minutes) {
    write(IdleLockKey, std::clamp(minutes, 0, MaxIdleLockMinutes));
}

bool AppSettings::lockOnMinimise() const {
    return m_settings->value(LockOnMinimiseKey, false).toBool();
}

void AppSettings::setLockOnMinimise(bool on) {
    write(LockOnMinimiseKey, on);
}

bool AppSettings::lockOnScreenLock() const {
    return m_settings->value(LockOnScreenLockKey, true).toBool();
}

void AppSettings::setLockOnScreenLock(bool on) {
    write(LockOnScreenLockKey, on);
}

bool AppSettings::startMinimised() const {
    return m_settings->value(StartMinimisedKey, false).toBool();
}

void AppSettings::setStartMinimised(bool on) {
    write(StartMinimisedKey, on);
}

bool AppSettings::showPasswordsInList() const {
    return m_settings->value(ShowPasswordsKey, false).toBool();
}

void AppSettings::setShowPasswordsInList(bool on) {
    write(ShowPasswordsKey, on);
}

QStringList AppSettings::recentVaults() const {
    QStringList recent = m_settings->value(RecentKey).toStringList();
    recent.removeAll(QString());
    recent.removeDuplicates();
    return recent.mid(0, MaxRecentVaults);
}

void AppSettings::addRecentVault(const QString& path) {
    const QString absolute = normalisedPath(path);
    if (absolute.isEmpty())
        return;
    QStringList recent = recentVaults();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    write(RecentKey, recent.mid(0, MaxRecentVaults));
    setLastVault(absolute);
}

void AppSettings::removeRecentVault(const QString& path) {
    const QString absolute = normalisedPath(path);
    QStringList recent = recentVaults();
    recent.removeAll(absolute);
    write(RecentKey, recent);
    if (lastVault() == absolute)
        write(LastKey, recent.value(0));
}

QString AppSettings::lastVault() const {
    return m_settings->value(LastKey).toString();
}

void AppSettings::setLastVault(const QString& path) {
    write(LastKey, normalisedPath(path));
}

QString AppSettings::generatorSpec() const {
    return m_settings->value(GeneratorKey).toString();
}

void AppSettings::setGeneratorSpec(const QString& spec) {
    write(GeneratorKey, spec);
}

QByteArray AppSettings::windowGeometry() const {
    return m_settings->value(GeometryKey).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray& geometry) {
    write(GeometryKey, geometry);
}

QByteArray AppSettings::windowState() const {
    return m_settings->value(StateKey).toByteArray();
}

void AppSettings::setWindowState(const QByteArray& state) {
    write(StateKey, state);
}

} // namespace tessera::ui
