/**
 * `npm run bench`: a roster of 50,000 members (teams, sites, levels as the demo organisation
 * has them) imported through the staged import's routes into the real app on DynamoDB Local
 * over a directory of 1,000 (an open iteration, so completing forgets leavers' segments):
 * total time, the slowest request (the function's timeout is 10 s), the largest body (Lambda
 * takes 6 MB), and the members stored.
 */
// First: the local defaults (no EMF metric lines, quiet logs) before the app's modules load.
import '../../scripts/start/local-env.js';
import { demoMembers } from '@boucle/functions/local/demo-organisation';
import { startDynamoLocal } from '@boucle/functions/local/dynamodb-local';
import { rolesOf, type TMember } from '@boucle/shared';
import { stagedImport } from '../integration/staged-import.js';
import { benchApp } from './bench-app.js';
import { writeFigures } from './figures.js';

const MEMBERS = Number(process.env.BENCH_ROSTER ?? 50_000);
const LAMBDA_TIMEOUT_MS = 10_000;
const LAMBDA_PAYLOAD_BYTES = 6 * 1024 * 1024;

const dynamo = await startDynamoLocal({ mode: 'memory' });
try {
  const roster = demoMembers(MEMBERS);
  // Today's directory: 1,000 members, 100 of whom have left (the new roster drops them).
  const leavers = roster
    .slice(0, 100)
    .map((member) => ({ ...member, email: `left.${member.email}` }));
  const before = [...roster.slice(0, 900), ...leavers];
  const { app, issuer, client, deps } = await benchApp(dynamo.endpoint, before);
  const steering = roster.find((member) => member.role === 'steering') as TMember;
  const token = await issuer.sign({
    email: steering.email,
    name: steering.name,
    roles: rolesOf(steering),
  });
  const send = (method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const began = performance.now();
  const { job, sent } = await stagedImport(send, roster);
  const wall = (performance.now() - began) / 1000;
  const stored = (await deps.directory.members()).length;
  const headcount = (await deps.directory.headcount()).total;
  const memberOf = await deps.directory.memberByEmail(roster[MEMBERS - 1]?.email ?? '');
  if (!memberOf) throw new Error('a member imported is not found by email');
  const slowest = sent.reduce((a, b) => (b.ms > a.ms ? b : a));
  const largest = Math.max(...sent.map((request) => request.bytes));
  // Again over those 50,000, 5,000 of them replaced by newcomers: every chunk checks which
  // members today's directory holds, and completing forgets the leavers' frozen segments.
  const newcomers = roster
    .slice(0, MEMBERS / 10)
    .map((member) => ({ ...member, email: `new.${member.email}` }));
  const again = [...roster.slice(MEMBERS / 10), ...newcomers];
  const reBegan = performance.now();
  const second = await stagedImport(send, again);
  const reWall = (performance.now() - reBegan) / 1000;
  const reSlowest = Math.max(...second.sent.map((request) => request.ms));
  const reCompletes = second.sent.filter((request) => request.path.includes('/complete'));
  const reHeadcount = (await deps.directory.headcount()).total;
  console.log(
    `again over ${MEMBERS}: total ${reWall.toFixed(1)} s, slowest ${reSlowest.toFixed(0)} ms, ` +
      `${reCompletes.length} complete calls (${reCompletes.map((r) => r.ms.toFixed(0)).join(', ')} ms), headcount ${reHeadcount}`,
  );
  const completes = sent.filter((request) => request.path.includes('/complete'));
  const chunkMs = sent.filter((r) => r.path.includes('/chunks/')).map((r) => r.ms);
  const slowestChunk = Math.max(...chunkMs);
  const completeMs = completes.map((request) => request.ms.toFixed(0)).join(' + ');

  console.log(`\nDynamoDB Local, ${MEMBERS} members imported in ${job.chunks} chunks\n`);
  console.log(`total ${wall.toFixed(1)} s, ${sent.length} requests`);
  console.log(`slowest request ${slowest.ms.toFixed(0)} ms (${slowest.path})`);
  console.log(`slowest chunk ${slowestChunk.toFixed(0)} ms; complete ${completeMs} ms`);
  console.log(`largest body ${(largest / 1024).toFixed(0)} KiB`);
  console.log(`stored ${stored}, headcount ${headcount}, state ${job.state}`);
  writeFigures('roster-import', [
    {
      figure: `Staged roster import of ${MEMBERS} members (${job.chunks} chunks): total s`,
      value: wall.toFixed(1),
      target: '',
    },
    {
      figure: 'Roster import: slowest request ms (chunk · complete calls)',
      value: `${slowest.ms.toFixed(0)} (${slowestChunk.toFixed(0)} · ${completeMs})`,
      target: `well under ${LAMBDA_TIMEOUT_MS}`,
    },
    {
      figure: 'Roster import: largest request body KiB',
      value: (largest / 1024).toFixed(0),
      target: `≤ ${LAMBDA_PAYLOAD_BYTES / 1024}`,
    },
    {
      figure: `Roster import again over ${MEMBERS}, a tenth replaced: total s · slowest request ms · complete calls`,
      value: `${reWall.toFixed(1)} · ${reSlowest.toFixed(0)} · ${reCompletes.length}`,
      target: `slowest well under ${LAMBDA_TIMEOUT_MS}`,
    },
    {
      figure: 'Roster import: members stored · headcount',
      value: `${stored} · ${headcount}`,
      target: String(MEMBERS),
    },
  ]);
  if (stored !== MEMBERS || headcount !== MEMBERS || job.state !== 'completed')
    throw new Error('the roster was not imported whole');
  if (reHeadcount !== MEMBERS || second.job.state !== 'completed')
    throw new Error('the second roster was not imported whole');
  if (Math.max(slowest.ms, reSlowest) >= LAMBDA_TIMEOUT_MS / 2 || largest > LAMBDA_PAYLOAD_BYTES)
    throw new Error('a request is too slow or too large for Lambda');
  client.destroy();
} finally {
  await dynamo.stop();
}
