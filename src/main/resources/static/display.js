/* The queue display of one centre: ?centre=persian-gulf (default) &lang=fa|fa-AF|ps|en.
   A snapshot of the centre's names, then the live display over Server-Sent Events. The browser's
   EventSource reconnects by itself and sends Last-Event-ID, so the server resumes without a gap. */
(function () {
  'use strict';

  var centreId = Nobat.param('centre') || 'persian-gulf';
  // a display is a device: its token (issued by an administrator) comes with the page's address
  var deviceToken = Nobat.param('device_token');
  var tokenQuery = deviceToken ? '?device_token=' + encodeURIComponent(deviceToken) : '';
  var ui = new Nobat.Ui(Nobat.pickLang());
  var chime = new Nobat.Chime();
  var $ = function (id) { return document.getElementById(id); };
  var lastCallKey = null;
  var lastDisplay = null;
  var source = null;
  var retryTimer = null;

  ui.apply(document);
  $('latest-empty').textContent = ui.t('connecting');
  $('recent-title').textContent = ui.t('lastCalls');
  $('th-service').textContent = ui.t('service');
  $('th-waiting').textContent = ui.t('waiting');
  $('th-estimated').textContent = ui.t('estimated');
  $('desks-title').textContent = ui.t('desks');
  $('sound').textContent = '🔊 ' + ui.t('soundOn');
  $('sound').addEventListener('click', function () {
    if (chime.enable()) $('sound').hidden = true;
  });

  function tick() {
    var now = Date.now();
    $('clock-time').textContent = ui.time(now, true);
    $('clock-date').textContent = ui.date(now);
  }

  function banner(kind, text) {
    var b = $('banner');
    b.className = 'banner ' + (kind || '');
    b.textContent = text || '';
    b.hidden = !kind;
  }

  function cell(tr, text, cls) {
    var td = document.createElement('td');
    td.textContent = text;
    if (cls) td.className = cls;
    tr.appendChild(td);
    return td;
  }

  function render(display, announce) {
    lastDisplay = display;
    var call = display.latestCall;
    if (call) {
      $('latest-empty').hidden = true;
      $('latest-call').hidden = false;
      $('latest-ticket').textContent = ui.ticket(call.ticket);
      $('latest-arrow').textContent = ui.t('goTo');
      $('latest-desk').textContent = ui.deskName(call.deskId);
      $('latest-service').textContent = ui.serviceName(call.serviceCode);
      $('latest-recall').hidden = !call.recall;
      $('latest-recall').textContent = ui.t('recall') + (call.recall > 1 ? ' ' + ui.num(call.recall) : '');
      var key = call.ticket + '|' + call.deskId + '|' + call.at;
      if (announce && key !== lastCallKey) {
        var box = $('latest');
        box.classList.remove('flash');
        void box.offsetWidth; // restart the animation
        box.classList.add('flash');
        chime.play();
      }
      lastCallKey = key;
    } else {
      $('latest-empty').hidden = false;
      $('latest-empty').textContent = ui.t('noCalls');
      $('latest-call').hidden = true;
    }

    var recent = $('recent');
    recent.textContent = '';
    // One line per ticket (its latest call or recall), newest first.
    var seen = {};
    (display.recentCalls || []).filter(function (c) {
      if (seen[c.ticket]) return false;
      seen[c.ticket] = true;
      return true;
    }).slice(0, 5).forEach(function (c) {
      var tr = document.createElement('tr');
      if (c.recall) tr.className = 'recalled';
      cell(tr, ui.time(c.at, false), 'num');
      cell(tr, ui.deskName(c.deskId));
      cell(tr, ui.ticket(c.ticket), 'tk');
      recent.appendChild(tr);
    });

    // Every service of the centre, in the centre's order, even before the day's first arrival.
    var byCode = {};
    (display.services || []).forEach(function (s) { byCode[s.serviceCode] = s; });
    var codes = ui.centre ? ui.centre.services.map(function (s) { return s.code; }) : Object.keys(byCode);
    var services = $('services');
    services.textContent = '';
    codes.forEach(function (code) {
      var s = byCode[code];
      var tr = document.createElement('tr');
      cell(tr, ui.serviceName(code));
      cell(tr, s ? ui.num(s.waiting) : ui.num(0), 'num');
      cell(tr, s && s.waiting > 0 ? '≈ ' + ui.num(s.estimatedWaitMinutes) + ' ' + ui.t('minutes') : '—', 'num');
      services.appendChild(tr);
    });

    var desks = $('desks');
    desks.textContent = '';
    (display.desks || []).filter(function (d) { return d.status !== 'CLOSED'; }).forEach(function (d) {
      var span = document.createElement('span');
      span.className = d.status;
      span.textContent = ui.deskName(d.deskId) + ': '
          + (d.currentTicket ? ui.ticket(d.currentTicket)
             : d.status === 'PAUSED' ? ui.t('deskPaused') : ui.t('idle'));
      desks.appendChild(span);
    });

    if (display.closed) banner('closed', ui.t('closed'));
    else if ($('banner').classList.contains('closed')) banner(null);
  }

  function onMessage(event) {
    var message;
    try { message = JSON.parse(event.data); } catch (e) { return; }
    if (!message || !message.display) return;
    if ($('banner').classList.contains('reconnecting')) banner(null);
    var announce = message.kind === 'call' || message.kind === 'recall';
    render(message.display, announce);
  }

  function connect() {
    if (source) source.close();
    source = new EventSource('/api/centres/' + encodeURIComponent(centreId) + '/display/stream' + tokenQuery);
    ['snapshot', 'call', 'recall', 'arrival', 'queue', 'desk', 'floor', 'closed'].forEach(function (name) {
      source.addEventListener(name, onMessage);
    });
    source.onopen = function () {
      if ($('banner').classList.contains('reconnecting')) banner(null);
      if (lastDisplay && lastDisplay.closed) banner('closed', ui.t('closed'));
    };
    source.onerror = function () {
      banner('reconnecting', ui.t('reconnecting'));
      // CONNECTING: the browser retries by itself, with Last-Event-ID. CLOSED: it gave up (for
      // instance an error status); start again later, which begins with a fresh snapshot.
      if (source.readyState === EventSource.CLOSED && !retryTimer) {
        retryTimer = setTimeout(function () { retryTimer = null; connect(); }, 5000);
      }
    };
  }

  tick();
  setInterval(tick, 1000);
  Nobat.getJson('/api/centres/' + encodeURIComponent(centreId)).then(function (centre) {
    ui.setCentre(centre);
    $('centre-name').textContent = ui.nameOf(centre.names, centre.centreId);
    document.title = ui.nameOf(centre.names, centre.centreId);
    tick();
    if (lastDisplay) render(lastDisplay, false);
    connect();
  }, function (error) {
    $('centre-name').textContent = centreId;
    $('latest-empty').textContent = error.status === 404 ? ui.t('unknownCentre') : ui.t('reconnecting');
    if (error.status !== 404) setTimeout(function () { location.reload(); }, 10000);
  });
})();
