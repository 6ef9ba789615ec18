// A campaign's live dashboard: dial rate, lines, answer / human / machine rates, qualified, transfers and their
// outcomes, callers on hold, closers by state, latencies, the chart of the last 15 minutes, and the controls.
// Kept current by GET /api/live (server-sent events, about every second); when the stream is down it polls.
import {ApiError, get, post, seg} from '../api.js';
import {fill, h, say, table, text} from '../dom.js';
import {duration, label, latency, num, pct, since} from '../format.js';
import {HistoryChart} from '../chart.js';
import {LiveStream} from '../live.js';

const POINT_EVERY_MS = 2000;
const STALE_MS = 4000;
const POLL_MS = 2000;
const STATES = ['created', 'starting', 'running', 'paused', 'suspended', 'draining', 'stopping', 'finished', 'stopped',
    'failed'];
const CONTROLS = {
    created: ['start'],
    running: ['pause', 'drain', 'stop'],
    paused: ['resume', 'drain', 'stop'],
    suspended: ['resume', 'stop'],
    draining: ['stop'],
    stopped: ['start'],
    failed: ['start'],
};

export function mount(root, id) {
    const base = '/api/campaigns/' + seg(id);
    const title = h('h1', {id: 'campaign-name'}, 'Campaign');
    const badge = h('span', {class: 'badge', id: 'campaign-state'}, '…');
    const dot = h('span', {class: 'live-dot', id: 'live-status'}, 'connecting');
    const controls = h('div', {class: 'actions', id: 'campaign-controls'});
    const status = h('p', {class: 'status', role: 'status', 'aria-live': 'polite', id: 'control-status'});
    const problem = h('div', {class: 'problem', id: 'campaign-problem', hidden: true});
    const tiles = {};
    const tileBox = h('div', {class: 'tiles', id: 'tiles'}, [
        ['dialRate', 'Dial rate (per min)'], ['lines', 'Lines in flight'], ['answerRate', 'Answer rate'],
        ['humanRate', 'Human'], ['machineRate', 'Machine'], ['qualified', 'Qualified'], ['bridged', 'Bridged'],
        ['waiting', 'On hold now'], ['leads', 'Leads done'], ['trunk', 'Trunk failures'], ['abandon', 'Abandoned'],
    ].map(([key, name]) => {
        const value = h('div', {class: 'value'}, '–');
        const sub = h('div', {class: 'sub'}, '');
        tiles[key] = {value, sub, tile: h('div', {class: 'tile', dataset: {tile: key}}, h('div', {class: 'name'}, name),
            value, sub)};
        return tiles[key].tile;
    }));
    const chartBox = h('div', {class: 'chart-box', id: 'history-chart'});
    const onHold = h('div', {id: 'on-hold'});
    const closerBox = h('div', {id: 'closers'});
    const closerCounts = h('div', {class: 'counts', id: 'closer-counts'});
    const outcomes = h('div', {id: 'outcomes'});
    const latencies = h('div', {id: 'latencies'});
    const lookup = numberLookup(base);

    fill(root,
        h('div', {class: 'page-head'}, h('div', {class: 'actions'}, title, badge, dot),
            h('div', {class: 'actions'}, controls, h('a', {href: base + '/report', target: '_blank'}, 'Report'))),
        status, problem, tileBox,
        h('section', {class: 'card'}, h('h2', null, 'Last 15 minutes'), chartBox),
        h('div', {class: 'columns'},
            h('section', {class: 'card'}, h('h2', null, 'Callers on hold'), onHold),
            h('section', {class: 'card'}, h('h2', null, 'Closers'), closerCounts, closerBox)),
        h('div', {class: 'columns'},
            h('section', {class: 'card'}, h('h2', null, 'Outcomes'), outcomes),
            h('section', {class: 'card'}, h('h2', null, 'Latencies'), latencies)),
        lookup);

    const chart = new HistoryChart(chartBox);
    let campaign = null;
    let lastLiveAt = 0;
    let stopped = false;

    function showCampaign(c) {
        campaign = c;
        text(title, c.name);
        document.title = 'Dialer: ' + c.name;
        showState(c.state);
        if (c.live) {
            showLive(c.live, Date.now());
        } else if (c.reason) {
            problem.hidden = false;
            text(problem, label(c.state) + ': ' + c.reason);
        }
    }

    function showState(state) {
        badge.className = 'badge ' + state;
        text(badge, label(state));
        const wanted = CONTROLS[state] || [];
        if (controls.querySelector('.stop-confirm') && wanted.includes('stop')) {
            return;
        }
        const current = Array.from(controls.querySelectorAll('button[data-action]')).map((b) => b.dataset.action);
        if (current.join() !== wanted.join()) {
            fill(controls, wanted.map(button));
        }
    }

    function button(action) {
        const names = {start: campaign && campaign.state !== 'created' ? 'Start again' : 'Start', pause: 'Pause',
            resume: 'Resume', drain: 'Drain', stop: 'Stop'};
        return h('button', {type: 'button', id: 'campaign-' + action, dataset: {action},
            class: action === 'stop' ? 'danger' : action === 'start' || action === 'resume' ? 'primary' : '',
            on: {click: () => action === 'stop' ? confirmStop() : control(action)}}, names[action]);
    }

    function confirmStop() {
        const reason = h('input', {id: 'stop-reason', placeholder: 'reason (optional)', maxlength: 200});
        fill(controls, h('div', {class: 'stop-confirm'}, reason,
            h('button', {type: 'button', class: 'danger solid', id: 'campaign-stop-confirm',
                on: {click: () => control('stop', reason.value.trim() ? {reason: reason.value.trim()} : undefined)}},
            'Stop the campaign'),
            h('button', {type: 'button', on: {click: () => fill(controls, (CONTROLS[campaign.state] || [])
                .map(button))}}, 'Cancel')));
        reason.focus();
    }

    async function control(action, body) {
        say(status, label(action) + '…');
        try {
            const result = await post(base + '/' + action, body);
            if (result && result.state) {
                say(status, label(action) + ': ' + label(result.state).toLowerCase(), 'ok');
            } else {
                say(status, result.applied ? label(action) + ': ' + (result.detail || 'done') : result.detail,
                    result.applied ? 'ok' : 'error');
            }
        } catch (error) {
            say(status, label(action) + ' refused: ' + error.message, 'error');
        }
        fill(controls);
        reload();
    }

    async function reload() {
        try {
            showCampaign(await get(base));
        } catch (error) {
            say(status, error.message, 'error');
        }
    }

    function showLive(live, nowMs) {
        const verdicts = live.verdicts || {};
        const answered = live.answered !== undefined ? live.answered : sum(verdicts);
        const human = (verdicts.HUMAN || 0) + (verdicts.NOTSURE || 0);
        const machine = verdicts.MACHINE || 0;
        set('dialRate', num(dialRate(live, nowMs)), num(live.dialed) + ' dialed');
        set('lines', num(live.live), phases(live.callsByPhase));
        set('answerRate', pct(answered, live.dialed), num(answered) + ' answered');
        set('humanRate', pct(human, answered), num(human) + ' people');
        set('machineRate', pct(machine, answered), num(machine) + ' machines');
        set('qualified', num(live.qualified), pct(live.qualified, human) + ' of people');
        set('bridged', num(live.bridged), pct(live.bridged, live.qualified) + ' of qualified');
        const holds = live.onHold || [];
        const longest = holds.reduce((m, c) => Math.max(m, since(c.sinceMs, nowMs) || 0), 0);
        set('waiting', num(live.callersWaiting !== undefined ? live.callersWaiting : holds.length),
            holds.length > 0 ? 'longest ' + duration(longest) : '');
        set('leads', num(live.leadsDone) + ' / ' + num(live.leads), num(live.ready) + ' ready · ' +
            num(live.waiting) + ' waiting' + (live.heldByWindow ? ' · ' + num(live.heldByWindow) + ' outside window' :
            ''));
        set('trunk', num(live.trunkFailures), live.trunkProblem ? 'problem' : 'ok');
        tiles.trunk.tile.classList.toggle('alert', Boolean(live.trunkProblem));
        const ab = live.abandonment || {};
        set('abandon', ab.humanAnswered > 0 ? (100 * ab.rate).toFixed(1) + '%' : '–',
            num(ab.abandoned || 0) + ' of ' + num(ab.humanAnswered || 0) + ' people · budget ' + num(ab.budget || 0) +
            (ab.holdAbandons ? ' · ' + num(ab.holdAbandons) + ' dropped on hold' : ''));
        tiles.abandon.tile.classList.toggle('alert', ab.abandoned > 0 && ab.budget === 0);
        tiles.waiting.tile.classList.toggle('alert', longest > 60000);

        const problems = [live.trunkProblem ? 'Trunk: ' + live.trunkProblem : null,
            live.reason && live.status !== 'running' ? label(live.status) + ': ' + live.reason : null]
            .filter((p) => p);
        problem.hidden = problems.length === 0;
        text(problem, problems.join(' — '));

        fill(onHold, holds.length === 0 ? h('p', {class: 'empty'}, 'Nobody on hold.') :
            table(['Lead', 'Call', 'On hold for'], holds.slice().sort((a, b) => (since(b.sinceMs, nowMs) || 0) -
                (since(a.sinceMs, nowMs) || 0)).map((c) => [String(c.lead), String(c.callId),
                h('span', {class: 'num'}, duration(since(c.sinceMs, nowMs)))]), {class: 'on-hold keep'}));
        fill(outcomes, h('div', {class: 'stack'},
            counts('Transfers', live.transfers), counts('Closer answers', live.closerAttempts),
            counts('Verdicts', verdicts), counts('Dispositions', live.dispositions)));
        const steps = Object.entries(live.latencies || {});
        fill(latencies, steps.length === 0 ? h('p', {class: 'empty'}, 'No call steps measured yet.') :
            table(['Step', 'Count', 'p50', 'p90', 'p99'], steps.map(([step, l]) => [label(step), num(l.count),
                latency(l.p50Ms), latency(l.p90Ms), latency(l.p99Ms)]), {class: 'latencies keep'}));
        if (live.status && campaign) {
            const state = String(live.status).toLowerCase();
            if (state !== campaign.state && STATES.includes(state)) {
                campaign.state = state;
                showState(state);
            }
        }
        chart.addPoint({t: nowMs, dialed: live.dialed, live: live.live, answered, human, machine,
            qualified: live.qualified, bridged: live.bridged,
            waiting: live.callersWaiting !== undefined ? live.callersWaiting : holds.length}, POINT_EVERY_MS);
    }

    function dialRate(live, nowMs) {
        const points = chart.points;
        const minuteAgo = nowMs - 60000;
        let base = null;
        for (const p of points) {
            if (p.t >= minuteAgo) {
                base = base || p;
            }
        }
        if (!base || nowMs - base.t < 1000) {
            return null;
        }
        return Math.max(0, (live.dialed - base.dialed)) * 60000 / (nowMs - base.t);
    }

    function set(key, value, sub) {
        text(tiles[key].value, value);
        text(tiles[key].sub, sub || '');
    }

    function showClosers(closers, nowMs) {
        const byState = {};
        for (const c of closers) {
            byState[c.state] = (byState[c.state] || 0) + 1;
        }
        fill(closerCounts, Object.entries(byState).map(([state, n]) => h('span', null,
            h('span', {class: 'badge ' + state}, label(state)), ' ', h('b', null, String(n)))));
        fill(closerBox, closers.length === 0 ? h('p', {class: 'empty'}, 'No closers: add them under Closers.') :
            table(['Closer', 'State', 'For', 'Phone'], closers.map((c) => [c.name || c.id,
                h('span', null, h('span', {class: 'badge ' + c.state}, label(c.state)),
                    c.reason ? h('span', {class: 'muted small'}, ' ' + c.reason) : null),
                h('span', {class: 'num'}, duration(since(c.sinceMs, nowMs))),
                phoneBadge(c.phoneState)]), {class: 'closers'}));
    }

    function liveStatus(value) {
        dot.className = 'live-dot ' + value;
        text(dot, value === 'live' ? 'live' : value);
    }

    const stream = new LiveStream('/api/live', {
        state: (data) => {
            lastLiveAt = Date.now();
            const mine = (data.campaigns || []).find((c) => String(c.id) === String(id));
            if (mine) {
                showLive(mine, data.timeMs || Date.now());
            }
            showClosers(data.closers || [], data.timeMs || Date.now());
        },
    }, liveStatus).start();

    async function poll() {
        if (stopped || Date.now() - lastLiveAt < STALE_MS || !campaign) {
            return;
        }
        try {
            const state = await get('/api/live/state');
            const mine = (state.campaigns || []).find((c) => String(c.id) === String(id));
            if (mine) {
                showLive(mine, state.timeMs || Date.now());
            }
            showClosers(state.closers || [], state.timeMs || Date.now());
        } catch (error) {
            if (!(error instanceof ApiError) || error.status !== 404) {
                liveStatus('reconnecting');
            }
        }
    }
    const poller = setInterval(poll, POLL_MS);

    (async () => {
        await reload();
        try {
            const history = await get(base + '/history');
            chart.setPoints(history.points || []);
        } catch (error) {
            chart.setPoints([]);
        }
        try {
            showClosers((await get('/api/closers')).closers || [], Date.now());
        } catch (error) {
            fill(closerBox, h('p', {class: 'status error'}, error.message));
        }
    })();

    return () => {
        stopped = true;
        stream.close();
        clearInterval(poller);
        chart.destroy();
    };
}

/** A closer's phone: registered, not registered, or – when the closer has no extension. */
export function phoneBadge(phoneState) {
    if (!phoneState) {
        return '–';
    }
    return h('span', {class: 'badge ' + (phoneState === 'registered' ? 'registered' : 'unregistered')},
        label(phoneState));
}

function sum(map) {
    return Object.values(map || {}).reduce((a, b) => a + (b || 0), 0);
}

function phases(byPhase) {
    const entries = Object.entries(byPhase || {}).filter(([, n]) => n > 0);
    return entries.map(([phase, n]) => n + ' ' + label(phase).toLowerCase()).join(' · ');
}

function counts(name, map) {
    const entries = Object.entries(map || {});
    return h('div', null, h('h3', null, name), entries.length === 0 ? h('p', {class: 'empty'}, 'none yet') :
        h('div', {class: 'counts', dataset: {counts: name}}, entries.map(([key, n]) => h('span', null,
            label(key) + ' ', h('b', null, num(n))))));
}

function numberLookup(base) {
    const input = h('input', {id: 'number-lookup', placeholder: '+12145550101', inputmode: 'tel'});
    const out = h('div', {id: 'number-result'});
    const form = h('form', {class: 'row', on: {submit: async (event) => {
        event.preventDefault();
        if (!input.value.trim()) {
            return;
        }
        try {
            const answer = await get(base + '/numbers/' + seg(input.value.trim()));
            fill(out, h('pre', {class: 'mono small'}, JSON.stringify(answer, null, 2)));
        } catch (error) {
            fill(out, h('p', {class: 'status error'}, error.message));
        }
    }}}, h('label', null, 'Number', input), h('button', {type: 'submit'}, 'Look up'));
    return h('section', {class: 'card'}, h('h2', null, 'Why was a number dialed?'), form, out);
}
