"""A starter catalogue (``sala-central catalog-import --seed``): real Thai agendas of the day.

Kept as Python rather than a data file so it ships with the package without packaging rules.
"""

from __future__ import annotations

from typing import Any

SEED: dict[str, list[dict[str, Any]]] = {
    "topics": [
        {"id": "pm25", "th": "ฝุ่น PM2.5 และหมอกควันจากการเผาในที่โล่ง",
         "en": "PM2.5 haze and open burning", "tags": ["สิ่งแวดล้อม", "สุขภาพ"],
         "provinces": ["ลำปาง", "เชียงใหม่"]},
        {"id": "climate", "th": "การเปลี่ยนแปลงสภาพภูมิอากาศและการปรับตัวของชุมชน",
         "en": "Climate change and community adaptation", "tags": ["สิ่งแวดล้อม"]},
        {"id": "bcg", "th": "เศรษฐกิจ BCG: ชีวภาพ หมุนเวียน และสีเขียว",
         "en": "BCG economy: bio, circular and green", "tags": ["เศรษฐกิจ"]},
        {"id": "pb", "th": "งบประมาณแบบมีส่วนร่วม", "en": "Participatory budgeting",
         "tags": ["งบประมาณ", "ท้องถิ่น"], "provinces": ["ชลบุรี", "พระนครศรีอยุธยา",
                                                       "กรุงเทพมหานคร"]},
    ],
    "venues": [
        {"id": "gsv-lampang", "th": "ศูนย์บริการประชาชน (G-Service) จังหวัดลำปาง",
         "en": "G-Service point, Lampang", "province": "ลำปาง", "kind": "g_service"},
        {"id": "lib-chonburi", "th": "ห้องสมุดประชาชนจังหวัดชลบุรี",
         "en": "Chonburi public library", "province": "ชลบุรี", "kind": "library"},
        {"id": "hall-ayutthaya", "th": "ศาลาประชาคม อำเภอพระนครศรีอยุธยา",
         "en": "Community hall, Phra Nakhon Si Ayutthaya", "province": "พระนครศรีอยุธยา",
         "kind": "community_hall", "district": "พระนครศรีอยุธยา"},
    ],
    "guides": [
        {"id": "pm25-fg", "topic": "pm25", "th": "แนวคำถามสนทนากลุ่ม: ฝุ่น PM2.5",
         "en": "Focus group guide: PM2.5", "questions": [
             {"n": 1, "th": "ช่วงที่มีฝุ่นหนัก ท่านและครอบครัวได้รับผลกระทบอย่างไร",
              "en": "How do heavy haze days affect you and your family?"},
             {"n": 2, "th": "ท่านคิดว่าสาเหตุหลักของฝุ่นในพื้นที่คืออะไร",
              "en": "What do you see as the main local causes?"},
             {"n": 3, "th": "ข้อเสนอต่อหน่วยงานรัฐเพื่อลดการเผาในที่โล่ง",
              "en": "Proposals to the state to reduce open burning"}]},
        {"id": "pb-fg", "topic": "pb", "th": "แนวคำถาม: งบประมาณแบบมีส่วนร่วม",
         "en": "Guide: participatory budgeting", "questions": [
             {"n": 1, "th": "โครงการใดในชุมชนที่ควรได้รับงบประมาณก่อน เพราะอะไร",
              "en": "Which community project should be funded first, and why?"},
             {"n": 2, "th": "ท่านอยากมีส่วนร่วมติดตามการใช้งบประมาณอย่างไร",
              "en": "How would you like to follow how the budget is spent?"}]},
    ],
}
