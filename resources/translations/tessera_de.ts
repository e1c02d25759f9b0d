<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>main</name>
    <message>
        <source>Tessera cannot use its data folder %1: %2</source>
        <translation>Tessera kann seinen Datenordner %1 nicht verwenden: %2</translation>
    </message>
    <message>
        <source>Tessera</source>
        <translation>Tessera</translation>
    </message>
</context>
<context>
    <name>tessera::EmergencyKit</name>
    <message>
        <source>Tessera Emergency Kit</source>
        <translation>Tessera-Notfall-Kit</translation>
    </message>
    <message>
        <source>Made on %1 for the vault “%2”.</source>
        <translation>Erstellt am %1 für den Tresor „%2“.</translation>
    </message>
    <message>
        <source>This vault needs two things to open: your master password and the secret key below. Print this page, write your master password in the box by hand, and keep the sheet somewhere safe, away from your computer. Then delete this PDF file.</source>
        <translation>Dieser Tresor braucht zwei Dinge zum Öffnen: Ihr Hauptpasswort und den geheimen Schlüssel unten. Drucken Sie diese Seite aus, tragen Sie Ihr Hauptpasswort von Hand in das Feld ein und bewahren Sie das Blatt an einem sicheren Ort auf, nicht bei Ihrem Computer. Löschen Sie danach diese PDF-Datei.</translation>
    </message>
    <message>
        <source>Vault name</source>
        <translation>Name des Tresors</translation>
    </message>
    <message>
        <source>Vault ID</source>
        <translation>Tresor-ID</translation>
    </message>
    <message>
        <source>Vault file (where it was when this kit was made)</source>
        <translation>Tresordatei (wo sie lag, als dieses Kit erstellt wurde)</translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation>Geheimer Schlüssel</translation>
    </message>
    <message>
        <source>Master password (write it by hand; never type it into this file)</source>
        <translation>Hauptpasswort (von Hand eintragen, nie in diese Datei tippen)</translation>
    </message>
    <message>
        <source>To open the vault on a new device: install Tessera, open the vault file (from your cloud folder or a copy of it), then type your master password and this secret key. Each device asks for the secret key once and can remember it.</source>
        <translation>So öffnen Sie den Tresor auf einem neuen Gerät: Installieren Sie Tessera, öffnen Sie die Tresordatei (aus Ihrem Cloud-Ordner oder eine Kopie davon) und geben Sie dann Ihr Hauptpasswort und diesen geheimen Schlüssel ein. Jedes Gerät fragt einmal nach dem geheimen Schlüssel und kann ihn sich merken.</translation>
    </message>
    <message>
        <source>Anyone who has this sheet, your master password and a copy of the vault file can open your vault. Without the secret key nobody can, not even you. If you turn the secret key off or make a new one, this kit no longer works: make a new kit and destroy this one.</source>
        <translation>Wer dieses Blatt, Ihr Hauptpasswort und eine Kopie der Tresordatei hat, kann Ihren Tresor öffnen. Ohne den geheimen Schlüssel kann es niemand, auch Sie nicht. Wenn Sie den geheimen Schlüssel ausschalten oder einen neuen erzeugen, funktioniert dieses Kit nicht mehr: Erstellen Sie ein neues Kit und vernichten Sie dieses.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::AttachmentFiles</name>
    <message>
        <source>No program on this desktop opens %1.</source>
        <translation>Kein Programm auf diesem Desktop öffnet %1.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>tessera::ui::AttachmentsEditor</name>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Add file…</source>
        <translation>Datei hinzufügen…</translation>
    </message>
    <message>
        <source>Add attachment from a file</source>
        <translation>Anhang aus einer Datei hinzufügen</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>Anhang entfernen</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than %2, the most an attachment can hold.</source>
        <translation>%1 ist größer als %2, das Höchstmaß für einen Anhang.</translation>
    </message>
    <message>
        <source>%1 (to be added)</source>
        <translation>%1 (wird hinzugefügt)</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
</context>
<context>
    <name>tessera::ui::BackupsDialog</name>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>Published version</source>
        <translation>Veröffentlichte Version</translation>
    </message>
    <message>
        <source>Conflict copy (from elsewhere)</source>
        <translation>Konfliktkopie (von anderswo)</translation>
    </message>
    <message>
        <source>Conflict copy &quot;%1&quot; (from elsewhere)</source>
        <translation>Konfliktkopie „%1“ (von anderswo)</translation>
    </message>
    <message>
        <source>Vault file before a rollback</source>
        <translation>Tresordatei vor einem Zurücksetzen</translation>
    </message>
    <message>
        <source>Set-aside working copy</source>
        <translation>Beiseitegelegte Arbeitskopie</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Another vault</source>
        <translation>Ein anderer Tresor</translation>
    </message>
    <message>
        <source>this device</source>
        <translation>dieses Gerät</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>&amp;Restore (merge)</source>
        <translation>&amp;Zusammenführen</translation>
    </message>
    <message>
        <source>Roll &amp;back to this version…</source>
        <translation>Auf diese Version zu&amp;rücksetzen…</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>This device keeps the last versions of the vault file it replaced, conflict copies it merged and files it set aside. Restoring merges a backup: what it holds comes back, newer edits stay. Your cloud provider&apos;s version history keeps old copies too.</source>
        <translation>Dieses Gerät behält die letzten Versionen der Tresordatei, die es ersetzt hat, die Konfliktkopien, die es zusammengeführt hat, und die Dateien, die es beiseitegelegt hat. Beim Wiederherstellen wird eine Sicherung zusammengeführt: Was sie enthält, kommt zurück, neuere Änderungen bleiben erhalten. Auch der Versionsverlauf Ihres Cloud-Anbieters bewahrt alte Kopien auf.</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Aufbewahrt</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Last edit</source>
        <translation>Letzte Änderung</translation>
    </message>
    <message>
        <source>Merge this backup into the vault: nothing newer is lost</source>
        <translation>Diese Sicherung in den Tresor zusammenführen: Nichts Neueres geht verloren</translation>
    </message>
    <message>
        <source>Replace the vault file with this backup; the current one is kept as a backup</source>
        <translation>Die Tresordatei durch diese Sicherung ersetzen; die aktuelle wird als Sicherung aufbewahrt</translation>
    </message>
    <message>
        <source>No backups yet: one is kept each time this device replaces the vault file.</source>
        <translation>Noch keine Sicherungen: Jedes Mal, wenn dieses Gerät die Tresordatei ersetzt, wird eine aufbewahrt.</translation>
    </message>
    <message>
        <source>Not restored: %1</source>
        <translation>Nicht wiederhergestellt: %1</translation>
    </message>
    <message>
        <source>Restored: the vault already had everything in this backup.</source>
        <translation>Wiederhergestellt: Der Tresor enthielt bereits alles aus dieser Sicherung.</translation>
    </message>
    <message numerus="yes">
        <source>Restored: merged %n change(s) from the backup.</source>
        <translation>
            <numerusform>Wiederhergestellt: %n Änderung aus der Sicherung zusammengeführt.</numerusform>
            <numerusform>Wiederhergestellt: %n Änderungen aus der Sicherung zusammengeführt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>The vault file and this device&apos;s copy will be REPLACED by the backup from %1. Edits made since then are set aside as backups, not merged. Other devices will report a possible rollback.

Type the master password to confirm.</source>
        <translation>Die Tresordatei und die Kopie auf diesem Gerät werden durch die Sicherung vom %1 ERSETZT. Seitdem vorgenommene Änderungen werden als Sicherungen beiseitegelegt, nicht zusammengeführt. Andere Geräte werden ein mögliches Zurücksetzen melden.

Geben Sie zur Bestätigung das Hauptpasswort ein.</translation>
    </message>
    <message>
        <source>Not rolled back: %1</source>
        <translation>Nicht zurückgesetzt: %1</translation>
    </message>
    <message>
        <source>Not rolled back: that backup is of another vault.</source>
        <translation>Nicht zurückgesetzt: Diese Sicherung gehört zu einem anderen Tresor.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ChangePasswordDialog</name>
    <message>
        <source>A &amp;new master password</source>
        <translation>Ein &amp;neues Hauptpasswort</translation>
    </message>
    <message>
        <source>Only the unlock &amp;cost (keeps the password)</source>
        <translation>Nur den Entsperr&amp;aufwand (das Passwort bleibt)</translation>
    </message>
    <message>
        <source>Change master password</source>
        <translation>Hauptpasswort ändern</translation>
    </message>
    <message>
        <source>Current master password</source>
        <translation>Aktuelles Hauptpasswort</translation>
    </message>
    <message>
        <source>New master password</source>
        <translation>Neues Hauptpasswort</translation>
    </message>
    <message>
        <source>Repeat new master password</source>
        <translation>Neues Hauptpasswort wiederholen</translation>
    </message>
    <message>
        <source>Other devices ask for a new password once. Nobody can recover a forgotten master password.</source>
        <translation>Andere Geräte fragen einmal nach dem neuen Passwort. Niemand kann ein vergessenes Hauptpasswort wiederherstellen.</translation>
    </message>
    <message>
        <source>C&amp;hange</source>
        <translation>&amp;Ändern</translation>
    </message>
    <message>
        <source>C&amp;urrent password:</source>
        <translation>A&amp;ktuelles Passwort:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>Ne&amp;ues Passwort:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>Unlock cost:</source>
        <translation>Entsperraufwand:</translation>
    </message>
    <message>
        <source>The passwords match.</source>
        <translation>Die Passwörter stimmen überein.</translation>
    </message>
    <message>
        <source>The passwords do not match.</source>
        <translation>Die Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Changing the unlock cost…</source>
        <translation>Der Entsperraufwand wird geändert…</translation>
    </message>
    <message>
        <source>Changing the master password…</source>
        <translation>Das Hauptpasswort wird geändert…</translation>
    </message>
    <message>
        <source>The current password is wrong; nothing was changed.</source>
        <translation>Das aktuelle Passwort ist falsch; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Nichts wurde geändert: %1</translation>
    </message>
</context>
<context>
    <name>tessera::ui::CrackTime</name>
    <message numerus="yes">
        <source>%n seconds</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hours</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n months</source>
        <translation>
            <numerusform>%n Monat</numerusform>
            <numerusform>%n Monate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n years</source>
        <translation>
            <numerusform>%n Jahr</numerusform>
            <numerusform>%n Jahre</numerusform>
        </translation>
    </message>
    <message>
        <source>less than a second</source>
        <translation>unter einer Sekunde</translation>
    </message>
    <message>
        <source>centuries</source>
        <translation>Jahrhunderte</translation>
    </message>
</context>
<context>
    <name>tessera::ui::CreateVaultDialog</name>
    <message>
        <source>Create a vault</source>
        <translation>Tresor anlegen</translation>
    </message>
    <message>
        <source>Documents — %1</source>
        <translation>Dokumente — %1</translation>
    </message>
    <message>
        <source>Home — %1</source>
        <translation>Persönlicher Ordner — %1</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose another folder</source>
        <translation>Einen anderen Ordner wählen</translation>
    </message>
    <message>
        <source>Vault name</source>
        <translation>Name des Tresors</translation>
    </message>
    <message>
        <source>Master password</source>
        <translation>Hauptpasswort</translation>
    </message>
    <message>
        <source>Repeat master password</source>
        <translation>Hauptpasswort wiederholen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nobody can recover a forgotten master password&lt;/b&gt; — not Tessera, not your cloud provider, not us. Without it the vault cannot be opened. Write it down and keep it somewhere safe.</source>
        <translation>&lt;b&gt;Niemand kann ein vergessenes Hauptpasswort wiederherstellen&lt;/b&gt; — nicht Tessera, nicht Ihr Cloud-Anbieter, nicht wir. Ohne es lässt sich der Tresor nicht öffnen. Schreiben Sie es auf und bewahren Sie es an einem sicheren Ort auf.</translation>
    </message>
    <message>
        <source>&amp;Create vault</source>
        <translation>Tresor &amp;anlegen</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>Vault &amp;name:</source>
        <translation>Tresor&amp;name:</translation>
    </message>
    <message>
        <source>&amp;Master password:</source>
        <translation>&amp;Hauptpasswort:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>&amp;Unlock cost:</source>
        <translation>&amp;Entsperraufwand:</translation>
    </message>
    <message>
        <source>The vault could not be created: %1</source>
        <translation>Der Tresor konnte nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>Passwords</source>
        <translation>Passwörter</translation>
    </message>
    <message>
        <source>Folder for the vault file</source>
        <translation>Ordner für die Tresordatei</translation>
    </message>
    <message>
        <source>Give the vault a name.</source>
        <translation>Geben Sie dem Tresor einen Namen.</translation>
    </message>
    <message>
        <source>%1 already exists: choose another name, or open it instead.</source>
        <translation>%1 gibt es schon: Wählen Sie einen anderen Namen oder öffnen Sie die Datei stattdessen.</translation>
    </message>
    <message>
        <source>Creates %1</source>
        <translation>Legt %1 an</translation>
    </message>
    <message>
        <source>Choose a long passphrase you can remember.</source>
        <translation>Wählen Sie eine lange Passphrase, die Sie sich merken können.</translation>
    </message>
    <message>
        <source>Type it again to be sure.</source>
        <translation>Geben Sie es zur Sicherheit noch einmal ein.</translation>
    </message>
    <message>
        <source>The passwords match.</source>
        <translation>Die Passwörter stimmen überein.</translation>
    </message>
    <message>
        <source>The passwords do not match.</source>
        <translation>Die Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be written to.</source>
        <translation>In den Ordner %1 kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Protect with a &amp;secret key</source>
        <translation>Mit geheimem &amp;Schlüssel schützen</translation>
    </message>
    <message>
        <source>Protect with a secret key</source>
        <translation>Mit geheimem Schlüssel schützen</translation>
    </message>
    <message>
        <source>Besides the master password, the vault then needs a random secret key that this device keeps and that you print on an Emergency Kit. A copy of the vault file cannot be opened by guessing the password, however weak. Every other device needs the key once.</source>
        <translation>Außer dem Hauptpasswort braucht der Tresor dann einen zufälligen geheimen Schlüssel, den dieses Gerät aufbewahrt und den Sie auf einem Notfall-Kit ausdrucken. Eine Kopie der Tresordatei lässt sich dann nicht durch Erraten des Passworts öffnen, wie schwach es auch ist. Jedes andere Gerät braucht den Schlüssel einmal.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::CustomFieldsEditor</name>
    <message>
        <source>No custom fields.</source>
        <translation>Keine eigenen Felder.</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>Feld hinzufügen</translation>
    </message>
    <message>
        <source>Add custom field</source>
        <translation>Eigenes Feld hinzufügen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Field name</source>
        <translation>Feldname</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Field value</source>
        <translation>Feldwert</translation>
    </message>
    <message>
        <source>Protected</source>
        <translation>Geschützt</translation>
    </message>
    <message>
        <source>Field is protected</source>
        <translation>Feld ist geschützt</translation>
    </message>
    <message>
        <source>Masked in the details pane and copied as a secret</source>
        <translation>In der Detailansicht verdeckt und als Geheimnis kopiert</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove field</source>
        <translation>Feld entfernen</translation>
    </message>
    <message>
        <source>Every custom field needs a name.</source>
        <translation>Jedes eigene Feld braucht einen Namen.</translation>
    </message>
    <message>
        <source>There are two custom fields named &quot;%1&quot;.</source>
        <translation>Es gibt zwei eigene Felder namens „%1“.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::DetailsPane</name>
    <message>
        <source>Select an entry to see its details.</source>
        <translation>Wählen Sie einen Eintrag aus, um seine Details zu sehen.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Edit entry</source>
        <translation>Eintrag bearbeiten</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy username</source>
        <translation>Benutzername kopieren</translation>
    </message>
    <message>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Einmalcode</translation>
    </message>
    <message>
        <source>URLs</source>
        <translation>URLs</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Show notes</source>
        <translation>Notizen anzeigen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Created and modified</source>
        <translation>Angelegt und geändert</translation>
    </message>
    <message>
        <source>Hide notes</source>
        <translation>Notizen ausblenden</translation>
    </message>
    <message>
        <source>%1 (expired)</source>
        <translation>%1 (abgelaufen)</translation>
    </message>
    <message>
        <source>Created %1
Modified %2</source>
        <translation>Angelegt am %1
Geändert am %2</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
    <message>
        <source>The desktop could not open %1.</source>
        <translation>Der Desktop konnte %1 nicht öffnen.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Save %1 as…</source>
        <translation>%1 speichern unter…</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Anhang speichern</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>Der Tresor ist gesperrt.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::EntryActions</name>
    <message>
        <source>Delete permanently</source>
        <translation>Endgültig löschen</translation>
    </message>
    <message>
        <source>Copy &amp;username</source>
        <translation>&amp;Benutzername kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;password</source>
        <translation>&amp;Passwort kopieren</translation>
    </message>
    <message>
        <source>Copy U&amp;RL</source>
        <translation>&amp;URL kopieren</translation>
    </message>
    <message>
        <source>&amp;Open URL</source>
        <translation>URL ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Copy one-time &amp;code</source>
        <translation>Einmal&amp;code kopieren</translation>
    </message>
    <message>
        <source>&amp;Edit entry…</source>
        <translation>Eintrag be&amp;arbeiten…</translation>
    </message>
    <message>
        <source>&amp;New entry…</source>
        <translation>&amp;Neuer Eintrag…</translation>
    </message>
    <message>
        <source>Move to &amp;trash</source>
        <translation>In den Papier&amp;korb verschieben</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Delete permanently…</source>
        <translation>&amp;Endgültig löschen…</translation>
    </message>
    <message>
        <source>&amp;Move to folder…</source>
        <translation>In &amp;Ordner verschieben…</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>Moved %n entries to the trash.</source>
        <translation>
            <numerusform>%n Eintrag in den Papierkorb verschoben.</numerusform>
            <numerusform>%n Einträge in den Papierkorb verschoben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n entries.</source>
        <translation>
            <numerusform>%n Eintrag wiederhergestellt.</numerusform>
            <numerusform>%n Einträge wiederhergestellt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete this entry permanently? This cannot be undone.</source>
        <translation>Diesen Eintrag endgültig löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n entries permanently.</source>
        <translation>
            <numerusform>%n Eintrag endgültig gelöscht.</numerusform>
            <numerusform>%n Einträge endgültig gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Move to folder</source>
        <translation>In Ordner verschieben</translation>
    </message>
    <message numerus="yes">
        <source>Folder for %n entries (empty: no folder):</source>
        <translation>
            <numerusform>Ordner für %n Eintrag (leer: kein Ordner):</numerusform>
            <numerusform>Ordner für %n Einträge (leer: kein Ordner):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n entries permanently? This cannot be undone.</source>
        <translation>
            <numerusform>%n Eintrag endgültig löschen? Das lässt sich nicht rückgängig machen.</numerusform>
            <numerusform>%n Einträge endgültig löschen? Das lässt sich nicht rückgängig machen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::EntryClipboard</name>
    <message>
        <source>This entry has no username.</source>
        <translation>Dieser Eintrag hat keinen Benutzernamen.</translation>
    </message>
    <message>
        <source>username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>This entry has no password.</source>
        <translation>Dieser Eintrag hat kein Passwort.</translation>
    </message>
    <message>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>This entry has no URL.</source>
        <translation>Dieser Eintrag hat keine URL.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>This entry has no one-time code.</source>
        <translation>Dieser Eintrag hat keinen Einmalcode.</translation>
    </message>
    <message>
        <source>HOTP counters are not advanced by the desktop app; use tessera-cli totp.</source>
        <translation>Die Desktop-App zählt HOTP-Zähler nicht weiter; verwenden Sie tessera-cli totp.</translation>
    </message>
    <message>
        <source>one-time code</source>
        <translation>Einmalcode</translation>
    </message>
    <message>
        <source>The desktop could not open %1.</source>
        <translation>Der Desktop konnte %1 nicht öffnen.</translation>
    </message>
    <message>
        <source>No entry is selected.</source>
        <translation>Kein Eintrag ist ausgewählt.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::EntryEditor</name>
    <message>
        <source>New entry</source>
        <translation>Neuer Eintrag</translation>
    </message>
    <message>
        <source>Edit entry</source>
        <translation>Eintrag bearbeiten</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Fields and files</source>
        <translation>Felder und Dateien</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Erforderlich</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show or hide the password</source>
        <translation>Passwort anzeigen oder verbergen</translation>
    </message>
    <message>
        <source>Show password</source>
        <translation>Passwort anzeigen</translation>
    </message>
    <message>
        <source>Generate…</source>
        <translation>Erzeugen…</translation>
    </message>
    <message>
        <source>Generate a password</source>
        <translation>Ein Passwort erzeugen</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Passwort</translation>
    </message>
    <message>
        <source>Password strength</source>
        <translation>Passwortstärke</translation>
    </message>
    <message>
        <source>URLs</source>
        <translation>URLs</translation>
    </message>
    <message>
        <source>Add URL</source>
        <translation>URL hinzufügen</translation>
    </message>
    <message>
        <source>Remove URL</source>
        <translation>URL entfernen</translation>
    </message>
    <message>
        <source>U&amp;RLs</source>
        <translation>&amp;URLs</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Separated by commas</source>
        <translation>Durch Kommas getrennt</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>T&amp;ags</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>None (&quot;Work/Email&quot; makes a subfolder)</source>
        <translation>Keiner („Arbeit/E-Mail“ ergibt einen Unterordner)</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>&amp;Ordner</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>Favorit</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Läuft ab am</translation>
    </message>
    <message>
        <source>Entry expires</source>
        <translation>Eintrag läuft ab</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Ablaufdatum</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>One-time code secret</source>
        <translation>Geheimnis des Einmalcodes</translation>
    </message>
    <message>
        <source>Base32 secret or otpauth:// URI</source>
        <translation>Base32-Geheimnis oder otpauth://-URI</translation>
    </message>
    <message>
        <source>&amp;One-time code</source>
        <translation>&amp;Einmalcode</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notizen</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>Eigene Felder</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>Der Tresor ist gesperrt.</translation>
    </message>
    <message>
        <source>A title is required.</source>
        <translation>Ein Titel ist erforderlich.</translation>
    </message>
    <message>
        <source>One-time code: %1</source>
        <translation>Einmalcode: %1</translation>
    </message>
    <message>
        <source>Saved, but an attachment failed: %1</source>
        <translation>Gespeichert, aber ein Anhang ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>tessera::ui::EntryModel</name>
    <message>
        <source>%1 (favourite)</source>
        <translation>%1 (Favorit)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ExportDialog</name>
    <message>
        <source>Tessera vault (encrypted, new password)</source>
        <translation>Tessera-Tresor (verschlüsselt, neues Passwort)</translation>
    </message>
    <message>
        <source>KeePass 2 XML (KeePassXC, KeePass)</source>
        <translation>KeePass 2 XML (KeePassXC, KeePass)</translation>
    </message>
    <message>
        <source>KeePassXC CSV</source>
        <translation>KeePassXC CSV</translation>
    </message>
    <message>
        <source>Bitwarden JSON</source>
        <translation>Bitwarden JSON</translation>
    </message>
    <message>
        <source>CSV (every field)</source>
        <translation>CSV (alle Felder)</translation>
    </message>
    <message>
        <source>I understand that this file holds every password UNENCRYPTED: anyone who gets it can read them all.</source>
        <translation>Mir ist klar, dass diese Datei alle Passwörter UNVERSCHLÜSSELT enthält: Wer sie bekommt, kann sie alle lesen.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>Exportformat</translation>
    </message>
    <message>
        <source>Export file</source>
        <translation>Exportdatei</translation>
    </message>
    <message>
        <source>New vault&apos;s master password</source>
        <translation>Hauptpasswort des neuen Tresors</translation>
    </message>
    <message>
        <source>Repeat the new vault&apos;s master password</source>
        <translation>Hauptpasswort des neuen Tresors wiederholen</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Auswählen…</translation>
    </message>
    <message>
        <source>&amp;New master password:</source>
        <translation>&amp;Neues Hauptpasswort:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Tessera vaults (*.tessera)</source>
        <translation>Tessera-Tresore (*.tessera)</translation>
    </message>
    <message>
        <source>XML (*.xml)</source>
        <translation>XML (*.xml)</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportieren nach</translation>
    </message>
    <message>
        <source>%1 already exists; choose it with Choose… to replace it</source>
        <translation>%1 gibt es schon; wählen Sie die Datei mit „Auswählen…“, um sie zu ersetzen</translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation>Nichts wurde exportiert: %1</translation>
    </message>
    <message>
        <source>Exported. Not in the file, because the format cannot hold it:
%1</source>
        <translation>Exportiert. Nicht in der Datei, weil das Format es nicht aufnehmen kann:
%1</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
</context>
<context>
    <name>tessera::ui::GeneratorDialog</name>
    <message>
        <source>Generate password</source>
        <translation>Passwort erzeugen</translation>
    </message>
    <message>
        <source>&amp;Characters</source>
        <translation>&amp;Zeichen</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <source>&amp;Regenerate</source>
        <translation>&amp;Neu erzeugen</translation>
    </message>
    <message>
        <source>Draw a new password with the same settings (F5)</source>
        <translation>Ein neues Passwort mit denselben Einstellungen ziehen (F5)</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the password; the clipboard is cleared after a while</source>
        <translation>Das Passwort kopieren; die Zwischenablage wird nach einer Weile geleert</translation>
    </message>
    <message>
        <source>&amp;Use</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>&amp;Länge:</translation>
    </message>
    <message>
        <source>A–Z</source>
        <translation>A–Z</translation>
    </message>
    <message>
        <source>Upper-case letters</source>
        <translation>Großbuchstaben</translation>
    </message>
    <message>
        <source>a–z</source>
        <translation>a–z</translation>
    </message>
    <message>
        <source>Lower-case letters</source>
        <translation>Kleinbuchstaben</translation>
    </message>
    <message>
        <source>0–9</source>
        <translation>0–9</translation>
    </message>
    <message>
        <source>Digits</source>
        <translation>Ziffern</translation>
    </message>
    <message>
        <source>!@#$%…</source>
        <translation>!@#$%…</translation>
    </message>
    <message>
        <source>Symbols</source>
        <translation>Sonderzeichen</translation>
    </message>
    <message>
        <source>Use:</source>
        <translation>Verwenden:</translation>
    </message>
    <message>
        <source>extra characters, e.g. _-.</source>
        <translation>weitere Zeichen, z. B. _-.</translation>
    </message>
    <message>
        <source>Extra characters to draw from (printable ASCII other than space); at least one of them is in every password</source>
        <translation>Weitere Zeichen zur Auswahl (druckbares ASCII außer dem Leerzeichen); mindestens eines davon steht in jedem Passwort</translation>
    </message>
    <message>
        <source>Also &amp;use:</source>
        <translation>Auch &amp;verwenden:</translation>
    </message>
    <message>
        <source>&amp;Exclude look-alikes (0 O o 1 I l | ` &apos;)</source>
        <translation>Ähnlich aussehende &amp;ausschließen (0 O o 1 I l | ` &apos;)</translation>
    </message>
    <message>
        <source>&amp;Words:</source>
        <translation>&amp;Wörter:</translation>
    </message>
    <message>
        <source>Up to %1 characters, no letters; empty only with capitals at the start of each word</source>
        <translation>Bis zu %1 Zeichen, keine Buchstaben; leer nur mit Großbuchstaben am Anfang jedes Wortes</translation>
    </message>
    <message>
        <source>&amp;Separator:</source>
        <translation>&amp;Trennzeichen:</translation>
    </message>
    <message>
        <source>none (correct-horse)</source>
        <translation>keine (correct-horse)</translation>
    </message>
    <message>
        <source>first letter (Correct-Horse)</source>
        <translation>erster Buchstabe (Correct-Horse)</translation>
    </message>
    <message>
        <source>all (CORRECT-HORSE)</source>
        <translation>alle (CORRECT-HORSE)</translation>
    </message>
    <message>
        <source>&amp;Capitals:</source>
        <translation>&amp;Großbuchstaben:</translation>
    </message>
    <message>
        <source>Add a &amp;digit to one word</source>
        <translation>Einem Wort eine Zi&amp;ffer anfügen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%1 bits of entropy</source>
        <translation>%1 Bit Entropie</translation>
    </message>
    <message>
        <source>%1 characters, %2</source>
        <translation>%1 Zeichen, %2</translation>
    </message>
    <message>
        <source>Every password these settings can give is equally likely: log2 of how many there are</source>
        <translation>Jedes Passwort, das diese Einstellungen ergeben können, ist gleich wahrscheinlich: log2 ihrer Anzahl</translation>
    </message>
    <message>
        <source>generated password</source>
        <translation>erzeugtes Passwort</translation>
    </message>
</context>
<context>
    <name>tessera::ui::HealthDialog</name>
    <message>
        <source>Password health</source>
        <translation>Passwortprüfung</translation>
    </message>
    <message>
        <source>Old after</source>
        <translation>Alt nach</translation>
    </message>
    <message>
        <source> months</source>
        <translation> Monaten</translation>
    </message>
    <message>
        <source>Passwords are old after this many months</source>
        <translation>Passwörter gelten nach so vielen Monaten als alt</translation>
    </message>
    <message>
        <source>Pwned Passwords file…</source>
        <translation>Pwned-Passwords…</translation>
    </message>
    <message>
        <source>A copy of Have I Been Pwned&apos;s password list (SHA-1, ordered by hash) you downloaded; it is searched offline, nothing is sent</source>
        <translation>Eine heruntergeladene Kopie der Passwortliste von Have I Been Pwned (SHA-1, nach Hash sortiert); sie wird offline durchsucht, nichts wird gesendet</translation>
    </message>
    <message>
        <source>No file</source>
        <translation>Keine Datei</translation>
    </message>
    <message>
        <source>Skip the breach check</source>
        <translation>Datenleck-Prüfung überspringen</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Prüfung läuft</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Health findings</source>
        <translation>Ergebnisse der Prüfung</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Erneut prüfen</translation>
    </message>
    <message>
        <source>breach check off</source>
        <translation>Leckprüfung aus</translation>
    </message>
    <message>
        <source>Choose a Pwned Passwords file</source>
        <translation>Eine Pwned-Passwords-Datei wählen</translation>
    </message>
    <message>
        <source>Pwned Passwords (SHA-1) (*.txt);;All files (*)</source>
        <translation>Pwned Passwords (SHA-1) (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>Der Tresor ist gesperrt.</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>Wird geprüft: %1…</translation>
    </message>
    <message>
        <source>The check failed: %1</source>
        <translation>Die Prüfung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No problems found in %1.</source>
        <translation>Keine Probleme in %1 gefunden.</translation>
    </message>
    <message>
        <source>Checked %1.</source>
        <translation>Geprüft: %1.</translation>
    </message>
    <message>
        <source>Weak passwords</source>
        <translation>Schwache Passwörter</translation>
    </message>
    <message>
        <source>score %1 of 4, cracked in %2</source>
        <translation>Stärke %1/4 · %2 zum Knacken</translation>
    </message>
    <message>
        <source>Reused passwords</source>
        <translation>Mehrfach verwendete Passwörter</translation>
    </message>
    <message>
        <source>same password as the others here</source>
        <translation>dasselbe Passwort wie die anderen hier</translation>
    </message>
    <message>
        <source>set %1</source>
        <translation>gesetzt am %1</translation>
    </message>
    <message>
        <source>Expired entries</source>
        <translation>Abgelaufene Einträge</translation>
    </message>
    <message>
        <source>expired %1</source>
        <translation>abgelaufen am %1</translation>
    </message>
    <message>
        <source>Found in data breaches</source>
        <translation>In Datenlecks gefunden</translation>
    </message>
    <message>
        <source>not checked: choose a Pwned Passwords file</source>
        <translation>nicht geprüft (keine Pwned-Passwords-Datei)</translation>
    </message>
    <message>
        <source>seen once in breaches</source>
        <translation>einmal in Datenlecks gesehen</translation>
    </message>
    <message>
        <source>seen %1 times in breaches</source>
        <translation>%1-mal in Datenlecks gesehen</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passwords</source>
        <translation>
            <numerusform>%n Passwort</numerusform>
            <numerusform>%n Passwörtern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problems found in %1.</source>
        <translation>
            <numerusform>%n Problem in %1 gefunden.</numerusform>
            <numerusform>%n Probleme in %1 gefunden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n groups</source>
        <translation>
            <numerusform>%n Gruppe</numerusform>
            <numerusform>%n Gruppen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>One password in %n entries</source>
        <translation>
            <numerusform>Ein Passwort in %n Eintrag</numerusform>
            <numerusform>Ein Passwort in %n Einträgen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Old passwords (over %n months)</source>
        <translation>
            <numerusform>Alte Passwörter (über einen Monat)</numerusform>
            <numerusform>Alte Passwörter (über %n Monate)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::HistoryView</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>One-time code secret</source>
        <translation>Geheimnis des Einmalcodes</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Show value</source>
        <translation>Wert anzeigen</translation>
    </message>
    <message>
        <source>Use this password</source>
        <translation>Dieses Passwort verwenden</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Ersetzt</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Entry history</source>
        <translation>Verlauf des Eintrags</translation>
    </message>
    <message>
        <source>Show the selected value</source>
        <translation>Den ausgewählten Wert anzeigen</translation>
    </message>
    <message>
        <source>Put the selected old password into the password field</source>
        <translation>Das ausgewählte alte Passwort in das Passwortfeld übernehmen</translation>
    </message>
    <message>
        <source>Puts this old password into the password field; it is saved with the entry.</source>
        <translation>Übernimmt dieses alte Passwort in das Passwortfeld; es wird mit dem Eintrag gespeichert.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
</context>
<context>
    <name>tessera::ui::ImportWizard</name>
    <message>
        <source>KeePassXC (CSV)</source>
        <translation>KeePassXC (CSV)</translation>
    </message>
    <message>
        <source>KeePass 2 / KeePassXC (XML)</source>
        <translation>KeePass 2 / KeePassXC (XML)</translation>
    </message>
    <message>
        <source>Bitwarden (JSON, not encrypted)</source>
        <translation>Bitwarden (JSON, unverschlüsselt)</translation>
    </message>
    <message>
        <source>Bitwarden (CSV)</source>
        <translation>Bitwarden (CSV)</translation>
    </message>
    <message>
        <source>1Password (CSV)</source>
        <translation>1Password (CSV)</translation>
    </message>
    <message>
        <source>Chrome, Chromium, Edge (CSV)</source>
        <translation>Chrome, Chromium, Edge (CSV)</translation>
    </message>
    <message>
        <source>Firefox (CSV)</source>
        <translation>Firefox (CSV)</translation>
    </message>
    <message>
        <source>Other CSV (choose the columns)</source>
        <translation>Andere CSV (Spalten wählen)</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Format of the export</source>
        <translation>Format des Exports</translation>
    </message>
    <message>
        <source>Export file</source>
        <translation>Exportdatei</translation>
    </message>
    <message>
        <source>The file the other password manager exported</source>
        <translation>Die Datei, die der andere Passwortmanager exportiert hat</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Auswählen…</translation>
    </message>
    <message>
        <source>Column for %1</source>
        <translation>Spalte für %1</translation>
    </message>
    <message>
        <source>Columns not chosen here become custom fields.</source>
        <translation>Hier nicht gewählte Spalten werden zu eigenen Feldern.</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>An export file holds every password unencrypted: delete it once the import is done.</source>
        <translation>Eine Exportdatei enthält alle Passwörter unverschlüsselt: Löschen Sie sie, sobald der Import fertig ist.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>In der Datei</translation>
    </message>
    <message>
        <source>What will be imported</source>
        <translation>Was importiert wird</translation>
    </message>
    <message>
        <source>Skipped records and warnings</source>
        <translation>Übersprungene Datensätze und Warnungen</translation>
    </message>
    <message>
        <source>Choose the export file</source>
        <translation>Die Exportdatei wählen</translation>
    </message>
    <message>
        <source>Exports (*.csv *.xml *.json);;All files (*)</source>
        <translation>Exporte (*.csv *.xml *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Choose the export file first.</source>
        <translation>Wählen Sie zuerst die Exportdatei.</translation>
    </message>
    <message>
        <source>Choose at least the column that holds the titles.</source>
        <translation>Wählen Sie mindestens die Spalte mit den Titeln.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Update (old password kept)</source>
        <translation>Aktualisieren (altes Passwort bleibt)</translation>
    </message>
    <message>
        <source>Duplicate (left alone)</source>
        <translation>Duplikat (unverändert)</translation>
    </message>
    <message>
        <source>%1 new, %2 updated, %3 duplicates left alone, %4 skipped.</source>
        <translation>Neu: %1, aktualisiert: %2, unveränderte Duplikate: %3, übersprungen: %4.</translation>
    </message>
    <message>
        <source>Skipped %1: %2</source>
        <translation>%1 übersprungen: %2</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Nichts wurde importiert: %1</translation>
    </message>
</context>
<context>
    <name>tessera::ui::KdfPresetBox</name>
    <message>
        <source>Faster (64 MiB)</source>
        <translation>Schneller (64 MiB)</translation>
    </message>
    <message>
        <source>Standard (256 MiB)</source>
        <translation>Standard (256 MiB)</translation>
    </message>
    <message>
        <source>Stronger (1 GiB)</source>
        <translation>Stärker (1 GiB)</translation>
    </message>
    <message>
        <source>Key derivation strength</source>
        <translation>Stärke der Schlüsselableitung</translation>
    </message>
    <message>
        <source>Needs more memory than this computer has</source>
        <translation>Braucht mehr Speicher, als dieser Computer hat</translation>
    </message>
    <message>
        <source>Keep the current settings</source>
        <translation>Aktuelle Einstellungen beibehalten</translation>
    </message>
    <message>
        <source>Fixed key derivation parameters (%1 iterations, %2 KiB)</source>
        <translation>Feste Parameter der Schlüsselableitung (%1 Durchläufe, %2 KiB)</translation>
    </message>
    <message>
        <source>Unlocking stays as it is.</source>
        <translation>Das Entsperren bleibt, wie es ist.</translation>
    </message>
    <message>
        <source>Measuring how long unlocking takes on this computer…</source>
        <translation>Es wird gemessen, wie lange das Entsperren auf diesem Computer dauert…</translation>
    </message>
    <message>
        <source>Unlocking takes about %1 s on this computer (%2 iterations).</source>
        <translation>Das Entsperren dauert auf diesem Computer etwa %1 s (%2 Durchläufe).</translation>
    </message>
    <message>
        <source>Not available here: %1</source>
        <translation>Hier nicht verfügbar: %1</translation>
    </message>
</context>
<context>
    <name>tessera::ui::MainWindow</name>
    <message>
        <source>Clipboard</source>
        <translation>Zwischenablage</translation>
    </message>
    <message>
        <source>Not saved to the vault file: %1</source>
        <translation>Nicht in der Tresordatei gespeichert: %1</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Saved to the vault file.</source>
        <translation>In der Tresordatei gespeichert.</translation>
    </message>
    <message>
        <source>&amp;Vault</source>
        <translation>&amp;Tresor</translation>
    </message>
    <message>
        <source>&amp;New vault…</source>
        <translation>&amp;Neuer Tresor…</translation>
    </message>
    <message>
        <source>&amp;Open vault…</source>
        <translation>Tresor ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <source>&amp;Change master password…</source>
        <translation>&amp;Hauptpasswort ändern…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Entry</source>
        <translation>&amp;Eintrag</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;Generate password…</source>
        <translation>Passwort &amp;generieren…</translation>
    </message>
    <message>
        <source>Password &amp;health…</source>
        <translation>&amp;Passwortprüfung…</translation>
    </message>
    <message>
        <source>&amp;Quick access</source>
        <translation>&amp;Schnellzugriff</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Tessera</source>
        <translation>Ü&amp;ber Tessera</translation>
    </message>
    <message>
        <source>There is no vault file at %1.</source>
        <translation>Unter %1 gibt es keine Tresordatei.</translation>
    </message>
    <message>
        <source>Locked.</source>
        <translation>Gesperrt.</translation>
    </message>
    <message numerus="yes">
        <source>Clipboard clears in %n s</source>
        <translation>
            <numerusform>Zwischenablage wird in %n s geleert</numerusform>
            <numerusform>Zwischenablage wird in %n s geleert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 copied · clipboard clears in %n s</source>
        <translation>
            <numerusform>%1 kopiert · Zwischenablage wird in %n s geleert</numerusform>
            <numerusform>%1 kopiert · Zwischenablage wird in %n s geleert</numerusform>
        </translation>
    </message>
    <message>
        <source>Tessera</source>
        <translation>Tessera</translation>
    </message>
    <message>
        <source>%1 — Tessera</source>
        <translation>%1 — Tessera</translation>
    </message>
    <message>
        <source>Open a vault file</source>
        <translation>Eine Tresordatei öffnen</translation>
    </message>
    <message>
        <source>Tessera vaults (*.tessera);;All files (*)</source>
        <translation>Tessera-Tresore (*.tessera);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Master password changed.</source>
        <translation>Hauptpasswort geändert.</translation>
    </message>
    <message>
        <source>About Tessera</source>
        <translation>Über Tessera</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tessera %1&lt;/h3&gt;&lt;p&gt;A zero-knowledge password manager: your vault is one encrypted file, and everything is encrypted on this computer before it touches the disk.&lt;/p&gt;&lt;p&gt;Argon2id and XChaCha20-Poly1305 (libsodium), SQLCipher, Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tessera %1&lt;/h3&gt;&lt;p&gt;Ein Zero-Knowledge-Passwortmanager: Ihr Tresor ist eine einzige verschlüsselte Datei, und alles wird auf diesem Computer verschlüsselt, bevor es auf die Festplatte gelangt.&lt;/p&gt;&lt;p&gt;Argon2id und XChaCha20-Poly1305 (libsodium), SQLCipher, Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 (locked)</source>
        <translation>%1 (gesperrt)</translation>
    </message>
    <message>
        <source>Secret &amp;key…</source>
        <translation>&amp;Geheimer Schlüssel…</translation>
    </message>
</context>
<context>
    <name>tessera::ui::PasswordPreview</name>
    <message>
        <source>Generated password</source>
        <translation>Erzeugtes Passwort</translation>
    </message>
</context>
<context>
    <name>tessera::ui::QrCode</name>
    <message>
        <source>there is nothing to show as a QR code</source>
        <translation>es gibt nichts, was als QR-Code angezeigt werden könnte</translation>
    </message>
    <message>
        <source>a QR module needs at least one pixel</source>
        <translation>ein QR-Modul braucht mindestens ein Pixel</translation>
    </message>
    <message>
        <source>the text is too long for a QR code</source>
        <translation>der Text ist zu lang für einen QR-Code</translation>
    </message>
    <message>
        <source>libqrencode could not encode the text: %1</source>
        <translation>libqrencode konnte den Text nicht kodieren: %1</translation>
    </message>
</context>
<context>
    <name>tessera::ui::QrCodeDialog</name>
    <message>
        <source>Two-factor QR code</source>
        <translation>QR-Code für die Zwei-Faktor-Anmeldung</translation>
    </message>
    <message>
        <source>Scan with your authenticator app</source>
        <translation>Mit Ihrer Authenticator-App scannen</translation>
    </message>
    <message>
        <source>Scan with your authenticator app: %1</source>
        <translation>Mit Ihrer Authenticator-App scannen: %1</translation>
    </message>
    <message>
        <source>QR code of the two-factor secret</source>
        <translation>QR-Code des Zwei-Faktor-Geheimnisses</translation>
    </message>
    <message>
        <source>Cannot show a QR code: %1</source>
        <translation>Der QR-Code kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>Anyone who sees this code — in person, on a screen share or in a screenshot — can copy your two-factor login to their own device. Close this window as soon as your phone has scanned it.</source>
        <translation>Wer diesen Code sieht — persönlich, bei einer Bildschirmfreigabe oder auf einem Bildschirmfoto —, kann Ihre Zwei-Faktor-Anmeldung auf sein eigenes Gerät kopieren. Schließen Sie dieses Fenster, sobald Ihr Telefon ihn gescannt hat.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::QuickAccessWindow</name>
    <message>
        <source>Tessera quick access</source>
        <translation>Tessera-Schnellzugriff</translation>
    </message>
    <message>
        <source>Search, then Enter: password, Shift+Enter: username</source>
        <translation>Suchen, dann Eingabe: Passwort, Umschalt+Eingabe: Benutzername</translation>
    </message>
    <message>
        <source>Quick search</source>
        <translation>Schnellsuche</translation>
    </message>
    <message>
        <source>Matching entries</source>
        <translation>Passende Einträge</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>Der Tresor ist gesperrt.</translation>
    </message>
    <message>
        <source>No entries yet.</source>
        <translation>Noch keine Einträge.</translation>
    </message>
    <message>
        <source>No matches.</source>
        <translation>Keine Treffer.</translation>
    </message>
    <message numerus="yes">
        <source>%n matches; keep typing to narrow them down.</source>
        <translation>
            <numerusform>%n Treffer; tippen Sie weiter, um einzugrenzen.</numerusform>
            <numerusform>%n Treffer; tippen Sie weiter, um sie einzugrenzen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matches.</source>
        <translation>
            <numerusform>%n Treffer.</numerusform>
            <numerusform>%n Treffer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::SecretKeyDialog</name>
    <message>
        <source>&amp;Save Emergency Kit…</source>
        <translation>Notfall-Kit &amp;speichern…</translation>
    </message>
    <message>
        <source>Your secret key</source>
        <translation>Ihr geheimer Schlüssel</translation>
    </message>
    <message>
        <source>The vault “%1” now opens only with your master password &lt;b&gt;and&lt;/b&gt; this secret key. This device keeps the key; every other device asks for it once.</source>
        <translation>Der Tresor „%1“ öffnet sich jetzt nur noch mit Ihrem Hauptpasswort &lt;b&gt;und&lt;/b&gt; diesem geheimen Schlüssel. Dieses Gerät bewahrt den Schlüssel auf; jedes andere Gerät fragt einmal danach.</translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation>Geheimer Schlüssel</translation>
    </message>
    <message>
        <source>&lt;b&gt;Save the Emergency Kit now and print it.&lt;/b&gt; It holds this key and a box for your master password, to be written by hand. Without the key nobody can open the vault on a new device, not even you. This is the only time the key is shown.</source>
        <translation>&lt;b&gt;Speichern Sie das Notfall-Kit jetzt und drucken Sie es aus.&lt;/b&gt; Es enthält diesen Schlüssel und ein Feld für Ihr Hauptpasswort, das Sie von Hand eintragen. Ohne den Schlüssel kann niemand den Tresor auf einem neuen Gerät öffnen, auch Sie nicht. Der Schlüssel wird nur dieses eine Mal angezeigt.</translation>
    </message>
    <message>
        <source>Saved the Emergency Kit to %1. Print it, then delete the file.</source>
        <translation>Notfall-Kit unter %1 gespeichert. Drucken Sie es aus und löschen Sie dann die Datei.</translation>
    </message>
    <message>
        <source>The Emergency Kit could not be saved: %1</source>
        <translation>Das Notfall-Kit konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>%1 Emergency Kit.pdf</source>
        <translation>%1 Notfall-Kit.pdf</translation>
    </message>
    <message>
        <source>Save Emergency Kit</source>
        <translation>Notfall-Kit speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
</context>
<context>
    <name>tessera::ui::SecretKeySettingsDialog</name>
    <message>
        <source>Turn &amp;off</source>
        <translation>&amp;Ausschalten</translation>
    </message>
    <message>
        <source>&amp;Save Emergency Kit…</source>
        <translation>Notfall-Kit &amp;speichern…</translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation>Geheimer Schlüssel</translation>
    </message>
    <message>
        <source>A secret key is 128 random bits needed besides the master password. A copy of the vault file (from the cloud, a backup, a stolen laptop) then cannot be opened by guessing the password, however weak it is. Each device keeps the key once it has been typed; it is printed on the Emergency Kit for new devices.</source>
        <translation>Ein geheimer Schlüssel besteht aus 128 Zufallsbits, die außer dem Hauptpasswort nötig sind. Eine Kopie der Tresordatei (aus der Cloud, einer Sicherung, von einem gestohlenen Laptop) lässt sich dann nicht durch Erraten des Passworts öffnen, wie schwach es auch ist. Jedes Gerät bewahrt den Schlüssel auf, sobald er einmal eingegeben wurde; für neue Geräte steht er auf dem Notfall-Kit.</translation>
    </message>
    <message>
        <source>Master password</source>
        <translation>Hauptpasswort</translation>
    </message>
    <message>
        <source>Master &amp;password:</source>
        <translation>Haupt&amp;passwort:</translation>
    </message>
    <message>
        <source>&lt;b&gt;This vault has a secret key.&lt;/b&gt; It opens only with the master password and the key. Turning the key off or making a new one changes the vault&apos;s keys: other devices need the new state once and old Emergency Kits stop working.</source>
        <translation>&lt;b&gt;Dieser Tresor hat einen geheimen Schlüssel.&lt;/b&gt; Er öffnet sich nur mit dem Hauptpasswort und dem Schlüssel. Den Schlüssel auszuschalten oder einen neuen zu erzeugen ändert die Schlüssel des Tresors: Andere Geräte brauchen den neuen Stand einmal, und alte Notfall-Kits funktionieren nicht mehr.</translation>
    </message>
    <message>
        <source>&lt;b&gt;This vault has no secret key.&lt;/b&gt; The master password alone opens it.</source>
        <translation>&lt;b&gt;Dieser Tresor hat keinen geheimen Schlüssel.&lt;/b&gt; Das Hauptpasswort allein öffnet ihn.</translation>
    </message>
    <message>
        <source>Make a &amp;new key</source>
        <translation>&amp;Neuen Schlüssel erzeugen</translation>
    </message>
    <message>
        <source>Turn &amp;on</source>
        <translation>&amp;Einschalten</translation>
    </message>
    <message>
        <source>Type the master password first.</source>
        <translation>Geben Sie zuerst das Hauptpasswort ein.</translation>
    </message>
    <message>
        <source>Wrong master password: nothing was changed.</source>
        <translation>Falsches Hauptpasswort: Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The secret key could not be turned on: %1</source>
        <translation>Der geheime Schlüssel konnte nicht eingeschaltet werden: %1</translation>
    </message>
    <message>
        <source>Wrong master password or secret key: nothing was changed.</source>
        <translation>Falsches Hauptpasswort oder falscher geheimer Schlüssel: Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The secret key could not be turned off: %1</source>
        <translation>Der geheime Schlüssel konnte nicht ausgeschaltet werden: %1</translation>
    </message>
</context>
<context>
    <name>tessera::ui::SecretLabel</name>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show or hide the %1</source>
        <translation>%1 anzeigen oder verbergen</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1 anzeigen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the %1</source>
        <translation>%1 kopieren</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
</context>
<context>
    <name>tessera::ui::SecurePasswordEdit</name>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>&amp;Leeren</translation>
    </message>
</context>
<context>
    <name>tessera::ui::SettingsDialog</name>
    <message>
        <source>Lock when the window is &amp;minimised</source>
        <translation>Sperren, wenn das Fenster &amp;minimiert wird</translation>
    </message>
    <message>
        <source>Lock when the &amp;screen locks or the computer sleeps</source>
        <translation>Sperren bei &amp;Bildschirmsperre oder Ruhezustand</translation>
    </message>
    <message>
        <source>Start minimised to the &amp;tray</source>
        <translation>Minimiert im &amp;Infobereich starten</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Clear the clipboard after, in seconds</source>
        <translation>Zwischenablage leeren nach, in Sekunden</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Sperren nach Minuten ohne Aktivität</translation>
    </message>
    <message>
        <source>This desktop has no system tray</source>
        <translation>Dieser Desktop hat keinen Infobereich</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Clear the &amp;clipboard after:</source>
        <translation>&amp;Zwischenablage leeren nach:</translation>
    </message>
    <message>
        <source>Lock after &amp;idle:</source>
        <translation>&amp;Sperren nach Inaktivität:</translation>
    </message>
    <message>
        <source>Change master password or unlock &amp;cost…</source>
        <translation>Hauptpasswort oder Entsperr&amp;aufwand ändern…</translation>
    </message>
    <message>
        <source>Unlock the vault first</source>
        <translation>Entsperren Sie zuerst den Tresor</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
</context>
<context>
    <name>tessera::ui::SidebarModel</name>
    <message>
        <source>All items</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Favourites</source>
        <translation>Favoriten</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papierkorb</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n entries</source>
        <translation>
            <numerusform>%1, %n Eintrag</numerusform>
            <numerusform>%1, %n Einträge</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::StrengthMeter</name>
    <message>
        <source>Password strength</source>
        <translation>Passwortstärke</translation>
    </message>
    <message>
        <source>%1 · time to crack: %2</source>
        <extracomment>%1 is the strength (&quot;Strong&quot;), %2 the time to crack it (&quot;3 hours&quot;, &quot;centuries&quot;)</extracomment>
        <translation>%1 · Zeit zum Knacken: %2</translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation>Sehr schwach</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Schwach</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Stark</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>Sehr stark</translation>
    </message>
    <message>
        <source>No password entered</source>
        <translation>Kein Passwort eingegeben</translation>
    </message>
    <message>
        <source>Estimated by zxcvbn for an offline attack on a slow hash (%1 guesses per second); %2 bits</source>
        <translation>Von zxcvbn geschätzt für einen Offline-Angriff auf einen langsamen Hash (%1 Versuche pro Sekunde); %2 Bit</translation>
    </message>
</context>
<context>
    <name>tessera::ui::SyncWatcher</name>
    <message>
        <source>Folder unavailable: changes are kept on this device</source>
        <translation>Ordner nicht verfügbar: Änderungen bleiben auf diesem Gerät</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Aktuell</translation>
    </message>
    <message numerus="yes">
        <source>Merged %n change(s) from another device (%1)</source>
        <translation>
            <numerusform>%n Änderung von einem anderen Gerät zusammengeführt (%1)</numerusform>
            <numerusform>%n Änderungen von einem anderen Gerät zusammengeführt (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Conflict copy merged: %n change(s) (%1)</source>
        <translation>
            <numerusform>Konfliktkopie zusammengeführt: %n Änderung (%1)</numerusform>
            <numerusform>Konfliktkopie zusammengeführt: %n Änderungen (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: the vault file is older than what this device has seen (possible rollback); it was not accepted</source>
        <translation>Warnung: Die Tresordatei ist älter als der Stand, den dieses Gerät kennt (mögliches Zurücksetzen); sie wurde nicht übernommen</translation>
    </message>
    <message>
        <source>Conflict copy &quot;%1&quot; left in place: %2</source>
        <translation>Konfliktkopie „%1“ belassen: %2</translation>
    </message>
    <message>
        <source>Not synced: %1</source>
        <translation>Nicht synchronisiert: %1</translation>
    </message>
    <message>
        <source>Not synced</source>
        <translation>Nicht synchronisiert</translation>
    </message>
</context>
<context>
    <name>tessera::ui::TotpWidget</name>
    <message>
        <source>Time left for this code</source>
        <translation>Verbleibende Zeit für diesen Code</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Einmalcode</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the one-time code (Ctrl+T)</source>
        <translation>Den Einmalcode kopieren (Strg+T)</translation>
    </message>
    <message>
        <source>Copy one-time code</source>
        <translation>Einmalcode kopieren</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>QR-Code</translation>
    </message>
    <message>
        <source>Show the two-factor secret as a QR code to set up a phone</source>
        <translation>Das Zwei-Faktor-Geheimnis als QR-Code anzeigen, um ein Telefon einzurichten</translation>
    </message>
    <message>
        <source>Show QR code</source>
        <translation>QR-Code anzeigen</translation>
    </message>
    <message>
        <source>Cannot make a one-time code: %1</source>
        <translation>Kein Einmalcode möglich: %1</translation>
    </message>
    <message>
        <source>Counter %1 (not advanced by Tessera)</source>
        <translation>Zähler %1 (von Tessera nicht weitergezählt)</translation>
    </message>
    <message>
        <source>one-time code</source>
        <translation>Einmalcode</translation>
    </message>
    <message>
        <source>Tessera</source>
        <translation>Tessera</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n seconds left</source>
        <translation>
            <numerusform>noch %n Sekunde</numerusform>
            <numerusform>noch %n Sekunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tessera::ui::TrayIcon</name>
    <message>
        <source>Tessera</source>
        <translation>Tessera</translation>
    </message>
    <message>
        <source>&amp;Show / hide Tessera</source>
        <translation>Tessera &amp;anzeigen / ausblenden</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>&amp;Entsperren…</translation>
    </message>
    <message>
        <source>&amp;Quick access</source>
        <translation>Schnell&amp;zugriff</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Sperren</translation>
    </message>
</context>
<context>
    <name>tessera::ui::UnlockPage</name>
    <message>
        <source>Caps Lock is on</source>
        <translation>Feststelltaste ist aktiv</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>Open &amp;another vault…</source>
        <translation>&amp;Anderen Tresor öffnen…</translation>
    </message>
    <message>
        <source>&amp;New vault…</source>
        <translation>&amp;Neuer Tresor…</translation>
    </message>
    <message>
        <source>Recent vaults</source>
        <translation>Zuletzt verwendete Tresore</translation>
    </message>
    <message>
        <source>&amp;Remove from this list</source>
        <translation>Aus dieser Liste &amp;entfernen</translation>
    </message>
    <message>
        <source>Master password</source>
        <translation>Hauptpasswort</translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation>Das Passwort anzeigen</translation>
    </message>
    <message>
        <source>Unlock error</source>
        <translation>Fehler beim Entsperren</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>Wird entsperrt</translation>
    </message>
    <message>
        <source>Unlock %1</source>
        <translation>%1 entsperren</translation>
    </message>
    <message>
        <source>Choose a vault file first.</source>
        <translation>Wählen Sie zuerst eine Tresordatei.</translation>
    </message>
    <message>
        <source>Type the master password.</source>
        <translation>Geben Sie das Hauptpasswort ein.</translation>
    </message>
    <message>
        <source>Wrong master password. Try again.</source>
        <translation>Falsches Hauptpasswort. Versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>This file is not a Tessera vault.</source>
        <translation>Diese Datei ist kein Tessera-Tresor.</translation>
    </message>
    <message>
        <source>This vault was made by a newer version of Tessera: update Tessera to open it.</source>
        <translation>Dieser Tresor wurde mit einer neueren Version von Tessera angelegt: Aktualisieren Sie Tessera, um ihn zu öffnen.</translation>
    </message>
    <message>
        <source>The vault file is damaged and cannot be read: restore a backup or an earlier version from your cloud folder&apos;s history.</source>
        <translation>Die Tresordatei ist beschädigt und kann nicht gelesen werden: Stellen Sie eine Sicherung oder eine frühere Version aus dem Verlauf Ihres Cloud-Ordners wieder her.</translation>
    </message>
    <message>
        <source>The vault file failed its integrity checks (tampered with or damaged); nothing was opened.</source>
        <translation>Die Tresordatei hat die Integritätsprüfung nicht bestanden (manipuliert oder beschädigt); nichts wurde geöffnet.</translation>
    </message>
    <message>
        <source>This computer cannot unlock the vault: %1</source>
        <translation>Dieser Computer kann den Tresor nicht entsperren: %1</translation>
    </message>
    <message>
        <source>The vault file is not there any more: %1</source>
        <translation>Die Tresordatei ist nicht mehr da: %1</translation>
    </message>
    <message>
        <source>The vault file could not be read: %1</source>
        <translation>Die Tresordatei konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The vault could not be opened: %1</source>
        <translation>Der Tresor konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>&amp;Remember on this device</source>
        <translation>Auf diesem Gerät &amp;merken</translation>
    </message>
    <message>
        <source>Wrong master password or secret key. Try again.</source>
        <translation>Falsches Hauptpasswort oder falscher geheimer Schlüssel. Versuchen Sie es noch einmal.</translation>
    </message>
    <message>
        <source>This vault also needs its &lt;b&gt;secret key&lt;/b&gt; (T1-…). It is on the vault&apos;s Emergency Kit, or on a device that opens it.</source>
        <translation>Dieser Tresor braucht außerdem seinen &lt;b&gt;geheimen Schlüssel&lt;/b&gt; (T1-…). Er steht im Notfall-Kit des Tresors oder ist auf einem Gerät gespeichert, das ihn öffnet.</translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation>Geheimer Schlüssel</translation>
    </message>
    <message>
        <source>Secret key: T1-XXXXX-XXXXX-…</source>
        <translation>Geheimer Schlüssel: T1-XXXXX-XXXXX-…</translation>
    </message>
    <message>
        <source>Keep the key in this computer&apos;s keyring (or a private file) so that only the master password is asked for next time.</source>
        <translation>Den Schlüssel im Schlüsselbund dieses Computers (oder in einer privaten Datei) aufbewahren, damit beim nächsten Mal nur das Hauptpasswort abgefragt wird.</translation>
    </message>
    <message>
        <source>Unlock wait</source>
        <translation>Wartezeit beim Entsperren</translation>
    </message>
    <message>
        <source>After three wrong passwords Tessera waits before the next try (1, 2, 4, 8… up to 30 seconds). This only slows down guessing in this window. Someone with a copy of the vault file guesses without Tessera: what protects the file is the cost of the key derivation for every single guess (set when the vault was created) and, if the vault has one, its secret key, without which guessing is hopeless.</source>
        <translation>Nach drei falschen Passwörtern wartet Tessera vor dem nächsten Versuch (1, 2, 4, 8… bis zu 30 Sekunden). Das bremst nur das Raten in diesem Fenster. Wer eine Kopie der Tresordatei hat, rät ohne Tessera: Die Datei schützt der Aufwand der Schlüsselableitung für jeden einzelnen Versuch (beim Anlegen des Tresors festgelegt) und, falls der Tresor einen hat, sein geheimer Schlüssel, ohne den Raten aussichtslos ist.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passwords: you can try again in %n second(s).</source>
        <translation>
            <numerusform>Zu viele falsche Passwörter: Sie können es in %n Sekunde erneut versuchen.</numerusform>
            <numerusform>Zu viele falsche Passwörter: Sie können es in %n Sekunden erneut versuchen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Type the secret key from the vault&apos;s Emergency Kit.</source>
        <translation>Geben Sie den geheimen Schlüssel aus dem Notfall-Kit des Tresors ein.</translation>
    </message>
    <message>
        <source>This secret key was made by a newer version of Tessera.</source>
        <translation>Dieser geheime Schlüssel wurde mit einer neueren Version von Tessera erzeugt.</translation>
    </message>
    <message>
        <source>This secret key has a typo: compare it with the Emergency Kit character by character.</source>
        <translation>Dieser geheime Schlüssel enthält einen Tippfehler: Vergleichen Sie ihn Zeichen für Zeichen mit dem Notfall-Kit.</translation>
    </message>
    <message>
        <source>This is not a complete secret key: it looks like T1-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX.</source>
        <translation>Das ist kein vollständiger geheimer Schlüssel: Er sieht so aus: T1-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::VaultController</name>
    <message>
        <source>the vault could not be opened</source>
        <translation>der Tresor konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>the vault is locked</source>
        <translation>der Tresor ist gesperrt</translation>
    </message>
</context>
<context>
    <name>tessera::ui::VaultFileActions</name>
    <message>
        <source>Sync state</source>
        <translation>Synchronisierungsstatus</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>Jetzt s&amp;ynchronisieren</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>Si&amp;cherungen…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Imported %1 new, %2 updated.</source>
        <translation>Importiert: %1 neu, %2 aktualisiert.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::VaultView</name>
    <message>
        <source>Vault</source>
        <translation>Tresor</translation>
    </message>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>Suchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search entries</source>
        <translation>Einträge durchsuchen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Entry details</source>
        <translation>Details des Eintrags</translation>
    </message>
    <message>
        <source>Folders and tags</source>
        <translation>Ordner und Tags</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>No entries match “%1”.</source>
        <translation>Keine Einträge passen zu „%1“.</translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>Der Papierkorb ist leer.</translation>
    </message>
    <message>
        <source>Nothing here. Drag entries here to move them.</source>
        <translation>Hier ist nichts. Ziehen Sie Einträge hierher, um sie zu verschieben.</translation>
    </message>
    <message>
        <source>No entries yet — press Ctrl+N to add one.</source>
        <translation>Noch keine Einträge — drücken Sie Strg+N, um einen hinzuzufügen.</translation>
    </message>
    <message>
        <source>No favourites yet. Tick “Favourite” in an entry&apos;s editor.</source>
        <translation>Noch keine Favoriten. Setzen Sie im Editor eines Eintrags das Häkchen bei „Favorit“.</translation>
    </message>
</context>
<context>
    <name>tessera::ui::WelcomePage</name>
    <message>
        <source>&amp;Create a new vault…</source>
        <translation>&amp;Neuen Tresor anlegen…</translation>
    </message>
    <message>
        <source>&amp;Open a vault file…</source>
        <translation>&amp;Tresordatei öffnen…</translation>
    </message>
    <message>
        <source>Welcome to Tessera</source>
        <translation>Willkommen bei Tessera</translation>
    </message>
    <message>
        <source>Your passwords live in one encrypted vault file. Keep it in a cloud folder (Dropbox, Nextcloud, Syncthing…) to use it on every computer: the cloud only ever sees ciphertext.</source>
        <translation>Ihre Passwörter liegen in einer einzigen verschlüsselten Tresordatei. Legen Sie sie in einen Cloud-Ordner (Dropbox, Nextcloud, Syncthing…), um sie auf jedem Computer zu verwenden: Die Cloud sieht immer nur Geheimtext.</translation>
    </message>
    <message>
        <source>Create a new vault</source>
        <translation>Einen neuen Tresor anlegen</translation>
    </message>
    <message>
        <source>Open a vault file</source>
        <translation>Eine Tresordatei öffnen</translation>
    </message>
</context>
</TS>
