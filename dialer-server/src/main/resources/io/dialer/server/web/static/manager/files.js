// Uploads: lead lists (CSV), qualification scripts and closers files (YAML). Each upload shows what the server's
// check found, every problem against its row or line:col; each kind is listed with download and delete.
import {ApiError, del, get, upload, seg} from '../api.js';
import {fill, h, say, table} from '../dom.js';
import {bytes, stamp} from '../format.js';
import {linesOf, problemsTable} from './problems.js';

const KINDS = [
    {path: 'lead-lists', title: 'Lead lists', list: 'leadLists', type: 'text/csv', accept: '.csv,.txt,text/csv',
        region: true, noun: 'lead list'},
    {path: 'scripts', title: 'Qualification scripts', list: 'scripts', type: 'application/yaml',
        accept: '.yaml,.yml', noun: 'script'},
    {path: 'closers-files', title: 'Closers files', list: 'closersFiles', type: 'application/yaml',
        accept: '.yaml,.yml', noun: 'closers file'},
];

export function mount(root) {
    const cards = KINDS.map((kind) => uploadCard(kind));
    fill(root, h('div', {class: 'page-head'}, h('h1', null, 'Files')), h('div', {class: 'stack'}, cards));
    return () => {};
}

function uploadCard(kind) {
    const file = h('input', {type: 'file', accept: kind.accept, name: 'file', id: kind.path + '-file',
        'aria-label': 'File'});
    const region = kind.region ? h('input', {name: 'region', value: 'US', size: 3, maxlength: 2, id:
        'lead-region'}) : null;
    const status = h('p', {class: 'status', role: 'status', 'aria-live': 'polite'});
    const result = h('div', {class: 'upload-result', id: kind.path + '-result'});
    const list = h('div', {class: 'upload-list', id: kind.path + '-list'});
    const form = h('form', {class: 'row', on: {submit: send}},
        h('label', null, 'File', file),
        region ? h('label', null, 'Region', region) : null,
        h('button', {type: 'submit', class: 'primary', id: kind.path + '-upload'}, 'Upload'));

    async function send(event) {
        event.preventDefault();
        const chosen = file.files[0];
        if (!chosen) {
            say(status, 'Choose a file first.', 'error');
            return;
        }
        say(status, 'Uploading ' + chosen.name + '…');
        fill(result);
        const lines = await linesOf(chosen);
        let query = '?name=' + encodeURIComponent(chosen.name);
        if (region) {
            query += '&region=' + encodeURIComponent(region.value.trim() || 'US');
        }
        try {
            const answer = await upload('/api/' + kind.path + query, chosen, kind.type);
            showCheck(answer, lines);
            form.reset();
            if (region) {
                region.value = 'US';
            }
            refresh();
        } catch (error) {
            showError(error, lines);
        }
    }

    function showCheck(answer, lines) {
        const check = answer.check;
        const findings = check.findings || [];
        say(status, (kind.region ? answer.summary : check.summary) + (check.valid ? '' : ' — kept; the bad rows ' +
            'are not loaded'), check.valid && findings.length === 0 ? 'ok' : '');
        if (findings.length === 0) {
            fill(result);
            return;
        }
        const omitted = check.findingsOmitted > 0 ? h('p', {class: 'muted small'}, check.findingsOmitted +
            ' more not shown: ', h('a', {href: '/api/lead-lists/' + seg(answer.id) + '/report', target: '_blank'},
            'the full report')) : null;
        fill(result, h('h3', null, findings.length + (findings.length === 1 ? ' problem' : ' problems') + ' in ' +
            answer.name), problemsTable(findings, lines), omitted);
    }

    function showError(error, lines) {
        if (!(error instanceof ApiError)) {
            say(status, String(error), 'error');
            return;
        }
        say(status, error.message + ' — nothing was kept', 'error');
        fill(result, error.details.length > 0 ? problemsTable(error.details, lines) : null);
    }

    async function refresh() {
        try {
            const answer = await get('/api/' + kind.path);
            const items = answer[kind.list].slice().reverse();
            if (items.length === 0) {
                fill(list, h('p', {class: 'empty'}, 'No ' + kind.noun + ' uploaded yet.'));
                return;
            }
            fill(list, table(['Name', 'What', 'Uploaded', ''], items.map((item) => [
                h('span', {class: 'mono'}, item.name),
                describe(item),
                h('span', {class: 'small'}, stamp(item.uploadedAt) + ' by ' + item.uploadedBy),
                h('div', {class: 'actions'},
                    h('a', {href: '/api/' + kind.path + '/' + seg(item.id) + '/file', download: item.name},
                        'Download'),
                    kind.region ? h('a', {href: '/api/lead-lists/' + seg(item.id) + '/report', target: '_blank'},
                        'Report') : null,
                    h('button', {type: 'button', class: 'link', on: {click: () => remove(item)}}, 'Delete')),
            ]), {class: 'files'}));
        } catch (error) {
            fill(list, h('p', {class: 'status error'}, error.message));
        }
    }

    async function remove(item) {
        try {
            await del('/api/' + kind.path + '/' + seg(item.id));
            say(status, item.name + ' deleted.', 'ok');
            refresh();
        } catch (error) {
            say(status, item.name + ': ' + error.message, 'error');
        }
    }

    function describe(item) {
        if (kind.region) {
            return h('span', null, item.leads + ' leads' + (item.badRows ? ', ' + item.badRows + ' bad rows' : '') +
                (item.duplicates ? ', ' + item.duplicates + ' duplicates' : '') + ' · ' + bytes(item.size));
        }
        if (kind.path === 'scripts') {
            return h('span', null, item.scriptName + ' · ' + item.questions + ' questions');
        }
        return h('span', null, (item.closers || []).length + ' closers');
    }

    refresh();
    return h('section', {class: 'card', id: kind.path}, h('h2', null, kind.title), form, status, result, list);
}
