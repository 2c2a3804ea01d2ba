<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="th" sourcelanguage="en">
<context>
    <name>ActionItemsPanel</name>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="292" />
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="314" />
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="358" />
        <source>What</source>
        <translation>สิ่งที่ต้องทำ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="292" />
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="315" />
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="359" />
        <source>Who</source>
        <translation>ผู้รับผิดชอบ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="292" />
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="316" />
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="360" />
        <source>By when</source>
        <translation>กำหนดเสร็จ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="292" />
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="361" />
        <source>Done</source>
        <translation>เสร็จแล้ว</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="297" />
        <source>What is to be done</source>
        <translation>สิ่งที่ต้องดำเนินการ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="299" />
        <source>Who does it</source>
        <translation>ผู้รับผิดชอบ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="300" />
        <source>By</source>
        <translation>ภายใน</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="308" />
        <source>Add action item</source>
        <translation>เพิ่มสิ่งที่ต้องดำเนินการ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="339" />
        <source>(was %1)</source>
        <translation>(เดิม %1)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="354" />
        <source>done</source>
        <translation>เสร็จแล้ว</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="354" />
        <source>not done</source>
        <translation>ยังไม่เสร็จ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="364" />
        <source>Amend a finalized action item</source>
        <translation>แก้ไขเพิ่มเติมสิ่งที่ต้องทำของเวทีที่ยืนยันแล้ว</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <location filename="../desktop/sala/ui/amend/contribution_dialog.py" line="38" />
        <source>Amend a finalized contribution</source>
        <translation>บันทึกการแก้ไขความคิดเห็นในเวทีที่ยืนยันแล้ว</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/amend/contribution_dialog.py" line="28" />
        <source>Corrected text</source>
        <translation>ข้อความที่แก้ไข</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/amend/contribution_dialog.py" line="30" />
        <source>Type</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/amend/contribution_dialog.py" line="33" />
        <source>Stance</source>
        <translation>จุดยืน</translation>
    </message>
</context>
<context>
    <name>AmendRecordDialog</name>
    <message>
        <location filename="../desktop/sala/ui/amend/record_dialog.py" line="83" />
        <source>Original: %1</source>
        <translation>เดิม: %1</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/amend/record_dialog.py" line="91" />
        <source>Why is this corrected? (required)</source>
        <translation>เหตุใดจึงแก้ไข (ต้องระบุ)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/amend/record_dialog.py" line="94" />
        <source>Reason</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/amend/record_dialog.py" line="139" />
        <source>Set</source>
        <translation>กำหนด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/amend/record_dialog.py" line="161" />
        <source>yes</source>
        <translation>ใช่</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/amend/record_dialog.py" line="161" />
        <source>no</source>
        <translation>ไม่</translation>
    </message>
</context>
<context>
    <name>AmendmentsPanel</name>
    <message>
        <location filename="../desktop/sala/ui/amend/history.py" line="36" />
        <source>Contribution</source>
        <translation>ความคิดเห็น</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/amend/history.py" line="36" />
        <source>Show of hands</source>
        <translation>การยกมือ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/amend/history.py" line="37" />
        <source>Action item</source>
        <translation>สิ่งที่ต้องดำเนินการ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/amend/history.py" line="37" />
        <source>Session</source>
        <translation>เวที</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/amend/history.py" line="38" />
        <source>Observation</source>
        <translation>ข้อสังเกต</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/amend/history.py" line="43" />
        <source>Reason: %1</source>
        <translation>เหตุผล: %1</translation>
    </message>
</context>
<context>
    <name>AnswersPanel</name>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="94" />
        <source>No speaker</source>
        <translation>ไม่ระบุผู้พูด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="95" />
        <source>Who is speaking: a participant code such as P01 (Ctrl+1…9). Leave it empty when the speaker is not known.</source>
        <translation>ผู้พูดคือใคร: รหัสผู้เข้าร่วม เช่น P01 (Ctrl+1…9) เว้นว่างไว้เมื่อไม่ทราบผู้พูด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="97" />
        <source>Speaker:</source>
        <translation>ผู้พูด:</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="100" />
        <source>Answer — Enter saves</source>
        <translation>คำตอบ — กด Enter เพื่อบันทึก</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="119" />
        <source>Facilitator observations</source>
        <translation>ข้อสังเกตของผู้ดำเนินการ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="122" />
        <source>Observation (mood, who held back, …) — Enter saves</source>
        <translation>ข้อสังเกต (บรรยากาศ ใครไม่ค่อยพูด …) — กด Enter เพื่อบันทึก</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="124" />
        <source>About this question</source>
        <translation>เกี่ยวกับคำถามนี้</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="160" />
        <source>Edit… (F2)</source>
        <translation>แก้ไข… (F2)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="160" />
        <source>Delete (Del)</source>
        <translation>ลบ (Del)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="161" />
        <source>Amend… (F2)</source>
        <translation>แก้ไขเพิ่มเติม… (F2)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="181" />
        <source>No questions yet: add one to the guide, or use a template. Answers typed now are kept without a question.</source>
        <translation>ยังไม่มีคำถาม: เพิ่มคำถามในแนวคำถาม หรือใช้แม่แบบ คำตอบที่พิมพ์ตอนนี้จะบันทึกไว้โดยไม่ผูกกับคำถาม</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="184" />
        <source>Question %1 of %2</source>
        <translation>คำถามที่ %1 จาก %2</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="209" />
        <source>(general) </source>
        <translation>(ทั่วไป) </translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="261" />
        <source>Add answer</source>
        <translation>เพิ่มคำตอบ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="276" />
        <source>Add observation</source>
        <translation>เพิ่มข้อสังเกต</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="290" />
        <source>Amend a finalized answer</source>
        <translation>แก้ไขเพิ่มเติมคำตอบของเวทีที่ยืนยันแล้ว</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="292" />
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="300" />
        <source>Edit answer</source>
        <translation>แก้ไขคำตอบ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="308" />
        <source>Amend a finalized observation</source>
        <translation>แก้ไขเพิ่มเติมข้อสังเกตของเวทีที่ยืนยันแล้ว</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="310" />
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="316" />
        <source>Edit observation</source>
        <translation>แก้ไขข้อสังเกต</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="320" />
        <source>Delete answer</source>
        <translation>ลบคำตอบ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="323" />
        <source>Delete observation</source>
        <translation>ลบข้อสังเกต</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/answers.py" line="338" />
        <source>Corrected text</source>
        <translation>ข้อความที่แก้ไข</translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message>
        <location filename="../desktop/sala/ui/sessions/attendance_dialog.py" line="47" />
        <source>Head count</source>
        <translation>จำนวนผู้เข้าร่วม</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/attendance_dialog.py" line="53" />
        <source>Everyone who came, whether or not they spoke. The groups are optional and may add up to less than the total (the rest are “not stated”).</source>
        <translation>ทุกคนที่มาร่วม ไม่ว่าจะพูดหรือไม่ก็ตาม การจำแนกตามกลุ่มไม่บังคับ และรวมกันน้อยกว่าจำนวนทั้งหมดได้ (ส่วนที่เหลือถือว่า “ไม่ระบุ”)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/attendance_dialog.py" line="62" />
        <source>Total (people)</source>
        <translation>จำนวนทั้งหมด (คน)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/attendance_dialog.py" line="66" />
        <source>By age</source>
        <translation>ตามช่วงอายุ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/attendance_dialog.py" line="66" />
        <source>By gender</source>
        <translation>ตามเพศ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/attendance_dialog.py" line="67" />
        <source>By occupation</source>
        <translation>ตามอาชีพ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/attendance_dialog.py" line="86" />
        <source>Why the head count is corrected</source>
        <translation>เหตุใดจึงแก้ไขจำนวนผู้เข้าร่วม</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/attendance_dialog.py" line="88" />
        <source>Reason for the amendment</source>
        <translation>เหตุผลของการแก้ไข</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../desktop/sala/ui/dashboard/charts.py" line="164" />
        <source>Save as PNG…</source>
        <translation>บันทึกเป็นรูป PNG…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/charts.py" line="181" />
        <source>No data for these filters</source>
        <translation>ไม่มีข้อมูลตามตัวกรองนี้</translation>
    </message>
</context>
<context>
    <name>CapturePanel</name>
    <message>
        <location filename="../desktop/sala/ui/minitalk/capture_box.py" line="140" />
        <source>%1 participant code, e.g. P07</source>
        <translation>%1 รหัสผู้พูด เช่น P07</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/capture_box.py" line="145" />
        <source>Keep type and stance</source>
        <translation>คงประเภทและจุดยืนไว้</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/capture_box.py" line="147" />
        <source>Ticked: the next entries keep this type and stance. Not ticked: after each save they go back to opinion, no stance.</source>
        <translation>เมื่อเลือกไว้ ข้อความถัดไปใช้ประเภทและจุดยืนนี้ต่อ เมื่อไม่เลือก หลังบันทึกแต่ละครั้งจะกลับเป็น “ความคิดเห็น” และไม่ระบุจุดยืน</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/capture_box.py" line="167" />
        <source>Type what was said, then Enter to save (Shift+Enter: new line)</source>
        <translation>พิมพ์สิ่งที่ผู้เข้าร่วมพูด แล้วกด Enter เพื่อบันทึก (Shift+Enter ขึ้นบรรทัดใหม่)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/capture_box.py" line="178" />
        <source>F1–F6 type · F7 support · F8 oppose · F9 neutral · %1 tags · %2 code · Ctrl+Z undo · F2 on the list: edit an entry</source>
        <translation>F1–F6 ประเภท · F7 เห็นด้วย · F8 ไม่เห็นด้วย · F9 เป็นกลาง · %1 แท็ก · %2 รหัสผู้พูด · Ctrl+Z เลิกทำ · F2 ที่รายการ: แก้ไขข้อความ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/capture_box.py" line="251" />
        <source>Other tag…</source>
        <translation>แท็กอื่น…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/capture_box.py" line="253" />
        <source>Clear tags</source>
        <translation>ล้างแท็ก</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/capture_box.py" line="258" />
        <source>Tag</source>
        <translation>แท็ก</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/capture_box.py" line="258" />
        <source>New tag:</source>
        <translation>แท็กใหม่:</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/capture_box.py" line="272" />
        <source>none</source>
        <translation>ไม่มี</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/capture_box.py" line="273" />
        <source>%1  Tags: %2</source>
        <translation>%1  แท็ก: %2</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/capture_box.py" line="326" />
        <source>✎ Editing the entry of %1 — Enter saves the change, Esc cancels. Nothing new is added while editing.</source>
        <translation>✎ กำลังแก้ไขข้อความเวลา %1 น. — Enter บันทึกการแก้ไข, Esc ยกเลิก ระหว่างแก้ไขจะไม่เพิ่มข้อความใหม่</translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <location filename="../desktop/sala/ui/kiosk/comments.py" line="51" />
        <location filename="../desktop/sala/ui/kiosk/comments.py" line="107" />
        <source>Hide from summary</source>
        <translation>ซ่อนจากสรุป</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/comments.py" line="53" />
        <source>An abusive comment, or one with personal data, is left out of the summary; its face rating still counts</source>
        <translation>ความเห็นที่ไม่สุภาพหรือมีข้อมูลส่วนบุคคลจะไม่แสดงในสรุป แต่คะแนนความพึงพอใจของผู้ชมคนนั้นยังนับอยู่</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/comments.py" line="58" />
        <source>Reason (required: the exhibition is finalized)</source>
        <translation>เหตุผล (ต้องระบุ เพราะยืนยันเวทีแล้ว)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/comments.py" line="86" />
        <source>(hidden from the summary)</source>
        <translation>(ซ่อนจากสรุปแล้ว)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/comments.py" line="95" />
        <source>Visitors' comments: %1 (%2 hidden)</source>
        <translation>ความคิดเห็นของผู้เยี่ยมชม: %1 รายการ (ซ่อน %2)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/comments.py" line="106" />
        <source>Show in summary</source>
        <translation>แสดงในสรุป</translation>
    </message>
</context>
<context>
    <name>ContributionModel</name>
    <message>
        <location filename="../desktop/sala/ui/minitalk/contribution_model.py" line="53" />
        <source>Time</source>
        <translation>เวลา</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/contribution_model.py" line="53" />
        <source>Type</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/contribution_model.py" line="53" />
        <source>Stance</source>
        <translation>จุดยืน</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/contribution_model.py" line="53" />
        <source>What was said</source>
        <translation>สิ่งที่พูด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/contribution_model.py" line="54" />
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/contribution_model.py" line="54" />
        <source>Tags</source>
        <translation>แท็ก</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/contribution_model.py" line="54" />
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/contribution_model.py" line="178" />
        <location filename="../desktop/sala/ui/minitalk/page.py" line="173" />
        <source>saving…</source>
        <translation>กำลังบันทึก…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/contribution_model.py" line="179" />
        <location filename="../desktop/sala/ui/minitalk/page.py" line="174" />
        <source>✎ amended</source>
        <translation>✎ แก้ไขแล้ว</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/contribution_model.py" line="197" />
        <source>Original: %1</source>
        <translation>เดิม: %1</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/contribution_model.py" line="199" />
        <source>Amended — reason: %1</source>
        <translation>แก้ไขเพิ่มเติมแล้ว — เหตุผล: %1</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../desktop/sala/ui/dashboard/page.py" line="93" />
        <source>Sessions per month</source>
        <translation>จำนวนเวทีรายเดือน</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/page.py" line="94" />
        <source>Participants by age band and gender</source>
        <translation>ผู้เข้าร่วมตามช่วงอายุและเพศ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/page.py" line="95" />
        <source>Contributions by topic and type</source>
        <translation>ความคิดเห็นตามหัวข้อและประเภท</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/page.py" line="96" />
        <source>Stance per topic</source>
        <translation>จุดยืนต่อแต่ละหัวข้อ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/page.py" line="97" />
        <source>Exhibition ratings (1–5)</source>
        <translation>คะแนนความพึงพอใจนิทรรศการ (1–5)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/page.py" line="132" />
        <source>Updating…</source>
        <translation>กำลังปรับปรุง…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/page.py" line="169" />
        <source>%1 sessions · %2 participants · %3 contributions · %4 exhibition visitors</source>
        <translation>%1 เวที · ผู้เข้าร่วม %2 คน · %3 ความคิดเห็น · ผู้ชมนิทรรศการ %4 คน</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/page.py" line="173" />
        <source>Sessions</source>
        <translation>เวที</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/page.py" line="185" />
        <source>Not stated</source>
        <translation>ไม่ระบุ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/page.py" line="191" />
        <source>Visitors</source>
        <translation>ผู้เยี่ยมชม</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/page.py" line="193" />
        <source>Average %1 / 5 from %2 visitors</source>
        <translation>คะแนนเฉลี่ย %1 / 5 จากผู้ชม %2 คน</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/page.py" line="199" />
        <source>Save chart as PNG</source>
        <translation>บันทึกแผนภูมิเป็นรูป PNG</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/page.py" line="200" />
        <source>PNG images (*.png)</source>
        <translation>รูปภาพ PNG (*.png)</translation>
    </message>
</context>
<context>
    <name>EditEntryDialog</name>
    <message>
        <location filename="../desktop/sala/ui/focus_group/edit_dialog.py" line="38" />
        <source>Text</source>
        <translation>ข้อความ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/edit_dialog.py" line="45" />
        <source>Participant code</source>
        <translation>รหัสผู้เข้าร่วม</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="44" />
        <source>Allow plain HTTP (unencrypted: only on a network your administrator says is safe)</source>
        <translation>อนุญาต HTTP ธรรมดา (ไม่เข้ารหัส: ใช้เฉพาะในเครือข่ายที่ผู้ดูแลระบบยืนยันว่าปลอดภัย)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="36" />
        <source>Enroll this laptop</source>
        <translation>ลงทะเบียนเครื่องนี้</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="41" />
        <source>Central platform address</source>
        <translation>ที่อยู่ระบบกลาง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="42" />
        <source>Enrollment code</source>
        <translation>รหัสลงทะเบียน</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../desktop/sala/ui/reports/export_dialog.py" line="23" />
        <source>Export data</source>
        <translation>ส่งออกข้อมูล</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/export_dialog.py" line="25" />
        <source>Sessions</source>
        <translation>เวที</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/export_dialog.py" line="25" />
        <source>Participants</source>
        <translation>ผู้เข้าร่วม</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/export_dialog.py" line="26" />
        <source>Contributions</source>
        <translation>ความคิดเห็น</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/export_dialog.py" line="29" />
        <source>CSV (Excel, UTF-8)</source>
        <translation>CSV (Excel, UTF-8)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/export_dialog.py" line="30" />
        <source>Excel workbook (XLSX)</source>
        <translation>ไฟล์ Excel (XLSX)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/export_dialog.py" line="32" />
        <source>Include contact details of participants who consented (personal data)</source>
        <translation>รวมข้อมูลติดต่อของผู้เข้าร่วมที่ให้ความยินยอม (ข้อมูลส่วนบุคคล)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/export_dialog.py" line="37" />
        <source>Data</source>
        <translation>ข้อมูล</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/export_dialog.py" line="38" />
        <source>Format</source>
        <translation>รูปแบบไฟล์</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/export_dialog.py" line="41" />
        <source>Save as</source>
        <translation>บันทึกเป็น</translation>
    </message>
</context>
<context>
    <name>FilterFields</name>
    <message>
        <location filename="../desktop/sala/ui/reports/filter_fields.py" line="22" />
        <source>Fiscal year (B.E.)</source>
        <translation>ปีงบประมาณ (พ.ศ.)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/filter_fields.py" line="28" />
        <source>All provinces</source>
        <translation>ทุกจังหวัด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/filter_fields.py" line="29" />
        <source>All topics</source>
        <translation>ทุกประเด็น</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/filter_fields.py" line="30" />
        <source>All kinds</source>
        <translation>ทุกรูปแบบ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/filter_fields.py" line="37" />
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/filter_fields.py" line="38" />
        <source>Topic</source>
        <translation>ประเด็น</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/filter_fields.py" line="39" />
        <source>Session kind</source>
        <translation>รูปแบบเวที</translation>
    </message>
</context>
<context>
    <name>FocusGroupPage</name>
    <message>
        <location filename="../desktop/sala/ui/focus_group/page.py" line="50" />
        <source>Answers</source>
        <translation>คำตอบ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/page.py" line="51" />
        <source>Participants</source>
        <translation>ผู้เข้าร่วม</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/page.py" line="52" />
        <source>Photos</source>
        <translation>รูปภาพ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/page.py" line="99" />
        <source>This session is closed: nothing can be added or changed. Press Reopen to add more, or Finalize when it is complete.</source>
        <translation>เวทีนี้ปิดแล้ว: เพิ่มหรือแก้ไขไม่ได้ กด “เปิดอีกครั้ง” เพื่อบันทึกต่อ หรือกด “ยืนยันผล…” เมื่อครบถ้วนแล้ว</translation>
    </message>
</context>
<context>
    <name>GuidePanel</name>
    <message>
        <location filename="../desktop/sala/ui/focus_group/guide.py" line="47" />
        <source>Question guide</source>
        <translation>แนวคำถาม</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/guide.py" line="58" />
        <source>New question — Enter adds it</source>
        <translation>คำถามใหม่ — กด Enter เพื่อเพิ่ม</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/guide.py" line="65" />
        <source>Use template</source>
        <translation>ใช้แม่แบบ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/guide.py" line="67" />
        <source>Save as template…</source>
        <translation>บันทึกเป็นแม่แบบ…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/guide.py" line="94" />
        <source>Question %1 — double-click or F2 to reword</source>
        <translation>คำถามที่ %1 — ดับเบิลคลิกหรือกด F2 เพื่อแก้ไข</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/guide.py" line="105" />
        <source>%1 (%2 questions)</source>
        <translation>%1 (%2 คำถาม)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/guide.py" line="173" />
        <source>Template name:</source>
        <translation>ชื่อแม่แบบ:</translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <location filename="../desktop/sala/ui/common/job_dialog.py" line="82" />
        <source>Create</source>
        <translation>สร้าง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/common/job_dialog.py" line="83" />
        <source>Open</source>
        <translation>เปิด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/common/job_dialog.py" line="111" />
        <source>Working…</source>
        <translation>กำลังดำเนินการ…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/common/job_dialog.py" line="125" />
        <source>Saved: %1</source>
        <translation>บันทึกแล้ว: %1</translation>
    </message>
</context>
<context>
    <name>KioskFaces</name>
    <message>
        <location filename="../desktop/sala/ui/kiosk/faces.py" line="19" />
        <source>Very poor</source>
        <translation>แย่มาก</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/faces.py" line="20" />
        <source>Poor</source>
        <translation>แย่</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/faces.py" line="21" />
        <source>Fair</source>
        <translation>พอใช้</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/faces.py" line="22" />
        <source>Good</source>
        <translation>ดี</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/faces.py" line="23" />
        <source>Very good</source>
        <translation>ดีมาก</translation>
    </message>
</context>
<context>
    <name>KioskStaffPage</name>
    <message>
        <location filename="../desktop/sala/ui/kiosk/staff_page.py" line="138" />
        <source>Start kiosk mode (full screen)</source>
        <translation>เริ่มโหมดตู้แสดงความคิดเห็น (เต็มจอ)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/staff_page.py" line="191" />
        <source>Proposals cannot change: the exhibition is %1</source>
        <translation>เพิ่มหรือแก้ไขข้อเสนอไม่ได้ เพราะเวทีนี้%1</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/staff_page.py" line="202" />
        <source>Kiosk mode cannot start: this exhibition is finalized (read-only). Create a new exhibition session for another day.</source>
        <translation>เริ่มโหมดคีออสก์ไม่ได้ เพราะนิทรรศการนี้ยืนยันแล้ว (อ่านอย่างเดียว) หากจัดวันอื่นให้สร้างเวทีนิทรรศการใหม่</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/staff_page.py" line="204" />
        <source>Kiosk mode cannot start: this exhibition is closed. Reopen it first (Reopen, above) to take visitors again.</source>
        <translation>เริ่มโหมดคีออสก์ไม่ได้ เพราะนิทรรศการนี้ปิดแล้ว กด “เปิดอีกครั้ง” ด้านบนก่อน จึงจะรับความเห็นผู้ชมได้อีก</translation>
    </message>
    <message>
        <source>Live tally and comments</source>
        <translation>ผลสดและความคิดเห็น</translation>
    </message>
</context>
<context>
    <name>ProposalsEditor</name>
    <message>
        <location filename="../desktop/sala/ui/kiosk/proposals_editor.py" line="1" />
        <source>Proposals on display</source>
        <translation>ข้อเสนอที่จัดแสดง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/proposals_editor.py" line="1" />
        <source>Thai name</source>
        <translation>ชื่อภาษาไทย</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/proposals_editor.py" line="1" />
        <source>English name (optional)</source>
        <translation>ชื่อภาษาอังกฤษ (ไม่บังคับ)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/proposals_editor.py" line="1" />
        <source>(the Thai name is shown)</source>
        <translation>(แสดงชื่อภาษาไทยแทน)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/proposals_editor.py" line="1" />
        <source>To change a name, double-click it (or F2), type, then Enter.</source>
        <translation>แก้ชื่อ: ดับเบิลคลิกที่ชื่อ (หรือกด F2) พิมพ์ แล้วกด Enter</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/proposals_editor.py" line="1" />
        <source>Add a proposal</source>
        <translation>เพิ่มข้อเสนอ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/proposals_editor.py" line="1" />
        <source>Optional: shown on an English kiosk</source>
        <translation>ไม่บังคับ: แสดงเมื่อตู้ใช้ภาษาอังกฤษ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/proposals_editor.py" line="1" />
        <source>Add</source>
        <translation>เพิ่ม</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/proposals_editor.py" line="1" />
        <source>English name</source>
        <translation>ชื่อภาษาอังกฤษ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/proposals_editor.py" line="1" />
        <source>New proposal on display — Enter adds it</source>
        <translation>ข้อเสนอที่จัดแสดงใหม่ — กด Enter เพื่อเพิ่ม</translation>
    </message>
</context>
<context>
    <name>KioskVisitor</name>
    <message>
        <location filename="../desktop/sala/ui/kiosk/visitor.py" line="74" />
        <source>How did you like this exhibition?</source>
        <translation>ท่านพึงพอใจนิทรรศการนี้เพียงใด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/visitor.py" line="90" />
        <source>Staff</source>
        <translation>เจ้าหน้าที่</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/visitor.py" line="132" />
        <source>A short comment (optional)</source>
        <translation>ความคิดเห็นสั้น ๆ (ไม่บังคับ)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/visitor.py" line="147" />
        <source>Your age (optional)</source>
        <translation>อายุของท่าน (ไม่บังคับ)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/visitor.py" line="134" />
        <source>Send</source>
        <translation>ส่งความคิดเห็น</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/visitor.py" line="92" />
        <source>Leave kiosk mode (supervisor PIN)</source>
        <translation>ออกจากโหมดคีออสก์ (ใช้ PIN ผู้ดูแล)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/visitor.py" line="204" />
        <source>Thank you! Your opinion has been recorded.</source>
        <translation>ขอบคุณค่ะ ความคิดเห็นของท่านได้รับการบันทึกแล้ว</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/visitor.py" line="255" />
        <source>Tap the proposals you support — %1 of %2 dots left</source>
        <translation>แตะข้อเสนอที่ท่านสนับสนุน — เหลือ %1 จาก %2 คะแนน</translation>
    </message>
</context>
<context>
    <name>LiveTally</name>
    <message>
        <location filename="../desktop/sala/ui/dashboard/live_tally.py" line="51" />
        <source>Exhibition live tally</source>
        <translation>ผลนิทรรศการแบบสด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/live_tally.py" line="56" />
        <source>Visitors' ratings</source>
        <translation>คะแนนความพึงพอใจของผู้เยี่ยมชม</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/live_tally.py" line="57" />
        <source>Votes per proposal</source>
        <translation>คะแนนโหวตแต่ละข้อเสนอ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/live_tally.py" line="138" />
        <source>Visitors</source>
        <translation>ผู้เยี่ยมชม</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/live_tally.py" line="140" />
        <source>Average %1 / 5 from %2 visitors</source>
        <translation>คะแนนเฉลี่ย %1 / 5 จากผู้ชม %2 คน</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/dashboard/live_tally.py" line="142" />
        <source>Votes</source>
        <translation>คะแนนโหวต</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="206" />
        <source>Sala — public consultation</source>
        <translation>ศาลา — เวทีรับฟังความคิดเห็น</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="208" />
        <source>Opening your sessions…</source>
        <translation>กำลังเปิดรายการเวทีของคุณ…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="139" />
        <source>Ready — working offline, every entry is saved on this laptop</source>
        <translation>พร้อมใช้งาน — ทำงานแบบออฟไลน์ ทุกรายการบันทึกไว้ในเครื่องนี้</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="209" />
        <source>&amp;File</source>
        <translation>แ&amp;ฟ้ม</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="210" />
        <source>&amp;New session…</source>
        <translation>สร้างเวที&amp;ใหม่…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="211" />
        <source>&amp;Back up now</source>
        <translation>สำ&amp;รองข้อมูลตอนนี้</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="212" />
        <source>Se&amp;ttings…</source>
        <translation>&amp;ตั้งค่า…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="213" />
        <source>&amp;Quit</source>
        <translation>&amp;ออก</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="214" />
        <source>Session &amp;summary…</source>
        <translation>สรุปผลเวที…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="215" />
        <source>&amp;Period report…</source>
        <translation>รายงานตามช่วงเวลา…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="216" />
        <source>&amp;Export…</source>
        <translation>ส่งออกข้อมูล…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="217" />
        <source>&amp;Sessions</source>
        <translation>&amp;รายการเวที</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="218" />
        <source>&amp;Back to the session list</source>
        <translation>&amp;กลับไปรายการเวที</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="219" />
        <source>&amp;Dashboard</source>
        <translation>แดชบอร์ด (&amp;D)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="220" />
        <source>&amp;View</source>
        <translation>&amp;มุมมอง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="221" />
        <source>&amp;Language</source>
        <translation>&amp;ภาษา</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="282" />
        <source>This kind of session cannot be opened here.</source>
        <translation>ยังเปิดเวทีประเภทนี้ในหน้านี้ไม่ได้</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="312" />
        <source>Backup saved: %1</source>
        <translation>บันทึกสำเนาสำรองแล้ว: %1</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="323" />
        <source>Select a session in the list first.</source>
        <translation>เลือกเวทีในรายการก่อน</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/sala/ui/shell/main_window.py" line="354" />
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n เวที</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="477" />
        <source>A sync is running. Restore the backup once it has finished; nothing was changed.</source>
        <translation>กำลังส่งข้อมูลอยู่ กรุณากู้คืนเมื่อส่งเสร็จแล้ว ยังไม่มีสิ่งใดถูกเปลี่ยนแปลง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="479" />
        <source>Restoring the backup…</source>
        <translation>กำลังกู้คืนจากสำเนาสำรอง…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="480" />
        <source>The backup was restored. The data in use before is kept at:
%1</source>
        <translation>กู้คืนจากสำเนาสำรองแล้ว ข้อมูลที่ใช้อยู่ก่อนหน้าเก็บไว้ที่:
%1</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="309" />
        <location filename="../desktop/sala/ui/shell/main_window.py" line="357" />
        <source>Saving…</source>
        <translation>กำลังบันทึก…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/main_window.py" line="361" />
        <source>All changes saved</source>
        <translation>บันทึกครบทุกรายการแล้ว</translation>
    </message>
</context>
<context>
    <name>MinitalkPage</name>
    <message>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="69" />
        <source>Edit selected (F2)</source>
        <translation>แก้ไขที่เลือก (F2)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="72" />
        <source>Amend selected…</source>
        <translation>แก้ไขเพิ่มเติมรายการที่เลือก…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="75" />
        <source>Delete selected</source>
        <translation>ลบรายการที่เลือก</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="84" />
        <source>Show of hands</source>
        <translation>การยกมือ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="85" />
        <source>Action items</source>
        <translation>สิ่งที่ต้องดำเนินการ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="86" />
        <source>Notes</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="87" />
        <source>Amendments</source>
        <translation>การแก้ไขเพิ่มเติม</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="269" />
        <source>Add “%1”</source>
        <translation>เพิ่ม “%1”</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="280" />
        <location filename="../desktop/sala/ui/minitalk/page.py" line="300" />
        <source>Edit</source>
        <translation>แก้ไข</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="309" />
        <location filename="../desktop/sala/ui/minitalk/page.py" line="311" />
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="353" />
        <source>Draft: the session starts when you save the first entry (or press Start).</source>
        <translation>ร่าง: เวทีจะเริ่มเมื่อบันทึกข้อความแรก (หรือกด “เริ่มเวที”)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="355" />
        <source>This session is closed: nothing can be added or changed. Press Reopen to add more, or Finalize when it is complete.</source>
        <translation>เวทีนี้ปิดแล้ว: เพิ่มหรือแก้ไขไม่ได้ กด “เปิดอีกครั้ง” เพื่อบันทึกต่อ หรือกด “ยืนยันผล…” เมื่อครบถ้วนแล้ว</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/page.py" line="357" />
        <source>Finalized: read-only. To correct an entry, select it and press Amend… (a reason is recorded).</source>
        <translation>ยืนยันผลแล้ว: อ่านอย่างเดียว หากต้องแก้ไขข้อความ ให้เลือกแล้วกด “แก้ไขเพิ่มเติมรายการที่เลือก…” (บันทึกพร้อมเหตุผล)</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/sala/ui/minitalk/page.py" line="385" />
        <source>%n contribution(s)</source>
        <translation>
            <numerusform>%n ความคิดเห็น</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewSessionDialog</name>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="61" />
        <source>New session</source>
        <translation>สร้างเวทีใหม่</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="70" />
        <source>Question guide</source>
        <translation>แนวคำถาม</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="85" />
        <source>New venue…</source>
        <translation>สถานที่ใหม่…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="102" />
        <source>Names, separated by commas</source>
        <translation>ชื่อ คั่นด้วยจุลภาค</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="120" />
        <source>Kind</source>
        <translation>ประเภทเวที</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="122" />
        <source>Agenda topics</source>
        <translation>ประเด็น</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="123" />
        <source>Venue</source>
        <translation>สถานที่</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="127" />
        <source>Venue name</source>
        <translation>ชื่อสถานที่</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="129" />
        <source>Venue kind</source>
        <translation>ประเภทสถานที่</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="131" />
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="133" />
        <source>District</source>
        <translation>อำเภอ/เขต</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="136" />
        <source>Title</source>
        <translation>ชื่อเวที</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="137" />
        <source>Facilitators</source>
        <translation>ผู้ดำเนินการ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="143" />
        <source>Planned date and time</source>
        <translation>วันและเวลาที่กำหนด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="147" />
        <source>Create session</source>
        <translation>สร้างเวที</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="148" />
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/new_dialog.py" line="181" />
        <source>No guide yet</source>
        <translation>ยังไม่ใช้แนวคำถาม</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="385" />
        <source>Session notes (saved as you type)</source>
        <translation>บันทึกของเวที (บันทึกอัตโนมัติขณะพิมพ์)</translation>
    </message>
</context>
<context>
    <name>OutputPicker</name>
    <message>
        <location filename="../desktop/sala/ui/common/job_dialog.py" line="46" />
        <source>Browse…</source>
        <translation>เลือก…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/common/job_dialog.py" line="54" />
        <source>Save as</source>
        <translation>บันทึกเป็น</translation>
    </message>
</context>
<context>
    <name>ParticipantRow</name>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participant_row.py" line="105" />
        <source>Full name</source>
        <translation>ชื่อ–นามสกุล</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participant_row.py" line="105" />
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participant_row.py" line="105" />
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participant_row.py" line="130" />
        <source>Contact details of %1</source>
        <translation>ข้อมูลติดต่อของ %1</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participant_row.py" line="178" />
        <source>Needs consent</source>
        <translation>รอความยินยอม</translation>
    </message>
</context>
<context>
    <name>ParticipantsTable</name>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="51" />
        <source>Participants</source>
        <translation>ผู้เข้าร่วม</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="59" />
        <source>Remove selected</source>
        <translation>นำรายการที่เลือกออก</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="69" />
        <source>Purpose of data use (read to the participant)</source>
        <translation>วัตถุประสงค์การใช้ข้อมูล (อ่านให้ผู้เข้าร่วมฟัง)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="77" />
        <source>The contacts&apos; encryption key is in a private file (this computer has no keyring): anyone signed in as this user could read contacts not yet sealed. Keep the laptop locked.</source>
        <translation>กุญแจเข้ารหัสข้อมูลติดต่อเก็บในไฟล์ส่วนตัว (เครื่องนี้ไม่มี keyring) ผู้ที่เข้าบัญชีผู้ใช้นี้ได้อาจอ่านข้อมูลติดต่อที่ยังไม่ปิดผนึกได้ โปรดล็อกเครื่องเสมอ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="82" />
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="82" />
        <source>Age</source>
        <translation>อายุ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="82" />
        <source>Gender</source>
        <translation>เพศ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="82" />
        <source>Occupation</source>
        <translation>อาชีพ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="82" />
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="83" />
        <source>Consent</source>
        <translation>ความยินยอม</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="99" />
        <source>Contact details (only with consent)</source>
        <translation>ข้อมูลติดต่อ (เฉพาะเมื่อได้รับความยินยอม)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="102" />
        <source>Choose a participant in the table to fill in their contact details.</source>
        <translation>เลือกผู้เข้าร่วมในตารางเพื่อกรอกข้อมูลติดต่อ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="215" />
        <source>Remove participant %1? Their answers stay, without the code.</source>
        <translation>นำผู้เข้าร่วม %1 ออกหรือไม่? คำตอบของผู้นี้ยังอยู่ แต่ไม่มีรหัสกำกับ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/participants.py" line="264" />
        <source>Add participant (%1)</source>
        <translation>เพิ่มผู้เข้าร่วม (%1)</translation>
    </message>
</context>
<context>
    <name>PhotosPanel</name>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="62" />
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="251" />
        <source>Drop photos of flip charts and whiteboards here, or choose files.</source>
        <translation>ลากรูปถ่ายกระดาษชาร์ตหรือไวท์บอร์ดมาวางที่นี่ หรือเลือกไฟล์</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="66" />
        <source>Choose photos…</source>
        <translation>เลือกรูปภาพ…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="70" />
        <source>Link new photos to the current question</source>
        <translation>ผูกรูปใหม่กับคำถามปัจจุบัน</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="89" />
        <source>Caption</source>
        <translation>คำบรรยายภาพ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="91" />
        <source>What the selected photo shows — saved as you type</source>
        <translation>รูปที่เลือกเป็นภาพอะไร — บันทึกให้ขณะพิมพ์</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="119" />
        <source>Choose photos</source>
        <translation>เลือกรูปภาพ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="124" />
        <source>Images</source>
        <translation>รูปภาพ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="124" />
        <source>All files</source>
        <translation>ทุกไฟล์</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="127" />
        <source>Look in:</source>
        <translation>ค้นหาใน:</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="127" />
        <source>File name:</source>
        <translation>ชื่อไฟล์:</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="128" />
        <source>Files of type:</source>
        <translation>ชนิดไฟล์:</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="128" />
        <source>Add photos</source>
        <translation>เพิ่มรูปภาพ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="129" />
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="141" />
        <source>Adding %1…</source>
        <translation>กำลังเพิ่ม %1…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="151" />
        <source>Saved %1</source>
        <translation>บันทึก %1 แล้ว</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="247" />
        <source>This session is closed: its photos can be viewed; reopen it to add more.</source>
        <translation>เวทีนี้ปิดแล้ว: ดูรูปภาพได้ หากต้องการเพิ่มให้เปิดเวทีอีกครั้ง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/photos.py" line="249" />
        <source>This session is finalized: its photos can be viewed but not changed.</source>
        <translation>เวทีนี้ยืนยันแล้ว ดูรูปได้แต่เปลี่ยนแปลงไม่ได้</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../desktop/sala/ui/kiosk/pin.py" line="50" />
        <source>Confirm</source>
        <translation>ยืนยัน</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/pin.py" line="54" />
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/pin.py" line="67" />
        <source>Enter the supervisor PIN to leave kiosk mode</source>
        <translation>ใส่รหัส PIN ของหัวหน้าเพื่อออกจากโหมดตู้แสดงความคิดเห็น</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/pin.py" line="69" />
        <source>Choose a supervisor PIN (4–12 digits). It is needed to leave kiosk mode.</source>
        <translation>ตั้งรหัส PIN ของหัวหน้า (ตัวเลข 4–12 หลัก) ใช้สำหรับออกจากโหมดตู้แสดงความคิดเห็น</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/pin.py" line="71" />
        <source>Enter the same PIN again</source>
        <translation>ใส่รหัส PIN เดิมอีกครั้ง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/pin.py" line="90" />
        <source>Enter the kiosk PIN to leave kiosk mode</source>
        <translation>ใส่รหัส PIN ของตู้เพื่อออกจากโหมดตู้แสดงความคิดเห็น</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/pin.py" line="90" />
        <source>Choose a kiosk PIN (4–12 digits). It is needed to leave kiosk mode.</source>
        <translation>ตั้งรหัส PIN ของตู้ (ตัวเลข 4–12 หลัก) ใช้สำหรับออกจากโหมดตู้แสดงความคิดเห็น</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="29" />
        <source>&amp;Undo</source>
        <translation>&amp;เลิกทำ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="30" />
        <source>&amp;Redo</source>
        <translation>&amp;ทำซ้ำ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="31" />
        <source>Cu&amp;t</source>
        <translation>&amp;ตัด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="32" />
        <source>&amp;Copy</source>
        <translation>&amp;คัดลอก</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="33" />
        <source>&amp;Paste</source>
        <translation>ว&amp;าง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="34" />
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="35" />
        <source>Select All</source>
        <translation>เลือกทั้งหมด</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="12" />
        <source>OK</source>
        <translation>ตกลง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="13" />
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="14" />
        <source>Open</source>
        <translation>เปิด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="15" />
        <source>&amp;Yes</source>
        <translation>ใ&amp;ช่</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="16" />
        <source>&amp;No</source>
        <translation>&amp;ไม่</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="17" />
        <source>Abort</source>
        <translation>ยุติ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="18" />
        <source>Retry</source>
        <translation>ลองใหม่</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="19" />
        <source>Ignore</source>
        <translation>ข้าม</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="20" />
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="21" />
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="22" />
        <source>Discard</source>
        <translation>ทิ้ง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="23" />
        <source>Help</source>
        <translation>วิธีใช้</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="24" />
        <source>Apply</source>
        <translation>ใช้</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="25" />
        <source>Reset</source>
        <translation>ตั้งค่าใหม่</translation>
    </message>
</context>
<context>
    <name>RecordList</name>
    <message>
        <location filename="../desktop/sala/ui/focus_group/records.py" line="138" />
        <source>✎ Original: %1</source>
        <translation>✎ เดิม: %1</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/records.py" line="139" />
        <source>Reason: %1</source>
        <translation>เหตุผล: %1</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/focus_group/records.py" line="145" />
        <source>saving…</source>
        <translation>กำลังบันทึก…</translation>
    </message>
</context>
<context>
    <name>ReorderButtons</name>
    <message>
        <location filename="../desktop/sala/ui/common/widgets.py" line="85" />
        <source>Up</source>
        <translation>ขึ้น</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/common/widgets.py" line="86" />
        <source>Down</source>
        <translation>ลง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/common/widgets.py" line="87" />
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../desktop/sala/ui/reports/report_dialog.py" line="31" />
        <source>Session summary</source>
        <translation>สรุปผลเวที</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/report_dialog.py" line="32" />
        <source>Session</source>
        <translation>เวที</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/report_dialog.py" line="36" />
        <source>Period report</source>
        <translation>รายงานตามช่วงเวลา</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/report_dialog.py" line="44" />
        <source>Report language</source>
        <translation>ภาษาของรายงาน</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/report_dialog.py" line="45" />
        <source>Include contact details of participants who consented (personal data)</source>
        <translation>รวมข้อมูลติดต่อของผู้เข้าร่วมที่ให้ความยินยอม (ข้อมูลส่วนบุคคล)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/report_dialog.py" line="49" />
        <source>Save as</source>
        <translation>บันทึกเป็น</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/reports/report_dialog.py" line="51" />
        <source>To print, open the PDF and print it from the viewer.</source>
        <translation>หากต้องการพิมพ์ ให้เปิดไฟล์ PDF แล้วสั่งพิมพ์จากโปรแกรมเปิดไฟล์</translation>
    </message>
    <message>
        <source>No session matches this filter: there is nothing to print.</source>
        <translation>ไม่มีเวทีตรงกับตัวกรองนี้ จึงไม่มีอะไรให้พิมพ์</translation>
    </message>
    <message>
        <source>Sessions in this report: %1</source>
        <translation>รายงานนี้ครอบคลุม %1 เวที</translation>
    </message>
</context>
<context>
    <name>SessionFilterBar</name>
    <message>
        <location filename="../desktop/sala/ui/sessions/filters.py" line="28" />
        <source>Search title, place, what was said…</source>
        <translation>ค้นหาชื่อเวที สถานที่ ความคิดเห็น…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/filters.py" line="28" />
        <source>Search by title, place or what was said: type several words, in any order</source>
        <translation>ค้นหาจากชื่อเวที สถานที่ หรือความคิดเห็น: พิมพ์ได้หลายคำ ไม่ต้องเรียงลำดับ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/filters.py" line="30" />
        <source>All kinds</source>
        <translation>ทุกรูปแบบ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/filters.py" line="31" />
        <source>All statuses</source>
        <translation>ทุกสถานะ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/filters.py" line="32" />
        <source>All topics</source>
        <translation>ทุกประเด็น</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/filters.py" line="33" />
        <source>All provinces</source>
        <translation>ทุกจังหวัด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/filters.py" line="34" />
        <source>Dates</source>
        <translation>ช่วงวันที่</translation>
    </message>
</context>
<context>
    <name>SessionHeader</name>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="63" />
        <source>← Sessions</source>
        <translation>← รายการเวที</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="65" />
        <source>Back to the session list (Alt+Left)</source>
        <translation>กลับไปรายการเวที (Alt+ลูกศรซ้าย)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="89" />
        <source>How many people came (a head count, optionally by age, gender and occupation), apart from who spoke</source>
        <translation>จำนวนคนที่มาร่วม (นับทั้งหมด จำแนกตามอายุ เพศ อาชีพได้) แยกจากผู้ที่พูด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="92" />
        <source>Start session</source>
        <translation>เริ่มเวที</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="94" />
        <source>Close session</source>
        <translation>ปิดเวที</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="96" />
        <source>Reopen</source>
        <translation>เปิดอีกครั้ง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="98" />
        <source>Finalize…</source>
        <translation>ยืนยันผล…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="100" />
        <source>Amend title…</source>
        <translation>แก้ไขชื่อเวที…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="102" />
        <source>Print summary</source>
        <translation>พิมพ์สรุป</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="104" />
        <source>Make the session summary as a PDF to print or file</source>
        <translation>สร้างสรุปผลเวทีเป็นไฟล์ PDF เพื่อพิมพ์หรือเก็บเข้าแฟ้ม</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="162" />
        <source>read-only; corrections are amendments</source>
        <translation>อ่านอย่างเดียว แก้ไขได้โดยบันทึกการแก้ไขเพิ่มเติม</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="164" />
        <source>read-only until reopened</source>
        <translation>อ่านอย่างเดียวจนกว่าจะเปิดอีกครั้ง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="173" />
        <source>Head count: not recorded…</source>
        <translation>ผู้เข้าร่วม: ยังไม่ได้บันทึก…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="175" />
        <source>Head count: %1 people…</source>
        <translation>ผู้เข้าร่วม %1 คน…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="189" />
        <source>✎ Amended title — original: “%1” · reason: %2</source>
        <translation>✎ แก้ไขชื่อเวทีแล้ว — ชื่อเดิม: “%1” · เหตุผล: %2</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="199" />
        <source>Title</source>
        <translation>ชื่อเวที</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="200" />
        <source>Amend the session title</source>
        <translation>แก้ไขเพิ่มเติมชื่อเวที</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="243" />
        <source>Finalize session</source>
        <translation>ยืนยันผลเวที</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/header.py" line="244" />
        <source>Finalize “%1”?

It becomes read-only and is queued to be sent to the central platform. Later corrections are recorded as amendments with a reason.</source>
        <translation>ยืนยันผลเวที “%1” หรือไม่?

เมื่อยืนยันแล้ว เวทีนี้จะเป็นแบบอ่านอย่างเดียว และเข้าคิวรอส่งไปยังระบบกลาง การแก้ไขภายหลังต้องบันทึกเป็นการแก้ไขเพิ่มเติมพร้อมเหตุผล</translation>
    </message>
</context>
<context>
    <name>SessionListModel</name>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_model.py" line="139" />
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_model.py" line="139" />
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_model.py" line="139" />
        <source>Title</source>
        <translation>ชื่อเวที</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_model.py" line="140" />
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_model.py" line="140" />
        <source>Venue</source>
        <translation>สถานที่</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_model.py" line="140" />
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_model.py" line="141" />
        <source>Contributions / visitors</source>
        <translation>ความคิดเห็น / ผู้ชม</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_model.py" line="141" />
        <source>Speakers</source>
        <translation>ผู้พูด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_model.py" line="142" />
        <source>Head count</source>
        <translation>จำนวนผู้เข้าร่วม</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_model.py" line="158" />
        <source>No head count recorded yet: open the session and record it in its header</source>
        <translation>ยังไม่ได้บันทึกจำนวนผู้เข้าร่วม: เปิดเวทีแล้วบันทึกที่ส่วนหัว</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_model.py" line="177" />
        <source>%1 visitors</source>
        <translation>ผู้ชม %1 คน</translation>
    </message>
</context>
<context>
    <name>SessionListPage</name>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_page.py" line="64" />
        <source>No sessions yet</source>
        <translation>ยังไม่มีเวที</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_page.py" line="65" />
        <source>Set up your first minitalk, focus group or exhibition. It takes under a minute, and everything is saved on this laptop as you type, with or without a connection.</source>
        <translation>เริ่มสร้างเวทีมินิทอล์ก สนทนากลุ่ม หรือนิทรรศการแรกของคุณ ใช้เวลาไม่ถึงหนึ่งนาที และทุกอย่างจะถูกบันทึกไว้ในเครื่องนี้ทันทีที่พิมพ์ ไม่ว่าจะมีสัญญาณอินเทอร์เน็ตหรือไม่</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_page.py" line="67" />
        <source>Create the first session</source>
        <translation>สร้างเวทีแรก</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/list_page.py" line="70" />
        <source>No session matches these filters.</source>
        <translation>ไม่พบเวทีที่ตรงกับตัวกรองนี้</translation>
    </message>
</context>
<context>
    <name>SessionTimes</name>
    <message>
        <location filename="../desktop/sala/ui/sessions/times.py" line="34" />
        <source>Planned %1</source>
        <translation>กำหนดการ %1 น.</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/times.py" line="37" />
        <source>Actual %1</source>
        <translation>เวลาจริง %1 น.</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/times.py" line="39" />
        <source>Started %1</source>
        <translation>เริ่มจริง %1 น.</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sessions/times.py" line="41" />
        <source>Closed at %1</source>
        <translation>ปิดเมื่อ %1 น.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="67" />
        <source>Settings</source>
        <translation>ตั้งค่า</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="73" />
        <source>e.g. Office of the Public Sector Development Commission</source>
        <translation>เช่น สำนักงานคณะกรรมการพัฒนาระบบราชการ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="77" />
        <source>e.g. Open Gov Space</source>
        <translation>เช่น Open Gov Space</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="79" />
        <source>Printed reports</source>
        <translation>รายงานที่พิมพ์</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="81" />
        <source>Printed at the top of every summary and report; left empty, none is printed.</source>
        <translation>พิมพ์ไว้ที่หัวของสรุปผลและรายงานทุกฉบับ หากเว้นว่างจะไม่พิมพ์</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="82" />
        <source>Agency</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="84" />
        <source>Unit</source>
        <translation>ส่วนงาน</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="104" />
        <source>New sessions and language</source>
        <translation>เวทีใหม่และภาษา</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="106" />
        <source>Default province</source>
        <translation>จังหวัดเริ่มต้น</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="108" />
        <source>Language</source>
        <translation>ภาษา</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="110" />
        <source>Data and backups</source>
        <translation>ข้อมูลและสำเนาสำรอง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="119" />
        <source>Open folder</source>
        <translation>เปิดโฟลเดอร์</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="123" />
        <source>Data folder:</source>
        <translation>โฟลเดอร์ข้อมูล:</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="127" />
        <source>Backups (newest first):</source>
        <translation>สำเนาสำรอง (ล่าสุดอยู่บน):</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="133" />
        <source>Back up now</source>
        <translation>สำรองข้อมูลตอนนี้</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="136" />
        <source>Restore…</source>
        <translation>กู้คืน…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="217" />
        <source>No backup yet.</source>
        <translation>ยังไม่มีสำเนาสำรอง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="222" />
        <source>made by hand</source>
        <translation>สำรองด้วยตนเอง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="224" />
        <source>before a restore</source>
        <translation>ก่อนการกู้คืน</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="226" />
        <source>before an upgrade</source>
        <translation>ก่อนปรับรุ่นโปรแกรม</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="227" />
        <source>automatic</source>
        <translation>อัตโนมัติ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="234" />
        <source>Backing up…</source>
        <translation>กำลังสำรองข้อมูล…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="241" />
        <source>Backup saved: %1</source>
        <translation>บันทึกสำเนาสำรองแล้ว: %1</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="258" />
        <source>Restore a backup</source>
        <translation>กู้คืนจากสำเนาสำรอง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="259" />
        <source>Replace the data on this laptop with the backup of %1?

Everything entered after that backup is no longer shown. The current database is kept aside in the data folder, not deleted.</source>
        <translation>แทนที่ข้อมูลในเครื่องนี้ด้วยสำเนาสำรองเมื่อ %1 หรือไม่?

สิ่งที่บันทึกหลังจากสำเนานั้นจะไม่แสดงอีก ฐานข้อมูลปัจจุบันจะถูกเก็บไว้ในโฟลเดอร์ข้อมูล ไม่ถูกลบ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/dialog.py" line="265" />
        <source>Restore</source>
        <translation>กู้คืน</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <source>File: %1</source>
        <translation>ไฟล์: %1</translation>
    </message>
    <message>
        <source>Reports are headed: %1</source>
        <translation>หัวรายงานที่พิมพ์: %1</translation>
    </message>
    <message>
        <source>New sessions start in: %1</source>
        <translation>จังหวัดเริ่มต้นของเวทีใหม่: %1</translation>
    </message>
    <message>
        <source>Sala deployment file (*.json)</source>
        <translation>ไฟล์ตั้งค่าระบบกลางของ Sala (*.json)</translation>
    </message>
    <message>
        <source>Sala USB bundle (*.sala)</source>
        <translation>ชุดข้อมูล USB ของ Sala (*.sala)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="77" />
        <source>Set up from a deployment file…</source>
        <translation>ตั้งค่าจากไฟล์ของระบบกลาง…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="117" />
        <source>Deployment file</source>
        <translation>ไฟล์ตั้งค่าระบบกลาง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="124" />
        <source>This laptop now trusts %1 at %2</source>
        <translation>เครื่องนี้เชื่อถือระบบกลาง %1 ที่ %2 แล้ว</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="71" />
        <source>&amp;Sync</source>
        <translation>&amp;ส่งข้อมูล</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="72" />
        <source>Sync now</source>
        <translation>ส่งข้อมูลตอนนี้</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="73" />
        <source>History and refused records…</source>
        <translation>ประวัติการส่งและรายการที่ถูกปฏิเสธ…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="74" />
        <source>Enroll this laptop…</source>
        <translation>ลงทะเบียนเครื่องนี้…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="75" />
        <source>Export USB bundle…</source>
        <translation>ส่งออกชุดข้อมูลลงแฟลชไดรฟ์…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="76" />
        <source>Import USB bundle…</source>
        <translation>นำเข้าชุดข้อมูลจากแฟลชไดรฟ์…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="110" />
        <source>This laptop is enrolled</source>
        <translation>ลงทะเบียนเครื่องนี้แล้ว</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="133" />
        <source>Export USB bundle</source>
        <translation>ส่งออกชุดข้อมูลลงแฟลชไดรฟ์</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="139" />
        <source>Bundle written: %1 records, %2 photos</source>
        <translation>เขียนชุดข้อมูลแล้ว: %1 รายการ รูปภาพ %2 รูป</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="146" />
        <source>Import USB bundle</source>
        <translation>นำเข้าชุดข้อมูลจากแฟลชไดรฟ์</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="153" />
        <source>Imported %1 records from %2; they will be forwarded at the next sync</source>
        <translation>นำเข้า %1 รายการจาก %2 แล้ว จะส่งต่อให้ระบบกลางในการส่งครั้งถัดไป</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/install.py" line="74"/>
        <source>Refused forwards…</source>
        <translation>ข้อมูลส่งต่อที่ระบบกลางไม่รับ…</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="52" />
        <source>Sync history and refused records</source>
        <translation>ประวัติการส่งและรายการที่ถูกปฏิเสธ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="55" />
        <source>Started</source>
        <translation>เริ่มเมื่อ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="55" />
        <source>Via</source>
        <translation>ช่องทาง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="55" />
        <source>Outcome</source>
        <translation>ผลลัพธ์</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="56" />
        <source>Sent</source>
        <translation>ส่งแล้ว</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="56" />
        <source>Refused</source>
        <translation>ถูกปฏิเสธ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="56" />
        <source>Bytes</source>
        <translation>ไบต์</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="57" />
        <source>Batch</source>
        <translation>ชุดข้อมูล</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="57" />
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="72" />
        <source>Device</source>
        <translation>เครื่อง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="57" />
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="72" />
        <source>Records</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="58" />
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="58" />
        <source>Result</source>
        <translation>ผล</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="69" />
        <source>History</source>
        <translation>ประวัติ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="70" />
        <source>No.</source>
        <translation>ลำดับ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="70" />
        <source>Type</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="70" />
        <source>State</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="70" />
        <source>Reason</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="71" />
        <source>Refused records</source>
        <translation>รายการที่ถูกปฏิเสธ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="72" />
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="73" />
        <source>Forwarded</source>
        <translation>ส่งต่อแล้ว</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="73" />
        <source>From file</source>
        <translation>จากไฟล์</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="74" />
        <source>From other laptops</source>
        <translation>จากเครื่องอื่น</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="89" />
        <source>USB bundle</source>
        <translation>แฟลชไดรฟ์</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="89" />
        <source>Network</source>
        <translation>เครือข่าย</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="104" />
        <source>Imported, waiting to forward</source>
        <translation>นำเข้าแล้ว รอส่งต่อ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/history_dialog.py" line="106" />
        <source>Running</source>
        <translation>กำลังส่ง</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>ขนาด</translation>
    </message>
    <message>
        <source>From laptop</source>
        <translation>จากเครื่อง</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>ข้อมูลขัดกัน</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="34" />
        <location filename="../desktop/sala/ui/sync/status.py" line="53" />
        <location filename="../desktop/sala/ui/sync/status.py" line="106" />
        <source>Sync now</source>
        <translation>ส่งข้อมูลตอนนี้</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="35" />
        <location filename="../desktop/sala/ui/sync/status.py" line="56" />
        <source>Send finalized sessions to the central platform now</source>
        <translation>ส่งเวทีที่ปิดบันทึกแล้วไปยังระบบกลางตอนนี้</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="63" />
        <source>Link: checking…</source>
        <translation>สัญญาณ: กำลังตรวจสอบ…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="65" />
        <source>● Online</source>
        <translation>● ออนไลน์</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="67" />
        <source>○ No link — working offline</source>
        <translation>○ ไม่มีสัญญาณ — ทำงานแบบออฟไลน์</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="71" />
        <source>Not enrolled: %1 waiting</source>
        <translation>ยังไม่ได้ลงทะเบียน: รอส่ง %1 รายการ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="73" />
        <source>Enroll again to send (%1 waiting)</source>
        <translation>ต้องลงทะเบียนใหม่จึงจะส่งได้ (รอส่ง %1 รายการ)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="75" />
        <source>%1 waiting to send</source>
        <translation>รอส่ง %1 รายการ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="77" />
        <source>%1 refused</source>
        <translation>ถูกปฏิเสธ %1 รายการ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="79" />
        <source>%1 photos missing</source>
        <translation>หารูปไม่พบ %1 รูป</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="83" />
        <source>Last sent: %1</source>
        <translation>ส่งล่าสุด: %1</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="85" />
        <source>Never sent</source>
        <translation>ยังไม่เคยส่ง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="92" />
        <source>Photos %1/%2</source>
        <translation>รูปภาพ %1/%2</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="97" />
        <source>%1/%2 records · %3</source>
        <translation>%1/%2 รายการ · %3</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/status.py" line="55" />
        <location filename="../desktop/sala/ui/sync/status.py" line="102" />
        <source>Sending…</source>
        <translation>กำลังส่ง…</translation>
    </message>
    <message>
        <source>○ Offline — no central platform set</source>
        <translation>○ ออฟไลน์ — ยังไม่ได้ตั้งระบบกลาง</translation>
    </message>
</context>
<context>
    <name>TalliesPanel</name>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="233" />
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="250" />
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="273" />
        <source>Question</source>
        <translation>คำถาม</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="233" />
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="241" />
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="272" />
        <source>For</source>
        <translation>เห็นด้วย</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="233" />
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="241" />
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="272" />
        <source>Against</source>
        <translation>ไม่เห็นด้วย</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="233" />
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="241" />
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="272" />
        <source>Abstain</source>
        <translation>งดออกเสียง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="238" />
        <source>Question put to a show of hands</source>
        <translation>คำถามที่ให้ยกมือ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="245" />
        <source>Add tally</source>
        <translation>เพิ่มผลการยกมือ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="251" />
        <source>Hands</source>
        <translation>จำนวนมือ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="278" />
        <source>Amend a finalized show of hands</source>
        <translation>แก้ไขเพิ่มเติมผลการยกมือของเวทีที่ยืนยันแล้ว</translation>
    </message>
</context>
<context>
    <name>TallyView</name>
    <message>
        <location filename="../desktop/sala/ui/kiosk/staff_page.py" line="58" />
        <source>Satisfaction ratings</source>
        <translation>คะแนนความพึงพอใจ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/staff_page.py" line="71" />
        <source>Visitors: %1 · average rating %2 / 5</source>
        <translation>ผู้เยี่ยมชม: %1 คน · คะแนนเฉลี่ย %2 / 5</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/kiosk/staff_page.py" line="94" />
        <source>Votes per proposal</source>
        <translation>คะแนนโหวตแต่ละข้อเสนอ</translation>
    </message>
</context>
<context>
    <name>_RecordPanel</name>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="82" />
        <source>Delete selected</source>
        <translation>ลบรายการที่เลือก</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="84" />
        <source>Amend selected…</source>
        <translation>แก้ไขเพิ่มเติมรายการที่เลือก…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="157" />
        <source>%1 (was %2)</source>
        <translation>%1 (เดิม %2)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/minitalk/side_panels.py" line="161" />
        <source>Amended — reason: %1</source>
        <translation>แก้ไขเพิ่มเติมแล้ว — เหตุผล: %1</translation>
    </message>
</context>
<context>
    <name>RefusalsDialog</name>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Refused forwards</source>
        <translation>ข้อมูลส่งต่อที่ระบบกลางไม่รับ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>The central platform did not accept these records forwarded from USB bundles. They are kept on this laptop. Once the cause is dealt with (for example the administrator registers the laptop they came from), import the same bundle again and sync.</source>
        <translation>ระบบกลางไม่รับข้อมูลเหล่านี้ที่ส่งต่อจากชุดข้อมูล USB ข้อมูลยังเก็บอยู่ในเครื่องนี้ เมื่อแก้ไขสาเหตุแล้ว (เช่น ให้ผู้ดูแลระบบลงทะเบียนเครื่องต้นทาง) ให้นำเข้าชุดข้อมูลเดิมอีกครั้งแล้วส่งใหม่</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Laptop</source>
        <translation>เครื่อง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Records</source>
        <translation>จำนวนรายการ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Bundle file</source>
        <translation>ไฟล์ชุดข้อมูล</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Reason</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Refused at</source>
        <translation>เวลาที่ไม่รับ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Nothing forwarded has been refused.</source>
        <translation>ไม่มีข้อมูลส่งต่อที่ถูกปฏิเสธ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>The service said:</source>
        <translation>ระบบกลางแจ้งว่า:</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Dismiss…</source>
        <translation>ปัดตก…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Set the selected refusals aside (supervisor). They stay on record on this laptop; importing their bundle again sends them again.</source>
        <translation>ปัดตกรายการที่เลือก (สำหรับหัวหน้างาน) ข้อมูลยังเก็บอยู่ในเครื่องนี้ และจะส่งอีกครั้งเมื่อนำเข้าชุดข้อมูลเดิมอีกครั้ง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Dismiss refusals</source>
        <translation>ปัดตกข้อมูลที่ระบบกลางไม่รับ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Dismiss %1 (%2)? They are not deleted: they stay on this laptop with the platform's reason, no longer listed here. Importing their bundle again sends them again.</source>
        <translation>ปัดตกชุดข้อมูลที่ระบบกลางไม่รับ %1 (%2) ใช่หรือไม่ ข้อมูลจะไม่ถูกลบ ยังเก็บอยู่ในเครื่องนี้พร้อมเหตุผลจากระบบกลาง เพียงไม่แสดงในรายการนี้อีก หากนำเข้าชุดข้อมูลเดิมอีกครั้งจะส่งใหม่</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>%n refused batch(es)</source>
        <translation>
            <numerusform>%n ชุด</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n รายการ</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Dismiss</source>
        <translation>ปัดตก</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/sync/refusals.py" line="1"/>
        <source>Forwarded batches the central platform refused: %1 (see Sync ▸ Refused forwards)</source>
        <translation>ข้อมูลที่ส่งต่อที่ระบบกลางไม่รับ: %1 ชุด (ดูที่ เมนูส่งข้อมูล ▸ ข้อมูลส่งต่อที่ระบบกลางไม่รับ)</translation>
    </message>
</context>
<context>
    <name>AudienceButton</name>
    <message>
        <source>Audience mode: on</source>
        <translation>โหมดผู้ฟัง: เปิดอยู่</translation>
    </message>
    <message>
        <source>Audience mode (phones)…</source>
        <translation>โหมดผู้ฟัง (โทรศัพท์)…</translation>
    </message>
    <message>
        <source>Participants join from their phones by a QR code and send opinions, questions and votes; you accept each one</source>
        <translation>ผู้เข้าร่วมสแกนคิวอาร์โค้ดด้วยโทรศัพท์ แล้วส่งความคิดเห็น คำถาม และโหวต โดยคุณเป็นผู้รับแต่ละรายการ</translation>
    </message>
    <message>
        <source>Audience mode needs an open session: reopen it first</source>
        <translation>โหมดผู้ฟังใช้ได้กับเวทีที่เปิดอยู่เท่านั้น กดเปิดเวทีอีกครั้งก่อน</translation>
    </message>
</context>
<context>
    <name>AudienceController</name>
    <message>
        <source>Audience mode stopped: the session is no longer open</source>
        <translation>ปิดโหมดผู้ฟังแล้ว เพราะเวทีไม่ได้เปิดอยู่</translation>
    </message>
    <message>
        <source>Audience mode</source>
        <translation>โหมดผู้ฟัง</translation>
    </message>
    <message>
        <source>Starting audience mode…</source>
        <translation>กำลังเปิดโหมดผู้ฟัง…</translation>
    </message>
    <message>
        <source>Audience mode is on: phones join at %1</source>
        <translation>เปิดโหมดผู้ฟังแล้ว โทรศัพท์เข้าร่วมได้ที่ %1</translation>
    </message>
    <message>
        <source>Stop &amp;audience mode</source>
        <translation>ปิดโหมดผู้ฟัง</translation>
    </message>
    <message>
        <source>&amp;Audience mode (phones)…</source>
        <translation>โหมดผู้ฟัง (โทรศัพท์)…</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>โทรศัพท์</translation>
    </message>
</context>
<context>
    <name>BarRows</name>
    <message>
        <source>+%1 more</source>
        <translation>และอีก %1 รายการ</translation>
    </message>
</context>
<context>
    <name>InterfaceDialog</name>
    <message>
        <source>Audience mode — which network?</source>
        <translation>โหมดผู้ฟัง — ใช้เครือข่ายใด</translation>
    </message>
    <message>
        <source>Phones in the room join on the laptop's own network. Tick the network(s) the phones are on (the laptop's hotspot or the venue's Wi-Fi). Only local addresses are offered; nothing is reachable from the internet.</source>
        <translation>โทรศัพท์ในห้องเข้าร่วมผ่านเครือข่ายของเครื่องนี้ เลือกเครือข่ายที่โทรศัพท์ใช้อยู่ (ฮอตสปอตของเครื่อง หรือ Wi-Fi ของสถานที่) มีให้เลือกเฉพาะที่อยู่ภายในเครือข่ายท้องถิ่น จากอินเทอร์เน็ตเข้าไม่ได้</translation>
    </message>
    <message>
        <source>Start audience mode</source>
        <translation>เปิดโหมดผู้ฟัง</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge with a duplicate</source>
        <translation>รวมกับรายการที่ซ้ำกัน</translation>
    </message>
    <message>
        <source>“%1” says the same as which of these? It leaves the queue and its votes count for the one you pick.</source>
        <translation>“%1” มีความหมายเดียวกับรายการใดต่อไปนี้ รายการนี้จะออกจากคิว และคะแนนโหวตจะนับให้รายการที่เลือก</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>รับแล้ว</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>รอพิจารณา</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>รวม</translation>
    </message>
    <message>
        <source>There is nothing of the same kind to merge it with yet.</source>
        <translation>ยังไม่มีรายการชนิดเดียวกันให้รวมด้วย</translation>
    </message>
</context>
<context>
    <name>ModerationPanel</name>
    <message>
        <source>The screen (projector) the join code and the live results are shown on</source>
        <translation>จอ (โปรเจกเตอร์) ที่จะแสดงรหัสเข้าร่วมและผลสด</translation>
    </message>
    <message>
        <source>Show join code</source>
        <translation>แสดงรหัสเข้าร่วม</translation>
    </message>
    <message>
        <source>Show live results</source>
        <translation>แสดงผลสด</translation>
    </message>
    <message>
        <source>New join code</source>
        <translation>เปลี่ยนรหัสเข้าร่วม</translation>
    </message>
    <message>
        <source>Phones already joined stay joined; new phones need the new code</source>
        <translation>โทรศัพท์ที่เข้าร่วมแล้วยังอยู่ต่อได้ โทรศัพท์ใหม่ต้องใช้รหัสใหม่</translation>
    </message>
    <message>
        <source>Stop audience mode</source>
        <translation>ปิดโหมดผู้ฟัง</translation>
    </message>
    <message>
        <source>Accept all as they arrive (trusted room); flagged ones still wait</source>
        <translation>รับทุกรายการทันทีที่ส่งมา (ห้องที่ไว้ใจได้) รายการที่ถูกทำเครื่องหมายยังรอให้ตรวจ</translation>
    </message>
    <message>
        <source>Screen:</source>
        <translation>จอ:</translation>
    </message>
    <message>
        <source>Phones join at: %1</source>
        <translation>โทรศัพท์เข้าร่วมที่: %1</translation>
    </message>
    <message>
        <source>Join code: %1</source>
        <translation>รหัสเข้าร่วม: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n phone(s) joined</source>
        <translation>
            <numerusform>เข้าร่วมแล้ว %n เครื่อง</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>รอ %n รายการ</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for you (%1)</source>
        <translation>รอคุณพิจารณา (%1)</translation>
    </message>
    <message>
        <source>Nothing waiting. What phones send appears here.</source>
        <translation>ไม่มีรายการรอ สิ่งที่โทรศัพท์ส่งมาจะแสดงที่นี่</translation>
    </message>
    <message>
        <source>… and %1 more waiting below these</source>
        <translation>… และรออีก %1 รายการถัดจากนี้</translation>
    </message>
    <message>
        <source>Accept all as they arrive</source>
        <translation>รับทุกรายการทันทีที่ส่งมา</translation>
    </message>
    <message>
        <source>For a trusted room. Ones flagged for rude words still wait for you.</source>
        <translation>สำหรับห้องที่ไว้ใจได้ รายการที่ถูกทำเครื่องหมายว่าอาจมีคำหยาบยังรอให้คุณตรวจ</translation>
    </message>
</context>
<context>
    <name>PresenterView</name>
    <message>
        <source>Sala — live results</source>
        <translation>ศาลา — ผลสด</translation>
    </message>
    <message>
        <source>The words people send will appear here.</source>
        <translation>คำที่ผู้เข้าร่วมส่งมาจะแสดงที่นี่</translation>
    </message>
    <message>
        <source>No stances yet.</source>
        <translation>ยังไม่มีจุดยืน</translation>
    </message>
    <message>
        <source>No questions yet.</source>
        <translation>ยังไม่มีคำถาม</translation>
    </message>
    <message>
        <source>No dot votes yet.</source>
        <translation>ยังไม่มีการโหวตข้อเสนอ</translation>
    </message>
    <message>
        <source>Esc closes this screen; audience mode keeps running.</source>
        <translation>กด Esc เพื่อปิดจอนี้ โหมดผู้ฟังยังทำงานต่อ</translation>
    </message>
    <message>
        <source>Join: %1
code %2</source>
        <translation>เข้าร่วม: %1
รหัส %2</translation>
    </message>
    <message numerus="yes">
        <source>%n phone(s) joined</source>
        <translation>
            <numerusform>เข้าร่วมแล้ว %n เครื่อง</numerusform>
        </translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>จุดยืน</translation>
    </message>
    <message>
        <source>Top questions (votes)</source>
        <translation>คำถามยอดนิยม (คะแนนโหวต)</translation>
    </message>
    <message>
        <source>Dot votes per proposal</source>
        <translation>คะแนนโหวตแต่ละข้อเสนอ</translation>
    </message>
    <message>
        <source>Satisfaction: no ratings yet</source>
        <translation>ความพึงพอใจ: ยังไม่มีผู้ให้คะแนน</translation>
    </message>
    <message numerus="yes">
        <source>Satisfaction: average %1 / 5 from %n visitor(s)</source>
        <translation>
            <numerusform>ความพึงพอใจเฉลี่ย %1 / 5 จากผู้เยี่ยมชม %n คน</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QrWindow</name>
    <message>
        <source>Sala — join from your phone</source>
        <translation>ศาลา — เข้าร่วมด้วยโทรศัพท์</translation>
    </message>
    <message>
        <source>Scan with your phone's camera to take part</source>
        <translation>สแกนด้วยกล้องโทรศัพท์เพื่อร่วมแสดงความคิดเห็น</translation>
    </message>
    <message>
        <source>No name, phone number or e-mail is asked. Nothing needs the internet.</source>
        <translation>ไม่ถามชื่อ เบอร์โทรศัพท์ หรืออีเมล และไม่ต้องใช้อินเทอร์เน็ต</translation>
    </message>
    <message>
        <source>Esc closes this screen; audience mode keeps running.</source>
        <translation>กด Esc เพื่อปิดจอนี้ โหมดผู้ฟังยังทำงานต่อ</translation>
    </message>
    <message>
        <source>Join code: %1</source>
        <translation>รหัสเข้าร่วม: %1</translation>
    </message>
</context>
<context>
    <name>SubmissionCard</name>
    <message>
        <source>Phone %1 · %2</source>
        <translation>โทรศัพท์ %1 · %2</translation>
    </message>
    <message>
        <source>⚠ May contain rude words: read before accepting</source>
        <translation>⚠ อาจมีคำหยาบ อ่านก่อนรับ</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>รับ</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>ซ่อน</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>รวม…</translation>
    </message>
    <message>
        <source>Says the same as another submission: fold it into that one (its votes count there)</source>
        <translation>มีความหมายเดียวกับอีกรายการ: รวมเข้ากับรายการนั้น (คะแนนโหวตนับรวมที่นั่น)</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="41" />
        <source>&amp;Look in:</source>
        <translation>ดูใน:</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="42" />
        <source>File &amp;name:</source>
        <translation>ชื่อไฟล์:</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="43" />
        <source>Files of &amp;type:</source>
        <translation>ชนิดไฟล์:</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="44" />
        <source>&amp;Open</source>
        <translation>เปิด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="45" />
        <source>&amp;Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="46" />
        <source>&amp;Choose</source>
        <translation>เลือก</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="47" />
        <source>Open</source>
        <translation>เปิด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="48" />
        <source>Save As</source>
        <translation>บันทึกเป็น</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="49" />
        <source>Back</source>
        <translation>ย้อนกลับ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="50" />
        <source>Forward</source>
        <translation>ไปข้างหน้า</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="51" />
        <source>Go back</source>
        <translation>ย้อนกลับ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="52" />
        <source>Go forward</source>
        <translation>ไปข้างหน้า</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="53" />
        <source>Parent Directory</source>
        <translation>โฟลเดอร์ระดับบน</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="54" />
        <source>Go to the parent directory</source>
        <translation>ไปยังโฟลเดอร์ระดับบน</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="55" />
        <source>Create New Folder</source>
        <translation>สร้างโฟลเดอร์ใหม่</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="56" />
        <source>Create a New Folder</source>
        <translation>สร้างโฟลเดอร์ใหม่</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="57" />
        <source>New Folder</source>
        <translation>โฟลเดอร์ใหม่</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="58" />
        <source>&amp;New Folder</source>
        <translation>โฟลเดอร์ใหม่</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="59" />
        <source>List View</source>
        <translation>แสดงเป็นรายการ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="60" />
        <source>Detail View</source>
        <translation>แสดงรายละเอียด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="61" />
        <source>Change to list view mode</source>
        <translation>แสดงเป็นรายการ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="62" />
        <source>Change to detail view mode</source>
        <translation>แสดงรายละเอียด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="63" />
        <source>&amp;Rename</source>
        <translation>เปลี่ยนชื่อ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="64" />
        <source>&amp;Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="65" />
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="66" />
        <source>Remove</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="67" />
        <source>Show &amp;hidden files</source>
        <translation>แสดงไฟล์ที่ซ่อนไว้</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="68" />
        <source>Recent Places</source>
        <translation>ที่เปิดล่าสุด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="69" />
        <source>Sidebar</source>
        <translation>แถบด้านข้าง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="70" />
        <source>List of places and bookmarks</source>
        <translation>รายการตำแหน่งที่ใช้บ่อย</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="71" />
        <source>Directories</source>
        <translation>โฟลเดอร์</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="72" />
        <source>Directory:</source>
        <translation>โฟลเดอร์:</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="73" />
        <source>Files</source>
        <translation>ไฟล์</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="74" />
        <source>Find Directory</source>
        <translation>เลือกโฟลเดอร์</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="75" />
        <source>All Files (*)</source>
        <translation>ไฟล์ทั้งหมด (*)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="76" />
        <source>All files (*)</source>
        <translation>ไฟล์ทั้งหมด (*)</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="77" />
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>มีไฟล์ %1 อยู่แล้ว
ต้องการเขียนทับหรือไม่</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="78" />
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
ไม่พบไฟล์นี้
กรุณาตรวจสอบชื่อไฟล์อีกครั้ง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="79" />
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
ไม่พบโฟลเดอร์นี้
กรุณาตรวจสอบชื่อโฟลเดอร์อีกครั้ง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="80" />
        <source>&apos;%1&apos; is write protected.
Do you want to delete it anyway?</source>
        <translation>&apos;%1&apos; ถูกป้องกันการเขียน
ยังต้องการลบหรือไม่</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="81" />
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>ต้องการลบ &apos;%1&apos; ใช่หรือไม่</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="82" />
        <source>Could not delete directory.</source>
        <translation>ลบโฟลเดอร์ไม่ได้</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="83" />
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="84" />
        <source>Size</source>
        <translation>ขนาด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="85" />
        <source>Type</source>
        <translation>ชนิด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="86" />
        <source>Kind</source>
        <translation>ชนิด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="87" />
        <source>Date Modified</source>
        <translation>แก้ไขล่าสุด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="88" />
        <source>Computer</source>
        <translation>คอมพิวเตอร์</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="89" />
        <source>My Computer</source>
        <translation>คอมพิวเตอร์</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="90" />
        <source>Drive</source>
        <translation>ไดรฟ์</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="91" />
        <source>File</source>
        <translation>ไฟล์</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="92" />
        <source>File Folder</source>
        <translation>โฟลเดอร์</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="93" />
        <source>Folder</source>
        <translation>โฟลเดอร์</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="94" />
        <source>Shortcut</source>
        <translation>ทางลัด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="95" />
        <source>Alias</source>
        <translation>ทางลัด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/shell/qt_strings.py" line="96" />
        <source>Unknown</source>
        <translation>ไม่ทราบชนิด</translation>
    </message>
</context>
<context>
    <name>ParticipantRights</name>
    <message>
        <source>Participant &amp;rights (PDPA)…</source>
        <translation>&amp;สิทธิของผู้เข้าร่วม (PDPA)…</translation>
    </message>
    <message>
        <source>A&amp;udit log…</source>
        <translation>บันทึก&amp;การตรวจสอบ…</translation>
    </message>
</context>
<context>
    <name>SupervisorStatus</name>
    <message>
        <location filename="../desktop/sala/ui/common/supervisor_guard.py" line="1" />
        <source>No supervisor PIN</source>
        <translation>ไม่มี PIN หัวหน้า</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/common/supervisor_guard.py" line="1" />
        <source>No supervisor PIN yet — set one in Settings</source>
        <translation>ยังไม่ได้ตั้งรหัส PIN หัวหน้างาน — ตั้งได้ที่ การตั้งค่า</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/common/supervisor_guard.py" line="1" />
        <source>Supervisor %1</source>
        <translation>หัวหน้างาน %1</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/common/supervisor_guard.py" line="1" />
        <source>Supervisor acts unlocked for %1; Lock ends it now</source>
        <translation>ปลดล็อกงานของหัวหน้าอีก %1 กด ล็อก เพื่อปิดทันที</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/common/supervisor_guard.py" line="1" />
        <source>Lock</source>
        <translation>ล็อก</translation>
    </message>
</context>
<context>
    <name>SupervisorBox</name>
    <message>
        <location filename="../desktop/sala/ui/settings/supervisor_box.py" line="1" />
        <source>Supervisor and retention</source>
        <translation>หัวหน้างานและระยะเวลาเก็บข้อมูล</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/supervisor_box.py" line="1" />
        <source>off</source>
        <translation>ไม่ลบ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/supervisor_box.py" line="1" />
        <source> months</source>
        <translation> เดือน</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/supervisor_box.py" line="1" />
        <source>Preview…</source>
        <translation>ดูก่อนลบ…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/supervisor_box.py" line="1" />
        <source>Purge now…</source>
        <translation>ลบสำเนาเก่าเดี๋ยวนี้…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/supervisor_box.py" line="1" />
        <source>Purge sessions acknowledged more than</source>
        <translation>ลบสำเนาเวทีที่แพลตฟอร์มยืนยันแล้วเกิน</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/supervisor_box.py" line="1" />
        <source>Contributions, observations, contacts and photos of sessions the central platform acknowledged longer ago go; counts and summaries stay; nothing unsent is purged</source>
        <translation>ลบความคิดเห็น บันทึก ข้อมูลติดต่อ และภาพ ของเวทีที่แพลตฟอร์มกลางยืนยันแล้วนานกว่านี้ เก็บจำนวนและสรุปไว้ เวทีที่ยังไม่ได้ส่งจะไม่ถูกลบ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/supervisor_box.py" line="1" />
        <source>A supervisor PIN is set</source>
        <translation>ตั้งรหัส PIN หัวหน้างานแล้ว</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/supervisor_box.py" line="1" />
        <source>Change PIN…</source>
        <translation>เปลี่ยนรหัส PIN…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/supervisor_box.py" line="1" />
        <source>No supervisor PIN yet — erasure and retention are refused until one is set</source>
        <translation>ยังไม่ได้ตั้งรหัส PIN หัวหน้างาน — ลบข้อมูลส่วนบุคคลและลบตามระยะเวลาเก็บไม่ได้จนกว่าจะตั้ง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/supervisor_box.py" line="1" />
        <source>Set PIN…</source>
        <translation>ตั้งรหัส PIN…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/settings/supervisor_box.py" line="1" />
        <source>Purge</source>
        <translation>ลบสำเนา</translation>
    </message>
</context>
</TS>
