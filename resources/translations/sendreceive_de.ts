<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Send/Receive Workbench</source>
        <translation>Über Send/Receive Workbench</translation>
    </message>
    <message>
        <source>Send/Receive Workbench %1</source>
        <translation>Send/Receive Workbench %1</translation>
    </message>
    <message>
        <source>Qt %1, PySide6 %2, Python %3</source>
        <translation>Qt %1, PySide6 %2, Python %3</translation>
    </message>
    <message>
        <source>Log: %1</source>
        <translation>Protokoll: %1</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>Profil: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
</context>
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
    <name>AccountsDialog</name>
    <message>
        <source>Account Settings</source>
        <translation>Kontoeinstellungen</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <source>&amp;Accounts, in the order the window lists them:</source>
        <translation>&amp;Konten, in der Reihenfolge des Fensters:</translation>
    </message>
    <message>
        <source>New &amp;IMAP/SMTP Account…</source>
        <translation>Neues &amp;IMAP/SMTP-Konto…</translation>
    </message>
    <message>
        <source>New &amp;Other Account…</source>
        <translation>Neues &amp;anderes Konto…</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>Ä&amp;ndern…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <source>Remove the account %1 from the profile?</source>
        <translation>Das Konto %1 aus dem Profil entfernen?</translation>
    </message>
    <message>
        <source>This change would break the profile:</source>
        <translation>Diese Änderung würde das Profil beschädigen:</translation>
    </message>
    <message>
        <source>The profile could not be written:</source>
        <translation>Das Profil konnte nicht geschrieben werden:</translation>
    </message>
    <message>
        <source>The profile was saved, but the password was not:</source>
        <translation>Das Profil wurde gespeichert, das Kennwort aber nicht:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
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
        <source>&amp;Show:</source>
        <translation>An&amp;zeigen:</translation>
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
    <name>Finding</name>
    <message>
        <source>Not responding: no progress for %1 s</source>
        <translation>Reagiert nicht: seit %1 s kein Fortschritt</translation>
    </message>
    <message>
        <source>No result after %1 s (the task time limit); the host cancelled the task.</source>
        <translation>Nach %1 s kein Ergebnis (Zeitlimit der Aufgabe); der Host hat die Aufgabe abgebrochen.</translation>
    </message>
    <message>
        <source>No result after %1 s (the task time limit): the provider was still loading (its module&apos;s import or its factory had not returned); the host cancelled the task.</source>
        <translation>Nach %1 s kein Ergebnis (Zeitlimit der Aufgabe): Der Anbieter wurde noch geladen (der Import seines Moduls oder der Aufruf seiner Factory war nicht beendet); der Host hat die Aufgabe abgebrochen.</translation>
    </message>
    <message>
        <source>No result after %1 s (the task time limit); the host cancelled the task. Meanwhile the whole host was held up for %2 s (a thread held Python&apos;s interpreter lock, the GIL, e.g. a provider in C code): this task may have been starved rather than slow.</source>
        <translation>Nach %1 s kein Ergebnis (Zeitlimit der Aufgabe); der Host hat die Aufgabe abgebrochen. Währenddessen war der ganze Host %2 s lang blockiert (ein Thread hielt Pythons Interpretersperre, die GIL, z. B. ein Anbieter in C-Code): Diese Aufgabe wurde womöglich ausgehungert, statt langsam zu sein.</translation>
    </message>
    <message>
        <source>No result after %1 s (the task time limit); the host cancelled the task. Its process waited %2 s for a CPU while other work ran (given back, up to the limit again).</source>
        <translation>Nach %1 s kein Ergebnis (Zeitlimit der Aufgabe); der Host hat die Aufgabe abgebrochen. Ihr Prozess wartete %2 s auf eine CPU, während andere Arbeit lief (gutgeschrieben, bis höchstens noch einmal zum Limit).</translation>
    </message>
    <message>
        <source>No result after %1 s (the task time limit); the host cancelled the task. Meanwhile the whole host was held up for %2 s (a thread held Python&apos;s interpreter lock, the GIL, e.g. a provider in C code): this task may have been starved rather than slow. Its process waited %3 s for a CPU while other work ran (given back, up to the limit again).</source>
        <translation>Nach %1 s kein Ergebnis (Zeitlimit der Aufgabe); der Host hat die Aufgabe abgebrochen. Währenddessen war der ganze Host %2 s lang blockiert (ein Thread hielt Pythons Interpretersperre, die GIL, z. B. ein Anbieter in C-Code): Diese Aufgabe wurde womöglich ausgehungert, statt langsam zu sein. Ihr Prozess wartete %3 s auf eine CPU, während andere Arbeit lief (gutgeschrieben, bis höchstens noch einmal zum Limit).</translation>
    </message>
    <message>
        <source>The synchronization failed.</source>
        <translation>Die Synchronisierung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>More than %1 distinct lines from this task: every further one is counted here.</source>
        <translation>Mehr als %1 verschiedene Zeilen von dieser Aufgabe: jede weitere wird hier gezählt.</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>(keine Beschreibung)</translation>
    </message>
    <message>
        <source>SynchronizeInBackground raised %1</source>
        <translation>SynchronizeInBackground hat %1 ausgelöst</translation>
    </message>
    <message>
        <source>SynchronizeInBackground returned %1</source>
        <translation>SynchronizeInBackground hat %1 zurückgegeben</translation>
    </message>
    <message>
        <source>The provider&apos;s thread %1 raised %2</source>
        <translation>Der Thread %1 des Anbieters hat %2 ausgelöst</translation>
    </message>
    <message>
        <source>The provider&apos;s thread ended without reporting a result (no Done).</source>
        <translation>Der Thread des Anbieters wurde beendet, ohne ein Ergebnis zu melden (kein Done).</translation>
    </message>
    <message>
        <source>The provider ended without reporting a result (no Done).</source>
        <translation>Der Anbieter wurde beendet, ohne ein Ergebnis zu melden (kein Done).</translation>
    </message>
    <message>
        <source>The provider returned without reporting a result (no Done).</source>
        <translation>Der Anbieter ist zurückgekehrt, ohne ein Ergebnis zu melden (kein Done).</translation>
    </message>
    <message>
        <source>The provider did not stop within %1 s of Cancel; its process was stopped.</source>
        <translation>Der Anbieter hat nicht innerhalb von %1 s nach dem Abbrechen angehalten; sein Prozess wurde beendet.</translation>
    </message>
    <message>
        <source>The provider did not stop within %1 s of Cancel; it was abandoned and its thread left to end on its own.</source>
        <translation>Der Anbieter hat nicht innerhalb von %1 s nach dem Abbrechen angehalten; er wurde aufgegeben, sein Thread endet von selbst.</translation>
    </message>
    <message>
        <source>The host could not call the provider.</source>
        <translation>Der Host konnte den Anbieter nicht aufrufen.</translation>
    </message>
    <message>
        <source>Cannot create the local store %1: %2</source>
        <translation>Der lokale Speicher %1 kann nicht erstellt werden: %2</translation>
    </message>
    <message>
        <source>Cannot load provider %1: %2</source>
        <translation>Der Anbieter %1 kann nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>Reading phSyncDoneEvent raised %1</source>
        <translation>Das Lesen von phSyncDoneEvent hat %1 ausgelöst</translation>
    </message>
    <message>
        <source>The provider&apos;s done event is not an event.</source>
        <translation>Das Fertig-Ereignis des Anbieters ist kein Ereignis.</translation>
    </message>
    <message>
        <source>killed: memory limit: SynchronizeInBackground raised MemoryError at the account&apos;s limit of %1 MB (memory_limit_mb)</source>
        <translation>beendet: Speicherlimit: SynchronizeInBackground hat MemoryError am Limit des Kontos von %1 MB ausgelöst (memory_limit_mb)</translation>
    </message>
    <message>
        <source>provider spec %1 must look like module:attr or file.py:attr</source>
        <translation>Die Anbieterangabe %1 muss die Form modul:attr oder datei.py:attr haben</translation>
    </message>
    <message>
        <source>%1 has no attribute %2 (it has: %3)</source>
        <translation>%1 hat kein Attribut %2 (vorhanden: %3)</translation>
    </message>
    <message>
        <source>%1 has no attribute %2 (it has: nothing)</source>
        <translation>%1 hat kein Attribut %2 (vorhanden: keines)</translation>
    </message>
    <message>
        <source>%1 is a %2, not a provider: it has no SynchronizeInBackground and cannot be called to make one</source>
        <translation>%1 ist ein %2, kein Anbieter: Es hat kein SynchronizeInBackground und kann nicht aufgerufen werden, um einen zu erzeugen</translation>
    </message>
    <message>
        <source>%1 rejected the account&apos;s settings: %2</source>
        <translation>%1 hat die Einstellungen des Kontos abgelehnt: %2</translation>
    </message>
    <message>
        <source>%1 raised while being created: %2</source>
        <translation>%1 hat beim Erstellen eine Ausnahme ausgelöst: %2</translation>
    </message>
    <message>
        <source>%1 made a %2 that has no SynchronizeInBackground method</source>
        <translation>%1 hat ein %2 erzeugt, das keine Methode SynchronizeInBackground hat</translation>
    </message>
    <message>
        <source>no provider named %1; %2 (or give module:attr or path/to/file.py:attr)</source>
        <translation>Kein Anbieter namens %1; %2 (oder geben Sie modul:attr oder pfad/zu/datei.py:attr an)</translation>
    </message>
    <message>
        <source>did you mean %1?</source>
        <translation>meinten Sie %1?</translation>
    </message>
    <message>
        <source>did you mean %1 or %2?</source>
        <translation>meinten Sie %1 oder %2?</translation>
    </message>
    <message>
        <source>installed: %1</source>
        <translation>installiert: %1</translation>
    </message>
    <message>
        <source>installed: none</source>
        <translation>installiert: keine</translation>
    </message>
    <message>
        <source>provider %1 (%2) failed to load: %3</source>
        <translation>Anbieter %1 (%2) konnte nicht geladen werden: %3</translation>
    </message>
    <message>
        <source>cannot import %1: %2</source>
        <translation>%1 kann nicht importiert werden: %2</translation>
    </message>
    <message>
        <source>importing %1 raised %2</source>
        <translation>Beim Importieren von %1 wurde %2 ausgelöst</translation>
    </message>
    <message>
        <source>cannot read provider file %1: %2</source>
        <translation>Die Anbieterdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a Python module</source>
        <translation>%1 ist kein Python-Modul</translation>
    </message>
    <message>
        <source>it called sys.exit(%1)</source>
        <translation>er hat sys.exit(%1) aufgerufen</translation>
    </message>
    <message>
        <source>Cannot start the provider&apos;s process: %1</source>
        <translation>Der Prozess des Anbieters kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>The provider&apos;s process died: %1 %2.</source>
        <translation>Der Prozess des Anbieters ist abgestürzt: %1, %2.</translation>
    </message>
    <message>
        <source>The provider&apos;s process broke the host&apos;s protocol (%1) %2.</source>
        <translation>Der Prozess des Anbieters hat das Protokoll des Hosts verletzt (%1), %2.</translation>
    </message>
    <message>
        <source>%1 Its last output: %2</source>
        <translation>%1 Seine letzte Ausgabe: %2</translation>
    </message>
    <message>
        <source>its end is unknown (the fork server ended)</source>
        <translation>sein Ende ist unbekannt (der Fork-Server wurde beendet)</translation>
    </message>
    <message>
        <source>The provider&apos;s process replaced itself with another program (exec of %1), so it was ended %2.</source>
        <translation>Der Prozess des Anbieters hat sich durch ein anderes Programm ersetzt (exec von %1) und wurde daher beendet, %2.</translation>
    </message>
    <message>
        <source>The provider&apos;s process left %1 process(es) behind, killed with it: %2.</source>
        <translation>Der Prozess des Anbieters hat %1 Prozess(e) hinterlassen, mit ihm beendet: %2.</translation>
    </message>
    <message>
        <source>The provider&apos;s process ignored SIGTERM; it was killed (SIGKILL).</source>
        <translation>Der Prozess des Anbieters hat SIGTERM ignoriert; er wurde zwangsweise beendet (SIGKILL).</translation>
    </message>
    <message>
        <source>The provider&apos;s process had been stopped (SIGSTOP or the like): it did not run until the host ended it.</source>
        <translation>Der Prozess des Anbieters war angehalten (SIGSTOP o. Ä.): Er lief nicht mehr, bis der Host ihn beendete.</translation>
    </message>
    <message>
        <source>cannot start the program %1: %2</source>
        <translation>das Programm %1 kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>The program broke the provider protocol at line %1 of its output: %2</source>
        <translation>Das Programm hat das Anbieterprotokoll in Zeile %1 seiner Ausgabe verletzt: %2</translation>
    </message>
    <message>
        <source>The program ended without Done: %1 %2.</source>
        <translation>Das Programm wurde ohne Done beendet: %1, %2.</translation>
    </message>
    <message>
        <source>after it returned in background style</source>
        <translation>nachdem es im Hintergrundstil zurückgekehrt war</translation>
    </message>
    <message>
        <source>it closed its output but had not exited %1 s later, and was killed</source>
        <translation>es hat seine Ausgabe geschlossen, war %1 s später aber noch nicht beendet und wurde zwangsweise beendet</translation>
    </message>
    <message>
        <source>exit code %1 (the host&apos;s side of the process failed)</source>
        <translation>Exitcode %1 (die Host-Seite des Prozesses ist fehlgeschlagen)</translation>
    </message>
    <message>
        <source>exit code %1 (the provider closed its process&apos;s socket to the app)</source>
        <translation>Exitcode %1 (der Anbieter hat den Socket seines Prozesses zur App geschlossen)</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>Exitcode %1</translation>
    </message>
    <message>
        <source>killed: CPU time limit (%1 s, cpu_seconds)</source>
        <translation>beendet: CPU-Zeitlimit (%1 s, cpu_seconds)</translation>
    </message>
    <message>
        <source>killed: memory limit (%1 MB, memory_limit_mb)</source>
        <translation>beendet: Speicherlimit (%1 MB, memory_limit_mb)</translation>
    </message>
    <message>
        <source>killed: thread limit (%1 threads, threads)</source>
        <translation>beendet: Thread-Limit (%1 Threads, threads)</translation>
    </message>
    <message>
        <source>killed: open files limit (%1 files, open_files)</source>
        <translation>beendet: Limit offener Dateien (%1 Dateien, open_files)</translation>
    </message>
    <message>
        <source>signal %1 (%2)</source>
        <translation>Signal %1 (%2)</translation>
    </message>
    <message>
        <source>signal %1 (unknown signal)</source>
        <translation>Signal %1 (unbekanntes Signal)</translation>
    </message>
    <message>
        <source>while loading the provider</source>
        <translation>beim Laden des Anbieters</translation>
    </message>
    <message>
        <source>in SynchronizeInBackground</source>
        <translation>in SynchronizeInBackground</translation>
    </message>
    <message>
        <source>after Done</source>
        <translation>nach Done</translation>
    </message>
    <message>
        <source>after SynchronizeInBackground returned (in the provider&apos;s own threads)</source>
        <translation>nach der Rückkehr von SynchronizeInBackground (in den eigenen Threads des Anbieters)</translation>
    </message>
    <message>
        <source>pwcszProgress must be a str or None, got %1 %2; the step text was kept</source>
        <translation>pwcszProgress muss ein str oder None sein, erhalten: %1 %2; der Schritttext wurde beibehalten</translation>
    </message>
    <message>
        <source>%1: %2 must be an int, got %3; position kept</source>
        <translation>%1: %2 muss ein int sein, erhalten: %3; Position beibehalten</translation>
    </message>
    <message>
        <source>%1: %2 must be a ULONG (0 … 4294967295); position kept</source>
        <translation>%1: %2 muss ein ULONG sein (0 … 4294967295); Position beibehalten</translation>
    </message>
    <message>
        <source>%1: ulIndex &gt; ulIndexMax; clamped to ulIndexMax</source>
        <translation>%1: ulIndex &gt; ulIndexMax; auf ulIndexMax begrenzt</translation>
    </message>
    <message>
        <source>Error&apos;s hResult must be a 32-bit int HRESULT, got %1; the message was: &apos;%2&apos;</source>
        <translation>Das hResult von Error muss ein 32-Bit-int-HRESULT sein, erhalten: %1; die Meldung lautete: „%2“</translation>
    </message>
    <message>
        <source>pwcszErrorStr must be a str, got %1 %2</source>
        <translation>pwcszErrorStr muss ein str sein, erhalten: %1 %2</translation>
    </message>
    <message>
        <source>hThreadDoneEvent must be a threading.Event or None, got %1</source>
        <translation>hThreadDoneEvent muss ein threading.Event oder None sein, erhalten: %1</translation>
    </message>
    <message>
        <source>Done&apos;s hResult must be a 32-bit int HRESULT, got %1; the task is failed with %2</source>
        <translation>Das hResult von Done muss ein 32-Bit-int-HRESULT sein, erhalten: %1; die Aufgabe schlägt mit %2 fehl</translation>
    </message>
    <message>
        <source>QueryInterface&apos;s riid must be a uuid.UUID, got %1 %2; it answered E_INVALIDARG</source>
        <translation>riid von QueryInterface muss eine uuid.UUID sein, erhalten: %1 %2; die Antwort war E_INVALIDARG</translation>
    </message>
    <message>
        <source>%1(%2) was called after the task ended; ignored</source>
        <translation>%1(%2) wurde nach dem Ende der Aufgabe aufgerufen; ignoriert</translation>
    </message>
    <message>
        <source>SynchronizeInBackground must return an HRESULT int, got %1; taken as S_OK</source>
        <translation>SynchronizeInBackground muss ein HRESULT (int) zurückgeben, erhalten: %1; als S_OK gewertet</translation>
    </message>
    <message>
        <source>returned %1 after Done reported success</source>
        <translation>gab %1 zurück, nachdem Done Erfolg gemeldet hatte</translation>
    </message>
    <message>
        <source>psibpb.phSyncDoneEvent was replaced by %1; the event belongs in psibpb.phSyncDoneEvent.value</source>
        <translation>psibpb.phSyncDoneEvent wurde durch %1 ersetzt; das Ereignis gehört in psibpb.phSyncDoneEvent.value</translation>
    </message>
    <message>
        <source>phSyncDoneEvent must hold a threading.Event, got %1</source>
        <translation>phSyncDoneEvent muss ein threading.Event enthalten, erhalten: %1</translation>
    </message>
    <message>
        <source>the provider&apos;s thread %1 ended</source>
        <translation>der Thread %1 des Anbieters wurde beendet</translation>
    </message>
    <message>
        <source>no thread of the provider holds its callback any more</source>
        <translation>kein Thread des Anbieters hält noch seinen Rückruf</translation>
    </message>
    <message>
        <source>the provider signalled phSyncDoneEvent and had not called Done %1 s later</source>
        <translation>der Anbieter hat phSyncDoneEvent gesetzt und %1 s danach Done noch nicht aufgerufen</translation>
    </message>
    <message>
        <source>Done came %1 s after phSyncDoneEvent was set, when the task had already ended for want of it; ignored</source>
        <translation>Done kam %1 s nach dem Setzen von phSyncDoneEvent, als die Aufgabe mangels Done bereits beendet war; ignoriert</translation>
    </message>
    <message>
        <source>SynchronizeInBackground returned success without calling Done and without filling phSyncDoneEvent (background style)</source>
        <translation>SynchronizeInBackground hat Erfolg zurückgegeben, ohne Done aufzurufen und ohne phSyncDoneEvent zu füllen (Hintergrundstil)</translation>
    </message>
    <message>
        <source>SynchronizeInBackground had not returned %1 s after the task ended</source>
        <translation>SynchronizeInBackground war %1 s nach dem Ende der Aufgabe nicht zurückgekehrt</translation>
    </message>
    <message>
        <source>phSyncDoneEvent was not set %1 s after Done</source>
        <translation>phSyncDoneEvent war %1 s nach Done nicht gesetzt</translation>
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
    <name>LogViewer</name>
    <message>
        <source>Log — %1</source>
        <translation>Protokoll — %1</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Nothing has been logged yet.</source>
        <translation>Es wurde noch nichts protokolliert.</translation>
    </message>
    <message>
        <source>The log cannot be read: %1</source>
        <translation>Das Protokoll kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>MailAccountEditor</name>
    <message>
        <source>Change IMAP/SMTP Account</source>
        <translation>IMAP/SMTP-Konto ändern</translation>
    </message>
    <message>
        <source>New IMAP/SMTP Account</source>
        <translation>Neues IMAP/SMTP-Konto</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>Incoming mail (IMAP)</source>
        <translation>Posteingang (IMAP)</translation>
    </message>
    <message>
        <source>Outgoing mail (SMTP)</source>
        <translation>Postausgang (SMTP)</translation>
    </message>
    <message>
        <source>Security warning</source>
        <translation>Sicherheitswarnung</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>Konto&amp;name:</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Kontoname</translation>
    </message>
    <message>
        <source>&amp;E-mail address:</source>
        <translation>&amp;E-Mail-Adresse:</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Kennwort:</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kennwort</translation>
    </message>
    <message>
        <source>The password is kept in the system keyring, not in the profile.</source>
        <translation>Das Kennwort wird im Schlüsselbund des Systems aufbewahrt, nicht im Profil.</translation>
    </message>
    <message>
        <source>account name</source>
        <translation>Kontoname</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>incoming server</source>
        <translation>Posteingangsserver</translation>
    </message>
    <message>
        <source>outgoing server</source>
        <translation>Postausgangsserver</translation>
    </message>
    <message>
        <source>password</source>
        <translation>Kennwort</translation>
    </message>
    <message>
        <source>Please fill in: %1.</source>
        <translation>Bitte ausfüllen: %1.</translation>
    </message>
    <message>
        <source>The incoming server is not encrypted: your password and mail cross the network readable by anyone on the way.</source>
        <translation>Der Posteingangsserver ist nicht verschlüsselt: Kennwort und E-Mails gehen lesbar für jeden auf dem Weg durchs Netz.</translation>
    </message>
    <message>
        <source>The outgoing server is not encrypted: your password and mail cross the network readable by anyone on the way.</source>
        <translation>Der Postausgangsserver ist nicht verschlüsselt: Kennwort und E-Mails gehen lesbar für jeden auf dem Weg durchs Netz.</translation>
    </message>
    <message>
        <source>The incoming server&apos;s certificate is not checked: anyone on the way can pose as the server and read your password.</source>
        <translation>Das Zertifikat des Posteingangsservers wird nicht geprüft: Jeder auf dem Weg kann sich als Server ausgeben und Ihr Kennwort lesen.</translation>
    </message>
    <message>
        <source>The outgoing server&apos;s certificate is not checked: anyone on the way can pose as the server and read your password.</source>
        <translation>Das Zertifikat des Postausgangsservers wird nicht geprüft: Jeder auf dem Weg kann sich als Server ausgeben und Ihr Kennwort lesen.</translation>
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
        <source>This profile has no account yet: add one with Tools ▸ Account Settings.</source>
        <translation>Dieses Profil hat noch kein Konto: Fügen Sie eines unter Extras ▸ Kontoeinstellungen hinzu.</translation>
    </message>
    <message>
        <source>Press F9 to Send/Receive all accounts. Add or change accounts with Tools ▸ Account Settings.</source>
        <translation>Drücken Sie F9, um alle Konten zu übermitteln/empfangen. Konten fügen Sie unter Extras ▸ Kontoeinstellungen hinzu oder ändern sie dort.</translation>
    </message>
    <message>
        <source>Welcome! Your own profile was made from the demo. Its accounts are pretend ones to try: press F9 to Send/Receive them. Add your own account with Tools ▸ Account Settings.</source>
        <translation>Willkommen! Ihr eigenes Profil wurde aus der Demo erstellt. Seine Konten sind Beispielkonten zum Ausprobieren: Drücken Sie F9, um sie zu übermitteln/empfangen. Ihr eigenes Konto fügen Sie unter Extras ▸ Kontoeinstellungen hinzu.</translation>
    </message>
    <message>
        <source>First start</source>
        <translation>Erster Start</translation>
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
        <source>&amp;Retry Failed Tasks</source>
        <translation>Fehlgeschlagene Aufgaben &amp;wiederholen</translation>
    </message>
    <message>
        <source>Run the last Send/Receive&apos;s failed and cancelled tasks again</source>
        <translation>Die fehlgeschlagenen und abgebrochenen Aufgaben des letzten Übermittelns/Empfangens erneut ausführen</translation>
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
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;Account Settings…</source>
        <translation>&amp;Kontoeinstellungen…</translation>
    </message>
    <message>
        <source>Only a profile file has accounts to edit</source>
        <translation>Nur eine Profildatei hat bearbeitbare Konten</translation>
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
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkombinationen</translation>
    </message>
    <message>
        <source>&amp;About Send/Receive Workbench</source>
        <translation>Ü&amp;ber Send/Receive Workbench</translation>
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
    <name>MessageListModel</name>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Kennzeichen</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Zur Nachverfolgung</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>Weitergeleitet</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>A link, not followed</source>
        <translation>Eine Verknüpfung, nicht verfolgt</translation>
    </message>
    <message>
        <source>Not a file</source>
        <translation>Keine Datei</translation>
    </message>
    <message>
        <source>Moved or deleted since listed</source>
        <translation>Seit dem Auflisten verschoben oder gelöscht</translation>
    </message>
    <message>
        <source>Could not be read</source>
        <translation>Konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Header section too large</source>
        <translation>Kopfzeilen zu groß</translation>
    </message>
    <message>
        <source>This message has no plain text</source>
        <translation>Diese Nachricht hat keinen Nur-Text-Teil</translation>
    </message>
    <message>
        <source>Only the start is shown</source>
        <translation>Nur der Anfang wird angezeigt</translation>
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
        <source>From account</source>
        <translation>Absenderkonto</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>From address</source>
        <translation>Absenderadresse</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;An:</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation>&amp;Cc:</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>Su&amp;bject:</source>
        <translation>&amp;Betreff:</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Message body</source>
        <translation>Nachrichtentext</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anlagen</translation>
    </message>
    <message>
        <source>No account of this profile sends mail, so the message cannot be queued. Add one with Tools ▸ Account Settings.</source>
        <translation>Kein Konto dieses Profils versendet E-Mails, daher kann die Nachricht nicht in den Postausgang gestellt werden. Fügen Sie eines unter Extras ▸ Kontoeinstellungen hinzu.</translation>
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
        <source>Refused: %1 (not sent again until retried)</source>
        <translation>Abgelehnt: %1 (wird erst nach „Wiederholen“ erneut gesendet)</translation>
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
        <source>Re&amp;try</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Send the selected refused messages again</source>
        <translation>Die ausgewählten abgelehnten Nachrichten erneut senden</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
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
    <name>ProfileChanged</name>
    <message>
        <source>Profile Changed</source>
        <translation>Profil geändert</translation>
    </message>
    <message>
        <source>%1

Load the profile again from disk? What you changed here is not kept.</source>
        <translation>%1

Das Profil erneut von der Festplatte laden? Ihre Änderungen hier gehen verloren.</translation>
    </message>
</context>
<context>
    <name>ProviderAccountEditor</name>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Change Account</source>
        <translation>Konto ändern</translation>
    </message>
    <message>
        <source>New Account</source>
        <translation>Neues Konto</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Kontoname</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>Konto&amp;name:</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Anbieter:</translation>
    </message>
    <message>
        <source>This provider declares no settings.</source>
        <translation>Dieser Anbieter gibt keine Einstellungen an.</translation>
    </message>
    <message>
        <source>Please fill in the account name and the provider.</source>
        <translation>Bitte Kontonamen und Anbieter ausfüllen.</translation>
    </message>
</context>
<context>
    <name>Rule</name>
    <message>
        <source>in-call or background style</source>
        <translation>im Aufruf oder im Hintergrund</translation>
    </message>
    <message>
        <source>what SynchronizeInBackground returns</source>
        <translation>was SynchronizeInBackground zurückgibt</translation>
    </message>
    <message>
        <source>Progress arguments</source>
        <translation>Argumente von Progress</translation>
    </message>
    <message>
        <source>Done exactly once, nothing after it</source>
        <translation>Done genau einmal, danach nichts mehr</translation>
    </message>
    <message>
        <source>argument types and ranges</source>
        <translation>Typen und Bereiche der Argumente</translation>
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
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Runs the selected failed or cancelled tasks again</source>
        <translation>Führt die ausgewählten fehlgeschlagenen oder abgebrochenen Aufgaben erneut aus</translation>
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
        <source>R&amp;un:</source>
        <translation>Lau&amp;f:</translation>
    </message>
    <message>
        <source>&amp;Details &gt;&gt;</source>
        <translation>&amp;Details &gt;&gt;</translation>
    </message>
    <message>
        <source>Cancelling %1</source>
        <translation>%1 wird abgebrochen</translation>
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
    <name>ServerFields</name>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>None (not encrypted)</source>
        <translation>Keine (unverschlüsselt)</translation>
    </message>
    <message>
        <source>Check the server&apos;s &amp;certificate</source>
        <translation>&amp;Zertifikat des Servers prüfen</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Sicherheit:</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkombinationen</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkombinationen</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
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
    <name>StoreOpener</name>
    <message>
        <source>&amp;Store</source>
        <translation>&amp;Speicher</translation>
    </message>
    <message>
        <source>The mail in each account&apos;s store, the Outbox and Sent Items</source>
        <translation>Die E-Mails im Speicher jedes Kontos, im Postausgang und in Gesendete Elemente</translation>
    </message>
    <message>
        <source>Open &amp;Store</source>
        <translation>&amp;Speicher öffnen</translation>
    </message>
</context>
<context>
    <name>StoreWindow</name>
    <message>
        <source>Store</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Folder status</source>
        <translation>Ordnerstatus</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Nachrichtentext</translation>
    </message>
    <message>
        <source>Outbox and Sent Items</source>
        <translation>Postausgang und Gesendete Elemente</translation>
    </message>
    <message>
        <source>no mail folders yet</source>
        <translation>noch keine E-Mail-Ordner</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>more than %1</source>
        <translation>mehr als %1</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Wählen Sie einen Ordner</translation>
    </message>
    <message>
        <source>Reading the folder…</source>
        <translation>Ordner wird gelesen…</translation>
    </message>
    <message>
        <source>The first %1 messages; the folder holds more</source>
        <translation>Die ersten %1 Nachrichten; der Ordner enthält mehr</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln Nachricht</numerusform>
            <numerusform>%Ln Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <source>[%1]</source>
        <translation>[%1]</translation>
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
    <name>Violation</name>
    <message>
        <source>Progress text type</source>
        <translation>Texttyp von Progress</translation>
    </message>
    <message>
        <source>Progress index type</source>
        <translation>Indextyp von Progress</translation>
    </message>
    <message>
        <source>Progress index range</source>
        <translation>Indexbereich von Progress</translation>
    </message>
    <message>
        <source>Progress index beyond max</source>
        <translation>Progress-Index über dem Maximum</translation>
    </message>
    <message>
        <source>Error hResult type</source>
        <translation>hResult-Typ von Error</translation>
    </message>
    <message>
        <source>Error text type</source>
        <translation>Texttyp von Error</translation>
    </message>
    <message>
        <source>Done event type</source>
        <translation>Ereignistyp von Done</translation>
    </message>
    <message>
        <source>Done hResult type</source>
        <translation>hResult-Typ von Done</translation>
    </message>
    <message>
        <source>QueryInterface riid type</source>
        <translation>riid-Typ von QueryInterface</translation>
    </message>
    <message>
        <source>Progress after Done</source>
        <translation>Progress nach Done</translation>
    </message>
    <message>
        <source>Error after Done</source>
        <translation>Error nach Done</translation>
    </message>
    <message>
        <source>Done called twice</source>
        <translation>Done zweimal aufgerufen</translation>
    </message>
    <message>
        <source>Done after the task ended</source>
        <translation>Done nach dem Ende der Aufgabe</translation>
    </message>
    <message>
        <source>return type</source>
        <translation>Rückgabetyp</translation>
    </message>
    <message>
        <source>raised after Done</source>
        <translation>Ausnahme nach Done</translation>
    </message>
    <message>
        <source>return after Done</source>
        <translation>Rückgabe nach Done</translation>
    </message>
    <message>
        <source>phSyncDoneEvent replaced</source>
        <translation>phSyncDoneEvent ersetzt</translation>
    </message>
    <message>
        <source>phSyncDoneEvent type</source>
        <translation>Typ von phSyncDoneEvent</translation>
    </message>
    <message>
        <source>thread ended without Done</source>
        <translation>Thread ohne Done beendet</translation>
    </message>
    <message>
        <source>Done missing</source>
        <translation>Done fehlt</translation>
    </message>
    <message>
        <source>Done after the done event</source>
        <translation>Done nach dem Done-Ereignis</translation>
    </message>
    <message>
        <source>no return after Done</source>
        <translation>keine Rückkehr nach Done</translation>
    </message>
    <message>
        <source>done event never signalled</source>
        <translation>Fertig-Ereignis nie gesetzt</translation>
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
        <source>%1: %2</source>
        <comment>error kind: message</comment>
        <translation>%1: %2</translation>
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
        <source>%1: %2: %3</source>
        <comment>contract violation: rule: what it concerns: the sentence</comment>
        <translation>%1: %2: %3</translation>
    </message>
    <message>
        <source>Rule %1 (%2)</source>
        <comment>a contract rule: its number (its title)</comment>
        <translation>Regel %1 (%2)</translation>
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
