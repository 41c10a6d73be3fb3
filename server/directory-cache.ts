import { ServiceIndex } from '../src/core/search.ts';
import type { Database } from './db/database.ts';
import { directoryVersion, loadDirectory, type Directory } from './db/directory.ts';
import { OrukRecords } from './oruk/v3-writer.ts';
import { ResponseCache } from './response-cache.ts';

export interface LoadedDirectory extends Directory {
  index: ServiceIndex;
  /** The services as ORUK v3 records, each made once for this version. */
  oruk: OrukRecords;
  /** Responses built from this version (feed pages, hub lists), served until the directory changes. */
  responses: ResponseCache;
}

/**
 * The directory in memory, with its search index. It is small (hundreds to
 * a few thousand services), read on every ORUK and hub request, and written
 * rarely (seed, import), so each request checks one version number and the
 * whole directory is reloaded only after a write, including one made by
 * another process such as `npm run import:oruk`, or another instance on
 * the same PostgreSQL: the version lives in the database (`directory_version`,
 * bumped in the transaction of every write), not in this process. Responses
 * built from a version are kept with it, so they too are rebuilt after a
 * write, wherever it was made.
 */
export class DirectoryCache {
  private current: LoadedDirectory | undefined;
  private loading: Promise<LoadedDirectory> | undefined;

  constructor(private readonly db: Database) {}

  async get(): Promise<LoadedDirectory> {
    const version = await directoryVersion(this.db);
    if (this.current?.version === version) return this.current;
    this.loading ??= (async () => {
      try {
        const directory = await loadDirectory(this.db);
        if (directory.skipped) console.warn(`directory: skipped ${directory.skipped} stored records that no longer validate`);
        this.current = { ...directory, index: new ServiceIndex(directory.services), oruk: new OrukRecords(directory.services), responses: new ResponseCache() };
        return this.current;
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }
}
