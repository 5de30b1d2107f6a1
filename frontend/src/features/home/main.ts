import '../../styles/base.css';
import { byId, h, replace } from '../../lib/dom';
import { Screen } from '../../lib/page';

// The start page: every screen, in the visitor's language.

const screen = new Screen();
const app = byId('app');

function render(): void {
  const t = screen.t;
  document.title = t('appName');
  const link = (href: string, label: string) => {
    const url = new URL(href, location.origin);
    url.searchParams.set('lang', screen.lang);
    return h('li', {}, h('a', { href: url.pathname + url.search + url.hash }, label));
  };
  replace(
    app,
    h('header', { class: 'bar' }, h('h1', {}, t('appName')), screen.languagePicker()),
    h(
      'main',
      {},
      h(
        'section',
        { class: 'card' },
        h('h2', {}, t('bookTitle')),
        h('ul', {}, link('/book.html', t('bookTitle')), link('/book.html#find', t('findBooking'))),
      ),
      h(
        'section',
        { class: 'card' },
        h('h2', {}, t('screens')),
        h(
          'ul',
          {},
          link('/display.html?centre=persian-gulf', t('nowServing')),
          link('/kiosk.html?centre=persian-gulf', t('walkIn')),
          link('/desk.html?centre=persian-gulf', t('deskConsole')),
          link('/supervisor.html?centre=persian-gulf', t('supervisorTitle')),
          link('/admin.html?centre=persian-gulf', t('adminTitle')),
          h('li', {}, h('a', { href: '/swagger-ui.html', lang: 'en' }, 'API (OpenAPI)')),
        ),
      ),
    ),
  );
}

screen.onLang(render);
render();
