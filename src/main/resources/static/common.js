/* Shared helpers of Nobat's public pages (display, tracking): language, digits, names, time.
   Plain JavaScript, no build step, no external resources. */
(function (global) {
  'use strict';

  var LANGS = ['fa', 'fa-AF', 'ps', 'en'];
  var RTL = { 'fa': true, 'fa-AF': true, 'ps': true };

  // Interface labels. Persian is the default; Dari and Pashto screens use the Persian labels
  // until translated, but always show service and desk names in their own language.
  var LABELS = {
    fa: {
      nowServing: 'نوبت', goTo: 'به', recall: 'فراخوان دوباره', lastCalls: 'شماره‌های اخیر',
      service: 'خدمت', waiting: 'در انتظار', estimated: 'زمان تقریبی انتظار', minutes: 'دقیقه',
      noCalls: 'هنوز شماره‌ای خوانده نشده است', reconnecting: 'ارتباط قطع شد؛ در حال اتصال دوباره…',
      connecting: 'در حال اتصال…', closed: 'نوبت‌دهی امروز به پایان رسیده است',
      soundOn: 'فعال‌سازی صدا', unknownCentre: 'مرکز پیدا نشد', desks: 'باجه‌ها', idle: 'آزاد',
      deskOpen: 'باز', deskPaused: 'مکث', deskClosed: 'بسته',
      yourTicket: 'شماره نوبت شما', position: 'جایگاه شما در صف', peopleAhead: 'نفر پیش از شما',
      youAreNext: 'نفر بعدی شما هستید', goToDeskNow: 'همین حالا به {desk} بروید',
      inService: 'در حال دریافت خدمت در {desk}', completed: 'خدمت شما به پایان رسید. سپاس از شکیبایی شما.',
      noShow: 'شماره شما چند بار خوانده شد و حاضر نبودید. لطفاً به میز راهنما مراجعه کنید.',
      cancelled: 'این نوبت لغو شده است.', closedTicket: 'این نوبت با پایان روز بسته شد.',
      carriedOver: 'این نوبت به روز کاری بعد منتقل شد.', notFound: 'این نوبت پیدا نشد. پیوند را دوباره بررسی کنید.',
      noToken: 'پیوند پیگیری نوبت کامل نیست.', calledAt: 'زمان فراخوان', updated: 'به‌روزرسانی خودکار'
    },
    en: {
      nowServing: 'Ticket', goTo: 'to', recall: 'Recall', lastCalls: 'Recent calls',
      service: 'Service', waiting: 'Waiting', estimated: 'Estimated wait', minutes: 'min',
      noCalls: 'No ticket has been called yet', reconnecting: 'Connection lost; reconnecting…',
      connecting: 'Connecting…', closed: 'Today\'s queue is closed',
      soundOn: 'Enable sound', unknownCentre: 'Centre not found', desks: 'Desks', idle: 'free',
      deskOpen: 'open', deskPaused: 'paused', deskClosed: 'closed',
      yourTicket: 'Your ticket', position: 'Your place in the queue', peopleAhead: 'ahead of you',
      youAreNext: 'You are next', goToDeskNow: 'Go to {desk} now',
      inService: 'Being served at {desk}', completed: 'Your service is complete. Thank you for your patience.',
      noShow: 'Your number was called several times. Please ask at the information desk.',
      cancelled: 'This ticket was cancelled.', closedTicket: 'This ticket was closed at the end of the day.',
      carriedOver: 'This ticket was carried over to the next working day.',
      notFound: 'This ticket was not found. Please check the link.',
      noToken: 'The tracking link is incomplete.', calledAt: 'Called at', updated: 'Updates automatically'
    }
  };

  function param(name) {
    return new URLSearchParams(global.location.search).get(name);
  }

  function pickLang() {
    var requested = param('lang');
    return LANGS.indexOf(requested) >= 0 ? requested : 'fa';
  }

  function Ui(lang) {
    this.lang = lang;
    this.labels = LABELS[lang] || LABELS.fa;
    this.numbers = new Intl.NumberFormat(lang === 'en' ? 'en' : lang, { useGrouping: false });
    this.timeZone = undefined;
    this.centre = null;
  }

  Ui.prototype.apply = function (doc) {
    doc.documentElement.lang = this.lang;
    doc.documentElement.dir = RTL[this.lang] ? 'rtl' : 'ltr';
  };

  Ui.prototype.t = function (key, vars) {
    var text = this.labels[key] || LABELS.fa[key] || key;
    if (vars) {
      Object.keys(vars).forEach(function (k) { text = text.replace('{' + k + '}', vars[k]); });
    }
    return text;
  };

  Ui.prototype.num = function (n) {
    return this.numbers.format(n);
  };

  /** Ticket codes as printed (e.g. A-042), with the digits in the screen's script. */
  Ui.prototype.ticket = function (code) {
    if (!code) return '';
    var self = this;
    return String(code).replace(/[0-9]+/g, function (d) {
      return d.split('').map(function (c) { return self.num(Number(c)); }).join('');
    });
  };

  Ui.prototype.setCentre = function (centre) {
    this.centre = centre;
    this.timeZone = centre && centre.timeZone ? centre.timeZone : undefined;
  };

  Ui.prototype.nameOf = function (names, fallback) {
    if (!names) return fallback;
    return names[this.lang] || names.fa || names.en || fallback;
  };

  Ui.prototype.serviceName = function (code) {
    var list = this.centre ? this.centre.services : [];
    for (var i = 0; i < list.length; i++) {
      if (list[i].code === code) return this.nameOf(list[i].names, code);
    }
    return code;
  };

  Ui.prototype.deskName = function (deskId) {
    var list = this.centre ? this.centre.desks : [];
    for (var i = 0; i < list.length; i++) {
      if (list[i].deskId === deskId) return this.nameOf(list[i].names, deskId);
    }
    return deskId || '';
  };

  Ui.prototype.time = function (instant, withSeconds) {
    var opts = { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: this.timeZone };
    if (withSeconds) opts.second = '2-digit';
    return new Intl.DateTimeFormat(this.lang === 'en' ? 'en-GB' : this.lang, opts).format(new Date(instant));
  };

  /** Solar Hijri date for Persian, Dari and Pashto; Gregorian for English. */
  Ui.prototype.date = function (instant) {
    var locale = this.lang === 'en' ? 'en-GB' : this.lang + '-u-ca-persian';
    var parts = {};
    new Intl.DateTimeFormat(locale, {
      weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: this.timeZone
    }).formatToParts(new Date(instant)).forEach(function (p) { parts[p.type] = p.value; });
    // Assembled by hand: some engines order the Persian parts as "year month day, weekday".
    return [parts.weekday, parts.day, parts.month, parts.year].join(' ');
  };

  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) {
        var error = new Error('HTTP ' + r.status);
        error.status = r.status;
        throw error;
      }
      return r.json();
    });
  }

  /** A short two-tone chime (Web Audio); browsers allow it only after a user gesture on the page. */
  function Chime() {
    this.ctx = null;
  }
  Chime.prototype.enable = function () {
    var AC = global.AudioContext || global.webkitAudioContext;
    if (!AC) return false;
    if (!this.ctx) this.ctx = new AC();
    if (this.ctx.state === 'suspended') this.ctx.resume();
    return true;
  };
  Chime.prototype.enabled = function () {
    return !!this.ctx && this.ctx.state === 'running';
  };
  Chime.prototype.play = function () {
    if (!this.enabled()) return;
    var ctx = this.ctx, start = ctx.currentTime;
    [880, 660].forEach(function (freq, i) {
      var osc = ctx.createOscillator(), gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, start + i * 0.35);
      gain.gain.exponentialRampToValueAtTime(0.4, start + i * 0.35 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.35 + 0.6);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start + i * 0.35);
      osc.stop(start + i * 0.35 + 0.65);
    });
  };

  global.Nobat = { param: param, pickLang: pickLang, Ui: Ui, getJson: getJson, Chime: Chime };
})(window);
