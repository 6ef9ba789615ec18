// The do-not-call list: add a number, check one, take one off, or block many at once (one number a line).
import {del, get, post, request, seg} from '../api.js';
import {fill, h, say} from '../dom.js';

export function mount(root) {
    const number = h('input', {id: 'dnc-number', placeholder: '(214) 555-0101 or +12145550101', inputmode: 'tel',
        required: true});
    const status = h('p', {class: 'status', role: 'status', 'aria-live': 'polite', id: 'dnc-status'});
    const bulk = h('textarea', {id: 'dnc-bulk', placeholder: 'one number a line', spellcheck: 'false'});
    const bulkFile = h('input', {type: 'file', id: 'dnc-bulk-file', accept: '.txt,.csv,text/plain'});
    const bulkStatus = h('div', {class: 'status', role: 'status', 'aria-live': 'polite', id: 'dnc-bulk-status'});

    const run = (action) => async (event) => {
        event.preventDefault();
        const value = number.value.trim();
        if (!value) {
            say(status, 'Type a number first.', 'error');
            return;
        }
        try {
            if (action === 'add') {
                const result = await post('/api/dnc', {number: value});
                say(status, result && result.detail ? result.detail : value + ' will not be called.',
                    result && result.applied === false ? 'error' : 'ok');
            } else if (action === 'check') {
                const result = await get('/api/dnc/' + seg(value));
                say(status, result.number + (result.listed ? ' is on the do-not-call list.' :
                    ' is not on the do-not-call list.') + (result.detail ? ' ' + result.detail : ''),
                result.listed ? 'error' : 'ok');
            } else {
                const result = await del('/api/dnc/' + seg(value));
                say(status, result && result.detail ? result.detail : value + ' taken off the list.',
                    result && result.applied === false ? 'error' : 'ok');
            }
        } catch (error) {
            say(status, error.message, 'error');
        }
    };

    async function sendBulk(event) {
        event.preventDefault();
        const body = bulkFile.files[0] ? await bulkFile.files[0].text() : bulk.value;
        if (!body.trim()) {
            say(bulkStatus, 'Paste numbers or choose a file.', 'error');
            return;
        }
        try {
            const result = await request('POST', '/api/dnc/bulk', body, 'text/plain');
            const errors = result.errors || [];
            fill(bulkStatus, h('span', null, result.detail || (result.numbers + ' numbers blocked')),
                errors.length === 0 ? null : h('ul', {class: 'details'}, errors.map((e) =>
                    h('li', null, 'line ' + e.line + ': ' + e.message))));
            bulkStatus.className = 'status ' + (errors.length ? '' : 'ok');
            bulk.value = '';
            bulkFile.value = '';
        } catch (error) {
            say(bulkStatus, error.message, 'error');
            if (error.details && error.details.length) {
                bulkStatus.appendChild(h('ul', {class: 'details'}, error.details.map((d) =>
                    h('li', null, (d.line ? 'line ' + d.line + ': ' : '') + d.message))));
            }
        }
    }

    fill(root, h('div', {class: 'page-head'}, h('h1', null, 'Do not call')),
        h('div', {class: 'columns'},
            h('section', {class: 'card'}, h('h2', null, 'One number'),
                h('form', {class: 'row', on: {submit: run('add')}}, h('label', null, 'Number', number),
                    h('button', {type: 'submit', class: 'primary', id: 'dnc-add'}, 'Add'),
                    h('button', {type: 'button', id: 'dnc-check', on: {click: run('check')}}, 'Check'),
                    h('button', {type: 'button', class: 'danger', id: 'dnc-remove', on: {click: run('remove')}},
                        'Remove')),
                status,
                h('p', {class: 'muted small'}, 'A number added is never dialed again by any campaign, from the next ' +
                    'dial on. Remove only a number added by mistake.')),
            h('section', {class: 'card'}, h('h2', null, 'Many numbers'),
                h('form', {on: {submit: sendBulk}}, bulk, h('div', {class: 'row'}, h('label', null, 'or a file',
                    bulkFile), h('button', {type: 'submit', class: 'primary', id: 'dnc-bulk-send'}, 'Block all'))),
                bulkStatus)));
    return () => {};
}
