<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>tessera::ui::BackupsDialog</name>
    <message numerus="yes">
        <source>Restored: merged %n change(s) from the backup.</source>
        <translation>
            <numerusform>Restored: merged %n change from the backup.</numerusform>
            <numerusform>Restored: merged %n changes from the backup.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::CrackTime</name>
    <message numerus="yes">
        <source>%n seconds</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hours</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n months</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n years</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::EntryActions</name>
    <message numerus="yes">
        <source>Folder for %n entries (empty: no folder):</source>
        <translation>
            <numerusform>Folder for %n entry (empty: no folder):</numerusform>
            <numerusform>Folder for %n entries (empty: no folder):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %n entries to the trash.</source>
        <translation>
            <numerusform>Moved %n entry to the trash.</numerusform>
            <numerusform>Moved %n entries to the trash.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n entries.</source>
        <translation>
            <numerusform>Restored %n entry.</numerusform>
            <numerusform>Restored %n entries.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n entries permanently.</source>
        <translation>
            <numerusform>Deleted %n entry permanently.</numerusform>
            <numerusform>Deleted %n entries permanently.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n entries permanently? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %n entry permanently? This cannot be undone.</numerusform>
            <numerusform>Delete %n entries permanently? This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::HealthDialog</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passwords</source>
        <translation>
            <numerusform>%n password</numerusform>
            <numerusform>%n passwords</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problems found in %1.</source>
        <translation>
            <numerusform>%n problem found in %1.</numerusform>
            <numerusform>%n problems found in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n groups</source>
        <translation>
            <numerusform>%n group</numerusform>
            <numerusform>%n groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>One password in %n entries</source>
        <translation>
            <numerusform>One password in %n entry</numerusform>
            <numerusform>One password in %n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Old passwords (over %n months)</source>
        <translation>
            <numerusform>Old passwords (over a month)</numerusform>
            <numerusform>Old passwords (over %n months)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::MainWindow</name>
    <message numerus="yes">
        <source>Clipboard clears in %n s</source>
        <translation>
            <numerusform>Clipboard clears in %n s</numerusform>
            <numerusform>Clipboard clears in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 copied · clipboard clears in %n s</source>
        <translation>
            <numerusform>%1 copied · clipboard clears in %n s</numerusform>
            <numerusform>%1 copied · clipboard clears in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::QuickAccessWindow</name>
    <message numerus="yes">
        <source>%n matches; keep typing to narrow them down.</source>
        <translation>
            <numerusform>%n match; keep typing to narrow it down.</numerusform>
            <numerusform>%n matches; keep typing to narrow them down.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matches.</source>
        <translation>
            <numerusform>%n match.</numerusform>
            <numerusform>%n matches.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::SidebarModel</name>
    <message numerus="yes">
        <source>%1, %n entries</source>
        <translation>
            <numerusform>%1, %n entry</numerusform>
            <numerusform>%1, %n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::SyncWatcher</name>
    <message numerus="yes">
        <source>Merged %n change(s) from another device (%1)</source>
        <translation>
            <numerusform>Merged %n change from another device (%1)</numerusform>
            <numerusform>Merged %n changes from another device (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Conflict copy merged: %n change(s) (%1)</source>
        <translation>
            <numerusform>Conflict copy merged: %n change (%1)</numerusform>
            <numerusform>Conflict copy merged: %n changes (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::TotpWidget</name>
    <message numerus="yes">
        <source>%n seconds left</source>
        <translation>
            <numerusform>%n second left</numerusform>
            <numerusform>%n seconds left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::UnlockPage</name>
    <message numerus="yes">
        <source>Too many wrong passwords: you can try again in %n second(s).</source>
        <translation>
            <numerusform>Too many wrong passwords: you can try again in %n second.</numerusform>
            <numerusform>Too many wrong passwords: you can try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
</TS>
