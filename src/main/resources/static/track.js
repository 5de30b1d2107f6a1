/* A visitor's own ticket: ?token=… (&lang=fa|fa-AF|ps|en). Only this ticket is ever shown.
   A snapshot by GET, then live 'ticket' events; EventSource reconnects by itself. */
(function () {
  'use strict';

  var token = Nobat.param('token');
  var ui = new Nobat.Ui(Nobat.pickLang());
  var $ = function (id) { return document.getElementById(id); };
  var lastStatus = null;
  var source = null;
  var retryTimer = null;
  var centreLoaded = null;

  ui.apply(document);
  $('l-ticket').textContent = ui.t('yourTicket');
  $('l-position').textContent = ui.t('position');
  $('l-estimated').textContent = ui.t('estimated');

  function message(text) {
    $('message').hidden = !text;
    $('message').textContent = text || '';
  }

  function statusLine(text, offline) {
    $('status-line').textContent = text;
    $('status-line').className = 'status-line' + (offline ? ' offline' : '');
  }

  function loadCentre(centreId) {
    if (!centreLoaded) {
      centreLoaded = Nobat.getJson('/api/centres/' + encodeURIComponent(centreId))
          .then(function (centre) { ui.setCentre(centre); }, function () { /* names fall back to codes */ });
    }
    return centreLoaded;
  }

  function render(v) {
    $('ticket').textContent = ui.ticket(v.ticket);
    $('service').textContent = ui.serviceName(v.serviceCode);
    var called = v.status === 'CALLED';
    $('call').hidden = !called;
    $('waiting').hidden = v.status !== 'WAITING';
    message(null);
    if (v.status === 'WAITING') {
      $('position').textContent = ui.num(v.position);
      $('ahead').textContent = v.position <= 1 ? ui.t('youAreNext') : ui.num(v.position - 1) + ' ' + ui.t('peopleAhead');
      $('eta').textContent = '≈ ' + ui.num(v.estimatedWaitMinutes) + ' ' + ui.t('minutes');
    } else if (called) {
      $('call-text').textContent = ui.t('goToDeskNow', { desk: ui.deskName(v.deskId) });
      $('call-sub').textContent = (v.recall ? ui.t('recall') + ' · ' : '')
          + (v.calledAt ? ui.t('calledAt') + ' ' + ui.time(v.calledAt, false) : '');
      if (lastStatus !== 'CALLED' || v.recall) {
        if (navigator.vibrate) navigator.vibrate([300, 150, 300, 150, 600]);
      }
    } else if (v.status === 'IN_SERVICE') {
      message(ui.t('inService', { desk: ui.deskName(v.deskId) }));
    } else {
      var texts = { COMPLETED: 'completed', NO_SHOW: 'noShow', CANCELLED: 'cancelled', CLOSED: 'closedTicket',
                    CARRIED_OVER: 'carriedOver' };
      message(ui.t(texts[v.status] || 'closedTicket'));
    }
    lastStatus = v.status;
  }

  function show(v) {
    loadCentre(v.centreId).then(function () { render(v); });
  }

  function connect() {
    if (source) source.close();
    source = new EventSource('/api/track/' + encodeURIComponent(token) + '/stream');
    source.addEventListener('ticket', function (event) {
      try { show(JSON.parse(event.data)); } catch (e) { /* ignore a malformed message */ }
      statusLine(ui.t('updated'), false);
    });
    source.onopen = function () { statusLine(ui.t('updated'), false); };
    source.onerror = function () {
      statusLine(ui.t('reconnecting'), true);
      if (source.readyState === EventSource.CLOSED && !retryTimer) {
        retryTimer = setTimeout(function () { retryTimer = null; start(); }, 5000);
      }
    };
  }

  function start() {
    Nobat.getJson('/api/track/' + encodeURIComponent(token)).then(function (v) {
      show(v);
      connect();
    }, function (error) {
      if (error.status === 404) {
        $('ticket').textContent = '—';
        message(ui.t('notFound'));
        statusLine('', false);
      } else {
        statusLine(ui.t('reconnecting'), true);
        setTimeout(start, 5000);
      }
    });
  }

  if (!token) {
    $('ticket').textContent = '—';
    message(ui.t('noToken'));
  } else {
    start();
  }
})();
