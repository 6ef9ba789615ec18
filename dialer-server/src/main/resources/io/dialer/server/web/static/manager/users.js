// Users (admins only): who may sign in, with which role; a closer user is tied to the closer it is.
import {ApiError, del, get, patch, post, seg} from '../api.js';
import {fill, h, say, table} from '../dom.js';
import {stamp} from '../format.js';

export function mount(root, session) {
    const status = h('p', {class: 'status', role: 'status', 'aria-live': 'polite', id: 'users-status'});
    const details = h('ul', {class: 'details'});
    const list = h('div', {id: 'user-list'});
    const inputs = {
        name: h('input', {id: 'user-name', required: true, maxlength: 64, autocomplete: 'off'}),
        role: h('select', {id: 'user-role'}, ['manager', 'closer', 'admin'].map((r) => h('option', {value: r}, r))),
        closerId: h('input', {id: 'user-closer-id', maxlength: 64, autocomplete: 'off'}),
        password: h('input', {id: 'user-password', type: 'password', required: true, minlength: 12,
            autocomplete: 'new-password'}),
    };
    const closerLabel = h('label', {hidden: true}, 'Closer id', inputs.closerId);
    inputs.role.addEventListener('change', () => {
        closerLabel.hidden = inputs.role.value !== 'closer';
    });
    const form = h('form', {id: 'user-form', on: {submit: create}},
        h('div', {class: 'grid-form'}, h('label', null, 'Name', inputs.name), h('label', null, 'Role', inputs.role),
            closerLabel, h('label', null, 'Password (12+ characters)', inputs.password)),
        h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary', id: 'user-create'}, 'Add user')));

    fill(root, h('div', {class: 'page-head'}, h('h1', null, 'Users')), status, details,
        h('section', {class: 'card'}, list), h('section', {class: 'card'}, h('h2', null, 'Add a user'), form));

    function fail(error) {
        say(status, error.message, 'error');
        fill(details, (error instanceof ApiError ? error.details : []).map((d) =>
            h('li', null, (d.field ? d.field + ': ' : '') + d.message)));
    }

    async function create(event) {
        event.preventDefault();
        fill(details);
        const body = {name: inputs.name.value.trim(), role: inputs.role.value, password: inputs.password.value};
        if (body.role === 'closer') {
            body.closerId = inputs.closerId.value.trim();
        }
        try {
            await post('/api/users', body);
            say(status, body.name + ' added.', 'ok');
            form.reset();
            closerLabel.hidden = true;
            refresh();
        } catch (error) {
            fail(error);
        }
    }

    async function change(user, body, done) {
        try {
            await patch('/api/users/' + seg(user.id), body);
            say(status, user.name + ': ' + done, 'ok');
            refresh();
        } catch (error) {
            fail(error);
        }
    }

    function resetPassword(user, cell) {
        const input = h('input', {type: 'password', minlength: 12, placeholder: 'new password',
            autocomplete: 'new-password'});
        fill(cell, h('form', {class: 'row', on: {submit: (event) => {
            event.preventDefault();
            change(user, {password: input.value}, 'password reset; their sessions ended');
        }}}, input, h('button', {type: 'submit'}, 'Set'), h('button', {type: 'button', on: {click: refresh}},
            'Cancel')));
        input.focus();
    }

    async function remove(user) {
        try {
            await del('/api/users/' + seg(user.id));
            say(status, user.name + ' deleted.', 'ok');
            refresh();
        } catch (error) {
            fail(error);
        }
    }

    async function refresh() {
        try {
            const users = (await get('/api/users')).users;
            fill(list, table(['Name', 'Role', 'Closer', 'Enabled', 'Changed', ''], users.map((u) => {
                const actions = h('div', {class: 'actions'});
                const role = h('select', {'aria-label': 'Role of ' + u.name, on: {change: () =>
                    change(u, {role: role.value}, 'now ' + role.value)}},
                ['admin', 'manager', 'closer'].map((r) => h('option', {value: r, selected: r === u.role}, r)));
                fill(actions,
                    h('button', {type: 'button', class: 'link', on: {click: () => change(u, {enabled: !u.enabled},
                        u.enabled ? 'disabled' : 'enabled')}}, u.enabled ? 'Disable' : 'Enable'),
                    h('button', {type: 'button', class: 'link', on: {click: () => resetPassword(u, actions)}},
                        'Reset password'),
                    u.id === session.user.id ? null : h('button', {type: 'button', class: 'link',
                        on: {click: () => remove(u)}}, 'Delete'));
                return [h('b', null, u.name), role, u.closerId || '–', u.enabled ? 'yes' : 'no', stamp(u.updatedAt),
                    actions];
            }), {class: 'users'}));
        } catch (error) {
            fill(list, h('p', {class: 'status error'}, error.message));
        }
    }

    refresh();
    return () => {};
}
