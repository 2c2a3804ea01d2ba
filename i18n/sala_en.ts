<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActionItemsPanel</name>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="292"/>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="314"/>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="358"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="292"/>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="315"/>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="359"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="292"/>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="316"/>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="360"/>
        <source>By when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="292"/>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="361"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="297"/>
        <source>What is to be done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="299"/>
        <source>Who does it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="300"/>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="308"/>
        <source>Add action item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="339"/>
        <source>(was %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="354"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="354"/>
        <source>not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="364"/>
        <source>Amend a finalized action item</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <location filename="../desktop/sala/ui/amend/contribution_dialog.py" line="38"/>
        <source>Amend a finalized contribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/amend/contribution_dialog.py" line="28"/>
        <source>Corrected text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/amend/contribution_dialog.py" line="30"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/amend/contribution_dialog.py" line="33"/>
        <source>Stance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AmendRecordDialog</name>
    <message>
        <location filename="../desktop/sala/ui/amend/record_dialog.py" line="83"/>
        <source>Original: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/amend/record_dialog.py" line="91"/>
        <source>Why is this corrected? (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/amend/record_dialog.py" line="94"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/amend/record_dialog.py" line="139"/>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/amend/record_dialog.py" line="161"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/amend/record_dialog.py" line="161"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AmendmentsPanel</name>
    <message>
        <location filename="../desktop/sala/ui/amend/history.py" line="36"/>
        <source>Contribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/amend/history.py" line="36"/>
        <source>Show of hands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/amend/history.py" line="37"/>
        <source>Action item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/amend/history.py" line="37"/>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/amend/history.py" line="38"/>
        <source>Observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/amend/history.py" line="43"/>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnswersPanel</name>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="94"/>
        <source>No speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="95"/>
        <source>Who is speaking: a participant code such as P01 (Ctrl+1…9). Leave it empty when the speaker is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="97"/>
        <source>Speaker:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="100"/>
        <source>Answer — Enter saves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="119"/>
        <source>Facilitator observations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="122"/>
        <source>Observation (mood, who held back, …) — Enter saves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="124"/>
        <source>About this question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="160"/>
        <source>Edit… (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="160"/>
        <source>Delete (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="161"/>
        <source>Amend… (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="181"/>
        <source>No questions yet: add one to the guide, or use a template. Answers typed now are kept without a question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="184"/>
        <source>Question %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="209"/>
        <source>(general) </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="261"/>
        <source>Add answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="276"/>
        <source>Add observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="290"/>
        <source>Amend a finalized answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="292"/>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="300"/>
        <source>Edit answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="308"/>
        <source>Amend a finalized observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="310"/>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="316"/>
        <source>Edit observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="320"/>
        <source>Delete answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="323"/>
        <source>Delete observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="338"/>
        <source>Corrected text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message>
        <location filename="../desktop/sala/ui/sessions/attendance_dialog.py" line="47"/>
        <source>Head count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/attendance_dialog.py" line="53"/>
        <source>Everyone who came, whether or not they spoke. The groups are optional and may add up to less than the total (the rest are “not stated”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/attendance_dialog.py" line="62"/>
        <source>Total (people)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/attendance_dialog.py" line="66"/>
        <source>By age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/attendance_dialog.py" line="66"/>
        <source>By gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/attendance_dialog.py" line="67"/>
        <source>By occupation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/attendance_dialog.py" line="86"/>
        <source>Why the head count is corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/attendance_dialog.py" line="88"/>
        <source>Reason for the amendment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../desktop/sala/ui/dashboard/charts.py" line="164"/>
        <source>Save as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/charts.py" line="181"/>
        <source>No data for these filters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CapturePanel</name>
    <message>
        <location filename="../desktop/sala/ui/minitalk/capture_box.py" line="140"/>
        <source>%1 participant code, e.g. P07</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/capture_box.py" line="145"/>
        <source>Keep type and stance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/capture_box.py" line="147"/>
        <source>Ticked: the next entries keep this type and stance. Not ticked: after each save they go back to opinion, no stance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/capture_box.py" line="167"/>
        <source>Type what was said, then Enter to save (Shift+Enter: new line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/capture_box.py" line="178"/>
        <source>F1–F6 type · F7 support · F8 oppose · F9 neutral · %1 tags · %2 code · Ctrl+Z undo · F2 on the list: edit an entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/capture_box.py" line="251"/>
        <source>Other tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/capture_box.py" line="253"/>
        <source>Clear tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/capture_box.py" line="258"/>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/capture_box.py" line="258"/>
        <source>New tag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/capture_box.py" line="272"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/capture_box.py" line="273"/>
        <source>%1  Tags: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/capture_box.py" line="326"/>
        <source>✎ Editing the entry of %1 — Enter saves the change, Esc cancels. Nothing new is added while editing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <location filename="../desktop/sala/ui/kiosk/comments.py" line="51"/>
        <location filename="../desktop/sala/ui/kiosk/comments.py" line="107"/>
        <source>Hide from summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/comments.py" line="53"/>
        <source>An abusive comment, or one with personal data, is left out of the summary; its face rating still counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/comments.py" line="58"/>
        <source>Reason (required: the exhibition is finalized)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/comments.py" line="86"/>
        <source>(hidden from the summary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/comments.py" line="95"/>
        <source>Visitors&apos; comments: %1 (%2 hidden)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/comments.py" line="106"/>
        <source>Show in summary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContributionModel</name>
    <message>
        <location filename="../desktop/sala/ui/minitalk/contribution_model.py" line="53"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/contribution_model.py" line="53"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/contribution_model.py" line="53"/>
        <source>Stance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/contribution_model.py" line="53"/>
        <source>What was said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/contribution_model.py" line="54"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/contribution_model.py" line="54"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/contribution_model.py" line="54"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/contribution_model.py" line="178"/>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="173"/>
        <source>saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/contribution_model.py" line="179"/>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="174"/>
        <source>✎ amended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/contribution_model.py" line="197"/>
        <source>Original: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/contribution_model.py" line="199"/>
        <source>Amended — reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../desktop/sala/ui/dashboard/page.py" line="93"/>
        <source>Sessions per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/page.py" line="94"/>
        <source>Participants by age band and gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/page.py" line="95"/>
        <source>Contributions by topic and type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/page.py" line="96"/>
        <source>Stance per topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/page.py" line="97"/>
        <source>Exhibition ratings (1–5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/page.py" line="132"/>
        <source>Updating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/page.py" line="169"/>
        <source>%1 sessions · %2 participants · %3 contributions · %4 exhibition visitors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/page.py" line="173"/>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/page.py" line="185"/>
        <source>Not stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/page.py" line="191"/>
        <source>Visitors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/page.py" line="193"/>
        <source>Average %1 / 5 from %2 visitors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/page.py" line="199"/>
        <source>Save chart as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/page.py" line="200"/>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditEntryDialog</name>
    <message>
        <location filename="../desktop/sala/ui/focus_group/edit_dialog.py" line="38"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/edit_dialog.py" line="45"/>
        <source>Participant code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="44"/>
        <source>Allow plain HTTP (unencrypted: only on a network your administrator says is safe)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="36"/>
        <source>Enroll this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="41"/>
        <source>Central platform address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="42"/>
        <source>Enrollment code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../desktop/sala/ui/reports/export_dialog.py" line="23"/>
        <source>Export data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/export_dialog.py" line="25"/>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/export_dialog.py" line="25"/>
        <source>Participants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/export_dialog.py" line="26"/>
        <source>Contributions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/export_dialog.py" line="29"/>
        <source>CSV (Excel, UTF-8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/export_dialog.py" line="30"/>
        <source>Excel workbook (XLSX)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/export_dialog.py" line="32"/>
        <source>Include contact details of participants who consented (personal data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/export_dialog.py" line="37"/>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/export_dialog.py" line="38"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/export_dialog.py" line="41"/>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterFields</name>
    <message>
        <location filename="../desktop/sala/ui/reports/filter_fields.py" line="22"/>
        <source>Fiscal year (B.E.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/filter_fields.py" line="28"/>
        <source>All provinces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/filter_fields.py" line="29"/>
        <source>All topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/filter_fields.py" line="30"/>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/filter_fields.py" line="37"/>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/filter_fields.py" line="38"/>
        <source>Topic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/filter_fields.py" line="39"/>
        <source>Session kind</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FocusGroupPage</name>
    <message>
        <location filename="../desktop/sala/ui/focus_group/page.py" line="50"/>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/page.py" line="51"/>
        <source>Participants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/page.py" line="52"/>
        <source>Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/page.py" line="99"/>
        <source>This session is closed: nothing can be added or changed. Press Reopen to add more, or Finalize when it is complete.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuidePanel</name>
    <message>
        <location filename="../desktop/sala/ui/focus_group/guide.py" line="47"/>
        <source>Question guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/guide.py" line="58"/>
        <source>New question — Enter adds it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/guide.py" line="65"/>
        <source>Use template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/guide.py" line="67"/>
        <source>Save as template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/guide.py" line="94"/>
        <source>Question %1 — double-click or F2 to reword</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/guide.py" line="105"/>
        <source>%1 (%2 questions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/guide.py" line="173"/>
        <source>Template name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <location filename="../desktop/sala/ui/common/job_dialog.py" line="82"/>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/common/job_dialog.py" line="83"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/common/job_dialog.py" line="111"/>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/common/job_dialog.py" line="125"/>
        <source>Saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskFaces</name>
    <message>
        <location filename="../desktop/sala/ui/kiosk/faces.py" line="19"/>
        <source>Very poor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/faces.py" line="20"/>
        <source>Poor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/faces.py" line="21"/>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/faces.py" line="22"/>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/faces.py" line="23"/>
        <source>Very good</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskStaffPage</name>
    <message>
        <location filename="../desktop/sala/ui/kiosk/staff_page.py" line="138"/>
        <source>Start kiosk mode (full screen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/staff_page.py" line="191"/>
        <source>Proposals cannot change: the exhibition is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/staff_page.py" line="202"/>
        <source>Kiosk mode cannot start: this exhibition is finalized (read-only). Create a new exhibition session for another day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/staff_page.py" line="204"/>
        <source>Kiosk mode cannot start: this exhibition is closed. Reopen it first (Reopen, above) to take visitors again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live tally and comments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProposalsEditor</name>
    <message>
        <location filename="../desktop/sala/ui/kiosk/proposals_editor.py" line="1"/>
        <source>Proposals on display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/proposals_editor.py" line="1"/>
        <source>Thai name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/proposals_editor.py" line="1"/>
        <source>English name (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/proposals_editor.py" line="1"/>
        <source>(the Thai name is shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/proposals_editor.py" line="1"/>
        <source>To change a name, double-click it (or F2), type, then Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/proposals_editor.py" line="1"/>
        <source>Add a proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/proposals_editor.py" line="1"/>
        <source>Optional: shown on an English kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/proposals_editor.py" line="1"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/proposals_editor.py" line="1"/>
        <source>English name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/proposals_editor.py" line="1"/>
        <source>New proposal on display — Enter adds it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KioskVisitor</name>
    <message>
        <location filename="../desktop/sala/ui/kiosk/visitor.py" line="74"/>
        <source>How did you like this exhibition?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/visitor.py" line="90"/>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/visitor.py" line="132"/>
        <source>A short comment (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/visitor.py" line="147"/>
        <source>Your age (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/visitor.py" line="134"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/visitor.py" line="92"/>
        <source>Leave kiosk mode (supervisor PIN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/visitor.py" line="204"/>
        <source>Thank you! Your opinion has been recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/visitor.py" line="255"/>
        <source>Tap the proposals you support — %1 of %2 dots left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveTally</name>
    <message>
        <location filename="../desktop/sala/ui/dashboard/live_tally.py" line="51"/>
        <source>Exhibition live tally</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/live_tally.py" line="56"/>
        <source>Visitors&apos; ratings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/live_tally.py" line="57"/>
        <source>Votes per proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/live_tally.py" line="138"/>
        <source>Visitors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/live_tally.py" line="140"/>
        <source>Average %1 / 5 from %2 visitors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/live_tally.py" line="142"/>
        <source>Votes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="206"/>
        <source>Sala — public consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="208"/>
        <source>Opening your sessions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="139"/>
        <source>Ready — working offline, every entry is saved on this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="209"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="210"/>
        <source>&amp;New session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="211"/>
        <source>&amp;Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="212"/>
        <source>Se&amp;ttings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="213"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="214"/>
        <source>Session &amp;summary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="215"/>
        <source>&amp;Period report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="216"/>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="217"/>
        <source>&amp;Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="218"/>
        <source>&amp;Back to the session list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="219"/>
        <source>&amp;Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="220"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="221"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="282"/>
        <source>This kind of session cannot be opened here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="312"/>
        <source>Backup saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="323"/>
        <source>Select a session in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/sala/ui/shell/main_window.py" line="354"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="477"/>
        <source>A sync is running. Restore the backup once it has finished; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="479"/>
        <source>Restoring the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="480"/>
        <source>The backup was restored. The data in use before is kept at:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="309"/>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="357"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="361"/>
        <source>All changes saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MinitalkPage</name>
    <message>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="69"/>
        <source>Edit selected (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="72"/>
        <source>Amend selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="75"/>
        <source>Delete selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="84"/>
        <source>Show of hands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="85"/>
        <source>Action items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="86"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="87"/>
        <source>Amendments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="269"/>
        <source>Add “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="280"/>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="300"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="309"/>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="311"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="353"/>
        <source>Draft: the session starts when you save the first entry (or press Start).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="355"/>
        <source>This session is closed: nothing can be added or changed. Press Reopen to add more, or Finalize when it is complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="357"/>
        <source>Finalized: read-only. To correct an entry, select it and press Amend… (a reason is recorded).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/sala/ui/minitalk/page.py" line="385"/>
        <source>%n contribution(s)</source>
        <translation>
            <numerusform>%n contribution</numerusform>
            <numerusform>%n contributions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewSessionDialog</name>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="61"/>
        <source>New session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="70"/>
        <source>Question guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="85"/>
        <source>New venue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="102"/>
        <source>Names, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="120"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="122"/>
        <source>Agenda topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="123"/>
        <source>Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="127"/>
        <source>Venue name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="129"/>
        <source>Venue kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="131"/>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="133"/>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="136"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="137"/>
        <source>Facilitators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="143"/>
        <source>Planned date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="147"/>
        <source>Create session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="148"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="181"/>
        <source>No guide yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="385"/>
        <source>Session notes (saved as you type)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutputPicker</name>
    <message>
        <location filename="../desktop/sala/ui/common/job_dialog.py" line="46"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/common/job_dialog.py" line="54"/>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParticipantRow</name>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participant_row.py" line="105"/>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participant_row.py" line="105"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participant_row.py" line="105"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participant_row.py" line="130"/>
        <source>Contact details of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participant_row.py" line="178"/>
        <source>Needs consent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParticipantsTable</name>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="51"/>
        <source>Participants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="59"/>
        <source>Remove selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="69"/>
        <source>Purpose of data use (read to the participant)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="77"/>
        <source>The contacts&apos; encryption key is in a private file (this computer has no keyring): anyone signed in as this user could read contacts not yet sealed. Keep the laptop locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="82"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="82"/>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="82"/>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="82"/>
        <source>Occupation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="82"/>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="83"/>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="99"/>
        <source>Contact details (only with consent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="102"/>
        <source>Choose a participant in the table to fill in their contact details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="215"/>
        <source>Remove participant %1? Their answers stay, without the code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="264"/>
        <source>Add participant (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotosPanel</name>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="62"/>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="251"/>
        <source>Drop photos of flip charts and whiteboards here, or choose files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="66"/>
        <source>Choose photos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="70"/>
        <source>Link new photos to the current question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="89"/>
        <source>Caption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="91"/>
        <source>What the selected photo shows — saved as you type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="119"/>
        <source>Choose photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="124"/>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="124"/>
        <source>All files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="127"/>
        <source>Look in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="127"/>
        <source>File name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="128"/>
        <source>Files of type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="128"/>
        <source>Add photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="129"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="141"/>
        <source>Adding %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="151"/>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="247"/>
        <source>This session is closed: its photos can be viewed; reopen it to add more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="249"/>
        <source>This session is finalized: its photos can be viewed but not changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../desktop/sala/ui/kiosk/pin.py" line="50"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/pin.py" line="54"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/pin.py" line="67"/>
        <source>Enter the supervisor PIN to leave kiosk mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/pin.py" line="69"/>
        <source>Choose a supervisor PIN (4–12 digits). It is needed to leave kiosk mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/pin.py" line="71"/>
        <source>Enter the same PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/pin.py" line="90"/>
        <source>Enter the kiosk PIN to leave kiosk mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/pin.py" line="90"/>
        <source>Choose a kiosk PIN (4–12 digits). It is needed to leave kiosk mode.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="29"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="30"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="31"/>
        <source>Cu&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="32"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="33"/>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="34"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="35"/>
        <source>Select All</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="12"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="13"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="14"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="15"/>
        <source>&amp;Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="16"/>
        <source>&amp;No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="17"/>
        <source>Abort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="18"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="19"/>
        <source>Ignore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="20"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="21"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="22"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="23"/>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="24"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="25"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordList</name>
    <message>
        <location filename="../desktop/sala/ui/focus_group/records.py" line="138"/>
        <source>✎ Original: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/records.py" line="139"/>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/records.py" line="145"/>
        <source>saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReorderButtons</name>
    <message>
        <location filename="../desktop/sala/ui/common/widgets.py" line="85"/>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/common/widgets.py" line="86"/>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/common/widgets.py" line="87"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../desktop/sala/ui/reports/report_dialog.py" line="31"/>
        <source>Session summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/report_dialog.py" line="32"/>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/report_dialog.py" line="36"/>
        <source>Period report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/report_dialog.py" line="44"/>
        <source>Report language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/report_dialog.py" line="45"/>
        <source>Include contact details of participants who consented (personal data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/report_dialog.py" line="49"/>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/report_dialog.py" line="51"/>
        <source>To print, open the PDF and print it from the viewer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No session matches this filter: there is nothing to print.</source>
        <translation>No session matches this filter: there is nothing to print.</translation>
    </message>
    <message>
        <source>Sessions in this report: %1</source>
        <translation>Sessions in this report: %1</translation>
    </message>
</context>
<context>
    <name>SessionFilterBar</name>
    <message>
        <location filename="../desktop/sala/ui/sessions/filters.py" line="28"/>
        <source>Search title, place, what was said…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/filters.py" line="28"/>
        <source>Search by title, place or what was said: type several words, in any order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/filters.py" line="30"/>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/filters.py" line="31"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/filters.py" line="32"/>
        <source>All topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/filters.py" line="33"/>
        <source>All provinces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/filters.py" line="34"/>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionHeader</name>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="63"/>
        <source>← Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="65"/>
        <source>Back to the session list (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="89"/>
        <source>How many people came (a head count, optionally by age, gender and occupation), apart from who spoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="92"/>
        <source>Start session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="94"/>
        <source>Close session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="96"/>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="98"/>
        <source>Finalize…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="100"/>
        <source>Amend title…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="102"/>
        <source>Print summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="104"/>
        <source>Make the session summary as a PDF to print or file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="162"/>
        <source>read-only; corrections are amendments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="164"/>
        <source>read-only until reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="173"/>
        <source>Head count: not recorded…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="175"/>
        <source>Head count: %1 people…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="189"/>
        <source>✎ Amended title — original: “%1” · reason: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="199"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="200"/>
        <source>Amend the session title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="243"/>
        <source>Finalize session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="244"/>
        <source>Finalize “%1”?

It becomes read-only and is queued to be sent to the central platform. Later corrections are recorded as amendments with a reason.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionListModel</name>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_model.py" line="139"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_model.py" line="139"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_model.py" line="139"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_model.py" line="140"/>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_model.py" line="140"/>
        <source>Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_model.py" line="140"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_model.py" line="141"/>
        <source>Contributions / visitors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_model.py" line="141"/>
        <source>Speakers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_model.py" line="142"/>
        <source>Head count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_model.py" line="158"/>
        <source>No head count recorded yet: open the session and record it in its header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_model.py" line="177"/>
        <source>%1 visitors</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionListPage</name>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_page.py" line="64"/>
        <source>No sessions yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_page.py" line="65"/>
        <source>Set up your first minitalk, focus group or exhibition. It takes under a minute, and everything is saved on this laptop as you type, with or without a connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_page.py" line="67"/>
        <source>Create the first session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_page.py" line="70"/>
        <source>No session matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionTimes</name>
    <message>
        <location filename="../desktop/sala/ui/sessions/times.py" line="34"/>
        <source>Planned %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/times.py" line="37"/>
        <source>Actual %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/times.py" line="39"/>
        <source>Started %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/times.py" line="41"/>
        <source>Closed at %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="67"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="73"/>
        <source>e.g. Office of the Public Sector Development Commission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="77"/>
        <source>e.g. Open Gov Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="79"/>
        <source>Printed reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="81"/>
        <source>Printed at the top of every summary and report; left empty, none is printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="82"/>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="84"/>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="104"/>
        <source>New sessions and language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="106"/>
        <source>Default province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="108"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="110"/>
        <source>Data and backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="119"/>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="123"/>
        <source>Data folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="127"/>
        <source>Backups (newest first):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="133"/>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="136"/>
        <source>Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="217"/>
        <source>No backup yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="222"/>
        <source>made by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="224"/>
        <source>before a restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="226"/>
        <source>before an upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="227"/>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="234"/>
        <source>Backing up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="241"/>
        <source>Backup saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="258"/>
        <source>Restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="259"/>
        <source>Replace the data on this laptop with the backup of %1?

Everything entered after that backup is no longer shown. The current database is kept aside in the data folder, not deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="265"/>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <source>File: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports are headed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New sessions start in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sala deployment file (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sala USB bundle (*.sala)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="77"/>
        <source>Set up from a deployment file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="117"/>
        <source>Deployment file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="124"/>
        <source>This laptop now trusts %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="71"/>
        <source>&amp;Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="72"/>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="73"/>
        <source>History and refused records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="74"/>
        <source>Enroll this laptop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="75"/>
        <source>Export USB bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="76"/>
        <source>Import USB bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="110"/>
        <source>This laptop is enrolled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="133"/>
        <source>Export USB bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="139"/>
        <source>Bundle written: %1 records, %2 photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="146"/>
        <source>Import USB bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="153"/>
        <source>Imported %1 records from %2; they will be forwarded at the next sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="74"/>
        <source>Refused forwards…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="52"/>
        <source>Sync history and refused records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="55"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="55"/>
        <source>Via</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="55"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="56"/>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="56"/>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="56"/>
        <source>Bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="57"/>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="57"/>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="72"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="57"/>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="72"/>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="58"/>
        <source>HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="58"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="69"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="70"/>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="70"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="70"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="70"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="71"/>
        <source>Refused records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="72"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="73"/>
        <source>Forwarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="73"/>
        <source>From file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="74"/>
        <source>From other laptops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="89"/>
        <source>USB bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="89"/>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="104"/>
        <source>Imported, waiting to forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="106"/>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>From laptop</source>
        <translation>From laptop</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="34"/>
        <location filename="../desktop/sala/ui/sync/status.py" line="53"/>
        <location filename="../desktop/sala/ui/sync/status.py" line="106"/>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="35"/>
        <location filename="../desktop/sala/ui/sync/status.py" line="56"/>
        <source>Send finalized sessions to the central platform now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="63"/>
        <source>Link: checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="65"/>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="67"/>
        <source>○ No link — working offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="71"/>
        <source>Not enrolled: %1 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="73"/>
        <source>Enroll again to send (%1 waiting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="75"/>
        <source>%1 waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="77"/>
        <source>%1 refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="79"/>
        <source>%1 photos missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="83"/>
        <source>Last sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="85"/>
        <source>Never sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="92"/>
        <source>Photos %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="97"/>
        <source>%1/%2 records · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="55"/>
        <location filename="../desktop/sala/ui/sync/status.py" line="102"/>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ Offline — no central platform set</source>
        <translation>○ Offline — no central platform set</translation>
    </message>
</context>
<context>
    <name>TalliesPanel</name>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="233"/>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="250"/>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="273"/>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="233"/>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="241"/>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="272"/>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="233"/>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="241"/>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="272"/>
        <source>Against</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="233"/>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="241"/>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="272"/>
        <source>Abstain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="238"/>
        <source>Question put to a show of hands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="245"/>
        <source>Add tally</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="251"/>
        <source>Hands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="278"/>
        <source>Amend a finalized show of hands</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TallyView</name>
    <message>
        <location filename="../desktop/sala/ui/kiosk/staff_page.py" line="58"/>
        <source>Satisfaction ratings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/staff_page.py" line="71"/>
        <source>Visitors: %1 · average rating %2 / 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/staff_page.py" line="94"/>
        <source>Votes per proposal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_RecordPanel</name>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="82"/>
        <source>Delete selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="84"/>
        <source>Amend selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="157"/>
        <source>%1 (was %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="161"/>
        <source>Amended — reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefusalsDialog</name>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Refused forwards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>The central platform did not accept these records forwarded from USB bundles. They are kept on this laptop. Once the cause is dealt with (for example the administrator registers the laptop they came from), import the same bundle again and sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Bundle file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Refused at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Nothing forwarded has been refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>The service said:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Dismiss…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Set the selected refusals aside (supervisor). They stay on record on this laptop; importing their bundle again sends them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Dismiss refusals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Dismiss %1 (%2)? They are not deleted: they stay on this laptop with the platform's reason, no longer listed here. Importing their bundle again sends them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>%n refused batch(es)</source>
        <translation>
            <numerusform>%n refused batch</numerusform>
            <numerusform>%n refused batches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Forwarded batches the central platform refused: %1 (see Sync ▸ Refused forwards)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AudienceButton</name>
    <message>
        <source>Audience mode: on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audience mode (phones)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participants join from their phones by a QR code and send opinions, questions and votes; you accept each one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audience mode needs an open session: reopen it first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AudienceController</name>
    <message>
        <source>Audience mode stopped: the session is no longer open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audience mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting audience mode…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audience mode is on: phones join at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop &amp;audience mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Audience mode (phones)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phones</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BarRows</name>
    <message>
        <source>+%1 more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InterfaceDialog</name>
    <message>
        <source>Audience mode — which network?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phones in the room join on the laptop's own network. Tick the network(s) the phones are on (the laptop's hotspot or the venue's Wi-Fi). Only local addresses are offered; nothing is reachable from the internet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start audience mode</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge with a duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” says the same as which of these? It leaves the queue and its votes count for the one you pick.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing of the same kind to merge it with yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModerationPanel</name>
    <message>
        <source>The screen (projector) the join code and the live results are shown on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show join code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show live results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New join code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phones already joined stay joined; new phones need the new code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop audience mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept all as they arrive (trusted room); flagged ones still wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screen:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phones join at: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n phone(s) joined</source>
        <translation>
            <numerusform>%n phone joined</numerusform>
            <numerusform>%n phones joined</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for you (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing waiting. What phones send appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more waiting below these</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept all as they arrive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For a trusted room. Ones flagged for rude words still wait for you.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PresenterView</name>
    <message>
        <source>Sala — live results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The words people send will appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stances yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No questions yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dot votes yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc closes this screen; audience mode keeps running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join: %1
code %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n phone(s) joined</source>
        <translation>
            <numerusform>%n phone joined</numerusform>
            <numerusform>%n phones joined</numerusform>
        </translation>
    </message>
    <message>
        <source>Stance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top questions (votes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dot votes per proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfaction: no ratings yet</source>
        <translation>Satisfaction: no ratings yet</translation>
    </message>
    <message numerus="yes">
        <source>Satisfaction: average %1 / 5 from %n visitor(s)</source>
        <translation>
            <numerusform>Satisfaction: average %1 / 5 from %n visitor</numerusform>
            <numerusform>Satisfaction: average %1 / 5 from %n visitors</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QrWindow</name>
    <message>
        <source>Sala — join from your phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan with your phone's camera to take part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No name, phone number or e-mail is asked. Nothing needs the internet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc closes this screen; audience mode keeps running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join code: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubmissionCard</name>
    <message>
        <source>Phone %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ May contain rude words: read before accepting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Says the same as another submission: fold it into that one (its votes count there)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="41"/>
        <source>&amp;Look in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="42"/>
        <source>File &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="43"/>
        <source>Files of &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="44"/>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="45"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="46"/>
        <source>&amp;Choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="47"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="48"/>
        <source>Save As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="49"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="50"/>
        <source>Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="51"/>
        <source>Go back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="52"/>
        <source>Go forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="53"/>
        <source>Parent Directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="54"/>
        <source>Go to the parent directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="55"/>
        <source>Create New Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="56"/>
        <source>Create a New Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="57"/>
        <source>New Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="58"/>
        <source>&amp;New Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="59"/>
        <source>List View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="60"/>
        <source>Detail View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="61"/>
        <source>Change to list view mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="62"/>
        <source>Change to detail view mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="63"/>
        <source>&amp;Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="64"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="65"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="66"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="67"/>
        <source>Show &amp;hidden files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="68"/>
        <source>Recent Places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="69"/>
        <source>Sidebar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="70"/>
        <source>List of places and bookmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="71"/>
        <source>Directories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="72"/>
        <source>Directory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="73"/>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="74"/>
        <source>Find Directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="75"/>
        <source>All Files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="76"/>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="77"/>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="78"/>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="79"/>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="80"/>
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="81"/>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="82"/>
        <source>Could not delete directory.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="83"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="84"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="85"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="86"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="87"/>
        <source>Date Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="88"/>
        <source>Computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="89"/>
        <source>My Computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="90"/>
        <source>Drive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="91"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="92"/>
        <source>File Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="93"/>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="94"/>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="95"/>
        <source>Alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="96"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParticipantRights</name>
    <message>
        <source>Participant &amp;rights (PDPA)…</source>
        <translation>Participant &amp;rights (PDPA)…</translation>
    </message>
    <message>
        <source>A&amp;udit log…</source>
        <translation>A&amp;udit log…</translation>
    </message>
</context>
<context>
    <name>SupervisorStatus</name>
    <message>
        <location filename="../desktop/sala/ui/common/supervisor_guard.py" line="1"/>
        <source>No supervisor PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/common/supervisor_guard.py" line="1"/>
        <source>No supervisor PIN yet — set one in Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/common/supervisor_guard.py" line="1"/>
        <source>Supervisor %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/common/supervisor_guard.py" line="1"/>
        <source>Supervisor acts unlocked for %1; Lock ends it now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/common/supervisor_guard.py" line="1"/>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisorBox</name>
    <message>
        <location filename="../desktop/sala/ui/settings/supervisor_box.py" line="1"/>
        <source>Supervisor and retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/supervisor_box.py" line="1"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/supervisor_box.py" line="1"/>
        <source> months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/supervisor_box.py" line="1"/>
        <source>Preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/supervisor_box.py" line="1"/>
        <source>Purge now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/supervisor_box.py" line="1"/>
        <source>Purge sessions acknowledged more than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/supervisor_box.py" line="1"/>
        <source>Contributions, observations, contacts and photos of sessions the central platform acknowledged longer ago go; counts and summaries stay; nothing unsent is purged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/supervisor_box.py" line="1"/>
        <source>A supervisor PIN is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/supervisor_box.py" line="1"/>
        <source>Change PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/supervisor_box.py" line="1"/>
        <source>No supervisor PIN yet — erasure and retention are refused until one is set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/supervisor_box.py" line="1"/>
        <source>Set PIN…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/supervisor_box.py" line="1"/>
        <source>Purge</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
