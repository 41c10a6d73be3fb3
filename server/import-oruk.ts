/**
 * Imports an Open Referral UK feed (v1.0 or v3.0) into the directory:
 * upsert by id (running it twice changes nothing), then a report of what
 * was imported, updated and rejected, with reasons. Exits non-zero only
 * when nothing at all could be read.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Rejection, Service } from '../src/contract/directory.ts';
import { readFeed } from '../src/oruk/feed.ts';
import { readV1Service, readV1ServiceList } from '../src/oruk/v1.ts';
import { readV3Service, readV3ServiceList } from '../src/oruk/v3.ts';
import type { Database } from './db/database.ts';
import { upsertServices } from './db/directory.ts';

export interface ImportReport {
  source: string;
  version: '1.0' | '3.0';
  read: number;
  inserted: number;
  updated: number;
  rejected: number;
  reasons: Rejection[];
  notes: Rejection[];
  errors: string[];
  complete: boolean;
}

/** v1.0 or v3.0, from the shape of a saved response (a file has no `GET /` to ask). */
export function versionOfDocument(json: unknown): '1.0' | '3.0' {
  const looksV1 = (record: unknown) =>
    typeof record === 'object' &&
    record !== null &&
    ['regular_schedules', 'regular_schedule', 'service_taxonomys', 'eligibilitys'].some((key) => key in record);
  if (Array.isArray(json)) return json.some(looksV1) ? '1.0' : '3.0';
  if (typeof json === 'object' && json !== null) {
    if ('contents' in json || 'total_items' in json) return '3.0';
    if ('content' in json || 'totalElements' in json) return '1.0';
    return looksV1(json) ? '1.0' : '3.0';
  }
  return '3.0';
}

async function readSource(source: string): Promise<Omit<ImportReport, 'inserted' | 'updated'> & { services: Service[] }> {
  if (/^https?:\/\//i.test(source)) {
    const feed = await readFeed(source);
    return {
      source,
      version: feed.version,
      read: feed.services.length,
      rejected: feed.rejected,
      reasons: feed.reasons,
      notes: feed.notes,
      errors: feed.errors,
      complete: feed.complete,
      services: feed.services,
    };
  }
  const path = resolve(source);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    return { source: path, version: '3.0', read: 0, rejected: 0, reasons: [], notes: [], errors: [`Could not read ${path}: ${(error as Error).message}`], complete: false, services: [] };
  }
  const version = versionOfDocument(json);
  // A saved detail response is one service object rather than a list.
  const single = typeof json === 'object' && json !== null && !Array.isArray(json) && 'id' in json && 'name' in json;
  const result = single
    ? version === '1.0'
      ? readV1Service(json)
      : readV3Service(json)
    : version === '1.0'
      ? readV1ServiceList(json)
      : readV3ServiceList(json);
  return {
    source: path,
    version,
    read: result.records.length,
    rejected: result.rejected,
    reasons: result.reasons,
    notes: result.notes ?? [],
    errors: [],
    complete: true,
    services: result.records,
  };
}

export async function importOruk(db: Database, source: string): Promise<ImportReport> {
  const { services, ...read } = await readSource(source);
  const { inserted, updated } = services.length ? await upsertServices(db, services, read.source) : { inserted: 0, updated: 0 };
  return { ...read, inserted, updated };
}

export function formatReport(report: ImportReport): string {
  const lines = [
    `Imported ORUK v${report.version} from ${report.source}`,
    `  read:     ${report.read} services${report.complete ? '' : ' (incomplete: stopped early)'}`,
    `  imported: ${report.inserted} new`,
    `  updated:  ${report.updated} already known`,
    `  rejected: ${report.rejected}`,
    ...report.reasons.map((reason) => `    ${reason.count} × ${reason.reason}`),
    ...(report.notes.length ? ['  repaired:', ...report.notes.map((note) => `    ${note.count} × ${note.reason}`)] : []),
    ...report.errors.map((error) => `  error: ${error}`),
  ];
  return lines.join('\n');
}
