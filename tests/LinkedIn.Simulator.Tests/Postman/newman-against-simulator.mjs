#!/usr/bin/env node
// Prepares a run of LinkedIn's own RSC Postman collection with newman against a running simulator (issue 14).
// The collection itself is not in this repository (its licence forbids public copies): download it yourself from
// github.com/linkedin-developers/recruiter-system-connect-development-tools (postman-collection/).
//
//   node tests/LinkedIn.Simulator.Tests/Postman/newman-against-simulator.mjs "<path>/Recruiter System Connect.postman_collection.json" [http://localhost:5090] [out-dir]
//   npx newman run <out-dir>/collection.json -e <out-dir>/environment.json
//
// It writes to out-dir (default ./rsc-newman, keep it out of git):
//  - collection.json: the collection with LinkedIn's hosts replaced by the simulator's address and the placeholders a developer fills in by
//    hand turned into variables (each end of a time range, the two push request ids, the callback URL, the 3-legged token of "GET Person ID"),
//    plus one newman test per request: 2xx with no per-key or per-element error (the justified refusal of docs/linkedin/simulator.md excepted);
//  - environment.json: the values a developer gets by hand, obtained from the simulator for real (Node 18+, no packages): a customer
//    application provisioned beforehand (newman's own "Provision Child Application" creates a second one), its token, a member's 3-legged
//    sign-in and person id, the integrations turned on (INTEGRATION_STATUS_CHANGE), a 1-Click Export (EXPORT_CANDIDATE_PROFILE), a seat id.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';

const [collectionPath, sim = 'http://localhost:5090', out = 'rsc-newman'] = process.argv.slice(2);
if (!collectionPath) {
  console.error('usage: newman-against-simulator.mjs <collection.json> [simulator base URL] [out dir]');
  process.exit(2);
}
const partner = { id: process.env.SIM_PARTNER_CLIENT_ID ?? 'attract-dev-partner', secret: process.env.SIM_PARTNER_CLIENT_SECRET ?? 'attract-dev-partner-secret' };
const postmanCallback = 'https://app.getpostman.com/oauth2/callback';
const refusals = { 'Sync Job Applications - Delete': 'per-key 404: deleting the candidate (request "Sync Candidates - Delete") already deleted its application' };

async function call(method, path, { token, form, json, headers = {}, cookie } = {}) {
  const h = { ...headers };
  if (token) h.Authorization = `Bearer ${token}`;
  if (cookie) h.Cookie = cookie;
  let body;
  if (form) { h['Content-Type'] = 'application/x-www-form-urlencoded'; body = new URLSearchParams(form).toString(); }
  if (json) { h['Content-Type'] = 'application/json'; body = JSON.stringify(json); }
  const r = await fetch(sim + path, { method, headers: h, body, redirect: 'manual' });
  const text = await r.text();
  if (r.status >= 400) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return { status: r.status, headers: r.headers, json: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : null };
}

const b64url = (buf) => buf.toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

async function memberToken(app, email) {
  const login = await call('POST', '/login', { form: { email, password: 'Passw0rd!', returnUrl: '/recruiter/search' } });
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const verifier = b64url(randomBytes(32));
  const challenge = b64url(createHash('sha256').update(verifier).digest());
  const allowed = await call('POST', '/oauth/v2/authorization', { cookie, form: {
    response_type: 'code', client_id: app.clientId, redirect_uri: postmanCallback, state: 'newman', scope: 'r_liteprofile',
    code_challenge: challenge, code_challenge_method: 'S256', action: 'allow' } });
  const code = new URL(allowed.headers.get('location')).searchParams.get('code');
  const token = await call('POST', '/oauth/v2/accessToken', { form: {
    grant_type: 'authorization_code', code, redirect_uri: postmanCallback, client_id: app.clientId, client_secret: app.clientSecret, code_verifier: verifier } });
  return token.json.access_token;
}

async function prepare() {
  const partnerToken = (await call('POST', '/oauth/v2/accessToken', { form: { grant_type: 'client_credentials', client_id: partner.id, client_secret: partner.secret } })).json.access_token;
  const app = (await call('POST', '/v2/provisionedApplications', { token: partnerToken, json: {
    uniqueForeignId: `newman-${Date.now()}`, name: 'Contoso', oauth2AuthorizedCallbackUrls: [postmanCallback] } })).json.credentials;
  const customerToken = (await call('POST', '/oauth/v2/accessToken', { form: { grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret } })).json.access_token;
  const member = await memberToken(app, 'recruiter@linkedin.test');
  const personId = (await call('GET', '/v2/me', { token: member })).json.id;
  // The customer's Recruiter admin turns the integrations on: one INTEGRATION_STATUS_CHANGE push.
  await call('POST', '/_sim/integrations', { json: { clientId: app.clientId, push: true } });
  await call('POST', '/_sim/integrations', { json: { clientId: app.clientId, integrationContext: 'urn:li:contract:7001' } });
  const pushes = (await call('GET', `/_sim/pushes?clientId=${app.clientId}`)).json;
  const statusChange = pushes.find((p) => p.type === 'INTEGRATION_STATUS_CHANGE').id;
  // A recruiter exports a member to a synced job: one EXPORT_CANDIDATE_PROFILE push.
  const v2 = { 'X-RestLi-Protocol-Version': '2.0.0' };
  const job = 'NEWMAN-PUBLIC-1';
  await call('POST', '/v2/simpleJobPostings', { token: customerToken, headers: { ...v2, 'X-RestLi-Method': 'batch_create' }, json: { elements: [{
    integrationContext: 'urn:li:organization:1001', externalJobPostingId: job, title: 'Backend Engineer', description: 'Build things',
    location: 'Seattle, WA', availability: 'PUBLIC', state: 'LISTED', listedAt: Date.now() }] } });
  const memberId = (await call('GET', '/_sim/members?count=1')).json[0].id;
  const exportRequest = (await call('POST', '/_sim/exports', { json: { clientId: app.clientId, memberId, externalJobPostingId: job, seat: 'urn:li:seat:9002' } })).json.requestId;
  const seats = (await call('GET', '/v2/seats?q=seatsByAttributes&contracts=urn:li:contract:7001&start=0', { token: customerToken, headers: v2 })).json.elements;
  const seat = seats.find((s) => s.id === 'urn:li:seat:9004').id.split(':').pop();
  const now = Date.now();
  return {
    partner_app_client_id: partner.id, partner_app_client_secret: partner.secret, org_id: '1001', contract_id: '7001',
    customer_name: 'Contoso', unique_foreign_id: `newman-second-${now}`, customer_app_client_id: app.clientId, customer_app_client_secret: app.clientSecret,
    customer_access_token: customerToken, member_access_token: member, person_id: personId,
    integration_status_change_request_id: statusChange, export_request_id: exportRequest,
    Enter_ID_Value_Present_In_Response_of_Retrieve_Recruiter_Seatholders_API: seat,
    range_start: String(now - 11 * 3600_000), range_end: String(now + 10 * 60_000), callback_url: 'http://127.0.0.1:9/rsc-callback',
  };
}

const starts = ['timeRange.start', 'createdDateStart', 'cutoffDate'];
const ends = ['timeRange.end', 'createdDateEnd', 'beforeDate'];

function adaptUrl(raw) {
  let url = raw.replace(/^https:\/\/(api|www)\.linkedin\.com/, sim);
  for (const p of starts) url = url.replace(`${p}={{Epoch in milliseconds}}`, `${p}={{range_start}}`);
  for (const p of ends) url = url.replace(`${p}={{Epoch in milliseconds}}`, `${p}={{range_end}}`);
  if (url.includes('/exportedCandidates?')) url = url.replace('{{Enter_Request_ID_obtained_from_POST_in_CallbackURL}}', '{{export_request_id}}');
  return url.replace('{{Enter_Request_ID_obtained_from_POST_in_CallbackURL}}', '{{integration_status_change_request_id}}');
}

function check(name) {
  const expected = refusals[name];
  const problem = `const s = pm.response.code, j = (() => { try { return pm.response.json(); } catch { return {}; } })();
    const errs = j && j.errors ? Object.keys(j.errors) : [], bad = j && Array.isArray(j.elements) ? j.elements.filter((e) => typeof e.status === 'number' && e.status >= 400) : [];`;
  return expected
    ? [`pm.test(${JSON.stringify('justified refusal: ' + expected)}, () => { ${problem} pm.expect(s).to.equal(200); pm.expect(errs.length).to.equal(1); pm.expect(j.errors[errs[0]].status).to.equal(404); });`]
    : [`pm.test('2xx, no per-key or per-element error', () => { ${problem} pm.expect(s).to.be.within(200, 299); pm.expect(errs, JSON.stringify(j.errors)).to.be.empty; pm.expect(bad).to.be.empty; });`];
}

function adapt(items) {
  for (const it of items) {
    if (it.item) { adapt(it.item); continue; }
    const r = it.request;
    r.url = adaptUrl(typeof r.url === 'string' ? r.url : r.url.raw);
    if (r.body?.raw) r.body.raw = r.body.raw.replace('<https://YourCallbackURL>', '{{callback_url}}');
    if (r.auth?.type === 'oauth2') r.auth = { type: 'bearer', bearer: [{ key: 'token', value: '{{member_access_token}}', type: 'string' }] };
    it.event = [...(it.event ?? []), { listen: 'test', script: { type: 'text/javascript', exec: check(it.name) } }];
  }
}

const collection = JSON.parse(readFileSync(collectionPath, 'utf8'));
adapt(collection.item);
const values = await prepare();
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'collection.json'), JSON.stringify(collection, null, 1));
writeFileSync(join(out, 'environment.json'), JSON.stringify({ name: 'RSC simulator', values: Object.entries(values).map(([key, value]) => ({ key, value, enabled: true })) }, null, 1));
console.log(`Wrote ${out}/collection.json and ${out}/environment.json. Run:\n  npx newman run ${out}/collection.json -e ${out}/environment.json`);
