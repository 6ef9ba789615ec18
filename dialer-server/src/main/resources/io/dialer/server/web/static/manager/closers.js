// Closers: the floor's closers with their state, added, changed and removed here (while logged out), imported from
// an uploaded closers file, and logged in, paused, resumed or logged out on their behalf.
import {ApiError, del, get, patch, post, seg} from '../api.js';
import {fill, h, say, table} from '../dom.js';
import {duration, label, since} from '../format.js';
import {phoneBadge} from './dashboard.js';

const REFRESH_MS = 3000;

export function mount(root) {
    const status = h('p', {class: 'status', role: 'status', 'aria-live': 'polite', id: 'closers-status'});
    const details = h('ul', {class: 'details'});
    const list = h('div', {id: 'closer-list'}, h('p', {class: 'muted'}, 'Loading…'));
    const inputs = {
        id: h('input', {id: 'closer-id', required: true, maxlength: 64, autocomplete: 'off',
            pattern: '[A-Za-z0-9._@-]+'}),
        name: h('input', {id: 'closer-name', required: true, maxlength: 100}),
        destination: h('input', {id: 'closer-destination', required: true,
            placeholder: 'sip:dana@pbx.example.com, +12145550100 or ext:1001'}),
        skills: h('input', {id: 'closer-skills', placeholder: 'sales, spanish'}),
        sipPassword: h('input', {id: 'closer-sip-password', type: 'password', autocomplete: 'new-password'}),
    };
    const passwordLabel = h('label', {hidden: true}, 'Extension password (SIP)', inputs.sipPassword);
    inputs.destination.addEventListener('input', () => {
        passwordLabel.hidden = !inputs.destination.value.trim().startsWith('ext:');
    });
    let editing = null;
    const formTitle = h('h2', null, 'Add a closer');
    const submitButton = h('button', {type: 'submit', class: 'primary', id: 'closer-save'}, 'Add closer');
    const cancelButton = h('button', {type: 'button', hidden: true, on: {click: () => edit(null)}}, 'Cancel');
    const form = h('form', {id: 'closer-form', on: {submit: save}},
        h('div', {class: 'grid-form'},
            h('label', null, 'Id', inputs.id), h('label', null, 'Name', inputs.name),
            h('label', null, 'Destination', inputs.destination), h('label', null, 'Skills', inputs.skills),
            passwordLabel),
        h('p', {class: 'muted small'}, 'A destination is a SIP URI, a phone number (dialed through the campaign\'s ' +
            'trunk) or ext:NNNN, an extension whose phone registers with the dialer.'),
        h('div', {class: 'actions'}, submitButton, cancelButton));
    const importSelect = h('select', {id: 'closers-file'});
    const importForm = h('form', {class: 'row', on: {submit: importFile}},
        h('label', null, 'Closers file', importSelect),
        h('button', {type: 'submit', id: 'closers-import'}, 'Import'));

    fill(root, h('div', {class: 'page-head'}, h('h1', null, 'Closers')), status, details,
        h('section', {class: 'card'}, list),
        h('div', {class: 'columns'},
            h('section', {class: 'card'}, formTitle, form),
            h('section', {class: 'card'}, h('h2', null, 'Import a closers file'),
                h('p', {class: 'muted small'}, 'Adds the file\'s closers (upload it under Files first).'),
                importForm)));

    function edit(closer) {
        editing = closer;
        form.reset();
        inputs.id.readOnly = Boolean(closer);
        formTitle.textContent = closer ? 'Change ' + (closer.name || closer.id) : 'Add a closer';
        submitButton.textContent = closer ? 'Save' : 'Add closer';
        cancelButton.hidden = !closer;
        if (closer) {
            inputs.id.value = closer.id;
            inputs.name.value = closer.name || '';
            inputs.destination.value = closer.destination || '';
            inputs.skills.value = (closer.skills || []).join(', ');
            inputs.name.focus();
        }
        passwordLabel.hidden = !inputs.destination.value.trim().startsWith('ext:');
    }

    async function save(event) {
        event.preventDefault();
        fill(details);
        const body = {name: inputs.name.value.trim(), destination: inputs.destination.value.trim(),
            skills: inputs.skills.value.split(',').map((s) => s.trim()).filter((s) => s)};
        if (inputs.sipPassword.value && !passwordLabel.hidden) {
            body.sipPassword = inputs.sipPassword.value;
        }
        try {
            if (editing) {
                await patch('/api/closers/' + seg(editing.id), body);
                say(status, (body.name || editing.id) + ' saved.', 'ok');
            } else {
                body.id = inputs.id.value.trim();
                await post('/api/closers', body);
                say(status, body.name + ' added.', 'ok');
            }
            edit(null);
            refresh();
        } catch (error) {
            fail(error);
        }
    }

    function fail(error) {
        say(status, error.message, 'error');
        fill(details, (error instanceof ApiError ? error.details : []).map((d) => h('li', null,
            (d.field ? d.field + ': ' : d.line ? 'line ' + d.line + (d.col ? ':' + d.col : '') + ': ' : '') +
            d.message)));
    }

    async function act(closer, action, body) {
        try {
            const result = await post('/api/closers/' + seg(closer.id) + '/' + action, body);
            say(status, (closer.name || closer.id) + ': ' + (result && result.detail ? result.detail : action),
                result && result.applied === false ? 'error' : 'ok');
        } catch (error) {
            fail(error);
        }
        refresh();
    }

    async function remove(closer) {
        try {
            await del('/api/closers/' + seg(closer.id));
            say(status, (closer.name || closer.id) + ' removed.', 'ok');
            refresh();
        } catch (error) {
            fail(error);
        }
    }

    async function importFile(event) {
        event.preventDefault();
        if (!importSelect.value) {
            say(status, 'Upload a closers file under Files first.', 'error');
            return;
        }
        try {
            const result = await post('/api/closers/import', {closersFile: importSelect.value});
            const refused = result.refused || [];
            say(status, 'Imported: ' + result.added + ' added, ' + result.updated + ' changed' +
                (refused.length ? ', ' + refused.length + ' refused' : '') + '.', refused.length ? 'error' : 'ok');
            fill(details, refused.map((r) => h('li', null, r.id + ': ' + r.reason)));
            refresh();
        } catch (error) {
            fail(error);
        }
    }

    function presence(closer) {
        const buttons = [];
        const b = (text, action, body) => h('button', {type: 'button', class: 'link',
            on: {click: () => act(closer, action, body)}}, text);
        if (closer.state === 'LOGGED_OUT') {
            buttons.push(b('Log in', 'login'));
        } else if (closer.state === 'PAUSED') {
            buttons.push(b('Resume', 'resume'), b('Log out', 'logout'));
        } else if (closer.state === 'AVAILABLE') {
            buttons.push(b('Pause', 'pause', {reason: 'paused by a manager'}), b('Log out', 'logout'));
        } else if (closer.state === 'WRAP_UP') {
            buttons.push(b('End wrap-up', 'wrap-up', {note: '', disposition: 'other'}));
        }
        return buttons;
    }

    async function refresh() {
        try {
            const closers = (await get('/api/closers')).closers || [];
            const now = Date.now();
            fill(list, closers.length === 0 ? h('p', {class: 'empty'}, 'No closers yet.') :
                table(['Closer', 'Destination', 'Skills', 'State', 'Phone', ''], closers.map((c) => [
                    h('span', null, h('b', null, c.name || c.id), h('div', {class: 'muted small mono'}, c.id)),
                    h('span', {class: 'mono small'}, c.destination || ''),
                    (c.skills || []).join(', '),
                    h('span', null, h('span', {class: 'badge ' + c.state}, label(c.state)), ' ',
                        h('span', {class: 'muted small'}, duration(since(c.sinceMs, now)) +
                            (c.reason ? ' · ' + c.reason : ''))),
                    phoneBadge(c.phoneState),
                    h('div', {class: 'actions'}, presence(c),
                        h('button', {type: 'button', class: 'link', on: {click: () => edit(c)}}, 'Edit'),
                        h('button', {type: 'button', class: 'link', on: {click: () => remove(c)}}, 'Remove')),
                ]), {class: 'closers'}));
        } catch (error) {
            fill(list, h('p', {class: 'status error'}, error.message));
        }
    }

    (async () => {
        try {
            const files = (await get('/api/closers-files')).closersFiles.slice().reverse();
            fill(importSelect, files.length === 0 ? h('option', {value: ''}, 'none uploaded yet') :
                files.map((f) => h('option', {value: f.id}, f.name + ' — ' + (f.closers || []).length + ' closers')));
        } catch (error) {
            fill(importSelect, h('option', {value: ''}, error.message));
        }
    })();
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
}
