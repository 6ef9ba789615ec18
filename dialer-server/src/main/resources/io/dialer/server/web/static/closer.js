// The closer console: presence (available, pause with a reason, log out), the screen pop of the caller being
// offered (it arrives over server-sent events before the phone rings), Accept / Reject (the same as keys 1 / 9 on
// the phone: whichever comes first wins), the wrap-up with a note and a disposition, and today's counts.
import {ApiError, get, post, requireSession, seg, signOut} from './api.js';
import {fill, h, say, text} from './dom.js';
import {duration, label, num, since} from './format.js';
import {LiveStream} from './live.js';

const $ = (id) => document.getElementById(id);
const session = await requireSession(['closer']);
const closerId = session.user.closerId;
const base = '/api/closers/' + seg(closerId);
const NAMES = {LOGGED_OUT: 'Logged out', AVAILABLE: 'Available', DIALING: 'Calling your phone',
    RINGING: 'Your phone is ringing', BRIEFING: 'Briefing', ON_CALL: 'On a call', WRAP_UP: 'Wrap-up',
    PAUSED: 'Paused'};

const DONE = {login: 'Logged in', resume: 'Available again', pause: 'Paused', logout: 'Logged out'};
let me = null;
let stateAt = Date.now();
let offer = null;
let lastCaller = '';

$('who').textContent = session.user.name;
$('sign-out').addEventListener('click', () => signOut());

function callerName(o) {
    const f = o.fields || {};
    const first = f.first_name || f.firstName || f.first || '';
    const last = f.last_name || f.lastName || f.last || '';
    const full = (first + ' ' + last).trim() || f.name || f.full_name || '';
    return full || 'Lead ' + o.lead;
}

function showMe(closer) {
    if (!closer) {
        return;
    }
    if (!me || me.state !== closer.state) {
        stateAt = Date.now();
    }
    me = closer;
    text($('closer-state'), NAMES[closer.state] || label(closer.state));
    $('closer-state').className = 'closer-state';
    text($('closer-reason'), closer.reason ? '· ' + closer.reason : '');
    const phone = closer.phoneState;
    const phoneBadge = $('phone-state');
    if (phone === null || phone === undefined || phone === '') {
        phoneBadge.className = 'badge';
        text(phoneBadge, 'phone: ' + (closer.destination && !String(closer.destination).startsWith('ext:') ?
            closer.destination : 'no extension'));
    } else {
        const registered = /^registered$/i.test(phone);
        phoneBadge.className = 'badge ' + (registered ? 'registered' : 'unregistered');
        text(phoneBadge, 'phone ' + label(phone).toLowerCase());
    }
    $('go-available').hidden = !(closer.state === 'LOGGED_OUT' || closer.state === 'PAUSED');
    $('go-pause').hidden = !['AVAILABLE', 'ON_CALL', 'WRAP_UP'].includes(closer.state);
    $('pause-reason').hidden = $('go-pause').hidden;
    $('go-logout').hidden = !['AVAILABLE', 'PAUSED', 'WRAP_UP'].includes(closer.state);
    $('wrap-up').hidden = closer.state !== 'WRAP_UP';
    text($('wrap-up-caller'), lastCaller ? '(' + lastCaller + ')' : '');
    if (closer.state === 'ON_CALL' && offer) {
        onCall();
    }
    if (['AVAILABLE', 'PAUSED', 'LOGGED_OUT', 'WRAP_UP'].includes(closer.state) && offer && offer.accepted) {
        hidePop();
    }
    idle();
    tick();
}

function idle() {
    const waiting = $('pop').hidden;
    $('idle').hidden = !waiting || (me && me.state === 'WRAP_UP');
    const state = me ? me.state : '';
    text($('idle-text'), state === 'AVAILABLE' ? 'Waiting for the next caller…' :
        state === 'PAUSED' ? 'Paused: no caller is offered to you. Press Available to take calls.' :
            state === 'LOGGED_OUT' ? 'Logged out. Press Available to take calls.' :
                NAMES[state] || '');
}

function tick() {
    const serverSince = me ? since(me.sinceMs, Date.now()) : null;
    text($('closer-since'), 'for ' + duration(serverSince !== null ? serverSince : Date.now() - stateAt));
    if (offer && !$('pop').hidden) {
        const age = since(offer.offeredAtMs, Date.now());
        text($('pop-meta'), (offer.campaign ? 'Campaign ' + offer.campaign + ' · ' : '') +
            (offer.accepted ? 'talking for ' + duration(Date.now() - offer.acceptedAt) : 'offered ' +
                duration(age) + ' ago'));
    }
}

function showOffer(o) {
    offer = Object.assign({}, o, {accepted: false});
    lastCaller = callerName(o);
    const pop = $('pop');
    pop.className = 'card pop';
    pop.dataset.callId = String(o.callId);
    text($('pop-heading'), 'Incoming caller — accept or reject');
    text($('pop-caller'), lastCaller);
    text($('pop-phone'), o.phone || '');
    text($('pop-summary'), o.summary || '');
    $('pop-summary').hidden = !o.summary;
    fill($('pop-fields'), Object.entries(o.fields || {}).map(([k, v]) => [h('dt', null, label(k)),
        h('dd', null, v === null ? '' : String(v))]));
    fill($('pop-answers'), (o.answers || []).length === 0 ? h('dd', {class: 'muted'}, 'none') :
        o.answers.map((a) => [h('dt', null, a.question), h('dd', null, a.value === null ? '' : String(a.value))]));
    $('pop-decide').hidden = false;
    $('accept').disabled = false;
    $('reject').disabled = false;
    say($('pop-status'), '');
    pop.hidden = false;
    document.title = '● ' + lastCaller + ' — Dialer';
    if (me && me.state === 'ON_CALL') {
        onCall();
    }
    idle();
    tick();
    refreshToday();
}

function onCall() {
    offer.accepted = true;
    offer.acceptedAt = offer.acceptedAt || Date.now();
    $('pop').className = 'card pop on-call';
    text($('pop-heading'), 'On the call with');
    $('pop-decide').hidden = true;
    document.title = 'Dialer: closer console';
    tick();
}

function hidePop() {
    offer = null;
    $('pop').hidden = true;
    document.title = 'Dialer: closer console';
    idle();
}

function offerEnded(ended) {
    if (!offer || String(ended.callId) !== String(offer.callId)) {
        return;
    }
    if (/^ACCEPTED$/i.test(ended.result) || /COMPLETED|BRIDGED/i.test(ended.result)) {
        onCall();
        return;
    }
    const who = callerName(offer);
    hidePop();
    say($('presence-status'), 'Offer of ' + who + ' ended: ' + label(ended.result).toLowerCase() + '.');
    refreshToday();
}

async function decide(action) {
    $('accept').disabled = true;
    $('reject').disabled = true;
    say($('pop-status'), action === 'accept' ? 'Connecting…' : 'Passing to the next closer…');
    try {
        const result = await post(base + '/' + action);
        if (result && result.applied === false) {
            throw new ApiError(409, {error: result.detail});
        }
        if (action === 'accept') {
            say($('pop-status'), 'Connected.', 'ok');
            onCall();
        } else {
            const who = offer ? callerName(offer) : 'the caller';
            hidePop();
            say($('presence-status'), 'Rejected ' + who + '.', '');
        }
    } catch (error) {
        say($('pop-status'), 'Too late: ' + error.message, 'error');
    }
    refreshToday();
}

async function presence(action, body) {
    try {
        const result = await post(base + '/' + action, body);
        const words = result && result.detail && /\s/.test(result.detail) ? result.detail : null;
        if (result && result.applied === false) {
            say($('presence-status'), words || label(action) + ' refused', 'error');
        } else {
            say($('presence-status'), DONE[action] + (words ? ': ' + words : ''), 'ok');
        }
    } catch (error) {
        say($('presence-status'), error.message, 'error');
    }
    refreshMe();
}

$('accept').addEventListener('click', () => decide('accept'));
$('reject').addEventListener('click', () => decide('reject'));
$('go-available').addEventListener('click', () => presence(me && me.state === 'PAUSED' ? 'resume' : 'login'));
$('go-pause').addEventListener('click', () => presence('pause', {reason: $('pause-reason').value}));
$('go-logout').addEventListener('click', () => presence('logout'));
$('wrap-up-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
        const result = await post(base + '/wrap-up', {note: $('wrap-up-note').value,
            disposition: $('wrap-up-disposition').value});
        if (result && result.applied === false) {
            throw new ApiError(409, {error: result.detail});
        }
        say($('wrap-up-status'), '');
        say($('presence-status'), 'Wrap-up saved.', 'ok');
        $('wrap-up-form').reset();
        lastCaller = '';
    } catch (error) {
        say($('wrap-up-status'), error.message, 'error');
    }
    refreshMe();
    refreshToday();
});

async function refreshMe() {
    try {
        const closers = (await get('/api/closers')).closers || [];
        showMe(closers.find((c) => c.id === closerId) || closers[0]);
    } catch (error) {
        say($('presence-status'), error.message, 'error');
    }
}

async function refreshOffer() {
    try {
        const current = await get(base + '/offer');
        if (current && (!offer || String(offer.callId) !== String(current.callId))) {
            showOffer(current);
        }
    } catch (error) {
        // no offer to catch up with
    }
}

async function refreshToday() {
    try {
        const today = await get(base + '/today');
        const parts = [['Offered', today.offered], ['Accepted', today.accepted], ['Rejected', today.rejected],
            ['Missed', today.missed]];
        for (const [name, n] of Object.entries(today.dispositions || {})) {
            parts.push([label(name), n]);
        }
        fill($('today'), parts.map(([name, n]) => h('span', {dataset: {count: name.toLowerCase()}}, name + ' ',
            h('b', null, num(n || 0)))));
    } catch (error) {
        fill($('today'), h('span', {class: 'status error'}, error.message));
    }
}

function liveStatus(value) {
    $('live-status').className = 'live-dot ' + value;
    text($('live-status'), value);
}

new LiveStream(base + '/events', {
    offer: showOffer,
    'offer-ended': offerEnded,
    state: (closer) => showMe(closer),
}, liveStatus, () => {
    refreshMe();
    refreshOffer();
}).start();

refreshMe();
refreshToday();
setInterval(tick, 1000);
setInterval(refreshToday, 30000);
