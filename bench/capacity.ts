/**
 * Replicas per service for a given load, computed from the newest `pnpm bench` results
 * (bench/results/<date>.json). Run: `pnpm bench:capacity --tenants 2000 --chats 40 --calls 150 --voice 60`
 * (chats per second at peak, concurrent phone calls, concurrent browser voice sessions).
 * The model and its assumptions: docs/capacity.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Row } from './support/fleet-rows';

/** Replicas run at most this busy, so a replica lost or a burst does not saturate the others. */
const TARGET_UTILISATION = 0.6;
/** Queue jobs one chat turn makes (conversation-events, usage api_call, usage conversation on a first turn). */
const JOBS_PER_CHAT = 2.2;
/** Queue jobs per concurrent call per second (call events and usage seconds, counted generously). */
const JOBS_PER_CALL_SECOND = 0.05;
/** Webhook deliveries per chat turn (lead.qualified and conversation events for subscribed tenants). */
const DELIVERIES_PER_CHAT = 0.1;

export interface Load {
  tenants: number;
  chatsPerSec: number;
  calls: number;
  voiceSessions: number;
}

export interface Capacity {
  /** One voice-api replica (one core): /respond through the edge at 50 connections. */
  chatsPerReplica: number;
  /** One telephony-bridge core: 100 / CPU % of a core per call, at the largest measured run. */
  callsPerCore: number;
  /** One realtime core: 1000 / CPU ms per session-second, at the largest measured run. */
  sessionsPerCore: number;
  /** db-api's workers, one replica: usage events as one job each per second (the heaviest consumer per job; batched usage events cost less). */
  jobsPerDbApi: number;
  /** webhook-router, one replica: deliveries/s of a backlog, with db-api idle. */
  deliveriesPerReplica: number;
}

const find = (rows: Row[], group: RegExp, figure: string) => rows.filter((r) => group.test(r.group) && r.figure === figure);
const last = <T>(list: T[]): T | undefined => list[list.length - 1];

export function capacityFrom(rows: Row[]): Capacity {
  const value = (group: RegExp, figure: string) => last(find(rows, group, figure))?.value ?? NaN;
  // Results written before usage events travelled batched have only `events/s`, one job per event.
  const oneEventJobs = value(/^usage events/, 'one-event jobs/s');
  return {
    chatsPerReplica: value(/^\/respond, 50 connections/, 'req/s'),
    callsPerCore: 100 / value(/^phone media streams/, 'CPU per call % of a core'),
    sessionsPerCore: 1000 / value(/^browser voice/, 'CPU ms per session-second'),
    jobsPerDbApi: Number.isNaN(oneEventJobs) ? value(/^usage events/, 'events/s') : oneEventJobs,
    deliveriesPerReplica: value(/^webhook deliveries/, 'router alone, backlog deliveries/s'),
  };
}

export function replicas(load: Load, c: Capacity): { service: string; replicas: number; why: string }[] {
  const need = (demand: number, perReplica: number) => Math.max(2, Math.ceil(demand / (perReplica * TARGET_UTILISATION)));
  const jobs = load.chatsPerSec * JOBS_PER_CHAT + load.calls * JOBS_PER_CALL_SECOND;
  return [
    { service: 'voice-api', replicas: need(load.chatsPerSec, c.chatsPerReplica), why: `${load.chatsPerSec} chats/s at ${c.chatsPerReplica.toFixed(0)} per replica` },
    { service: 'telephony-bridge', replicas: need(load.calls, c.callsPerCore), why: `${load.calls} calls at ${c.callsPerCore.toFixed(0)} per core` },
    { service: 'realtime', replicas: need(load.voiceSessions, c.sessionsPerCore), why: `${load.voiceSessions} sessions at ${c.sessionsPerCore.toFixed(0)} per core` },
    { service: 'db-api', replicas: need(jobs, c.jobsPerDbApi), why: `${jobs.toFixed(0)} queue jobs/s at ${c.jobsPerDbApi.toFixed(0)} per replica` },
    { service: 'webhook-router', replicas: need(load.chatsPerSec * DELIVERIES_PER_CHAT, c.deliveriesPerReplica), why: `${(load.chatsPerSec * DELIVERIES_PER_CHAT).toFixed(1)} deliveries/s at ${c.deliveriesPerReplica.toFixed(0)} per replica` },
    { service: 'oauth-gateway', replicas: 2, why: 'logins only: two for availability' },
  ];
}

function newestResults(): { file: string; rows: Row[] } {
  const dir = join(__dirname, 'results');
  const files = readdirSync(dir).filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f)).sort();
  const file = last(files);
  if (!file) throw new Error('no bench/results/<date>.json: run `pnpm bench` first');
  return { file, rows: (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { rows: Row[] }).rows };
}

function main(): void {
  const { values } = parseArgs({ options: { tenants: { type: 'string', default: '1000' }, chats: { type: 'string', default: '20' }, calls: { type: 'string', default: '100' }, voice: { type: 'string', default: '50' } } });
  const load: Load = { tenants: Number(values.tenants), chatsPerSec: Number(values.chats), calls: Number(values.calls), voiceSessions: Number(values.voice) };
  const { file, rows } = newestResults();
  const capacity = capacityFrom(rows);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`From bench/results/${file}, replicas at most ${TARGET_UTILISATION * 100}% busy, two at least per service:`);
  out(`${load.tenants} tenants, ${load.chatsPerSec} chats/s at peak, ${load.calls} concurrent calls, ${load.voiceSessions} browser voice sessions`);
  out('| service | replicas (1 core each) | from |');
  out('|---|---|---|');
  for (const r of replicas(load, capacity)) out(`| ${r.service} | ${r.replicas} | ${r.why} |`);
  out(`voice-api: SNAPSHOT_CACHE_MAX_TENANTS >= ${load.tenants} active tenants per replica keeps every snapshot in memory (the one-round-trip path).`);
}

if (require.main === module) main();
