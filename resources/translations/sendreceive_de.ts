<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AccountTableModel</name>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Last Send/Receive</source>
        <translation>Letztes Übermitteln/Empfangen</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>First error</source>
        <translation>Erster Fehler</translation>
    </message>
    <message>
        <source>Next scheduled</source>
        <translation>Nächster geplanter Lauf</translation>
    </message>
    <message>
        <source>Disabled: left out of every run</source>
        <translation>Deaktiviert: bei keinem Lauf dabei</translation>
    </message>
    <message>
        <source>%1
Provider: %2
Flags: %3</source>
        <translation>%1
Anbieter: %2
Flags: %3</translation>
    </message>
    <message>
        <source>Not run yet</source>
        <translation>Noch nicht ausgeführt</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>status · time</comment>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Send/Receive Workbench cannot start</source>
        <translation>Die Übermitteln/Empfangen-Werkbank kann nicht starten</translation>
    </message>
</context>
<context>
    <name>CallTableModel</name>
    <message>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>Thread</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Aufruf</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>CallsPage</name>
    <message>
        <source>Show calls of kind</source>
        <translation>Aufrufe dieser Art zeigen</translation>
    </message>
    <message>
        <source>All calls</source>
        <translation>Alle Aufrufe</translation>
    </message>
    <message>
        <source>Host steps</source>
        <translation>Schritte des Hosts</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>F8: next contract violation, Shift+F8: previous one</source>
        <translation>F8: nächster Vertragsverstoß, Umschalt+F8: vorheriger</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern…</translation>
    </message>
    <message>
        <source>Save the task&apos;s recording, or the selected calls as text</source>
        <translation>Die Aufzeichnung der Aufgabe oder die ausgewählten Aufrufe als Text speichern</translation>
    </message>
    <message>
        <source>Select a task in the Tasks tab to see its calls.</source>
        <translation>Wählen Sie auf der Registerkarte „Aufgaben“ eine Aufgabe aus, um ihre Aufrufe zu sehen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>calls of task: count</comment>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln call(s)</source>
        <translation>
            <numerusform>%Ln Aufruf</numerusform>
            <numerusform>%Ln Aufrufe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln earlier call(s) dropped)</source>
        <translation>
            <numerusform>(%Ln früherer Aufruf verworfen)</numerusform>
            <numerusform>(%Ln frühere Aufrufe verworfen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contract violation(s), F8 goes to the next</source>
        <translation>
            <numerusform>%Ln Vertragsverstoß, F8 springt hin</numerusform>
            <numerusform>%Ln Vertragsverstöße, F8 springt zum nächsten</numerusform>
        </translation>
    </message>
    <message>
        <source>Recording (*.jsonl)</source>
        <translation>Aufzeichnung (*.jsonl)</translation>
    </message>
    <message>
        <source>Selected calls as text (*.txt)</source>
        <translation>Ausgewählte Aufrufe als Text (*.txt)</translation>
    </message>
    <message>
        <source>Save Calls</source>
        <translation>Aufrufe speichern</translation>
    </message>
    <message>
        <source>Could not write %1: %2. Choose another place to save the calls.</source>
        <translation>%1 konnte nicht geschrieben werden: %2. Wählen Sie einen anderen Ort zum Speichern der Aufrufe.</translation>
    </message>
</context>
<context>
    <name>ErrorTableModel</name>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt</translation>
    </message>
</context>
<context>
    <name>Facility</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>interface-defined, MAPI</source>
        <translation>schnittstellendefiniert, MAPI</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Control</source>
        <translation>Steuerung</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Zertifikate</translation>
    </message>
</context>
<context>
    <name>GroupsDialog</name>
    <message>
        <source>Send/Receive Groups</source>
        <translation>Übermittlungsgruppen</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Neu…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Include this group in Send/Receive All (F9)</source>
        <translation>Diese Gruppe bei „Alle übermitteln/empfangen“ (F9) e&amp;inbeziehen</translation>
    </message>
    <message>
        <source>&amp;Schedule an automatic Send/Receive every</source>
        <translation>&amp;Automatisch übermitteln/empfangen alle</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> Minuten</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>In group</source>
        <translation>In der Gruppe</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>&amp;Groups:</source>
        <translation>&amp;Gruppen:</translation>
    </message>
    <message>
        <source>Settings of the selected group</source>
        <translation>Einstellungen der gewählten Gruppe</translation>
    </message>
    <message>
        <source>Accounts, and what the group does for each:</source>
        <translation>Konten, und was die Gruppe für jedes tut:</translation>
    </message>
    <message>
        <source>A group needs a name.</source>
        <translation>Eine Gruppe braucht einen Namen.</translation>
    </message>
    <message>
        <source>There is already a group named &apos;%1&apos;.</source>
        <translation>Es gibt schon eine Gruppe namens „%1“.</translation>
    </message>
    <message>
        <source>New Group</source>
        <translation>Neue Gruppe</translation>
    </message>
    <message>
        <source>Group name:</source>
        <translation>Gruppenname:</translation>
    </message>
    <message>
        <source>Rename Group</source>
        <translation>Gruppe umbenennen</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation>%1 (deaktiviert)</translation>
    </message>
    <message>
        <source>These groups would break the profile:</source>
        <translation>Diese Gruppen würden das Profil beschädigen:</translation>
    </message>
    <message>
        <source>The profile could not be written:</source>
        <translation>Das Profil konnte nicht geschrieben werden:</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Es wurde nichts geschrieben.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Always</source>
        <translation>&amp;Immer</translation>
    </message>
    <message>
        <source>For Send/Receive I &amp;Start (not Scheduled Ones)</source>
        <translation>Bei selbst &amp;gestartetem Übermitteln/Empfangen (nicht bei geplantem)</translation>
    </message>
    <message>
        <source>&amp;Never</source>
        <translation>&amp;Nie</translation>
    </message>
    <message>
        <source>(no profile)</source>
        <translation>(kein Profil)</translation>
    </message>
    <message>
        <source>Send/Receive Workbench — %1</source>
        <translation>Übermitteln/Empfangen-Werkbank — %1</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Send/Receive progress</source>
        <translation>Übermitteln/Empfangen-Fortschritt</translation>
    </message>
    <message>
        <source>A Send/Receive failed: show its errors</source>
        <translation>Ein Übermitteln/Empfangen ist fehlgeschlagen: Fehler anzeigen</translation>
    </message>
    <message>
        <source>Working Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Click to work online</source>
        <translation>Klicken, um online zu arbeiten</translation>
    </message>
    <message>
        <source>Send/Receive &amp;All</source>
        <translation>&amp;Alle übermitteln/empfangen</translation>
    </message>
    <message>
        <source>Send/Receive &amp;Selected Account</source>
        <translation>Ausgewähltes &amp;Konto übermitteln/empfangen</translation>
    </message>
    <message>
        <source>Show &amp;Progress</source>
        <translation>&amp;Fortschritt anzeigen</translation>
    </message>
    <message>
        <source>&amp;Cancel Send/Receive</source>
        <translation>Übermitteln/Empfangen a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Send/Receive</source>
        <translation>Übermitteln/Empfangen</translation>
    </message>
    <message>
        <source>&amp;New Message…</source>
        <translation>&amp;Neue Nachricht…</translation>
    </message>
    <message>
        <source>&amp;Work Offline</source>
        <translation>&amp;Offline arbeiten</translation>
    </message>
    <message>
        <source>&amp;Define Send/Receive Groups…</source>
        <translation>Übermittlungsgruppen &amp;definieren…</translation>
    </message>
    <message>
        <source>Only a profile file has groups to edit</source>
        <translation>Nur eine Profildatei hat Gruppen zum Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Send/Receive</source>
        <translation>Ü&amp;bermitteln/Empfangen</translation>
    </message>
    <message>
        <source>Send/Receive &amp;Groups</source>
        <translation>Übermitteln/Empfangen-&amp;Gruppen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Show the Send/Receive &amp;Dialog</source>
        <translation>Übermitteln/Empfangen-&amp;Dialog anzeigen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>View &amp;Log</source>
        <translation>&amp;Protokoll anzeigen</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>Wie das &amp;System</translation>
    </message>
    <message>
        <source>Work Offline</source>
        <translation>Offline arbeiten</translation>
    </message>
    <message>
        <source>You are working offline. Go online and Send/Receive?</source>
        <translation>Sie arbeiten offline. Online gehen und übermitteln/empfangen?</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>The profile could not be changed: %1</source>
        <translation>Das Profil konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>The language changes when Send/Receive Workbench starts again.</source>
        <translation>Die Sprache wechselt beim nächsten Start der Übermitteln/Empfangen-Werkbank.</translation>
    </message>
    <message>
        <source>The profile cannot be used</source>
        <translation>Das Profil kann nicht verwendet werden</translation>
    </message>
    <message>
        <source>The profile has problems; fix them and start again. Nothing was changed.</source>
        <translation>Das Profil enthält Fehler. Beheben Sie sie und starten Sie erneut. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Profile error: %1</source>
        <translation>Profilfehler: %1</translation>
    </message>
    <message>
        <source>Send/Receive Workbench</source>
        <translation>Übermitteln/Empfangen-Werkbank</translation>
    </message>
    <message>
        <source>Task %1: %2</source>
        <translation>Aufgabe %1: %2</translation>
    </message>
</context>
<context>
    <name>NewMessageWindow</name>
    <message>
        <source>New Message</source>
        <translation>Neue Nachricht</translation>
    </message>
    <message>
        <source>&amp;Attach File…</source>
        <translation>Datei &amp;anhängen…</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;An:</translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation>&amp;Cc:</translation>
    </message>
    <message>
        <source>Su&amp;bject:</source>
        <translation>&amp;Betreff:</translation>
    </message>
    <message>
        <source>The message was not queued: %1</source>
        <translation>Die Nachricht wurde nicht in den Postausgang gestellt: %1</translation>
    </message>
    <message>
        <source>Attach File</source>
        <translation>Datei anhängen</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Sending was cut off: it is sent again at the next Send/Receive</source>
        <translation>Senden wurde abgebrochen: sie wird beim nächsten Übermitteln/Empfangen erneut gesendet</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <source>&amp;New Message…</source>
        <translation>&amp;Neue Nachricht…</translation>
    </message>
    <message>
        <source>&amp;Add Message…</source>
        <translation>Nachricht &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Queue an e-mail file (.eml); you can drop files here too</source>
        <translation>Eine E-Mail-Datei (.eml) in den Postausgang stellen; Dateien lassen sich auch hierher ziehen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>No account of this profile sends mail</source>
        <translation>Kein Konto dieses Profils sendet Nachrichten</translation>
    </message>
    <message>
        <source>Add Message</source>
        <translation>Nachricht hinzufügen</translation>
    </message>
    <message>
        <source>%1
Nothing was queued.</source>
        <translation>%1
Es wurde nichts in den Postausgang gestellt.</translation>
    </message>
    <message>
        <source>E-mail messages (*.eml);;All files (*)</source>
        <translation>E-Mail-Nachrichten (*.eml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>No enabled account of this profile sends mail.</source>
        <translation>Kein aktiviertes Konto dieses Profils sendet Nachrichten.</translation>
    </message>
    <message>
        <source>Send with account:</source>
        <translation>Senden mit Konto:</translation>
    </message>
</context>
<context>
    <name>SendReceiveDialog</name>
    <message>
        <source>Send/Receive Progress</source>
        <translation>Übermitteln/Empfangen-Status</translation>
    </message>
    <message>
        <source>Send/Receive has not run yet</source>
        <translation>Übermitteln/Empfangen wurde noch nicht ausgeführt</translation>
    </message>
    <message>
        <source>Earlier runs, scheduled ones included, keep their tasks and errors</source>
        <translation>Frühere Läufe, auch geplante, behalten ihre Aufgaben und Fehler</translation>
    </message>
    <message>
        <source>Send/Receive runs</source>
        <translation>Übermitteln/Empfangen-Läufe</translation>
    </message>
    <message>
        <source>Send/Receive progress</source>
        <translation>Übermitteln/Empfangen-Fortschritt</translation>
    </message>
    <message>
        <source>&amp;Cancel All</source>
        <translation>&amp;Alle abbrechen</translation>
    </message>
    <message>
        <source>Stops every task of this Send/Receive</source>
        <translation>Bricht alle Aufgaben dieses Übermitteln/Empfangen ab</translation>
    </message>
    <message>
        <source>&lt;&lt; &amp;Details</source>
        <translation>&lt;&lt; &amp;Details</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Shows or hides the list of tasks and the errors</source>
        <translation>Zeigt oder verbirgt die Aufgabenliste und die Fehler</translation>
    </message>
    <message>
        <source>Save &amp;Run…</source>
        <translation>&amp;Lauf speichern…</translation>
    </message>
    <message>
        <source>Write each task&apos;s calls as a recording into a directory</source>
        <translation>Die Aufrufe jeder Aufgabe als Aufzeichnung in ein Verzeichnis schreiben</translation>
    </message>
    <message>
        <source>Don&apos;t show this dialog box during Send/Receive</source>
        <translation>Dieses Dialogfeld während der Übermittlung nicht anzeigen</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Cancel &amp;Task</source>
        <translation>Aufgabe a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Stops the selected task</source>
        <translation>Bricht die ausgewählte Aufgabe ab</translation>
    </message>
    <message>
        <source>Errors and warnings</source>
        <translation>Fehler und Warnungen</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>K&amp;opieren</translation>
    </message>
    <message>
        <source>Copy the selected error lines with all their details (all lines when none is selected)</source>
        <translation>Kopiert die ausgewählten Fehlerzeilen mit allen Details (alle Zeilen, wenn keine ausgewählt ist)</translation>
    </message>
    <message>
        <source>Select an error to read all of it here.</source>
        <translation>Wählen Sie einen Fehler aus, um ihn hier vollständig zu lesen.</translation>
    </message>
    <message>
        <source>The selected error in full</source>
        <translation>Der ausgewählte Fehler vollständig</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>&amp;Details &gt;&gt;</source>
        <translation>&amp;Details &gt;&gt;</translation>
    </message>
    <message>
        <source>Save Run</source>
        <translation>Lauf speichern</translation>
    </message>
    <message>
        <source>Could not write into %1: %2. Choose another directory.</source>
        <translation>In %1 konnte nicht geschrieben werden: %2. Wählen Sie ein anderes Verzeichnis.</translation>
    </message>
    <message>
        <source>%1 · %2 (scheduled)</source>
        <translation>%1 · %2 (geplant)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>StatusLabel</name>
    <message>
        <source>Click to show the Send/Receive dialog</source>
        <translation>Klicken, um das Übermitteln/Empfangen-Dialogfeld anzuzeigen</translation>
    </message>
</context>
<context>
    <name>TaskTableModel</name>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Verbleibend</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>Sending</source>
        <comment>task activity</comment>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Synchronizing</source>
        <comment>task activity</comment>
        <translation>Synchronisieren</translation>
    </message>
    <message>
        <source>Receiving</source>
        <comment>task activity</comment>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>%1 - %2</source>
        <comment>task name: account - activity</comment>
        <translation>%1 - %2</translation>
    </message>
    <message>
        <source>Pending</source>
        <comment>task status</comment>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Running</source>
        <comment>task status</comment>
        <translation>Wird ausgeführt</translation>
    </message>
    <message>
        <source>Not responding</source>
        <comment>task status</comment>
        <translation>Reagiert nicht</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <comment>task status</comment>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Completed</source>
        <comment>task status</comment>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Completed with warnings</source>
        <comment>task status</comment>
        <translation>Mit Warnungen abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>task status</comment>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>task status</comment>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <comment>task status</comment>
        <translation>Aufgegeben</translation>
    </message>
    <message>
        <source>Not responding (no progress for %1)</source>
        <translation>Reagiert nicht (seit %1 kein Fortschritt)</translation>
    </message>
    <message numerus="yes">
        <source>Completed with %Ln error(s)</source>
        <translation>
            <numerusform>Mit %Ln Fehler abgeschlossen</numerusform>
            <numerusform>Mit %Ln Fehlern abgeschlossen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Completed with %Ln contract violation(s)</source>
        <translation>
            <numerusform>Mit %Ln Vertragsverstoß abgeschlossen</numerusform>
            <numerusform>Mit %Ln Vertragsverstößen abgeschlossen</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1%</source>
        <comment>a percentage</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>&lt; 1 s</source>
        <comment>duration</comment>
        <translation>&lt; 1 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <comment>duration</comment>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <comment>duration</comment>
        <translation>%1 Min. %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <comment>duration</comment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>progress unknown</source>
        <translation>Fortschritt unbekannt</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of %1 tasks have completed successfully</source>
        <translation>
            <numerusform>%Ln von %1 Aufgaben wurde erfolgreich abgeschlossen</numerusform>
            <numerusform>%Ln von %1 Aufgaben wurden erfolgreich abgeschlossen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>header — other fates</comment>
        <translation>%1 – %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln with errors</source>
        <comment>tasks</comment>
        <translation>
            <numerusform>%Ln mit Fehlern</numerusform>
            <numerusform>%Ln mit Fehlern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <comment>tasks</comment>
        <translation>
            <numerusform>%Ln fehlgeschlagen</numerusform>
            <numerusform>%Ln fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cancelled</source>
        <comment>tasks</comment>
        <translation>
            <numerusform>%Ln abgebrochen</numerusform>
            <numerusform>%Ln abgebrochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln abandoned</source>
        <comment>tasks</comment>
        <translation>
            <numerusform>%Ln aufgegeben</numerusform>
            <numerusform>%Ln aufgegeben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln still running</source>
        <comment>tasks</comment>
        <translation>
            <numerusform>%Ln läuft noch</numerusform>
            <numerusform>%Ln laufen noch</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s)</source>
        <translation>
            <numerusform>%Ln Fehler</numerusform>
            <numerusform>%Ln Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln warning(s)</source>
        <translation>
            <numerusform>%Ln Warnung</numerusform>
            <numerusform>%Ln Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Errors</source>
        <comment>tab</comment>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Errors (%1)</source>
        <comment>tab</comment>
        <translation>Fehler (%1)</translation>
    </message>
    <message>
        <source>Errors (%1) and warnings (%2)</source>
        <comment>tab</comment>
        <translation>Fehler (%1) und Warnungen (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln task(s) failed</source>
        <translation>
            <numerusform>%Ln Aufgabe fehlgeschlagen</numerusform>
            <numerusform>%Ln Aufgaben fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Send/Receive failed: %1</source>
        <translation>Übermitteln/Empfangen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Send/Receive complete with errors: %1</source>
        <translation>Übermitteln/Empfangen mit Fehlern abgeschlossen: %1</translation>
    </message>
    <message>
        <source>Send/Receive complete (%1)</source>
        <translation>Übermitteln/Empfangen abgeschlossen (%1)</translation>
    </message>
    <message>
        <source>Send/Receive complete</source>
        <translation>Übermitteln/Empfangen abgeschlossen</translation>
    </message>
    <message numerus="yes">
        <source>Send/Receive: %1 of %Ln task(s) done</source>
        <translation>
            <numerusform>Übermitteln/Empfangen: %1 von %Ln Aufgabe erledigt</numerusform>
            <numerusform>Übermitteln/Empfangen: %1 von %Ln Aufgaben erledigt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <comment>status bar: progress — task: step</comment>
        <translation>%1 – %2: %3</translation>
    </message>
    <message>
        <source>%1 percent done</source>
        <translation>%1 Prozent erledigt</translation>
    </message>
    <message>
        <source>All Accounts</source>
        <comment>the implicit group</comment>
        <translation>Alle Konten</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Contract violation</source>
        <translation>Vertragsverstoß</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>facility %1</source>
        <translation>Bereich %1</translation>
    </message>
    <message>
        <source>facility %1 (%2)</source>
        <translation>Bereich %1 (%2)</translation>
    </message>
    <message>
        <source>failure</source>
        <comment>HRESULT severity</comment>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>success</source>
        <comment>HRESULT severity</comment>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>%1: %2, %3, code %4</source>
        <comment>HRESULT: severity, facility, code</comment>
        <translation>%1: %2, %3, Code %4</translation>
    </message>
    <message>
        <source>%1 in task &apos;%2&apos;</source>
        <comment>error kind in task</comment>
        <translation>%1 in Aufgabe „%2“</translation>
    </message>
    <message>
        <source>HRESULT: %1</source>
        <translation>HRESULT: %1</translation>
    </message>
    <message numerus="yes">
        <source>Reported %Ln time(s), first at %1, last at %2</source>
        <translation>
            <numerusform>%Ln-mal gemeldet, zuerst um %1, zuletzt um %2</numerusform>
            <numerusform>%Ln-mal gemeldet, zuerst um %1, zuletzt um %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Reported at %1</source>
        <translation>Gemeldet um %1</translation>
    </message>
</context>
</TS>
