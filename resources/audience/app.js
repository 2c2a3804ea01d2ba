/* Sala audience page. Plain ES5 for old Android browsers: no modules, no fetch, no arrow
   functions. Everything shown is set with textContent, never parsed as HTML. */
(function () {
  "use strict";

  var T = {
    th: {
      other: "English", join_title: "เข้าร่วมเวที", join_code: "รหัสเข้าร่วม (บนจอ)", join: "เข้าร่วม",
      closed: "เวทีนี้ปิดรับความคิดเห็นแล้ว ขอบคุณที่ร่วมแสดงความคิดเห็น",
      tab_opinion: "ความคิดเห็น", tab_question: "ถามคำถาม", tab_vote: "โหวตข้อเสนอ", tab_rating: "ให้คะแนน",
      tab_about: "เกี่ยวกับคุณ", type: "ประเภท", stance: "จุดยืน", topic: "หัวข้อ (ไม่บังคับ)",
      no_topic: "ไม่ระบุหัวข้อ", your_opinion: "ความคิดเห็นของคุณ", send: "ส่ง", your_question: "คำถามของคุณ",
      anonymous: "ไม่ต้องบอกชื่อ คำถามจะแสดงหลังผู้ดำเนินรายการตรวจแล้ว", ask: "ส่งคำถาม",
      questions: "คำถามจากผู้ร่วมเวที", no_questions: "ยังไม่มีคำถาม", vote_up: "เห็นด้วย +1", voted: "โหวตแล้ว",
      votes: "คะแนน", dots_left: "จุดโหวตที่เหลือ: ", no_proposals: "ยังไม่มีข้อเสนอให้โหวต", dot: "ให้จุด",
      rate_title: "คุณพอใจนิทรรศการนี้แค่ไหน (1–5)", about_hint: "ไม่บังคับ เราไม่ถามชื่อ เบอร์โทร หรืออีเมล",
      age: "ช่วงอายุ", occupation: "อาชีพ", save: "บันทึก", not_stated: "ไม่ระบุ", sending: "กำลังส่ง…",
      received: "ได้รับแล้ว ขอบคุณ ✓", saved: "บันทึกแล้ว ✓", empty: "กรุณาพิมพ์ข้อความก่อนส่ง",
      offline: "ส่งไม่ถึงเครื่องของเวที ตรวจการเชื่อมต่อแล้วกดส่งอีกครั้ง (ข้อความยังอยู่)",
      busy: "เครื่องของเวทีกำลังยุ่ง จึงยังไม่ได้รับสิ่งที่คุณส่ง ข้อความยังอยู่ กดส่งอีกครั้งได้เลย"
    },
    en: {
      other: "ภาษาไทย", join_title: "Join the session", join_code: "Join code (on the screen)", join: "Join",
      closed: "This session is no longer taking submissions. Thank you for taking part.",
      tab_opinion: "Opinion", tab_question: "Ask", tab_vote: "Vote", tab_rating: "Rate",
      tab_about: "About you", type: "Type", stance: "Stance", topic: "Topic (optional)",
      no_topic: "No topic", your_opinion: "Your opinion", send: "Send", your_question: "Your question",
      anonymous: "No name needed; questions appear after the facilitator has checked them", ask: "Ask",
      questions: "Questions from the room", no_questions: "No questions yet", vote_up: "Me too +1", voted: "Voted",
      votes: "votes", dots_left: "Dots left: ", no_proposals: "No proposals to vote on yet", dot: "Place a dot",
      rate_title: "How much did you like this exhibition (1–5)?", about_hint: "Optional. We never ask for a name, phone number or e-mail.",
      age: "Age band", occupation: "Occupation", save: "Save", not_stated: "Not stated", sending: "Sending…",
      received: "Received, thank you ✓", saved: "Saved ✓", empty: "Please type something first",
      offline: "Could not reach the session's laptop; check the connection and press send again (your text is kept)",
      busy: "The session's laptop was busy, so what you sent was not received. Your text is still here; press send again"
    }
  };
  var TYPES = [["opinion", "ความคิดเห็น", "Opinion"], ["concern", "ข้อกังวล", "Concern"],
    ["idea", "ข้อเสนอ", "Idea / proposal"], ["complaint", "ข้อร้องเรียน", "Complaint"], ["praise", "คำชื่นชม", "Praise"]];
  var STANCES = [["support", "เห็นด้วย", "Support"], ["oppose", "ไม่เห็นด้วย", "Oppose"], ["neutral", "เป็นกลาง", "Neutral"]];
  var AGES = [["under_18", "ต่ำกว่า 18 ปี", "Under 18"], ["18_24", "18–24 ปี", "18–24"], ["25_34", "25–34 ปี", "25–34"],
    ["35_44", "35–44 ปี", "35–44"], ["45_59", "45–59 ปี", "45–59"], ["60_plus", "60 ปีขึ้นไป", "60 and over"]];
  var JOBS = [["student", "นักเรียน/นักศึกษา", "Student"], ["farmer", "เกษตรกร", "Farmer"],
    ["employee", "พนักงานบริษัท/ลูกจ้าง", "Employee"], ["civil_servant", "ข้าราชการ/พนักงานรัฐ", "Civil servant"],
    ["business", "ค้าขาย/ธุรกิจส่วนตัว", "Business owner / trader"], ["self_employed", "อาชีพอิสระ", "Self-employed"],
    ["unemployed", "ว่างงาน", "Unemployed"], ["retired", "เกษียณ", "Retired"], ["other", "อื่น ๆ", "Other"]];

  var lang = "th";
  var state = null;
  var choice = { type: "opinion", stance: "" };
  var pendingKeys = {};
  var busy = false;

  function $(id) { return document.getElementById(id); }
  function t(key) { return T[lang][key]; }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function show(node, on) { node.className = node.className.replace(/\s*hidden/g, "") + (on ? "" : " hidden"); }
  function el(tag, text, cls) {
    var n = document.createElement(tag);
    if (text !== undefined && text !== null) { n.textContent = String(text); }
    if (cls) { n.className = cls; }
    return n;
  }
  function label(item) { return lang === "th" ? item[1] : item[2]; }

  function newKey() {
    var chars = "abcdefghijklmnopqrstuvwxyz0123456789", out = "", i, bytes = null;
    if (window.crypto && window.crypto.getRandomValues) {
      bytes = new Uint8Array(24);
      window.crypto.getRandomValues(bytes);
    }
    for (i = 0; i < 24; i++) {
      out += chars.charAt((bytes ? bytes[i] : Math.floor(Math.random() * 256)) % chars.length);
    }
    return out;
  }

  function say(text, ok) {
    var s = $("status");
    s.textContent = text;
    s.className = "status " + (ok ? "ok" : "err");
  }

  function request(method, path, body, done) {
    var x = new XMLHttpRequest();
    x.open(method, path, true);
    try { x.timeout = 20000; } catch (e) { /* some old browsers allow a timeout only on synchronous requests */ }
    x.onreadystatechange = function () {
      if (x.readyState !== 4) { return; }
      var data = null;
      try { data = JSON.parse(x.responseText); } catch (e) { data = null; }
      done(x.status, data);
    };
    x.ontimeout = function () { done(0, null); };
    if (body !== null) {
      x.setRequestHeader("Content-Type", "application/json");
      x.send(JSON.stringify(body));
    } else {
      x.send();
    }
  }

  function failed(status, data) {
    if (data && data.error) {
      say(lang === "th" ? data.error.th : data.error.en, false);
      if (data.error.code === "closed") { load(); }
      if (data.error.code === "not_joined") { load(); }
    } else if (status === 503) {
      say(t("busy"), false);
    } else {
      say(t("offline"), false);
    }
  }

  function post(path, body, done) {
    if (busy) { return; }
    busy = true;
    say(t("sending"), true);
    request("POST", path, body, function (status, data) {
      busy = false;
      if (status === 200 && data && data.ok) { done(data); } else { failed(status, data); }
    });
  }

  /* A send keeps its key until it is received: sent again (after "busy" or a lost answer) it is
     stored once. Changed before sending again, it is another send with a key of its own. */
  function send(formName, path, body, clearField) {
    var what = JSON.stringify(body), pending = pendingKeys[formName];
    if (!pending || pending.what !== what) { pending = pendingKeys[formName] = { key: newKey(), what: what }; }
    body.key = pending.key;
    post(path, body, function () {
      pendingKeys[formName] = null;
      if (clearField) { $(clearField).value = ""; }
      say(t("received"), true);
      load();
    });
  }

  function choiceButtons(box, items, key) {
    var i;
    clear(box);
    for (i = 0; i < items.length; i++) {
      (function (item) {
        var b = el("button", label(item), choice[key] === item[0] ? "on" : "");
        b.type = "button";
        b.onclick = function () {
          choice[key] = choice[key] === item[0] && key === "stance" ? "" : item[0];
          choiceButtons(box, items, key);
        };
        box.appendChild(b);
      }(items[i]));
    }
  }

  function fillSelect(select, items, current, noneText) {
    var i, o;
    clear(select);
    o = el("option", noneText);
    o.value = "";
    select.appendChild(o);
    for (i = 0; i < items.length; i++) {
      o = el("option", items[i].length ? label(items[i]) : "");
      o.value = items[i][0];
      if (items[i][0] === current) { o.selected = true; }
      select.appendChild(o);
    }
  }

  function renderQuestions() {
    var list = $("questions"), i, q, li, b;
    clear(list);
    if (!state.questions.length) { list.appendChild(el("li", t("no_questions"))); }
    for (i = 0; i < state.questions.length; i++) {
      q = state.questions[i];
      li = el("li");
      li.appendChild(el("span", q.text));
      b = el("button", q.mine ? t("voted") : t("vote_up") + " (" + q.votes + ")");
      b.type = "button";
      b.disabled = !!q.mine || !state.open;
      b.setAttribute("data-id", q.id);
      b.onclick = upvote;
      li.appendChild(b);
      list.appendChild(li);
    }
  }

  function upvote() {
    post("/api/upvote", { question_id: this.getAttribute("data-id") }, function () { say(t("received"), true); load(); });
  }

  function dot() {
    post("/api/dotvote", { proposal_id: this.getAttribute("data-id") }, function () { say(t("received"), true); load(); });
  }

  function renderProposals() {
    var list = $("proposals"), i, p, li, b;
    clear(list);
    $("dots").textContent = t("dots_left") + state.dots_left;
    if (!state.proposals.length) { list.appendChild(el("li", t("no_proposals"))); }
    for (i = 0; i < state.proposals.length; i++) {
      p = state.proposals[i];
      li = el("li");
      li.appendChild(el("span", p.title));
      b = el("button", p.mine ? t("voted") : t("dot"));
      b.type = "button";
      b.disabled = !!p.mine || state.dots_left < 1 || !state.open;
      b.setAttribute("data-id", p.id);
      b.onclick = dot;
      li.appendChild(b);
      list.appendChild(li);
    }
  }

  function renderFaces() {
    var box = $("faces"), n, b;
    clear(box);
    for (n = 1; n <= 5; n++) {
      b = el("button", String(n));
      b.type = "button";
      b.setAttribute("data-score", String(n));
      b.onclick = function () {
        send("rating", "/api/rating", { score: parseInt(this.getAttribute("data-score"), 10) }, null);
      };
      box.appendChild(b);
    }
  }

  function texts() {
    var nodes = document.querySelectorAll("[data-t]"), i;
    for (i = 0; i < nodes.length; i++) { nodes[i].textContent = t(nodes[i].getAttribute("data-t")); }
    $("lang").textContent = t("other");
    document.documentElement.lang = lang;
    choiceButtons($("types"), TYPES, "type");
    choiceButtons($("stances"), STANCES, "stance");
    fillSelect($("age"), AGES, state ? state.age_band : "", t("not_stated"));
    fillSelect($("occupation"), JOBS, state ? state.occupation : "", t("not_stated"));
    renderFaces();
    if (state) { render(); }
  }

  function render() {
    var topics = [], i, joined = state.joined && state.open;
    $("title").textContent = state.title;
    document.title = state.title;
    show($("closed-box"), !state.open);
    show($("join-box"), state.open && !state.joined);
    show($("joined"), joined);
    show($("tab-rating"), state.kind === "exhibition");
    show($("tab-vote"), state.proposals.length > 0);
    for (i = 0; i < state.topics.length; i++) {
      topics.push([state.topics[i].id, state.topics[i].th, state.topics[i].en]);
    }
    fillSelect($("topic"), topics, $("topic").value, t("no_topic"));
    renderQuestions();
    renderProposals();
  }

  function load() {
    request("GET", "/api/state", null, function (status, data) {
      if (status === 200 && data && data.ok) {
        state = data;
        render();
        if (!state.joined && state.open && $("join-code").value) { join(); }
      } else if (status !== 200) {
        failed(status, data);
      }
    });
  }

  function join() {
    var code = $("join-code").value.replace(/\s+/g, "").toUpperCase();
    post("/api/join", { code: code }, function () { say("", true); load(); });
  }

  function tab() {
    var name = this.getAttribute("data-tab"), tabs = document.querySelectorAll(".tab"), i;
    for (i = 0; i < tabs.length; i++) { show(tabs[i], tabs[i].id === name); }
  }

  function init() {
    var m = /[?&]j=([A-Za-z0-9]{1,16})/.exec(window.location.search), buttons, i;
    try { lang = window.localStorage.getItem("sala_lang") === "en" ? "en" : "th"; } catch (e) { lang = "th"; }
    if (/[?&]lang=en/.test(window.location.search)) { lang = "en"; }
    if (m) { $("join-code").value = m[1]; }
    texts();
    $("lang").onclick = function () {
      lang = lang === "th" ? "en" : "th";
      try { window.localStorage.setItem("sala_lang", lang); } catch (e) { /* private mode: this page only */ }
      texts();
    };
    $("join-form").onsubmit = function () { join(); return false; };
    $("opinion-form").onsubmit = function () {
      var text = $("opinion-text").value;
      if (!text.replace(/\s+/g, "")) { say(t("empty"), false); return false; }
      send("opinion", "/api/opinion", { type: choice.type, stance: choice.stance || null,
        topic_id: $("topic").value || null, text: text }, "opinion-text");
      return false;
    };
    $("question-form").onsubmit = function () {
      var text = $("question-text").value;
      if (!text.replace(/\s+/g, "")) { say(t("empty"), false); return false; }
      send("question", "/api/question", { text: text }, "question-text");
      return false;
    };
    $("about-form").onsubmit = function () {
      post("/api/profile", { age_band: $("age").value || null, occupation: $("occupation").value || null },
        function () { say(t("saved"), true); load(); });
      return false;
    };
    buttons = document.querySelectorAll("#tabs button");
    for (i = 0; i < buttons.length; i++) { buttons[i].onclick = tab; }
    load();
    window.setInterval(function () { if (!document.hidden && !busy) { load(); } }, 10000);
  }

  init();
}());
