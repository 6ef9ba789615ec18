// The manager console: campaigns and their live dashboards, uploads, closers, do-not-call, users (admins). One page;
// the section is in the URL's hash (#/campaigns/ID is a campaign's dashboard), so reload and back work.
import {requireSession, signOut} from './api.js';
import {h, fill} from './dom.js';
import * as campaigns from './manager/campaigns.js';
import * as dashboard from './manager/dashboard.js';
import * as files from './manager/files.js';
import * as closers from './manager/closers.js';
import * as dnc from './manager/dnc.js';
import * as users from './manager/users.js';

const page = document.getElementById('page');
const nav = document.getElementById('nav');
let dispose = () => {};

const session = await requireSession(['admin', 'manager']);
document.getElementById('who').textContent = session.user.name + ' (' + session.user.role + ')';
document.getElementById('sign-out').addEventListener('click', () => signOut());
nav.querySelector('[data-section="users"]').hidden = session.user.role !== 'admin';

function route() {
    const parts = location.hash.replace(/^#\/?/, '').split('/').filter((p) => p.length > 0).map(decodeURIComponent);
    const section = parts[0] || 'campaigns';
    let view;
    if (section === 'campaigns' && parts[1] === 'new') {
        view = (root) => campaigns.mountCreate(root);
    } else if (section === 'campaigns' && parts[1]) {
        view = (root) => dashboard.mount(root, parts[1]);
    } else if (section === 'campaigns') {
        view = (root) => campaigns.mountList(root);
    } else if (section === 'files') {
        view = (root) => files.mount(root);
    } else if (section === 'closers') {
        view = (root) => closers.mount(root);
    } else if (section === 'dnc') {
        view = (root) => dnc.mount(root);
    } else if (section === 'users' && session.user.role === 'admin') {
        view = (root) => users.mount(root, session);
    } else {
        location.replace('#/campaigns');
        return;
    }
    for (const link of nav.querySelectorAll('a')) {
        if (link.dataset.section === section) {
            link.setAttribute('aria-current', 'page');
        } else {
            link.removeAttribute('aria-current');
        }
    }
    dispose();
    dispose = () => {};
    fill(page);
    try {
        dispose = view(page) || (() => {});
    } catch (error) {
        fill(page, h('p', {class: 'status error'}, String(error)));
    }
    window.scrollTo(0, 0);
}

window.addEventListener('hashchange', route);
route();
