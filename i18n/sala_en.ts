<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="103"/>
        <source>Sala — public consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="122"/>
        <source>Ready — working offline, every entry is saved on this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="125"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="126"/>
        <source>&amp;New session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="129"/>
        <source>&amp;Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="131"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="136"/>
        <source>&amp;Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="139"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="141"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="167"/>
        <source>This kind of session cannot be opened here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="182"/>
        <source>Backup saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/sala/ui/main_window.py" line="187"/>
        <source>%n session(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="191"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="193"/>
        <source>All changes saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionFilterBar</name>
    <message>
        <location filename="../desktop/sala/ui/session_filters.py" line="27"/>
        <source>Search titles and what people said…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/session_filters.py" line="29"/>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/session_filters.py" line="30"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/session_filters.py" line="31"/>
        <source>All topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/session_filters.py" line="32"/>
        <source>All provinces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/session_filters.py" line="33"/>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionListModel</name>
    <message>
        <location filename="../desktop/sala/ui/session_list_model.py" line="69"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/session_list_model.py" line="69"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/session_list_model.py" line="69"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/session_list_model.py" line="70"/>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/session_list_model.py" line="70"/>
        <source>Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/session_list_model.py" line="70"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/session_list_model.py" line="71"/>
        <source>Contributions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/session_list_model.py" line="71"/>
        <source>Participants</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionListPage</name>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="53"/>
        <source>No sessions yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="54"/>
        <source>Set up your first minitalk, focus group or exhibition. It takes under a minute, and everything is saved on this laptop as you type, with or without a connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="56"/>
        <source>Create the first session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="59"/>
        <source>No session matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
