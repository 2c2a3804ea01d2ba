<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="th" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="103" />
        <source>Sala — public consultation</source>
        <translation>ศาลา — เวทีรับฟังความคิดเห็น</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="122" />
        <source>Ready — working offline, every entry is saved on this laptop</source>
        <translation>พร้อมใช้งาน — ทำงานแบบออฟไลน์ ทุกรายการบันทึกไว้ในเครื่องนี้</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="125" />
        <source>&amp;File</source>
        <translation>แ&amp;ฟ้ม</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="126" />
        <source>&amp;New session…</source>
        <translation>สร้างเวที&amp;ใหม่…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="129" />
        <source>&amp;Back up now</source>
        <translation>สำ&amp;รองข้อมูลตอนนี้</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="131" />
        <source>&amp;Quit</source>
        <translation>&amp;ออก</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="136" />
        <source>&amp;Sessions</source>
        <translation>&amp;รายการเวที</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="139" />
        <source>&amp;View</source>
        <translation>&amp;มุมมอง</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="141" />
        <source>&amp;Language</source>
        <translation>&amp;ภาษา</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="167" />
        <source>This kind of session cannot be opened here.</source>
        <translation>ยังเปิดเวทีประเภทนี้ในหน้านี้ไม่ได้</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="182" />
        <source>Backup saved: %1</source>
        <translation>บันทึกสำเนาสำรองแล้ว: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/sala/ui/main_window.py" line="187" />
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n เวที</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="191" />
        <source>Saving…</source>
        <translation>กำลังบันทึก…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="193" />
        <source>All changes saved</source>
        <translation>บันทึกครบทุกรายการแล้ว</translation>
    </message>
</context>
<context>
    <name>SessionFilterBar</name>
    <message>
        <location filename="../desktop/sala/ui/session_filters.py" line="27" />
        <source>Search titles and what people said…</source>
        <translation>ค้นหาชื่อเวทีและความคิดเห็น…</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/session_filters.py" line="29" />
        <source>All kinds</source>
        <translation>ทุกประเภท</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/session_filters.py" line="30" />
        <source>All statuses</source>
        <translation>ทุกสถานะ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/session_filters.py" line="31" />
        <source>All topics</source>
        <translation>ทุกหัวข้อ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/session_filters.py" line="32" />
        <source>All provinces</source>
        <translation>ทุกจังหวัด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/session_filters.py" line="33" />
        <source>Dates</source>
        <translation>ช่วงวันที่</translation>
    </message>
</context>
<context>
    <name>SessionListModel</name>
    <message>
        <location filename="../desktop/sala/ui/session_list_model.py" line="69" />
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/session_list_model.py" line="69" />
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/session_list_model.py" line="69" />
        <source>Title</source>
        <translation>ชื่อเวที</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/session_list_model.py" line="70" />
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/session_list_model.py" line="70" />
        <source>Venue</source>
        <translation>สถานที่</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/session_list_model.py" line="70" />
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/session_list_model.py" line="71" />
        <source>Contributions</source>
        <translation>ความคิดเห็น</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/session_list_model.py" line="71" />
        <source>Participants</source>
        <translation>ผู้เข้าร่วม</translation>
    </message>
</context>
<context>
    <name>SessionListPage</name>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="53" />
        <source>No sessions yet</source>
        <translation>ยังไม่มีเวที</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="54" />
        <source>Set up your first minitalk, focus group or exhibition. It takes under a minute, and everything is saved on this laptop as you type, with or without a connection.</source>
        <translation>เริ่มสร้างเวทีมินิทอล์ก สนทนากลุ่ม หรือนิทรรศการแรกของคุณ ใช้เวลาไม่ถึงหนึ่งนาที และทุกอย่างจะถูกบันทึกไว้ในเครื่องนี้ทันทีที่พิมพ์ ไม่ว่าจะมีสัญญาณอินเทอร์เน็ตหรือไม่</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="56" />
        <source>Create the first session</source>
        <translation>สร้างเวทีแรก</translation>
    </message>
    <message>
        <location filename="../desktop/sala/ui/main_window.py" line="59" />
        <source>No session matches these filters.</source>
        <translation>ไม่พบเวทีที่ตรงกับตัวกรองนี้</translation>
    </message>
</context>
</TS>