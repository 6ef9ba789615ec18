// Campaigns: the list (kept current while shown) and the form that creates one from an uploaded lead list and
// script with the common settings (and any other campaign-file key as JSON), and starts it.
import {ApiError, get, post, seg} from '../api.js';
import {fill, h, say, table} from '../dom.js';
import {label, num, stamp} from '../format.js';

const REFRESH_MS = 5000;

export function mountList(root) {
    const list = h('div', {id: 'campaign-list'}, h('p', {class: 'muted'}, 'Loading…'));
    fill(root, h('div', {class: 'page-head'}, h('h1', null, 'Campaigns'),
        h('a', {href: '#/campaigns/new', class: 'btn primary', id: 'new-campaign'}, 'New campaign')),
    h('section', {class: 'card'}, list));

    async function refresh() {
        try {
            const answer = await get('/api/campaigns');
            const items = answer.campaigns.slice().reverse();
            if (items.length === 0) {
                fill(list, h('p', {class: 'empty'}, 'No campaign yet: upload a lead list and a script (Files), ' +
                    'then create one.'));
                return;
            }
            fill(list, table(['Campaign', 'State', 'Leads done', 'Dialed', 'Live', 'Bridged', 'Created'],
                items.map((c) => {
                    const live = c.live || {};
                    return [h('a', {href: '#/campaigns/' + seg(c.id), class: 'campaign-link'}, c.name),
                        h('span', {class: 'badge ' + c.state}, label(c.state)),
                        live.leads === undefined ? '–' : num(live.leadsDone) + ' / ' + num(live.leads),
                        num(live.dialed), num(live.live), num(live.bridged), stamp(c.createdAt)];
                }), {class: 'campaigns'}));
        } catch (error) {
            fill(list, h('p', {class: 'status error'}, error.message));
        }
    }

    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
}

/** Inputs of the form, each with the settings path it fills. */
function field(name, path, input, hint) {
    input.dataset.field = path;
    input.name = name;
    input.id = 'campaign-' + name;
    return h('label', {for: input.id}, name === 'advanced' ? null : labelOf(name), input,
        hint ? h('span', {class: 'muted small'}, hint) : null,
        h('span', {class: 'field-error status error', hidden: true}));
}

function labelOf(name) {
    return {
        name: 'Name', leadList: 'Lead list', script: 'Qualification script', callerName: 'Caller ID name',
        callerNumber: 'Caller ID number', trunkUri: 'Trunk URI', ratio: 'Pacing ratio (lines per closer)',
        maxLines: 'Max lines', maxDialsPerSecond: 'Max dials per second', windowStart: 'Calling window from',
        windowEnd: 'Calling window to', ringTimeout: 'Ring timeout (s)', maxAttempts: 'Max attempts per lead',
        maxAttemptsPerDay: 'Max attempts per day',
    }[name] || name;
}

export function mountCreate(root) {
    const inputs = {
        name: h('input', {required: true, maxlength: 100, autocomplete: 'off'}),
        leadList: h('select', {required: true}),
        script: h('select', {required: true}),
        callerName: h('input', {placeholder: 'Lone Star Auto'}),
        callerNumber: h('input', {required: true, placeholder: '(214) 555-0199', inputmode: 'tel'}),
        trunkUri: h('input', {required: true, placeholder: 'sip:carrier.example.com'}),
        ratio: h('input', {type: 'number', min: '0.1', max: '10', step: '0.1', value: '1.0'}),
        maxLines: h('input', {type: 'number', min: '1', max: '100000', step: '1', value: '10'}),
        maxDialsPerSecond: h('input', {type: 'number', min: '1', max: '100000', step: '1', placeholder: 'no limit'}),
        windowStart: h('input', {type: 'time', value: '08:00'}),
        windowEnd: h('input', {type: 'time', value: '21:00'}),
        ringTimeout: h('input', {type: 'number', min: '15', max: '300', step: '1', value: '25'}),
        maxAttempts: h('input', {type: 'number', min: '1', max: '100', step: '1', value: '3'}),
        maxAttemptsPerDay: h('input', {type: 'number', min: '1', max: '100', step: '1', value: '1'}),
        advanced: h('textarea', {spellcheck: 'false', placeholder: '{"transfer": {"wrap_up": "30s"}, ' +
            '"voicemail": {"message": "Hi, …"}}'}),
    };
    const paths = {
        name: 'name', leadList: 'leadList', script: 'script', callerName: 'settings.caller_id.name',
        callerNumber: 'settings.caller_id.number', trunkUri: 'settings.trunk.uri', ratio: 'settings.pacing.ratio',
        maxLines: 'settings.pacing.max_lines', maxDialsPerSecond: 'settings.pacing.max_dials_per_second',
        windowStart: 'settings.calling_window.start', windowEnd: 'settings.calling_window.end',
        ringTimeout: 'settings.ring_timeout', maxAttempts: 'settings.retries.max_attempts',
        maxAttemptsPerDay: 'settings.retries.max_attempts_per_day', advanced: 'settings',
    };
    const labels = {};
    for (const [name, input] of Object.entries(inputs)) {
        labels[name] = field(name, paths[name], input, name === 'trunkUri' ? 'The carrier: sip:host[:port]' : null);
    }
    const start = h('input', {type: 'checkbox', checked: true, id: 'campaign-start'});
    const status = h('p', {class: 'status', role: 'status', 'aria-live': 'polite', id: 'campaign-status'});
    const details = h('ul', {class: 'details', id: 'campaign-details'});
    const form = h('form', {id: 'campaign-form', novalidate: true, on: {submit: submit}},
        h('fieldset', null, h('legend', null, 'What to call'),
            h('div', {class: 'grid-form'}, labels.name, labels.leadList, labels.script)),
        h('fieldset', null, h('legend', null, 'Caller ID and trunk'),
            h('div', {class: 'grid-form'}, labels.callerName, labels.callerNumber, labels.trunkUri)),
        h('fieldset', null, h('legend', null, 'Pacing'),
            h('div', {class: 'grid-form'}, labels.ratio, labels.maxLines, labels.maxDialsPerSecond)),
        h('fieldset', null, h('legend', null, 'Calling window, ring timeout and retries'),
            h('div', {class: 'grid-form'}, labels.windowStart, labels.windowEnd, labels.ringTimeout,
                labels.maxAttempts, labels.maxAttemptsPerDay)),
        h('details', null, h('summary', null, 'Advanced settings (JSON)'),
            h('p', {class: 'muted small'}, 'Any campaign-file key as JSON (transfer, voicemail, retries.delays, ' +
                'calling_window.per_state, …); it is merged over the fields above.'), labels.advanced),
        h('div', {class: 'actions'}, h('label', {class: 'inline'}, start, 'Start it now'),
            h('button', {type: 'submit', class: 'primary', id: 'campaign-create'}, 'Create campaign'),
            h('a', {href: '#/campaigns'}, 'Cancel')),
        status, details);
    fill(root, h('div', {class: 'page-head'}, h('h1', null, 'New campaign')), h('section', {class: 'card'}, form));

    loadChoices(inputs.leadList, '/api/lead-lists', 'leadLists', (l) => l.name + ' — ' + num(l.leads) + ' leads');
    loadChoices(inputs.script, '/api/scripts', 'scripts', (s) => s.name + ' — ' + s.scriptName);

    function settings() {
        const value = (name) => inputs[name].value.trim();
        const number = (name) => value(name) === '' ? undefined : Number(value(name));
        const s = {};
        const callerId = {number: value('callerNumber')};
        if (value('callerName')) {
            callerId.name = value('callerName');
        }
        s.caller_id = callerId;
        s.trunk = {uri: value('trunkUri')};
        s.pacing = prune({ratio: number('ratio'), max_lines: number('maxLines'),
            max_dials_per_second: number('maxDialsPerSecond')});
        s.calling_window = prune({start: value('windowStart') || undefined, end: value('windowEnd') || undefined});
        if (value('ringTimeout')) {
            s.ring_timeout = value('ringTimeout') + 's';
        }
        s.retries = prune({max_attempts: number('maxAttempts'), max_attempts_per_day: number('maxAttemptsPerDay')});
        for (const key of Object.keys(s)) {
            if (typeof s[key] === 'object' && Object.keys(s[key]).length === 0) {
                delete s[key];
            }
        }
        if (value('advanced')) {
            let advanced;
            try {
                advanced = JSON.parse(value('advanced'));
            } catch (error) {
                throw new ApiError(422, {error: 'the advanced settings are not JSON', details: [{field: 'settings',
                    message: error.message}]});
            }
            if (advanced === null || typeof advanced !== 'object' || Array.isArray(advanced)) {
                throw new ApiError(422, {error: 'the advanced settings must be a JSON object',
                    details: [{field: 'settings', message: 'write an object: {"key": value}'}]});
            }
            merge(s, advanced);
        }
        return s;
    }

    function clearErrors() {
        fill(details);
        for (const lbl of Object.values(labels)) {
            lbl.querySelector('.field-error').hidden = true;
        }
        for (const input of Object.values(inputs)) {
            input.classList.remove('invalid');
        }
    }

    function showErrors(error) {
        say(status, error.message, 'error');
        const loose = [];
        for (const detail of error.details || []) {
            const name = detail.field ? matchField(detail.field) : null;
            if (name) {
                inputs[name].classList.add('invalid');
                const slot = labels[name].querySelector('.field-error');
                slot.textContent = detail.message;
                slot.hidden = false;
                if (name === 'advanced') {
                    labels.advanced.closest('details').open = true;
                }
            } else {
                const where = detail.field || (detail.line ? (detail.file ? detail.file + ':' : 'line ') +
                    detail.line + (detail.col ? ':' + detail.col : '') : '');
                loose.push(h('li', null, (where ? where + ': ' : '') + detail.message));
            }
        }
        fill(details, loose);
    }

    function matchField(path) {
        const normal = String(path).replace(/\//g, '.').replace(/^\./, '');
        let best = null;
        for (const [name, p] of Object.entries(paths)) {
            if (name === 'advanced') {
                continue;
            }
            if (normal === p || normal === p.replace(/^settings\./, '')) {
                return name;
            }
        }
        if (normal.startsWith('settings')) {
            best = 'advanced';
        }
        return best;
    }

    async function submit(event) {
        event.preventDefault();
        clearErrors();
        const button = document.getElementById('campaign-create');
        button.disabled = true;
        try {
            const body = {name: inputs.name.value.trim(), leadList: inputs.leadList.value, script: inputs.script.value,
                settings: settings()};
            say(status, 'Creating…');
            const campaign = await post('/api/campaigns', body);
            if (start.checked) {
                say(status, 'Starting…');
                const started = await post('/api/campaigns/' + seg(campaign.id) + '/start');
                if (started && started.applied === false) {
                    throw new ApiError(409, {error: 'created, but not started: ' + started.detail});
                }
            }
            location.hash = '#/campaigns/' + encodeURIComponent(campaign.id);
        } catch (error) {
            showErrors(error instanceof ApiError ? error : new ApiError(0, {error: String(error)}));
        } finally {
            button.disabled = false;
        }
    }
    return () => {};
}

async function loadChoices(select, path, field, text) {
    try {
        const answer = await get(path);
        const items = answer[field].slice().reverse();
        fill(select, items.length === 0 ? h('option', {value: ''}, 'none uploaded yet (Files)') :
            items.map((item) => h('option', {value: item.id}, text(item))));
    } catch (error) {
        fill(select, h('option', {value: ''}, error.message));
    }
}

function prune(object) {
    for (const key of Object.keys(object)) {
        if (object[key] === undefined || Number.isNaN(object[key])) {
            delete object[key];
        }
    }
    return object;
}

function merge(target, source) {
    for (const [key, value] of Object.entries(source)) {
        if (value && typeof value === 'object' && !Array.isArray(value) && target[key] &&
            typeof target[key] === 'object' && !Array.isArray(target[key])) {
            merge(target[key], value);
        } else {
            target[key] = value;
        }
    }
    return target;
}
