<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Send/Receive Workbench</source>
        <translation>À propos de Send/Receive Workbench</translation>
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
        <translation>Journal : %1</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>Profil : %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
</context>
<context>
    <name>AccountTableModel</name>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Last Send/Receive</source>
        <translation>Dernier envoi/réception</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>First error</source>
        <translation>Première erreur</translation>
    </message>
    <message>
        <source>Next scheduled</source>
        <translation>Prochaine exécution planifiée</translation>
    </message>
    <message>
        <source>Disabled: left out of every run</source>
        <translation>Désactivé : exclu de toutes les exécutions</translation>
    </message>
    <message>
        <source>%1
Provider: %2
Flags: %3</source>
        <translation>%1
Fournisseur : %2
Indicateurs : %3</translation>
    </message>
    <message>
        <source>Not run yet</source>
        <translation>Pas encore exécuté</translation>
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
        <translation>Paramètres des comptes</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>&amp;Accounts, in the order the window lists them:</source>
        <translation>&amp;Comptes, dans l&apos;ordre de la fenêtre :</translation>
    </message>
    <message>
        <source>New &amp;IMAP/SMTP Account…</source>
        <translation>Nouveau compte &amp;IMAP/SMTP…</translation>
    </message>
    <message>
        <source>New &amp;Other Account…</source>
        <translation>Nouveau compte d&apos;un &amp;autre type…</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Monter (&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>Descen&amp;dre</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>Supprimer le compte</translation>
    </message>
    <message>
        <source>Remove the account %1 from the profile?</source>
        <translation>Supprimer le compte %1 du profil ?</translation>
    </message>
    <message>
        <source>This change would break the profile:</source>
        <translation>Cette modification rendrait le profil inutilisable :</translation>
    </message>
    <message>
        <source>The profile could not be written:</source>
        <translation>Le profil n&apos;a pas pu être écrit :</translation>
    </message>
    <message>
        <source>The profile was saved, but the password was not:</source>
        <translation>Le profil a été enregistré, mais pas le mot de passe :</translation>
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
        <translation>L&apos;Atelier Envoyer/Recevoir ne peut pas démarrer</translation>
    </message>
</context>
<context>
    <name>CallTableModel</name>
    <message>
        <source>Time (s)</source>
        <translation>Temps (s)</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>Thread</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Arguments</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
</context>
<context>
    <name>CallsPage</name>
    <message>
        <source>Show calls of kind</source>
        <translation>Afficher les appels de ce type</translation>
    </message>
    <message>
        <source>All calls</source>
        <translation>Tous les appels</translation>
    </message>
    <message>
        <source>Host steps</source>
        <translation>Étapes de l’hôte</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <source>F8: next contract violation, Shift+F8: previous one</source>
        <translation>F8 : violation du contrat suivante, Maj+F8 : précédente</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Enregistrer…</translation>
    </message>
    <message>
        <source>Save the task&apos;s recording, or the selected calls as text</source>
        <translation>Enregistrer l’enregistrement de la tâche, ou les appels sélectionnés en texte</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Afficher :</translation>
    </message>
    <message>
        <source>Select a task in the Tasks tab to see its calls.</source>
        <translation>Sélectionnez une tâche dans l’onglet Tâches pour voir ses appels.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>calls of task: count</comment>
        <translation>%1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln call(s)</source>
        <translation>
            <numerusform>%Ln appel</numerusform>
            <numerusform>%Ln appels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln earlier call(s) dropped)</source>
        <translation>
            <numerusform>(%Ln appel antérieur abandonné)</numerusform>
            <numerusform>(%Ln appels antérieurs abandonnés)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contract violation(s), F8 goes to the next</source>
        <translation>
            <numerusform>%Ln violation du contrat, F8 y mène</numerusform>
            <numerusform>%Ln violations du contrat, F8 mène à la suivante</numerusform>
        </translation>
    </message>
    <message>
        <source>Recording (*.jsonl)</source>
        <translation>Enregistrement (*.jsonl)</translation>
    </message>
    <message>
        <source>Selected calls as text (*.txt)</source>
        <translation>Appels sélectionnés en texte (*.txt)</translation>
    </message>
    <message>
        <source>Save Calls</source>
        <translation>Enregistrer les appels</translation>
    </message>
    <message>
        <source>Could not write %1: %2. Choose another place to save the calls.</source>
        <translation>Impossible d’écrire %1 : %2. Choisissez un autre emplacement pour enregistrer les appels.</translation>
    </message>
</context>
<context>
    <name>ErrorTableModel</name>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Dernière fois</translation>
    </message>
</context>
<context>
    <name>Facility</name>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Stockage</translation>
    </message>
    <message>
        <source>interface-defined, MAPI</source>
        <translation>définie par l&apos;interface, MAPI</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>Control</source>
        <translation>Contrôle</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Certificats</translation>
    </message>
</context>
<context>
    <name>Finding</name>
    <message>
        <source>Not responding: no progress for %1 s</source>
        <translation>Ne répond pas : aucune progression depuis %1 s</translation>
    </message>
    <message>
        <source>No result after %1 s (the task time limit); the host cancelled the task.</source>
        <translation>Aucun résultat après %1 s (la limite de temps de la tâche) ; l&apos;hôte a annulé la tâche.</translation>
    </message>
    <message>
        <source>No result after %1 s (the task time limit): the provider was still loading (its module&apos;s import or its factory had not returned); the host cancelled the task.</source>
        <translation>Aucun résultat après %1 s (la limite de temps de la tâche) : le fournisseur était encore en cours de chargement (l&apos;import de son module ou l&apos;appel de sa fabrique n&apos;était pas terminé) ; l&apos;hôte a annulé la tâche.</translation>
    </message>
    <message>
        <source>No result after %1 s (the task time limit); the host cancelled the task. Meanwhile the whole host was held up for %2 s (a thread held Python&apos;s interpreter lock, the GIL, e.g. a provider in C code): this task may have been starved rather than slow.</source>
        <translation>Aucun résultat après %1 s (la limite de temps de la tâche) ; l&apos;hôte a annulé la tâche. Entre-temps, l&apos;hôte entier a été bloqué pendant %2 s (un thread détenait le verrou de l&apos;interpréteur Python, le GIL, par exemple un fournisseur en code C) : cette tâche a peut-être été privée de temps plutôt que lente.</translation>
    </message>
    <message>
        <source>No result after %1 s (the task time limit); the host cancelled the task. Its process waited %2 s for a CPU while other work ran (given back, up to the limit again).</source>
        <translation>Aucun résultat après %1 s (la limite de temps de la tâche) ; l&apos;hôte a annulé la tâche. Son processus a attendu un processeur pendant %2 s pendant que d&apos;autres travaux s&apos;exécutaient (temps rendu, jusqu&apos;à une fois la limite).</translation>
    </message>
    <message>
        <source>No result after %1 s (the task time limit); the host cancelled the task. Meanwhile the whole host was held up for %2 s (a thread held Python&apos;s interpreter lock, the GIL, e.g. a provider in C code): this task may have been starved rather than slow. Its process waited %3 s for a CPU while other work ran (given back, up to the limit again).</source>
        <translation>Aucun résultat après %1 s (la limite de temps de la tâche) ; l&apos;hôte a annulé la tâche. Entre-temps, l&apos;hôte entier a été bloqué pendant %2 s (un thread détenait le verrou de l&apos;interpréteur Python, le GIL, par exemple un fournisseur en code C) : cette tâche a peut-être été privée de temps plutôt que lente. Son processus a attendu un processeur pendant %3 s pendant que d&apos;autres travaux s&apos;exécutaient (temps rendu, jusqu&apos;à une fois la limite).</translation>
    </message>
    <message>
        <source>The synchronization failed.</source>
        <translation>La synchronisation a échoué.</translation>
    </message>
    <message>
        <source>More than %1 distinct lines from this task: every further one is counted here.</source>
        <translation>Plus de %1 lignes distinctes pour cette tâche : chaque ligne supplémentaire est comptée ici.</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>(aucune description)</translation>
    </message>
    <message>
        <source>SynchronizeInBackground raised %1</source>
        <translation>SynchronizeInBackground a levé %1</translation>
    </message>
    <message>
        <source>SynchronizeInBackground returned %1</source>
        <translation>SynchronizeInBackground a renvoyé %1</translation>
    </message>
    <message>
        <source>The provider&apos;s thread %1 raised %2</source>
        <translation>Le thread %1 du fournisseur a levé %2</translation>
    </message>
    <message>
        <source>The provider&apos;s thread ended without reporting a result (no Done).</source>
        <translation>Le thread du fournisseur s&apos;est terminé sans signaler de résultat (aucun Done).</translation>
    </message>
    <message>
        <source>The provider ended without reporting a result (no Done).</source>
        <translation>Le fournisseur s&apos;est terminé sans signaler de résultat (aucun Done).</translation>
    </message>
    <message>
        <source>The provider returned without reporting a result (no Done).</source>
        <translation>Le fournisseur est revenu sans signaler de résultat (aucun Done).</translation>
    </message>
    <message>
        <source>The provider did not stop within %1 s of Cancel; its process was stopped.</source>
        <translation>Le fournisseur ne s&apos;est pas arrêté dans les %1 s suivant l&apos;annulation ; son processus a été arrêté.</translation>
    </message>
    <message>
        <source>The provider did not stop within %1 s of Cancel; it was abandoned and its thread left to end on its own.</source>
        <translation>Le fournisseur ne s&apos;est pas arrêté dans les %1 s suivant l&apos;annulation ; il a été abandonné, son thread se terminera de lui-même.</translation>
    </message>
    <message>
        <source>The host could not call the provider.</source>
        <translation>L&apos;hôte n&apos;a pas pu appeler le fournisseur.</translation>
    </message>
    <message>
        <source>Cannot create the local store %1: %2</source>
        <translation>Impossible de créer la banque locale %1 : %2</translation>
    </message>
    <message>
        <source>Cannot load provider %1: %2</source>
        <translation>Impossible de charger le fournisseur %1 : %2</translation>
    </message>
    <message>
        <source>Reading phSyncDoneEvent raised %1</source>
        <translation>La lecture de phSyncDoneEvent a levé %1</translation>
    </message>
    <message>
        <source>The provider&apos;s done event is not an event.</source>
        <translation>L&apos;événement de fin du fournisseur n&apos;est pas un événement.</translation>
    </message>
    <message>
        <source>killed: memory limit: SynchronizeInBackground raised MemoryError at the account&apos;s limit of %1 MB (memory_limit_mb)</source>
        <translation>arrêté : limite de mémoire : SynchronizeInBackground a levé MemoryError à la limite du compte de %1 Mo (memory_limit_mb)</translation>
    </message>
    <message>
        <source>provider spec %1 must look like module:attr or file.py:attr</source>
        <translation>la désignation de fournisseur %1 doit avoir la forme module:attr ou fichier.py:attr</translation>
    </message>
    <message>
        <source>%1 has no attribute %2 (it has: %3)</source>
        <translation>%1 n&apos;a pas d&apos;attribut %2 (il a : %3)</translation>
    </message>
    <message>
        <source>%1 has no attribute %2 (it has: nothing)</source>
        <translation>%1 n&apos;a pas d&apos;attribut %2 (il n&apos;a rien)</translation>
    </message>
    <message>
        <source>%1 is a %2, not a provider: it has no SynchronizeInBackground and cannot be called to make one</source>
        <translation>%1 est un %2, pas un fournisseur : il n&apos;a pas de SynchronizeInBackground et ne peut pas être appelé pour en créer un</translation>
    </message>
    <message>
        <source>%1 rejected the account&apos;s settings: %2</source>
        <translation>%1 a refusé les paramètres du compte : %2</translation>
    </message>
    <message>
        <source>%1 raised while being created: %2</source>
        <translation>%1 a levé une exception lors de sa création : %2</translation>
    </message>
    <message>
        <source>%1 made a %2 that has no SynchronizeInBackground method</source>
        <translation>%1 a créé un %2 sans méthode SynchronizeInBackground</translation>
    </message>
    <message>
        <source>no provider named %1; %2 (or give module:attr or path/to/file.py:attr)</source>
        <translation>aucun fournisseur nommé %1 ; %2 (ou indiquez module:attr ou chemin/vers/fichier.py:attr)</translation>
    </message>
    <message>
        <source>did you mean %1?</source>
        <translation>vouliez-vous dire %1 ?</translation>
    </message>
    <message>
        <source>did you mean %1 or %2?</source>
        <translation>vouliez-vous dire %1 ou %2 ?</translation>
    </message>
    <message>
        <source>installed: %1</source>
        <translation>installés : %1</translation>
    </message>
    <message>
        <source>installed: none</source>
        <translation>installés : aucun</translation>
    </message>
    <message>
        <source>provider %1 (%2) failed to load: %3</source>
        <translation>le fournisseur %1 (%2) n&apos;a pas pu être chargé : %3</translation>
    </message>
    <message>
        <source>cannot import %1: %2</source>
        <translation>impossible d&apos;importer %1 : %2</translation>
    </message>
    <message>
        <source>importing %1 raised %2</source>
        <translation>l&apos;importation de %1 a levé %2</translation>
    </message>
    <message>
        <source>cannot read provider file %1: %2</source>
        <translation>impossible de lire le fichier de fournisseur %1 : %2</translation>
    </message>
    <message>
        <source>%1 is not a Python module</source>
        <translation>%1 n&apos;est pas un module Python</translation>
    </message>
    <message>
        <source>it called sys.exit(%1)</source>
        <translation>il a appelé sys.exit(%1)</translation>
    </message>
    <message>
        <source>Cannot start the provider&apos;s process: %1</source>
        <translation>Impossible de démarrer le processus du fournisseur : %1</translation>
    </message>
    <message>
        <source>The provider&apos;s process died: %1 %2.</source>
        <translation>Le processus du fournisseur s&apos;est arrêté brutalement : %1, %2.</translation>
    </message>
    <message>
        <source>The provider&apos;s process broke the host&apos;s protocol (%1) %2.</source>
        <translation>Le processus du fournisseur a enfreint le protocole de l&apos;hôte (%1), %2.</translation>
    </message>
    <message>
        <source>%1 Its last output: %2</source>
        <translation>%1 Sa dernière sortie : %2</translation>
    </message>
    <message>
        <source>its end is unknown (the fork server ended)</source>
        <translation>sa fin est inconnue (le serveur de fork s&apos;est arrêté)</translation>
    </message>
    <message>
        <source>The provider&apos;s process replaced itself with another program (exec of %1), so it was ended %2.</source>
        <translation>Le processus du fournisseur s&apos;est remplacé par un autre programme (exec de %1) ; il a donc été arrêté, %2.</translation>
    </message>
    <message>
        <source>The provider&apos;s process left %1 process(es) behind, killed with it: %2.</source>
        <translation>Le processus du fournisseur a laissé %1 processus derrière lui, tués avec lui : %2.</translation>
    </message>
    <message>
        <source>The provider&apos;s process ignored SIGTERM; it was killed (SIGKILL).</source>
        <translation>Le processus du fournisseur a ignoré SIGTERM ; il a été tué (SIGKILL).</translation>
    </message>
    <message>
        <source>The provider&apos;s process had been stopped (SIGSTOP or the like): it did not run until the host ended it.</source>
        <translation>Le processus du fournisseur avait été suspendu (SIGSTOP ou autre) : il n&apos;a plus tourné jusqu&apos;à ce que l&apos;hôte l&apos;arrête.</translation>
    </message>
    <message>
        <source>cannot start the program %1: %2</source>
        <translation>impossible de démarrer le programme %1 : %2</translation>
    </message>
    <message>
        <source>The program broke the provider protocol at line %1 of its output: %2</source>
        <translation>Le programme a enfreint le protocole des fournisseurs à la ligne %1 de sa sortie : %2</translation>
    </message>
    <message>
        <source>The program ended without Done: %1 %2.</source>
        <translation>Le programme s&apos;est terminé sans Done : %1, %2.</translation>
    </message>
    <message>
        <source>after it returned in background style</source>
        <translation>après son retour en style arrière-plan</translation>
    </message>
    <message>
        <source>it closed its output but had not exited %1 s later, and was killed</source>
        <translation>il a fermé sa sortie mais ne s&apos;était pas terminé %1 s plus tard, et a été tué</translation>
    </message>
    <message>
        <source>exit code %1 (the host&apos;s side of the process failed)</source>
        <translation>code de sortie %1 (la partie hôte du processus a échoué)</translation>
    </message>
    <message>
        <source>exit code %1 (the provider closed its process&apos;s socket to the app)</source>
        <translation>code de sortie %1 (le fournisseur a fermé le socket de son processus vers l&apos;application)</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>code de sortie %1</translation>
    </message>
    <message>
        <source>killed: CPU time limit (%1 s, cpu_seconds)</source>
        <translation>arrêté : limite de temps processeur (%1 s, cpu_seconds)</translation>
    </message>
    <message>
        <source>killed: memory limit (%1 MB, memory_limit_mb)</source>
        <translation>arrêté : limite de mémoire (%1 Mo, memory_limit_mb)</translation>
    </message>
    <message>
        <source>killed: thread limit (%1 threads, threads)</source>
        <translation>arrêté : limite de threads (%1 threads, threads)</translation>
    </message>
    <message>
        <source>killed: open files limit (%1 files, open_files)</source>
        <translation>arrêté : limite de fichiers ouverts (%1 fichiers, open_files)</translation>
    </message>
    <message>
        <source>signal %1 (%2)</source>
        <translation>signal %1 (%2)</translation>
    </message>
    <message>
        <source>signal %1 (unknown signal)</source>
        <translation>signal %1 (signal inconnu)</translation>
    </message>
    <message>
        <source>while loading the provider</source>
        <translation>pendant le chargement du fournisseur</translation>
    </message>
    <message>
        <source>in SynchronizeInBackground</source>
        <translation>dans SynchronizeInBackground</translation>
    </message>
    <message>
        <source>after Done</source>
        <translation>après Done</translation>
    </message>
    <message>
        <source>after SynchronizeInBackground returned (in the provider&apos;s own threads)</source>
        <translation>après le retour de SynchronizeInBackground (dans les threads du fournisseur)</translation>
    </message>
    <message>
        <source>pwcszProgress must be a str or None, got %1 %2; the step text was kept</source>
        <translation>pwcszProgress doit être un str ou None, reçu %1 %2 ; le texte d&apos;étape a été conservé</translation>
    </message>
    <message>
        <source>%1: %2 must be an int, got %3; position kept</source>
        <translation>%1 : %2 doit être un int, reçu %3 ; position conservée</translation>
    </message>
    <message>
        <source>%1: %2 must be a ULONG (0 … 4294967295); position kept</source>
        <translation>%1 : %2 doit être un ULONG (0 … 4294967295) ; position conservée</translation>
    </message>
    <message>
        <source>%1: ulIndex &gt; ulIndexMax; clamped to ulIndexMax</source>
        <translation>%1 : ulIndex &gt; ulIndexMax ; ramené à ulIndexMax</translation>
    </message>
    <message>
        <source>Error&apos;s hResult must be a 32-bit int HRESULT, got %1; the message was: &apos;%2&apos;</source>
        <translation>le hResult d&apos;Error doit être un HRESULT int de 32 bits, reçu %1 ; le message était : « %2 »</translation>
    </message>
    <message>
        <source>pwcszErrorStr must be a str, got %1 %2</source>
        <translation>pwcszErrorStr doit être un str, reçu %1 %2</translation>
    </message>
    <message>
        <source>hThreadDoneEvent must be a threading.Event or None, got %1</source>
        <translation>hThreadDoneEvent doit être un threading.Event ou None, reçu %1</translation>
    </message>
    <message>
        <source>Done&apos;s hResult must be a 32-bit int HRESULT, got %1; the task is failed with %2</source>
        <translation>le hResult de Done doit être un HRESULT int de 32 bits, reçu %1 ; la tâche échoue avec %2</translation>
    </message>
    <message>
        <source>QueryInterface&apos;s riid must be a uuid.UUID, got %1 %2; it answered E_INVALIDARG</source>
        <translation>le riid de QueryInterface doit être un uuid.UUID, reçu %1 %2 ; la réponse a été E_INVALIDARG</translation>
    </message>
    <message>
        <source>%1(%2) was called after the task ended; ignored</source>
        <translation>%1(%2) a été appelé après la fin de la tâche ; ignoré</translation>
    </message>
    <message>
        <source>SynchronizeInBackground must return an HRESULT int, got %1; taken as S_OK</source>
        <translation>SynchronizeInBackground doit renvoyer un HRESULT int, reçu %1 ; pris comme S_OK</translation>
    </message>
    <message>
        <source>returned %1 after Done reported success</source>
        <translation>a renvoyé %1 après que Done a signalé la réussite</translation>
    </message>
    <message>
        <source>psibpb.phSyncDoneEvent was replaced by %1; the event belongs in psibpb.phSyncDoneEvent.value</source>
        <translation>psibpb.phSyncDoneEvent a été remplacé par %1 ; l&apos;événement va dans psibpb.phSyncDoneEvent.value</translation>
    </message>
    <message>
        <source>phSyncDoneEvent must hold a threading.Event, got %1</source>
        <translation>phSyncDoneEvent doit contenir un threading.Event, reçu %1</translation>
    </message>
    <message>
        <source>the provider&apos;s thread %1 ended</source>
        <translation>le thread %1 du fournisseur s&apos;est terminé</translation>
    </message>
    <message>
        <source>no thread of the provider holds its callback any more</source>
        <translation>plus aucun thread du fournisseur ne détient son rappel</translation>
    </message>
    <message>
        <source>the provider signalled phSyncDoneEvent and had not called Done %1 s later</source>
        <translation>le fournisseur a signalé phSyncDoneEvent et n&apos;avait pas appelé Done %1 s plus tard</translation>
    </message>
    <message>
        <source>Done came %1 s after phSyncDoneEvent was set, when the task had already ended for want of it; ignored</source>
        <translation>Done est arrivé %1 s après le signalement de phSyncDoneEvent, alors que la tâche s&apos;était déjà terminée faute de Done ; ignoré</translation>
    </message>
    <message>
        <source>SynchronizeInBackground returned success without calling Done and without filling phSyncDoneEvent (background style)</source>
        <translation>SynchronizeInBackground a renvoyé un succès sans appeler Done ni remplir phSyncDoneEvent (style arrière-plan)</translation>
    </message>
    <message>
        <source>SynchronizeInBackground had not returned %1 s after the task ended</source>
        <translation>SynchronizeInBackground n&apos;était pas revenu %1 s après la fin de la tâche</translation>
    </message>
    <message>
        <source>phSyncDoneEvent was not set %1 s after Done</source>
        <translation>phSyncDoneEvent n&apos;était pas signalé %1 s après Done</translation>
    </message>
</context>
<context>
    <name>GroupsDialog</name>
    <message>
        <source>Send/Receive Groups</source>
        <translation>Groupes d&apos;envoi/réception</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nouveau…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Renommer…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Include this group in Send/Receive All (F9)</source>
        <translation>&amp;Inclure ce groupe dans Tout envoyer/recevoir (F9)</translation>
    </message>
    <message>
        <source>&amp;Schedule an automatic Send/Receive every</source>
        <translation>&amp;Planifier un envoi/réception automatique toutes les</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>In group</source>
        <translation>Dans le groupe</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Recevoir</translation>
    </message>
    <message>
        <source>&amp;Groups:</source>
        <translation>&amp;Groupes :</translation>
    </message>
    <message>
        <source>Settings of the selected group</source>
        <translation>Paramètres du groupe sélectionné</translation>
    </message>
    <message>
        <source>Accounts, and what the group does for each:</source>
        <translation>Comptes, et ce que le groupe fait pour chacun :</translation>
    </message>
    <message>
        <source>A group needs a name.</source>
        <translation>Un groupe doit avoir un nom.</translation>
    </message>
    <message>
        <source>There is already a group named &apos;%1&apos;.</source>
        <translation>Il existe déjà un groupe nommé « %1 ».</translation>
    </message>
    <message>
        <source>New Group</source>
        <translation>Nouveau groupe</translation>
    </message>
    <message>
        <source>Group name:</source>
        <translation>Nom du groupe :</translation>
    </message>
    <message>
        <source>Rename Group</source>
        <translation>Renommer le groupe</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nouveau nom :</translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation>%1 (désactivé)</translation>
    </message>
    <message>
        <source>These groups would break the profile:</source>
        <translation>Ces groupes rendraient le profil inutilisable :</translation>
    </message>
    <message>
        <source>The profile could not be written:</source>
        <translation>Le profil n&apos;a pas pu être écrit :</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>Rien n&apos;a été écrit.</translation>
    </message>
</context>
<context>
    <name>LogViewer</name>
    <message>
        <source>Log — %1</source>
        <translation>Journal — %1</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Nothing has been logged yet.</source>
        <translation>Rien n&apos;a encore été journalisé.</translation>
    </message>
    <message>
        <source>The log cannot be read: %1</source>
        <translation>Le journal ne peut pas être lu : %1</translation>
    </message>
</context>
<context>
    <name>MailAccountEditor</name>
    <message>
        <source>Change IMAP/SMTP Account</source>
        <translation>Modifier le compte IMAP/SMTP</translation>
    </message>
    <message>
        <source>New IMAP/SMTP Account</source>
        <translation>Nouveau compte IMAP/SMTP</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <source>Incoming mail (IMAP)</source>
        <translation>Courrier entrant (IMAP)</translation>
    </message>
    <message>
        <source>Outgoing mail (SMTP)</source>
        <translation>Courrier sortant (SMTP)</translation>
    </message>
    <message>
        <source>Security warning</source>
        <translation>Avertissement de sécurité</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>&amp;Nom du compte :</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Nom du compte</translation>
    </message>
    <message>
        <source>&amp;E-mail address:</source>
        <translation>Adresse &amp;e-mail :</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>Adresse e-mail</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d&apos;&amp;utilisateur :</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe :</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>The password is kept in the system keyring, not in the profile.</source>
        <translation>Le mot de passe est conservé dans le trousseau du système, pas dans le profil.</translation>
    </message>
    <message>
        <source>account name</source>
        <translation>nom du compte</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>incoming server</source>
        <translation>serveur entrant</translation>
    </message>
    <message>
        <source>outgoing server</source>
        <translation>serveur sortant</translation>
    </message>
    <message>
        <source>password</source>
        <translation>mot de passe</translation>
    </message>
    <message>
        <source>Please fill in: %1.</source>
        <translation>Veuillez remplir : %1.</translation>
    </message>
    <message>
        <source>The incoming server is not encrypted: your password and mail cross the network readable by anyone on the way.</source>
        <translation>Le serveur entrant n&apos;est pas chiffré : votre mot de passe et vos messages traversent le réseau lisibles par tous sur le trajet.</translation>
    </message>
    <message>
        <source>The outgoing server is not encrypted: your password and mail cross the network readable by anyone on the way.</source>
        <translation>Le serveur sortant n&apos;est pas chiffré : votre mot de passe et vos messages traversent le réseau lisibles par tous sur le trajet.</translation>
    </message>
    <message>
        <source>The incoming server&apos;s certificate is not checked: anyone on the way can pose as the server and read your password.</source>
        <translation>Le certificat du serveur entrant n&apos;est pas vérifié : n&apos;importe qui sur le trajet peut se faire passer pour le serveur et lire votre mot de passe.</translation>
    </message>
    <message>
        <source>The outgoing server&apos;s certificate is not checked: anyone on the way can pose as the server and read your password.</source>
        <translation>Le certificat du serveur sortant n&apos;est pas vérifié : n&apos;importe qui sur le trajet peut se faire passer pour le serveur et lire votre mot de passe.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Always</source>
        <translation>&amp;Toujours</translation>
    </message>
    <message>
        <source>For Send/Receive I &amp;Start (not Scheduled Ones)</source>
        <translation>Pour les envois/réceptions que je &amp;lance (pas ceux planifiés)</translation>
    </message>
    <message>
        <source>&amp;Never</source>
        <translation>&amp;Jamais</translation>
    </message>
    <message>
        <source>(no profile)</source>
        <translation>(aucun profil)</translation>
    </message>
    <message>
        <source>Send/Receive Workbench — %1</source>
        <translation>Atelier Envoyer/Recevoir — %1</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Boîte d&apos;envoi</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>Send/Receive progress</source>
        <translation>Progression de l&apos;envoi/réception</translation>
    </message>
    <message>
        <source>A Send/Receive failed: show its errors</source>
        <translation>Un envoi/réception a échoué : afficher ses erreurs</translation>
    </message>
    <message>
        <source>Working Offline</source>
        <translation>Hors connexion</translation>
    </message>
    <message>
        <source>Click to work online</source>
        <translation>Cliquez pour travailler en ligne</translation>
    </message>
    <message>
        <source>This profile has no account yet: add one with Tools ▸ Account Settings.</source>
        <translation>Ce profil n&apos;a encore aucun compte : ajoutez-en un avec Outils ▸ Paramètres des comptes.</translation>
    </message>
    <message>
        <source>Press F9 to Send/Receive all accounts. Add or change accounts with Tools ▸ Account Settings.</source>
        <translation>Appuyez sur F9 pour envoyer/recevoir tous les comptes. Ajoutez ou modifiez des comptes avec Outils ▸ Paramètres des comptes.</translation>
    </message>
    <message>
        <source>Welcome! Your own profile was made from the demo. Its accounts are pretend ones to try: press F9 to Send/Receive them. Add your own account with Tools ▸ Account Settings.</source>
        <translation>Bienvenue ! Votre propre profil a été créé à partir de la démo. Ses comptes sont fictifs, pour essayer : appuyez sur F9 pour les envoyer/recevoir. Ajoutez votre propre compte avec Outils ▸ Paramètres des comptes.</translation>
    </message>
    <message>
        <source>First start</source>
        <translation>Premier démarrage</translation>
    </message>
    <message>
        <source>Send/Receive &amp;All</source>
        <translation>&amp;Tout envoyer/recevoir</translation>
    </message>
    <message>
        <source>Send/Receive &amp;Selected Account</source>
        <translation>Envoyer/recevoir le compte &amp;sélectionné</translation>
    </message>
    <message>
        <source>Show &amp;Progress</source>
        <translation>Afficher la &amp;progression</translation>
    </message>
    <message>
        <source>&amp;Cancel Send/Receive</source>
        <translation>&amp;Annuler l&apos;envoi/réception</translation>
    </message>
    <message>
        <source>&amp;Retry Failed Tasks</source>
        <translation>&amp;Réessayer les tâches en échec</translation>
    </message>
    <message>
        <source>Run the last Send/Receive&apos;s failed and cancelled tasks again</source>
        <translation>Relancer les tâches en échec et annulées du dernier envoi/réception</translation>
    </message>
    <message>
        <source>Send/Receive</source>
        <translation>Envoyer/Recevoir</translation>
    </message>
    <message>
        <source>&amp;New Message…</source>
        <translation>&amp;Nouveau message…</translation>
    </message>
    <message>
        <source>&amp;Work Offline</source>
        <translation>&amp;Travailler hors connexion</translation>
    </message>
    <message>
        <source>&amp;Define Send/Receive Groups…</source>
        <translation>&amp;Définir les groupes d&apos;envoi/réception…</translation>
    </message>
    <message>
        <source>Only a profile file has groups to edit</source>
        <translation>Seul un fichier de profil a des groupes à modifier</translation>
    </message>
    <message>
        <source>&amp;Send/Receive</source>
        <translation>&amp;Envoyer/Recevoir</translation>
    </message>
    <message>
        <source>Send/Receive &amp;Groups</source>
        <translation>&amp;Groupes d&apos;envoi/réception</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;Account Settings…</source>
        <translation>&amp;Paramètres des comptes…</translation>
    </message>
    <message>
        <source>Only a profile file has accounts to edit</source>
        <translation>Seul un fichier de profil a des comptes à modifier</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Show the Send/Receive &amp;Dialog</source>
        <translation>Afficher la boîte de &amp;dialogue Envoyer/Recevoir</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>View &amp;Log</source>
        <translation>Afficher le &amp;journal</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Ouvrir %1</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About Send/Receive Workbench</source>
        <translation>À &amp;propos de Send/Receive Workbench</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>Comme le &amp;système</translation>
    </message>
    <message>
        <source>Work Offline</source>
        <translation>Travailler hors connexion</translation>
    </message>
    <message>
        <source>You are working offline. Go online and Send/Receive?</source>
        <translation>Vous travaillez hors connexion. Passer en ligne et envoyer/recevoir ?</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>The profile could not be changed: %1</source>
        <translation>Le profil n&apos;a pas pu être modifié : %1</translation>
    </message>
    <message>
        <source>The language changes when Send/Receive Workbench starts again.</source>
        <translation>La langue changera au prochain démarrage de l&apos;Atelier Envoyer/Recevoir.</translation>
    </message>
    <message>
        <source>The profile cannot be used</source>
        <translation>Le profil ne peut pas être utilisé</translation>
    </message>
    <message>
        <source>The profile has problems; fix them and start again. Nothing was changed.</source>
        <translation>Le profil contient des erreurs ; corrigez-les puis relancez. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Profile error: %1</source>
        <translation>Erreur de profil : %1</translation>
    </message>
    <message>
        <source>Send/Receive Workbench</source>
        <translation>Atelier Envoyer/Recevoir</translation>
    </message>
    <message>
        <source>Task %1: %2</source>
        <translation>Tâche %1 : %2</translation>
    </message>
</context>
<context>
    <name>MessageListModel</name>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Avec indicateur</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>Transféré</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>Répondu</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lu</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimé</translation>
    </message>
    <message>
        <source>A link, not followed</source>
        <translation>Un lien, non suivi</translation>
    </message>
    <message>
        <source>Not a file</source>
        <translation>Pas un fichier</translation>
    </message>
    <message>
        <source>Moved or deleted since listed</source>
        <translation>Déplacé ou supprimé depuis la liste</translation>
    </message>
    <message>
        <source>Could not be read</source>
        <translation>Illisible</translation>
    </message>
    <message>
        <source>Header section too large</source>
        <translation>En-têtes trop volumineux</translation>
    </message>
    <message>
        <source>This message has no plain text</source>
        <translation>Ce message n’a pas de texte brut</translation>
    </message>
    <message>
        <source>Only the start is shown</source>
        <translation>Seul le début est affiché</translation>
    </message>
</context>
<context>
    <name>NewMessageWindow</name>
    <message>
        <source>New Message</source>
        <translation>Nouveau message</translation>
    </message>
    <message>
        <source>&amp;Attach File…</source>
        <translation>&amp;Joindre un fichier…</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;De :</translation>
    </message>
    <message>
        <source>From account</source>
        <translation>Compte d&apos;envoi</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <source>From address</source>
        <translation>Adresse de l&apos;expéditeur</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;À :</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation>&amp;Cc :</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>Cc</translation>
    </message>
    <message>
        <source>Su&amp;bject:</source>
        <translation>&amp;Objet :</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Message body</source>
        <translation>Corps du message</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <source>No account of this profile sends mail, so the message cannot be queued. Add one with Tools ▸ Account Settings.</source>
        <translation>Aucun compte de ce profil n&apos;envoie de courrier : le message ne peut pas être mis en file d&apos;attente. Ajoutez-en un avec Outils ▸ Paramètres des comptes.</translation>
    </message>
    <message>
        <source>The message was not queued: %1</source>
        <translation>Le message n&apos;a pas été mis dans la boîte d&apos;envoi : %1</translation>
    </message>
    <message>
        <source>Attach File</source>
        <translation>Joindre un fichier</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Sending was cut off: it is sent again at the next Send/Receive</source>
        <translation>Envoi interrompu : il sera renvoyé au prochain envoi/réception</translation>
    </message>
    <message>
        <source>Refused: %1 (not sent again until retried)</source>
        <translation>Refusé : %1 (pas renvoyé avant de réessayer)</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyé : %1</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 Ko</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <source>&amp;New Message…</source>
        <translation>&amp;Nouveau message…</translation>
    </message>
    <message>
        <source>&amp;Add Message…</source>
        <translation>&amp;Ajouter un message…</translation>
    </message>
    <message>
        <source>Queue an e-mail file (.eml); you can drop files here too</source>
        <translation>Mettre un fichier de courriel (.eml) dans la boîte d&apos;envoi ; vous pouvez aussi déposer des fichiers ici</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Send the selected refused messages again</source>
        <translation>Renvoyer les messages refusés sélectionnés</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Boîte d&apos;envoi</translation>
    </message>
    <message>
        <source>No account of this profile sends mail</source>
        <translation>Aucun compte de ce profil n&apos;envoie de courrier</translation>
    </message>
    <message>
        <source>Add Message</source>
        <translation>Ajouter un message</translation>
    </message>
    <message>
        <source>%1
Nothing was queued.</source>
        <translation>%1
Rien n&apos;a été mis dans la boîte d&apos;envoi.</translation>
    </message>
    <message>
        <source>E-mail messages (*.eml);;All files (*)</source>
        <translation>Messages électroniques (*.eml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>No enabled account of this profile sends mail.</source>
        <translation>Aucun compte activé de ce profil n&apos;envoie de courrier.</translation>
    </message>
    <message>
        <source>Send with account:</source>
        <translation>Envoyer avec le compte :</translation>
    </message>
</context>
<context>
    <name>ProfileChanged</name>
    <message>
        <source>Profile Changed</source>
        <translation>Profil modifié</translation>
    </message>
    <message>
        <source>%1

Load the profile again from disk? What you changed here is not kept.</source>
        <translation>%1

Recharger le profil depuis le disque ? Les modifications faites ici ne sont pas conservées.</translation>
    </message>
</context>
<context>
    <name>ProviderAccountEditor</name>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>Change Account</source>
        <translation>Modifier le compte</translation>
    </message>
    <message>
        <source>New Account</source>
        <translation>Nouveau compte</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>Nom du compte</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>&amp;Nom du compte :</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>&amp;Fournisseur :</translation>
    </message>
    <message>
        <source>This provider declares no settings.</source>
        <translation>Ce fournisseur ne déclare aucun paramètre.</translation>
    </message>
    <message>
        <source>Please fill in the account name and the provider.</source>
        <translation>Veuillez indiquer le nom du compte et le fournisseur.</translation>
    </message>
</context>
<context>
    <name>Rule</name>
    <message>
        <source>in-call or background style</source>
        <translation>style dans l&apos;appel ou en arrière-plan</translation>
    </message>
    <message>
        <source>what SynchronizeInBackground returns</source>
        <translation>ce que renvoie SynchronizeInBackground</translation>
    </message>
    <message>
        <source>Progress arguments</source>
        <translation>arguments de Progress</translation>
    </message>
    <message>
        <source>Done exactly once, nothing after it</source>
        <translation>Done une seule fois, rien après</translation>
    </message>
    <message>
        <source>argument types and ranges</source>
        <translation>types et plages des arguments</translation>
    </message>
</context>
<context>
    <name>SendReceiveDialog</name>
    <message>
        <source>Send/Receive Progress</source>
        <translation>Progression de l&apos;envoi/réception</translation>
    </message>
    <message>
        <source>Send/Receive has not run yet</source>
        <translation>Aucun envoi/réception n&apos;a encore eu lieu</translation>
    </message>
    <message>
        <source>Earlier runs, scheduled ones included, keep their tasks and errors</source>
        <translation>Les exécutions précédentes, planifiées comprises, gardent leurs tâches et leurs erreurs</translation>
    </message>
    <message>
        <source>Send/Receive runs</source>
        <translation>Exécutions d&apos;envoi/réception</translation>
    </message>
    <message>
        <source>Send/Receive progress</source>
        <translation>Progression de l&apos;envoi/réception</translation>
    </message>
    <message>
        <source>&amp;Cancel All</source>
        <translation>&amp;Annuler tout</translation>
    </message>
    <message>
        <source>Stops every task of this Send/Receive</source>
        <translation>Arrête toutes les tâches de cet envoi/réception</translation>
    </message>
    <message>
        <source>&lt;&lt; &amp;Details</source>
        <translation>&lt;&lt; &amp;Détails</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Shows or hides the list of tasks and the errors</source>
        <translation>Affiche ou masque la liste des tâches et les erreurs</translation>
    </message>
    <message>
        <source>Save &amp;Run…</source>
        <translation>Enregistrer l’e&amp;xécution…</translation>
    </message>
    <message>
        <source>Write each task&apos;s calls as a recording into a directory</source>
        <translation>Écrire les appels de chaque tâche comme enregistrement dans un dossier</translation>
    </message>
    <message>
        <source>Don&apos;t show this dialog box during Send/Receive</source>
        <translation>Ne pas afficher cette boîte de dialogue pendant l&apos;envoi/réception</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Cancel &amp;Task</source>
        <translation>Annuler la &amp;tâche</translation>
    </message>
    <message>
        <source>Stops the selected task</source>
        <translation>Arrête la tâche sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Runs the selected failed or cancelled tasks again</source>
        <translation>Relance les tâches sélectionnées en échec ou annulées</translation>
    </message>
    <message>
        <source>Errors and warnings</source>
        <translation>Erreurs et avertissements</translation>
    </message>
    <message>
        <source>C&amp;opy</source>
        <translation>C&amp;opier</translation>
    </message>
    <message>
        <source>Copy the selected error lines with all their details (all lines when none is selected)</source>
        <translation>Copie les lignes d&apos;erreur sélectionnées avec tous leurs détails (toutes les lignes si aucune n&apos;est sélectionnée)</translation>
    </message>
    <message>
        <source>Select an error to read all of it here.</source>
        <translation>Sélectionnez une erreur pour la lire ici en entier.</translation>
    </message>
    <message>
        <source>The selected error in full</source>
        <translation>L&apos;erreur sélectionnée en entier</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <source>R&amp;un:</source>
        <translation>Exéc&amp;ution :</translation>
    </message>
    <message>
        <source>&amp;Details &gt;&gt;</source>
        <translation>&amp;Détails &gt;&gt;</translation>
    </message>
    <message>
        <source>Cancelling %1</source>
        <translation>Annulation de %1</translation>
    </message>
    <message>
        <source>Save Run</source>
        <translation>Enregistrer l’exécution</translation>
    </message>
    <message>
        <source>Could not write into %1: %2. Choose another directory.</source>
        <translation>Impossible d’écrire dans %1 : %2. Choisissez un autre dossier.</translation>
    </message>
    <message>
        <source>%1 · %2 (scheduled)</source>
        <translation>%1 · %2 (planifié)</translation>
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
        <translation>Aucune (non chiffré)</translation>
    </message>
    <message>
        <source>Check the server&apos;s &amp;certificate</source>
        <translation>Vérifier le &amp;certificat du serveur</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Serveur :</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port :</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Security:</source>
        <translation>Sécurité :</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
</context>
<context>
    <name>StatusLabel</name>
    <message>
        <source>Click to show the Send/Receive dialog</source>
        <translation>Cliquez pour afficher la boîte de dialogue Envoyer/Recevoir</translation>
    </message>
</context>
<context>
    <name>StoreOpener</name>
    <message>
        <source>&amp;Store</source>
        <translation>&amp;Banque d’informations</translation>
    </message>
    <message>
        <source>The mail in each account&apos;s store, the Outbox and Sent Items</source>
        <translation>Le courrier de la banque de chaque compte, de la Boîte d’envoi et des Éléments envoyés</translation>
    </message>
    <message>
        <source>Open &amp;Store</source>
        <translation>Ouvrir la &amp;banque d’informations</translation>
    </message>
</context>
<context>
    <name>StoreWindow</name>
    <message>
        <source>Store</source>
        <translation>Banque d’informations</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Folder status</source>
        <translation>État du dossier</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Texte du message</translation>
    </message>
    <message>
        <source>Outbox and Sent Items</source>
        <translation>Boîte d’envoi et Éléments envoyés</translation>
    </message>
    <message>
        <source>no mail folders yet</source>
        <translation>pas encore de dossier de courrier</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Boîte de réception</translation>
    </message>
    <message>
        <source>more than %1</source>
        <translation>plus de %1</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Choisissez un dossier</translation>
    </message>
    <message>
        <source>Reading the folder…</source>
        <translation>Lecture du dossier…</translation>
    </message>
    <message>
        <source>The first %1 messages; the folder holds more</source>
        <translation>Les %1 premiers messages ; le dossier en contient davantage</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln message</numerusform>
            <numerusform>%Ln messages</numerusform>
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
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Temps restant</translation>
    </message>
</context>
<context>
    <name>Violation</name>
    <message>
        <source>Progress text type</source>
        <translation>type du texte de Progress</translation>
    </message>
    <message>
        <source>Progress index type</source>
        <translation>type de l&apos;index de Progress</translation>
    </message>
    <message>
        <source>Progress index range</source>
        <translation>plage de l&apos;index de Progress</translation>
    </message>
    <message>
        <source>Progress index beyond max</source>
        <translation>index de Progress au-delà du maximum</translation>
    </message>
    <message>
        <source>Error hResult type</source>
        <translation>type du hResult d&apos;Error</translation>
    </message>
    <message>
        <source>Error text type</source>
        <translation>type du texte d&apos;Error</translation>
    </message>
    <message>
        <source>Done event type</source>
        <translation>type de l&apos;événement de Done</translation>
    </message>
    <message>
        <source>Done hResult type</source>
        <translation>type du hResult de Done</translation>
    </message>
    <message>
        <source>QueryInterface riid type</source>
        <translation>type du riid de QueryInterface</translation>
    </message>
    <message>
        <source>Progress after Done</source>
        <translation>Progress après Done</translation>
    </message>
    <message>
        <source>Error after Done</source>
        <translation>Error après Done</translation>
    </message>
    <message>
        <source>Done called twice</source>
        <translation>Done appelé deux fois</translation>
    </message>
    <message>
        <source>Done after the task ended</source>
        <translation>Done après la fin de la tâche</translation>
    </message>
    <message>
        <source>return type</source>
        <translation>type de retour</translation>
    </message>
    <message>
        <source>raised after Done</source>
        <translation>exception après Done</translation>
    </message>
    <message>
        <source>return after Done</source>
        <translation>retour après Done</translation>
    </message>
    <message>
        <source>phSyncDoneEvent replaced</source>
        <translation>phSyncDoneEvent remplacé</translation>
    </message>
    <message>
        <source>phSyncDoneEvent type</source>
        <translation>type de phSyncDoneEvent</translation>
    </message>
    <message>
        <source>thread ended without Done</source>
        <translation>thread terminé sans Done</translation>
    </message>
    <message>
        <source>Done missing</source>
        <translation>Done manquant</translation>
    </message>
    <message>
        <source>Done after the done event</source>
        <translation>Done après l&apos;événement de fin</translation>
    </message>
    <message>
        <source>no return after Done</source>
        <translation>aucun retour après Done</translation>
    </message>
    <message>
        <source>done event never signalled</source>
        <translation>événement de fin jamais signalé</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>Sending</source>
        <comment>task activity</comment>
        <translation>Envoi</translation>
    </message>
    <message>
        <source>Synchronizing</source>
        <comment>task activity</comment>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Receiving</source>
        <comment>task activity</comment>
        <translation>Réception</translation>
    </message>
    <message>
        <source>%1 - %2</source>
        <comment>task name: account - activity</comment>
        <translation>%1 - %2</translation>
    </message>
    <message>
        <source>Pending</source>
        <comment>task status</comment>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Running</source>
        <comment>task status</comment>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Not responding</source>
        <comment>task status</comment>
        <translation>Ne répond pas</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <comment>task status</comment>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Completed</source>
        <comment>task status</comment>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Completed with warnings</source>
        <comment>task status</comment>
        <translation>Terminé avec des avertissements</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>task status</comment>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>task status</comment>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <comment>task status</comment>
        <translation>Abandonné</translation>
    </message>
    <message>
        <source>Not responding (no progress for %1)</source>
        <translation>Ne répond pas (aucune progression depuis %1)</translation>
    </message>
    <message numerus="yes">
        <source>Completed with %Ln error(s)</source>
        <translation>
            <numerusform>Terminé avec %Ln erreur</numerusform>
            <numerusform>Terminé avec %Ln erreurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Completed with %Ln contract violation(s)</source>
        <translation>
            <numerusform>Terminé avec %Ln violation du contrat</numerusform>
            <numerusform>Terminé avec %Ln violations du contrat</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
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
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <comment>duration</comment>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <comment>duration</comment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>progress unknown</source>
        <translation>progression inconnue</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>error kind: message</comment>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of %1 tasks have completed successfully</source>
        <translation>
            <numerusform>%Ln tâche sur %1 s&apos;est terminée correctement</numerusform>
            <numerusform>%Ln tâches sur %1 se sont terminées correctement</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>header — other fates</comment>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln with errors</source>
        <comment>tasks</comment>
        <translation>
            <numerusform>%Ln avec des erreurs</numerusform>
            <numerusform>%Ln avec des erreurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <comment>tasks</comment>
        <translation>
            <numerusform>%Ln en échec</numerusform>
            <numerusform>%Ln en échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cancelled</source>
        <comment>tasks</comment>
        <translation>
            <numerusform>%Ln annulée</numerusform>
            <numerusform>%Ln annulées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln abandoned</source>
        <comment>tasks</comment>
        <translation>
            <numerusform>%Ln abandonnée</numerusform>
            <numerusform>%Ln abandonnées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln still running</source>
        <comment>tasks</comment>
        <translation>
            <numerusform>%Ln encore en cours</numerusform>
            <numerusform>%Ln encore en cours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s)</source>
        <translation>
            <numerusform>%Ln erreur</numerusform>
            <numerusform>%Ln erreurs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln warning(s)</source>
        <translation>
            <numerusform>%Ln avertissement</numerusform>
            <numerusform>%Ln avertissements</numerusform>
        </translation>
    </message>
    <message>
        <source>Errors</source>
        <comment>tab</comment>
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>Errors (%1)</source>
        <comment>tab</comment>
        <translation>Erreurs (%1)</translation>
    </message>
    <message>
        <source>Errors (%1) and warnings (%2)</source>
        <comment>tab</comment>
        <translation>Erreurs (%1) et avertissements (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln task(s) failed</source>
        <translation>
            <numerusform>%Ln tâche en échec</numerusform>
            <numerusform>%Ln tâches en échec</numerusform>
        </translation>
    </message>
    <message>
        <source>Send/Receive failed: %1</source>
        <translation>Échec de l&apos;envoi/réception : %1</translation>
    </message>
    <message>
        <source>Send/Receive complete with errors: %1</source>
        <translation>Envoi/réception terminé avec des erreurs : %1</translation>
    </message>
    <message>
        <source>Send/Receive complete (%1)</source>
        <translation>Envoi/réception terminé (%1)</translation>
    </message>
    <message>
        <source>Send/Receive complete</source>
        <translation>Envoi/réception terminé</translation>
    </message>
    <message numerus="yes">
        <source>Send/Receive: %1 of %Ln task(s) done</source>
        <translation>
            <numerusform>Envoi/réception : %1 tâche sur %Ln terminée</numerusform>
            <numerusform>Envoi/réception : %1 tâches sur %Ln terminées</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2: %3</source>
        <comment>status bar: progress — task: step</comment>
        <translation>%1 — %2 : %3</translation>
    </message>
    <message>
        <source>%1 percent done</source>
        <translation>%1 pour cent effectués</translation>
    </message>
    <message>
        <source>All Accounts</source>
        <comment>the implicit group</comment>
        <translation>Tous les comptes</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Contract violation</source>
        <translation>Violation du contrat</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <comment>contract violation: rule: what it concerns: the sentence</comment>
        <translation>%1 : %2 : %3</translation>
    </message>
    <message>
        <source>Rule %1 (%2)</source>
        <comment>a contract rule: its number (its title)</comment>
        <translation>Règle %1 (%2)</translation>
    </message>
    <message>
        <source>facility %1</source>
        <translation>domaine %1</translation>
    </message>
    <message>
        <source>facility %1 (%2)</source>
        <translation>domaine %1 (%2)</translation>
    </message>
    <message>
        <source>failure</source>
        <comment>HRESULT severity</comment>
        <translation>échec</translation>
    </message>
    <message>
        <source>success</source>
        <comment>HRESULT severity</comment>
        <translation>succès</translation>
    </message>
    <message>
        <source>%1: %2, %3, code %4</source>
        <comment>HRESULT: severity, facility, code</comment>
        <translation>%1 : %2, %3, code %4</translation>
    </message>
    <message>
        <source>%1 in task &apos;%2&apos;</source>
        <comment>error kind in task</comment>
        <translation>%1 dans la tâche « %2 »</translation>
    </message>
    <message>
        <source>HRESULT: %1</source>
        <translation>HRESULT : %1</translation>
    </message>
    <message numerus="yes">
        <source>Reported %Ln time(s), first at %1, last at %2</source>
        <translation>
            <numerusform>Signalé %Ln fois, la première à %1, la dernière à %2</numerusform>
            <numerusform>Signalé %Ln fois, la première à %1, la dernière à %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Reported at %1</source>
        <translation>Signalé à %1</translation>
    </message>
</context>
</TS>
