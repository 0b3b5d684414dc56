import { problemOf, type ApiError } from './api';
import { downloadCsv } from './download';

/** A download a button starts: busy while the file comes, the API's problem if it does not. */
export class CsvDownload {
  busy = $state(false);
  problem = $state<ApiError | null>(null);

  async start(path: string, fileName: string): Promise<void> {
    this.busy = true;
    this.problem = null;
    try {
      await downloadCsv(path, fileName);
    } catch (cause) {
      this.problem = await problemOf(cause);
    } finally {
      this.busy = false;
    }
  }
}
