import { ServiceIndex } from '../src/core/search.ts';
import type { Database } from './db/database.ts';
import { directoryVersion, loadDirectory, type Directory } from './db/directory.ts';

export interface LoadedDirectory extends Directory {
  index: ServiceIndex;
}

/**
 * The directory in memory, with its search index. It is small (hundreds to
 * a few thousand services), read on every ORUK and hub request, and written
 * rarely (seed, import), so each request checks one version number and the
 * whole directory is reloaded only after a write, including one made by
 * another process such as `npm run import:oruk`.
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
        this.current = { ...directory, index: new ServiceIndex(directory.services) };
        return this.current;
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }
}
