<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CallsPage</name>
    <message numerus="yes">
        <source>%Ln call(s)</source>
        <translation>
            <numerusform>%Ln call</numerusform>
            <numerusform>%Ln calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%Ln earlier call(s) dropped)</source>
        <translation>
            <numerusform>(%Ln earlier call dropped)</numerusform>
            <numerusform>(%Ln earlier calls dropped)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contract violation(s), F8 goes to the next</source>
        <translation>
            <numerusform>%Ln contract violation, F8 goes to it</numerusform>
            <numerusform>%Ln contract violations, F8 goes to the next</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StoreWindow</name>
    <message numerus="yes">
        <source>%Ln message(s)</source>
        <translation>
            <numerusform>%Ln message</numerusform>
            <numerusform>%Ln messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message numerus="yes">
        <source>Completed with %Ln error(s)</source>
        <translation>
            <numerusform>Completed with %Ln error</numerusform>
            <numerusform>Completed with %Ln errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Completed with %Ln contract violation(s)</source>
        <translation>
            <numerusform>Completed with %Ln contract violation</numerusform>
            <numerusform>Completed with %Ln contract violations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of %1 tasks have completed successfully</source>
        <translation>
            <numerusform>%Ln of %1 tasks have completed successfully</numerusform>
            <numerusform>%Ln of %1 tasks have completed successfully</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln with errors</source>
        <comment>tasks</comment>
        <translation>
            <numerusform>%Ln with errors</numerusform>
            <numerusform>%Ln with errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <comment>tasks</comment>
        <translation>
            <numerusform>%Ln failed</numerusform>
            <numerusform>%Ln failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln cancelled</source>
        <comment>tasks</comment>
        <translation>
            <numerusform>%Ln cancelled</numerusform>
            <numerusform>%Ln cancelled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln abandoned</source>
        <comment>tasks</comment>
        <translation>
            <numerusform>%Ln abandoned</numerusform>
            <numerusform>%Ln abandoned</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln still running</source>
        <comment>tasks</comment>
        <translation>
            <numerusform>%Ln still running</numerusform>
            <numerusform>%Ln still running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln error(s)</source>
        <translation>
            <numerusform>%Ln error</numerusform>
            <numerusform>%Ln errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln warning(s)</source>
        <translation>
            <numerusform>%Ln warning</numerusform>
            <numerusform>%Ln warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln task(s) failed</source>
        <translation>
            <numerusform>%Ln task failed</numerusform>
            <numerusform>%Ln tasks failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send/Receive: %1 of %Ln task(s) done</source>
        <translation>
            <numerusform>Send/Receive: %1 of %Ln task done</numerusform>
            <numerusform>Send/Receive: %1 of %Ln tasks done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reported %Ln time(s), first at %1, last at %2</source>
        <translation>
            <numerusform>Reported %Ln time, first at %1, last at %2</numerusform>
            <numerusform>Reported %Ln times, first at %1, last at %2</numerusform>
        </translation>
    </message>
</context>
</TS>
